/**
 * Writes rendered pages straight to the output folder, a few at a time, keeping none of them:
 * each page's text is garbage as soon as its file is written. This is what lets a 100k-article
 * digest (40k pages) build in bounded memory, where Eleventy keeps every page's output until the
 * build ends.
 */
import fs, { mkdir as mkdirCallback, rm as rmCallback, writeFile as writeFileCallback } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

// The callback API, promisified: `fs/promises` wraps every file in a FileHandle (open, write,
// close through it), which cost the main thread more than the writing (`openFileHandle` in a
// direct build's profile; docs/performance.md).
const writeFile = promisify(writeFileCallback);
const mkdir = promisify(mkdirCallback);
const rm = promisify(rmCallback);

/** One file to write: its site-root path (`/2025/04/`, `/feed.xml`) and how to render it (text, or bytes such as a PNG). */
export interface OutputFile {
  readonly path: string;
  readonly render: () => string | Uint8Array | Promise<Uint8Array>;
}

/** Eleventy's mapping of a URL path to a file: directories get `index.html`. */
export function outputFileFor(outputDir: string, urlPath: string): string {
  const relative = decodeURI(urlPath).replace(/^\/+/, "");
  return path.join(outputDir, relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative);
}

/** Why a write failed, in words: the error code's meaning first (`no space left on the device (ENOSPC)`). */
function writeFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const meaning: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "the disk quota is used up",
    EROFS: "the file system is read-only",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOTDIR: "a file is in the way where a folder must be",
    EEXIST: "a file is in the way where a folder must be",
    EISDIR: "a folder is in the way where the file must be",
    EMFILE: "too many open files",
  };
  return code !== undefined && meaning[code] !== undefined ? `${meaning[code]} (${code})` : message;
}

/**
 * Renders and writes every file, `concurrency` writes in flight. Rendering is synchronous and
 * happens just before each write, so at most `concurrency` pages exist at once. The first failed
 * write stops the rest (a full disk fails every later write alike) and rejects with one line
 * naming the file and the cause; the file it left cut short is removed.
 */
export async function writeOutputFiles(
  outputDir: string,
  files: Iterable<OutputFile>,
  concurrency = 16,
): Promise<number> {
  const madeDirs = new Set<string>();
  const iterator = files[Symbol.iterator]();
  let written = 0;
  let failure: Error | undefined;
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done && failure === undefined; next = iterator.next()) {
      const file = outputFileFor(outputDir, next.value.path);
      const content = await next.value.render();
      const dir = path.dirname(file);
      try {
        if (!madeDirs.has(dir)) {
          await mkdir(dir, { recursive: true });
          madeDirs.add(dir);
        }
        await writeFile(file, content);
      } catch (error) {
        await rm(file, { force: true }).catch(() => undefined);
        // Only the first failure is told: the others are its echoes.
        failure ??= Object.assign(
          new Error(`eleventy-plugin-digest: could not write ${file}: ${writeFailure(error)}`, { cause: error }),
          { skipOriginalStack: true },
        );
        return;
      }
      written++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failure) throw failure;
  return written;
}

/**
 * Free space on the output's disk, checked before Eleventy writes each of the digest's pages in the
 * default pipeline (the plugin renders them; Eleventy writes them, and on a full disk leaves each
 * file it opened empty or cut short and names every page of the template in one message). A page
 * that does not fit stops the build with one line naming its file, before Eleventy opens it.
 *
 * Eleventy renders ahead of its writes, so the pages passed but not yet on disk count as taken. A
 * page counts as its length in characters, rounded up to whole blocks: never more than its UTF-8
 * bytes, so no page that fits is refused (a disk that fills within the difference gets Eleventy's
 * own error), and no page's text is scanned (`Buffer.byteLength` of a page with any non-Latin-1
 * character walks it: seconds over a large build). The disk is asked again only when half of what
 * it had left is passed: a few dozen times a build, not once a page.
 */
export class FreeSpaceGuard {
  /** Free bytes at the build's first check, and the disk's block size. */
  #start: { free: number; blockSize: number } | undefined;
  /** What the pages passed in this build take. */
  #passed = 0;
  /** What may be passed before the disk is asked again. */
  #budget = 0;

  /** Forgets what the disk had free: a new build asks again. */
  reset(): void {
    this.#start = undefined;
    this.#passed = 0;
    this.#budget = 0;
  }

  /** Throws a one-line error naming the file of `urlPath` when `text` would not fit on the disk of `outputDir`. */
  check(outputDir: string, urlPath: string, text: string): void {
    // A file takes whole blocks (its folder's are not counted).
    const takes = (blockSize: number) => Math.max(1, Math.ceil(text.length / blockSize)) * blockSize;
    if (this.#start !== undefined && takes(this.#start.blockSize) <= this.#budget) {
      this.#budget -= takes(this.#start.blockSize);
      this.#passed += takes(this.#start.blockSize);
      return;
    }
    const space = statfsOf(outputDir);
    if (space === undefined) return; // no answer (an unusual file system): Eleventy's own error says it
    this.#start ??= space;
    const needs = takes(space.blockSize);
    // What is gone since the first check is, at most, the pages passed: the rest are still to be written.
    const available = space.free - Math.max(0, this.#passed - (this.#start.free - space.free));
    if (needs > available) {
      throw Object.assign(
        new Error(
          `eleventy-plugin-digest: could not write ${outputFileFor(outputDir, urlPath)}: no space left on the device (${Math.max(0, available)} bytes free, the page needs ${needs}); nothing more of the digest is written`,
        ),
        { skipOriginalStack: true },
      );
    }
    this.#passed += needs;
    this.#budget = (available - needs) / 2;
  }
}

/** The free bytes and block size of the disk holding `dir` (or its nearest existing parent), or undefined. */
function statfsOf(dir: string): { free: number; blockSize: number } | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      const stats = fs.statfsSync(current);
      return { free: stats.bavail * stats.bsize, blockSize: stats.bsize };
    } catch {
      if (path.dirname(current) === current) return undefined;
    }
  }
}
