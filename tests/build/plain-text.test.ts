// Text is written as the data says, in UTF-8, in every output: a source "Milan Jovanović" and a
// title "Bench — Alerting" appear literally (not as `&#263;`, `&#8212;`, `\u0107` or `\u2014`) in
// the month page, its JSON-LD, the source page's JSON-LD, RSS, Atom and JSON Feed, in both
// pipelines. Only what each format requires is escaped.
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
