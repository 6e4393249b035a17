/** Each feed format's renderer, by the options' name for it (its other facts: render/feed-formats.ts). */
import type { FeedFormat } from "../model/urls.js";
import { atomEntry, renderAtom } from "./atom.js";
import type { FeedChannel, FeedItem } from "./channel.js";
import { jsonItem, renderJsonFeed } from "./json.js";
import { renderRss, rssItem } from "./rss.js";

/** How one format writes a feed. */
export interface FeedRenderer {
  /** One item's text (an RSS `<item>`, an Atom `<entry>`, a JSON Feed item). */
  readonly item: (item: FeedItem) => string;
  /** The feed's text; `selfUrl` is the feed's own absolute URL, `items` its items' texts (`item`'s). */
  readonly feed: (channel: FeedChannel, selfUrl: string, items: readonly string[]) => string;
}

/** The formats' renderers. */
export const FEED_RENDERERS: Readonly<Record<FeedFormat, FeedRenderer>> = {
  rss: { item: rssItem, feed: renderRss },
  atom: { item: atomEntry, feed: renderAtom },
  json: { item: jsonItem, feed: renderJsonFeed },
};
