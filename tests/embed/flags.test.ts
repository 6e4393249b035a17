// Eleventy's flags and hooks, with each pipeline: --dryrun, --ignore-initial, --quiet, --to=json,
// eleventy.after listeners, write errors, data errors, and what a watch rebuild counts as a data edit.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import digest, { type DigestPluginOptions } from "../../plugin/index.js";
import { isDigestDataFile } from "../../plugin/eleventy/watch.js";
import { listFiles } from "./crawl.js";
import { quietly } from "../helpers/quiet.js";
import { createEleventy, prepareSite, type BuildResult, type EleventyUserConfig } from "../helpers/build/index.js";

const demo = readFileSync(path.resolve(import.meta.dirname, "../../_data/digest.json"), "utf8");
const temps: BuildResult[] = [];

async function hostSite(files: Record<string, string> = {}): Promise<BuildResult> {
  const site = await prepareSite({ files: { "_data/digest.json": demo, "about.md": "# About\n", ...files } });
  temps.push(site);
  return site;
}

const written = (dir: string): string[] => {
  try {
    return listFiles(dir);
  } catch {
    return [];
  }
};

const eleventy = (site: BuildResult, setup: (config: EleventyUserConfig) => void, quiet = true) =>
  createEleventy(site, { configure: setup, quietMode: quiet });

/** An error and what Eleventy wrapped it around (`originalError` in Eleventy 3, `cause` in 4). */
function causes(error: unknown): (Error & { skipOriginalStack?: boolean })[] {
  const chain: Error[] = [];
  for (
    let e = error;
    e instanceof Error && !chain.includes(e);
    e = (e as { originalError?: unknown }).originalError ?? e.cause
  )
    chain.push(e);
  return chain;
}

afterEach(() => {
  // Synchronous: a failed build may still be writing, and an async rm would race it.
  for (const site of temps.splice(0)) rmSync(site.root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const PIPELINES = ["eleventy", "direct"] as const;
const optionsFor = (pipeline: (typeof PIPELINES)[number]): DigestPluginOptions => ({
  siteUrl: "https://example.com",
  pipeline,
});

describe.each(PIPELINES)('pipeline "%s"', (pipeline) => {
  it("writes nothing under --dryrun", async () => {
    const site = await hostSite();
    const elev = eleventy(site, (config) => config.addPlugin(digest, optionsFor(pipeline)));
    elev.setDryRun(true);
    await elev.write();
    expect(written(site.outputDir)).toEqual([]);
  });

  it("writes nothing under --ignore-initial", async () => {
    const site = await hostSite();
    const elev = eleventy(site, (config) => config.addPlugin(digest, optionsFor(pipeline)));
    elev.setIgnoreInitial(true);
    await elev.write();
    expect(written(site.outputDir)).toEqual([]);
  });

  it("has every digest file on disk when a host eleventy.after listener added before it runs", async () => {
    const site = await hostSite();
    let seen: string[] = [];
    await eleventy(site, (config) => {
      config.on("eleventy.after", async () => {
        await new Promise((resolve) => setImmediate(resolve));
        seen = written(site.outputDir);
      });
      config.addPlugin(digest, optionsFor(pipeline));
    }).write();
    expect(seen.length).toBeGreaterThan(70);
    expect(seen).toEqual(written(site.outputDir));
  });

  it("prints nothing of its own with --quiet, and one summary line through Eleventy's logger without", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await eleventy(await hostSite(), (config) => config.addPlugin(digest, optionsFor(pipeline))).write();
    const ours = () =>
      [...log.mock.calls, ...warn.mock.calls]
        .map((call) => String(call[0]))
        .filter((line) => line.includes("[eleventy-plugin-digest]"));
    expect(ours()).toEqual([]);
    await eleventy(await hostSite(), (config) => config.addPlugin(digest, optionsFor(pipeline)), false).write();
    expect(ours()).toHaveLength(pipeline === "direct" ? 1 : 0);
    if (pipeline === "direct") expect(ours()[0]).toMatch(/\[eleventy-plugin-digest\] Wrote \d+ files in/);
  });

  it("names the user's data file when the data is bad, without a stack trace into the plugin", async () => {
    const site = await hostSite({
      "_data/digest.json": JSON.stringify([
        { month: "2025-04", rank: "2", title: "T", url: "https://a.example/", source: "S" },
      ]),
    });
    const error = await quietly(() =>
      eleventy(site, (config) => config.addPlugin(digest, optionsFor(pipeline))).write(),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    const cause = causes(error).find((e) => e.name === "DigestValidationError");
    expect(cause?.message).toContain('_data/digest.json: [0].rank: expected an integer >= 1, got "2"');
    expect(cause?.skipOriginalStack).toBe(true);
    expect(written(site.outputDir)).toEqual([]);
  });
});

describe("--to=json", () => {
  it("lists every digest page, feed and the stylesheet, and writes nothing", async () => {
    const site = await hostSite();
    const entries = (await eleventy(site, (config) => config.addPlugin(digest, optionsFor("eleventy"))).toJSON()) as {
      url: string;
      content: string;
    }[];
    const urls = entries.map((entry) => entry.url);
    for (const url of [
      "/",
      "/2025/",
      "/2025/04/",
      "/2025/03/page/2/",
      "/tags/",
      "/tags/redis/",
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/tags/redis/feed.xml",
      "/digest.css",
      "/sitemap.xml",
      "/about/",
    ])
      expect(urls, url).toContain(url);
    expect(entries.find((entry) => entry.url === "/digest.css")?.content).toMatch(/^\.dg\{/);
    expect(written(site.outputDir)).toEqual([]);
  });
});

describe('pipeline "direct"', () => {
  it("fails the build naming the file it could not write", async () => {
    const site = await hostSite();
    // A file where the digest needs a folder: mkdir fails even for root, as a read-only disk would.
    mkdirSync(site.outputDir, { recursive: true });
    writeFileSync(path.join(site.outputDir, "2025"), "in the way");
    const failure = await quietly(() =>
      eleventy(site, (config) => config.addPlugin(digest, optionsFor("direct"))).write(),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(
      causes(failure)
        .map((e) => e.message)
        .join("\n"),
    ).toMatch(/eleventy-plugin-digest: could not write .*2025[\\/]0\d[\\/]/);
  });
});

describe("watch rebuilds", () => {
  it("narrow only for edits of the digest's data files, not of a template named after the data key", () => {
    expect(isDigestDataFile("./_data/digest.json", "_data/", "digest")).toBe(true);
    expect(isDigestDataFile("./_data/digest/2025-04.json", "_data/", "digest")).toBe(true);
    expect(isDigestDataFile("_data/digest.yaml", "_data/", "digest")).toBe(true);
    expect(isDigestDataFile("./_includes/digest.njk", "_data/", "digest")).toBe(false);
    expect(isDigestDataFile("./src/digest.njk", "_data/", "digest")).toBe(false);
    expect(isDigestDataFile("./_data/digests.json", "_data/", "digest")).toBe(false);
    expect(isDigestDataFile("./_data/other/digest.json", "_data/", "digest")).toBe(false);
  });
});

describe("the host's data cascade", () => {
  it("gives the digest's templates no inherited layout, tags, permalink or schema failure, and keeps the host's own pages as they were", async () => {
    const site = await hostSite({
      // Hostile on purpose: a computed layout for every template in the folder, whatever it says.
      "site.11tydata.js":
        'export default { layout: "host.njk", tags: ["posts"], eleventyComputed: { permalink: (d) => d.permalink, layout: () => "host.njk" } };',
      // Hostile on purpose: every template of the host gets its layout and joins collections.
      "_data/eleventyComputed.js":
        'export default { layout: () => "host.njk", eleventyExcludeFromCollections: () => false };',
      "_data/eleventyDataSchema.js":
        'export default () => (data) => { if (data.tags && data.tags.some((t) => t !== "posts")) throw new Error("host schema: bad tags"); };',
      "_includes/host.njk": "<!doctype html><html><body class=host>{{ content | safe }}</body></html>",
      "posts.njk":
        "---\npermalink: /posts.txt\nlayout: false\n---\n{{ collections.posts | length }} posts; {% for p in collections.all %}{{ p.url }} {% endfor %}",
    });
    await eleventy(site, (config) => config.addPlugin(digest, optionsFor("eleventy"))).write();
    expect(readFileSync(path.join(site.outputDir, "digest.css"), "utf8")).toMatch(/^\.dg\{/);
    expect(readFileSync(path.join(site.outputDir, "feed.xml"), "utf8")).toMatch(/^<\?xml/);
    expect(readFileSync(path.join(site.outputDir, "2025/04/index.html"), "utf8")).not.toContain("class=host");
    expect(readFileSync(path.join(site.outputDir, "about/index.html"), "utf8")).toContain("class=host");
    const posts = readFileSync(path.join(site.outputDir, "posts.txt"), "utf8");
    expect(posts).toMatch(/>2 posts;/); // about.md and posts.njk: no digest page joined "posts"
    // Nor collections.all, though the host's computed data says every template joins collections.
    expect(posts).toContain(" /about/ ");
    expect(posts).not.toContain(" /2025/04/ ");
    expect(posts).not.toMatch(/feed\.xml|digest\.css|sitemap\.xml/);
    expect(readdirSync(site.outputDir)).toContain("sitemap.xml");
  });
});

describe("sitemaps", () => {
  it("writes {base}sitemap.xml when the digest is the site: every digest page and the host's pages, lastmod from issue dates", async () => {
    const site = await hostSite();
    await eleventy(site, (config) => config.addPlugin(digest, optionsFor("eleventy"))).write();
    const sitemap = readFileSync(path.join(site.outputDir, "sitemap.xml"), "utf8");
    // Every page, but not the issues' email.html (an email, not a page to index) nor the not-found page.
    const pages = listFiles(site.outputDir).filter(
      (file) => file.endsWith(".html") && !file.endsWith("/email.html") && file !== "404.html",
    );
    expect(listFiles(site.outputDir)).toContain("404.html");
    expect(listFiles(site.outputDir).filter((file) => file.endsWith("/email.html")).length).toBeGreaterThan(0);
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(
      pages.map((file) => encodeURI(`https://example.com/${file.replace(/index\.html$/, "")}`)).sort(),
    );
    expect(sitemap).toContain("<url><loc>https://example.com/2025/04/</loc><lastmod>2025-05-01</lastmod></url>");
    expect(sitemap).toContain("<url><loc>https://example.com/</loc><lastmod>2025-06-01</lastmod></url>");
    expect(sitemap).toMatch(
      /<url><loc>https:\/\/example\.com\/about\/<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod><\/url>/,
    );
  });

  it("writes none when embedded under a sub-path (the host's own lists the pages), unless asked", async () => {
    const embedded = await hostSite();
    await eleventy(embedded, (config) =>
      config.addPlugin(digest, { siteUrl: "https://example.com", basePath: "/digest/" }),
    ).write();
    expect(listFiles(embedded.outputDir).filter((file) => file.endsWith("sitemap.xml"))).toEqual([]);
    const asked = await hostSite();
    await eleventy(asked, (config) =>
      config.addPlugin(digest, { siteUrl: "https://example.com", basePath: "/digest/", sitemap: true }),
    ).write();
    const sitemap = readFileSync(path.join(asked.outputDir, "digest/sitemap.xml"), "utf8");
    expect(sitemap).toContain("<loc>https://example.com/digest/2025/04/</loc>");
    expect(sitemap).not.toContain("/about/");
  });

  for (const [how, template, options] of [
    ["withDigestPages", "collections.all | withDigestPages", {}],
    ["collections.all (collectionsAll: true)", "collections.all", { collectionsAll: true }],
  ] as const) {
    it(`gives each digest page in ${how} the date of the newest issue it shows`, async () => {
      const site = await hostSite({
        "dates.njk": `---\npermalink: /dates.txt\n---\n{% for p in ${template} %}{{ p.url }} {{ p.date.toISOString() }}\n{% endfor %}`,
      });
      await eleventy(site, (config) =>
        config.addPlugin(digest, { siteUrl: "https://example.com", sitemap: false, ...options }),
      ).write();
      const dates = readFileSync(path.join(site.outputDir, "dates.txt"), "utf8");
      expect(dates).toContain("/2025/03/page/2/ 2025-04-01T00:00:00.000Z");
      expect(dates).toContain("/2025/ 2025-06-01T00:00:00.000Z");
      expect(dates).toContain("/tags/redis/ ");
      expect(dates).toContain("/about/ ");
    });
  }
});
