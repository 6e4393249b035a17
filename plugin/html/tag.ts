/** The tag pages: the index of all tags and each tag's page of cards, with its own feed. */
import type { DigestModel, Tag, TagPage } from "../model/build.js";
import type { Breadcrumb, PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FragmentCache } from "./fragments.js";
import { html } from "./escape.js";
import { archivePath, tagIndexPath } from "../model/urls.js";
import { pageFeedLinks, tagFeedLinks } from "../feeds/links.js";
import { renderPagination } from "./pagination.js";
import { facts, link, pageOf, view, withPage } from "./parts.js";

/** The group of tags whose names start with no cased letter (digits, symbols, emoji, Han, …). */
const OTHER_INITIAL = "#";

/**
 * The A–Z group a tag's name files under: its first letter without accents ("Éclat" → "E") in
 * capitals, for Latin and any other cased script ("Ωmega" → "Ω"); "#" for names that start with a
 * digit, a symbol or a letter of a script without case (Han, kana), where one group per initial
 * would be one group per tag.
 */
export function tagInitial(name: string, locale: string): string {
  const first = name.normalize("NFD").charAt(0);
  const upper = first.toLocaleUpperCase(locale).charAt(0);
  return /\p{L}/u.test(first) && upper !== first.toLocaleLowerCase(locale) ? upper : OTHER_INITIAL;
}

/** The tags grouped by initial: groups in the locale's alphabetical order, "#" last; tags keep their order. */
function tagGroups(tags: readonly Tag[], locale: string): [string, Tag[]][] {
  const groups = new Map<string, Tag[]>();
  for (const tag of tags) {
    const initial = tagInitial(tag.name, locale);
    const group = groups.get(initial);
    if (group) group.push(tag);
    else groups.set(initial, [tag]);
  }
  const collator = new Intl.Collator(locale);
  return [...groups].sort(([a], [b]) => (a === OTHER_INITIAL ? 1 : b === OTHER_INITIAL ? -1 : collator.compare(a, b)));
}

/** A group's fragment id: `dg-t-A`, `dg-t-other` for "#". */
const groupId = (initial: string): string => `dg-t-${initial === OTHER_INITIAL ? "other" : initial}`;

/**
 * The index of every tag, grouped A–Z with jump links, each tag with its number of articles (a
 * bare number: the line above the list says what it counts). Its structured data says how many
 * tags there are and lists none: every name and link is on the page, and repeating them made the
 * JSON-LD half of a 200-tag page. Kept small so 200 tags stay in the 30 KB page budget.
 */
export function renderTagIndex(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const groups = tagGroups(model.tags, site.options.locale);
  const jump = groups.length > 1 && html`<nav class="dg-az" aria-label="${strings.tagInitials}"><ul>${groups.map(([initial]) => html`<li><a href="#${groupId(initial)}">${initial}</a></li>`)}</ul></nav>`;
  const sections = groups.map(
    ([initial, tags]) =>
      html`<h2 class="dg-initial" id="${groupId(initial)}">${initial}</h2><ul class="dg-tag-index">${tags.map((tag) => html`<li>${link(site, tag.path, tag.name)} <small>${site.wording.number(tag.count)}</small></li>`)}</ul>`,
  );
  // One set of columns for every group: a few tags fill a few lines, 200 tags fill a few screens.
  const list = sections.length > 0 ? html`${facts(site.wording.count(strings.tagCount, model.tags.length))}${jump}<div class="dg-tag-groups">${sections}</div>` : html`<div class="dg-empty"><p><strong>${strings.emptyTags}</strong></p></div>`;
  const body = html`<h1>${strings.tags}</h1>${list}`;
  return view(site, {
    kind: "tagIndex",
    path: tagIndexPath(site.options.basePath),
    title: strings.tags,
    description: `${site.title}: ${strings.allTags}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(site.options.basePath) },
      { name: strings.tags, path: tagIndexPath(site.options.basePath) },
    ],
    items: model.tags.map((tag, index) => ({ position: index + 1, name: tag.name, url: site.absolute(tag.path) })),
    compactItems: true,
    body,
  });
}

/** One page of a tag's articles, with the tag's own feed. */
export function renderTagPage(page: TagPage, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const { tag } = page;
  const title = withPage(site, tag.name, page.pageNumber);
  // Ranks repeat across issues, so a tag page is an unordered list with no rank badges; each entry
  // says its rank with its month ("#3 in April 2025"), linked to the issue page that lists it.
  const items = page.items.map((article) => {
    const where = site.wording.fill(strings.rankInIssue, { rank: article.rank, issue: cache.monthLabel(article.month, site) });
    return html`<li><p class="dg-context">${link(site, article.pagePath, where)}</p>${cache.card(article, site, "tag")}</li>`;
  });
  const feeds = pageFeedLinks(site, tag);
  const tagFeed = tagFeedLinks(tag, site.options, site.title)[0];
  const feedLink = tagFeed && html`<a class="dg-feed" href="${site.href(tagFeed.path)}" type="${tagFeed.type}">${strings.tagFeed}</a>`;
  const counts = facts(site.wording.count(strings.articleCount, tag.count), pageOf(site, page.pageNumber, page.pageCount), feedLink);
  const body = html`<h1><span class="dg-muted">${strings.tag}:</span> ${tag.name}</h1>${counts}<ul class="dg-list dg-tag-list">${items}</ul>${renderPagination(site, page.pagePaths, page.pageNumber)}`;
  const breadcrumbs: Breadcrumb[] = [
    { name: strings.archive, path: archivePath(site.options.basePath) },
    { name: strings.tags, path: tagIndexPath(site.options.basePath) },
    { name: tag.name, path: tag.path },
  ];
  if (page.pageNumber > 1) breadcrumbs.push({ name: site.wording.fill(strings.page, { n: page.pageNumber }), path: page.path });
  const offset = site.options.pageSize * (page.pageNumber - 1);
  const pictured = page.items.find((article) => article.image !== undefined);
  return view(site, {
    kind: "tag",
    path: page.path,
    feeds,
    title,
    description: `${site.title} — ${title}: ${site.wording.count(strings.articleCount, tag.count)}`,
    breadcrumbs,
    // Positions run on across pages: page 2 of a tag starts where page 1 ended.
    items: page.items.map((article, index) => ({ position: offset + index + 1, name: article.title, url: article.url })),
    total: tag.count,
    ...(pictured?.image !== undefined && { image: pictured.image, imageAlt: pictured.title }),
    body,
  });
}
