// Issue 4: the packed plugin installed into an eleventy-base-blog style blog, at /digest/ with
// pathPrefix /blog/, in Nunjucks and Liquid host layouts.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, listFiles } from "./crawl.js";
import { buildSite, installFixture, removePackedPlugin } from "./packed.js";

let site: string;
let outputs: string;
const out = (name: string) => path.join(outputs, name);
const read = (build: string, file: string) => readFileSync(path.join(out(build), file), "utf8");

describe("embedding in an existing Eleventy blog (packed tarball)", () => {
  beforeAll(() => {
    site = installFixture("blog");
    outputs = mkdtempSync(path.join(tmpdir(), "digest-blog-out-"));
    buildSite(site, out("without"), { FIXTURE_DIGEST: "off" });
    buildSite(site, out("with"));
    buildSite(site, out("htmlbase"), { FIXTURE_HTML_BASE: "on" });
  }, 180_000);

  afterAll(() => {
    for (const dir of [site, outputs]) if (dir) rmSync(dir, { recursive: true, force: true });
    removePackedPlugin();
  });

  it("leaves every page of the blog byte-identical and adds pages only under /digest/", () => {
    const before = listFiles(out("without"));
    const after = listFiles(out("with"));
    expect(before.length).toBeGreaterThan(5);
    for (const file of before) expect(read("with", file), file).toBe(read("without", file));
    const added = after.filter((file) => !before.includes(file));
    const readingPages = ["reading/index.html", "reading-liquid/index.html", "reading-js/index.html"];
    expect(added.filter((file) => !file.startsWith("digest/") && !readingPages.includes(file))).toEqual([]);
    expect(added).toContain("digest/2025/04/index.html");
    expect(added).toContain("digest/feed.xml");
  });

  it("adds no collection: the blog's tag pages are the same set as before", () => {
    const tagPages = (build: string) => listFiles(out(build)).filter((file) => file.startsWith("tags/"));
    expect(tagPages("with")).toEqual(tagPages("without"));
    expect(tagPages("with")).toEqual(["tags/caching/index.html", "tags/eleventy/index.html", "tags/index.html", "tags/notes/index.html"]);
  });

  it("wraps digest pages in the host's Nunjucks layout, and month pages in its Liquid layout", () => {
    const archive = read("with", "digest/index.html");
    expect(archive).toContain('<meta name="x-layout" content="base.njk">');
    expect(archive).toContain("Fixture blog footer (njk)");
    expect(archive).toMatch(/<title>Archive \| Fixture Blog<\/title>/);
    const tag = read("with", "digest/tags/index.html");
    expect(tag).toContain('<meta name="x-layout" content="base.njk">');
    const month = read("with", "digest/2025/04/index.html");
    expect(month).toContain('<meta name="x-layout" content="base.liquid">');
    expect(month).toContain("Fixture blog footer (liquid)");
    expect(month).toMatch(/<title>April 2025 \| Fixture Blog<\/title>/);
    expect(month).toMatch(/<meta name="description" content="[^"]*April 2025/);
    expect(month).toContain('href="/blog/digest/digest.css"');
    expect(listFiles(out("with"))).toContain("digest/digest.css");
  });

  it("gives host templates the digest's data and shortcode in Nunjucks, Liquid and 11ty.js", () => {
    for (const page of ["reading", "reading-liquid", "reading-js"]) {
      const html = read("with", `${page}/index.html`);
      expect(html, page).toContain('class="dg-latest"');
      expect(html, page).toContain('href="/blog/digest/2025/05/"');
    }
    expect(read("with", "reading/index.html")).toContain('<a href="/blog/digest/2025/03/">2025-03</a>');
    expect(read("with", "reading-liquid/index.html")).toMatch(/Latest: <a href="\/blog\/digest\/2025\/05\/">2025-05<\/a>, \d+ tags/);
  });

  for (const build of ["with", "htmlbase"]) {
    it(`has no broken internal link anywhere in the site (${build === "htmlbase" ? "with" : "without"} HtmlBasePlugin)`, () => {
      const { checked, broken } = brokenLinks(out(build), "https://example.com", "/blog/");
      expect(checked).toBeGreaterThan(200);
      expect(broken).toEqual([]);
    });
  }

  it("puts pathPrefix and basePath in every digest feed URL", () => {
    const feed = read("with", "digest/feed.xml");
    expect(feed).toContain('<atom:link href="https://example.com/blog/digest/feed.xml" rel="self"');
    expect(feed).toContain("<link>https://example.com/blog/digest/</link>");
  });
});
