/**
 * Test helpers: real Eleventy 3 builds of a digest in a fresh temp folder, and a deterministic
 * synthetic digest generator.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import digest from "../../plugin/index.js";
import type { DigestPluginOptions } from "../../plugin/index.js";
import { quietly } from "./quiet.js";

export interface BuildInput {
  /** Written as `_data/digest.json` (or under `dataKey`). */
  data?: unknown;
  /** Written as `_data/digest/<name>.json`, one file per key (e.g. `2025-04`). */
  folder?: Record<string, unknown>;
  /** Plugin options; `siteUrl` defaults to https://digest.example.com. */
  options?: Partial<DigestPluginOptions> & Record<string, unknown>;
  /** Eleventy's pathPrefix. */
  pathPrefix?: string;
  /** Extra files to write into the input folder (path relative to it → content). */
  files?: Record<string, string>;
  /** Replaces the default configuration (`addPlugin(digest, options)`), e.g. the demo's config. */
  configure?: (eleventyConfig: EleventyUserConfig) => void | Promise<void>;
}

/** The part of Eleventy's user config the tests touch. */
export interface EleventyUserConfig {
  addPlugin(plugin: unknown, options?: unknown): void;
}

export interface BuildResult {
  readonly root: string;
  readonly inputDir: string;
  readonly outputDir: string;
  /** Every written file, as a sorted list of `/`-separated paths relative to the output folder. */
  files(): Promise<string[]>;
  read(relativePath: string): Promise<string>;
  cleanup(): Promise<void>;
}

export const SITE_URL = "https://digest.example.com";

/** Prepares the temp folders and data files; does not build. */
export async function prepareSite(input: BuildInput): Promise<BuildResult> {
  const root = await mkdtemp(path.join(tmpdir(), "digest-test-"));
  const inputDir = path.join(root, "site");
  const outputDir = path.join(root, "out");
  const dataKey = (input.options?.dataKey as string | undefined) ?? "digest";
  await mkdir(path.join(inputDir, "_data"), { recursive: true });
  if (input.data !== undefined) {
    await writeFile(path.join(inputDir, "_data", `${dataKey}.json`), JSON.stringify(input.data, null, 2));
  }
  if (input.folder !== undefined) {
    await mkdir(path.join(inputDir, "_data", dataKey), { recursive: true });
    for (const [name, value] of Object.entries(input.folder)) {
      await writeFile(path.join(inputDir, "_data", dataKey, `${name}.json`), JSON.stringify(value, null, 2));
    }
  }
  for (const [name, content] of Object.entries(input.files ?? {})) {
    await mkdir(path.dirname(path.join(inputDir, name)), { recursive: true });
    await writeFile(path.join(inputDir, name), content);
  }
  return {
    root,
    inputDir,
    outputDir,
    files: () => listFiles(outputDir),
    read: (relativePath) => readFile(path.join(outputDir, relativePath.replace(/^\//, "")), "utf8"),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Runs a real Eleventy build (programmatic API, no config file) with the digest plugin. Its console
 * output (Eleventy's error block when the build is meant to fail) is shown only if the test fails.
 */
export async function runEleventy(site: BuildResult, input: BuildInput): Promise<void> {
  const options = { siteUrl: SITE_URL, ...input.options } as DigestPluginOptions;
  const eleventy = new Eleventy(site.inputDir, site.outputDir, {
    quietMode: true,
    configPath: false as unknown as string, // falsy: load no config file
    ...(input.pathPrefix !== undefined && { pathPrefix: input.pathPrefix }),
    async config(eleventyConfig: EleventyUserConfig) {
      if (input.configure) await input.configure(eleventyConfig);
      else eleventyConfig.addPlugin(digest, options);
    },
  });
  await quietly(() => eleventy.write());
}

/** Writes the data to a temp folder and builds it; the caller removes it with `cleanup()`. */
export async function buildSite(input: BuildInput): Promise<BuildResult> {
  const site = await prepareSite(input);
  await runEleventy(site, input);
  return site;
}

/** Every file under `dir` (sorted, `/`-separated, relative); `[]` if `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Every message along an error's cause chain (Eleventy wraps template errors). */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { message?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof e.message === "string") parts.push(e.message);
    current = e.cause ?? e.originalError;
  }
  if (parts.length === 0) parts.push(String(error));
  return parts.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Synthetic data
// ---------------------------------------------------------------------------------------------

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
export function syntheticDigest(counts: readonly number[], startMonth = "2024-11"): { title: string; description: string; articles: SyntheticArticle[] } {
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
        title: serial % 7 === 0 ? `Q&A #${serial}: "Why ${TOPICS[serial % TOPICS.length]}?" it's < 5 minutes` : `Synthetic article ${serial}: ${TOPICS[serial % TOPICS.length]} at scale, part ${rank}`,
        url: `https://example.org/${month}/post-${serial}`,
        type: serial % 5 === 0 ? "video" : "article",
        source: serial % 2 === 0 ? SOURCES[serial % SOURCES.length]! : { name: SOURCES[serial % SOURCES.length]!, url: "https://example.org/" },
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
