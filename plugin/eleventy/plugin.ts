/**
 * The plugin: where Eleventy is wired. Every page, feed, the stylesheet, the favicon and the sitemap is a
 * virtual 11ty.js template paginated (size 1) over the current build's entries (entries.ts),
 * isolated from the host's data cascade (templates.ts); the model is made once per build
 * (build.ts). The emails are written by the plugin, out of host transforms' reach (emails.ts); two
 * transforms act on the digest's own pages: one set of head metadata in a host layout (head.ts),
 * and the thumbnails' `eleventy:ignore` removed where no image transform took it. With
 * `pipeline: "direct"`, pages without a host layout and the feeds are written by the plugin itself
 * instead (direct.ts). Host templates get data, shortcodes and a filter (host-data.ts).
 */
import { readFileSync } from "node:fs";
import { renderBreadcrumbs, renderDocument, renderHeadMetadata, stylesheetPath, THEME_CSS } from "../html/document.js";
import {
  resolveOptions,
  type DigestPageKind,
  type DigestPluginOptions,
  type ResolvedDigestOptions,
} from "../options.js";
import type { PageView } from "../html/view.js";
import type { SiteContext } from "../render/site.js";
import { decodePagePath, faviconPath, notFoundPath, outputPermalink } from "../model/urls.js";
import { renderNotFoundDocument } from "../html/not-found.js";
import { FEED_FILE_KINDS } from "../feeds/plan.js";
import { renderFaviconSvg } from "../html/favicon.js";
import { SEARCH_CSS, searchStylesheetPath } from "../html/search.js";
import { escapeHtml, html } from "../render/escape.js";
import { sitemapFiles, type SitemapUrl } from "../feeds/sitemap.js";
import { createLog, hostBundlesScripts, transformsAddPathPrefix, type EleventyConfigLike } from "./config.js";
import { trackBuilds, type BuildTracker } from "./build.js";
import {
  eleventyRendersPages,
  emailEntries,
  everyPage,
  feedEntries,
  insideBase,
  needingWrite,
  PAGE_KINDS,
  pageEntries,
  redirectEntries,
  type BuildState,
  type DigestPageEntry,
} from "./entries.js";
import {
  guardAgainstHostComputed,
  isolatedData,
  layoutEscapes,
  ownComputed,
  virtualDirFor,
  virtualTemplate,
} from "./templates.js";
import { addDirectPipeline } from "./direct.js";
import { FreeSpaceGuard } from "./writer.js";
import { addShareImages } from "./share-images.js";
import { addSearchIndex } from "./search-index.js";
import { assertOptionalPackages } from "./optional-packages.js";
import { addHostData } from "./host-data.js";
import { markHeadTags, withOneHead } from "./head.js";
import { addEmailWriter } from "./emails.js";

export type { EleventyConfigLike } from "./config.js";
export type { DigestPageEntry } from "./entries.js";

const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  "11ty": { compatibility: string };
};

/**
 * Digests already added to a config, by base path: adding the same one twice is a no-op. Kept at
 * module level on purpose: not a memo but a registry that must outlive builds; weak by config, with
 * one entry per digest added to it, so rebuilds do not grow it.
 */
const addedDigests = new WeakMap<object, Map<string, string>>();

/** A card's thumbnail as marked for host image transforms to leave (see `SiteContext.thumbnailAttributes`), as written or as an HTML transformer writes it back. */
const IGNORED_THUMBNAIL = /<img eleventy:ignore(?:="")? class="dg-thumb"/g;

/** A page of the host's `collections.all`, as the sitemap lists it. */
interface HostPage {
  readonly url: string;
  readonly inputPath: string;
  readonly date: Date;
}

/** `YYYY-MM-DD` of an instant, in UTC (a sitemap's `lastmod`). */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** How one paginated template is made: its layout, whether it joins collections.all, and more. */
interface PaginatedTemplate {
  layout?: string | false;
  listed?: boolean;
  /** More `eleventyComputed` keys (the title and description a host layout reads). */
  computed?: Record<string, unknown>;
  /** Paginate over `collections.all` instead (Eleventy then maps this template last), seeing its items first. */
  overCollectionsAll?: (items: readonly Partial<HostPage>[]) => void;
}

/**
 * A page kind in a host layout: the layout reads `title` and `description` (computed, escaped for
 * its language), and `digestHead` prints the page's head metadata (kept per path for this build).
 */
function hostLayoutPage(kind: DigestPageKind, layout: string, options: ResolvedDigestOptions, builds: BuildTracker) {
  // The view is made in the data step (for title and description) and kept until the render.
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
  const stylesheet = (site: SiteContext) =>
    options.stylesheet && html`<link rel="stylesheet" href="${site.href(stylesheetPath(options.basePath))}">`;
  const computedText = (field: "title" | "description") => (data: { digestEntry: DigestPageEntry<PageView> }) =>
    forLayout(viewOf(data.digestEntry)[field]);
  return {
    entries: (state: BuildState) => {
      views.clear();
      return pageEntries(kind, state);
    },
    render: (entry: DigestPageEntry<PageView>, site: SiteContext) => {
      const view = viewOf(entry);
      views.delete(entry);
      builds.current()!.heads.set(entry.path, markHeadTags(renderHeadMetadata(view, site).markup));
      return html`${stylesheet(site)}<div class="dg dg-embed">${renderBreadcrumbs(view, site)}${view.body}</div>`
        .markup;
    },
    computed: { title: computedText("title"), description: computedText("description") },
  };
}

/** Adds the digest's pages and feeds to an Eleventy 3 or 4 build. */
export default function eleventyPluginDigest(
  eleventyConfig: EleventyConfigLike,
  userOptions?: DigestPluginOptions,
): void {
  if (typeof eleventyConfig?.addTemplate !== "function") {
    throw new Error(
      "eleventy-plugin-digest needs Eleventy 3 or newer (it ships its pages as virtual templates); this Eleventy has no addTemplate. Upgrade with: npm install @11ty/eleventy@3",
    );
  }
  eleventyConfig.versionCheck?.(PACKAGE["11ty"].compatibility);
  const options: ResolvedDigestOptions = resolveOptions(userOptions);
  assertOptionalPackages(options);
  const log = createLog(eleventyConfig);

  const added = addedDigests.get(eleventyConfig) ?? new Map<string, string>();
  addedDigests.set(eleventyConfig, added);
  const fingerprint = JSON.stringify({
    ...options,
    renderItem: options.renderItem ? String(options.renderItem) : undefined,
  });
  const previous = added.get(options.basePath);
  if (previous !== undefined) {
    if (previous !== fingerprint)
      log(
        `warning: the digest at ${options.basePath} was added twice with different options; the first addPlugin wins. Give a second digest its own basePath.`,
        "warn",
      );
    return;
  }
  added.set(options.basePath, fingerprint);

  // Links carry Eleventy's pathPrefix, unless Eleventy's HTML transforms add it to every link of a
  // page (HtmlBasePlugin, whoever added it): decided per build, once every plugin has been added.
  const pathPrefix = eleventyConfig.pathPrefix ?? "/";
  const builds = trackBuilds(
    eleventyConfig,
    options,
    () => ({
      hrefPrefix: transformsAddPathPrefix(eleventyConfig, pathPrefix, options.basePath) ? "/" : pathPrefix,
      absolutePrefix: pathPrefix,
      hostBundlesScripts: hostBundlesScripts(eleventyConfig),
      ignoredByImageTransforms: !options.hostImageTransform,
    }),
    log,
  );

  // Eleventy writes the pages of the default pipeline: each is checked to fit on the disk first (writer.ts).
  const freeSpace = new FreeSpaceGuard();
  const virtualDir = virtualDirFor(options.basePath);
  const isOwnTemplate = (inputPath: string) => inputPath.replace(/\\/g, "/").includes(`/${virtualDir}/`);
  /** A template paginated (size 1) over the entries of the current build. */
  const addPaginated = <Rendered extends PageView | string>(
    name: string,
    entries: (state: BuildState) => DigestPageEntry<Rendered>[],
    render: (entry: DigestPageEntry<Rendered>, site: SiteContext) => string,
    { layout = false, listed = false, computed = {}, overCollectionsAll }: PaginatedTemplate = {},
  ) => {
    const permalink = (data: { digestEntry: DigestPageEntry<Rendered>; page?: { date?: Date } }) => {
      // Eleventy gives every page of a paginated template the template's date; ours differ per page.
      // Set the way Eleventy itself sets each page's `url`, on the page's own `page` object.
      if (data.digestEntry.date && data.page) data.page.date = data.digestEntry.date;
      return outputPermalink(data.digestEntry.path);
    };
    const own = ownComputed(layout, listed, permalink);
    const pagination = {
      data: overCollectionsAll ? "collections.all" : "digestPluginSeed",
      size: 1,
      alias: "digestEntry",
      addAllPagesToCollections: listed,
      before: (items: unknown[], data: Record<string, unknown>) => {
        const current = builds.stateFor(data);
        guardAgainstHostComputed(data, own);
        overCollectionsAll?.(items as Partial<HostPage>[]);
        return needingWrite(insideBase(entries(current), options.basePath), current.changed);
      },
    };
    const data = { digestPluginSeed: [0], pagination, ...isolatedData(layout, listed, permalink, computed) };
    eleventyConfig.addTemplate(
      `${virtualDir}/${name}.11ty.js`,
      virtualTemplate(data, (page: { digestEntry: DigestPageEntry<Rendered> }) => {
        const text = render(page.digestEntry, builds.current()!.site);
        const outputDir = builds.outputDir();
        if (outputDir !== undefined) freeSpace.check(outputDir, page.digestEntry.path, text);
        return text;
      }),
    );
  };

  // Validation runs while Eleventy maps its pages, in this page-less template's pagination, so bad
  // data stops the build before anything is written, whichever pipeline. Added first, so that it
  // is the template Eleventy names when the data is bad: the problems name the user's files.
  const validation = {
    digestPluginSeed: [0],
    pagination: {
      data: "digestPluginSeed",
      size: 1,
      before: (_items: unknown[], data: Record<string, unknown>) => {
        freeSpace.reset();
        builds.stateFor(data);
        return [];
      },
    },
  };
  eleventyConfig.addTemplate(
    `${virtualDir}/validate-${options.dataKey}-data.11ty.js`,
    virtualTemplate(
      { ...validation, ...isolatedData(false, false, false, ownComputed(false, false, false)) },
      () => "",
    ),
  );

  // After the layout (and every transform added before this one): one set of head metadata on each digest page in a host layout.
  if (PAGE_KINDS.some((kind) => options.layouts[kind] ?? options.layout)) {
    eleventyConfig.addTransform?.(
      `eleventy-plugin-digest-head${options.basePath === "/" ? "" : `:${options.basePath}`}`,
      function (content) {
        const state = builds.current();
        const url = this.page?.url;
        if (!state || typeof url !== "string" || typeof content !== "string") return content;
        const head = state.heads.get(url) ?? state.heads.get(decodePagePath(url));
        if (head === undefined) return content;
        // Added here, after Eleventy's HTML transforms: a root link (the favicon's) carries the pathPrefix they would have added.
        const transformsAddPrefix = pathPrefix !== "/" && state.site.href("/") === "/";
        return withOneHead(
          content,
          transformsAddPrefix ? head.replace(/ href="\/(?!\/)/g, ` href="${pathPrefix.replace(/\/?$/, "/")}`) : head,
        );
      },
    );
  }

  // Thumbnails marked for the host's image transform to leave (`hostImageTransform`): the mark off again where none took it.
  if (!options.hostImageTransform && options.thumbnails) {
    eleventyConfig.addTransform?.(
      `eleventy-plugin-digest-thumbnails${options.basePath === "/" ? "" : `:${options.basePath}`}`,
      function (content) {
        const inputPath = this.page?.inputPath;
        if (
          typeof content !== "string" ||
          typeof inputPath !== "string" ||
          !isOwnTemplate(inputPath) ||
          !content.includes("<img eleventy:ignore")
        )
          return content;
        return content.replace(IGNORED_THUMBNAIL, '<img class="dg-thumb"');
      },
    );
  }

  const directPages: DigestPageKind[] = [];
  for (const kind of PAGE_KINDS) {
    const layout = options.layouts[kind] ?? options.layout;
    if (layout) {
      const page = hostLayoutPage(kind, layout, options, builds);
      addPaginated(kind, page.entries, page.render, {
        layout,
        listed: options.collectionsAll,
        computed: page.computed,
      });
    } else if (eleventyRendersPages(kind, options)) {
      addPaginated(
        kind,
        (state) => pageEntries(kind, state),
        (entry, site) => renderDocument(entry.render(), site),
        { listed: options.collectionsAll },
      );
    } else {
      directPages.push(kind);
    }
  }
  // The default pages link the stylesheet; host layouts do unless `stylesheet: false`. The direct
  // pipeline, share images and search always have it: Eleventy writing it is how the plugin knows this build writes files.
  const themeStylesheet = stylesheetPath(options.basePath);
  const everyPageUsesHostLayout = PAGE_KINDS.every((kind) => options.layouts[kind] ?? options.layout);
  const stylesheetTemplate = `${virtualDir}/stylesheet.11ty.js`;
  if (
    !everyPageUsesHostLayout ||
    options.stylesheet ||
    options.pipeline === "direct" ||
    options.shareImages ||
    options.search
  ) {
    const permalink = outputPermalink(themeStylesheet);
    eleventyConfig.addTemplate(
      stylesheetTemplate,
      virtualTemplate(
        isolatedData(false, false, permalink, ownComputed(false, false, permalink)),
        () => `${THEME_CSS}\n`,
      ),
    );
  }
  // The plugin's own favicon, unless the `favicon` option names the user's or none: an Eleventy
  // template in either pipeline, like the stylesheet, made from the build's title.
  if (options.favicon === undefined) {
    addPaginated(
      "favicon",
      (state) => [{ path: faviconPath(options.basePath), render: () => renderFaviconSvg(state.site) }],
      (entry) => entry.render(),
    );
  }
  // The search page's stylesheet, beside it: an Eleventy template in either pipeline, like the theme's.
  if (options.search) {
    addPaginated(
      "search-stylesheet",
      () => [{ path: searchStylesheetPath(options.basePath), render: () => `${SEARCH_CSS}\n` }],
      (entry) => entry.render(),
    );
  }
  // The not-found page: a standalone document written by Eleventy in either pipeline, like the
  // favicon; in no collection and no sitemap (a 404 is not a page to list).
  if (options.notFoundPage) {
    addPaginated(
      "not-found",
      (state) => [
        { path: notFoundPath(options.basePath), render: () => renderNotFoundDocument(state.model, state.site) },
      ],
      (entry) => entry.render(),
    );
  }
  if (options.pipeline === "eleventy") {
    for (const kind of FEED_FILE_KINDS)
      addPaginated(
        `feed-${kind}`,
        (state) => feedEntries(kind, state),
        (entry) => entry.render(),
      );
    // Renamed tags' old pages: the plugin's own small documents, never in a host layout or collections.all.
    addPaginated("tag-redirect", redirectEntries, (entry) => entry.render());
    // The emails are files for the publisher's sender: written by the plugin, out of reach of host transforms (emails.ts).
    if (options.email) addEmailWriter(eleventyConfig, options, builds, isOwnTemplate);
  } else {
    addDirectPipeline(eleventyConfig, { options, builds, pages: directPages, pathPrefix, stylesheetTemplate, log });
  }
  if (options.shareImages) addShareImages(eleventyConfig, { options, builds, stylesheetTemplate, log });
  if (options.search) addSearchIndex(eleventyConfig, { options, builds, pathPrefix, stylesheetTemplate, log });

  if (options.sitemap) {
    // Paginated over collections.all, so Eleventy builds it after every other template has its
    // URL: host pages under the base path are listed too (the demo's about page, for one).
    let hostPages: readonly HostPage[] = [];
    const isHostPage = (item: Partial<HostPage>): item is HostPage =>
      typeof item.url === "string" &&
      /(\/|\.html)$/.test(item.url) &&
      !isOwnTemplate(String(item.inputPath)) &&
      item.date instanceof Date;
    const sitemaps = (current: BuildState) => {
      const urls: SitemapUrl[] = everyPage(current).map((entry) => ({
        loc: current.site.absolute(entry.path),
        ...(entry.date && { lastmod: isoDay(entry.date) }),
      }));
      const listed = new Set(urls.map((url) => url.loc));
      for (const page of hostPages) {
        const loc = current.site.absolute(page.url);
        if (page.url.startsWith(options.basePath) && !listed.has(loc)) {
          urls.push({ loc, lastmod: isoDay(page.date) });
          listed.add(loc);
        }
      }
      return sitemapFiles(options.basePath, urls, (path) => current.site.absolute(path));
    };
    addPaginated("sitemap", sitemaps, (entry) => entry.render(), {
      overCollectionsAll: (items) => (hostPages = items.filter(isHostPage)),
    });
  }

  // Eleventy has mapped every page and written none: a host page on a digest URL stops the build
  // here, naming both (before Eleventy's own duplicate-permalink check, which names virtual paths).
  eleventyConfig.on("eleventy.contentMap", (...args: unknown[]) => {
    const state = builds.current();
    if (!state) return;
    const current = { ...state, changed: "all" as const };
    const ours = new Set(
      [
        ...everyPage(current),
        ...redirectEntries(current),
        ...FEED_FILE_KINDS.flatMap((kind) => feedEntries(kind, current)),
        ...emailEntries(current),
      ].map((entry) => entry.path),
    );
    ours.add(themeStylesheet);
    if (options.favicon === undefined) ours.add(faviconPath(options.basePath));
    if (options.notFoundPage) ours.add(notFoundPath(options.basePath));
    const inputPathToUrl = (args[0] as { inputPathToUrl?: Record<string, string[]> } | undefined)?.inputPathToUrl ?? {};
    const clashes = Object.entries(inputPathToUrl)
      .filter(([inputPath]) => !isOwnTemplate(inputPath))
      .flatMap(([inputPath, urls]) =>
        urls
          .filter((url) => ours.has(url) || ours.has(decodePagePath(url)))
          .map(
            (url) =>
              `${url} (${outputPermalink(url).slice(1)}) is written by both the digest and ${inputPath}${url === notFoundPath(options.basePath) ? " (keep your own with the option notFoundPage: false)" : ""}`,
          ),
      );
    if (clashes.length > 0)
      throw Object.assign(
        new Error(
          `eleventy-plugin-digest: URL clash; nothing was written:\n${clashes.map((clash) => `  - ${clash}`).join("\n")}`,
        ),
        { skipOriginalStack: true },
      );
  });

  addHostData(eleventyConfig, options, builds.current);
}
