/** What the default pages say: every word, and its plural forms. The tables are en.ts and de.ts. */

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
  /** The `<title>`: "Best of Distributed Systems · April 2025". `{site}`, `{page}`. */
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
  /**
   * Age labels, no longer printed: a pick's age now counts from the reader's today, in the
   * browser's own words for the page's locale (`Intl.RelativeTimeFormat`, html/age.ts). Kept so
   * that a `strings` option giving them stays valid.
   */
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
  /**
   * The subscribe page's two kinds of site feed, each a heading and what it brings (also the
   * companion feed's title after the digest's: "Best of X · One item a month"), and the heading of
   * the publisher's newsletter form (the `subscribe.newsletterHtml` option).
   */
  pickFeeds: string;
  pickFeedsHint: string;
  issueFeeds: string;
  issueFeedsHint: string;
  byEmail: string;
  opmlFile: string;
  opmlHint: string;
  /** "12 tags, each with …" above the tag index (its counts are bare numbers), and the name of its A–Z jump links. */
  tagCount: PluralForms;
  tagInitials: string;
  /**
   * The sources: the index's title and header/footer link, "Source: ByteByteGo" on a source page,
   * its feed link (`feed.perSource`), the empty index, the subscribe page's heading of source
   * feeds, and the index's count line and A–Z jump links, as for tags.
   */
  sources: string;
  source: string;
  sourceFeed: string;
  emptySources: string;
  allSources: string;
  sourceFeeds: string;
  sourceCount: PluralForms;
  sourceInitials: string;
  /** The archive's H1 above the newest issue, and its link to all of it ("The whole issue: 28 articles", `{n}`). */
  latestIssue: string;
  wholeIssue: PluralForms;
  /** A month page's title when its issue has a headline: "April 2025: Netflix at scale". `{month}`, `{title}`. */
  issueHeadline: string;
  /** The search page (`search: true`): its title and header link, and what it says without JavaScript. */
  search: string;
  searchNoScript: string;
  /** What the search page says under a search that found nothing, above links to the tag index and the latest issue. */
  searchNoHits: string;
  /** The issue page's link to its email version (email.html). */
  emailVersion: string;
  /** The email's footer link to the issue's page. */
  viewOnWeb: string;
  /** The not-found page (`404.html`): its title, what happened, and the heading of its way back. */
  notFound: string;
  notFoundHint: string;
  notFoundLinks: string;
  /** A year page's links to the years beside it, and their landmark's name. */
  newerYear: string;
  olderYear: string;
  yearNavigation: string;
  /** A year page's review: its heading ("2025 in review", `{year}`), and its three lists' headings. */
  yearInReview: string;
  monthsTopPicks: string;
  mostPickedSources: string;
  mostPickedTags: string;
  /** The subscribe page's copy buttons (shown with JavaScript), what one says once it has copied, and the tag filter's label. */
  copy: string;
  copied: string;
  filterTags: string;
  /** An email's thumbnail's alt text: what it adds to the title above it. `{source}`. */
  imageFrom: string;
}
