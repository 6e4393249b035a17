// Every page the demo writes, read as files: valid HTML, its own head metadata, under budget.
import { decodeHTML } from "entities";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate, type Message } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, buildSite, SITE_URL, type BuildResult } from "../helpers/build/index.js";
import { ageScriptSource } from "../../plugin/html/age.js";

// The recommended rules, nothing disabled: the default pages must pass them as they are.
const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

// For made-up data only: "long-title" is an SEO length hint (70 characters), and a data title that
// is longer on purpose says nothing about the theme. The demo's pages are held to it.
const validatorForLongData = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: { "long-title": "off" },
});

async function validationErrors(html: string, name: string, by = validator): Promise<string[]> {
  const report = await by.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.map((m: Message) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

/** The first match of `pattern` (one capture group) in `html`, or undefined. */
/** The first capture of `pattern` in `html`, character references decoded as a browser does. */
function pick(html: string, pattern: RegExp): string | undefined {
  const found = pattern.exec(html)?.[1];
  return found === undefined ? undefined : decodeHTML(found);
}

let demo: BuildResult;
let digestPages: string[];

beforeAll(async () => {
  demo = await buildDemo();
  // The demo's own about page uses its host layout; everything else is the plugin's.
  digestPages = (await demo.pages()).filter((page) => page !== "/about/");
}, 60_000);

afterAll(() => demo?.cleanup());

describe("the default pages of the demo", () => {
  it("builds every page kind", () => {
    expect(digestPages).toEqual(
      expect.arrayContaining(["/", "/2025/", "/2025/03/", "/2025/03/page/2/", "/tags/", "/tags/databases/page/2/"]),
    );
    expect(digestPages.length).toBeGreaterThan(20);
  });

  it("are valid HTML by html-validate's recommended rules", async () => {
    const errors = (
      await Promise.all(digestPages.map(async (page) => validationErrors(await demo.page(page), page)))
    ).flat();
    expect(errors).toEqual([]);
  });

  it("each have their own title, canonical URL, og:url and JSON-LD url", async () => {
    const titles = new Set<string>();
    for (const page of digestPages) {
      const html = await demo.page(page);
      const own = SITE_URL + encodeURI(page);
      expect(pick(html, /<link rel="canonical" href="([^"]*)">/), page).toBe(own);
      expect(pick(html, /<meta property="og:url" content="([^"]*)">/), page).toBe(own);
      const data = JSON.parse(pick(html, /<script type="application\/ld\+json">(.*?)<\/script>/s)!) as {
        "@type": string;
        url: string;
      };
      expect(data["@type"], page).toBe("CollectionPage");
      expect(data.url, page).toBe(own);
      const title = pick(html, /<title>([^<]*)<\/title>/)!;
      expect(titles.has(title), `${page}: title "${title}" is used twice`).toBe(false);
      titles.add(title);
      expect(pick(html, /<meta name="twitter:card" content="([^"]*)">/), page).toMatch(/^summary(_large_image)?$/);
    }
  });

  it("say which page of a month they are, in the title and the description", async () => {
    // March 2025 has a headline: the title says it, and leaves the site's name out when both would not fit in 70 characters.
    const html = await demo.page("/2025/03/page/2/");
    expect(pick(html, /<title>([^<]*)<\/title>/)).toBe("March 2025: Consistency, Consensus and Caches, page 2");
    expect(pick(html, /<meta name="description" content="([^"]*)">/)).toMatch(
      /^Best of Distributed Systems · March 2025: Consistency, Consensus and Caches, page 2: /,
    );
    expect(pick(html, /<meta property="og:title" content="([^"]*)">/)).toBe(
      "March 2025: Consistency, Consensus and Caches, page 2",
    );
  });

  it("use semantic landmarks: a skip link to <main>, named navigation, ranks as <ol start>", async () => {
    const html = await demo.page("/2025/03/page/2/");
    expect(html).toMatch(/<a class="dg-skip" href="#dg-main">/);
    expect(html).toMatch(/<main id="dg-main">/);
    expect(html).toMatch(/<nav class="dg-crumbs" aria-label="Breadcrumbs">/);
    expect(html).toMatch(/<nav class="dg-pages" aria-label="Pages">/);
    expect(html).toMatch(/<ol class="dg-list" start="11">/);
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[\d:]+Z"/);
  });

  it("are each under 30 KB of HTML and CSS, with one shared stylesheet and no script but the age labels'", async () => {
    const css = await readFile(path.join(demo.outputDir, "digest.css"), "utf8");
    for (const page of digestPages) {
      const html = await demo.page(page);
      expect(Buffer.byteLength(html) + Buffer.byteLength(css), page).toBeLessThan(30 * 1024);
      if (page === "/search/") continue; // the one page with a script: see the next test
      expect(html.match(/<link[^>]+rel="stylesheet"[^>]*>/g), page).toEqual([
        '<link rel="stylesheet" href="/digest.css">',
      ]);
      // Pages with dated picks: the few lines that count their age from the reader's today (html/age.ts).
      const ages = html.includes('<p class="dg-meta">') && /<time datetime/.test(html);
      // And the subscribe page's: its copy buttons and tag filter.
      expect(html.match(/<script\b[^>]*>/g), page).toEqual([
        '<script type="application/ld+json">',
        ...(ages || page === "/subscribe/" ? ["<script>"] : []),
      ]);
      if (ages) expect(html).toContain(`<script>${ageScriptSource("en")}</script>`);
    }
  });

  it("have one page with a script, /search/ (the demo has search: true): Pagefind's UI, its stylesheet and the search page's own", async () => {
    expect(digestPages).toContain("/search/");
    const html = await demo.page("/search/");
    expect(html.match(/<link[^>]+rel="stylesheet"[^>]*>/g)).toEqual([
      '<link rel="stylesheet" href="/digest.css">',
      '<link rel="stylesheet" href="/pagefind/pagefind-ui.css">',
      '<link rel="stylesheet" href="/search/search.css">',
    ]);
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/ld+json">',
      '<script src="/pagefind/pagefind-ui.js">',
      "<script>",
    ]);
  });
});

describe("an empty digest", () => {
  it("builds a friendly, valid archive, tag index and subscribe page", async () => {
    const site = await buildSite({ data: { title: "Empty Digest", articles: [] } });
    try {
      expect(await site.pages()).toEqual(["/", "/sources/", "/subscribe/", "/tags/"]);
      const archive = await site.page("/");
      expect(archive).toContain('<div class="dg-empty"><p><strong>No issues yet.</strong></p>');
      expect(archive).toContain('<a href="/feed.xml">RSS feed</a>');
      expect(await site.page("/tags/")).toContain("No tags yet.");
      expect([
        ...(await validationErrors(archive, "/")),
        ...(await validationErrors(await site.page("/tags/"), "/tags/")),
        ...(await validationErrors(await site.page("/subscribe/"), "/subscribe/")),
      ]).toEqual([]);
    } finally {
      await site.cleanup();
    }
  });
});

describe("hostile text", () => {
  it("stays text in the body, the head and the JSON-LD", async () => {
    const evil = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const site = await buildSite({
      data: {
        title: evil,
        articles: [
          {
            month: "2025-04",
            rank: 1,
            title: evil,
            url: "https://example.org/a",
            source: { name: evil, url: "https://example.org/" },
            tags: [evil],
            image: "https://example.org/a.png",
          },
        ],
      },
    });
    try {
      for (const page of await site.pages()) {
        const html = await site.page(page);
        // The subscribe page's own script (its copy buttons and tag filter) is the one other.
        expect(html.match(/<script\b[^>]*>/g), page).toEqual([
          '<script type="application/ld+json">',
          ...(page.endsWith("subscribe/") ? ["<script>"] : []),
        ]);
        expect(html, page).not.toContain("<img src=x");
        expect(await validationErrors(html, page, validatorForLongData)).toEqual([]);
        const data = JSON.parse(pick(html, /<script type="application\/ld\+json">(.*?)<\/script>/s)!) as {
          isPartOf: { name: string };
        };
        expect(data.isPartOf.name).toBe(evil);
      }
    } finally {
      await site.cleanup();
    }
  });
});
