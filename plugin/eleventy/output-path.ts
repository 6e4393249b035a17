/**
 * The last guard before Eleventy writes a file: every page and feed path must stay inside the
 * digest's folder. Slugs are built so that this always holds (see slug.ts); this check makes a
 * mistake there a build error instead of a file written somewhere else. Pure.
 */

/** Thrown when a page or feed path would leave the digest's folder: nothing is written. */
export class DigestPathError extends Error {
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`eleventy-plugin-digest: refusing to write ${JSON.stringify(path)}: ${reason}; nothing was written`);
    this.name = "DigestPathError";
    this.path = path;
  }
}

// Controls, and `\` (a separator on Windows): never part of a path the plugin makes.
const UNSAFE_CHARACTER = /[\u0000-\u001F\u007F\\]/;

/**
 * Returns `path` if it is a site-root path inside `basePath` (normalised, e.g. `/` or `/digest/`)
 * with no `.`, `..` or empty segment, no `%` (a server could decode `%2e%2e`) and no control
 * character or backslash; throws `DigestPathError` otherwise.
 */
export function assertInsideBase(path: string, basePath: string): string {
  if (!basePath.startsWith("/") || !basePath.endsWith("/"))
    throw new DigestPathError(path, `the base path ${JSON.stringify(basePath)} is not normalised`);
  if (!path.startsWith(basePath))
    throw new DigestPathError(path, `it is not inside the digest's folder ${JSON.stringify(basePath)}`);
  if (UNSAFE_CHARACTER.test(path)) throw new DigestPathError(path, "it contains a control character or a backslash");
  if (path.includes("%")) throw new DigestPathError(path, "it contains a percent sign");
  const segments = path.slice(1).split("/");
  // A trailing "/" (a folder's index.html) leaves one empty last segment; any other is a "//".
  if (segments.at(-1) === "") segments.pop();
  for (const segment of segments) {
    if (segment === "") throw new DigestPathError(path, "it has an empty segment");
    if (segment === "." || segment === "..")
      throw new DigestPathError(path, `it has a ${JSON.stringify(segment)} segment`);
  }
  return path;
}
