// The feeds of a 250-article digest, built by real Eleventy: which files exist, that each is
// well-formed, passes the W3C Feed Validation Service's rules, is valid JSON Feed 1.1, reads back
// through a real feed parser, and shows a reader what the issue promises.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Ajv } from "ajv";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { tagKey, tagSlug } from "../../plugin/data/slug.js";
import { buildInMemory, readUrl, SITE_URL, type RenderedSite } from "../helpers/build/index.js";
import { makeDigest } from "./digest.js";
import { checkFeed, describe as describeProblems, type FeedProblem } from "./w3c-feed-rules.js";
import { openXmlParser, type ParseResult, type XmlParser } from "./xml-parser.js";

// Real Eleventy builds and a real browser: generous limits for a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const data = makeDigest(250);
let site: RenderedSite;
let xml: XmlParser;

beforeAll(async () => {
  [site, xml] = await Promise.all([buildInMemory({ globalData: data }), openXmlParser()]);
});
afterAll(async () => {
  await xml?.close();
});

const slugs = [
  ...new Map(data.articles.flatMap((a) => a.tags ?? []).map((name) => [tagKey(name), tagSlug(name)])).values(),
].sort();
const feedUrls = () =>
  [...site.keys()].filter((url) => /\.(xml|json)$/.test(url) && !url.endsWith("/sitemap.xml")).sort();
const xmlFeeds = () => feedUrls().filter((url) => url.endsWith(".xml"));
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("a 250-article digest's feeds", () => {
  it("are RSS, Atom and JSON Feed for the site (per pick, and per issue beside it) and for every tag", () => {
    expect(slugs.length).toBe(18);
    const expected = [
      "/atom.xml",
      "/feed.json",
      "/feed.xml",
      "/issues/atom.xml",
      "/issues/feed.json",
      "/issues/feed.xml",
      ...slugs.flatMap((slug) => [`/tags/${slug}/atom.xml`, `/tags/${slug}/feed.json`, `/tags/${slug}/feed.xml`]),
    ].sort();
    expect(feedUrls()).toEqual(expected);
  });

  let parsed: Map<string, ParseResult>;
  it("are well-formed XML 1.0 by a strict parser", async () => {
    const urls = xmlFeeds();
    const results = await xml.parse(urls.map((url) => readUrl(site, url)));
    parsed = new Map(urls.map((url, i) => [url, results[i]!]));
    expect(results.flatMap((result, i) => ("error" in result ? [`${urls[i]}: ${result.error}`] : []))).toEqual([]);
    expect(urls.length).toBe(2 + 2 + 2 * slugs.length);
  });

  it("pass the W3C Feed Validation Service's rules: feed.xml, atom.xml, the issue feed's and every tag's feeds, 0 errors, 0 warnings", () => {
    const errors: string[] = [];
    const warnings: string[] = [];
    const label = (url: string, problems: FeedProblem[]) => describeProblems(problems).map((line) => `${url}: ${line}`);
    for (const url of xmlFeeds()) {
      const result = parsed.get(url);
      if (!result || "error" in result) throw new Error(`${url} did not parse`);
      const report = checkFeed(result.root, { location: `${SITE_URL}${url}` });
      errors.push(...label(url, report.errors));
      warnings.push(...label(url, report.warnings));
    }
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("feed.json, issues/feed.json and every tag's feed.json are valid JSON Feed 1.1", async () => {
    const schema = JSON.parse(
      await readFile(new URL("./json-feed-1.1.schema.json", import.meta.url), "utf8"),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
    const failures: string[] = [];
    const urls = feedUrls().filter((url) => url.endsWith(".json"));
    for (const url of urls) {
      if (!validate(JSON.parse(readUrl(site, url)))) failures.push(`${url}: ${JSON.stringify(validate.errors)}`);
    }
    expect(failures).toEqual([]);
    expect(urls.length).toBe(1 + 1 + slugs.length);
  });

  it("read back through a feed parser with each format's required fields and date formats", () => {
    const rss = parseRssFeed(readUrl(site, "/feed.xml"));
    expect(rss.title).toBe("Best of Distributed Systems");
    expect(rss.link).toBe(`${SITE_URL}/`);
    expect(rss.description).toBe("Ranked monthly reading.");
    expect(rss.atom?.links?.find((link) => link.rel === "self")?.href).toBe(`${SITE_URL}/feed.xml`);
    expect(rss.lastBuildDate).toMatch(RFC822);
    expect(rss.items).toHaveLength(50);
    for (const item of rss.items ?? []) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https:\/\//);
      expect(item.guid?.value).toBeTruthy();
      expect(item.pubDate).toMatch(RFC822);
    }

    const atom = parseAtomFeed(readUrl(site, "/atom.xml"));
    expect(atom.id).toBe(`${SITE_URL}/`);
    expect(atom.title?.value).toBe("Best of Distributed Systems");
    expect(atom.updated).toMatch(RFC3339);
    expect(atom.authors?.[0]?.name).toBe("Best of Distributed Systems");
    expect(atom.links?.map((link) => `${link.rel} ${link.href}`).sort()).toEqual([
      `alternate ${SITE_URL}/`,
      `self ${SITE_URL}/atom.xml`,
    ]);
    expect(atom.entries).toHaveLength(50);
    for (const entry of atom.entries ?? []) {
      expect(entry.id).toMatch(/^(https:\/\/|urn:uuid:)/);
      expect(entry.title?.value).toBeTruthy();
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.published).toMatch(RFC3339);
      expect(entry.links?.[0]?.rel).toBe("alternate");
    }

    const raw = JSON.parse(readUrl(site, "/feed.json")) as { version: string };
    expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
    const json = parseJsonFeed(raw);
    expect(json.title).toBe("Best of Distributed Systems");
    expect(json.home_page_url).toBe(`${SITE_URL}/`);
    expect(json.feed_url).toBe(`${SITE_URL}/feed.json`);
    expect(json.items).toHaveLength(50);
    for (const item of json.items ?? []) {
      expect(item.id).toBeTruthy();
      expect(item.url).toMatch(/^https:\/\//);
      expect(item.title).toBeTruthy();
      expect(item.content_html).toBeTruthy();
      expect(item.date_published).toMatch(RFC3339);
      expect(item.tags?.length).toBeGreaterThan(0);
    }
  });

  it("carry the newest 50 articles, newest issue first then rank, dated by their issue, never the clock", () => {
    const newestFirst = [...data.articles]
      .sort((a, b) => (a.month === b.month ? a.rank - b.rank : a.month < b.month ? 1 : -1))
      .slice(0, 50);
    const json = JSON.parse(readUrl(site, "/feed.json")) as {
      items: { url: string; date_published: string; _digest: { rank: number; month: string } }[];
    };
    expect(json.items.map((item) => `${item._digest.month}#${item._digest.rank}`)).toEqual(
      newestFirst.map((a) => `${a.month}#${a.rank}`),
    );
    // The newest issue is 2025-09 (250 = 20 × 12 + 10): every pick dated the first of the next month
    // (the date, never a second per rank that puts #2 on the day before), listed in rank order.
    expect(json.items.slice(0, 10).map((item) => item.date_published)).toEqual(Array(10).fill("2025-10-01T00:00:00Z"));
    expect(parseRssFeed(readUrl(site, "/feed.xml")).lastBuildDate).toBe("Wed, 01 Oct 2025 00:00:00 GMT");
    expect(parseAtomFeed(readUrl(site, "/atom.xml")).updated).toBe("2025-10-01T00:00:00Z");
    // A tag feed is dated by its own newest article's issue: the first of the month after it.
    for (const slug of slugs) {
      const tagJson = JSON.parse(readUrl(site, `/tags/${slug}/feed.json`)) as {
        items: { _digest: { month: string } }[];
      };
      const [year, month] = tagJson.items[0]!._digest.month.split("-").map(Number) as [number, number];
      const expected = new Date(Date.UTC(year, month, 1)).toISOString().replace(".000Z", "Z");
      expect(parseAtomFeed(readUrl(site, `/tags/${slug}/atom.xml`)).updated, slug).toBe(expected);
    }
  });

  it("show a reader rank and month, source, type, summary, and links to the article and its issue page", () => {
    const rss = parseRssFeed(readUrl(site, "/feed.xml"));
    // Article 243 (index 242) is 2025-09's rank 3: an article, from a source without a URL.
    const third = rss.items?.find((item) => item.title === "Article 243: distributed systems, part 3");
    expect(third?.description).toContain(`<a href="${SITE_URL}/2025/09/">#3 in September 2025</a>`);
    // Only a video says its type: an "Article" badge on almost every item says nothing.
    expect(third?.description).toContain("</a> · Tech World With Milan</p>");
    expect(third?.description).not.toContain("<strong>Article</strong>");
    expect(third?.description).toContain(
      '<p>What <strong>article 243</strong> covers, in our words, with <a href="https://example.org/242" rel="nofollow noopener">a link</a> and <code>code</code>.</p>',
    );
    // The item's own title and link lead to the article: the body does not end by repeating them.
    expect(third?.description).not.toContain(`>Article 243: distributed systems, part 3</a>`);
    expect(third?.dc?.creators).toEqual(["Tech World With Milan"]);
    // A linked source links to it.
    expect(rss.items?.find((item) => item.title === "Article 242: distributed systems, part 2")?.description).toContain(
      '<a href="https://netflixtechblog.com/">Netflix TechBlog</a>',
    );
    expect(third?.categories?.map((c) => c.name)).toEqual(data.articles[242]!.tags);

    const video = rss.items?.find((item) => item.title === "Article 244: distributed systems, part 4");
    expect(data.articles[243]!.type).toBe("video");
    expect(video?.description).toContain("<strong>Video</strong>");
    expect(
      JSON.stringify(
        JSON.parse(readUrl(site, "/feed.json")).items.find((i: { title: string }) => i.title === video?.title)._digest,
      ),
    ).toContain('"type":"video"');

    // Every 3rd article has an image: a Media RSS thumbnail in RSS and Atom, `image` in JSON Feed.
    const withImage = rss.items?.find((item) => item.title === "Article 241: distributed systems, part 1");
    expect(withImage?.media?.thumbnails?.[0]?.url).toBe("https://img.example.net/241.jpg");
    expect(readUrl(site, "/atom.xml")).toContain('<media:thumbnail url="https://img.example.net/241.jpg"/>');
    const jsonItem = (
      JSON.parse(readUrl(site, "/feed.json")) as { items: { title: string; image?: string }[] }
    ).items.find((i) => i.title === withImage?.title);
    expect(jsonItem?.image).toBe("https://img.example.net/241.jpg");
    expect(rss.items?.find((item) => item.title === "Article 243: distributed systems, part 3")?.media).toBeUndefined();
  });

  it("are linked from every page for autodiscovery, and tag pages link their own tag's feeds", () => {
    const siteLinks = [
      `<link rel="alternate" type="application/rss+xml" title="Best of Distributed Systems" href="${SITE_URL}/feed.xml">`,
      `<link rel="alternate" type="application/atom+xml" title="Best of Distributed Systems (Atom)" href="${SITE_URL}/atom.xml">`,
      `<link rel="alternate" type="application/feed+json" title="Best of Distributed Systems (JSON Feed)" href="${SITE_URL}/feed.json">`,
    ];
    const pages = [...site.keys()].filter((url) => url.endsWith("/"));
    expect(pages.length).toBeGreaterThan(60);
    for (const url of pages) {
      const html = readUrl(site, url);
      for (const link of siteLinks) expect(html, url).toContain(link);
      const tag = /^\/tags\/([^/]+)\//.exec(url)?.[1];
      const tagLinks = html.match(/<link rel="alternate"[^>]*href="[^"]*\/tags\/[^"]*"/g) ?? [];
      if (tag === undefined) expect(tagLinks, url).toEqual([]);
      else {
        expect(
          tagLinks.map((link) => link.replace(/.*href="/, "").replace(/"$/, "")),
          url,
        ).toEqual([
          `${SITE_URL}/tags/${tag}/feed.xml`,
          `${SITE_URL}/tags/${tag}/atom.xml`,
          `${SITE_URL}/tags/${tag}/feed.json`,
        ]);
        expect(html, url).toContain(
          `<a class="dg-feed" href="/tags/${tag}/feed.xml" type="application/rss+xml">Feed for this tag</a>`,
        );
      }
    }
  });
});
