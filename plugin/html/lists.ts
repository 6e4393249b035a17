/**
 * What tag and source pages share: the index of every name grouped A–Z with its count, and one
 * page of a name's articles, each saying where it was ranked ("#3 in April 2025", linked to its
 * issue). tag.ts and source.ts give the words, paths and page kinds; the markup is made here once.
 */
import type { DigestArticle } from "../model/build.js";
import type { ListPage } from "../model/lists.js";
import type { PluralForms } from "../model/words/types.js";
import type { Breadcrumb, PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { html } from "../render/escape.js";
import { archivePath } from "../model/urls.js";
import { pageFeedLinks, tagFeedLinks, type FeedLink } from "../render/feed-links.js";
import { renderPagination } from "./pagination.js";
import { facts, link, pageOf, view, withPage } from "./parts.js";
import { pickAnchor } from "./search-marks.js";
import { siteDomain } from "../model/labels.js";
import { ageScript } from "./age.js";
import { articleCard } from "./card.js";

/** The group of names that start with no cased letter (digits, symbols, emoji, Han, …). */
const OTHER_INITIAL = "#";

/**
 * The A–Z group a name files under: its first letter without accents ("Éclat" → "E") in
 * capitals, for Latin and any other cased script ("Ωmega" → "Ω"); "#" for names that start with a
 * digit, a symbol or a letter of a script without case (Han, kana), where one group per initial
 * would be one group per name.
 */
export function tagInitial(name: string, locale: string): string {
  const first = name.normalize("NFD").charAt(0);
  const upper = first.toLocaleUpperCase(locale).charAt(0);
  return /\p{L}/u.test(first) && upper !== first.toLocaleLowerCase(locale) ? upper : OTHER_INITIAL;
}

/** A tag or a source as its index and pages list it. */
export interface Listed {
  readonly name: string;
  readonly count: number;
  readonly path: string;
  readonly feeds: readonly { readonly format: FeedLink["format"]; readonly path: string }[];
}

/** The entries grouped by initial: groups in the locale's alphabetical order, "#" last; entries keep their order. */
function initialGroups<T extends Listed>(entries: readonly T[], locale: string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const initial = tagInitial(entry.name, locale);
    const group = groups.get(initial);
    if (group) group.push(entry);
    else groups.set(initial, [entry]);
  }
  const collator = new Intl.Collator(locale);
  return [...groups].sort(([a], [b]) => (a === OTHER_INITIAL ? 1 : b === OTHER_INITIAL ? -1 : collator.compare(a, b)));
}

/** What an index page says and where it is: its kind, path, words and the prefix of its groups' ids. */
export interface IndexSpec {
  readonly kind: "tagIndex" | "sourceIndex";
  readonly path: string;
  readonly title: string;
  readonly all: string;
  readonly count: PluralForms;
  readonly empty: string;
  readonly initials: string;
  /** `dg-t` for tags: group ids are `dg-t-A`, `dg-t-other` for "#". */
  readonly idPrefix: string;
}

/**
 * The index of every entry, grouped A–Z with jump links, each with its number of articles (a
 * bare number: the line above the list says what it counts). Its structured data says how many
 * there are and lists none: every name and link is on the page, and repeating them made the
 * JSON-LD half of a 200-tag page. Kept small so 200 tags stay in the 30 KB page budget.
 */
export function renderNameIndex(entries: readonly Listed[], spec: IndexSpec, site: SiteContext): PageView {
  const groupId = (initial: string): string => `${spec.idPrefix}-${initial === OTHER_INITIAL ? "other" : initial}`;
  const groups = initialGroups(entries, site.options.locale);
  const jump =
    groups.length > 1 &&
    html`<nav class="dg-az" aria-label="${spec.initials}"><ul>${groups.map(([initial]) => html`<li><a href="#${groupId(initial)}">${initial}</a></li>`)}</ul></nav>`;
  const sections = groups.map(
    ([initial, group]) =>
      html`<h2 class="dg-initial" id="${groupId(initial)}">${initial}</h2><ul class="dg-tag-index">${group.map((entry) => html`<li>${link(site, entry.path, entry.name)} <small>${site.wording.number(entry.count)}</small></li>`)}</ul>`,
  );
  // One set of columns for every group: a few entries fill a few lines, 200 fill a few screens.
  const list =
    sections.length > 0
      ? html`${facts(site.wording.count(spec.count, entries.length))}${jump}<div class="dg-tag-groups">${sections}</div>`
      : html`<div class="dg-empty"><p><strong>${spec.empty}</strong></p></div>`;
  return view(site, {
    kind: spec.kind,
    path: spec.path,
    title: spec.title,
    description: `${site.title}: ${spec.all}`,
    breadcrumbs: [
      { name: site.wording.strings.archive, path: archivePath(site.options.basePath) },
      { name: spec.title, path: spec.path },
    ],
    items: entries.map((entry, index) => ({ position: index + 1, name: entry.name, url: site.absolute(entry.path) })),
    compactItems: true,
    body: html`<h1>${spec.title}</h1>${list}`,
  });
}

/** What one entry's pages say: their kind, the label before the name ("Tag:"), the feed link's words and the index they belong to. */
export interface ListSpec {
  readonly kind: "tag" | "source";
  readonly label: string;
  readonly feedLink: string;
  readonly index: Breadcrumb;
  /** The entry's own website (a source's `url`), linked by its domain beside the count. */
  readonly website?: string;
}

/** One page of an entry's articles (newest issue first, then rank), with the entry's own feed when it has one. */
export function renderListPage(
  entry: Listed,
  page: ListPage<DigestArticle>,
  spec: ListSpec,
  site: SiteContext,
): PageView {
  const { strings } = site.wording;
  const title = withPage(site, entry.name, page.pageNumber);
  // Ranks repeat across issues, so a tag page is an unordered list with no rank badges; each entry
  // says its rank with its month ("#3 in April 2025"), linked to the pick on the issue page that lists it.
  const items = page.items.map((article) => {
    const where = site.wording.fill(strings.rankInIssue, { rank: article.rank, issue: article.issueLabel });
    return html`<li><p class="dg-context">${link(site, article.pagePath, where, pickAnchor(article))}</p>${articleCard(article, site, "tag")}</li>`;
  });
  const feeds = pageFeedLinks(site, entry);
  const ownFeed = tagFeedLinks(entry, site.options, site.title)[0];
  const feedLink =
    ownFeed && html`<a class="dg-feed" href="${site.href(ownFeed.path)}" type="${ownFeed.type}">${spec.feedLink}</a>`;
  const website =
    spec.website &&
    html`<a class="dg-link" href="${spec.website}">${siteDomain(spec.website)}<span aria-hidden="true">&#160;&#8599;</span></a>`;
  const counts = facts(
    site.wording.count(strings.articleCount, entry.count),
    pageOf(site, page.pageNumber, page.pageCount),
    website,
    feedLink,
  );
  const body = html`<h1><span class="dg-muted">${spec.label}:</span> ${entry.name}</h1>${counts}<ul class="dg-list dg-tag-list">${items}</ul>${renderPagination(site, page.pagePaths, page.pageNumber)}${ageScript(
    site,
    page.items.some((article) => article.published),
  )}`;
  const breadcrumbs: Breadcrumb[] = [
    { name: strings.archive, path: archivePath(site.options.basePath) },
    spec.index,
    { name: entry.name, path: entry.path },
  ];
  if (page.pageNumber > 1)
    breadcrumbs.push({ name: site.wording.fill(strings.page, { n: page.pageNumber }), path: page.path });
  const offset = site.options.pageSize * (page.pageNumber - 1);
  const pictured = page.items.find((article) => article.image !== undefined);
  return view(site, {
    kind: spec.kind,
    path: page.path,
    feeds,
    title,
    description: `${site.title} · ${title}: ${site.wording.count(strings.articleCount, entry.count)}`,
    breadcrumbs,
    // Positions run on across pages: page 2 of a tag starts where page 1 ended.
    items: page.items.map((article, index) => ({ position: offset + index + 1, url: article.url })),
    total: entry.count,
    ...(pictured?.image !== undefined && { image: pictured.image, imageAlt: pictured.title }),
    body,
  });
}
