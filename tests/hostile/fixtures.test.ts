// The regression corpus: each nasty case, through the same code a build runs.
import { DomUtils, parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DigestValidationError, validateDigest } from "../../plugin/index.js";
import { formatProblem } from "../../plugin/data/validate.js";
import { renderMarkdown } from "../../plugin/render/markdown.js";
import { checkSite, modelOf } from "./checks.js";
import { loadFixtures, matchPrefixes } from "./fixtures.js";
import { renderSite } from "./render.js";

const fixtures = loadFixtures();
const setup = { options: {}, pathPrefix: "/" };

describe("the hostile fixtures", () => {
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it("cover every case the issue lists", () => {
    const names = fixtures.map((fixture) => fixture.name);
    for (const name of [
      "script-titles.json",
      "javascript-links.json",
      "javascript-urls-invalid.json",
      "raw-html-markdown.json",
      "cdata-end.json",
      "control-characters.json",
      "path-like-tags.json",
      "non-latin-tags.json",
      "case-variant-tags.json",
      "tag-collision-invalid.json",
      "source-collision-invalid.json",
      "duplicate-ranks-ids-invalid.json",
      "bad-months-dates-invalid.json",
      "empty-digest.json",
      "huge-summary.json",
    ]) {
      expect(names).toContain(name);
    }
    const huge = fixtures.find((fixture) => fixture.name === "huge-summary.json")!;
    expect(JSON.stringify(huge.data).length).toBeGreaterThan(1_000_000);
  });

  for (const fixture of fixtures.filter((candidate) => candidate.expect !== "valid")) {
    it(`${fixture.name}: refused, with every problem in its place`, () => {
      const error = (() => {
        try {
          validateDigest(fixture.data);
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(DigestValidationError);
      const problems = (error as DigestValidationError).problems.map(formatProblem);
      const expected = (fixture.expect as { problems: string[] }).problems;
      expect(matchPrefixes(problems, expected), problems.join("\n")).toEqual({ unmatched: [], extra: [] });
    });
  }

  for (const fixture of fixtures.filter((candidate) => candidate.expect === "valid")) {
    it(`${fixture.name}: builds a safe site, its text intact`, () => {
      const digest = validateDigest(fixture.data);
      if (fixture.warnings) {
        expect(matchPrefixes(digest.warnings.map(formatProblem), fixture.warnings)).toEqual({
          unmatched: [],
          extra: [],
        });
      }
      const site = renderSite(fixture.data);
      const model = modelOf(fixture.data, setup);
      checkSite(site, model, setup);

      const tagFolders = [...site.keys()]
        .filter((file) => /^tags\/[^/]+\/index\.html$/.test(file))
        .map((file) => file.split("/")[1]);
      if (fixture.tagSlugs) expect(tagFolders.sort()).toEqual([...fixture.tagSlugs].sort());
      if (fixture.titles) expect(model.latestArticles.map((article) => article.title)).toEqual(fixture.titles);
      if (fixture.files) expect([...site.keys()].sort()).toEqual(fixture.files);
      for (const [slug, expected] of Object.entries(fixture.tags ?? {})) {
        const tag = model.tags.find((candidate) => candidate.slug === slug);
        expect({ name: tag?.name, count: tag?.count }).toEqual(expected);
      }
      for (const [rank, links] of Object.entries(fixture.summaryLinks ?? {})) {
        const article = model.latestArticles.find((candidate) => candidate.rank === Number(rank))!;
        const html = parseDocument(renderMarkdown(article.summary ?? "").markup);
        const hrefs = DomUtils.findAll((element) => element.name === "a", html.children).map(
          (anchor) => anchor.attribs.href,
        );
        expect(hrefs, `summary of #${rank}`).toEqual(links);
      }
      for (const [rank, text] of Object.entries(fixture.summaryText ?? {})) {
        const article = model.latestArticles.find((candidate) => candidate.rank === Number(rank))!;
        expect(DomUtils.textContent(parseDocument(renderMarkdown(article.summary ?? "").markup))).toContain(text);
      }
    }, 30_000);
  }
});
