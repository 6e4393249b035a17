/** A month's (an issue's) page: its date, intro, ranked cards, pagination and older/newer issue links. */
import { isoDay } from "../model/dates.js";
import type { MonthPage, MonthlyIssue } from "../model/build.js";
import { renderMarkdown } from "../render/markdown.js";
import type { Breadcrumb, PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html, type SafeHtml } from "../render/escape.js";
import { archivePath } from "../model/urls.js";
import { renderPagination } from "./pagination.js";
import { facts, pageOf, view, withPage } from "./parts.js";
import { issueSubtitle } from "./issues.js";
import { pickAnchor, searchItem } from "./search-marks.js";
import { emailLink } from "../render/email.js";
import { ageScript } from "./age.js";
import { articleCard } from "./card.js";

/** "Issued 1 May 2025", with the machine-readable date. */
function issueDateTime(issue: MonthlyIssue, site: SiteContext): SafeHtml {
  return html`<time datetime="${isoDay(issue.date)}">${site.wording.fill(site.wording.strings.issuedOn, { date: issue.dateText })}</time>`;
}

/** The links to the older and newer issues, or nothing for a lone issue. */
function issueNavigation(issue: MonthlyIssue, site: SiteContext): SafeHtml | undefined {
  const { strings } = site.wording;
  const entry = (other: MonthlyIssue | undefined, className: string, direction: SafeHtml) =>
    other &&
    html`<li class="${className}"><a href="${site.href(other.path)}"><span class="dg-dir">${direction}</span> <span class="dg-name">${other.label}</span></a></li>`;
  const older = entry(issue.older, "dg-older", html`<span aria-hidden="true">« </span>${strings.olderIssue}`);
  const newer = entry(issue.newer, "dg-newer", html`${strings.newerIssue}<span aria-hidden="true"> »</span>`);
  return (
    (older || newer) &&
    html`<nav class="dg-issues" aria-label="${strings.issueNavigation}"><ul>${older}${newer}</ul></nav>`
  );
}

/** Under `--serve`, what a draft's or a scheduled issue's pages say at the top. */
function heldBanner(issue: MonthlyIssue, site: SiteContext): SafeHtml | undefined {
  const { held } = issue;
  if (!held) return undefined;
  const { strings } = site.wording;
  const text =
    held.reason === "draft"
      ? strings.draftBanner
      : site.wording.fill(strings.scheduledBanner, { date: issue.dateText });
  return html`<p class="dg-banner" role="note">${text}</p>`;
}

/** A month page: one page of an issue's ranked articles. */
export function renderMonthPage(page: MonthPage, site: SiteContext): PageView {
  const { strings } = site.wording;
  const { issue } = page;
  const { label } = issue;
  // The title says the headline too ("April 2025: Netflix at scale"), for tabs, bookmarks and search results.
  const subtitle = issueSubtitle(issue, label);
  const title = withPage(
    site,
    subtitle === undefined ? label : site.wording.fill(strings.issueHeadline, { month: label, title: subtitle }),
    page.pageNumber,
  );
  const intro =
    page.pageNumber === 1 && issue.intro && html`<div class="dg-intro">${renderMarkdown(issue.intro)}</div>`;
  const first = page.items[0];
  // Each pick has its anchor (`#rank-N`), which its rank badge, tag and source pages link to.
  const items = page.items.map((article) =>
    site.options.search
      ? searchItem(article, label, articleCard(article, site), site)
      : html`<li id="${pickAnchor(article)}">${articleCard(article, site)}</li>`,
  );
  // The issue is its month; a date beside it only when the data gives one (the first of the next
  // month, the default, is no date anyone published it on: "Issue of Apr 1, 2025" under March misleads).
  const counts = facts(
    issue.dateGiven && issueDateTime(issue, site),
    site.wording.count(strings.articleCount, issue.articles.length),
    pageOf(site, page.pageNumber, page.pageCount),
  );
  const body = html`${heldBanner(issue, site)}<h1>${issue.title ?? label}</h1>${counts}${emailLink(issue, site)}${intro}<ol class="dg-list" start="${first?.rank ?? 1}">${items}</ol>${renderPagination(site, page.pagePaths, page.pageNumber)}${issueNavigation(issue, site)}${ageScript(
    site,
    page.items.some((article) => article.published),
  )}`;
  const breadcrumbs: Breadcrumb[] = [
    { name: strings.archive, path: archivePath(site.options.basePath) },
    { name: String(issue.year), path: `${site.options.basePath}${issue.year}/` },
    { name: issue.monthName, path: issue.path },
  ];
  if (page.pageNumber > 1)
    breadcrumbs.push({ name: site.wording.fill(strings.page, { n: page.pageNumber }), path: page.path });
  const pictured = page.items.find((article) => article.image !== undefined);
  const published = isoDay(issue.date);
  return view(site, {
    kind: "month",
    path: page.path,
    title,
    description: `${site.title} · ${title}: ${page.items
      .map((a) => a.title)
      .slice(0, 3)
      .join("; ")}`,
    breadcrumbs,
    items: page.items.map((article) => ({ position: article.rank, url: article.url })),
    total: issue.articles.length,
    ...(published !== null && { datePublished: published }),
    ...(pictured?.image !== undefined && { image: pictured.image, imageAlt: pictured.title }),
    body,
  });
}
