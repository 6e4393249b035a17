// parseIsoDate takes a fast path for date-times with an offset; it must equal luxon's ISO parser.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseIsoDate, toRfc822 } from "../../plugin/model/dates.js";
import { Memo } from "../../plugin/model/memo.js";

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

  it("with a build's memo, gives what fromMillis gives, sharing one luxon Locale", () => {
    const memo = new Memo();
    const values = ["2025-04-12T09:30:00Z", "2025-04-12T09:30:00+05:30", "2024-02-29", "2025-04-13T23:59:59-11:00"];
    const parsed = values.map((value) => parseIsoDate(value, "UTC", memo)!);
    values.forEach((value, index) => {
      const expected = DateTime.fromISO(value, { zone: "UTC", setZone: true });
      const actual = parsed[index]!;
      expect(actual.toISO()).toBe(expected.toISO());
      expect(actual.zoneName).toBe(expected.zoneName);
      expect(actual.locale).toBe(expected.locale);
      expect(actual.toLocaleString(DateTime.DATETIME_FULL)).toBe(expected.toLocaleString(DateTime.DATETIME_FULL));
      expect(actual.toFormat("cccc d LLLL yyyy")).toBe(expected.toFormat("cccc d LLLL yyyy"));
      expect(actual.equals(expected)).toBe(true);
    });
    const locales = new Set(parsed.map((date) => (date as unknown as { loc: unknown }).loc));
    expect(locales.size).toBe(1);
    // Without a memo, each value has its own (luxon's fromMillis).
    expect((parseIsoDate(values[0]!, "UTC") as unknown as { loc: unknown }).loc).not.toBe([...locales][0]);
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
          expect(toRfc822(date)).toBe(date.toUTC().setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss 'GMT'"));
        },
      ),
      { numRuns: 500 },
    );
  });
});
