// Lighthouse over the demo, as a static host serves it: accessibility, best practices and SEO at 100
// on a month page, a tag page and the archive. Lighthouse drives Chromium (@sparticuz/chromium, as
// the other browser tests use) through its debugging port, which chrome-launcher opens; its own
// defaults otherwise (a phone's screen, simulated throttling). Offline: the demo's thumbnails are its
// own files, and the pages fetch nothing from elsewhere.
import chromium from "@sparticuz/chromium";
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildDemo, type BuildResult } from "../helpers/build/index.js";
import { serveStatic, type StaticServer } from "./support.js";

const CATEGORIES = ["accessibility", "best-practices", "seo"] as const;
const PAGES = [
  { name: "a month page", path: "/2025/04/" },
  { name: "a tag page", path: "/tags/databases/" },
  { name: "the archive", path: "/" },
] as const;

// Lighthouse's logger enables the `debug` package, which writes process.env.DEBUG; with DEBUG set,
// Eleventy's logger sends every message to debug instead of the console, so later test files in
// this worker would see no warnings. Taken before the imports run, put back after.
const debugBefore = vi.hoisted(() => process.env.DEBUG);

let site: BuildResult;
let server: StaticServer;
let chrome: LaunchedChrome;

beforeAll(async () => {
  const executable = await chromium.executablePath();
  [site, chrome] = await Promise.all([
    buildDemo(),
    launch({
      chromePath: executable,
      // @sparticuz/chromium's flags, but one process per page (its --single-process is for AWS
      // Lambda) and headless as chrome-launcher drives it.
      chromeFlags: [
        ...chromium.args.filter((arg) => arg !== "--single-process" && !arg.startsWith("--headless")),
        "--headless=new",
      ],
    }),
  ]);
  server = await serveStatic(site.outputDir);
}, 60_000);

afterAll(async () => {
  if (debugBefore === undefined) delete process.env.DEBUG;
  else process.env.DEBUG = debugBefore;
  chrome?.kill();
  await server?.close();
  await site?.cleanup();
});

describe("Lighthouse on the demo", { timeout: 60_000 }, () => {
  for (const { name, path } of PAGES) {
    it(`${name} (${path}) scores 100 in accessibility, best practices and SEO`, async () => {
      const result = await lighthouse(`${server.origin}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      const report = result!.lhr;
      expect(report.runtimeError, "Lighthouse's own error").toBeUndefined();
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, report.categories[id]?.score]));
      // Every audit that counts and did not pass, by id, with its category: what to fix.
      const failing = CATEGORIES.flatMap((id) =>
        (report.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${id}: ${ref.id} (${report.audits[ref.id]?.title})`),
      );
      expect({ scores, failing }, `${path}: ${failing.join("; ")}`).toEqual({
        scores: { accessibility: 1, "best-practices": 1, seo: 1 },
        failing: [],
      });
    });
  }
});
