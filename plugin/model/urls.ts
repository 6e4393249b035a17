/** The URL map: where every page and feed lives, as site-root paths under `basePath`. Pure. */
import { monthParts } from "./dates.js";
import type { MonthKey } from "../data/schema.js";

/** `"digest"`, `"/digest"`, `"/digest/"` → `"/digest/"`; `""` or `"/"` → `"/"`. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** Page 1 has no `/page/1/`. */
export function pagedPath(firstPage: string, pageNumber: number): string {
  return pageNumber <= 1 ? firstPage : `${firstPage}page/${pageNumber}/`;
}

/** The archive's home page: the base path itself. */
export const archivePath = (base: string): string => base;
/** A year's archive page, `{base}2025/`. */
export const yearPath = (base: string, year: number): string => `${base}${year}/`;
/** An issue's first page, `{base}2025/04/` (the month zero-padded). */
export function monthPath(base: string, key: MonthKey): string {
  const { year, month } = monthParts(key);
  return `${base}${year}/${String(month).padStart(2, "0")}/`;
}
/** The page listing every tag, `{base}tags/`. */
export const tagIndexPath = (base: string): string => `${base}tags/`;
/** The page listing every feed with its URL, `{base}subscribe/`. */
export const subscribePath = (base: string): string => `${base}subscribe/`;
/** The search page (with the `search` option), `{base}search/`. */
export const searchPath = (base: string): string => `${base}search/`;
/** The folder of Pagefind's index and scripts (with the `search` option), `{base}pagefind/`. */
export const pagefindPath = (base: string): string => `${base}pagefind/`;
/** The OPML list of every feed, `{base}feeds.opml`, for importing them into a reader at once. */
export const opmlPath = (base: string): string => `${base}feeds.opml`;
/** The plugin's own favicon (when the `favicon` option names none), `{base}favicon.svg`. */
export const faviconPath = (base: string): string => `${base}favicon.svg`;
/** The not-found page static hosts serve for a missing URL. */
export const notFoundPath = (base: string): string => `${base}404.html`;
/** An issue's email (`format` `"html"`) or its plain-text twin (`"txt"`): `{base}2025/04/email.html`. */
export const emailPath = (issuePath: string, format: "html" | "txt"): string => `${issuePath}email.${format}`;
/** A tag's first page, `{base}tags/SLUG/`. */
export const tagPath = (base: string, slug: string): string => `${base}tags/${slug}/`;
/** The page listing every source, `{base}sources/`. */
export const sourceIndexPath = (base: string): string => `${base}sources/`;
/** A source's first page, `{base}sources/SLUG/`. */
export const sourcePath = (base: string, slug: string): string => `${base}sources/${slug}/`;

/**
 * Each feed format's file name, in the digest's folder and in each tag's: RSS 2.0, Atom 1.0 and
 * JSON Feed 1.1. The one fact of render/feed-formats.ts's table that lives here: the model gives
 * tags their feed paths, and the model may not import render/ nor the options (which import the
 * model). feed-formats.ts reuses this table; the options list its keys.
 */
export const FEED_FILE_NAMES = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;
/** A feed format: `"rss"`, `"atom"` or `"json"`. */
export type FeedFormat = keyof typeof FEED_FILE_NAMES;
/** Every feed format, in the order of `FEED_FILE_NAMES` (the default order of `feed.formats`). */
export const FEED_FORMATS = Object.keys(FEED_FILE_NAMES) as readonly FeedFormat[];
/** A site feed: `{base}feed.xml`, `atom.xml`, `feed.json`. */
export const siteFeedPath = (base: string, format: FeedFormat): string => `${base}${FEED_FILE_NAMES[format]}`;
/**
 * A companion feed (`feed.companion`): the site feeds in the item mode they do not use, the issue
 * feed at `{base}issues/feed.xml`, … (beside per-pick site feeds) or the pick feed at
 * `{base}picks/feed.xml`, … (beside per-issue ones).
 */
export const companionFeedPath = (base: string, items: "articles" | "issues", format: FeedFormat): string =>
  `${base}${items === "issues" ? "issues" : "picks"}/${FEED_FILE_NAMES[format]}`;
/** A tag's feed: `{base}tags/SLUG/feed.xml`, … */
export const tagFeedPath = (base: string, slug: string, format: FeedFormat): string =>
  `${tagPath(base, slug)}${FEED_FILE_NAMES[format]}`;
/** A source's feed (with `feed.perSource`): `{base}sources/SLUG/feed.xml`, … */
export const sourceFeedPath = (base: string, slug: string, format: FeedFormat): string =>
  `${sourcePath(base, slug)}${FEED_FILE_NAMES[format]}`;

/** Eleventy's output path for a URL path: directories get `index.html`. */
export function outputPermalink(path: string): string {
  return path.endsWith("/") ? `${path}index.html` : path;
}

/** Joins Eleventy's `pathPrefix` and a site-root path, percent-encoding non-ASCII (tag slugs). */
export function withPathPrefix(pathPrefix: string, path: string): string {
  return pathPrefixer(pathPrefix)(path);
}

/** `withPathPrefix` for one `pathPrefix`, normalised once: a build prefixes every link it writes. */
export function pathPrefixer(pathPrefix: string): (path: string) => string {
  const prefix = normalizeBasePath(pathPrefix);
  return (path) => encodeURI(prefix + (path.startsWith("/") ? path.slice(1) : path));
}

/** A page URL as Eleventy may give it (percent-encoded) as a model path, which is not; as given if malformed. */
export function decodePagePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
