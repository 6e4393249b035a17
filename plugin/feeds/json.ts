/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `JSON.stringify` makes it valid JSON
 * whatever the text holds. Digest facts a reader app may use (rank, month, type) go in the
 * `_digest` extension object, as the spec's extension rules allow.
 */
import { toRfc3339 } from "../dates.js";
import { oncePerItem, type FeedChannel, type FeedPerson } from "./items.js";

const person = (who: FeedPerson) => ({ name: who.name, ...(who.url !== undefined && { url: who.url }) });

/** An item, made once per build and reused in every feed that carries it. */
const jsonItem = oncePerItem((item) => ({
  id: item.identity.guid,
  url: item.url,
  title: item.title,
  content_html: item.html,
  date_published: toRfc3339(item.date),
  ...(item.author && { authors: [person(item.author)] }),
  tags: item.tags,
  ...(item.image !== undefined && { image: item.image }),
  _digest: item.facts,
}));

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
