/**
 * The not-found page (`{base}404.html`): what a reader sees at a mistyped or moved URL on a static
 * host, in the digest's look (its header, stylesheet and footer), with the ways back in: the newest
 * issue, the archive, the tags and sources, and search when it is on. Served at any missing URL, so
 * every link is root-relative (never relative to where the reader is), and it asks search engines
 * not to index it. Not a `PageView`: it has no canonical URL, structured data or place in the sitemap.
 */
import type { DigestModel } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import { html } from "../render/escape.js";
import { documentFrame } from "./document.js";
import { renderFaviconLink } from "./favicon.js";
import { renderFeedLinks } from "../render/feed-links.js";
import { searchPath, sourceIndexPath, tagIndexPath } from "../model/urls.js";
import { link } from "./parts.js";

/** The whole `404.html` document. */
export function renderNotFoundDocument(model: DigestModel, site: SiteContext): string {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const frame = documentFrame(site);
  const latest = model.issues[0];
  const ways = [
    latest &&
      html`<li><span class="dg-muted">${strings.latestIssue}:</span> ${link(site, latest.path, latest.label)}</li>`,
    html`<li>${link(site, base, strings.archive)}</li>`,
    html`<li>${link(site, tagIndexPath(base), strings.allTags)}</li>`,
    html`<li>${link(site, sourceIndexPath(base), strings.allSources)}</li>`,
    site.options.search && html`<li>${link(site, searchPath(base), strings.search)}</li>`,
  ];
  return html`<!DOCTYPE html>
<html lang="${site.options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${site.wording.fill(strings.documentTitle, { site: site.title, page: strings.notFound })}</title>
${renderFaviconLink(site)}
${renderFeedLinks(site.feeds, site.absolute)}
${frame.stylesheet}
</head>
<body class="dg">
${frame.header}
<main id="dg-main"><h1>${strings.notFound}</h1><p class="dg-lede">${strings.notFoundHint}</p><h2 class="dg-initial">${strings.notFoundLinks}</h2><ul class="dg-tag-index">${ways}</ul></main>
${frame.footer}
</div>
</body>
</html>
`.markup;
}
