/**
 * The plugin's options: their public types and their defaults. Options are checked once, up front
 * (the schema is options-schema.ts), with an error that names the option and what was given.
 */
import type { z } from "zod";
import { normalizeBasePath } from "./model/urls.js";
import type { DigestArticle } from "./model/build.js";
import { stringsFor, type DigestStrings } from "./html/strings.js";

import { FEED_FORMATS, optionsSchema, type FeedFormat } from "./options-schema.js";
import { issueProblems, type IssueFormat, type SchemaProblem } from "./data/problems.js";

/** Option problems are named `options.feed.limit`, as the plugin always has; data problems `articles[3].rank`. */
const OPTION_ISSUES: IssueFormat = { base: ["options"], pathStyle: "dotted", keyNoun: "option" };

export { FEED_FORMATS, type FeedFormat } from "./options-schema.js";

/** What one item of the site feeds is: one ranked article, or one whole monthly issue. */
export type FeedItemMode = "articles" | "issues";

/** Feed options. */
export interface DigestFeedOptions {
  /** How many items the site and tag feeds carry: the newest articles (or issues, in issue mode). Default 50. */
  limit?: number;
  /** Which formats to write, for the site feeds and the tag feeds. Default all three. */
  formats?: readonly FeedFormat[];
  /** A feed per tag (`tags/SLUG/feed.xml`, and `atom.xml`/`feed.json` when those formats are on). Default `true`. */
  perTag?: boolean;
  /** `"articles"` (default): one item per article. `"issues"`: one item per monthly issue, with its ranked list. */
  items?: FeedItemMode;
  /** The site feeds' title. Default: the digest's title. */
  title?: string;
  /** The site feeds' description. Default: the digest's description, else its title. */
  description?: string;
}

/** The kinds of page the plugin makes; each can get its own host layout. */
export type DigestPageKind = "archive" | "year" | "month" | "tagIndex" | "tag";

/** What a custom item renderer gets besides the article. */
export interface DigestItemContext {
  /** The plugin's own markup for this article, to wrap or fall back to. */
  defaultHtml(): string;
  /** The article's summary as safe HTML (empty when it has none). */
  summaryHtml(): string;
  /** A site-root path (e.g. `tag.path`-style `/tags/redis/`) as a link with Eleventy's pathPrefix. */
  href(path: string): string;
  /** Escapes text for HTML. Data text is untrusted: escape everything you print. */
  escapeHtml(text: string): string;
  readonly locale: string;
}

/** What `addPlugin(digest, options)` takes. Only `siteUrl` is required. */
export interface DigestPluginOptions {
  /** Absolute origin for feeds and canonical links, e.g. `https://digest.example.com`. */
  siteUrl: string;
  /** The digest's name, e.g. "Best of Distributed Systems". Default: the data's `title`, else "Digest". */
  title?: string;
  /** One sentence about the digest, for feeds and meta descriptions. Default: the data's `description`. */
  description?: string;
  /** Where the digest lives in the site, e.g. `/digest/` inside a blog. Default `/`. */
  basePath?: string;
  /** Articles per month or tag page. Default 10. */
  pageSize?: number;
  /** The global data key holding the digest (`_data/digest.json` → `digest`). Default `digest`. */
  dataKey?: string;
  /** BCP 47 locale for month names, dates and numbers. Default `en`. */
  locale?: string;
  /** Any UI word of the default pages, over the built-in words of `locale` (`en`, `de`). */
  strings?: Partial<DigestStrings>;
  /** IANA zone in which issue dates fall and date-only values are read. Default `UTC`. */
  timeZone?: string;
  feed?: DigestFeedOptions;
  /** A layout of the host site (relative to its includes folder) that wraps every digest page. */
  layout?: string;
  /** Per page kind layouts, over `layout`: `{ month: "layouts/issue.njk" }`. */
  layouts?: Partial<Record<DigestPageKind, string>>;
  /**
   * Replaces the markup of one article (on month and tag pages). Return HTML; escape data text with
   * `context.escapeHtml`. `context.defaultHtml()` gives the built-in card.
   */
  renderItem?: (article: DigestArticle, context: DigestItemContext) => string;
  /**
   * With a host layout, link the plugin's stylesheet (written to `{basePath}digest.css`) at the top of
   * each page's content. Default `true`; `false` when the host styles the `dg-` classes itself.
   */
  stylesheet?: boolean;
  /** The global data name under which host templates find the digest (issues, tags, latest issue). Default `digestSite`; `false` for none. */
  globalData?: string | false;
  /**
   * Who writes the pages and feeds. `"eleventy"` (default): every page, feed and the stylesheet is
   * an ordinary Eleventy template, so host transforms, `--dryrun`, `--to=json`, `eleventy.after`
   * listeners and sitemaps see them. `"direct"`: for very large archives, the plugin streams pages
   * without a host layout, and the feeds, to the output folder itself after Eleventy has written
   * its own files, holding none in memory; host transforms and `--to=json` do not see those.
   */
  pipeline?: "direct" | "eleventy";
  /**
   * List every digest HTML page in the host's `collections.all` (so a sitemap that loops over it
   * lists them). Feeds and the stylesheet never are, and no named collection is added. Default `true`.
   */
  collectionsAll?: boolean;
  /**
   * Write `{basePath}sitemap.xml`. `"auto"` (default): when the digest is the site (`basePath` is
   * `/`); embedded under a sub-path, the host's own sitemap lists the pages through `collections.all`.
   */
  sitemap?: boolean | "auto";
}

/** Options after defaults and normalisation. */
export interface ResolvedDigestOptions {
  readonly siteUrl: string;
  readonly title?: string;
  readonly description?: string;
  readonly basePath: string;
  readonly pageSize: number;
  readonly dataKey: string;
  readonly locale: string;
  /** The words of `locale` with the `strings` option on top. */
  readonly strings: DigestStrings;
  readonly timeZone: string;
  readonly feed: ResolvedFeedOptions;
  readonly layout?: string;
  readonly layouts: Readonly<Partial<Record<DigestPageKind, string>>>;
  readonly renderItem?: (article: DigestArticle, context: DigestItemContext) => string;
  readonly stylesheet: boolean;
  readonly globalData: string | false;
  readonly pipeline: "direct" | "eleventy";
  readonly collectionsAll: boolean;
  /** Whether `{basePath}sitemap.xml` is written ("auto" resolved). */
  readonly sitemap: boolean;
}

/** The `feed` options after defaults. */
export interface ResolvedFeedOptions {
  readonly limit: number;
  /** In the order rss, atom, json; never empty. */
  readonly formats: readonly FeedFormat[];
  readonly perTag: boolean;
  readonly items: FeedItemMode;
  readonly title?: string;
  readonly description?: string;
}

/**
 * Thrown by `addPlugin` for invalid options: one error listing every bad option with what was
 * given, each in `problems` (`path` such as `options.feed.limit`, and the message).
 */
export class DigestOptionsError extends Error {
  readonly problems: readonly SchemaProblem[];
  constructor(problems: readonly SchemaProblem[]) {
    super(`eleventy-plugin-digest: invalid options:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "DigestOptionsError";
    this.problems = problems;
  }
}

/** Checks the options and fills in defaults; throws `DigestOptionsError` naming each bad option. */
export function resolveOptions(input: unknown): ResolvedDigestOptions {
  const parsed = optionsSchema.safeParse(input ?? undefined);
  if (!parsed.success) throw new DigestOptionsError(issueProblems(parsed.error, input ?? undefined, OPTION_ISSUES));
  const options = parsed.data;
  const basePath = normalizeBasePath(options.basePath ?? "/");
  return {
    siteUrl: new URL(options.siteUrl).origin,
    ...(options.title !== undefined && { title: options.title }),
    ...(options.description !== undefined && { description: options.description }),
    basePath,
    pageSize: options.pageSize ?? 10,
    dataKey: options.dataKey ?? "digest",
    locale: options.locale ?? "en",
    strings: stringsFor(options.locale ?? "en", options.strings as Partial<DigestStrings> | undefined),
    timeZone: options.timeZone ?? "UTC",
    feed: resolveFeedOptions(options.feed),
    ...(options.layout !== undefined && { layout: options.layout }),
    layouts: options.layouts ?? {},
    ...(options.renderItem !== undefined && { renderItem: options.renderItem as NonNullable<ResolvedDigestOptions["renderItem"]> }),
    stylesheet: options.stylesheet ?? true,
    globalData: options.globalData ?? "digestSite",
    pipeline: options.pipeline ?? "eleventy",
    collectionsAll: options.collectionsAll ?? true,
    sitemap: options.sitemap === undefined || options.sitemap === "auto" ? basePath === "/" : options.sitemap,
  };
}

function resolveFeedOptions(feed: z.output<typeof optionsSchema>["feed"]): ResolvedFeedOptions {
  const formats = feed?.formats ?? FEED_FORMATS;
  return {
    limit: feed?.limit ?? 50,
    formats: FEED_FORMATS.filter((format) => formats.includes(format)),
    perTag: feed?.perTag ?? true,
    items: feed?.items ?? "articles",
    ...(feed?.title !== undefined && { title: feed.title }),
    ...(feed?.description !== undefined && feed.description !== "" && { description: feed.description }),
  };
}
