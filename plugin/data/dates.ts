/**
 * Reading the data's dates, through luxon's public API, always in an explicit zone: validation
 * compares them, and the model (model/dates.ts) formats them.
 */
import { DateTime, FixedOffsetZone } from "luxon";
import type { MonthKey } from "./schema.js";

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Year and month as numbers, from a key the schema has already checked. */
export function monthParts(key: MonthKey): { year: number; month: number } {
  const [, year, month] = MONTH_KEY.exec(key)!;
  return { year: Number(year), month: Number(month) };
}

/** Parses an ISO 8601 date or date-time; a value without an offset is read in `zone`. */
export function parseIsoDate(value: string, zone: string): DateTime | undefined {
  return (
    parseWithOffset(value) ??
    parseDateOnly(value, zone) ??
    validOrUndefined(DateTime.fromISO(value, { zone, setZone: true }))
  );
}

const EXPLICIT_OFFSET = /T.*(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * A date-time with its own offset (`…Z`, `…+05:30`) is an instant: `Date.parse` reads it exactly,
 * three times faster than luxon's ISO parser, and the offset becomes the value's zone as
 * `setZone: true` would make it. Anything else (a date, a local time) goes to luxon.
 */
function parseWithOffset(value: string): DateTime | undefined {
  const match = EXPLICIT_OFFSET.exec(value);
  if (!match) return undefined;
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) return undefined;
  const offset = match[1] === undefined ? 0 : (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  // Date.parse rolls impossible days over (2025-02-30 → March 2); luxon rejects them, and so do we.
  if (new Date(millis + offset * 60_000).toISOString().slice(0, 10) !== value.slice(0, 10)) return undefined;
  return DateTime.fromMillis(millis, { zone: FixedOffsetZone.instance(offset) });
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date ("2025-04-12") is midnight in `zone`, as luxon's ISO parser reads it; built from
 * its fields it costs a quarter of the parse. An impossible day (2025-02-30) is invalid either way.
 */
function parseDateOnly(value: string, zone: string): DateTime | undefined {
  const match = DATE_ONLY.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (zone === "UTC") {
    // The default zone needs no zone rules: midnight UTC is Date.UTC (which rolls 2025-02-30 over
    // to March 2: such a day is refused, as luxon refuses it).
    const millis = Date.UTC(year, month - 1, day);
    const date = new Date(millis);
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return DateTime.fromMillis(millis, { zone: FixedOffsetZone.utcInstance });
  }
  return validOrUndefined(DateTime.fromObject({ year, month, day }, { zone }));
}

/** luxon gives an invalid DateTime instead of throwing; callers want undefined. */
function validOrUndefined(date: DateTime): DateTime | undefined {
  return date.isValid ? date : undefined;
}

/** An issue's date: its own `published`, else the first day of the following month, in `zone`. */
export function issueDate(key: MonthKey, zone: string, published: string | undefined): DateTime {
  const parsed = published === undefined ? undefined : parseIsoDate(published, zone);
  if (parsed) return parsed;
  const { year, month } = monthParts(key);
  return DateTime.fromObject({ year, month, day: 1 }, { zone }).plus({ months: 1 });
}
