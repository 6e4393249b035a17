/**
 * Every fact about a feed format, in one table: its file name, media type, name and renderer.
 * Everything else (links, the feed plan, page footers) reads a format's facts here. The list of
 * formats is the options' `FEED_FORMATS`; the file names are model/urls.ts's `FEED_FILE_NAMES`,
 * reused, because the model gives tags their feed paths and may not import feeds/.
 *
 * Imports nothing from html/ (the renderers read only channel.ts's types), so html/ and
 * feeds/links.ts, which the render context imports, can read this table without a cycle.
 */
import type { FeedFormat } from "../model/urls.js";
import { FEED_FILE_NAMES } from "../model/urls.js";
import { renderAtom } from "../feeds/atom.js";
import type { FeedChannel } from "../feeds/channel.js";
import { renderJsonFeed } from "../feeds/json.js";
import { renderRss } from "../feeds/rss.js";

/** What one feed format is. */
export interface FeedFormatInfo {
  /** The file name in the digest's folder and in each tag's, e.g. `feed.xml`. */
  readonly file: string;
  /** For `<link rel="alternate" type>` and the footer's links. */
  readonly mediaType: string;
  /** What the format is called in link titles and the footer, e.g. "JSON Feed". */
  readonly name: string;
  /** The feed's text; `selfUrl` is the feed's own absolute URL. */
  readonly render: (channel: FeedChannel, selfUrl: string) => string;
}

/** The formats, by the options' name for each. */
export const FEED_FORMAT_INFO = {
  rss: { file: FEED_FILE_NAMES.rss, mediaType: "application/rss+xml", name: "RSS", render: renderRss },
  atom: { file: FEED_FILE_NAMES.atom, mediaType: "application/atom+xml", name: "Atom", render: renderAtom },
  json: { file: FEED_FILE_NAMES.json, mediaType: "application/feed+json", name: "JSON Feed", render: renderJsonFeed },
} as const satisfies Readonly<Record<FeedFormat, FeedFormatInfo>>;

/** A feed's media type: one of the table's, so it can go into HTML attributes as it is. */
export type FeedMediaType = (typeof FEED_FORMAT_INFO)[FeedFormat]["mediaType"];
