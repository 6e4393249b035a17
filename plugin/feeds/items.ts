/** What every feed format says about one article: its identity, date and HTML content. */
import type { DateTime } from "luxon";
import { formatMonth } from "../dates.js";
import type { DigestArticle } from "../model.js";
import { renderMarkdown } from "../markdown.js";
import type { SiteContext } from "../site.js";
import { escapeHtml as esc } from "../text.js";

/**
 * The item's identity depends only on the article's identity (its `id`, else its URL), never on
 * rank, page, slug, base path or build time, so re-ranking or moving the digest never makes a
 * reader show an article twice.
 */
export function itemGuid(article: DigestArticle): { value: string; isPermaLink: boolean } {
  return { value: article.id, isPermaLink: article.id === article.url };
}

/**
 * Items carry their issue's date, one second earlier per rank, so readers that sort by date show
 * an issue in rank order.
 */
export function itemDate(article: DigestArticle): DateTime {
  return article.issueDate.minus({ seconds: article.rank - 1 });
}

/** The item body: rank and issue, source and type, the summary, and links out. Absolute URLs only. */
export function feedItemHtml(article: DigestArticle, site: SiteContext): string {
  const { wording } = site;
  const issue = formatMonth(article.month, site.options.locale, site.options.timeZone);
  const rank = wording.fill(wording.strings.rankInIssue, { rank: article.rank, issue });
  const type = article.type === "video" ? wording.strings.video : wording.strings.article;
  const source = article.source.url ? `<a href="${esc(article.source.url)}">${esc(article.source.name)}</a>` : esc(article.source.name);
  const summary = article.summary ? renderMarkdown(article.summary) : "";
  return `<p><a href="${esc(site.absolute(article.pagePath))}">${esc(rank)}</a> · ${source} · ${esc(type)}</p>\n${summary}<p><a href="${esc(article.url)}">${esc(article.title)}</a></p>`;
}
