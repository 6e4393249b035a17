/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) as the W3C Feed Validation Service checks
 * it: an `atom:link rel="self"`, RFC 822 dates in GMT, one `guid` per item, absolute URLs, plain
 * text titles and the item's HTML in `description`. The source goes in `dc:creator` (RSS's own
 * `author` must be an e-mail address) and an image in Media RSS's `media:thumbnail`.
 */
import { create } from "xmlbuilder2";
import { toRfc822 } from "../dates.js";
import type { FeedChannel } from "./items.js";
import { xmlValue as x } from "./xml.js";

/** The RSS Advisory Board's URL exactly as the W3C validator recognises it in `<docs>`. */
const RSS_DOCS = "http://www.rssboard.org/rss-specification";

export function renderRss(channel: FeedChannel, selfUrl: string): string {
  const rss = create({ version: "1.0", encoding: "utf-8" }).ele("rss", {
    version: "2.0",
    "xmlns:atom": "http://www.w3.org/2005/Atom",
    "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    "xmlns:media": "http://search.yahoo.com/mrss/",
  });
  const out = rss.ele("channel");
  out.ele("title").txt(x(channel.title));
  out.ele("link").txt(x(channel.homeUrl));
  out.ele("description").txt(x(channel.description));
  out.ele("atom:link", { href: x(selfUrl), rel: "self", type: "application/rss+xml" });
  out.ele("language").txt(x(channel.language));
  out.ele("generator").txt("eleventy-plugin-digest");
  out.ele("docs").txt(RSS_DOCS);
  if (channel.updated) out.ele("lastBuildDate").txt(toRfc822(channel.updated));
  for (const item of channel.items) {
    const entry = out.ele("item");
    entry.ele("title").txt(x(item.title));
    entry.ele("link").txt(x(item.url));
    entry.ele("guid", { isPermaLink: item.identity.isPermaLink ? "true" : "false" }).txt(x(item.identity.guid));
    entry.ele("pubDate").txt(toRfc822(item.date));
    if (item.author) entry.ele("dc:creator").txt(x(item.author.name));
    for (const tag of item.tags) entry.ele("category").txt(x(tag));
    entry.ele("description").txt(x(item.html));
    if (item.image) entry.ele("media:thumbnail", { url: x(item.image) });
  }
  return rss.end({ prettyPrint: true }) + "\n";
}
