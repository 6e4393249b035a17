/**
 * Small parts shared by every page kind: links, the "page n" title and "page n of m" fact, the
 * line of facts under a heading, and `view`, which completes a page's `PageView`.
 */
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import type { FeedLink } from "../render/feed-links.js";
import { html, joinHtml, type HtmlValue, type SafeHtml } from "../render/escape.js";

/** A link to a site-root path (and an anchor on that page, if given), with its text. */
export function link(site: SiteContext, path: string, text: string, anchor?: string): SafeHtml {
  return anchor === undefined
    ? html`<a href="${site.href(path)}">${text}</a>`
    : html`<a href="${site.href(path)}#${anchor}">${text}</a>`;
}

/** A page's title with its page number after the first page ("April 2025, page 2"). */
export function withPage(site: SiteContext, title: string, pageNumber: number): string {
  return pageNumber > 1 ? site.wording.fill(site.wording.strings.titleWithPage, { title, n: pageNumber }) : title;
}

/** "Page 2 of 3", or nothing for a single page. */
export function pageOf(site: SiteContext, pageNumber: number, pageCount: number): string {
  return pageCount > 1 ? site.wording.fill(site.wording.strings.pageOf, { n: pageNumber, count: pageCount }) : "";
}

const DOT = html` · `;

/** A line of facts under a heading: "28 articles · Page 2 of 3". Empty parts are left out. */
export function facts(...parts: HtmlValue[]): SafeHtml {
  return html`<p class="dg-sub">${joinHtml(parts.filter(Boolean), DOT)}</p>`;
}

/** How long a `<title>` may be before search results cut it off (and html-validate's `long-title`). */
const TITLE_LENGTH = 70;

/**
 * A page's view, completed with its document title and (unless given) the site's feeds. The
 * `<title>` is "site · page"; when that is too long to be shown whole (an issue's headline), the
 * page's own title alone, which says more than the site's name (`og:site_name` still has it).
 */
export function view(
  site: SiteContext,
  fields: Omit<PageView, "documentTitle" | "feeds"> & { feeds?: readonly FeedLink[] },
): PageView {
  const full =
    fields.kind === "archive"
      ? site.title
      : site.wording.fill(site.wording.strings.documentTitle, { site: site.title, page: fields.title });
  const documentTitle = full.length > TITLE_LENGTH && fields.kind !== "archive" ? fields.title : full;
  return { ...fields, feeds: fields.feeds ?? site.feeds, documentTitle };
}
