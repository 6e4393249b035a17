/**
 * `search: true`: the Pagefind index, `{output}{base}pagefind/`, made with Pagefind's Node API in
 * Eleventy's `afterBuild` (before any `eleventy.after` listener, as the direct writer and the
 * share images write), and only when Eleventy wrote this build's stylesheet: nothing under
 * --dryrun, --to=json or --ignore-initial. Offline: Pagefind's binary ships in its npm package.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { ResolvedDigestOptions } from "../options.js";
import { searchRecords } from "../html/search.js";
import { pagefindPath, withPathPrefix } from "../model/urls.js";
import type { BuildTracker } from "./build.js";
import type { EleventyConfigLike, Log } from "./config.js";
import { eleventyWrote } from "./direct.js";
import { assertInsideBase } from "./output-path.js";
import { writeOutputFiles } from "./writer.js";

/** What the search index needs of the plugin. */
export interface SearchIndexWiring {
  readonly options: ResolvedDigestOptions;
  readonly builds: BuildTracker;
  /** Eleventy's pathPrefix: results link to it (the index is data, which no HtmlBasePlugin rewrites). */
  readonly pathPrefix: string;
  /** The stylesheet's virtual template path: Eleventy wrote it in this build exactly when it writes files. */
  readonly stylesheetTemplate: string;
  readonly log: Log;
}

/**
 * What a result's excerpt leaves out: the card's rank badge, avatar letter, type badge and age
 * ("#7", "B", "Article", "3w…") read as noise around the words. The source's name stays searchable.
 * The card's summary too: the record indexes it once, after the card, where a result's excerpt is
 * taken from (`excerptMark` in html/search-marks.ts).
 */
const NOT_INDEXED = [".dg-rank", ".dg-avatar", ".dg-type", ".dg-meta time", ".dg-item .dg-summary"];

/** Fails the build with Pagefind's own words, naming the plugin. */
function check(errors: readonly string[], step: string): void {
  if (errors.length > 0)
    throw new Error(
      `eleventy-plugin-digest: search: Pagefind could not ${step}:\n${errors.map((error) => `  - ${error}`).join("\n")}`,
    );
}

/**
 * Indexes every pick of the month pages (one Pagefind document each, see html/search.ts) and writes
 * the bundle, replacing the previous build's (its file names are content hashes, so a rebuild under
 * --serve would otherwise leave the old ones behind).
 */
export function addSearchIndex(
  eleventyConfig: EleventyConfigLike,
  { options, builds, pathPrefix, stylesheetTemplate, log }: SearchIndexWiring,
): void {
  const bundle = pagefindPath(options.basePath);
  assertInsideBase(bundle, options.basePath);
  eleventyConfig.on("afterBuild", async (...args: unknown[]) => {
    const state = builds.current();
    const outputDir = builds.outputDir();
    if (!state || outputDir === undefined || !eleventyWrote(args[0], stylesheetTemplate)) return;
    const started = performance.now();
    const records = searchRecords(state.model, state.site, (page) => withPathPrefix(pathPrefix, page));
    // Loaded only by a build that indexes: a site without search never loads Pagefind.
    const pagefind = await import("pagefind");
    const created = await pagefind.createIndex({ excludeSelectors: NOT_INDEXED });
    check(created.errors, "start");
    const index = created.index!;
    try {
      for (const record of records) check((await index.addHTMLFile(record)).errors, `index ${record.url}`);
      const outputPath = path.join(outputDir, bundle);
      // Pagefind's files are taken in memory and written by the plugin's writer: Pagefind's own
      // writing panics on a full disk and never answers (the build would end without a word).
      const made = await index.getFiles();
      check(made.errors, `make its files for ${outputPath}`);
      await rm(outputPath, { recursive: true, force: true });
      await writeOutputFiles(
        outputDir,
        made.files.map((file) => ({ path: `${bundle}${file.path}`, render: () => file.content })),
      );
    } finally {
      await index.deleteIndex();
    }
    log(`Indexed ${records.length} picks for search in ${((performance.now() - started) / 1000).toFixed(2)} seconds`);
  });
}
