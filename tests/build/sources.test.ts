// Source pages in real Eleventy builds, both pipelines, under basePath /digest/ and pathPrefix
// /blog/: the index of every source with its count, each source's picks newest issue first then
// rank ("#3 in April 2025" linked to its issue), cards linking their source, feed.perSource feeds
// (valid, on the subscribe page and in feeds.opml), the sitemap and withDigestPages.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Ajv } from "ajv";
import { buildSite, SITE_URL, type BuildResult } from "../helpers/build/index.js";
import { checkFeed } from "../feeds/w3c-feed-rules.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const article = (month: string, rank: number, source: unknown) => ({
  month,
  rank,
  title: `Pick ${month} ${rank}`,
  url: `https://a.example/${month}/${rank}`,
  source,
  tags: ["Redis"],
});
// ByteByteGo in three spellings (one source), three issues; Medium once; a source with no Latin letters.
const DATA = {
  title: "Best of Distributed Systems",
  articles: [
    article("2025-03", 2, "ByteByteGo"),
    article("2025-03", 1, "Medium"),
    article("2025-04", 7, { name: "ByteByteGo", url: "https://bytebytego.com/" }),
    article("2025-04", 6, "bytebytego"),
    article("2025-04", 1, "分布式周刊"),
    article("2025-05", 3, " ByteByteGo "),
  ],
};
const ALL = {
  "all.njk": "---\npermalink: /all.txt\n---\n{% for p in collections.all | withDigestPages %}{{ p.url }}\n{% endfor %}",
};
const ABS = `${SITE_URL}/blog/digest`;

const build = (options: Record<string, unknown>) =>
  buildSite({
    data: DATA,
    options: { basePath: "/digest/", pageSize: 2, sitemap: true, ...options },
    pathPrefix: "/blog/",
    files: ALL,
  });

/** The article URLs of a page's cards, in order. */
const cardUrls = (html: string) =>
  [
    ...html.matchAll(/<h2 class="dg-title">(?:<a class="dg-rank[^"]*" href="[^"]*">[^<]*<\/a> )?<a href="([^"]*)">/g),
  ].map((m) => m[1]);

describe.each(["eleventy", "direct"] as const)(
  "source pages (pipeline %s, basePath /digest/, pathPrefix /blog/)",
  (pipeline) => {
    let site: BuildResult;
    let files: string[];
    beforeAll(async () => {
      site = await build({ pipeline, feed: { perSource: true } });
      files = await site.files();
    });
    afterAll(() => site?.cleanup());

    it("write the index and each source's pages, pageSize a page, never /page/1/", () => {
      expect(files.filter((file) => file.startsWith("digest/sources/") && file.endsWith(".html"))).toEqual([
        "digest/sources/bytebytego/index.html",
        "digest/sources/bytebytego/page/2/index.html",
        "digest/sources/index.html",
        "digest/sources/medium/index.html",
        "digest/sources/分布式周刊/index.html",
      ]);
    });

    it("list every source by name with its count, A–Z", async () => {
      const index = await site.read("digest/sources/index.html");
      expect(index).toContain("<h1>Sources</h1>");
      expect(index).toContain("3 sources, each with its number of picks");
      const listed = [...index.matchAll(/<li><a href="([^"]*)">([^<]*)<\/a> <small>(\d+)<\/small><\/li>/g)].map((m) => [
        m[1],
        m[2],
        m[3],
      ]);
      expect(listed).toEqual([
        ["/blog/digest/sources/bytebytego/", "ByteByteGo", "4"],
        ["/blog/digest/sources/medium/", "Medium", "1"],
        [`/blog/digest/sources/${encodeURI("分布式周刊")}/`, "分布式周刊", "1"],
      ]);
      expect(index).toMatch(/<h2 class="dg-initial" id="dg-s-B">B<\/h2>/);
      expect(index).toMatch(/<h2 class="dg-initial" id="dg-s-other">#<\/h2>/);
    });

    it("list a source's picks newest issue first, then rank, each saying where it was ranked", async () => {
      const first = await site.read("digest/sources/bytebytego/index.html");
      const second = await site.read("digest/sources/bytebytego/page/2/index.html");
      expect([...cardUrls(first), ...cardUrls(second)]).toEqual([
        "https://a.example/2025-05/3",
        "https://a.example/2025-04/6",
        "https://a.example/2025-04/7",
        "https://a.example/2025-03/2",
      ]);
      expect(first).toContain('<h1><span class="dg-muted">Source:</span> ByteByteGo</h1>');
      expect(first).toContain('<p class="dg-context"><a href="/blog/digest/2025/05/#rank-3">#3 in May 2025</a></p>');
      expect(second).toContain('<p class="dg-context"><a href="/blog/digest/2025/03/#rank-2">#2 in March 2025</a></p>');
      expect(first).toContain('href="/blog/digest/sources/bytebytego/page/2/"');
      expect(first).toContain(
        `<link rel="alternate" type="application/rss+xml" title="Best of Distributed Systems · ByteByteGo" href="${ABS}/sources/bytebytego/feed.xml">`,
      );
    });

    it("link each card's source to its source page, and the footer to the index", async () => {
      const april = await site.read("digest/2025/04/index.html");
      expect(april).toContain('<a class="dg-source-name" href="/blog/digest/sources/bytebytego/">bytebytego</a>');
      expect(april).toContain(
        `<a class="dg-source-name" href="/blog/digest/sources/${encodeURI("分布式周刊")}/">分布式周刊</a>`,
      );
      expect(april).not.toContain('href="https://bytebytego.com/"');
      expect(april).toContain('<a href="/blog/digest/sources/">All sources</a></footer>');
      // Feeds keep linking the source's own site.
      expect(await site.read("digest/feed.xml")).toContain("https://bytebytego.com/");
    });

    it("write valid feeds per source, listed on the subscribe page and in feeds.opml", async () => {
      for (const file of ["feed.xml", "atom.xml"]) {
        const feed = await site.read(`digest/sources/bytebytego/${file}`);
        expect(feed).toContain("Pick 2025-03 2");
        expect(checkFeed(feed, { location: `${ABS}/sources/bytebytego/${file}` }), file).toEqual({
          errors: [],
          warnings: [],
        });
      }
      const schema = JSON.parse(
        await readFile(new URL("../feeds/json-feed-1.1.schema.json", import.meta.url), "utf8"),
      ) as object;
      const json = JSON.parse(await site.read("digest/sources/bytebytego/feed.json")) as {
        feed_url: string;
        home_page_url: string;
        items: { url: string }[];
      };
      expect(new Ajv({ strict: true, strictRequired: false }).validate(schema, json)).toBe(true);
      expect([json.feed_url, json.home_page_url]).toEqual([
        `${ABS}/sources/bytebytego/feed.json`,
        `${ABS}/sources/bytebytego/`,
      ]);
      expect(json.items.map((item) => item.url)).toEqual([
        "https://a.example/2025-05/3",
        "https://a.example/2025-04/6",
        "https://a.example/2025-04/7",
        "https://a.example/2025-03/2",
      ]);
      const subscribe = await site.read("digest/subscribe/index.html");
      expect(subscribe).toContain('<h2 id="dg-source-feeds">Feeds by source</h2>');
      expect(subscribe).toContain(`<pre class="dg-url" tabindex="0">${ABS}/sources/medium/atom.xml</pre>`);
      const opml = await site.read("digest/feeds.opml");
      expect(opml).toContain('text="Feeds by source"');
      expect(opml).toContain(`xmlUrl="${ABS}/sources/bytebytego/feed.xml"`);
    });

    it("put the source pages in the sitemap and in a host list through withDigestPages", async () => {
      const sitemap = await site.read("digest/sitemap.xml");
      for (const path of ["sources/", "sources/bytebytego/", "sources/bytebytego/page/2/", "sources/medium/"])
        expect(sitemap).toContain(`<loc>${ABS}/${path}</loc>`);
      const all = await site.read("all.txt");
      for (const path of ["/digest/sources/", "/digest/sources/bytebytego/page/2/"]) expect(all).toContain(path);
    });
  },
);

describe("source pages, more", () => {
  it("write the same pages in both pipelines, and no source feeds by default", async () => {
    const [eleventy, direct] = await Promise.all([build({ pipeline: "eleventy" }), build({ pipeline: "direct" })]);
    try {
      const [a, b] = await Promise.all([eleventy.tree(), direct.tree()]);
      const sources = (tree: Map<string, string>) => [...tree].filter(([file]) => file.startsWith("digest/sources/"));
      expect(
        sources(a)
          .map(([file]) => file)
          .every((file) => file.endsWith(".html")),
      ).toBe(true);
      expect(sources(b)).toEqual(sources(a));
      expect(a.get("digest/subscribe/index.html")).not.toContain("Feeds by source");
      expect(a.get("digest/feeds.opml")).not.toContain("sources/");
    } finally {
      await Promise.all([eleventy.cleanup(), direct.cleanup()]);
    }
  });

  it("wrap source pages in a host layout, by kind, whose digestFeedLinks names the source's feeds", async () => {
    const site = await buildSite({
      data: DATA,
      options: {
        layouts: { source: "host.njk", sourceIndex: "host.njk" },
        feed: { perSource: true, formats: ["rss"] },
      },
      files: {
        "_includes/host.njk":
          '<!doctype html><html lang="en"><head><title>{{ title }}</title>{% digestFeedLinks %}</head><body><p id="host">host</p>{{ content | safe }}</body></html>',
      },
    });
    try {
      expect(await site.read("sources/index.html")).toContain('<p id="host">host</p>');
      const page = await site.read("sources/bytebytego/index.html");
      expect(page).toContain('<p id="host">host</p>');
      expect(page).toContain(`href="${SITE_URL}/sources/bytebytego/feed.xml"`);
      expect(await site.read("sources/index.html")).not.toContain("sources/bytebytego/feed.xml");
      expect(await site.read("tags/index.html")).not.toContain('<p id="host">host</p>');
    } finally {
      await site.cleanup();
    }
  });
});
