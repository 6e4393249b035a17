/**
 * Every word the default pages print, per locale. `en` and `de` are built in; the `strings`
 * option overrides any of them. `{n}` is replaced by a number formatted in the locale.
 */
export interface DigestStrings {
  archive: string;
  tags: string;
  tag: string;
  page: string;
  previous: string;
  next: string;
  newerIssue: string;
  olderIssue: string;
  skipToContent: string;
  pagination: string;
  breadcrumbs: string;
  issueNavigation: string;
  article: string;
  video: string;
  /** Plural forms by `Intl.PluralRules` category; `other` is required. */
  articleCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  issueCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** "#3 in April 2025" on tag pages and in feeds: `{rank}` and `{issue}`. */
  rankInIssue: string;
  ageDay: string;
  ageWeek: string;
  ageMonth: string;
  ageYear: string;
  ageToday: string;
  publishedOn: string;
  subscribe: string;
  tagFeed: string;
  topOfIssue: string;
  emptyDigest: string;
  allTags: string;
}

export const BUILT_IN_STRINGS: Readonly<Record<"en" | "de", DigestStrings>> = {
  en: {
    archive: "Archive",
    tags: "Tags",
    tag: "Tag",
    page: "Page",
    previous: "Previous",
    next: "Next",
    newerIssue: "Newer issue",
    olderIssue: "Older issue",
    skipToContent: "Skip to content",
    pagination: "Pages",
    breadcrumbs: "Breadcrumbs",
    issueNavigation: "Issues",
    article: "Article",
    video: "Video",
    articleCount: { one: "{n} article", other: "{n} articles" },
    issueCount: { one: "{n} issue", other: "{n} issues" },
    rankInIssue: "#{rank} in {issue}",
    ageDay: "{n}d",
    ageWeek: "{n}w",
    ageMonth: "{n}mo",
    ageYear: "{n}y",
    ageToday: "new",
    publishedOn: "Published",
    subscribe: "Subscribe",
    tagFeed: "Feed for this tag",
    topOfIssue: "Top of the issue",
    emptyDigest: "No issues yet. Come back soon.",
    allTags: "All tags",
  },
  de: {
    archive: "Archiv",
    tags: "Themen",
    tag: "Thema",
    page: "Seite",
    previous: "Zurück",
    next: "Weiter",
    newerIssue: "Neuere Ausgabe",
    olderIssue: "Ältere Ausgabe",
    skipToContent: "Zum Inhalt springen",
    pagination: "Seiten",
    breadcrumbs: "Brotkrumen",
    issueNavigation: "Ausgaben",
    article: "Artikel",
    video: "Video",
    articleCount: { one: "{n} Artikel", other: "{n} Artikel" },
    issueCount: { one: "{n} Ausgabe", other: "{n} Ausgaben" },
    rankInIssue: "Platz {rank} im {issue}",
    ageDay: "{n} T.",
    ageWeek: "{n} Wo.",
    ageMonth: "{n} Mon.",
    ageYear: "{n} J.",
    ageToday: "neu",
    publishedOn: "Veröffentlicht",
    subscribe: "Abonnieren",
    tagFeed: "Feed zu diesem Thema",
    topOfIssue: "Die Spitze der Ausgabe",
    emptyDigest: "Noch keine Ausgaben. Schau bald wieder vorbei.",
    allTags: "Alle Themen",
  },
};

/** The built-in strings for a locale (by its language), with `overrides` on top. */
export function stringsFor(locale: string, overrides: Partial<DigestStrings> = {}): DigestStrings {
  const language = locale.toLowerCase().split("-")[0];
  const base = language === "de" ? BUILT_IN_STRINGS.de : BUILT_IN_STRINGS.en;
  return { ...base, ...overrides };
}

/** Formats numbers and plurals in one locale. */
export class Wording {
  private readonly numbers: Intl.NumberFormat;
  private readonly plurals: Intl.PluralRules;
  constructor(
    readonly locale: string,
    readonly strings: DigestStrings,
  ) {
    this.numbers = new Intl.NumberFormat(locale);
    this.plurals = new Intl.PluralRules(locale);
  }
  number(n: number): string {
    return this.numbers.format(n);
  }
  fill(template: string, values: Record<string, string | number>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === "number" ? this.number(value) : value;
    });
  }
  count(forms: DigestStrings["articleCount"], n: number): string {
    return this.fill(forms[this.plurals.select(n)] ?? forms.other, { n });
  }
}
