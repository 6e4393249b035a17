// The last guard: were a slug ever to contain "..", the build stops before Eleventy writes a file.
// tagSlug is replaced by a broken one here, since real slugs cannot leave their folder.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { assertInsideBase, DigestPathError } from "../../plugin/eleventy/output-path.js";
import { dataFiles, errorText, readTree, tryBuild } from "../helpers/build/index.js";

// Test files share their process's modules (vitest's isolate: false): the plugin may be loaded
// already, with the real tagSlug. Load it anew for this file, and again after it, without the mock.
vi.hoisted(() => vi.resetModules());
afterAll(() => {
  vi.doUnmock("../../plugin/data/slug.js");
  vi.resetModules();
});

vi.mock("../../plugin/data/slug.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../plugin/data/slug.js")>();
  return { ...original, tagSlug: (name: string) => (name === "escape" ? "../../../escaped" : original.tagSlug(name)) };
});

describe("output paths", () => {
  it("a path outside the digest's folder is an error, and nothing is written", async () => {
    const data = {
      articles: [
        { month: "2025-04", rank: 1, title: "T", url: "https://example.com/", source: "S", tags: ["escape", "fine"] },
      ],
    };
    const { site: build, error: failure } = await tryBuild({
      ...dataFiles(data),
      options: { basePath: "/digest/" },
      pathPrefix: "/",
      files: { "about.md": "# About\n" },
    });
    try {
      expect(failure, "the build fails").toBeDefined();
      expect(errorText(failure)).toContain(
        'eleventy-plugin-digest: refusing to write "/digest/tags/../../../escaped/": it has a ".." segment; nothing was written',
      );
      expect([...(await readTree(build.root)).keys()].filter((file) => !file.startsWith("site/"))).toEqual([]);
      expect(existsSync(path.join(build.root, "escaped"))).toBe(false);
    } finally {
      await build.cleanup();
    }
  }, 60_000);

  it("assertInsideBase accepts the plugin's paths and refuses every way out", () => {
    for (const ok of ["/", "/feed.xml", "/2025/04/page/2/", "/tags/分布式系统/", "/tags/u-2e-2e/feed.xml"])
      expect(assertInsideBase(ok, "/")).toBe(ok);
    expect(assertInsideBase("/digest/tags/x/", "/digest/")).toBe("/digest/tags/x/");
    const refused: [string, string, RegExp][] = [
      ["/tags/../../etc/", "/", /a "\.\." segment/],
      ["/tags/./x/", "/", /a "\." segment/],
      ["/tags//x/", "/", /an empty segment/],
      ["/tags/%2e%2e/", "/", /percent sign/],
      ["/tags/..\\..\\x/", "/", /backslash/],
      ["/tags/x\u0000/", "/", /control character/],
      ["/blog/x/", "/digest/", /not inside the digest's folder "\/digest\/"/],
      ["tags/x/", "/", /not inside/],
      ["/x/", "digest", /not normalised/],
    ];
    for (const [bad, base, reason] of refused) {
      expect(() => assertInsideBase(bad, base)).toThrow(DigestPathError);
      expect(() => assertInsideBase(bad, base)).toThrow(reason);
    }
  });
});
