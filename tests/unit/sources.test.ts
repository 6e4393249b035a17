// The sources model: one source per name (case and spacing aside), its count and picks in order
// (newest issue first, then rank), its slug by the tag rules, and two sources sharing a URL refused.
import { describe, expect, it } from "vitest";
import { DigestValidationError, validateDigest } from "../../plugin/index.js";
import { formatProblem } from "../../plugin/data/validate.js";
import { buildDigestModel, type DigestModel, type ModelOptions } from "../../plugin/model/build.js";

function model(raw: unknown, options: Partial<ModelOptions> = {}): DigestModel {
  const full: ModelOptions = {
    basePath: "/",
    pageSize: 10,
    timeZone: "UTC",
    locale: "en",
    feed: { formats: ["rss", "atom", "json"], perTag: true },
    ...options,
  };
  return buildDigestModel(validateDigest(raw), full);
}

const art = (month: string, rank: number, source: unknown) => ({
  month,
  rank,
  title: `${month} #${rank}`,
  url: `https://a.example/${month}/${rank}`,
  source,
});

/** The problems validation reports, formatted as a build prints them. */
function problemsOf(raw: unknown): string[] {
  try {
    validateDigest(raw);
  } catch (error) {
    if (error instanceof DigestValidationError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe("the sources model", () => {
  const data = [
    art("2025-03", 4, "Medium"),
    art("2025-04", 7, { name: "ByteByteGo", url: "https://bytebytego.com/" }),
    art("2025-03", 2, "bytebytego"),
    art("2025-04", 6, " Byte ByteGo "),
    art("2025-05", 9, "ByteByteGo"),
    art("2025-04", 1, "Ärzteblatt"),
    art("2025-04", 2, "分布式周刊"),
    art("2025-04", 3, "🚀"),
  ];

  it("counts one source per name, case and white space aside, shown in its most used spelling", () => {
    const m = model(data);
    // In the locale's collation, as tags are: symbols before letters.
    expect(m.sources.map((source) => [source.name, source.count])).toEqual([
      ["🚀", 1],
      ["Ärzteblatt", 1],
      ["ByteByteGo", 4],
      ["Medium", 1],
      ["分布式周刊", 1],
    ]);
    const bytebytego = m.sources.find((source) => source.slug === "bytebytego")!;
    expect(bytebytego.url).toBe("https://bytebytego.com/");
    expect(m.sources.find((source) => source.name === "Medium")!.url).toBeUndefined();
  });

  it("lists a source's picks newest issue first, then rank, and pages them", () => {
    const m = model(data, { pageSize: 2 });
    const bytebytego = m.sources.find((source) => source.slug === "bytebytego")!;
    expect(bytebytego.articles.map((article) => [article.month, article.rank])).toEqual([
      ["2025-05", 9],
      ["2025-04", 6],
      ["2025-04", 7],
      ["2025-03", 2],
    ]);
    expect(bytebytego.pages.map((page) => [page.path, page.items.length, page.pageCount])).toEqual([
      ["/sources/bytebytego/", 2, 2],
      ["/sources/bytebytego/page/2/", 2, 2],
    ]);
    expect(m.sourcePages.filter((page) => page.source === bytebytego)).toEqual(bytebytego.pages);
    expect(m.sourcePages).toHaveLength(6);
  });

  it("gives every source a working, non-empty slug by the tag rules, and each article its source's path", () => {
    const m = model(data, { basePath: "/digest/" });
    expect(m.sources.map((source) => source.path)).toEqual([
      "/digest/sources/u-1f680/",
      "/digest/sources/aerzteblatt/",
      "/digest/sources/bytebytego/",
      "/digest/sources/medium/",
      "/digest/sources/分布式周刊/",
    ]);
    for (const article of m.latestArticles)
      expect(m.sources.find((source) => source.path === article.sourcePath)!.articles).toContain(article);
  });

  it("has feeds only with feed.perSource, in the formats that are on", () => {
    expect(model(data).sources.every((source) => source.feeds.length === 0)).toBe(true);
    const m = model(data, { feed: { formats: ["rss", "json"], perTag: false, perSource: true } });
    expect(m.sources.find((source) => source.slug === "medium")!.feeds).toEqual([
      { format: "rss", path: "/sources/medium/feed.xml" },
      { format: "json", path: "/sources/medium/feed.json" },
    ]);
    expect(m.tags.every((tag) => tag.feeds.length === 0)).toBe(true);
  });

  it("has no sources in an empty digest", () => {
    expect(model([]).sources).toEqual([]);
  });

  it("refuses two different sources that would share a URL, naming both and where they are", () => {
    const problems = problemsOf({
      articles: [art("2025-04", 1, "Node.js"), art("2025-04", 2, { name: "node js" }), art("2025-04", 3, "NODE.JS")],
    });
    expect(problems).toEqual([
      'digest.json: articles[1].source: source "node js" would share the URL sources/node-js/ with source "Node.js" (digest.json articles[0].source); rename one of them',
    ]);
  });

  it("reports a source collision in the same run as other problems, from an article that is itself invalid", () => {
    const problems = problemsOf({
      articles: [art("2025-04", 1, "C Sharp"), { ...art("2025-04", 2, "c-sharp"), rank: "2" }],
    });
    expect(problems).toContain('digest.json: articles[1].rank: expected an integer >= 1, got "2"');
    expect(
      problems.some((problem) =>
        problem.startsWith(
          'digest.json: articles[1].source: source "c-sharp" would share the URL sources/c-sharp/ with source "C Sharp"',
        ),
      ),
    ).toBe(true);
  });
});
