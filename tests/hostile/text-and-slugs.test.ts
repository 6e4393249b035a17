// Text hygiene and tag slugs, for any string at all.
import { decodeHTML } from "entities";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertInsideBase } from "../../plugin/eleventy/output-path.js";
import { MAX_SLUG_BYTES, tagKey, tagSlug } from "../../plugin/data/slug.js";
import { cleanLine, cleanText } from "../../plugin/data/text.js";
import { escapeHtml } from "../../plugin/render/escape.js";
import { xmlText, xmlValue } from "../../plugin/render/xml.js";
import { tagFeedPath, tagPath } from "../../plugin/model/urls.js";

const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Every code unit, lone surrogates included, plus the snippets that matter.
const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.string({ unit: "binary" }),
  fc.constantFrom("../etc", "..", ".", "/", "%2e%2e", "\\", "C++", "AUX", "con", "分布式系统", "🚀"),
);

describe("text hygiene", () => {
  it("cleanText leaves nothing XML 1.0 forbids, no CR, and is idempotent", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = cleanText(text);
        expect(XML_FORBIDDEN.test(clean)).toBe(false);
        expect(clean).not.toContain("\r");
        expect(cleanText(clean)).toBe(clean);
      }),
      { numRuns: 2000 },
    );
  });

  it("cleanLine makes one trimmed line", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const line = cleanLine(text);
        expect(line).not.toMatch(/[\n\r\t\u2028\u2029]|\s{2}/);
        expect(line).toBe(line.trim());
      }),
      { numRuns: 2000 },
    );
    expect(cleanLine(" a\r\n\tb\u2028c\u00a0d ")).toBe("a b c\u00a0d");
  });

  it('escapeHtml leaves no markup character and reads back as written; xmlValue leaves no raw &, <, >, " or CR, xmlText no raw &, <, > or CR, and both read back as written', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39|#\d+);)/);
        expect(decodeHTML(escapeHtml(text))).toBe(text);
        expect(xmlValue(text)).not.toMatch(/[<>"\r]|&(?!(amp|lt|gt|quot|#\d+);)/);
        expect(xmlText(text)).not.toMatch(/[<>\r]|&(?!(amp|lt|gt|#\d+);)/);
        // Every reference the XML escapers write is one HTML's decoder reads the same way.
        expect(decodeHTML(xmlValue(text))).toBe(text);
        expect(decodeHTML(xmlText(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("tag slugs", () => {
  it("are never empty, use only letters, digits and -, fit a file name, and stay inside tags/", () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const slug = tagSlug(name);
        expect(slug).toMatch(/^[\p{L}\p{N}\p{M}]+(-[\p{L}\p{N}\p{M}]+)*$/u);
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
        expect(slug).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/);
        for (const base of ["/", "/digest/"]) {
          expect(() => assertInsideBase(tagPath(base, slug), base)).not.toThrow();
          expect(() => assertInsideBase(tagFeedPath(base, slug, "rss"), base)).not.toThrow();
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("keep common names apart and non-Latin tags whole (SPEC §2)", () => {
    expect(["C++", "C#", "C"].map(tagSlug)).toEqual(["c-plus-plus", "c-sharp", "c"]);
    expect(tagSlug("分布式系统")).toBe("分布式系统");
    expect(tagSlug("🚀")).toBe("u-1f680");
    expect(tagSlug("Kafka 入門")).not.toBe(tagSlug("Kafka"));
    expect(tagSlug("AUX")).toBe("aux-tag");
    expect(["../etc", "/", "..", "%2e%2e"].map(tagSlug)).toEqual(["etc", "u-2f", "u-2e-2e", "2e-2e"]);
  });

  it("one tag whatever the case, spacing or width", () => {
    expect(new Set(["Redis", "redis", " REDIS ", "Re dis", "Ｒｅｄｉｓ"].map(tagKey)).size).toBe(1);
    expect(tagKey("C++")).not.toBe(tagKey("C#"));
  });
});
