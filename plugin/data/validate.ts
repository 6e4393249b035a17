/**
 * The edge: raw data (whatever Eleventy's data cascade holds under `dataKey`) in, a
 * `ValidatedDigest` of trusted, typed values out — or a `DigestValidationError` listing every
 * problem at once, each with its file and its place in the data.
 *
 * This file is the orchestration: split the data into files (`units.ts`), parse each with the zod
 * schema (`schema.ts`), then run the cross-field rules (`rules/`, one rule a file). Problems are
 * worded in `problems.ts`; the result types live in `validated.ts`. Every name other modules use is
 * importable from here.
 */
import { articleSchema, digestObjectSchema, issueMetaSchema, type ArticleInput } from "./schema.js";
import { isMonthKey, type MonthKey } from "./schema.js";
import { tagKey } from "./slug.js";
import {
  DigestValidationError,
  describeInput,
  formatPath,
  zodProblems,
  type DigestProblem,
  type PathSegment,
} from "./problems.js";
import type { ArticleSource, ValidArticle, ValidIssueMeta, ValidatedDigest } from "./validated.js";
import { isPlainObject, splitIntoUnits } from "./units.js";
import {
  NO_TAGS,
  articleId,
  identityOf,
  salvageIdentity,
  type ArticleIdentity,
  type PlacedArticle,
} from "./identity.js";
import {
  ARTICLE_FIELDS,
  ISSUE_FIELDS,
  SOURCE_FIELDS,
  TOP_LEVEL_FIELDS,
  checkArticles,
  resolveSources,
  resolveTags,
  unknownFieldWarnings,
  warnSuspicious,
} from "./rules/index.js";

export type {
  ArticleSource,
  ArticleType,
  SourceIdentity,
  TagIdentity,
  ValidArticle,
  ValidIssueMeta,
  ValidatedDigest,
} from "./validated.js";
export { DigestValidationError, formatPath, formatProblem, type DigestProblem } from "./problems.js";

/** How `validateDigest` names files in its messages and reads dates. */
export interface ValidateOptions {
  /** The data key, used to name files in messages (`digest.json`). Default `digest`. */
  readonly dataKey?: string;
  /** The zone in which dates without an offset are read. Default `UTC`. */
  readonly timeZone?: string;
  /**
   * The data folder as the user knows it (`_data/`), put before file names in messages so that a
   * build error names the user's file (`_data/digest.json: articles[3].rank: …`). Default none.
   */
  readonly dataDir?: string;
}

/**
 * Checks raw digest data and returns trusted values, or throws `DigestValidationError` with every
 * problem found. Never throws anything else for bad data.
 */
export function validateDigest(raw: unknown, options: ValidateOptions = {}): ValidatedDigest {
  const dataKey = options.dataKey ?? "digest";
  const zone = options.timeZone ?? "UTC";
  const problems: DigestProblem[] = [];
  const warnings: DigestProblem[] = [];

  let title: string | undefined;
  let description: string | undefined;
  const issues = new Map<MonthKey, ValidIssueMeta>();
  const issuePlaces = new Map<MonthKey, DigestProblem>();
  const placed: PlacedArticle[] = [];
  const identities: ArticleIdentity[] = [];

  for (const unit of splitIntoUnits(raw, dataKey, options.dataDir ?? "", problems)) {
    let articles: unknown[];
    let articlesPath: PathSegment[];
    if (Array.isArray(unit.value)) {
      articles = unit.value;
      articlesPath = [];
    } else if (isPlainObject(unit.value)) {
      const { articles: rawArticles, ...meta } = unit.value;
      warnings.push(...unknownFieldWarnings(unit.file, [], unit.value, TOP_LEVEL_FIELDS));
      if (isPlainObject(meta.issues)) {
        for (const [key, value] of Object.entries(meta.issues)) {
          if (isPlainObject(value))
            warnings.push(...unknownFieldWarnings(unit.file, ["issues", key], value, ISSUE_FIELDS));
        }
      }
      const parsedMeta = digestObjectSchema.omit({ articles: true }).safeParse(meta, { reportInput: true });
      if (!parsedMeta.success) problems.push(...zodProblems(unit.file, [], parsedMeta.error, meta));
      else {
        title ??= parsedMeta.data.title;
        description ??= parsedMeta.data.description;
        for (const [key, value] of Object.entries(parsedMeta.data.issues ?? {})) {
          // Keys the schema checked: always months.
          if (!isMonthKey(key)) continue;
          issues.set(key, value);
          issuePlaces.set(key, { file: unit.file, path: formatPath(["issues", key, "published"]), message: "" });
        }
      }
      if (!Array.isArray(rawArticles)) {
        problems.push({
          file: unit.file,
          path: "articles",
          message: `${rawArticles === undefined ? "missing; " : ""}expected an array of articles${rawArticles === undefined ? "" : `, got ${describeInput(rawArticles)}`}`,
        });
        continue;
      }
      articles = rawArticles;
      articlesPath = ["articles"];
    } else {
      problems.push({
        file: unit.file,
        path: "",
        message: `expected an object with "articles" or an array of articles, got ${describeInput(unit.value)}`,
      });
      continue;
    }

    articles.forEach((candidate, index) => {
      const path = [...articlesPath, index];
      if (isPlainObject(candidate)) {
        for (const warning of unknownFieldWarnings(unit.file, path, candidate, ARTICLE_FIELDS)) warnings.push(warning);
        if (isPlainObject(candidate.source))
          for (const warning of unknownFieldWarnings(unit.file, [...path, "source"], candidate.source, SOURCE_FIELDS))
            warnings.push(warning);
      }
      const parsed = articleSchema.safeParse(candidate, { reportInput: true });
      if (!parsed.success) {
        problems.push(...zodProblems(unit.file, path, parsed.error, candidate));
        if (isPlainObject(candidate)) identities.push(salvageIdentity(unit, path, candidate));
        return;
      }
      const month = parsed.data.month ?? unit.fileMonth;
      identities.push(identityOf(unit, path, parsed.data, month));
      if (month === undefined) {
        problems.push({
          file: unit.file,
          path: formatPath([...path, "month"]),
          message: 'missing; expected a month as "YYYY-MM", such as "2025-04"',
        });
        return;
      }
      if (unit.fileMonth !== undefined && month !== unit.fileMonth) {
        warnings.push({
          file: unit.file,
          path: formatPath([...path, "month"]),
          message: `month ${month} differs from the file's month ${unit.fileMonth}; the article is listed in ${month}`,
        });
      }
      placed.push({ unit, path, input: parsed.data, month });
    });
  }

  checkArticles(identities, { problems, warnings });
  const tags = resolveTags(identities, problems);
  const sources = resolveSources(identities, problems);

  if (problems.length > 0) throw new DigestValidationError(problems);

  const shared = { sources: new Map<string, ArticleSource>(), tagKeys: new Map<string, string>() };
  const articles: ValidArticle[] = placed.map(({ input, month }) => toValidArticle(input, month, shared));

  warnSuspicious({ placed, issues, issuePlaces, zone }, warnings);
  return {
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description }),
    issues,
    articles,
    tags,
    sources,
    warnings,
  };
}

/**
 * What articles share: a source written as its name becomes one object per name, and each tag
 * spelling is keyed once (a digest repeats a few hundred spellings hundreds of thousands of times).
 */
interface SharedValues {
  readonly sources: Map<string, ArticleSource>;
  readonly tagKeys: Map<string, string>;
}

/** The trusted article: `id` and `type` defaulted, source as an object, an empty summary dropped, tags as keys. */
function toValidArticle(input: ArticleInput, month: MonthKey, shared: SharedValues): ValidArticle {
  return {
    id: articleId(input),
    month,
    rank: input.rank,
    title: input.title,
    url: input.url,
    type: input.type ?? "article",
    source: typeof input.source === "string" ? namedSource(input.source, shared.sources) : input.source,
    ...(input.published !== undefined && { published: input.published }),
    ...(input.summary !== undefined && input.summary.trim() !== "" && { summary: input.summary }),
    tags: uniqueTagKeys(input.tags ?? NO_TAGS, shared.tagKeys),
    ...(input.image !== undefined && { image: input.image }),
  };
}

/** A source written as its name, as an object: one per name, shared by its articles. */
function namedSource(name: string, sources: Map<string, ArticleSource>): ArticleSource {
  let source = sources.get(name);
  if (source === undefined) sources.set(name, (source = { name }));
  return source;
}

/** An article's tag keys, each once, in order (tags differing only in case are one tag). */
function uniqueTagKeys(names: readonly string[], tagKeys: Map<string, string>): string[] {
  const keys: string[] = [];
  for (const name of names) {
    let key = tagKeys.get(name);
    if (key === undefined) tagKeys.set(name, (key = tagKey(name)));
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

export { issueMetaSchema };
