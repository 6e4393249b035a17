/**
 * What a rendered digest page is, for the document around it and the head's metadata: the shared
 * types of `pages.ts` (which makes them) and `document.ts`/`metadata.ts` (which read them).
 */
import type { FeedLink } from "../render/feed-links.js";
import type { SafeHtml } from "../render/escape.js";
import type { PageImage } from "../render/page-image.js";

/** One entry of what a page lists: an article by its rank, an issue, a year or a tag. */
export interface ListedItem {
  /** `ListItem.position`: the rank on month pages, the place in the list elsewhere. */
  readonly position: number;
  /** Absolute URL. */
  readonly url: string;
}

/** One step of a page's breadcrumb trail: its name and site-root path. */
export interface Breadcrumb {
  readonly name: string;
  readonly path: string;
}

/** A rendered digest page: its content and what the document head needs. */
export interface PageView {
  readonly kind: "archive" | "year" | "month" | "tagIndex" | "tag" | "sourceIndex" | "source" | "subscribe" | "search";
  readonly path: string;
  /** The page's own title, without the site's name ("April 2025, page 2"). */
  readonly title: string;
  /** The full `<title>` ("Best of Distributed Systems · April 2025, page 2"). */
  readonly documentTitle: string;
  readonly description: string;
  readonly breadcrumbs: readonly Breadcrumb[];
  readonly feeds: readonly FeedLink[];
  /** What the page lists, in order, for its structured data (ranks on month pages). */
  readonly items: readonly ListedItem[];
  /**
   * How many entries the whole list has (an issue's articles, a tag's), when the page shows only
   * some of them: the JSON-LD `numberOfItems`. Else the number of `items`.
   */
  readonly total?: number;
  /** Structured data with the count only, not `items`: a long index (every tag) whose entries are all on the page. */
  readonly compactItems?: boolean;
  /** When the page's content came out (an issue's date), for JSON-LD `datePublished`. RFC 3339 date. */
  readonly datePublished?: string;
  /** An image for social cards: the first listed article's `image`. */
  readonly image?: string;
  /** The `image` article's title: the image's `og:image:alt`. */
  readonly imageAlt?: string;
  /** The page's own share image, made by the plugin; preferred over `image` in social cards. */
  readonly shareImage?: PageImage;
  readonly body: SafeHtml;
}
