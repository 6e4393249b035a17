/**
 * What `validate <path>` checks: a data file, a folder of monthly files, or the whole data folder
 * (`_data`), in which it finds the digest's file or folder by its data key, as a build would.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { DigestFileError } from "../data/validate-file.js";

const MONTH_FILE = /^\d{4}-\d{2}\.json$/;

/**
 * `target` itself when it is a file or a folder of `YYYY-MM.json` files; in any other folder, its
 * `<dataKey>.json` or `<dataKey>/`; else a `DigestFileError` saying what was expected.
 */
export async function resolveDataTarget(target: string, dataKey: string): Promise<string> {
  let entries: string[];
  try {
    if (!(await stat(target)).isDirectory()) return target;
    entries = await readdir(target);
  } catch {
    return target; // validateDigestFile says why it cannot be read
  }
  if (entries.some((name) => MONTH_FILE.test(name))) return target;
  const file = path.join(target, `${dataKey}.json`);
  const folder = path.join(target, dataKey);
  const has = async (candidate: string, directory: boolean) =>
    (await stat(candidate).catch(() => undefined))?.isDirectory() === directory;
  if (entries.includes(`${dataKey}.json`) && (await has(file, false))) return file;
  if (entries.includes(dataKey) && (await has(folder, true))) return folder;
  throw new DigestFileError(
    target,
    `no digest data here: expected ${dataKey}.json or a ${dataKey}/ folder of YYYY-MM.json files in it (or give the file or folder itself; --data-key names another key)`,
  );
}
