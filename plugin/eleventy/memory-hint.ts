/**
 * A digest too large for the default pipeline, said before the build runs out of memory: with
 * `pipeline: "eleventy"` Eleventy keeps every page it writes until its build ends, so its peak
 * grows with the archive, and past V8's heap limit Node aborts without a word (exit 134).
 * `pipeline: "direct"` holds no page.
 */
import { getHeapStatistics } from "node:v8";

/**
 * About what the default pipeline holds at its peak per article, from the benchmark's large
 * digests (README, Performance). An estimate by count: articles with long summaries or many tags
 * take more.
 */
export const PEAK_BYTES_PER_ARTICLE = 16 * 1024;

/** The share of the heap limit above which the estimate is too close to call. */
const HEADROOM = 0.75;

/** Bytes as GB with one decimal, or MB below 1 GB (binary units, as V8's limit is set). */
function gigabytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.round(bytes / 2 ** 20)} MB`;
}

/** 412345 → "412,345", the same on every machine (no locale). */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ",");
}

/**
 * The warning for `articleCount` articles in `pipeline`, or undefined when the estimate
 * (`PEAK_BYTES_PER_ARTICLE` an article) is within three quarters of this process's V8 heap limit
 * (which `--max-old-space-size` raises). Only the default pipeline needs it.
 */
export function largeDigestWarning(
  articleCount: number,
  pipeline: "eleventy" | "direct",
  heapLimit: number = getHeapStatistics().heap_size_limit,
): string | undefined {
  if (pipeline !== "eleventy") return undefined;
  const estimate = articleCount * PEAK_BYTES_PER_ARTICLE;
  if (estimate <= heapLimit * HEADROOM) return undefined;
  return `warning: ${grouped(articleCount)} articles may need about ${gigabytes(estimate)} of memory with pipeline "eleventy" (Eleventy keeps every page until the build ends), near or over this process's limit of ${gigabytes(heapLimit)}: set the option pipeline: "direct" to build them in well under 1 GB, or raise the limit (NODE_OPTIONS=--max-old-space-size=8192)`;
}
