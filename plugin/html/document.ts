/**
 * The default document around a digest page, used when the host gives no layout: the head (title,
 * description, canonical URL, Open Graph, Twitter card, feed autodiscovery, JSON-LD), a skip link,
 * the site header, breadcrumbs, and one small inline stylesheet with light and dark schemes.
 * No script runs: the only `<script>` is JSON-LD, which browsers treat as data.
 */
import { jsonLdText, socialMetaTags, structuredData } from "./metadata.js";
import type { PageView } from "./view.js";
import { renderFeedLinks } from "../feeds/links.js";
import { FEED_FORMAT_INFO } from "../feeds/formats.js";
import type { SiteContext } from "./site.js";
import { escapeHtml as esc } from "../data/text.js";
import { tagIndexPath } from "../model/urls.js";

/**
 * The theme. Every colour pair passes WCAG AA contrast in both schemes (checked by axe in the
 * browser tests); medals keep dark text on light fills in both. Every rule is scoped to an element
 * of class `dg` (the default document's `<body>`; in a host's layout, whatever wraps the digest's
 * content), so the stylesheet can be linked into a host page without restyling it. Inside a host
 * layout (`.dg-embed`) the digest paints no panel of its own: it takes the host's font, text
 * colour, background, link colour and colour scheme; its lines, chips and muted text are mixed from
 * the text colour, and a host can set `--dg-accent`, `--dg-muted`, `--dg-line`, `--dg-chip`,
 * `--dg-card` and `--dg-video`.
 */
/** Where the theme's stylesheet is written: one file, cached by readers across every page. */
export function stylesheetPath(basePath: string): string {
  return `${basePath}digest.css`;
}

export const THEME_CSS = `.dg{color-scheme:light dark;--bg:#fff;--fg:#1b1d21;--muted:#565d66;--line:#d5dae0;--card:#f7f8fa;--chip:#eceff3;--accent:#0b57d0;--on-accent:#fff;--video:#7b1fa2}
@media (prefers-color-scheme:dark){.dg{--bg:#121417;--fg:#e8eaed;--muted:#a4abb5;--line:#353a42;--card:#1a1d22;--chip:#272c33;--accent:#8ab4f8;--on-accent:#0d1117;--video:#d7aefb}}
.dg,.dg *{box-sizing:border-box}.dg{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
.dg:not(.dg-embed) a{color:var(--accent)}.dg a{text-underline-offset:.15em}.dg a:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:2px}
.dg .dg-vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.dg .dg-skip{position:absolute;left:.5rem;top:-5rem;z-index:1;padding:.5rem 1rem;background:var(--bg)}.dg .dg-skip:focus{top:.5rem}
.dg .dg-wrap{max-width:46rem;margin:0 auto;padding:1rem}
.dg .dg-head{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;justify-content:space-between;border-bottom:1px solid var(--line);padding-bottom:.75rem}
.dg .dg-brand{font-weight:700;font-size:1.1rem;text-decoration:none;color:var(--fg)}
.dg .dg-head ul,.dg .dg-crumbs ol,.dg .dg-pages ul,.dg .dg-issues ul,.dg .dg-tags,.dg .dg-list,.dg .dg-tag-index{list-style:none;margin:0;padding:0}
.dg .dg-head ul,.dg .dg-crumbs ol,.dg .dg-tags,.dg .dg-pages ul,.dg .dg-issues ul,.dg .dg-foot{display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.dg .dg-crumbs{font-size:.9rem;margin:.75rem 0 0}.dg .dg-crumbs li+li::before{content:"›";margin-right:.75rem;color:var(--muted)}
.dg h1{font-size:clamp(1.4rem,5vw,1.75rem);line-height:1.2;margin:.75rem 0 .25rem}.dg h2,.dg h3{line-height:1.3;margin:0}.dg h2{font-size:1.2rem}.dg h3{font-size:1.1rem}
.dg .dg-muted,.dg .dg-sub,.dg .dg-count,.dg .dg-meta,.dg .dg-context,.dg .dg-gap{color:var(--muted)}.dg .dg-sub{margin:.25rem 0 1rem}.dg .dg-lede{font-size:1.1rem}
.dg .dg-list>li{border-top:1px solid var(--line);padding:1.1rem 0}.dg .dg-item::after{content:"";display:table;clear:both}
.dg .dg-meta{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem .7rem;margin:0 0 .4rem;font-size:.875rem}
.dg .dg-rank{min-width:2.4em;font-weight:700;color:var(--fg)}.dg .dg-medal{padding:.05em .6em;border-radius:1em;text-align:center;color:#1b1d21;box-shadow:inset 0 0 0 1px #0003}
.dg .dg-r1{background:#f6c945}.dg .dg-r2{background:#d3d9e1}.dg .dg-r3{background:#eaa878}
.dg .dg-source{display:inline-flex;align-items:center;gap:.4rem;color:var(--fg)}
.dg .dg-avatar{display:inline-grid;place-items:center;width:1.5rem;height:1.5rem;border-radius:50%;background:var(--chip);font-size:.75rem;font-weight:700;line-height:1}
.dg .dg-type{padding:0 .45em;border:1px solid var(--line);border-radius:4px;font-size:.75rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase}.dg .dg-type-video{color:var(--video);border-color:currentColor}
.dg .dg-title{font-size:1.15rem}.dg .dg-title a{text-decoration:none}.dg .dg-title a:hover{text-decoration:underline}
.dg .dg-thumb{float:right;width:112px;height:63px;margin:.35rem 0 .5rem 1rem;border-radius:6px;object-fit:cover;background:var(--chip)}
.dg .dg-summary p,.dg .dg-intro p{margin:.35rem 0}.dg .dg-intro{margin-bottom:1rem}.dg .dg-tags{margin-top:.6rem;gap:.4rem}
.dg .dg-tags a{display:inline-block;padding:.1rem .6rem;border-radius:1rem;background:var(--chip);font-size:.85rem;text-decoration:none}.dg .dg-tags a:hover{text-decoration:underline}
.dg .dg-context{margin:0 0 .35rem;font-size:.85rem}
.dg .dg-pages ul{justify-content:center;gap:.5rem;margin:1.5rem 0}.dg .dg-pages a,.dg .dg-gap{display:inline-block;min-width:2.75rem;padding:.55rem .8rem;text-align:center;border:1px solid var(--line);border-radius:6px;text-decoration:none}
.dg .dg-gap{border-color:transparent}@media (max-width:30em){.dg .dg-word{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}.dg .dg-thumb{width:80px;height:45px}}.dg .dg-pages a[aria-current]{background:var(--accent);border-color:var(--accent);color:var(--on-accent);font-weight:700}
.dg .dg-issues ul{gap:.75rem;margin:1.5rem 0}.dg .dg-issues li{flex:1 1 12rem}.dg .dg-newer{text-align:right}
.dg .dg-issues a{display:block;padding:.7rem 1rem;border:1px solid var(--line);border-radius:8px;background:var(--card);text-decoration:none}
.dg .dg-dir{display:block;font-size:.85rem;color:var(--muted)}.dg .dg-name{font-weight:600}
.dg .dg-year{margin-top:1.75rem}.dg .dg-year>h2{font-size:1.5rem}.dg .dg-year>.dg-sub{margin-bottom:.5rem}
.dg .dg-issue{margin:.75rem 0 1rem;padding:.85rem 1rem;border:1px solid var(--line);border-radius:8px;background:var(--card)}
.dg .dg-issue-title{margin:.1rem 0 0;font-weight:600}.dg .dg-issue .dg-sub{margin:.1rem 0 .5rem;font-size:.9rem}.dg .dg-top{margin:0;padding-left:1.6rem}.dg .dg-top li{margin:.2rem 0}
.dg .dg-tag-index{columns:15rem;column-gap:2rem;margin-top:1rem}.dg .dg-tag-index li{display:flex;justify-content:space-between;gap:1rem;padding:.4rem 0;border-bottom:1px solid var(--line);break-inside:avoid}.dg .dg-count{font-size:.9rem}
.dg .dg-empty{margin:2rem 0;padding:1.5rem;border:1px dashed var(--line);border-radius:8px;text-align:center}.dg .dg-empty p{margin:.25rem 0}
.dg .dg-foot{gap:.5rem 1.5rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:.75rem;font-size:.9rem}
.dg.dg-embed{color-scheme:inherit;margin:0;background:none;color:inherit;font:inherit;--fg:currentColor;--bg:transparent;--card:var(--dg-card,transparent);--muted:var(--dg-muted,color-mix(in srgb,currentColor 80%,transparent));--line:var(--dg-line,color-mix(in srgb,currentColor 25%,transparent));--chip:var(--dg-chip,color-mix(in srgb,currentColor 10%,transparent));--accent:var(--dg-accent,currentColor);--video:var(--dg-video,currentColor)}
.dg.dg-embed .dg-pages a[aria-current]{background:none;color:inherit;border:2px solid var(--accent)}`;

export function renderBreadcrumbs(page: PageView, site: SiteContext): string {
  if (page.breadcrumbs.length === 0) return "";
  const last = page.breadcrumbs.length - 1;
  const items = page.breadcrumbs.map((crumb, index) => `<li><a href="${esc(site.href(crumb.path))}"${index === last ? ' aria-current="page"' : ""}>${esc(crumb.name)}</a></li>`).join("");
  return `<nav class="dg-crumbs" aria-label="${esc(site.wording.strings.breadcrumbs)}"><ol>${items}</ol></nav>`;
}

/**
 * What a page puts in its head besides `<title>`: description, canonical URL (each page its own),
 * Open Graph and Twitter card tags, feed links and JSON-LD. Also usable inside a host's layout.
 */
export function renderHeadMetadata(page: PageView, site: SiteContext): string {
  const social = socialMetaTags(page, site).map((tag) => `<meta ${tag.attribute}="${esc(tag.key)}" content="${esc(tag.content)}">`);
  return [
    `<meta name="description" content="${esc(page.description)}">`,
    `<link rel="canonical" href="${esc(site.absolute(page.path))}">`,
    ...social,
    renderFeedLinks(page.feeds, site.absolute),
    `<script type="application/ld+json"${site.jsonLdAttributes}>${jsonLdText(structuredData(page, site))}</script>`,
  ].join("\n");
}

/** The whole HTML document for a page, when the host gives no layout. */
export function renderDocument(page: PageView, site: SiteContext): string {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const feed = site.feeds[0];
  return `<!DOCTYPE html>
<html lang="${esc(site.options.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(page.documentTitle)}</title>
${renderHeadMetadata(page, site)}
<link rel="stylesheet" href="${esc(site.href(stylesheetPath(site.options.basePath)))}">
</head>
<body class="dg">
<a class="dg-skip" href="#dg-main">${esc(strings.skipToContent)}</a>
<div class="dg-wrap">
<header class="dg-head"><a class="dg-brand" href="${esc(site.href(base))}">${esc(site.title)}</a><nav aria-label="${esc(strings.siteNavigation)}"><ul><li><a href="${esc(site.href(base))}">${esc(strings.archive)}</a></li><li><a href="${esc(site.href(tagIndexPath(base)))}">${esc(strings.tags)}</a></li>${feed ? `<li><a href="${esc(site.href(feed.path))}">${esc(strings.subscribe)}</a></li>` : ""}</ul></nav></header>
${renderBreadcrumbs(page, site)}
<main id="dg-main">${page.body}</main>
<footer class="dg-foot">${site.feeds.map((feed) => `<a href="${esc(site.href(feed.path))}" type="${feed.type}">${FEED_FORMAT_INFO[feed.format].name}</a>`).join("")}<a href="${esc(site.href(tagIndexPath(base)))}">${esc(strings.allTags)}</a></footer>
</div>
</body>
</html>
`;
}
