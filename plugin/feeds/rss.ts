/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with an `atom:link rel="self"`, as the W3C
 * Feed Validation Service expects. Built with xmlbuilder2, which escapes every text and attribute
 * once `xmlText` has escaped their `&`s.
 */
import { create } from "xmlbuilder2";
import { toRfc822 } from "../dates.js";
import type { DigestArticle } from "../model.js";
import type { SiteContext } from "../site.js";
import { feedItemHtml, itemDate, itemGuid } from "./items.js";
import { xmlText } from "../text.js";

export interface RssFeedInput {
  readonly title: string;
  readonly description: string;
  /** Site-root path of the feed itself and of the HTML page it mirrors. */
  readonly feedPath: string;
  readonly pagePath: string;
  readonly articles: readonly DigestArticle[];
}

export function renderRssFeed(feed: RssFeedInput, site: SiteContext): string {
  const rss = create({ version: "1.0", encoding: "utf-8" }).ele("rss", {
    version: "2.0",
    "xmlns:atom": "http://www.w3.org/2005/Atom",
  });
  const channel = rss.ele("channel");
  channel.ele("title").txt(xmlText(feed.title));
  channel.ele("link").txt(xmlText(site.absolute(feed.pagePath)));
  channel.ele("description").txt(xmlText(feed.description));
  channel.ele("atom:link", { href: xmlText(site.absolute(feed.feedPath)), rel: "self", type: "application/rss+xml" });
  channel.ele("language").txt(site.options.locale);
  channel.ele("generator").txt("eleventy-plugin-digest");
  const newest = feed.articles[0];
  if (newest) channel.ele("lastBuildDate").txt(toRfc822(newest.issueDate));
  for (const article of feed.articles) {
    const item = channel.ele("item");
    item.ele("title").txt(xmlText(article.title));
    item.ele("link").txt(xmlText(article.url));
    const guid = itemGuid(article);
    item.ele("guid", { isPermaLink: guid.isPermaLink ? "true" : "false" }).txt(xmlText(guid.value));
    item.ele("pubDate").txt(toRfc822(itemDate(article)));
    for (const tag of article.tags) item.ele("category").txt(xmlText(tag.name));
    item.ele("description").txt(xmlText(feedItemHtml(article, site)));
  }
  return rss.end({ prettyPrint: true }) + "\n";
}
