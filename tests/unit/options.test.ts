// resolveOptions: the schema's defaults and normalising, and the two options that depend on
// another (strings on locale, sitemap on basePath). The resolved shape other code reads.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../plugin/options.js";
import { BUILT_IN_STRINGS } from "../../plugin/html/strings.js";

describe("resolveOptions", () => {
  it("fills in every default from the schema", () => {
    expect(resolveOptions({ siteUrl: "https://digest.example.com" })).toStrictEqual({
      siteUrl: "https://digest.example.com",
      basePath: "/",
      pageSize: 10,
      dataKey: "digest",
      locale: "en",
      strings: BUILT_IN_STRINGS.en,
      timeZone: "UTC",
      feed: { limit: 50, formats: ["rss", "atom", "json"], perTag: true, items: "articles" },
      layouts: {},
      stylesheet: true,
      shareImages: false,
      globalData: "digestSite",
      pipeline: "eleventy",
      collectionsAll: true,
      email: true,
      sitemap: true,
    });
  });

  it("normalises the origin and basePath, and decides sitemap and strings from them", () => {
    const options = resolveOptions({ siteUrl: "HTTPS://Digest.Example.com", basePath: "digest", locale: "de", strings: { next: "Weiter!" } });
    expect(options).toMatchObject({ siteUrl: "https://digest.example.com", basePath: "/digest/", sitemap: false });
    expect(options.strings).toEqual({ ...BUILT_IN_STRINGS.de, next: "Weiter!" });
    expect(resolveOptions({ siteUrl: "https://digest.example.com", basePath: "/digest/", sitemap: true }).sitemap).toBe(true);
  });

  it("keeps what was given and leaves out the options that have no default", () => {
    const renderItem = () => "<p>x</p>";
    const options = resolveOptions({ siteUrl: "https://digest.example.com", title: "Picks", layout: "base.njk", layouts: { month: "issue.njk" }, renderItem, globalData: false });
    expect(options).toMatchObject({ title: "Picks", layout: "base.njk", layouts: { month: "issue.njk" }, renderItem, globalData: false });
    expect(Object.keys(resolveOptions({ siteUrl: "https://digest.example.com" }))).not.toContain("title");
  });
});
