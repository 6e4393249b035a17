/**
 * The per-build fragment cache: an article's card, rendered once and reused on every page that
 * shows it. The cards are kept in the site (`SiteContext.fragments`), for the build.
 */
import type { DigestArticle } from "../model/build.js";
import type { CardContext, SiteContext } from "../render/site.js";
import { renderArticleCard, withRankBadge } from "./card.js";
import type { SafeHtml } from "../render/escape.js";

/**
 * An article's card for an issue page or a tag page, rendered the first time a page shows it: the
 * host's (`renderItem`), asked for each context, or the built-in one.
 */
export function articleCard(article: DigestArticle, site: SiteContext, context: CardContext = "issue"): SafeHtml {
  const { renderCard, cards, rankless } = site.fragments;
  if (renderCard)
    return cached(article, () => renderCard(article, site, context), context === "tag" ? rankless : cards);
  // The built-in card is rendered once, without its rank; the issue page's adds the badge to it,
  // each time: two slices of the kept card and the badge, cheaper than keeping a second copy of
  // every card for the whole build (docs/performance.md), for the issue page that shows it
  // and the few top picks of the archive and its year.
  const card = cached(article, () => renderArticleCard(article, site, "tag"), cards);
  return context === "tag" ? card : withRankBadge(card, article, site);
}

/** A card, rendered the first time it is asked for and kept for the build. */
function cached(article: DigestArticle, render: () => SafeHtml, cards: Map<DigestArticle, SafeHtml>): SafeHtml {
  let card = cards.get(article);
  if (card === undefined) {
    card = render();
    cards.set(article, card);
  }
  return card;
}
