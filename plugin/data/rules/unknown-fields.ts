/**
 * Rule (warning): unknown fields are legal (and ignored) but usually a typo: `summery`, `tag`.
 * Run on each object while the data is read, with the fields its schema knows.
 */
import { articleSchema, digestObjectSchema, issueMetaSchema, sourceObjectSchema } from "../schema.js";
import { formatPath, type DigestProblem, type PathSegment } from "../problems.js";

/** Known top-level fields, read from the schema so the warning never drifts from it; `$schema` lets editors find the JSON Schema. */
export const TOP_LEVEL_FIELDS = [...Object.keys(digestObjectSchema.shape), "$schema"];
/** Known fields of an `issues` entry. */
export const ISSUE_FIELDS = Object.keys(issueMetaSchema.shape);
/** Known fields of an article. */
export const ARTICLE_FIELDS = Object.keys(articleSchema.shape);
/** Known fields of a `source` written as an object. */
export const SOURCE_FIELDS = Object.keys(sourceObjectSchema.shape);

const NO_PROBLEMS: readonly DigestProblem[] = [];

/** Unknown fields are legal (and ignored) but usually a typo: `summery`, `tag`. */
export function unknownFieldWarnings(
  file: string,
  base: readonly PathSegment[],
  value: Record<string, unknown>,
  known: readonly string[],
): readonly DigestProblem[] {
  // Runs for every article: allocates only when there is something to report.
  let unknown: string[] | undefined;
  for (const key in value) if (Object.hasOwn(value, key) && !known.includes(key)) (unknown ??= []).push(key);
  if (!unknown) return NO_PROBLEMS;
  return unknown.map((key) => ({
    file,
    path: formatPath([...base, key]),
    message: `unknown field, ignored; expected one of ${known.filter((k) => k !== "$schema").join(", ")}`,
  }));
}
