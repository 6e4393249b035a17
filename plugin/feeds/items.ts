/**
 * Feeds, format-neutral: a channel of items (channel.ts) built from the model once, then written
 * out by each format's renderer (formats.ts). Every URL in here is absolute.
 */
import type { DateTime } from "luxon";
import { formatMonth, type MonthKey } from "../model/dates.js";
import type { DigestArticle, MonthlyIssue } from "../model/build.js";
import type { SiteContext } from "../html/site.js";
import { articleHtml, issueTeaserHtml } from "./content.js";
import { renderEmailContent } from "../html/email.js";
import { articleIdentity, issueIdentity } from "./identity.js";
import type { FeedChannel, FeedItem } from "./channel.js";
import { feedUri } from "./uri.js";

/**
 * Items carry their issue's date, every pick of an issue the same: the day the issue came out,
 * which is when a subscriber got them. The feed lists them in rank order, which readers keep for
 * items of one date. (Dates a second apart per rank put #1 on June 1 and the rest on May 31.)
 */
export function articleDate(article: DigestArticle): DateTime {
  return article.issueDate;
}

/** Builds each article's and issue's item once per build, however many feeds and formats carry it. */
export class FeedItemCache {
  private readonly articles = new WeakMap<DigestArticle, FeedItem>();
  private readonly issues = new WeakMap<MonthlyIssue, FeedItem>();
  private readonly months = new Map<MonthKey, string>();

  constructor(private readonly site: SiteContext) {}

  private monthLabel(month: MonthKey): string {
    let label = this.months.get(month);
    if (label === undefined) {
      label = formatMonth(month, this.site.options.locale, this.site.options.timeZone);
      this.months.set(month, label);
    }
    return label;
  }

  article(article: DigestArticle): FeedItem {
    let item = this.articles.get(article);
    if (!item) {
      item = {
        identity: articleIdentity(article),
        title: article.title,
        url: feedUri(article.url),
        date: articleDate(article),
        issueDate: article.issueDate,
        html: articleHtml(article, this.site, this.monthLabel(article.month)),
        author: { name: article.source.name, ...(article.source.url !== undefined && { url: feedUri(article.source.url) }) },
        tags: article.tags.map((tag) => tag.name),
        ...(article.image !== undefined && { image: feedUri(article.image) }),
        facts: { rank: article.rank, month: article.month, type: article.type, issue_url: this.site.absolute(article.issuePath) },
      };
      this.articles.set(article, item);
    }
    return item;
  }

  issue(issue: MonthlyIssue): FeedItem {
    let item = this.issues.get(issue);
    if (!item) {
      const label = this.monthLabel(issue.key);
      const image = issue.articles.find((article) => article.image !== undefined)?.image;
      item = {
        identity: issueIdentity(this.site.options.siteUrl, issue.key),
        title: issue.title ?? label,
        url: this.site.absolute(issue.path),
        date: issue.date,
        issueDate: issue.date,
        // The whole issue is the email's content, exactly: an RSS-to-email service sends the email.
        html: renderEmailContent(issue, this.site).markup,
        teaser: issueTeaserHtml(issue, this.site, label),
        tags: [...new Set(issue.articles.flatMap((article) => article.tags.map((tag) => tag.name)))],
        ...(image !== undefined && { image: feedUri(image) }),
        facts: { month: issue.key, articles: issue.articles.length },
      };
      this.issues.set(issue, item);
    }
    return item;
  }
}

/** The newest issue date among `items`: the feed's `lastBuildDate`/`updated`. */
export function newestIssueDate(items: readonly FeedItem[]): DateTime | undefined {
  let newest: DateTime | undefined;
  for (const item of items) if (!newest || item.issueDate > newest) newest = item.issueDate;
  return newest;
}
