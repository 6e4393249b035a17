/**
 * The rule chain: which cross-field rules run, and in what order (the order of their findings).
 * Add a rule by adding its file and its name to one of these lists.
 */
import type { ArticleIdentity } from "../identity.js";
import type { DigestProblem } from "../problems.js";
import { issuesWithoutArticles } from "./issues-without-articles.js";
import { publishedAfterIssue } from "./published-after-issue.js";
import { rankGaps } from "./rank-gaps.js";
import type { ArticleRule, DigestFacts, Findings, WarningRule } from "./rule.js";
import { sharedUrls } from "./shared-urls.js";
import { uniqueIds } from "./unique-ids.js";
import { uniqueRanks } from "./unique-ranks.js";

export { resolveSources, resolveTags } from "./tag-urls.js";
export {
  ARTICLE_FIELDS,
  ISSUE_FIELDS,
  SOURCE_FIELDS,
  TOP_LEVEL_FIELDS,
  unknownFieldWarnings,
} from "./unknown-fields.js";
export type { DigestFacts, Findings } from "./rule.js";

/** Run on every article, valid or salvaged, in data order; each article goes through all of them in turn. */
export const ARTICLE_RULES: readonly ArticleRule[] = [uniqueRanks, uniqueIds, sharedUrls];

/** Run once the data has no errors. */
export const WARNING_RULES: readonly WarningRule[] = [publishedAfterIssue, rankGaps, issuesWithoutArticles];

/** Unique rank per month and unique id are errors; one URL under two ids is a warning. */
export function checkArticles(identities: readonly ArticleIdentity[], findings: Findings): void {
  const checks = ARTICLE_RULES.map((rule) => rule());
  for (const article of identities) for (const check of checks) check(article, findings);
}

/** Warnings: legal data that is probably a mistake. */
export function warnSuspicious(facts: DigestFacts, warnings: DigestProblem[]): void {
  for (const rule of WARNING_RULES) rule(facts, warnings);
}
