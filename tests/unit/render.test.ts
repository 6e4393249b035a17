import { describe, it, expect } from "vitest";
import { validateDigest, type DigestPluginOptions } from "../../plugin/index.js";
import { buildDigestModel, type DigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { renderMarkdown as renderMarkdownHtml } from "../../plugin/render/markdown.js";
import {
  pageWindow,
  renderArchive,
  renderArticleCard as renderArticleCardHtml,
  renderMonthPage,
  renderTagIndex,
  renderTagPage,
} from "../../plugin/html/pages.js";
import { renderDocument } from "../../plugin/html/document.js";
import { createSiteContext, type SiteContext } from "../../plugin/render/site.js";

// The renderers return SafeHtml; these tests read its markup.
const renderMarkdown = (source: string) => renderMarkdownHtml(source).markup;
const renderArticleCard = (...args: Parameters<typeof renderArticleCardHtml>) => renderArticleCardHtml(...args).markup;

function setup(
  raw: unknown,
  options: Partial<DigestPluginOptions> = {},
  pathPrefix = "/",
): { model: DigestModel; site: SiteContext } {
  const resolved = resolveOptions({ siteUrl: "https://digest.example.com", ...options });
  const model = buildDigestModel(validateDigest(raw, { timeZone: resolved.timeZone }), resolved);
  return { model, site: createSiteContext(model, resolved, pathPrefix) };
}

const art = (rank: number, extra: Record<string, unknown> = {}) => ({
  month: "2025-04",
  rank,
  title: `Article ${rank}`,
  url: `https://a.example/${rank}`,
  source: "Source",
  ...extra,
});

describe("renderMarkdown: summaries are safe", () => {
  it("shows raw <script> as text", () => {
    const html = renderMarkdown('Before <script>alert("x")</script> after');
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops raw HTML blocks and event handlers as markup", () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<img|<iframe/);
    expect(html).toContain("&lt;img");
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)"])(
    "does not make a link of %s",
    (href) => {
      const html = renderMarkdown(`[click](${href})`);
      expect(html).not.toContain("<a");
      expect(html).not.toMatch(/href=/);
      expect(html).toContain("click");
    },
  );

  it("keeps http(s) and mailto links", () => {
    expect(renderMarkdown("[x](https://a.example)")).toBe(
      '<p><a href="https://a.example" rel="nofollow noopener">x</a></p>\n',
    );
    expect(renderMarkdown("[mail](mailto:a@b.example)")).toContain('href="mailto:a@b.example"');
  });

  describe('images show their alt text only: no <img>, no link, no stray "!"', () => {
    it("renders an inline image as its alt text", () => {
      expect(renderMarkdown("See ![a chart](https://t.example/p.gif) here")).toBe("<p>See a chart here</p>\n");
      expect(renderMarkdown("![tracking pixel](https://t.example/p.gif)")).toBe("<p>tracking pixel</p>\n");
    });

    it("renders an image with a title, or a reference-style image, as its alt text", () => {
      expect(renderMarkdown('![pixel](https://t.example/p.gif "Title")')).toBe("<p>pixel</p>\n");
      expect(renderMarkdown("A ![pixel][p] b\n\n[p]: https://t.example/p.gif")).toBe("<p>A pixel b</p>\n");
    });

    it("renders nothing for an image whose alt is empty", () => {
      expect(renderMarkdown("before ![](https://t.example/p.gif) after")).toBe("<p>before  after</p>\n");
      expect(renderMarkdown("![](https://t.example/p.gif)")).toBe("<p></p>\n");
    });

    it("shows the alt as escaped plain text, without its emphasis or raw HTML as markup", () => {
      expect(renderMarkdown('![**bold** <b>x</b> & "q"](https://t.example/p.gif)')).toBe(
        "<p>bold &lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot;</p>\n",
      );
    });

    it("keeps the link around a linked image, with the alt text as its text", () => {
      expect(renderMarkdown("[![logo](https://t.example/l.png)](https://a.example)")).toBe(
        '<p><a href="https://a.example" rel="nofollow noopener">logo</a></p>\n',
      );
    });

    it("leaves an image with an unsafe source as plain text", () => {
      expect(renderMarkdown("![x](javascript:alert(1))")).toBe("<p>![x](javascript:alert(1))</p>\n");
    });
  });

  it("renders ordinary Markdown", () => {
    expect(renderMarkdown("**bold** and *em*")).toBe("<p><strong>bold</strong> and <em>em</em></p>\n");
  });
});

describe("article cards", () => {
  it("escapes titles, sources, tags and urls", () => {
    const { model, site } = setup([
      art(1, {
        title: '<img src=x onerror=alert(1)> & "quotes"',
        source: { name: "<b>Src</b>", url: 'https://s.example/?a=1&b="2"' },
        tags: ["<script>"],
        url: "https://a.example/?q=1&r=2",
      }),
    ]);
    const html = renderArticleCard(model.latestArticles[0]!, site);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>Src");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
    expect(html).toContain("&lt;b&gt;Src&lt;/b&gt;");
    // URLs are stored in their parsed (WHATWG) form at the edge: the quote is percent-encoded there.
    // The source is plain text on every card, with or without a url: its url is not linked.
    expect(html).not.toContain("https://s.example/");
    expect(html).toContain('href="https://a.example/?q=1&amp;r=2"');
    expect(html).toContain(">&lt;script&gt;</a>");
  });

  it("leads with the title (the rank badge, linked to the pick's anchor, first), the site's domain after it, then source, date and type", () => {
    const { model, site } = setup([
      art(1, { type: "video", published: "2024-03-15", url: "https://www.youtube.com/watch?v=1" }),
      art(2, { published: "2025-04-20", url: "https://xn--r8jz45g.jp/a", image: "https://img.example/2.png" }),
    ]);
    const [video, recent] = model.latestArticles;
    const videoHtml = renderArticleCard(video!, site);
    expect(videoHtml).toMatch(
      /^<article class="dg-item"><h2 class="dg-title"><a class="dg-rank dg-medal dg-r1" href="#rank-1">#1<\/a> <a href="https:\/\/www\.youtube\.com\/watch\?v=1">Article 1<\/a> <span class="dg-domain dg-muted">youtube\.com<\/span><\/h2><p class="dg-meta"><span class="dg-source">/,
    );
    expect(videoHtml).toMatch(
      /<\/span><time datetime="2024-03-15T00:00:00Z">Mar 15, 2024<\/time><span class="dg-type dg-type-video">Video<\/span><\/p>/,
    );
    const recentHtml = renderArticleCard(recent!, site);
    // An internationalised domain in its own script; the thumbnail a link to the article, for the pointer only.
    expect(recentHtml).toContain('<span class="dg-domain dg-muted">例え.jp</span>');
    expect(recentHtml).toContain(
      '<a class="dg-thumb-link" href="https://xn--r8jz45g.jp/a" tabindex="-1" aria-hidden="true"><img class="dg-thumb" src="https://img.example/2.png" alt=""',
    );
  });

  it("renders the summary through the safe Markdown", () => {
    const { model, site } = setup([
      art(1, { summary: "See [docs](https://d.example) <script>x</script> [bad](javascript:alert(1))" }),
    ]);
    const html = renderArticleCard(model.latestArticles[0]!, site);
    expect(html).toContain('<a href="https://d.example" rel="nofollow noopener">docs</a>');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript:');
  });

  it("links tags under basePath and pathPrefix, percent-encoded", () => {
    const { model, site } = setup([art(1, { tags: ["分布式系统", "C#"] })], { basePath: "/digest/" }, "/blog/");
    const html = renderArticleCard(model.latestArticles[0]!, site);
    expect(html).toContain('href="/blog/digest/tags/%E5%88%86%E5%B8%83%E5%BC%8F%E7%B3%BB%E7%BB%9F/"');
    expect(html).toContain('href="/blog/digest/tags/c-sharp/"');
  });
});

describe("month pages", () => {
  const twentyFive = Array.from({ length: 25 }, (_, i) => art(i + 1));

  it('numbers page 2 from 11 with <ol start="11">', () => {
    const { model, site } = setup(twentyFive);
    const page2 = renderMonthPage(model.monthPages[1]!, site);
    expect(page2.body.markup).toContain('<ol class="dg-list" start="11">');
    expect(page2.path).toBe("/2025/04/page/2/");
    expect(page2.title).toBe("April 2025, page 2");
    expect(renderMonthPage(model.monthPages[0]!, site).body.markup).toContain('<ol class="dg-list" start="1">');
    expect(renderMonthPage(model.monthPages[2]!, site).body.markup).toContain('<ol class="dg-list" start="21">');
  });

  it("lists the page's articles in rank order", () => {
    const { model, site } = setup(twentyFive);
    const body = renderMonthPage(model.monthPages[1]!, site).body.markup;
    const ranks = [...body.matchAll(/<a class="dg-rank[^"]*" href="#rank-\d+">#(\d+)<\/a>/g)].map((m) => Number(m[1]));
    expect(ranks).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it("links pages without /page/1/ and marks the current page", () => {
    const { model, site } = setup(twentyFive);
    const body = renderMonthPage(model.monthPages[1]!, site).body.markup;
    expect(body).toMatch(/<a href="\/2025\/04\/" rel="prev">.*?Previous<\/span><\/a>/);
    expect(body).toMatch(/<a href="\/2025\/04\/page\/3\/" rel="next"><span class="dg-word">Next /);
    expect(body).toMatch(/<a href="\/2025\/04\/page\/2\/"[^>]*aria-current="page"[^>]*>2<\/a>/);
    expect(body).not.toContain("/page/1/");
  });

  it("shows no pagination for a single page", () => {
    const { model, site } = setup([art(1), art(2)]);
    expect(renderMonthPage(model.monthPages[0]!, site).body.markup).not.toContain("dg-pages");
  });

  it("shows the intro (safe Markdown) on page 1 only", () => {
    const { model, site } = setup({
      issues: { "2025-04": { title: "April <picks>", intro: "Hello <script>x</script> **world**" } },
      articles: twentyFive,
    });
    const first = renderMonthPage(model.monthPages[0]!, site).body.markup;
    expect(first).toContain("<h1>April &lt;picks&gt;</h1>");
    expect(first).toContain("<strong>world</strong>");
    expect(first).not.toContain("<script>");
    expect(renderMonthPage(model.monthPages[1]!, site).body.markup).not.toContain("dg-intro");
  });
});

describe("pageWindow", () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 12, [1, 2, "gap", 12]],
    [4, 12, [1, 2, 3, 4, 5, "gap", 12]],
    [6, 12, [1, "gap", 5, 6, 7, "gap", 12]],
    [12, 12, [1, "gap", 11, 12]],
    [9, 12, [1, "gap", 8, 9, 10, 11, 12]],
  ])("page %i of %i → %j", (current, count, expected) => {
    expect(pageWindow(current, count)).toEqual(expected);
  });

  it("renders the window with a gap marker", () => {
    const { model, site } = setup(Array.from({ length: 120 }, (_, i) => art(i + 1)));
    const body = renderMonthPage(model.monthPages[5]!, site).body.markup;
    const labels = [
      ...body.matchAll(/<li[^>]*>(?:<a [^>]*rel="(prev|next)"|<a [^>]*>([^<]+)<\/a>|(\.\.\.)<\/li>)/g),
    ].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(labels).toEqual(["prev", "1", "...", "5", "6", "7", "...", "12", "next"]);
  });
});

describe("other pages", () => {
  const data = {
    title: "Best <of>",
    articles: [
      art(1, { tags: ["Redis", "Caching"] }),
      art(2, { tags: ["Redis"] }),
      { ...art(1, { tags: ["Redis"] }), month: "2024-12", url: "https://a.example/old" },
    ],
  };

  it("tag pages say where each article ranks", () => {
    const { model, site } = setup(data);
    const redis = model.tagPages.find((p) => p.tag.slug === "redis")!;
    const view = renderTagPage(redis, site);
    const contexts = [...view.body.markup.matchAll(/<p class="dg-context"><a href="([^"]+)">([^<]+)<\/a>/g)].map(
      (m) => `${m[2]} ${m[1]}`,
    );
    expect(contexts).toEqual([
      "#1 in April 2025 /2025/04/#rank-1",
      "#2 in April 2025 /2025/04/#rank-2",
      "#1 in December 2024 /2024/12/#rank-1",
    ]);
    // No rank badges (and no medals) out of their issue: the context line says the rank with its month.
    expect(view.body.markup).not.toContain("dg-rank");
  });

  it("the tag index lists every tag with its count", () => {
    const { model, site } = setup(data);
    const body = renderTagIndex(model, site).body.markup;
    const entries = [...body.matchAll(/<a href="([^"]+)">([^<]+)<\/a> <small>(\d+)<\/small>/g)].map((m) => [
      m[2],
      m[3],
      m[1],
    ]);
    expect(entries).toEqual([
      ["Caching", "1", "/tags/caching/"],
      ["Redis", "3", "/tags/redis/"],
    ]);
  });

  it("the archive groups issues by year and escapes the site title", () => {
    const { model, site } = setup(data);
    const view = renderArchive(model, site);
    // The header shows the digest's name; the archive's H1 says what the page leads with.
    expect(view.body.markup).not.toContain("<h1>Best &lt;of&gt;</h1>");
    expect(view.body.markup).toMatch(
      /<h1 id="dg-latest"><span class="dg-eyebrow">Latest issue<\/span> <a class="dg-row-link" href="\/2025\/04\/">April 2025<\/a><\/h1>/,
    );
    expect([...view.body.markup.matchAll(/<h2 id="dg-y(\d+)">/g)].map((m) => m[1])).toEqual(["2025", "2024"]);
    const doc = renderDocument(view, site);
    expect(doc).toContain("<title>Best &lt;of&gt;</title>");
    expect(doc).toContain('<link rel="canonical" href="https://digest.example.com/">');
    expect(doc).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Best &lt;of&gt;" href="https://digest.example.com/feed.xml">',
    );
  });

  it("an empty digest renders an empty archive, not an error", () => {
    const { model, site } = setup({ articles: [] });
    expect(renderArchive(model, site).body.markup).toContain('class="dg-empty"');
  });
});
