/**
 * The model's date values, as the public types show them: plain text and numbers, no date library's
 * types (dates.ts makes and formats them).
 */

/**
 * An instant as ISO 8601 text with the offset it was given or has in the digest's `timeZone`:
 * `2025-05-01T00:00:00+02:00`, `2025-04-12T09:30:00Z` (milliseconds only when not zero). Its first
 * ten characters are its calendar day there; `Date.parse` reads it exactly.
 */
export type IsoDateTime = string;

/** The units an article's age is given in. */
export type AgeUnit = "day" | "week" | "month" | "year";
/** An article's age at its issue, in one whole unit: `{ count: 3, unit: "month" }`. */
export interface Age {
  readonly count: number;
  readonly unit: AgeUnit;
}
