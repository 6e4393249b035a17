/** The URL map (SPEC §3), as site-root paths under `basePath`. Pure. */
import { monthParts, type MonthKey } from "./dates.js";

/** `"digest"`, `"/digest"`, `"/digest/"` → `"/digest/"`; `""` or `"/"` → `"/"`. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** Page 1 has no `/page/1/`. */
export function pagedPath(firstPage: string, pageNumber: number): string {
  return pageNumber <= 1 ? firstPage : `${firstPage}page/${pageNumber}/`;
}

export const archivePath = (base: string): string => base;
export const yearPath = (base: string, year: number): string => `${base}${year}/`;
export function monthPath(base: string, key: MonthKey): string {
  const { year, month } = monthParts(key);
  return `${base}${year}/${String(month).padStart(2, "0")}/`;
}
export const tagIndexPath = (base: string): string => `${base}tags/`;
export const tagPath = (base: string, slug: string): string => `${base}tags/${slug}/`;
export const tagFeedPath = (base: string, slug: string): string => `${base}tags/${slug}/feed.xml`;
export const tagAtomPath = (base: string, slug: string): string => `${base}tags/${slug}/atom.xml`;
export const tagJsonFeedPath = (base: string, slug: string): string => `${base}tags/${slug}/feed.json`;
export const rssPath = (base: string): string => `${base}feed.xml`;
export const atomPath = (base: string): string => `${base}atom.xml`;
export const jsonFeedPath = (base: string): string => `${base}feed.json`;

/** Eleventy's output path for a URL path: directories get `index.html`. */
export function outputPermalink(path: string): string {
  return path.endsWith("/") ? `${path}index.html` : path;
}

/** Joins Eleventy's `pathPrefix` and a site-root path, percent-encoding non-ASCII (tag slugs). */
export function withPathPrefix(pathPrefix: string, path: string): string {
  return encodeURI(`${normalizeBasePath(pathPrefix)}${path.replace(/^\//, "")}`);
}
