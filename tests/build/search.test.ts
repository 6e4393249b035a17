// `search: true` in real Eleventy builds: the Pagefind bundle under {base}pagefind/ and the search
// page in both pipelines, under a basePath and pathPrefix; the marks on month pages only; nothing of
// it with `search: false`, under --dryrun or with toJSON(); the same index bytes on every build.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, createEleventy, prepareSite, type BuildResult } from "../helpers/build/index.js";

const DATA = {
  title: "Best of Tests",
  articles: [
    {
      month: "2025-04",
      rank: 1,
      title: "How Netflix streams",
      url: "https://a.example/1",
      source: "Tech, World: With Milan",
      tags: ["Netflix", "Streaming"],
    },
    {
      month: "2025-04",
      rank: 2,
      title: "Redis deep dive",
      url: "https://a.example/2",
      source: "ByteByteGo",
      type: "video",
      tags: ["Redis"],
    },
    {
      month: "2025-04",
      rank: 3,
      title: "Netflix and Maestro",
      url: "https://a.example/3",
      source: "ByteByteGo",
      tags: ["Netflix"],
    },
    {
      month: "2025-03",
      rank: 1,
      title: "Raft <in> practice",
      url: "https://a.example/4",
      source: "S",
      tags: ["Consensus"],
    },
  ],
};
const OPTIONS = { basePath: "/digest/", pageSize: 2, search: true };

async function withSite(
  options: Record<string, unknown>,
  check: (site: BuildResult, files: string[]) => Promise<void>,
): Promise<void> {
  const site = await buildSite({ data: DATA, options, pathPrefix: "/blog/" });
  try {
    await check(site, await site.files());
  } finally {
    await site.cleanup();
  }
}

/** Pagefind's bundle files, without their content-hashed names' hashes. */
const bundleShape = (files: string[]) =>
  files
    .filter((file) => file.startsWith("digest/pagefind/"))
    .map((file) => file.replace(/_[0-9a-f]{7,}\./, "_HASH.").replace(/\/en_[^/]*$/, "/en_HASH"));

describe.each(["eleventy", "direct"] as const)(
  "search: true (pipeline %s, basePath /digest/, pathPrefix /blog/)",
  (pipeline) => {
    it("writes the Pagefind bundle and index to {base}pagefind/, the search page, and marks each pick of the month pages only", async () => {
      await withSite({ ...OPTIONS, pipeline }, async (site, files) => {
        expect(files).toEqual(
          expect.arrayContaining([
            "digest/pagefind/pagefind.js",
            "digest/pagefind/pagefind-ui.js",
            "digest/pagefind/pagefind-ui.css",
            "digest/pagefind/pagefind-entry.json",
            "digest/search/index.html",
          ]),
        );
        expect(bundleShape(files)).toEqual(
          expect.arrayContaining([
            "digest/pagefind/index/en_HASH",
            "digest/pagefind/fragment/en_HASH",
            "digest/pagefind/filter/en_HASH",
          ]),
        );
        // One Pagefind document per pick: the four picks, not the three month pages.
        const entry = JSON.parse(await site.read("digest/pagefind/pagefind-entry.json")) as {
          languages: Record<string, { page_count: number }>;
        };
        expect(entry.languages.en?.page_count).toBe(4);

        // Each pick on its month page: the anchor a result links to; the marks only Pagefind reads are
        // in the records it is given (search-records.test.ts), not in the written pages.
        const april = await site.page("/digest/2025/04/");
        expect(april).toContain('<li id="rank-1">');
        expect(april).not.toContain("data-pagefind-body");
        expect(april).not.toContain("data-dg-");
        expect(april).toContain('<a href="/blog/digest/tags/netflix/">Netflix</a>');
        expect(april).not.toContain("data-pagefind");
        // Tag pages show the same cards, and no anchor or body mark: Pagefind indexes each pick once.
        expect(await site.page("/digest/tags/netflix/")).not.toContain("data-pagefind-body");

        // The header links the search page on every page; it loads Pagefind's UI from the bundle, under pathPrefix.
        expect(april).toContain('<li><a href="/blog/digest/search/">Search</a></li>');
        const search = await site.page("/digest/search/");
        expect(search).toContain('<link rel="stylesheet" href="/blog/digest/pagefind/pagefind-ui.css">');
        expect(search).toContain('<script src="/blog/digest/pagefind/pagefind-ui.js"></script>');
        expect(search).toContain(
          '<noscript><p>Search needs JavaScript. Without it, find a pick by its topic or its issue:</p><ul><li><a href="/blog/digest/tags/">All tags</a></li><li><a href="/blog/digest/">Archive</a></li></ul></noscript>',
        );
      });
    });
  },
);

describe("search", () => {
  it("is off by default: no bundle, no search page, no data-pagefind attribute and no header link", async () => {
    await withSite({ basePath: "/digest/" }, async (site, files) => {
      expect(files.filter((file) => /pagefind|search/.test(file))).toEqual([]);
      for (const file of files.filter((f) => f.endsWith(".html"))) {
        const html = await site.read(file);
        expect(html, file).not.toContain("data-pagefind");
        expect(html, file).not.toContain("data-dg-");
        expect(html, file).not.toContain("search/");
      }
    });
  });

  it("writes no index under --dryrun, and toJSON() lists the search page but writes nothing", async () => {
    const input = { data: DATA, options: OPTIONS };
    const site = await prepareSite(input);
    try {
      const eleventy = createEleventy(site, input);
      eleventy.setDryRun(true);
      await eleventy.write();
      expect(await site.files().catch(() => [])).toEqual([]);
    } finally {
      await site.cleanup();
    }
    const jsonSite = await prepareSite(input);
    try {
      const urls = ((await createEleventy(jsonSite, input).toJSON()) as { url: string }[]).map((entry) => entry.url);
      expect(urls).toContain("/digest/search/");
      expect(urls.filter((url) => url.includes("pagefind"))).toEqual([]);
    } finally {
      await jsonSite.cleanup();
    }
  });

  it("writes the same index bytes on every build", async () => {
    const first = await buildSite({ data: DATA, options: OPTIONS });
    const second = await buildSite({ data: DATA, options: OPTIONS });
    try {
      const bundle = (files: string[]) => files.filter((file) => file.startsWith("digest/pagefind/"));
      const files = bundle(await first.files());
      expect(bundle(await second.files())).toEqual(files);
      for (const file of files)
        expect(
          Buffer.compare(
            await readFile(path.join(first.outputDir, file)),
            await readFile(path.join(second.outputDir, file)),
          ),
          file,
        ).toBe(0);
    } finally {
      await first.cleanup();
      await second.cleanup();
    }
  });

  it("builds an empty digest with a search page and an empty index", async () => {
    const site = await buildSite({ data: { title: "Empty", articles: [] }, options: { search: true } });
    try {
      expect(await site.pages()).toEqual(["/", "/search/", "/sources/", "/subscribe/", "/tags/"]);
      expect(await site.files()).toContain("pagefind/pagefind.js");
    } finally {
      await site.cleanup();
    }
  });
});
