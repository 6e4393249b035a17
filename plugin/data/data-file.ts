/**
 * Reading the digest's own data files with nothing lost in silence: what `JSON.parse` (Eleventy's
 * reader) would take without a word, said in words before anything is built. The build (at
 * `eleventy.before`, before Eleventy reads any data) and the `validate` command run these same
 * checks, so they refuse and warn alike:
 *
 * - a FIFO, a device or a socket in the data's place (reading one hangs or never ends);
 * - a file that is not UTF-8 (UTF-16 and UTF-32 named as such) or has bytes that are not UTF-8
 *   (which a reader would turn into U+FFFD), with the byte offset;
 * - keys named `__proto__` (Eleventy's data merge fails on them), nesting deeper than
 *   `MAX_DATA_DEPTH` (a merge or a validator would overflow the stack), and, as warnings, repeated
 *   keys (`JSON.parse` keeps the last);
 * - `_data/digest.json` beside a `_data/digest/` folder (Eleventy merges the folder's files into the
 *   file's data, where no month is read), and monthly files whose names are not months.
 */
import { isUtf8 } from "node:buffer";
import type { Stats } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { jsonShapeIn, lineAndColumn, parseJson, type JsonKeyPlace, type JsonShape } from "./json-location.js";
import { formatPath, type DigestProblem } from "./problems.js";

/** A file that cannot be read or is not JSON: the command's usage-level failure. */
export class DigestFileError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  constructor(file: string, message: string, place?: { line: number; column: number }) {
    super(place ? `${file}:${place.line}:${place.column}: ${message}` : `${file}: ${message}`);
    this.name = "DigestFileError";
    this.file = file;
    if (place) {
      this.line = place.line;
      this.column = place.column;
    }
  }
}

/** The error for a file that could not be opened or read, naming it and the system's reason (`ENOENT`). */
export function cannotRead(file: string, error: unknown): DigestFileError {
  return new DigestFileError(file, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

/**
 * A data file's text parsed as Eleventy parses it; a syntax error throws a `DigestFileError` naming
 * `file:line:column` (the build's own check of the digest's files says it in these words too).
 */
export function parseDataJson(file: string, text: string): unknown {
  // As Eleventy: trimmed (which also drops a byte order mark), and an empty file is `{}`.
  const trimmed = text.trim();
  if (trimmed === "") return {};
  const parsed = parseJson(trimmed);
  if (parsed.ok) return parsed.value;
  const leading = text.length - text.trimStart().length;
  throw new DigestFileError(
    file,
    `invalid JSON: ${parsed.error.message}`,
    lineAndColumn(text, parsed.error.offset + leading),
  );
}

/**
 * How deep digest data may nest. The deepest real place is 4 levels (`issues["2025-04"].title`,
 * `articles[0].source.name`, `articles[0].tags[0]`); far deeper data is no digest, and at some
 * thousands of levels Eleventy's data merge and any recursive check overflow the stack.
 */
export const MAX_DATA_DEPTH = 64;

/** A month file's name: `2025-04.json`. */
const MONTH_FILE = /^\d{4}-(0[1-9]|1[0-2])\.json$/;

/** What a file that is not a regular one is, in words. */
function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (stats.isDirectory()) return "a folder";
  return "not a regular file";
}

/**
 * Refuses anything but a regular file before it is opened: reading a FIFO waits for a writer
 * forever, `/dev/zero` never ends. `shown` names the file in the message.
 */
export async function assertRegularFile(file: string, shown: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await stat(file);
  } catch (error) {
    throw cannotRead(shown, error);
  }
  if (!stats.isFile())
    throw new DigestFileError(
      shown,
      `is ${fileKind(stats)}, not a data file; give a regular .json file (or a folder of them)`,
    );
}

/** The UTF-16 or UTF-32 a file's first bytes show, in words; undefined for anything else. */
function utf16Or32(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return "UTF-32 (little-endian, with a byte order mark)";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "UTF-32 (big-endian, with a byte order mark)";
  if (a === 0xff && b === 0xfe) return "UTF-16 (little-endian, with a byte order mark)";
  if (a === 0xfe && b === 0xff) return "UTF-16 (big-endian, with a byte order mark)";
  // JSON starts with an ASCII character: in UTF-16 without a mark, half of its first two bytes are zero.
  if (bytes.length >= 2 && a !== 0 && b === 0) return "UTF-16 (little-endian)";
  if (bytes.length >= 2 && a === 0 && b !== 0) return "UTF-16 (big-endian)";
  return undefined;
}

/** The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0; // no overlong forms
      if (lead === 0xed) max = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? min : 0x80) || next > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** The line and column (UTF-16 code units, as editors count) of a byte offset in well-formed UTF-8 before it. */
function placeOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.toString("utf8", 0, offset);
  return lineAndColumn(before, before.length);
}

/** A path for a message, cut after a few steps when data nests very deep. */
function shortPath(segments: readonly (string | number)[]): string {
  return segments.length > 8 ? `${formatPath(segments.slice(0, 8))}…` : formatPath(segments);
}

/** What `readDataFile` found: the problems the build would refuse and the warnings, per file. */
export interface DataFileReport {
  /** The parsed data when asked for and the file has no problem. */
  readonly value?: unknown;
  readonly problems: DigestProblem[];
  readonly warnings: DigestProblem[];
}

/**
 * Reads one digest data file and checks what `JSON.parse` would take silently. Throws
 * `DigestFileError` for a file that is not a regular file, not UTF-8, or not JSON (file, line and
 * column, naming `file`); returns the problems (`__proto__` keys, nesting) and warnings (repeated
 * keys), naming the file `shown` (default `file`), and the value when `parse` is set and there is
 * no problem.
 */
export async function readDataFile(
  file: string,
  { parse, shown = file }: { parse: boolean; shown?: string },
): Promise<DataFileReport> {
  await assertRegularFile(file, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
  const encoding = utf16Or32(bytes);
  if (encoding !== undefined)
    throw new DigestFileError(
      file,
      `the file is ${encoding}; data files must be UTF-8: save it as UTF-8 (without a byte order mark)`,
    );
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, "0");
    throw new DigestFileError(
      file,
      `invalid UTF-8 at byte ${offset} (0x${byte}); data files must be UTF-8: save it as UTF-8, or fix the text there`,
      placeOfByte(bytes, offset),
    );
  }

  // Most files are JSON byte for byte, and are scanned as bytes, without making the text; any
  // other (a byte order mark, blanks that `trim` removes) is read as Eleventy reads it.
  const decodeBytes = (start: number, end: number): string => {
    const token = bytes.toString("utf8", start, end);
    return token.includes("\\") ? (JSON.parse(token) as string) : token.slice(1, -1);
  };
  let shape: JsonShape = jsonShapeIn(bytes, decodeBytes, MAX_DATA_DEPTH);
  let place = (offset: number) => placeOfByte(bytes, offset);
  let value: unknown;
  if (shape.syntaxError !== -1) {
    const text = bytes.toString("utf8");
    value = parseDataJson(file, text); // throws with file:line:column when it is not JSON
    const leading = text.length - text.trimStart().length;
    const trimmed = text.trim();
    const decodeText = (start: number, end: number): string => JSON.parse(trimmed.slice(start, end)) as string;
    const units = new Uint16Array(trimmed.length);
    for (let k = 0; k < trimmed.length; k++) units[k] = trimmed.charCodeAt(k);
    shape = jsonShapeIn(units, decodeText, MAX_DATA_DEPTH);
    place = (offset: number) => lineAndColumn(text, offset + leading);
  }

  const problems: DigestProblem[] = [];
  const at = (offset: number) => {
    const { line, column } = place(offset);
    return `line ${line}, column ${column}`;
  };
  if (shape.tooDeep) {
    problems.push({
      file: shown,
      path: shortPath(shape.tooDeep.path),
      message: `nested more than ${MAX_DATA_DEPTH} levels deep (${at(shape.tooDeep.offset)}); digest data nests at most 4 levels`,
    });
  }
  const keyPath = (key: JsonKeyPlace) => shortPath([...key.path, key.key]);
  for (const key of shape.protoKeys) {
    problems.push({
      file: shown,
      path: keyPath(key),
      message: `a key named "__proto__" (${at(key.offset)}) is refused: Eleventy's data merge fails on it; rename or remove it`,
    });
  }
  const warnings = shape.duplicateKeys.map((key) => ({
    file: shown,
    path: keyPath(key),
    message: `the key "${key.key}" appears again in this object (${at(key.offset)}); the last one is used, the earlier ones are ignored`,
  }));
  if (problems.length > 0) return { problems, warnings };
  if (parse && value === undefined) value = parseDataJson(file, bytes.toString("utf8"));
  return { ...(parse && { value }), problems, warnings };
}

/** Whether a folder holds a file Eleventy would read as data (`extensions`, without dots). */
async function holdsDataFiles(folder: string, extensions: readonly string[]): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.some(
    (entry) => !entry.isDirectory() && extensions.some((extension) => entry.name.endsWith(`.${extension}`)),
  );
}

/** The data extensions Eleventy reads besides a host's own. */
export const ELEVENTY_DATA_EXTENSIONS = ["json", "js", "cjs", "mjs"] as const;

/**
 * The problems of the data's layout in `dataDir` for `dataKey`: the file and the folder both
 * present (Eleventy merges the folder's files into the file's data, where they are not read as
 * months: a month would be lost), and `.json` files in the folder not named for a month.
 * `shownDir` is the folder as messages name it (`_data/`, or "" for the names alone).
 */
export async function dataLayoutProblems(
  dataDir: string,
  dataKey: string,
  shownDir: string,
  extensions: readonly string[] = ELEVENTY_DATA_EXTENSIONS,
): Promise<DigestProblem[]> {
  const file = path.join(dataDir, `${dataKey}.json`);
  const folder = path.join(dataDir, dataKey);
  const problems: DigestProblem[] = [];
  const folderStats = await stat(folder).catch(() => undefined);
  if (!folderStats?.isDirectory()) return problems;
  const fileStats = await stat(file).catch(() => undefined);
  if (fileStats !== undefined && !fileStats.isDirectory() && (await holdsDataFiles(folder, extensions))) {
    problems.push({
      file: `${shownDir}${dataKey}.json`,
      path: "",
      message: `both this file and the folder ${shownDir}${dataKey}/ hold the digest's data; Eleventy would merge the folder's files into this file's data, where their months are not read: keep one of them (move the articles of ${shownDir}${dataKey}/ into ${shownDir}${dataKey}.json, or the file's into the folder)`,
    });
  }
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const name of entries
    .filter((entry) => !entry.isDirectory() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort()) {
    if (!MONTH_FILE.test(name))
      problems.push({
        file: `${shownDir}${dataKey}/${name}`,
        path: "",
        message:
          'the file name is not a real month; expected one file per month named "YYYY-MM.json", such as "2025-04.json"',
      });
  }
  return problems;
}
