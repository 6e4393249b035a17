// Hostile names on the search page, in a real Chromium: Pagefind's default UI writes filter labels
// as HTML, so a tag or source named like markup must reach it escaped, and show as the text it is
// (not run, and not double-escaped either).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build/index.js";
import { closeServedSite, openServedSite, type StaticServer } from "./support.js";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>window.__ran=1</script>";
const SVG = '"><svg onload=alert(2)>';
const ESCAPED_ALREADY = "a &amp; b &lt;i&gt;";
// A summary a result's excerpt is taken from, with markup and ampersands as text (Markdown escapes the tag).
const SUMMARY = "Netflix: if a < b && c > d then <img src=x onerror=alert(3)> is text.";

const DATA = {
  articles: [
    {
      month: "2025-04",
      rank: 1,
      title: `Netflix ${IMG} first`,
      url: "https://a.example/1",
      source: IMG,
      tags: [IMG, SCRIPT, "Redis & <i>x</i>"],
    },
    {
      month: "2025-04",
      rank: 2,
      title: "Netflix second",
      url: "https://a.example/2",
      source: { name: SVG },
      summary: SUMMARY,
      tags: [ESCAPED_ALREADY, "plain"],
    },
    {
      month: "2025-04",
      rank: 3,
      title: "Netflix third",
      url: "https://a.example/3",
      source: ESCAPED_ALREADY,
      tags: ["plain"],
    },
  ],
};

let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(
  async () =>
    void ({ site, server, browser } = await openServedSite(() => buildSite({ data: DATA, options: { search: true } }))),
  60_000,
);
afterAll(() => closeServedSite({ site, server, browser }));

/** The labels of one filter group, as the reader sees them (without the counts). */
async function filterLabels(page: Page, group: string): Promise<string[]> {
  const labels = await page
    .locator(".pagefind-ui__filter-block", { hasText: group })
    .locator(".pagefind-ui__filter-label")
    .allTextContents();
  return labels.map((label) => label.replace(/\s*\(\d+\)\s*$/, "")).sort();
}

describe("the search page with hostile tag and source names", () => {
  it("runs no script from the data and shows every name as text, in the filters and the results", async () => {
    const context = await browser.newContext();
    await context.route(
      (url) => !url.href.startsWith(server.origin),
      (route) => route.abort(),
    );
    try {
      const page = await context.newPage();
      // Every way the payloads could announce themselves: alert() counted in a flag (and a dialog,
      // should anything call the real one). A string, evaluated in the page: the tests are
      // type-checked without the DOM library.
      await page.addInitScript(`window.alert = () => { window.__ran = (window.__ran || 0) + 1; };`);
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(`${server.origin}/search/`);
      await page.locator(".pagefind-ui__search-input").fill("Netflix");
      await expect.poll(() => page.locator(".pagefind-ui__result-link").count(), { timeout: 20_000 }).toBe(3);
      await page.locator(".pagefind-ui__filter-block", { hasText: "source" }).locator("summary").click();
      await page.waitForTimeout(300); // an onerror fires once the broken image fails to load
      expect(await page.evaluate<unknown>("window.__ran"), "a script from the data ran").toBeUndefined();

      // The names, as written in the data: no tag made of them, no entity shown as "&amp;lt;".
      expect(await filterLabels(page, "tag")).toEqual(
        [ESCAPED_ALREADY, IMG, SCRIPT, "Redis & <i>x</i>", "plain"].sort(),
      );
      expect(await filterLabels(page, "source")).toEqual([SVG, ESCAPED_ALREADY, IMG].sort());
      const filters = page.locator(".pagefind-ui__filter-panel");
      expect(await filters.locator("img, script, svg, i").count()).toBe(0);
      expect(await page.locator(".pagefind-ui__result-link").allTextContents()).toContain(`Netflix ${IMG} first`);
      // Each result's line ("#rank · issue · source") and excerpt, written as HTML by the UI, show the names as text.
      await expect
        .poll(async () => (await page.locator(".dg-result-line").allTextContents()).sort(), { timeout: 20_000 })
        .toEqual(
          [`#1 · April 2025 · ${IMG}`, `#2 · April 2025 · ${SVG}`, `#3 · April 2025 · ${ESCAPED_ALREADY}`].sort(),
        );
      await expect
        .poll(() => page.locator(".pagefind-ui__result-excerpt").allTextContents(), { timeout: 20_000 })
        .toContain(`#2 · April 2025 · ${SVG} ${SUMMARY}`);
      expect(
        await page
          .locator(".pagefind-ui__results img, .pagefind-ui__results script, .pagefind-ui__results svg")
          .count(),
      ).toBe(0);

      // The hostile tag still filters: it keeps the one pick that has it.
      await page.locator(".pagefind-ui__filter-block", { hasText: "tag" }).locator("label", { hasText: IMG }).click();
      await expect
        .poll(() => page.locator(".pagefind-ui__result-link").allTextContents(), { timeout: 20_000 })
        .toEqual([`Netflix ${IMG} first`]);

      await page.waitForTimeout(300);
      expect(await page.evaluate<unknown>("window.__ran")).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
