/**
 * A JSON syntax error in the digest's own data files, said as the `validate` command says it
 * (`_data/digest.json:12:5: invalid JSON: …`) rather than as Eleventy does (a character offset).
 * Checked at `eleventy.before`, before Eleventy loads any data, by reading the files as Eleventy
 * reads them (trimmed, `JSON.parse`): a file that passes here is one Eleventy parses. Why not a
 * `json` data extension of our own: that would replace Eleventy's parser for every JSON data file
 * of the host, clash with a host's own `json` parser (JSON5) and move `.json` among the data-file
 * extension priorities; this check changes nothing Eleventy reads, at the cost of reading the
 * digest's files twice (as bytes, scanned without being parsed: `isJsonBytes`).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDataJson } from "../data/validate-file.js";
import { isJsonBytes } from "../data/json-location.js";

/** One file's bytes, or nothing when it cannot be read (absent: no such data; else Eleventy says why). */
async function readBytes(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * Throws a `DigestFileError` for the first digest data file that is not JSON: `{dataKey}.json` in
 * the data folder, then the `.json` files of the `{dataKey}/` folder, by name. `dataDir` is the
 * data folder as the user knows it (`_data/`), which the messages name.
 */
export async function checkDigestJsonSyntax(dataDir: string, dataKey: string): Promise<void> {
  const files = [path.join(dataDir, `${dataKey}.json`)];
  const folder = path.join(dataDir, dataKey);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const name of entries.filter((entry) => entry.isFile() && entry.name.endsWith(".json")).map((entry) => entry.name).sort()) files.push(path.join(folder, name));
  for (const file of files) {
    const bytes = await readBytes(file);
    // Most files are JSON byte for byte: checked without making the text or its values (at 100k
    // articles, 0.15 s instead of 0.66 s and 170 MB). Any other is read as Eleventy reads it.
    if (bytes !== undefined && !isJsonBytes(bytes)) parseDataJson(file.split(path.sep).join("/"), bytes.toString("utf8"));
  }
}
