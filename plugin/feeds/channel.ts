/**
 * What a feed carries, format-neutral: a channel and its items, as each format's renderer reads
 * them; items.ts builds them from the model. Types only, kept apart from items.ts (which needs the
 * render context, render/site.ts), so that the renderers import only these types and the XML
 * builder.
 */
import type { IsoDateTime } from "../model/date-types.js";
import type { ItemIdentity } from "./identity.js";

/** An author: a source, or the digest itself. */
export interface FeedPerson {
  readonly name: string;
  readonly url?: string;
}

/** One item of a feed: an article, or (issue mode) a whole issue. */
export interface FeedItem {
  readonly identity: ItemIdentity;
  readonly title: string;
  /** The article itself, or (issue mode) the issue page. */
  readonly url: string;
  readonly date: IsoDateTime;
  /** The date of the issue the item belongs to: the newest one is the feed's `updated`. */
  readonly issueDate: IsoDateTime;
  readonly html: string;
  /**
   * A short HTML teaser, when `html` is long (a whole issue): then RSS puts it in `description` and
   * `html` in `content:encoded`, as RSS-to-email services and readers expect.
   */
  readonly teaser?: string;
  readonly author?: FeedPerson;
  /** Tag display names. */
  readonly tags: readonly string[];
  readonly image?: string;
  /** Facts for machines (JSON Feed's `_digest` extension): rank, month, type… */
  readonly facts: Readonly<Record<string, string | number>>;
}

/** One feed, before it is written in a format. */
export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  /** BCP 47, e.g. `en`. */
  readonly language: string;
  /** The HTML page the feed mirrors. */
  readonly homeUrl: string;
  readonly author: FeedPerson;
  /** The newest issue date among the items; absent for an empty feed. Never the build clock. */
  readonly updated?: IsoDateTime;
  /** The WebSub hub readers may subscribe at (the `feed.hub` option): every format names it. */
  readonly hub?: string;
  /**
   * The digest's icon (its favicon, absolute), so a reader shows the feed as the digest's: Atom's
   * `<icon>` and `<logo>`, JSON Feed's `icon` and `favicon`, and RSS's `<image>` when it is a GIF,
   * JPEG or PNG (the formats RSS 2.0 allows there; the plugin's own icon is an SVG).
   */
  readonly icon?: string;
  readonly items: readonly FeedItem[];
}
