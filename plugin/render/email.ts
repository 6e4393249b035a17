/**
 * The issue as an email, `{base}YYYY/MM/email.html`: HTML that mail clients render, so every style
 * is an inline `style=""` (clients drop `<style>`, `<link>` and classes), the layout is one table at
 * most 600 px wide, every URL is absolute (a mail has no base URL), and nothing loads but the
 * articles' own images. Written by hand here rather than inlined from a stylesheet (no `juice`):
 * the styles are few and fixed, and writing them once per element keeps a 100-pick issue well under
 * Gmail's 102 KB clipping size. The issue's part of the body (`renderEmailContent`) is also the
 * issue-mode feed's item content, so an RSS-to-email service sends the same mail.
 */
import type { DigestArticle, MonthlyIssue } from "../model/build.js";
import { formatMonth } from "../model/dates.js";
import { archivePath, emailPath, subscribePath, tagPath } from "../model/urls.js";
import { feedUri } from "../data/uri.js";
import { renderMarkdown } from "./markdown.js";
import { summaryHtml } from "./summary.js";
import type { SiteContext } from "./site.js";
import { html, joinHtml, trustedHtml, type SafeHtml } from "./escape.js";
import { plainText } from "./plain-text.js";

/**
 * Every style the email uses, once. No quotes or `&` in them, so interpolating them escapes
 * nothing; colours are the theme's light ones, and each block states its own colours so that a
 * client's dark mode or a feed reader's theme cannot leave dark text on a dark background. Styles
 * repeat on every pick, so a pick's links (source, tags) keep the client's link colour: at 100
 * picks, every byte per pick is 100 bytes nearer Gmail's clipping; they are muted grey, inline,
 * like every other style (a client's default blue underline pulled the eye from the titles).
 * The preheader is the one element with CSS some clients lack (caniemail's data, which the tests
 * check through doiuse-email): `display:none` hides it, and where that is ignored (Gmail's mobile
 * web client) `max-height:0;overflow:hidden` and its 1 px text in the background's colour do; no
 * `opacity`, which none of the clients that ignore `display:none` supports.
 */
const STYLE = {
  body: "margin:0;padding:0;background-color:#f2f4f7",
  outer: "background-color:#f2f4f7",
  outerCell: "padding:24px 8px",
  preheader: "display:none;max-height:0;max-width:0;overflow:hidden;font-size:1px;line-height:1px;color:#f2f4f7",
  card: "width:100%;max-width:600px;margin:0 auto;background-color:#ffffff;color:#1f1f1f;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;border-collapse:collapse",
  cell: "padding:16px 24px",
  pick: "padding:16px 24px;border-top:1px solid #ddd",
  muted: "margin:0;font-size:13px;color:#666",
  mutedLink: "color:#666",
  link: "color:#0b57d0",
  h1: "margin:4px 0 0;font-size:26px;line-height:1.25;color:#1f1f1f",
  intro: "margin:0;font-size:16px;color:#1f1f1f",
  rank: "color:#0b57d0",
  h2: "margin:4px 0 8px;font-size:18px;line-height:1.3",
  title: "color:#1f1f1f",
  image: "display:block;margin:0 0 8px",
  summary: "font-size:15px;color:#333",
  paragraph: "margin:0 0 8px",
  tags: "margin:8px 0 0;font-size:13px;color:#666",
  footer: "padding:16px 24px;border-top:1px solid #ddd;font-size:13px;color:#666",
} as const;

/** The article image's box: 16:9, as on the cards, and stated in attributes for clients that ignore CSS. */
const IMAGE = { width: 128, height: 72 } as const;

/** The issue's name in the site's words: its title, else its month ("April 2025"). */
export function emailSubject(issue: MonthlyIssue, site: SiteContext): string {
  return issue.title ?? formatMonth(issue.key, site.options.locale, site.options.timeZone);
}

/**
 * Markdown's HTML (a summary, the intro) with its margins and link colour inline: clients drop
 * the stylesheet that would set them, and a paragraph's default margins left a 50 px gap under a
 * pick's title. The markup is markdown-it's own (`<p>`, `<a href="`), never the data's (escaped).
 */
function inlineStyled(markup: SafeHtml): SafeHtml {
  return trustedHtml(
    markup.markup
      .replaceAll("<p>", `<p style="${STYLE.paragraph}">`)
      .replaceAll('<a href="', `<a style="${STYLE.link}" href="`),
  );
}

/**
 * An image mail clients show: not an SVG (Gmail on the web and Outlook for Windows show none), so
 * a pick whose `image` is one goes without. By the URL's extension: the build fetches nothing.
 */
function showsInMail(image: string): boolean {
  return !/\.svgz?$/i.test(new URL(image).pathname);
}

/** One pick: rank, source (linked when it has a url), "Video" for a video, linked title, image, summary, tags. */
function pickRow(article: DigestArticle, site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const url = feedUri(article.url);
  const source = article.source.url
    ? html`<a href="${feedUri(article.source.url)}" style="${STYLE.mutedLink}">${article.source.name}</a>`
    : article.source.name;
  const video = article.type === "video" && html` · ${strings.video}`;
  const rank = site.wording.fill(strings.rank, { rank: article.rank });
  // Its alt text says what the title just above it does not: where the image is from.
  const image =
    article.image !== undefined &&
    showsInMail(article.image) &&
    html`<img src="${feedUri(article.image)}" width="${IMAGE.width}" height="${IMAGE.height}" alt="${site.wording.fill(strings.imageFrom, { source: article.source.name })}" style="${STYLE.image}" referrerpolicy="no-referrer">`;
  const summary =
    article.summary && html`<div style="${STYLE.summary}">${inlineStyled(summaryHtml(article, site))}</div>`;
  const tagLinks = article.tags.map(
    (tag) => html`<a href="${site.absolute(tagPath(site.options.basePath, tag.slug))}">${tag.name}</a>`,
  );
  const tags = tagLinks.length > 0 && html`<p style="${STYLE.tags}">${joinHtml(tagLinks, html` · `)}</p>`;
  return html`<tr><td style="${STYLE.pick}"><p style="${STYLE.muted}"><b style="${STYLE.rank}">${rank}</b> · ${source}${video}</p><h2 style="${STYLE.h2}"><a href="${url}" style="${STYLE.title}">${article.title}</a></h2>${image}${summary}${tags}</td></tr>\n`;
}

/** The footer: the issue on the web, the archive and the subscribe page. */
function footer(issue: MonthlyIssue, site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const base = site.options.basePath;
  const links = [
    html`<a href="${site.absolute(issue.path)}" style="${STYLE.link}">${strings.viewOnWeb}</a>`,
    html`<a href="${site.absolute(archivePath(base))}" style="${STYLE.link}">${strings.archive}</a>`,
    html`<a href="${site.absolute(subscribePath(base))}" style="${STYLE.link}">${strings.subscribe}</a>`,
  ];
  return html`<tr><td style="${STYLE.footer}">${joinHtml(links, html` · `)}</td></tr>`;
}

/**
 * The issue's part of the email: a header (the digest, the month, the count), the title, the intro,
 * every pick in rank order and the footer, as one table. email.html's body holds it between the
 * `<!--digest:issue-->` marks; the issue-mode feeds carry it as their item content.
 */
export function renderEmailContent(issue: MonthlyIssue, site: SiteContext): SafeHtml {
  const { wording } = site;
  const label = formatMonth(issue.key, site.options.locale, site.options.timeZone);
  const head = html`<p style="${STYLE.muted}"><a href="${site.absolute(archivePath(site.options.basePath))}" style="${STYLE.mutedLink}">${site.title}</a> · <a href="${site.absolute(issue.path)}" style="${STYLE.mutedLink}">${label}</a> · ${wording.count(wording.strings.articleCount, issue.articles.length)}</p>`;
  const intro =
    issue.intro &&
    html`<tr><td style="${STYLE.cell}"><div style="${STYLE.intro}">${inlineStyled(renderMarkdown(issue.intro))}</div></td></tr>\n`;
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${STYLE.card}">\n<tr><td style="${STYLE.cell}">${head}<h1 style="${STYLE.h1}">${emailSubject(issue, site)}</h1></td></tr>\n${intro}${issue.articles.map((article) => pickRow(article, site))}${footer(issue, site)}\n</table>`;
}

/** The inbox preview line: the intro's first words, else the top picks' titles; at most 140 UTF-16 units. */
function preheader(issue: MonthlyIssue): string {
  const text = issue.intro
    ? plainText(issue.intro).replace(/\s+/g, " ").trim()
    : issue.articles
        .slice(0, 3)
        .map((article) => article.title)
        .join(" · ");
  if (text.length <= 140) return text;
  // Never between the two halves of a character beyond U+FFFF (an emoji, 𐀀): half of one is not text.
  const end = /[\uD800-\uDBFF]/.test(text[136]!) ? 136 : 137;
  return `${text.slice(0, end).trimEnd()}...`;
}

/**
 * email.html: a whole document with the preheader, and the content centred in a 600 px column
 * (Outlook on Windows, which ignores `max-width`, gets a fixed-width table in a conditional comment,
 * and no hidden preheader: it would show it, and only its own `mso-hide` CSS, which is not CSS the
 * Nu Html Checker accepts, would hide it).
 */
export function renderEmailDocument(issue: MonthlyIssue, site: SiteContext): string {
  const subject = `${site.title} · ${emailSubject(issue, site)}`;
  const msoOpen = html`<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->`;
  const msoClose = html`<!--[if mso]></td></tr></table><![endif]-->`;
  return html`<!DOCTYPE html>
<html lang="${site.options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting" content="">
<meta name="color-scheme" content="light">
<title>${subject}</title>
</head>
<body style="${STYLE.body}">
<!--[if !mso]><!--><div style="${STYLE.preheader}">${preheader(issue)}</div><!--<![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${STYLE.outer}"><tr><td align="center" style="${STYLE.outerCell}">
${msoOpen}<!--digest:issue-->${renderEmailContent(issue, site)}<!--/digest:issue-->${msoClose}
</td></tr></table>
</body>
</html>
`.markup;
}

/** The "Email version" link on an issue's pages; nothing with `email: false`. */
export function emailLink(issue: MonthlyIssue, site: SiteContext): SafeHtml | false {
  return (
    site.options.email &&
    html`<p class="dg-muted"><a href="${site.href(emailPath(issue.path, "html"))}">${site.wording.strings.emailVersion}</a></p>`
  );
}
