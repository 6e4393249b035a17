/**
 * Small parts shared by every page kind: links, the "page n" title and "page n of m" fact, the
 * line of facts under a heading, and `view`, which completes a page's `PageView`.
 */
import type { PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FeedLink } from "../feeds/links.js";
import { escapeHtml as esc } from "../data/text.js";

export function link(site: SiteContext, path: string, text: string, attrs = ""): string {
  return `<a href="${esc(site.href(path))}"${attrs}>${esc(text)}</a>`;
}

export function withPage(site: SiteContext, title: string, pageNumber: number): string {
  return pageNumber > 1 ? site.wording.fill(site.wording.strings.titleWithPage, { title, n: pageNumber }) : title;
}

export function pageOf(site: SiteContext, pageNumber: number, pageCount: number): string {
  return pageCount > 1 ? site.wording.fill(site.wording.strings.pageOf, { n: pageNumber, count: pageCount }) : "";
}

/** A line of facts under a heading: "28 articles · Page 2 of 3". Parts are HTML; empty ones are left out. */
export function facts(...parts: string[]): string {
  return `<p class="dg-sub">${parts.filter(Boolean).join(" · ")}</p>`;
}

export function view(site: SiteContext, fields: Omit<PageView, "documentTitle" | "feeds"> & { feeds?: readonly FeedLink[] }): PageView {
  const documentTitle = fields.kind === "archive" ? site.title : site.wording.fill(site.wording.strings.documentTitle, { site: site.title, page: fields.title });
  return { ...fields, feeds: fields.feeds ?? site.feeds, documentTitle };
}
