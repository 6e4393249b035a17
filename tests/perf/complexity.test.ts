// Issue 6: the plugin's own work (validation + model) must stay linear and small next to a build.
// Speed targets are measured by `npm run bench`; this only guards the complexity, with ratios and a
// generous bound, so it holds on any machine.
import { describe, expect, it } from "vitest";
// The benchmark's deterministic generator: 100 ranked articles a month, 3 tags each from 200.
// @ts-expect-error plain JavaScript without types
import { generateDigest } from "../../bench/generate.js";
import { buildDigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { validateDigest } from "../../plugin/data/validate.js";

const options = resolveOptions({ siteUrl: "https://bench.example.com" });

function ownWorkMs(data: unknown): number {
  const start = performance.now();
  const model = buildDigestModel(validateDigest(data, options), options);
  const elapsed = performance.now() - start;
  expect(model.monthPages.length).toBeGreaterThan(0);
  return elapsed;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

describe("validation + model", () => {
  it("grows linearly: 4× the articles cost well under 16× the time", () => {
    const small = generateDigest(5_000);
    const large = generateDigest(20_000);
    ownWorkMs(small); // warm up the JIT
    const smallMs = median([ownWorkMs(small), ownWorkMs(small), ownWorkMs(small)]);
    const largeMs = median([ownWorkMs(large), ownWorkMs(large), ownWorkMs(large)]);
    // Linear is 4×; quadratic would be 16×. 8× leaves room for GC and a busy machine.
    expect(largeMs / smallMs).toBeLessThan(8);
  }, 120_000);

  it("takes 100k articles in well under the time Eleventy needs to build their 40k pages", () => {
    const data = generateDigest(100_000);
    const elapsed = ownWorkMs(data);
    // A 100k build takes about a minute here; the plugin's own share must stay a small part of it.
    expect(elapsed).toBeLessThan(15_000);
  }, 120_000);
});
