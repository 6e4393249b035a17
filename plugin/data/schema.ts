/**
 * The data format (the digest's JSON files) as zod schemas: the single source of truth for runtime
 * validation and for the published JSON Schema (`digest.schema.json`, made by `digestJsonSchema`).
 *
 * Every schema's message is the "expected …" half of an error; validate.ts adds the place in the
 * data and what was found there.
 */
import { z } from "zod";
import { cleanLine, cleanText } from "./text.js";
import { POSITIVE_INT_EXPECTED } from "./zod-helpers.js";
import { uriOf } from "./uri.js";

/**
 * A real month, in the years 1000 to 9998: every date derived from it (an issue's date is the first
 * of the following month) then has the four-digit year RFC 822 and RFC 3339 require.
 */
const MONTH_PATTERN = /^(?:1\d{3}|[2-8]\d{3}|9[0-8]\d{2}|99[0-8]\d|999[0-8])-(?:0[1-9]|1[0-2])$/;
const MONTH_EXPECTED = 'expected a real month as "YYYY-MM", such as "2025-04"';
const HTTP_URL_EXPECTED = "expected an absolute http(s) URL";
const MARKDOWN_EXPECTED = "expected a Markdown string";
const FIRST_YEAR = 1000;
const LAST_YEAR = 9998;

/**
 * Something to see: a character that is not a blank, a control, an invisible format character, a
 * combining mark (which shows only on a base letter), a default-ignorable code point (fonts draw
 * nothing for them: the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, variation selectors, U+034F)
 * or the blank Braille pattern U+2800, which is drawn as an empty cell. Used as "lookalike blank"
 * titles and names.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * Single-line text from the data (titles, names, tags): cleaned, blanks collapsed, something
 * visible. One transform that cleans and checks (several per article, so no second schema to pipe through).
 */
const text = (expected: string) =>
  z.string({ error: expected }).transform((value, ctx) => {
    const cleaned = cleanLine(value);
    if (VISIBLE.test(cleaned)) return cleaned;
    ctx.issues.push({ code: "custom", message: expected, input: value, continue: true });
    return z.NEVER;
  });

/** Optional free text (summaries, intros): cleaned, may be empty. */
const longText = (expected: string) => z.string({ error: expected }).transform(cleanText);

/** `value` parsed, when it is an absolute http: or https: URL with a host; else undefined. */
function parseHttpUrl(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.hostname === "" ? undefined : url;
  } catch {
    return undefined;
  }
}

/** True when `url` carries a user name or password (`https://user:pass@host/`). */
function hasCredentials(url: URL): boolean {
  return url.username !== "" || url.password !== "";
}

/**
 * True for an absolute http: or https: URL with a host and no user name or password (the options'
 * URLs: a password in a hub's URL would be printed in every feed).
 */
export function isHttpUrl(value: string): boolean {
  const url = parseHttpUrl(value);
  return url !== undefined && !hasCredentials(url);
}

/**
 * An http(s) URL, written out in RFC 3986 form (`uriOf`: the WHATWG URL parser's serialisation,
 * with what it leaves unencoded, such as `|`, `^` or a bare `%`, percent-encoded), so an `href`, a
 * feed's `<link>` or a sitemap never carries raw text. A URL with a user name or password is
 * refused: it would publish them on every page and feed. Checked and normalised by one parse (up to
 * three URLs per article).
 */
const httpUrl = (expected: string) =>
  z
    .string({ error: expected })
    .meta({ format: "uri", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" })
    .transform((value, ctx) => {
      const url = parseHttpUrl(value);
      if (url !== undefined && !hasCredentials(url)) return uriOf(url);
      const message = url === undefined ? expected : `${expected} without a user name or password ("user:password@")`;
      ctx.issues.push({ code: "custom", message, input: value, continue: true });
      return z.NEVER;
    });

// zod's ISO formats check the calendar too (2025-02-30 and 2025-02-29 fail, 2024-02-29 passes), and
// their four-digit year comes first, so the range check needs no date parsing (dates are hot: one per article).
const isoDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
    error: 'expected an ISO 8601 date or date-time such as "2025-04-12" or "2025-04-12T09:30:00Z"',
  })
  .refine(
    (value) => {
      const year = Number(value.slice(0, 4));
      return year >= FIRST_YEAR && year <= LAST_YEAR;
    },
    { error: `expected a date in the years ${FIRST_YEAR} to ${LAST_YEAR}` },
  );

/** A month of the data, `"2025-04"`: branded, so only a checked string is one. */
export const monthKeySchema = z
  .string({ error: MONTH_EXPECTED })
  .regex(MONTH_PATTERN, { error: `${MONTH_EXPECTED} (years ${FIRST_YEAR} to ${LAST_YEAR})` })
  .brand<"MonthKey">();

/** An issue's month, `"YYYY-MM"`: a string that passed `monthKeySchema` (or `isMonthKey`). */
export type MonthKey = z.output<typeof monthKeySchema>;

/** True for a month key the data may use (a real month in the supported years). */
export function isMonthKey(value: string): value is MonthKey {
  return MONTH_PATTERN.test(value);
}

/** `value` as a month key; throws for anything else. For code that names a month itself. */
export function toMonthKey(value: string): MonthKey {
  if (!isMonthKey(value)) throw new RangeError(`not a month key: ${JSON.stringify(value)}`);
  return value;
}

/** A source written as an object; exported so the unknown-field warning knows its fields. */
export const sourceObjectSchema = z.object({
  name: text("expected the source's name as non-empty text"),
  url: httpUrl(HTTP_URL_EXPECTED).optional(),
  handle: text("expected a handle as non-empty text").optional(),
});

/** Where an article comes from: a bare name, or a name with an optional url and handle. */
export const sourceSchema = z.union([text("expected the source's name"), sourceObjectSchema], {
  error: 'expected the source as text or as { "name", "url"?, "handle"? }',
});

/** One tag name; exported so that an invalid article's valid tags can still be salvaged. */
export const tagNameSchema = text("expected a tag as non-empty text");

/**
 * The highest rank. Feed items are dated one second before their issue per rank (readers that sort
 * by date then show the issue in rank order), so a rank of 10,000 moves an item less than three
 * hours; a rank in the trillions would date it before year 1 or past what a date can hold.
 */
export const MAX_RANK = 10_000;

/**
 * The most tags one article may have. Each of its tags' pages (and tag feeds) shows the article
 * with every one of its tags, so one article's share of the output grows with the square of its
 * tag count; 50 keeps it small (docs/limits-and-hostile-input.md).
 */
export const MAX_TAGS_PER_ARTICLE = 50;

/** A rank: an integer from 1 to `MAX_RANK`, with one message for a value that is not a whole number >= 1. */
const rankSchema = z
  .number({ error: POSITIVE_INT_EXPECTED })
  .int({ error: POSITIVE_INT_EXPECTED, abort: true })
  .min(1, { error: POSITIVE_INT_EXPECTED, abort: true })
  .max(MAX_RANK, { error: `expected a rank <= ${MAX_RANK}` });

/** One article as written; `month` may be left out in a monthly file, whose name gives it. */
export const articleSchema = z.object(
  {
    month: monthKeySchema.optional(),
    rank: rankSchema,
    title: text("expected the title as non-empty text"),
    url: httpUrl(HTTP_URL_EXPECTED),
    type: z.enum(["article", "video"], { error: 'expected "article" or "video"' }).optional(),
    source: sourceSchema,
    published: isoDate.optional(),
    summary: longText(MARKDOWN_EXPECTED).optional(),
    tags: z
      .array(tagNameSchema, { error: "expected an array of tag names" })
      .max(MAX_TAGS_PER_ARTICLE, { error: `expected at most ${MAX_TAGS_PER_ARTICLE} tags on one article` })
      .optional(),
    id: text("expected an id as non-empty text").optional(),
    image: httpUrl(HTTP_URL_EXPECTED).optional(),
  },
  { error: "expected an article object" },
);

/**
 * A month's optional metadata under `issues`: its `published` overrides the issue's default date
 * (and, when after "now", schedules it); `draft: true` keeps it out of production builds.
 */
export const issueMetaSchema = z.object(
  {
    title: text("expected the issue title as non-empty text").optional(),
    intro: longText(MARKDOWN_EXPECTED).optional(),
    published: isoDate.optional(),
    draft: z.boolean({ error: "expected true or false" }).optional(),
  },
  { error: 'expected issue metadata as { "title"?, "intro"?, "published"?, "draft"? }' },
);

/** A data file written as an object (the other form is a bare array of articles). */
export const digestObjectSchema = z.object({
  title: text("expected the digest title as non-empty text").optional(),
  description: longText("expected the description as text").optional(),
  issues: z
    .record(monthKeySchema, issueMetaSchema, {
      error: 'expected an object keyed by real months as "YYYY-MM", such as { "2025-04": { "title": "…" } }',
    })
    .optional(),
  articles: z.array(articleSchema, { error: "expected an array of articles" }),
});

/** One data file: shape 1 (an object) or shape 2 (a bare array of articles). */
export const digestFileSchema = z.union([digestObjectSchema, z.array(articleSchema)]);

/** An article as parsed (text cleaned, URLs normalised), before validate.ts makes it a `ValidArticle`. */
export type ArticleInput = z.output<typeof articleSchema>;

/** The JSON Schema of one data file, generated from the zod schemas above. */
export function digestJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(digestFileSchema, { io: "input", unrepresentable: "any" });
  return {
    ...generated,
    $id: "https://unpkg.com/eleventy-plugin-digest/digest.schema.json",
    title: "eleventy-plugin-digest data file",
    description:
      "A digest of ranked articles: an object with `articles` (and optional `title`, `description`, `issues`), or a bare array of articles. In a folder of monthly files, `month` may be left out and is taken from the file name.",
  };
}
