// URLs from the data in every output: written in RFC 3986 form (a bare "%" as %25, "|" as %7C…),
// the same form in pages, feeds, the sitemap and the email; and a URL with a user name or password
// refused with its place in the data.
import { describe, expect, it, vi, beforeAll, afterAll } from "vitest";
import { DigestValidationError, validateDigest } from "../../plugin/index.js";
import { formatProblem } from "../../plugin/data/validate.js";
import { feedUri } from "../../plugin/data/uri.js";
import { renderMarkdown } from "../../plugin/render/markdown.js";
import { resolveOptions } from "../../plugin/options.js";
import { RFC_3986 } from "./checks.js";
import { renderSite } from "./render.js";

const ODD = "https://odd.example";
const DATA = {
  articles: [
    {
      month: "2025-04",
      rank: 1,
      title: "Bare percent",
      url: `${ODD}/100%/off?save=50%&x=%zz#20%`,
      source: { name: "Pipes", url: `${ODD}/a|b^c` },
      image: `${ODD}/img%.png`,
      tags: ["Odd"],
    },
    {
      month: "2025-04",
      rank: 2,
      title: "Braces and backticks",
      url: `${ODD}/{x}/\`y\`?q=[1]`,
      source: "Plain",
      summary: `See [this](${ODD}/5%/md).`,
    },
  ],
};

/** Every URL on the odd host in an output, as written there (HTML and XML character references decoded). */
function oddUrls(text: string): string[] {
  return (text.match(/https:\/\/odd\.example[^\s"'<>\\]*/g) ?? []).map((url) => url.replaceAll("&amp;", "&"));
}

describe("URLs in every output", () => {
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it("are written in RFC 3986 form in pages, feeds, the sitemap and the email", () => {
    const site = renderSite(DATA, { sitemap: true });
    const seen = new Map<string, string[]>();
    for (const [file, content] of site) {
      for (const url of oddUrls(content)) seen.set(url, [...(seen.get(url) ?? []), file]);
    }
    const bad = [...seen].filter(([url]) => !RFC_3986.test(url));
    expect(bad).toEqual([]);
    // The article's URL, the same everywhere: in the month page, each feed format, the email.
    const expected = `${ODD}/100%25/off?save=50%25&x=%25zz#20%25`;
    for (const file of [
      "2025/04/index.html",
      "feed.xml",
      "atom.xml",
      "feed.json",
      "2025/04/email.html",
      "2025/04/email.txt",
    ]) {
      expect(oddUrls(site.get(file) ?? ""), file).toContain(expected);
    }
    expect(seen.get(`${ODD}/a%7Cb%5Ec`)?.length).toBeGreaterThan(0);
    expect(seen.get(`${ODD}/%7Bx%7D/%60y%60?q=%5B1%5D`)?.length).toBeGreaterThan(0);
    expect(seen.get(`${ODD}/5%25/md`)?.length).toBeGreaterThan(0);
  });

  it("the data's URLs are checked into that form, which feeds keep as it is", () => {
    const [article] = validateDigest(DATA).articles;
    expect(article!.url).toBe(`${ODD}/100%25/off?save=50%25&x=%25zz#20%25`);
    expect(feedUri(article!.url)).toBe(article!.url);
    expect(feedUri("https://a.example/%41%2f%")).toBe("https://a.example/%41%2f%25");
  });

  it("with a user name or password are refused, each with its place", () => {
    const data = {
      articles: [
        { month: "2025-04", rank: 1, title: "A", url: "https://user:secret@a.example/", source: "S" },
        {
          month: "2025-04",
          rank: 2,
          title: "B",
          url: "https://b.example/",
          source: { name: "S", url: "https://token@b.example/" },
          image: "https://:pw@b.example/i.png",
        },
        { month: "2025-04", rank: 3, title: "C", url: "https://c.example/@user", source: "S" },
      ],
    };
    let error: unknown;
    try {
      validateDigest(data);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DigestValidationError);
    expect((error as DigestValidationError).problems.map(formatProblem)).toEqual([
      'digest.json: articles[0].url: expected an absolute http(s) URL without a user name or password ("user:password@"), got "https://user:secret@a.example/"',
      'digest.json: articles[1].source.url: expected an absolute http(s) URL without a user name or password ("user:password@"), got "https://token@b.example/"',
      'digest.json: articles[1].image: expected an absolute http(s) URL without a user name or password ("user:password@"), got "https://:pw@b.example/i.png"',
    ]);
  });

  it("with a user name or password are refused in the options too (a hub's URL is printed in every feed)", () => {
    expect(() =>
      resolveOptions({ siteUrl: "https://digest.example.com", feed: { hub: "https://user:pw@hub.example/" } }),
    ).toThrow("options.feed.hub: expected an absolute http(s) URL of a WebSub hub");
    expect(() => resolveOptions({ siteUrl: "https://user:pw@digest.example.com" })).toThrow(
      "options.siteUrl: expected an absolute http(s) origin",
    );
  });

  it("with a user name or password in a summary are not linked", () => {
    const html = renderMarkdown(
      "[x](https://user:pw@a.example/) <https://me@a.example/> [ok](https://a.example/@me) [mail](mailto:me@a.example)",
    ).markup;
    expect(html).not.toContain('href="https://user');
    expect(html).not.toContain('href="https://me@');
    expect(html).toContain('href="https://a.example/@me"');
    expect(html).toContain('href="mailto:me@a.example"');
  });
});
