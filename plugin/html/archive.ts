/** The archive page: every year with its issues, or the empty state of a digest with none. */
import type { DigestModel } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FragmentCache } from "./fragments.js";
import { html, type SafeHtml } from "./escape.js";
import { archivePath } from "../model/urls.js";
import { facts, link, view } from "./parts.js";
import { issueItems, issueSummary } from "./issues.js";

/** What the archive says when the digest has no issue yet. */
function emptyState(site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const feed = site.feeds[0];
  return html`<div class="dg-empty"><p><strong>${strings.emptyDigest}</strong></p><p>${strings.emptyDigestHint}</p>${feed && html`<p>${link(site, feed.path, strings.rssFeed)}</p>`}</div>`;
}

/** The archive: the digest's front page. */
export function renderArchive(model: DigestModel, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const intro = site.description && html`<p class="dg-lede">${site.description}</p>`;
  const years = model.years.map(
    (year) =>
      html`<section class="dg-year" aria-labelledby="dg-y${year.year}"><h2 id="dg-y${year.year}">${link(site, year.path, String(year.year))}</h2>${facts(site.wording.count(strings.issueCount, year.issues.length), site.wording.count(strings.articleCount, year.articleCount))}${year.issues.map((issue) => issueSummary(issue, site, cache, 3))}</section>`,
  );
  const body = html`<h1>${site.title}</h1>${intro}${years.length > 0 ? years : emptyState(site)}`;
  return view(site, {
    kind: "archive",
    path: archivePath(site.options.basePath),
    title: strings.archive,
    description: site.description ?? `${site.title}: ${site.wording.count(strings.issueCount, model.issues.length)}`,
    breadcrumbs: [],
    items: issueItems(model.issues, site, cache),
    body,
  });
}
