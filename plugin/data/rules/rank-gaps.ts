/** Rule (warning): a month's ranks should run 1, 2, 3, …; the first five missing ones are named. */
import type { MonthKey } from "../schema.js";
import type { WarningRule } from "./rule.js";

/** Sorts each month's ranks and names the first missing numbers; months are reported oldest first. */
export const rankGaps: WarningRule = ({ placed }, warnings) => {
  const ranksByMonth = new Map<MonthKey, { file: string; ranks: number[] }>();
  for (const article of placed) {
    let entry = ranksByMonth.get(article.month);
    if (!entry) {
      entry = { file: article.unit.file, ranks: [] };
      ranksByMonth.set(article.month, entry);
    }
    entry.ranks.push(article.input.rank);
  }
  for (const [month, { file, ranks }] of [...ranksByMonth].sort(([a], [b]) => a.localeCompare(b))) {
    ranks.sort((a, b) => a - b);
    const missing: number[] = [];
    for (let expected = 1, i = 0; i < ranks.length && missing.length < 5; expected++) {
      if (ranks[i] === expected) i++;
      else missing.push(expected);
    }
    if (missing.length > 0)
      warnings.push({
        file,
        path: "",
        message: `${month}: ranks skip ${missing.join(", ")}${missing.length === 5 ? ", …" : ""}`,
      });
  }
};
