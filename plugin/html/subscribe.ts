/**
 * The subscribe page, `{base}subscribe/`: what the header's "Subscribe" opens. Every feed the build
 * writes (the site's in each format that is on, then each tag's, then each source's), each URL shown as text a reader
 * can copy without script, and the OPML file that holds them all.
 */
import type { DigestModel, Tag } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import { html, type SafeHtml } from "./escape.js";
import { archivePath, opmlPath, subscribePath } from "../model/urls.js";
import { tagFeedLinks, type FeedLink } from "../feeds/links.js";
import { FEED_FORMAT_INFO } from "../feeds/formats.js";
import { link, view } from "./parts.js";

/** The OPML file's media type, for its link's `type`. */
export const OPML_MEDIA_TYPE = "text/x-opml";

/** One feed: its format's name as a link, and its absolute URL as copyable text. */
function feedItem(feed: FeedLink, site: SiteContext): SafeHtml {
  return html`<li><a href="${site.href(feed.path)}" type="${feed.type}">${FEED_FORMAT_INFO[feed.format].name}</a> <code class="dg-url">${site.absolute(feed.path)}</code></li>`;
}

/** A tag or a source with feeds of its own. */
type Followed = Pick<Tag, "name" | "path" | "feeds">;

/** The tags (or sources) that have feeds, each with its feeds' links. */
function followedFeeds(entries: readonly Followed[], site: SiteContext): { entry: Followed; feeds: FeedLink[] }[] {
  return entries.filter((entry) => entry.feeds.length > 0).map((entry) => ({ entry, feeds: tagFeedLinks(entry, site.options, site.title) }));
}

/** One list of followed feeds under its heading, or nothing when there are none. */
function followedList(heading: string, followed: readonly { entry: Followed; feeds: readonly FeedLink[] }[], site: SiteContext): SafeHtml | false {
  return followed.length > 0 && html`<h2>${heading}</h2><ul class="dg-feed-list">${followed.map(({ entry, feeds }) => html`<li>${link(site, entry.path, entry.name)}<ul>${feeds.map((feed) => feedItem(feed, site))}</ul></li>`)}</ul>`;
}

/** The page listing every feed with its URL, and the OPML file. */
export function renderSubscribe(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const tags = followedFeeds(model.tags, site);
  const sources = followedFeeds(model.sources, site);
  const tagList = followedList(strings.tagFeeds, tags, site);
  const sourceList = followedList(strings.sourceFeeds, sources, site);
  const opml = html`<h2>OPML</h2><p><a href="${site.href(opmlPath(base))}" type="${OPML_MEDIA_TYPE}">${strings.opmlFile}</a> <code class="dg-url">${site.absolute(opmlPath(base))}</code></p><p class="dg-muted">${strings.opmlHint}</p>`;
  const body = html`<h1>${strings.subscribe}</h1><p>${strings.feedHelp}</p><h2>${strings.siteFeeds}</h2><ul class="dg-feed-list">${site.feeds.map((feed) => feedItem(feed, site))}</ul>${tagList}${sourceList}${opml}`;
  const listed = [...site.feeds, ...[...tags, ...sources].flatMap(({ feeds }) => feeds)];
  return view(site, {
    kind: "subscribe",
    path: subscribePath(base),
    title: strings.subscribe,
    description: `${site.title}: ${strings.subscribe}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(base) },
      { name: strings.subscribe, path: subscribePath(base) },
    ],
    items: listed.map((feed, index) => ({ position: index + 1, name: feed.title, url: site.absolute(feed.path) })),
    body,
  });
}
