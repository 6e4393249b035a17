/** Each feed format's renderer, by the options' name for it (its other facts: render/feed-formats.ts). */
import type { FeedFormat } from "../model/urls.js";
import { renderAtom } from "./atom.js";
import type { FeedChannel } from "./channel.js";
import { renderJsonFeed } from "./json.js";
import { renderRss } from "./rss.js";

/** A feed's text, from its channel; `selfUrl` is the feed's own absolute URL. */
export type FeedRenderer = (channel: FeedChannel, selfUrl: string) => string;

/** The formats' renderers. */
export const FEED_RENDERERS: Readonly<Record<FeedFormat, FeedRenderer>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};
