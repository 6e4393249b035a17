// The demo in a real Chromium: every page kind, in both colour schemes, at 320, 375 and 1280 px.
// One browser for the whole file (the machine has two cores); one context per test.
import { readFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import type { Browser, BrowserContext, Page, Request, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, buildSite, repoRoot as root, type BuildResult } from "../helpers/build/index.js";
import { launchChromium, serveStatic, type StaticServer } from "./support.js";
import { axeViolations, describeViolations, inPage, wcag22Violations } from "./axe.js";
import { syntheticDigest } from "../helpers/synthetic.js";

/**
 * Every page kind: `status` is what the server answers (a bad URL gets 404.html with 404, as static
 * hosts serve it); `shows` a selector the page must have (the year page is the year in review too).
 */
const PAGES: readonly { name: string; path: string; status?: number; shows?: string }[] = [
  { name: "archive", path: "/" },
  { name: "year", path: "/2025/", shows: ".dg-review" },
  { name: "month-page-1", path: "/2025/03/" },
  { name: "month-page-2", path: "/2025/03/page/2/" },
  { name: "tag-index", path: "/tags/" },
  { name: "tag-page-2", path: "/tags/databases/page/2/" },
  { name: "subscribe", path: "/subscribe/" },
  { name: "source-index", path: "/sources/" },
  { name: "source-page", path: "/sources/bytebytego/" },
  { name: "search", path: "/search/", shows: ".pagefind-ui__search-input" },
  { name: "not-found", path: "/no-such-page/", status: 404, shows: "main h1" },
];
/** Where Pagefind's UI and index are served from: the search page's only scripts and its own stylesheet. */
const PAGEFIND = "/pagefind/";
const SCHEMES = ["light", "dark"] as const;
const BACKGROUND = { light: "rgb(255, 255, 255)", dark: "rgb(18, 20, 23)" };
const BUDGET_BYTES = 30 * 1024;
const SCREENSHOTS = path.join(root, "test-output", "screenshots");
// Article thumbnails live on other hosts and this machine has no network: they get this stand-in.
const PLACEHOLDER_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#7a8794"/></svg>`;

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([buildDemo(), launchChromium(), mkdir(SCREENSHOTS, { recursive: true })]).then(
    ([s, b]) => [s, b] as const,
  );
  server = await serveStatic(site.outputDir, { notFound: "404.html" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

interface Loaded {
  readonly page: Page;
  /** Every request the page made, with Chromium's resource type. */
  readonly requests: { url: string; type: string }[];
  /** Bytes of HTML and CSS the page loaded from our server, Pagefind's UI stylesheet apart. */
  htmlAndCssBytes(): number;
  /** Bytes of Pagefind's UI stylesheet (the search page's only). */
  pagefindCssBytes(): number;
  /** The HTML as served. */
  readonly html: string;
}

async function newContext(
  options: Parameters<Browser["newContext"]>[0] = {},
  origin = server.origin,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) =>
      route.request().resourceType() === "image"
        ? route.fulfill({ contentType: "image/svg+xml", body: PLACEHOLDER_IMAGE })
        : route.abort(),
  );
  return context;
}

async function load(context: BrowserContext, urlPath: string, origin = server.origin, status = 200): Promise<Loaded> {
  const page = await context.newPage();
  const requests: Loaded["requests"] = [];
  let bytes = 0;
  let pagefindBytes = 0;
  const onRequest = (request: Request) => requests.push({ url: request.url(), type: request.resourceType() });
  const counted: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    const type = response.request().resourceType();
    if (type === "document" || type === "stylesheet")
      counted.push(
        response.body().then((body) => {
          if (new URL(response.url()).pathname.startsWith(PAGEFIND)) pagefindBytes += body.length;
          else bytes += body.length;
        }),
      );
  };
  page.on("request", onRequest);
  page.on("response", onResponse);
  const response = await page.goto(origin + encodeURI(urlPath));
  expect(response?.status(), urlPath).toBe(status);
  await page.waitForLoadState("load");
  // Count the first load only: a test that clicks on to other pages must not leave body() reads
  // pending when its context closes (they reject, and vitest fails the run on the stray rejection).
  page.off("request", onRequest);
  page.off("response", onResponse);
  await Promise.all(counted);
  return {
    page,
    requests,
    htmlAndCssBytes: () => bytes,
    pagefindCssBytes: () => pagefindBytes,
    html: await response!.text(),
  };
}

/** Wider than the viewport means a horizontal scrollbar. */
async function overflow(page: Page): Promise<number> {
  return inPage(page, "document.documentElement.scrollWidth - document.documentElement.clientWidth");
}

describe("every page kind in real Chromium", { timeout: 30_000 }, () => {
  for (const scheme of SCHEMES) {
    for (const kind of PAGES) {
      it(`${kind.name} (${scheme}): 0 axe violations (WCAG 2.2 AA with target-size at 375 and 1280 px), 0 validator errors, only the scripts it needs, < 30 KB, fits 320 to 1280 px`, async () => {
        const context = await newContext({ colorScheme: scheme });
        try {
          const { page, requests, htmlAndCssBytes, pagefindCssBytes, html } = await load(
            context,
            kind.path,
            server.origin,
            kind.status,
          );
          if (kind.shows) expect(await page.locator(kind.shows).count(), kind.shows).toBeGreaterThan(0);
          // The search page is checked with results on it: each result's line, excerpt and the filters.
          if (kind.name === "search") {
            await page.locator(".pagefind-ui__search-input").fill("Netflix");
            await expect.poll(() => page.locator(".dg-result-line").count(), { timeout: 20_000 }).toBeGreaterThan(2);
          }

          // The scheme really applies: prefers-color-scheme matches and the theme's background follows it.
          expect(await inPage(page, `matchMedia("(prefers-color-scheme: dark)").matches`)).toBe(scheme === "dark");
          expect(await inPage(page, "getComputedStyle(document.body).backgroundColor")).toBe(BACKGROUND[scheme]);

          // No page but search loads a script. JSON-LD is a <script> element, but a data block: its
          // type is not JavaScript, so the browser never executes it and it has no src to fetch. The
          // pages with dated picks have one inline script: their age labels ("1y ago"), from the
          // reader's today; the subscribe page's is its copy buttons and tag filter. The search page
          // loads Pagefind's UI (which loads pagefind.js) and starts it with one inline script; the
          // 404 page has no structured data (it is no page of the site's).
          const search = kind.name === "search";
          const scriptRequests = requests.filter((r) => r.type === "script").map((r) => new URL(r.url).pathname);
          if (search) {
            expect(scriptRequests, "script requests").toContain(`${PAGEFIND}pagefind-ui.js`);
            expect(
              scriptRequests.filter((p) => !p.startsWith(PAGEFIND)),
              "script requests from elsewhere",
            ).toEqual([]);
          } else expect(scriptRequests, "script requests").toEqual([]);
          const scripts = await inPage(
            page,
            `[...document.scripts].map((el) => ({ type: el.getAttribute("type"), src: el.getAttribute("src") }))`,
          );
          const inline = ["month-page-1", "month-page-2", "tag-page-2", "source-page", "subscribe", "search"].includes(
            kind.name,
          );
          expect(scripts).toEqual([
            ...(kind.name === "not-found" ? [] : [{ type: "application/ld+json", src: null }]),
            ...(search ? [{ type: null, src: `${PAGEFIND}pagefind-ui.js` }] : []),
            ...(inline ? [{ type: null, src: null }] : []),
          ]);
          // Everything it needs comes from our server, except article thumbnails.
          expect(requests.filter((r) => !r.url.startsWith(server.origin) && r.type !== "image")).toEqual([]);

          expect(htmlAndCssBytes(), "HTML + CSS bytes").toBeGreaterThan(0);
          expect(htmlAndCssBytes(), "HTML + CSS bytes").toBeLessThan(BUDGET_BYTES);
          // Pagefind's own stylesheet (about 14 KB) is the search page's alone, outside the budget of the digest's pages.
          if (search) expect(pagefindCssBytes(), "Pagefind's CSS bytes").toBeGreaterThan(0);
          else expect(pagefindCssBytes(), "Pagefind's CSS bytes").toBe(0);

          expect(describeViolations(await axeViolations(page))).toEqual([]);
          // The HTML as served (the same in both schemes: the scheme is CSS's business).
          const report = await validator.validateString(html, kind.path);
          expect(
            report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
          ).toEqual([]);

          for (const width of [1280, 375, 320]) {
            await page.setViewportSize({ width, height: 900 });
            expect(await overflow(page), `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
            await page.screenshot({
              path: path.join(SCREENSHOTS, `${kind.name}-${scheme}-${width}.png`),
              fullPage: true,
            });
            if (width === 320) continue;
            // WCAG 2.2 AA, tap targets included, at a phone's and a desktop's width.
            const violations = describeViolations(await wcag22Violations(page));
            if (violations.length > 0)
              await page.screenshot({
                path: path.join(SCREENSHOTS, `FAILED-wcag22-${kind.name}-${scheme}-${width}.png`),
                fullPage: true,
              });
            expect(violations, `WCAG 2.2 AA at ${width}px`).toEqual([]);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe("structured data on a month's page 2", { timeout: 30_000 }, () => {
  it("lists positions 11..20, the ranks shown, with the page's own canonical URL and breadcrumbs", async () => {
    const context = await newContext();
    try {
      const { page } = await load(context, "/2025/03/page/2/");
      const shown = (await page.locator(".dg-list > li .dg-rank").allTextContents()).map((text) =>
        Number(text.replace(/\D/g, "")),
      );
      const titleLinks = page.locator(".dg-list > li .dg-title a:not(.dg-rank)");
      const titles = await Promise.all(
        (await titleLinks.all()).map(async (a) => ({ name: await a.textContent(), url: await a.getAttribute("href") })),
      );
      const start = await inPage(page, `document.querySelector("ol.dg-list").start`);
      const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
        "@type": string;
        url: string;
        mainEntity: { "@type": string; itemListElement: { position: number; name?: string; url: string }[] };
        breadcrumb: { "@type": string; itemListElement: { position: number; name: string; item: string }[] };
      };
      const listed = data.mainEntity.itemListElement;

      expect(shown).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
      expect(start).toBe(11);
      expect(data["@type"]).toBe("CollectionPage");
      expect(data.mainEntity["@type"]).toBe("ItemList");
      expect(listed.map((item) => item.position)).toEqual(shown);
      // Position and URL only: the names are the page's own headings.
      expect(listed.map((item) => item.url)).toEqual(titles.map((title) => title.url));
      expect(listed.every((item) => item.name === undefined)).toBe(true);

      const canonical = "https://digest.example.com/2025/03/page/2/";
      expect(data.url).toBe(canonical);
      expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(canonical);
      expect(await page.locator('meta[property="og:url"]').getAttribute("content")).toBe(canonical);
      // March 2025 has a headline: the title says it (without the site's name, which would not fit in 70 characters).
      expect(await page.title()).toBe("March 2025: Consistency, Consensus and Caches, page 2");
      expect(data.breadcrumb["@type"]).toBe("BreadcrumbList");
      expect(data.breadcrumb.itemListElement.map((c) => [c.position, c.name, c.item])).toEqual([
        [1, "Archive", "https://digest.example.com/"],
        [2, "2025", "https://digest.example.com/2025/"],
        [3, "March", "https://digest.example.com/2025/03/"],
        [4, "Page 2", canonical],
      ]);
    } finally {
      await context.close();
    }
  });
});

describe("navigation without JavaScript", { timeout: 30_000 }, () => {
  it("follows breadcrumbs, pagination and month links by clicking", async () => {
    // JavaScript off: every way around the digest is a plain link.
    const context = await newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const { page } = await load(context, "/");
      const clickTo = async (locator: ReturnType<Page["locator"]>, urlPath: string) => {
        await Promise.all([page.waitForURL(server.origin + encodeURI(urlPath)), locator.click()]);
      };
      const pages = page.getByRole("navigation", { name: "Pages" });
      const firstRank = () => page.locator(".dg-list .dg-rank").first().textContent();

      await clickTo(page.getByRole("link", { name: "2025", exact: true }), "/2025/");
      await clickTo(page.getByRole("link", { name: "March 2025", exact: true }), "/2025/03/");
      expect(await firstRank()).toBe("#1");
      await clickTo(pages.getByRole("link", { name: "Next" }), "/2025/03/page/2/");
      expect(await firstRank()).toBe("#11");
      await clickTo(pages.getByRole("link", { name: "Page 3" }), "/2025/03/page/3/");
      expect(await firstRank()).toBe("#21");
      expect(await pages.getByRole("link", { name: "Next" }).count()).toBe(0);
      await clickTo(pages.getByRole("link", { name: "Previous" }), "/2025/03/page/2/");
      await clickTo(
        page.getByRole("navigation", { name: "Issues" }).getByRole("link", { name: /Newer issue/ }),
        "/2025/04/",
      );
      await clickTo(
        page.getByRole("navigation", { name: "Issues" }).getByRole("link", { name: /Newer issue/ }),
        "/2025/05/",
      );
      await clickTo(
        page.getByRole("navigation", { name: "Issues" }).getByRole("link", { name: /Older issue/ }),
        "/2025/04/",
      );
      await clickTo(
        page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "2025" }),
        "/2025/",
      );

      await clickTo(page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Tags" }), "/tags/");
      await clickTo(page.getByRole("link", { name: "Databases", exact: true }), "/tags/databases/");
      await clickTo(pages.getByRole("link", { name: "Next" }), "/tags/databases/page/2/");
      // A tag page's "#N in March 2025" lands on that pick on its issue page.
      const where = page.getByRole("link", { name: /^#\d+ in March 2025$/ }).first();
      const anchor = (await where.getAttribute("href"))!.split("#")[1]!;
      await Promise.all([page.waitForURL(`${server.origin}/2025/03/#${anchor}`), where.click()]);
      expect(await page.locator(`#${anchor} .dg-rank`).textContent()).toBe(`#${anchor.replace("rank-", "")}`);
      await clickTo(page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Archive" }), "/");
    } finally {
      await context.close();
    }
  });

  it("shows the skip link on the first Tab, with a visible focus ring, and it lands on <main>", async () => {
    const context = await newContext();
    try {
      const { page } = await load(context, "/2025/03/");
      await page.keyboard.press("Tab");
      const focused = await inPage<{ text: string; top: number; outline: string }>(
        page,
        `(() => { const el = document.activeElement, style = getComputedStyle(el);
          return { text: el.textContent, top: el.getBoundingClientRect().top, outline: style.outlineStyle + " " + style.outlineWidth }; })()`,
      );
      expect(focused.text).toBe("Skip to content");
      expect(focused.top).toBeGreaterThanOrEqual(0);
      expect(focused.outline).toBe("solid 3px");
      await page.keyboard.press("Enter");
      // Following the link changes the URL a moment after the key press: wait for it, not a race.
      await expect.poll(() => new URL(page.url()).hash).toBe("#dg-main");
    } finally {
      await context.close();
    }
  });
});

describe("a phone's width", { timeout: 60_000 }, () => {
  // 100 articles in one month: 10 pages, so page 5's pagination is the widest it gets (‹ 1 … 4 5 6 … 10 ›).
  let big: BuildResult;
  let bigServer: StaticServer;
  beforeAll(async () => {
    big = await buildSite({ data: syntheticDigest([100]) });
    bigServer = await serveStatic(big.outputDir);
  }, 60_000);
  afterAll(async () => {
    await bigServer?.close();
    await big?.cleanup();
  });

  it("keeps a 10-page pagination on one row and every meta row on one line, at 320 and 375 px", async () => {
    const context = await newContext({}, bigServer.origin);
    try {
      const { page } = await load(context, "/2024/11/page/5/", bigServer.origin);
      for (const width of [320, 375]) {
        await page.setViewportSize({ width, height: 800 });
        const rows = await inPage<number>(
          page,
          `new Set([...document.querySelectorAll(".dg-pages li")].map((li) => Math.round(li.getBoundingClientRect().top))).size`,
        );
        // One line: the centres of a meta row's parts (rank, source, badge, age) are within a few pixels, never a line apart.
        const metaLines = await inPage<number[]>(
          page,
          `[...document.querySelectorAll(".dg-meta")].map((p) => { const c = [...p.children].map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; }); return Math.max(...c) - Math.min(...c) < 8 ? 1 : 2; })`,
        );
        if (rows !== 1 || metaLines.some((n) => n !== 1))
          await page.screenshot({ path: path.join(SCREENSHOTS, `FAILED-phone-${width}.png`), fullPage: true });
        expect(rows, `pagination rows at ${width}px`).toBe(1);
        expect(metaLines, `meta rows at ${width}px`).toEqual(metaLines.map(() => 1));
        expect(await overflow(page), `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });
});

describe("the German theme in real Chromium", { timeout: 60_000 }, () => {
  // The demo's data with `locale: "de"`: every built-in word, month name and number in German.
  let german: BuildResult;
  let germanServer: StaticServer;
  beforeAll(async () => {
    const data = JSON.parse(await readFile(path.join(root, "_data", "digest.json"), "utf8"));
    german = await buildSite({
      data,
      options: { locale: "de", title: "Das Beste aus verteilten Systemen", search: true },
    });
    germanServer = await serveStatic(german.outputDir, { notFound: "404.html" });
  }, 60_000);
  afterAll(async () => {
    await germanServer?.close();
    await german?.cleanup();
  });

  it("has 0 axe violations and 0 validator errors on every page kind, in both colour schemes", async () => {
    for (const scheme of SCHEMES) {
      const context = await newContext({ colorScheme: scheme, locale: "de-DE" }, germanServer.origin);
      try {
        for (const kind of PAGES) {
          const { page, html } = await load(context, kind.path, germanServer.origin, kind.status);
          expect(await inPage(page, "document.documentElement.lang"), kind.path).toBe("de");
          expect(describeViolations(await axeViolations(page)), `${kind.path} (${scheme})`).toEqual([]);
          const report = await validator.validateString(html, kind.path);
          expect(
            report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
            kind.path,
          ).toEqual([]);
          await page.close();
        }
        // The words a reader sees are German: navigation, month names, counts.
        const { page } = await load(context, "/2025/03/page/2/", germanServer.origin);
        expect(
          await page.getByRole("navigation", { name: "Seiten" }).getByRole("link", { name: "Weiter" }).count(),
        ).toBe(1);
        expect(await page.getByRole("navigation", { name: "Navigationspfad" }).textContent()).toContain("März");
        const april = (await load(context, "/2025/04/", germanServer.origin)).page;
        const issueLinks = await april.getByRole("navigation", { name: "Ausgaben" }).textContent();
        expect(issueLinks).toContain("Ältere Ausgabe März 2025");
        expect(issueLinks).toContain("Neuere Ausgabe » Mai 2025");
        expect(await inPage(page, "document.title")).toContain("Seite 2");
      } finally {
        await context.close();
      }
    }
  });
});
