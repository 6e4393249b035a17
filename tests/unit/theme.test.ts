// The pure parts of the theme: the page-number window, JSON-LD text, Open Graph locales, words.
import { describe, expect, it } from "vitest";
import { jsonLdText, openGraphLocale } from "../../plugin/html/metadata.js";
import { pageWindow } from "../../plugin/html/pages.js";
import { stringsFor } from "../../plugin/html/strings.js";
import { Wording } from "../../plugin/html/wording.js";

describe("pageWindow", () => {
  it("shows the first, the last and the neighbours of the current page, with gaps", () => {
    expect(pageWindow(5, 12)).toEqual([1, "gap", 4, 5, 6, "gap", 12]);
    expect(pageWindow(1, 12)).toEqual([1, 2, "gap", 12]);
    expect(pageWindow(12, 12)).toEqual([1, "gap", 11, 12]);
  });
  it("shows a page instead of a gap of one page", () => {
    expect(pageWindow(4, 12)).toEqual([1, 2, 3, 4, 5, "gap", 12]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe("jsonLdText", () => {
  it("cannot end its <script> element, whatever the data says", () => {
    const text = jsonLdText({ name: "</script><script>alert(1)</script> & <!--" });
    expect(text).not.toContain("<");
    expect(text).toContain("\\u003c/script>");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script> & <!--" });
  });
});

describe("openGraphLocale", () => {
  it("gives language_TERRITORY", () => {
    expect(openGraphLocale("en")).toBe("en_US");
    expect(openGraphLocale("de")).toBe("de_DE");
    expect(openGraphLocale("de-AT")).toBe("de_AT");
    expect(openGraphLocale("pt-BR")).toBe("pt_BR");
  });
});

describe("words", () => {
  it("falls back to English for a locale without built-in words, and picks German by language", () => {
    expect(stringsFor("fr").next).toBe("Next");
    expect(stringsFor("de-CH").next).toBe("Weiter");
  });
  it("fills placeholders with numbers in the locale and picks plural forms", () => {
    const de = new Wording("de", stringsFor("de"));
    expect(de.fill("{rank}", { rank: 1234 })).toBe("1.234");
    expect(de.count(de.strings.issueCount, 1)).toBe("1 Ausgabe");
    expect(de.count(de.strings.issueCount, 2)).toBe("2 Ausgaben");
    const en = new Wording("en", stringsFor("en"));
    expect(en.count(en.strings.articleCount, 1)).toBe("1 article");
    expect(en.fill("{missing} {n}", { n: 2 })).toBe("{missing} 2");
    expect(en.fill("{a}{b}", { a: "x", b: 1000 })).toBe("x1,000");
    expect(en.fill("no placeholders", { n: 1 })).toBe("no placeholders");
    expect(en.fill("{ n } {n}s {n}", { n: 3 })).toBe("{ n } 3s 3");
    expect(en.fill("$& {n} $1", { n: "$&" })).toBe("$& $& $1");
  });
});
