/**
 * Splitting what the data cascade holds under the data key into data files ("units"): one
 * `digest.json`, or one unit per `digest/YYYY-MM.json` of a monthly folder. A unit knows how to name
 * its file in messages and, for a monthly file, the month its name gives.
 */
import { isMonthKey } from "./schema.js";
import type { MonthKey } from "./schema.js";
import { describeInput, type DigestProblem } from "./problems.js";

/** A data file found in the cascade, with how to name it and its places. */
export interface DataUnit {
  readonly file: string;
  readonly value: unknown;
  /** The month taken from a monthly file's name (shape 3). */
  readonly fileMonth?: MonthKey;
}

/** A JSON object, not null or an array: what the data must hold wherever it has fields. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A key that is meant as a monthly file's name, real month or not ("2025-04", "2025-13"). */
const MONTH_FILE_NAME = /^\d{4}-\d{1,2}$/;

/**
 * Eleventy gives a `_data/digest/` folder as an object keyed by file name. An object without
 * `articles` and with a key that looks like a month is read as such a folder, so a misnamed file
 * (`2025-13.json`, `notes.json`) is reported by name.
 */
export function splitIntoUnits(raw: unknown, dataKey: string, dataDir: string, problems: DigestProblem[]): DataUnit[] {
  const singleFile = `${dataDir}${dataKey}.json`;
  if (Array.isArray(raw)) return [{ file: singleFile, value: raw }];
  if (isPlainObject(raw)) {
    const keys = Object.keys(raw);
    const isFolder = !Object.hasOwn(raw, "articles") && keys.some((key) => MONTH_FILE_NAME.test(key));
    if (!isFolder) return [{ file: singleFile, value: raw }];
    const units: DataUnit[] = [];
    for (const key of keys.sort()) {
      const file = `${dataDir}${dataKey}/${key}.json`;
      if (isMonthKey(key)) units.push({ file, value: raw[key], fileMonth: key });
      else
        problems.push({
          file,
          path: "",
          message:
            'the file name is not a real month; expected one file per month named "YYYY-MM.json", such as "2025-04.json"',
        });
    }
    return units;
  }
  problems.push({
    file: singleFile,
    path: "",
    message:
      raw === undefined
        ? `no data found under the data key "${dataKey}": add _data/${dataKey}.json (or a _data/${dataKey}/ folder of YYYY-MM.json files)`
        : `expected an object with "articles", an array of articles, or a folder of YYYY-MM.json files, got ${describeInput(raw)}`,
  });
  return [];
}
