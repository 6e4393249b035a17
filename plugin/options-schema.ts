/**
 * The zod schema of the plugin's options: what each option accepts, with the message a wrong
 * value gets. `options.ts` resolves the parsed options and their defaults.
 */
import { z } from "zod";
import { isValidZone } from "./model/dates.js";
import { cleanText } from "./data/text.js";
import { isHttpUrl } from "./data/schema.js";
import { positiveInt } from "./data/zod-helpers.js";
import { digestStringsSchema } from "./html/strings.js";

/** The feed formats: RSS 2.0 (`feed.xml`), Atom 1.0 (`atom.xml`), JSON Feed 1.1 (`feed.json`). */
export type FeedFormat = "rss" | "atom" | "json";
export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

const ORIGIN_EXPECTED = 'expected an absolute http(s) origin such as "https://digest.example.com"';
const BASE_PATH_EXPECTED = 'expected a path such as "/" or "/digest/"';
const LOCALE_EXPECTED = 'expected a BCP 47 locale such as "en" or "de"';
const ZONE_EXPECTED = 'expected an IANA time zone such as "UTC" or "Europe/Berlin"';
const DATA_KEY_EXPECTED = 'expected a data key such as "digest"';
const TEXT_EXPECTED = "expected text";
const flag = () => z.boolean({ error: "expected true or false" });
const nonEmpty = () => z.string().min(1, { error: "expected non-empty text" });
const layoutPath = z.string({ error: 'expected a layout path such as "layouts/base.njk"' }).min(1, { error: "expected a layout path" });
const dataName = /^[A-Za-z_$][\w$]*$/;

export const optionsSchema = z.object(
  {
    siteUrl: z
      .string({ error: ORIGIN_EXPECTED })
      .refine((value) => isHttpUrl(value) && new URL(value).pathname === "/" && !new URL(value).search && !new URL(value).hash, {
        error: `${ORIGIN_EXPECTED} (put a sub-folder in basePath or Eleventy's pathPrefix)`,
      }),
    title: z.string({ error: TEXT_EXPECTED }).transform(cleanText).pipe(nonEmpty()).optional(),
    description: z.string({ error: TEXT_EXPECTED }).transform(cleanText).optional(),
    basePath: z
      .string({ error: BASE_PATH_EXPECTED })
      .refine((value) => !/(^|\/)\.\.?(\/|$)|[?#\\%]/.test(value), { error: `${BASE_PATH_EXPECTED}, without "..", "?", "#" or "%"` })
      .optional(),
    pageSize: positiveInt().optional(),
    dataKey: z.string({ error: DATA_KEY_EXPECTED }).regex(/^[A-Za-z_$][\w$-]*$/, { error: DATA_KEY_EXPECTED }).optional(),
    locale: z
      .string({ error: LOCALE_EXPECTED })
      .refine((value) => {
        try {
          return Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0;
        } catch {
          return false;
        }
      }, { error: `${LOCALE_EXPECTED} that this Node.js supports` })
      .optional(),
    strings: digestStringsSchema.optional(),
    timeZone: z.string({ error: ZONE_EXPECTED }).refine(isValidZone, { error: ZONE_EXPECTED }).optional(),
    feed: z
      .object(
        {
          limit: positiveInt().optional(),
          formats: z
            .array(z.enum(FEED_FORMATS, { error: 'expected "rss", "atom" or "json"' }), { error: 'expected a list of formats such as ["rss", "atom", "json"]' })
            .min(1, { error: 'expected at least one of "rss", "atom", "json"' })
            .optional(),
          perTag: flag().optional(),
          items: z.enum(["articles", "issues"], { error: 'expected "articles" or "issues"' }).optional(),
          // Feed titles reach XML and JSON: cleaned of XML-forbidden characters like data text.
          title: z.string({ error: TEXT_EXPECTED }).transform((value) => cleanText(value).trim()).pipe(nonEmpty()).optional(),
          description: z.string({ error: TEXT_EXPECTED }).transform((value) => cleanText(value).trim()).optional(),
        },
        { error: "expected an object" },
      )
      .strict()
      .optional(),
    layout: layoutPath.optional(),
    layouts: z
      .object({ archive: layoutPath, year: layoutPath, month: layoutPath, tagIndex: layoutPath, tag: layoutPath }, { error: "expected an object of layouts by page kind" })
      .partial()
      .strict()
      .optional(),
    renderItem: z.custom<(...args: never[]) => string>((value) => typeof value === "function", { error: "expected a function (article, context) => html" }).optional(),
    stylesheet: flag().optional(),
    globalData: z
      .union([z.literal(false), z.string().regex(dataName)], { error: 'expected a data name such as "digestSite", or false' })
      .optional(),
    pipeline: z.enum(["direct", "eleventy"], { error: 'expected "direct" or "eleventy"' }).optional(),
    collectionsAll: flag().optional(),
    sitemap: z.union([z.boolean(), z.literal("auto")], { error: 'expected true, false or "auto"' }).optional(),
  },
  { error: "expected an options object such as { siteUrl: \"https://digest.example.com\" }" },
).strict();
