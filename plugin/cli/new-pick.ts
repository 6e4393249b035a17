/**
 * A new article for the data, from what a page says about itself (`add`) or what an import file
 * says about a link (`import`): fields in the order the data format lists them, text as found
 * (the build escapes it), a description as a Markdown summary draft that renders as the plain
 * text it was.
 */
import { articleSchema } from "../data/schema.js";
import { cleanLine, cleanText } from "../data/text.js";
import type { ImportedLink } from "./import-formats.js";
import type { PageMetadata } from "./page-metadata.js";

/** A pick before it has a month and a rank. */
export interface PickDraft {
  readonly url: string;
  readonly title: string;
  readonly type: "article" | "video";
  readonly source: { readonly name: string; readonly url?: string; readonly handle?: string };
  readonly published?: string;
  readonly summary?: string;
  readonly tags?: readonly string[];
  readonly image?: string;
}

/** `url` without its `utm_*` tracking parameters (and so without a `?` left empty). */
export function withoutTracking(url: string): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()])
    if (name.toLowerCase().startsWith("utm_")) parsed.searchParams.delete(name);
  return parsed.href;
}

/** `example.com` for `https://www.example.com/a`: a source's name when nothing better is known. */
function hostName(url: string): string {
  return new URL(url).hostname.replace(/^www\./i, "");
}

/** A title without its trailing " | Site name" (or " - ", " — ", " · "), which the source shows anyway. */
function withoutSiteSuffix(title: string, siteName: string | undefined): string {
  if (siteName === undefined) return title;
  for (const separator of [" | ", " - ", " — ", " – ", " · "]) {
    const suffix = `${separator}${siteName}`;
    if (title.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length);
  }
  return title;
}

/**
 * A date as the data format takes it: kept when it is ISO 8601 already, else (an RFC 822 feed
 * date, say) converted through `Date` to UTC; dropped when neither works.
 */
export function publishedDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const published = articleSchema.shape.published;
  if (published.safeParse(value.trim()).success) return value.trim();
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const iso = new Date(time).toISOString().replace(/\.000Z$/, "Z");
  return published.safeParse(iso).success ? iso : undefined;
}

/** Plain text as Markdown that renders as that text: Markdown's punctuation backslash-escaped, one paragraph. */
export function markdownText(text: string): string {
  return cleanText(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, "\\$&")
    .replace(/^([+-]|\d+\.)(?= )/, "\\$1");
}

/**
 * The draft's single-line text cleaned as the build cleans it (controls dropped, blanks collapsed),
 * so the data file holds what the pages will show, and a terminal is never sent a page's escape codes.
 */
function cleaned(draft: PickDraft): PickDraft {
  return {
    ...draft,
    title: cleanLine(draft.title),
    source: { ...draft.source, name: cleanLine(draft.source.name) },
    ...(draft.tags !== undefined && { tags: draft.tags.map(cleanLine) }),
  };
}

/** The pick a fetched page gives; `finalUrl` is where the fetch ended, after redirects. */
export function pickFromPage(
  page: PageMetadata,
  finalUrl: string,
  options: { type?: "article" | "video"; tags?: readonly string[] },
): PickDraft {
  const siteName = page.siteName ?? page.author ?? hostName(finalUrl);
  // The canonical URL, unless it points to another site (then the page as fetched).
  const url = withoutTracking(hostName(page.url) === hostName(finalUrl) ? page.url : finalUrl);
  const published = publishedDate(page.published);
  return cleaned({
    url,
    title:
      page.title !== undefined
        ? withoutSiteSuffix(page.title, page.siteName)
        : `${hostName(url)}${new URL(url).pathname}`,
    type: options.type ?? page.type,
    source: {
      name: siteName,
      ...(page.siteUrl !== undefined && { url: page.siteUrl }),
      ...(page.handle !== undefined && { handle: page.handle }),
    },
    ...(published !== undefined && { published }),
    ...(page.description !== undefined && { summary: markdownText(page.description) }),
    ...(options.tags !== undefined && options.tags.length > 0 && { tags: options.tags }),
    ...(page.image !== undefined && { image: page.image }),
  });
}

/** The pick an imported link gives: its source is the link's site. */
export function pickFromLink(
  link: ImportedLink,
  options: { type?: "article" | "video"; tags?: readonly string[] },
): PickDraft {
  const url = new URL(withoutTracking(link.url));
  const tags = [...(link.tags ?? []), ...(options.tags ?? [])].filter(
    (tag, index, all) => all.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index,
  );
  const published = publishedDate(link.published);
  return cleaned({
    url: url.href,
    title: link.title ?? `${hostName(url.href)}${url.pathname}`,
    type: options.type ?? (/(?:^|\.)(?:youtube\.com|youtu\.be|vimeo\.com)$/i.test(url.hostname) ? "video" : "article"),
    source: { name: hostName(url.href), url: `${url.origin}/` },
    ...(published !== undefined && { published }),
    ...(link.summary !== undefined && { summary: markdownText(link.summary) }),
    ...(tags.length > 0 && { tags }),
  });
}

/** The article as written to the data: `month` only where the file's articles carry it. */
export function articleValue(draft: PickDraft, month: string | undefined, rank: number): Record<string, unknown> {
  return {
    ...(month !== undefined && { month }),
    rank,
    title: draft.title,
    url: draft.url,
    type: draft.type,
    source: draft.source,
    ...(draft.published !== undefined && { published: draft.published }),
    ...(draft.summary !== undefined && { summary: draft.summary }),
    ...(draft.tags !== undefined && { tags: draft.tags }),
    ...(draft.image !== undefined && { image: draft.image }),
  };
}
