// Feed building blocks: name-based UUIDs, feed-safe URLs, exact XML text, and the feed options.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { create } from "xmlbuilder2";
import { resolveOptions } from "../../plugin/options.js";
import { issueIdentity, uuidV5 } from "../../plugin/feeds/identity.js";
import { feedUri } from "../../plugin/data/uri.js";
import { xmlValue } from "../../plugin/render/xml.js";
import { cleanText } from "../../plugin/data/text.js";
import { openXmlParser, type XmlParser } from "./xml-parser.js";
import { toMonthKey } from "../../plugin/data/schema.js";

// Real Eleventy builds and a real browser: generous limits for a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const NAMESPACE_DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const NAMESPACE_URL = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

describe("uuidV5", () => {
  it("matches RFC 4122 name-based UUIDs (values from Python's uuid.uuid5)", () => {
    expect(uuidV5("www.example.com", NAMESPACE_DNS)).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(uuidV5("https://www.npmjs.com/package/eleventy-plugin-digest", NAMESPACE_URL)).toBe(
      "7afb74a7-76fb-5279-8dba-ab9aa6fc1b26",
    );
    expect(uuidV5("article netflix-maestro")).toBe("f0166239-5666-50b4-8f53-2ea4be51260a");
    expect(uuidV5("article 分布式 🚀")).toBe("78429223-b6a3-5bf1-87dd-b5cd213fb484");
  });

  it("names an issue by site and month only", () => {
    expect(issueIdentity("https://digest.example.com", toMonthKey("2025-04")).guid).toBe(
      "urn:uuid:7bb6e1ef-c7e0-5dab-8555-d283f0c0fc8c",
    );
    expect(issueIdentity("https://other.example.com", toMonthKey("2025-04")).guid).not.toBe(
      issueIdentity("https://digest.example.com", toMonthKey("2025-04")).guid,
    );
  });
});

describe("feedUri", () => {
  it("percent-encodes what RFC 3986 does not allow, after the host", () => {
    expect(feedUri("https://Example.COM/a b|c^d/é?q=[x]{y}&z=`1`#frag ment")).toBe(
      "https://example.com/a%20b%7Cc%5Ed/%C3%A9?q=%5Bx%5D%7By%7D&z=%601%60#frag%20ment",
    );
    expect(feedUri("https://bücher.example/straße")).toBe("https://xn--bcher-kva.example/stra%C3%9Fe");
  });

  it("leaves a clean URL as it is, and is idempotent", () => {
    const clean = "https://articles.example.net/2025-04/post-1?ref=digest&x=1#top";
    expect(feedUri(clean)).toBe(clean);
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = feedUri(url);
        expect(feedUri(once)).toBe(once);
        expect(once).toMatch(/^[a-zA-Z][0-9a-zA-Z+\-.]*:(\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/);
      }),
    );
  });
});

describe("xmlValue", () => {
  // Decoded by a strict parser that decodes exactly once (see xml-parser.ts).
  let parser: XmlParser;
  beforeAll(async () => {
    parser = await openXmlParser();
  });
  afterAll(async () => {
    await parser?.close();
  });
  const serialise = (text: string) =>
    create({ version: "1.0" })
      .ele("t", { a: xmlValue(text) })
      .txt(xmlValue(text))
      .end();
  const decode = async (texts: readonly string[]) =>
    (await parser.parse(texts.map(serialise))).map((result) => {
      if ("error" in result) throw new Error(result.error);
      return { text: result.root.textContent, attribute: result.root.getAttribute("a") };
    });

  it("gives XML that decodes to exactly the text: entities, character references, CDATA ends, CR, emoji", async () => {
    const texts = [
      "&amp; &lt;script&gt; &#60; &#x3C; &foo; & <b>",
      "]]> <![CDATA[ x ]]>",
      "-- <!-- -->",
      "a\r\nb\rc",
      "🚀 👩🏽‍💻 \"q\" 'a'",
    ];
    expect((await decode(texts)).map((d) => d.text)).toEqual(texts);
  });

  it("round-trips any text the data can hold (text cleaned at the validation edge)", async () => {
    const texts = fc.sample(fc.string({ unit: "binary", maxLength: 40 }), { numRuns: 300, seed: 3 }).map(cleanText);
    texts.push(...fc.sample(fc.stringMatching(/^[&#;<>\]\-x0-9a-z\r]{0,20}$/), { numRuns: 300, seed: 4 }));
    const decoded = await decode(texts);
    expect(decoded.map((d) => d.text)).toEqual(texts);
    // Attributes hold URLs, which have no line breaks (XML folds those to spaces in attributes).
    expect(decoded.filter((_, i) => !/[\t\n\r]/.test(texts[i]!)).map((d) => d.attribute)).toEqual(
      texts.filter((t) => !/[\t\n\r]/.test(t)),
    );
  });
});

describe("feed options", () => {
  const feed = (value: unknown) => resolveOptions({ siteUrl: "https://digest.example.com", feed: value }).feed;

  it("default to every format, tag feeds, article items (and the companion issue feed) and 50 items", () => {
    expect(feed(undefined)).toEqual({
      limit: 50,
      formats: ["rss", "atom", "json"],
      perTag: true,
      perSource: false,
      items: "articles",
      companion: true,
    });
  });

  it("keep formats in one order, and clean titles like data text", () => {
    expect(
      feed({
        formats: ["json", "rss", "json"],
        title: " Weekly\u0001 ",
        description: "",
        items: "issues",
        perTag: false,
        limit: 3,
        companion: false,
      }),
    ).toEqual({
      limit: 3,
      formats: ["rss", "json"],
      perTag: false,
      perSource: false,
      items: "issues",
      companion: false,
      title: "Weekly",
    });
  });

  it.each([
    [{ formats: [] }, 'options.feed.formats: expected at least one of "rss", "atom", "json", got []'],
    [{ formats: ["rss", "xml"] }, 'options.feed.formats.1: expected "rss", "atom" or "json", got "xml"'],
    [{ items: "months" }, 'options.feed.items: expected "articles" or "issues", got "months"'],
    [{ perTag: "yes" }, 'options.feed.perTag: expected true or false, got "yes"'],
    [{ companion: "no" }, 'options.feed.companion: expected true or false, got "no"'],
    [{ title: "\u0000 " }, "options.feed.title: expected non-empty text"],
    [{ size: 3 }, "options.feed: unknown option size"],
  ])("reject %j naming the option", (value, message) => {
    expect(() => feed(value)).toThrow(message);
  });
});
