/**
 * The Eleventy wiring: the only module that knows Eleventy. Validation and the model run once per
 * build, in the pagination of a page-less virtual template, while Eleventy maps its pages: a data
 * error stops the build before any file is written. Pages with a host layout (and, with
 * `pipeline: "eleventy"`, every page and feed) are virtual 11ty.js templates paginated (size 1)
 * over precomputed entries; the others are streamed to disk by writer.ts after Eleventy's build.
 */
import { buildDigestModel, type DigestArticle, type DigestModel } from "./model.js";
import { renderBreadcrumbs, renderDocument, stylesheetPath, THEME_CSS } from "./document.js";
import { resolveOptions, type DigestPageKind, type DigestPluginOptions, type FeedFormat, type ResolvedDigestOptions } from "./options.js";
import { FragmentCache, renderArchive, renderArticleCard, renderMonthPage, renderTagIndex, renderTagPage, renderYear, type PageView } from "./pages.js";
import { feedFiles } from "./feeds/plan.js";
import { feedLinksForPage } from "./feeds/discovery.js";
import { createSiteContext, type SiteContext } from "./site.js";
import { formatProblem, validateDigest } from "./validate.js";
import { outputPermalink, tagIndexPath } from "./urls.js";
import { summaryHtml } from "./summary.js";
import { escapeHtml } from "./text.js";
import { createDigestSiteData, renderLatestIssueBox } from "./host-data.js";
import { changedArticles, fingerprintDigest, type DigestFingerprint } from "./incremental.js";
import { assertInsideBase } from "./output-path.js";
import { writeOutputFiles, type OutputFile } from "./writer.js";

/** The part of Eleventy's `eleventyConfig` this plugin uses. */
export interface EleventyConfigLike {
  readonly pathPrefix?: string;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  on(eventName: string, callback: (...args: unknown[]) => unknown): void;
  addGlobalData?(name: string, data: unknown): void;
  addShortcode?(name: string, shortcode: (...args: never[]) => string): void;
  hasPlugin?(plugin: string): boolean;
}

/** One page (`PageView`) or feed (`string`) to write, as the pagination of a virtual template sees it. */
export interface DigestPageEntry<Rendered extends PageView | string = PageView | string> {
  readonly path: string;
  readonly render: () => Rendered;
  /** The articles the page shows, for watch-mode rebuilds; absent: always written again. */
  readonly shows?: readonly DigestArticle[];
}

interface BuildState {
  readonly model: DigestModel;
  readonly site: SiteContext;
  readonly fragments: FragmentCache;
  /** In a watch rebuild after a content-only change: the ids of the changed articles. */
  readonly changed: ReadonlySet<string> | "all";
}

function pageEntries(kind: DigestPageKind, { model, site, fragments }: BuildState): DigestPageEntry<PageView>[] {
  switch (kind) {
    case "archive":
      return [{ path: site.options.basePath, render: () => renderArchive(model, site, fragments) }];
    case "year":
      return model.years.map((year) => ({ path: year.path, render: () => renderYear(year, site, fragments), shows: year.issues.flatMap((issue) => issue.articles) }));
    case "month":
      return model.monthPages.map((page) => ({ path: page.path, render: () => renderMonthPage(page, site, fragments), shows: page.items }));
    case "tagIndex":
      return [{ path: tagIndexPath(site.options.basePath), render: () => renderTagIndex(model, site) }];
    case "tag":
      return model.tagPages.map((page) => ({ path: page.path, render: () => renderTagPage(page, site, fragments), shows: page.items }));
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

/** Adds the digest's pages and feeds to an Eleventy 3 build. */
export default function eleventyPluginDigest(eleventyConfig: EleventyConfigLike, userOptions?: DigestPluginOptions): void {
  if (typeof eleventyConfig?.addTemplate !== "function") {
    throw new Error("eleventy-plugin-digest needs Eleventy 3 or newer (it ships its pages as virtual templates); this Eleventy has no addTemplate. Upgrade with: npm install @11ty/eleventy@3");
  }
  const options: ResolvedDigestOptions = resolveOptions(userOptions);

  const added = addedDigests.get(eleventyConfig) ?? new Map<string, string>();
  addedDigests.set(eleventyConfig, added);
  const fingerprint = JSON.stringify({ ...options, renderItem: options.renderItem ? String(options.renderItem) : undefined });
  const previous = added.get(options.basePath);
  if (previous !== undefined) {
    if (previous !== fingerprint) {
      console.warn(`[eleventy-plugin-digest] warning: the digest at ${options.basePath} was added twice with different options; the first addPlugin wins. Give a second digest its own basePath.`);
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
  eleventyConfig.on("eleventy.beforeWatch", (...args: unknown[]) => {
    const changedFiles = Array.isArray(args[0]) ? (args[0] as unknown[]).map(String) : [];
    onlyDigestDataChanged = changedFiles.length > 0 && changedFiles.every((file) => isDigestDataFile(file, options.dataKey));
  });
  let outputDir: string | undefined;
  let writesFiles = true;
  eleventyConfig.on("eleventy.before", (...args: unknown[]) => {
    state = undefined;
    const build = args[0] as { runMode?: string; outputMode?: string; directories?: { output?: string } } | undefined;
    watching = build?.runMode === "watch" || build?.runMode === "serve";
    outputDir = build?.directories?.output;
    writesFiles = (build?.outputMode ?? "fs") === "fs";
  });
  const renderCard = customCard(options);
  const stateFor = (data: Record<string, unknown>): BuildState => {
    if (state) return state;
    const validated = validateDigest(data[options.dataKey], { dataKey: options.dataKey, timeZone: options.timeZone });
    for (const warning of validated.warnings) console.warn(`[eleventy-plugin-digest] warning: ${formatProblem(warning)}`);
    const model = buildDigestModel(validated, options);
    const site = createSiteContext(model, options, { hrefPrefix, absolutePrefix: pathPrefix });
    let changed: BuildState["changed"] = "all";
    if (watching) {
      const fingerprint = fingerprintDigest(validated);
      // A template, layout or config edit can change every page: only data edits are narrowed.
      changed = onlyDigestDataChanged ? changedArticles(lastFingerprint, fingerprint) : "all";
      lastFingerprint = fingerprint;
      onlyDigestDataChanged = false;
    }
    state = { model, site, fragments: new FragmentCache(renderCard), changed };
    return state;
  };

  const virtualDir = virtualDirFor(options.basePath);
  const addPaginated = <Rendered extends PageView | string>(
    name: string,
    entries: (state: BuildState) => DigestPageEntry<Rendered>[],
    render: (entry: DigestPageEntry<Rendered>, site: SiteContext) => string,
    extraData: Record<string, unknown>,
  ) => {
    eleventyConfig.addTemplate(`${virtualDir}/${name}.11ty.js`, {
      data: {
        digestPluginSeed: [0],
        pagination: {
          data: "digestPluginSeed",
          size: 1,
          alias: "digestEntry",
          before: (_items: unknown[], data: Record<string, unknown>) => {
            const current = stateFor(data);
            return needingWrite(insideBase(entries(current), options.basePath), current.changed);
          },
        },
        permalink: (data: { digestEntry: DigestPageEntry<Rendered> }) => outputPermalink(data.digestEntry.path),
        eleventyExcludeFromCollections: true,
        ...extraData,
      },
      render: (data: { digestEntry: DigestPageEntry<Rendered> }) => render(data.digestEntry, state!.site),
    });
  };

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
      addPaginated(
        kind,
        (s) => {
          views.clear();
          return pageEntries(kind, s);
        },
        (entry, site) => {
          const view = viewOf(entry);
          views.delete(entry);
          return `${stylesheet(site)}<div class="dg dg-embed">${renderBreadcrumbs(view, site)}${view.body}</div>`;
        },
        {
          layout,
          eleventyComputed: {
            title: (data: { digestEntry: DigestPageEntry<PageView> }) => forLayout(viewOf(data.digestEntry).title),
            description: (data: { digestEntry: DigestPageEntry<PageView> }) => forLayout(viewOf(data.digestEntry).description),
          },
        },
      );
    } else if (options.pipeline === "eleventy") {
      addPaginated(kind, (s) => pageEntries(kind, s), (entry, site) => renderDocument(entry.render(), site), {});
    } else {
      directPages.push(kind);
    }
  }
  // The default pages link the stylesheet; host layouts do unless `stylesheet: false`.
  const everyPageUsesHostLayout = PAGE_KINDS.every((kind) => options.layouts[kind] ?? options.layout);
  if (!everyPageUsesHostLayout || options.stylesheet) {
    eleventyConfig.addTemplate(`${virtualDir}/stylesheet.11ty.js`, {
      data: { permalink: outputPermalink(themeStylesheet), eleventyExcludeFromCollections: true },
      render: () => `${THEME_CSS}\n`,
    });
  }
  if (options.pipeline === "eleventy") {
    for (const kind of FEED_KINDS) addPaginated(`feed-${kind}`, (s) => feedEntries(kind, s), (entry) => entry.render(), {});
  }

  // The plugin's own writes: pages without a host layout, and feeds (pipeline "direct").
  // Validation runs while Eleventy maps its pages, in this page-less template's pagination, so bad
  // data still stops the build before anything is written.
  const directFiles = (current: BuildState): OutputFile[] => {
    const pages = directPages.flatMap((kind) =>
      pageEntries(kind, current).map((entry) => ({ ...entry, render: () => renderDocument(entry.render(), current.site) })),
    );
    const feeds = options.pipeline === "direct" ? FEED_KINDS.flatMap((kind) => feedEntries(kind, current)) : [];
    return needingWrite(insideBase([...pages, ...feeds], options.basePath), current.changed);
  };
  eleventyConfig.addTemplate(`${virtualDir}/data.11ty.js`, {
    data: {
      digestPluginSeed: [0],
      pagination: { data: "digestPluginSeed", size: 1, before: (_items: unknown[], data: Record<string, unknown>) => (stateFor(data), []) },
      permalink: false,
      eleventyExcludeFromCollections: true,
    },
    render: () => "",
  });
  // Eleventy has mapped every page and written none: a host page on a digest URL stops the build here.
  eleventyConfig.on("eleventy.contentMap", (...args: unknown[]) => {
    if (!state) return;
    const ours = new Set(directFiles({ ...state, changed: "all" }).map((file) => file.path));
    const inputPathToUrl = (args[0] as { inputPathToUrl?: Record<string, string[]> } | undefined)?.inputPathToUrl ?? {};
    const clashes = Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) => urls.filter((url) => ours.has(url)).map((url) => `${url} (${outputPermalink(url).slice(1)}) is written by both the digest and ${inputPath}`));
    if (clashes.length > 0) throw new Error(`eleventy-plugin-digest: URL clash; nothing was written:\n${clashes.map((clash) => `  - ${clash}`).join("\n")}`);
  });
  eleventyConfig.on("eleventy.after", async () => {
    if (!state || !writesFiles || outputDir === undefined) return;
    const started = performance.now();
    const count = await writeOutputFiles(outputDir, directFiles(state));
    if (count > 0) console.log(`[eleventy-plugin-digest] Wrote ${count} files in ${((performance.now() - started) / 1000).toFixed(2)} seconds`);
  });

  // For the host's own templates (Nunjucks, Liquid, 11ty.js): global data, a "latest issue" box and
  // feed autodiscovery links. Rendering starts after every template's pagination (and so the
  // model) is ready, so `state` is set whenever a host template renders. A second digest in the
  // same site opts out with `globalData: false`.
  if (options.globalData !== false) {
    eleventyConfig.addGlobalData?.(options.globalData, createDigestSiteData(() => state, options.basePath, options.title ?? "Digest"));
    eleventyConfig.addShortcode?.("digestLatestIssue", (top?: number) => renderLatestIssueBox(state, top));
    eleventyConfig.addShortcode?.("digestFeedLinks", function (this: { page?: { url?: unknown } } | undefined) {
      const url = this?.page?.url;
      return state ? feedLinksForPage(state.model, state.site, typeof url === "string" ? url : undefined) : "";
    });
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

/** `_data/digest.json`, `_data/digest/2025-04.json`, `_data/digest.yaml`… for data key `digest`. */
function isDigestDataFile(file: string, dataKey: string): boolean {
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? "";
  return name.startsWith(`${dataKey}.`) || parts.at(-2) === dataKey;
}
