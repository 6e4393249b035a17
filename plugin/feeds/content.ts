/**
 * What a reader sees inside a feed item, as HTML with absolute URLs only: for an article, its rank
 * and issue ("#3 in April 2025", linked to the issue page), source and type, summary, and a link to
 * the article; for a whole issue (issue mode), the teaser beside it (the issue itself is the
 * email's content, html/email.ts).
 */
import type { DigestArticle, MonthlyIssue } from "../model/build.js";
import { renderMarkdown } from "../html/markdown.js";
import { summaryHtml } from "../html/summary.js";
import type { SiteContext } from "../html/site.js";
import { html, type SafeHtml } from "../html/escape.js";
import { feedUri } from "./uri.js";

/** The source's name, linked when it has a url. */
function sourceHtml(article: DigestArticle): SafeHtml | string {
  return article.source.url ? html`<a href="${feedUri(article.source.url)}">${article.source.name}</a>` : article.source.name;
}

/** "Article" or "Video", in the site's wording. */
function typeLabel(article: DigestArticle, site: SiteContext): string {
  return article.type === "video" ? site.wording.strings.video : site.wording.strings.article;
}

/** One article as a feed item's content. */
export function articleHtml(article: DigestArticle, site: SiteContext, issueLabel: string): string {
  const rank = site.wording.fill(site.wording.strings.rankInIssue, { rank: article.rank, issue: issueLabel });
  const meta = html`<p><a href="${site.absolute(article.pagePath)}">${rank}</a> · ${sourceHtml(article)} · <strong>${typeLabel(article, site)}</strong></p>`;
  // Summaries come from our safe Markdown, which keeps only http(s) and mailto links: all absolute.
  return html`${meta}\n${summaryHtml(article, site.memo)}<p><a href="${feedUri(article.url)}">${article.title}</a></p>`.markup;
}

/**
 * A monthly issue's teaser (RSS `description`, beside the whole issue in `content:encoded`): its
 * month linked to its page, its count, and its intro.
 */
export function issueTeaserHtml(issue: MonthlyIssue, site: SiteContext, issueLabel: string): string {
  const { wording } = site;
  const head = html`<p><a href="${site.absolute(issue.path)}">${issueLabel}</a> · ${wording.count(wording.strings.articleCount, issue.articles.length)}</p>`;
  return html`${head}${issue.intro && html`\n${renderMarkdown(issue.intro)}`}`.markup;
}
