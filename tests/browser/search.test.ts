// Search in a real Chromium: the demo (built with `search: true`) served as a static host serves
// it; Pagefind's UI on /search/ runs its own WebAssembly over the index the build wrote.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, buildSite, type BuildResult } from "../helpers/build/index.js";
import { closeServedSite, openServedSite, serveStatic, type StaticServer } from "./support.js";
import { inPage } from "./axe.js";

const APRIL_NETFLIX = [
  "How does Netflix manage to show you a movie without interruptions?",
  "How Netflix Orchestrates Millions of Workflow Jobs with Maestro",
  "How Netflix Accurately Attributes eBPF Flow Logs",
];

let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => void ({ site, server, browser } = await openServedSite(buildDemo)), 60_000);
afterAll(() => closeServedSite({ site, server, browser }));

/** The titles Pagefind's UI lists. */
async function resultTitles(page: Page): Promise<string[]> {
  return page.locator(".pagefind-ui__result-link").allTextContents();
}

/** Waits until the listed results stop changing (Pagefind loads fragments one by one), showing them all. */
async function settled(page: Page): Promise<string[]> {
  let last: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const more = page.locator(".pagefind-ui__button", { hasText: "Load more" });
    if ((await more.count()) > 0) await more.click();
    const titles = await resultTitles(page);
    if (titles.length > 0 && titles.join("\n") === last.join("\n")) return titles;
    last = titles;
  }
  return last;
}

/** A browser context that reaches only the test's server: the machine has no network. */
async function offlineContext(options: Parameters<Browser["newContext"]>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route(
    (url) => !url.href.startsWith(server.origin),
    (route) => route.abort(),
  );
  return context;
}

describe("search (the demo, search: true)", () => {
  it('typing "Netflix" on /search/ lists the April 2025 Netflix picks, each a result of its own linking to its place; a tag filter narrows them', async () => {
    const context = await offlineContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(`${server.origin}/search/`);
      // The header links the search page.
      expect(await page.locator('header nav a[href="/search/"]').count()).toBe(1);
      await page.locator(".pagefind-ui__search-input").fill("Netflix");
      // Results arrive fragment by fragment: wait until all of them are there, however slow the machine.
      await expect
        .poll(
          async () => {
            const shown = await resultTitles(page);
            return APRIL_NETFLIX.filter((title) => !shown.includes(title));
          },
          { timeout: 20_000 },
        )
        .toEqual([]);
      const titles = await settled(page);
      for (const title of APRIL_NETFLIX) expect(titles).toContain(title);
      // One result per pick, not per page: no title twice, and each links to its pick's anchor.
      expect(new Set(titles).size).toBe(titles.length);
      const hrefs = await page
        .locator(".pagefind-ui__result-link")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(hrefs).toContain("/2025/04/#rank-7");

      // The tag filter (open by default): Observability keeps April's #9 and March's #16 only.
      await page
        .locator(".pagefind-ui__filter-block", { hasText: "tag" })
        .locator("label", { hasText: /^Observability/ })
        .click();
      await expect
        .poll(async () => (await settled(page)).sort(), { timeout: 20_000 })
        .toEqual([
          "How Netflix Accurately Attributes eBPF Flow Logs",
          "Observability at Netflix Scale: Tracing Requests Across a Thousand Services",
        ]);

      // The result's link lands on the pick in its month page.
      await page.goto(`${server.origin}/2025/04/#rank-7`);
      expect(await page.locator("#rank-7 .dg-title > a:not(.dg-rank)").textContent()).toBe(APRIL_NETFLIX[1]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('each result shows "#rank · issue · source" (the issue a link) and an excerpt of its summary, never the title again', async () => {
    const context = await offlineContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(`${server.origin}/search/`);
      await page.locator(".pagefind-ui__search-input").fill("Netflix");
      await expect.poll(async () => (await resultTitles(page)).length, { timeout: 20_000 }).toBeGreaterThan(3);
      await settled(page);
      expect(await page.locator("#dg-search-empty").isVisible(), "the no-hits links, under results").toBe(false);
      const results = await page.locator(".pagefind-ui__result").evaluateAll((items) =>
        items.map((item) => {
          const line = item.querySelector(".dg-result-line");
          const excerpt = item.querySelector(".pagefind-ui__result-excerpt")?.textContent ?? "";
          return {
            title: item.querySelector(".pagefind-ui__result-link")?.textContent ?? "",
            href: item.querySelector(".pagefind-ui__result-link")?.getAttribute("href") ?? "",
            line: line?.textContent ?? "",
            issueHref: line?.querySelector("a")?.getAttribute("href") ?? "",
            excerpt: excerpt.slice((line?.textContent ?? "").length).trim(),
            metaTags: item.querySelectorAll(".pagefind-ui__result-tag").length,
          };
        }),
      );
      const maestro = results.find((result) => result.href === "/2025/04/#rank-7");
      expect(maestro?.line).toBe("#7 · April 2025 · ByteByteGo");
      expect(maestro?.issueHref).toBe("/2025/04/");
      expect(maestro?.excerpt).toMatch(/^A breakdown of Maestro, the workflow orchestrator Netflix uses/);
      expect(
        await page.locator('.pagefind-ui__result:has(a[href="/2025/04/#rank-7"]) mark').allTextContents(),
      ).toContain("Netflix");
      // Every result: its line, no "Key: value" list, and an excerpt taken from its pick's summary
      // on the month page (the words, without the ellipses), not starting with the title.
      const summaries = new Map<string, string>();
      for (const result of results) {
        expect(result.line, result.href).toMatch(/^#\d+ · \w+ 2025 · \S/);
        expect(result.issueHref, result.href).toBe(result.href.replace(/(page\/\d+\/)?#.*$/, ""));
        expect(result.metaTags, result.href).toBe(0);
        const [issuePath, anchor] = result.href.split("#") as [string, string];
        if (!summaries.has(issuePath)) {
          const month = await context.newPage();
          await month.goto(server.origin + issuePath);
          const texts = await month
            .locator(".dg-list > li[id]")
            .evaluateAll((items) => items.map((li) => [li.id, li.querySelector(".dg-summary")?.textContent ?? ""]));
          for (const [id, text] of texts) summaries.set(`${issuePath}#${id}`, text!.replace(/\s+/g, " "));
          summaries.set(issuePath, "");
          await month.close();
        }
        const summary = summaries.get(`${issuePath}#${anchor}`) ?? "";
        const words = result.excerpt.replace(/^… /, "").replace(/ …$/, "");
        expect(words.length, result.href).toBeGreaterThan(20);
        expect(summary, result.href).toContain(words);
        expect(result.excerpt.startsWith(result.title.slice(0, 20)), result.href).toBe(false);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a search with no hits says so, with working links to the tag index and the latest issue, and lists no (0) filters", async () => {
    const context = await offlineContext({ viewport: { width: 375, height: 700 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/search/`);
      expect(await page.locator("#dg-search-empty").isVisible(), "before any search").toBe(false);
      await page.locator(".pagefind-ui__search-input").fill("zzyzxquux");
      const empty = page.locator("#dg-search-empty");
      await expect.poll(() => empty.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await empty.textContent()).toContain("No pick matches");
      expect(await page.locator(".pagefind-ui__result").count()).toBe(0);
      const labels = await page.locator(".pagefind-ui__filter-label").allTextContents();
      expect(labels.filter((label) => /\(0\)/.test(label))).toEqual([]);
      const top = await inPage<number>(page, `document.getElementById("dg-search-empty").getBoundingClientRect().top`);
      expect(top, "the empty state's top on a phone, px").toBeLessThan(700);

      // A new search with hits hides it again.
      await page.locator(".pagefind-ui__search-input").fill("Netflix");
      await expect.poll(async () => (await resultTitles(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await empty.isVisible()).toBe(false);
      await page.locator(".pagefind-ui__search-input").fill("zzyzxquux");
      await expect.poll(() => empty.isVisible(), { timeout: 20_000 }).toBe(true);

      await Promise.all([
        page.waitForURL(`${server.origin}/2025/05/`),
        empty.getByRole("link", { name: "Latest issue: May 2025" }).click(),
      ]);
      expect(await page.locator("h1").textContent()).toContain("May 2025");
      await page.goBack();
      await page.locator(".pagefind-ui__search-input").fill("zzyzxquux");
      await expect.poll(() => empty.isVisible(), { timeout: 20_000 }).toBe(true);
      await Promise.all([
        page.waitForURL(`${server.origin}/tags/`),
        empty.getByRole("link", { name: "All tags" }).click(),
      ]);
      expect(await page.locator(".dg-tag-index a").count()).toBeGreaterThan(10);
    } finally {
      await context.close();
    }
  });

  it("without JavaScript, the search page says search needs it and links the tag index and the archive", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/search/`);
      const fallback = (await page.locator("main").textContent()) ?? "";
      expect(fallback).toContain("Search needs JavaScript");
      expect(await page.locator('main a[href="/tags/"]:visible').count()).toBe(1);
      expect(await page.locator('main a[href="/"]:visible').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("on a phone: the filters start closed, so the first result is on the first screen, in the site's font", async () => {
    const context = await offlineContext({ viewport: { width: 375, height: 700 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/search/`);
      await page.locator(".pagefind-ui__search-input").fill("Netflix");
      await expect.poll(async () => (await resultTitles(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.locator(".pagefind-ui__filter-panel details[open]").count()).toBe(0);
      const top = await inPage<number>(
        page,
        `document.querySelector(".pagefind-ui__result").getBoundingClientRect().top`,
      );
      expect(top, "the first result's top, px").toBeLessThan(700);
      expect(await inPage(page, `getComputedStyle(document.querySelector(".pagefind-ui")).fontFamily`)).toBe(
        await inPage(page, "getComputedStyle(document.body).fontFamily"),
      );
    } finally {
      await context.close();
    }
  });
});

describe("search on an empty digest", () => {
  it("says there is nothing yet, with no script errors", { timeout: 60_000 }, async () => {
    const empty = await buildSite({ data: { articles: [] }, options: { search: true } });
    const emptyServer = await serveStatic(empty.outputDir);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
      await page.goto(`${emptyServer.origin}/search/`);
      expect(await page.locator("main .dg-empty").textContent()).toContain("No issues yet.");
      expect(await page.locator("main script").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await emptyServer.close();
      await empty.cleanup();
    }
  });
});

describe("search in Japanese (text without spaces between words)", () => {
  it("a result's excerpt is its summary's words, the match marked, not the title", { timeout: 60_000 }, async () => {
    const data = {
      articles: [
        {
          month: "2025-04",
          rank: 1,
          title: "分散システムの合意アルゴリズム入門",
          url: "https://a.example/ja",
          source: "技術ブログ",
          summary: "この記事はラフトとパクソスの違いを説明します。ログの複製とリーダー選挙を図で示します。",
          tags: ["分散"],
        },
      ],
    };
    const ja = await buildSite({ data, options: { search: true, locale: "ja" } });
    const jaServer = await serveStatic(ja.outputDir);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(`${jaServer.origin}/search/`);
      await page.locator(".pagefind-ui__search-input").fill("リーダー");
      const excerpt = page.locator(".pagefind-ui__result-excerpt");
      await expect.poll(() => excerpt.count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => page.locator(".dg-result-line").count(), { timeout: 20_000 }).toBe(1);
      const line = (await page.locator(".dg-result-line").textContent()) ?? "";
      expect(line).toMatch(/^#1 · .+ · 技術ブログ$/);
      const words = ((await excerpt.textContent()) ?? "").slice(line.length).trim();
      expect(words).toBe(data.articles[0]!.summary);
      expect(await excerpt.locator("mark").allTextContents()).toContain("リーダー");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await jaServer.close();
      await ja.cleanup();
    }
  });
});
