/** Rule (warning): metadata under `issues` for a month that has no articles is never shown. */
import type { MonthKey } from "../schema.js";
import { formatPath } from "../problems.js";
import type { WarningRule } from "./rule.js";

/** Collects the months that have articles, then warns at each `issues` entry outside them, the metadata to move or remove. */
export const issuesWithoutArticles: WarningRule = ({ placed, issuePlaces }, warnings) => {
  const months = new Set<MonthKey>();
  for (const article of placed) months.add(article.month);
  for (const [month, place] of issuePlaces) {
    if (!months.has(month))
      warnings.push({
        ...place,
        path: formatPath(["issues", month]),
        message: `metadata for ${month}, which has no articles`,
      });
  }
};
