// Hostile text through real builds: titles, summaries, tags, sources and ids full of `<`, `&`,
// `]]>`, `--`, entity look-alikes, control characters and emoji still give well-formed feeds whose
// text round-trips exactly (XML-forbidden characters dropped, as SPEC §2 says), and no markup of
// theirs comes alive in a reader.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildInMemory, readUrl, SITE_URL, type RenderedSite } from "../helpers/build/index.js";
import type { TestArticle } from "./digest.js";
import { checkFeed, describe as describeProblems } from "./w3c-feed-rules.js";
import { childElements, openXmlParser, type XmlElement, type XmlParser } from "./xml-parser.js";

// Real Eleventy builds and a real browser: generous limits for a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

/** Each raw title and what must come out of every feed: the same text, minus what XML 1.0 forbids, trimmed. */
const TITLES: [raw: string, expected: string][] = [
  ["a < b && c > d", "a < b && c > d"],
  ["]]> and <![CDATA[ x ]]>", "]]> and <![CDATA[ x ]]>"],
  ["-- comment --> <!-- x", "-- comment --> <!-- x"],
  [`"quotes" & 'apostrophes'`, `"quotes" & 'apostrophes'`],
  [
    "&amp; &lt;script&gt;alert(1)&lt;/script&gt; &#60; &#x3C; &foo;",
    "&amp; &lt;script&gt;alert(1)&lt;/script&gt; &#60; &#x3C; &foo;",
  ],
  ["<script>alert(1)</script><b>bold</b>", "<script>alert(1)</script><b>bold</b>"],
  ["ctl\u0000\u0001\u0008\u000B\u000C\u001F\u007F\uFFFE\uFFFF\uD800 end", "ctl end"],
  // Titles are single-line text: tabs and line breaks become one space (issue 7's edge cleaning).
  ["  tab\there\r\nnext line\r  ", "tab here next line"],
  ["emoji 🚀 👩🏽‍💻 🇺🇳, RTL مرحبا, decomposed e\u0301", "emoji 🚀 👩🏽‍💻 🇺🇳, RTL مرحبا, decomposed é"],
];
const TAGS: [raw: string, expected: string][] = [
  ["<b>tag</b>", "<b>tag</b>"],
  ["a & b", "a & b"],
  ["]]>\u0002", "]]>"],
  ["🚀", "🚀"],
];
const SOURCE = { name: "A & B <Co> ]]> --\u0003", url: 'https://example.com/a b/"q"' };
const SUMMARY =
  "Use `a && b` ]]> -- <!-- --> <script>alert(1)</script> <img src=x onerror=alert(1)> [js](javascript:alert(1)) [rel](/relative) &lt;b&gt; 🚀\u0001";

const articles: TestArticle[] = TITLES.map(([title], index) => ({
  month: "2025-04",
  rank: index + 1,
  title,
  url: `https://example.com/${index}?q=<x>&y="z"`,
  source: SOURCE,
  summary: SUMMARY,
  tags: TAGS.map(([tag]) => tag),
  type: index % 2 === 0 ? "article" : "video",
  image: `https://img.example.com/${index} "a".jpg`,
  ...(index === 0 && { id: "<id> & ]]> 🚀 \u0001" }),
}));
const data = { title: "Best <of> & ]]> --", description: "A & B\u0000 <i>", articles };

let site: RenderedSite;
let parser: XmlParser;
let roots: Map<string, XmlElement>;
const esc = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
const text = (el: XmlElement | undefined) => el?.textContent ?? "";
const xmlFeeds = () => [...site.keys()].filter((url) => url.endsWith(".xml") && !url.endsWith("/sitemap.xml")).sort();

beforeAll(async () => {
  [site, parser] = await Promise.all([buildInMemory({ globalData: data }), openXmlParser()]);
  const urls = xmlFeeds();
  const results = await parser.parse(urls.map((url) => readUrl(site, url)));
  roots = new Map();
  results.forEach((result, i) => {
    if ("root" in result) roots.set(urls[i]!, result.root);
  });
});
afterAll(async () => {
  await parser?.close();
});

describe("feeds of hostile text", () => {
  it("are all well-formed XML, and pass the W3C rules with 0 errors", () => {
    expect(xmlFeeds().length).toBe(2 + 2 + 2 * TAGS.length); // site, issue feed, tags
    expect(xmlFeeds().filter((url) => !roots.has(url))).toEqual([]);
    const errors = xmlFeeds().flatMap((url) =>
      describeProblems(checkFeed(roots.get(url)!, { location: `${SITE_URL}${url}` }).errors).map(
        (line) => `${url}: ${line}`,
      ),
    );
    expect(errors).toEqual([]);
    // The validator flags text that looks like HTML (our titles do, on purpose): those warnings only.
    const warnings = new Set(
      xmlFeeds().flatMap((url) =>
        checkFeed(roots.get(url)!, { location: `${SITE_URL}${url}` }).warnings.map((p) => p.rule),
      ),
    );
    expect([...warnings].filter((rule) => !["ContainsHTML", "ContainsUndeclaredHTML"].includes(rule))).toEqual([]);
  });

  it("round-trip titles, tags, sources and ids exactly in RSS", () => {
    const channel = childElements(roots.get("/feed.xml")!, "channel")[0]!;
    expect(text(childElements(channel, "title")[0])).toBe("Best <of> & ]]> --");
    expect(text(childElements(channel, "description")[0])).toBe("A & B <i>");
    const items = childElements(channel, "item");
    expect(items.map((item) => text(childElements(item, "title")[0]))).toEqual(TITLES.map(([, expected]) => expected));
    for (const item of items) {
      expect(childElements(item, "category").map(text)).toEqual(TAGS.map(([, expected]) => expected));
      expect(text(childElements(item, "creator")[0])).toBe("A & B <Co> ]]> --");
      expect(text(childElements(item, "description")[0])).toContain(esc(text(childElements(item, "title")[0])));
    }
    expect(text(childElements(items[0]!, "guid")[0])).toBe("<id> & ]]> 🚀");
    expect(childElements(items[0]!, "guid")[0]!.getAttribute("isPermaLink")).toBe("false");
    expect(text(childElements(items[1]!, "link")[0])).toBe("https://example.com/1?q=%3Cx%3E&y=%22z%22");
    expect(childElements(items[1]!, "thumbnail")[0]!.getAttribute("url")).toBe(
      "https://img.example.com/1%20%22a%22.jpg",
    );
  });

  it("round-trip them exactly in Atom", () => {
    const entries = childElements(roots.get("/atom.xml")!, "entry");
    expect(entries.map((entry) => text(childElements(entry, "title")[0]))).toEqual(
      TITLES.map(([, expected]) => expected),
    );
    for (const entry of entries) {
      expect(childElements(entry, "category").map((c) => c.getAttribute("term"))).toEqual(
        TAGS.map(([, expected]) => expected),
      );
      expect(text(childElements(childElements(entry, "author")[0]!, "name")[0])).toBe("A & B <Co> ]]> --");
      expect(text(childElements(entry, "content")[0])).toContain(esc(text(childElements(entry, "title")[0])));
    }
    expect(text(childElements(entries[0]!, "id")[0])).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("round-trip them exactly in JSON Feed", () => {
    const feed = JSON.parse(readUrl(site, "/feed.json")) as {
      title: string;
      items: { id: string; title: string; tags: string[]; authors: { name: string }[]; content_html: string }[];
    };
    expect(feed.title).toBe("Best <of> & ]]> --");
    expect(feed.items.map((item) => item.title)).toEqual(TITLES.map(([, expected]) => expected));
    for (const item of feed.items) {
      expect(item.tags).toEqual(TAGS.map(([, expected]) => expected));
      expect(item.authors[0]!.name).toBe("A & B <Co> ]]> --");
      expect(item.content_html).toContain(esc(item.title));
    }
    expect(feed.items[0]!.id).toBe("<id> & ]]> 🚀");
  });

  it("never let the data's markup or script URLs come alive in item HTML, and keep its text", () => {
    const bodies = [
      ...xmlFeeds().flatMap((url) => [
        ...childElements(childElements(roots.get(url)!, "channel")[0] ?? roots.get(url)!, "item"),
        ...childElements(roots.get(url)!, "entry"),
      ]),
    ].map((item) =>
      // An issue's RSS item holds the whole issue in content:encoded (its description is a teaser).
      text(
        childElements(item, "encoded")[0] ?? childElements(item, "description")[0] ?? childElements(item, "content")[0],
      ),
    );
    const json = [...site.keys()]
      .filter((url) => url.endsWith(".json"))
      .flatMap((url) =>
        (JSON.parse(readUrl(site, url)) as { items: { content_html: string }[] }).items.map(
          (item) => item.content_html,
        ),
      );
    // Each article's item in the site feeds and its tags' (RSS and Atom), and the issue feed's one issue, holding them all.
    expect(bodies.length).toBe(TITLES.length * (2 + 2 * TAGS.length) + 2);
    for (const html of [...bodies, ...json]) {
      // No live tag or attribute from the data; the javascript: and relative links stay plain text.
      // (The one <img> is the plugin's own, for an article's image: an absolute src, alt text, no referrer;
      // the issue's, from its email, sized and styled inline.)
      expect(html).not.toMatch(
        /<script|<img(?! src="https:\/\/[^"<>]*" (?:width="\d+" height="\d+" )?alt="[^"<>]*" (?:style="[^"<>]*" )?referrerpolicy="no-referrer">)|<b>|<[a-z][^>]*\son\w+\s*=|="\s*javascript:|href="\//i,
      );
      expect(html).toContain("[js](javascript:alert(1)) [rel](/relative)");
      expect(html).toContain(
        "<code>a &amp;&amp; b</code> ]]&gt; -- &lt;!-- --&gt; &lt;script&gt;alert(1)&lt;/script&gt;",
      );
      // Markdown reads "&lt;b&gt;" as character references (CommonMark): the reader sees the text "<b>".
      expect(html).toContain("&lt;b&gt; 🚀");
      expect(html).not.toContain("\u0001");
    }
  });
});
