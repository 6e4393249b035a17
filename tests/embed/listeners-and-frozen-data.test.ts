// Issue 27: where Eleventy 4's alpha differs from 3 in ways that touch the plugin. Its build events
// run their listeners one after another, in the order added (3: all at once), under old and new
// names (`eleventy.after` and `buildawesome.after`); its `eleventy`, `buildawesome` and `pkg` data
// are deep-frozen. These tests run on both (the Node 22 suite runs them on 4.0.0-alpha.10).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import digest from "../../plugin/index.js";
import { listFiles } from "./crawl.js";
import { quietly } from "../helpers/quiet.js";
import {
  createEleventy,
  errorText,
  prepareSite,
  type BuildResult,
  type EleventyUserConfig,
} from "../helpers/build/index.js";

const demo = readFileSync(path.resolve(import.meta.dirname, "../../_data/digest.json"), "utf8");
const eleventyMajor = Number(
  (
    JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../../node_modules/@11ty/eleventy/package.json"), "utf8"),
    ) as { version: string }
  ).version.split(".")[0],
);
const sites: BuildResult[] = [];

async function hostSite(files: Record<string, string> = {}): Promise<BuildResult> {
  const site = await prepareSite({ files: { "_data/digest.json": demo, "about.md": "# About\n", ...files } });
  sites.push(site);
  return site;
}

const written = (dir: string): string[] => {
  try {
    return listFiles(dir);
  } catch {
    return [];
  }
};

/** A listener for any event name (Eleventy's types list the old names only). */
const listen = (config: EleventyUserConfig, event: string, listener: () => Promise<void>) =>
  (config as unknown as { on(event: string, listener: () => Promise<void>): void }).on(event, listener);

afterEach(() => {
  // Synchronous: a failed build may still be writing, and an async rm would race it.
  for (const site of sites.splice(0)) rmSync(site.root, { recursive: true, force: true });
});

describe("a host's build event listeners", () => {
  it('find every file of pipeline "direct" on disk, under the old and the new event name, when added before the plugin', async () => {
    const site = await hostSite();
    const seen: Record<string, string[]> = {};
    const configure = (config: EleventyUserConfig) => {
      for (const event of ["eleventy.after", "buildawesome.after"]) {
        listen(config, event, async () => {
          // Slow on purpose: on Eleventy 3 the listeners of one event run at once.
          await sleep(20);
          seen[event] = written(site.outputDir);
        });
      }
      config.addPlugin(digest, { siteUrl: "https://example.com", pipeline: "direct" });
    };
    await createEleventy(site, { configure }).write();
    const files = written(site.outputDir);
    expect(files).toContain("2025/04/index.html");
    expect(files).toContain("feed.xml");
    expect(seen["eleventy.after"]).toEqual(files);
    // Eleventy 3 has no `buildawesome.after`; 4 runs it after `afterBuild` and `eleventy.after`.
    if (eleventyMajor >= 4) expect(seen["buildawesome.after"]).toEqual(files);
    else expect(seen["buildawesome.after"]).toBeUndefined();
  });

  it("that write the digest's data before the build are seen by its JSON check on Eleventy 4, which runs them in order", async () => {
    const site = await hostSite();
    const data = path.join(site.inputDir, "_data/digest.json");
    const configure = (config: EleventyUserConfig) => {
      // A host that fetches or generates its digest in `eleventy.before`, added before the plugin.
      listen(config, "eleventy.before", async () => {
        await sleep(50);
        writeFileSync(data, "\n{\n    articles: []\n}\n"); // line 3, column 5: an unquoted key
      });
      config.addPlugin(digest, { siteUrl: "https://example.com" });
    };
    const error = await quietly(() => createEleventy(site, { configure }).write()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    // Either way the build fails before writing anything; on 4 the plugin's check has run after the
    // host's listener, so the error is its file:line:column (on 3 it may have read the file first,
    // and Eleventy's own parser reports it).
    expect(error).toBeDefined();
    if (eleventyMajor >= 4) expect(errorText(error)).toMatch(/_data\/digest\.json:3:5: invalid JSON: /);
    expect(written(site.outputDir)).toEqual([]);
  });
});

describe("Eleventy's frozen data", () => {
  it("stays frozen and readable in a host layout around the digest's pages", async () => {
    const globals = eleventyMajor >= 4 ? ["eleventy", "buildawesome"] : ["eleventy"];
    const site = await hostSite({
      "_includes/host.njk": `<!doctype html><html><head>${globals.map((name) => `<meta name=${name} content="{{ ${name}.generator }} {{ ${name} | frozen }} {{ ${name}.env | frozen }}">`).join("")}</head><body>{{ content | safe }}</body></html>`,
    });
    const configure = (config: EleventyUserConfig) => {
      (config as unknown as { addFilter(name: string, filter: (value: unknown) => string): void }).addFilter(
        "frozen",
        (value) => String(Object.isFrozen(value)),
      );
      config.addPlugin(digest, { siteUrl: "https://example.com", layout: "host.njk" });
    };
    await createEleventy(site, { configure }).write();
    const page = readFileSync(path.join(site.outputDir, "2025/04/index.html"), "utf8");
    for (const name of globals)
      expect(new RegExp(`<meta name=${name} content="([^"]*)">`).exec(page)?.[1], name).toMatch(
        /^Eleventy .*v\d\S* true true$/,
      );
  });

  it("leaves a host's deep-frozen digest data as it is: the same site as from the JSON file", async () => {
    const fromJson = await hostSite();
    await createEleventy(fromJson, {
      configure: (config) => config.addPlugin(digest, { siteUrl: "https://example.com" }),
    }).write();
    // A data file that hands the digest over frozen, as Eleventy 4 hands over its own data.
    const frozen = await hostSite({
      "_data/digest.json": "",
      "_data/digest.js": `const deepFreeze = (value) => { if (value && typeof value === "object") { Object.values(value).forEach(deepFreeze); Object.freeze(value); } return value; };\nexport default deepFreeze(${demo});\n`,
    });
    rmSync(path.join(frozen.inputDir, "_data/digest.json"));
    await createEleventy(frozen, {
      configure: (config) => config.addPlugin(digest, { siteUrl: "https://example.com" }),
    }).write();
    const files = written(fromJson.outputDir);
    expect(written(frozen.outputDir)).toEqual(files);
    for (const file of files)
      expect(readFileSync(path.join(frozen.outputDir, file), "utf8"), file).toBe(
        readFileSync(path.join(fromJson.outputDir, file), "utf8"),
      );
  });
});
