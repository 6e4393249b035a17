/**
 * `pipeline: "direct"`: the pages without a host layout, renamed tags' redirects, the feeds and the emails, rendered by the plugin and
 * streamed to disk once Eleventy has written its own files, holding none in memory.
 */
import { FEED_FILE_KINDS } from "../feeds/plan.js";
import { type DigestPageKind, type ResolvedDigestOptions } from "../options.js";
import { renderDocument } from "../html/document.js";
import { FragmentCache, plannedCardUses } from "../html/pages.js";
import { TextSlabs } from "../html/slabs.js";
import type { PageView } from "../html/view.js";
import { createSiteContext } from "../html/site.js";
import type { BuildTracker } from "./build.js";
import { customCard } from "./build.js";
import type { EleventyConfigLike, Log } from "./config.js";
import { emailEntries, feedEntries, insideBase, needingWrite, pageEntries, redirectEntries, type BuildState, type DigestPageEntry } from "./entries.js";
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
  const writes = (kind: DigestPageKind) => pages.includes(kind);
  const fragments = new FragmentCache(customCard(options), plannedCardUses(current.model, { month: writes("month"), tag: writes("tag"), source: writes("source"), search: false }), new TextSlabs());
  const own: BuildState = { ...current, site: createSiteContext(current.model, options, { hrefPrefix: pathPrefix, absolutePrefix: pathPrefix }, current.site.memo), fragments };
  const rendered = inCardOrder(pages.map((kind) => ({ kind, entries: pageEntries(kind, own) })))
    .map((entry) => ({ path: entry.path, shows: entry.shows, render: () => renderDocument(entry.render(), own.site) }));
  const feeds = FEED_FILE_KINDS.flatMap((kind) => feedEntries(kind, current));
  return needingWrite(insideBase([...rendered, ...redirectEntries(own), ...feeds, ...emailEntries(current)], options.basePath), current.changed);
}

/** The page kinds that show cards, each article's card on its month page, its tag pages and its source page. */
const CARD_PAGES = new Set<DigestPageKind>(["month", "tag", "source"]);

/**
 * The pages in the order that keeps the fewest cards alive (the fragment cache drops a card after
 * its last planned use): the pages without cards first, then month pages newest first, each tag
 * and source page right after the month of its oldest pick. A card then lives from its month to
 * the oldest month of the list pages that show it (a page or so of each of its tags), not for the
 * whole build: at 100k articles, at most 689 cards are held at once instead of all 100,000.
 */
function inCardOrder(kinds: readonly { kind: DigestPageKind; entries: DigestPageEntry<PageView>[] }[]): DigestPageEntry<PageView>[] {
  const first: DigestPageEntry<PageView>[] = [];
  const keyed: { month: string; entry: DigestPageEntry<PageView> }[] = [];
  for (const { kind, entries } of kinds) {
    for (const entry of entries) {
      const months = CARD_PAGES.has(kind) ? (entry.shows ?? []).map((article) => article.month) : [];
      if (months.length === 0) first.push(entry);
      else keyed.push({ month: months.reduce((oldest, month) => (month < oldest ? month : oldest)), entry });
    }
  }
  // Stable: within a month, month pages (listed first) come before the list pages.
  keyed.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return [...first, ...keyed.map(({ entry }) => entry)];
}

/**
 * Whether Eleventy wrote the virtual template `template` in the build whose `afterBuild` argument
 * is `event`: how the plugin tells a build that writes files from --dryrun, --to=json or
 * --ignore-initial.
 */
export function eleventyWrote(event: unknown, template: string): boolean {
  const results = (event as { results?: readonly { inputPath?: string }[] } | undefined)?.results ?? [];
  return results.some((result) => typeof result?.inputPath === "string" && result.inputPath.replace(/\\/g, "/").endsWith(`/${template}`));
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
    if (count > 0) pipeline.log(`Wrote ${count} files in ${((performance.now() - started) / 1000).toFixed(2)} seconds (pipeline "direct")`);
  });
}
