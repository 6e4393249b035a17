// The hand-written baseline: what a capable Eleventy user writes without the plugin.
//
// - the digest is read once by Eleventy's data cascade (`_data/digest.json`);
// - one memoised precomputation (../lib/model.js) normalises the articles, renders each Markdown
//   summary once with markdown-it, sorts once and cuts months, tags and sources into page-sized
//   chunks;
// - Nunjucks templates paginate those chunks with size 1 (permalink = the chunk's URL), share one
//   base template through `{% extends %}`, and stay out of collections (nothing here needs them);
// - RSS / Atom / JSON Feed templates render the precomputed feed lists; the subscribe page and the
//   OPML list (subscribe.njk, opml.njk) render the model's feed links.
//
// Which pages and feeds are written comes from ../pageset.js (shared with bench/raw.js).
// Run: cd bench/handwritten && BENCH_DATA_DIR=<data dir relative to src/> \
//        node ../../node_modules/@11ty/eleventy/cmd.cjs --output=<dir>

import { getModel } from "../lib/model.js";
import { pageSet } from "../pageset.js";

const TEMPLATE_FOR_OUTPUT = {
  archive: "archive.njk",
  years: "years.njk",
  months: "months.njk",
  tagIndex: "tag-index.njk",
  tags: "tags.njk",
  sourceIndex: "source-index.njk",
  sources: "sources.njk",
  rss: "rss.njk",
  atom: "atom.njk",
  jsonFeed: "jsonfeed.njk",
  tagFeeds: "tag-feeds.njk",
  tagAtom: "tag-atom.njk",
  tagJsonFeed: "tag-jsonfeed.njk",
  subscribe: "subscribe.njk",
  opml: "opml.njk",
};

export default function (eleventyConfig) {
  // `digest | digestModel` in templates; pagination `before` callbacks use getModel directly.
  // Both hit the same memoised model (keyed by the articles array Eleventy loaded).
  eleventyConfig.addFilter("digestModel", (digest) => getModel(digest, pageSet));
  eleventyConfig.addGlobalData("set", pageSet);

  for (const [output, file] of Object.entries(TEMPLATE_FOR_OUTPUT)) {
    if (!pageSet.outputs[output]) eleventyConfig.ignores.add(`src/${file}`);
  }

  if (pageSet.outputs.stylesheet) eleventyConfig.addPassthroughCopy("src/digest.css");

  eleventyConfig.setNunjucksEnvironmentOptions({ trimBlocks: true, lstripBlocks: true });

  return {
    dir: {
      input: "src",
      includes: "_includes",
      // The benchmark points this at a generated digest; stand-alone, drop one in src/_data/.
      data: process.env.BENCH_DATA_DIR || "_data",
    },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
