/**
 * Share images cached by content: a PNG's file name is the hash of everything it shows and of the
 * layout version, under Eleventy's `.cache` folder (relative to the working directory, as
 * @11ty/eleventy-img and @11ty/eleventy-fetch keep theirs), so a rebuild draws only the images
 * whose content changed. Files are written whole (a temp file renamed), so a stopped build leaves
 * no half PNG to reuse.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { LAYOUT_VERSION } from "./layout.js";
import { SHARE_IMAGE_SIZE, type ShareCard } from "./subjects.js";

/** Where the cached PNGs live, under the working directory's `.cache`. */
export function shareCacheDir(cwd: string = process.cwd()): string {
  return path.join(cwd, ".cache", "eleventy-plugin-digest", "share");
}

/** The cache key: what the image shows (not its path: two cards that look alike share a file). */
export function shareImageHash(card: ShareCard): string {
  const shown = {
    version: LAYOUT_VERSION,
    size: SHARE_IMAGE_SIZE,
    site: card.site,
    heading: card.heading,
    subheading: card.subheading ?? null,
    picks: card.picks,
  };
  return createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 32);
}

/** How many images a call of `cachedShareImages` drew and how many it found. */
export interface ShareCacheStats {
  rendered: number;
  cached: number;
}

/** One card's PNG file in the cache, by the card's path. */
export interface CachedShareImage {
  readonly card: ShareCard;
  readonly file: string;
}

/**
 * The renderer, loaded the first time a card must be drawn: satori is slow to load, which a build
 * whose images are all cached (or a site without share images) should not pay.
 */
let renderer: Promise<typeof import("./render.js")> | undefined;

/**
 * Makes sure every card's PNG is in the cache, drawing the missing ones two at a time (satori and
 * resvg are CPU-bound). Rejects, naming the card, if one cannot be drawn.
 */
export async function cachedShareImages(
  cards: readonly ShareCard[],
  dir: string,
  stats: ShareCacheStats = { rendered: 0, cached: 0 },
): Promise<CachedShareImage[]> {
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);
  const results = cards.map((card) => ({ card, file: path.join(dir, `${shareImageHash(card)}.png`) }));
  // Cards that look alike (the archive's and its newest issue's, often) are one file, drawn once.
  const unique = [...new Map(results.map((result) => [result.file, result])).values()];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unique.length) {
      const { card, file } = unique[next++]!;
      if (await exists(file)) {
        stats.cached++;
        continue;
      }
      let png: Buffer;
      try {
        png = await (await (renderer ??= import("./render.js"))).renderShareImage(card);
      } catch (error) {
        throw Object.assign(
          new Error(
            `eleventy-plugin-digest: could not draw the share image ${card.path} ("${card.heading}"): ${(error as Error).message}; nothing was written`,
            { cause: error },
          ),
          { skipOriginalStack: true },
        );
      }
      const temp = `${file}.${process.pid}.${next}.tmp`;
      try {
        await writeFile(temp, png);
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw Object.assign(
          new Error(`eleventy-plugin-digest: could not write ${file}: ${(error as Error).message}`, { cause: error }),
          { skipOriginalStack: true },
        );
      }
      stats.rendered++;
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

/** A temp file's name: `<hash>.png.<pid>.<n>.tmp`, with the id of the process writing it. */
const TEMP_FILE = /^[0-9a-f]+\.png\.(\d+)\.\d+\.tmp$/;

/** Whether a process with this id is running (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temp files of builds that were killed while writing (their process is gone): they
 * would otherwise stay in the cache forever. A running build's (another `--serve` on the same
 * folder) are left to it.
 */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const pid = TEMP_FILE.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid)))
      await rm(path.join(dir, name), { force: true });
  }
}

/** Whether a cached PNG is there (an empty file, which no finished write leaves, is drawn again). */
async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
