/**
 * An article's summary as safe HTML, rendered once per build: cards and feed items show the same
 * summary. Kept in the build's memo, so it goes when the build goes.
 */
import { renderMarkdown } from "./markdown.js";
import type { DigestArticle } from "../model/build.js";
import { MemoTable, type Memo } from "../model/memo.js";
import { html, type SafeHtml } from "./escape.js";

/** Summary HTML by article. */
const SUMMARIES = new MemoTable("summaries", (article: DigestArticle) => renderMarkdown(article.summary ?? ""));

const NO_SUMMARY = html``;

/** An article's summary as HTML (nothing without one), rendered once per build. */
export function summaryHtml(article: DigestArticle, memo: Memo): SafeHtml {
  return article.summary === undefined ? NO_SUMMARY : memo.cached(SUMMARIES, article);
}
