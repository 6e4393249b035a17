/**
 * The subscribe page, `{base}subscribe/`: what the header's "Subscribe" opens. Every feed the build
 * writes (the site's in each format that is on, the companion feeds in the other item mode beside
 * them, then each tag's, then each source's), each URL shown as text a reader can copy without
 * script, the OPML file that holds them all, and the publisher's newsletter form when one is given.
 */
import type { DigestModel, Tag } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html, trustedHtml, type SafeHtml } from "../render/escape.js";
import { archivePath, opmlPath, subscribePath } from "../model/urls.js";
import { companionItems, tagFeedLinks, type FeedLink } from "../render/feed-links.js";
import { FEED_FORMAT_INFO } from "../render/feed-formats.js";
import { link, view } from "./parts.js";

/** The OPML file's media type, for its link's `type`. */
export const OPML_MEDIA_TYPE = "text/x-opml";

/**
 * A URL as a reader reads it: percent-encoded non-ASCII shown as its characters
 * (`/tags/分布式系统/feed.xml`, not `/tags/%E5%88%86…`); reserved characters stay encoded.
 */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * A URL to copy: shown whole on one line (scrolling sideways on its own when it is longer than the
 * screen, never broken mid-word), as a reader reads it; where that differs from the URL as written
 * (a CJK tag's), the written one in `data-url`. The copy button the page's script adds after it
 * copies the written one.
 */
function copyableUrl(url: string): SafeHtml {
  const readable = readableUrl(url);
  return html`<pre class="dg-url" tabindex="0"${readable !== url && html` data-url="${url}"`}>${readable}</pre>`;
}

/** One feed: its format's name as a link, and its absolute URL to copy. */
function feedItem(feed: FeedLink, site: SiteContext): SafeHtml {
  const url = site.absolute(feed.path);
  return html`<li><a class="dg-link" href="${site.href(feed.path)}" type="${feed.type}">${FEED_FORMAT_INFO[feed.format].name}</a>${copyableUrl(url)}</li>`;
}

/** A tag or a source with feeds of its own. */
type Followed = Pick<Tag, "name" | "path" | "feeds">;

/** The tags (or sources) that have feeds, each with its feeds' links. */
function followedFeeds(entries: readonly Followed[], site: SiteContext): { entry: Followed; feeds: FeedLink[] }[] {
  return entries
    .filter((entry) => entry.feeds.length > 0)
    .map((entry) => ({ entry, feeds: tagFeedLinks(entry, site.options, site.title) }));
}

/**
 * One list of followed feeds under its heading, or nothing when there are none: one line per tag
 * (its name, as written: `分布式系统`), which opens to its feeds, one tag at a time (`<details
 * name>`); the page's script puts a filter field above it that narrows the list as the reader types.
 */
function followedList(
  id: string,
  heading: string,
  followed: readonly { entry: Followed; feeds: readonly FeedLink[] }[],
  site: SiteContext,
): SafeHtml | false {
  const { strings } = site.wording;
  return (
    followed.length > 0 &&
    html`<section aria-labelledby="dg-${id}"><h2 id="dg-${id}">${heading}</h2><div class="dg-followed" data-filter="${strings.filterTags}">${followed.map(({ entry, feeds }) => html`<details name="dg-${id}"><summary>${entry.name}</summary><ul class="dg-feed-list"><li>${link(site, entry.path, entry.name)}</li>${feeds.map((feed) => feedItem(feed, site))}</ul></details>`)}</div></section>`
  );
}

/**
 * The page's script: adds a copy button after each URL (copying it to the clipboard, then saying
 * so) and a filter field above each list of tags. Without it, the page is the same lists, the URLs
 * selectable; the markup itself has no form controls.
 */
function subscribeScript(site: SiteContext): SafeHtml {
  const { copy, copied } = site.wording.strings;
  return trustedHtml(`<script${site.jsonLdAttributes}>${subscribeScriptSource(copy, copied)}</script>`);
}

/** The subscribe page's script's text, with what a copy button says before and after copying. */
export function subscribeScriptSource(copyWord: string, copiedWord: string): string {
  const [copy, copied] = [copyWord, copiedWord].map((word) => JSON.stringify(word).replace(/</g, "\\u003c"));
  return `for(const c of document.querySelectorAll(".dg-url")){const b=document.createElement("button");b.type="button";b.textContent=${copy};b.onclick=()=>navigator.clipboard.writeText(c.dataset.url??c.textContent).then(()=>{b.textContent=${copied}});c.after(b)}for(const l of document.querySelectorAll("[data-filter]")){const q=document.createElement("input");q.type="search";q.placeholder=q.ariaLabel=l.dataset.filter;q.oninput=()=>{const v=q.value.trim().toLocaleLowerCase();for(const d of l.children)d.hidden=v!==""&&!d.firstChild.textContent.toLocaleLowerCase().includes(v)};l.before(q)}`;
}

/**
 * One kind of site feed in the whole digest's card: what it brings as a heading ("Every pick", "One
 * item a month") and a sentence, then its formats; nothing when it is not written. Its heading is
 * styled as the tag index's letters are, so the card needs no rule of its own in the stylesheet.
 */
function siteFeedGroup(items: "articles" | "issues", feeds: readonly FeedLink[], site: SiteContext): SafeHtml | false {
  const { strings } = site.wording;
  const [name, hint] =
    items === "issues" ? [strings.issueFeeds, strings.issueFeedsHint] : [strings.pickFeeds, strings.pickFeedsHint];
  return (
    feeds.length > 0 &&
    html`<h3 class="dg-initial">${name}</h3><p class="dg-sub">${hint}</p><ul class="dg-feed-list">${feeds.map((feed) => feedItem(feed, site))}</ul>`
  );
}

/** The publisher's newsletter form (`subscribe.newsletterHtml`, their own markup, as it is) in a card headed "By email"; nothing without one. */
function newsletterCard(site: SiteContext): SafeHtml | false {
  const form = site.options.subscribe.newsletterHtml;
  return (
    form !== undefined &&
    html`<section class="dg-latest" aria-labelledby="dg-newsletter"><h2 id="dg-newsletter">${site.wording.strings.byEmail}</h2>${trustedHtml(form)}</section>`
  );
}

/** The page listing every feed with its URL, and the OPML file. */
export function renderSubscribe(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const tags = followedFeeds(model.tags, site);
  const sources = followedFeeds(model.sources, site);
  const tagList = followedList("tag-feeds", strings.tagFeeds, tags, site);
  const sourceList = followedList("source-feeds", strings.sourceFeeds, sources, site);
  const opmlUrl = site.absolute(opmlPath(base));
  const opml = html`<li><a class="dg-link" href="${site.href(opmlPath(base))}" type="${OPML_MEDIA_TYPE}">OPML</a>${copyableUrl(opmlUrl)}</li>`;
  // The whole digest first, as one card: the site feeds and the companion feeds beside them (every
  // pick, one item a month), each kind said in words, every format and the OPML file with its URL to copy.
  const companion = site.companionFeeds;
  const groups = [
    siteFeedGroup(site.options.feed.items, site.feeds, site),
    siteFeedGroup(companionItems(site.options), companion, site),
  ];
  const whole = html`<section class="dg-latest" aria-labelledby="dg-site-feeds"><h2 id="dg-site-feeds">${strings.siteFeeds}</h2>${groups}<h3 class="dg-initial">${strings.opmlFile}</h3><p class="dg-sub">${strings.opmlHint}</p><ul class="dg-feed-list">${opml}</ul></section>`;
  const body = html`<h1>${strings.subscribe}</h1><p>${strings.feedHelp}</p>${whole}${newsletterCard(site)}${tagList}${sourceList}${subscribeScript(site)}`;
  const listed = [...site.feeds, ...companion, ...[...tags, ...sources].flatMap(({ feeds }) => feeds)];
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
    // Every feed is on the page by its URL: the structured data says how many (a feed per tag made it most of the page).
    compactItems: true,
    body,
  });
}
