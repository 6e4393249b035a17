/** A year's page: its issues, each with its top three, the years beside it, and the year in review. */
import type { YearArchive } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html, type SafeHtml } from "../render/escape.js";
import { archivePath, tagPath } from "../model/urls.js";
import { facts, view } from "./parts.js";
import { issueItems, issueSummary } from "./issues.js";

/** How many sources and tags the year in review names. */
const REVIEW_TOP = 5;

/** A name the year's picks share (a source, a tag), with its page and how many picks it had. */
interface Picked {
  readonly name: string;
  readonly path: string;
  count: number;
}

/** The most-picked names, most first; ties by name in the locale's order, so every build lists them alike. */
function mostPicked(names: Iterable<{ name: string; path: string }>, locale: string): Picked[] {
  const counts = new Map<string, Picked>();
  for (const { name, path } of names) {
    const entry = counts.get(path);
    if (entry) entry.count++;
    else counts.set(path, { name, path, count: 1 });
  }
  const collator = new Intl.Collator(locale);
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name) || (a.path < b.path ? -1 : 1))
    .slice(0, REVIEW_TOP);
}

/**
 * The year in review: each month's #1 (its top pick, newest month first, linked to the article,
 * with the month linked to its issue), and the sources and tags picked most that year, with counts.
 */
function yearInReview(year: YearArchive, site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const { locale, basePath } = site.options;
  const articles = year.issues.flatMap((issue) => issue.articles);
  const firsts = year.issues.flatMap((issue) => {
    const top = issue.articles[0];
    return top
      ? [
          html`<li><span class="dg-pick"><a href="${site.href(issue.path)}">${issue.monthName}</a>: <a href="${top.url}">${top.title}</a> <span class="dg-muted">${top.source.name}</span></span></li>`,
        ]
      : [];
  });
  const counted = (entries: Picked[]) =>
    html`<ol class="dg-tag-index">${entries.map((entry) => html`<li><a href="${site.href(entry.path)}">${entry.name}</a> <small>${site.wording.count(strings.articleCount, entry.count)}</small></li>`)}</ol>`;
  const sources = mostPicked(
    articles.map((article) => ({ name: article.source.name, path: article.sourcePath })),
    locale,
  );
  const tags = mostPicked(
    articles.flatMap((article) => article.tags.map((tag) => ({ name: tag.name, path: tagPath(basePath, tag.slug) }))),
    locale,
  );
  const part = (id: string, heading: string, list: SafeHtml) =>
    html`<section aria-labelledby="dg-review-${id}"><h3 class="dg-initial" id="dg-review-${id}">${heading}</h3>${list}</section>`;
  return html`<section class="dg-review" aria-labelledby="dg-review"><h2 id="dg-review">${site.wording.fill(strings.yearInReview, { year: String(year.year) })}</h2>${part("firsts", strings.monthsTopPicks, html`<ul class="dg-top">${firsts}</ul>`)}<div class="dg-tag-groups">${sources.length > 0 && part("sources", strings.mostPickedSources, counted(sources))}${tags.length > 0 && part("tags", strings.mostPickedTags, counted(tags))}</div></section>`;
}

/** The links to the older and newer years (`years` newest first, as the model lists them), or nothing for a lone year. */
function yearNavigation(year: YearArchive, years: readonly YearArchive[], site: SiteContext): SafeHtml | undefined {
  const { strings } = site.wording;
  const at = years.indexOf(year);
  if (at < 0) return undefined;
  const entry = (other: YearArchive | undefined, className: string, direction: SafeHtml) =>
    other &&
    html`<li class="${className}"><a href="${site.href(other.path)}"><span class="dg-dir">${direction}</span> <span class="dg-name">${String(other.year)}</span></a></li>`;
  const older = entry(years[at + 1], "dg-older", html`<span aria-hidden="true">« </span>${strings.olderYear}`);
  const newer = entry(years[at - 1], "dg-newer", html`${strings.newerYear}<span aria-hidden="true"> »</span>`);
  return (
    (older || newer) &&
    html`<nav class="dg-issues" aria-label="${strings.yearNavigation}"><ul>${older}${newer}</ul></nav>`
  );
}

/** A year's page; `years` (the model's, newest first) gives the links to the years beside it. */
export function renderYear(year: YearArchive, site: SiteContext, years: readonly YearArchive[] = [year]): PageView {
  const { strings } = site.wording;
  const title = String(year.year);
  const counts = [
    site.wording.count(strings.issueCount, year.issues.length),
    site.wording.count(strings.articleCount, year.articleCount),
  ];
  const body = html`<h1>${title}</h1>${facts(...counts)}${year.issues.map((issue) => issueSummary(issue, site, 2))}${yearInReview(year, site)}${yearNavigation(year, years, site)}`;
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
