// parseIsoDate takes a fast path for date-times with an offset; it must equal luxon's ISO parser.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isoDay, parseIsoDate, toIsoDateTime, toRfc822 } from "../../plugin/model/dates.js";

describe("parseIsoDate", () => {
  it.each([
    "2025-04-12T09:30:00Z",
    "2025-04-12T09:30Z",
    "2025-04-12T09:30:00.250Z",
    "2025-04-12T09:30:00+05:30",
    "2025-04-12T23:59:59-11:00",
    "2024-02-29T00:00:00+14:00",
    "2025-04-12",
    "2024-02-29",
    "2025-03-30",
    "2024-09-08",
    "1000-01-01",
    "9998-12-31",
    "2025-04-12T09:30:00",
  ])("%s reads as luxon reads it, in every zone", (value) => {
    for (const zone of ["UTC", "Europe/Berlin", "Pacific/Kiritimati", "America/Santiago", "UTC+5:30"]) {
      const expected = DateTime.fromISO(value, { zone, setZone: true });
      const actual = parseIsoDate(value, zone)!;
      expect(actual.toMillis(), `${value} in ${zone}`).toBe(expected.toMillis());
      expect(actual.offset, `${value} in ${zone}`).toBe(expected.offset);
      expect(actual.zoneName, `${value} in ${zone}`).toBe(expected.zoneName);
    }
  });

  it("gives what luxon's fromISO gives, through luxon's public API: same instant, zone, locale and formats", () => {
    const values = ["2025-04-12T09:30:00Z", "2025-04-12T09:30:00+05:30", "2024-02-29", "2025-04-13T23:59:59-11:00"];
    for (const value of values) {
      const expected = DateTime.fromISO(value, { zone: "UTC", setZone: true });
      const actual = parseIsoDate(value, "UTC")!;
      expect(actual.toISO()).toBe(expected.toISO());
      expect(actual.zoneName).toBe(expected.zoneName);
      expect(actual.locale).toBe(expected.locale);
      expect(actual.toLocaleString(DateTime.DATETIME_FULL)).toBe(expected.toLocaleString(DateTime.DATETIME_FULL));
      expect(actual.toFormat("cccc d LLLL yyyy")).toBe(expected.toFormat("cccc d LLLL yyyy"));
      expect(actual.equals(expected)).toBe(true);
    }
  });

  it("writes a DateTime as ISO 8601 text with its own offset, which Date.parse reads back exactly", () => {
    for (const value of [
      "2025-04-12T09:30:00Z",
      "2025-04-12T09:30:00+05:30",
      "2025-04-13T23:59:59-11:00",
      "2025-04-12T09:30:00.250+01:00",
    ]) {
      const date = parseIsoDate(value, "UTC")!;
      expect(toIsoDateTime(date)).toBe(value);
      expect(Date.parse(toIsoDateTime(date))).toBe(date.toMillis());
      expect(toIsoDateTime(date)).toBe(date.toISO({ suppressMilliseconds: true }));
    }
    expect(toIsoDateTime(parseIsoDate("2025-04-12", "Europe/Berlin")!)).toBe("2025-04-12T00:00:00+02:00");
    expect(toIsoDateTime(parseIsoDate("2025-04-12", "America/St_Johns")!)).toBe("2025-04-12T00:00:00-02:30");
    expect(isoDay("2025-04-13T23:59:59-11:00")).toBe("2025-04-13");
    // An offset with seconds (local mean time): a valid ISO offset, the zone's day, the exact instant.
    for (const zone of ["Asia/Kathmandu", "Europe/Dublin", "America/New_York"]) {
      const old = parseIsoDate("1000-02-01", zone)!;
      const text = toIsoDateTime(old);
      expect(text, zone).toMatch(/^1000-02-01T00:00:\d\d(?:Z|[+-]\d\d:\d\d)$/);
      expect(Date.parse(text), zone).toBe(old.toMillis());
    }
  });

  it("rejects what luxon rejects", () => {
    expect(parseIsoDate("2025-02-30T10:00:00Z", "UTC")).toBeUndefined();
    expect(parseIsoDate("2025-02-29", "UTC")).toBeUndefined();
    expect(parseIsoDate("2025-13-01", "Europe/Berlin")).toBeUndefined();
    expect(parseIsoDate("yesterday", "UTC")).toBeUndefined();
  });
});

describe("toRfc822", () => {
  it("writes what luxon's RFC 822 pattern writes, in English and GMT, for dates in any zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31) }),
        fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati"),
        (millis, zone) => {
          const date = DateTime.fromMillis(millis, { zone, locale: "de-DE" });
          expect(toRfc822(toIsoDateTime(date))).toBe(
            date.toUTC().setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss 'GMT'"),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
