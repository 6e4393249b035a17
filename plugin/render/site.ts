/**
 * What every renderer needs to know about the site being built: options, words, and how a
 * site-root path becomes a link (Eleventy's `pathPrefix`) or an absolute URL (`siteUrl`).
 */
import type { ResolvedDigestOptions } from "../options.js";
import { Wording } from "./wording.js";
import { pathPrefixer } from "../model/urls.js";
import type { DigestArticle, DigestModel } from "../model/build.js";
import { companionFeedLinks, siteFeedLinks, type FeedLink } from "./feed-links.js";
import type { SafeHtml } from "./escape.js";

/** The render context: everything a page, card or feed needs to know about the site being built. */
export interface SiteContext {
  readonly options: ResolvedDigestOptions;
  /** The digest's name: the `title` option, else the data's title, else "Digest". */
  readonly title: string;
  readonly description?: string;
  readonly wording: Wording;
  /** The locale as `og:locale` writes it ("en_US"). */
  readonly openGraphLocale: string;
  /** The site feeds (those in `feed.formats`), for `<link rel="alternate">`; never empty. */
  readonly feeds: readonly FeedLink[];
  /** The companion feeds (`feed.companion`): the site feeds in the other item mode; empty when off. */
  readonly companionFeeds: readonly FeedLink[];
  /** A site-root path as a link in this site (with `pathPrefix`, percent-encoded). */
  href(path: string): string;
  /** A site-root path as an absolute URL (for feeds, canonical links, Open Graph). */
  absolute(path: string): string;
  /**
   * An absolute URL as a page links it: one under `siteUrl` as its root-relative path (so the
   * site's own images load wherever it is served, `npm start` on localhost too), others as given.
   */
  onPage(url: string): string;
  /**
   * Extra attributes for the JSON-LD `<script>`: ` eleventy:ignore` when the host's bundle plugin
   * collects `<script>` elements into files, so that the structured data stays in the page (the
   * bundle plugin removes the attribute as it skips the element).
   */
  readonly jsonLdAttributes: string;
  /**
   * Extra attributes for a card's thumbnail `<img>`: ` eleventy:ignore` in pages Eleventy renders, so
   * that a host's image transform (eleventy-img's) leaves third-party thumbnails alone (it removes
   * the attribute as it skips the image; the plugin's own transform removes it otherwise).
   */
  readonly thumbnailAttributes: string;
  /**
   * Each article's summary HTML, rendered the first time a card, email or feed item shows it (they
   * all show the same), and dropped with the site when the build ends (summary.ts).
   */
  readonly summaries: Map<DigestArticle, SafeHtml>;
  /**
   * Replaces the built-in card (the `renderItem` option), asked for each page that shows an
   * article: the context says whether the page is its issue's (with the rank badge) or not.
   */
  readonly renderCard?: (article: DigestArticle, site: SiteContext, context: CardContext) => SafeHtml;
}

/**
 * Where a card is shown: in its issue (the rank badge leads the meta row) or elsewhere, on a tag
 * page, where the monthly rank is said with its month above the card instead ("#3 in April 2025").
 */
export type CardContext = "issue" | "tag";

/**
 * How links are prefixed: `hrefPrefix` for links in pages (`/` when the host's HtmlBasePlugin adds
 * Eleventy's pathPrefix itself), `absolutePrefix` (always the pathPrefix) for absolute URLs.
 */
export interface LinkPrefixes {
  readonly hrefPrefix: string;
  readonly absolutePrefix: string;
  /** Whether the host's bundle plugin would move inline `<script>`s out of the page. */
  readonly hostBundlesScripts?: boolean;
  /** Whether thumbnails are kept from the host's image transform (see `SiteContext.thumbnailAttributes`). */
  readonly ignoredByImageTransforms?: boolean;
}

/** What a site of a build can be given: a card renderer, and the summaries of another site of the same build. */
export interface SiteParts {
  /** Replaces the built-in card (the `renderItem` option). */
  readonly renderCard?: (article: DigestArticle, site: SiteContext, context: CardContext) => SafeHtml;
  /** The summaries of another site of the same build (they do not depend on links), to share them. */
  readonly summaries?: Map<DigestArticle, SafeHtml>;
}

/** `og:locale` wants `language_TERRITORY`: "en" → "en_US", "de" → "de_DE" (CLDR's likely region). */
export function openGraphLocale(locale: string): string {
  const full = new Intl.Locale(locale).maximize();
  return full.region ? `${full.language}_${full.region}` : full.language;
}

/** The site of one build. */
export function createSiteContext(
  model: DigestModel,
  options: ResolvedDigestOptions,
  pathPrefix: string | LinkPrefixes,
  parts: SiteParts = {},
): SiteContext {
  const prefixes = typeof pathPrefix === "string" ? { hrefPrefix: pathPrefix, absolutePrefix: pathPrefix } : pathPrefix;
  const title = options.title ?? model.title ?? "Digest";
  const description = options.description ?? model.description;
  // A page links to the same few hundred paths (tags, issues) as every other page: each link is made once.
  const links = new Map<string, string>();
  const linkTo = pathPrefixer(prefixes.hrefPrefix);
  const href = (path: string) => {
    let link = links.get(path);
    if (link === undefined) {
      link = linkTo(path);
      links.set(path, link);
    }
    return link;
  };
  const urlPath = pathPrefixer(prefixes.absolutePrefix);
  return {
    options,
    title,
    ...(description !== undefined && { description }),
    wording: new Wording(options.locale, options.strings),
    openGraphLocale: openGraphLocale(options.locale),
    feeds: siteFeedLinks(options, title),
    companionFeeds: companionFeedLinks(options, title),
    href,
    absolute: (path) => options.siteUrl + urlPath(path),
    onPage: (url) => {
      if (!url.startsWith(`${options.siteUrl}/`)) return url;
      const path = url.slice(options.siteUrl.length);
      if (prefixes.hrefPrefix === prefixes.absolutePrefix) return path;
      // Eleventy's transforms add pathPrefix to root links: a path under it is written without it, any other stays absolute.
      const prefix = prefixes.absolutePrefix.replace(/\/?$/, "/");
      return path.startsWith(prefix) ? path.slice(prefix.length - 1) : url;
    },
    jsonLdAttributes: typeof pathPrefix !== "string" && pathPrefix.hostBundlesScripts ? " eleventy:ignore" : "",
    thumbnailAttributes:
      typeof pathPrefix !== "string" && pathPrefix.ignoredByImageTransforms ? " eleventy:ignore" : "",
    summaries: parts.summaries ?? new Map(),
    ...(parts.renderCard && { renderCard: parts.renderCard }),
  };
}
