// Option problems and data problems come from one formatter of zod issues (data/problems.ts
// `issueProblems`): the same "expected …, got …" wording and the same way of showing a value; only
// the path style differs (options.feed.limit, articles[0].rank), as the plugin has always named them.
import { describe, expect, it } from "vitest";
import { DigestOptionsError, DigestValidationError, validateDigest } from "../../plugin/index.js";
import { resolveOptions } from "../../plugin/options.js";
import { optionsSchema } from "../../plugin/options-schema.js";
import { articleSchema } from "../../plugin/data/schema.js";
import { issueProblems } from "../../plugin/data/problems.js";

const SITE_URL = "https://digest.example.com";
const article = { rank: 1, month: "2025-04", title: "T", url: "https://a.example/1", source: "S" };

function optionError(options: unknown): DigestOptionsError {
  try {
    resolveOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(DigestOptionsError);
    return error as DigestOptionsError;
  }
  throw new Error("expected the options to be rejected");
}

function dataError(data: unknown): DigestValidationError {
  try {
    validateDigest(data);
  } catch (error) {
    expect(error).toBeInstanceOf(DigestValidationError);
    return error as DigestValidationError;
  }
  throw new Error("expected the data to be rejected");
}

describe("one formatter for option and data problems", () => {
  it("gives a bad option and a bad data value the same message", () => {
    const option = optionError({ siteUrl: SITE_URL, pageSize: 0 }).problems;
    const data = dataError({ articles: [{ ...article, rank: 0 }] }).problems;
    expect(option).toEqual([{ path: "options.pageSize", message: "expected an integer >= 1, got 0" }]);
    expect(data).toEqual([
      { file: "digest.json", path: "articles[0].rank", message: "expected an integer >= 1, got 0" },
    ]);
  });

  it("shows a given value the same way: invisible characters spelled out, long values cut", () => {
    const long = `x${"\u200b".repeat(40)}`;
    const option = optionError({ siteUrl: SITE_URL, dataKey: long }).problems[0]!.message;
    const data = dataError({ articles: [{ ...article, month: long }] }).problems[0]!.message;
    expect(option.slice(option.indexOf(", got "))).toBe(data.slice(data.indexOf(", got ")));
    expect(option).toMatch(/^expected a data key such as "digest", got "x\\u200b\\u200b.*\.\.\.$/);
  });

  it("is the function both errors are made from, with the path style as the only difference", () => {
    const options = { siteUrl: "https://example.com/blog/", feed: { limit: 1.5, size: 3 } };
    const parsedOptions = optionsSchema.safeParse(options);
    expect(optionError(options).problems).toEqual(
      issueProblems(parsedOptions.error!, options, { base: ["options"], pathStyle: "dotted", keyNoun: "option" }),
    );

    const bad = { ...article, rank: 2, tags: "Databases", url: "ftp://x" };
    const parsedData = articleSchema.safeParse(bad);
    const expected = issueProblems(parsedData.error!, bad, { base: ["articles", 1] }).map((problem) => ({
      file: "digest.json",
      ...problem,
    }));
    expect(dataError({ articles: [article, bad] }).problems).toEqual(expected);
    expect(expected.map((problem) => problem.path)).toEqual(["articles[1].url", "articles[1].tags"]);
  });

  it("rejects bad options with one error that lists every issue, the common mistake with its hint", () => {
    const error = optionError({
      siteUrl: "https://example.com/blog/",
      pageSize: 0,
      feed: { limit: 0, size: 3 },
      pagesize: 5,
    });
    expect(error.message).toBe(
      [
        "eleventy-plugin-digest: invalid options:",
        '  - options.siteUrl: expected an absolute http(s) origin such as "https://digest.example.com" (put a sub-folder in basePath or Eleventy\'s pathPrefix), got "https://example.com/blog/"',
        "  - options.pageSize: expected an integer >= 1, got 0",
        "  - options.feed.limit: expected an integer >= 1, got 0",
        "  - options.feed: unknown option size",
        "  - options: unknown option pagesize",
      ].join("\n"),
    );
    expect(error.problems).toHaveLength(5);
  });

  it("names a missing option, and options that are not an object", () => {
    expect(optionError({}).problems).toEqual([
      {
        path: "options.siteUrl",
        message: 'missing; expected an absolute http(s) origin such as "https://digest.example.com"',
      },
    ]);
    expect(optionError(null).problems).toEqual([
      {
        path: "options",
        message: 'missing; expected an options object such as { siteUrl: "https://digest.example.com" }',
      },
    ]);
    expect(
      optionError({ siteUrl: SITE_URL, feed: { formats: ["rss", "xml"] }, a: 1, b: 2 }).problems.map(
        (p) => `${p.path}: ${p.message}`,
      ),
    ).toEqual(['options.feed.formats.1: expected "rss", "atom" or "json", got "xml"', "options: unknown options a, b"]);
  });
});
