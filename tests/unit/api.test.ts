// The package's public API is small on purpose: the plugin, the two ways to check data without a
// build, and the error classes (types aside). Anything else is internal and may change.
import { describe, expect, it } from "vitest";
import * as api from "../../plugin/index.js";

describe("the public API", () => {
  it("exports the plugin, validateDigest, validateDigestFile and the error classes, nothing internal", () => {
    expect(Object.keys(api).sort()).toEqual(["DigestFileError", "DigestOptionsError", "DigestPathError", "DigestValidationError", "default", "validateDigest", "validateDigestFile"]);
    expect(typeof api.default).toBe("function");
  });
});
