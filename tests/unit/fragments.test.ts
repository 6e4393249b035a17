// The fragment cache keeps a card only until its last planned use: the pages still to come hold
// cards, not the whole build. Counted with a card renderer that tallies its calls.
import { describe, expect, it } from "vitest";
import { validateDigest } from "../../plugin/index.js";
import { buildDigestModel, type DigestArticle } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { FragmentCache, plannedCardUses, renderMonthPage, renderSourcePage, renderTagPage } from "../../plugin/html/pages.js";
import { createSiteContext } from "../../plugin/html/site.js";
import { trustedHtml } from "../../plugin/html/escape.js";
import { TextSlabs } from "../../plugin/html/slabs.js";

const art = (month: string, rank: number, tags: string[], source: string) => ({ month, rank, title: `Article ${month} ${rank}`, url: `https://a.example/${month}/${rank}`, source, tags });

function setup() {
  const options = resolveOptions({ siteUrl: "https://digest.example.com", pageSize: 2 });
  const raw = [
    art("2025-03", 1, ["Rust", "Go"], "Alpha"),
    art("2025-03", 2, ["Rust"], "Beta"),
    art("2025-04", 1, ["Go"], "Alpha"),
    art("2025-04", 2, ["Rust", "Go", "Zig"], "Alpha"),
    art("2025-04", 3, ["Zig"], "Beta"),
  ];
  const model = buildDigestModel(validateDigest(raw, { timeZone: options.timeZone }), options);
  return { model, site: createSiteContext(model, options, "/") };
}

/** A cache whose cards say which render made them, and how many renders each article got. */
function countingCache(usesLeft?: Map<DigestArticle, number>) {
  const renders = new Map<DigestArticle, number>();
  const cache = new FragmentCache((article) => {
    const n = (renders.get(article) ?? 0) + 1;
    renders.set(article, n);
    return trustedHtml(`<article data-id="${article.id}"></article>`);
  }, usesLeft);
  return { cache, renders };
}

describe("FragmentCache: planned card uses", () => {
  it("counts each article's month page, tag pages and source page (and its search record when asked)", () => {
    const { model } = setup();
    const uses = plannedCardUses(model, { month: true, tag: true, source: true, search: false });
    for (const article of model.monthPages.flatMap((page) => page.items)) {
      const sourcePages = model.sourcePages.filter((page) => page.items.includes(article)).length;
      expect(sourcePages).toBe(1);
      expect(uses.get(article), article.title).toBe(1 + article.tags.length + 1);
    }
    const withSearch = plannedCardUses(model, { month: true, tag: false, source: false, search: true });
    for (const count of withSearch.values()) expect(count).toBe(2);
    expect(plannedCardUses(model, { month: false, tag: false, source: false, search: false }).size).toBe(0);
  });

  it("renders each card once over every planned page, and keeps none after the last", () => {
    const { model, site } = setup();
    const planned = plannedCardUses(model, { month: true, tag: true, source: true, search: false });
    const { cache, renders } = countingCache(new Map(planned));
    const pages = () => [
      ...model.monthPages.map((page) => renderMonthPage(page, site, cache).body.markup),
      ...model.tagPages.map((page) => renderTagPage(page, site, cache).body.markup),
      ...model.sourcePages.map((page) => renderSourcePage(page, site, cache).body.markup),
    ];
    const first = pages();
    // A host's card twice: once as its issue shows it, once as its tag and source pages do (without the rank badge).
    expect([...renders.values()]).toEqual(model.monthPages.flatMap((page) => page.items).map(() => 2));
    expect((cache as unknown as { cards: Map<unknown, unknown> }).cards.size).toBe(0);
    // Past its plan a card is rendered again at each use, and the same; still none kept.
    expect(pages()).toEqual(first);
    for (const [article, n] of renders) expect(n).toBe(2 + planned.get(article)!);
    expect((cache as unknown as { cards: Map<unknown, unknown> }).cards.size).toBe(0);
  });

  it("with slabs, keeps its cards outside the heap and gives the same pages", () => {
    const { model, site } = setup();
    const planned = plannedCardUses(model, { month: true, tag: true, source: true, search: false });
    const pagesWith = (cache: FragmentCache) => [
      ...model.monthPages.map((page) => renderMonthPage(page, site, cache).body.markup),
      ...model.tagPages.map((page) => renderTagPage(page, site, cache).body.markup),
      ...model.sourcePages.map((page) => renderSourcePage(page, site, cache).body.markup),
    ];
    const onHeap = new FragmentCache(undefined, new Map(planned));
    const inSlabs = new FragmentCache(undefined, new Map(planned), new TextSlabs(4096));
    expect(pagesWith(inSlabs)).toEqual(pagesWith(onHeap));
    expect(onHeap.cardSlabs).toBe(0);
    expect(inSlabs.cardSlabs).toBeGreaterThan(0);
    expect((inSlabs as unknown as { cards: Map<unknown, unknown> }).cards.size).toBe(0);
  });

  it("keeps an unplanned article's card for the build", () => {
    const { model, site } = setup();
    const { cache, renders } = countingCache();
    for (let i = 0; i < 3; i++) for (const page of model.tagPages) renderTagPage(page, site, cache);
    expect([...renders.values()].every((n) => n === 1)).toBe(true);
  });
});
