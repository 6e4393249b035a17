// The standalone sitemap: one urlset up to the protocol's limit, an index of numbered parts past it.
import { describe, expect, it } from "vitest";
import { SITEMAP_URL_LIMIT, sitemapFiles } from "../../plugin/feeds/sitemap.js";

const absolute = (path: string) => `https://digest.example.com${path}`;
const urls = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ loc: absolute(`/p/${i}/`), lastmod: `2025-0${(i % 9) + 1}-01` }));

describe("sitemapFiles", () => {
  it("writes one urlset at {base}sitemap.xml, escaping every URL", () => {
    const files = sitemapFiles(
      "/",
      [{ loc: absolute("/a/?x=1&y=2"), lastmod: "2025-05-01" }, { loc: absolute("/b/") }],
      absolute,
    );
    expect(files.map((file) => file.path)).toEqual(["/sitemap.xml"]);
    expect(files[0]!.render()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        "<url><loc>https://digest.example.com/a/?x=1&amp;y=2</loc><lastmod>2025-05-01</lastmod></url>\n<url><loc>https://digest.example.com/b/</loc></url>\n</urlset>\n",
    );
  });

  it("keeps to 50,000 URLs a file, the protocol's limit", () => {
    expect(SITEMAP_URL_LIMIT).toBe(50_000);
    expect(sitemapFiles("/", urls(SITEMAP_URL_LIMIT), absolute)).toHaveLength(1);
  });

  it("past the limit, makes sitemap.xml an index of parts that together list every URL once", () => {
    const all = urls(25);
    const files = sitemapFiles("/digest/", all, absolute, 10);
    expect(files.map((file) => file.path)).toEqual([
      "/digest/sitemap.xml",
      "/digest/sitemap-1.xml",
      "/digest/sitemap-2.xml",
      "/digest/sitemap-3.xml",
    ]);
    const index = files[0]!.render();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(
      files.slice(1).map((file) => absolute(file.path)),
    );
    expect(index).toContain(
      "<sitemap><loc>https://digest.example.com/digest/sitemap-1.xml</loc><lastmod>2025-09-01</lastmod></sitemap>",
    );
    const listed = files
      .slice(1)
      .flatMap((file) => [...file.render().matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]));
    expect(listed).toEqual(all.map((url) => url.loc));
  });
});
