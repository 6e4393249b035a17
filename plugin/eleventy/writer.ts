/**
 * Writes rendered pages straight to the output folder, a few at a time, keeping none of them:
 * each page's text is garbage as soon as its file is written. This is what lets a 100k-article
 * digest (40k pages) build in bounded memory, where Eleventy keeps every page's output until the
 * build ends.
 */
import { mkdir as mkdirCallback, writeFile as writeFileCallback } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

// The callback API, promisified: `fs/promises` wraps every file in a FileHandle (open, write,
// close through it), which cost the main thread more than the writing (measured: `openFileHandle`
// 0.85 s of a 10k direct build's profile).
const writeFile = promisify(writeFileCallback);
const mkdir = promisify(mkdirCallback);

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

/**
 * Renders and writes every file, `concurrency` writes in flight. Rendering is synchronous and
 * happens just before each write, so at most `concurrency` pages exist at once.
 */
export async function writeOutputFiles(outputDir: string, files: Iterable<OutputFile>, concurrency = 16): Promise<number> {
  const madeDirs = new Set<string>();
  const iterator = files[Symbol.iterator]();
  let written = 0;
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
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
        throw Object.assign(new Error(`eleventy-plugin-digest: could not write ${file}: ${(error as Error).message}`, { cause: error }), { skipOriginalStack: true });
      }
      written++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return written;
}
