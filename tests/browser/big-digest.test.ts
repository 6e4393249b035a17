// A 250-article digest with 200 tags and share images, as a reader meets it in real Chromium: every
// page kind passes axe's WCAG 2.2 AA rules (target-size included) in both schemes at 375 and 1280
// px, has a 1200×630 PNG share image with its alt text, and the tag index stays in its budget.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, repoRoot, SITE_URL, type BuildResult } from "../helpers/build/index.js";
import { twoHundredTags } from "../helpers/synthetic.js";
import { describeViolations, inPage, wcag22Violations } from "./axe.js";
import { closeServedSite, openServedSite, type StaticServer } from "./support.js";

const SCREENSHOTS = path.join(repoRoot, "test-output", "screenshots");
const PAGES = [
  "/",
  "/2025/",
  "/2025/01/",
  "/2025/01/page/2/",
  "/tags/",
  "/tags/alpha-1-topic/",
  "/subscribe/",
  "/search/",
] as const;
/** Pages that are not the site's own pages: no share image or favicon, but read by people all the same. */
const OTHER_PAGES = ["/2025/01/email.html"] as const;

let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(
  async () =>
    void ({ site, server, browser } = await openServedSite(() =>
      buildSite({ data: { title: "Best of Big", ...twoHundredTags() }, options: { shareImages: true, search: true } }),
    )),
  120_000,
);
afterAll(() => closeServedSite({ site, server, browser }));

/** Width and height from a PNG's IHDR chunk (bytes 16 to 23). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A file of the output named by an absolute URL of the site. */
function outputFile(url: string): string {
  expect(url.startsWith(`${SITE_URL}/`), url).toBe(true);
  return path.join(site.outputDir, decodeURIComponent(url.slice(SITE_URL.length)));
}

describe("a 250-article digest with 200 tags, every page kind", { timeout: 120_000 }, () => {
  for (const urlPath of [...PAGES, ...OTHER_PAGES]) {
    it(`${urlPath}: 0 WCAG 2.2 AA violations (target-size too) in light and dark at 375 and 1280 px`, async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        for (const width of [375, 1280]) {
          const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
          await context.route(
            (url) => !url.href.startsWith(server.origin),
            (route) => route.abort(),
          );
          const page = await context.newPage();
          expect((await page.goto(server.origin + urlPath))?.status(), urlPath).toBe(200);
          // The search page's form is drawn by Pagefind's script: check it as a reader meets it.
          if (urlPath === "/search/") await page.waitForSelector(".pagefind-ui__search-input");
          const violations = await wcag22Violations(page);
          if (violations.length > 0)
            await page.screenshot({
              path: path.join(SCREENSHOTS, `FAILED-big${urlPath.replaceAll("/", "_")}${colorScheme}-${width}.png`),
              fullPage: true,
            });
          expect(describeViolations(violations), `${urlPath} ${colorScheme} ${width}px`).toEqual([]);
          await context.close();
        }
      }
    });
  }

  for (const urlPath of PAGES) {
    it(`${urlPath}: names a 1200×630 PNG share image that is in the output, with its alt text, and a favicon that resolves`, async () => {
      const html = await site.page(urlPath);
      const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
      const image = meta("og:image");
      expect(image, "og:image").toMatch(/\.png$/);
      expect(pngSize(await readFile(outputFile(image!)))).toEqual({ width: 1200, height: 630 });
      expect(meta("og:image:alt")?.length, "og:image:alt").toBeGreaterThan(10);
      expect(meta("twitter:image:alt")).toBe(meta("og:image:alt"));
      expect(meta("twitter:card")).toBe("summary_large_image");
      const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
      expect(icon).toBeDefined();
      await expect(readFile(path.join(site.outputDir, icon!))).resolves.toBeDefined();
    });
  }

  it("keeps the 200-tag index under 30 KB of HTML and CSS, and links every tag", async () => {
    const html = await site.page("/tags/");
    const css = await site.read("digest.css");
    expect(Buffer.byteLength(html) + Buffer.byteLength(css)).toBeLessThan(30 * 1024);
    expect(html.match(/<li><a href="\/tags\/[^"]+\/">/g)).toHaveLength(200);
  });

  it("says on a tag page where each pick was ranked, linked to its issue", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/tags/alpha-1-topic/`);
    const contexts = await inPage<string[]>(
      page,
      `[...document.querySelectorAll(".dg-context a")].map((a) => a.textContent + " " + a.getAttribute("href"))`,
    );
    expect(contexts.length).toBeGreaterThan(0);
    for (const line of contexts) expect(line).toMatch(/^#(\d+) in \w+ 2025 \/2025\/\d{2}\/(page\/\d+\/)?#rank-\1$/);
    await context.close();
  });

  it("links every feed and feeds.opml from /subscribe/, and the OPML has an outline for every tag feed", async () => {
    const subscribe = await site.page("/subscribe/");
    const opml = await site.read("feeds.opml");
    const tagFeeds = (await site.files()).filter((file) =>
      /^tags\/[^/]+\/(feed\.xml|atom\.xml|feed\.json)$/.test(file),
    );
    expect(tagFeeds).toHaveLength(600);
    // Non-ASCII slugs (分布式) are shown percent-encoded: the address a reader copies works anywhere.
    // The site feeds, and the issue feed beside them (one item a month).
    const siteFeeds = ["feed.xml", "atom.xml", "feed.json", "issues/feed.xml", "issues/atom.xml", "issues/feed.json"];
    for (const file of [...siteFeeds, "feeds.opml", ...tagFeeds])
      expect(subscribe, file).toContain(`${SITE_URL}/${encodeURI(file)}`);
    const outlines = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(outlines)).toEqual(
      new Set([...siteFeeds, ...tagFeeds].map((file) => `${SITE_URL}/${encodeURI(file)}`)),
    );
  });
});
