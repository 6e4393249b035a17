// Issue 4: how the plugin behaves inside a host's config: clashes, duplicates, old Eleventy, custom items.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import digest, { type DigestPluginOptions } from "../../plugin/index.js";
import { quietly } from "../helpers/quiet.js";
import { createEleventy, prepareSite, type BuildResult, type EleventyUserConfig } from "../helpers/build/index.js";

const demo = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../_data/digest.json"), "utf8")) as {
  articles: unknown[];
};
const temps: BuildResult[] = [];

async function hostSite(files: Record<string, string>): Promise<BuildResult> {
  const site = await prepareSite({ files: { "_data/digest.json": JSON.stringify(demo), ...files } });
  temps.push(site);
  return site;
}

async function build(site: BuildResult, setup: (config: EleventyUserConfig) => void): Promise<void> {
  await createEleventy(site, { configure: setup }).write();
}

afterEach(() => {
  // Synchronous: a failed build may still be writing, and an async rm would race it.
  for (const site of temps.splice(0)) rmSync(site.root, { recursive: true, force: true });
});

const options: DigestPluginOptions = { siteUrl: "https://example.com", basePath: "/digest/" };

describe("the plugin in a host's config", () => {
  it("reports a host page on a digest URL by name, before anything is written", async () => {
    const site = await hostSite({
      "my-digest.md": "---\npermalink: /digest/2025/04/index.html\n---\nMine\n",
      "about.md": "# About\n",
    });
    await expect(quietly(() => build(site, (config) => config.addPlugin(digest, options)))).rejects.toThrow(
      /my-digest\.md[\s\S]*digest\/2025\/04\/index\.html|digest\/2025\/04\/index\.html[\s\S]*my-digest\.md/,
    );
    expect(existsSync(site.outputDir) ? readdirSync(site.outputDir) : []).toEqual([]);
  });

  it("is a no-op when added twice with the same basePath, and warns when the options differ", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const site = await hostSite({});
    await build(site, (config) => {
      config.addPlugin(digest, options);
      config.addPlugin(digest, options);
      config.addPlugin(digest, { ...options, pageSize: 5 });
    });
    expect(readdirSync(path.join(site.outputDir, "digest/2025/03/page"))).toEqual(["2", "3"]);
    expect(warn.mock.calls.map((call) => String(call[0])).filter((m) => m.includes("added twice"))).toHaveLength(1);
    warn.mockRestore();
  });

  it("builds two digests side by side under different base paths, both in withDigestPages", async () => {
    const site = await hostSite({
      "all.njk":
        "---\npermalink: /all.txt\n---\n{% for p in collections.all | withDigestPages %}{{ p.url }}\n{% endfor %}",
    });
    await build(site, (config) => {
      config.addPlugin(digest, options);
      config.addPlugin(digest, {
        siteUrl: "https://example.com",
        basePath: "/reading/",
        pageSize: 5,
        globalData: false,
      });
    });
    expect(existsSync(path.join(site.outputDir, "digest/2025/03/page/3/index.html"))).toBe(true);
    expect(existsSync(path.join(site.outputDir, "reading/2025/03/page/6/index.html"))).toBe(true);
    const all = readFileSync(path.join(site.outputDir, "all.txt"), "utf8").split("\n");
    expect(all).toEqual(expect.arrayContaining(["/digest/2025/03/page/3/", "/reading/2025/03/page/6/"]));
  });

  it("tells users of Eleventy before 3 what to do", () => {
    const eleventy2Config = { addPlugin() {}, addFilter() {}, on() {} };
    expect(() => digest(eleventy2Config as never, options)).toThrow(/needs Eleventy 3 or newer/);
  });

  it("lets the host replace the item markup without forking", async () => {
    const site = await hostSite({});
    const withCustomItems: DigestPluginOptions = {
      ...options,
      renderItem: (article, context) =>
        `<div class="my-item" data-rank="${article.rank}">${context.escapeHtml(article.title)}<a href="${context.href(article.issuePath)}">issue</a>${context.summaryHtml()}</div>`,
    };
    await build(site, (config) => config.addPlugin(digest, withCustomItems));
    const month = readFileSync(path.join(site.outputDir, "digest/2025/04/index.html"), "utf8");
    expect(month.match(/class="my-item"/g)).toHaveLength(9);
    expect(month).toContain(
      '<div class="my-item" data-rank="4">99% of Developers Don&#39;t Get RPCs<a href="/digest/2025/04/">issue</a><p>',
    );
    expect(month).not.toContain('class="dg-item"');
    const tag = readFileSync(path.join(site.outputDir, "digest/tags/rpc/index.html"), "utf8");
    expect(tag).toContain('class="my-item"');
  });
});

describe("thumbnails and the host's image transform", () => {
  const withImage = {
    articles: [
      {
        month: "2025-04",
        rank: 1,
        title: "T",
        url: "https://a.example/1",
        source: "S",
        image: "http://127.0.0.1:9/thumb.png",
      },
    ],
  };
  for (const hostImageTransform of [false, true]) {
    it(`${hostImageTransform ? "hands the thumbnails to it with hostImageTransform: true" : "marks the thumbnails for it to leave, and removes the mark from the page where none took it"}`, async () => {
      const site = await hostSite({ "_data/digest.json": JSON.stringify(withImage) });
      const seen: string[] = [];
      await build(site, (config) => {
        // Where eleventy-img's transform is: before the plugin's transforms.
        (config.addTransform as (name: string, transform: (content: string) => string) => void)(
          "host-images",
          (content) => {
            seen.push(...(content.match(/<img[^>]*dg-thumb[^>]*>/g) ?? []));
            return content;
          },
        );
        config.addPlugin(digest, { ...options, hostImageTransform });
      });
      expect(seen.length).toBeGreaterThan(0);
      for (const img of seen) expect(img.includes("eleventy:ignore")).toBe(!hostImageTransform);
      const month = readFileSync(path.join(site.outputDir, "digest/2025/04/index.html"), "utf8");
      expect(month).toContain('<img class="dg-thumb" src="http://127.0.0.1:9/thumb.png"');
      expect(month).not.toContain("eleventy:ignore");
    });
  }
});

describe("renderItem's defaultHtml()", () => {
  it("is the card of the page it is called for: with its rank badge in an issue, without it on tag and source pages", async () => {
    const site = await hostSite({});
    await build(site, (config) =>
      config.addPlugin(digest, {
        ...options,
        renderItem: (_article, context) => `<div class="wrapped">${context.defaultHtml()}</div>`,
      } satisfies DigestPluginOptions),
    );
    const read = (page: string) => readFileSync(path.join(site.outputDir, page), "utf8");
    expect(
      read("digest/2025/04/index.html").match(
        /<div class="wrapped"><article class="dg-item[^"]*"><h2 class="dg-title"><a class="dg-rank/g,
      ),
    ).toHaveLength(9);
    for (const page of ["digest/tags/rpc/index.html", "digest/sources/bytebytego/index.html"]) {
      const html = read(page);
      expect(html, page).toContain('<div class="wrapped">');
      expect(html, page).not.toContain('class="dg-rank');
    }
  });
});

describe("untrusted text in host layouts", () => {
  const hostileTag = "</title><script>alert(1)</script>";
  const data = {
    articles: [{ month: "2025-04", rank: 1, title: "T", url: "https://a.example/1", source: "S", tags: [hostileTag] }],
  };

  for (const [language, layout, file] of [
    ["Liquid", "base.liquid", "<title>{{ title }}</title><main>{{ content }}</main>"],
    ["Nunjucks", "base.njk", "<title>{{ title }}</title><main>{{ content | safe }}</main>"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the layout's own source, a template literal
    ["11ty.js", "base.11ty.js", "export default (data) => `<title>${data.title}</title><main>${data.content}</main>`;"],
  ] as const) {
    it(`reaches a ${language} layout's {{ title }} escaped exactly once`, async () => {
      const site = await hostSite({ [`_includes/${layout}`]: file, "_data/digest.json": JSON.stringify(data) });
      await build(site, (config) => config.addPlugin(digest, { ...options, layout }));
      const tagDir = readdirSync(path.join(site.outputDir, "digest/tags")).find((name) => name !== "index.html")!;
      const html = readFileSync(path.join(site.outputDir, "digest/tags", tagDir, "index.html"), "utf8");
      expect(html).not.toContain("<script>alert(1)</script>");
      expect(html).toContain("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    });
  }
});
