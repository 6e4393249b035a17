/**
 * Every word the default pages print, per locale. `en` and `de` are built in; the `strings`
 * option overrides any of them. Placeholders in braces (`{n}`, `{rank}`, ...) are filled in; a
 * number is formatted in the locale.
 */
import { z } from "zod";
import { EN } from "./words/en.js";
import { DE } from "./words/de.js";

/** Plural forms by `Intl.PluralRules` category; `other` is required. `{n}` is the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every word the pages say; the `strings` option replaces any of them. `{x}` are placeholders. */
export interface DigestStrings {
  /** The archive: the breadcrumb root and the header link. */
  archive: string;
  tags: string;
  /** "Tag: Redis" on a tag page. */
  tag: string;
  /** "Page 2" (a page number's accessible name). `{n}`. */
  page: string;
  /** "Page 2 of 3" under a heading. `{n}`, `{count}`. */
  pageOf: string;
  /** A page's title beyond page 1: "April 2025, page 2". `{title}`, `{n}`. */
  titleWithPage: string;
  /** The `<title>`: "Best of Distributed Systems — April 2025". `{site}`, `{page}`. */
  documentTitle: string;
  previous: string;
  next: string;
  newerIssue: string;
  olderIssue: string;
  skipToContent: string;
  /** Accessible names of the navigation landmarks. */
  siteNavigation: string;
  pagination: string;
  breadcrumbs: string;
  issueNavigation: string;
  /** The type badges. */
  article: string;
  video: string;
  /** A rank badge: "#3". `{rank}`. */
  rank: string;
  articleCount: PluralForms;
  issueCount: PluralForms;
  /** "#3 in April 2025" in feeds: `{rank}` and `{issue}`. */
  rankInIssue: string;
  /** "In April 2025": the issue an article on a tag page comes from. `{issue}`. */
  inIssue: string;
  /** Age labels: how old an article was when its issue came out. `{n}`. */
  ageDay: string;
  ageWeek: string;
  ageMonth: string;
  ageYear: string;
  ageToday: string;
  /** "Published 7 Mar 2025": `{date}`. */
  publishedOn: string;
  /** "Issue of 1 Apr 2025": `{date}`. */
  issuedOn: string;
  /** The banner on a draft issue's pages under `--serve`. */
  draftBanner: string;
  /** The banner on a scheduled issue's pages under `--serve`. `{date}`. */
  scheduledBanner: string;
  subscribe: string;
  rssFeed: string;
  /** The title of a tag's feed link. */
  tagFeed: string;
  /** The empty archive: "No issues yet." and what to do about it. */
  emptyDigest: string;
  emptyDigestHint: string;
  emptyTags: string;
  allTags: string;
  /** The subscribe page: what a feed is, its two lists' headings, and the OPML file's link and hint. */
  feedHelp: string;
  siteFeeds: string;
  tagFeeds: string;
  opmlFile: string;
  opmlHint: string;
  /** The issue page's link to its email version (email.html). */
  emailVersion: string;
  /** The email's footer link to the issue's page. */
  viewOnWeb: string;
}

/** The languages the plugin speaks without a `strings` option. */
export type BuiltInLocale = "en" | "de";

/** `true` only when `Words` has no key that `DigestStrings` lacks (a misspelt word in words/). */
type OnlyKnownWords<Words> = Exclude<keyof Words, keyof DigestStrings> extends never ? true : false;
/** Compile-time check of the word tables: each has every word (below) and no other (here). */
const WORDS_ARE_KNOWN: OnlyKnownWords<typeof EN> & OnlyKnownWords<typeof DE> = true;
void WORDS_ARE_KNOWN;

/** The built-in words, by language (one file each in words/). */
export const BUILT_IN_STRINGS: Readonly<Record<BuiltInLocale, DigestStrings>> = { en: EN, de: DE };

const text = z.string({ error: "expected text" });
const pluralForms = z
  .object(
    { zero: text.optional(), one: text.optional(), two: text.optional(), few: text.optional(), many: text.optional(), other: text },
    { error: 'expected plural forms such as { "one": "{n} article", "other": "{n} articles" }' },
  )
  .strict();
const pluralKeys = new Set<keyof DigestStrings>(["articleCount", "issueCount"]);

/** The `strings` option: any subset of `DigestStrings`, checked key by key. */
export const digestStringsSchema = z
  .object(
    Object.fromEntries(
      (Object.keys(BUILT_IN_STRINGS.en) as (keyof DigestStrings)[]).map((key) => [key, (pluralKeys.has(key) ? pluralForms : text).optional()]),
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

/** Formats numbers, plurals and dates' placeholders in one locale. */
export class Wording {
  private readonly numbers: Intl.NumberFormat;
  private readonly formatted = new Map<number, string>();
  private readonly plurals: Intl.PluralRules;
  private readonly pluralRules = new Map<number, Intl.LDMLPluralRule>();
  private readonly templates = new Map<string, readonly string[]>();
  constructor(
    readonly locale: string,
    readonly strings: DigestStrings,
  ) {
    this.numbers = new Intl.NumberFormat(locale);
    this.plurals = new Intl.PluralRules(locale);
  }
  number(n: number): string {
    // Ranks, page numbers and counts repeat on every page; Intl formatting is not free.
    let text = this.formatted.get(n);
    if (text === undefined) {
      text = this.numbers.format(n);
      if (this.formatted.size < 10_000) this.formatted.set(n, text);
    }
    return text;
  }
  /** Fills `{name}` placeholders; numbers are formatted in the locale. Unknown names stay as they are. */
  fill(template: string, values: Record<string, string | number>): string {
    const parts = this.parts(template);
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = values[parts[i]!];
      text += (value === undefined ? `{${parts[i]}}` : typeof value === "number" ? this.number(value) : value) + parts[i + 1]!;
    }
    return text;
  }
  count(forms: PluralForms, n: number): string {
    let rule = this.pluralRules.get(n);
    if (rule === undefined) {
      rule = this.plurals.select(n);
      if (this.pluralRules.size < 10_000) this.pluralRules.set(n, rule);
    }
    return this.fill(forms[rule] ?? forms.other, { n });
  }
  /**
   * A template split once into text and placeholder names, alternating: "#{rank} in {issue}" →
   * ["#", "rank", " in ", "issue", ""]. Filling runs for every card on every page.
   */
  private parts(template: string): readonly string[] {
    let parts = this.templates.get(template);
    if (parts === undefined) {
      parts = template.split(/\{(\w+)\}/);
      this.templates.set(template, parts);
    }
    return parts;
  }
}
