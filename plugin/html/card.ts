/**
 * An article's card (`articleCard`: the host's `renderItem`, else the built-in `renderArticleCard`)
 * and its parts: the rank badge and the source's monogram avatar.
 */
import type { DigestArticle } from "../model/build.js";
import { summaryHtml } from "../render/summary.js";
import type { CardContext, SiteContext } from "../render/site.js";
import { html, trustedHtml, type SafeHtml } from "../render/escape.js";
import { tagPath } from "../model/urls.js";
import { pickAnchor } from "./search-marks.js";

/**
 * An article's card on a page: the host's (`renderItem`), asked for each page that shows it, or the
 * built-in one, in its issue with the rank badge, on a tag or source page without it.
 */
export function articleCard(article: DigestArticle, site: SiteContext, context: CardContext = "issue"): SafeHtml {
  return site.renderCard ? site.renderCard(article, site, context) : renderArticleCard(article, site, context);
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
 * One article, led by its title (the link, with the rank badge first in an issue) and the site's
 * domain, muted, as Hacker News and Lobsters show it; then one muted line: source, publication
 * date, and a type badge for anything but an article; a linked thumbnail, the summary and tags. The source's name always links to its page on
 * the digest (`sources/SLUG/`), never to its own url: some data gives a url and some does not, and
 * a name that goes somewhere different on one card than on the next reads as noise.
 */
export function renderArticleCard(article: DigestArticle, site: SiteContext, context: CardContext = "issue"): SafeHtml {
  const { strings } = site.wording;
  const avatar = html`<span class="dg-avatar dg-av${avatarColour(article.source.name)}" aria-hidden="true">${article.sourceInitial}</span>`;
  const source = html`<span class="dg-source">${avatar}<a class="dg-source-name" href="${site.href(article.sourcePath)}">${article.source.name}</a></span>`;
  // Almost every item is an article: only the exception is worth a badge.
  const type =
    article.type !== "article" &&
    html`<span class="dg-type dg-type-${article.type}">${article.type === "video" ? strings.video : article.type}</span>`;
  // The publication date as the data gives it: how long ago that is depends on the reader's today, which a build cannot know.
  const age = article.publishedUtc && html`<time datetime="${article.publishedUtc}">${article.publishedText}</time>`;
  // Decorative: the linked title next to it says what it is, so alt="" keeps screen readers from hearing it twice;
  // its link is the title's again, for the eye and the pointer only (hidden from screen readers, out of the tab order).
  // A third party's image: loaded late, and told nothing of the page that shows it (no Referer).
  // The site's own (under siteUrl) by its path, so it loads on localhost too.
  const image =
    article.image &&
    html`<a class="dg-thumb-link" href="${article.url}" tabindex="-1" aria-hidden="true"><img${trustedHtml(site.thumbnailAttributes)} class="dg-thumb" src="${site.onPage(article.image)}" alt="" width="112" height="63" loading="lazy" decoding="async" referrerpolicy="no-referrer"></a>`;
  const summary = article.summary && html`<div class="dg-summary">${summaryHtml(article, site)}</div>`;
  const tags =
    article.tags.length > 0 &&
    html`<ul class="dg-tags">${article.tags.map((tag) => html`<li><a href="${site.href(tagPath(site.options.basePath, tag.slug))}">${tag.name}</a></li>`)}</ul>`;
  const rank = context === "issue" && html`${rankBadge(article, site, true)} `;
  return html`<article class="dg-item${image ? " dg-has-thumb" : ""}"><h2 class="dg-title">${rank}<a href="${article.url}">${article.title}</a> <span class="dg-domain dg-muted">${article.domain}</span></h2><p class="dg-meta">${source}${age}${type}</p>${image}${summary}${tags}</article>`;
}

/**
 * The rank badge: one width for every rank (#1 to #999), so the column lines up; the top three only
 * add a fill. In a card, a link to the pick's own anchor on its issue page (`#rank-N`), to share
 * or bookmark one pick; elsewhere (the archive's top picks) plain text.
 */
export function rankBadge(article: DigestArticle, site: SiteContext, linked = false): SafeHtml {
  const medal = article.rank <= 3 ? ` dg-medal dg-r${article.rank}` : "";
  const text = site.wording.fill(site.wording.strings.rank, { rank: article.rank });
  return linked
    ? html`<a class="dg-rank${medal}" href="#${pickAnchor(article)}">${text}</a>`
    : html`<span class="dg-rank${medal}">${text}</span>`;
}
