import { describe, it, expect } from "vitest";
import { DigestValidationError, validateDigest, type DigestProblem } from "../../plugin/index.js";
import { formatProblem } from "../../plugin/data/validate.js";
import { toMonthKey } from "../../plugin/data/schema.js";

type Raw = Record<string, unknown>;

let serial = 0;
/** A valid article; `over` replaces or (with `undefined`) removes fields. */
function article(over: Raw = {}): Raw {
  serial++;
  const base: Raw = {
    month: "2025-04",
    rank: 1,
    title: `Title ${serial}`,
    url: `https://a.example/${serial}`,
    source: "Source",
  };
  const out: Raw = { ...base, ...over };
  for (const [key, value] of Object.entries(over)) if (value === undefined) delete out[key];
  return out;
}

/** Articles of one month with ranks 1..n (each overridable). */
function ranked(n: number, month = "2025-04"): Raw[] {
  return Array.from({ length: n }, (_, i) => article({ month, rank: i + 1 }));
}

/** The problems `validateDigest` reports (fails the test if it accepts the data). */
function problemsOf(raw: unknown): DigestProblem[] {
  let caught: unknown;
  try {
    validateDigest(raw);
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected the data to be rejected").toBeInstanceOf(DigestValidationError);
  return [...(caught as DigestValidationError).problems];
}

function linesOf(raw: unknown): string[] {
  return problemsOf(raw).map(formatProblem);
}

describe("validateDigest: error kinds (SPEC §2)", () => {
  it("reports the exact message of the SPEC's example", () => {
    const articles = ranked(3);
    articles.push(article({ rank: "2" }));
    expect(linesOf({ articles })).toEqual(['digest.json: articles[3].rank: expected an integer >= 1, got "2"']);
  });

  it.each(["title", "url", "source", "rank"])("reports a missing required field: %s", (field) => {
    const problems = problemsOf({ articles: [article(), article({ rank: 2, [field]: undefined })] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "digest.json", path: `articles[1].${field}` });
    expect(problems[0]!.message).toMatch(/^missing; expected/);
  });

  it("reports a missing month in a single-file digest", () => {
    const problems = problemsOf({ articles: [article({ month: undefined })] });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^digest\.json: articles\[0\]\.month: missing; expected a month as "YYYY-MM"/),
    ]);
  });

  it("reports wrong types, each at its own place", () => {
    const lines = linesOf({
      articles: [
        article({ title: 42 }),
        article({ rank: 2, tags: "Databases" }),
        article({ rank: 3, type: "podcast" }),
        article({ rank: 1.5 }),
        article({ rank: 0 }),
        article({ rank: 6, source: { url: "https://s.example" } }),
      ],
    });
    expect(lines).toEqual([
      "digest.json: articles[0].title: expected the title as non-empty text, got 42",
      'digest.json: articles[1].tags: expected an array of tag names, got "Databases"',
      'digest.json: articles[2].type: expected "article" or "video", got "podcast"',
      "digest.json: articles[3].rank: expected an integer >= 1, got 1.5",
      "digest.json: articles[4].rank: expected an integer >= 1, got 0",
      expect.stringMatching(/^digest\.json: articles\[5\]\.source: expected the source as text or as/),
    ]);
  });

  it.each(["2025-13", "2025-4", "April", "2025-00", "25-04"])("rejects %j as a month", (month) => {
    const problems = problemsOf({ articles: [article({ month })] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "articles[0].month" });
    expect(problems[0]!.message).toContain(JSON.stringify(month));
  });

  it.each(["2025-02-30", "yesterday", "2025-04-31", "12/04/2025"])("rejects %j as a date", (published) => {
    const problems = problemsOf({ articles: [article({ published })] });
    expect(problems.map((p) => p.path)).toEqual(["articles[0].published"]);
    expect(problems[0]!.message).toContain(JSON.stringify(published));
  });

  it("accepts real ISO dates and date-times", () => {
    const digest = validateDigest({
      articles: [
        article({ published: "2024-02-29" }),
        article({ rank: 2, published: "2025-04-12T09:30:00Z" }),
        article({ rank: 3, published: "2025-04-12T09:30:00+02:00" }),
      ],
    });
    expect(digest.articles.map((a) => a.published)).toEqual([
      "2024-02-29",
      "2025-04-12T09:30:00Z",
      "2025-04-12T09:30:00+02:00",
    ]);
  });

  it.each([
    "javascript:alert(1)",
    "ftp://files.example/a",
    "/relative/path",
    "example.com/a",
    "mailto:a@b.example",
    "data:text/html,x",
  ])("rejects %j as a URL", (url) => {
    const problems = problemsOf({ articles: [article({ url })] });
    expect(problems.map(formatProblem)).toEqual([
      `digest.json: articles[0].url: expected an absolute http(s) URL, got ${JSON.stringify(url)}`,
    ]);
  });

  it("rejects non-http(s) image and source URLs too", () => {
    const paths = problemsOf({
      articles: [article({ image: "javascript:alert(1)", source: { name: "S", url: "ftp://s.example" } })],
    }).map((p) => p.path);
    expect(paths.sort()).toEqual(["articles[0].image", "articles[0].source.url"]);
  });

  it("rejects two articles with the same rank in one month, naming both", () => {
    const lines = linesOf({ articles: [article({ rank: 1 }), article({ rank: 2 }), article({ rank: 2 })] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^digest\.json: articles\[2\]\.rank: rank 2 is already taken in 2025-04 by digest\.json articles\[1\]/,
    );
  });

  it("allows the same rank in different months", () => {
    const digest = validateDigest({
      articles: [article({ month: "2025-04", rank: 1 }), article({ month: "2025-05", rank: 1 })],
    });
    expect(digest.articles).toHaveLength(2);
  });

  it("rejects two articles with the same explicit id", () => {
    const problems = problemsOf({
      articles: [article({ id: "netflix-1" }), article({ month: "2025-05", id: "netflix-1" })],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "digest.json", path: "articles[1].id" });
    expect(problems[0]!.message).toContain('"netflix-1"');
  });

  it("rejects two articles with the same url (the default id)", () => {
    const problems = problemsOf({
      articles: [article({ url: "https://same.example/a" }), article({ rank: 2, url: "https://same.example/a" })],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "articles[1].url" });
    expect(problems[0]!.message).toContain("articles[0]");
  });

  it("allows the same url when explicit ids differ", () => {
    const digest = validateDigest({
      articles: [
        article({ url: "https://same.example/a", id: "a" }),
        article({ rank: 2, url: "https://same.example/a", id: "b" }),
      ],
    });
    expect(digest.articles.map((a) => a.id)).toEqual(["a", "b"]);
  });

  it('rejects two different tags sharing one slug ("Node.js" and "Node JS")', () => {
    const problems = problemsOf({
      articles: [article({ tags: ["Node.js"] }), article({ rank: 2, tags: ["Node JS"] })],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "digest.json", path: "articles[1].tags[0]" });
    expect(problems[0]!.message).toContain("tags/node-js/");
    expect(problems[0]!.message).toContain('"Node.js"');
  });

  it("reports every problem at once, in data order, each with file and JSON path", () => {
    const articles = [
      article({ rank: 1 }),
      article({ rank: 2, month: "2025-13" }),
      article({ rank: 3, url: "ftp://x.example" }),
      article({ rank: "4" }),
      article({ rank: 1 }), // duplicate rank
      article({ rank: 6, published: "yesterday", title: undefined }),
    ];
    const error = (() => {
      try {
        validateDigest({ articles });
      } catch (e) {
        return e as DigestValidationError;
      }
      throw new Error("expected a DigestValidationError");
    })();
    expect(error.problems.map((p) => `${p.file}: ${p.path}`)).toEqual([
      "digest.json: articles[1].month",
      "digest.json: articles[2].url",
      "digest.json: articles[3].rank",
      "digest.json: articles[5].title",
      "digest.json: articles[5].published",
      "digest.json: articles[4].rank",
    ]);
    expect(error.message).toContain("6 problems");
    for (const problem of error.problems) expect(error.message).toContain(formatProblem(problem));
  });

  it("rejects data that is not a digest at all", () => {
    expect(linesOf("hello")).toEqual([expect.stringMatching(/^digest\.json: expected an object with "articles"/)]);
    expect(linesOf({ title: "No articles" })).toEqual([
      expect.stringMatching(/^digest\.json: articles: (missing; )?expected an array of articles/),
    ]);
    expect(linesOf(undefined)[0]).toContain('no data found under the data key "digest"');
  });

  it("names files after the dataKey", () => {
    const problems = (() => {
      try {
        validateDigest({ articles: [article({ rank: 0 })] }, { dataKey: "picks" });
      } catch (e) {
        return (e as DigestValidationError).problems;
      }
      return [];
    })();
    expect(problems.map(formatProblem)).toEqual(["picks.json: articles[0].rank: expected an integer >= 1, got 0"]);
  });

  it("checks issue metadata", () => {
    const lines = linesOf({ issues: { "2025-04": { published: "2025-05-32" } }, articles: [article()] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^digest\.json: issues\["2025-04"\]\.published: /);
  });
});

describe("validateDigest: the three data shapes", () => {
  const a1 = { rank: 1, title: "April one", url: "https://a.example/apr-1", source: "S" };
  const a2 = { rank: 2, title: "April two", url: "https://a.example/apr-2", source: "S" };
  const m1 = { rank: 1, title: "May one", url: "https://a.example/may-1", source: "S" };

  it("shape 1: an object with title, description, issues and articles", () => {
    const digest = validateDigest({
      title: "Best of",
      description: "Ranked",
      issues: { "2025-04": { title: "April", intro: "*Hi*" } },
      articles: [{ ...a1, month: "2025-04" }],
    });
    expect(digest.title).toBe("Best of");
    expect(digest.description).toBe("Ranked");
    expect(digest.issues.get(toMonthKey("2025-04"))).toEqual({ title: "April", intro: "*Hi*" });
    expect(digest.articles).toHaveLength(1);
  });

  it("shape 2: a bare array of articles", () => {
    const digest = validateDigest([
      { ...a1, month: "2025-04" },
      { ...m1, month: "2025-05" },
    ]);
    expect(digest.articles.map((a) => [a.month, a.title])).toEqual([
      ["2025-04", "April one"],
      ["2025-05", "May one"],
    ]);
    expect(digest.title).toBeUndefined();
  });

  it("shape 2 errors are placed at the array index", () => {
    expect(linesOf([{ ...a1, month: "2025-04", rank: -1 }])).toEqual([
      "digest.json: [0].rank: expected an integer >= 1, got -1",
    ]);
  });

  it("shape 3: a folder of monthly files takes the month from the key", () => {
    const digest = validateDigest({ "2025-04": [a1, a2], "2025-05": { articles: [m1] } });
    expect(digest.articles.map((a) => `${a.month} #${a.rank} ${a.title}`)).toEqual([
      "2025-04 #1 April one",
      "2025-04 #2 April two",
      "2025-05 #1 May one",
    ]);
  });

  it("shape 3: messages name the monthly file", () => {
    const problems = problemsOf({
      "2025-04": [a1],
      "2025-05": { articles: [m1, { ...m1, url: "https://a.example/may-2", rank: "2" }] },
    });
    expect(problems.map(formatProblem)).toEqual([
      'digest/2025-05.json: articles[1].rank: expected an integer >= 1, got "2"',
    ]);
  });

  it("shape 3: duplicates across files name both files", () => {
    const problems = problemsOf({ "2025-04": [a1], "2025-05": [{ ...m1, url: a1.url }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "digest/2025-05.json", path: "[0].url" });
    expect(problems[0]!.message).toContain("digest/2025-04.json [0]");
  });

  it("shape 3: an explicit month wins over the file name, with a warning", () => {
    const digest = validateDigest({ "2025-04": [a1, { ...m1, month: "2025-05" }] });
    expect(digest.articles.map((a) => a.month)).toEqual(["2025-04", "2025-05"]);
    expect(digest.warnings.map(formatProblem)).toContainEqual(
      expect.stringMatching(/^digest\/2025-04\.json: \[1\]\.month: month 2025-05 differs/),
    );
  });
});

describe("validateDigest: legal data", () => {
  it("merges tags that differ only in case or spacing, keeping the most used spelling", () => {
    const digest = validateDigest({
      articles: [
        article({ rank: 1, tags: ["system design"] }),
        article({ rank: 2, tags: ["System Design"] }),
        article({ rank: 3, tags: ["SYSTEM  DESIGN", "System Design"] }),
        article({ rank: 4, tags: ["System Design"] }),
      ],
    });
    expect([...digest.tags.values()]).toEqual([{ key: "systemdesign", name: "System Design", slug: "system-design" }]);
    expect(digest.articles.map((a) => a.tags)).toEqual([
      ["systemdesign"],
      ["systemdesign"],
      ["systemdesign"],
      ["systemdesign"],
    ]);
  });

  it("keeps C++, C# and C as three tags", () => {
    const digest = validateDigest({ articles: [article({ tags: ["C++", "C#", "C"] })] });
    expect([...digest.tags.values()].map((t) => t.slug).sort()).toEqual(["c", "c-plus-plus", "c-sharp"]);
  });

  it("allows gaps in ranks, with a warning", () => {
    const digest = validateDigest({ articles: [article({ rank: 1 }), article({ rank: 4 }), article({ rank: 7 })] });
    expect(digest.articles.map((a) => a.rank)).toEqual([1, 4, 7]);
    expect(digest.warnings.map(formatProblem)).toEqual(["digest.json: 2025-04: ranks skip 2, 3, 5, 6"]);
  });

  it("gives no warning when ranks are contiguous", () => {
    expect(validateDigest({ articles: ranked(5) }).warnings).toEqual([]);
  });

  it.each([[{ articles: [] }], [[]]])("accepts an empty digest: %j", (raw) => {
    const digest = validateDigest(raw);
    expect(digest.articles).toEqual([]);
    expect(digest.tags.size).toBe(0);
    expect(digest.warnings).toEqual([]);
  });

  it("drops characters XML 1.0 forbids from every text", () => {
    const digest = validateDigest({
      title: "Digest\u0001",
      issues: { "2025-04": { title: "Apr\u0007il", intro: "In\u000Btro" } },
      articles: [
        article({
          title: "A\u0000B\u0008C\uFFFE\u000BD\u007F\uD800E",
          source: { name: "So\u001Furce", handle: "@h\u0002" },
          summary: "Sum\u0003mary\tkeeps\ttabs\nand newlines",
          tags: ["Ta\u0004g"],
          id: "i\u0005d",
        }),
      ],
    });
    const [a] = digest.articles;
    expect(digest.title).toBe("Digest");
    expect(digest.issues.get(toMonthKey("2025-04"))).toEqual({ title: "April", intro: "Intro" });
    expect(a!.title).toBe("ABCDE");
    expect(a!.source).toEqual({ name: "Source", handle: "@h" });
    expect(a!.summary).toBe("Summary\tkeeps\ttabs\nand newlines");
    expect(a!.id).toBe("id");
    expect([...digest.tags.values()].map((t) => t.name)).toEqual(["Tag"]);
  });

  it("keeps valid astral characters (surrogate pairs) intact", () => {
    const digest = validateDigest({ articles: [article({ title: "Launch 🚀 day", tags: ["🚀"] })] });
    expect(digest.articles[0]!.title).toBe("Launch 🚀 day");
    expect([...digest.tags.values()][0]!.slug).not.toBe("");
  });

  it("rejects a title that is empty once cleaned", () => {
    const problems = problemsOf({ articles: [article({ title: " \u0000 " })] });
    expect(problems.map((p) => p.path)).toEqual(["articles[0].title"]);
  });

  it("defaults type to article, id to url, and a string source to { name }", () => {
    const [a] = validateDigest({ articles: [article({ url: "https://d.example/x", source: "ByteByteGo" })] }).articles;
    expect(a).toMatchObject({ type: "article", id: "https://d.example/x", source: { name: "ByteByteGo" }, tags: [] });
  });
});
