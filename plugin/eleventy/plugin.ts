/**
 * The Eleventy wiring: the only module that knows Eleventy. Validation and the model run once per
 * build, in the pagination of a page-less virtual template, while Eleventy maps its pages: a data
 * error stops the build before any file is written. Every page, feed and the stylesheet is a
 * virtual 11ty.js template paginated (size 1) over precomputed entries, isolated from the host's
 * data cascade (see `isolatedData`). With `pipeline: "direct"`, pages without a host layout and
 * the feeds are instead streamed to disk by writer.ts once Eleventy has written its own files.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildDigestModel, type DigestArticle, type DigestModel } from "../model/build.js";
import { renderBreadcrumbs, renderDocument, renderHeadMetadata, stylesheetPath, THEME_CSS } from "../html/document.js";
import { resolveOptions, type DigestPageKind, type DigestPluginOptions, type FeedFormat, type ResolvedDigestOptions } from "../options.js";
import { FragmentCache, renderArchive, renderArticleCard, renderMonthPage, renderTagIndex, renderTagPage, renderYear } from "../html/pages.js";
import type { PageView } from "../html/view.js";
import { feedFiles } from "../feeds/plan.js";
import { feedLinksForPage } from "../feeds/discovery.js";
import { createSiteContext, type SiteContext } from "../html/site.js";
import { formatProblem, validateDigest } from "../data/validate.js";
import { outputPermalink, tagIndexPath } from "../model/urls.js";
import { summaryHtml } from "../html/summary.js";
import { escapeHtml } from "../data/text.js";
import { createDigestSiteData, renderLatestIssueBox } from "./host-data.js";
import { changedArticles, fingerprintDigest, type DigestFingerprint } from "./watch.js";
import { assertInsideBase } from "./output-path.js";
import { writeOutputFiles, type OutputFile } from "./writer.js";
import { sitemapFiles, type SitemapUrl } from "../feeds/sitemap.js";

/** The part of Eleventy's `eleventyConfig` this plugin uses. */
export interface EleventyConfigLike {
  readonly pathPrefix?: string;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  on(eventName: string, callback: (...args: unknown[]) => unknown): void;
  addGlobalData?(name: string, data: unknown): void;
  addShortcode?(name: string, shortcode: (...args: never[]) => string): void;
  hasPlugin?(plugin: string): boolean;
  versionCheck?(range: string): void;
  readonly logger?: { logWithOptions(options: { message: string; type?: "log" | "warn" | "error" | "info"; prefix?: string }): void };
  /** Added by the bundle plugin (bundled with Eleventy 3): its bundles, each maybe plucking `<script>`s out of HTML. */
  getBundleManagers?(): Record<string, { getPluckedSelector?(): string | undefined }>;
}

/** One page (`PageView`) or feed (`string`) to write, as the pagination of a virtual template sees it. */
export interface DigestPageEntry<Rendered extends PageView | string = PageView | string> {
  readonly path: string;
  readonly render: () => Rendered;
  /** The articles the page shows, for watch-mode rebuilds; absent: always written again. */
  readonly shows?: readonly DigestArticle[];
  /** When its content last changed (the newest issue it shows): Eleventy's `page.date`, the sitemap's `lastmod`. */
  readonly date?: Date;
}

interface BuildState {
  readonly model: DigestModel;
  readonly site: SiteContext;
  readonly fragments: FragmentCache;
  /** In a watch rebuild after a content-only change: the ids of the changed articles. */
  readonly changed: ReadonlySet<string> | "all";
  /** `<head>` metadata of the pages rendered into a host layout, by path, for `digestHead`. */
  readonly heads: Map<string, string>;
}

const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { "11ty": { compatibility: string } };
const LOG_PREFIX = "[eleventy-plugin-digest]";

const newestDate = (issues: readonly { date: { toJSDate(): Date } }[]): Date | undefined => issues[0]?.date.toJSDate();

function pageEntries(kind: DigestPageKind, { model, site, fragments }: BuildState): DigestPageEntry<PageView>[] {
  const latest = newestDate(model.issues);
  const at = <T extends object>(entry: T): T => (latest ? { ...entry, date: latest } : entry);
  switch (kind) {
    case "archive":
      return [at({ path: site.options.basePath, render: () => renderArchive(model, site, fragments) })];
    case "year":
      return model.years.map((year) => ({ path: year.path, render: () => renderYear(year, site, fragments), shows: year.issues.flatMap((issue) => issue.articles), date: year.issues[0]!.date.toJSDate() }));
    case "month":
      return model.monthPages.map((page) => ({ path: page.path, render: () => renderMonthPage(page, site, fragments), shows: page.items, date: page.issue.date.toJSDate() }));
    case "tagIndex":
      return [at({ path: tagIndexPath(site.options.basePath), render: () => renderTagIndex(model, site) })];
    case "tag":
      return model.tagPages.map((page) => ({ path: page.path, render: () => renderTagPage(page, site, fragments), shows: page.items, date: page.items[0]!.issueDate.toJSDate() }));
  }
}

/** In a content-only watch rebuild, only the pages that show a changed article. */
function needingWrite<T extends Pick<DigestPageEntry, "shows">>(entries: T[], changed: BuildState["changed"]): T[] {
  if (changed === "all") return entries;
  return entries.filter((entry) => !entry.shows || entry.shows.some((article) => changed.has(article.id)));
}

/** The site and tag feeds of one format (see feeds/plan.ts). */
function feedEntries(kind: FeedFormat, { model, site }: BuildState): DigestPageEntry<string>[] {
  return feedFiles(model, site)
    .filter((file) => file.format === kind)
    .map((file) => ({ path: file.path, render: () => file.render(), ...(file.shows && { shows: file.shows }) }));
}

const PAGE_KINDS: readonly DigestPageKind[] = ["archive", "year", "month", "tagIndex", "tag"];
const FEED_KINDS: readonly FeedFormat[] = ["rss", "atom", "json"];

/** Digests already added to a config, by base path: adding the same one twice is a no-op. */
const addedDigests = new WeakMap<object, Map<string, string>>();

/** Where a digest's virtual templates live: one folder per base path, so two digests can coexist. */
function virtualDirFor(basePath: string): string {
  const suffix = basePath.replace(/^\/|\/$/g, "").replace(/[^A-Za-z0-9_-]+/g, "-");
  return suffix === "" ? "eleventy-plugin-digest" : `eleventy-plugin-digest--${suffix}`;
}

function customCard(options: ResolvedDigestOptions): ((article: DigestArticle, site: SiteContext) => string) | undefined {
  const renderItem = options.renderItem;
  if (!renderItem) return undefined;
  return (article, site) =>
    renderItem(article, {
      defaultHtml: () => renderArticleCard(article, site),
      summaryHtml: () => summaryHtml(article),
      href: (path) => site.href(path),
      escapeHtml,
      locale: site.options.locale,
    });
}

/** Whether the host's bundle plugin collects inline `<script>` elements out of HTML pages. */
function hostBundlesScripts(eleventyConfig: EleventyConfigLike): boolean {
  const managers = eleventyConfig.getBundleManagers?.() ?? {};
  return Object.values(managers).some((manager) => /(^|[\s,])script($|[\s,.[:#])/.test(manager.getPluckedSelector?.() ?? ""));
}

/**
 * A virtual 11ty.js template as a class: its `data()` is read like front matter (so `override:`
 * keys work, which they do not in `addTemplate`'s data argument), and `--to=json` has no object
 * to serialise as its raw input.
 */
function virtualTemplate<Data>(data: Record<string, unknown>, render: (data: Data) => string): new () => { data(): Record<string, unknown>; render(data: Data): string } {
  return class {
    data(): Record<string, unknown> {
      return { ...data };
    }
    render(pageData: Data): string {
      return render(pageData);
    }
  };
}

/** A data schema that accepts the digest's own templates, over whatever schema the host's data cascade has. */
const acceptDigestData = (): void => {};

/**
 * What every digest template says about itself, so that nothing in the host's data cascade
 * (global data, directory data files, `eleventyComputed`) changes what it writes: its own layout
 * (or none), no tags (`override:` stops Eleventy merging the host's into them), its own
 * collection membership and permalink, and a data schema of its own.
 */
function isolatedData(layout: string | false, listed: boolean, permalink: Permalink, computed: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    layout,
    "override:tags": [],
    eleventyExcludeFromCollections: !listed,
    eleventyDataSchema: acceptDigestData,
    permalink,
    ...(Object.keys(computed).length > 0 && { eleventyComputed: computed }),
  };
}

type Permalink = ((data: never) => string | false) | string | false;

/**
 * A host's `eleventyComputed` runs after every other data, so a host key such as `layout` or
 * `permalink` would beat the template's own: the template's computed values of the same keys win.
 */
function ownComputed(layout: string | false, listed: boolean, permalink: Permalink): Record<string, unknown> {
  return { layout: () => layout, eleventyExcludeFromCollections: () => !listed, permalink };
}

/**
 * For a paginated template, whose computed data Eleventy works out page by page (a cost per page):
 * `ownComputed` only for the keys that the host's cascade computes, set on the template's data
 * in its pagination's `before`, which Eleventy copies into every page's data after it.
 */
function guardAgainstHostComputed(data: Record<string, unknown>, own: Record<string, unknown>): void {
  const computed = data.eleventyComputed;
  if (!computed || typeof computed !== "object") return;
  const clashing = Object.keys(own).filter((key) => key in computed && (computed as Record<string, unknown>)[key] !== own[key]);
  if (clashing.length > 0) data.eleventyComputed = { ...computed, ...Object.fromEntries(clashing.map((key) => [key, own[key]])) };
}

/** Adds the digest's pages and feeds to an Eleventy 3 or 4 build. */
export default function eleventyPluginDigest(eleventyConfig: EleventyConfigLike, userOptions?: DigestPluginOptions): void {
  if (typeof eleventyConfig?.addTemplate !== "function") {
    throw new Error("eleventy-plugin-digest needs Eleventy 3 or newer (it ships its pages as virtual templates); this Eleventy has no addTemplate. Upgrade with: npm install @11ty/eleventy@3");
  }
  eleventyConfig.versionCheck?.(PACKAGE["11ty"].compatibility);
  const options: ResolvedDigestOptions = resolveOptions(userOptions);
  const log = (message: string, type: "log" | "warn" = "log") => {
    if (eleventyConfig.logger) eleventyConfig.logger.logWithOptions({ message, type, prefix: LOG_PREFIX });
    else console[type](`${LOG_PREFIX} ${message}`);
  };

  const added = addedDigests.get(eleventyConfig) ?? new Map<string, string>();
  addedDigests.set(eleventyConfig, added);
  const fingerprint = JSON.stringify({ ...options, renderItem: options.renderItem ? String(options.renderItem) : undefined });
  const previous = added.get(options.basePath);
  if (previous !== undefined) {
    if (previous !== fingerprint) {
      log(`warning: the digest at ${options.basePath} was added twice with different options; the first addPlugin wins. Give a second digest its own basePath.`, "warn");
    }
    return;
  }
  added.set(options.basePath, fingerprint);

  // Links carry Eleventy's pathPrefix, unless the host's HtmlBasePlugin adds it to every link itself.
  const htmlBaseAddsPrefix = eleventyConfig.hasPlugin?.("@11ty/eleventy/html-base-plugin") === true || eleventyConfig.hasPlugin?.("eleventyHtmlBasePlugin") === true;
  const pathPrefix = eleventyConfig.pathPrefix ?? "/";
  const hrefPrefix = htmlBaseAddsPrefix ? "/" : pathPrefix;

  // One model per build: reset when a build (or a watch rebuild) starts. In watch and serve mode,
  // a rebuild after a content-only data change writes only the pages showing changed articles.
  let state: BuildState | undefined;
  let watching = false;
  let onlyDigestDataChanged = false;
  let lastFingerprint: DigestFingerprint | undefined;
  let dataDir = "";
  eleventyConfig.on("eleventy.beforeWatch", (...args: unknown[]) => {
    const changedFiles = Array.isArray(args[0]) ? (args[0] as unknown[]).map(String) : [];
    onlyDigestDataChanged = changedFiles.length > 0 && changedFiles.every((file) => isDigestDataFile(file, dataDir, options.dataKey));
  });
  let outputDir: string | undefined;
  eleventyConfig.on("eleventy.before", (...args: unknown[]) => {
    state = undefined;
    const build = args[0] as { runMode?: string; directories?: { output?: string; data?: string } } | undefined;
    watching = build?.runMode === "watch" || build?.runMode === "serve";
    outputDir = build?.directories?.output;
    dataDir = displayedDir(build?.directories?.data ?? "");
  });
  const renderCard = customCard(options);
  const stateFor = (data: Record<string, unknown>): BuildState => {
    if (state) return state;
    const validated = validateDigest(data[options.dataKey], { dataKey: options.dataKey, timeZone: options.timeZone, dataDir });
    for (const warning of validated.warnings) log(`warning: ${formatProblem(warning)}`, "warn");
    const model = buildDigestModel(validated, options);
    const site = createSiteContext(model, options, { hrefPrefix, absolutePrefix: pathPrefix, hostBundlesScripts: hostBundlesScripts(eleventyConfig) });
    let changed: BuildState["changed"] = "all";
    if (watching) {
      const fingerprint = fingerprintDigest(validated);
      // A template, layout or config edit can change every page: only data edits are narrowed.
      changed = onlyDigestDataChanged ? changedArticles(lastFingerprint, fingerprint) : "all";
      lastFingerprint = fingerprint;
      onlyDigestDataChanged = false;
    }
    state = { model, site, fragments: new FragmentCache(renderCard), changed, heads: new Map() };
    return state;
  };

  const virtualDir = virtualDirFor(options.basePath);
  const isOwnTemplate = (inputPath: string) => inputPath.replace(/\\/g, "/").includes(`/${virtualDir}/`);
  /** A template paginated (size 1) over the entries of the current build. */
  const addPaginated = <Rendered extends PageView | string>(
    name: string,
    entries: (state: BuildState) => DigestPageEntry<Rendered>[],
    render: (entry: DigestPageEntry<Rendered>, site: SiteContext) => string,
    {
      layout = false,
      listed = false,
      computed = {},
      overCollectionsAll,
    }: {
      layout?: string | false;
      listed?: boolean;
      /** More `eleventyComputed` keys (the title and description a host layout reads). */
      computed?: Record<string, unknown>;
      /** Paginate over `collections.all` instead (Eleventy then maps this template last), seeing its items first. */
      overCollectionsAll?: (items: readonly Partial<HostPage>[]) => void;
    } = {},
  ) => {
    const permalink = (data: { digestEntry: DigestPageEntry<Rendered>; page?: { date?: Date } }) => {
      // Eleventy gives every page of a paginated template the template's date; ours differ per page.
      // Set the way Eleventy itself sets each page's `url`, on the page's own `page` object.
      if (data.digestEntry.date && data.page) data.page.date = data.digestEntry.date;
      return outputPermalink(data.digestEntry.path);
    };
    const own = ownComputed(layout, listed, permalink);
    eleventyConfig.addTemplate(`${virtualDir}/${name}.11ty.js`, virtualTemplate({
      digestPluginSeed: [0],
      pagination: {
        data: overCollectionsAll ? "collections.all" : "digestPluginSeed",
        size: 1,
        alias: "digestEntry",
        addAllPagesToCollections: listed,
        before: (items: unknown[], data: Record<string, unknown>) => {
          const current = stateFor(data);
          guardAgainstHostComputed(data, own);
          overCollectionsAll?.(items as Partial<HostPage>[]);
          return needingWrite(insideBase(entries(current), options.basePath), current.changed);
        },
      },
      ...isolatedData(layout, listed, permalink, computed),
    }, (data: { digestEntry: DigestPageEntry<Rendered> }) => render(data.digestEntry, state!.site)));
  };

  // Validation runs while Eleventy maps its pages, in this page-less template's pagination, so bad
  // data stops the build before anything is written, whichever pipeline. Added first, so that it
  // is the template Eleventy names when the data is bad: the problems name the user's files.
  eleventyConfig.addTemplate(
    `${virtualDir}/validate-${options.dataKey}-data.11ty.js`,
    virtualTemplate({ digestPluginSeed: [0], pagination: { data: "digestPluginSeed", size: 1, before: (_items: unknown[], data: Record<string, unknown>) => (stateFor(data), []) }, ...isolatedData(false, false, false, ownComputed(false, false, false)) }, () => ""),
  );
  const themeStylesheet = stylesheetPath(options.basePath);
  const directPages: DigestPageKind[] = [];
  for (const kind of PAGE_KINDS) {
    const layout = options.layouts[kind] ?? options.layout;
    if (layout) {
      // Host layouts read `title` and `description`; the view is kept from the data step to the render.
      const views = new Map<DigestPageEntry<PageView>, PageView>();
      const viewOf = (entry: DigestPageEntry<PageView>): PageView => {
        let view = views.get(entry);
        if (!view) {
          view = entry.render();
          views.set(entry, view);
        }
        return view;
      };
      // Titles come from untrusted data (tag names, issue titles). Eleventy's Nunjucks escapes
      // `{{ title }}`; its Liquid and 11ty.js print it as is, so those layouts get it escaped.
      const forLayout = layoutEscapes(layout) ? (text: string) => text : escapeHtml;
      const stylesheet = options.stylesheet ? (site: SiteContext) => `<link rel="stylesheet" href="${escapeHtml(site.href(themeStylesheet))}">` : () => "";
      const computedText = (field: "title" | "description") => (data: { digestEntry: DigestPageEntry<PageView> }) => forLayout(viewOf(data.digestEntry)[field]);
      addPaginated(
        kind,
        (s) => {
          views.clear();
          return pageEntries(kind, s);
        },
        (entry, site) => {
          const view = viewOf(entry);
          views.delete(entry);
          state!.heads.set(entry.path, renderHeadMetadata(view, site));
          return `${stylesheet(site)}<div class="dg dg-embed">${renderBreadcrumbs(view, site)}${view.body}</div>`;
        },
        { layout, listed: options.collectionsAll, computed: { title: computedText("title"), description: computedText("description") } },
      );
    } else if (options.pipeline === "eleventy") {
      addPaginated(kind, (s) => pageEntries(kind, s), (entry, site) => renderDocument(entry.render(), site), { listed: options.collectionsAll });
    } else {
      directPages.push(kind);
    }
  }
  // The default pages link the stylesheet; host layouts do unless `stylesheet: false`. The direct
  // pipeline always has it: Eleventy writing it is how the plugin knows this build writes files.
  const everyPageUsesHostLayout = PAGE_KINDS.every((kind) => options.layouts[kind] ?? options.layout);
  const stylesheetTemplate = `${virtualDir}/stylesheet.11ty.js`;
  if (!everyPageUsesHostLayout || options.stylesheet || options.pipeline === "direct") {
    eleventyConfig.addTemplate(stylesheetTemplate, virtualTemplate(isolatedData(false, false, outputPermalink(themeStylesheet), ownComputed(false, false, outputPermalink(themeStylesheet))), () => `${THEME_CSS}\n`));
  }
  if (options.pipeline === "eleventy") {
    for (const kind of FEED_KINDS) addPaginated(`feed-${kind}`, (s) => feedEntries(kind, s), (entry) => entry.render());
  }

  // Every digest page, whoever writes it: for the sitemap and the URL clash check.
  const everyPage = (current: BuildState) => PAGE_KINDS.flatMap((kind) => pageEntries(kind, current));
  if (options.sitemap) {
    // Paginated over collections.all, so Eleventy builds it after every other template has its
    // URL: host pages under the base path are listed too (the demo's about page, for one).
    let hostPages: readonly HostPage[] = [];
    addPaginated(
      "sitemap",
      (current) => {
        const urls: SitemapUrl[] = everyPage(current).map((entry) => ({ loc: current.site.absolute(entry.path), ...(entry.date && { lastmod: isoDay(entry.date) }) }));
        const listed = new Set(urls.map((url) => url.loc));
        for (const page of hostPages) {
          const loc = current.site.absolute(page.url);
          if (page.url.startsWith(options.basePath) && !listed.has(loc)) {
            urls.push({ loc, lastmod: isoDay(page.date) });
            listed.add(loc);
          }
        }
        return sitemapFiles(options.basePath, urls, (path) => current.site.absolute(path));
      },
      (entry) => entry.render(),
      {
        overCollectionsAll: (items) => {
          hostPages = items.filter((item): item is HostPage => typeof item.url === "string" && /(\/|\.html)$/.test(item.url) && !isOwnTemplate(String(item.inputPath)) && item.date instanceof Date);
        },
      },
    );
  }

  // The plugin's own writes (pipeline "direct"): pages without a host layout, and feeds. No host
  // transform sees these pages, so their links carry pathPrefix themselves even when the host's
  // HtmlBasePlugin adds it to Eleventy's pages, and their JSON-LD needs no mark for the bundle plugin.
  const directFiles = (current: BuildState): OutputFile[] => {
    const own: BuildState = { ...current, site: createSiteContext(current.model, options, { hrefPrefix: pathPrefix, absolutePrefix: pathPrefix }), fragments: new FragmentCache(renderCard) };
    const pages = directPages.flatMap((kind) =>
      pageEntries(kind, own).map((entry) => ({ ...entry, render: () => renderDocument(entry.render(), own.site) })),
    );
    const feeds = options.pipeline === "direct" ? FEED_KINDS.flatMap((kind) => feedEntries(kind, current)) : [];
    return needingWrite(insideBase([...pages, ...feeds], options.basePath), current.changed);
  };
  // Eleventy has mapped every page and written none: a host page on a digest URL stops the build
  // here, naming both (before Eleventy's own duplicate-permalink check, which names virtual paths).
  eleventyConfig.on("eleventy.contentMap", (...args: unknown[]) => {
    if (!state) return;
    const current = { ...state, changed: "all" as const };
    const ours = new Set([...everyPage(current), ...FEED_KINDS.flatMap((kind) => feedEntries(kind, current))].map((entry) => entry.path));
    ours.add(themeStylesheet);
    const inputPathToUrl = (args[0] as { inputPathToUrl?: Record<string, string[]> } | undefined)?.inputPathToUrl ?? {};
    const clashes = Object.entries(inputPathToUrl)
      .filter(([inputPath]) => !isOwnTemplate(inputPath))
      .flatMap(([inputPath, urls]) => urls.filter((url) => ours.has(url) || ours.has(safeDecode(url))).map((url) => `${url} (${outputPermalink(url).slice(1)}) is written by both the digest and ${inputPath}`));
    if (clashes.length > 0) throw Object.assign(new Error(`eleventy-plugin-digest: URL clash; nothing was written:\n${clashes.map((clash) => `  - ${clash}`).join("\n")}`), { skipOriginalStack: true });
  });
  if (options.pipeline === "direct") {
    // `afterBuild` runs before every `eleventy.after` listener, in Eleventy 3 (where those run in
    // parallel) and 4 alike: a host's sitemap, Pagefind or link checker finds the files on disk.
    // Eleventy wrote the stylesheet in this build exactly when it writes files at all: not under
    // --dryrun, --to=json or --ignore-initial, nor in an incremental rebuild that skipped it.
    eleventyConfig.on("afterBuild", async (...args: unknown[]) => {
      const results = (args[0] as { results?: readonly { inputPath?: string }[] } | undefined)?.results ?? [];
      const wroteStylesheet = results.some((result) => typeof result?.inputPath === "string" && result.inputPath.replace(/\\/g, "/").endsWith(`/${stylesheetTemplate}`));
      if (!state || !wroteStylesheet || outputDir === undefined) return;
      const started = performance.now();
      const count = await writeOutputFiles(outputDir, directFiles(state));
      if (count > 0) log(`Wrote ${count} files in ${((performance.now() - started) / 1000).toFixed(2)} seconds (pipeline "direct")`);
    });
  }

  // For the host's own templates (Nunjucks, Liquid, 11ty.js): global data, a "latest issue" box,
  // feed autodiscovery links and a digest page's head. Rendering starts after every template's
  // pagination (and so the model) is ready, so `state` is set whenever a host template renders.
  // A second digest in the same site opts out with `globalData: false`.
  if (options.globalData !== false) {
    eleventyConfig.addGlobalData?.(options.globalData, createDigestSiteData(() => state, options.basePath, options.title ?? "Digest"));
    eleventyConfig.addShortcode?.("digestLatestIssue", (top?: number) => renderLatestIssueBox(state, top));
    eleventyConfig.addShortcode?.("digestFeedLinks", function (this: { page?: { url?: unknown } } | undefined) {
      const url = this?.page?.url;
      return state ? feedLinksForPage(state.model, state.site, typeof url === "string" ? url : undefined) : "";
    });
    // A digest page's canonical link, Open Graph, JSON-LD and feed links; nothing on other pages.
    eleventyConfig.addShortcode?.("digestHead", function (this: { page?: { url?: unknown } } | undefined) {
      const url = this?.page?.url;
      if (!state || typeof url !== "string") return "";
      return state.heads.get(url) ?? state.heads.get(safeDecode(url)) ?? "";
    });
  }
}

interface HostPage {
  readonly url: string;
  readonly inputPath: string;
  readonly date: Date;
}

/** A folder as the user knows it: `_data/` (relative to the working directory when inside it). */
function displayedDir(dir: string): string {
  const relative = path.isAbsolute(dir) ? path.relative(process.cwd(), dir) : dir;
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
  return shown.replace(/\\/g, "/").replace(/^\.\//, "").replace(/([^/])$/, "$1/");
}

/** `YYYY-MM-DD` of an instant, in UTC (a sitemap's `lastmod`). */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Eleventy may give a page's URL percent-encoded; the model's paths are not. */
function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Every entry's path checked before Eleventy maps it to a file: a path outside the base stops the build. */
function insideBase<T extends Pick<DigestPageEntry, "path">>(entries: T[], basePath: string): T[] {
  for (const entry of entries) assertInsideBase(entry.path, basePath);
  return entries;
}

/** Whether a layout's template language escapes `{{ title }}` by itself: Nunjucks does in Eleventy. */
function layoutEscapes(layout: string): boolean {
  return /\.njk$/i.test(layout);
}

/**
 * `_data/digest.json`, `_data/digest.yaml`, `_data/digest/2025-04.json`… for data key `digest`:
 * files in the data folder only, so `_includes/digest.njk` is a template edit (every page again).
 */
export function isDigestDataFile(file: string, dataDir: string, dataKey: string): boolean {
  const relative = file.replace(/\\/g, "/").replace(/^\.\//, "");
  const dir = dataDir.replace(/\\/g, "/").replace(/^\.\//, "");
  if (dir === "" || !relative.startsWith(dir)) return false;
  const parts = relative.slice(dir.length).split("/").filter(Boolean);
  if (parts.length === 1) return parts[0]!.startsWith(`${dataKey}.`);
  return parts.length === 2 && parts[0] === dataKey;
}
