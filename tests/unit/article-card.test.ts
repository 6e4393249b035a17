// A card on every page that shows its article: the host's (`renderItem`) asked for each of them with
// the page's context, the built-in one with its rank badge in its issue only. Counted with a card
// renderer that tallies its calls.
import { describe, expect, it } from "vitest";
import { validateDigest } from "../../plugin/index.js";
import { buildDigestModel, type DigestArticle } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { articleCard, renderMonthPage, renderSourcePage, renderTagPage } from "../../plugin/html/pages.js";
import { createSiteContext, type CardContext, type SiteContext } from "../../plugin/render/site.js";
import { trustedHtml } from "../../plugin/render/escape.js";

const art = (month: string, rank: number, tags: string[], source: string) => ({
  month,
  rank,
  title: `Article ${month} ${rank}`,
  url: `https://a.example/${month}/${rank}`,
  source,
  tags,
});

function setup(
  renderCard?: (article: DigestArticle, site: SiteContext, context: CardContext) => ReturnType<typeof trustedHtml>,
) {
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

/** A site whose cards say which article they show and in which context, and what each article was asked for. */
function countingSite() {
  const renders = new Map<DigestArticle, CardContext[]>();
  const { model, site } = setup((article, _site, context) => {
    renders.set(article, [...(renders.get(article) ?? []), context]);
    return trustedHtml(`<article data-id="${article.id}" data-context="${context}"></article>`);
  });
  return { model, site, renders };
}

describe("articleCard", () => {
  it("asks a host's card for each page that shows the article, in its issue as such, elsewhere as a tag page's", () => {
    const { model, site, renders } = countingSite();
    const pages = () => [
      ...model.monthPages.map((page) => renderMonthPage(page, site).body.markup),
      ...model.tagPages.map((page) => renderTagPage(page, site).body.markup),
      ...model.sourcePages.map((page) => renderSourcePage(page, site).body.markup),
    ];
    const first = pages();
    const articles = model.monthPages.flatMap((page) => page.items);
    expect(articles.length).toBe(5);
    for (const article of articles) {
      const asked = renders.get(article) ?? [];
      // Its issue page, each of its tags' pages, its source's page.
      expect(asked, article.title).toEqual(["issue", ...article.tags.map(() => "tag"), "tag"]);
      expect(first.filter((page) => page.includes(`data-id="${article.id}"`)).length, article.title).toBe(
        1 + article.tags.length + 1,
      );
    }
    // The same pages again: the same markup.
    expect(pages()).toEqual(first);
  });

  it("gives the built-in card with its linked rank badge on its issue page and without it on tag pages", () => {
    const { model, site } = setup();
    const article = model.monthPages[0]!.items[0]!;
    const onTag = articleCard(article, site, "tag").markup;
    const inIssue = articleCard(article, site, "issue").markup;
    expect(onTag).not.toContain("dg-rank");
    expect(inIssue).toBe(
      onTag.replace(
        '<h2 class="dg-title">',
        '<h2 class="dg-title"><a class="dg-rank dg-medal dg-r1" href="#rank-1">#1</a> ',
      ),
    );
  });
});
