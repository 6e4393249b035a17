// The feed options through a real build, under a basePath and Eleventy's pathPrefix: formats,
// per-tag feeds off, title and description overrides, and issue mode (one item per monthly issue).
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Ajv } from "ajv";
import { issueIdentity } from "../../plugin/feeds/identity.js";
import { buildInMemory, readUrl, SITE_URL, type RenderedSite } from "../helpers/build/index.js";
import { makeDigest, renderFeeds } from "./digest.js";
import { checkFeed } from "./w3c-feed-rules.js";
import { childElements, openXmlParser, type XmlElement, type XmlParser } from "./xml-parser.js";
import { toMonthKey } from "../../plugin/data/schema.js";

// Real Eleventy builds and a real browser: generous limits for a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

// 40 articles, 9 a month: 2024-01 … 2024-04 full, 2024-05 with 4.
const data = makeDigest(40, 9);
const BASE = `${SITE_URL}/blog/digest`;
let site: RenderedSite;
let parser: XmlParser;
let atom: XmlElement;

beforeAll(async () => {
  [site, parser] = await Promise.all([
    buildInMemory({
      globalData: data,
      options: {
        basePath: "/digest/",
        feed: {
          items: "issues",
          limit: 3,
          formats: ["atom", "json"],
          perTag: false,
          title: "Digest Weekly",
          description: "Every issue, ranked.",
        },
      },
      pathPrefix: "/blog/",
    }),
    openXmlParser(),
  ]);
  const [result] = await parser.parse([readUrl(site, "/digest/atom.xml")]);
  if (!result || "error" in result) throw new Error(`atom.xml: ${result?.error}`);
  atom = result.root;
});
afterAll(async () => {
  await parser?.close();
});

const text = (el: XmlElement | undefined) => el?.textContent ?? "";
/** The part of an issue's email.html that its feed item carries. */
const emailPart = (email: string) => /<!--digest:issue-->([\s\S]*)<!--\/digest:issue-->/.exec(email)?.[1];

describe("feed options", () => {
  it("write only the chosen formats, and no tag feeds with perTag off (the pick feed beside the issue feed, in those formats)", () => {
    expect([...site.keys()].filter((url) => /\.(xml|json)$/.test(url)).sort()).toEqual([
      "/digest/atom.xml",
      "/digest/feed.json",
      "/digest/picks/atom.xml",
      "/digest/picks/feed.json",
    ]);
  });

  it("beside issue-mode site feeds, write the pick feed at picks/: the newest feed.limit articles, titled by what it brings, W3C-valid", async () => {
    const [result] = await parser.parse([readUrl(site, "/digest/picks/atom.xml")]);
    if (!result || "error" in result) throw new Error(`picks/atom.xml: ${result?.error}`);
    const picks = result.root;
    expect(checkFeed(picks, { location: `${BASE}/picks/atom.xml` })).toEqual({ errors: [], warnings: [] });
    expect(text(childElements(picks, "title")[0])).toBe("Digest Weekly · Every pick");
    expect(text(childElements(picks, "subtitle")[0])).toBe("Every pick as it is ranked, one item each.");
    const newest = data.articles
      .filter((a) => a.month === "2024-05")
      .sort((a, b) => a.rank - b.rank)
      .slice(0, 3);
    expect(childElements(picks, "entry").map((entry) => text(childElements(entry, "title")[0]))).toEqual(
      newest.map((a) => a.title),
    );
    const json = JSON.parse(readUrl(site, "/digest/picks/feed.json")) as { title: string; feed_url: string };
    expect([json.title, json.feed_url]).toEqual(["Digest Weekly · Every pick", `${BASE}/picks/feed.json`]);
  });

  it("give the feeds their title and description, and absolute URLs under pathPrefix and basePath", () => {
    expect(text(childElements(atom, "title")[0])).toBe("Digest Weekly");
    expect(text(childElements(atom, "subtitle")[0])).toBe("Every issue, ranked.");
    expect(
      childElements(atom, "link").map((link) => `${link.getAttribute("rel")} ${link.getAttribute("href")}`),
    ).toEqual([`self ${BASE}/atom.xml`, `alternate ${BASE}/`]);
    const json = JSON.parse(readUrl(site, "/digest/feed.json")) as {
      title: string;
      description: string;
      feed_url: string;
      home_page_url: string;
    };
    expect([json.title, json.description, json.feed_url, json.home_page_url]).toEqual([
      "Digest Weekly",
      "Every issue, ranked.",
      `${BASE}/feed.json`,
      `${BASE}/`,
    ]);
    expect(checkFeed(atom, { location: `${BASE}/atom.xml` })).toEqual({ errors: [], warnings: [] });
  });

  it("in issue mode, make each item one monthly issue with its ranked list, newest first, limited to feed.limit", async () => {
    const entries = childElements(atom, "entry");
    expect(entries.map((entry) => text(childElements(entry, "title")[0]))).toEqual([
      "Issue 2024-05",
      "Issue 2024-04",
      "Issue 2024-03",
    ]);
    expect(entries.map((entry) => childElements(entry, "link")[0]!.getAttribute("href"))).toEqual([
      `${BASE}/2024/05/`,
      `${BASE}/2024/04/`,
      `${BASE}/2024/03/`,
    ]);
    expect(entries.map((entry) => text(childElements(entry, "id")[0]))).toEqual(
      ["2024-05", "2024-04", "2024-03"].map((month) => issueIdentity(SITE_URL, toMonthKey(month)).atomId),
    );
    expect(text(childElements(entries[0]!, "updated")[0])).toBe("2024-06-01T00:00:00Z");
    expect(text(childElements(atom, "updated")[0])).toBe("2024-06-01T00:00:00Z");

    // The content is the issue's email (render/email.ts): the month linked, the intro, every pick.
    const may = text(childElements(entries[0]!, "content")[0]);
    expect(may).toContain(`<a href="${BASE}/2024/05/" style="color:#666">May 2024</a> · 4 articles</p>`);
    expect(may).toContain(
      '<p style="margin:0 0 8px">Picks for <strong>2024-05</strong>, see <a style="color:#0b57d0" href="https://example.org/archive" rel="nofollow noopener">the archive</a>.</p>',
    );
    expect(may).toBe(emailPart(readUrl(site, "/digest/2024/05/email.html")));
    const listed = [
      ...may.matchAll(
        /<b style="[^"]*">#(\d+)<\/b> · [^\n]*?( · Video)?<\/p><h2[^>]*><a href="[^"]+"[^>]*>([^<]+)<\/a>/g,
      ),
    ].map((m) => [Number(m[1]), m[3], m[2] ? "Video" : "Article"]);
    const mayArticles = data.articles.filter((a) => a.month === "2024-05").sort((a, b) => a.rank - b.rank);
    expect(listed).toEqual(mayArticles.map((a) => [a.rank, a.title, a.type === "video" ? "Video" : "Article"]));

    const schema = JSON.parse(
      await readFile(new URL("./json-feed-1.1.schema.json", import.meta.url), "utf8"),
    ) as object;
    const json = JSON.parse(readUrl(site, "/digest/feed.json")) as {
      items: { id: string; _digest: { month: string; articles: number } }[];
    };
    expect(new Ajv({ strict: true, strictRequired: false }).validate(schema, json)).toBe(true);
    expect(json.items.map((item) => [item.id, item._digest.month, item._digest.articles])).toEqual([
      [issueIdentity(SITE_URL, toMonthKey("2024-05")).guid, "2024-05", 4],
      [issueIdentity(SITE_URL, toMonthKey("2024-04")).guid, "2024-04", 9],
      [issueIdentity(SITE_URL, toMonthKey("2024-03")).guid, "2024-03", 9],
    ]);
  });

  it("link only the chosen feeds from every page, and no tag feeds; the home page the pick feed too", () => {
    const pages = [...site.keys()].filter((url) => url.endsWith("/"));
    expect(pages.length).toBeGreaterThan(20);
    for (const url of pages) {
      const html = readUrl(site, url);
      expect((html.match(/<link rel="alternate"[^>]*>/g) ?? []).join("\n"), url).toBe(
        [
          `<link rel="alternate" type="application/atom+xml" title="Digest Weekly (Atom)" href="${BASE}/atom.xml">`,
          `<link rel="alternate" type="application/feed+json" title="Digest Weekly (JSON Feed)" href="${BASE}/feed.json">`,
          ...(url === "/digest/"
            ? [
                `<link rel="alternate" type="application/atom+xml" title="Digest Weekly · Every pick (Atom)" href="${BASE}/picks/atom.xml">`,
                `<link rel="alternate" type="application/feed+json" title="Digest Weekly · Every pick (JSON Feed)" href="${BASE}/picks/feed.json">`,
              ]
            : []),
        ].join("\n"),
      );
      expect(html, url).not.toContain('class="dg-feed"');
      expect(html, url).toContain(
        '<footer class="dg-foot"><a href="/blog/digest/atom.xml" type="application/atom+xml">Atom</a><a href="/blog/digest/feed.json" type="application/feed+json">JSON Feed</a><a href="/blog/digest/tags/">All tags</a><a href="/blog/digest/sources/">All sources</a></footer>',
      );
    }
  });
});

describe("issue mode in RSS", () => {
  const feeds = renderFeeds(data, { feed: { items: "issues" } });

  it("passes the W3C rules, with one non-permalink guid per issue", () => {
    const rss = feeds.get("/feed.xml")!;
    expect(checkFeed(rss, { location: `${SITE_URL}/feed.xml` })).toEqual({ errors: [], warnings: [] });
    expect([...rss.matchAll(/<guid isPermaLink="false">([^<]+)<\/guid>/g)].map((m) => m[1])).toEqual(
      ["2024-05", "2024-04", "2024-03", "2024-02", "2024-01"].map(
        (month) => issueIdentity(SITE_URL, toMonthKey(month)).guid,
      ),
    );
  });

  it("keeps tag feeds as feeds of articles", () => {
    const tagFeed = feeds.get("/tags/databases/feed.xml")!;
    const databases = data.articles.filter((a) => a.tags?.includes("Databases"));
    expect(databases.length).toBeGreaterThan(0);
    expect([...tagFeed.matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map((m) => m[1]).sort()).toEqual(
      databases.map((a) => a.title).sort(),
    );
  });
});

describe("the companion feed", () => {
  it("beside per-pick site feeds is the issue feed at issues/, in every format, W3C-valid, one item per issue", () => {
    const feeds = renderFeeds(data);
    const rss = feeds.get("/issues/feed.xml")!;
    expect(checkFeed(rss, { location: `${SITE_URL}/issues/feed.xml` })).toEqual({ errors: [], warnings: [] });
    expect(checkFeed(feeds.get("/issues/atom.xml")!, { location: `${SITE_URL}/issues/atom.xml` })).toEqual({
      errors: [],
      warnings: [],
    });
    expect(rss).toContain("<title>Best of Distributed Systems · One item a month</title>");
    expect([...rss.matchAll(/<guid isPermaLink="false">([^<]+)<\/guid>/g)].map((m) => m[1])).toEqual(
      ["2024-05", "2024-04", "2024-03", "2024-02", "2024-01"].map(
        (month) => issueIdentity(SITE_URL, toMonthKey(month)).guid,
      ),
    );
    const json = JSON.parse(feeds.get("/issues/feed.json")!) as { feed_url: string; items: unknown[] };
    expect([json.feed_url, json.items.length]).toEqual([`${SITE_URL}/issues/feed.json`, 5]);
    // Its items are the issue-mode site feed's, byte for byte: one item, whichever URL carries it.
    const issueMode = renderFeeds(data, { feed: { items: "issues" } }).get("/feed.xml")!;
    const items = (feed: string) => feed.slice(feed.indexOf("<item>"));
    expect(items(rss)).toBe(items(issueMode));
  });

  it("is not written with feed.companion: false, nor listed in the OPML file", () => {
    const feeds = renderFeeds(data, { feed: { companion: false } });
    expect([...feeds.keys()].filter((path) => /^\/(issues|picks)\//.test(path))).toEqual([]);
    expect(feeds.get("/feeds.opml")).not.toContain("issues/");
    expect(renderFeeds(data).get("/feeds.opml")).toContain('xmlUrl="https://digest.example.com/issues/feed.xml"');
  });
});

describe("feed.hub (WebSub)", () => {
  const HUB = "https://pubsubhubbub.appspot.com/";
  const feeds = renderFeeds(data, { feed: { hub: HUB } });
  const urls = [...feeds.keys()].filter((path) => !path.endsWith(".opml"));

  it("names the hub in every RSS channel and Atom feed, site (and issue) and tag feeds, and they still pass the W3C rules", () => {
    const xml = urls.filter((path) => path.endsWith(".xml"));
    expect(xml.length).toBe(2 + 2 + 2 * 18);
    for (const path of xml) {
      const feed = feeds.get(path)!;
      expect(feed, path).toContain(
        path.endsWith("atom.xml") ? `<link rel="hub" href="${HUB}"/>` : `<atom:link href="${HUB}" rel="hub"/>`,
      );
      expect(feed.split('rel="hub"').length, path).toBe(2);
      expect(checkFeed(feed, { location: `${SITE_URL}${path}` }), path).toEqual({ errors: [], warnings: [] });
    }
  });

  it("lists the hub in every JSON Feed's hubs, valid JSON Feed 1.1", async () => {
    const schema = JSON.parse(
      await readFile(new URL("./json-feed-1.1.schema.json", import.meta.url), "utf8"),
    ) as object;
    const validate = new Ajv({ strict: true, strictRequired: false }).compile(schema);
    const json = urls.filter((path) => path.endsWith(".json"));
    expect(json.length).toBe(1 + 1 + 18);
    for (const path of json) {
      const feed = JSON.parse(feeds.get(path)!) as { hubs?: unknown };
      expect(feed.hubs, path).toEqual([{ type: "WebSub", url: HUB }]);
      expect(validate(feed), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("is absent by default, and must be an absolute http(s) URL", () => {
    const plain = renderFeeds(data);
    for (const [path, feed] of plain) expect(feed, path).not.toMatch(/rel="hub"|"hubs"/);
    expect(() => renderFeeds(data, { feed: { hub: "/hub" } })).toThrow(
      'options.feed.hub: expected an absolute http(s) URL of a WebSub hub, such as "https://pubsubhubbub.appspot.com/"',
    );
  });
});
