// Issue 27: the README's embed steps, as written, on the Eleventy these tests run with: the packed
// tarball installed beside it (step 1), `_data/digest.json` (2), the step-3 config in the file the
// README names for this major version (`eleventy.config.js` on 3, `buildawesome.config.js` on 4),
// `{% digestHead %}` in the layout (4), the CLI build (5); and `--to` as the README's table says:
// `json` on both, `ndjson` on 3 only.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "./crawl.js";
import { buildInstalled } from "../helpers/build/index.js";
import { packPlugin, removePackedPlugin, repoRoot } from "./packed.js";

const eleventyVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, "node_modules/@11ty/eleventy/package.json"), "utf8")) as {
    version: string;
  }
).version;
const eleventyMajor = Number(eleventyVersion.split(".")[0]);
/** The config file name the README's table gives for this major version. */
const configFile = eleventyMajor >= 4 ? "buildawesome.config.js" : "eleventy.config.js";

/** Step 3's config, as the README prints it (the blog's own config is one passthrough copy). */
const STEP_3 = `import digest from "eleventy-plugin-digest";

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("robots.txt");
  eleventyConfig.addPlugin(digest, {
    siteUrl: "https://example.com",   // origin only; Eleventy's pathPrefix is added for you
    basePath: "/digest/",             // every digest page and feed lives under /digest/
    layout: "layouts/base.njk",       // your layout wraps every digest page
  });
}
`;

let site: string;
let output: string;
const read = (file: string) => readFileSync(path.join(output, file), "utf8");

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), "digest-steps-"));
  output = path.join(site, "_site");
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "a-blog", private: true, type: "module" }),
    "_data/digest.json": readFileSync(path.join(repoRoot, "_data/digest.json"), "utf8"),
    [configFile]: STEP_3,
    "_includes/layouts/base.njk":
      "<!doctype html><html><head><title>{{ title }}</title>{% digestHead %}</head><body class=blog>{{ content | safe }}</body></html>\n",
    "index.md": "---\nlayout: layouts/base.njk\ntitle: Home\n---\n# My blog\n",
    "robots.txt": "User-agent: *\n",
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
    writeFileSync(path.join(site, name), content);
  }
  execFileSync(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      packPlugin(),
      `@11ty/eleventy@${eleventyVersion}`,
    ],
    { cwd: site, stdio: ["ignore", "pipe", "inherit"] },
  );
  buildInstalled(site, output);
}, 300_000);

afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
  removePackedPlugin();
});

describe(`the README's embed steps on Eleventy ${eleventyMajor} (config in ${configFile})`, () => {
  it("build the digest under /digest/ in the blog's layout, beside the blog's own files", () => {
    const files = listFiles(output);
    expect(files).toContain("index.html");
    expect(files).toContain("robots.txt"); // the config file was read: its passthrough copy ran
    const issue = read("digest/2025/04/index.html");
    expect(issue.slice(0, 200)).toMatch(/^<!doctype html><html><head><title>[^<]*April 2025[^<]*<\/title>/);
    expect(issue).toContain('<link rel="canonical" href="https://example.com/digest/2025/04/">');
    expect(issue).toContain("<body class=blog>");
    expect(read("digest/feed.xml")).toMatch(/^<\?xml /);
    expect(() => JSON.parse(read("digest/feed.json"))).not.toThrow();
  });

  it("list every digest page with --to=json", () => {
    const pages = JSON.parse(buildInstalled(site, path.join(site, "_json"), {}, ["--quiet", "--to=json"])) as {
      url: string | false;
    }[];
    const urls = pages.map((page) => page.url);
    expect(urls).toContain("/digest/2025/04/");
    expect(urls).toContain("/digest/feed.xml");
  });

  it.runIf(eleventyMajor < 4)("list every digest page with --to=ndjson on Eleventy 3", () => {
    const lines = buildInstalled(site, path.join(site, "_ndjson"), {}, ["--quiet", "--to=ndjson"])
      .split("\n")
      .filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { url: string }).url)).toContain("/digest/2025/04/");
  });

  it.runIf(eleventyMajor >= 4)("are refused --to=ndjson by Eleventy 4, as the README says", () => {
    expect(() => buildInstalled(site, path.join(site, "_ndjson"), {}, ["--quiet", "--to=ndjson"])).toThrow(
      /Invalid --to value: ndjson/,
    );
  });
});
