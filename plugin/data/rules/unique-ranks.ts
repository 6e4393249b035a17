/** Rule (error): a rank is used once per month; the second article to take it is reported. */
import type { MonthKey } from "../schema.js";
import { placeOf, type ArticleIdentity } from "../identity.js";
import { formatPath } from "../problems.js";
import type { ArticleCheck } from "./rule.js";

/** Remembers each month's rank owners; an article whose month or rank could not be salvaged is skipped. */
export function uniqueRanks(): ArticleCheck {
  const rankOwners = new Map<MonthKey, Map<number, ArticleIdentity>>();
  return (article, { problems }) => {
    if (article.month === undefined || article.rank === undefined) return;
    let ranks = rankOwners.get(article.month);
    if (!ranks) rankOwners.set(article.month, (ranks = new Map()));
    const owner = ranks.get(article.rank);
    if (owner) {
      problems.push({
        file: article.unit.file,
        path: formatPath([...article.path, "rank"]),
        message: `rank ${article.rank} is already taken in ${article.month} by ${placeOf(owner)}; ranks must be unique within a month`,
      });
    } else ranks.set(article.rank, article);
  };
}
