/**
 * Checks a digest data file, or a folder of monthly files, without building: what the `validate`
 * command runs, for editors and CI. Files are read the way Eleventy reads `_data` (trimmed,
 * `JSON.parse`, an empty file is `{}`), then checked by the same `validateDigest` as a build, so
 * the messages are the same.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { assertRegularFile, cannotRead, dataLayoutProblems, readDataFile } from "./data-file.js";
export { DigestFileError, parseDataJson } from "./data-file.js";
import { DigestValidationError, validateDigest, type DigestProblem, type ValidatedDigest } from "./validate.js";

/** How `validateDigestFile` reads and checks: the data key (file names in messages) and the time zone of dates. */
export interface ValidateFileOptions {
  /** Names files in messages (`digest.json`). Default: the file's or folder's name. */
  readonly dataKey?: string;
  /** The plugin's `timeZone`, for the date warnings. Default `UTC`. */
  readonly timeZone?: string;
}

/** What `validateDigestFile` found: the files it read, the valid digest or every problem, and the warnings. */
export interface DigestFileReport {
  /** The file or folder checked, as given. */
  readonly path: string;
  readonly valid: boolean;
  /** Every problem; empty when valid. */
  readonly problems: readonly DigestProblem[];
  /** Suspicious but legal data, and files of a folder that were not read. */
  readonly warnings: readonly DigestProblem[];
  /** Articles and monthly issues in valid data; 0 when invalid. */
  readonly articleCount: number;
  readonly issueCount: number;
  /** The valid digest (absent when invalid), for what a caller reports beyond validity. */
  readonly digest?: ValidatedDigest;
}

/**
 * Checks `target`, a data file (`_data/digest.json`) or a folder of monthly files
 * (`_data/digest/`). Resolves with a report, valid or not; rejects with `DigestFileError` when a
 * file cannot be read, is not a regular file, is not UTF-8 or is not JSON. Reports, as the build
 * refuses, what `JSON.parse` would take silently (see data-file.ts): `__proto__` keys, deep
 * nesting, a file beside a folder of the same name, month files not named for a month; warns of
 * repeated keys.
 */
export async function validateDigestFile(target: string, options: ValidateFileOptions = {}): Promise<DigestFileReport> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(target)).isDirectory();
  } catch (error) {
    throw cannotRead(target, error);
  }
  if (!isFolder) await assertRegularFile(target, target);
  const name = path.basename(target).replace(/\.json$/i, "");
  const dataKey = options.dataKey ?? name;
  // The folder's name or the file's without `.json`: the data key a build would read them under.
  const problems: DigestProblem[] = await dataLayoutProblems(path.dirname(target), name, "");
  const skipped: DigestProblem[] = [];
  const fileWarnings: DigestProblem[] = [];
  // Whether a file's problems kept its data from being read (its value is then not checked).
  let unread = false;
  const read = async (file: string, shown: string): Promise<unknown> => {
    const report = await readDataFile(file, { parse: true, shown });
    if (report.problems.length > 0) unread = true;
    problems.push(...report.problems);
    fileWarnings.push(...report.warnings);
    return report.value;
  };
  let raw: unknown;
  if (isFolder) {
    // Eleventy gives a data folder as an object keyed by file name; only JSON is read here.
    const folder: Record<string, unknown> = {};
    const misnamed = new Set(problems.map((problem) => problem.file));
    const entries = (await readdir(target, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const shown = `${dataKey}/${entry.name}`;
      if (entry.name.endsWith(".json") && !entry.isDirectory()) {
        const value = await read(path.join(target, entry.name), shown);
        if (!misnamed.has(shown)) folder[entry.name.slice(0, -".json".length)] = value;
      } else
        skipped.push({
          file: shown,
          path: "",
          message: "not checked: this command reads only the folder's .json files",
        });
    }
    // An empty folder gives Eleventy no data at all.
    raw = Object.keys(folder).length > 0 ? folder : undefined;
  } else raw = await read(target, `${dataKey}.json`);
  if (unread || (problems.length > 0 && raw === undefined)) {
    return {
      path: target,
      valid: false,
      problems,
      warnings: [...skipped, ...fileWarnings],
      articleCount: 0,
      issueCount: 0,
    };
  }

  try {
    const digest = validateDigest(raw, {
      dataKey,
      ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
    });
    if (problems.length > 0) throw new DigestValidationError([]);
    return {
      path: target,
      valid: true,
      problems: [],
      warnings: [...skipped, ...fileWarnings, ...digest.warnings],
      articleCount: digest.articles.length,
      issueCount: new Set(digest.articles.map((article) => article.month)).size,
      digest,
    };
  } catch (error) {
    if (!(error instanceof DigestValidationError)) throw error;
    return {
      path: target,
      valid: false,
      problems: [...problems, ...error.problems],
      warnings: [...skipped, ...fileWarnings],
      articleCount: 0,
      issueCount: 0,
    };
  }
}
