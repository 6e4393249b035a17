/** A year's page: its issues, each with its top three. */
import type { YearArchive } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import { html } from "./escape.js";
import { archivePath } from "../model/urls.js";
import { facts, view } from "./parts.js";
import { issueItems, issueSummary } from "./issues.js";

/** A year's page. */
export function renderYear(year: YearArchive, site: SiteContext): PageView {
  const { strings } = site.wording;
  const title = String(year.year);
  const counts = [site.wording.count(strings.issueCount, year.issues.length), site.wording.count(strings.articleCount, year.articleCount)];
  const body = html`<h1>${title}</h1>${facts(...counts)}${year.issues.map((issue) => issueSummary(issue, site, 2))}`;
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
