/**
 * The per-build fragment cache: an article's card and a month's label, rendered once and reused on
 * every page that shows them.
 */
import { formatMonth, type MonthKey } from "../model/dates.js";
import type { DigestArticle, DigestModel } from "../model/build.js";
import type { SiteContext } from "./site.js";
import { flatten } from "../data/text.js";
import { renderArticleCard, withRankBadge, type CardContext } from "./card.js";
import { SafeHtml, trustedHtml } from "./escape.js";
import type { KeptText, TextSlabs } from "./slabs.js";

/** Which of a build's card-showing pages a `FragmentCache` serves: see `plannedCardUses`. */
export interface CardShowingPages {
  readonly month: boolean;
  readonly tag: boolean;
  readonly source: boolean;
  /** The search index's records (one per pick of the month pages). */
  readonly search: boolean;
}

/**
 * How many times each article's card is asked for when every page of the given kinds is rendered
 * once: its month page, each of its tag pages, its source page, its search record.
 */
export function plannedCardUses(model: Pick<DigestModel, "monthPages" | "tagPages" | "sourcePages">, pages: CardShowingPages): Map<DigestArticle, number> {
  const uses = new Map<DigestArticle, number>();
  const count = (lists: readonly { readonly items: readonly DigestArticle[] }[]) => {
    for (const list of lists) for (const article of list.items) uses.set(article, (uses.get(article) ?? 0) + 1);
  };
  if (pages.month) count(model.monthPages);
  if (pages.search) count(model.monthPages);
  if (pages.tag) count(model.tagPages);
  if (pages.source) count(model.sourcePages);
  return uses;
}

/**
 * Per-build memory of rendered fragments: an article's card is the same on every page it is on.
 * With the planned uses, a card is kept only until its last planned use: a build holds the cards
 * of the pages still to come, not every card (106 MB of a 100k build's heap at its end). A card
 * asked for again after that (a page rendered twice, a use not planned) is rendered again.
 */
export class FragmentCache {
  /** Each kept card: in `slabs` when the cache has them (outside the heap: see slabs.ts), else as a string. */
  private readonly cards = new Map<DigestArticle, KeptText | SafeHtml>();
  /** A host's (`renderItem`) cards for tag and source pages, whose `defaultHtml()` is the rankless card. */
  private readonly rankless = new Map<DigestArticle, KeptText | SafeHtml>();
  private readonly months = new Map<MonthKey, string>();
  /**
   * `renderCard` replaces the built-in card (the `renderItem` option), asked for each context, as the
   * built-in one leaves its rank badge out on tag and source pages. `usesLeft` (from
   * `plannedCardUses`, owned and counted down by the cache: 0 means no use is to come) says how
   * long to keep each card; an article not in it keeps its card for the build. With `slabs`, kept
   * cards are bytes outside the heap, read back as a new string at each use: for a writer that lets
   * go of each page once written (`pipeline: "direct"`), where a card kept on the heap between its
   * pages ends up dead in the old generation (93 MB of a 100k build). Not needed for pages Eleventy
   * renders: it renders every month page before any tag page, so every card is held at once
   * whatever holds it (measured with slabs and without: the same peak, 364–366 MB at 10k).
   */
  constructor(
    private readonly renderCard?: (article: DigestArticle, site: SiteContext, context: CardContext) => SafeHtml,
    private readonly usesLeft = new Map<DigestArticle, number>(),
    private readonly slabs?: TextSlabs,
  ) {}
  /** An article's card for an issue page or a tag page, rendered the first time a page shows it. */
  card(article: DigestArticle, site: SiteContext, context: CardContext = "issue"): SafeHtml {
    if (this.renderCard) return this.cached(article, () => this.renderCard!(article, site, context), context === "tag" ? this.rankless : this.cards);
    // The built-in card is rendered once, without its rank; the issue page's adds the badge to it,
    // each time: two slices of the kept card and the badge, cheaper than keeping a second copy of
    // every card for the whole build (100 MB of a 100k build), for the issue page that shows it
    // and the few top picks of the archive and its year.
    const rankless = this.cached(article, () => renderArticleCard(article, site, "tag"));
    return context === "tag" ? rankless : withRankBadge(rankless, article, site);
  }
  /** A card, kept or `render`ed, flattened (reused whole on every page that shows it), and kept while uses are to come. */
  private cached(article: DigestArticle, render: () => SafeHtml, cards = this.cards): SafeHtml {
    const kept = cards.get(article);
    const card = kept === undefined ? trustedHtml(flatten(render().markup)) : kept instanceof SafeHtml ? kept : trustedHtml(this.slabs!.read(kept));
    const left = this.usesLeft.get(article);
    if (left !== undefined && left <= 1) {
      this.usesLeft.set(article, 0);
      for (const map of [this.cards, this.rankless]) {
        const held = map.get(article);
        if (held === undefined) continue;
        if (!(held instanceof SafeHtml)) this.slabs!.drop(held);
        map.delete(article);
      }
      return card;
    }
    if (left !== undefined) this.usesLeft.set(article, left - 1);
    if (kept === undefined) cards.set(article, this.slabs?.keep(card.markup) ?? card);
    return card;
  }
  /** How many slabs the kept cards took (none without `slabs`): the most kept at once, not every card of the build. */
  get cardSlabs(): number {
    return this.slabs?.slabCount ?? 0;
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
