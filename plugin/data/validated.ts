/**
 * The shapes validation hands on: trusted, typed values that the model and the pages build from.
 * Apart from `validate.ts` (which re-exports them) so that the rules can name a `TagIdentity` or a
 * `ValidIssueMeta` without importing the orchestration that runs them.
 */
import type { MonthKey } from "./schema.js";
import type { DigestProblem } from "./problems.js";

/** What an article is: a written piece or a video (shown as a badge, carried into feeds). */
export type ArticleType = "article" | "video";

/** Where an article comes from: the publication's name, and its URL and handle when given. */
export interface ArticleSource {
  readonly name: string;
  readonly url?: string;
  readonly handle?: string;
}

/** An article that passed validation. `tags` holds tag keys; names and slugs are in `ValidatedDigest.tags`. */
export interface ValidArticle {
  readonly id: string;
  readonly month: MonthKey;
  readonly rank: number;
  readonly title: string;
  readonly url: string;
  readonly type: ArticleType;
  readonly source: ArticleSource;
  readonly published?: string;
  readonly summary?: string;
  readonly tags: readonly string[];
  readonly image?: string;
}

/** An issue's metadata from the data's `issues` object: title, intro (Markdown), date and draft flag. */
export interface ValidIssueMeta {
  readonly title?: string;
  readonly intro?: string;
  readonly published?: string;
  /** Not ready: left out of production builds, shown with a banner under `--serve`. */
  readonly draft?: boolean;
}

/** One topic: its key (identity), the display name shown, and its URL segment. */
export interface TagIdentity {
  readonly key: string;
  readonly name: string;
  readonly slug: string;
}

/**
 * One source: the same shape as a tag's identity, and the same rules (names differing only in case
 * or white space are one source; its slug is a tag slug), so both have one resolution (rules/tag-urls.ts).
 */
export type SourceIdentity = TagIdentity;

/** The data after validation: trusted values only, with the warnings that did not stop it. */
export interface ValidatedDigest {
  readonly title?: string;
  readonly description?: string;
  readonly issues: ReadonlyMap<MonthKey, ValidIssueMeta>;
  readonly articles: readonly ValidArticle[];
  readonly tags: ReadonlyMap<string, TagIdentity>;
  /** Every source by key (`tagKey` of its name). */
  readonly sources: ReadonlyMap<string, SourceIdentity>;
  readonly warnings: readonly DigestProblem[];
}
