// The fragment cache renders each card once per build and gives it to every page that shows it.
// Counted with a card renderer that tallies its calls.
import { describe, expect, it } from "vitest";
import { validateDigest } from "../../plugin/index.js";
import { buildDigestModel, type DigestArticle } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { articleCard, renderMonthPage, renderSourcePage, renderTagPage } from "../../plugin/html/pages.js";
import { createSiteContext, type SiteContext } from "../../plugin/render/site.js";
import { trustedHtml } from "../../plugin/render/escape.js";

const art = (month: string, rank: number, tags: string[], source: string) => ({
  month,
  rank,
  title: `Article ${month} ${rank}`,
  url: `https://a.example/${month}/${rank}`,
  source,
  tags,
});

function setup(renderCard?: (article: DigestArticle, site: SiteContext) => ReturnType<typeof trustedHtml>) {
  const options = resolveOptions({ siteUrl: "https://digest.example.com", pageSize: 2 });
  const raw = [
    art("2025-03", 1, ["Rust", "Go"], "Alpha"),
    art("2025-03", 2, ["Rust"], "Beta"),
    art("2025-04", 1, ["Go"], "Alpha"),
    art("2025-04", 2, ["Rust", "Go", "Zig"], "Alpha"),
    art("2025-04", 3, ["Zig"], "Beta"),
  ];
  const model = buildDigestModel(validateDigest(raw, { timeZone: options.timeZone }), options);
  return { model, site: createSiteContext(model, options, "/", { renderCard }) };
}

/** A site whose cards say which article they show, and how many renders each article got. */
function countingSite() {
  const renders = new Map<DigestArticle, number>();
  const { model, site } = setup((article) => {
    const n = (renders.get(article) ?? 0) + 1;
    renders.set(article, n);
    return trustedHtml(`<article data-id="${article.id}"></article>`);
  });
  return { model, site, renders };
}

describe("articleCard, the per-build card cache", () => {
  it("renders each card once over every page that shows it, and gives the same pages again", () => {
    const { model, site, renders } = countingSite();
    const pages = () => [
      ...model.monthPages.map((page) => renderMonthPage(page, site).body.markup),
      ...model.tagPages.map((page) => renderTagPage(page, site).body.markup),
      ...model.sourcePages.map((page) => renderSourcePage(page, site).body.markup),
    ];
    const first = pages();
    const articles = model.monthPages.flatMap((page) => page.items);
    expect(articles.length).toBe(5);
    expect([...renders.keys()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...articles].sort((a, b) => a.id.localeCompare(b.id)),
    );
    // A host's card twice: once as its issue shows it, once as its tag and source pages do (without the rank badge).
    expect([...renders.values()]).toEqual(articles.map(() => 2));
    expect(pages()).toEqual(first);
    expect([...renders.values()]).toEqual(articles.map(() => 2));
    for (const article of articles)
      expect(first.filter((page) => page.includes(`data-id="${article.id}"`)).length, article.title).toBe(
        1 + article.tags.length + 1,
      );
  });

  it("gives the built-in card with its rank on issue pages and without on tag pages, rendered once", () => {
    const { model, site } = setup();
    const article = model.monthPages[0]!.items[0]!;
    const onTag = articleCard(article, site, "tag");
    expect(articleCard(article, site, "tag")).toBe(onTag);
    expect(articleCard(article, site, "issue").markup).not.toBe(onTag.markup);
  });
});
