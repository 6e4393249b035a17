// How a reader finds their way around the demo in a real Chromium: the not-found page a static
// host serves for a bad URL, and (below) the site navigation.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, type BuildResult } from "../helpers/build/index.js";
import { launchChromium, serveStatic, type StaticServer } from "./support.js";
import { axeViolations, describeViolations, inPage, wcag22Violations } from "./axe.js";

const SCHEMES = ["light", "dark"] as const;
const BACKGROUND = { light: "rgb(255, 255, 255)", dark: "rgb(18, 20, 23)" };

let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([buildDemo(), launchChromium()]);
  // As `npx http-server _site` serves it: 404.html, with status 404, for any missing URL.
  server = await serveStatic(site.outputDir, { notFound: "404.html" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

async function newContext(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route((url) => !url.href.startsWith(server.origin), (route) => route.abort());
  return context;
}

describe("a bad URL", { timeout: 30_000 }, () => {
  for (const scheme of SCHEMES) {
    it(`shows the digest's not-found page, styled, with 0 axe violations and no sideways scroll at 320 px (${scheme})`, async () => {
      const context = await newContext({ colorScheme: scheme });
      try {
        const page = await context.newPage();
        // Deep under a folder: every link and the stylesheet must be root-relative to work here.
        const response = await page.goto(`${server.origin}/2025/13/no-such-page/`);
        expect(response?.status()).toBe(404);
        expect(await page.locator("h1").textContent()).toBe("Page not found");
        expect(await page.title()).toBe("Best of Distributed Systems — Page not found");
        expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
        // The digest's own look: its stylesheet loaded from the right place, in the reader's scheme.
        expect(await inPage(page, "getComputedStyle(document.body).backgroundColor")).toBe(BACKGROUND[scheme]);
        expect(await page.locator(".dg-head .dg-brand").textContent()).toBe("Best of Distributed Systems");
        expect(describeViolations(await axeViolations(page))).toEqual([]);
        expect(describeViolations(await wcag22Violations(page))).toEqual([]);
        await page.setViewportSize({ width: 320, height: 800 });
        expect(await inPage(page, "document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBeLessThanOrEqual(0);
        // The ways back work from here: the newest issue, then the archive.
        await Promise.all([page.waitForURL(`${server.origin}/2025/05/`), page.getByRole("link", { name: "May 2025" }).click()]);
        expect(await page.locator("h1").textContent()).toContain("May 2025");
      } finally {
        await context.close();
      }
    });
  }

  it("is not in the sitemap", async () => {
    const sitemap = await site.read("sitemap.xml");
    expect(sitemap).not.toContain("404");
    expect(sitemap).toContain("<loc>https://digest.example.com/</loc>");
  });
});
