/** The archive page: every year with its issues, or the empty state of a digest with none. */
import type { DigestModel, MonthlyIssue } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html, type SafeHtml } from "../render/escape.js";
import { archivePath } from "../model/urls.js";
import { facts, link, view } from "./parts.js";
import { issueItems, issueSubtitle, issueSummary, topPicks } from "./issues.js";

/** What the archive says when the digest has no issue yet. */
function emptyState(site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const feed = site.feeds[0];
  return html`<div class="dg-empty"><p><strong>${strings.emptyDigest}</strong></p><p>${strings.emptyDigestHint}</p>${feed && html`<p>${link(site, feed.path, strings.rssFeed)}</p>`}</div>`;
}

/**
 * The newest issue, first and large: what the digest is about right now. Its heading is the page's
 * H1 ("Latest issue: April 2025"), not the digest's name, which the header already shows.
 */
function latestIssue(issue: MonthlyIssue, site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const { label } = issue;
  const subtitle = issueSubtitle(issue, label);
  const more = html`<p class="dg-more"><a href="${site.href(issue.path)}">${site.wording.count(strings.wholeIssue, issue.articles.length)}<span aria-hidden="true">&#160;»</span></a></p>`;
  return html`<section class="dg-latest" aria-labelledby="dg-latest"><h1 id="dg-latest"><span class="dg-eyebrow">${strings.latestIssue}</span> <a class="dg-row-link" href="${site.href(issue.path)}">${label}</a></h1>${subtitle && html`<p class="dg-issue-title">${subtitle}</p>`}${topPicks(issue, site, LATEST_PICKS)}${more}</section>`;
}

/** How many of the newest issue's picks the archive shows. */
const LATEST_PICKS = 5;

/**
 * The archive: the digest's front page. The newest issue with its top picks, then every year with
 * its issues, one line each (their picks are on the year pages).
 */
export function renderArchive(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const intro = site.description && html`<p class="dg-lede">${site.description}</p>`;
  const years = model.years.map(
    (year) =>
      html`<section class="dg-year" aria-labelledby="dg-y${year.year}"><h2 id="dg-y${year.year}">${link(site, year.path, String(year.year))}</h2>${facts(site.wording.count(strings.issueCount, year.issues.length), site.wording.count(strings.articleCount, year.articleCount))}${year.issues.map((issue) => issueSummary(issue, site, 3, 0))}</section>`,
  );
  const latest = model.issues[0];
  const body = latest
    ? html`${intro}${latestIssue(latest, site)}${years}`
    : html`<h1>${strings.archive}</h1>${intro}${emptyState(site)}`;
  return view(site, {
    kind: "archive",
    path: archivePath(site.options.basePath),
    title: strings.archive,
    description: site.description ?? `${site.title}: ${site.wording.count(strings.issueCount, model.issues.length)}`,
    breadcrumbs: [],
    items: issueItems(model.issues, site),
    // The home page offers both kinds of site feed (every pick, one item a month), as digestFeedLinks does there.
    feeds: [...site.feeds, ...site.companionFeeds],
    body,
  });
}
