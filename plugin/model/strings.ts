/**
 * Every word the default pages print, per locale. `en` and `de` are built in; the `strings`
 * option overrides any of them. Placeholders in braces (`{n}`, `{rank}`, ...) are filled in; a
 * number is formatted in the locale. Here in the model, below the options (which read the defaults
 * and check overrides with `digestStringsSchema`) and the renderers (which print them).
 */
import { z } from "zod";
import { EN_WORDS } from "./words/en.js";
import { DE_WORDS } from "./words/de.js";
import type { DigestStrings, PluralForms } from "./words/types.js";

export type { DigestStrings, PluralForms };

/** The languages the plugin speaks without a `strings` option. */
export type BuiltInLocale = "en" | "de";

/** The built-in words, by language. */
export const BUILT_IN_STRINGS: Readonly<Record<BuiltInLocale, DigestStrings>> = {
  en: EN_WORDS,
  de: DE_WORDS,
};

const text = z.string({ error: "expected text" });
const pluralForms = z
  .object(
    {
      zero: text.optional(),
      one: text.optional(),
      two: text.optional(),
      few: text.optional(),
      many: text.optional(),
      other: text,
    },
    { error: 'expected plural forms such as { "one": "{n} article", "other": "{n} articles" }' },
  )
  .strict();
const pluralKeys = new Set<keyof DigestStrings>(["articleCount", "issueCount", "tagCount", "wholeIssue"]);

/** The `strings` option: any subset of `DigestStrings`, checked key by key. */
export const digestStringsSchema = z
  .object(
    Object.fromEntries(
      (Object.keys(BUILT_IN_STRINGS.en) as (keyof DigestStrings)[]).map((key) => [
        key,
        (pluralKeys.has(key) ? pluralForms : text).optional(),
      ]),
    ) as Record<keyof DigestStrings, z.ZodOptional<typeof text> | z.ZodOptional<typeof pluralForms>>,
    { error: 'expected an object of UI words such as { "next": "Older" }' },
  )
  .strict();

/** The built-in strings for a locale (by its language; `en` for any other), with `overrides` on top. */
export function stringsFor(locale: string, overrides: Partial<DigestStrings> = {}): DigestStrings {
  const language = new Intl.Locale(locale).language;
  const base = language === "de" ? BUILT_IN_STRINGS.de : BUILT_IN_STRINGS.en;
  return { ...base, ...overrides };
}
