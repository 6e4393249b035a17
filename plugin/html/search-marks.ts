/**
 * The marks Pagefind reads on a month page's picks (`search: true`). Small helpers that month.ts
 * and search.ts call; without the option they add nothing and the pages are as they always were.
 */
import type { DigestArticle } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import { escapeHtml, html, type SafeHtml } from "../render/escape.js";

/** The anchor of a pick on its month page (ranks are unique within a month): what a result links to. */
export function pickAnchor(article: DigestArticle): string {
  return `rank-${article.rank}`;
}

/**
 * A filter value as Pagefind is given it. Pagefind's default UI writes filter values into the
 * search page as HTML (Svelte's `{@html}` in the filter labels), and Pagefind's indexer (1.6)
 * decodes character references in a filter value it reads from HTML twice (the attribute as HTML
 * parses it, then once more), where it decodes the page's text once. So a tag or source name is
 * escaped twice here (and once more by the attribute it is written in): the index then holds the
 * name as HTML, and the reader sees the name as text: `<img src=x onerror=…>` as those characters,
 * `a &amp; b` as written. The title (metadata) is written as text by the UI and is given as it
 * is. tests/browser/search-hostile.test.ts holds Pagefind to this.
 */
export function filterValue(text: string): string {
  return escapeHtml(escapeHtml(text));
}

/**
 * The attributes of a pick's `<li>` on a month page: its anchor, `data-pagefind-body` (only month
 * pages are indexed, each pick once), the source, type and issue filters, the rank sort, and the
 * metadata a result shows: title, rank as written ("#3"), issue (its label and `issueUrl`, the URL
 * a result links it to) and source. Values are read from `data-dg-*` attributes (Pagefind's
 * `key[attribute]` form), so a comma or colon in a source's name cannot break Pagefind's list
 * syntax; the tags are marked by `tagFilterMarks`. Filter values are HTML (`filterValue`);
 * metadata values are text (the search page's script escapes them where it writes them as HTML).
 */
export function searchMarks(
  article: DigestArticle,
  issueLabel: string,
  site: SiteContext,
  issueUrl = "",
): SafeHtml | undefined {
  if (!site.options.search) return undefined;
  const { strings } = site.wording;
  const type = article.type === "video" ? strings.video : strings.article;
  const rank = site.wording.fill(strings.rank, { rank: article.rank });
  return html` id="${pickAnchor(article)}" data-pagefind-body data-pagefind-filter="source[data-dg-source], type[data-dg-type], issue[data-dg-issue]" data-pagefind-sort="rank[data-dg-rank]" data-pagefind-meta="title[data-dg-title], rank[data-dg-rank-text], issue[data-dg-issue-label], issue_url[data-dg-issue-url], source[data-dg-source-name]" data-dg-source="${filterValue(article.source.name)}" data-dg-type="${filterValue(type)}" data-dg-issue="${filterValue(issueLabel)}" data-dg-rank="${article.rank}" data-dg-title="${article.title}" data-dg-rank-text="${rank}" data-dg-issue-label="${issueLabel}" data-dg-issue-url="${issueUrl}" data-dg-source-name="${article.source.name}"`;
}

/**
 * The tag filter of a pick's record: one empty `<data>` element per tag, its value the tag's name
 * as a filter value (`filterValue`). Empty, so the names are not indexed twice (the card's tag
 * links carry them as words).
 */
export function tagFilterMarks(article: DigestArticle): SafeHtml {
  return html`${article.tags.map((tag) => html`<data data-pagefind-filter="tag[value]" value="${filterValue(tag.name)}"></data>`)}`;
}

/**
 * A pick in a list item, with search on: on its month page only the anchor a result links to; in
 * the record handed to Pagefind (`forIndex`), every mark (`card` is then the card with the summary
 * a result's excerpt is taken from after it, search.ts); `issueUrl` is the issue's URL a result
 * links to. The index is made from those records, so the written pages do not carry marks that
 * only Pagefind reads (they would take a share of a month page's 30 KB budget).
 */
export function searchItem(
  article: DigestArticle,
  issueLabel: string,
  card: SafeHtml,
  site: SiteContext,
  forIndex = false,
  issueUrl = "",
): SafeHtml {
  if (!site.options.search) return html`<li>${card}</li>`;
  return forIndex
    ? html`<li${searchMarks(article, issueLabel, site, issueUrl)}>${card}${tagFilterMarks(article)}</li>`
    : html`<li id="${pickAnchor(article)}">${card}</li>`;
}
