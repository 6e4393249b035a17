// Renamed tags (`tagAliases`) in real Eleventy builds, both pipelines, under basePath /digest/ and
// pathPrefix /blog/: the old tag's pages redirect to the new tag, its feeds keep serving the new
// tag's feed, it is listed nowhere, and a bad alias stops the build naming the option entry.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Ajv } from "ajv";
import { HtmlValidate } from "html-validate";
import { buildSite, errorText, tryBuild, SITE_URL, type BuildInput, type BuildResult } from "../helpers/build/index.js";
import { checkFeed } from "../feeds/w3c-feed-rules.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const article = (rank: number, tags: string[], month = "2025-04") => ({
  month,
  rank,
  title: `Pick ${month} ${rank}`,
  url: `https://a.example/${month}/${rank}`,
  source: "S",
  tags,
});
// Articles 1–2 still say "K8s" (the old name), 3–4 the new one; 5 has both. Page size 2: three pages.
const DATA = {
  title: "Best of Distributed Systems",
  articles: [
    article(1, ["K8s", "Redis"]),
    article(2, ["k8s"]),
    article(3, ["Kubernetes"]),
    article(4, ["Kubernetes"]),
    article(5, ["K8s", "Kubernetes"], "2025-05"),
  ],
};
// A chain: "Kube" (in no article any more) → "K8s" → "Kubernetes".
const ALIASES = { K8s: "Kubernetes", Kube: "K8s" };
const ALL = {
  "all.njk": "---\npermalink: /all.txt\n---\n{% for p in collections.all | withDigestPages %}{{ p.url }}\n{% endfor %}",
};
const ABS = `${SITE_URL}/blog/digest`;

const build = (options: Record<string, unknown>, input: Partial<BuildInput> = {}) =>
  buildSite({
    data: DATA,
    options: { basePath: "/digest/", pageSize: 2, sitemap: true, tagAliases: ALIASES, ...options },
    pathPrefix: "/blog/",
    files: ALL,
    ...input,
  });

/** A feed with its self link (RSS, Atom) or `feed_url` (JSON Feed) written as `SELF`. */
const withoutSelf = (feed: string, self: string) => feed.split(self).join("SELF");

describe.each(["eleventy", "direct"] as const)(
  "renamed tags (pipeline %s, basePath /digest/, pathPrefix /blog/)",
  (pipeline) => {
    let site: BuildResult;
    let files: string[];
    beforeAll(async () => {
      site = await build({ pipeline });
      files = await site.files();
    });
    afterAll(() => site?.cleanup());

    it("count articles still tagged with the old name as the new tag, and list no old tag", async () => {
      const tags = files.filter((file) => file.startsWith("digest/tags/") && file.endsWith("index.html"));
      expect(tags).toEqual([
        "digest/tags/index.html",
        "digest/tags/k8s/index.html",
        "digest/tags/k8s/page/2/index.html",
        "digest/tags/k8s/page/3/index.html",
        "digest/tags/kube/index.html",
        "digest/tags/kube/page/2/index.html",
        "digest/tags/kube/page/3/index.html",
        "digest/tags/kubernetes/index.html",
        "digest/tags/kubernetes/page/2/index.html",
        "digest/tags/kubernetes/page/3/index.html",
        "digest/tags/redis/index.html",
      ]);
      const index = await site.read("digest/tags/index.html");
      expect(index).toContain(">Kubernetes</a> <small>5</small>");
      expect(index).not.toMatch(/tags\/k8s\/|tags\/kube\/|>K8s</);
      const kubernetes = await site.read("digest/tags/kubernetes/index.html");
      expect(kubernetes).toContain("Pick 2025-05 5");
      // The card of an article still tagged "K8s" links the new tag only.
      const april = await site.read("digest/2025/04/index.html");
      expect(april).not.toContain("tags/k8s/");
      expect(april).toContain('href="/blog/digest/tags/kubernetes/"');
    });

    it("make the old tag's pages redirects to the new tag's first page: refresh, canonical, a link, noindex", async () => {
      const first = await site.read("digest/tags/k8s/index.html");
      expect(first).toContain('<meta http-equiv="refresh" content="0; url=../kubernetes/">');
      expect(first).toContain(`<link rel="canonical" href="${ABS}/tags/kubernetes/">`);
      expect(first).toContain('<meta name="robots" content="noindex">');
      expect(first).toContain('<a href="/blog/digest/tags/kubernetes/">Kubernetes</a>');
      expect(first).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      const third = await site.read("digest/tags/k8s/page/3/index.html");
      expect(third).toContain('<meta http-equiv="refresh" content="0; url=../../../kubernetes/">');
      expect(third).toContain(`<link rel="canonical" href="${ABS}/tags/kubernetes/">`);
      const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(
        first,
        "tags/k8s/index.html",
      );
      expect(report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
      // The end of a chain: "Kube" redirects straight to Kubernetes.
      expect(await site.read("digest/tags/kube/index.html")).toContain(
        '<meta http-equiv="refresh" content="0; url=../kubernetes/">',
      );
    });

    it("keep the old feed URLs as live feeds: the new tag's feed, its self link the old URL, valid", async () => {
      for (const old of ["k8s", "kube"]) {
        for (const file of ["feed.xml", "atom.xml", "feed.json"]) {
          const feed = await site.read(`digest/tags/${old}/${file}`);
          const current = await site.read(`digest/tags/kubernetes/${file}`);
          expect(withoutSelf(feed, `${ABS}/tags/${old}/${file}`), `${old}/${file}`).toBe(
            withoutSelf(current, `${ABS}/tags/kubernetes/${file}`),
          );
          expect(feed).toContain("Pick 2025-05 5");
          if (file.endsWith(".xml"))
            expect(checkFeed(feed, { location: `${ABS}/tags/${old}/${file}` }), `${old}/${file}`).toEqual({
              errors: [],
              warnings: [],
            });
        }
      }
      const schema = JSON.parse(
        await readFile(new URL("../feeds/json-feed-1.1.schema.json", import.meta.url), "utf8"),
      ) as object;
      const json = JSON.parse(await site.read("digest/tags/k8s/feed.json")) as {
        feed_url: string;
        home_page_url: string;
      };
      expect(new Ajv({ strict: true, strictRequired: false }).validate(schema, json)).toBe(true);
      expect([json.feed_url, json.home_page_url]).toEqual([`${ABS}/tags/k8s/feed.json`, `${ABS}/tags/kubernetes/`]);
    });

    it("leave the old tag out of the sitemap, collections.all, the OPML list and the subscribe page", async () => {
      const sitemap = await site.read("digest/sitemap.xml");
      expect(sitemap).toContain(`${ABS}/tags/kubernetes/`);
      const all = await site.read("all.txt");
      // withDigestPages lists every digest page, whichever pipeline writes it (by URL without pathPrefix).
      expect(all).toContain("/digest/tags/kubernetes/");
      for (const listing of [
        sitemap,
        all,
        await site.read("digest/feeds.opml"),
        await site.read("digest/subscribe/index.html"),
      ]) {
        expect(listing).not.toMatch(/tags\/(k8s|kube)\//);
      }
    });
  },
);

describe("renamed tags, more", () => {
  it("write the same redirect pages and feeds in both pipelines", async () => {
    const [eleventy, direct] = await Promise.all([build({ pipeline: "eleventy" }), build({ pipeline: "direct" })]);
    try {
      const [a, b] = await Promise.all([eleventy.tree(), direct.tree()]);
      const old = (tree: Map<string, string>) => [...tree].filter(([file]) => /^digest\/tags\/(k8s|kube)\//.test(file));
      expect(old(a).length).toBe(12);
      expect(old(b)).toEqual(old(a));
    } finally {
      await Promise.all([eleventy.cleanup(), direct.cleanup()]);
    }
  });

  it("keep a redirect the plugin's own small document under a host layout", async () => {
    const layout = {
      "_includes/host.njk":
        '<!doctype html><html lang="en"><head><title>{{ title }}</title></head><body><p id="host">host</p>{{ content | safe }}</body></html>',
    };
    const site = await build({ layout: "host.njk" }, { files: { ...ALL, ...layout } });
    try {
      expect(await site.read("digest/tags/kubernetes/index.html")).toContain('<p id="host">host</p>');
      const redirect = await site.read("digest/tags/k8s/index.html");
      expect(redirect).not.toContain('id="host"');
      expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=../kubernetes/">');
      expect(await site.read("all.txt")).not.toContain("tags/k8s/");
    } finally {
      await site.cleanup();
    }
  });

  it("write no old feeds without feed.perTag, and only the formats that are on", async () => {
    const site = await build({ feed: { perTag: false } });
    try {
      expect((await site.files()).filter((file) => file.startsWith("digest/tags/k8s/"))).toEqual([
        "digest/tags/k8s/index.html",
        "digest/tags/k8s/page/2/index.html",
        "digest/tags/k8s/page/3/index.html",
      ]);
    } finally {
      await site.cleanup();
    }
    const atomOnly = await build({ feed: { formats: ["atom"] }, pageSize: 10 });
    try {
      expect((await atomOnly.files()).filter((file) => file.startsWith("digest/tags/k8s/"))).toEqual([
        "digest/tags/k8s/atom.xml",
        "digest/tags/k8s/index.html",
      ]);
    } finally {
      await atomOnly.cleanup();
    }
  });

  it("count an old tag's URL in the URL clash check", async () => {
    const { site, error } = await tryBuild({
      data: DATA,
      options: { tagAliases: ALIASES },
      files: { "k8s.njk": "---\npermalink: /tags/k8s/index.html\n---\nmine" },
    });
    try {
      expect(errorText(error)).toMatch(
        /\/tags\/k8s\/ \(tags\/k8s\/index\.html\) is written by both the digest and \S*\/site\/k8s\.njk/,
      );
      expect(await site.files()).toEqual([]);
    } finally {
      await site.cleanup();
    }
  });

  it.each([
    // "Redis" is in the data, so renaming it brings "Valkey" in: only an alias that renames nothing to nothing is an error.
    [
      "a target no article has",
      { K8s: "Kubernetes", Redis: "Valkey", Memcache: "Memcached" },
      'options.tagAliases.Memcache: renames the tag to "Memcached", which no article has (nor any tag renamed to it)',
    ],
    [
      "a chain that loops",
      { K8s: "Kubernetes", Kubernetes: "Kube", Kube: "K8s" },
      'options.tagAliases.K8s: loops: "K8s" → "Kubernetes" → "Kube" → "K8s"',
    ],
    ["an alias to itself", { "K 8s": "k8s" }, 'options.tagAliases["K 8s"]: loops: "K 8s" → "k8s"'],
    [
      "an old URL that is a live tag's",
      { "Redis!": "Kubernetes" },
      'options.tagAliases["Redis!"]: its URL tags/redis/ is also the tag "Redis"\'s, so its redirect would replace that page',
    ],
    [
      "an old name given twice",
      { K8s: "Kubernetes", k8s: "Kubernetes" },
      'options.tagAliases.k8s: names the same tag as the entry "K8s"',
    ],
  ])(
    "stop the build before anything is written for %s, naming the option entry",
    async (_name, tagAliases, message) => {
      const { site, error } = await tryBuild({ data: DATA, options: { tagAliases } });
      try {
        const text = errorText(error);
        expect(text).toContain("eleventy-plugin-digest: invalid options:");
        expect(text).toContain(message);
        expect(await site.files()).toEqual([]);
      } finally {
        await site.cleanup();
      }
    },
  );
});
