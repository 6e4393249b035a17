/**
 * The Eleventy wiring: the only module that knows Eleventy. It adds one virtual 11ty.js template
 * per page kind and one per feed. Each is paginated (size 1) over precomputed page entries, so
 * validation and the model run once per build, while Eleventy builds its page map — before any
 * file is written — and a data error stops the build with nothing written.
 */
import { buildDigestModel, type DigestModel } from "./model.js";
import { renderDocument } from "./document.js";
import { resolveOptions, type DigestPluginOptions, type ResolvedDigestOptions } from "./options.js";
import { FragmentCache, renderArchive, renderMonthPage, renderTagIndex, renderTagPage, renderYear, type PageView } from "./pages.js";
import { renderRssFeed } from "./feeds/rss.js";
import { createSiteContext, type SiteContext } from "./site.js";
import { formatProblem, validateDigest } from "./validate.js";
import { outputPermalink, rssPath } from "./urls.js";
import { assertInsideBase } from "./output-path.js";

/** The part of Eleventy's `eleventyConfig` this plugin uses. */
export interface EleventyConfigLike {
  readonly pathPrefix?: string;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  on(eventName: string, callback: (...args: unknown[]) => unknown): void;
  versionCheck?(range: string): void;
}

/** One page or feed to write, as the pagination of a virtual template sees it. */
export interface DigestPageEntry {
  readonly path: string;
  readonly render: () => PageView | string;
}

interface BuildState {
  readonly model: DigestModel;
  readonly site: SiteContext;
  readonly fragments: FragmentCache;
}

type PageKind = "archive" | "year" | "month" | "tagIndex" | "tag";
type FeedKind = "rss";

function pageEntries(kind: PageKind, { model, site, fragments }: BuildState): DigestPageEntry[] {
  switch (kind) {
    case "archive":
      return [{ path: site.options.basePath, render: () => renderArchive(model, site, fragments) }];
    case "year":
      return model.years.map((year) => ({ path: year.path, render: () => renderYear(year, site, fragments) }));
    case "month":
      return model.monthPages.map((page) => ({ path: page.path, render: () => renderMonthPage(page, site, fragments) }));
    case "tagIndex":
      return [{ path: `${site.options.basePath}tags/`, render: () => renderTagIndex(model, site) }];
    case "tag":
      return model.tagPages.map((page) => ({ path: page.path, render: () => renderTagPage(page, site, fragments) }));
  }
}

function feedEntries(kind: FeedKind, { model, site }: BuildState): DigestPageEntry[] {
  const base = site.options.basePath;
  switch (kind) {
    case "rss":
      return [
        {
          path: rssPath(base),
          render: () =>
            renderRssFeed(
              {
                title: site.title,
                description: site.description ?? site.title,
                feedPath: rssPath(base),
                pagePath: base,
                articles: model.latestArticles.slice(0, site.options.feed.limit),
              },
              site,
            ),
        },
      ];
  }
}

const VIRTUAL_DIR = "eleventy-plugin-digest";
const PAGE_KINDS: readonly PageKind[] = ["archive", "year", "month", "tagIndex", "tag"];
const FEED_KINDS: readonly FeedKind[] = ["rss"];

/** Adds the digest's pages and feeds to an Eleventy 3 build. */
export default function eleventyPluginDigest(eleventyConfig: EleventyConfigLike, userOptions?: DigestPluginOptions): void {
  const options: ResolvedDigestOptions = resolveOptions(userOptions);
  const pathPrefix = eleventyConfig.pathPrefix ?? "/";

  // One model per build: reset when a build (or a watch rebuild) starts.
  let state: BuildState | undefined;
  eleventyConfig.on("eleventy.before", () => {
    state = undefined;
  });
  const stateFor = (data: Record<string, unknown>): BuildState => {
    if (state) return state;
    const validated = validateDigest(data[options.dataKey], { dataKey: options.dataKey, timeZone: options.timeZone });
    for (const warning of validated.warnings) console.warn(`[eleventy-plugin-digest] warning: ${formatProblem(warning)}`);
    const model = buildDigestModel(validated, options);
    state = { model, site: createSiteContext(model, options, pathPrefix), fragments: new FragmentCache() };
    return state;
  };

  const addPaginated = (name: string, entries: (state: BuildState) => DigestPageEntry[], wrap: (view: PageView | string, site: SiteContext) => string, extraData: Record<string, unknown>) => {
    eleventyConfig.addTemplate(`${VIRTUAL_DIR}/${name}.11ty.js`, {
      data: {
        digestPluginSeed: [0],
        pagination: {
          data: "digestPluginSeed",
          size: 1,
          alias: "digestEntry",
          before: (_items: unknown[], data: Record<string, unknown>) => insideBase(entries(stateFor(data)), options.basePath),
        },
        permalink: (data: { digestEntry: DigestPageEntry }) => outputPermalink(data.digestEntry.path),
        eleventyExcludeFromCollections: true,
        ...extraData,
      },
      render: (data: { digestEntry: DigestPageEntry }) => wrap(data.digestEntry.render(), state!.site),
    });
  };

  for (const kind of PAGE_KINDS) {
    if (options.layout) {
      addPaginated(kind, (s) => pageEntries(kind, s), (view) => (typeof view === "string" ? view : view.body), {
        layout: options.layout,
        eleventyComputed: {
          title: (data: { digestEntry: DigestPageEntry }) => pageViewOf(data.digestEntry).title,
          description: (data: { digestEntry: DigestPageEntry }) => pageViewOf(data.digestEntry).description,
        },
      });
    } else {
      addPaginated(kind, (s) => pageEntries(kind, s), (view, site) => (typeof view === "string" ? view : renderDocument(view, site)), {});
    }
  }
  for (const kind of FEED_KINDS) {
    addPaginated(`feed-${kind}`, (s) => feedEntries(kind, s), (view) => (typeof view === "string" ? view : view.body), {});
  }
}

/** Every entry's path checked before Eleventy maps it to a file: a path outside the base stops the build. */
function insideBase(entries: DigestPageEntry[], basePath: string): DigestPageEntry[] {
  for (const entry of entries) assertInsideBase(entry.path, basePath);
  return entries;
}

function pageViewOf(entry: DigestPageEntry): PageView {
  const view = entry.render();
  if (typeof view === "string") throw new Error("eleventy-plugin-digest: a feed has no page view");
  return view;
}
