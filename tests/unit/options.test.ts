// resolveOptions: the schema's defaults and normalising, and the two options that depend on
// another (strings on locale, sitemap on basePath). The resolved shape other code reads.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../plugin/options.js";
import { BUILT_IN_STRINGS } from "../../plugin/model/strings.js";

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
      feed: {
        limit: 50,
        formats: ["rss", "atom", "json"],
        perTag: true,
        perSource: false,
        items: "articles",
        companion: true,
      },
      subscribe: {},
      layouts: {},
      tagAliases: {},
      stylesheet: true,
      shareImages: false,
      search: false,
      globalData: "digestSite",
      pipeline: "eleventy",
      collectionsAll: false,
      email: true,
      thumbnails: true,
      hostImageTransform: false,
      sitemap: true,
      notFoundPage: true,
    });
  });

  it("normalises the origin and basePath, and decides sitemap and strings from them", () => {
    const options = resolveOptions({
      siteUrl: "HTTPS://Digest.Example.com",
      basePath: "digest",
      locale: "de",
      strings: { next: "Weiter!" },
    });
    expect(options).toMatchObject({
      siteUrl: "https://digest.example.com",
      basePath: "/digest/",
      sitemap: false,
      notFoundPage: false,
    });
    expect(options.strings).toEqual({ ...BUILT_IN_STRINGS.de, next: "Weiter!" });
    expect(resolveOptions({ siteUrl: "https://digest.example.com", basePath: "/digest/", sitemap: true }).sitemap).toBe(
      true,
    );
  });

  it("keeps what was given and leaves out the options that have no default", () => {
    const renderItem = () => "<p>x</p>";
    const options = resolveOptions({
      siteUrl: "https://digest.example.com",
      title: "Picks",
      layout: "base.njk",
      layouts: { month: "issue.njk" },
      renderItem,
      globalData: false,
    });
    expect(options).toMatchObject({
      title: "Picks",
      layout: "base.njk",
      layouts: { month: "issue.njk" },
      renderItem,
      globalData: false,
      notFoundPage: false,
    });
    expect(Object.keys(resolveOptions({ siteUrl: "https://digest.example.com" }))).not.toContain("title");
  });
});

describe("resolveOptions: tagAliases and feed.hub", () => {
  const site = { siteUrl: "https://digest.example.com" };
  it("keeps the aliases as given, and the hub in the form feeds print", () => {
    expect(resolveOptions({ ...site, tagAliases: { K8s: "Kubernetes" } }).tagAliases).toEqual({ K8s: "Kubernetes" });
    expect(resolveOptions({ ...site, feed: { hub: "https://Hub.example/push here" } }).feed.hub).toBe(
      "https://hub.example/push%20here",
    );
  });

  it("names a bad entry: an empty name, a value that is no name, a hub that is no http(s) URL", () => {
    expect(() => resolveOptions({ ...site, tagAliases: { " ": "Kubernetes" } })).toThrow(
      "options.tagAliases. : expected a tag name as the old tag, not only white space",
    );
    expect(() => resolveOptions({ ...site, tagAliases: { K8s: 3 } })).toThrow(
      "options.tagAliases.K8s: expected a tag name: the tag that replaced this one",
    );
    expect(() => resolveOptions({ ...site, tagAliases: ["K8s"] })).toThrow(
      'options.tagAliases: expected an object of old tag name to new tag name, such as { "K8s": "Kubernetes" }',
    );
    expect(() => resolveOptions({ ...site, feed: { hub: "ftp://hub.example/" } })).toThrow(
      "options.feed.hub: expected an absolute http(s) URL of a WebSub hub",
    );
  });
});
