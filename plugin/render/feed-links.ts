/**
 * The feeds' links: which site feeds there are (by `feed.formats`; a tag's are in the model), their
 * media types and titles for `<link rel="alternate">`, and those lines' HTML. Depends on the options
 * and feed-formats.ts only, so that the render context (`SiteContext`) can hold the site feeds without a
 * cycle.
 */
import type { FeedFormat, FeedItemMode, ResolvedDigestOptions } from "../options.js";
import type { Tag } from "../model/build.js";
import { companionFeedPath, siteFeedPath } from "../model/urls.js";
import { html, joinHtml, type SafeHtml } from "./escape.js";
import { FEED_FORMAT_INFO, type FeedMediaType } from "./feed-formats.js";

/** A feed as a page links to it. */
export interface FeedLink {
  readonly format: FeedFormat;
  /** The format's media type (feed-formats.ts). */
  readonly type: FeedMediaType;
  readonly title: string;
  readonly path: string;
}

/** The site feeds' title: the `feed.title` option, else the digest's. */
export function siteFeedTitle(options: ResolvedDigestOptions, siteTitle: string): string {
  return options.feed.title ?? siteTitle;
}

/** RSS keeps the plain title; the other formats name themselves, so a reader's picker can tell them apart. */
function linkTitle(title: string, format: FeedFormat): string {
  return format === "rss" ? title : `${title} (${FEED_FORMAT_INFO[format].name})`;
}

/** A link to the feed at `path`, typed by its format's media type. */
function feedLink(format: FeedFormat, title: string, path: string): FeedLink {
  return { format, type: FEED_FORMAT_INFO[format].mediaType, title, path };
}

/** The site feeds, for `<link rel="alternate">` on every page. */
export function siteFeedLinks(options: ResolvedDigestOptions, siteTitle: string): FeedLink[] {
  const title = siteFeedTitle(options, siteTitle);
  return options.feed.formats.map((format) =>
    feedLink(format, linkTitle(title, format), siteFeedPath(options.basePath, format)),
  );
}

/** The item mode the companion feeds carry: the one the site feeds do not. */
export function companionItems(options: ResolvedDigestOptions): FeedItemMode {
  return options.feed.items === "issues" ? "articles" : "issues";
}

/** What a feed of each item mode brings, in a few words: "Every pick", "One item a month". */
export function itemModeName(options: ResolvedDigestOptions, items: FeedItemMode): string {
  return items === "issues" ? options.strings.issueFeeds : options.strings.pickFeeds;
}

/** The companion feeds' title: the site feeds', then what they bring ("Best of X · One item a month"). */
export function companionFeedTitle(options: ResolvedDigestOptions, siteTitle: string): string {
  return `${siteFeedTitle(options, siteTitle)} · ${itemModeName(options, companionItems(options))}`;
}

/**
 * The companion feeds (`feed.companion`): the site feeds in the other item mode, in the same
 * formats, at `{base}issues/…` or `{base}picks/…`; none when the option is off.
 */
export function companionFeedLinks(options: ResolvedDigestOptions, siteTitle: string): FeedLink[] {
  if (!options.feed.companion) return [];
  const title = companionFeedTitle(options, siteTitle);
  const items = companionItems(options);
  return options.feed.formats.map((format) =>
    feedLink(format, linkTitle(title, format), companionFeedPath(options.basePath, items, format)),
  );
}

/** One tag's feeds, as the model lists them (none without `feed.perTag`). */
export function tagFeedLinks(
  tag: Pick<Tag, "name" | "feeds">,
  options: ResolvedDigestOptions,
  siteTitle: string,
): FeedLink[] {
  const title = `${siteFeedTitle(options, siteTitle)} · ${tag.name}`;
  return tag.feeds.map(({ format, path }) => feedLink(format, linkTitle(title, format), path));
}

/**
 * The feeds a page offers: the site's, on a tag's pages that tag's, and on the home page (`home`)
 * the companion feeds, so a reader's "subscribe" finds both kinds where it looks first.
 */
export function pageFeedLinks(
  site: {
    readonly options: ResolvedDigestOptions;
    readonly title: string;
    readonly feeds: readonly FeedLink[];
    readonly companionFeeds: readonly FeedLink[];
  },
  tag?: Pick<Tag, "name" | "feeds">,
  home = false,
): readonly FeedLink[] {
  if (tag) return [...site.feeds, ...tagFeedLinks(tag, site.options, site.title)];
  return home ? [...site.feeds, ...site.companionFeeds] : site.feeds;
}

/** The `<link rel="alternate">` lines for a page's feeds; `absolute` makes a site-root path a URL. */
export function renderFeedLinks(feeds: readonly FeedLink[], absolute: (path: string) => string): SafeHtml {
  return joinHtml(
    feeds.map(
      (feed) => html`<link rel="alternate" type="${feed.type}" title="${feed.title}" href="${absolute(feed.path)}">`,
    ),
    html`\n`,
  );
}
