// Real Eleventy builds of hostile data: they write exactly what the pure pipeline renders (so the
// property tests speak for Eleventy builds too), and invalid data writes nothing at all.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { validateDigest, type DigestValidationError } from "../../plugin/index.js";
import { formatProblem } from "../../plugin/data/validate.js";
import { digestCase } from "./arbitraries.js";
import { checkSite, modelOf } from "./checks.js";
import { buildSite, dataFiles, errorText, readTree, tryBuild } from "../helpers/build/index.js";
import { loadFixture } from "./fixtures.js";
import { renderSite } from "./render.js";

/** How many random digests go through real Eleventy builds; `DIGEST_ELEVENTY_RUNS` for more. */
const ELEVENTY_RUNS = Number(process.env.DIGEST_ELEVENTY_RUNS ?? 5);

async function expectSameAsPure(
  data: unknown,
  options: Parameters<typeof renderSite>[1],
  pathPrefix: string,
): Promise<void> {
  const build = await buildSite({ ...dataFiles(data), options, pathPrefix });
  try {
    const written = await build.tree();
    const rendered = renderSite(data, options, pathPrefix);
    expect([...written.keys()]).toEqual([...rendered.keys()].sort());
    const different = [...rendered].filter(([file, content]) => written.get(file) !== content).map(([file]) => file);
    expect(different, "files Eleventy wrote differently").toEqual([]);
    const setup = { options: options ?? {}, pathPrefix };
    checkSite(written, modelOf(data, setup), setup);
  } finally {
    await build.cleanup();
  }
}

describe("real Eleventy builds of hostile data", () => {
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it(
    `${ELEVENTY_RUNS} random digests: Eleventy writes byte for byte what the pure pipeline renders`,
    async () => {
      const valid = digestCase.filter((generated) => {
        try {
          validateDigest(generated.data, { timeZone: generated.options.timeZone ?? "UTC" });
          return true;
        } catch {
          return false;
        }
      });
      for (const generated of fc.sample(valid, ELEVENTY_RUNS))
        await expectSameAsPure(generated.data, generated.options, generated.pathPrefix);
    },
    Math.max(120_000, ELEVENTY_RUNS * 10_000),
  );

  for (const name of [
    "script-titles.json",
    "control-characters.json",
    "path-like-tags.json",
    "non-latin-tags.json",
    "huge-summary.json",
    "empty-digest.json",
  ]) {
    it(`${name}: Eleventy writes what the pure pipeline renders`, async () => {
      await expectSameAsPure(loadFixture(name).data, {}, "/");
    }, 60_000);
  }

  it("invalid data stops the build with every problem listed, before anything is written (host pages included)", async () => {
    const fixture = loadFixture("wrong-types-invalid.json");
    const expected = (() => {
      try {
        validateDigest(fixture.data);
      } catch (error) {
        return (error as DigestValidationError).problems.map(formatProblem);
      }
      throw new Error("the fixture is valid");
    })();
    const { site: build, error: failure } = await tryBuild({
      ...dataFiles(fixture.data),
      options: {},
      pathPrefix: "/",
      files: { "about.md": "# About\n", "notes.njk": "{{ 1 + 1 }}" },
    });
    try {
      expect(failure, "the build fails").toBeDefined();
      const text = errorText(failure);
      expect(text).toContain("invalid digest data (15 problems); nothing was written");
      for (const problem of expected) expect(text).toContain(problem);
      expect([...(await readTree(build.outputDir)).keys()]).toEqual([]);
    } finally {
      await build.cleanup();
    }
  }, 60_000);
});
