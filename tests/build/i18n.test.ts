// The default pages in another locale, and every UI word overridable through the `strings` option.
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_STRINGS } from "../../plugin/model/strings.js";
import { resolveOptions } from "../../plugin/options.js";
import { buildSite, SITE_URL, type BuildResult } from "../helpers/build/index.js";

const article = (month: string, rank: number, extra: Record<string, unknown> = {}) => ({
  month,
  rank,
  title: `Artikel ${month} #${rank}`,
  url: `https://example.org/${month}/${rank}`,
  source: "Quelle",
  tags: ["Datenbanken"],
  ...extra,
});

const data = {
  title: "Das Beste aus verteilten Systemen",
  articles: [
    article("2025-03", 1, { published: "2025-03-02", type: "video" }),
    article("2025-03", 2, { published: "2024-02-10" }),
    article("2025-03", 3),
    article("2025-04", 1500),
  ],
};

let de: BuildResult;

beforeAll(async () => {
  de = await buildSite({ data, options: { locale: "de", pageSize: 2 } });
}, 60_000);

afterAll(() => de?.cleanup());

describe("locale de", () => {
  it("prints German words, month names, dates and numbers", async () => {
    const page1 = await de.page("/2025/03/");
    expect(page1).toContain('<html lang="de">');
    expect(page1).toContain("<title>Das Beste aus verteilten Systemen · März 2025</title>");
    // No issue date in the data, so none beside the month (not the first of the next month).
    expect(page1).not.toContain("Ausgabe vom");
    expect(page1).toContain("3 Artikel");
    expect(page1).toContain("Seite 1 von 2");
    expect(page1).toContain(">Video</span>");
    expect(page1).toContain('<time datetime="2025-03-02T00:00:00Z">2. März 2025</time>');
    expect(page1).toContain('new Intl.RelativeTimeFormat("de",');
    expect(page1).toContain('<span class="dg-word">Weiter </span>');
    expect(page1).toContain(
      '<nav class="dg-crumbs" aria-label="Navigationspfad"><ol><li><a href="/">Archiv</a></li><li><a href="/2025/">2025</a></li><li><a href="/2025/03/" aria-current="page">März</a></li></ol></nav>',
    );
    expect(page1).toContain('<meta property="og:locale" content="de_DE">');

    const page2 = await de.page("/2025/03/page/2/");
    expect(page2).toContain("<title>Das Beste aus verteilten Systemen · März 2025, Seite 2</title>");
    expect(page2).toContain('<span class="dg-word"> Zurück</span>');
    expect(page2).toContain('aria-label="Seite 1"');

    // Numbers in the locale: rank 1500 is "#1.500".
    expect(await de.page("/2025/04/")).toContain(">#1.500</a>");
    expect(await de.page("/tags/")).toContain("<h1>Themen</h1>");
    expect(await de.page("/")).toContain('<a class="dg-skip" href="#dg-main">Zum Inhalt springen</a>');
  });

  it("is valid HTML", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    for (const page of await de.pages()) {
      const report = await validator.validateString(await de.page(page), page);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${page} ${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });

  it("has every word the English theme has", () => {
    expect(Object.keys(BUILT_IN_STRINGS.de).sort()).toEqual(Object.keys(BUILT_IN_STRINGS.en).sort());
  });
});

describe("the strings option", () => {
  it("overrides single words over the locale's built-in ones", async () => {
    const site = await buildSite({
      data,
      options: {
        pageSize: 2,
        strings: { next: "Older picks", articleCount: { one: "{n} pick", other: "{n} picks" }, tags: "Topics" },
      },
    });
    try {
      const html = await site.page("/2025/03/");
      expect(html).toContain('<span class="dg-word">Older picks </span>');
      expect(html).toContain("3 picks");
      expect(html).toContain('<li><a href="/tags/">Topics</a></li>');
      expect(html).toContain('<li><a href="/">Archive</a></li>');
      expect(await site.page("/2025/04/")).toContain("1 pick");
    } finally {
      await site.cleanup();
    }
  });

  it("keeps the other German words when one is overridden", () => {
    const options = resolveOptions({ siteUrl: SITE_URL, locale: "de-AT", strings: { tags: "Schlagwörter" } });
    expect(options.strings.tags).toBe("Schlagwörter");
    expect(options.strings.next).toBe("Weiter");
  });

  it("names a wrong or unknown word in its error", () => {
    expect(() => resolveOptions({ siteUrl: SITE_URL, strings: { nxt: "x" } })).toThrow(
      /options\.strings: unknown option nxt/,
    );
    expect(() => resolveOptions({ siteUrl: SITE_URL, strings: { next: 3 } })).toThrow(
      /options\.strings\.next: expected text, got 3/,
    );
    expect(() => resolveOptions({ siteUrl: SITE_URL, strings: { articleCount: { one: "{n} pick" } } })).toThrow(
      /options\.strings\.articleCount\.other: missing/,
    );
  });
});
