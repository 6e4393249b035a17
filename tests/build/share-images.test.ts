// `shareImages: true`: a 1200×630 PNG per issue, per tag and for the archive, named in every page's
// head, byte-identical across builds, cached by content, and never written under --dryrun.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { decodeHTML } from "entities";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildSite,
  createEleventy,
  prepareSite,
  SITE_URL,
  type BuildInput,
  type BuildResult,
} from "../helpers/build/index.js";

const article = (month: string, rank: number, title: string, tags: string[], extra: Record<string, unknown> = {}) => ({
  month,
  rank,
  title,
  url: `https://example.com/${month}/${rank}`,
  source: `Source ${rank}`,
  tags,
  ...extra,
});

const data = (marchTitle = "Consensus month") => ({
  title: "Best of Tests",
  issues: { "2025-03": { title: marchTitle } },
  articles: [
    article("2025-03", 1, "Raft in practice", ["Consensus"]),
    article("2025-03", 2, "Paxos made simple, again", ["Consensus", "分布式系统"]),
    article("2025-03", 3, "Вектор часов", ["Clocks"]),
    article("2025-04", 1, "Redis deep dive", ["Caching"], { image: "https://example.com/redis.png" }),
    article("2025-04", 2, "分布式系统 入门", ["分布式系统"]),
  ],
});

const IMAGES = [
  "share/2025-03.png",
  "share/2025-04.png",
  "share/archive.png",
  "share/tags/caching.png",
  "share/tags/clocks.png",
  "share/tags/consensus.png",
];

const sites: BuildResult[] = [];
const startDir = process.cwd();
afterEach(async () => {
  process.chdir(startDir);
  for (const site of sites.splice(0)) await site.cleanup();
});

/** Builds in a temp folder that is also the working directory, so the cache is the build's own. */
async function build(input: BuildInput, root?: string): Promise<BuildResult> {
  const site = await prepareSite(input);
  sites.push(site);
  process.chdir(root ?? site.root);
  await createEleventy(site, input).write();
  return site;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function meta(html: string, key: string): string | undefined {
  const found = new RegExp(`<meta (?:property|name)="${key.replace(/:/g, ":")}" content="([^"]*)">`).exec(html)?.[1];
  return found === undefined ? undefined : decodeHTML(found);
}

async function cacheFiles(root: string): Promise<Map<string, number>> {
  const dir = path.join(root, ".cache", "eleventy-plugin-digest", "share");
  const names = (await readdir(dir)).filter((name) => name.endsWith(".png"));
  return new Map(
    await Promise.all(names.map(async (name) => [name, (await stat(path.join(dir, name))).mtimeMs] as const)),
  );
}

describe.each(["eleventy", "direct"] as const)('share images, pipeline "%s"', (pipeline) => {
  it("writes a 1200×630 PNG per issue, tag and the archive, and names it in every page's head, under pathPrefix", async () => {
    const site = await build({ data: data(), options: { shareImages: true, pipeline }, pathPrefix: "/prefix/" });
    const files = await site.files();
    for (const image of IMAGES) {
      expect(files).toContain(image);
      expect(pngSize(await readFile(path.join(site.outputDir, image)))).toEqual({ width: 1200, height: 630 });
    }
    expect(files.filter((file) => file.startsWith("share/tags/"))).toHaveLength(4);
    const pages = await site.pages();
    expect(pages.length).toBeGreaterThan(8);
    for (const page of pages) {
      const html = await site.page(page);
      const url = meta(html, "og:image");
      expect(url, page).toMatch(new RegExp(`^${SITE_URL}/prefix/share/`));
      const file = decodeURI(url!.slice(`${SITE_URL}/prefix/`.length));
      expect(files, page).toContain(file);
      expect(meta(html, "og:image:width")).toBe("1200");
      expect(meta(html, "og:image:height")).toBe("630");
      expect(meta(html, "og:image:alt"), page).toMatch(/^Best of Tests · /);
      expect(meta(html, "twitter:image:alt")).toBe(meta(html, "og:image:alt"));
      expect(meta(html, "twitter:card")).toBe("summary_large_image");
    }
    expect(meta(await site.page("/2025/03/"), "og:image")).toBe(`${SITE_URL}/prefix/share/2025-03.png`);
    expect(meta(await site.page("/2025/03/"), "og:image:alt")).toBe(
      "Best of Tests · March 2025 · Consensus month: Raft in practice (Source 1); Paxos made simple, again (Source 2); Вектор часов (Source 3)",
    );
    expect(meta(await site.page("/tags/caching/"), "og:image")).toBe(`${SITE_URL}/prefix/share/tags/caching.png`);
    expect(meta(await site.page("/2025/"), "og:image")).toBe(`${SITE_URL}/prefix/share/2025-04.png`);
    expect(meta(await site.page("/"), "og:image")).toBe(`${SITE_URL}/prefix/share/archive.png`);
    expect(meta(await site.page("/tags/"), "og:image")).toBe(`${SITE_URL}/prefix/share/archive.png`);
  });

  it("writes no PNG under --dryrun", async () => {
    const input: BuildInput = { data: data(), options: { siteUrl: SITE_URL, shareImages: true, pipeline } };
    const site = await prepareSite(input);
    sites.push(site);
    process.chdir(site.root);
    const eleventy = createEleventy(site, input);
    eleventy.setDryRun(true);
    await eleventy.write();
    const files = await site.files().catch(() => []);
    expect(files).toEqual([]);
  });
});

describe("share images", () => {
  it("are byte-identical across two builds with fresh caches", async () => {
    const first = await build({ data: data(), options: { shareImages: true } });
    const second = await build({ data: data(), options: { shareImages: true } });
    expect(first.root).not.toBe(second.root);
    for (const image of IMAGES) {
      expect(
        Buffer.compare(
          await readFile(path.join(first.outputDir, image)),
          await readFile(path.join(second.outputDir, image)),
        ),
        image,
      ).toBe(0);
    }
  });

  it("draws again only the image whose content changed", async () => {
    const first = await build({ data: data(), options: { shareImages: true } });
    const before = await cacheFiles(first.root);
    // Seven images (the 分布式系统 tag's too), six files: the archive's shows what April's does.
    expect(before.size).toBe(IMAGES.length);
    // Same working directory, so the same cache; one issue's headline changed.
    const second = await build({ data: data("A new headline"), options: { shareImages: true } }, first.root);
    const after = await cacheFiles(first.root);
    const added = [...after.keys()].filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    for (const [name, mtime] of before) expect(after.get(name), name).toBe(mtime);
    const march = await readFile(path.join(second.outputDir, "share/2025-03.png"));
    expect(
      Buffer.compare(march, await readFile(path.join(first.root, ".cache/eleventy-plugin-digest/share", added[0]!))),
    ).toBe(0);
  });

  it("without shareImages writes none, and an article's image gets its title as alt text", async () => {
    const site = await buildSite({ data: data(), options: { pipeline: "eleventy" } });
    sites.push(site);
    expect((await site.files()).filter((file) => file.startsWith("share/"))).toEqual([]);
    const april = await site.page("/2025/04/");
    expect(meta(april, "og:image")).toBe("https://example.com/redis.png");
    expect(meta(april, "og:image:alt")).toBe("Redis deep dive");
    expect(meta(april, "og:image:width")).toBeUndefined();
    expect(meta(april, "twitter:card")).toBe("summary_large_image");
    expect(meta(await site.page("/2025/03/"), "og:image")).toBeUndefined();
  });
});
