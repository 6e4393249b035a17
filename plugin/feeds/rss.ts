/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) as the W3C Feed Validation Service checks
 * it: an `atom:link rel="self"`, RFC 822 dates in GMT, one `guid` per item, absolute URLs, plain
 * text titles and the item's HTML in `description` (a whole issue's in `content:encoded`, with a
 * teaser in `description`). The source goes in `dc:creator` (RSS's own
 * `author` must be an e-mail address) and an image in Media RSS's `media:thumbnail`.
 */
import { toRfc822 } from "../model/dates.js";
import type { FeedChannel, FeedItem } from "./channel.js";
import { renderXml, renderXmlElement } from "../render/xml.js";

/** The RSS Advisory Board's URL exactly as the W3C validator recognises it in `<docs>`. */
const RSS_DOCS = "http://www.rssboard.org/rss-specification";

/** An item's XML. */
function rssItem(item: FeedItem): string {
  return renderXmlElement("item", {
    title: item.title,
    link: item.url,
    guid: { "@isPermaLink": item.identity.isPermaLink ? "true" : "false", "#text": item.identity.guid },
    pubDate: toRfc822(item.date),
    "dc:creator": item.author?.name,
    category: item.tags,
    description: item.teaser ?? item.html,
    "content:encoded": item.teaser === undefined ? undefined : item.html,
    "media:thumbnail": item.image ? { "@url": item.image } : undefined,
  });
}

/** What RSS 2.0 allows as a channel's `<image>`: a GIF, JPEG or PNG (by the URL's extension). */
const RSS_IMAGE = /\.(gif|jpe?g|png)$/i;

/** An RSS 2.0 document for `channel`; `selfUrl` is the feed's own URL, for `atom:link rel="self"`. */
export function renderRss(channel: FeedChannel, selfUrl: string): string {
  return renderXml(
    {
      rss: {
        "@version": "2.0",
        "@xmlns:atom": "http://www.w3.org/2005/Atom",
        "@xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "@xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        "@xmlns:media": "http://search.yahoo.com/mrss/",
        channel: {
          title: channel.title,
          link: channel.homeUrl,
          description: channel.description,
          // A WebSub hub as the W3C validator accepts it in RSS: an Atom link beside the self link.
          "atom:link": [
            { "@href": selfUrl, "@rel": "self", "@type": "application/rss+xml" },
            ...(channel.hub === undefined ? [] : [{ "@href": channel.hub, "@rel": "hub" }]),
          ],
          language: channel.language,
          generator: "eleventy-plugin-digest",
          docs: RSS_DOCS,
          lastBuildDate: channel.updated ? toRfc822(channel.updated) : undefined,
          image:
            channel.icon !== undefined && RSS_IMAGE.test(new URL(channel.icon).pathname)
              ? { url: channel.icon, title: channel.title, link: channel.homeUrl }
              : undefined,
        },
      },
    },
    "channel",
    channel.items.map(rssItem),
  );
}
