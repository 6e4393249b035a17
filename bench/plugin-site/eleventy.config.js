// The plugin variant: a plain Eleventy site whose only configuration is the plugin.
// The plugin is compiled to /work/main/dist by `npm run build:plugin`.
// Options live in ../pageset.js (`pluginOptions`: siteUrl "https://bench.example.com", title "Bench").
import digest from "../../dist/index.js";
import { pluginOptions } from "../pageset.js";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(digest, { ...pluginOptions });
}
