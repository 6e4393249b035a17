/**
 * `{base}feeds.opml`: every feed the build writes as an OPML 2.0 subscription list, which a feed
 * reader imports in one step. The site feeds first, then the companion feeds (`feed.companion`),
 * then a folder outline of the tag feeds and one of the source feeds (`feed.perSource`). Each
 * feed is an `<outline type="rss">` (OPML's convention for every feed format) whose `xmlUrl` is the
 * feed's own URL, as the feed itself states it. Dated by the newest issue, never the clock.
 */
import type { DigestModel, Tag } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import { toRfc822 } from "../model/dates.js";
import { siteFeedTitle, tagFeedLinks, type FeedLink } from "../render/feed-links.js";
import { renderXml, type XmlElement } from "../render/xml.js";

/** One feed as an OPML outline; `htmlUrl` is the page the feed follows. */
function outline(feed: FeedLink, htmlPath: string, site: SiteContext): XmlElement {
  return {
    "@type": "rss",
    "@text": feed.title,
    "@title": feed.title,
    "@xmlUrl": site.absolute(feed.path),
    "@htmlUrl": site.absolute(htmlPath),
  };
}

/** The OPML document listing the site feeds and, in a folder each, every tag feed and source feed that is written. */
export function renderOpml(model: DigestModel, site: SiteContext): string {
  const outlines: XmlElement[] = [...site.feeds, ...site.companionFeeds].map((feed) =>
    outline(feed, site.options.basePath, site),
  );
  const folders: [string, readonly Pick<Tag, "name" | "feeds" | "path">[]][] = [
    [site.wording.strings.tagFeeds, model.tags],
    [site.wording.strings.sourceFeeds, model.sources],
  ];
  for (const [folder, followed] of folders) {
    const feeds = followed.flatMap((entry) =>
      tagFeedLinks(entry, site.options, site.title).map((feed) => outline(feed, entry.path, site)),
    );
    if (feeds.length > 0) outlines.push({ "@text": folder, "@title": folder, outline: feeds });
  }
  const newest = model.issues[0]?.date;
  return renderXml(
    {
      opml: {
        "@version": "2.0",
        head: {
          title: siteFeedTitle(site.options, site.title),
          dateCreated: newest ? toRfc822(newest) : undefined,
          docs: "http://opml.org/spec2.opml",
        },
        body: { outline: outlines },
      },
    },
    "body",
    [],
  );
}
