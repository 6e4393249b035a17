/**
 * The default document around a digest page, used when the host gives no layout: head metadata,
 * feed autodiscovery, a skip link, breadcrumbs, and one small inline stylesheet with light and dark
 * schemes. No script.
 */
import type { PageView } from "./pages.js";
import type { SiteContext } from "./site.js";
import { escapeHtml as esc } from "./text.js";
import { tagIndexPath } from "./urls.js";

export const THEME_CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1c1e21;--muted:#5b616b;--line:#d9dde3;--accent:#0b57d0;--chip:#eef1f5;--top:#b3261e;--video:#7b1fa2}
@media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#e8eaed;--muted:#a3aab4;--line:#30343a;--accent:#8ab4f8;--chip:#23272d;--top:#f28b82;--video:#d7aefb}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
a{color:var(--accent)}a:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:2px}
.dg-skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem}.dg-skip:focus{left:.5rem;z-index:1}
.dg-wrap{max-width:46rem;margin:0 auto;padding:1rem}.dg-head{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;border-bottom:1px solid var(--line);padding-bottom:.75rem}
.dg-brand{font-weight:700;font-size:1.1rem;text-decoration:none;color:var(--fg)}.dg-head ul,.dg-crumbs ol,.dg-pages ul,.dg-issues ul,.dg-tags{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.dg-crumbs{font-size:.9rem;margin:.75rem 0}.dg-crumbs li+li::before{content:"›";margin-right:.75rem;color:var(--muted)}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0}h2{font-size:1.15rem;line-height:1.3;margin:.25rem 0}h3{font-size:1.05rem;margin:.5rem 0 .25rem}
.dg-muted,.dg-count{color:var(--muted)}.dg-count{font-size:.85rem}.dg-lede{font-size:1.1rem}
.dg-list{list-style:none;padding:0;margin:1rem 0}.dg-list>li{border-top:1px solid var(--line);padding:1rem 0}
.dg-item::after{content:"";display:table;clear:both}.dg-thumb{float:right;margin:0 0 .5rem 1rem;border-radius:4px;object-fit:cover;background:var(--chip)}
.dg-meta,.dg-context{margin:0;font-size:.875rem;color:var(--muted)}.dg-rank{display:inline-block;min-width:2.2em;padding:0 .35em;border-radius:1em;background:var(--chip);color:var(--fg);font-weight:700;text-align:center}
.dg-rank-top{background:var(--top);color:var(--bg)}.dg-type{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;font-weight:600}.dg-type-video{color:var(--video)}
.dg-summary p{margin:.35rem 0}.dg-tags{margin-top:.5rem}.dg-tags a,.dg-tag-index a{display:inline-block;padding:.1rem .55rem;border-radius:1rem;background:var(--chip);font-size:.85rem;text-decoration:none}
.dg-tag-index{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.dg-pages ul,.dg-issues ul{justify-content:center;margin:1.5rem 0;gap:.5rem}.dg-pages a,.dg-gap{display:inline-block;min-width:2.75rem;min-height:2.75rem;padding:.6rem .8rem;text-align:center;border:1px solid var(--line);border-radius:6px;text-decoration:none}
.dg-pages a[aria-current]{background:var(--accent);color:var(--bg);border-color:var(--accent)}.dg-gap{border-color:transparent}
.dg-issue{margin:.75rem 0 1.25rem}.dg-top{margin:.25rem 0;padding-left:1.5rem}.dg-foot{border-top:1px solid var(--line);margin-top:2rem;padding-top:.75rem;font-size:.9rem}`;

export function renderBreadcrumbs(page: PageView, site: SiteContext): string {
  if (page.breadcrumbs.length === 0) return "";
  const items = page.breadcrumbs
    .map((crumb, index) =>
      index === page.breadcrumbs.length - 1
        ? `<li><a href="${esc(site.href(crumb.path))}" aria-current="page">${esc(crumb.name)}</a></li>`
        : `<li><a href="${esc(site.href(crumb.path))}">${esc(crumb.name)}</a></li>`,
    )
    .join("");
  return `<nav class="dg-crumbs" aria-label="${esc(site.wording.strings.breadcrumbs)}"><ol>${items}</ol></nav>`;
}

/** Footer link text per feed format. */
const FEED_LABELS: Readonly<Record<PageView["feeds"][number]["type"], string>> = {
  "application/rss+xml": "RSS",
  "application/atom+xml": "Atom",
  "application/feed+json": "JSON Feed",
};

/** The `<link rel="alternate">` lines for a page's feeds. */
export function renderFeedLinks(feeds: PageView["feeds"], site: SiteContext): string {
  return feeds.map((feed) => `<link rel="alternate" type="${feed.type}" title="${esc(feed.title)}" href="${esc(site.absolute(feed.path))}">`).join("");
}

/** The whole HTML document for a page, when the host gives no layout. */
export function renderDocument(page: PageView, site: SiteContext): string {
  const { strings } = site.wording;
  const base = site.options.basePath;
  return `<!doctype html>
<html lang="${esc(site.options.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.documentTitle)}</title>
<meta name="description" content="${esc(page.description)}">
<link rel="canonical" href="${esc(site.absolute(page.path))}">
${renderFeedLinks(page.feeds, site)}
<style>${THEME_CSS}</style>
</head>
<body>
<a class="dg-skip" href="#dg-main">${esc(strings.skipToContent)}</a>
<div class="dg-wrap">
<header class="dg-head"><a class="dg-brand" href="${esc(site.href(base))}">${esc(site.title)}</a><nav aria-label="${esc(site.title)}"><ul><li><a href="${esc(site.href(base))}">${esc(strings.archive)}</a></li><li><a href="${esc(site.href(tagIndexPath(base)))}">${esc(strings.tags)}</a></li><li><a href="${esc(site.href(site.feeds[0]!.path))}">${esc(strings.subscribe)}</a></li></ul></nav></header>
${renderBreadcrumbs(page, site)}
<main id="dg-main">${page.body}</main>
<footer class="dg-foot">${site.feeds.map((feed) => `<a href="${esc(site.href(feed.path))}" type="${feed.type}">${FEED_LABELS[feed.type]}</a>`).join(" · ")}</footer>
</div>
</body>
</html>
`;
}
