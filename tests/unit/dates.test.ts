// parseIsoDate takes a fast path for date-times with an offset; it must equal luxon's ISO parser.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../plugin/dates.js";

describe("parseIsoDate", () => {
  it.each([
    "2025-04-12T09:30:00Z",
    "2025-04-12T09:30Z",
    "2025-04-12T09:30:00.250Z",
    "2025-04-12T09:30:00+05:30",
    "2025-04-12T23:59:59-11:00",
    "2024-02-29T00:00:00+14:00",
    "2025-04-12",
    "2025-04-12T09:30:00",
  ])("%s reads as luxon reads it, in every zone", (value) => {
    for (const zone of ["UTC", "Europe/Berlin", "Pacific/Kiritimati"]) {
      const expected = DateTime.fromISO(value, { zone, setZone: true });
      const actual = parseIsoDate(value, zone)!;
      expect(actual.toMillis(), `${value} in ${zone}`).toBe(expected.toMillis());
      expect(actual.offset, `${value} in ${zone}`).toBe(expected.offset);
    }
  });

  it("rejects what luxon rejects", () => {
    expect(parseIsoDate("2025-02-30T10:00:00Z", "UTC")).toBeUndefined();
    expect(parseIsoDate("yesterday", "UTC")).toBeUndefined();
  });
});
