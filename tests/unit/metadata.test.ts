// What a page says to machines: its JSON-LD text, safe inside <script>, and its Open Graph locale.
import { describe, expect, it } from "vitest";
import { jsonLdText } from "../../plugin/html/metadata.js";
import { openGraphLocale } from "../../plugin/render/site.js";

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
