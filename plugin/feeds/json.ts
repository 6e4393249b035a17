/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `JSON.stringify` makes it valid JSON
 * whatever the text holds. Digest facts a reader app may use (rank, month, type) go in the
 * `_digest` extension object, as the spec's extension rules allow.
 */
import { toRfc3339 } from "../model/dates.js";
import type { FeedChannel, FeedItem, FeedPerson } from "./channel.js";

const person = (who: FeedPerson) => ({ name: who.name, ...(who.url !== undefined && { url: who.url }) });

/** An item's JSON. */
const jsonItem = (item: FeedItem): string =>
  JSON.stringify({
    id: item.identity.guid,
    url: item.url,
    title: item.title,
    content_html: item.html,
    date_published: toRfc3339(item.date),
    ...(item.author && { authors: [person(item.author)] }),
    tags: item.tags,
    ...(item.image !== undefined && { image: item.image }),
    _digest: item.facts,
  });

/**
 * The feed's JSON, not pretty-printed (feed readers do not care, and it is half the bytes): its
 * items spliced in as made. Text is written as the data says: `JSON.stringify` escapes what JSON
 * requires and nothing else.
 */
export function renderJsonFeed(channel: FeedChannel, selfUrl: string): string {
  const head = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: selfUrl,
    description: channel.description,
    language: channel.language,
    authors: [person(channel.author)],
    ...(channel.hub !== undefined && { hubs: [{ type: "WebSub", url: channel.hub }] }),
    ...(channel.icon !== undefined && { icon: channel.icon, favicon: channel.icon }),
  });
  return [head.slice(0, -1), ',"items":[', channel.items.map(jsonItem).join(","), "]}\n"].join("");
}
