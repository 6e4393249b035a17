/**
 * Dates, through luxon's public API, always in an explicit zone and locale: nothing here reads the
 * machine's clock, time zone or locale, so the same data gives the same output everywhere. luxon
 * stays inside: the model holds dates as ISO 8601 strings (`IsoDateTime`), which is what the public
 * types show, and pages and feeds format those.
 */
import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { MemoTable, ScopedMemoTable, type Memo } from "./memo.js";

import type { MonthKey } from "../data/schema.js";

export type { MonthKey };
export type { Age, AgeUnit, IsoDateTime } from "./date-types.js";
import type { Age, AgeUnit, IsoDateTime } from "./date-types.js";


const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Year and month as numbers, from a key the schema has already checked. */
export function monthParts(key: MonthKey): { year: number; month: number } {
  const [, year, month] = MONTH_KEY.exec(key)!;
  return { year: Number(year), month: Number(month) };
}

/** Whether `zone` is an IANA zone luxon knows, so the options can reject a bad `timeZone` up front. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Parses an ISO 8601 date or date-time; a value without an offset is read in `zone`. */
export function parseIsoDate(value: string, zone: string): DateTime | undefined {
  return parseWithOffset(value) ?? parseDateOnly(value, zone) ?? validOrUndefined(DateTime.fromISO(value, { zone, setZone: true }));
}

/**
 * `parseIsoDate` by zone and text. Parsing is the costly part of luxon, and a digest repeats the
 * same dates many times: DateTime values are immutable, so one parse per build is shared.
 */
export const PARSED_DATES = new ScopedMemoTable("parsed dates", parseIsoDate);

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

/** The first day of the month after `key`, in `zone`, by zone and month. */
const NEXT_MONTHS = new ScopedMemoTable("first days of next months", (key: MonthKey, zone: string): DateTime => {
  const { year, month } = monthParts(key);
  return DateTime.fromObject({ year, month, day: 1 }, { zone }).plus({ months: 1 });
});

/** An issue's date: its own `published`, else the first day of the following month, in `zone`. */
export function issueDate(key: MonthKey, zone: string, published: string | undefined, memo: Memo): DateTime {
  if (published !== undefined) {
    const parsed = memo.cachedIn(PARSED_DATES, zone, published);
    if (parsed) return parsed;
  }
  return memo.cachedIn(NEXT_MONTHS, zone, key);
}

/** "April 2025" in the given locale. */
export function formatMonth(key: MonthKey, locale: string, zone: string): string {
  const { year, month } = monthParts(key);
  return DateTime.fromObject({ year, month, day: 1 }, { zone, locale }).toLocaleString({
    month: "long",
    year: "numeric",
  });
}

/** "April" in the given locale. */
export function formatMonthName(key: MonthKey, locale: string, zone: string): string {
  const { year, month } = monthParts(key);
  return DateTime.fromObject({ year, month, day: 1 }, { zone, locale }).toLocaleString({ month: "long" });
}

/** The locale and zone dates are written in (a build's options are one). */
export interface DateStyle {
  readonly locale: string;
  readonly timeZone: string;
}

/** `formatMonthName` by style and month: every page of an issue names its month. */
export const MONTH_NAMES = new ScopedMemoTable("month names", (key: MonthKey, style: DateStyle) => formatMonthName(key, style.locale, style.timeZone));

/** Intl formatters are costly to create and cheap to reuse: one per locale. */
const DAY_FORMATS = new MemoTable("day formats", (locale: string) => new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }));

/** "12 Mar 2025" style (luxon's DATE_MED), in the given locale, on the date's own calendar day. */
export function formatDay(date: IsoDateTime, locale: string, memo: Memo): string {
  const [year, month, day] = isoDay(date).split("-").map(Number) as [number, number, number];
  return memo.cached(DAY_FORMATS, locale).format(Date.UTC(year, month - 1, day));
}

/** The calendar day of an `IsoDateTime` where it was given: `2025-05-01`. */
export function isoDay(date: IsoDateTime): string {
  return date.slice(0, 10);
}

/** An `IsoDateTime` as a JavaScript `Date` (Eleventy's `page.date`, a sitemap's `lastmod`). */
export function toDate(date: IsoDateTime): Date {
  return new Date(Date.parse(date));
}

/**
 * A luxon DateTime as an `IsoDateTime`, in its own zone's offset at that instant, naming exactly
 * that instant. ISO 8601 offsets have no seconds: a zone's old local mean time (Kathmandu before
 * 1920: +05:41:16) is written with its offset rounded up to the minute (+05:42) and the wall clock
 * moved with it (00:00:44), so the day stays the zone's and `Date.parse` still gives the instant.
 */
export function toIsoDateTime(date: DateTime): IsoDateTime {
  const offset = Math.ceil(date.offset);
  const wall = new Date(date.toMillis() + offset * 60_000).toISOString();
  const text = wall.endsWith(".000Z") ? wall.slice(0, -5) : wall.slice(0, -1);
  if (offset === 0) return `${text}Z`;
  const minutes = Math.abs(offset);
  return `${text}${offset < 0 ? "-" : "+"}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * How old an article was when its issue came out, in the largest whole unit ("1y", "3mo").
 * Measured against the issue's date, never the build clock, so a page never changes by itself.
 */
export function ageAt(published: DateTime, reference: DateTime): Age {
  if (published >= reference) return age(0, "day");
  // Whole calendar months between the two dates, read in the reference's zone (as luxon's
  // diff would, without its cost: this runs once per article). The published instant's wall
  // clock in that zone is its UTC time shifted by the zone's offset at that instant.
  const fromMillis = published.toMillis();
  const from = new Date(fromMillis + reference.zone.offset(fromMillis) * 60_000);
  const to = new Date(reference.toMillis() + reference.offset * 60_000);
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate() || (to.getUTCDate() === from.getUTCDate() && timeOfDay(to) < timeOfDay(from))) months -= 1;
  if (months >= 12) return age(Math.floor(months / 12), "year");
  if (months >= 1) return age(months, "month");
  const days = Math.floor((reference.toMillis() - fromMillis) / 86_400_000);
  if (days >= 7) return age(Math.floor(days / 7), "week");
  return age(days, "day");
}

/** The ages articles have, made once and frozen: up to 6 days, 4 weeks, 11 months, 99 years. */
const AGES: { readonly [Unit in AgeUnit]: readonly Age[] } = {
  day: ages("day", 6),
  week: ages("week", 4),
  month: ages("month", 11),
  year: ages("year", 99),
};

function ages(unit: AgeUnit, most: number): readonly Age[] {
  return Array.from({ length: most + 1 }, (_, count) => Object.freeze({ count, unit }));
}

/** One shared object per age: a 100k digest's articles have a few dozen ages, not 100,000. */
function age(count: number, unit: AgeUnit): Age {
  return AGES[unit][count] ?? { count, unit };
}

/** Milliseconds since midnight of a wall-clock time held in a Date's UTC fields. */
function timeOfDay(date: Date): number {
  return ((date.getUTCHours() * 60 + date.getUTCMinutes()) * 60 + date.getUTCSeconds()) * 1000 + date.getUTCMilliseconds();
}

/**
 * RFC 822 date as RSS 2.0 wants it, always in UTC ("GMT") so it is locale-free. ECMAScript fixes
 * `toUTCString`'s form to exactly this ("Wed, 31 Dec 2025 23:59:33 GMT", English names, whatever
 * the machine's locale), and it costs a fraction of a luxon format: it runs once per feed item.
 */
export function toRfc822(date: IsoDateTime): string {
  return new Date(Date.parse(date)).toUTCString();
}

/** RFC 3339 date-time in UTC, for Atom, JSON Feed and `<time datetime>`. */
export function toRfc3339(date: IsoDateTime): string {
  const iso = new Date(Date.parse(date)).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
