/**
 * The feeds' links: which site and tag feeds there are (by `feed.formats` and `feed.perTag`), their
 * media types and titles for `<link rel="alternate">`, and those lines' HTML. Depends on the options
 * only, so that the render context (`SiteContext`) can hold the site feeds without a cycle.
 */
import type { FeedFormat, ResolvedDigestOptions } from "../options.js";
import type { Tag } from "../model/build.js";
import { atomPath, jsonFeedPath, rssPath, tagAtomPath, tagFeedPath, tagJsonFeedPath } from "../model/urls.js";
import { html, joinHtml, type SafeHtml } from "../html/escape.js";

/** A feed as a page links to it. */
export interface FeedLink {
  readonly type: "application/rss+xml" | "application/atom+xml" | "application/feed+json";
  readonly title: string;
  readonly path: string;
}

export const MEDIA_TYPES: Readonly<Record<FeedFormat, FeedLink["type"]>> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

/** What each format is called, in link titles and the footer. */
export const FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = { rss: "RSS", atom: "Atom", json: "JSON Feed" };

/** Footer link text, by media type. */
export const FEED_LABELS: Readonly<Record<FeedLink["type"], string>> = {
  "application/rss+xml": FORMAT_NAMES.rss,
  "application/atom+xml": FORMAT_NAMES.atom,
  "application/feed+json": FORMAT_NAMES.json,
};

export function siteFeedPath(format: FeedFormat, base: string): string {
  return { rss: rssPath, atom: atomPath, json: jsonFeedPath }[format](base);
}

export function tagFeedPathFor(format: FeedFormat, base: string, slug: string): string {
  return { rss: tagFeedPath, atom: tagAtomPath, json: tagJsonFeedPath }[format](base, slug);
}

/** The site feeds' title: the `feed.title` option, else the digest's. */
export function siteFeedTitle(options: ResolvedDigestOptions, siteTitle: string): string {
  return options.feed.title ?? siteTitle;
}

/** RSS keeps the plain title; the other formats name themselves, so a reader's picker can tell them apart. */
function linkTitle(title: string, format: FeedFormat): string {
  return format === "rss" ? title : `${title} (${FORMAT_NAMES[format]})`;
}

/** The site feeds, for `<link rel="alternate">` on every page. */
export function siteFeedLinks(options: ResolvedDigestOptions, siteTitle: string): FeedLink[] {
  const title = siteFeedTitle(options, siteTitle);
  return options.feed.formats.map((format) => ({ type: MEDIA_TYPES[format], title: linkTitle(title, format), path: siteFeedPath(format, options.basePath) }));
}

/** One tag's feeds (none without `feed.perTag`). */
export function tagFeedLinks(tag: Pick<Tag, "name" | "slug">, options: ResolvedDigestOptions, siteTitle: string): FeedLink[] {
  if (!options.feed.perTag) return [];
  const title = `${siteFeedTitle(options, siteTitle)} — ${tag.name}`;
  return options.feed.formats.map((format) => ({ type: MEDIA_TYPES[format], title: linkTitle(title, format), path: tagFeedPathFor(format, options.basePath, tag.slug) }));
}

/** The feeds a page offers: the site's, and on a tag's pages that tag's. */
export function pageFeedLinks(site: { readonly options: ResolvedDigestOptions; readonly title: string; readonly feeds: readonly FeedLink[] }, tag?: Pick<Tag, "name" | "slug">): readonly FeedLink[] {
  return tag ? [...site.feeds, ...tagFeedLinks(tag, site.options, site.title)] : site.feeds;
}

/** The `<link rel="alternate">` lines for a page's feeds; `absolute` makes a site-root path a URL. */
export function renderFeedLinks(feeds: readonly FeedLink[], absolute: (path: string) => string): SafeHtml {
  return joinHtml(
    feeds.map((feed) => html`<link rel="alternate" type="${feed.type}" title="${feed.title}" href="${absolute(feed.path)}">`),
    html`\n`,
  );
}
