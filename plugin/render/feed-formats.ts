/**
 * Every fact about a feed format that pages and feeds both read, in one table: its file name,
 * media type and name. Links, the feed plan and page footers read a format's facts here; each
 * format's renderer is feeds/formats.ts's. The list of formats is the options' `FEED_FORMATS`; the
 * file names are model/urls.ts's `FEED_FILE_NAMES`, reused, because the model gives tags their feed
 * paths.
 */
import type { FeedFormat } from "../model/urls.js";
import { FEED_FILE_NAMES } from "../model/urls.js";

/** What one feed format is. */
export interface FeedFormatInfo {
  /** The file name in the digest's folder and in each tag's, e.g. `feed.xml`. */
  readonly file: string;
  /** For `<link rel="alternate" type>` and the footer's links. */
  readonly mediaType: string;
  /** What the format is called in link titles and the footer, e.g. "JSON Feed". */
  readonly name: string;
}

/** The formats, by the options' name for each. */
export const FEED_FORMAT_INFO = {
  rss: { file: FEED_FILE_NAMES.rss, mediaType: "application/rss+xml", name: "RSS" },
  atom: { file: FEED_FILE_NAMES.atom, mediaType: "application/atom+xml", name: "Atom" },
  json: { file: FEED_FILE_NAMES.json, mediaType: "application/feed+json", name: "JSON Feed" },
} as const satisfies Readonly<Record<FeedFormat, FeedFormatInfo>>;

/** A feed's media type: one of the table's, so it can go into HTML attributes as it is. */
export type FeedMediaType = (typeof FEED_FORMAT_INFO)[FeedFormat]["mediaType"];
