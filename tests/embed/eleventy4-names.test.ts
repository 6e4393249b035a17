// Issue 27: Eleventy 4 (Build Awesome) reads its special data keys under new names first
// (`buildawesomeComputed`, `buildawesomeDataSchema`, `buildawesomeExcludeFromCollections`), then
// under Eleventy 3's. A host's directory data using either set, or a mix, changes nothing in the
// digest: the same bytes as a host without it, every feed still XML or JSON, every digest page in
// collections.all. On Eleventy 3 the new names are plain data; the same fixture passes there too.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import digest, { type DigestPluginOptions } from "../../plugin/index.js";
import { listFiles } from "./crawl.js";
import { createEleventy, prepareSite, type BuildResult } from "../helpers/build/index.js";

const demo = readFileSync(path.resolve(import.meta.dirname, "../../_data/digest.json"), "utf8");
/** Each way the digest's pages are made: Eleventy templates, the plugin's own writer, the host's layout. */
// `collectionsAll: true`: the digest's pages join `collections.all` (they stay out of it by default),
// so a host's exclusion under either name has something to take away.
const SETUPS: [string, DigestPluginOptions][] = [
  ['pipeline "eleventy"', { siteUrl: "https://example.com", pipeline: "eleventy", collectionsAll: true }],
  ['pipeline "direct"', { siteUrl: "https://example.com", pipeline: "direct", collectionsAll: true }],
  [
    "the host's digest.njk layout",
    { siteUrl: "https://example.com", pipeline: "eleventy", layout: "digest.njk", collectionsAll: true },
  ],
];
const sites: BuildResult[] = [];
/** The Eleventy these tests run with: the repository's 3.1, or what scripts/test-node.sh installed. */
const eleventyMajor = Number(
  (
    JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../../node_modules/@11ty/eleventy/package.json"), "utf8"),
    ) as { version: string }
  ).version.split(".")[0],
);

/** The host's own files: a page, a layout, and a list of collections.all and collections.posts. */
const HOST_FILES = {
  "_data/digest.json": demo,
  "about.md": "# About\n",
  "_includes/host.njk": "<!doctype html><html><body class=host>{{ content | safe }}</body></html>",
  "_includes/digest.njk":
    "<!doctype html><html><head><title>{{ title }}</title>{% digestHead %}</head><body class=digest data-tags=\"{{ tags | join(',') }}\">{{ content | safe }}</body></html>",
  "lists.njk":
    "---\npermalink: /lists.txt\nlayout: false\n---\nALL[{% for p in collections.all %}{{ p.url }} {% endfor %}]ALL POSTS[{% for p in collections.posts %}{{ p.url }} {% endfor %}]POSTS",
};

type Prefix = "buildawesome" | "eleventy";

/**
 * Hostile on purpose, each under the name the host chose: a computed layout and tags for every
 * template, a data schema that rejects every 11ty.js template (the digest's), and every template
 * out of collections.
 */
const HOSTILE = {
  "a computed layout": { key: "Computed", entry: 'layout: () => "host.njk"' },
  "computed tags": { key: "Computed", entry: 'tags: () => ["posts"]' },
  "a data schema that rejects the digest's pages": {
    key: "DataSchema",
    value:
      '(data) => { if (/\\.11ty\\.js$/.test(data.page.inputPath)) throw new Error("host schema: not a host page: " + data.page.inputPath); }',
  },
  "exclusion from collections": { key: "ExcludeFromCollections", value: "true" },
} as const;
type Hostile = keyof typeof HOSTILE;

/** The input folder's directory data file (the digest's virtual templates sit under it). */
function directoryData(uses: readonly (readonly [Hostile, Prefix])[]): string {
  const lines = new Map<string, string[]>();
  for (const [hostile, prefix] of uses) {
    const use: { key: string; entry?: string; value?: string } = HOSTILE[hostile];
    const name = `${prefix}${use.key}`;
    if (use.entry) lines.set(name, [...(lines.get(name) ?? []), use.entry]);
    else lines.set(name, [use.value!]);
  }
  const entries = [...lines].map(([name, parts]) =>
    name.endsWith("Computed") ? `  ${name}: { ${parts.join(", ")} },` : `  ${name}: ${parts[0]},`,
  );
  return ["export default {", ...entries, "};"].join("\n");
}

async function build(options: DigestPluginOptions, files: Record<string, string>): Promise<BuildResult> {
  const site = await prepareSite({ files: { ...HOST_FILES, ...files } });
  sites.push(site);
  await createEleventy(site, { configure: (config) => config.addPlugin(digest, options) }).write();
  return site;
}

/** The URLs listed between `marker[` and `]marker` in the host's lists.txt. */
function listed(site: BuildResult, marker: "ALL" | "POSTS"): string[] {
  const text = readFileSync(path.join(site.outputDir, "lists.txt"), "utf8");
  const list = new RegExp(`${marker}\\[([^\\]]*)\\]${marker}`).exec(text)?.[1] ?? "";
  return list.split(" ").filter(Boolean).sort();
}

const isHostFile = (file: string) => file === "lists.txt" || file.startsWith("about/");
const HOST_URLS = new Set(["/lists.txt", "/about/"]);

afterAll(() => {
  for (const site of sites.splice(0)) rmSync(site.root, { recursive: true, force: true });
});

const KINDS = Object.keys(HOSTILE) as Hostile[];
const each = (prefix: Prefix) => KINDS.map((kind) => [kind, prefix] as const);
const CASES: [string, (readonly [Hostile, Prefix])[]][] = [
  ...KINDS.flatMap((kind) =>
    (["buildawesome", "eleventy"] as const).map((prefix): [string, (readonly [Hostile, Prefix])[]] => [
      `${kind} under ${prefix}*`,
      [[kind, prefix]],
    ]),
  ),
  ["all four under Eleventy 4's names only", each("buildawesome")],
  ["all four under Eleventy 3's names only", each("eleventy")],
  ["all four under both names", [...each("buildawesome"), ...each("eleventy")]],
  [
    "a mix: new computed layout and schema, old computed tags and exclusion",
    KINDS.map((kind, i) => [kind, i % 2 === 0 ? "buildawesome" : "eleventy"] as const),
  ],
  [
    "a mix: old computed layout and schema, new computed tags and exclusion",
    KINDS.map((kind, i) => [kind, i % 2 === 0 ? "eleventy" : "buildawesome"] as const),
  ],
];

describe.each(SETUPS)("a host's directory data under Eleventy 3's and 4's key names, %s", (_, options) => {
  let plain: BuildResult;
  let digestFiles: string[];

  beforeAll(async () => {
    // The same host without the hostile directory data: what the digest writes when left alone.
    plain = await build(options, {});
    digestFiles = listFiles(plain.outputDir).filter((file) => !isHostFile(file));
  }, 120_000);

  it("leaves the plain host's digest as the tests below expect it", () => {
    expect(digestFiles).toContain("2025/04/index.html");
    const page = readFileSync(path.join(plain.outputDir, "2025/04/index.html"), "utf8");
    if (options.layout) expect(page).toContain('<body class=digest data-tags="">');
    else expect(page).toMatch(/^<!doctype html>/i);
    // The direct pipeline writes its pages itself: they are in no collection (the README says so).
    if (options.pipeline === "direct") expect(listed(plain, "ALL")).not.toContain("/2025/04/");
    else expect(listed(plain, "ALL")).toContain("/2025/04/");
    expect(listed(plain, "POSTS")).toEqual([]);
    expect(
      directoryData([
        ["computed tags", "eleventy"],
        ["a computed layout", "eleventy"],
        ["exclusion from collections", "buildawesome"],
      ]),
    ).toBe(
      [
        "export default {",
        '  eleventyComputed: { tags: () => ["posts"], layout: () => "host.njk" },',
        "  buildawesomeExcludeFromCollections: true,",
        "};",
      ].join("\n"),
    );
  });

  it.each(CASES)("%s changes nothing in the digest", async (_, uses) => {
    const site = await build(options, { "site.11tydata.js": directoryData(uses) });
    // The host's own page got the host's computed layout: this Eleventy reads the name.
    const layoutUnder = uses.find(([kind]) => kind === "a computed layout")?.[1];
    if (layoutUnder === "eleventy" || (layoutUnder === "buildawesome" && eleventyMajor >= 4))
      expect(readFileSync(path.join(site.outputDir, "about/index.html"), "utf8")).toContain("class=host");

    const files = listFiles(site.outputDir).filter((file) => !isHostFile(file));
    expect(files).toEqual(digestFiles);
    // The sitemap lists the host's pages from collections.all too: not the ones the host excluded.
    const digestPart = (root: string, file: string) => {
      const text = readFileSync(path.join(root, file), "utf8");
      return file === "sitemap.xml"
        ? text.replace(/<url><loc>https:\/\/example\.com\/(about\/|lists\.txt)<\/loc>.*?<\/url>\n/g, "")
        : text;
    };
    const changed = files.filter((file) => digestPart(site.outputDir, file) !== digestPart(plain.outputDir, file));
    expect(changed).toEqual([]);

    const feeds = files.filter((file) => /(^|\/)(feed|atom)\.(xml|json)$/.test(file));
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) {
      const text = readFileSync(path.join(site.outputDir, feed), "utf8");
      if (feed.endsWith(".json")) expect(() => JSON.parse(text), feed).not.toThrow();
      else expect(text, feed).toMatch(/^<\?xml /);
    }

    // Every digest page the plain host lists, in collections.all, and none in the host's "posts".
    const digestPages = (site: BuildResult, marker: "ALL" | "POSTS") =>
      listed(site, marker).filter((url) => !HOST_URLS.has(url));
    if (options.pipeline !== "direct") expect(digestPages(plain, "ALL").length).toBeGreaterThan(0);
    expect(digestPages(site, "ALL")).toEqual(digestPages(plain, "ALL"));
    expect(digestPages(site, "POSTS")).toEqual([]);
  });
});
