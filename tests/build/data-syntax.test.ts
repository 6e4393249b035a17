// Issue 15: a JSON syntax error in the digest's data file fails the build with file:line:column,
// in the `validate` command's words; every other JSON data file reads as Eleventy reads it.
import { afterEach, describe, expect, it } from "vitest";
import { buildSite, errorText, tryBuild, type BuildResult, type EleventyUserConfig } from "../helpers/build/index.js";
import digest from "../../plugin/index.js";
import { validateDigestFile } from "../../plugin/data/validate-file.js";

const sites: BuildResult[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) await site.cleanup();
});

const VALID = JSON.stringify(
  { articles: [{ month: "2025-04", rank: 1, title: "A", url: "https://a.example/1", source: "S" }] },
  null,
  2,
);
// Line 3, column 5: the unquoted key (after a blank line and leading white space, which Eleventy trims).
const BROKEN = "\n{\n    articles: []\n}\n";

describe("a digest data file that is not JSON", () => {
  it("fails the build naming _data/digest.json:LINE:COLUMN, in the words of `validate`", async () => {
    const { site, error } = await tryBuild({ files: { "_data/digest.json": BROKEN } });
    sites.push(site);
    expect(error).toBeDefined();
    const text = errorText(error);
    const line = /^.*_data\/digest\.json:3:5: invalid JSON: .+$/m.exec(text)?.[0];
    expect(line, text).toBeDefined();
    expect(text).not.toMatch(/at position/);
    // The same words as the command (V8's own words for the error differ between Node versions).
    const command = await validateDigestFile(`${site.inputDir}/_data/digest.json`).then(
      () => "",
      (problem: unknown) => (problem as Error).message,
    );
    expect(command).toMatch(/digest\.json:3:5: invalid JSON: /);
    expect(line!.endsWith(command.slice(command.indexOf(":3:5: ")))).toBe(true);
    expect(await site.files()).toEqual([]);
  });

  it("fails for a monthly file of a digest folder, naming it", async () => {
    const { site, error } = await tryBuild({
      files: { "_data/digest/2025-04.json": VALID, "_data/digest/2025-05.json": '{"articles": [1,]}' },
    });
    sites.push(site);
    expect(errorText(error)).toMatch(/_data\/digest\/2025-05\.json:1:17: invalid JSON: /m);
  });

  it("leaves other JSON data files to Eleventy: a host file parses as JSON.parse parses it, and its own syntax error is Eleventy's", async () => {
    const host = '  {"n": 1e400, "s": "\\u00e9\\ud83d\\ude80", "dup": 1, "dup": 2, "deep": [[[{}]]], "z": -0}\n';
    const site = await buildSite({
      files: {
        "_data/digest.json": VALID,
        "_data/host.json": host,
        "probe.11ty.js":
          "export default class { data() { return { permalink: '/probe.json' }; } render(data) { return JSON.stringify(data.host); } }",
      },
    });
    sites.push(site);
    expect(await site.read("probe.json")).toBe(JSON.stringify(JSON.parse(host.trim())));
    const other = await tryBuild({ files: { "_data/digest.json": VALID, "_data/host.json": "{oops}" } });
    sites.push(other.site);
    expect(errorText(other.error)).toMatch(/host\.json/);
    expect(errorText(other.error)).not.toMatch(/host\.json:\d+:\d+: invalid JSON/);
  });

  it("is not checked when the host reads .json with a parser of its own (JSON with comments, here)", async () => {
    const configure = (eleventyConfig: EleventyUserConfig) => {
      const config = eleventyConfig as unknown as {
        addDataExtension(ext: string, options: { parser: (text: string) => unknown }): void;
        addPlugin(plugin: unknown, options: unknown): void;
      };
      config.addDataExtension("json", { parser: (text) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, "")) });
      config.addPlugin(digest, { siteUrl: "https://digest.example.com" });
    };
    const site = await buildSite({ configure, files: { "_data/digest.json": `// picks\n${VALID}` } });
    sites.push(site);
    expect(await site.files()).toContain("2025/04/index.html");
  });
});
