/**
 * The digest's own data files, checked at `eleventy.before`, before Eleventy loads any data, with
 * the `validate` command's checks and words (data/data-file.ts): a JSON syntax error as
 * `_data/digest.json:12:5: invalid JSON: …` rather than Eleventy's character offset; a FIFO or a
 * device refused before anything opens it (Eleventy would wait on it forever); a file that is not
 * UTF-8; `__proto__` keys and deep nesting, on which Eleventy's own data merge fails; a data file
 * beside a data folder of the same key, and month files not named for a month, which Eleventy
 * would read without a word and lose; and, as warnings, repeated keys. A file that passes here is
 * one Eleventy parses. Why not a `json` data extension of our own: that would replace Eleventy's
 * parser for every JSON data file of the host, clash with a host's own `json` parser (JSON5) and
 * move `.json` among the data-file extension priorities; this check changes nothing Eleventy
 * reads, at the cost of reading the digest's files twice (as bytes, scanned without being parsed).
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { assertRegularFile, dataLayoutProblems, ELEVENTY_DATA_EXTENSIONS, readDataFile } from "../data/data-file.js";
import { DigestValidationError, type DigestProblem } from "../data/problems.js";

/** How the files are checked: whether JSON is Eleventy's (not a host's own `json` parser), and the host's other data extensions. */
export interface DigestDataFileChecks {
  /** False when the host parses `.json` its own way (JSON5, comments), which `JSON.parse` would refuse. */
  readonly parsesJson: boolean;
  /** The host's own data extensions (`yaml`), besides Eleventy's. */
  readonly extensions?: readonly string[];
}

/**
 * Checks the digest's data files in `dataDir` (the data folder as the user knows it, `_data/`,
 * which the messages name): `{dataKey}.json`, then the `.json` files of the `{dataKey}/` folder,
 * by name. Throws a `DigestFileError` for the first file that is not a regular file, not UTF-8 or
 * not JSON, else a `DigestValidationError` listing every problem; returns the warnings.
 */
export async function checkDigestDataFiles(
  dataDir: string,
  dataKey: string,
  checks: DigestDataFileChecks,
): Promise<DigestProblem[]> {
  const shown = (file: string) => file.split(path.sep).join("/");
  const problems = await dataLayoutProblems(dataDir, dataKey, shown(dataDir), [
    ...ELEVENTY_DATA_EXTENSIONS,
    ...(checks.extensions ?? []),
  ]);
  const files = [path.join(dataDir, `${dataKey}.json`)];
  const folder = path.join(dataDir, dataKey);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const name of entries
    .filter((entry) => !entry.isDirectory() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort())
    files.push(path.join(folder, name));
  const warnings: DigestProblem[] = [];
  for (const file of files) {
    // An absent `{dataKey}.json` is no data; anything else there is read only if it is a regular file.
    if (file === files[0] && !(await exists(file))) continue;
    if (!checks.parsesJson) {
      await assertRegularFile(file, shown(file));
      continue;
    }
    const report = await readDataFile(file, { parse: false, shown: shown(file) });
    problems.push(...report.problems);
    warnings.push(...report.warnings);
  }
  if (problems.length > 0) throw new DigestValidationError(problems);
  return warnings;
}

/** Whether anything is at `file` (a dangling link is nothing). */
async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
