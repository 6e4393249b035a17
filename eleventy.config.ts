// The demo digest site. It uses the plugin exactly as a user would: one addPlugin call (and a
// passthrough copy of its own thumbnails).
import digest, { type DigestPluginOptions } from "./plugin/index.js";

interface DemoEleventyConfig {
  addPlugin(plugin: unknown, options?: unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
}

export default function (eleventyConfig: DemoEleventyConfig): void {
  const options: DigestPluginOptions = {
    siteUrl: "https://digest.example.com",
    title: "Best of Distributed Systems",
    description: "The best articles and videos on distributed systems, ranked every month.",
    basePath: "/",
    pageSize: 10,
    locale: "en",
    timeZone: "UTC",
    shareImages: true,
    search: true,
  };
  eleventyConfig.addPlugin(digest, options);
  // The articles' thumbnails: our own small illustrations, served from the site itself
  // (the data's `image` URLs are https://digest.example.com/images/…, which the pages link by
  // their path), not third-party images. Mapped to images/ whatever the input folder is.
  eleventyConfig.addPassthroughCopy({ "src/images": "images" });
}

export const config = {
  // Output is Eleventy's default, _site/ (left unset so tests can build elsewhere).
  dir: { input: "src", data: "../_data", includes: "../_includes" },
};
