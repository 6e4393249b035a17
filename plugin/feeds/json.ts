/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `JSON.stringify` makes it valid JSON
 * whatever the text holds. Digest facts a reader app may use (rank, month, type) go in the
 * `_digest` extension object, as the spec's extension rules allow.
 */
import { toRfc3339 } from "../model/dates.js";
import type { FeedChannel, FeedItem, FeedPerson } from "./channel.js";
import { MemoTable, type Memo } from "../model/memo.js";
import { escapeJson } from "../data/text.js";

const person = (who: FeedPerson) => ({ name: who.name, ...(who.url !== undefined && { url: who.url }) });

/** An item's JSON by item, made once per build and reused in every feed that carries it. */
const JSON_ITEMS = new MemoTable("JSON Feed items", (item: FeedItem) => escapeJson(JSON.stringify({
  id: item.identity.guid,
  url: item.url,
  title: item.title,
  content_html: item.html,
  date_published: toRfc3339(item.date),
  ...(item.author && { authors: [person(item.author)] }),
  tags: item.tags,
  ...(item.image !== undefined && { image: item.image }),
  _digest: item.facts,
})));

/**
 * The feed's JSON, not pretty-printed (feed readers do not care, and it is half the bytes): its
 * items spliced in as made. Typographic punctuation is written as `\uXXXX`, as the pages write it
 * as character references (see `TYPOGRAPHIC`).
 */
export function renderJsonFeed(channel: FeedChannel, selfUrl: string, memo: Memo): string {
  const head = escapeJson(JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: selfUrl,
    description: channel.description,
    language: channel.language,
    authors: [person(channel.author)],
    ...(channel.hub !== undefined && { hubs: [{ type: "WebSub", url: channel.hub }] }),
    ...(channel.icon !== undefined && { icon: channel.icon, favicon: channel.icon }),
  }));
  return `${head.slice(0, -1)},"items":[${channel.items.map((item) => memo.cached(JSON_ITEMS, item)).join(",")}]}\n`;
}
