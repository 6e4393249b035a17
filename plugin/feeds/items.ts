/**
 * Feeds, format-neutral: a channel of items (channel.ts) built from the model once, then written
 * out by each format's renderer (formats.ts). Every URL in here is absolute.
 */
import type { IsoDateTime } from "../model/date-types.js";
import type { DigestArticle, MonthlyIssue } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import { articleHtml, issueTeaserHtml } from "./content.js";
import { renderEmailContent } from "../render/email.js";
import { articleIdentity, issueIdentity } from "./identity.js";
import type { FeedItem } from "./channel.js";
import { feedUri } from "../data/uri.js";

/**
 * Items carry their issue's date, every pick of an issue the same: the day the issue came out,
 * which is when a subscriber got them. The feed lists them in rank order, which readers keep for
 * items of one date. (Dates a second apart per rank put #1 on June 1 and the rest on May 31.)
 */
export function articleDate(article: DigestArticle): IsoDateTime {
  return article.issueDate;
}

/** Builds each article's and issue's item once per build, however many feeds and formats carry it. */
export class FeedItemCache {
  private readonly articles = new WeakMap<DigestArticle, FeedItem>();
  private readonly issues = new WeakMap<MonthlyIssue, FeedItem>();

  constructor(private readonly site: SiteContext) {}

  article(article: DigestArticle): FeedItem {
    let item = this.articles.get(article);
    if (!item) {
      item = {
        identity: articleIdentity(article),
        title: article.title,
        url: feedUri(article.url),
        date: articleDate(article),
        issueDate: article.issueDate,
        html: articleHtml(article, this.site, article.issueLabel),
        author: {
          name: article.source.name,
          ...(article.source.url !== undefined && { url: feedUri(article.source.url) }),
        },
        tags: article.tags.map((tag) => tag.name),
        ...(article.image !== undefined && { image: feedUri(article.image) }),
        facts: {
          rank: article.rank,
          month: article.month,
          type: article.type,
          issue_url: this.site.absolute(article.issuePath),
        },
      };
      this.articles.set(article, item);
    }
    return item;
  }

  issue(issue: MonthlyIssue): FeedItem {
    let item = this.issues.get(issue);
    if (!item) {
      const { label } = issue;
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
export function newestIssueDate(items: readonly FeedItem[]): IsoDateTime | undefined {
  let newest: IsoDateTime | undefined;
  for (const item of items)
    if (newest === undefined || Date.parse(item.issueDate) > Date.parse(newest)) newest = item.issueDate;
  return newest;
}
