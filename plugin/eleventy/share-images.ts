/**
 * `shareImages: true`: the PNGs are drawn (or found in the cache) once Eleventy has mapped every
 * page and written none (`eleventy.contentMap`), so an image that cannot be drawn fails the build
 * before any file is written. They are copied into the output folder in `afterBuild`, only when
 * Eleventy wrote this build's stylesheet, as the direct pipeline writes its pages: nothing is
 * written under --dryrun, --to=json or --ignore-initial. A PNG is binary, which Eleventy's
 * templates (strings) cannot carry.
 */
import { readFile } from "node:fs/promises";
import type { ResolvedDigestOptions } from "../options.js";
import { cachedShareImages, shareCacheDir, type CachedShareImage, type ShareCacheStats } from "../images/cache.js";
import type { BuildTracker } from "./build.js";
import type { EleventyConfigLike, Log } from "./config.js";
import { eleventyWrote } from "./direct.js";
import { assertInsideBase } from "./output-path.js";
import { writeOutputFiles } from "./writer.js";

/** What the share images need of the plugin. */
export interface ShareImagesWiring {
  readonly options: ResolvedDigestOptions;
  readonly builds: BuildTracker;
  /** The stylesheet's virtual template path: Eleventy wrote it in this build exactly when it writes files. */
  readonly stylesheetTemplate: string;
  readonly log: Log;
}

/** Draws the share images before Eleventy writes, and copies them into the output after it has. */
export function addShareImages(
  eleventyConfig: EleventyConfigLike,
  { options, builds, stylesheetTemplate, log }: ShareImagesWiring,
): void {
  let ready: CachedShareImage[] | undefined;
  eleventyConfig.on("eleventy.before", () => {
    ready = undefined;
  });
  eleventyConfig.on("eleventy.contentMap", async () => {
    const state = builds.current();
    if (!state) return;
    const cards = [...state.shareCards.values()];
    for (const card of cards) assertInsideBase(card.path, options.basePath);
    const started = performance.now();
    const stats: ShareCacheStats = { rendered: 0, cached: 0 };
    ready = await cachedShareImages(cards, shareCacheDir(), stats);
    if (stats.rendered > 0)
      log(
        `Drew ${stats.rendered} share images (${stats.cached} from the cache) in ${((performance.now() - started) / 1000).toFixed(2)} seconds`,
      );
  });
  eleventyConfig.on("afterBuild", async (...args: unknown[]) => {
    const outputDir = builds.outputDir();
    if (!ready || outputDir === undefined || !eleventyWrote(args[0], stylesheetTemplate)) return;
    await writeOutputFiles(
      outputDir,
      ready.map(({ card, file }) => ({ path: card.path, render: () => readFile(file) })),
    );
  });
}
