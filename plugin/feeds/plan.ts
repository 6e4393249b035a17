/**
 * Which feeds a build writes (as the `feed` options say), what each one carries, and the
 * `<link rel="alternate">` entries that point readers at them.
 *
 * - Site feeds at `{base}feed.xml`, `atom.xml`, `feed.json` (those in `feed.formats`): the newest
 *   `feed.limit` articles, or in issue mode (`feed.items: "issues"`) the newest issues.
 * - With `feed.companion` (default), the same in the other mode beside them: the issue feed at
 *   `{base}issues/…`, or in issue mode the pick feed at `{base}picks/…`.
 * - With `feed.perTag`, a feed per tag in the same formats at `{base}tags/SLUG/…`, always of
 *   articles: a topic's feed follows the topic, not the issues it appeared in.
 * - With `feed.perSource`, a feed per source at `{base}sources/SLUG/…`, made like a tag's.
 * - A renamed tag's old feeds (`tagAliases`) at `{base}tags/OLD-SLUG/…`: its new tag's feed, the
 *   same items and GUIDs, only its self link the old URL (where it is served, as validators want).
 * - `{base}feeds.opml`: every one of those feeds, as an OPML 2.0 list (opml.ts).
 */
import type { DigestArticle, DigestModel, Tag } from "../model/build.js";
import type { FeedFormat, FeedItemMode } from "../options.js";
import type { SiteContext } from "../render/site.js";
import { FEED_FORMATS, companionFeedPath, faviconPath, opmlPath, siteFeedPath } from "../model/urls.js";
import { feedUri } from "../data/uri.js";
import { renderOpml } from "./opml.js";
import { companionFeedTitle, companionItems, siteFeedTitle } from "../render/feed-links.js";
import { FEED_RENDERERS } from "./formats.js";
import type { FeedChannel, FeedItem } from "./channel.js";
import { FeedItemCache, newestIssueDate } from "./items.js";

/** What a feed file is: a feed in one format, or the OPML list of them all. */
export type FeedFileKind = FeedFormat | "opml";

/** Every kind of feed file, in the order their templates are added. */
export const FEED_FILE_KINDS: readonly FeedFileKind[] = [...FEED_FORMATS, "opml"];

/** One feed file to write. */
export interface FeedFile {
  readonly format: FeedFileKind;
  /** Site-root path, e.g. `/tags/redis/atom.xml`. */
  readonly path: string;
  render(): string;
  /** The articles a tag feed carries, so a watch rebuild rewrites it only when one changed. */
  readonly shows?: readonly DigestArticle[];
}

/**
 * The site feed (`companion` false): the newest articles, or in issue mode the newest issues, up to
 * `feed.limit`; or the companion feed beside it, the same in the other mode, titled and described
 * by what it brings.
 */
function siteChannel(model: DigestModel, site: SiteContext, cache: FeedItemCache, companion: boolean): FeedChannel {
  const { feed, strings } = site.options;
  const mode: FeedItemMode = companion ? companionItems(site.options) : feed.items;
  const items: FeedItem[] =
    mode === "issues"
      ? model.issues.slice(0, feed.limit).map((issue) => cache.issue(issue))
      : model.latestArticles.slice(0, feed.limit).map((article) => cache.article(article));
  const homeUrl = site.absolute(site.options.basePath);
  return channel(site, {
    title: companion ? companionFeedTitle(site.options, site.title) : siteFeedTitle(site.options, site.title),
    description: companion
      ? mode === "issues"
        ? strings.issueFeedsHint
        : strings.pickFeedsHint
      : (feed.description ?? site.description ?? site.title),
    language: site.options.locale,
    homeUrl,
    author: { name: site.title, url: homeUrl },
    items,
  });
}

/** What has feeds of its own: a tag, or a source. */
type Followed = Pick<Tag, "name" | "count" | "path" | "articles">;

/** A tag's (or a source's) feed: its newest articles, up to `feed.limit`, titled after the site feed. */
function tagChannel(tag: Followed, site: SiteContext, cache: FeedItemCache): FeedChannel {
  const title = `${siteFeedTitle(site.options, site.title)} · ${tag.name}`;
  return channel(site, {
    title,
    description: `${title}: ${site.wording.count(site.wording.strings.articleCount, tag.count)}`,
    language: site.options.locale,
    homeUrl: site.absolute(tag.path),
    author: { name: site.title, url: site.absolute(site.options.basePath) },
    items: tag.articles.slice(0, site.options.feed.limit).map((article) => cache.article(article)),
  });
}

/** A channel dated by its newest item's issue (an empty feed gets no date rather than the clock), naming the `feed.hub`. */
function channel(site: SiteContext, fields: Omit<FeedChannel, "updated" | "hub" | "icon">): FeedChannel {
  const updated = newestIssueDate(fields.items);
  const { hub } = site.options.feed;
  const icon = feedIcon(site);
  return {
    ...fields,
    ...(updated && { updated }),
    ...(hub !== undefined && { hub }),
    ...(icon !== undefined && { icon }),
  };
}

/** The favicon as an absolute URL (the plugin's `favicon.svg`, the `favicon` option's, or none with `favicon: false`). */
function feedIcon(site: SiteContext): string | undefined {
  const { favicon, basePath } = site.options;
  if (favicon === false) return undefined;
  if (favicon === undefined) return site.absolute(faviconPath(basePath));
  return favicon.startsWith("/") ? site.absolute(favicon) : feedUri(favicon);
}

/**
 * Every feed file of a build, each rendered when asked. Make it once per build (the build's state
 * holds it), so each article's item is made once however many feeds and formats carry it.
 */
export function feedFiles(model: DigestModel, site: SiteContext): readonly FeedFile[] {
  const cache = new FeedItemCache(site);
  const { formats } = site.options.feed;
  const base = site.options.basePath;
  const out: FeedFile[] = [];
  let siteFeed: FeedChannel | undefined;
  for (const format of formats) {
    const path = siteFeedPath(base, format);
    out.push({
      format,
      path,
      render: () => FEED_RENDERERS[format]((siteFeed ??= siteChannel(model, site, cache, false)), site.absolute(path)),
    });
  }
  let companionFeed: FeedChannel | undefined;
  if (site.options.feed.companion)
    for (const format of formats) {
      const path = companionFeedPath(base, companionItems(site.options), format);
      out.push({
        format,
        path,
        render: () =>
          FEED_RENDERERS[format]((companionFeed ??= siteChannel(model, site, cache, true)), site.absolute(path)),
      });
    }
  // A tag's feeds are the model's (`Tag.feeds`: none without `feed.perTag`), so pages link to exactly these.
  // Each tag's channel is made once, for its own feeds and for those at a renamed tag's old URLs.
  const tagChannels = new Map<Followed, FeedChannel>();
  const tagFeed = (tag: Followed) => {
    let feed = tagChannels.get(tag);
    if (!feed) tagChannels.set(tag, (feed = tagChannel(tag, site, cache)));
    return feed;
  };
  const feedsOf = (tag: Followed, feeds: Tag["feeds"]) => {
    const shows = tag.articles.slice(0, site.options.feed.limit);
    for (const { format, path } of feeds)
      out.push({
        format,
        path,
        shows,
        render: () => FEED_RENDERERS[format](tagFeed(tag), site.absolute(path)),
      });
  };
  for (const tag of model.tags) feedsOf(tag, tag.feeds);
  for (const source of model.sources) feedsOf(source, source.feeds);
  for (const redirect of model.tagRedirects) feedsOf(redirect.to, redirect.feeds);
  out.push({ format: "opml", path: opmlPath(base), render: () => renderOpml(model, site) });
  return out;
}
