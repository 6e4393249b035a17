// Text is written as the data says, in UTF-8, in every output: a source "Milan Jovanović" and a
// title "Bench — Alerting" appear literally (not as `&#263;`, `&#8212;`, `\u0107` or `\u2014`) in
// the month page, its JSON-LD, the source page's JSON-LD, RSS, Atom and JSON Feed, in both
// pipelines. Only what each format requires is escaped.
// The plugin's own marks (the ' · ' in titles, « », "...") are Latin-1: a digest whose data is
// Latin-1 gets no page or feed with a character beyond U+00FF (V8 would hold it at two bytes a character).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build/index.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const SOURCE = "Milan Jovanović";
const TITLE = "Bench — Alerting";
const DATA = {
  title: "Best of Distributed Systems",
  issues: { "2025-04": { title: TITLE } },
  articles: [
    {
      month: "2025-04",
      rank: 1,
      title: TITLE,
      url: "https://a.example/bench",
      source: SOURCE,
      tags: ["Observability"],
      summary: "Alerts & dashboards — “quoted” → done.",
    },
    {
      month: "2025-04",
      rank: 2,
      title: "Tom & Jerry <b>",
      url: "https://a.example/tom",
      source: "Medium",
      tags: ["Observability"],
    },
  ],
};

/** The JSON-LD of a page, as its script element holds it, and parsed. */
function jsonLd(page: string): { text: string; value: unknown } {
  const text = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(page)?.[1];
  expect(text, "a JSON-LD script").toBeDefined();
  return { text: text!, value: JSON.parse(text!) };
}

/** No character reference or JSON escape for a letter or punctuation mark: only the escapes formats require. */
function expectNoNeedlessEscapes(text: string): void {
  expect(text).not.toMatch(/&#(?!39;|13;)\d+;|&#x[0-9a-f]+;/i);
  expect(text).not.toMatch(/\\u(?!003c)[0-9a-f]{4}/i);
}

describe.each(["eleventy", "direct"] as const)("plain UTF-8 text (pipeline %s)", (pipeline) => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await buildSite({ data: DATA, options: { pipeline } });
  });
  afterAll(() => site?.cleanup());

  it("the month page shows the source and the title as written, and escapes only & < >", async () => {
    const page = await site.read("2025/04/index.html");
    expect(page).toContain(`<a href="https://a.example/bench">${TITLE}</a>`);
    expect(page).toContain(SOURCE);
    expect(page).toContain(`<title>Best of Distributed Systems · April 2025: ${TITLE}</title>`);
    expect(page).toContain("Alerts &amp; dashboards — “quoted” → done.");
    expect(page).toContain("Tom &amp; Jerry &lt;b&gt;");
    expectNoNeedlessEscapes(page);
  });

  it("JSON-LD holds the title and the source as written, with only < escaped", async () => {
    const month = jsonLd(await site.read("2025/04/index.html"));
    expect(month.text).toContain(TITLE);
    expect(JSON.stringify(month.value)).toContain(TITLE);
    const source = jsonLd(await site.read("sources/milan-jovanovic/index.html"));
    expect(source.text).toContain(SOURCE);
    expectNoNeedlessEscapes(month.text + source.text);
  });

  it("RSS, Atom and JSON Feed hold them as written", async () => {
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) {
      const text = await site.read(feed);
      expect(text, feed).toContain(TITLE);
      expect(text, feed).toContain(SOURCE);
      expect(text, feed).toContain("“quoted” → done.");
      expectNoNeedlessEscapes(text);
    }
    const json = JSON.parse(await site.read("feed.json")) as {
      items: { title: string; authors: { name: string }[] }[];
    };
    expect(json.items.map((item) => [item.title, item.authors[0]!.name])).toEqual([
      [TITLE, SOURCE],
      ["Tom & Jerry <b>", "Medium"],
    ]);
  });
});

/**
 * A digest whose text is all Latin-1 (accents, « », ½, ·): two years, three months, a month of
 * eight pages (so the pagination gap shows), tags and sources with their feeds, an intro longer
 * than an email's preview line, share images and a host page with the latest-issue box.
 */
function latin1Digest(firstTitle: string): unknown {
  const sources = ["Señora Peña", "Jürgen Müller", "Åsa Öberg"];
  const tags = ["Größe", "Café", "Über-Netze"];
  const month = (key: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({
      month: key,
      rank: index + 1,
      title: key === "2025-02" && index === 0 ? firstTitle : `Raft für Anfänger, Teil ${index + 1} (½ Größe)`,
      url: `https://a.example/${key}/${index + 1}`,
      source: sources[index % sources.length],
      tags: [tags[index % tags.length]!],
      summary: `Ein «Überblick» über Teil ${index + 1}: Säulen, Brücken & Bögen.`,
    }));
  return {
    title: "Best of Señor Systems",
    issues: {
      "2025-02": {
        title: "Février: Consensus",
        intro: `Ce mois-ci: ${"Réplication, Élection et Découverte des pairs à grande échelle. ".repeat(4)}`,
      },
    },
    articles: [...month("2024-12", 2), ...month("2025-01", 3), ...month("2025-02", 16)],
  };
}

/** The options that make the plugin write each of its marks: feeds per tag and source, share images. */
const LATIN1_OPTIONS = { pageSize: 2, feed: { perSource: true }, shareImages: true };
const HOST_PAGE = { "home.njk": "---\ntitle: Startseite\n---\n<h1>{{ title }}</h1>{% digestLatestIssue 3 %}" };
/** The outputs that are text (the share images are PNG). */
const isText = (file: string) => /\.(html|xml|json|css|txt|js|opml)$/.test(file);

describe.each(["eleventy", "direct"] as const)("the plugin's own marks are Latin-1 (pipeline %s)", (pipeline) => {
  it("no page or feed of an all-Latin-1 digest holds a character beyond U+00FF; a '—' of the data is still written as it is", async () => {
    const latin1 = await buildSite({
      data: latin1Digest("Raft für Anfänger"),
      options: { ...LATIN1_OPTIONS, pipeline },
      files: HOST_PAGE,
    });
    try {
      const outputs = [...(await latin1.tree())].filter(([file]) => isText(file));
      expect(outputs.length).toBeGreaterThan(40);
      const beyond = outputs.flatMap(([file, text]) =>
        [...text.matchAll(/[^\u0000-\u00ff]/g)]
          .slice(0, 3)
          .map((m) => `${file}: ${JSON.stringify(m[0])} in …${text.slice(Math.max(0, m.index - 40), m.index + 10)}`),
      );
      expect(beyond).toEqual([]);
      // Each mark is in the output, so the check above looked at it.
      const all = outputs.map(([, text]) => text).join("\n");
      for (const mark of [
        "<title>Best of Señor Systems · February 2025: Février: Consensus, page 2</title>",
        'content="Best of Señor Systems · Größe: ',
        "<title>Best of Señor Systems · Größe</title>",
        'title="Best of Señor Systems · Señora Peña"',
        "<title>Best of Señor Systems · One item a month</title>",
        'property="og:image:alt" content="Best of Señor Systems · February 2025 · Février: Consensus: ',
        '<span aria-hidden="true">« </span>Older issue',
        'Newer year<span aria-hidden="true"> »</span>',
        '<span aria-hidden="true">«</span><span class="dg-word"> Previous',
        '<span class="dg-word">Next </span><span aria-hidden="true">»</span>',
        '<li class="dg-gap">...</li>',
        '<span aria-hidden="true">&#160;»</span>',
      ]) {
        expect(all.includes(mark), mark).toBe(true);
      }
      expect(await latin1.read("2025/02/email.txt")).toMatch(/^Best of Señor Systems · February 2025/);
      expect(await latin1.read("2025/02/email.html")).toMatch(/ grande échell\.\.\.<\/div>/);
      expect(await latin1.read("home/index.html")).toContain(
        ">Best of Señor Systems · February 2025: Février: Consensus</a></h2>",
      );
    } finally {
      await latin1.cleanup();
    }
    const dash = await buildSite({
      data: latin1Digest(TITLE),
      options: { ...LATIN1_OPTIONS, pipeline },
      files: HOST_PAGE,
    });
    try {
      const page = await dash.read("2025/02/index.html");
      expect(page).toContain(`<a href="https://a.example/2025-02/1">${TITLE}</a>`);
      expect(page).not.toContain("&#8212;");
    } finally {
      await dash.cleanup();
    }
  });
});
