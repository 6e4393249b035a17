/**
 * The digest model: pure functions from a `ValidatedDigest` to monthly issues, their pages, years,
 * tags and the newest-first article list for feeds. Knows nothing of Eleventy or HTML.
 */
import type { DateTime } from "luxon";
import {
  ageAt,
  dayFormatter,
  formatMonth,
  formatMonthName,
  issueDate,
  monthParts,
  parseIsoDate,
  toIsoDateTime,
  toRfc3339,
} from "./dates.js";
import type { Age, IsoDateTime } from "./date-types.js";
import type { MonthKey } from "../data/schema.js";
import type { HeldIssue, PublishedDigest } from "./publishing.js";
import { tagRedirects, type AliasedDigest, type TagRedirect } from "./aliases.js";
import { monthPath, pagedPath, tagFeedPath, tagPath, yearPath, type FeedFormat } from "./urls.js";
import { chunk, listPages, sortByName, type ListPage } from "./lists.js";
import { buildSources, sourcePathOf, type SourceModel, type SourceOf, type SourcePageOf } from "./sources.js";
import { initialOf, siteDomain } from "./labels.js";
import type { TagIdentity, ValidArticle, ValidatedDigest } from "../data/validate.js";

/** What the model needs of the options: where the digest lives, how pages are cut, its zone and locale, its feeds, and whether articles keep their `image` (`thumbnails: false`: none anywhere, as if the data had none). */
export interface ModelOptions {
  /** Normalised base path, e.g. `/` or `/digest/`. */
  readonly basePath: string;
  readonly pageSize: number;
  readonly timeZone: string;
  /** Used to sort tag names. */
  readonly locale: string;
  /** Which feeds the build writes (the resolved `feed` options): tags list theirs only with `perTag`. */
  readonly feed: { readonly formats: readonly FeedFormat[]; readonly perTag: boolean; readonly perSource?: boolean };
  readonly thumbnails?: boolean;
}

/**
 * An article as pages, feeds, `renderItem` and host templates see it: the validated article
 * (`ValidArticle`: id, month, rank, title, url, type, source, summary, image), with its tags
 * resolved, its dates as ISO 8601 text (`IsoDateTime`), and its issue and page.
 */
export interface DigestArticle extends Omit<ValidArticle, "tags" | "published"> {
  readonly tags: readonly TagIdentity[];
  /** When it was published, as the data gives it (a calendar date: midnight in `timeZone`). */
  readonly published?: IsoDateTime;
  /** Age of the article when its issue came out. */
  readonly age?: Age;
  /** `published` as pages write it, in the locale ("12 Mar 2025"). */
  readonly publishedText?: string;
  /** `published` in UTC, as RFC 3339 (`2025-03-12T00:00:00Z`): a `<time datetime>`'s. */
  readonly publishedUtc?: string;
  /** The site `url` is on, as a reader recognises it (`example.com`, `例え.jp`): shown after the title. */
  readonly domain: string;
  /** The first letter of the source's name, upper-cased in the locale: its avatar's. */
  readonly sourceInitial: string;
  /** The date of the issue the article is ranked in. */
  readonly issueDate: IsoDateTime;
  /** Its issue's month in the locale ("April 2025"). */
  readonly issueLabel: string;
  /** Path of the first page of its issue. */
  readonly issuePath: string;
  /** Path of the issue page that lists it. */
  readonly pagePath: string;
  /** Path of its source's page (`{base}sources/SLUG/`). */
  readonly sourcePath: string;
}

/** One month's issue: its ranked articles, its pages, its date, and the issues around it. */
export interface MonthlyIssue {
  readonly key: MonthKey;
  readonly year: number;
  readonly month: number;
  readonly title?: string;
  readonly intro?: string;
  /** Its own `published`, else the first day of the following month in `timeZone`. */
  readonly date: IsoDateTime;
  /** `date` as pages write it, in the locale ("1 May 2025"). */
  readonly dateText: string;
  /** Its month in the locale ("April 2025"). */
  readonly label: string;
  /** Its month's name alone in the locale ("April"). */
  readonly monthName: string;
  /** Whether `date` is the data's own `published` (a real publication date), not the first of the next month. */
  readonly dateGiven?: true;
  readonly path: string;
  /** In rank order. */
  readonly articles: readonly DigestArticle[];
  readonly pages: readonly MonthPage[];
  /** Why a `--serve` build shows an issue a production build leaves out (a draft, or scheduled). */
  readonly held?: HeldIssue;
  /** The issue before (older) and after (newer) this one. */
  readonly older?: MonthlyIssue;
  readonly newer?: MonthlyIssue;
}

/** One page of a paginated list of articles (a monthly issue's, a tag's, a source's). */
export type ArticleListPage = ListPage<DigestArticle>;

/** One page of a monthly issue (`pageSize` articles in rank order). */
export interface MonthPage extends ArticleListPage {
  readonly kind: "month";
  readonly issue: MonthlyIssue;
}

/** One year's issues, newest first. */
export interface YearArchive {
  readonly year: number;
  readonly path: string;
  /** Newest first. */
  readonly issues: readonly MonthlyIssue[];
  readonly articleCount: number;
}

/** One of a tag's own feeds: its format and site-root path, e.g. `/tags/redis/feed.xml`. */
export interface TagFeed {
  readonly format: FeedFormat;
  readonly path: string;
}

/** One topic with its articles (newest issue first, then rank) and its pages. */
export interface Tag extends TagIdentity {
  readonly count: number;
  readonly path: string;
  /** Its feeds, exactly those written and linked (`feed.formats` order; none without `feed.perTag`). */
  readonly feeds: readonly TagFeed[];
  /** Newest issue first, then rank. */
  readonly articles: readonly DigestArticle[];
  readonly pages: readonly TagPage[];
}

/** One page of a tag's articles. */
export interface TagPage extends ArticleListPage {
  readonly kind: "tag";
  readonly tag: Tag;
}

/** One source with its picks and pages (sources.ts). */
export type Source = SourceOf<DigestArticle>;
/** One page of a source's picks. */
export type SourcePage = SourcePageOf<DigestArticle>;

/** Everything the pages and feeds are made from, built once per build from the validated digest. */
export interface DigestModel extends SourceModel<DigestArticle> {
  readonly title?: string;
  readonly description?: string;
  /** Newest first. */
  readonly issues: readonly MonthlyIssue[];
  /** Newest first. */
  readonly years: readonly YearArchive[];
  /** By name, in the locale's collation. */
  readonly tags: readonly Tag[];
  readonly monthPages: readonly MonthPage[];
  readonly tagPages: readonly TagPage[];
  /** Renamed tags' old URLs, by old slug, each serving its new tag (`tagAliases`, aliases.ts). */
  readonly tagRedirects: readonly TagRedirect<Tag>[];
  /** Every article, newest issue first, then rank: what feeds take their items from. */
  readonly latestArticles: readonly DigestArticle[];
  /** Each tag and source by the paths of its pages (for a page's feed links). */
  readonly followedAt: ReadonlyMap<string, Tag | Source>;
  /** The newest issue's date: the feeds' `lastBuildDate`/`updated`, never the build clock. */
  readonly updated?: IsoDateTime;
}

/** Lets the builder fill in and link up the model's readonly fields (issue pages, older and newer). */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export { chunk };

/**
 * The model of a digest, made once per build: every value a page or feed shows is worked out here,
 * once, and held as a plain field (dates as text in the locale and zone, month labels, paths).
 */
export function buildDigestModel(
  digest: ValidatedDigest & Partial<Pick<PublishedDigest, "held"> & Pick<AliasedDigest, "renamed">>,
  options: ModelOptions,
): DigestModel {
  const { basePath, pageSize, timeZone, locale } = options;
  const formatDay = dayFormatter(locale);

  // Months, newest first; each issue's articles in rank order.
  // An issue's date and path, and a source's path, are made once and shared by its articles, not
  // copied into each (docs/performance.md).
  const byMonth = new Map<MonthKey, DigestArticle[]>();
  const issuePlaces = new Map<
    MonthKey,
    { readonly instant: DateTime; readonly date: IsoDateTime; readonly path: string; readonly label: string }
  >();
  // A digest repeats the same few hundred `published` dates: each is parsed and written once, and
  // its texts are shared by the articles that have it.
  const publishedDates = new Map<
    string,
    { readonly instant: DateTime; readonly date: IsoDateTime; readonly text: string; readonly utc: string } | undefined
  >();
  const publishedDate = (value: string) => {
    if (publishedDates.has(value)) return publishedDates.get(value);
    const instant = parseIsoDate(value, timeZone);
    const date = instant && toIsoDateTime(instant);
    const parsed = instant && date ? { instant, date, text: formatDay(date), utc: toRfc3339(date) } : undefined;
    publishedDates.set(value, parsed);
    return parsed;
  };
  const sourcePaths = new Map<string, string>();
  const graphemes = new Intl.Segmenter(locale, { granularity: "grapheme" });
  const sourceInitials = new Map<string, string>();
  for (const article of digest.articles) {
    let place = issuePlaces.get(article.month);
    if (!place) {
      const instant = issueDate(article.month, timeZone, digest.issues.get(article.month)?.published);
      place = {
        instant,
        date: toIsoDateTime(instant),
        path: monthPath(basePath, article.month),
        label: formatMonth(article.month, locale, timeZone),
      };
      issuePlaces.set(article.month, place);
    }
    const { instant, date, path: issuePath, label } = place;
    let sourcePath = sourcePaths.get(article.source.name);
    if (sourcePath === undefined)
      sourcePaths.set(article.source.name, (sourcePath = sourcePathOf(digest.sources, article.source, basePath)));
    let sourceInitial = sourceInitials.get(article.source.name);
    if (sourceInitial === undefined)
      sourceInitials.set(article.source.name, (sourceInitial = initialOf(article.source.name, graphemes, locale)));
    const published = article.published === undefined ? undefined : publishedDate(article.published);
    const modelArticle: Mutable<DigestArticle> = {
      id: article.id,
      month: article.month,
      rank: article.rank,
      title: article.title,
      url: article.url,
      type: article.type,
      source: article.source,
      sourceInitial,
      domain: siteDomain(article.url),
      tags: article.tags.map((key) => digest.tags.get(key)!),
      issueDate: date,
      issueLabel: label,
      issuePath,
      pagePath: issuePath,
      sourcePath,
    };
    if (article.summary !== undefined) modelArticle.summary = article.summary;
    if (article.image !== undefined && options.thumbnails !== false) modelArticle.image = article.image;
    if (published) {
      modelArticle.published = published.date;
      modelArticle.publishedText = published.text;
      modelArticle.publishedUtc = published.utc;
      modelArticle.age = ageAt(published.instant, instant);
    }
    const list = byMonth.get(article.month);
    if (list) list.push(modelArticle);
    else byMonth.set(article.month, [modelArticle]);
  }

  const issues: Mutable<MonthlyIssue>[] = [];
  const monthPages: MonthPage[] = [];
  for (const key of [...byMonth.keys()].sort().reverse()) {
    const articles = byMonth.get(key)!.sort((a, b) => a.rank - b.rank);
    const { year, month } = monthParts(key);
    const meta = digest.issues.get(key);
    const { date, path, label } = issuePlaces.get(key)!;
    const issue: Mutable<MonthlyIssue> = {
      key,
      year,
      month,
      date,
      dateText: formatDay(date),
      label,
      monthName: formatMonthName(key, locale, timeZone),
      path,
      articles,
      pages: [],
    };
    if (meta?.title !== undefined) issue.title = meta.title;
    if (meta?.published !== undefined) issue.dateGiven = true;
    if (meta?.intro !== undefined && meta.intro.trim() !== "") issue.intro = meta.intro;
    const held = digest.held?.get(key);
    if (held) issue.held = held;
    const chunks = chunk(articles, pageSize);
    const pagePaths = chunks.map((_, index) => pagedPath(path, index + 1));
    issue.pages = chunks.map((items, index) => {
      const pagePath = pagePaths[index]!;
      for (const item of items) (item as Mutable<DigestArticle>).pagePath = pagePath;
      return {
        kind: "month",
        issue,
        pageNumber: index + 1,
        pageCount: chunks.length,
        items,
        path: pagePath,
        pagePaths,
      };
    });
    monthPages.push(...issue.pages);
    issues.push(issue);
  }
  issues.forEach((issue, index) => {
    const [newer, older] = [issues[index - 1], issues[index + 1]];
    if (newer) issue.newer = newer;
    if (older) issue.older = older;
  });

  const years: YearArchive[] = [];
  for (const issue of issues) {
    const last = years.at(-1) as Mutable<YearArchive> | undefined;
    if (last?.year === issue.year) {
      (last.issues as MonthlyIssue[]).push(issue);
      last.articleCount += issue.articles.length;
    } else
      years.push({
        year: issue.year,
        path: yearPath(basePath, issue.year),
        issues: [issue],
        articleCount: issue.articles.length,
      });
  }

  const latestArticles = issues.flatMap((issue) => issue.articles);

  // Tags: articles already come newest issue first, then rank.
  const tagArticles = new Map<string, DigestArticle[]>();
  for (const article of latestArticles) {
    for (const tag of article.tags) {
      const list = tagArticles.get(tag.key);
      if (list) list.push(article);
      else tagArticles.set(tag.key, [article]);
    }
  }
  const tagFeedFormats = options.feed.perTag ? options.feed.formats : [];
  const tags: Tag[] = [];
  const tagPages: TagPage[] = [];
  for (const [key, articles] of tagArticles) {
    const identity = digest.tags.get(key)!;
    const path = tagPath(basePath, identity.slug);
    const feeds = tagFeedFormats.map((format) => ({ format, path: tagFeedPath(basePath, identity.slug, format) }));
    const tag: Mutable<Tag> = { ...identity, count: articles.length, path, feeds, articles, pages: [] };
    tag.pages = listPages(articles, path, pageSize, (page) => ({ ...page, kind: "tag" as const, tag }));
    tags.push(tag);
  }
  sortByName(tags, options.locale);
  for (const tag of tags) tagPages.push(...tag.pages);

  const sources = buildSources(latestArticles, digest.sources, options);
  const followedAt = new Map<string, Tag | Source>([
    ...tagPages.map((page) => [page.path, page.tag] as const),
    ...sources.sourcePages.map((page) => [page.path, page.source] as const),
  ]);
  const model: Mutable<DigestModel> = {
    issues,
    years,
    tags,
    monthPages,
    tagPages,
    tagRedirects: tagRedirects(digest.renamed ?? [], tags, basePath),
    latestArticles,
    ...sources,
    followedAt,
  };
  if (digest.title !== undefined) model.title = digest.title;
  if (digest.description !== undefined) model.description = digest.description;
  if (issues[0]) model.updated = issues[0].date;
  return model;
}
