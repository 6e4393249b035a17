// basePath values that are not a path in the site: refused when the options are checked, naming
// basePath, not later by a failed write or a link to another site.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../plugin/options.js";
import { errorText, tryBuild } from "../helpers/build/index.js";

const site = { siteUrl: "https://digest.example.com" };
const EXPECTED = 'options.basePath: expected a path such as "/" or "/digest/"';

describe("hostile basePath values", () => {
  it.each([
    ["https://evil.example/", 'not a URL (the origin goes in siteUrl), got "https://evil.example/"'],
    ["HTTP://evil.example", "not a URL"],
    ["//evil.example/", 'not a URL (the origin goes in siteUrl), got "//evil.example/"'],
    ["\\\\evil.example\\", "not a URL"],
    ["javascript:alert(1)", "not a URL"],
    ["/a//b/", 'without empty segments ("//"), got "/a//b/"'],
    ["digest//2025", 'without empty segments ("//")'],
    ["/a\tb/", 'without "..", "?", "#", "%" or control characters, got "/a\\tb/"'],
    ["/a/../b/", 'without "..", "?", "#", "%" or control characters'],
  ])("%j is refused, naming basePath", (basePath, message) => {
    expect(() => resolveOptions({ ...site, basePath })).toThrow(`${EXPECTED}, ${message}`);
  });

  it.each([
    ["/", "/"],
    ["digest", "/digest/"],
    ["/digest/", "/digest/"],
    ["/best-of/2025/", "/best-of/2025/"],
    ["/a:b/", "/a:b/"],
    ["/bücher/", "/bücher/"],
    ["/digest//", "/digest/"],
  ])("%j is a path: %j", (basePath, resolved) => {
    expect(resolveOptions({ ...site, basePath }).basePath).toBe(resolved);
  });

  it("stops a build before anything is written", async () => {
    const data = { articles: [{ month: "2025-04", rank: 1, title: "T", url: "https://example.com/", source: "S" }] };
    const { site: build, error } = await tryBuild({ data, options: { basePath: "https://evil.example/" } });
    try {
      expect(errorText(error)).toContain(`${EXPECTED}, not a URL`);
      expect(existsSync(path.join(build.outputDir))).toBe(false);
    } finally {
      await build.cleanup();
    }
  });
});
