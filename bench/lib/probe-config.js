// Memory probe: the plugin-site config plus an `eleventy.after` listener that reports, at the end
// of the build (when Eleventy still holds what it wrote), the heap after a full GC, the bytes of
// page text in Eleventy's results, and optionally writes a heap snapshot (BENCH_HEAP_SNAPSHOT=file).
// Run with `node --expose-gc node_modules/@11ty/eleventy/cmd.cjs --config=bench/lib/probe-config.js …`.
import { writeHeapSnapshot } from "node:v8";
import site from "../plugin-site/eleventy.config.js";

const mb = (x) => Math.round((x / 1048576) * 10) / 10;

export default function (eleventyConfig) {
  site(eleventyConfig);
  eleventyConfig.on("eleventy.after", ({ results }) => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    let chars = 0,
      twoByte = 0;
    for (const r of results ?? []) {
      if (typeof r.content !== "string") continue;
      chars += r.content.length;
      // V8 stores a string with any char above U+00FF at 2 bytes a char
      if (/[^\u0000-\u00ff]/.test(r.content)) twoByte += r.content.length;
    }
    const report = {
      results: results?.length ?? 0,
      resultChars: chars,
      resultHeapMB: mb(chars + twoByte),
      twoByteChars: twoByte,
      heapUsedMB: mb(m.heapUsed),
      externalMB: mb(m.external),
      rssMB: mb(m.rss),
    };
    console.error(`probe: ${JSON.stringify(report)}`);
    if (process.env.BENCH_HEAP_SNAPSHOT)
      console.error(`probe: snapshot ${writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT)}`);
  });
}
