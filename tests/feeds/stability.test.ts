// Stable identity, measured on real builds: moving an article from rank 3 to rank 1, or moving the
// whole digest (basePath, pathPrefix, page size), changes no GUID or id in any feed; building on
// another day changes not one byte.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseAtomFeed, parseRssFeed } from "feedsmith";
import { buildInMemory, readUrl, SITE_URL, type RenderedSite } from "../helpers/build/index.js";
import { makeDigest } from "./digest.js";

// Real Eleventy builds: generous limits for a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const base = makeDigest(250);
// The newest issue is 2025-09: its rank 3 (article 243) becomes rank 1, its rank 1 (article 241) rank 3.
const reranked = structuredClone(base);
const third = reranked.articles.find((a) => a.month === "2025-09" && a.rank === 3)!;
const first = reranked.articles.find((a) => a.month === "2025-09" && a.rank === 1)!;
third.rank = 1;
first.rank = 3;

/** Every item id in every feed of a build, as "format article-url" → id; an article must keep one id per format across feeds. */
function identities(site: RenderedSite): Map<string, string> {
  const ids = new Map<string, string>();
  const record = (key: string, id: string | undefined) => {
    if (id === undefined) throw new Error(`no id for ${key}`);
    if (ids.has(key) && ids.get(key) !== id) throw new Error(`${key} has two ids: ${ids.get(key)} and ${id}`);
    ids.set(key, id);
  };
  for (const [url, content] of site) {
    // The issue feed's items are issues, not articles: their ids are the month's (tests/feeds/options.test.ts).
    if (url.includes("/issues/")) continue;
    if (url.endsWith("/feed.xml"))
      for (const item of parseRssFeed(content).items ?? []) record(`rss ${item.link}`, item.guid?.value);
    if (url.endsWith("/atom.xml"))
      for (const entry of parseAtomFeed(content).entries ?? [])
        record(`atom ${entry.links?.find((l) => l.rel === "alternate")?.href}`, entry.id);
    if (url.endsWith("/feed.json"))
      for (const item of (JSON.parse(content) as { items: { url: string; id: string }[] }).items)
        record(`json ${item.url}`, item.id);
  }
  return ids;
}

const rankOf = (site: RenderedSite, title: string, feed = "/feed.json") =>
  (JSON.parse(readUrl(site, feed)) as { items: { title: string; _digest: { rank: number } }[] }).items.find(
    (item) => item.title === title,
  )?._digest.rank;

let original: RenderedSite;
let reranking: RenderedSite;
let moved: RenderedSite;
let later: RenderedSite;

beforeAll(async () => {
  [original, reranking, moved] = await Promise.all([
    buildInMemory({ globalData: base }),
    buildInMemory({ globalData: reranked }),
    buildInMemory({ globalData: base, options: { basePath: "/digest/", pageSize: 4 }, pathPrefix: "/blog/" }),
  ]);
  // The same digest built "five years later": only Date is faked, so Eleventy's timers still run.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-03-04T05:06:07Z") });
  try {
    later = await buildInMemory({ globalData: base });
  } finally {
    vi.useRealTimers();
  }
});

describe("feed item identity", () => {
  it("covers every article in every format", () => {
    const ids = identities(original);
    expect(ids.size).toBe(250 * 3);
    // Default ids are the article's URL; chosen ids are kept (RSS, JSON) or named by a UUID (Atom).
    expect(ids.get(`rss ${base.articles[1]!.url}`)).toBe(base.articles[1]!.url);
    expect(ids.get(`rss ${base.articles[0]!.url}`)).toBe("digest-article-1");
    expect(ids.get(`json ${base.articles[0]!.url}`)).toBe("digest-article-1");
    expect(ids.get(`atom ${base.articles[0]!.url}`)).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it("survives moving an article from rank 3 to rank 1", () => {
    expect(rankOf(original, third.title)).toBe(3);
    expect(rankOf(reranking, third.title)).toBe(1);
    expect(readUrl(reranking, "/feed.xml")).not.toBe(readUrl(original, "/feed.xml"));
    expect(identities(reranking)).toEqual(identities(original));
  });

  it("survives a new basePath, pathPrefix and page size", () => {
    expect(readUrl(moved, "/digest/feed.xml")).toContain(
      `<atom:link href="${SITE_URL}/blog/digest/feed.xml" rel="self"`,
    );
    expect(readUrl(moved, "/digest/feed.xml")).not.toContain(`href="${SITE_URL}/2025/`);
    expect(identities(moved)).toEqual(identities(original));
  });

  it("does not depend on the build clock: a later build is byte for byte the same", () => {
    const feeds = [...original.keys()].filter((url) => /\.(xml|json)$/.test(url) && !url.endsWith("/sitemap.xml"));
    expect(feeds.length).toBe(60); // the site's 3, the issue feed's 3, 3 for each of 18 tags
    for (const url of feeds) expect(readUrl(later, url), url).toBe(readUrl(original, url));
  });
});
