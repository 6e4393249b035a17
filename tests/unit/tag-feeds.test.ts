// A tag carries feed paths only for the feeds the build writes, and they are the paths written.
import { describe, expect, it } from "vitest";
import { validateDigest, type DigestPluginOptions } from "../../plugin/index.js";
import { resolveOptions } from "../../plugin/options.js";
import { buildDigestModel, type DigestModel } from "../../plugin/model/build.js";
import { createSiteContext } from "../../plugin/render/site.js";
import { feedFiles } from "../../plugin/feeds/plan.js";
import { tagFeedLinks } from "../../plugin/render/feed-links.js";

const data = {
  articles: [
    { month: "2025-04", rank: 1, title: "A", url: "https://a.example/1", source: "S", tags: ["Redis", "C++"] },
    { month: "2025-03", rank: 1, title: "B", url: "https://a.example/2", source: "S", tags: ["Redis"] },
  ],
};

/** The model, and the paths of the tag feeds the build writes (every feed under `tags/`). */
function build(options: Partial<DigestPluginOptions>): {
  model: DigestModel;
  tagFeedsWritten: string[];
  linked: string[];
} {
  const resolved = resolveOptions({ siteUrl: "https://digest.example.com", ...options });
  const model = buildDigestModel(validateDigest(data, { timeZone: resolved.timeZone }), resolved);
  const site = createSiteContext(model, resolved, "/");
  const tagFeedsWritten = feedFiles(model, site)
    .map((file) => file.path)
    .filter((path) => path.includes("/tags/"));
  const linked = model.tags.flatMap((tag) => tagFeedLinks(tag, site.options, site.title).map((link) => link.path));
  return { model, tagFeedsWritten, linked };
}

describe("Tag.feeds", () => {
  it("is empty for every tag when per-tag feeds are off, and no tag feed is written or linked", () => {
    const { model, tagFeedsWritten, linked } = build({ feed: { perTag: false } });
    expect(model.tags.length).toBeGreaterThan(0);
    for (const tag of model.tags) expect(tag.feeds).toEqual([]);
    expect(tagFeedsWritten).toEqual([]);
    expect(linked).toEqual([]);
  });

  it("has no RSS path when RSS is off: only the formats written", () => {
    const { model, tagFeedsWritten } = build({ feed: { formats: ["atom"] } });
    const redis = model.tags.find((tag) => tag.slug === "redis")!;
    expect(redis.feeds).toEqual([{ format: "atom", path: "/tags/redis/atom.xml" }]);
    expect(tagFeedsWritten).not.toContain("/tags/redis/feed.xml");
  });

  it("with per-tag feeds on, lists exactly the paths the tag feeds are written at, which pages link to", () => {
    for (const options of [
      {},
      { basePath: "/digest/" },
      { feed: { formats: ["json", "rss"] as const } },
    ] satisfies Partial<DigestPluginOptions>[]) {
      const { model, tagFeedsWritten, linked } = build(options);
      const listed = model.tags.flatMap((tag) => tag.feeds.map((feed) => feed.path));
      expect(listed).toEqual(tagFeedsWritten);
      expect(linked).toEqual(tagFeedsWritten);
    }
    const redis = build({ basePath: "/digest/" }).model.tags.find((tag) => tag.slug === "redis")!;
    expect(redis.feeds).toEqual([
      { format: "rss", path: "/digest/tags/redis/feed.xml" },
      { format: "atom", path: "/digest/tags/redis/atom.xml" },
      { format: "json", path: "/digest/tags/redis/feed.json" },
    ]);
  });
});
