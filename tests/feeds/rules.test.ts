// The W3C rules checker must be able to fail: our own feeds pass it, and each one-rule break of
// them is reported under the validator's own message name.
import { describe, expect, it } from "vitest";
import { checkFeed, type FeedReport } from "./w3c-feed-rules.js";
import { SITE_URL } from "../helpers/build/index.js";
import { makeDigest, renderFeeds } from "./digest.js";

const feeds = renderFeeds(makeDigest(30));
const rss = feeds.get("/feed.xml")!;
const atom = feeds.get("/atom.xml")!;
const rules = (report: FeedReport) => ({
  errors: [...new Set(report.errors.map((p) => p.rule))],
  warnings: [...new Set(report.warnings.map((p) => p.rule))],
});

/** Replaces the first match only, and insists there was one (a mutation that changes nothing proves nothing). */
function mutate(xml: string, pattern: RegExp | string, replacement: string | ((match: string) => string)): string {
  const out = typeof replacement === "string" ? xml.replace(pattern, replacement) : xml.replace(pattern, replacement);
  if (out === xml) throw new Error(`mutation did not apply: ${String(pattern)}`);
  return out;
}

describe("the W3C feed rules checker", () => {
  it("passes our RSS and Atom feeds with no error and no warning", () => {
    expect(rules(checkFeed(rss, { location: `${SITE_URL}/feed.xml` }))).toEqual({ errors: [], warnings: [] });
    expect(rules(checkFeed(atom, { location: `${SITE_URL}/atom.xml` }))).toEqual({ errors: [], warnings: [] });
  });

  it("carries the digest's icon in every format, W3C-valid: Atom icon/logo, JSON Feed icon/favicon, RSS image when a PNG, GIF or JPEG", () => {
    // The plugin's own favicon.svg: no RSS <image> (RSS 2.0 allows GIF, JPEG and PNG there).
    expect(atom).toContain(`<icon>${SITE_URL}/favicon.svg</icon>`);
    expect(atom).toContain(`<logo>${SITE_URL}/favicon.svg</logo>`);
    expect(JSON.parse(feeds.get("/feed.json")!)).toMatchObject({
      icon: `${SITE_URL}/favicon.svg`,
      favicon: `${SITE_URL}/favicon.svg`,
    });
    expect(rss).not.toContain("<image>");
    const png = renderFeeds(makeDigest(3), { favicon: "/icon.png" });
    expect(png.get("/feed.xml")).toContain(`<image><url>${SITE_URL}/icon.png</url><title>`);
    expect(png.get("/feed.xml")).toMatch(
      /<image><url>[^<]+<\/url><title>[^<]+<\/title><link>https:\/\/digest\.example\.com\/<\/link><\/image>/,
    );
    expect(rules(checkFeed(png.get("/feed.xml")!, { location: `${SITE_URL}/feed.xml` }))).toEqual({
      errors: [],
      warnings: [],
    });
    expect(rules(checkFeed(png.get("/atom.xml")!, { location: `${SITE_URL}/atom.xml` }))).toEqual({
      errors: [],
      warnings: [],
    });
    // No icon at all with favicon: false.
    const none = renderFeeds(makeDigest(3), { favicon: false });
    expect(none.get("/atom.xml")).not.toContain("<icon>");
    expect(JSON.parse(none.get("/feed.json")!).icon).toBeUndefined();
  });

  it("passes an empty digest's feeds: valid and empty, dated without the clock", () => {
    const empty = renderFeeds({ articles: [] });
    expect([...empty.keys()]).toEqual([
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/issues/feed.xml",
      "/issues/atom.xml",
      "/issues/feed.json",
      "/feeds.opml",
    ]);
    expect(rules(checkFeed(empty.get("/issues/feed.xml")!, { location: `${SITE_URL}/issues/feed.xml` }))).toEqual({
      errors: [],
      warnings: [],
    });
    expect(rules(checkFeed(empty.get("/feed.xml")!, { location: `${SITE_URL}/feed.xml` }))).toEqual({
      errors: [],
      warnings: [],
    });
    expect(empty.get("/feed.xml")).not.toContain("<item>");
    expect(empty.get("/feed.xml")).not.toContain("<lastBuildDate>");
    // Atom requires `updated` even with no entries: the epoch, never the build clock.
    expect(checkFeed(empty.get("/atom.xml")!, { location: `${SITE_URL}/atom.xml` }).errors).toEqual([]);
    expect(empty.get("/atom.xml")).toContain("<updated>1970-01-01T00:00:00Z</updated>");
    expect(JSON.parse(empty.get("/feed.json")!).items).toEqual([]);
  });

  const rssCases: [string, (xml: string) => string, string, "errors" | "warnings"][] = [
    [
      "a wrong weekday",
      (x) => mutate(x, /<pubDate>\w{3},/, (m) => (m === "<pubDate>Mon," ? "<pubDate>Tue," : "<pubDate>Mon,")),
      "IncorrectDOW",
      "errors",
    ],
    [
      "an ISO date in pubDate",
      (x) => mutate(x, /<pubDate>[^<]*</, "<pubDate>2025-10-01T00:00:00Z<"),
      "InvalidRFC2822Date",
      "errors",
    ],
    [
      "a relative item link",
      (x) => mutate(x, /<link>https:[^<]*<\/link>\s*<guid/, "<link>/2025/post</link><guid"),
      "InvalidFullLink",
      "errors",
    ],
    [
      "a space in a link",
      (x) => mutate(x, /<link>https:\/\/articles\.example\.net\//, "<link>https://articles.example.net/a b/"),
      "InvalidUriChar",
      "errors",
    ],
    [
      "a duplicate guid",
      (x) => mutate(x, /(<guid[^>]*>)([^<]*)(<\/guid>[\s\S]*?<guid[^>]*>)[^<]*/, "$1$2$3$2"),
      "DuplicateValue",
      "errors",
    ],
    [
      "a urn:uuid permalink",
      (x) =>
        mutate(
          x,
          /<guid isPermaLink="true">[^<]*/,
          '<guid isPermaLink="true">urn:uuid:7afb74a7-76fb-5279-8dba-ab9aa6fc1b26',
        ),
      "InvalidPermalink",
      "errors",
    ],
    [
      "a non-URL permalink",
      (x) => mutate(x, /<guid isPermaLink="false">/, '<guid isPermaLink="true">'),
      "InvalidHttpGUID",
      "errors",
    ],
    [
      "an element RSS does not define",
      (x) => mutate(x, "<item>", "<item><foo>bar</foo>"),
      "UndefinedElement",
      "errors",
    ],
    ["two titles in an item", (x) => mutate(x, "<item>", "<item><title>again</title>"), "DuplicateElement", "errors"],
    [
      "a thumbnail without url",
      (x) => mutate(x, /<media:thumbnail url="[^"]*"\/>/, "<media:thumbnail/>"),
      "MissingAttribute",
      "errors",
    ],
    [
      "no channel description",
      (x) => mutate(x, /<description>Ranked monthly reading.<\/description>/, ""),
      "MissingDescription",
      "errors",
    ],
    [
      "a bad language code",
      (x) => mutate(x, "<language>en</language>", "<language>English</language>"),
      "InvalidLanguage",
      "errors",
    ],
    ["no self link", (x) => mutate(x, /<atom:link [^>]*\/>/, ""), "MissingAtomSelfLink", "warnings"],
    [
      "a self link elsewhere",
      (x) => mutate(x, `href="${SITE_URL}/feed.xml"`, `href="${SITE_URL}/other.xml"`),
      "SelfDoesntMatchLocation",
      "warnings",
    ],
    [
      "a relative link in the description",
      (x) => mutate(x, /&lt;a href="https:\/\/digest\.example\.com/, '&lt;a href="'),
      "ContainsRelRef",
      "warnings",
    ],
    [
      "a script in the description",
      (x) => mutate(x, "<description>&lt;p&gt;", "<description>&lt;script&gt;x()&lt;/script&gt;&lt;p&gt;"),
      "SecurityRisk",
      "warnings",
    ],
    [
      "HTML in a title",
      (x) => mutate(x, /<title>Article/, "<title>&lt;b&gt;x&lt;/b&gt; Article"),
      "ContainsHTML",
      "warnings",
    ],
  ];
  it.each(rssCases)("reports %s in RSS", (_, change, rule, severity) => {
    expect(rules(checkFeed(change(rss), { location: `${SITE_URL}/feed.xml` }))[severity]).toContain(rule);
  });

  const atomCases: [string, (xml: string) => string, string, "errors" | "warnings"][] = [
    ["no feed id", (x) => mutate(x, /<id>https:\/\/digest\.example\.com\/<\/id>/, ""), "MissingElement", "errors"],
    [
      "a non-RFC 3339 updated",
      (x) => mutate(x, /<updated>[^<]*<\/updated>/, "<updated>2025-10-01 00:00:00</updated>"),
      "InvalidRFC3339Date",
      "errors",
    ],
    [
      "the 30th of February",
      (x) => mutate(x, /<published>[^<]*<\/published>/, "<published>2025-02-30T00:00:00Z</published>"),
      "InvalidRFC3339Date",
      "errors",
    ],
    ["no author anywhere", (x) => x.replace(/<author>[\s\S]*?<\/author>/g, ""), "MissingElement", "errors"],
    [
      "two alternate links of one type",
      (x) => mutate(x, /(<link rel="alternate" type="text\/html" href="[^"]*"\/>)(\s*<published>)/, "$1$1$2"),
      "DuplicateAtomLink",
      "errors",
    ],
    [
      "a malformed urn:uuid id",
      (x) => mutate(x, /<id>urn:uuid:[^<]*<\/id>/, "<id>urn:uuid:not-a-uuid</id>"),
      "InvalidUUID",
      "errors",
    ],
    [
      "an element Atom does not define",
      (x) => mutate(x, "<entry>", "<entry><foo>bar</foo>"),
      "UndefinedElement",
      "errors",
    ],
    [
      "an entry with neither content nor link",
      (x) =>
        mutate(
          x,
          /<entry>([\s\S]*?)<link rel="alternate"[^>]*\/>([\s\S]*?)<content type="html">[\s\S]*?<\/content>/,
          "<entry>$1$2",
        ),
      "MissingContentOrAlternate",
      "errors",
    ],
    [
      "two entries with one id and one date",
      (x) =>
        mutate(
          x,
          /(<entry>\s*<id>)([^<]*)(<\/id>[\s\S]*?<updated>)([^<]*)(<\/updated>[\s\S]*?<entry>\s*<id>)[^<]*(<\/id>[\s\S]*?<updated>)[^<]*/,
          "$1$2$3$4$5$2$6$4",
        ),
      "DuplicateIds",
      "errors",
    ],
    ["no self link", (x) => mutate(x, /<link rel="self"[^>]*\/>/, ""), "MissingSelf", "warnings"],
  ];
  it.each(atomCases)("reports %s in Atom", (_, change, rule, severity) => {
    expect(rules(checkFeed(change(atom), { location: `${SITE_URL}/atom.xml` }))[severity]).toContain(rule);
  });
});
