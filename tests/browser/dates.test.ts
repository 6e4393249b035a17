// Honest dates in a real Chromium: a pick's age counts from the reader's today (the browser's
// clock), not from the build's or the issue's; without JavaScript the date alone shows.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, type BuildResult } from "../helpers/build/index.js";
import { launchChromium, serveStatic, type StaticServer } from "./support.js";

let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([buildDemo(), launchChromium()]);
  server = await serveStatic(site.outputDir);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

async function newContext(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route(
    (url) => !url.href.startsWith(server.origin),
    (route) => route.abort(),
  );
  return context;
}

/** The first pick of March 2025 (published 15 March 2025): its date and age label, on a day the reader's clock says. */
async function firstPick(
  context: BrowserContext,
  today?: string,
): Promise<{ page: Page; date: string | null; datetime: string | null; age: string | null }> {
  const page = await context.newPage();
  if (today) await page.clock.setFixedTime(new Date(today));
  await page.goto(`${server.origin}/2025/03/`);
  const time = page.locator("#rank-1 .dg-meta time");
  const age = page.locator("#rank-1 .dg-meta .dg-age");
  return {
    page,
    date: await time.textContent(),
    datetime: await time.getAttribute("datetime"),
    age: (await age.count()) > 0 ? await age.textContent() : null,
  };
}

describe("a pick's date and age", { timeout: 30_000 }, () => {
  it("counts the age from the reader's today, in the page's language", async () => {
    const context = await newContext();
    try {
      const soon = await firstPick(context, "2025-03-20T12:00:00Z");
      expect(soon.datetime).toBe("2025-03-15T00:00:00Z");
      expect(soon.date).toBe("Mar 15, 2025");
      expect(soon.age).toMatch(/^5\s?d(ays?)? ago$/);
      const later = await firstPick(context, "2026-04-01T12:00:00Z");
      expect(later.age).toMatch(/^1\s?y(r\.?)? ago$/);
      const sameDay = await firstPick(context, "2025-03-15T18:00:00Z");
      expect(sameDay.age).toBe("today");
      // A clock before the publication date: no age rather than a wrong one.
      expect((await firstPick(context, "2025-01-01T00:00:00Z")).age).toBeNull();
    } finally {
      await context.close();
    }
  });

  it("shows the date alone without JavaScript", async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const { date, age } = await firstPick(context);
      expect(date).toBe("Mar 15, 2025");
      expect(age).toBeNull();
    } finally {
      await context.close();
    }
  });

  it("labels an issue by its month, with no made-up date beside it", async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/2025/03/`);
      // The demo's issues give no publication date: March is not "Issue of Apr 1, 2025".
      expect(await page.locator("main .dg-sub").first().textContent()).toBe("28 articles · Page 1 of 3");
    } finally {
      await context.close();
    }
  });
});
