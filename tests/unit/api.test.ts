// The package's public API is small on purpose: the plugin, the two ways to check data without a
// build, and the error classes (types aside). Anything else is internal and may change.
import { describe, expect, it } from "vitest";
import * as api from "../../plugin/index.js";

describe("the public API", () => {
  it("exports the plugin, validateDigest, validateDigestFile and the error classes, nothing internal", () => {
    expect(Object.keys(api).sort()).toEqual([
      "DigestFileError",
      "DigestOptionsError",
      "DigestPathError",
      "DigestValidationError",
      "configFunction",
      "default",
      "validateDigest",
      "validateDigestFile",
    ]);
    expect(typeof api.default).toBe("function");
    // What Eleventy's addPlugin reads from a plugin object: a CommonJS config's require() of the package gets this namespace.
    expect(api.configFunction).toBe(api.default);
  });
});
