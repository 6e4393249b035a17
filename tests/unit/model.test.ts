import { describe, it, expect } from "vitest";
import { validateDigest } from "../../plugin/index.js";
import { buildDigestModel, type DigestModel, type ModelOptions } from "../../plugin/model/build.js";
import { ageAt, toRfc3339, toRfc822 } from "../../plugin/model/dates.js";
import { normalizeBasePath, pagedPath, withPathPrefix } from "../../plugin/model/urls.js";
import { DateTime } from "luxon";
import { deterministicShuffle, syntheticDigest } from "../helpers/synthetic.js";

function model(raw: unknown, options: Partial<ModelOptions> = {}): DigestModel {
  const full: ModelOptions = {
    basePath: "/",
    pageSize: 10,
    timeZone: "UTC",
    locale: "en",
    feed: { formats: ["rss", "atom", "json"], perTag: true },
    ...options,
  };
  return buildDigestModel(validateDigest(raw, { timeZone: full.timeZone }), full);
}

function art(month: string, rank: number, extra: Record<string, unknown> = {}) {
  return { month, rank, title: `${month} #${rank}`, url: `https://a.example/${month}/${rank}`, source: "S", ...extra };
}

describe("buildDigestModel: issues", () => {
  it("lists issues newest first and articles in rank order, whatever the input order", () => {
    const ordered = [
      ...[1, 2, 3, 4, 5].map((r) => art("2025-03", r)),
      ...[1, 2, 3].map((r) => art("2024-12", r)),
      ...[1, 2, 3, 4].map((r) => art("2025-04", r)),
    ];
    const shuffled = deterministicShuffle(ordered, 7);
    expect(shuffled.map((a) => a.title)).not.toEqual(ordered.map((a) => a.title)); // the shuffle did shuffle
    const m = model({ articles: shuffled });
    expect(m.issues.map((i) => i.key)).toEqual(["2025-04", "2025-03", "2024-12"]);
    for (const issue of m.issues)
      expect(issue.articles.map((a) => a.rank)).toEqual(issue.articles.map((_, i) => i + 1));
    expect(m.latestArticles.map((a) => a.title).slice(0, 6)).toEqual([
      "2025-04 #1",
      "2025-04 #2",
      "2025-04 #3",
      "2025-04 #4",
      "2025-03 #1",
      "2025-03 #2",
    ]);
  });

  it("links issues to their newer and older neighbours", () => {
    const m = model([art("2025-03", 1), art("2025-04", 1), art("2025-05", 1)]);
    const [may, april, march] = m.issues;
    expect(may!.newer).toBeUndefined();
    expect(may!.older?.key).toBe("2025-04");
    expect(april!.newer?.key).toBe("2025-05");
    expect(april!.older?.key).toBe("2025-03");
    expect(march!.older).toBeUndefined();
  });

  it("chunks 25 articles into 3 pages of 10, 10, 5 with /page/N/ paths, never /page/1/", () => {
    const m = model(deterministicShuffle(Array.from({ length: 25 }, (_, i) => art("2025-03", i + 1))));
    const [issue] = m.issues;
    expect(issue!.pages.map((p) => p.path)).toEqual(["/2025/03/", "/2025/03/page/2/", "/2025/03/page/3/"]);
    expect(issue!.pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(issue!.pages.map((p) => [p.pageNumber, p.pageCount])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(issue!.pages[1]!.items.map((a) => a.rank)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(issue!.pages[0]!.pagePaths).toEqual(["/2025/03/", "/2025/03/page/2/", "/2025/03/page/3/"]);
    expect(m.monthPages.map((p) => p.path).join(" ")).not.toContain("/page/1/");
    // Every article knows the page that lists it.
    expect(issue!.articles.find((a) => a.rank === 21)!.pagePath).toBe("/2025/03/page/3/");
    expect(issue!.articles.find((a) => a.rank === 10)!.pagePath).toBe("/2025/03/");
  });

  it("honours pageSize", () => {
    const m = model(
      Array.from({ length: 7 }, (_, i) => art("2025-03", i + 1)),
      { pageSize: 3 },
    );
    expect(m.monthPages.map((p) => p.items.map((a) => a.rank))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("makes 10 + 10 + 5 month pages for a 100/100/50 digest", () => {
    const m = model(syntheticDigest([100, 100, 50], "2025-01"));
    const counts = m.issues.map((i) => [i.key, i.pages.length]);
    expect(counts).toEqual([
      ["2025-03", 5],
      ["2025-02", 10],
      ["2025-01", 10],
    ]);
    expect(m.monthPages).toHaveLength(25);
  });

  it("groups issues by year, newest first, with article counts", () => {
    const m = model([
      art("2024-11", 1),
      art("2024-11", 2),
      art("2024-12", 1),
      art("2025-01", 1),
      art("2025-02", 1),
      art("2025-02", 2),
      art("2025-02", 3),
    ]);
    expect(
      m.years.map((y) => ({ year: y.year, path: y.path, issues: y.issues.map((i) => i.key), count: y.articleCount })),
    ).toEqual([
      { year: 2025, path: "/2025/", issues: ["2025-02", "2025-01"], count: 4 },
      { year: 2024, path: "/2024/", issues: ["2024-12", "2024-11"], count: 3 },
    ]);
  });

  it("carries issue metadata and drops blank intros", () => {
    const m = model({
      issues: { "2025-04": { title: "April picks", intro: "Hello *world*" }, "2025-05": { intro: "   " } },
      articles: [art("2025-04", 1), art("2025-05", 1)],
    });
    const april = m.issues.find((i) => i.key === "2025-04")!;
    const may = m.issues.find((i) => i.key === "2025-05")!;
    expect([april.title, april.intro]).toEqual(["April picks", "Hello *world*"]);
    expect(may.intro).toBeUndefined();
    expect(may.title).toBeUndefined();
  });

  it("builds an empty model from an empty digest", () => {
    const m = model({ articles: [] });
    expect([m.issues, m.years, m.tags, m.monthPages, m.tagPages, m.latestArticles]).toEqual([[], [], [], [], [], []]);
    expect(m.updated).toBeUndefined();
  });
});

describe("buildDigestModel: tags", () => {
  const data = {
    articles: [
      art("2025-03", 2, { tags: ["Databases", "Redis"] }),
      art("2025-04", 3, { tags: ["databases"] }),
      art("2025-03", 1, { tags: ["Data bases"] }),
      art("2025-04", 1, { tags: ["DATABASES", "Caching"] }),
      art("2025-05", 9, { tags: ["Databases"] }),
    ],
  };

  it("counts each tag's articles and orders them newest issue first, then rank", () => {
    const m = model(data);
    const databases = m.tags.find((t) => t.slug === "databases")!;
    expect(databases.name).toBe("Databases");
    expect(databases.count).toBe(5);
    expect(databases.articles.map((a) => `${a.month}#${a.rank}`)).toEqual([
      "2025-05#9",
      "2025-04#1",
      "2025-04#3",
      "2025-03#1",
      "2025-03#2",
    ]);
    expect(m.tags.map((t) => [t.name, t.count])).toEqual([
      ["Caching", 1],
      ["Databases", 5],
      ["Redis", 1],
    ]);
  });

  it("paginates tags with the same rule as months", () => {
    const m = model(data, { pageSize: 2 });
    const databases = m.tags.find((t) => t.slug === "databases")!;
    expect(databases.path).toBe("/tags/databases/");
    expect(databases.feeds.map((feed) => feed.path)).toEqual([
      "/tags/databases/feed.xml",
      "/tags/databases/atom.xml",
      "/tags/databases/feed.json",
    ]);
    expect(databases.pages.map((p) => p.path)).toEqual([
      "/tags/databases/",
      "/tags/databases/page/2/",
      "/tags/databases/page/3/",
    ]);
    expect(databases.pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(m.tagPages).toHaveLength(3 + 1 + 1);
  });
});

describe("buildDigestModel: basePath", () => {
  it("puts every path under /digest/", () => {
    const m = model(
      Array.from({ length: 12 }, (_, i) => art("2025-04", i + 1, { tags: ["C++"] })),
      { basePath: "/digest/" },
    );
    const paths = [
      ...m.monthPages.map((p) => p.path),
      ...m.years.map((y) => y.path),
      ...m.tagPages.map((p) => p.path),
      ...m.tags.map((t) => t.feeds[0]!.path),
    ];
    expect(paths).toEqual([
      "/digest/2025/04/",
      "/digest/2025/04/page/2/",
      "/digest/2025/",
      "/digest/tags/c-plus-plus/",
      "/digest/tags/c-plus-plus/page/2/",
      "/digest/tags/c-plus-plus/feed.xml",
    ]);
    expect(m.latestArticles[0]!.issuePath).toBe("/digest/2025/04/");
  });

  it("normalises base paths and joins pathPrefix", () => {
    expect(["digest", "/digest", "/digest/", "digest/", "//digest//"].map(normalizeBasePath)).toEqual(
      Array(5).fill("/digest/"),
    );
    expect(["", "/", "//"].map(normalizeBasePath)).toEqual(["/", "/", "/"]);
    expect(pagedPath("/digest/2025/04/", 1)).toBe("/digest/2025/04/");
    expect(pagedPath("/digest/2025/04/", 2)).toBe("/digest/2025/04/page/2/");
    expect(withPathPrefix("/blog/", "/digest/tags/分布式系统/")).toBe(
      "/blog/digest/tags/%E5%88%86%E5%B8%83%E5%BC%8F%E7%B3%BB%E7%BB%9F/",
    );
    expect(withPathPrefix("/", "/2025/")).toBe("/2025/");
  });
});

describe("buildDigestModel: dates", () => {
  it("dates an issue on the first day of the next month, in the configured zone", () => {
    const utc = model([art("2025-04", 1), art("2024-12", 1)]);
    expect(utc.issues.map((i) => toRfc3339(i.date))).toEqual(["2025-05-01T00:00:00Z", "2025-01-01T00:00:00Z"]);
    const ny = model([art("2025-04", 1)], { timeZone: "America/New_York" });
    expect(ny.issues[0]!.date).toBe("2025-05-01T00:00:00-04:00");
    expect(toRfc822(ny.issues[0]!.date)).toBe("Thu, 01 May 2025 04:00:00 GMT");
    const tokyo = model([art("2025-04", 1)], { timeZone: "Asia/Tokyo" });
    expect(toRfc3339(tokyo.issues[0]!.date)).toBe("2025-04-30T15:00:00Z");
  });

  it("uses issues[month].published when given", () => {
    const m = model({
      issues: { "2025-04": { published: "2025-04-20" } },
      articles: [art("2025-04", 1), art("2025-03", 1)],
    });
    expect(m.issues.map((i) => [i.key, i.date.slice(0, 10)])).toEqual([
      ["2025-04", "2025-04-20"],
      ["2025-03", "2025-04-01"],
    ]);
    expect(m.latestArticles[0]!.issueDate).toBe("2025-04-20T00:00:00Z");
    expect(m.updated).toBe("2025-04-20T00:00:00Z");
  });

  it("measures ages against the issue date, not the clock", () => {
    const m = model({
      issues: { "2025-05": { published: "2025-05-10" } },
      articles: [
        art("2025-04", 1, { published: "2024-03-15" }), // issue 2025-05-01: 1 year
        art("2025-04", 2, { published: "2025-01-20" }), // 3 months
        art("2025-04", 3, { published: "2025-04-10" }), // 21 days: 3 weeks
        art("2025-04", 4, { published: "2025-04-28" }), // 3 days
        art("2025-04", 5, { published: "2025-05-01T00:00:00Z" }), // the issue's own moment
        art("2025-04", 6), // no date, no age
        art("2025-05", 1, { published: "2025-05-03" }), // issue dated 2025-05-10: 1 week
      ],
    });
    const ages = m.latestArticles.map((a) => [a.title, a.age ? `${a.age.count}${a.age.unit}` : "-"]);
    expect(ages).toEqual([
      ["2025-05 #1", "1week"],
      ["2025-04 #1", "1year"],
      ["2025-04 #2", "3month"],
      ["2025-04 #3", "3week"],
      ["2025-04 #4", "3day"],
      ["2025-04 #5", "0day"],
      ["2025-04 #6", "-"],
    ]);
  });

  it("ageAt never goes negative", () => {
    const ref = DateTime.fromISO("2025-05-01T00:00:00Z", { zone: "UTC" });
    expect(ageAt(DateTime.fromISO("2025-06-01T00:00:00Z", { zone: "UTC" }), ref)).toEqual({ count: 0, unit: "day" });
    expect(ageAt(DateTime.fromISO("2023-04-30T00:00:00Z", { zone: "UTC" }), ref)).toEqual({ count: 2, unit: "year" });
  });
});

describe("buildDigestModel: what pages show of an article, computed once", () => {
  it("gives each article its domain, its source's initial and its date in UTC", () => {
    const m = model(
      [
        art("2025-04", 1, { url: "https://www.Example.com/a", source: "élan vital", published: "2025-03-12" }),
        art("2025-04", 2, {
          url: "https://xn--r8jz45g.jp/b",
          source: "🚀 Launches",
          published: "2025-03-12T23:30:00+02:00",
        }),
        art("2025-04", 3, { url: "https://blog.example.org/c", source: "  分布式 " }),
      ],
      { timeZone: "Europe/Berlin", locale: "de" },
    );
    const [first, second, third] = m.issues[0]!.articles;
    expect([first!.domain, second!.domain, third!.domain]).toEqual(["example.com", "例え.jp", "blog.example.org"]);
    expect([first!.sourceInitial, second!.sourceInitial, third!.sourceInitial]).toEqual(["É", "🚀", "分"]);
    // A calendar date is midnight in the zone; the `<time datetime>` says that instant in UTC.
    expect(first!.publishedUtc).toBe("2025-03-11T23:00:00Z");
    expect(second!.publishedUtc).toBe("2025-03-12T21:30:00Z");
    expect(third!.publishedUtc).toBeUndefined();
  });
});
