/** A deterministic synthetic digest generator and a deterministic shuffle, for build and model tests. */

export interface SyntheticArticle {
  month: string;
  rank: number;
  title: string;
  url: string;
  type: "article" | "video";
  source: string | { name: string; url?: string };
  published: string;
  summary: string;
  tags: string[];
}

const TOPICS = ["Databases", "Consistency", "Caching", "Streaming", "Observability", "Microservices", "RPC", "Queues"];
const SOURCES = ["ByteByteGo", "Netflix TechBlog", "Medium", "gitconnected", "The Coding Gopher", "Jepsen"];

function addMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * A deterministic digest: `counts[i]` articles in the i-th month from `startMonth`, ranks 1..n,
 * each with a published date in its month, a summary and one to three tags. No randomness.
 */
export function syntheticDigest(
  counts: readonly number[],
  startMonth = "2024-11",
): { title: string; description: string; articles: SyntheticArticle[] } {
  const articles: SyntheticArticle[] = [];
  let serial = 0;
  counts.forEach((count, monthIndex) => {
    const month = addMonths(startMonth, monthIndex);
    for (let rank = 1; rank <= count; rank++) {
      serial++;
      const tagCount = 1 + (serial % 3);
      const tags = Array.from({ length: tagCount }, (_, k) => TOPICS[(serial + k * 3) % TOPICS.length]!);
      const day = String(1 + (serial % 28)).padStart(2, "0");
      articles.push({
        month,
        rank,
        // Every seventh title has characters that need escaping (but no markup).
        title:
          serial % 7 === 0
            ? `Q&A #${serial}: "Why ${TOPICS[serial % TOPICS.length]}?" it's < 5 minutes`
            : `Synthetic article ${serial}: ${TOPICS[serial % TOPICS.length]} at scale, part ${rank}`,
        url: `https://example.org/${month}/post-${serial}`,
        type: serial % 5 === 0 ? "video" : "article",
        source:
          serial % 2 === 0
            ? SOURCES[serial % SOURCES.length]!
            : { name: SOURCES[serial % SOURCES.length]!, url: "https://example.org/" },
        published: `${month}-${day}`,
        summary: `Summary of article ${serial}, with **bold** text and a [link](https://example.org/${serial}).`,
        tags: [...new Set(tags)],
      });
    }
  });
  return { title: "Synthetic Digest", description: "A generated digest for tests.", articles };
}

/** Shuffles deterministically (a fixed linear congruential sequence), for order-independence tests. */
export function deterministicShuffle<T>(items: readonly T[], seed = 42): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One article of `twoHundredTags`. */
export interface TaggedArticle {
  readonly month: string;
  readonly rank: number;
  readonly title: string;
  readonly url: string;
  readonly source: string;
  readonly summary: string;
  readonly tags: readonly string[];
}

/**
 * 250 articles in ten months over 200 tags (Latin with and without accents, Greek, Han, digits,
 * emoji): the digest the tag index's budget and the reader tests are measured on.
 */
export function twoHundredTags(): { articles: TaggedArticle[] } {
  const stems = [
    "Alpha",
    "Éclair",
    "beta",
    "Gamma",
    "Delta",
    "Ωmega",
    "分布式",
    "3D",
    "🚀",
    "Zeta",
    "kappa",
    "Lambda",
    "Östlich",
    "Sigma",
    "Tau",
    "Ypsilon",
    "Mu",
    "Nu",
    "Xi",
    "Rho",
  ];
  const tags = Array.from(
    { length: 200 },
    (_, i) => `${stems[i % stems.length]} ${Math.floor(i / stems.length) + 1} topic`,
  );
  const articles = Array.from({ length: 250 }, (_, i) => ({
    month: `2025-${String(Math.floor(i / 25) + 1).padStart(2, "0")}`,
    rank: (i % 25) + 1,
    title: `A fairly typical article title number ${i + 1}, about distributed systems`,
    url: `https://a.example/${i}`,
    source: "Source",
    summary: `Summary ${i + 1}.`,
    tags: [tags[i % 200]!, tags[(i * 7) % 200]!],
  }));
  return { articles };
}
