/**
 * An article's summary as safe HTML, rendered once per build: cards, emails and feed items show the
 * same summary. Kept in the site's `summaries`, so it goes when the build goes.
 */
import { renderMarkdown } from "./markdown.js";
import type { DigestArticle } from "../model/build.js";
import type { SiteContext } from "./site.js";
import { html, type SafeHtml } from "./escape.js";

const NO_SUMMARY = html``;

/** An article's summary as HTML (nothing without one), rendered once per build. */
export function summaryHtml(article: DigestArticle, site: SiteContext): SafeHtml {
  if (article.summary === undefined) return NO_SUMMARY;
  let summary = site.summaries.get(article);
  if (summary === undefined) site.summaries.set(article, (summary = renderMarkdown(article.summary)));
  return summary;
}
