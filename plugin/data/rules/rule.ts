/**
 * The two kinds of rule, one rule a file in the style of markdown-it. An article rule sees every
 * article in data order and keeps what it has seen (the owner of a rank, of an id); a warning rule
 * looks at the valid digest as a whole once there are no errors. `index.ts` lists them in the order
 * they run, which is the order their findings are reported in.
 */
import type { MonthKey } from "../schema.js";
import type { ArticleIdentity, PlacedArticle } from "../identity.js";
import type { DigestProblem } from "../problems.js";
import type { ValidIssueMeta } from "../validated.js";

/** Where rules report: errors stop the build, warnings are printed and the build goes on. */
export interface Findings {
  readonly problems: DigestProblem[];
  readonly warnings: DigestProblem[];
}

/** One article rule's check for one run, shown each article in turn. */
export type ArticleCheck = (article: ArticleIdentity, findings: Findings) => void;

/** An article rule: makes a fresh check (with empty memory) for each run. */
export type ArticleRule = () => ArticleCheck;

/** What the warning rules look at: the valid articles, the issue metadata and where it was written. */
export interface DigestFacts {
  readonly placed: readonly PlacedArticle[];
  readonly issues: ReadonlyMap<MonthKey, ValidIssueMeta>;
  /** Each month's metadata, as the place of its `published` (file and path, empty message). */
  readonly issuePlaces: ReadonlyMap<MonthKey, DigestProblem>;
  /** The zone in which dates without an offset are read. */
  readonly zone: string;
}

/** A warning rule: legal data that is probably a mistake. */
export type WarningRule = (facts: DigestFacts, warnings: DigestProblem[]) => void;
