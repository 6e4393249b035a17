/**
 * The digest's own sitemap (sitemaps.org 0.9), for a digest that is the whole site. Past 50,000
 * URLs (the protocol's limit per file) `sitemap.xml` becomes a sitemap index of numbered parts.
 * Pure: URLs and dates in, files out.
 */
import { renderXmlElement } from "../render/xml.js";

/** One URL of the sitemap: an absolute URL and, when known, the day its content last changed. */
export interface SitemapUrl {
  readonly loc: string;
  /** `YYYY-MM-DD`. */
  readonly lastmod?: string;
}

/** A sitemap file to write: its site-root path and its XML. */
export interface SitemapFile {
  readonly path: string;
  readonly render: () => string;
}

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** One `<url>` or `<sitemap>` entry, through the escaping XML builder like every feed element. */
function entry(element: "url" | "sitemap", { loc, lastmod }: SitemapUrl): string {
  return renderXmlElement(element, { loc, lastmod: lastmod || undefined });
}

/** One sitemap file listing `urls`. */
function urlset(urls: readonly SitemapUrl[]): string {
  return [`${HEAD}<urlset ${NS}>`, ...urls.map((url) => entry("url", url)), "</urlset>\n"].join("\n");
}

/** The latest `lastmod` among `urls`, for their part's index entry (`YYYY-MM-DD` compares as text). */
function newest(urls: readonly SitemapUrl[]): string | undefined {
  let latest: string | undefined;
  for (const { lastmod } of urls) if (lastmod && (!latest || lastmod > latest)) latest = lastmod;
  return latest;
}

/**
 * `{base}sitemap.xml`, or past `limit` URLs an index at that path and parts at
 * `{base}sitemap-1.xml`, `sitemap-2.xml`, … `absolute` turns a site-root path into a URL.
 */
export function sitemapFiles(
  basePath: string,
  urls: readonly SitemapUrl[],
  absolute: (path: string) => string,
  limit = SITEMAP_URL_LIMIT,
): SitemapFile[] {
  const indexPath = `${basePath}sitemap.xml`;
  if (urls.length <= limit) return [{ path: indexPath, render: () => urlset(urls) }];
  const parts: SitemapFile[] = [];
  const listed: SitemapUrl[] = [];
  for (let start = 0; start < urls.length; start += limit) {
    const slice = urls.slice(start, start + limit);
    const path = `${basePath}sitemap-${parts.length + 1}.xml`;
    parts.push({ path, render: () => urlset(slice) });
    const lastmod = newest(slice);
    listed.push({ loc: absolute(path), ...(lastmod && { lastmod }) });
  }
  const index = `${HEAD}<sitemapindex ${NS}>\n${listed.map((part) => entry("sitemap", part)).join("\n")}\n</sitemapindex>\n`;
  return [{ path: indexPath, render: () => index }, ...parts];
}
