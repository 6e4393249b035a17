// Old-generation probe: the plugin-site config plus V8's sampling heap profiler from the moment
// Eleventy has mapped every page (`eleventy.contentMap`) to the end of the build, keeping the
// samples of objects that are still alive or were freed by a full GC only (not those a scavenge
// freed): what the rendering left in the old generation, where only a full GC frees it, by the
// function that allocated it. Prints the 25 largest, MB of sampled bytes.
// Run with `node node_modules/@11ty/eleventy/cmd.cjs --config=bench/lib/probe-promoted.js …`
// (BENCH_PIPELINE=direct for the direct pipeline).
import { Session } from "node:inspector/promises";
import site from "../plugin-site/eleventy.config.js";

const session = new Session();
session.connect();

export default function (eleventyConfig) {
  site(eleventyConfig);
  eleventyConfig.on("eleventy.contentMap", async () => {
    await session.post("HeapProfiler.enable");
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 65536,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: false,
    });
  });
  eleventyConfig.on("eleventy.after", async () => {
    const { profile } = await session.post("HeapProfiler.stopSampling");
    const bytes = new Map();
    const walk = (node) => {
      const { functionName, url, lineNumber } = node.callFrame;
      const where = `${functionName || "(anonymous)"} ${url.replace(/.*node_modules\//, "").replace(/.*\/dist\//, "dist/")}:${lineNumber + 1}`;
      bytes.set(where, (bytes.get(where) ?? 0) + node.selfSize);
      node.children.forEach(walk);
    };
    walk(profile.head);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    console.error(`probe: ${(total / 1048576).toFixed(0)} MB sampled in the old generation`);
    for (const [where, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.error(`${(size / 1048576).toFixed(1).padStart(7)}  ${where}`);
  });
}
