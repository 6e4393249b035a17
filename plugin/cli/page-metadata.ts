/**
 * A page's metadata for a new pick, read from its HTML with htmlparser2 (the streaming parser
 * Eleventy already installs): Open Graph, Twitter cards, JSON-LD (`Article`, `BlogPosting`,
 * `NewsArticle`, `VideoObject`, and their `@graph`), `<meta name>` and `<title>`, in that order of
 * trust. Only the `<head>`-level tags are collected; nothing on the page is run or rendered.
 */
import { Parser } from "htmlparser2";

/** What a page says about itself; every field may be missing. */
export interface PageMetadata {
  readonly title?: string;
  readonly description?: string;
  readonly siteName?: string;
  /** The site's home page: the canonical URL's origin. */
  readonly siteUrl?: string;
  /** `@name` from `twitter:site`: the source's handle. */
  readonly handle?: string;
  readonly author?: string;
  /** As the page writes it (ISO 8601 in nearly every case); checked by the caller. */
  readonly published?: string;
  /** An absolute http(s) URL. */
  readonly image?: string;
  readonly type: "article" | "video";
  /** `<link rel="canonical">` or `og:url`, absolute; else the fetched URL. */
  readonly url: string;
}

/** Hosts whose pages are videos whatever their tags say. */
const VIDEO_HOSTS = /(?:^|\.)(?:youtube\.com|youtu\.be|vimeo\.com)$/i;
const ARTICLE_TYPES = new Set([
  "Article",
  "BlogPosting",
  "NewsArticle",
  "TechArticle",
  "Report",
  "ScholarlyArticle",
  "WebPage",
  "VideoObject",
]);

/** Reads `html` fetched from `pageUrl`. */
export function readPageMetadata(html: string, pageUrl: string): PageMetadata {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let title = "";
  let canonical: string | undefined;
  let inTitle = false;
  let inJsonLd = false;
  let script = "";
  let titleDone = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "meta") {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? "").trim().toLowerCase();
          const content = attributes.content;
          if (key !== "" && content !== undefined && !meta.has(key)) meta.set(key, content);
        } else if (
          name === "link" &&
          canonical === undefined &&
          /(?:^|\s)canonical(?:\s|$)/i.test(attributes.rel ?? "") &&
          attributes.href
        ) {
          canonical = attributes.href;
        } else if (name === "title" && !titleDone) inTitle = true;
        else if (name === "script" && (attributes.type ?? "").trim().toLowerCase() === "application/ld+json") {
          inJsonLd = true;
          script = "";
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (inJsonLd) script += text;
      },
      onclosetag(name) {
        if (name === "title" && inTitle) {
          inTitle = false;
          titleDone = true;
        } else if (name === "script" && inJsonLd) {
          inJsonLd = false;
          jsonLd.push(script);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();

  const ld = jsonLdArticle(jsonLd);
  const get = (...keys: string[]) => {
    for (const key of keys) {
      const value = meta.get(key)?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const url = absoluteHttp(canonical, pageUrl) ?? absoluteHttp(get("og:url"), pageUrl) ?? pageUrl;
  const ogType = get("og:type") ?? "";
  const isVideo =
    ogType.toLowerCase().startsWith("video") ||
    VIDEO_HOSTS.test(new URL(url).hostname) ||
    VIDEO_HOSTS.test(new URL(pageUrl).hostname) ||
    ld?.["@type"] === "VideoObject";
  const handle = get("twitter:site", "twitter:creator");
  const published =
    get(
      "article:published_time",
      "og:published_time",
      "datepublished",
      "date",
      "dc.date",
      "dcterms.created",
      "pubdate",
    ) ??
    textOf(ld?.datePublished) ??
    textOf(ld?.uploadDate);
  const image =
    absoluteHttp(
      get("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
      pageUrl,
    ) ?? absoluteHttp(imageOf(ld?.image), pageUrl);
  const author = get("author", "article:author", "dc.creator") ?? nameOf(ld?.author);
  const siteName = get("og:site_name", "application-name") ?? nameOf(ld?.publisher);
  const description = get("og:description", "twitter:description", "description") ?? textOf(ld?.description);
  const heading =
    get("og:title", "twitter:title") ?? textOf(ld?.headline) ?? textOf(ld?.name) ?? (title.trim() || undefined);
  return {
    ...(heading !== undefined && { title: heading }),
    ...(description !== undefined && { description }),
    ...(siteName !== undefined && { siteName }),
    siteUrl: `${new URL(url).origin}/`,
    ...(handle !== undefined && /^@\w{1,50}$/.test(handle) && { handle }),
    ...(author !== undefined && !/^https?:/i.test(author) && { author }),
    ...(published !== undefined && { published }),
    ...(image !== undefined && { image }),
    type: isVideo ? "video" : "article",
    url,
  };
}

type JsonObject = Record<string, unknown>;

/** The first article-like JSON-LD node of the page's scripts (broken JSON is skipped). */
function jsonLdArticle(scripts: readonly string[]): JsonObject | undefined {
  const nodes: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === "object" && value !== null) {
      const node = value as JsonObject;
      nodes.push(node);
      if (node["@graph"] !== undefined) collect(node["@graph"]);
    }
  };
  for (const script of scripts) {
    try {
      collect(JSON.parse(script));
    } catch {
      // a page's broken JSON-LD is its own business
    }
  }
  const typeOf = (node: JsonObject) =>
    [node["@type"]].flat().filter((type): type is string => typeof type === "string");
  const article =
    nodes.find((node) => typeOf(node).some((type) => ARTICLE_TYPES.has(type) && type !== "WebPage")) ??
    nodes.find((node) => typeOf(node).includes("WebPage"));
  if (article === undefined) return undefined;
  return { ...article, "@type": typeOf(article)[0] };
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** `author` or `publisher` in JSON-LD: a string, `{ name }`, or an array of either. */
function nameOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return textOf(first);
  if (typeof first === "object" && first !== null) return textOf((first as JsonObject).name);
  return undefined;
}

/** `image` in JSON-LD: a URL, `{ url }`, or an array of either. */
function imageOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first;
  if (typeof first === "object" && first !== null) return textOf((first as JsonObject).url);
  return undefined;
}

/** `value` resolved against `base`, if that gives an http(s) URL. */
function absoluteHttp(value: string | undefined, base: string): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
