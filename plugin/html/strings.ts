/**
 * Every word the default pages print, per locale. `en` and `de` are built in; the `strings`
 * option overrides any of them. Placeholders in braces (`{n}`, `{rank}`, ...) are filled in; a
 * number is formatted in the locale.
 */
import { z } from "zod";

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
  /** The search page (`search: true`): its title and header link, and what it says without JavaScript. */
  search: string;
  searchNoScript: string;
}

/** The languages the plugin speaks without a `strings` option. */
export type BuiltInLocale = "en" | "de";

/** The built-in words, by language. */
export const BUILT_IN_STRINGS: Readonly<Record<BuiltInLocale, DigestStrings>> = {
  en: {
    archive: "Archive",
    tags: "Tags",
    tag: "Tag",
    page: "Page {n}",
    pageOf: "Page {n} of {count}",
    titleWithPage: "{title}, page {n}",
    documentTitle: "{site} — {page}",
    previous: "Previous",
    next: "Next",
    newerIssue: "Newer issue",
    olderIssue: "Older issue",
    skipToContent: "Skip to content",
    siteNavigation: "Site",
    pagination: "Pages",
    breadcrumbs: "Breadcrumbs",
    issueNavigation: "Issues",
    article: "Article",
    video: "Video",
    rank: "#{rank}",
    articleCount: { one: "{n} article", other: "{n} articles" },
    issueCount: { one: "{n} issue", other: "{n} issues" },
    rankInIssue: "#{rank} in {issue}",
    inIssue: "In {issue}",
    ageDay: "{n}d",
    ageWeek: "{n}w",
    ageMonth: "{n}mo",
    ageYear: "{n}y",
    ageToday: "new",
    publishedOn: "Published {date}",
    issuedOn: "Issue of {date}",
    draftBanner: "Draft: this issue is left out of production builds until its draft flag is removed.",
    scheduledBanner: "Scheduled: this issue is published on {date}; production builds leave it out until then.",
    subscribe: "Subscribe",
    rssFeed: "RSS feed",
    tagFeed: "Feed for this tag",
    emptyDigest: "No issues yet.",
    emptyDigestHint: "The first issue is on its way: subscribe to the feed to get it.",
    emptyTags: "No tags yet.",
    allTags: "All tags",
    feedHelp: "A feed brings every new pick to your feed reader (such as Feedly, NetNewsWire or Thunderbird): copy a feed's address below and add it there.",
    siteFeeds: "The whole digest",
    tagFeeds: "Feeds by tag",
    opmlFile: "All feeds as one OPML file",
    opmlHint: "Import it into your reader to subscribe to every feed at once.",
    search: "Search",
    searchNoScript: "Search needs JavaScript. Without it, find a pick by its topic or its issue:",
  },
  de: {
    archive: "Archiv",
    tags: "Themen",
    tag: "Thema",
    page: "Seite {n}",
    pageOf: "Seite {n} von {count}",
    titleWithPage: "{title}, Seite {n}",
    documentTitle: "{site} — {page}",
    previous: "Zurück",
    next: "Weiter",
    newerIssue: "Neuere Ausgabe",
    olderIssue: "Ältere Ausgabe",
    skipToContent: "Zum Inhalt springen",
    siteNavigation: "Website",
    pagination: "Seiten",
    breadcrumbs: "Navigationspfad",
    issueNavigation: "Ausgaben",
    article: "Artikel",
    video: "Video",
    rank: "#{rank}",
    articleCount: { one: "{n} Artikel", other: "{n} Artikel" },
    issueCount: { one: "{n} Ausgabe", other: "{n} Ausgaben" },
    rankInIssue: "Platz {rank} im {issue}",
    inIssue: "Ausgabe {issue}",
    ageDay: "{n} T.",
    ageWeek: "{n} Wo.",
    ageMonth: "{n} Mon.",
    ageYear: "{n} J.",
    ageToday: "neu",
    publishedOn: "Veröffentlicht am {date}",
    issuedOn: "Ausgabe vom {date}",
    draftBanner: "Entwurf: Diese Ausgabe fehlt in Produktions-Builds, bis ihr Entwurfs-Kennzeichen entfernt ist.",
    scheduledBanner: "Geplant: Diese Ausgabe erscheint am {date}; bis dahin fehlt sie in Produktions-Builds.",
    subscribe: "Abonnieren",
    rssFeed: "RSS-Feed",
    tagFeed: "Feed zu diesem Thema",
    emptyDigest: "Noch keine Ausgaben.",
    emptyDigestHint: "Die erste Ausgabe ist unterwegs: Abonniere den Feed, um sie zu bekommen.",
    emptyTags: "Noch keine Themen.",
    allTags: "Alle Themen",
    feedHelp: "Ein Feed bringt jeden neuen Beitrag in deinen Feedreader (etwa Feedly, NetNewsWire oder Thunderbird): Kopiere unten die Adresse eines Feeds und füge sie dort hinzu.",
    siteFeeds: "Der ganze Digest",
    tagFeeds: "Feeds nach Thema",
    opmlFile: "Alle Feeds als eine OPML-Datei",
    opmlHint: "Importiere sie in deinen Feedreader, um alle Feeds auf einmal zu abonnieren.",
    search: "Suche",
    searchNoScript: "Die Suche braucht JavaScript. Ohne JavaScript findest du jeden Beitrag über sein Thema oder seine Ausgabe:",
  },
};

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
