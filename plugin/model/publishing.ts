/**
 * Which issues a build publishes. A draft (`draft: true`) or a scheduled issue (its own
 * `published` date after "now") is held back: a production build leaves it out of everything, as
 * if it were not in the data; a `--serve`/`--watch` build keeps it, marked, so its page shows a
 * banner. Pure: "now" is given, and asked for only when some issue has a date of its own, so a
 * digest without issue dates never depends on the clock.
 */
import type { MonthKey } from "../data/schema.js";
import type { ValidatedDigest } from "../data/validated.js";
import { issueDate, toIsoDateTime } from "./dates.js";
import type { IsoDateTime } from "./date-types.js";

/** An issue that a production build leaves out, and why. */
export type HeldIssue =
  | { readonly month: MonthKey; readonly reason: "draft" }
  | { readonly month: MonthKey; readonly reason: "scheduled"; readonly date: IsoDateTime };

/** How a build publishes. */
export interface PublishingOptions {
  readonly timeZone: string;
  /** "Now", asked for at most once, and only if an issue has its own `published` date. */
  readonly now: () => { toMillis(): number };
  /** Keep held issues, marked (`--serve`, `--watch`), instead of leaving them out. */
  readonly showHeld: boolean;
}

/** The digest a build shows, with the issues held back by month (kept or left out, by `showHeld`). */
export interface PublishedDigest extends ValidatedDigest {
  readonly held: ReadonlyMap<MonthKey, HeldIssue>;
}

/** The held issues of `digest`, oldest first. */
export function heldIssues(digest: ValidatedDigest, options: Pick<PublishingOptions, "timeZone" | "now">): HeldIssue[] {
  let now: number | undefined;
  const held: HeldIssue[] = [];
  for (const month of [...digest.issues.keys()].sort()) {
    const meta = digest.issues.get(month)!;
    if (meta.draft === true) held.push({ month, reason: "draft" });
    else if (meta.published !== undefined) {
      now ??= options.now().toMillis();
      const date = issueDate(month, options.timeZone, meta.published);
      if (date.toMillis() > now) held.push({ month, reason: "scheduled", date: toIsoDateTime(date) });
    }
  }
  return held;
}

/** The digest as this build publishes it. */
export function publishDigest(digest: ValidatedDigest, options: PublishingOptions): PublishedDigest {
  const held = new Map(heldIssues(digest, options).map((issue) => [issue.month, issue]));
  if (held.size === 0 || options.showHeld) return { ...digest, held };
  const issues = new Map([...digest.issues].filter(([month]) => !held.has(month)));
  const articles = digest.articles.filter((article) => !held.has(article.month));
  return { ...digest, issues, articles, held };
}
