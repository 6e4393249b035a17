/**
 * What the rules see of an article: a `PlacedArticle` (valid, with its month) for the warnings, and
 * an `ArticleIdentity` (rank, id, url, tags) for the cross-field rules, taken from a valid article
 * or salvaged field by field from an invalid one, so that one run reports every problem at once.
 */
import type { z } from "zod";
import { articleSchema, monthKeySchema, tagNameSchema, type ArticleInput } from "./schema.js";
import type { MonthKey } from "./schema.js";
import { formatPath, type PathSegment } from "./problems.js";
import type { DataUnit } from "./units.js";

/** A valid article with its place in the data and the month it is listed in: what the warning rules read. */
export interface PlacedArticle {
  readonly unit: DataUnit;
  readonly path: readonly PathSegment[];
  readonly input: ArticleInput;
  readonly month: MonthKey;
}

/**
 * What the cross-field rules need to know about an article: taken from a valid article, or
 * salvaged field by field from an invalid one, so that a duplicate rank is reported in the same
 * run as, say, a bad `published` on the same article.
 */
export interface ArticleIdentity {
  readonly unit: DataUnit;
  readonly path: readonly PathSegment[];
  readonly month?: MonthKey;
  readonly rank?: number;
  /** The article's id: its `id`, else its `url`. */
  readonly id?: string;
  readonly idField: "id" | "url";
  readonly url?: string;
  /** The source's name, as written (absent when a salvaged source was invalid). */
  readonly source?: string;
  /** Tag names by their index in the article's `tags`; a hole where a salvaged tag was invalid. */
  readonly tags: readonly (string | undefined)[];
}

/** One shared empty tag list, so an article without tags allocates none. */
export const NO_TAGS: readonly string[] = [];

/** An article's stable identity: its `id`, else its URL. */
export function articleId(input: ArticleInput): string {
  return input.id ?? input.url;
}

/** An article's place, for messages that point from one article to another. */
export function placeOf(article: ArticleIdentity): string {
  return `${article.unit.file} ${formatPath(article.path)}`;
}

/** The value if it passes `schema`, else undefined: salvages one field quietly (the failed parse already reported it). */
function parsedOr<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The identity of an article that parsed; no `month` when neither the article nor its file gives one. */
export function identityOf(
  unit: DataUnit,
  path: readonly PathSegment[],
  input: ArticleInput,
  month: MonthKey | undefined,
): ArticleIdentity {
  return {
    unit,
    path,
    ...(month !== undefined && { month }),
    rank: input.rank,
    id: articleId(input),
    idField: input.id === undefined ? "url" : "id",
    url: input.url,
    source: typeof input.source === "string" ? input.source : input.source.name,
    tags: input.tags ?? NO_TAGS,
  };
}

/** The identity of an article that failed to parse, from whichever fields are still valid, so the cross-field rules see it too. */
export function salvageIdentity(
  unit: DataUnit,
  path: readonly PathSegment[],
  candidate: Record<string, unknown>,
): ArticleIdentity {
  const month = candidate.month === undefined ? unit.fileMonth : parsedOr(monthKeySchema, candidate.month);
  const rank = parsedOr(articleSchema.shape.rank, candidate.rank);
  const url = parsedOr(articleSchema.shape.url, candidate.url);
  const id = candidate.id === undefined ? url : parsedOr(articleSchema.shape.id, candidate.id);
  const source = parsedOr(articleSchema.shape.source, candidate.source);
  const tags = Array.isArray(candidate.tags) ? candidate.tags.map((tag: unknown) => parsedOr(tagNameSchema, tag)) : [];
  return {
    unit,
    path,
    ...(month !== undefined && { month }),
    ...(rank !== undefined && { rank }),
    ...(id !== undefined && { id }),
    idField: candidate.id === undefined ? "url" : "id",
    ...(url !== undefined && { url }),
    ...(source !== undefined && { source: typeof source === "string" ? source : source.name }),
    tags,
  };
}
