/**
 * An article's summary as safe HTML, rendered once per build: cards and feed items show the same
 * summary. Kept in the build's memo, so it goes when the build goes.
 */
import { renderMarkdown } from "./markdown.js";
import type { DigestArticle } from "../model/build.js";
import { MemoTable, type Memo } from "../model/memo.js";

/** Summary HTML by article. */
const SUMMARIES = new MemoTable("summaries", (article: DigestArticle) => (article.summary === undefined ? "" : renderMarkdown(article.summary)));

export function summaryHtml(article: DigestArticle, memo: Memo): string {
  return article.summary === undefined ? "" : memo.cached(SUMMARIES, article);
}
