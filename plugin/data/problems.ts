/**
 * How a problem is named and told: the `DigestProblem` record (file, place, message), its one-line
 * form, the error that carries them all, and the one formatter that turns zod issues into problems,
 * for the data and for the plugin's options alike. Kept apart from the rules so that every rule, the
 * file reader and the options word their findings the same way.
 */
import type { z } from "zod";

/** One problem in the data: the file, the JSON path inside it (`articles[3].rank`) and what is wrong. */
export interface DigestProblem {
  /** The data file, as the user knows it: `digest.json`, `digest/2025-04.json`. */
  readonly file: string;
  /** The place in that file, e.g. `articles[3].rank`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

/** A problem on one line, `file: path: message` (no path for the file as a whole), as builds and the CLI print it. */
export function formatProblem(problem: DigestProblem): string {
  return problem.path === ""
    ? `${problem.file}: ${problem.message}`
    : `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** Thrown by `validateDigest` (and so by a build) for invalid data, with every problem in `problems`. */
export class DigestValidationError extends Error {
  readonly problems: readonly DigestProblem[];
  constructor(problems: readonly DigestProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(
      `eleventy-plugin-digest: invalid digest data (${count}); nothing was written:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`,
    );
    this.name = "DigestValidationError";
    this.problems = problems;
    // Eleventy prints the message, not a stack trace into the plugin: the problems are the user's data.
    Object.assign(this, { skipOriginalStack: true });
  }
}

/** One step of a path into the data: a key or an index (zod's issue paths may also hold symbols). */
export type PathSegment = string | number | symbol;

/**
 * How a path is written. `"data"`: as in JavaScript, `articles[3].rank`, `issues["2025-04"]` (data
 * problems). `"dotted"`: `options.feed.formats.1` (option problems, as the plugin has always named them).
 */
export type PathStyle = "data" | "dotted";

/** `["articles", 3, "rank"]` → `articles[3].rank`; `["issues", "2025-04"]` → `issues["2025-04"]`; dotted: `options.feed.formats.1`. */
export function formatPath(segments: readonly PathSegment[], style: PathStyle = "data"): string {
  if (style === "dotted") return segments.map(String).join(".");
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment))
      out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

// Characters a terminal would not show: format characters, private use, unassigned, separators,
// default-ignorable code points (Hangul fillers), the blank Braille cell, and a combining mark with
// no letter or digit before it.
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\u2028\u2029\u2800]|(?<![\p{L}\p{N}])\p{M}/gu;

/** The value as the data has it, in JSON, with invisible characters spelled out, cut to 60 characters. */
export function describeInput(input: unknown): string {
  if (input === undefined) return "nothing";
  let shown: string;
  try {
    shown = JSON.stringify(input) ?? String(input);
  } catch {
    shown = String(input);
  }
  shown = shown.replace(INVISIBLE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/** The value at `path` inside `root`, as written in the data (before any cleaning). */
function rawValueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A problem a schema found: the place (a formatted path) and what is wrong there. */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
}

/** Where the issues of one parse are placed and how they are named. */
export interface IssueFormat {
  /** The path of the parsed value itself: `["articles", 3]`, `["options"]`. Default none. */
  readonly base?: readonly PathSegment[];
  /** Default `"data"`. */
  readonly pathStyle?: PathStyle;
  /** What a key the schema does not know is called ("option"); default "field". */
  readonly keyNoun?: string;
}

/**
 * The one formatter of zod issues, for data and options alike: one problem per issue, "expected …,
 * got …" (or "missing; expected …"). "got" shows the value as written (`raw`, the value that was
 * parsed), not as zod saw it after cleaning, except for a bad key, which zod reports itself (parse
 * with `{ reportInput: true }` so that it does).
 */
export function issueProblems(error: z.ZodError, raw: unknown, format: IssueFormat = {}): SchemaProblem[] {
  const { base = [], pathStyle = "data", keyNoun = "field" } = format;
  return error.issues.map((issue) => {
    const path = formatPath([...base, ...issue.path], pathStyle);
    if (issue.code === "unrecognized_keys")
      return { path, message: `unknown ${keyNoun}${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` };
    const got = issue.code === "invalid_key" ? issue.input : rawValueAt(raw, issue.path);
    if (got === undefined) return { path, message: `missing; ${issue.message}` };
    // A list over its limit is told by its length, not by its first 60 characters.
    const shown = issue.code === "too_big" && Array.isArray(got) ? String(got.length) : describeInput(got);
    return { path, message: `${issue.message}, got ${shown}` };
  });
}

/** The data's problems from one parse of `raw` (at `base` in `file`), by `issueProblems`. */
export function zodProblems(
  file: string,
  base: readonly PathSegment[],
  error: z.ZodError,
  raw: unknown,
): DigestProblem[] {
  return issueProblems(error, raw, { base }).map((problem) => ({ file, ...problem }));
}
