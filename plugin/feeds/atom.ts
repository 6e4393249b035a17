/**
 * Atom 1.0 (RFC 4287) as the W3C Feed Validation Service checks it: feed and entry `id` (absolute
 * IRIs), `title`, `updated` (RFC 3339), an author, `rel="self"` and `rel="alternate"` links. Titles
 * are plain text; the item's HTML is `content type="html"`; an image is a Media RSS thumbnail.
 */
import { toRfc3339 } from "../model/dates.js";
import type { FeedChannel, FeedItem, FeedPerson } from "./channel.js";
import { renderXml, renderXmlElement, type XmlElement } from "../render/xml.js";

/** Atom requires `updated` even on an empty feed; with no issue to date it, the epoch (never the clock). */
const NO_ISSUES_YET = "1970-01-01T00:00:00Z";

/** An Atom person: a name, and a `uri` only when there is a url. */
function person(who: FeedPerson): XmlElement {
  return { name: who.name, uri: who.url || undefined };
}

/** An item's entry XML. */
function atomEntry(item: FeedItem): string {
  const date = toRfc3339(item.date);
  return renderXmlElement("entry", {
    id: item.identity.atomId,
    title: { "@type": "text", "#text": item.title },
    link: { "@rel": "alternate", "@type": "text/html", "@href": item.url },
    published: date,
    updated: date,
    author: item.author ? person(item.author) : undefined,
    category: item.tags.map((tag) => ({ "@term": tag })),
    content: { "@type": "html", "#text": item.html },
    "media:thumbnail": item.image ? { "@url": item.image } : undefined,
  });
}

/** The feed's own `id` is the URL of the HTML page it mirrors: stable, and an IRI. */
export function renderAtom(channel: FeedChannel, selfUrl: string): string {
  return renderXml(
    {
      feed: {
        "@xmlns": "http://www.w3.org/2005/Atom",
        "@xmlns:media": "http://search.yahoo.com/mrss/",
        "@xml:lang": channel.language,
        id: channel.homeUrl,
        title: { "@type": "text", "#text": channel.title },
        subtitle: { "@type": "text", "#text": channel.description },
        updated: toRfc3339(channel.updated ?? NO_ISSUES_YET),
        author: person(channel.author),
        link: [
          { "@rel": "self", "@type": "application/atom+xml", "@href": selfUrl },
          { "@rel": "alternate", "@type": "text/html", "@href": channel.homeUrl },
          ...(channel.hub === undefined ? [] : [{ "@rel": "hub", "@href": channel.hub }]),
        ],
        generator: "eleventy-plugin-digest",
        icon: channel.icon,
        logo: channel.icon,
      },
    },
    "feed",
    channel.items.map(atomEntry),
  );
}
