/**
 * The sources model: every publication the digest picks from, with its picks (newest issue first,
 * then rank), its pages and, with `feed.perSource`, its feeds. Generic over the article so that
 * build.ts, which makes the articles, can use it without this file importing build.ts (no cycle).
 */
import type { ArticleSource, SourceIdentity } from "../data/validated.js";
import { listPages, sortByName, type ListPage } from "./lists.js";
import { tagKey } from "../data/slug.js";
import { sourceFeedPath, sourcePath, type FeedFormat } from "./urls.js";

/** What a source needs of an article: its source. */
export interface SourcedArticle {
  readonly source: ArticleSource;
}

/** One publication with its picks and pages. */
export interface SourceOf<A> extends SourceIdentity {
  /** The source's own site: the first `source.url` the data gives it, if any. */
  readonly url?: string;
  readonly count: number;
  readonly path: string;
  /** Its feeds, exactly those written and linked (`feed.formats` order; none without `feed.perSource`). */
  readonly feeds: readonly { readonly format: FeedFormat; readonly path: string }[];
  /** Newest issue first, then rank. */
  readonly articles: readonly A[];
  readonly pages: readonly SourcePageOf<A>[];
}

/** One page of a source's picks. */
export interface SourcePageOf<A> extends ListPage<A> {
  readonly kind: "source";
  readonly source: SourceOf<A>;
}

/** The sources part of the digest model. */
export interface SourceModel<A> {
  /** By name, in the locale's collation. */
  readonly sources: readonly SourceOf<A>[];
  readonly sourcePages: readonly SourcePageOf<A>[];
}

/** What the sources need of the options (a part of `ModelOptions`). */
export interface SourceOptions {
  readonly basePath: string;
  readonly pageSize: number;
  readonly locale: string;
  readonly feed: { readonly formats: readonly FeedFormat[]; readonly perSource?: boolean };
}

/** The validated identity of an article's source (by `tagKey` of its name: case and spacing do not count). */
export function sourceOf(sources: ReadonlyMap<string, SourceIdentity>, source: ArticleSource): SourceIdentity {
  return sources.get(tagKey(source.name))!;
}

/** The path of an article's source page. */
export function sourcePathOf(
  sources: ReadonlyMap<string, SourceIdentity>,
  source: ArticleSource,
  basePath: string,
): string {
  return sourcePath(basePath, sourceOf(sources, source).slug);
}

/** Every source of `latest` (articles newest issue first, then rank, which each source keeps), sorted by name. */
export function buildSources<A extends SourcedArticle>(
  latest: readonly A[],
  identities: ReadonlyMap<string, SourceIdentity>,
  options: SourceOptions,
): SourceModel<A> {
  const byKey = new Map<string, { identity: SourceIdentity; url?: string; articles: A[] }>();
  // Articles share a few hundred source names: each is looked up once.
  const byName = new Map<string, SourceIdentity>();
  for (const article of latest) {
    let identity = byName.get(article.source.name);
    if (identity === undefined) byName.set(article.source.name, (identity = sourceOf(identities, article.source)));
    let entry = byKey.get(identity.key);
    if (!entry) byKey.set(identity.key, (entry = { identity, articles: [] }));
    entry.url ??= article.source.url;
    entry.articles.push(article);
  }
  const formats = options.feed.perSource ? options.feed.formats : [];
  const sources = [...byKey.values()].map(({ identity, url, articles }) => {
    const path = sourcePath(options.basePath, identity.slug);
    const feeds = formats.map((format) => ({ format, path: sourceFeedPath(options.basePath, identity.slug, format) }));
    const source: SourceOf<A> = {
      ...identity,
      ...(url !== undefined && { url }),
      count: articles.length,
      path,
      feeds,
      articles,
      pages: [],
    };
    (source as { pages: readonly SourcePageOf<A>[] }).pages = listPages(articles, path, options.pageSize, (page) => ({
      ...page,
      kind: "source" as const,
      source,
    }));
    return source;
  });
  sortByName(sources, options.locale);
  return { sources, sourcePages: sources.flatMap((source) => source.pages) };
}
