/**
 * A large deterministic digest (no randomness, no clock): `count` articles, 100 a month going back
 * from 2025-12, with dates near midnight in far-apart offsets (a build that read the machine's
 * zone would shift them across days and months), tags in several scripts, Markdown summaries.
 */
const TAGS = [
  "Distributed Systems",
  "C++",
  "C#",
  "C",
  "分布式系统",
  "Kafka 入門",
  "Kafka",
  "Системы",
  "🚀",
  "Redis",
  "redis",
  "Node.js",
  "../etc",
  "Système",
  "Consensus",
  "Caching",
  "Observability",
  "Databases",
  "Streaming",
  "Queues",
];
const SOURCES = [
  "ByteByteGo",
  "Netflix TechBlog",
  "Medium",
  "gitconnected",
  "The Coding Gopher",
  "Jepsen",
  "Milan Jovanović",
];
const OFFSETS = ["Z", "+14:00", "-12:00", "+05:45", "-03:30"];

function monthBefore(newest: { year: number; month: number }, back: number): string {
  const index = newest.year * 12 + (newest.month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function syntheticDigest(count: number): unknown {
  const articles = [];
  for (let serial = 0; serial < count; serial++) {
    const month = monthBefore({ year: 2025, month: 12 }, Math.floor(serial / 100));
    const rank = (serial % 100) + 1;
    const day = String(1 + (serial % 27)).padStart(2, "0");
    const offset = OFFSETS[serial % OFFSETS.length]!;
    const tags = [
      TAGS[serial % TAGS.length]!,
      TAGS[(serial * 7 + 3) % TAGS.length]!,
      TAGS[(serial * 13 + 5) % TAGS.length]!,
    ];
    articles.push({
      month,
      rank,
      title: `Article ${serial}: ${tags[0]} <at> scale & "quotes", part ${rank}`,
      url: `https://example.org/${month}/post-${serial}?ref=digest&x=<y>`,
      type: serial % 5 === 0 ? "video" : "article",
      source:
        serial % 2 === 0
          ? SOURCES[serial % SOURCES.length]
          : { name: SOURCES[serial % SOURCES.length], url: "https://example.org/", handle: "@example" },
      published: serial % 3 === 0 ? `${month}-${day}` : `${month}-${day}T23:59:30${offset}`,
      summary: `Summary of article ${serial}, with **bold**, a [link](https://example.org/${serial}) and <b>raw HTML</b> shown as text.`,
      tags,
    });
  }
  return { title: "Synthetic Digest", description: "A generated digest for reproducibility tests.", articles };
}
