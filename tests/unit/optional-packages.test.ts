// satori, @resvg/resvg-js, @fontsource/inter and pagefind are optional peer dependencies: a site
// that turns on shareImages or search without them is told, in one line with the npm install
// command, when it adds the plugin; a site with both off never needs them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  assertOptionalPackages,
  DigestMissingPackageError,
  OPTIONAL_PACKAGES,
  optionalPackagesFrom,
} from "../../plugin/eleventy/optional-packages.js";
import eleventyPluginDigest from "../../plugin/index.js";
import { readFileSync } from "node:fs";

const empty = mkdtempSync(path.join(tmpdir(), "digest-no-packages-"));
writeFileSync(path.join(empty, "config.js"), "");
const nothingInstalled = optionalPackagesFrom(path.join(empty, "config.js"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

/** The error `assertOptionalPackages` throws, or undefined. */
function thrown(run: () => void): DigestMissingPackageError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DigestMissingPackageError);
    return error as DigestMissingPackageError;
  }
}

describe("optional packages", () => {
  it("are peer dependencies marked optional, and dev dependencies of the repository (the demo uses both features)", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    for (const name of [...OPTIONAL_PACKAGES.shareImages, ...OPTIONAL_PACKAGES.search]) {
      expect(pkg.dependencies![name], name).toBeUndefined();
      expect(pkg.peerDependencies![name], name).toBeTypeOf("string");
      expect(pkg.peerDependenciesMeta![name], name).toEqual({ optional: true });
      expect(pkg.devDependencies![name], name).toBe(pkg.peerDependencies![name]);
    }
  });

  it("are found where the plugin is installed, and missing from a folder without them", () => {
    const here = optionalPackagesFrom(import.meta.url);
    for (const name of ["satori", "@resvg/resvg-js", "@fontsource/inter", "pagefind"]) {
      expect(here(name), name).toBe(true);
      expect(nothingInstalled(name), name).toBe(false);
    }
    expect(() => assertOptionalPackages({ shareImages: true, search: true })).not.toThrow();
  });

  it("are not needed with both features off", () => {
    expect(
      thrown(() => assertOptionalPackages({ shareImages: false, search: false }, nothingInstalled)),
    ).toBeUndefined();
  });

  it("name the missing packages and the npm install command, in one line", () => {
    const images = thrown(() => assertOptionalPackages({ shareImages: true, search: false }, nothingInstalled))!;
    expect(images.message).toBe(
      "eleventy-plugin-digest: shareImages needs satori, @resvg/resvg-js, @fontsource/inter, not installed; install with: npm install satori @resvg/resvg-js @fontsource/inter",
    );
    const search = thrown(() =>
      assertOptionalPackages({ shareImages: false, search: true }, (name) => name !== "pagefind"),
    )!;
    expect(search.message).toBe(
      "eleventy-plugin-digest: search needs pagefind, not installed; install with: npm install pagefind",
    );
    const both = thrown(() =>
      assertOptionalPackages(
        { shareImages: true, search: true },
        (name) => name !== "pagefind" && name !== "@fontsource/inter",
      ),
    )!;
    expect(both.message).toBe(
      "eleventy-plugin-digest: shareImages and search need @fontsource/inter, pagefind, not installed; install with: npm install @fontsource/inter pagefind",
    );
    for (const error of [images, search, both]) expect(error.message).not.toContain("\n");
  });

  it("let the plugin be added with both features on where they are installed", () => {
    const added: string[] = [];
    const config = {
      addTemplate: (name: string) => added.push(name),
      on: () => undefined,
      addShortcode: () => undefined,
      addGlobalData: () => undefined,
      addTransform: () => undefined,
      logger: { info: () => undefined, warn: () => undefined },
    };
    expect(() =>
      eleventyPluginDigest(config as never, { siteUrl: "https://digest.example.com", shareImages: true, search: true }),
    ).not.toThrow();
    expect(added.length).toBeGreaterThan(0);
  });
});
