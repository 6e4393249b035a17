/** A year's page: its issues, each with its top three. */
import type { YearArchive } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FragmentCache } from "./fragments.js";
import { html, type SafeHtml } from "./escape.js";
import { archivePath } from "../model/urls.js";
import { facts, view } from "./parts.js";
import { issueItems, issueSummary } from "./issues.js";

/** The links to the older and newer years (`years` newest first, as the model lists them), or nothing for a lone year. */
function yearNavigation(year: YearArchive, years: readonly YearArchive[], site: SiteContext): SafeHtml | undefined {
  const { strings } = site.wording;
  const at = years.indexOf(year);
  if (at < 0) return undefined;
  const entry = (other: YearArchive | undefined, className: string, direction: SafeHtml) =>
    other && html`<li class="${className}"><a href="${site.href(other.path)}"><span class="dg-dir">${direction}</span> <span class="dg-name">${String(other.year)}</span></a></li>`;
  const older = entry(years[at + 1], "dg-older", html`<span aria-hidden="true">&#8592; </span>${strings.olderYear}`);
  const newer = entry(years[at - 1], "dg-newer", html`${strings.newerYear}<span aria-hidden="true"> &#8594;</span>`);
  return (older || newer) && html`<nav class="dg-issues" aria-label="${strings.yearNavigation}"><ul>${older}${newer}</ul></nav>`;
}

/** A year's page; `years` (the model's, newest first) gives the links to the years beside it. */
export function renderYear(year: YearArchive, site: SiteContext, cache: FragmentCache, years: readonly YearArchive[] = [year]): PageView {
  const { strings } = site.wording;
  const title = String(year.year);
  const counts = [site.wording.count(strings.issueCount, year.issues.length), site.wording.count(strings.articleCount, year.articleCount)];
  const body = html`<h1>${title}</h1>${facts(...counts)}${year.issues.map((issue) => issueSummary(issue, site, cache, 2))}${yearNavigation(year, years, site)}`;
  return view(site, {
    kind: "year",
    path: year.path,
    title,
    description: `${site.title}, ${title}: ${counts.join(", ")}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(site.options.basePath) },
      { name: title, path: year.path },
    ],
    items: issueItems(year.issues, site),
    body,
  });
}
