// The packed plugin installed into a blog built like eleventy-base-blog v9 (tests/fixtures/blog:
// directory data setting `layout`, a global eleventyComputed, a data schema, drafts, HtmlBasePlugin,
// bundles plucking every <style> and <script>, an HTML transform, an eleventy.after listener and a
// sitemap over collections.all), at /digest/ with `--pathprefix=/blog/`, as the README says.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, listFiles } from "./crawl.js";
import { buildInstalled } from "../helpers/build/index.js";
import { installFixture, removePackedPlugin, repoRoot } from "./packed.js";

let site: string;
let outputs: string;
const out = (name: string) => path.join(outputs, name);
const read = (build: string, file: string) => readFileSync(path.join(out(build), file), "utf8");
const FLAGS = ["--quiet", "--pathprefix=/blog/"];

/** The builds, by name: environment for the fixture's config. */
const BUILDS: Record<string, Record<string, string>> = {
  without: { FIXTURE_DIGEST: "off" },
  with: {},
  nolayout: { FIXTURE_LAYOUT: "off" },
  direct: { FIXTURE_PIPELINE: "direct" },
  directNolayout: { FIXTURE_PIPELINE: "direct", FIXTURE_LAYOUT: "off" },
  htmlbaseOff: { FIXTURE_HTML_BASE: "off" },
};
/** What the fixture's eleventy.after listener found on disk, per build. */
const report = (build: string): string[] => JSON.parse(readFileSync(out(`${build}.report.json`), "utf8")) as string[];
const digestFiles = (build: string) => listFiles(out(build)).filter((file) => file.startsWith("digest/"));
/** The digest's pages: its HTML files but the emails (standalone documents, like the feeds). */
const digestPages = (build: string) =>
  digestFiles(build).filter((file) => file.endsWith(".html") && !file.endsWith("/email.html"));
const urlOf = (file: string) => encodeURI(`https://example.com/blog/${file.replace(/index\.html$/, "")}`);
/**
 * The blog's own bundle links (`getBundleFileUrl`, `/dist/…`) get `pathPrefix` from its
 * HtmlBasePlugin, which does not reach them without the plugin or on Eleventy 4's alpha (in the blog
 * without the digest too): not the digest's links, every one of which is checked.
 */
const notBlogBundle = (link: { link: string }) => !link.link.startsWith("/dist/");
let toJson: { url: string | false; outputPath: string | false; content?: string }[];
/** Lines of `--to=ndjson` output; undefined on Eleventy 4, which dropped that output mode. */
let ndjsonLines: number | undefined;
/** The installed Eleventy's major version: `--to=ndjson` exists on 3 only. */
let eleventyMajor = 0;

describe("embedding in an eleventy-base-blog style blog (packed tarball)", () => {
  beforeAll(() => {
    site = installFixture("blog");
    outputs = mkdtempSync(path.join(tmpdir(), "digest-blog-out-"));
    for (const [name, env] of Object.entries(BUILDS))
      buildInstalled(site, out(name), { ...env, FIXTURE_REPORT: out(`${name}.report.json`) }, FLAGS);
    for (const pipeline of ["eleventy", "direct"])
      buildInstalled(site, out(`dryrun-${pipeline}`), { FIXTURE_PIPELINE: pipeline, FIXTURE_LAYOUT: "off" }, [
        ...FLAGS,
        "--dryrun",
      ]);
    toJson = JSON.parse(
      buildInstalled(site, out("json"), { FIXTURE_JSON: "on" }, [...FLAGS, "--to=json"]),
    ) as typeof toJson;
    eleventyMajor = Number(
      (
        JSON.parse(readFileSync(path.join(site, "node_modules/@11ty/eleventy/package.json"), "utf8")) as {
          version: string;
        }
      ).version.split(".")[0],
    );
    if (eleventyMajor < 4)
      ndjsonLines = buildInstalled(site, out("ndjson"), { FIXTURE_JSON: "on" }, [...FLAGS, "--to=ndjson"])
        .split("\n")
        .filter((line) => line.includes('"url"')).length;
  }, 300_000);

  afterAll(() => {
    for (const dir of [site, outputs]) if (dir) rmSync(dir, { recursive: true, force: true });
    removePackedPlugin();
  });

  it("leaves the blog's own files byte-identical (but the sitemap) and adds files only under /digest/", () => {
    const before = listFiles(out("without"));
    const after = listFiles(out("with"));
    expect(before.length).toBeGreaterThan(5);
    for (const file of before.filter((f) => f !== "sitemap.xml"))
      expect(read("with", file), file).toBe(read("without", file));
    const readingPages = ["reading/index.html", "reading-liquid/index.html", "reading-js/index.html"];
    expect(
      after.filter((file) => !before.includes(file) && !file.startsWith("digest/") && !readingPages.includes(file)),
    ).toEqual([]);
    expect(after).toContain("digest/2025/04/index.html");
    expect(after).toContain("digest/feed.xml");
  });

  it("adds no collection: the blog's tag pages are the same set as before", () => {
    const tagPages = (build: string) => listFiles(out(build)).filter((file) => file.startsWith("tags/"));
    expect(tagPages("with")).toEqual(tagPages("without"));
    expect(tagPages("with")).toEqual([
      "tags/caching/index.html",
      "tags/eleventy/index.html",
      "tags/index.html",
      "tags/notes/index.html",
    ]);
  });

  for (const build of ["with", "nolayout", "direct", "directNolayout"]) {
    describe(`${build === "with" ? "with the layout option" : build === "nolayout" ? "without the layout option" : build === "direct" ? 'pipeline "direct"' : 'pipeline "direct", without the layout option'}`, () => {
      it("writes feeds (and their OPML list) that are XML or JSON, a stylesheet that is CSS, an SVG favicon, and no page holding two documents", () => {
        const files = digestFiles(build);
        expect(files.filter((f) => f.endsWith(".xml")).length).toBeGreaterThan(10);
        expect(files).toEqual(
          expect.arrayContaining([
            "digest/feeds.opml",
            "digest/favicon.svg",
            "digest/subscribe/index.html",
            "digest/2025/04/email.html",
            "digest/2025/04/email.txt",
          ]),
        );
        for (const file of files) {
          const text = read(build, file);
          if (file.endsWith(".xml") || file.endsWith(".opml")) expect(text.startsWith("<?xml"), file).toBe(true);
          else if (file.endsWith(".svg"))
            expect(text, file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^<]*>(?![\s\S]*<html)/);
          else if (file.endsWith(".json")) expect(() => JSON.parse(text), file).not.toThrow();
          else if (file.endsWith(".css")) expect(text, file).not.toMatch(/<[a-z!]/i);
          else if (file.endsWith(".txt")) expect(text, file).not.toMatch(/<[a-z!/]/i);
          else {
            expect(text.match(/<html[\s>]/gi), file).toHaveLength(1);
            expect(text.match(/<!doctype/gi), file).toHaveLength(1);
            expect(text, file).not.toContain('class="home-layout"');
          }
        }
      });

      it("lets the host's eleventy.after listener find every digest file on disk", () => {
        expect(report(build).filter((file) => file.startsWith("digest/"))).toEqual(digestFiles(build));
        expect(report(build)).toEqual(listFiles(out(build)).filter((file) => !file.endsWith(".report.json")));
      });

      it("has no broken internal link anywhere in the site", () => {
        const { checked, broken } = brokenLinks(out(build), "https://example.com", "/blog/");
        expect(checked).toBeGreaterThan(200);
        expect(broken.filter(notBlogBundle)).toEqual([]);
      });

      it("keeps the JSON-LD in the page though the host bundles every <script>", () => {
        for (const file of digestPages(build)) {
          const html = read(build, file);
          expect(html, file).toMatch(/<script type="application\/ld\+json">\{/);
          expect(html, file).not.toContain("eleventy:ignore");
        }
      });

      if (build !== "directNolayout") {
        it("runs the host's HTML transform on every digest page, and lists every digest page in the host's sitemap", () => {
          const sitemap = read(build, "sitemap.xml");
          const pages = digestPages(build);
          expect(pages.length).toBeGreaterThan(20);
          for (const file of pages) {
            expect(read(build, file).match(/data-host-transform="seen"/g), file).toHaveLength(1);
            expect(sitemap, file).toContain(`<loc>${urlOf(file)}</loc>`);
          }
          expect(sitemap).not.toMatch(/digest\/[^<]*(\.xml|\.json|\.css|email\.html|email\.txt)</);
        });
      }
    });
  }

  it("gives digest pages in a host layout their canonical link, Open Graph and feed links through digestHead", () => {
    const month = read("with", "digest/2025/04/index.html");
    expect(month).toContain('<meta name="x-layout" content="base.liquid">');
    expect(month).toContain('<link rel="canonical" href="https://example.com/blog/digest/2025/04/">');
    expect(month).toContain('<meta property="og:url" content="https://example.com/blog/digest/2025/04/">');
    expect(month).toContain('<link rel="alternate" type="application/rss+xml"');
    const tag = read("with", "digest/tags/redis/index.html");
    expect(tag).toContain('<meta name="x-layout" content="base.njk">');
    expect(tag).toContain('href="https://example.com/blog/digest/tags/redis/feed.xml"');
    expect(read("with", "index.html")).not.toContain('rel="canonical"');
  });

  it("ends every digest page in the host's layouts with one of each head tag, with the README's steps alone (digestHead in one layout, none in the other)", () => {
    const pages = digestPages("with");
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = read("with", file);
      const head = html.slice(0, html.indexOf("</head>"));
      for (const tag of [
        /<title>/g,
        /<meta name="description"/g,
        /<link rel="canonical"/g,
        /<meta property="og:url"/g,
        /<meta name="twitter:card"/g,
        /<link rel="icon"/g,
      ])
        expect(head.match(tag) ?? [], `${file} ${tag}`).toHaveLength(1);
      expect(head, file).toContain(`<link rel="canonical" href="${urlOf(file)}">`);
      expect(head, file).toContain('<link rel="icon" href="/blog/digest/favicon.svg"');
    }
  });

  it("wraps digest pages in the host's Nunjucks layout, and month pages in its Liquid layout", () => {
    const archive = read("with", "digest/index.html");
    expect(archive).toContain('<meta name="x-layout" content="base.njk">');
    expect(archive).toContain("Fixture blog footer (njk)");
    expect(archive).toMatch(/<title>Archive \| Fixture Blog<\/title>/);
    const month = read("with", "digest/2025/04/index.html");
    expect(month).toContain("Fixture blog footer (liquid)");
    // The issue has a headline: the page's title says it (what the host's layout prints as its title).
    expect(month).toMatch(/<title>April 2025: Netflix, RPCs and System Design Fundamentals \| Fixture Blog<\/title>/);
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
    expect(read("with", "reading-liquid/index.html")).toMatch(
      /Latest: <a href="\/blog\/digest\/2025\/05\/">2025-05<\/a>, \d+ tags/,
    );
  });

  it("links correctly without HtmlBasePlugin too", () => {
    const { checked, broken } = brokenLinks(out("htmlbaseOff"), "https://example.com", "/blog/");
    expect(checked).toBeGreaterThan(200);
    expect(broken.filter(notBlogBundle)).toEqual([]);
  });

  it("puts pathPrefix and basePath in every digest feed URL", () => {
    const feed = read("with", "digest/feed.xml");
    expect(feed).toContain('<atom:link href="https://example.com/blog/digest/feed.xml" rel="self"');
    expect(feed).toContain("<link>https://example.com/blog/digest/</link>");
  });

  it("writes nothing under --dryrun, with either pipeline", () => {
    // The bundle plugin writes its dist/ files whatever the flag (as in the blog without the digest).
    const written = (pipeline: string) =>
      (existsSync(out(`dryrun-${pipeline}`)) ? listFiles(out(`dryrun-${pipeline}`)) : []).filter(
        (file) => !file.startsWith("dist/"),
      );
    for (const pipeline of ["eleventy", "direct"]) expect(written(pipeline), pipeline).toEqual([]);
  });

  it("lists every digest page and feed (the emails are the plugin's own files) under --to=json and --to=ndjson, writing nothing", () => {
    const urls = new Set(toJson.map((entry) => entry.url));
    for (const file of digestFiles("with").filter((f) => !/\/email\.(html|txt)$/.test(f)))
      expect(urls.has(`/${file.replace(/index\.html$/, "")}`), file).toBe(true);
    expect(toJson.find((entry) => entry.url === "/digest/2025/04/")?.content).toContain("How does Netflix manage");
    if (eleventyMajor < 4) expect(ndjsonLines).toBe(toJson.length);
    else expect(ndjsonLines).toBeUndefined();
    expect(existsSync(out("json"))).toBe(false);
    expect(existsSync(out("ndjson"))).toBe(false);
  });

  it("has types that check under strict TypeScript without skipLibCheck, with only the package and Eleventy installed", () => {
    writeFileSync(
      path.join(site, "typed-config.ts"),
      `import digest, { type DigestPluginOptions, type DigestSiteData } from "eleventy-plugin-digest";
const options: DigestPluginOptions = { siteUrl: "https://example.com", basePath: "/digest/", feed: { formats: ["rss"] } };
export function latest(site: DigestSiteData): string | undefined { return site.latestIssue?.date.slice(0, 10); }
export default function (eleventyConfig: { addPlugin(plugin: typeof digest, options: DigestPluginOptions): void }): void {
  eleventyConfig.addPlugin(digest, options);
}
`,
    );
    writeFileSync(
      path.join(site, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          types: [],
        },
        files: ["typed-config.ts"],
      }),
    );
    const tsc = path.join(repoRoot, "node_modules/.bin/tsc");
    expect(() =>
      execFileSync(tsc, ["-p", "tsconfig.json"], { cwd: site, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    ).not.toThrow();
  });
});
