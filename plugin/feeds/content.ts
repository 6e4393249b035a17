/**
 * What a reader sees inside a feed item, as HTML with absolute URLs only: for an article, its rank
 * and issue ("#3 in April 2025", linked to the issue page), source (and "Video" for a video), its
 * image, summary and tags (by name: docs/decisions.md says why not linked); the item's own title
 * and link lead to the article, so the body does not repeat them. For a whole issue (issue mode),
 * the teaser beside it (the issue itself is the email's content, render/email.ts).
 */
import type { DigestArticle, MonthlyIssue } from "../model/build.js";
import { renderMarkdown } from "../render/markdown.js";
import { summaryHtml } from "../render/summary.js";
import type { SiteContext } from "../render/site.js";
import { html, type SafeHtml } from "../render/escape.js";
import { feedUri } from "../data/uri.js";

/** The source's name, linked when it has a url. */
function sourceHtml(article: DigestArticle): SafeHtml | string {
  return article.source.url
    ? html`<a href="${feedUri(article.source.url)}">${article.source.name}</a>`
    : article.source.name;
}

/** "Article" or "Video", in the site's wording. */
function typeLabel(article: DigestArticle, site: SiteContext): string {
  return article.type === "video" ? site.wording.strings.video : site.wording.strings.article;
}

/**
 * One article as a feed item's content. The image is in the HTML (most readers ignore
 * `media:thumbnail`), with the title as its alt text since here it stands alone.
 */
export function articleHtml(article: DigestArticle, site: SiteContext, issueLabel: string): string {
  const rank = site.wording.fill(site.wording.strings.rankInIssue, { rank: article.rank, issue: issueLabel });
  const type = article.type !== "article" && html` · <strong>${typeLabel(article, site)}</strong>`;
  const meta = html`<p><a href="${site.absolute(article.pagePath)}">${rank}</a> · ${sourceHtml(article)}${type}</p>`;
  const image =
    article.image &&
    html`<p><a href="${feedUri(article.url)}"><img src="${feedUri(article.image)}" alt="${article.title}" referrerpolicy="no-referrer"></a></p>`;
  // The tags by name: a feed's categories carry them for readers that file by them, and each
  // tag's page is a click away from the issue page the item links to.
  const tags =
    article.tags.length > 0 &&
    html`<p>${site.wording.strings.tags}: ${article.tags.map((tag) => tag.name).join(", ")}</p>`;
  // Summaries come from our safe Markdown, which keeps only http(s) and mailto links: all absolute.
  return html`${meta}\n${image}${summaryHtml(article, site)}${tags}`.markup;
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
