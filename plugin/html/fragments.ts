/**
 * The per-build fragment cache: an article's card, rendered once and reused on every page that
 * shows it.
 */
import type { DigestArticle } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import { renderArticleCard, withRankBadge, type CardContext } from "./card.js";
import type { SafeHtml } from "../render/escape.js";

/**
 * Per-build memory of rendered fragments: an article's card is the same on every page it is on,
 * so it is rendered once and kept for the build.
 */
export class FragmentCache {
  private readonly cards = new Map<DigestArticle, SafeHtml>();
  /** A host's (`renderItem`) cards for tag and source pages, whose `defaultHtml()` is the rankless card. */
  private readonly rankless = new Map<DigestArticle, SafeHtml>();
  /**
   * `renderCard` replaces the built-in card (the `renderItem` option), asked for each context, as the
   * built-in one leaves its rank badge out on tag and source pages.
   */
  constructor(
    private readonly renderCard?: (article: DigestArticle, site: SiteContext, context: CardContext) => SafeHtml,
  ) {}
  /** An article's card for an issue page or a tag page, rendered the first time a page shows it. */
  card(article: DigestArticle, site: SiteContext, context: CardContext = "issue"): SafeHtml {
    if (this.renderCard)
      return this.cached(
        article,
        () => this.renderCard!(article, site, context),
        context === "tag" ? this.rankless : this.cards,
      );
    // The built-in card is rendered once, without its rank; the issue page's adds the badge to it,
    // each time: two slices of the kept card and the badge, cheaper than keeping a second copy of
    // every card for the whole build (docs/performance.md), for the issue page that shows it
    // and the few top picks of the archive and its year.
    const rankless = this.cached(article, () => renderArticleCard(article, site, "tag"));
    return context === "tag" ? rankless : withRankBadge(rankless, article, site);
  }
  /** A card, rendered the first time it is asked for and kept for the build. */
  private cached(article: DigestArticle, render: () => SafeHtml, cards = this.cards): SafeHtml {
    let card = cards.get(article);
    if (card === undefined) {
      card = render();
      cards.set(article, card);
    }
    return card;
  }
}
