/** The archive page: every year with its issues, or the empty state of a digest with none. */
import type { DigestModel } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FragmentCache } from "./fragments.js";
import { escapeHtml as esc } from "../data/text.js";
import { archivePath } from "../model/urls.js";
import { facts, link, view } from "./parts.js";
import { issueItems, issueSummary } from "./issues.js";

function emptyState(site: SiteContext): string {
  const { strings } = site.wording;
  const feed = site.feeds[0];
  return `<div class="dg-empty"><p><strong>${esc(strings.emptyDigest)}</strong></p><p>${esc(strings.emptyDigestHint)}</p>${feed ? `<p>${link(site, feed.path, strings.rssFeed)}</p>` : ""}</div>`;
}

export function renderArchive(model: DigestModel, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const intro = site.description ? `<p class="dg-lede">${esc(site.description)}</p>` : "";
  const years = model.years
    .map(
      (year) =>
        `<section class="dg-year" aria-labelledby="dg-y${year.year}"><h2 id="dg-y${year.year}">${link(site, year.path, String(year.year))}</h2>${facts(esc(site.wording.count(strings.issueCount, year.issues.length)), esc(site.wording.count(strings.articleCount, year.articleCount)))}${year.issues.map((issue) => issueSummary(issue, site, cache, 3)).join("")}</section>`,
    )
    .join("");
  const body = `<h1>${esc(site.title)}</h1>${intro}${years || emptyState(site)}`;
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
