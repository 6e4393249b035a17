// How a reader finds their way around the demo in a real Chromium: the not-found page a static
// host serves for a bad URL, and (below) the site navigation.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, buildSite, type BuildResult } from "../helpers/build/index.js";
import { twoHundredTags } from "../helpers/synthetic.js";
import { launchChromium, serveStatic, type StaticServer } from "./support.js";
import { axeViolations, describeViolations, inPage, wcag22Violations } from "./axe.js";

const SCHEMES = ["light", "dark"] as const;
const BACKGROUND = { light: "rgb(255, 255, 255)", dark: "rgb(18, 20, 23)" };

/** A publisher's sign-up form, as a newsletter service's embed code gives it. */
const NEWSLETTER_FORM =
  '<form action="https://buttondown.example/api/subscribe" method="post"><label for="nl-email">Your email</label> <input id="nl-email" type="email" name="email" autocomplete="email"> <button>Sign up</button></form>';

let site: BuildResult;
let server: StaticServer;
let tags: BuildResult;
let tagServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [site, tags, browser] = await Promise.all([
    buildDemo(),
    // With a publisher's newsletter form on the subscribe page (the demo has none).
    buildSite({ data: twoHundredTags(), options: { subscribe: { newsletterHtml: NEWSLETTER_FORM } } }),
    launchChromium(),
  ]);
  // As `npx http-server _site` serves it: 404.html, with status 404, for any missing URL.
  server = await serveStatic(site.outputDir, { notFound: "404.html" });
  tagServer = await serveStatic(tags.outputDir);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await tagServer?.close();
  await site?.cleanup();
  await tags?.cleanup();
});

async function newContext(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route(
    (url) => !url.href.startsWith(server.origin) && !url.href.startsWith(tagServer.origin),
    (route) => route.abort(),
  );
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
        expect(await page.title()).toBe("Best of Distributed Systems · Page not found");
        expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
        // The digest's own look: its stylesheet loaded from the right place, in the reader's scheme.
        expect(await inPage(page, "getComputedStyle(document.body).backgroundColor")).toBe(BACKGROUND[scheme]);
        expect(await page.locator(".dg-head .dg-brand").textContent()).toBe("Best of Distributed Systems");
        expect(describeViolations(await axeViolations(page))).toEqual([]);
        expect(describeViolations(await wcag22Violations(page))).toEqual([]);
        await page.setViewportSize({ width: 320, height: 800 });
        expect(
          await inPage(page, "document.documentElement.scrollWidth - document.documentElement.clientWidth"),
        ).toBeLessThanOrEqual(0);
        // The ways back work from here: the newest issue, then the archive.
        await Promise.all([
          page.waitForURL(`${server.origin}/2025/05/`),
          page.getByRole("link", { name: "May 2025" }).click(),
        ]);
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

describe("the tag index's A–Z bar", { timeout: 60_000 }, () => {
  for (const [name, origin] of [
    ["the demo", () => server.origin],
    ["200 tags", () => tagServer.origin],
  ] as const) {
    it(`leaves every jumped-to heading visible below the sticky bar at 375 and 1280 px (${name})`, async () => {
      const context = await newContext({ viewport: { width: 375, height: 700 } });
      try {
        const page = await context.newPage();
        await page.goto(`${origin()}/tags/`);
        const letters = await page.locator(".dg-az a").all();
        expect(letters.length).toBeGreaterThan(5);
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: 700 });
          // The last letters, whose headings are furthest down (the page must scroll to them).
          for (const letter of letters.slice(-3)) {
            const target = (await letter.getAttribute("href"))!;
            await letter.click();
            await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toBe(target);
            const place = await inPage<{ bar: number; top: number; bottom: number; height: number; scrolled: number }>(
              page,
              `(() => { const h = document.getElementById(${JSON.stringify(target.slice(1))}).getBoundingClientRect();
                return { bar: document.querySelector(".dg-az").getBoundingClientRect().bottom, top: h.top, bottom: h.bottom, height: innerHeight, scrolled: scrollY }; })()`,
            );
            expect(place.scrolled, `${target} at ${width}px: the page scrolled`).toBeGreaterThan(0);
            expect(place.top, `${target} at ${width}px: heading below the bar`).toBeGreaterThanOrEqual(place.bar);
            expect(place.bottom, `${target} at ${width}px: heading on screen`).toBeLessThanOrEqual(place.height);
          }
        }
        expect(
          await inPage(page, "document.documentElement.scrollWidth - document.documentElement.clientWidth"),
        ).toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    });
  }
});

describe("the site navigation", { timeout: 30_000 }, () => {
  it("marks the current section for screen readers and the eye", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/2025/03/`);
      const nav = page.getByRole("navigation", { name: "Site" });
      expect(await nav.locator("[aria-current]").allTextContents()).toEqual(["Archive"]);
      const decoration = (href: string) =>
        inPage(page, `getComputedStyle(document.querySelector('.dg-head nav a[href="${href}"]')).textDecorationLine`);
      expect(await decoration("/")).toBe("underline");
      expect(await decoration("/tags/")).toBe("none");
      await page.goto(`${server.origin}/tags/`);
      expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual(["Tags"]);
    } finally {
      await context.close();
    }
  });

  it("opens an issue from anywhere on its archive row or year card, and a top pick still opens the article", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/2025/`);
      // A tap on the count, not the month link: the stretched link over the card takes it.
      const count = (await page.locator("#dg-2025-03").locator("xpath=..").locator(".dg-sub").boundingBox())!;
      await Promise.all([
        page.waitForURL(`${server.origin}/2025/03/`),
        page.mouse.click(count.x + count.width / 2, count.y + count.height / 2),
      ]);
      await page.goto(`${server.origin}/2025/`);
      // What a tap on the first top pick's text hits: the pick's own link, above the stretched one.
      const hit = await inPage<string | null>(
        page,
        `(() => { const a = document.querySelector("#dg-2025-03").parentElement.querySelector(".dg-top a"), r = a.getBoundingClientRect();
          return document.elementFromPoint(r.left + 4, r.top + r.height / 2)?.closest("a")?.getAttribute("href") ?? null; })()`,
      );
      expect(hit).toMatch(/^https:\/\//);
    } finally {
      await context.close();
    }
  });
});

describe("the subscribe page on a phone", { timeout: 30_000 }, () => {
  it("shows the whole digest's feeds as one card with copy buttons, unbroken URLs, and one tag's feeds at a time", async () => {
    const context = await newContext({
      viewport: { width: 375, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/subscribe/`);
      const card = page.locator('section[aria-labelledby="dg-site-feeds"]');
      // Every pick, then one item a month (the issue feed), then the OPML file.
      expect(await card.locator("h3").allTextContents()).toEqual([
        "Every pick",
        "One item a month",
        "All feeds as one OPML file",
      ]);
      expect(await card.locator("li > a").allTextContents()).toEqual([
        "RSS",
        "Atom",
        "JSON Feed",
        "RSS",
        "Atom",
        "JSON Feed",
        "OPML",
      ]);
      // Each URL on one line, whole (it scrolls sideways in its own box, never the page).
      const lines = await inPage<number[]>(
        page,
        `[...document.querySelectorAll(".dg-latest .dg-url")].map((c) => { const r = document.createRange(); r.selectNodeContents(c); return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size; })`,
      );
      expect(lines).toEqual([1, 1, 1, 1, 1, 1, 1]);
      await card.getByRole("button", { name: "Copy" }).first().click();
      expect(await inPage(page, "navigator.clipboard.readText()")).toBe(`https://digest.example.com/feed.xml`);
      expect(await card.getByRole("button").first().textContent()).toBe("Copied");
      await card.getByRole("button", { name: "Copy" }).nth(2).click(); // the issue feed's RSS (the first is now "Copied")
      expect(await inPage(page, "navigator.clipboard.readText()")).toBe(`https://digest.example.com/issues/feed.xml`);
      // Tags: one line each; the filter narrows them; one opens at a time.
      const tags = page.locator(".dg-followed > details");
      const total = await tags.count();
      expect(total).toBeGreaterThan(10);
      await page.getByRole("searchbox", { name: "Find a tag" }).fill("red");
      expect(await page.locator(".dg-followed > details:not([hidden]) > summary").allTextContents()).toEqual(["Redis"]);
      await page.getByRole("searchbox", { name: "Find a tag" }).fill("");
      await tags.nth(0).locator("summary").click();
      await tags.nth(1).locator("summary").click();
      expect(await page.locator(".dg-followed > details[open]").count()).toBe(1);
      expect(
        await inPage(page, "document.documentElement.scrollWidth - document.documentElement.clientWidth"),
      ).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});

describe("the subscribe page's two kinds of feed and newsletter card at 320 px", { timeout: 60_000 }, () => {
  for (const scheme of SCHEMES) {
    it(`offers every pick and one item a month, each said in words with copy buttons, and the publisher's form in a 'By email' card, with nothing scrolling sideways and 0 axe violations (${scheme})`, async () => {
      const context = await newContext({
        viewport: { width: 320, height: 700 },
        colorScheme: scheme,
        permissions: ["clipboard-read", "clipboard-write"],
      });
      try {
        const page = await context.newPage();
        await page.goto(`${tagServer.origin}/subscribe/`);
        const card = page.locator('section[aria-labelledby="dg-site-feeds"]');
        expect(await card.locator("h3 + p").allTextContents()).toEqual([
          "Every pick as it is ranked, one item each.",
          "One item a month, the whole issue: its intro and every pick in rank order.",
          "Import it into your reader to subscribe to every feed at once.",
        ]);
        // A copy button after every URL, each copying its own.
        const urls = await card.locator(".dg-url").allTextContents();
        expect(urls).toHaveLength(7);
        expect(await card.getByRole("button", { name: "Copy" }).count()).toBe(7);
        await card.getByRole("button", { name: "Copy" }).nth(4).click();
        expect(await inPage(page, "navigator.clipboard.readText()")).toBe(urls[4]);
        expect(urls[4]).toBe("https://digest.example.com/issues/atom.xml");
        // The newsletter card, after the feeds: its heading, and the form a reader can fill in.
        const newsletter = page.getByRole("region", { name: "By email" });
        await newsletter.getByRole("textbox", { name: "Your email" }).fill("reader@example.org");
        expect(await newsletter.getByRole("button", { name: "Sign up" }).isVisible()).toBe(true);
        const [feedsBottom, newsletterTop] = await Promise.all([
          card.boundingBox().then((box) => box!.y + box!.height),
          newsletter.boundingBox().then((box) => box!.y),
        ]);
        expect(newsletterTop).toBeGreaterThan(feedsBottom);
        // Nothing wider than the screen: the page does not scroll sideways, and each card fits.
        expect(
          await inPage(page, "document.documentElement.scrollWidth - document.documentElement.clientWidth"),
        ).toBeLessThanOrEqual(0);
        for (const box of [await card.boundingBox(), await newsletter.boundingBox()])
          expect(box!.x + box!.width).toBeLessThanOrEqual(320);
        expect(describeViolations(await axeViolations(page))).toEqual([]);
        expect(describeViolations(await wcag22Violations(page))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
