/**
 * The per-build fragment cache: an article's card and a month's label, rendered once and reused on
 * every page that shows them.
 */
import { formatMonth, type MonthKey } from "../model/dates.js";
import type { DigestArticle } from "../model/build.js";
import type { SiteContext } from "./site.js";
import { flatten } from "../data/text.js";
import { renderArticleCard } from "./card.js";

/** Per-build memory of rendered fragments: an article's card is the same on every page it is on. */
export class FragmentCache {
  private readonly cards = new WeakMap<DigestArticle, string>();
  private readonly months = new Map<MonthKey, string>();
  /** `renderCard` replaces the built-in card (the `renderItem` option). */
  constructor(private readonly renderCard: (article: DigestArticle, site: SiteContext) => string = renderArticleCard) {}
  card(article: DigestArticle, site: SiteContext): string {
    let html = this.cards.get(article);
    if (html === undefined) {
      // Reused on the month page and every tag page: flattened once, copied whole each time.
      html = flatten(this.renderCard(article, site));
      this.cards.set(article, html);
    }
    return html;
  }
  monthLabel(key: MonthKey, site: SiteContext): string {
    let label = this.months.get(key);
    if (label === undefined) {
      label = formatMonth(key, site.options.locale, site.options.timeZone);
      this.months.set(key, label);
    }
    return label;
  }
}
