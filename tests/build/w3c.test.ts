import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build/index.js";
import { syntheticDigest } from "../helpers/synthetic.js";
import { checkRssFeed, isRfc822, rssItems } from "./w3c-rules.js";

const FEED_URL = "https://digest.example.com/feed.xml";

describe("the RSS feed of a 250-article digest follows the W3C Feed Validation Service's rules", () => {
  const data = syntheticDigest([100, 100, 50], "2024-11");
  let site: BuildResult;
  let xml: string;
  beforeAll(async () => {
    site = await buildSite({ data, options: { title: "Synthetic & <Co>" } });
    xml = await site.read("feed.xml");
  });
  afterAll(() => site?.cleanup());

  it("passes every offline rule", () => {
    expect(checkRssFeed(xml, { feedUrl: FEED_URL, plainTitles: true })).toEqual([]);
  });

  it("item titles decode to the data's titles, with no markup and no double escaping", () => {
    const byUrl = new Map(data.articles.map((a) => [a.url, a.title]));
    const items = rssItems(xml);
    expect(items).toHaveLength(50);
    expect(items.some((i) => i.title!.includes("&"))).toBe(true); // the data has titles that need escaping
    for (const item of items) expect(item.title).toBe(byUrl.get(item.link!));
  });

  it("guids are the article urls, stable under re-ranking", async () => {
    const reranked = {
      ...data,
      articles: data.articles.map((a) => (a.month === "2025-01" ? { ...a, rank: 51 - a.rank } : a)),
    };
    const other = await buildSite({ data: reranked, options: { pageSize: 7 } });
    try {
      const before = new Set(rssItems(xml).map((i) => i.guid));
      const after = rssItems(await other.read("feed.xml")).map((i) => i.guid);
      expect(after).toHaveLength(50);
      expect(new Set(after)).toEqual(before);
      expect(after[0]).toBe(data.articles.find((a) => a.month === "2025-01" && a.rank === 50)!.url);
    } finally {
      await other.cleanup();
    }
  });

  it("the issue feed beside it (issues/feed.xml: one item a month, the whole issue) passes the same rules", async () => {
    const feed = await site.read("issues/feed.xml");
    expect(checkRssFeed(feed, { feedUrl: "https://digest.example.com/issues/feed.xml", plainTitles: true })).toEqual(
      [],
    );
    expect(rssItems(feed).map((item) => item.link)).toEqual(
      ["2025/01/", "2024/12/", "2024/11/"].map((path) => `https://digest.example.com/${path}`),
    );
  });

  // Atom and JSON Feed are checked in tests/feeds/; here, the per-tag RSS feeds against the same rules.
  it("tag feeds (tags/SLUG/feed.xml) pass the same rules", async () => {
    const tagFeeds = (await site.files()).filter((file) => /^tags\/[^/]+\/feed\.xml$/.test(file));
    expect(tagFeeds.length).toBeGreaterThan(5);
    for (const file of tagFeeds) {
      const feed = await site.read(file);
      expect(
        checkRssFeed(feed, { feedUrl: `https://digest.example.com/${encodeURI(file)}`, plainTitles: true }),
        file,
      ).toEqual([]);
      expect(rssItems(feed).length, file).toBeGreaterThan(0);
    }
  });
});

describe("the rule checker itself catches broken feeds", () => {
  let good: string;
  let site: BuildResult;
  beforeAll(async () => {
    site = await buildSite({ data: syntheticDigest([3], "2025-04") });
    good = await site.read("feed.xml");
  });
  afterAll(() => site?.cleanup());

  const mutate = (pattern: string | RegExp, replacement: string) => {
    const bad = good.replace(pattern, replacement);
    expect(bad, "the mutation changed the feed").not.toBe(good);
    return checkRssFeed(bad, { feedUrl: FEED_URL, plainTitles: true });
  };

  it("accepts the unmutated feed", () => {
    expect(checkRssFeed(good, { feedUrl: FEED_URL, plainTitles: true })).toEqual([]);
  });

  it.each([
    ["malformed XML", "</channel>", "", /not well-formed XML/],
    ["no channel title", /<title>[^<]*<\/title>/, "", /channel is missing <title>/],
    ["no channel description", /<description>[^<]*<\/description>/, "", /channel is missing <description>/],
    [
      "a relative channel link",
      "<link>https://digest.example.com/</link>",
      "<link>/</link>",
      /channel <link> is not an absolute/,
    ],
    ["no atom:link rel=self", /<atom:link [^>]*\/>/, "", /expected one atom:link rel="self", found 0/],
    [
      "a self link pointing elsewhere",
      'href="https://digest.example.com/feed.xml"',
      'href="https://digest.example.com/rss.xml"',
      /atom:link rel="self" href is/,
    ],
    ["a relative item link", /<link>https:\/\/example\.org\//, "<link>/", /item 1: <link> is not an absolute/],
    [
      "an ISO pubDate",
      /<pubDate>[^<]*<\/pubDate>/,
      "<pubDate>2025-05-01T00:00:00Z</pubDate>",
      /item 1: <pubDate> is not an RFC 822 date/,
    ],
    ["a wrong weekday", /<lastBuildDate>\w{3},/, "<lastBuildDate>Mon,", /<lastBuildDate> is not an RFC 822 date/],
    ["a missing guid", /<guid[^>]*>[^<]*<\/guid>/, "", /item 1: missing <guid>/],
    [
      "a permalink guid that is no URL",
      /<guid isPermaLink="true">[^<]*<\/guid>/,
      '<guid isPermaLink="true">post-1</guid>',
      /guid is a permalink but not an absolute URL/,
    ],
    [
      "a guid without isPermaLink that is no URL",
      /<guid isPermaLink="true">[^<]*<\/guid>/,
      "<guid>post-1</guid>",
      /guid is a permalink but not an absolute URL/,
    ],
    [
      "markup in a title",
      /<title>Synthetic article/,
      "<title>&lt;b&gt;Synthetic&lt;/b&gt; article",
      /item 1: title contains HTML markup/,
    ],
    ["a control character", "<title>Synthetic article", "<title>&#x1;Synthetic article", /forbids|not well-formed/],
    [
      "a relative link in a description",
      '&lt;a href="https://digest.example.com/2025/04/"',
      '&lt;a href="/2025/04/"',
      /description links to a relative/,
    ],
  ])("reports %s", (_label, pattern, replacement, expected) => {
    const problems = mutate(pattern, replacement);
    expect(problems.join("\n")).toMatch(expected);
  });

  it("reports a repeated guid", () => {
    const guids = [...good.matchAll(/<guid isPermaLink="true">([^<]*)<\/guid>/g)].map((m) => m[1]!);
    expect(guids.length).toBeGreaterThan(1);
    const second = `<guid isPermaLink="true">${guids[1]}</guid>`;
    expect(mutate(second, `<guid isPermaLink="true">${guids[0]}</guid>`).join("\n")).toMatch(
      /item 2: guid .* repeats item 1/,
    );
  });

  it("knows RFC 822 dates", () => {
    expect(isRfc822("Sun, 01 Jun 2025 00:00:00 GMT")).toBe(true);
    expect(isRfc822("01 Jun 2025 00:00:00 +0200")).toBe(true);
    expect(isRfc822("Mon, 01 Jun 2025 00:00:00 GMT")).toBe(false); // 1 June 2025 is a Sunday
    expect(isRfc822("Sun, 31 Feb 2025 00:00:00 GMT")).toBe(false);
    expect(isRfc822("2025-06-01T00:00:00Z")).toBe(false);
    expect(isRfc822("Sun, 01 Jun 25 00:00:00 GMT")).toBe(false);
  });
});
