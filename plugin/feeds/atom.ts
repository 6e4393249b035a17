/**
 * Atom 1.0 (RFC 4287) as the W3C Feed Validation Service checks it: feed and entry `id` (absolute
 * IRIs), `title`, `updated` (RFC 3339), an author, `rel="self"` and `rel="alternate"` links. Titles
 * are plain text; the item's HTML is `content type="html"`; an image is a Media RSS thumbnail.
 */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { DateTime } from "luxon";
import { toRfc3339 } from "../dates.js";
import type { FeedChannel, FeedPerson } from "./items.js";
import { xmlValue as x } from "./xml.js";

/** Atom requires `updated` even on an empty feed; with no issue to date it, the epoch (never the clock). */
const NO_ISSUES_YET = DateTime.fromMillis(0, { zone: "utc" });

function person(parent: XMLBuilder, element: string, who: FeedPerson): void {
  const node = parent.ele(element);
  node.ele("name").txt(x(who.name));
  if (who.url) node.ele("uri").txt(x(who.url));
}

/** The feed's own `id` is the URL of the HTML page it mirrors: stable, and an IRI. */
export function renderAtom(channel: FeedChannel, selfUrl: string): string {
  const feed = create({ version: "1.0", encoding: "utf-8" }).ele("feed", {
    xmlns: "http://www.w3.org/2005/Atom",
    "xmlns:media": "http://search.yahoo.com/mrss/",
    "xml:lang": x(channel.language),
  });
  feed.ele("id").txt(x(channel.homeUrl));
  feed.ele("title", { type: "text" }).txt(x(channel.title));
  feed.ele("subtitle", { type: "text" }).txt(x(channel.description));
  feed.ele("updated").txt(toRfc3339(channel.updated ?? NO_ISSUES_YET));
  person(feed, "author", channel.author);
  feed.ele("link", { rel: "self", type: "application/atom+xml", href: x(selfUrl) });
  feed.ele("link", { rel: "alternate", type: "text/html", href: x(channel.homeUrl) });
  feed.ele("generator").txt("eleventy-plugin-digest");
  for (const item of channel.items) {
    const entry = feed.ele("entry");
    entry.ele("id").txt(x(item.identity.atomId));
    entry.ele("title", { type: "text" }).txt(x(item.title));
    entry.ele("link", { rel: "alternate", type: "text/html", href: x(item.url) });
    entry.ele("published").txt(toRfc3339(item.date));
    entry.ele("updated").txt(toRfc3339(item.date));
    if (item.author) person(entry, "author", item.author);
    for (const tag of item.tags) entry.ele("category", { term: x(tag) });
    entry.ele("content", { type: "html" }).txt(x(item.html));
    if (item.image) entry.ele("media:thumbnail", { url: x(item.image) });
  }
  return feed.end({ prettyPrint: true }) + "\n";
}
