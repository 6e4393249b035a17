/** An issue as listed on the archive and year pages: its summary section and its structured-data entry. */
import type { MonthlyIssue } from "../model/build.js";
import type { ListedItem } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FragmentCache } from "./fragments.js";
import { html, type SafeHtml } from "./escape.js";
import { facts, link } from "./parts.js";

/** An issue's title without a leading month name the heading already shows ("April 2025: Netflix" → "Netflix"). */
function issueSubtitle(issue: MonthlyIssue, label: string): string | undefined {
  if (issue.title === undefined) return undefined;
  const rest = issue.title.startsWith(label) ? issue.title.slice(label.length).replace(/^[\s:–—-]+/, "") : issue.title;
  return rest === "" ? undefined : rest;
}

const HEADINGS = { 2: html`h2`, 3: html`h3` } as const;

/** An issue in the archive or a year: its month, its title, its count and its top three. */
export function issueSummary(issue: MonthlyIssue, site: SiteContext, cache: FragmentCache, headingLevel: 2 | 3): SafeHtml {
  const { strings } = site.wording;
  const label = cache.monthLabel(issue.key, site);
  const subtitle = issueSubtitle(issue, label);
  const top = issue.articles
    .slice(0, 3)
    .map((article) => html`<li value="${article.rank}"><a href="${article.url}">${article.title}</a> <span class="dg-muted">${article.source.name}</span></li>`);
  const h = HEADINGS[headingLevel];
  return html`<section class="dg-issue" aria-labelledby="dg-${issue.key}"><${h} id="dg-${issue.key}">${link(site, issue.path, label)}</${h}>${subtitle && html`<p class="dg-issue-title">${subtitle}</p>`}${facts(site.wording.count(strings.articleCount, issue.articles.length))}<ol class="dg-top">${top}</ol></section>`;
}

/** The issues as a page's structured-data list. */
export function issueItems(issues: readonly MonthlyIssue[], site: SiteContext, cache: FragmentCache): ListedItem[] {
  return issues.map((issue, index) => ({ position: index + 1, name: cache.monthLabel(issue.key, site), url: site.absolute(issue.path) }));
}
