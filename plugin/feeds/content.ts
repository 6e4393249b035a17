/**
 * What a reader sees inside a feed item, as HTML with absolute URLs only: for an article, its rank
 * and issue ("#3 in April 2025", linked to the issue page), source and type, summary, and a link to
 * the article; for a whole issue (issue mode), its intro and ranked list.
 */
import type { DigestArticle, MonthlyIssue } from "../model/build.js";
import { renderMarkdown } from "../html/markdown.js";
import { summaryHtml } from "../html/summary.js";
import type { SiteContext } from "../html/site.js";
import { escapeHtml as esc } from "../data/text.js";
import { feedUri } from "./uri.js";

function sourceHtml(article: DigestArticle): string {
  return article.source.url ? `<a href="${esc(feedUri(article.source.url))}">${esc(article.source.name)}</a>` : esc(article.source.name);
}

function typeLabel(article: DigestArticle, site: SiteContext): string {
  return article.type === "video" ? site.wording.strings.video : site.wording.strings.article;
}

/** One article as a feed item's content. */
export function articleHtml(article: DigestArticle, site: SiteContext, issueLabel: string): string {
  const rank = site.wording.fill(site.wording.strings.rankInIssue, { rank: article.rank, issue: issueLabel });
  const meta = `<p><a href="${esc(site.absolute(article.pagePath))}">${esc(rank)}</a> · ${sourceHtml(article)} · <strong>${esc(typeLabel(article, site))}</strong></p>`;
  // Summaries come from our safe Markdown, which keeps only http(s) and mailto links: all absolute.
  return `${meta}\n${summaryHtml(article, site.memo)}<p><a href="${esc(feedUri(article.url))}">${esc(article.title)}</a></p>`;
}

/** One monthly issue as a feed item's content: its intro, then every article in rank order. */
export function issueHtml(issue: MonthlyIssue, site: SiteContext, issueLabel: string): string {
  const { wording } = site;
  const head = `<p><a href="${esc(site.absolute(issue.path))}">${esc(issueLabel)}</a> · ${esc(wording.count(wording.strings.articleCount, issue.articles.length))}</p>`;
  const intro = issue.intro ? renderMarkdown(issue.intro) : "";
  const entries = issue.articles
    .map(
      (article) =>
        `<li value="${article.rank}"><p><a href="${esc(feedUri(article.url))}">${esc(article.title)}</a></p><p>${sourceHtml(article)} · <strong>${esc(typeLabel(article, site))}</strong></p>${summaryHtml(article, site.memo)}</li>`,
    )
    .join("\n");
  return `${head}\n${intro}${entries ? `<ol>\n${entries}\n</ol>` : ""}`;
}
