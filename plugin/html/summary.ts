/**
 * An article's summary as safe HTML, rendered once per build: cards and feed items show the same
 * summary. Kept per article object, so it goes when the build's model goes.
 */
import { renderMarkdown } from "./markdown.js";
import type { DigestArticle } from "../model/build.js";

const summaries = new WeakMap<DigestArticle, string>();

export function summaryHtml(article: DigestArticle): string {
  if (article.summary === undefined) return "";
  let html = summaries.get(article);
  if (html === undefined) {
    html = renderMarkdown(article.summary);
    summaries.set(article, html);
  }
  return html;
}
