/** Rule (warning): an article published after its issue's date is probably filed under the wrong month. */
import type { DateTime } from "luxon";
import { issueDate, parseIsoDate } from "../dates.js";
import type { MonthKey } from "../schema.js";
import { formatPath } from "../problems.js";
import type { WarningRule } from "./rule.js";

/** Dates each month's issue once, then compares every dated article with it (each date parsed once). */
export const publishedAfterIssue: WarningRule = ({ placed, issues, zone }, warnings) => {
  const issueDates = new Map<MonthKey, DateTime>();
  const publishedDates = new Map<string, DateTime | undefined>();
  for (const article of placed) {
    let issued = issueDates.get(article.month);
    if (!issued) {
      issued = issueDate(article.month, zone, issues.get(article.month)?.published);
      issueDates.set(article.month, issued);
    }
    if (article.input.published !== undefined) {
      const value = article.input.published;
      const published = publishedDates.has(value) ? publishedDates.get(value) : parseIsoDate(value, zone);
      publishedDates.set(value, published);
      if (published && published > issued) {
        warnings.push({
          file: article.unit.file,
          path: formatPath([...article.path, "published"]),
          message: `published ${article.input.published} is after its issue's date (${issued.toISODate()})`,
        });
      }
    }
  }
};
