/** An issue as listed on the archive and year pages: its summary section and its structured-data entry. */
import type { MonthlyIssue } from "../model/build.js";
import type { ListedItem } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html, type SafeHtml } from "../render/escape.js";
import { facts } from "./parts.js";

/** An issue's title without a leading month name the heading already shows ("April 2025: Netflix" → "Netflix"). */
export function issueSubtitle(issue: MonthlyIssue, label: string): string | undefined {
  if (issue.title === undefined) return undefined;
  const rest = issue.title.startsWith(label) ? issue.title.slice(label.length).replace(/^[\s:–—-]+/, "") : issue.title;
  return rest === "" ? undefined : rest;
}

const HEADINGS = { 2: html`h2`, 3: html`h3` } as const;

/**
 * An issue's first `count` picks: rank badge (the same one the issue page shows), title as a link
 * to the article, source. The archive and the year pages show what is in an issue, not only that
 * it exists.
 */
export function topPicks(issue: MonthlyIssue, site: SiteContext, count: number): SafeHtml | undefined {
  if (count <= 0 || issue.articles.length === 0) return undefined;
  const { strings } = site.wording;
  const picks = issue.articles.slice(0, count).map((article) => {
    const medal = article.rank <= 3 ? ` dg-medal dg-r${article.rank}` : "";
    return html`<li value="${article.rank}"><span class="dg-rank${medal}">${site.wording.fill(strings.rank, { rank: article.rank })}</span><span class="dg-pick"><a href="${article.url}">${article.title}</a> <span class="dg-muted">${article.source.name}</span></span></li>`;
  });
  return html`<ol class="dg-top">${picks}</ol>`;
}

/**
 * An issue in the archive or a year: its month (the link to the issue, stretched over the whole
 * entry, so a tap on its title or count opens it too), its title, its count and its first `top`
 * picks (none: a one-line entry; the picks keep their own links to the articles).
 */
export function issueSummary(issue: MonthlyIssue, site: SiteContext, headingLevel: 2 | 3, top = 3): SafeHtml {
  const { strings } = site.wording;
  const { label } = issue;
  const subtitle = issueSubtitle(issue, label);
  const h = HEADINGS[headingLevel];
  return html`<section class="dg-issue${top > 0 ? "" : " dg-issue-row"}" aria-labelledby="dg-${issue.key}"><${h} id="dg-${issue.key}"><a class="dg-row-link" href="${site.href(issue.path)}">${label}</a></${h}>${subtitle && html`<p class="dg-issue-title">${subtitle}</p>`}${facts(site.wording.count(strings.articleCount, issue.articles.length))}${topPicks(issue, site, top)}</section>`;
}

/** The issues as a page's structured-data list. */
export function issueItems(issues: readonly MonthlyIssue[], site: SiteContext): ListedItem[] {
  return issues.map((issue, index) => ({ position: index + 1, url: site.absolute(issue.path) }));
}
