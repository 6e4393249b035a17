// A digest too large for the default pipeline: the build says to use pipeline "direct" before it
// renders anything (before Eleventy holds its pages and Node runs out of heap).
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildSite, type EleventyUserConfig } from "../helpers/build/index.js";
import { syntheticDigest } from "../helpers/synthetic.js";
import digest from "../../plugin/index.js";
import { largeDigestWarning, PEAK_BYTES_PER_ARTICLE } from "../../plugin/eleventy/memory-hint.js";

// This process's heap limit, as the build reads it, made small (4 MiB) by a mock of the module that
// reads it. Test files share their process's modules (vitest's isolate: false): load the plugin anew
// for this file, and again after it, without the mock (as path-guard.test.ts does).
vi.hoisted(() => vi.resetModules());
afterAll(() => {
  vi.doUnmock("../../plugin/eleventy/memory-hint.js");
  vi.resetModules();
});
vi.mock("../../plugin/eleventy/memory-hint.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../plugin/eleventy/memory-hint.js")>();
  return {
    ...original,
    largeDigestWarning: (count: number, pipeline: "eleventy" | "direct", limit = 4 * 2 ** 20) =>
      original.largeDigestWarning(count, pipeline, limit),
  };
});

const GIB = 2 ** 30;

describe("a digest too large for the default pipeline", () => {
  it('is estimated by its article count against the heap limit, and only pipeline "eleventy" is told', () => {
    // Node's default limit here is about 4 GiB: 100k articles (about 1.6 GB) build; 250k would not.
    expect(largeDigestWarning(100_000, "eleventy", 4 * GIB)).toBeUndefined();
    expect(largeDigestWarning(250_000, "eleventy", 4 * GIB)).toBe(
      'warning: 250,000 articles may need about 3.8 GB of memory with pipeline "eleventy" (Eleventy keeps every page until the build ends), near or over this process\'s limit of 4.0 GB: set the option pipeline: "direct" to build them in well under 1 GB, or raise the limit (NODE_OPTIONS=--max-old-space-size=8192)',
    );
    expect(largeDigestWarning(250_000, "direct", 4 * GIB)).toBeUndefined();
    // A raised limit raises the threshold.
    expect(largeDigestWarning(250_000, "eleventy", 8 * GIB)).toBeUndefined();
    expect(Math.floor((0.75 * 4 * GIB) / PEAK_BYTES_PER_ARTICLE)).toBe(196_608);
  });

  it("is said once, as a warning, by a build in the default pipeline, and not in the direct one", async () => {
    for (const pipeline of ["eleventy", "direct"] as const) {
      const messages: { message: string; type?: string }[] = [];
      const site = await buildSite({
        data: syntheticDigest([200, 100]),
        configure(eleventyConfig: EleventyUserConfig) {
          Object.defineProperty(eleventyConfig, "logger", {
            configurable: true,
            value: { logWithOptions: (entry: { message: string; type?: string }) => messages.push(entry) },
          });
          eleventyConfig.addPlugin(digest, { siteUrl: "https://digest.example.com", pipeline });
        },
      });
      await site.cleanup();
      const told = messages.filter((entry) => entry.message.includes('pipeline: "direct"'));
      if (pipeline === "eleventy") {
        expect(told).toEqual([
          {
            message: expect.stringMatching(
              /^warning: 300 articles may need about 5 MB .* limit of 4 MB: set the option pipeline: "direct"/,
            ),
            type: "warn",
            prefix: expect.any(String),
          },
        ]);
      } else {
        expect(told).toEqual([]);
      }
    }
  }, 60_000);
});
