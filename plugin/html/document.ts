/**
 * The default document around a digest page, used when the host gives no layout: the head (title,
 * description, canonical URL, Open Graph, Twitter card, favicon, feed autodiscovery, JSON-LD), a skip link,
 * the site header, breadcrumbs, and one small inline stylesheet with light and dark schemes.
 * No script runs: the only `<script>` is JSON-LD, which browsers treat as data (the search page,
 * with `search: true`, is the one exception: Pagefind's UI).
 */
import { jsonLdText, socialMetaTags, structuredData } from "./metadata.js";
import type { PageView } from "./view.js";
import { renderFeedLinks } from "../render/feed-links.js";
import { FEED_FORMAT_INFO } from "../render/feed-formats.js";
import type { SiteContext } from "../render/site.js";
import { readFileSync } from "node:fs";
import { html, joinHtml, trustedHtml, type SafeHtml } from "../render/escape.js";
import { searchPath, sourceIndexPath, subscribePath, tagIndexPath } from "../model/urls.js";
import { renderFaviconLink } from "./favicon.js";

/** Where the theme's stylesheet is written: one file, cached by readers across every page. */
export function stylesheetPath(basePath: string): string {
  return `${basePath}digest.css`;
}

/**
 * The theme (`theme.css`, beside this file): one stylesheet, every rule scoped to `.dg`. Read once
 * when the module loads; its header comment, for whoever edits the file, is not written out.
 */
export const THEME_CSS: string = readFileSync(new URL("./theme.css", import.meta.url), "utf8")
  .replace(/^\/\*[\s\S]*?\*\/\n/, "")
  .replace(/\n$/, "");

/** The trail from the archive to this page; the last crumb is the page itself. */
export function renderBreadcrumbs(page: PageView, site: SiteContext): SafeHtml | undefined {
  if (page.breadcrumbs.length === 0) return undefined;
  const last = page.breadcrumbs.length - 1;
  const items = page.breadcrumbs.map(
    (crumb, index) =>
      html`<li><a href="${site.href(crumb.path)}"${index === last && html` aria-current="page"`}>${crumb.name}</a></li>`,
  );
  return html`<nav class="dg-crumbs" aria-label="${site.wording.strings.breadcrumbs}"><ol>${items}</ol></nav>`;
}

const NEWLINE = html`\n`;

/**
 * What a page puts in its head besides `<title>`: description, canonical URL (each page its own),
 * Open Graph and Twitter card tags, the favicon, feed links and JSON-LD. Also usable inside a host's layout.
 */
export function renderHeadMetadata(page: PageView, site: SiteContext): SafeHtml {
  const social = socialMetaTags(page, site).map(
    (tag) => html`<meta ${tag.attribute}="${tag.key}" content="${tag.content}">`,
  );
  // jsonLdText escapes `<`, `>` and `&` as JSON escapes, so the data cannot end the element.
  const jsonLd = trustedHtml(jsonLdText(structuredData(page, site)));
  return joinHtml(
    [
      html`<meta name="description" content="${page.description}">`,
      html`<link rel="canonical" href="${site.absolute(page.path)}">`,
      ...social,
      ...[renderFaviconLink(site)].filter(Boolean),
      renderFeedLinks(page.feeds, site.absolute),
      html`<script type="application/ld+json"${trustedHtml(site.jsonLdAttributes)}>${jsonLd}</script>`,
    ],
    NEWLINE,
  );
}

/** The header's sections: the page kinds each one's link leads to (first) or holds. */
const NAV_SECTIONS = [
  { kind: "archive", within: ["year", "month"] },
  { kind: "tagIndex", within: ["tag"] },
  { kind: "subscribe", within: [] },
  { kind: "search", within: [] },
] as const satisfies readonly { kind: PageView["kind"]; within: readonly PageView["kind"][] }[];

/**
 * How the header's link to `section` marks it on a page of `kind`: `aria-current="page"` on the
 * section's own page, `"true"` on a page inside it (a month in the archive, a tag in the tags).
 */
function currentMark(section: (typeof NAV_SECTIONS)[number], kind: PageView["kind"] | undefined): SafeHtml | undefined {
  if (kind === section.kind) return html` aria-current="page"`;
  return kind !== undefined && (section.within as readonly string[]).includes(kind)
    ? html` aria-current="true"`
    : undefined;
}

/**
 * What every page of a build says the same way around its own content: the stylesheet link, the
 * site header (its section marked for a page of `kind`; none for a page outside every section, the
 * not-found page) and the footer.
 */
export function documentFrame(site: SiteContext, kind?: PageView["kind"]) {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const paths = {
    archive: base,
    tagIndex: tagIndexPath(base),
    subscribe: subscribePath(base),
    search: searchPath(base),
  };
  const names = {
    archive: strings.archive,
    tagIndex: strings.tags,
    subscribe: strings.subscribe,
    search: strings.search,
  };
  const footerFeeds = site.feeds.map(
    (feed) => html`<a href="${site.href(feed.path)}" type="${feed.type}">${FEED_FORMAT_INFO[feed.format].name}</a>`,
  );
  const links = NAV_SECTIONS.filter((section) => section.kind !== "search" || site.options.search).map(
    (section) =>
      html`<li><a href="${site.href(paths[section.kind])}"${currentMark(section, kind)}>${names[section.kind]}</a></li>`,
  );
  return {
    stylesheet: html`<link rel="stylesheet" href="${site.href(stylesheetPath(site.options.basePath))}">`,
    header: html`<a class="dg-skip" href="#dg-main">${strings.skipToContent}</a>
<div class="dg-wrap">
<header class="dg-head"><a class="dg-brand" href="${site.href(base)}">${site.title}</a><nav aria-label="${strings.siteNavigation}"><ul>${links}</ul></nav></header>`,
    footer: html`<footer class="dg-foot">${footerFeeds}<a href="${site.href(tagIndexPath(base))}">${strings.allTags}</a><a href="${site.href(sourceIndexPath(base))}">${strings.allSources}</a></footer>`,
  };
}

/** The whole HTML document for a page, when the host gives no layout. */
export function renderDocument(page: PageView, site: SiteContext): string {
  const frame = documentFrame(site, page.kind);
  return html`<!DOCTYPE html>
<html lang="${site.options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${page.documentTitle}</title>
${renderHeadMetadata(page, site)}
${frame.stylesheet}
</head>
<body class="dg">
${frame.header}
${renderBreadcrumbs(page, site)}
<main id="dg-main">${page.body}</main>
${frame.footer}
</div>
</body>
</html>
`.markup;
}
