/**
 * What host templates see of the digest: a global data object (`digestSite` by default) and the
 * `digestLatestIssue`, `digestFeedLinks` and `digestHead` shortcodes, usable from Nunjucks, Liquid
 * and 11ty.js alike.
 */
import type { DigestModel, MonthlyIssue, Source, Tag, YearArchive } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import { html } from "../render/escape.js";
import { issueSubtitle } from "../html/issues.js";
import { formatMonth } from "../model/dates.js";
import { decodePagePath, siteFeedPath } from "../model/urls.js";
import type { ResolvedDigestOptions } from "../options.js";
import { feedLinksForPage } from "../feeds/discovery.js";
import type { EleventyConfigLike } from "./config.js";
import { everyPage, type BuildState } from "./entries.js";

/**
 * The digest as host templates see it. Its fields are own getters that read the current build's
 * model, so the object can be global data (set before the digest is read) and always shows the
 * build in progress. An instance, not a plain object: Eleventy passes it by reference instead of
 * copying it into every page's data.
 */
export interface DigestSiteData {
  /** The digest's name. */
  readonly title: string;
  /** Newest first. */
  readonly issues: readonly MonthlyIssue[];
  readonly latestIssue: MonthlyIssue | undefined;
  readonly years: readonly YearArchive[];
  readonly tags: readonly Tag[];
  /** By name, in the locale's collation: each with its picks and `path`. */
  readonly sources: readonly Source[];
  /** Site-root paths (without pathPrefix: use Eleventy's `url` filter, or `href`). */
  readonly archivePath: string;
  readonly feedPath: string;
  /** A site-root path as a link, with pathPrefix, e.g. `digestSite.href(issue.path)`. */
  href(path: string): string;
}

/** What the host data and shortcodes read of the current build. */
export interface BuildView {
  readonly model: DigestModel;
  readonly site: SiteContext;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** A class (not a plain object) so that Eleventy's data merge keeps the reference. */
class LiveDigestSiteData {}

/**
 * The `digestSite` global data: live getters over the current build, so a host template always
 * reads this build's model, never the one before.
 */
export function createDigestSiteData(
  current: () => BuildView | undefined,
  basePath: string,
  fallbackTitle: string,
): DigestSiteData {
  const data = new LiveDigestSiteData() as DigestSiteData;
  const field = <T>(get: () => T) => ({ get, enumerable: true });
  Object.defineProperties(data, {
    title: field(() => current()?.site.title ?? fallbackTitle),
    issues: field(() => current()?.model.issues ?? EMPTY),
    latestIssue: field(() => current()?.model.issues[0]),
    years: field(() => current()?.model.years ?? EMPTY),
    tags: field(() => current()?.model.tags ?? EMPTY),
    sources: field(() => current()?.model.sources ?? EMPTY),
    archivePath: field(() => basePath),
    feedPath: field(() => current()?.site.feeds[0]?.path ?? siteFeedPath(basePath, "rss")),
    href: { value: (path: string) => current()?.site.href(path) ?? path, enumerable: false },
  });
  return data;
}

/** A digest page as the `withDigestPages` filter adds it to a host's list: what a sitemap reads of a collection item. */
export interface DigestPageItem {
  /** The page's URL, as Eleventy's `page.url` (without pathPrefix). */
  readonly url: string;
  /** When its content last changed (the newest issue it shows); none in an empty digest. */
  readonly date: Date | undefined;
  readonly data: { readonly digestPage: true };
}

/**
 * `items` (a host collection, such as `collections.all` or a glob collection) followed by every
 * digest page, whoever writes it: the filter a host's sitemap loops over, since digest pages are
 * not in `collections.all` by default.
 */
export function withDigestPages(items: unknown, states: readonly (BuildState | undefined)[]): unknown[] {
  const host = Array.isArray(items) ? items : [];
  const pages: DigestPageItem[] = states
    .flatMap((state) => (state ? everyPage(state) : []))
    .map((entry) => ({ url: entry.path, date: entry.date, data: { digestPage: true } }));
  return [...host, ...pages];
}

/** Each config's digests, for one `withDigestPages` filter that lists the pages of all of them (two digests side by side). */
const digestsByConfig = new WeakMap<object, (() => BuildState | undefined)[]>();

/** A box for a host's home page: the latest issue's name, its top entries and a link to it. */
export function renderLatestIssueBox(view: BuildView | undefined, top = 3): string {
  const issue = view?.model.issues[0];
  if (!view || !issue) return "";
  const { site } = view;
  const label = formatMonth(issue.key, site.options.locale, site.options.timeZone);
  // As the issue's own page titles it: "May 2025: Replication", never the month twice.
  const subtitle = issueSubtitle(issue, label);
  const heading =
    subtitle === undefined
      ? label
      : site.wording.fill(site.wording.strings.issueHeadline, { month: label, title: subtitle });
  const items = issue.articles
    .slice(0, Math.max(0, top))
    .map(
      (article) =>
        html`<li><a href="${article.url}">${article.title}</a> <span class="dg-muted">${article.source.name}</span></li>`,
    );
  const count = site.wording.count(site.wording.strings.articleCount, issue.articles.length);
  return html`<section class="dg-latest"><h2><a href="${site.href(issue.path)}">${site.title} · ${heading}</a></h2><ol>${items}</ol><p><a href="${site.href(issue.path)}">${count}</a></p></section>`
    .markup;
}

/**
 * The global data, the shortcodes and the `withDigestPages` filter. Rendering starts after every
 * template's pagination (and so the model) is ready, so the state is there whenever a host template
 * renders. A second digest in the same site opts out of the global data and shortcodes with
 * `globalData: false`; the one filter lists the pages of every digest of the config.
 */
export function addHostData(
  eleventyConfig: EleventyConfigLike,
  options: ResolvedDigestOptions,
  current: () => BuildState | undefined,
): void {
  const digests = digestsByConfig.get(eleventyConfig) ?? [];
  if (digests.length === 0) {
    digestsByConfig.set(eleventyConfig, digests);
    eleventyConfig.addFilter?.("withDigestPages", (items: unknown) =>
      withDigestPages(
        items,
        digests.map((state) => state()),
      ),
    );
  }
  digests.push(current);
  if (options.globalData === false) return;
  eleventyConfig.addGlobalData?.(
    options.globalData,
    createDigestSiteData(current, options.basePath, options.title ?? "Digest"),
  );
  eleventyConfig.addShortcode?.("digestLatestIssue", (top?: number) => renderLatestIssueBox(current(), top));
  eleventyConfig.addShortcode?.("digestFeedLinks", function (this: { page?: { url?: unknown } } | undefined) {
    const state = current();
    const url = this?.page?.url;
    return state ? feedLinksForPage(state.model, state.site, typeof url === "string" ? url : undefined).markup : "";
  });
  // A digest page's canonical link, Open Graph, JSON-LD and feed links; nothing on other pages.
  eleventyConfig.addShortcode?.("digestHead", function (this: { page?: { url?: unknown } } | undefined) {
    const state = current();
    const url = this?.page?.url;
    if (!state || typeof url !== "string") return "";
    return state.heads.get(url) ?? state.heads.get(decodePagePath(url)) ?? "";
  });
}
