// The pages' words: built-in languages, placeholders filled with numbers in the locale, plural forms.
import { describe, expect, it } from "vitest";
import { stringsFor } from "../../plugin/model/strings.js";
import { Wording } from "../../plugin/render/wording.js";

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
