// The demo digest site. It uses the plugin exactly as a user would: one addPlugin call.
import digest, { type DigestPluginOptions } from "./plugin/index.js";

interface DemoEleventyConfig {
  addPlugin(plugin: unknown, options?: unknown): void;
  addPassthroughCopy(path: string): void;
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
  // (the data's `image` URLs are https://digest.example.com/images/…), not third-party images.
  eleventyConfig.addPassthroughCopy("src/images");
}

export const config = {
  // Output is Eleventy's default, _site/ (left unset so tests can build elsewhere).
  dir: { input: "src", data: "../_data", includes: "../_includes" },
};
