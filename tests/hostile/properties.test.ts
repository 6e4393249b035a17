// Property tests: random hostile digests, through the same code a build runs (without Eleventy).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DigestValidationError, validateDigest } from "../../plugin/index.js";
import { digestCase, PROPERTY_RUNS } from "./arbitraries.js";
import { checkSite, modelOf } from "./checks.js";
import { renderSite } from "./render.js";

// A fixed seed can replay a failure: DIGEST_PROPERTY_SEED=<seed printed by fast-check>.
const seed = process.env.DIGEST_PROPERTY_SEED === undefined ? undefined : Number(process.env.DIGEST_PROPERTY_SEED);

describe(`${PROPERTY_RUNS} random hostile digests`, () => {
  // Random data warns a lot (rank gaps, dates after their issue); the warnings are tested elsewhere.
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it(
    "either fail validation with listed problems, or build a safe site whose links resolve and whose text reads back intact",
    () => {
      let valid = 0;
      let corrupted = 0;
      let files = 0;
      fc.assert(
        fc.property(digestCase, (generated) => {
          const setup = { options: generated.options, pathPrefix: generated.pathPrefix };
          const { corruption } = generated;
          try {
            validateDigest(generated.data, { timeZone: generated.options.timeZone ?? "UTC" });
          } catch (error) {
            expect(error).toBeInstanceOf(DigestValidationError);
            const { problems } = error as DigestValidationError;
            expect(problems.length).toBeGreaterThan(0);
            for (const problem of problems) {
              expect(problem.file).toMatch(/^digest(\.json|\/\d{4}-\d{2}\.json)$/);
              expect(problem.message).toMatch(/expected|must be unique|rename one of them/);
            }
            if (corruption) {
              // The broken field is named, with its file and place.
              const folder = !Array.isArray(generated.data) && !("articles" in (generated.data as object));
              const file = folder ? `digest/${corruption.month}.json` : "digest.json";
              const place = `${folder || Array.isArray(generated.data) ? "" : "articles"}[${corruption.index}].${corruption.field}`;
              expect(
                problems.some((problem) => problem.file === file && problem.path.startsWith(place)),
                `a problem at ${file} ${place}`,
              ).toBe(true);
              corrupted++;
            } else {
              // Legal hostile data is never refused; only random tags may happen to share a URL.
              for (const problem of problems) expect(problem.message).toMatch(/would share the URL/);
            }
            return;
          }
          expect(corruption, "a broken field is refused").toBeUndefined();
          valid++;
          const site = renderSite(generated.data, generated.options, generated.pathPrefix);
          files += site.size;
          checkSite(site, modelOf(generated.data, setup), setup);
        }),
        { numRuns: PROPERTY_RUNS, ...(seed !== undefined && { seed }) },
      );
      // Not vacuous: most digests are valid and make real sites.
      expect(valid).toBeGreaterThan(PROPERTY_RUNS * 0.6);
      expect(corrupted).toBeGreaterThan(PROPERTY_RUNS * 0.05);
      expect(files).toBeGreaterThan(PROPERTY_RUNS * 5);
    },
    Math.max(120_000, PROPERTY_RUNS * 200),
  );

  it("never throw anything but a DigestValidationError for any JSON at all", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            articles: fc.array(
              fc.dictionary(
                fc.constantFrom(
                  "month",
                  "rank",
                  "title",
                  "url",
                  "source",
                  "tags",
                  "published",
                  "id",
                  "summary",
                  "__proto__",
                  "constructor",
                ),
                fc.jsonValue(),
              ),
            ),
          }),
        ),
        (data) => {
          try {
            validateDigest(data);
          } catch (error) {
            expect(error).toBeInstanceOf(DigestValidationError);
          }
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
