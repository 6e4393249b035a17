#!/usr/bin/env node
// Deterministic synthetic digest generator (SPEC §1 shape 1: { title, articles: [...] }).
//
//   node bench/generate.js --articles 10k --out /tmp/site/_data/digest.json [--seed digest-bench]
//
// 100 ranked articles a month (ranks 1..100), months going back from 2025-12, 3 distinct tags per
// article from a pool of 200 topic names, unique https URLs, sources (some as objects), type
// article/video, `published` within the 60 days before the month, 2-3 sentence Markdown summaries.
// Same arguments -> byte-identical file (seeded PRNG, no Math.random, no clock).

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";

export const ARTICLES_PER_MONTH = 100;
export const TAGS_PER_ARTICLE = 3;
export const NEWEST_MONTH = "2025-12";

// ---------------------------------------------------------------- PRNG (sfc32 seeded by cyrb128)
function cyrb128(str) {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createRng(seed) {
  let [a, b, c, d] = cyrb128(String(seed));
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const int = (n) => Math.floor(next() * n); // 0..n-1
  const pick = (arr) => arr[int(arr.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

// ---------------------------------------------------------------- vocabulary
// 200 topic names. Plain Latin names on which common slug rules agree (no "C++"/"C#"), so that the
// plugin's tag URLs can be compared path-for-path with the hand-written and raw variants.
export const TAG_POOL = [
  "Distributed Systems",
  "System Design",
  "Microservices",
  "Kubernetes",
  "Docker",
  "PostgreSQL",
  "MySQL",
  "Redis",
  "Kafka",
  "RabbitMQ",
  "NATS",
  "gRPC",
  "REST APIs",
  "GraphQL",
  "WebSockets",
  "HTTP/3",
  "QUIC",
  "TCP",
  "DNS",
  "Load Balancing",
  "Caching",
  "CDN",
  "Consistent Hashing",
  "Sharding",
  "Replication",
  "Consensus",
  "Raft",
  "Paxos",
  "CRDTs",
  "Vector Clocks",
  "Event Sourcing",
  "CQRS",
  "Sagas",
  "Outbox Pattern",
  "Change Data Capture",
  "Stream Processing",
  "Batch Processing",
  "Apache Flink",
  "Apache Spark",
  "Data Engineering",
  "Data Lakes",
  "Data Warehouses",
  "ClickHouse",
  "Elasticsearch",
  "Cassandra",
  "DynamoDB",
  "MongoDB",
  "CockroachDB",
  "TiDB",
  "Vitess",
  "SQLite",
  "RocksDB",
  "LSM Trees",
  "B-Trees",
  "Bloom Filters",
  "Indexing",
  "Query Optimization",
  "Transactions",
  "Isolation Levels",
  "Concurrency",
  "Lock-Free Programming",
  "Memory Models",
  "Garbage Collection",
  "JVM",
  "Go",
  "Rust",
  "Java",
  "Kotlin",
  "Python",
  "TypeScript",
  "Node.js",
  "WebAssembly",
  "Erlang",
  "Elixir",
  "Scala",
  "Observability",
  "Distributed Tracing",
  "OpenTelemetry",
  "Prometheus",
  "Grafana",
  "Logging",
  "Metrics",
  "Alerting",
  "On-Call",
  "Incident Response",
  "Postmortems",
  "Site Reliability Engineering",
  "Chaos Engineering",
  "Load Testing",
  "Performance",
  "Latency",
  "Throughput",
  "Capacity Planning",
  "Autoscaling",
  "Serverless",
  "AWS",
  "Google Cloud",
  "Azure",
  "Cloudflare Workers",
  "Edge Computing",
  "Terraform",
  "Infrastructure as Code",
  "GitOps",
  "CI/CD",
  "Continuous Delivery",
  "Feature Flags",
  "Canary Releases",
  "Blue-Green Deployments",
  "Service Mesh",
  "Istio",
  "Envoy",
  "Linkerd",
  "eBPF",
  "Linux Kernel",
  "Networking",
  "Containers",
  "Virtual Machines",
  "Security",
  "Authentication",
  "Authorization",
  "OAuth",
  "Zero Trust",
  "Encryption",
  "TLS",
  "Secrets Management",
  "Supply Chain Security",
  "Rate Limiting",
  "Circuit Breakers",
  "Backpressure",
  "Retries",
  "Idempotency",
  "Timeouts",
  "Resilience",
  "Fault Tolerance",
  "High Availability",
  "Disaster Recovery",
  "Multi-Region",
  "Geo-Replication",
  "Leader Election",
  "Service Discovery",
  "API Gateways",
  "API Design",
  "Versioning",
  "Schema Evolution",
  "Protocol Buffers",
  "Serialization",
  "Message Queues",
  "Pub-Sub",
  "Workflow Engines",
  "Temporal",
  "Job Scheduling",
  "Search",
  "Recommendation Systems",
  "Machine Learning",
  "LLMs",
  "Vector Databases",
  "Embeddings",
  "RAG",
  "MLOps",
  "Feature Stores",
  "Video Streaming",
  "Media Encoding",
  "Payments",
  "Fintech",
  "E-commerce",
  "Notifications",
  "Chat Systems",
  "Social Feeds",
  "Leaderboards",
  "URL Shorteners",
  "Object Storage",
  "Amazon S3",
  "File Systems",
  "Block Storage",
  "Compression",
  "Encoding",
  "Interview Prep",
  "Career",
  "Engineering Management",
  "Architecture Decision Records",
  "Domain-Driven Design",
  "Clean Architecture",
  "Hexagonal Architecture",
  "Monoliths",
  "Modular Monoliths",
  "Testing",
  "Property-Based Testing",
  "Formal Methods",
  "Model Checking",
  "Code Review",
  "Technical Debt",
  "Refactoring",
  "Open Source",
  "Developer Experience",
  "Platform Engineering",
  "Cost Optimization",
  "FinOps",
  "Mobile Backends",
  "Frontend Performance",
  "Web Performance",
];

const SOURCES = [
  "ByteByteGo",
  "Tech World With Milan",
  "Medium",
  "Milan Jovanović",
  "Community Picks",
  "gitconnected",
  "Netflix TechBlog",
  "Uber Engineering",
  "The Pragmatic Engineer",
  "High Scalability",
  "InfoQ",
  "Martin Fowler",
  "The Cloudflare Blog",
  "AWS Architecture Blog",
  "System Design One",
  "Level Up Coding",
  "Towards Data Science",
  "HackerNoon",
  "freeCodeCamp",
  "DEV Community",
  "Stripe Engineering",
  "Discord Blog",
  "Shopify Engineering",
  "Quastor",
  "Arpit Bhayani",
  "Engineering at Meta",
  "LinkedIn Engineering",
  "Dropbox Tech",
  "Slack Engineering",
  "Figma Blog",
  "Airbnb Tech Blog",
  "Pinterest Engineering",
  "Spotify Engineering",
  "The GitHub Blog",
  "Datadog Engineering",
  "DoorDash Engineering",
  "Zalando Tech",
  "Jepsen",
  "Murat Demirbas",
  "Marc Brooker",
];
const VIDEO_SOURCES = [
  "The Coding Gopher",
  "Hussein Nasser",
  "Gaurav Sen",
  "Fireship",
  "ByteByteGo",
  "ThePrimeTime",
  "CodeOpinion",
  "Arpit Bhayani",
  "InfoQ",
  "GOTO Conferences",
  "Strange Loop",
  "CNCF",
];
const COMPANIES = [
  "Netflix",
  "Uber",
  "Airbnb",
  "Stripe",
  "Shopify",
  "Discord",
  "Slack",
  "Figma",
  "Dropbox",
  "LinkedIn",
  "Pinterest",
  "Spotify",
  "GitHub",
  "Cloudflare",
  "Meta",
  "Google",
  "Amazon",
  "Microsoft",
  "Datadog",
  "DoorDash",
  "Lyft",
  "Reddit",
  "Notion",
  "Canva",
  "Zalando",
  "Etsy",
  "Instacart",
  "Robinhood",
  "Booking.com",
  "Grab",
];
const TECH = [
  "Kafka",
  "Redis",
  "PostgreSQL",
  "Cassandra",
  "DynamoDB",
  "gRPC",
  "Kubernetes",
  "Envoy",
  "etcd",
  "ZooKeeper",
  "RocksDB",
  "ClickHouse",
  "Elasticsearch",
  "Flink",
  "Spark",
  "Temporal",
  "NATS",
  "RabbitMQ",
  "Vitess",
  "CockroachDB",
  "TiDB",
  "Istio",
  "eBPF",
  "WebAssembly",
  "Rust",
  "Go",
  "virtual threads",
  "SQLite",
  "S3",
  "Memcached",
];
const CONCEPTS = [
  "Consistent Hashing",
  "Vector Clocks",
  "Raft",
  "Paxos",
  "CRDTs",
  "Two-Phase Commit",
  "Sagas",
  "Leader Election",
  "Quorum Reads",
  "Idempotency Keys",
  "Backpressure",
  "Circuit Breakers",
  "Rate Limiting",
  "Sharding",
  "Write-Ahead Logs",
  "LSM Trees",
  "B-Trees",
  "Bloom Filters",
  "Gossip Protocols",
  "Event Sourcing",
  "CQRS",
  "the Outbox Pattern",
  "Change Data Capture",
  "Exactly-Once Delivery",
  "Hybrid Logical Clocks",
  "Load Shedding",
  "Service Meshes",
  "Read Replicas",
  "Cache Invalidation",
  "RPCs",
  "Snapshot Isolation",
  "Tail Latency",
];
const THINGS = [
  "Its Feed",
  "Notifications",
  "Search",
  "Payments",
  "a Rate Limiter",
  "Video Streaming",
  "Chat",
  "Millions of Workflow Jobs",
  "eBPF Flow Logs",
  "a URL Shortener",
  "Leaderboards",
  "a Job Scheduler",
  "a Key-Value Store",
  "Metrics Pipelines",
  "Billing",
  "Image Uploads",
  "Real-Time Presence",
  "Trip Matching",
  "Inventory",
  "Ad Auctions",
];
const CODE = [
  "SELECT ... FOR UPDATE",
  "fsync",
  "epoll",
  "SETNX",
  "acks=all",
  "max.poll.records",
  "context.WithTimeout",
  "CompletableFuture",
  "tokio::spawn",
  "Retry-After",
  "idempotency_key",
  "kubectl rollout undo",
  "EXPLAIN ANALYZE",
  "O_DIRECT",
  "SO_REUSEPORT",
  "vacuum_cost_limit",
];
const ADJ = ["Practical", "Visual", "Gentle", "Hands-On", "No-Nonsense", "Complete", "Short", "Illustrated"];
const ACTIONS = [
  "Type a URL Into Your Browser",
  "Press Play on Netflix",
  "Send a Message on Discord",
  "Pay With a Card Online",
  "Push to Main",
  "Request a Ride",
  "Run a Query in PostgreSQL",
];

function titleFor(r, i) {
  const c = () => r.pick(COMPANIES),
    t = () => r.pick(TECH),
    k = () => r.pick(CONCEPTS);
  const n = () => 3 + r.int(28);
  switch (r.int(16)) {
    case 0:
      return `How ${c()} Scales ${r.pick(THINGS)} with ${t()}`;
    case 1:
      return `${n()} ${r.pick(TAG_POOL)} Concepts You Must Know`;
    case 2:
      return `Understanding ${k()}: Core Ideas and Trade-offs`;
    case 3:
      return `${k()} Explained in ${n()} Minutes`;
    case 4: {
      const a = t();
      let b = t();
      if (b === a) b = "a Monolith";
      return `Why ${c()} Moved from ${a} to ${b}`;
    }
    case 5:
      return `A Deep Dive into ${t()} for ${r.pick(TAG_POOL)}`;
    case 6:
      return `Lessons from Running ${t()} at ${c()}`;
    case 7:
      return `EP${100 + (i % 400)}: Top ${n()} ${r.pick(TAG_POOL)} Patterns`;
    case 8: {
      const a = k();
      let b = k();
      if (b === a) b = "Everything Else";
      return `${a} vs ${b}: When to Use Which`;
    }
    case 9:
      return `Building ${r.pick(THINGS).replace(/^Its /, "a ")} with ${t()} and ${t()}`;
    case 10:
      return `99% of Developers Don't Get ${k()}`;
    case 11:
      return `The Hidden Cost of ${k()}`;
    case 12:
      return `What Happens When You ${r.pick(ACTIONS)}?`;
    case 13:
      return `A ${r.pick(ADJ)} Guide to ${k()} & ${k()}`;
    case 14:
      return `How ${c()} Keeps ${r.pick(THINGS)} Consistent Across Regions`;
    default:
      return `${r.pick(TAG_POOL)}: ${n()} Mistakes "Senior" Engineers Still Make`;
  }
}

function summaryFor(r, article) {
  const sentences = [
    () =>
      `The author walks through how ${r.pick(COMPANIES)} uses ${r.pick(TECH)} to keep ${r.pick(THINGS).toLowerCase()} fast under load.`,
    () => `It explains **${r.pick(CONCEPTS)}** with diagrams and a worked example.`,
    () => `Expect a close look at \`${r.pick(CODE)}\` and the failure modes it hides.`,
    () => `A good companion read is [this overview](https://example.com/${article.slug}).`,
    () => `The piece compares ${r.pick(CONCEPTS)} with ${r.pick(CONCEPTS)} and ends with a checklist you can reuse.`,
    () => `Benchmarks in the post show a **${2 + r.int(9)}x** drop in p99 latency after the change.`,
    () => `The key trick is to treat \`${r.pick(CODE)}\` as a contract, not an implementation detail.`,
    () => `It is a useful refresher on ${article.tags[0]} before your next design review.`,
    () =>
      `Worth it for the section on *${r.pick(CONCEPTS).toLowerCase()}* alone; see also [the follow-up](https://example.com/x).`,
    () => `Short, opinionated, and easy to skim in ${3 + r.int(15)} minutes.`,
  ];
  const count = 2 + r.int(2);
  const used = new Set();
  const out = [];
  for (let guard = 0; out.length < count && guard < 20; guard++) {
    const i = r.int(sentences.length);
    if (used.has(i)) continue;
    used.add(i);
    out.push(sentences[i]());
  }
  return out.join(" ");
}

const pad2 = (n) => String(n).padStart(2, "0");
function slugPart(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}
function domainOf(name) {
  return `${slugPart(name).replace(/-/g, "")}.example.org`;
}

export function monthsBack(count, newest = NEWEST_MONTH) {
  let y = Number(newest.slice(0, 4)),
    m = Number(newest.slice(5, 7));
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${pad2(m)}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** Parse "1k", "10k", "100k", "2500" -> number of articles. */
export function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(String(s).trim());
  if (!m) throw new Error(`bad size: ${s}`);
  const mult = m[2] === "" ? 1 : m[2].toLowerCase() === "k" ? 1000 : 1_000_000;
  return Math.round(Number(m[1]) * mult);
}

/** Build the digest object. Deterministic in (articleCount, seed). */
export function generateDigest(articleCount, seed = "digest-bench") {
  const r = createRng(`${seed}:${articleCount}`);
  const monthCount = Math.ceil(articleCount / ARTICLES_PER_MONTH);
  const months = monthsBack(monthCount);
  const articles = [];
  let i = 0;
  for (const month of months) {
    const y = Number(month.slice(0, 4)),
      mo = Number(month.slice(5, 7));
    const monthStart = Date.UTC(y, mo - 1, 1);
    for (let rank = 1; rank <= ARTICLES_PER_MONTH && i < articleCount; rank++, i++) {
      const isVideo = r.chance(0.15);
      const sourceName = isVideo ? r.pick(VIDEO_SOURCES) : r.pick(SOURCES);
      const title = titleFor(r, i);
      const tags = [];
      for (let guard = 0; tags.length < TAGS_PER_ARTICLE && guard < 50; guard++) {
        const t = r.pick(TAG_POOL);
        if (!tags.includes(t)) tags.push(t);
      }
      const slug = `${slugPart(title)}-${i.toString(36)}`;
      const url = isVideo
        ? `https://video.example.net/watch/${month.replace("-", "")}-${pad2(rank)}-${i.toString(36)}`
        : `https://${domainOf(sourceName)}/${y}/${pad2(mo)}/${slug}`;
      const pub = new Date(monthStart - (1 + r.int(60)) * 86400000 + r.int(86400) * 1000);
      const published = r.chance(0.7) ? pub.toISOString().slice(0, 10) : pub.toISOString().replace(/\.\d{3}Z$/, "Z");
      let source = sourceName;
      if (r.chance(0.25)) {
        source = { name: sourceName, url: `https://${domainOf(sourceName)}/` };
        if (r.chance(0.5)) source.handle = `@${slugPart(sourceName).replace(/-/g, "")}`;
      }
      const article = { month, rank, title, url, type: isVideo ? "video" : "article", source, published, tags };
      article.summary = summaryFor(r, { slug, tags });
      articles.push(article);
    }
  }
  return {
    title: "Best of Distributed Systems (synthetic)",
    description: `Synthetic benchmark digest: ${articleCount} articles, ${monthCount} monthly issues.`,
    articles,
  };
}

/** One article per line: diff- and edit-friendly, still valid JSON. */
export function serializeDigest(digest) {
  const { articles, ...head } = digest;
  const headJson = JSON.stringify(head);
  return (
    headJson.slice(0, -1) +
    (headJson.length > 2 ? "," : "") +
    '"articles":[\n' +
    articles.map((a) => JSON.stringify(a)).join(",\n") +
    "\n]}\n"
  );
}

export function writeDigest(file, articleCount, seed) {
  const digest = generateDigest(articleCount, seed);
  const text = serializeDigest(digest);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return {
    file,
    articles: digest.articles.length,
    bytes: Buffer.byteLength(text),
    sha256: createHash("sha256").update(text).digest("hex"),
    digest,
  };
}

// ---------------------------------------------------------------- CLI
if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const args = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
  };
  const count = parseSize(get("articles", "1k"));
  const out = resolve(get("out", "_data/digest.json"));
  const info = writeDigest(out, count, get("seed", "digest-bench"));
  console.log(`wrote ${info.articles} articles (${(info.bytes / 1e6).toFixed(1)} MB) to ${out}\nsha256 ${info.sha256}`);
}
