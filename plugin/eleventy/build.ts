/**
 * One model per build: validation and the model run once, the first time a template of the build
 * asks for them (in a pagination's `before`, while Eleventy maps its pages, so bad data stops the
 * build before anything is written), and are dropped when the next build starts, with everything
 * the build's state holds (the site's summaries, rendered cards, feed items). In watch and serve mode, a rebuild after a content-only data edit is narrowed to the changed articles.
 */
import { buildDigestModel, type DigestArticle } from "../model/build.js";
import { publishDigest } from "../model/publishing.js";
import { applyTagAliases } from "../model/aliases.js";
import { heldSummary, nowFor } from "./now.js";
import { DigestOptionsError, type ResolvedDigestOptions } from "../options.js";
import { renderArticleCard } from "../html/pages.js";
import type { CardContext } from "../render/site.js";
import { createSiteContext, type LinkPrefixes, type SiteContext } from "../render/site.js";
import { summaryHtml } from "../render/summary.js";
import { escapeHtml, trustedHtml, type SafeHtml } from "../render/escape.js";
import { formatPath, formatProblem, validateDigest } from "../data/validate.js";
import { feedFiles } from "../feeds/plan.js";
import { buildShareCards } from "../images/pages.js";
import { largeDigestWarning } from "./memory-hint.js";
import type { EleventyConfigLike, Log } from "./config.js";
import type { BuildState } from "./entries.js";
import { checkDigestDataFiles } from "./data-syntax.js";
import { changedArticles, displayedDir, fingerprintDigest, isDigestDataFile, type DigestFingerprint } from "./watch.js";

/** The current build's state, made on first use. */
export interface BuildTracker {
  /** The state, once a template of this build has asked for it. */
  current(): BuildState | undefined;
  /** The state, made from the build's data on first use. */
  stateFor(data: Record<string, unknown>): BuildState;
  /** The build's output folder (from `eleventy.before`). */
  outputDir(): string | undefined;
}

/**
 * The `renderItem` option as a card renderer, or none. What the host's function returns is its
 * own markup, written as it is (the explicit safe marker): it escapes data with `escapeHtml`.
 */
export function customCard(
  options: ResolvedDigestOptions,
): ((article: DigestArticle, site: SiteContext, context: CardContext) => SafeHtml) | undefined {
  const renderItem = options.renderItem;
  if (!renderItem) return undefined;
  // `defaultHtml()` is the card of the page it is called for: with its rank badge in an issue, without it on tag and source pages.
  return (article, site, context) =>
    trustedHtml(
      renderItem(article, {
        defaultHtml: () => renderArticleCard(article, site, context).markup,
        summaryHtml: () => summaryHtml(article, site).markup,
        href: (path) => site.href(path),
        escapeHtml,
        locale: site.options.locale,
      }),
    );
}

/**
 * Follows Eleventy's builds: the state (model, site, fragments) is dropped at every `eleventy.before`
 * and made again on first use, with a watch rebuild narrowed to the changed articles.
 */
export function trackBuilds(
  eleventyConfig: EleventyConfigLike,
  options: ResolvedDigestOptions,
  prefixes: () => LinkPrefixes,
  log: Log,
): BuildTracker {
  let state: BuildState | undefined;
  let watching = false;
  let onlyDigestDataChanged = false;
  let lastFingerprint: DigestFingerprint | undefined;
  let dataDir = "";
  let outputDir: string | undefined;
  eleventyConfig.on("eleventy.beforeWatch", (...args: unknown[]) => {
    const changedFiles = Array.isArray(args[0]) ? (args[0] as unknown[]).map(String) : [];
    onlyDigestDataChanged =
      changedFiles.length > 0 && changedFiles.every((file) => isDigestDataFile(file, dataDir, options.dataKey));
  });
  eleventyConfig.on("eleventy.before", async (...args: unknown[]) => {
    state = undefined;
    const build = args[0] as { runMode?: string; directories?: { output?: string; data?: string } } | undefined;
    watching = build?.runMode === "watch" || build?.runMode === "serve";
    outputDir = build?.directories?.output;
    dataDir = displayedDir(build?.directories?.data ?? "");
    // Before Eleventy reads the data: what it would hang on, fail on or read without a word
    // (data-syntax.ts). JSON is not checked when the host parses `.json` its own way (JSON5).
    if (dataDir === "") return;
    try {
      const extensions = [...(eleventyConfig.dataExtensions?.keys() ?? [])];
      const warnings = await checkDigestDataFiles(dataDir, options.dataKey, {
        parsesJson: !extensions.includes("json"),
        extensions,
      });
      for (const warning of warnings) log(`warning: ${formatProblem(warning)}`, "warn");
    } catch (error) {
      throw Object.assign(error as Error, { skipOriginalStack: true });
    }
  });
  const renderCard = customCard(options);
  return {
    current: () => state,
    outputDir: () => outputDir,
    stateFor(data) {
      if (state) return state;
      const validated = validateDigest(data[options.dataKey], {
        dataKey: options.dataKey,
        timeZone: options.timeZone,
        dataDir,
      });
      for (const warning of validated.warnings) log(`warning: ${formatProblem(warning)}`, "warn");
      const tooLarge = largeDigestWarning(validated.articles.length, options.pipeline);
      if (tooLarge !== undefined) log(tooLarge, "warn");
      // Renamed tags before publishing: whether an alias's target exists is a fact of the data, not of the clock.
      const aliased = applyTagAliases(validated, options.tagAliases);
      if (aliased.problems.length > 0) {
        const problems = aliased.problems.map(({ entry, message }) => ({
          path: formatPath(["options", "tagAliases", entry]),
          message,
        }));
        throw Object.assign(new DigestOptionsError(problems), { skipOriginalStack: true });
      }
      const now = nowFor(options.now, process.env.DIGEST_NOW, options.timeZone, log);
      const published = publishDigest(aliased.digest, { timeZone: options.timeZone, now, showHeld: watching });
      if (published.held.size > 0) log(heldSummary([...published.held.values()], watching));
      const model = buildDigestModel({ ...published, renamed: aliased.digest.renamed }, options);
      const site = createSiteContext(model, options, prefixes(), { renderCard });
      let changed: BuildState["changed"] = "all";
      if (watching) {
        const fingerprint = fingerprintDigest(validated);
        // A template, layout or config edit can change every page: only data edits are narrowed.
        changed = onlyDigestDataChanged ? changedArticles(lastFingerprint, fingerprint) : "all";
        lastFingerprint = fingerprint;
        onlyDigestDataChanged = false;
      }
      state = {
        model,
        site,
        feeds: feedFiles(model, site),
        shareCards: options.shareImages ? buildShareCards(model, site) : new Map(),
        changed,
        heads: new Map(),
      };
      return state;
    },
  };
}
