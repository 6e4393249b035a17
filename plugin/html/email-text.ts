/**
 * email.txt: the plain-text twin of email.html, for the text/plain part of a multipart mail and
 * for readers who want no HTML. The same content in the same order (the digest and month, the
 * title, the intro, each pick with its rank, source, "Video" for a video, title, summary and URL,
 * then the footer's links), Markdown reduced to text with link URLs in brackets, lines wrapped at
 * 78 columns (a long URL keeps a line of its own), every URL absolute.
 */
import type { DigestArticle, MonthlyIssue } from "../model/build.js";
import { archivePath, subscribePath } from "../model/urls.js";
import { feedUri } from "../data/uri.js";
import type { SiteContext } from "../render/site.js";
import { emailSubject } from "../render/email.js";
import { markdownBlocks, wrapText } from "../render/plain-text.js";

/** The line width email.txt keeps to (RFC 5322's recommended 78). */
const WIDTH = 78;

/** A rule under a heading or between parts, as long as the heading (at most a line). */
const rule = (char: string, text: string) => char.repeat(Math.min(WIDTH, Math.max(3, [...text].length)));

/** One pick as text: "#3 · Source · Video", the title, the summary, the URL. */
function pickText(article: DigestArticle, site: SiteContext): string {
  const { strings } = site.wording;
  const meta = [
    site.wording.fill(strings.rank, { rank: article.rank }),
    article.source.name,
    ...(article.type === "video" ? [strings.video] : []),
  ].join(" · ");
  const summary = article.summary ? markdownBlocks(article.summary).map((block) => wrapText(block, WIDTH)) : [];
  return [wrapText(meta, WIDTH), wrapText(article.title, WIDTH), ...summary, feedUri(article.url)].join("\n");
}

/** The whole issue as plain text, UTF-8, lines ending in `\n`. */
export function renderEmailText(issue: MonthlyIssue, site: SiteContext): string {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const { label } = issue;
  const subject = emailSubject(issue, site);
  const head = wrapText(
    `${site.title} · ${label} · ${site.wording.count(strings.articleCount, issue.articles.length)}`,
    WIDTH,
  );
  const title = wrapText(subject, WIDTH);
  const intro = issue.intro ? markdownBlocks(issue.intro).map((block) => wrapText(block, WIDTH)) : [];
  const footer = [
    `${strings.viewOnWeb}: ${site.absolute(issue.path)}`,
    `${strings.archive}: ${site.absolute(archivePath(base))}`,
    `${strings.subscribe}: ${site.absolute(subscribePath(base))}`,
  ];
  const parts = [
    head,
    `${title}\n${rule("=", subject)}`,
    ...intro,
    ...issue.articles.map((article) => pickText(article, site)),
    `${"-".repeat(40)}\n${footer.join("\n")}`,
  ];
  return `${parts.join("\n\n")}\n`;
}
