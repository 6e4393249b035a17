/**
 * `pipeline: "direct"`: the pages without a host layout, renamed tags' redirects, the feeds and the emails, rendered by the plugin and
 * streamed to disk once Eleventy has written its own files, holding none in memory.
 */
import { FEED_FILE_KINDS } from "../feeds/plan.js";
import type { DigestPageKind, ResolvedDigestOptions } from "../options.js";
import { renderDocument } from "../html/document.js";
import { createSiteContext } from "../render/site.js";
import type { BuildTracker } from "./build.js";
import { customCard } from "./build.js";
import type { EleventyConfigLike, Log } from "./config.js";
import {
  emailEntries,
  feedEntries,
  insideBase,
  needingWrite,
  pageEntries,
  redirectEntries,
  type BuildState,
} from "./entries.js";
import { writeOutputFiles, type OutputFile } from "./writer.js";

/** What the direct writer needs: the options, the build tracker and which page kinds it writes. */
export interface DirectPipeline {
  readonly options: ResolvedDigestOptions;
  readonly builds: BuildTracker;
  /** The page kinds without a host layout. */
  readonly pages: readonly DigestPageKind[];
  /** Eleventy's pathPrefix. */
  readonly pathPrefix: string;
  /** The stylesheet's virtual template path: Eleventy wrote it in this build exactly when it writes files. */
  readonly stylesheetTemplate: string;
  readonly log: Log;
}

/**
 * The files the plugin writes itself. No host transform sees these pages, so their links carry
 * pathPrefix themselves even when the host's HtmlBasePlugin adds it to Eleventy's pages, and their
 * JSON-LD needs no mark for the bundle plugin.
 */
function directFiles(current: BuildState, { options, pages, pathPrefix }: DirectPipeline): OutputFile[] {
  const own: BuildState = {
    ...current,
    site: createSiteContext(
      current.model,
      options,
      { hrefPrefix: pathPrefix, absolutePrefix: pathPrefix },
      { renderCard: customCard(options), summaries: current.site.summaries },
    ),
  };
  const rendered = pages
    .flatMap((kind) => pageEntries(kind, own))
    .map((entry) => ({ path: entry.path, shows: entry.shows, render: () => renderDocument(entry.render(), own.site) }));
  const feeds = FEED_FILE_KINDS.flatMap((kind) => feedEntries(kind, current));
  return needingWrite(
    insideBase([...rendered, ...redirectEntries(own), ...feeds, ...emailEntries(current)], options.basePath),
    current.changed,
  );
}

/**
 * Whether Eleventy wrote the virtual template `template` in the build whose `afterBuild` argument
 * is `event`: how the plugin tells a build that writes files from --dryrun, --to=json or
 * --ignore-initial.
 */
export function eleventyWrote(event: unknown, template: string): boolean {
  const results = (event as { results?: readonly { inputPath?: string }[] } | undefined)?.results ?? [];
  return results.some(
    (result) => typeof result?.inputPath === "string" && result.inputPath.replace(/\\/g, "/").endsWith(`/${template}`),
  );
}

/**
 * `afterBuild` runs before every `eleventy.after` listener, in Eleventy 3 (where those run in
 * parallel) and 4 alike: a host's sitemap, Pagefind or link checker finds the files on disk. The
 * plugin writes only when Eleventy wrote its stylesheet in this build: not under --dryrun,
 * --to=json or --ignore-initial, nor in an incremental rebuild that skipped it.
 */
export function addDirectPipeline(eleventyConfig: EleventyConfigLike, pipeline: DirectPipeline): void {
  eleventyConfig.on("afterBuild", async (...args: unknown[]) => {
    const wroteStylesheet = eleventyWrote(args[0], pipeline.stylesheetTemplate);
    const state = pipeline.builds.current();
    const outputDir = pipeline.builds.outputDir();
    if (!state || !wroteStylesheet || outputDir === undefined) return;
    const started = performance.now();
    const count = await writeOutputFiles(outputDir, directFiles(state, pipeline));
    if (count > 0)
      pipeline.log(
        `Wrote ${count} files in ${((performance.now() - started) / 1000).toFixed(2)} seconds (pipeline "direct")`,
      );
  });
}
