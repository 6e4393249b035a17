/**
 * The marks Pagefind reads on a month page's picks (`search: true`). Small helpers that card.ts
 * and month.ts call, so those files change by an attribute each; without the option they add
 * nothing and the pages are as they always were.
 */
import type { DigestArticle } from "../model/build.js";
import type { SiteContext } from "./site.js";
import { html, type SafeHtml } from "./escape.js";

/** The anchor of a pick on its month page (ranks are unique within a month): what a result links to. */
export function pickAnchor(article: DigestArticle): string {
  return `rank-${article.rank}`;
}

/**
 * The attributes of a pick's `<li>` on a month page: its anchor, `data-pagefind-body` (only month
 * pages are indexed, each pick once), the source, type and issue filters, the rank sort and the
 * title. Values are read from `data-dg-*` attributes (Pagefind's `key[attribute]` form), so a
 * comma or colon in a source's name cannot break Pagefind's list syntax; the tags are marked on
 * the card's tag links (`tagFilterMark`).
 */
export function searchMarks(article: DigestArticle, issueLabel: string, site: SiteContext): SafeHtml | undefined {
  if (!site.options.search) return undefined;
  const type = article.type === "video" ? site.wording.strings.video : site.wording.strings.article;
  return html` id="${pickAnchor(article)}" data-pagefind-body data-pagefind-filter="source[data-dg-source], type[data-dg-type], issue[data-dg-issue]" data-pagefind-sort="rank[data-dg-rank]" data-pagefind-meta="title[data-dg-title]" data-dg-source="${article.source.name}" data-dg-type="${type}" data-dg-issue="${issueLabel}" data-dg-rank="${article.rank}" data-dg-title="${article.title}"`;
}

/** On a card's tag link: the tag filter takes the link's text, the tag's name. */
export function tagFilterMark(site: SiteContext): SafeHtml | undefined {
  return site.options.search ? html` data-pagefind-filter="tag"` : undefined;
}

/**
 * A pick in a list item, with search on: on its month page only the anchor a result links to; in
 * the record handed to Pagefind (`forIndex`), every mark. The index is made from those records,
 * so the written pages do not carry marks that only Pagefind reads (they would cost a month page
 * about 3.5 KB of its 30 KB budget).
 */
export function searchItem(article: DigestArticle, issueLabel: string, card: SafeHtml, site: SiteContext, forIndex = false): SafeHtml {
  if (!site.options.search) return html`<li>${card}</li>`;
  return forIndex ? html`<li${searchMarks(article, issueLabel, site)}>${card}</li>` : html`<li id="${pickAnchor(article)}">${card}</li>`;
}
