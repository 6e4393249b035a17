/**
 * Feed test data: a deterministic digest of any size with every feature a feed carries (videos,
 * images, tags, explicit ids, linked sources, Markdown summaries), and the plugin's feed pipeline
 * without Eleventy. Builds through Eleventy: ../helpers/build/index.ts.
 */
import { validateDigest, type DigestPluginOptions } from "../../plugin/index.js";
import { buildDigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { createSiteContext } from "../../plugin/render/site.js";
import { feedFiles } from "../../plugin/feeds/plan.js";
import { SITE_URL } from "../helpers/build/index.js";

export interface TestArticle {
  month: string;
  rank: number;
  title: string;
  url: string;
  type?: "article" | "video";
  source: string | { name: string; url?: string };
  published?: string;
  summary?: string;
  tags?: string[];
  id?: string;
  image?: string;
}

const TOPICS = [
  "Databases",
  "Caching",
  "Consensus",
  "Kafka",
  "Kubernetes",
  "Observability",
  "Streaming",
  "Networking",
  "Storage",
  "Security",
  "C++",
  "Rust",
  "Go",
  "eBPF",
  "Queues",
  "Testing",
  "SRE",
  "Architecture",
];
const SOURCES = [
  { name: "ByteByteGo", url: "https://blog.bytebytego.com" },
  { name: "Netflix TechBlog", url: "https://netflixtechblog.com" },
  { name: "Tech World With Milan" },
  { name: "The Coding Gopher", url: "https://www.youtube.com/@TheCodingGopher" },
  { name: "Milan Jovanović", url: "https://www.milanjovanovic.tech" },
];

/**
 * `count` articles spread over consecutive months from 2024-01 (`perMonth` each, the last month
 * partial). Every 4th is a video, every 3rd has an image, every 7th has an explicit id, tags
 * rotate through 18 topics. Deterministic: the same arguments give the same digest.
 */
export function makeDigest(
  count: number,
  perMonth = 12,
): {
  title: string;
  description: string;
  issues: Record<string, { title: string; intro: string }>;
  articles: TestArticle[];
} {
  const articles: TestArticle[] = [];
  const issues: Record<string, { title: string; intro: string }> = {};
  for (let i = 0; i < count; i++) {
    const monthIndex = Math.floor(i / perMonth);
    const year = 2024 + Math.floor(monthIndex / 12);
    const month = `${year}-${String((monthIndex % 12) + 1).padStart(2, "0")}`;
    const rank = (i % perMonth) + 1;
    issues[month] ??= {
      title: `Issue ${month}`,
      intro: `Picks for **${month}**, see [the archive](https://example.org/archive).`,
    };
    const source = SOURCES[i % SOURCES.length]!;
    articles.push({
      month,
      rank,
      title: `Article ${i + 1}: distributed systems, part ${rank}`,
      url: `https://articles.example.net/${month}/post-${i + 1}?ref=digest&x=${i}`,
      type: i % 4 === 3 ? "video" : "article",
      source: source.url ? source : source.name,
      published: `${month}-0${1 + (i % 9)}`,
      summary: `What **article ${i + 1}** covers, in our words, with [a link](https://example.org/${i}) and \`code\`.`,
      tags: [TOPICS[i % TOPICS.length]!, TOPICS[(i * 7 + 3) % TOPICS.length]!],
      ...(i % 7 === 0 && { id: `digest-article-${i + 1}` }),
      ...(i % 3 === 0 && { image: `https://img.example.net/${i + 1}.jpg` }),
    });
  }
  return { title: "Best of Distributed Systems", description: "Ranked monthly reading.", issues, articles };
}

/**
 * The plugin's feed pipeline without Eleventy (validate → model → feeds), for fast checks: every
 * feed file by site-root path. Builds through Eleventy (`buildInMemory`) cover the wiring.
 */
export function renderFeeds(
  data: unknown,
  options: Partial<DigestPluginOptions> = {},
  pathPrefix = "/",
): Map<string, string> {
  const resolved = resolveOptions({ siteUrl: SITE_URL, ...options });
  const model = buildDigestModel(validateDigest(data, { timeZone: resolved.timeZone }), resolved);
  const site = createSiteContext(model, resolved, pathPrefix);
  return new Map(feedFiles(model, site).map((file) => [file.path, file.render()]));
}
