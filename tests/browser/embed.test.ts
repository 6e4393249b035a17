// The digest inside a host's layout, in real Chromium: it takes the host's font, text colour,
// background and link colour in both of the host's colour schemes, paints no panel of its own,
// and its accents follow the documented custom properties.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build/index.js";
import { launchChromium, serveStatic, type StaticServer } from "./support.js";

const demo = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../_data/digest.json"), "utf8")) as unknown;
const HOST_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }} | Host</title>
<style>
body { font-family: Georgia, serif; color: rgb(20, 30, 40); background: rgb(250, 240, 230); }
a { color: rgb(160, 20, 60); }
@media (prefers-color-scheme: dark) { body { color: rgb(230, 225, 215); background: rgb(25, 25, 35); } a { color: rgb(250, 180, 120); } }
.accented .dg { --dg-accent: rgb(0, 120, 90); }
</style></head>
<body class="{{ bodyClass }}"><main>{{ content | safe }}</main></body></html>
`;

// A base layout that gives its content no wrapper (no main, no padding, no margin), as some blogs' do.
const BARE_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }} | Bare</title>
<style>body { margin: 0; font-family: Georgia, serif; }</style></head>
<body>{{ content | safe }}</body></html>
`;

let site: BuildResult;
let bare: BuildResult;
let bareServer: StaticServer;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite({
    data: demo,
    options: { basePath: "/digest/", layout: "layouts/host.njk" },
    files: { "_includes/layouts/host.njk": HOST_LAYOUT },
  });
  bare = await buildSite({
    data: demo,
    options: { basePath: "/digest/", layout: "layouts/bare.njk" },
    files: { "_includes/layouts/bare.njk": BARE_LAYOUT },
  });
  [server, bareServer, browser] = await Promise.all([
    serveStatic(site.outputDir),
    serveStatic(bare.outputDir),
    launchChromium(),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await bareServer?.close();
  await site?.cleanup();
  await bare?.cleanup();
});

describe("the digest in a host layout", { timeout: 30_000 }, () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`takes the host's font, colours and links in the host's ${scheme} scheme, with no panel of its own`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/digest/2025/03/`);
        // A string, evaluated in the page: the tests are type-checked without the DOM library.
        const styles = (await page.evaluate(`(() => {
          const body = getComputedStyle(document.body);
          const embed = getComputedStyle(document.querySelector(".dg-embed"));
          return {
            body: { font: body.fontFamily, color: body.color },
            embed: { font: embed.fontFamily, color: embed.color, background: embed.backgroundColor },
            titleLink: getComputedStyle(document.querySelector(".dg-title a:not(.dg-rank)")).color,
          };
        })()`)) as {
          body: { font: string; color: string };
          embed: { font: string; color: string; background: string };
          titleLink: string;
        };
        expect(styles.embed.font).toBe(styles.body.font);
        expect(styles.embed.color).toBe(styles.body.color);
        expect(styles.embed.background).toBe("rgba(0, 0, 0, 0)");
        expect(styles.titleLink).toBe(scheme === "light" ? "rgb(160, 20, 60)" : "rgb(250, 180, 120)");
      } finally {
        await context.close();
      }
    });
  }

  it("colours its accents from --dg-accent when the host sets it, and from the text colour otherwise", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/digest/2025/03/`);
      const current = () =>
        page.evaluate(`getComputedStyle(document.querySelector('.dg-pages a[aria-current="page"]')).borderTopColor`);
      expect(await current()).toBe("rgb(20, 30, 40)");
      await page.evaluate(`document.body.classList.add("accented")`);
      expect(await current()).toBe("rgb(0, 120, 90)");
    } finally {
      await context.close();
    }
  });

  for (const width of [375, 1280]) {
    it(`keeps its own readable measure and padding in a layout with no wrapper, with no sideways scroll, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        for (const path of ["/digest/2025/03/", "/digest/", "/digest/tags/"]) {
          await page.goto(`${bareServer.origin}${path}`);
          const box = (await page.evaluate(`(() => {
            const embed = document.querySelector(".dg-embed").getBoundingClientRect();
            const first = document.querySelector(".dg-embed h1").getBoundingClientRect();
            return { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, left: embed.left, width: embed.width, textLeft: first.left, textRight: first.right };
          })()`)) as {
            scrollWidth: number;
            viewport: number;
            left: number;
            width: number;
            textLeft: number;
            textRight: number;
          };
          expect(box.scrollWidth, path).toBeLessThanOrEqual(box.viewport);
          expect(box.textLeft, path).toBeGreaterThanOrEqual(16);
          expect(box.textRight, path).toBeLessThanOrEqual(width - 16);
          // A readable measure: at most 46rem wide, centred.
          expect(box.width, path).toBeLessThanOrEqual(736);
          if (width > 736) expect(Math.abs(box.left - (width - box.width) / 2), path).toBeLessThanOrEqual(1);
        }
      } finally {
        await context.close();
      }
    });
  }
});
