// The demo, built the way `npm run build` builds it: /2025/04/ lists the nine SPEC articles in rank order.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDemo, repoRoot, type BuildResult } from "../helpers/build/index.js";

interface DemoArticle {
  readonly month: string;
  readonly rank: number;
  readonly url: string;
  readonly source: string | { readonly name: string };
}

let demo: BuildResult;

describe("the demo site", () => {
  afterAll(async () => {
    await demo?.cleanup();
  });

  it("lists April 2025's nine articles in rank order", async () => {
    demo = await buildDemo();
    const html = await demo.read("2025/04/index.html");
    const titles = [
      ...html.matchAll(
        /<h2 class="dg-title">(?:<a class="dg-rank[^"]*" href="[^"]*">[^<]*<\/a> )?<a href="[^"]*">([^<]*)<\/a>/g,
      ),
    ].map((m) => m[1]);
    expect(titles).toEqual([
      "How does Netflix manage to show you a movie without interruptions?",
      "10 System Design Concepts You Must Master Before Your Next SDE Interview (with Resources)",
      "Understanding Microservices: Core Concepts and Benefits",
      "99% of Developers Don&#39;t Get RPCs",
      "Redis Deep Dive for System Design Interviews",
      "EP160: Top 20 System Design Concepts You Should Know",
      "How Netflix Orchestrates Millions of Workflow Jobs with Maestro",
      "How to Keep Distributed Systems Consistent: Versioning vs Vector Clocks",
      "How Netflix Accurately Attributes eBPF Flow Logs",
    ]);
  });

  it("shows thumbnails it ships itself: every image URL in the data is one of src/images/, copied to the output", async () => {
    demo ??= await buildDemo();
    const data = JSON.parse(await readFile(path.join(repoRoot, "_data/digest.json"), "utf8")) as {
      articles: { image?: string }[];
    };
    const images = data.articles.flatMap((article) => (article.image === undefined ? [] : [article.image]));
    expect(images.length).toBeGreaterThan(0);
    const shipped = await readdir(path.join(repoRoot, "src/images"));
    for (const image of images) {
      const name = image.replace("https://digest.example.com/images/", "");
      expect(shipped, image).toContain(name);
      const copied = await demo.read(`images/${name}`);
      expect(copied).toBe(await readFile(path.join(repoRoot, "src/images", name), "utf8"));
      expect(copied.length).toBeLessThan(4096);
    }
    // On the pages by its path, so it loads wherever the demo is served (npm start on localhost);
    // the feeds keep the absolute URL, which is what a reader's app needs.
    expect(await demo.read("2025/04/index.html")).toContain(
      '<img class="dg-thumb" src="/images/remote-procedure-call.svg"',
    );
    expect(await demo.read("2025/04/index.html")).not.toContain('src="https://digest.example.com/images/');
    expect(await demo.read("feed.xml")).toContain("https://digest.example.com/images/remote-procedure-call.svg");
  });

  it("lists ByteByteGo's picks on /sources/bytebytego/, newest issue first, then rank, each with its rank and issue", async () => {
    demo ??= await buildDemo();
    const data = JSON.parse(await readFile(new URL("../../_data/digest.json", import.meta.url), "utf8")) as {
      articles: DemoArticle[];
    };
    const name = (article: DemoArticle) => (typeof article.source === "string" ? article.source : article.source.name);
    const picks = data.articles
      .filter((article) => name(article).replace(/\s+/g, "").toLowerCase() === "bytebytego")
      .sort((a, b) => (a.month === b.month ? a.rank - b.rank : a.month < b.month ? 1 : -1));
    expect(picks.length).toBeGreaterThan(1);
    const html = await demo.read("sources/bytebytego/index.html");
    const urls = [
      ...html.matchAll(/<h2 class="dg-title">(?:<a class="dg-rank[^"]*" href="[^"]*">[^<]*<\/a> )?<a href="([^"]*)">/g),
    ].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(urls).toEqual(picks.slice(0, 10).map((article) => article.url));
    expect(html).toContain(">#6 in April 2025</a>");
    const index = await demo.read("sources/index.html");
    expect(index).toContain(`<a href="/sources/bytebytego/">ByteByteGo</a> <small>${picks.length}</small>`);
  });
});
