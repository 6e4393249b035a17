/**
 * Feed item identity. An item's id depends only on what it is — an article's `id` (default: its
 * URL), or an issue's month on this site — never on rank, page, slug, base path or build time, so
 * re-ranking, re-paginating or moving the digest never makes a reader show an item twice.
 */
import { createHash } from "node:crypto";
import type { MonthKey } from "../data/schema.js";
import type { DigestArticle } from "../model/build.js";
import { feedUri } from "../data/uri.js";

/** An item's ids for each feed format's field, all derived from what the item is. */
export interface ItemIdentity {
  /** RSS `<guid>` and JSON Feed `id`. */
  readonly guid: string;
  /** True when `guid` is the item's own URL (RSS `isPermaLink`). */
  readonly isPermaLink: boolean;
  /** Atom `<id>`: always an absolute IRI, as RFC 4287 requires. */
  readonly atomId: string;
}

/**
 * An article's identity. With the default id (its URL), every format uses the URL itself. A
 * chosen `id` is kept as it is in RSS and JSON Feed; Atom needs an IRI, so there it becomes a
 * name-based UUID of the id (`urn:uuid:…`), which depends on nothing else.
 */
export function articleIdentity(article: DigestArticle): ItemIdentity {
  if (article.id === article.url) {
    const url = feedUri(article.url);
    return { guid: url, isPermaLink: true, atomId: url };
  }
  return { guid: article.id, isPermaLink: false, atomId: `urn:uuid:${uuidV5(`article ${article.id}`)}` };
}

/**
 * A monthly issue's identity (issue-mode feeds): a UUID named by the site's origin and the month.
 * The origin keeps two sites' April issues apart; the base path and the issue's title are left out.
 */
export function issueIdentity(siteUrl: string, month: MonthKey): ItemIdentity {
  const id = `urn:uuid:${uuidV5(`issue ${siteUrl} ${month}`)}`;
  return { guid: id, isPermaLink: false, atomId: id };
}

/** This package's UUID namespace: uuidV5(NAMESPACE_URL, "https://www.npmjs.com/package/eleventy-plugin-digest"). */
const DIGEST_NAMESPACE = "7afb74a7-76fb-5279-8dba-ab9aa6fc1b26";

/** A name-based (SHA-1) UUID, RFC 4122 §4.3: the same name always gives the same UUID. */
export function uuidV5(name: string, namespace: string = DIGEST_NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
