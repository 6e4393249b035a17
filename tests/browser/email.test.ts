// The email-ready issue (`{base}YYYY/MM/email.html`) in real Chromium: loaded as a file would be
// opened (no stylesheet, no script, images from other hosts stubbed), every pick's title is
// visible, the column is at most 600 px wide and a 375 px phone does not scroll sideways.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build/index.js";
import { makeDigest } from "../feeds/digest.js";
import { closeServedSite, openServedSite, type StaticServer } from "./support.js";

const PLACEHOLDER_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#7a8794"/></svg>`;
// 30 articles in one month, 10 to a page: the email holds all three pages' picks.
const data = makeDigest(30, 30);

let site: BuildResult;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => void ({ site, server, browser } = await openServedSite(() => buildSite({ data }))), 120_000);
afterAll(() => closeServedSite({ site, server, browser }));

/** A context whose requests to other hosts are images stubbed, or refused. */
async function newContext(width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.route(
    (url) => !url.href.startsWith(server.origin),
    (route) =>
      route.request().resourceType() === "image"
        ? route.fulfill({ contentType: "image/svg+xml", body: PLACEHOLDER_IMAGE })
        : route.abort(),
  );
  return context;
}

describe("email.html in real Chromium", { timeout: 60_000 }, () => {
  for (const width of [1280, 375]) {
    it(`shows every pick's title at ${width} px, in a column of at most 600 px, without sideways scrolling`, async () => {
      const context = await newContext(width);
      try {
        const page = await context.newPage();
        const types: string[] = [];
        page.on("request", (request) => types.push(request.resourceType()));
        await page.goto(`${server.origin}/2024/01/email.html`, { waitUntil: "load" });
        expect(types.filter((type) => !["document", "image"].includes(type))).toEqual([]);
        const titles = data.articles.map((article) => article.title);
        expect(titles).toHaveLength(30);
        for (const title of titles)
          await expect(page.getByRole("link", { name: title, exact: true }).isVisible(), title).resolves.toBe(true);
        const column = await page.evaluate<number>(
          `document.querySelector("table[style*='max-width:600px']").getBoundingClientRect().width`,
        );
        expect(column).toBeLessThanOrEqual(600);
        expect(column).toBeGreaterThan(Math.min(width, 600) - 40);
        expect(
          await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
        ).toBeLessThanOrEqual(0);
        // The preheader is for the inbox's preview line only.
        expect(await page.evaluate<number>(`document.body.firstElementChild.getBoundingClientRect().height`)).toBe(0);
      } finally {
        await context.close();
      }
    });
  }
});
