/**
 * Search (`search: true`): each pick as the document Pagefind indexes, and the search page,
 * `{base}search/`, the one page that runs a script. The marks on the pages are in search-marks.ts.
 */
import type { DigestModel } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html, trustedHtml } from "../render/escape.js";
import { archivePath, pagefindPath, searchPath, tagIndexPath } from "../model/urls.js";
import { link, view } from "./parts.js";
import { pickAnchor, searchItem } from "./search-marks.js";
import { articleCard } from "./fragments.js";

/** One record for Pagefind: a pick's URL (its month page, at its anchor) and its HTML. */
export interface SearchRecord {
  readonly url: string;
  readonly content: string;
}

/**
 * Every pick of the month pages as a document of its own, so that a result is one pick and the
 * filters are the pick's own (Pagefind filters whole documents: the month page as one document
 * would match a tag on any of its picks). Each is the `<li>` its month page has, with the marks
 * only Pagefind reads (the written page carries just the anchor).
 * `href` turns a site-root path into the URL a result links to (with Eleventy's pathPrefix).
 */
export function searchRecords(model: DigestModel, site: SiteContext, href: (path: string) => string): SearchRecord[] {
  const records: SearchRecord[] = [];
  const lang = site.options.locale;
  for (const page of model.monthPages) {
    const { label } = page.issue;
    for (const article of page.items) {
      const content = html`<!DOCTYPE html><html lang="${lang}"><head><title>${article.title}</title></head><body><ol>${searchItem(article, label, articleCard(article, site), site, true)}</ol></body></html>`;
      records.push({ url: `${href(page.path)}#${pickAnchor(article)}`, content: content.markup });
    }
  }
  return records;
}

/**
 * Pagefind's default UI, started by one inline script; its bundle path is where its script was
 * loaded from. Images are off (few picks have one); the tag filter is open on a wide screen only
 * (on a phone, open filters pushed the first result a screen down), and a filter value no result
 * has is not listed ("(0)" after each one was all a search without hits showed); in the theme's
 * colours and font (`.dg-search` in theme.css). `eleventy:ignore` (as for JSON-LD) keeps a host's
 * bundle plugin from moving the scripts out of order.
 */
const START_UI = trustedHtml(
  `new PagefindUI({element:"#dg-search",showImages:false,showSubResults:false,showEmptyFilters:false,openFilters:matchMedia("(min-width:40em)").matches?["tag"]:[]});`,
);

/**
 * The search page: Pagefind's UI, and without JavaScript, the way to the tag index and the archive.
 * A digest with no issue has no index to search: the page says so (as the archive does) instead of
 * starting a search that can only fail.
 */
export function renderSearch(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const bundle = pagefindPath(base);
  const attributes = trustedHtml(site.jsonLdAttributes);
  const fallback = html`<noscript><p>${strings.searchNoScript}</p><ul><li>${link(site, tagIndexPath(base), strings.allTags)}</li><li>${link(site, archivePath(base), strings.archive)}</li></ul></noscript>`;
  const empty = html`<div class="dg-empty"><p><strong>${strings.emptyDigest}</strong></p><p>${link(site, archivePath(base), strings.archive)}</p></div>`;
  const body =
    model.issues.length === 0
      ? html`<h1>${strings.search}</h1>${empty}`
      : html`<h1>${strings.search}</h1><link rel="stylesheet" href="${site.href(`${bundle}pagefind-ui.css`)}"><div id="dg-search" class="dg-search"></div>${fallback}<script src="${site.href(`${bundle}pagefind-ui.js`)}"${attributes}></script><script${attributes}>${START_UI}</script>`;
  return view(site, {
    kind: "search",
    path: searchPath(base),
    title: strings.search,
    description: `${site.title}: ${strings.search}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(base) },
      { name: strings.search, path: searchPath(base) },
    ],
    items: [],
    body,
  });
}
