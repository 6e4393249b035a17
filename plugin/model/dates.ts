/**
 * Dates, through luxon's public API, always in an explicit zone and locale: nothing here reads the
 * machine's clock, time zone or locale, so the same data gives the same output everywhere. luxon
 * stays inside: the model holds dates as ISO 8601 strings (`IsoDateTime`), which is what the public
 * types show, and pages and feeds format those.
 */
import { DateTime, IANAZone } from "luxon";
import { monthParts } from "../data/dates.js";

import type { MonthKey } from "../data/schema.js";

export type { MonthKey };
export { issueDate, monthParts, parseIsoDate } from "../data/dates.js";
export type { Age, AgeUnit, IsoDateTime } from "./date-types.js";
import type { Age, AgeUnit, IsoDateTime } from "./date-types.js";

/** Whether `zone` is an IANA zone luxon knows, so the options can reject a bad `timeZone` up front. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
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

/**
 * Writes a date as "12 Mar 2025" (luxon's DATE_MED style) in `locale`, on the date's own calendar
 * day. An Intl formatter is costly to create and cheap to reuse: make one of these per model.
 */
export function dayFormatter(locale: string): (date: IsoDateTime) => string {
  const format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  return (date) => {
    const [year, month, day] = isoDay(date).split("-").map(Number) as [number, number, number];
    return format.format(Date.UTC(year, month - 1, day));
  };
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
  if (to.getUTCDate() < from.getUTCDate() || (to.getUTCDate() === from.getUTCDate() && timeOfDay(to) < timeOfDay(from)))
    months -= 1;
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
  return (
    ((date.getUTCHours() * 60 + date.getUTCMinutes()) * 60 + date.getUTCSeconds()) * 1000 + date.getUTCMilliseconds()
  );
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
