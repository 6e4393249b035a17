/**
 * "Now" for scheduled issues: the `now` option, else the `DIGEST_NOW` environment variable, else
 * the clock. The clock is read lazily (only when an issue has a date of its own) and says so in one
 * line, so a build that depends on it is never silently irreproducible.
 */
import { DateTime } from "luxon";
import { NOW_EXPECTED } from "../options-schema.js";
import { isoDay, parseIsoDate } from "../model/dates.js";
import type { Log } from "./config.js";
import type { HeldIssue } from "../model/publishing.js";

/** Thrown for a "now" (`DIGEST_NOW`, or the CLI's `--now`) that is not an ISO date or date-time: nothing is written. */
export class DigestNowError extends Error {
  constructor(source: string, value: string) {
    super(`${source}: ${NOW_EXPECTED}, got ${JSON.stringify(value)}`);
    this.name = "DigestNowError";
  }
}

/**
 * A function giving "now" (read once), from the option, the environment or the clock. `clock` is
 * the clock (a parameter so tests can stand in for it); `log` hears one line when it is read.
 */
export function nowFor(
  option: string | undefined,
  env: string | undefined,
  timeZone: string,
  log: Log,
  clock: () => DateTime = () => DateTime.utc(),
): () => DateTime {
  const given = option ?? (env === undefined || env.trim() === "" ? undefined : env.trim());
  if (given !== undefined) {
    const parsed = parseIsoDate(given, timeZone);
    if (!parsed) throw new DigestNowError(option !== undefined ? "now" : "DIGEST_NOW", given);
    return () => parsed;
  }
  let read: DateTime | undefined;
  return () => {
    if (!read) {
      read = clock();
      log(
        `scheduled issues compared with the clock (${read.toISO()}); set the "now" option or DIGEST_NOW for a reproducible build`,
      );
    }
    return read;
  };
}

/** One line on the issues a build holds back: "held back 2 issues: 2025-06 (draft), 2025-07 (scheduled for 2025-07-05)…". */
export function heldSummary(held: readonly HeldIssue[], shown: boolean): string {
  const list = held
    .map((issue) =>
      issue.reason === "draft" ? `${issue.month} (draft)` : `${issue.month} (scheduled for ${isoDay(issue.date)})`,
    )
    .join(", ");
  const what = held.length === 1 ? "1 issue" : `${held.length} issues`;
  return shown ? `showing ${what} a production build leaves out, with a banner: ${list}` : `held back ${what}: ${list}`;
}
