// The one place that says which pages and feeds the benchmark variants write.
//
// The hand-written Eleventy site (bench/handwritten) and the raw renderer (bench/raw.js) both read
// this module, so they always produce the same set of files. The plugin variant is configured only
// through `pluginOptions` (it is a plain `addPlugin(digest, options)` site); the runner compares the
// plugin's file list with the others and reports any difference, so if the plugin's defaults change
// (or it grows an option to switch an output off), align the switches here.
//
// SPEC §3 page set, basePath "/", pageSize 10, feed.limit 50, plus what the plugin writes beyond it.

import slugify from "@sindresorhus/slugify";

export const pageSet = {
  siteUrl: "https://bench.example.com",
  title: "Bench",
  description: "Synthetic ranked monthly digest used by the benchmark",
  basePath: "/",
  pageSize: 10,
  feedLimit: 50,
  // How many top entries each issue shows on the archive and year pages.
  topEntries: 3,
  outputs: {
    archive: true, // {base}                          index.html
    years: true, // {base}YYYY/                       index.html
    months: true, // {base}YYYY/MM/ + page/N/         index.html
    tagIndex: true, // {base}tags/                    index.html
    tags: true, // {base}tags/SLUG/ + page/N/         index.html
    rss: true, // {base}feed.xml
    atom: true, // {base}atom.xml
    jsonFeed: true, // {base}feed.json
    tagFeeds: true, // {base}tags/SLUG/feed.xml
    // Beyond SPEC §3, written by the plugin as of its current dist/ (keep in step with it):
    tagAtom: true, // {base}tags/SLUG/atom.xml
    tagJsonFeed: true, // {base}tags/SLUG/feed.json
    stylesheet: true, // {base}digest.css                (counted as .css)
    subscribe: true, // {base}subscribe/              index.html: every site and tag feed with its URL, links the OPML
    opml: true, // {base}feeds.opml                    OPML 2.0: the site feeds, then a folder of the tag feeds (.opml)
    sourceIndex: true, // {base}sources/              index.html: every source with its count, by name
    sources: true, // {base}sources/SLUG/ + page/N/   index.html: a source's picks, newest issue first, then rank
    // No source feeds: the plugin's feed.perSource is false by default.
    // Not written by any variant: the plugin's {base}favicon.svg is switched off in pluginOptions
    // (`favicon: false`), see there. shareImages is off by default and stays off.
  },
};

// What bench/plugin-site passes to addPlugin (kept here so the runner can also hand it to
// validateDigest / buildDigestModel when it times the plugin's own work).
export const pluginOptions = {
  siteUrl: pageSet.siteUrl,
  title: pageSet.title,
  // The hand-written site writes no sitemap: the plugin's is switched off to compare the same files.
  sitemap: false,
  // The plugin writes {base}favicon.svg by default (and links it from every page). The baselines
  // have no icon, and one static SVG says nothing about build speed, so the plugin's is switched
  // off too (its pages then carry no <link rel="icon">). The subscribe page, feeds.opml and the
  // source pages have no off switch: the baselines write them (outputs.subscribe / outputs.opml /
  // outputs.sourceIndex / outputs.sources above).
  favicon: false,
  // Off by default; stated so a change of default shows up here rather than as extra files.
  shareImages: false,
  // Each issue's email.html and email.txt (on by default): the baselines write no email, so the
  // plugin's are switched off to compare the same files (as the sitemap).
  email: false,
  // The not-found page (written when the digest is the site): the baselines write none.
  notFoundPage: false,
  // The feeds in the other item mode beside the site feeds (issues/feed.xml …, on by default):
  // the baselines write only the site feeds' mode.
  feed: { companion: false },
};

// Tag display name -> URL slug. The same rule as Eleventy's built-in `slugify` filter
// (@sindresorhus/slugify, decamelize off). The generator's tag pool only uses names on which
// reasonable slug rules agree, so paths can be compared with the plugin's.
export function tagSlug(name) {
  return slugify(String(name), { decamelize: false });
}

// Source name -> identity: names that differ only in case or white space are one source (the
// plugin's `tagKey`, which it uses for sources too: plugin/model/slug.ts, plugin/model/sources.ts).
export function sourceKey(name) {
  return String(name).normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}

// Source display name -> URL slug, `{base}sources/SLUG/`. The plugin makes a source's slug with its
// tag slug rule (plugin/model/slug.ts, through plugin/data/rules/tag-urls.ts): NFKC, then
// @sindresorhus/slugify with decamelize off and "++", "+", "#", "@" spelled out. Its further cases
// (letters slugify cannot spell in ASCII, names over 120 bytes, Windows device names) do not occur
// in the generator's source names.
const SOURCE_SLUG_OPTIONS = {
  decamelize: false,
  customReplacements: [
    ["++", " plus plus "],
    ["+", " plus "],
    ["#", " sharp "],
    ["@", " at "],
  ],
};
export function sourceSlug(name) {
  return slugify(String(name).normalize("NFKC"), SOURCE_SLUG_OPTIONS);
}

// An article's source name: `source` is a string or `{ name, url?, handle? }`.
export const sourceNameOf = (source) => (typeof source === "string" ? source : source.name);

// The file extensions the runner counts one by one (everything else is "other").
export const FILE_KINDS = ["html", "xml", "json", "opml", "css", "svg"];

// Expected number of files per extension for a digest, given the page set. Used to check every
// variant's output. `digest` is the generated object ({ articles: [...] }).
export function expectedFiles(digest, set = pageSet) {
  const articles = Array.isArray(digest) ? digest : digest.articles;
  const o = set.outputs;
  const perMonth = new Map();
  const perTag = new Map();
  const perSource = new Map(); // sourceKey -> picks
  const years = new Set();
  for (const a of articles) {
    perMonth.set(a.month, (perMonth.get(a.month) || 0) + 1);
    years.add(a.month.slice(0, 4));
    const seen = new Set();
    for (const t of a.tags || []) {
      const s = tagSlug(t);
      if (seen.has(s)) continue;
      seen.add(s);
      perTag.set(s, (perTag.get(s) || 0) + 1);
    }
    const k = sourceKey(sourceNameOf(a.source));
    perSource.set(k, (perSource.get(k) || 0) + 1);
  }
  const pages = (n) => Math.max(1, Math.ceil(n / set.pageSize));
  let monthPages = 0;
  for (const n of perMonth.values()) monthPages += pages(n);
  let tagPages = 0;
  for (const n of perTag.values()) tagPages += pages(n);
  let sourcePages = 0;
  for (const n of perSource.values()) sourcePages += pages(n);
  const html =
    (o.archive ? 1 : 0) +
    (o.years ? years.size : 0) +
    (o.months ? monthPages : 0) +
    (o.tagIndex ? 1 : 0) +
    (o.tags ? tagPages : 0) +
    (o.sourceIndex ? 1 : 0) +
    (o.sources ? sourcePages : 0) +
    (o.subscribe ? 1 : 0);
  const xml = (o.rss ? 1 : 0) + (o.atom ? 1 : 0) + (o.tagFeeds ? perTag.size : 0) + (o.tagAtom ? perTag.size : 0);
  const json = (o.jsonFeed ? 1 : 0) + (o.tagJsonFeed ? perTag.size : 0);
  const opml = o.opml ? 1 : 0;
  const css = o.stylesheet ? 1 : 0;
  const svg = 0; // no favicon (pluginOptions.favicon is false)
  return {
    // One count per extension in FILE_KINDS; the runner counts any other extension as "other",
    // which must be 0.
    html,
    xml,
    json,
    opml,
    css,
    svg,
    total: html + xml + json + opml + css + svg,
    detail: {
      months: perMonth.size,
      monthPages,
      years: years.size,
      tags: perTag.size,
      tagPages,
      sources: perSource.size,
      sourcePages,
    },
  };
}
