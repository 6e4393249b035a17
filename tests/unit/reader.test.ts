// What a reader sees, polished: badges, ranks, tag context, the tag index, titles, JSON-LD and feed items.
import { describe, expect, it } from "vitest";
import { validateDigest, type DigestPluginOptions } from "../../plugin/index.js";
import { buildDigestModel, type DigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import {
  renderArchive,
  renderArticleCard,
  renderMonthPage,
  renderTagIndex,
  renderTagPage,
} from "../../plugin/html/pages.js";
import { avatarColour, AVATAR_COLOURS } from "../../plugin/html/card.js";
import { tagInitial } from "../../plugin/html/tag.js";
import { structuredData } from "../../plugin/html/metadata.js";
import { renderYear } from "../../plugin/html/year.js";
import { THEME_CSS } from "../../plugin/html/document.js";
import { twoHundredTags } from "../helpers/synthetic.js";
import { articleHtml } from "../../plugin/feeds/content.js";
import { createSiteContext, type SiteContext } from "../../plugin/render/site.js";

function setup(raw: unknown, options: Partial<DigestPluginOptions> = {}): { model: DigestModel; site: SiteContext } {
  const resolved = resolveOptions({ siteUrl: "https://digest.example.com", ...options });
  const model = buildDigestModel(validateDigest(raw, { timeZone: resolved.timeZone }), resolved);
  return { model, site: createSiteContext(model, resolved, "/") };
}

const art = (rank: number, extra: Record<string, unknown> = {}) => ({
  month: "2025-04",
  rank,
  title: `Article ${rank}`,
  url: `https://a.example/${rank}`,
  source: "Source",
  ...extra,
});
const ranksOf = (markup: string) =>
  [...markup.matchAll(/<(?:span|a) class="(dg-rank[^"]*)"(?: href="#rank-\d+")?>#(\d+)<\/(?:span|a)>/g)].map(
    (m) => [m[1]!, Number(m[2])] as const,
  );

describe("cards", () => {
  it("badge videos only: an article says nothing about its type", () => {
    const { model, site } = setup([art(1), art(2, { type: "video" })]);
    const [article, video] = model.latestArticles;
    expect(renderArticleCard(article!, site).markup).not.toContain("dg-type");
    expect(renderArticleCard(video!, site).markup).toContain('<span class="dg-type dg-type-video">Video</span>');
  });

  it("give every rank the same badge class, so the column lines up; medals only add a fill", () => {
    const { model, site } = setup(Array.from({ length: 12 }, (_, i) => art(i + 1)));
    const ranks = ranksOf(renderMonthPage(model.monthPages[0]!, site).body.markup);
    expect(ranks.map(([, rank]) => rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const [className, rank] of ranks)
      expect(className).toBe(rank <= 3 ? `dg-rank dg-medal dg-r${rank}` : "dg-rank");
    // The width is the badge's, never the medal's.
    expect(THEME_CSS).toMatch(/\.dg \.dg-rank\{[^}]*min-width:/);
    expect(THEME_CSS).not.toMatch(/\.dg \.dg-medal\{[^}]*(?:width|padding)/);
  });

  it("link every source to its source page (never its own url), with an avatar colour from its name", () => {
    const { model, site } = setup([
      art(1, { source: { name: "ByteByteGo", url: "https://bytebytego.com/" } }),
      art(2, { source: "Medium" }),
    ]);
    const cards = model.latestArticles.map((a) => renderArticleCard(a, site).markup);
    for (const card of cards)
      expect(card).toMatch(
        /<span class="dg-source"><span class="dg-avatar dg-av\d" aria-hidden="true">.<\/span><a class="dg-source-name" href="\/sources\/[a-z]+\/">[^<]+<\/a><\/span>/,
      );
    expect(cards.map((card) => /href="(\/sources\/[^"]+)"/.exec(card)?.[1])).toEqual([
      "/sources/bytebytego/",
      "/sources/medium/",
    ]);
    expect(cards[0]).not.toContain("bytebytego.com");
    expect(avatarColour("ByteByteGo")).toBe(avatarColour("ByteByteGo"));
    const colours = new Set(
      [
        "ByteByteGo",
        "Medium",
        "Netflix TechBlog",
        "gitconnected",
        "The Coding Gopher",
        "Jepsen",
        "Milan Jovanović",
      ].map(avatarColour),
    );
    expect(colours.size).toBeGreaterThan(3);
    for (let i = 0; i < AVATAR_COLOURS; i++) expect(THEME_CSS).toContain(`.dg .dg-av${i}{background:`);
  });
});

describe("tag pages", () => {
  const data = {
    articles: [
      art(1, { tags: ["Redis"] }),
      art(8, { tags: ["Redis"] }),
      { ...art(1, { tags: ["Redis"] }), month: "2025-03", url: "https://a.example/m" },
    ],
  };

  it("say where each pick was ranked, linked to its issue page, with no medals", () => {
    const { model, site } = setup(data);
    const view = renderTagPage(model.tagPages[0]!, site);
    const contexts = [...view.body.markup.matchAll(/<p class="dg-context"><a href="([^"]+)">([^<]+)<\/a><\/p>/g)].map(
      (m) => `${m[2]} → ${m[1]}`,
    );
    expect(contexts).toEqual([
      "#1 in April 2025 → /2025/04/#rank-1",
      "#8 in April 2025 → /2025/04/#rank-8",
      "#1 in March 2025 → /2025/03/#rank-1",
    ]);
    expect(view.body.markup).not.toMatch(/dg-medal|dg-rank/);
    // JSON-LD positions are the list's order the page shows, and the count is the tag's.
    const list = structuredData(view, site).mainEntity as {
      numberOfItems: number;
      itemListElement: { position: number }[];
    };
    expect(list.itemListElement.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(list.numberOfItems).toBe(3);
  });

  it("keep the medals on the issue page, where the rank means something", () => {
    const { model, site } = setup(data);
    renderTagPage(model.tagPages[0]!, site);
    // The badge links to the pick's own anchor, which its list item has (with search off too).
    const month = renderMonthPage(model.monthPages[0]!, site).body.markup;
    expect(month).toContain(
      '<li id="rank-1"><article class="dg-item"><h2 class="dg-title"><a class="dg-rank dg-medal dg-r1" href="#rank-1">#1</a> <a href="https://a.example/1">Article 1</a> <span class="dg-domain dg-muted">a.example</span></h2>',
    );
    expect(month).toContain('<li id="rank-8">');
  });
});

describe("the tag index", () => {
  it("files names under their initial, locale-aware, with one group for what has no cased initial", () => {
    expect(
      ["Alpha", "alpha", "Éclair", "Östlich", "Ωmega", "Σ", "分布式", "3D", "🚀", "#go"].map((name) =>
        tagInitial(name, "en"),
      ),
    ).toEqual(["A", "A", "E", "O", "Ω", "Σ", "#", "#", "#", "#"]);
  });

  it("groups 200 tags A–Z with jump links, counts on the names' line, under 30 KB with its stylesheet", async () => {
    const { model, site } = setup(twoHundredTags());
    expect(model.tags).toHaveLength(200);
    const view = renderTagIndex(model, site);
    const body = view.body.markup;
    const groups = [...body.matchAll(/<h2 class="dg-initial" id="dg-t-([^"]+)">([^<]+)<\/h2>/g)].map((m) => m[2]);
    expect(groups[0]).toBe("A");
    expect(groups.at(-1)).toBe("#");
    expect(groups).toEqual(expect.arrayContaining(["B", "E", "O", "Ω", "Z"]));
    expect(groups.slice(0, -2)).toEqual([...groups.slice(0, -2)].sort((a, b) => a!.localeCompare(b!, "en")));
    const jumps = [...body.matchAll(/<li><a href="#dg-t-([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => m[2]);
    expect(jumps).toEqual(groups);
    for (const id of body.matchAll(/href="#([^"]+)"/g)) expect(body).toContain(`id="${id[1]}"`);
    expect([...body.matchAll(/<\/a> <small>\d+<\/small><\/li>/g)]).toHaveLength(200);
    expect(body).toContain('<p class="dg-sub">200 tags, each with its number of articles</p>');
    expect(THEME_CSS).toMatch(/\.dg \.dg-tag-index li\{[^}]*align-items:baseline/);
    // The whole page, as written, with its stylesheet.
    const { renderDocument } = await import("../../plugin/html/document.js");
    const page = renderDocument(view, site);
    expect(Buffer.byteLength(page) + Buffer.byteLength(THEME_CSS)).toBeLessThan(30 * 1024);
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!) as {
      mainEntity: { "@type": string; numberOfItems: number; itemListElement?: unknown };
    };
    expect(data.mainEntity).toEqual({
      "@type": "ItemList",
      itemListOrder: "https://schema.org/ItemListOrderAscending",
      numberOfItems: 200,
    });
  });
});

describe("the archive and the year page", () => {
  const data = {
    title: "Best of X",
    articles: [
      ...Array.from({ length: 6 }, (_, i) => art(i + 1)),
      { ...art(1), month: "2025-03", url: "https://a.example/m" },
    ],
  };

  it("the archive leads with the latest issue's top picks, then the years with their issues, one line each", () => {
    const { model, site } = setup(data);
    const body = renderArchive(model, site).body.markup;
    expect(body).not.toContain("<h1>Best of X</h1>");
    expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    const latest = /<section class="dg-latest"[^>]*>(.*?)<\/section>/s.exec(body)![1]!;
    expect(ranksOf(latest).map(([, rank]) => rank)).toEqual([1, 2, 3, 4, 5]);
    expect(latest).toContain(
      '<a href="/2025/04/">The whole issue: 6 articles<span aria-hidden="true">&#160;»</span></a>',
    );
    expect(body.match(/class="dg-issue dg-issue-row"/g)).toHaveLength(2);
  });

  it("the year page shows each issue with its top three", () => {
    const { model, site } = setup(data);
    const body = renderYear(model.years[0]!, site).body.markup;
    expect(ranksOf(body).map(([, rank]) => rank)).toEqual([1, 2, 3, 1]);
    expect(body).not.toContain("dg-issue-row");
  });

  it("every issue's whole entry opens it: the month link is stretched over the entry, the picks keep their own links above it", () => {
    const { model, site } = setup(data);
    const year = renderYear(model.years[0]!, site).body.markup;
    const archive = renderArchive(model, site).body.markup;
    expect(year).toContain('<h2 id="dg-2025-04"><a class="dg-row-link" href="/2025/04/">April 2025</a></h2>');
    expect(archive).toContain('<h3 id="dg-2025-03"><a class="dg-row-link" href="/2025/03/">March 2025</a></h3>');
    expect(THEME_CSS).toContain('.dg .dg-row-link::after{content:"";position:absolute;inset:0');
    // Positioned after the stretched link, so painted above it.
    expect(THEME_CSS).toContain(".dg .dg-top a,.dg .dg-more a{position:relative}");
  });

  it("a year page links the years beside it, newer and older, and a lone year none", () => {
    const years = {
      articles: [
        art(1),
        { ...art(1), month: "2024-06", url: "https://a.example/y24" },
        { ...art(1), month: "2023-01", url: "https://a.example/y23" },
      ],
    };
    const { model, site } = setup(years);
    const nav = (index: number) =>
      /<nav class="dg-issues" aria-label="Years">(.*?)<\/nav>/.exec(
        renderYear(model.years[index]!, site, model.years).body.markup,
      )?.[1];
    expect(nav(1)).toBe(
      '<ul><li class="dg-older"><a href="/2023/"><span class="dg-dir"><span aria-hidden="true">« </span>Older year</span> <span class="dg-name">2023</span></a></li><li class="dg-newer"><a href="/2025/"><span class="dg-dir">Newer year<span aria-hidden="true"> »</span></span> <span class="dg-name">2025</span></a></li></ul>',
    );
    expect(nav(0)).toContain('href="/2024/"');
    expect(nav(0)).not.toContain("Newer year");
    expect(nav(2)).not.toContain("Older year");
    const lone = setup(data);
    expect(renderYear(lone.model.years[0]!, lone.site, lone.model.years).body.markup).not.toContain(
      'aria-label="Years"',
    );
  });
});

describe("the year in review", () => {
  it("names each month's #1 and the year's most-picked sources and tags with their counts, most first, ties by name", () => {
    const pick = (month: string, rank: number, source: string, tags: string[]) => ({
      month,
      rank,
      title: `${month} #${rank}`,
      url: `https://a.example/${month}/${rank}`,
      source,
      tags,
    });
    const data = [
      pick("2025-04", 1, "Zed", ["Redis", "Caching"]),
      pick("2025-04", 2, "Alpha", ["Redis"]),
      pick("2025-03", 2, "Zed", ["Kafka"]),
      pick("2025-03", 3, "Beta", ["Redis", "Kafka"]),
      pick("2024-12", 1, "Alpha", ["Redis"]),
    ];
    const { model, site } = setup(data);
    const body = renderYear(model.years[0]!, site, model.years).body.markup;
    const review =
      /<section class="dg-review" aria-labelledby="dg-review"><h2 id="dg-review">2025 in review<\/h2>(.*)<\/section>/s.exec(
        body,
      )![1]!;
    // March has no rank 1 (gaps are allowed): its top pick is its #1.
    expect(
      [...review.matchAll(/<li><span class="dg-pick"><a href="([^"]+)">(\w+)<\/a>: <a href="([^"]+)">/g)].map((m) => [
        m[1],
        m[2],
        m[3],
      ]),
    ).toEqual([
      ["/2025/04/", "April", "https://a.example/2025-04/1"],
      ["/2025/03/", "March", "https://a.example/2025-03/2"],
    ]);
    const listed = (id: string) =>
      [
        ...new RegExp(`aria-labelledby="dg-review-${id}">(.*?)</ol>`, "s")
          .exec(review)![1]!
          .matchAll(/<a href="([^"]+)">([^<]+)<\/a> <small>([^<]+)<\/small>/g),
      ].map((m) => `${m[2]} ${m[3]} ${m[1]}`);
    // 2024's picks are not counted; Zed and Alpha tie at 2 (2025 only: Zed 2, Alpha 1, Beta 1).
    expect(listed("sources")).toEqual([
      "Zed 2 articles /sources/zed/",
      "Alpha 1 article /sources/alpha/",
      "Beta 1 article /sources/beta/",
    ]);
    expect(listed("tags")).toEqual([
      "Redis 3 articles /tags/redis/",
      "Kafka 2 articles /tags/kafka/",
      "Caching 1 article /tags/caching/",
    ]);
  });
});

describe("the site navigation", () => {
  it("marks the current section: its own page as the page, a page inside it as within it", async () => {
    const { renderDocument } = await import("../../plugin/html/document.js");
    const { renderTagIndex: tagIndex, renderTagPage: tagPage } = await import("../../plugin/html/pages.js");
    const { model, site } = setup({ articles: [art(1, { tags: ["Redis"] })] });
    const nav = (markup: string) => /<nav aria-label="Site">(.*?)<\/nav>/.exec(markup)![1]!;
    const current = (markup: string) =>
      [...nav(markup).matchAll(/<a href="([^"]+)" aria-current="(\w+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(current(renderDocument(renderArchive(model, site), site))).toEqual(["/ page"]);
    expect(current(renderDocument(renderYear(model.years[0]!, site), site))).toEqual(["/ true"]);
    expect(current(renderDocument(renderMonthPage(model.monthPages[0]!, site), site))).toEqual(["/ true"]);
    expect(current(renderDocument(tagIndex(model, site), site))).toEqual(["/tags/ page"]);
    expect(current(renderDocument(tagPage(model.tagPages[0]!, site), site))).toEqual(["/tags/ true"]);
    expect(THEME_CSS).toContain(".dg .dg-head li a[aria-current]{text-decoration:underline}");
  });
});

describe("honest dates", () => {
  it("an issue shows its publication date only when the data gives one; the age script only where picks are dated", () => {
    const dated = setup({
      issues: { "2025-04": { published: "2025-05-03" } },
      articles: [art(1, { published: "2025-04-02" })],
    });
    const undated = setup({ articles: [art(1)] });
    const datedBody = renderMonthPage(dated.model.monthPages[0]!, dated.site).body.markup;
    const undatedBody = renderMonthPage(undated.model.monthPages[0]!, undated.site).body.markup;
    expect(datedBody).toContain(
      '<p class="dg-sub"><time datetime="2025-05-03">Issue of May 3, 2025</time> · 1 article</p>',
    );
    expect(undatedBody).toContain('<p class="dg-sub">1 article</p>');
    expect(undatedBody).not.toContain("<time");
    // The age is the browser's business: the page carries the date and, where there is one, the script.
    expect(datedBody).toContain('<time datetime="2025-04-02T00:00:00Z">Apr 2, 2025</time>');
    expect(datedBody).toMatch(/<script>\(\(\)=>\{const a=new Intl\.RelativeTimeFormat\("en",/);
    expect(undatedBody).not.toContain("<script");
  });
});

describe("month pages' metadata", () => {
  const data = {
    title: "Best of X",
    issues: { "2025-04": { title: "Netflix at scale" } },
    articles: Array.from({ length: 28 }, (_, i) => art(i + 1)),
  };

  it("the title says the issue's headline", () => {
    const { model, site } = setup(data);
    expect(renderMonthPage(model.monthPages[0]!, site).documentTitle).toBe("Best of X · April 2025: Netflix at scale");
    expect(renderMonthPage(model.monthPages[1]!, site).documentTitle).toBe(
      "Best of X · April 2025: Netflix at scale, page 2",
    );
    const plain = setup({ articles: [art(1)] });
    expect(renderMonthPage(plain.model.monthPages[0]!, plain.site).documentTitle).toBe("Digest · April 2025");
  });

  it("JSON-LD counts the whole issue, says when it came out and who publishes it", () => {
    const { model, site } = setup(data);
    const ld = structuredData(renderMonthPage(model.monthPages[1]!, site), site) as Record<string, unknown> & {
      mainEntity: { numberOfItems: number; itemListElement: unknown[] };
    };
    expect(ld.mainEntity.numberOfItems).toBe(28);
    expect(ld.mainEntity.itemListElement).toHaveLength(10);
    expect(ld.datePublished).toBe("2025-05-01");
    expect(ld.publisher).toEqual({ "@type": "Organization", name: "Best of X", url: "https://digest.example.com/" });
    expect(structuredData(renderArchive(model, site), site).publisher).toBeUndefined();
  });
});

describe("feed items", () => {
  it("show the image (alt = title, absolute), the tags by name, escaped, and do not end by repeating the title", () => {
    const { model, site } = setup([
      art(3, {
        title: "Big <data>",
        image: "https://img.example/a b.png",
        tags: ["Redis", "分布式系统", "<b>&"],
        summary: "What it says.",
      }),
    ]);
    const item = articleHtml(model.latestArticles[0]!, site, "April 2025");
    expect(item).toContain(
      '<img src="https://img.example/a%20b.png" alt="Big &lt;data&gt;" referrerpolicy="no-referrer">',
    );
    // The last paragraph: the tags as text (a feed's categories carry them too; docs/decisions.md).
    expect(item.endsWith("<p>Tags: Redis, 分布式系统, &lt;b&gt;&amp;</p>")).toBe(true);
    expect(item).not.toContain("/tags/");
    expect(item).not.toMatch(/<p><a href="https:\/\/a\.example\/3">Big &lt;data&gt;<\/a><\/p>$/);
    const plain = setup([art(1)]);
    expect(articleHtml(plain.model.latestArticles[0]!, plain.site, "April 2025")).not.toContain("<img");
  });
});
