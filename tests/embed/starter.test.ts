// The packed plugin in a blog shaped like the ones people have (tests/fixtures/starter: a CommonJS
// `.eleventy.js`, Liquid `.html` layouts with their own description, canonical, Open Graph, Twitter
// card and icons, eleventy-plugin-rss 3 adding HtmlBasePlugin, a tag page listing `collections.all`
// with images, an HTML rewriting transform, a glob sitemap, and eleventy-img's transform), built
// with `--pathprefix=/sub/`; the digest's thumbnails point at a closed port on 127.0.0.1. One
// install, two builds (without and with eleventy-img's transform).
import { readFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, listFiles } from "./crawl.js";
import { buildInstalled } from "../helpers/build/index.js";
import { installFixture, removePackedPlugin } from "./packed.js";

let site: string;
let outputs: string;
const out = (name: string) => path.join(outputs, name);
const read = (build: string, file: string) => readFileSync(path.join(out(build), file), "utf8");
const FLAGS = ["--quiet", "--pathprefix=/sub/"];
const BUILDS: Record<string, Record<string, string>> = { plain: {}, img: { FIXTURE_IMG: "on" } };
const built: Record<string, unknown> = {};
const digestPages = (build: string) =>
  listFiles(out(build)).filter(
    (file) => file.startsWith("digest/") && file.endsWith(".html") && !file.endsWith("/email.html"),
  );

/** `build`'s output, or the build's error as the test's failure. */
function builtOrThrow(build: string): void {
  if (built[build] !== true)
    throw built[build] instanceof Error ? built[build] : new Error(`the ${build} build did not run`);
}

describe("embedding in a CommonJS, rss, eleventy-img blog (packed tarball)", () => {
  beforeAll(() => {
    site = installFixture("starter");
    outputs = mkdtempSync(path.join(tmpdir(), "digest-starter-out-"));
    for (const [name, env] of Object.entries(BUILDS)) {
      try {
        buildInstalled(site, out(name), env, FLAGS);
        built[name] = true;
      } catch (error) {
        built[name] = error;
      }
    }
  }, 300_000);

  afterAll(() => {
    for (const dir of [site, outputs]) if (dir) rmSync(dir, { recursive: true, force: true });
    removePackedPlugin();
  });

  it('is a plugin as `require("eleventy-plugin-digest")` gives it to a CommonJS config', () => {
    builtOrThrow("plain");
    expect(listFiles(out("plain"))).toContain("digest/2025/04/index.html");
  });

  it("links every digest page right under --pathprefix when eleventy-plugin-rss adds HtmlBasePlugin", () => {
    builtOrThrow("plain");
    const { checked, broken } = brokenLinks(out("plain"), "https://example.com", "/sub/");
    expect(checked).toBeGreaterThan(200);
    // The blog's own stylesheet and icons are not in the fixture: only links to the digest count.
    expect(broken.filter((link) => link.link.includes("digest/"))).toEqual([]);
    for (const file of digestPages("plain")) expect(read("plain", file), file).not.toContain("/sub/sub/");
  });

  it("ends every digest page with one title, description, canonical, Open Graph set, Twitter card and icon set: the digest's", () => {
    builtOrThrow("plain");
    const pages = digestPages("plain");
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = read("plain", file);
      const head = html.slice(0, html.indexOf("</head>"));
      const count = (pattern: RegExp) => (head.match(pattern) ?? []).length;
      expect(count(/<title>/g), file).toBe(1);
      expect(count(/<meta name="description"/g), file).toBe(1);
      expect(count(/<link rel="canonical"/g), file).toBe(1);
      expect(count(/<meta property="og:title"/g), file).toBe(1);
      expect(count(/<meta property="og:url"/g), file).toBe(1);
      expect(count(/<meta property="og:type"/g), file).toBe(1);
      expect(count(/<meta name="twitter:card"/g), file).toBe(1);
      expect(count(/rel="(?:icon|apple-touch-icon)"/g), file).toBe(1);
      const url = `https://example.com/sub/${file.replace(/index\.html$/, "")}`;
      expect(head, file).toContain(`<link rel="canonical" href="${encodeURI(url)}">`);
      expect(head, file).not.toContain("images/share.png");
      expect(head, file).not.toContain("data-dg-head");
      // Who the site is stays the blog's.
      expect(head, file).toContain('<meta name="twitter:site" content="@starter">');
    }
    // The blog's own pages keep their own tags.
    expect(read("plain", "index.html")).toContain('<link rel="canonical" href="https://example.com/">');
  });

  it("keeps the emails out of host transforms: Outlook's conditional comments intact", () => {
    builtOrThrow("plain");
    const email = read("plain", "digest/2025/04/email.html");
    expect(email).toContain("<!--[if mso]><table");
    expect(email).not.toContain("data-rewritten");
    expect(read("plain", "digest/2025/04/index.html")).toContain('data-rewritten="yes"');
  });

  it("lists no digest page in a host page that loops over collections.all, and adds no tag page (the blog's own sitemap collection makes one)", () => {
    builtOrThrow("plain");
    const cards = read("plain", "blog/tags/all/index.html").match(/<li class="card">[\s\S]*?<\/li>/g) ?? [];
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      expect(card).not.toContain("/digest/");
      expect(card).not.toContain('src=""');
    }
    expect(listFiles(out("plain")).filter((file) => file.startsWith("blog/tags/"))).toEqual([
      "blog/tags/all/index.html",
      "blog/tags/post/index.html",
      "blog/tags/sitemap/index.html",
    ]);
  });

  it("lists every digest page in a glob sitemap through withDigestPages", () => {
    builtOrThrow("plain");
    const sitemap = read("plain", "sitemap.xml");
    const listed = new Set([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => decodeURI(match[1]!)));
    for (const file of digestPages("plain"))
      expect(listed.has(`https://example.com/sub/${file.replace(/index\.html$/, "")}`), file).toBe(true);
    expect(sitemap).toContain("<loc>https://example.com/sub/posts/post-1/</loc>");
  });

  it("builds under eleventy-img's transform with unreachable thumbnails, which stay as they are, and the host's images still go through it", () => {
    builtOrThrow("img");
    const month = read("img", "digest/2025/04/index.html");
    expect(month).toMatch(/<img class="dg-thumb" src="http:\/\/127\.0\.0\.1:9\/thumbs\/\d+\.png"/);
    expect(month).not.toContain("eleventy:ignore");
    expect(read("img", "posts/post-1/index.html")).not.toContain('src="/images/post-1.png"');
    expect(read("img", "digest/2025/04/email.html")).toContain('src="http://127.0.0.1:9/thumbs/');
  });
});
