/**
 * What each share image shows, and where it lives: pure data from the model, one card per monthly
 * issue, per tag and for the archive. The card is everything the PNG depends on, so its hash
 * (cache.ts) names the cached file; the alt text says the same words for readers who cannot see it.
 */
import type { DigestArticle, DigestModel, MonthlyIssue, Tag } from "../model/build.js";

/** The PNG's size: what Open Graph and X's large card expect (1.91:1). */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** One of the top picks an image lists: its title and its source's name. */
export interface SharePick {
  readonly title: string;
  readonly source: string;
}

/** Everything one share image shows, and its site-root path. */
export interface ShareCard {
  /** Site-root path of the PNG, e.g. `/share/2025-04.png`. */
  readonly path: string;
  /** The digest's title, on top of every image. */
  readonly site: string;
  /** The big line: the issue's month, the tag's name, or the newest issue's month on the archive's. */
  readonly heading: string;
  /** Under it: the issue's headline, or the digest's description on the archive's. */
  readonly subheading?: string;
  /** The top three, in order. */
  readonly picks: readonly SharePick[];
  /** What the image shows, in words: its `og:image:alt`. */
  readonly alt: string;
}

/** What the cards need besides the model. */
export interface ShareCardOptions {
  readonly basePath: string;
  /** The digest's name (the `title` option, else the data's). */
  readonly title: string;
  readonly description?: string;
}

/** Where the images live, under the digest's folder. */
export function shareImagePaths(basePath: string) {
  return {
    archive: `${basePath}share/archive.png`,
    issue: (issue: MonthlyIssue) => `${basePath}share/${issue.key}.png`,
    tag: (tag: Tag) => `${basePath}share/tags/${tag.slug}.png`,
  };
}

const TOP = 3;

/** The top picks of a list already in order. */
function picksOf(articles: readonly DigestArticle[]): SharePick[] {
  return articles.slice(0, TOP).map((article) => ({ title: article.title, source: article.source.name }));
}

/** "Site — Heading — Sub: A (Source); B (Source)": the image's words, in reading order. */
function altText(site: string, heading: string, subheading: string | undefined, picks: readonly SharePick[]): string {
  const head = [site, heading, subheading]
    .filter((part): part is string => part !== undefined && part !== "")
    .join(" · ");
  return picks.length === 0 ? head : `${head}: ${picks.map((pick) => `${pick.title} (${pick.source})`).join("; ")}`;
}

/** A card, its alt text made from what it shows. */
function card(
  path: string,
  site: string,
  heading: string,
  subheading: string | undefined,
  picks: readonly SharePick[],
): ShareCard {
  return {
    path,
    site,
    heading,
    ...(subheading !== undefined && subheading !== "" && { subheading }),
    picks,
    alt: altText(site, heading, subheading, picks),
  };
}

/** Every share image of a build: the archive's, then each issue's (newest first), then each tag's. */
export function shareCards(model: DigestModel, options: ShareCardOptions): ShareCard[] {
  const paths = shareImagePaths(options.basePath);
  const month = (issue: MonthlyIssue) => issue.label;
  const newest = model.issues[0];
  const archive = card(
    paths.archive,
    options.title,
    newest ? month(newest) : options.title,
    options.description,
    newest ? picksOf(newest.articles) : [],
  );
  const issues = model.issues.map((issue) =>
    card(paths.issue(issue), options.title, month(issue), issue.title, picksOf(issue.articles)),
  );
  const tags = model.tags.map((tag) => card(paths.tag(tag), options.title, tag.name, undefined, picksOf(tag.articles)));
  return [archive, ...issues, ...tags];
}
