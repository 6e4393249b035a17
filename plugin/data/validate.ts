/**
 * The edge: raw data (whatever Eleventy's data cascade holds under `dataKey`) in, a
 * `ValidatedDigest` of trusted, typed values out — or a `DigestValidationError` listing every
 * problem at once, each with its file and its place in the data (SPEC §2).
 */
import type { z } from "zod";
import type { DateTime } from "luxon";
import { articleSchema, digestObjectSchema, isSupportedMonth, issueMetaSchema, monthKeySchema, sourceObjectSchema, tagNameSchema, type ArticleInput } from "./schema.js";
import { issueDate, parseIsoDate, type MonthKey } from "../model/dates.js";
import { tagKey, tagSlug } from "../model/slug.js";

export type ArticleType = "article" | "video";

export interface ArticleSource {
  readonly name: string;
  readonly url?: string;
  readonly handle?: string;
}

/** An article that passed validation. `tags` holds tag keys; names and slugs are in `ValidatedDigest.tags`. */
export interface ValidArticle {
  readonly id: string;
  readonly month: MonthKey;
  readonly rank: number;
  readonly title: string;
  readonly url: string;
  readonly type: ArticleType;
  readonly source: ArticleSource;
  readonly published?: string;
  readonly summary?: string;
  readonly tags: readonly string[];
  readonly image?: string;
}

export interface ValidIssueMeta {
  readonly title?: string;
  readonly intro?: string;
  readonly published?: string;
}

/** One topic: its key (identity), the display name shown, and its URL segment. */
export interface TagIdentity {
  readonly key: string;
  readonly name: string;
  readonly slug: string;
}

export interface ValidatedDigest {
  readonly title?: string;
  readonly description?: string;
  readonly issues: ReadonlyMap<MonthKey, ValidIssueMeta>;
  readonly articles: readonly ValidArticle[];
  readonly tags: ReadonlyMap<string, TagIdentity>;
  readonly warnings: readonly DigestProblem[];
}

export interface DigestProblem {
  /** The data file, as the user knows it: `digest.json`, `digest/2025-04.json`. */
  readonly file: string;
  /** The place in that file, e.g. `articles[3].rank`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export function formatProblem(problem: DigestProblem): string {
  return problem.path === "" ? `${problem.file}: ${problem.message}` : `${problem.file}: ${problem.path}: ${problem.message}`;
}

export class DigestValidationError extends Error {
  readonly problems: readonly DigestProblem[];
  constructor(problems: readonly DigestProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`eleventy-plugin-digest: invalid digest data (${count}); nothing was written:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "DigestValidationError";
    this.problems = problems;
    // Eleventy prints the message, not a stack trace into the plugin: the problems are the user's data.
    Object.assign(this, { skipOriginalStack: true });
  }
}

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

type PathSegment = string | number | symbol;

/** `["articles", 3, "rank"]` → `articles[3].rank`; `["issues", "2025-04"]` → `issues["2025-04"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

// Characters a terminal would not show: format characters, private use, unassigned, separators.
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;

/** The value as the data has it, in JSON, with invisible characters spelled out, cut to 60 characters. */
function describeInput(input: unknown): string {
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

/** A data file found in the cascade, with how to name it and its places. */
interface DataUnit {
  readonly file: string;
  readonly value: unknown;
  /** The month taken from a monthly file's name (shape 3). */
  readonly fileMonth?: MonthKey;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A key that is meant as a monthly file's name, real month or not ("2025-04", "2025-13"). */
const MONTH_FILE_NAME = /^\d{4}-\d{1,2}$/;

/**
 * Eleventy gives a `_data/digest/` folder as an object keyed by file name. An object without
 * `articles` and with a key that looks like a month is read as such a folder, so a misnamed file
 * (`2025-13.json`, `notes.json`) is reported by name.
 */
function splitIntoUnits(raw: unknown, dataKey: string, dataDir: string, problems: DigestProblem[]): DataUnit[] {
  const singleFile = `${dataDir}${dataKey}.json`;
  if (Array.isArray(raw)) return [{ file: singleFile, value: raw }];
  if (isPlainObject(raw)) {
    const keys = Object.keys(raw);
    const isFolder = !Object.hasOwn(raw, "articles") && keys.some((key) => MONTH_FILE_NAME.test(key));
    if (!isFolder) return [{ file: singleFile, value: raw }];
    const units: DataUnit[] = [];
    for (const key of keys.sort()) {
      const file = `${dataDir}${dataKey}/${key}.json`;
      if (isSupportedMonth(key)) units.push({ file, value: raw[key], fileMonth: key as MonthKey });
      else problems.push({ file, path: "", message: 'the file name is not a real month; expected one file per month named "YYYY-MM.json", such as "2025-04.json"' });
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

/**
 * One problem per zod issue. "got" shows the value as written in the data (`raw`, the value that
 * was parsed), not as zod saw it after cleaning, except for a bad key, which zod reports itself.
 */
function zodProblems(file: string, base: readonly PathSegment[], error: z.ZodError, raw: unknown): DigestProblem[] {
  return error.issues.map((issue) => {
    const path = formatPath([...base, ...issue.path]);
    const got = issue.code === "invalid_key" ? issue.input : rawValueAt(raw, issue.path);
    const message = got === undefined ? `missing; ${issue.message}` : `${issue.message}, got ${describeInput(got)}`;
    return { file, path, message };
  });
}

const TOP_LEVEL_FIELDS = [...Object.keys(digestObjectSchema.shape), "$schema"];
const ISSUE_FIELDS = Object.keys(issueMetaSchema.shape);
const ARTICLE_FIELDS = Object.keys(articleSchema.shape);
const SOURCE_FIELDS = Object.keys(sourceObjectSchema.shape);

/** Unknown fields are legal (and ignored) but usually a typo: `summery`, `tag`. */
function unknownFieldWarnings(file: string, base: readonly PathSegment[], value: Record<string, unknown>, known: readonly string[]): readonly DigestProblem[] {
  // Runs for every article: allocates only when there is something to report.
  let unknown: string[] | undefined;
  for (const key in value) if (Object.hasOwn(value, key) && !known.includes(key)) (unknown ??= []).push(key);
  if (!unknown) return NO_PROBLEMS;
  return unknown.map((key) => ({ file, path: formatPath([...base, key]), message: `unknown field, ignored; expected one of ${known.filter((k) => k !== "$schema").join(", ")}` }));
}

const NO_PROBLEMS: readonly DigestProblem[] = [];

interface PlacedArticle {
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
interface ArticleIdentity {
  readonly unit: DataUnit;
  readonly path: readonly PathSegment[];
  readonly month?: MonthKey;
  readonly rank?: number;
  /** The article's id: its `id`, else its `url`. */
  readonly id?: string;
  readonly idField: "id" | "url";
  readonly url?: string;
  /** Tag names by their index in the article's `tags`; a hole where a salvaged tag was invalid. */
  readonly tags: readonly (string | undefined)[];
}

function valueOf<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function identityOf(unit: DataUnit, path: readonly PathSegment[], input: ArticleInput, month: MonthKey | undefined): ArticleIdentity {
  return {
    unit,
    path,
    ...(month !== undefined && { month }),
    rank: input.rank,
    id: articleId(input),
    idField: input.id === undefined ? "url" : "id",
    url: input.url,
    tags: input.tags ?? NO_TAGS,
  };
}

function salvageIdentity(unit: DataUnit, path: readonly PathSegment[], candidate: Record<string, unknown>): ArticleIdentity {
  const month = candidate.month === undefined ? unit.fileMonth : (valueOf(monthKeySchema, candidate.month) as MonthKey | undefined);
  const rank = valueOf(articleSchema.shape.rank, candidate.rank);
  const url = valueOf(articleSchema.shape.url, candidate.url);
  const id = candidate.id === undefined ? url : valueOf(articleSchema.shape.id, candidate.id);
  const tags = Array.isArray(candidate.tags)
    ? candidate.tags.map((tag: unknown) => valueOf(tagNameSchema, tag))
    : [];
  return {
    unit,
    path,
    ...(month !== undefined && { month }),
    ...(rank !== undefined && { rank }),
    ...(id !== undefined && { id }),
    idField: candidate.id === undefined ? "url" : "id",
    ...(url !== undefined && { url }),
    tags,
  };
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
          if (isPlainObject(value)) warnings.push(...unknownFieldWarnings(unit.file, ["issues", key], value, ISSUE_FIELDS));
        }
      }
      const parsedMeta = digestObjectSchema.omit({ articles: true }).safeParse(meta, { reportInput: true });
      if (!parsedMeta.success) problems.push(...zodProblems(unit.file, [], parsedMeta.error, meta));
      else {
        title ??= parsedMeta.data.title;
        description ??= parsedMeta.data.description;
        for (const [key, value] of Object.entries(parsedMeta.data.issues ?? {})) {
          issues.set(key as MonthKey, value);
          issuePlaces.set(key as MonthKey, { file: unit.file, path: formatPath(["issues", key, "published"]), message: "" });
        }
      }
      if (!Array.isArray(rawArticles)) {
        problems.push({ file: unit.file, path: "articles", message: `${rawArticles === undefined ? "missing; " : ""}expected an array of articles${rawArticles === undefined ? "" : `, got ${describeInput(rawArticles)}`}` });
        continue;
      }
      articles = rawArticles;
      articlesPath = ["articles"];
    } else {
      problems.push({ file: unit.file, path: "", message: `expected an object with "articles" or an array of articles, got ${describeInput(unit.value)}` });
      continue;
    }

    articles.forEach((candidate, index) => {
      const path = [...articlesPath, index];
      if (isPlainObject(candidate)) {
        for (const warning of unknownFieldWarnings(unit.file, path, candidate, ARTICLE_FIELDS)) warnings.push(warning);
        if (isPlainObject(candidate.source)) for (const warning of unknownFieldWarnings(unit.file, [...path, "source"], candidate.source, SOURCE_FIELDS)) warnings.push(warning);
      }
      const parsed = articleSchema.safeParse(candidate, { reportInput: true });
      if (!parsed.success) {
        problems.push(...zodProblems(unit.file, path, parsed.error, candidate));
        if (isPlainObject(candidate)) identities.push(salvageIdentity(unit, path, candidate));
        return;
      }
      const month = (parsed.data.month ?? unit.fileMonth) as MonthKey | undefined;
      identities.push(identityOf(unit, path, parsed.data, month));
      if (month === undefined) {
        problems.push({ file: unit.file, path: formatPath([...path, "month"]), message: 'missing; expected a month as "YYYY-MM", such as "2025-04"' });
        return;
      }
      if (unit.fileMonth !== undefined && month !== unit.fileMonth) {
        warnings.push({ file: unit.file, path: formatPath([...path, "month"]), message: `month ${month} differs from the file's month ${unit.fileMonth}; the article is listed in ${month}` });
      }
      placed.push({ unit, path, input: parsed.data, month });
    });
  }

  problems.push(...crossFieldProblems(identities, warnings));
  const tags = resolveTags(identities, problems);

  if (problems.length > 0) throw new DigestValidationError(problems);

  const articles: ValidArticle[] = placed.map(({ input, month }) => ({
    id: articleId(input),
    month,
    rank: input.rank,
    title: input.title,
    url: input.url,
    type: input.type ?? "article",
    source: typeof input.source === "string" ? { name: input.source } : input.source,
    ...(input.published !== undefined && { published: input.published }),
    ...(input.summary !== undefined && input.summary.trim() !== "" && { summary: input.summary }),
    tags: uniqueTagKeys(input.tags ?? NO_TAGS),
    ...(input.image !== undefined && { image: input.image }),
  }));

  warnings.push(...suspiciousButLegal(placed, issues, issuePlaces, zone));
  return { ...(title !== undefined && { title }), ...(description !== undefined && { description }), issues, articles, tags, warnings };
}

const NO_TAGS: readonly string[] = [];

/** An article's tag keys, each once, in order (tags differing only in case are one tag). */
function uniqueTagKeys(names: readonly string[]): string[] {
  const keys: string[] = [];
  for (const name of names) {
    const key = tagKey(name);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** An article's stable identity: its `id`, else its URL. */
function articleId(input: ArticleInput): string {
  return input.id ?? input.url;
}

function placeOf(article: ArticleIdentity): string {
  return `${article.unit.file} ${formatPath(article.path)}`;
}

/** Unique rank per month and unique id are errors; one URL under two ids is a warning. */
function crossFieldProblems(identities: readonly ArticleIdentity[], warnings: DigestProblem[]): DigestProblem[] {
  const problems: DigestProblem[] = [];
  const rankOwners = new Map<MonthKey, Map<number, ArticleIdentity>>();
  const idOwners = new Map<string, ArticleIdentity>();
  const urlOwners = new Map<string, ArticleIdentity>();
  for (const article of identities) {
    if (article.month !== undefined && article.rank !== undefined) {
      let ranks = rankOwners.get(article.month);
      if (!ranks) rankOwners.set(article.month, (ranks = new Map()));
      const owner = ranks.get(article.rank);
      if (owner) {
        problems.push({
          file: article.unit.file,
          path: formatPath([...article.path, "rank"]),
          message: `rank ${article.rank} is already taken in ${article.month} by ${placeOf(owner)}; ranks must be unique within a month`,
        });
      } else ranks.set(article.rank, article);
    }
    if (article.id !== undefined) {
      const owner = idOwners.get(article.id);
      if (owner) {
        problems.push({
          file: article.unit.file,
          path: formatPath([...article.path, article.idField]),
          message: `duplicate id ${JSON.stringify(article.id)}, also used by ${placeOf(owner)}; ids (by default the url) must be unique across the digest`,
        });
      } else idOwners.set(article.id, article);
    }
    if (article.url !== undefined) {
      const owner = urlOwners.get(article.url);
      if (owner && owner.id !== article.id) {
        warnings.push({ file: article.unit.file, path: formatPath([...article.path, "url"]), message: `the same url as ${placeOf(owner)}, under another id; the article is listed twice` });
      } else if (!owner) urlOwners.set(article.url, article);
    }
  }
  return problems;
}

/**
 * Merges tags that differ only in case or white space, picks each tag's display name (its most
 * used spelling, ties to the first seen) and reports two tags that would share one URL.
 */
function resolveTags(identities: readonly ArticleIdentity[], problems: DigestProblem[]): Map<string, TagIdentity> {
  const spellings = new Map<string, Map<string, number>>();
  const firstPlace = new Map<string, { file: string; path: string }>();
  for (const article of identities) {
    for (let index = 0; index < article.tags.length; index++) {
      const name = article.tags[index];
      if (name === undefined) continue;
      const key = tagKey(name);
      let counts = spellings.get(key);
      if (!counts) {
        counts = new Map();
        spellings.set(key, counts);
        firstPlace.set(key, { file: article.unit.file, path: formatPath([...article.path, "tags", index]) });
      }
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const tags = new Map<string, TagIdentity>();
  const slugOwners = new Map<string, TagIdentity>();
  for (const [key, counts] of spellings) {
    let name = "";
    let best = 0;
    for (const [spelling, count] of counts) {
      if (count > best) {
        name = spelling;
        best = count;
      }
    }
    const tag: TagIdentity = { key, name, slug: tagSlug(name) };
    const owner = slugOwners.get(tag.slug);
    if (owner) {
      const place = firstPlace.get(key)!;
      const ownerPlace = firstPlace.get(owner.key)!;
      problems.push({
        ...place,
        message: `tag ${JSON.stringify(name)} would share the URL tags/${tag.slug}/ with tag ${JSON.stringify(owner.name)} (${ownerPlace.file} ${ownerPlace.path}); rename one of them`,
      });
      continue;
    }
    slugOwners.set(tag.slug, tag);
    tags.set(key, tag);
  }
  return tags;
}

/** Warnings: legal data that is probably a mistake. */
function suspiciousButLegal(
  placed: readonly PlacedArticle[],
  issues: ReadonlyMap<MonthKey, ValidIssueMeta>,
  issuePlaces: ReadonlyMap<MonthKey, DigestProblem>,
  zone: string,
): DigestProblem[] {
  const warnings: DigestProblem[] = [];
  const ranksByMonth = new Map<MonthKey, { file: string; ranks: number[]; issued: DateTime }>();
  for (const article of placed) {
    let entry = ranksByMonth.get(article.month);
    if (!entry) {
      entry = { file: article.unit.file, ranks: [], issued: issueDate(article.month, zone, issues.get(article.month)?.published) };
      ranksByMonth.set(article.month, entry);
    }
    entry.ranks.push(article.input.rank);
    if (article.input.published !== undefined) {
      const published = parseIsoDate(article.input.published, zone);
      const { issued } = entry;
      if (published && published > issued) {
        warnings.push({
          file: article.unit.file,
          path: formatPath([...article.path, "published"]),
          message: `published ${article.input.published} is after its issue's date (${issued.toISODate()})`,
        });
      }
    }
  }
  for (const [month, { file, ranks }] of [...ranksByMonth].sort(([a], [b]) => a.localeCompare(b))) {
    ranks.sort((a, b) => a - b);
    const missing: number[] = [];
    for (let expected = 1, i = 0; i < ranks.length && missing.length < 5; expected++) {
      if (ranks[i] === expected) i++;
      else missing.push(expected);
    }
    if (missing.length > 0) warnings.push({ file, path: "", message: `${month}: ranks skip ${missing.join(", ")}${missing.length === 5 ? ", …" : ""}` });
  }
  for (const [month, place] of issuePlaces) {
    if (!ranksByMonth.has(month)) warnings.push({ ...place, path: formatPath(["issues", month]), message: `metadata for ${month}, which has no articles` });
  }
  return warnings;
}

export { issueMetaSchema };
