import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseRssFeed } from "feedsmith";
import demoConfig from "../../eleventy.config.js";
import { buildSite, errorText, tryBuild, type BuildInput, type BuildResult } from "../helpers/build/index.js";
import { syntheticDigest } from "../helpers/synthetic.js";
import { cardRanks, cardTitles, decodeEntities, links } from "../helpers/html.js";
import { checkRssFeed, rssItems } from "./w3c-rules.js";

/** The demo data's articles, as the tests read them. */
interface DemoArticle {
  month: string;
  rank: number;
  url: string;
  title: string;
  tags?: string[];
}
const demoData: { articles: DemoArticle[] } = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../_data/digest.json", import.meta.url)), "utf8"),
);

const APRIL_TITLES = [
  "How does Netflix manage to show you a movie without interruptions?",
  "10 System Design Concepts You Must Master Before Your Next SDE Interview (with Resources)",
  "Understanding Microservices: Core Concepts and Benefits",
  "99% of Developers Don't Get RPCs",
  "Redis Deep Dive for System Design Interviews",
  "EP160: Top 20 System Design Concepts You Should Know",
  "How Netflix Orchestrates Millions of Workflow Jobs with Maestro",
  "How to Keep Distributed Systems Consistent: Versioning vs Vector Clocks",
  "How Netflix Accurately Attributes eBPF Flow Logs",
];

const isRfc822RoundTrip = (value: string) => new Date(value).toUTCString() === value;

/** Every site-internal link of every HTML page must reach a written file. */
async function brokenInternalLinks(site: BuildResult, prefix = "/"): Promise<string[]> {
  const files = new Set(await site.files());
  const broken: string[] = [];
  for (const file of files) {
    if (!file.endsWith(".html")) continue;
    for (const href of links(await site.read(file))) {
      if (!href.startsWith("/")) continue;
      const path = decodeURI(href.split("#")[0]!);
      expect(path.startsWith(prefix), `${file} links outside ${prefix}: ${href}`).toBe(true);
      const target = path.slice(prefix.length);
      const candidate = target === "" || target.endsWith("/") ? `${target}index.html` : target;
      if (!files.has(candidate)) broken.push(`${file} → ${href}`);
    }
  }
  return broken;
}

async function buildError(input: BuildInput): Promise<{ message: string; files: string[]; site: BuildResult }> {
  const { site, error: caught } = await tryBuild(input);
  expect(caught, "expected the build to fail").toBeDefined();
  return { message: errorText(caught), files: await site.files(), site };
}

describe("the demo site (_data/digest.json with eleventy.config.ts's options)", () => {
  let site: BuildResult;
  let files: string[];
  beforeAll(async () => {
    site = await buildSite({ data: demoData, configure: demoConfig as (c: unknown) => void });
    files = await site.files();
  });
  afterAll(() => site?.cleanup());

  it("lists April 2025's nine articles in rank order", async () => {
    const html = await site.read("2025/04/index.html");
    expect(cardTitles(html)).toEqual(APRIL_TITLES);
    expect(cardRanks(html)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(html).toContain("<h1>April 2025: Netflix, RPCs and System Design Fundamentals</h1>");
    expect(html).toContain('<span class="dg-type dg-type-video">Video</span>');
    expect(files.some((f) => f.startsWith("2025/04/page/"))).toBe(false);
  });

  it("splits March 2025 (28 articles) into pages 1..3", async () => {
    expect(files.filter((f) => f.startsWith("2025/03/"))).toEqual([
      "2025/03/email.html",
      "2025/03/email.txt",
      "2025/03/index.html",
      "2025/03/page/2/index.html",
      "2025/03/page/3/index.html",
    ]);
    expect(cardRanks(await site.read("2025/03/index.html"))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cardRanks(await site.read("2025/03/page/2/index.html"))).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(cardRanks(await site.read("2025/03/page/3/index.html"))).toEqual([21, 22, 23, 24, 25, 26, 27, 28]);
    expect(await site.read("2025/03/page/2/index.html")).toContain('<ol class="dg-list" start="11">');
  });

  it("never makes or links a /page/1/ URL", async () => {
    expect(files.filter((f) => f.includes("page/1/"))).toEqual([]);
    for (const file of files) expect(await site.read(file), file).not.toMatch(/\/page\/1\//);
  });

  it("writes tag pages, paginated, and a tag index with counts", async () => {
    for (const file of [
      "tags/index.html",
      "tags/system-design/index.html",
      "tags/system-design/page/2/index.html",
      "tags/databases/page/2/index.html",
      "tags/c-plus-plus/index.html",
      "tags/分布式系统/index.html",
    ]) {
      expect(files).toContain(file);
    }
    expect(files).not.toContain("tags/system-design/page/3/index.html");
    const index = await site.read("tags/index.html");
    const counts = Object.fromEntries(
      [...index.matchAll(/<a href="[^"]+">([^<]+)<\/a> <small>(\d+)<\/small>/g)].map((m) => [
        decodeEntities(m[1]!),
        Number(m[2]),
      ]),
    );
    expect(counts).toMatchObject({ "System Design": 17, Databases: 18, "C++": 1, 分布式系统: 3 });
    expect(Object.keys(counts)).toHaveLength(15);
    // Newest issue first, then rank.
    const netflix = await site.read("tags/netflix/index.html");
    const contexts = [
      ...netflix.matchAll(
        /<p class="dg-context"><a [^>]*>#(\d+) in (\w+) 2025<\/a><\/p><article class="dg-item[^"]*"><h2 class="dg-title">/g,
      ),
    ].map((m) => `${m[2]} #${m[1]}`);
    const months = contexts.map((c) => c.split(" ")[0]);
    expect(months).toEqual(
      [...months].sort((a, b) => ["May", "April", "March"].indexOf(a!) - ["May", "April", "March"].indexOf(b!)),
    );
    expect(contexts.filter((c) => c.startsWith("April"))).toEqual(["April #1", "April #7", "April #9"]);
  });

  it("writes the archive and the year page, newest issue first", async () => {
    const year = await site.read("2025/index.html");
    expect([...year.matchAll(/<h2 id="dg-(\d{4}-\d{2})">/g)].map((m) => m[1])).toEqual([
      "2025-05",
      "2025-04",
      "2025-03",
    ]);
    const archive = await site.read("index.html");
    expect(archive).toContain('<a href="/2025/">2025</a>');
    expect([...archive.matchAll(/<h3 id="dg-(\d{4}-\d{2})">/g)].map((m) => m[1])).toEqual([
      "2025-05",
      "2025-04",
      "2025-03",
    ]);
    expect(archive).toContain("28 articles");
    expect(archive).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Best of Distributed Systems" href="https://digest.example.com/feed.xml">',
    );
  });

  it("has no broken internal links", async () => {
    expect(await brokenInternalLinks(site)).toEqual([]);
  });

  it("writes an RSS feed of the newest articles, parsable by feedsmith", async () => {
    const xml = await site.read("feed.xml");
    const feed = parseRssFeed(xml);
    const items = feed.items ?? [];
    expect(items.length).toBe(Math.min(50, demoData.articles.length));
    expect(feed.title).toBe("Best of Distributed Systems");
    expect(feed.link).toBe("https://digest.example.com/");
    expect(feed.atom?.links).toContainEqual(
      expect.objectContaining({ rel: "self", href: "https://digest.example.com/feed.xml" }),
    );
    expect(isRfc822RoundTrip(feed.lastBuildDate as string)).toBe(true);
    expect(feed.lastBuildDate).toBe("Sun, 01 Jun 2025 00:00:00 GMT");
    // Newest issue first, then rank: May's 12, April's 9, then March.
    const newestFirst = [...demoData.articles].sort((a, b) =>
      a.month === b.month ? a.rank - b.rank : a.month < b.month ? 1 : -1,
    );
    expect(items.map((i) => i.link)).toEqual(newestFirst.slice(0, 50).map((a) => a.url));
    for (const item of items) {
      expect(item.link).toMatch(/^https?:\/\/[^/]+/);
      expect(isRfc822RoundTrip(item.pubDate as string), item.pubDate as string).toBe(true);
      for (const href of links(item.description ?? "")) expect(href).toMatch(/^(https?:|mailto:)/);
    }
    const guids = items.map((i) => i.guid?.value);
    expect(guids.every((g) => typeof g === "string" && g.length > 0)).toBe(true);
    expect(new Set(guids).size).toBe(items.length);
    // Readers sorting by date keep rank order within an issue.
    const dates = items.map((i) => Date.parse(i.pubDate as string));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("carries tags into the feed as categories", async () => {
    const items = parseRssFeed(await site.read("feed.xml")).items ?? [];
    const first = newest(demoData.articles);
    expect(items[0]!.categories?.map((c) => c.name)).toEqual(first?.tags);
  });
});

function newest(articles: DemoArticle[]): DemoArticle | undefined {
  return [...articles].sort((a, b) => (a.month === b.month ? a.rank - b.rank : a.month < b.month ? 1 : -1))[0];
}

describe("a 250-article digest over three months (100, 100, 50)", () => {
  let site: BuildResult;
  let files: string[];
  const data = syntheticDigest([100, 100, 50], "2024-11");
  beforeAll(async () => {
    site = await buildSite({ data });
    files = await site.files();
  });
  afterAll(() => site?.cleanup());

  it("builds 10 + 10 + 5 month pages", () => {
    const pagesOf = (prefix: string) => files.filter((f) => f.startsWith(prefix) && f.endsWith("index.html"));
    expect(pagesOf("2024/11/")).toHaveLength(10);
    expect(pagesOf("2024/12/")).toHaveLength(10);
    expect(pagesOf("2025/01/")).toHaveLength(5);
    expect(pagesOf("2025/01/")).toEqual([
      "2025/01/index.html",
      "2025/01/page/2/index.html",
      "2025/01/page/3/index.html",
      "2025/01/page/4/index.html",
      "2025/01/page/5/index.html",
    ]);
    expect(files).toEqual(
      expect.arrayContaining(["2024/index.html", "2025/index.html", "index.html", "tags/index.html", "feed.xml"]),
    );
    expect(files.filter((f) => f.includes("/email."))).toEqual(
      ["2024/11", "2024/12", "2025/01"].flatMap((month) => [`${month}/email.html`, `${month}/email.txt`]),
    );
  });

  it("puts ranks 91..100 on the last page of a 100-article month", async () => {
    expect(cardRanks(await site.read("2024/12/page/10/index.html"))).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
  });

  it("feeds exactly the newest 50 articles", async () => {
    const items = parseRssFeed(await site.read("feed.xml")).items ?? [];
    expect(items).toHaveLength(50);
    const newest50 = data.articles.filter((a) => a.month === "2025-01").map((a) => a.url);
    expect(items.map((i) => i.link)).toEqual(newest50);
    expect(items.map((i) => i.title)).toEqual(data.articles.filter((a) => a.month === "2025-01").map((a) => a.title));
  });

  it("has no broken internal links", async () => {
    expect(await brokenInternalLinks(site)).toEqual([]);
  });
});

describe("invalid data", () => {
  const bad = {
    articles: [
      { month: "2025-04", rank: 1, title: "Fine", url: "https://a.example/1", source: "S", tags: ["Node.js"] },
      { month: "2025-13", rank: 2, title: "Bad month", url: "https://a.example/2", source: "S" },
      { month: "2025-04", rank: 3, title: "Bad url", url: "javascript:alert(1)", source: "S" },
      { month: "2025-04", rank: "2", title: "Bad rank", url: "https://a.example/4", source: "S" },
      { month: "2025-04", rank: 1, title: "Same rank", url: "https://a.example/5", source: "S", tags: ["Node JS"] },
      { month: "2025-04", rank: 6, title: "Same url", url: "https://a.example/1", source: "S" },
      {
        month: "2025-04",
        rank: 7,
        title: "Bad date",
        url: "https://a.example/7",
        source: "S",
        published: "2025-02-30",
      },
    ],
  };

  it("fails the build, naming every bad place, and writes nothing", async () => {
    // A host page sits next to the digest: it must not be written either.
    const { message, files, site } = await buildError({ data: bad, files: { "about.md": "# About\n" } });
    try {
      for (const line of [
        '_data/digest.json: articles[1].month: expected a real month as "YYYY-MM", such as "2025-04" (years 1000 to 9998), got "2025-13"',
        '_data/digest.json: articles[2].url: expected an absolute http(s) URL, got "javascript:alert(1)"',
        '_data/digest.json: articles[3].rank: expected an integer >= 1, got "2"',
        '_data/digest.json: articles[6].published: expected an ISO 8601 date or date-time such as "2025-04-12" or "2025-04-12T09:30:00Z", got "2025-02-30"',
        '_data/digest.json: articles[5].url: duplicate id "https://a.example/1", also used by ',
        "_data/digest.json articles[0]",
        "_data/digest.json: articles[4].rank: rank 1 is already taken in 2025-04",
        '_data/digest.json: articles[4].tags[0]: tag "Node JS" would share the URL tags/node-js/',
      ]) {
        expect(message).toContain(line);
      }
      expect(message).toContain("7 problems");
      expect(files).toEqual([]);
      expect(await readdir(site.outputDir).catch(() => [])).toEqual([]);
    } finally {
      await site.cleanup();
    }
  });

  it("names the monthly file of a _data/digest/ folder", async () => {
    const { message, files, site } = await buildError({
      folder: {
        "2025-04": [{ rank: 1, title: "A", url: "https://a.example/1", source: "S" }],
        "2025-05": {
          articles: [
            { rank: 1, title: "B", url: "https://a.example/2", source: "S" },
            { rank: 0, title: "C", url: "https://a.example/3", source: "S" },
          ],
        },
      },
    });
    await site.cleanup();
    expect(message).toContain("digest/2025-05.json: articles[1].rank: expected an integer >= 1, got 0");
    expect(files).toEqual([]);
  });

  it("fails when there is no digest data at all", async () => {
    const { message, files, site } = await buildError({});
    await site.cleanup();
    expect(message).toContain('no data found under the data key "digest"');
    expect(files).toEqual([]);
  });
});

describe("plugin options", () => {
  it("rejects a missing siteUrl and pageSize 0 with a clear message", async () => {
    const { message, files, site } = await buildError({
      data: [],
      options: { siteUrl: undefined, pageSize: 0 } as never,
    });
    await site.cleanup();
    expect(message).toContain("eleventy-plugin-digest: invalid options");
    expect(message).toContain(
      'options.siteUrl: missing; expected an absolute http(s) origin such as "https://digest.example.com"',
    );
    expect(message).toContain("options.pageSize: expected an integer >= 1, got 0");
    expect(files).toEqual([]);
  });

  it("rejects a siteUrl with a path and an unknown option", async () => {
    const { message, site } = await buildError({
      data: [],
      options: { siteUrl: "https://example.com/blog/", pagesize: 5 } as never,
    });
    await site.cleanup();
    expect(message).toMatch(
      /options\.siteUrl: expected an absolute http\(s\) origin .*got "https:\/\/example\.com\/blog\/"/,
    );
    expect(message).toContain("options: unknown option pagesize");
  });
});

describe("other builds", () => {
  it("builds a _data/digest/ folder of monthly files", async () => {
    const site = await buildSite({
      folder: {
        "2025-04": [{ rank: 1, title: "April one", url: "https://a.example/1", source: "S" }],
        "2025-05": {
          issues: { "2025-05": { title: "May issue" } },
          articles: [
            { rank: 2, title: "May two", url: "https://a.example/3", source: "S" },
            { rank: 1, title: "May one", url: "https://a.example/2", source: "S" },
          ],
        },
      },
    });
    try {
      expect((await site.files()).filter((f) => !f.startsWith("tags/") || f === "tags/index.html")).toEqual([
        "2025/04/email.html",
        "2025/04/email.txt",
        "2025/04/index.html",
        "2025/05/email.html",
        "2025/05/email.txt",
        "2025/05/index.html",
        "2025/index.html",
        "404.html",
        "atom.xml",
        "digest.css",
        "favicon.svg",
        "feed.json",
        "feed.xml",
        "feeds.opml",
        "index.html",
        "issues/atom.xml",
        "issues/feed.json",
        "issues/feed.xml",
        "sitemap.xml",
        "sources/index.html",
        "sources/s/index.html",
        "subscribe/index.html",
        "tags/index.html",
      ]);
      expect(cardTitles(await site.read("2025/05/index.html"))).toEqual(["May one", "May two"]);
      expect(await site.read("2025/05/index.html")).toContain("<h1>May issue</h1>");
    } finally {
      await site.cleanup();
    }
  });

  it("writes 404.html only for a digest that is the site, unless told (notFoundPage), and names the option when a host page has that URL", async () => {
    const data = [{ month: "2025-04", rank: 1, title: "One", url: "https://a.example/1", source: "S" }];
    const embedded = await buildSite({ data, options: { basePath: "/digest/" } });
    const told = await buildSite({ data, options: { basePath: "/digest/", notFoundPage: true } });
    try {
      expect((await embedded.files()).filter((f) => f.endsWith("404.html"))).toEqual([]);
      expect((await told.files()).filter((f) => f.endsWith("404.html"))).toEqual(["digest/404.html"]);
      expect(await told.read("digest/404.html")).toContain('<link rel="stylesheet" href="/digest/digest.css">');
    } finally {
      await Promise.all([embedded.cleanup(), told.cleanup()]);
    }
    const clash = await buildError({ data, files: { "404.md": "---\npermalink: /404.html\n---\nMine" } });
    try {
      expect(clash.message).toContain("/404.html (404.html) is written by both the digest and");
      expect(clash.message).toContain("notFoundPage: false");
    } finally {
      await clash.site.cleanup();
    }
  });

  it("builds an empty digest as an empty site", async () => {
    const site = await buildSite({ data: { articles: [] } });
    try {
      expect(await site.files()).toEqual([
        "404.html",
        "atom.xml",
        "digest.css",
        "favicon.svg",
        "feed.json",
        "feed.xml",
        "feeds.opml",
        "index.html",
        "issues/atom.xml",
        "issues/feed.json",
        "issues/feed.xml",
        "sitemap.xml",
        "sources/index.html",
        "subscribe/index.html",
        "tags/index.html",
      ]);
      expect(await site.read("index.html")).toContain('class="dg-empty"');
      const feed = parseRssFeed(await site.read("feed.xml"));
      expect(feed.items ?? []).toHaveLength(0);
      expect(feed.atom?.links?.[0]?.href).toBe("https://digest.example.com/feed.xml");
    } finally {
      await site.cleanup();
    }
  });

  it("honours feed.limit", async () => {
    const data = syntheticDigest([4, 6], "2025-03");
    const site = await buildSite({ data, options: { feed: { limit: 3 } } });
    try {
      const items = parseRssFeed(await site.read("feed.xml")).items ?? [];
      expect(items.map((i) => i.link)).toEqual(
        data.articles
          .filter((a) => a.month === "2025-04")
          .slice(0, 3)
          .map((a) => a.url),
      );
    } finally {
      await site.cleanup();
    }
  });

  it("honours basePath and Eleventy's pathPrefix in files, links and feeds", async () => {
    const data = Array.from({ length: 12 }, (_, i) => ({
      month: "2025-04",
      rank: i + 1,
      title: `T${i + 1}`,
      url: `https://a.example/${i + 1}`,
      source: "S",
      tags: ["分布式系统"],
    }));
    const site = await buildSite({ data, options: { basePath: "/digest/" }, pathPrefix: "/blog/" });
    try {
      const files = await site.files();
      expect(files.every((f) => f.startsWith("digest/"))).toBe(true);
      expect(files).toContain("digest/2025/04/page/2/index.html");
      expect(files).toContain("digest/tags/分布式系统/page/2/index.html");
      const page = await site.read("digest/2025/04/index.html");
      expect(page).toContain('<link rel="canonical" href="https://digest.example.com/blog/digest/2025/04/">');
      expect(page).toContain('href="/blog/digest/2025/04/page/2/"');
      expect(page).toContain('href="/blog/digest/tags/%E5%88%86%E5%B8%83%E5%BC%8F%E7%B3%BB%E7%BB%9F/"');
      const feed = parseRssFeed(await site.read("digest/feed.xml"));
      expect(feed.link).toBe("https://digest.example.com/blog/digest/");
      expect(feed.atom?.links).toContainEqual(
        expect.objectContaining({ rel: "self", href: "https://digest.example.com/blog/digest/feed.xml" }),
      );
      expect(feed.items?.[0]?.description).toContain('href="https://digest.example.com/blog/digest/2025/04/"');
      // Links inside the site carry the prefix; strip it to find the files.
      expect(await brokenInternalLinks(site, "/blog/")).toEqual([]);
    } finally {
      await site.cleanup();
    }
  });

  it("escapes hostile text and keeps every file inside the output folder", async () => {
    const data = [
      {
        month: "2025-04",
        rank: 1,
        title: "<script>alert(1)</script> & co",
        url: "https://a.example/1",
        source: { name: '"><img src=x onerror=alert(1)>' },
        tags: ["../../etc", "<b>bold</b>", "🚀"],
        summary: "<script>alert(2)</script> [x](javascript:alert(3))",
      },
    ];
    const site = await buildSite({ data });
    try {
      const files = await site.files();
      expect(files.every((f) => !f.split("/").includes(".."))).toBe(true);
      // Three tags, each with a page and a feed in every format (RSS, Atom, JSON Feed).
      expect(
        files.filter((f) => f.startsWith("tags/") && f.endsWith("/index.html") && f !== "tags/index.html"),
      ).toHaveLength(3);
      expect(files.filter((f) => f.startsWith("tags/") && !f.endsWith(".html"))).toHaveLength(9);
      expect(await readdir(site.root)).toEqual(expect.arrayContaining(["out", "site"]));
      expect((await readdir(site.root)).sort()).toEqual(["out", "site"]);
      const html = await site.read("2025/04/index.html");
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<b>bold</b>");
      expect(html).not.toContain('href="javascript:');
      expect(cardTitles(html)).toEqual(["<script>alert(1)</script> & co"]);
      const xml = await site.read("feed.xml");
      expect(checkRssFeed(xml, { feedUrl: "https://digest.example.com/feed.xml" })).toEqual([]);
      const [item] = rssItems(xml);
      // Decoded once, as a reader does: the title is the data's text, the description safe HTML.
      expect(item!.title).toBe("<script>alert(1)</script> & co");
      expect(item!.description).not.toMatch(/<script|<img/);
      expect(item!.description).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
      // The item's body no longer repeats its title; its tags are there by name, escaped.
      expect(item!.description).toContain("<p>Tags: ../../etc, &lt;b&gt;bold&lt;/b&gt;, 🚀</p>");
      expect(item!.description).not.toContain('href="javascript:');
      expect(item!.categories).toEqual(["../../etc", "<b>bold</b>", "🚀"]);
    } finally {
      await site.cleanup();
    }
  });

  it("keeps text that looks like an entity exactly as written, in pages and feeds", async () => {
    const title = "Escaping &lt;b&gt; and &amp; in HTML (&#39;quotes&#39;)";
    const site = await buildSite({
      data: [
        {
          month: "2025-04",
          rank: 1,
          title,
          url: "https://a.example/1?a=1&b=2",
          source: "S &amp; Co",
          tags: ["R&amp;D"],
        },
      ],
    });
    try {
      expect(cardTitles(await site.read("2025/04/index.html"))).toEqual([title]);
      const [item] = rssItems(await site.read("feed.xml"));
      expect(item!.title).toBe(title);
      expect(item!.link).toBe("https://a.example/1?a=1&b=2");
      expect(item!.categories).toEqual(["R&amp;D"]);
      expect(item!.description).toContain("S &amp;amp; Co");
    } finally {
      await site.cleanup();
    }
  });

  it("wraps every page in the host's layout when one is given", async () => {
    const layout =
      "<!doctype html><html><head><title>{{ title }} | Host</title></head><body><header>HOST LAYOUT</header>{{ content | safe }}</body></html>\n";
    const site = await buildSite({
      data: [
        { month: "2025-04", rank: 1, title: "Only one", url: "https://a.example/1", source: "S", tags: ["Redis"] },
      ],
      options: { layout: "layouts/base.njk" },
      files: { "_includes/layouts/base.njk": layout },
    });
    try {
      const files = await site.files();
      // The emails are standalone documents, like the feeds: never in the host's layout.
      expect(files.filter((f) => f.includes("email."))).toEqual(["2025/04/email.html", "2025/04/email.txt"]);
      expect(await site.read("2025/04/email.html")).not.toContain("HOST LAYOUT");
      for (const file of files.filter((f) => f.endsWith("index.html"))) {
        const html = await site.read(file);
        expect(html, file).toContain("<header>HOST LAYOUT</header>");
        expect(html.match(/<html/g), file).toHaveLength(1);
      }
      expect(await site.read("2025/04/index.html")).toContain("<title>April 2025 | Host</title>");
      expect(cardTitles(await site.read("2025/04/index.html"))).toEqual(["Only one"]);
    } finally {
      await site.cleanup();
    }
  });
});
