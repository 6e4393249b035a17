/**
 * The built-in article card (`renderArticleCard`) and its parts: the age label and the source's
 * monogram avatar.
 */
import { toRfc3339 } from "../model/dates.js";
import type { DigestArticle } from "../model/build.js";
import { summaryHtml } from "./summary.js";
import type { SiteContext } from "./site.js";
import { html, trustedHtml, type SafeHtml } from "./escape.js";
import { tagPath } from "../model/urls.js";

/** "3w", "today": how old the article was when its issue came out, in the page's words. */
function ageLabel(article: DigestArticle, site: SiteContext): string {
  const { strings } = site.wording;
  if (!article.age) return "";
  if (article.age.count === 0 && article.age.unit === "day") return strings.ageToday;
  const template = { day: strings.ageDay, week: strings.ageWeek, month: strings.ageMonth, year: strings.ageYear }[article.age.unit];
  return site.wording.fill(template, { n: article.age.count });
}

/** The first letter of a name (a source's, the site's), as its avatar, in whole graphemes: "É", "分", "🚀". */
export function monogram(name: string, site: SiteContext): string {
  const first = site.graphemes.segment(name.trim())[Symbol.iterator]().next();
  return first.done ? "?" : first.value.segment.toLocaleUpperCase(site.options.locale);
}

/**
 * How many avatar colours the theme has (`.dg-av0` … `.dg-av7` in theme.css): each a fill that
 * white text passes 4.5:1 on, so the letter reads the same in both schemes.
 */
export const AVATAR_COLOURS = 8;

/**
 * A source's avatar colour, from its name (FNV-1a, so the same source has the same colour on
 * every page and in every build, and different sources mostly differ).
 */
export function avatarColour(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  // FNV's low bits barely mix for short names: fold the high bits in (murmur3's finaliser).
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % AVATAR_COLOURS;
}

/**
 * Where a card is shown: in its issue (the rank badge leads the meta row) or elsewhere, on a tag
 * page, where the monthly rank is said with its month above the card instead ("#3 in April 2025").
 */
export type CardContext = "issue" | "tag";

/**
 * One article: rank (in its issue), source, a type badge for anything but an article, age, the
 * title as a heading, thumbnail, summary and tags. The source's name always links to its page on
 * the digest (`sources/SLUG/`), never to its own url: some data gives a url and some does not, and
 * a name that goes somewhere different on one card than on the next reads as noise.
 */
export function renderArticleCard(article: DigestArticle, site: SiteContext, context: CardContext = "issue"): SafeHtml {
  return context === "issue" ? withRankBadge(rankless(article, site), article, site) : rankless(article, site);
}

/** The rank badge: one width for every rank (#1 to #999), so the column lines up; the top three only add a fill. */
export function rankBadge(article: DigestArticle, site: SiteContext): SafeHtml {
  const medal = article.rank <= 3 ? ` dg-medal dg-r${article.rank}` : "";
  return html`<span class="dg-rank${medal}">${site.wording.fill(site.wording.strings.rank, { rank: article.rank })}</span>`;
}

/** Where the rank badge goes: first in the card's meta row. */
const META_OPEN = '<p class="dg-meta">';

/**
 * The card of an issue page from the card of a tag page (`rankless`): the same markup with the
 * rank badge first in its meta row. A splice, so a build renders each article's card once.
 */
export function withRankBadge(card: SafeHtml, article: DigestArticle, site: SiteContext): SafeHtml {
  const at = card.markup.indexOf(META_OPEN) + META_OPEN.length;
  return trustedHtml(card.markup.slice(0, at) + rankBadge(article, site).markup + card.markup.slice(at));
}

/** The card without its rank badge, as a tag page shows it. */
function rankless(article: DigestArticle, site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const { locale } = site.options;
  const avatar = html`<span class="dg-avatar dg-av${avatarColour(article.source.name)}" aria-hidden="true">${monogram(article.source.name, site)}</span>`;
  const source = html`<span class="dg-source">${avatar}<a class="dg-source-name" href="${site.href(article.sourcePath)}">${article.source.name}</a></span>`;
  // Almost every item is an article: only the exception is worth a badge.
  const type = article.type !== "article" && html`<span class="dg-type dg-type-${article.type}">${article.type === "video" ? strings.video : article.type}</span>`;
  // The short label is for the eye; the full date is in `datetime`, in the tooltip and for screen readers.
  const published = article.publishedText === undefined ? "" : site.wording.fill(strings.publishedOn, { date: article.publishedText });
  const age =
    article.published &&
    html`<time datetime="${toRfc3339(article.published)}" title="${published}"><span aria-hidden="true">${ageLabel(article, site)}</span><span class="dg-vh">${published}</span></time>`;
  // Decorative: the linked title next to it says what it is, so alt="" keeps screen readers from hearing it twice.
  // A third party's image: loaded late, and told nothing of the page that shows it (no Referer).
  // The site's own (under siteUrl) by its path, so it loads on localhost too.
  const image = article.image && html`<img${trustedHtml(site.thumbnailAttributes)} class="dg-thumb" src="${site.onPage(article.image)}" alt="" width="112" height="63" loading="lazy" decoding="async" referrerpolicy="no-referrer">`;
  const summary = article.summary && html`<div class="dg-summary">${summaryHtml(article, site)}</div>`;
  const tags = article.tags.length > 0 && html`<ul class="dg-tags">${article.tags.map((tag) => html`<li><a href="${site.href(tagPath(site.options.basePath, tag.slug))}">${tag.name}</a></li>`)}</ul>`;
  return html`<article class="dg-item${image ? " dg-has-thumb" : ""}"><p class="dg-meta">${source}${type}${age}</p><h2 class="dg-title"><a href="${article.url}">${article.title}</a></h2>${image}${summary}${tags}</article>`;
}
