/**
 * The edge: raw data (whatever Eleventy's data cascade holds under `dataKey`) in, a
 * `ValidatedDigest` of trusted, typed values out — or a `DigestValidationError` listing every
 * problem at once, each with its file and its place in the data (SPEC §2).
 */
import type { z } from "zod";
import { articleSchema, digestObjectSchema, issueMetaSchema, type ArticleInput } from "./schema.js";
import { isMonthKey, issueDate, parseIsoDate, type MonthKey } from "./dates.js";
import { tagKey, tagSlug } from "./slug.js";

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
  }
}

export interface ValidateOptions {
  /** The data key, used to name files in messages (`digest.json`). Default `digest`. */
  readonly dataKey?: string;
  /** The zone in which dates without an offset are read. Default `UTC`. */
  readonly timeZone?: string;
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

function describeInput(input: unknown): string {
  if (input === undefined) return "nothing";
  let shown: string;
  try {
    shown = JSON.stringify(input) ?? String(input);
  } catch {
    shown = String(input);
  }
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
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

function splitIntoUnits(raw: unknown, dataKey: string, problems: DigestProblem[]): DataUnit[] {
  if (Array.isArray(raw)) return [{ file: `${dataKey}.json`, value: raw }];
  if (isPlainObject(raw)) {
    const keys = Object.keys(raw);
    const looksMonthly = keys.length > 0 && !("articles" in raw) && keys.every((key) => isMonthKey(key));
    if (!looksMonthly) return [{ file: `${dataKey}.json`, value: raw }];
    return keys.sort().map((key) => ({ file: `${dataKey}/${key}.json`, value: raw[key], fileMonth: key as MonthKey }));
  }
  problems.push({
    file: `${dataKey}.json`,
    path: "",
    message:
      raw === undefined
        ? `no data found under the data key "${dataKey}": add _data/${dataKey}.json (or a _data/${dataKey}/ folder of YYYY-MM.json files)`
        : `expected an object with "articles", an array of articles, or a folder of YYYY-MM.json files, got ${describeInput(raw)}`,
  });
  return [];
}

function zodProblems(file: string, base: readonly PathSegment[], error: z.ZodError): DigestProblem[] {
  return error.issues.map((issue) => {
    const path = formatPath([...base, ...issue.path]);
    const got = "input" in issue ? issue.input : undefined;
    const message = got === undefined ? `missing; ${issue.message}` : `${issue.message}, got ${describeInput(got)}`;
    return { file, path, message };
  });
}

interface PlacedArticle {
  readonly unit: DataUnit;
  readonly path: readonly PathSegment[];
  readonly input: ArticleInput;
  readonly month: MonthKey;
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

  for (const unit of splitIntoUnits(raw, dataKey, problems)) {
    let articles: unknown[];
    let articlesPath: PathSegment[];
    if (Array.isArray(unit.value)) {
      articles = unit.value;
      articlesPath = [];
    } else if (isPlainObject(unit.value)) {
      const { articles: rawArticles, ...meta } = unit.value;
      const parsedMeta = digestObjectSchema.omit({ articles: true }).safeParse(meta, { reportInput: true });
      if (!parsedMeta.success) problems.push(...zodProblems(unit.file, [], parsedMeta.error));
      else {
        title ??= parsedMeta.data.title;
        description ??= parsedMeta.data.description;
        for (const [key, value] of Object.entries(parsedMeta.data.issues ?? {})) {
          issues.set(key as MonthKey, value);
          issuePlaces.set(key as MonthKey, { file: unit.file, path: formatPath(["issues", key, "published"]), message: "" });
        }
      }
      if (!Array.isArray(rawArticles)) {
        problems.push({ file: unit.file, path: "articles", message: `expected an array of articles, got ${describeInput(rawArticles)}` });
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
      const parsed = articleSchema.safeParse(candidate, { reportInput: true });
      if (!parsed.success) {
        problems.push(...zodProblems(unit.file, path, parsed.error));
        return;
      }
      const month = parsed.data.month ?? unit.fileMonth;
      if (month === undefined) {
        problems.push({ file: unit.file, path: formatPath([...path, "month"]), message: 'missing; expected a month as "YYYY-MM", such as "2025-04"' });
        return;
      }
      if (unit.fileMonth !== undefined && month !== unit.fileMonth) {
        warnings.push({ file: unit.file, path: formatPath([...path, "month"]), message: `month ${month} differs from the file's month ${unit.fileMonth}; the article is listed in ${month}` });
      }
      placed.push({ unit, path, input: parsed.data, month: month as MonthKey });
    });
  }

  // Cross-field rules: unique rank per month, unique id, one URL per tag.
  const rankOwners = new Map<string, PlacedArticle>();
  const idOwners = new Map<string, PlacedArticle>();
  const where = (article: PlacedArticle) => `${article.unit.file} ${formatPath(article.path)}`;
  for (const article of placed) {
    const rankKey = `${article.month}#${article.input.rank}`;
    const rankOwner = rankOwners.get(rankKey);
    if (rankOwner) {
      problems.push({
        file: article.unit.file,
        path: formatPath([...article.path, "rank"]),
        message: `rank ${article.input.rank} is already taken in ${article.month} by ${where(rankOwner)}; ranks must be unique within a month`,
      });
    } else rankOwners.set(rankKey, article);

    const id = articleId(article.input);
    const idOwner = idOwners.get(id);
    if (idOwner) {
      const field = article.input.id === undefined ? "url" : "id";
      problems.push({
        file: article.unit.file,
        path: formatPath([...article.path, field]),
        message: `duplicate id ${JSON.stringify(id)}, also used by ${where(idOwner)}; ids (by default the url) must be unique across the digest`,
      });
    } else idOwners.set(id, article);
  }

  const tags = resolveTags(placed, problems);

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
    tags: [...new Set((input.tags ?? []).map(tagKey))],
    ...(input.image !== undefined && { image: input.image }),
  }));

  warnings.push(...suspiciousButLegal(placed, issues, issuePlaces, zone));
  return { ...(title !== undefined && { title }), ...(description !== undefined && { description }), issues, articles, tags, warnings };
}

/** An article's stable identity: its `id`, else its URL. */
function articleId(input: ArticleInput): string {
  return input.id ?? input.url;
}

/**
 * Merges tags that differ only in case or white space, picks each tag's display name (its most
 * used spelling, ties to the first seen) and reports two tags that would share one URL.
 */
function resolveTags(placed: readonly PlacedArticle[], problems: DigestProblem[]): Map<string, TagIdentity> {
  const spellings = new Map<string, Map<string, number>>();
  const firstPlace = new Map<string, string>();
  for (const article of placed) {
    (article.input.tags ?? []).forEach((name, index) => {
      const key = tagKey(name);
      let counts = spellings.get(key);
      if (!counts) {
        counts = new Map();
        spellings.set(key, counts);
        firstPlace.set(key, `${article.unit.file} ${formatPath([...article.path, "tags", index])}`);
      }
      counts.set(name, (counts.get(name) ?? 0) + 1);
    });
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
      const [file, path] = splitPlace(firstPlace.get(key)!);
      problems.push({
        file,
        path,
        message: `tag ${JSON.stringify(name)} would share the URL tags/${tag.slug}/ with tag ${JSON.stringify(owner.name)} (${firstPlace.get(owner.key)}); rename one of them`,
      });
      continue;
    }
    slugOwners.set(tag.slug, tag);
    tags.set(key, tag);
  }
  return tags;
}

function splitPlace(place: string): [string, string] {
  const space = place.indexOf(" ");
  return [place.slice(0, space), place.slice(space + 1)];
}

/** Warnings: legal data that is probably a mistake. */
function suspiciousButLegal(
  placed: readonly PlacedArticle[],
  issues: ReadonlyMap<MonthKey, ValidIssueMeta>,
  issuePlaces: ReadonlyMap<MonthKey, DigestProblem>,
  zone: string,
): DigestProblem[] {
  const warnings: DigestProblem[] = [];
  const ranksByMonth = new Map<MonthKey, { file: string; ranks: number[] }>();
  for (const article of placed) {
    const entry = ranksByMonth.get(article.month) ?? { file: article.unit.file, ranks: [] };
    entry.ranks.push(article.input.rank);
    ranksByMonth.set(article.month, entry);
    if (article.input.published !== undefined) {
      const published = parseIsoDate(article.input.published, zone);
      const issued = issueDate(article.month, zone, issues.get(article.month)?.published);
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
