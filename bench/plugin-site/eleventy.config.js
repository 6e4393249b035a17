// The plugin variant: a plain Eleventy site whose only configuration is the plugin.
// The plugin is compiled to /work/main/dist by `npm run build:plugin`.
// Options live in ../pageset.js (`pluginOptions`: siteUrl "https://bench.example.com", title "Bench").
import digest from "../../dist/index.js";
import { pluginOptions } from "../pageset.js";

export default function (eleventyConfig) {
  // BENCH_PIPELINE=direct: the "direct" variant; otherwise the default pipeline.
  eleventyConfig.addPlugin(digest, {
    ...pluginOptions,
    ...(process.env.BENCH_PIPELINE && { pipeline: process.env.BENCH_PIPELINE }),
  });
}
