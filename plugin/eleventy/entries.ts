/**
 * What each virtual template paginates over: one entry per page or feed of the current build,
 * with its path, how to render it, the articles it shows (for watch rebuilds) and its date.
 */
import type { DigestArticle, DigestModel } from "../model/build.js";
import type { DigestPageKind, ResolvedDigestOptions } from "../options.js";
import {
  renderArchive,
  renderMonthPage,
  renderSearch,
  renderSubscribe,
  renderSourceIndex,
  renderSourcePage,
  renderTagIndex,
  renderTagPage,
  renderYear,
} from "../html/pages.js";
import type { PageView } from "../html/view.js";
import type { SiteContext } from "../render/site.js";
import type { FeedFile, FeedFileKind } from "../feeds/plan.js";
import { emailPath, searchPath, sourceIndexPath, subscribePath, tagIndexPath } from "../model/urls.js";
import { toDate } from "../model/dates.js";
import { renderEmailDocument } from "../render/email.js";
import { renderEmailText } from "../html/email-text.js";
import { assertInsideBase } from "./output-path.js";
import { shareImageOf, type ShareSubject } from "../images/pages.js";
import type { ShareCard } from "../images/subjects.js";
import { renderTagRedirect } from "../html/redirect.js";

/** One page (`PageView`) or feed (`string`) to write, as the pagination of a virtual template sees it. */
export interface DigestPageEntry<Rendered extends PageView | string = PageView | string> {
  readonly path: string;
  readonly render: () => Rendered;
  /** The articles the page shows, for watch-mode rebuilds; absent: always written again. */
  readonly shows?: readonly DigestArticle[];
  /** When its content last changed (the newest issue it shows): Eleventy's `page.date`, the sitemap's `lastmod`. */
  readonly date?: Date;
}

/** One build's model and what renders it; made once per build (see build.ts). */
export interface BuildState {
  readonly model: DigestModel;
  readonly site: SiteContext;
  /** Every feed file of the build (feeds/plan.ts), planned once: their items are shared. */
  readonly feeds: readonly FeedFile[];
  /** The share image cards by path, made once (none without `shareImages`). */
  readonly shareCards: ReadonlyMap<string, ShareCard>;
  /** In a watch rebuild after a content-only change: the ids of the changed articles. */
  readonly changed: ReadonlySet<string> | "all";
  /** `<head>` metadata of the pages rendered into a host layout, by path, for `digestHead`. */
  readonly heads: Map<string, string>;
}

/** Every page kind, in the order their templates are added. */
export const PAGE_KINDS: readonly DigestPageKind[] = [
  "archive",
  "year",
  "month",
  "tagIndex",
  "tag",
  "sourceIndex",
  "source",
  "subscribe",
  "search",
];

/**
 * Whether Eleventy renders the pages of `kind` (in a host layout, or in the default pipeline);
 * otherwise `pipeline: "direct"` writes them.
 */
export function eleventyRendersPages(
  kind: DigestPageKind,
  options: Pick<ResolvedDigestOptions, "layout" | "layouts" | "pipeline">,
): boolean {
  return Boolean(options.layouts[kind] ?? options.layout) || options.pipeline === "eleventy";
}

/** One entry per page of `kind` (its path, date and renderer), for a pagination of size 1. */
export function pageEntries(
  kind: DigestPageKind,
  { model, site, shareCards }: BuildState,
): DigestPageEntry<PageView>[] {
  const newest = model.issues[0]?.date;
  const latest = newest === undefined ? undefined : toDate(newest);
  const at = <T extends object>(entry: T): T => (latest ? { ...entry, date: latest } : entry);
  // With `shareImages`, each page's view gets the plugin's image of what it shows.
  const shared = (subject: ShareSubject, render: () => PageView) => {
    if (!site.options.shareImages) return render;
    return (): PageView => {
      const shareImage = shareImageOf(subject, shareCards, site);
      return shareImage ? { ...render(), shareImage } : render();
    };
  };
  const archive: ShareSubject = { kind: "archive" };
  switch (kind) {
    case "archive":
      return [at({ path: site.options.basePath, render: shared(archive, () => renderArchive(model, site)) })];
    case "year":
      return model.years.map((year) => ({
        path: year.path,
        render: shared({ kind: "year", year }, () => renderYear(year, site, model.years)),
        shows: year.issues.flatMap((issue) => issue.articles),
        date: toDate(year.issues[0]!.date),
      }));
    case "month":
      return model.monthPages.map((page) => ({
        path: page.path,
        render: shared({ kind: "month", page }, () => renderMonthPage(page, site)),
        shows: page.items,
        date: toDate(page.issue.date),
      }));
    case "tagIndex":
      return [
        at({ path: tagIndexPath(site.options.basePath), render: shared(archive, () => renderTagIndex(model, site)) }),
      ];
    case "tag":
      return model.tagPages.map((page) => ({
        path: page.path,
        render: shared({ kind: "tag", page }, () => renderTagPage(page, site)),
        shows: page.items,
        date: toDate(page.items[0]!.issueDate),
      }));
    // Source pages get the archive's share image: a card per source would double the images for little.
    case "sourceIndex":
      return [
        at({
          path: sourceIndexPath(site.options.basePath),
          render: shared(archive, () => renderSourceIndex(model, site)),
        }),
      ];
    case "source":
      return model.sourcePages.map((page) => ({
        path: page.path,
        render: shared(archive, () => renderSourcePage(page, site)),
        shows: page.items,
        date: toDate(page.items[0]!.issueDate),
      }));
    case "subscribe":
      return [
        at({ path: subscribePath(site.options.basePath), render: shared(archive, () => renderSubscribe(model, site)) }),
      ];
    case "search":
      return site.options.search
        ? [at({ path: searchPath(site.options.basePath), render: shared(archive, () => renderSearch(model, site)) })]
        : [];
  }
}

/** Every digest page, whoever writes it: for the sitemap and the URL clash check. */
export function everyPage(state: BuildState): DigestPageEntry<PageView>[] {
  return PAGE_KINDS.flatMap((kind) => pageEntries(kind, state));
}

/**
 * The old pages of renamed tags (`tagAliases`), each a redirect to its new tag. Not in
 * `everyPage`: no sitemap or collection lists them; the URL clash check adds them itself.
 */
export function redirectEntries({ model, site }: Pick<BuildState, "model" | "site">): DigestPageEntry<string>[] {
  return model.tagRedirects.flatMap((redirect) =>
    redirect.paths.map((path) => ({ path, render: () => renderTagRedirect(redirect, path, site) })),
  );
}

/** The site and tag feeds of one format, or the OPML list (see feeds/plan.ts). */
export function feedEntries(kind: FeedFileKind, { feeds }: Pick<BuildState, "feeds">): DigestPageEntry<string>[] {
  return feeds
    .filter((file) => file.format === kind)
    .map((file) => ({ path: file.path, render: () => file.render(), ...(file.shows && { shows: file.shows }) }));
}

/**
 * Each issue's email.html and email.txt (none with `email: false`): standalone documents like the
 * feeds, never in a host layout, written by whichever pipeline writes the feeds.
 */
export function emailEntries({ model, site }: BuildState): DigestPageEntry<string>[] {
  if (!site.options.email) return [];
  return model.issues.flatMap((issue) => {
    const shown = { shows: issue.articles, date: toDate(issue.date) };
    return [
      { path: emailPath(issue.path, "html"), render: () => renderEmailDocument(issue, site), ...shown },
      { path: emailPath(issue.path, "txt"), render: () => renderEmailText(issue, site), ...shown },
    ];
  });
}

/** In a content-only watch rebuild, only the pages that show a changed article. */
export function needingWrite<T extends Pick<DigestPageEntry, "shows">>(
  entries: T[],
  changed: BuildState["changed"],
): T[] {
  if (changed === "all") return entries;
  return entries.filter((entry) => !entry.shows || entry.shows.some((article) => changed.has(article.id)));
}

/** Every entry's path checked before Eleventy maps it to a file: a path outside the base stops the build. */
export function insideBase<T extends Pick<DigestPageEntry, "path">>(entries: T[], basePath: string): T[] {
  for (const entry of entries) assertInsideBase(entry.path, basePath);
  return entries;
}
