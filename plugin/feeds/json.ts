/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `JSON.stringify` makes it valid JSON
 * whatever the text holds. Digest facts a reader app may use (rank, month, type) go in the
 * `_digest` extension object, as the spec's extension rules allow.
 */
import { toRfc3339 } from "../dates.js";
import type { FeedChannel, FeedItem, FeedPerson } from "./items.js";

const person = (who: FeedPerson) => ({ name: who.name, ...(who.url !== undefined && { url: who.url }) });

// An item is the same in every feed that carries it: made once per build.
const jsonItems = new WeakMap<FeedItem, object>();

function jsonItem(item: FeedItem): object {
  let json = jsonItems.get(item);
  if (json === undefined) {
    json = {
      id: item.identity.guid,
      url: item.url,
      title: item.title,
      content_html: item.html,
      date_published: toRfc3339(item.date),
      ...(item.author && { authors: [person(item.author)] }),
      tags: item.tags,
      ...(item.image !== undefined && { image: item.image }),
      _digest: item.facts,
    };
    jsonItems.set(item, json);
  }
  return json;
}

export function renderJsonFeed(channel: FeedChannel, selfUrl: string): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: selfUrl,
    description: channel.description,
    language: channel.language,
    authors: [person(channel.author)],
    items: channel.items.map(jsonItem),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
