/**
 * Search (`search: true`): each pick as the document Pagefind indexes, and the search page,
 * `{base}search/`, the one page that runs a script. The marks on the pages are in search-marks.ts.
 */
import type { DigestArticle, DigestModel } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html, trustedHtml, type SafeHtml } from "../render/escape.js";
import { archivePath, pagefindPath, searchPath, tagIndexPath } from "../model/urls.js";
import { link, view } from "./parts.js";
import { pickAnchor, searchItem } from "./search-marks.js";
import { articleCard } from "./card.js";
import { summaryHtml } from "../render/summary.js";

/**
 * The search page's own rules (Pagefind's UI in the theme's colours and font, a result's line):
 * a stylesheet of its own, so the pages that have no search do not load them.
 */
export const SEARCH_CSS =
  ".dg .dg-search{margin:1rem 0;--pagefind-ui-scale:.9;--pagefind-ui-primary:var(--accent);--pagefind-ui-text:var(--fg);--pagefind-ui-background:var(--bg);--pagefind-ui-border:var(--line);--pagefind-ui-tag:var(--chip);--pagefind-ui-border-width:1px;--pagefind-ui-border-radius:6px}.dg .dg-search .pagefind-ui{font-family:inherit}.dg .dg-result-line{display:block;margin:.1rem 0 .35rem;color:var(--muted);font-size:.9em}.dg .dg-result-line a{color:inherit;text-decoration:underline}.dg .dg-search mark{background:var(--chip);color:inherit;font-weight:600}";

/** Where the search page's stylesheet is written. */
export function searchStylesheetPath(basePath: string): string {
  return `${searchPath(basePath)}search.css`;
}

/** The id of the element a pick's summary is indexed in: where a result's excerpt is taken from. */
export const EXCERPT_ID = "dg-excerpt";

/**
 * A pick's summary in its record for Pagefind, after the card (whose own `.dg-summary` is not
 * indexed): the search page's script takes each result's excerpt from the words after this
 * element's start, so an excerpt is of the summary, never the title again. Nothing without a summary.
 */
export function excerptMark(article: DigestArticle, site: SiteContext): SafeHtml {
  return article.summary === undefined ? html`` : html`<div id="${EXCERPT_ID}">${summaryHtml(article, site)}</div>`;
}

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
      const card = html`${articleCard(article, site)}${excerptMark(article, site)}`;
      const item = searchItem(article, label, card, site, true, href(page.issue.path));
      const content = html`<!DOCTYPE html><html lang="${lang}"><head><title>${article.title}</title></head><body><ol>${item}</ol></body></html>`;
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
 *
 * Each result (`processResult`) shows one line, "#3 · April 2025 · Source" (the issue a link to
 * it), then an excerpt of the pick's summary: the words from the `#dg-excerpt` anchor on
 * (`excerptMark`), around its first match, matches marked, or the summary's start if only the
 * title or a tag matched: the words of the result's `content` split at white space, which is what
 * its `locations` and `anchors` count (Pagefind's documented result data). Text segmented without
 * spaces (Chinese, Japanese) is split at the zero-width spaces Pagefind keeps only in its
 * `raw_content`, whose words come with `<` and `>` escaped already (`&` is escaped unless it starts
 * one of those). Pagefind's UI writes the excerpt as HTML, so every value from the index is escaped
 * here. The default "Key: value" metadata list is left empty.
 * A search that finds nothing shows `#dg-search-empty` (a MutationObserver: the UI has no event
 * for it): the ways in by tag and by the latest issue. The search box is labelled by the page's
 * visible heading (Pagefind gives it only a `title`, which axe's label-title-only rule rejects).
 */
const START_UI = trustedHtml(
  `(()=>{const esc=(s)=>String(s??"").replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;");` +
    `const summary=(r)=>{const a=(r.anchors||[]).find((x)=>x.id==="${EXCERPT_ID}");if(!a)return"";const raw=r.raw_content||"",zws=raw.includes("\\u200B");` +
    `const words=zws?raw.split("\\u200B").map((w)=>w.replace(/&(?!lt;|gt;)/g,"&amp;")):(r.content||"").split(/[^\\S\\uFEFF]+/g).map(esc),from=a.location,hits=(r.locations||[]).filter((l)=>l>=from),n=30;` +
    `let start=hits.length?Math.max(from,Math.min(...hits)-8):from;const end=Math.min(words.length,start+n);start=Math.max(from,end-n);` +
    `for(const l of hits)if(l<end)words[l]="<mark>"+words[l]+"</mark>";` +
    `return(start>from?"… ":"")+words.slice(start,end).join(zws?"":" ").trim()+(end<words.length?" …":"")};` +
    `const line=(m)=>'<span class="dg-result-line">'+[esc(m.rank),'<a href="'+esc(m.issue_url)+'">'+esc(m.issue)+"</a>",esc(m.source)].join(" · ")+"</span> ";` +
    `new PagefindUI({element:"#dg-search",showImages:false,showSubResults:false,showEmptyFilters:false,openFilters:matchMedia("(min-width:40em)").matches?["tag"]:[],` +
    `processResult:(r)=>({...r,excerpt:line(r.meta||{})+summary(r),meta:{title:(r.meta||{}).title}})});` +
    `const root=document.getElementById("dg-search"),empty=document.getElementById("dg-search-empty");` +
    `const label=()=>root.querySelector(".pagefind-ui__search-input")?.setAttribute("aria-labelledby","dg-search-title");label();` +
    `new MutationObserver(()=>{label();const list=root.querySelector(".pagefind-ui__results");empty.hidden=!(list&&list.children.length===0)}).observe(root,{childList:true,subtree:true})})();`,
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
  const latest = model.issues[0];
  const noHits =
    latest &&
    html`<div id="dg-search-empty" class="dg-empty" hidden><p>${strings.searchNoHits}</p><p>${link(site, tagIndexPath(base), strings.allTags)} · ${link(site, latest.path, `${strings.latestIssue}: ${latest.label}`)}</p></div>`;
  const body =
    model.issues.length === 0
      ? html`<h1>${strings.search}</h1>${empty}`
      : html`<h1 id="dg-search-title">${strings.search}</h1><link rel="stylesheet" href="${site.href(`${bundle}pagefind-ui.css`)}"><link rel="stylesheet" href="${site.href(searchStylesheetPath(base))}"><div id="dg-search" class="dg-search"></div>${noHits}${fallback}<script src="${site.href(`${bundle}pagefind-ui.js`)}"${attributes}></script><script${attributes}>${START_UI}</script>`;
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
