/**
 * The per-build fragment cache: an article's card and a month's label, rendered once and reused on
 * every page that shows them.
 */
import { formatMonth, type MonthKey } from "../model/dates.js";
import type { DigestArticle } from "../model/build.js";
import type { SiteContext } from "./site.js";
import { flatten } from "../data/text.js";
import { renderArticleCard } from "./card.js";
import { trustedHtml, type SafeHtml } from "./escape.js";

/** Per-build memory of rendered fragments: an article's card is the same on every page it is on. */
export class FragmentCache {
  private readonly cards = new WeakMap<DigestArticle, SafeHtml>();
  private readonly months = new Map<MonthKey, string>();
  /** `renderCard` replaces the built-in card (the `renderItem` option). */
  constructor(private readonly renderCard: (article: DigestArticle, site: SiteContext) => SafeHtml = renderArticleCard) {}
  /** An article's card, rendered the first time a page shows it. */
  card(article: DigestArticle, site: SiteContext): SafeHtml {
    let card = this.cards.get(article);
    if (card === undefined) {
      // Reused on the month page and every tag page: flattened once, copied whole each time.
      card = trustedHtml(flatten(this.renderCard(article, site).markup));
      this.cards.set(article, card);
    }
    return card;
  }
  /** A month's label ("April 2025"), made once per build. */
  monthLabel(key: MonthKey, site: SiteContext): string {
    let label = this.months.get(key);
    if (label === undefined) {
      label = formatMonth(key, site.options.locale, site.options.timeZone);
      this.months.set(key, label);
    }
    return label;
  }
}
