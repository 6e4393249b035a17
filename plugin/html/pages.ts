/**
 * The page templates, as plain functions from the model to HTML. Every piece of data text goes
 * through `escapeHtml`; summaries through our safe Markdown. Each returns the page's content and
 * metadata; `document.ts` wraps it unless the host's layout does.
 */
import type { DateTime } from "luxon";
import { formatDay, formatMonth, formatMonthName, toRfc3339, type MonthKey } from "../model/dates.js";
import type { DigestArticle, DigestModel, MonthPage, MonthlyIssue, Tag, TagPage, YearArchive } from "../model/build.js";
import { renderMarkdown } from "./markdown.js";
import { summaryHtml } from "./summary.js";
import type { Breadcrumb, ListedItem, PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FeedLink } from "../feeds/links.js";
import { escapeHtml as esc, flatten } from "../data/text.js";
import { archivePath, tagIndexPath, tagPath } from "../model/urls.js";
import { pageFeedLinks, tagFeedLinks } from "../feeds/links.js";

/** Per-build memory of rendered fragments: an article's card is the same on every page it is on. */
export class FragmentCache {
  private readonly cards = new WeakMap<DigestArticle, string>();
  private readonly months = new Map<MonthKey, string>();
  /** `renderCard` replaces the built-in card (the `renderItem` option). */
  constructor(private readonly renderCard: (article: DigestArticle, site: SiteContext) => string = renderArticleCard) {}
  card(article: DigestArticle, site: SiteContext): string {
    let html = this.cards.get(article);
    if (html === undefined) {
      // Reused on the month page and every tag page: flattened once, copied whole each time.
      html = flatten(this.renderCard(article, site));
      this.cards.set(article, html);
    }
    return html;
  }
  monthLabel(key: MonthKey, site: SiteContext): string {
    let label = this.months.get(key);
    if (label === undefined) {
      label = formatMonth(key, site.options.locale, site.options.timeZone);
      this.months.set(key, label);
    }
    return label;
  }
}

function ageLabel(article: DigestArticle, site: SiteContext): string {
  const { strings } = site.wording;
  if (!article.age) return "";
  if (article.age.count === 0 && article.age.unit === "day") return strings.ageToday;
  const template = { day: strings.ageDay, week: strings.ageWeek, month: strings.ageMonth, year: strings.ageYear }[article.age.unit];
  return site.wording.fill(template, { n: article.age.count });
}

/** The first letter of a source's name, as its avatar (whole graphemes: "É", "分", "🚀"). */
// A digest has few sources and one locale; segmenting is costly, so each monogram is made once.
const monograms = new Map<string, string>();
const segmenters = new Map<string, Intl.Segmenter>();

function monogram(name: string, locale: string): string {
  const key = `${locale}\u0000${name}`;
  let letter = monograms.get(key);
  if (letter === undefined) {
    let segmenter = segmenters.get(locale);
    if (!segmenter) {
      segmenter = new Intl.Segmenter(locale, { granularity: "grapheme" });
      segmenters.set(locale, segmenter);
    }
    const first = segmenter.segment(name.trim())[Symbol.iterator]().next();
    letter = first.done ? "?" : first.value.segment.toLocaleUpperCase(locale);
    monograms.set(key, letter);
  }
  return letter;
}

/** One article: rank, source, type, age, linked title, thumbnail, summary and tags. */
export function renderArticleCard(article: DigestArticle, site: SiteContext): string {
  const { strings } = site.wording;
  const { locale } = site.options;
  const rankClass = article.rank <= 3 ? ` dg-medal dg-r${article.rank}` : "";
  const rank = `<span class="dg-rank${rankClass}">${esc(site.wording.fill(strings.rank, { rank: article.rank }))}</span>`;
  const sourceName = article.source.url ? `<a href="${esc(article.source.url)}">${esc(article.source.name)}</a>` : esc(article.source.name);
  const source = `<span class="dg-source"><span class="dg-avatar" aria-hidden="true">${esc(monogram(article.source.name, locale))}</span>${sourceName}</span>`;
  const type = `<span class="dg-type dg-type-${article.type}">${esc(article.type === "video" ? strings.video : strings.article)}</span>`;
  // The short label is for the eye; the full date is in `datetime`, in the tooltip and for screen readers.
  const published = article.published ? site.wording.fill(strings.publishedOn, { date: formatDay(article.published, locale) }) : "";
  const age = article.published
    ? `<time datetime="${esc(toRfc3339(article.published))}" title="${esc(published)}"><span aria-hidden="true">${esc(ageLabel(article, site))}</span><span class="dg-vh">${esc(published)}</span></time>`
    : "";
  // Decorative: the linked title next to it says what it is, so alt="" keeps screen readers from hearing it twice.
  const image = article.image ? `<img class="dg-thumb" src="${esc(article.image)}" alt="" width="112" height="63" loading="lazy" decoding="async">` : "";
  const summary = article.summary ? `<div class="dg-summary">${summaryHtml(article)}</div>` : "";
  const tags = article.tags.length
    ? `<ul class="dg-tags">${article.tags.map((tag) => `<li><a href="${esc(site.href(tagPath(site.options.basePath, tag.slug)))}">${esc(tag.name)}</a></li>`).join("")}</ul>`
    : "";
  return `<article class="dg-item"><p class="dg-meta">${rank}${source}${type}${age}</p><h2 class="dg-title"><a href="${esc(article.url)}">${esc(article.title)}</a></h2>${image}${summary}${tags}</article>`;
}

function link(site: SiteContext, path: string, text: string, attrs = ""): string {
  return `<a href="${esc(site.href(path))}"${attrs}>${esc(text)}</a>`;
}

/** The page numbers to show around `current`: 1 … 4 5 6 … 12 (a gap of one page shows the page). */
export function pageWindow(current: number, count: number): (number | "gap")[] {
  const shown = new Set([1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((n, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && n - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && n - prev > 2) out.push("gap");
    out.push(n);
  });
  return out;
}

/** Previous, the numbered window, next. Nothing for a single page. */
export function renderPagination(site: SiteContext, pagePaths: readonly string[], current: number): string {
  const count = pagePaths.length;
  if (count <= 1) return "";
  const { strings } = site.wording;
  const items: string[] = [];
  const prev = pagePaths[current - 2];
  const next = pagePaths[current];
  if (prev) items.push(`<li class="dg-step"><a href="${esc(site.href(prev))}" rel="prev"><span aria-hidden="true">&#8249;</span><span class="dg-word"> ${esc(strings.previous)}</span></a></li>`);
  for (const entry of pageWindow(current, count)) {
    if (entry === "gap") {
      items.push(`<li class="dg-gap">&#8230;</li>`);
      continue;
    }
    const label = esc(site.wording.fill(strings.page, { n: entry }));
    const current_ = entry === current ? ' aria-current="page"' : "";
    items.push(`<li><a href="${esc(site.href(pagePaths[entry - 1]!))}" aria-label="${label}"${current_}>${site.wording.number(entry)}</a></li>`);
  }
  if (next) items.push(`<li class="dg-step"><a href="${esc(site.href(next))}" rel="next"><span class="dg-word">${esc(strings.next)} </span><span aria-hidden="true">&#8250;</span></a></li>`);
  return `<nav class="dg-pages" aria-label="${esc(strings.pagination)}"><ul>${items.join("")}</ul></nav>`;
}

function withPage(site: SiteContext, title: string, pageNumber: number): string {
  return pageNumber > 1 ? site.wording.fill(site.wording.strings.titleWithPage, { title, n: pageNumber }) : title;
}

function pageOf(site: SiteContext, pageNumber: number, pageCount: number): string {
  return pageCount > 1 ? site.wording.fill(site.wording.strings.pageOf, { n: pageNumber, count: pageCount }) : "";
}

/** A line of facts under a heading: "28 articles · Page 2 of 3". Parts are HTML; empty ones are left out. */
function facts(...parts: string[]): string {
  return `<p class="dg-sub">${parts.filter(Boolean).join(" · ")}</p>`;
}

function view(site: SiteContext, fields: Omit<PageView, "documentTitle" | "feeds"> & { feeds?: readonly FeedLink[] }): PageView {
  const documentTitle = fields.kind === "archive" ? site.title : site.wording.fill(site.wording.strings.documentTitle, { site: site.title, page: fields.title });
  return { ...fields, feeds: fields.feeds ?? site.feeds, documentTitle };
}

function issueDateTime(date: DateTime, site: SiteContext): string {
  return `<time datetime="${esc(date.toISODate() ?? "")}">${esc(site.wording.fill(site.wording.strings.issuedOn, { date: formatDay(date, site.options.locale) }))}</time>`;
}

/** An issue's title without a leading month name the heading already shows ("April 2025: Netflix" → "Netflix"). */
function issueSubtitle(issue: MonthlyIssue, label: string): string | undefined {
  if (issue.title === undefined) return undefined;
  const rest = issue.title.startsWith(label) ? issue.title.slice(label.length).replace(/^[\s:–—-]+/, "") : issue.title;
  return rest === "" ? undefined : rest;
}

/** An issue in the archive or a year: its month, its title, its count and its top three. */
function issueSummary(issue: MonthlyIssue, site: SiteContext, cache: FragmentCache, headingLevel: 2 | 3): string {
  const { strings } = site.wording;
  const label = cache.monthLabel(issue.key, site);
  const subtitle = issueSubtitle(issue, label);
  const top = issue.articles
    .slice(0, 3)
    .map((article) => `<li value="${article.rank}"><a href="${esc(article.url)}">${esc(article.title)}</a> <span class="dg-muted">${esc(article.source.name)}</span></li>`)
    .join("");
  const h = `h${headingLevel}`;
  return `<section class="dg-issue" aria-labelledby="dg-${issue.key}"><${h} id="dg-${issue.key}">${link(site, issue.path, label)}</${h}>${subtitle ? `<p class="dg-issue-title">${esc(subtitle)}</p>` : ""}${facts(esc(site.wording.count(strings.articleCount, issue.articles.length)))}<ol class="dg-top">${top}</ol></section>`;
}

function issueItems(issues: readonly MonthlyIssue[], site: SiteContext, cache: FragmentCache): ListedItem[] {
  return issues.map((issue, index) => ({ position: index + 1, name: cache.monthLabel(issue.key, site), url: site.absolute(issue.path) }));
}

function emptyState(site: SiteContext): string {
  const { strings } = site.wording;
  const feed = site.feeds[0];
  return `<div class="dg-empty"><p><strong>${esc(strings.emptyDigest)}</strong></p><p>${esc(strings.emptyDigestHint)}</p>${feed ? `<p>${link(site, feed.path, strings.rssFeed)}</p>` : ""}</div>`;
}

export function renderArchive(model: DigestModel, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const intro = site.description ? `<p class="dg-lede">${esc(site.description)}</p>` : "";
  const years = model.years
    .map(
      (year) =>
        `<section class="dg-year" aria-labelledby="dg-y${year.year}"><h2 id="dg-y${year.year}">${link(site, year.path, String(year.year))}</h2>${facts(esc(site.wording.count(strings.issueCount, year.issues.length)), esc(site.wording.count(strings.articleCount, year.articleCount)))}${year.issues.map((issue) => issueSummary(issue, site, cache, 3)).join("")}</section>`,
    )
    .join("");
  const body = `<h1>${esc(site.title)}</h1>${intro}${years || emptyState(site)}`;
  return view(site, {
    kind: "archive",
    path: archivePath(site.options.basePath),
    title: strings.archive,
    description: site.description ?? `${site.title}: ${site.wording.count(strings.issueCount, model.issues.length)}`,
    breadcrumbs: [],
    items: issueItems(model.issues, site, cache),
    body,
  });
}

export function renderYear(year: YearArchive, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const title = String(year.year);
  const counts = [site.wording.count(strings.issueCount, year.issues.length), site.wording.count(strings.articleCount, year.articleCount)];
  const body = `<h1>${esc(title)}</h1>${facts(...counts.map(esc))}${year.issues.map((issue) => issueSummary(issue, site, cache, 2)).join("")}`;
  return view(site, {
    kind: "year",
    path: year.path,
    title,
    description: `${site.title}, ${title}: ${counts.join(", ")}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(site.options.basePath) },
      { name: title, path: year.path },
    ],
    items: issueItems(year.issues, site, cache),
    body,
  });
}

function issueNavigation(issue: MonthlyIssue, site: SiteContext, cache: FragmentCache): string {
  const { strings } = site.wording;
  const entry = (other: MonthlyIssue | undefined, className: string, direction: string) =>
    other ? `<li class="${className}"><a href="${esc(site.href(other.path))}"><span class="dg-dir">${direction}</span> <span class="dg-name">${esc(cache.monthLabel(other.key, site))}</span></a></li>` : "";
  const items = entry(issue.older, "dg-older", `<span aria-hidden="true">&#8592; </span>${esc(strings.olderIssue)}`) + entry(issue.newer, "dg-newer", `${esc(strings.newerIssue)}<span aria-hidden="true"> &#8594;</span>`);
  return items ? `<nav class="dg-issues" aria-label="${esc(strings.issueNavigation)}"><ul>${items}</ul></nav>` : "";
}

export function renderMonthPage(page: MonthPage, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const { issue } = page;
  const label = cache.monthLabel(issue.key, site);
  const title = withPage(site, label, page.pageNumber);
  const intro = page.pageNumber === 1 && issue.intro ? `<div class="dg-intro">${renderMarkdown(issue.intro)}</div>` : "";
  const first = page.items[0];
  const items = page.items.map((article) => `<li>${cache.card(article, site)}</li>`).join("");
  const body = `<h1>${esc(issue.title ?? label)}</h1>${facts(issueDateTime(issue.date, site), esc(site.wording.count(strings.articleCount, issue.articles.length)), esc(pageOf(site, page.pageNumber, page.pageCount)))}${intro}<ol class="dg-list" start="${first?.rank ?? 1}">${items}</ol>${renderPagination(site, page.pagePaths, page.pageNumber)}${issueNavigation(issue, site, cache)}`;
  const breadcrumbs: Breadcrumb[] = [
    { name: strings.archive, path: archivePath(site.options.basePath) },
    { name: String(issue.year), path: `${site.options.basePath}${issue.year}/` },
    { name: formatMonthName(issue.key, site.options.locale, site.options.timeZone), path: issue.path },
  ];
  if (page.pageNumber > 1) breadcrumbs.push({ name: site.wording.fill(strings.page, { n: page.pageNumber }), path: page.path });
  const image = page.items.find((article) => article.image !== undefined)?.image;
  return view(site, {
    kind: "month",
    path: page.path,
    title,
    description: `${site.title} — ${title}: ${page.items.map((a) => a.title).slice(0, 3).join("; ")}`,
    breadcrumbs,
    items: page.items.map((article) => ({ position: article.rank, name: article.title, url: article.url })),
    ...(image !== undefined && { image }),
    body,
  });
}

export function renderTagIndex(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const items = model.tags.map((tag) => `<li>${link(site, tag.path, tag.name)} <span class="dg-count">${esc(site.wording.count(strings.articleCount, tag.count))}</span></li>`).join("");
  const body = `<h1>${esc(strings.tags)}</h1>${items ? `<ul class="dg-tag-index">${items}</ul>` : `<div class="dg-empty"><p><strong>${esc(strings.emptyTags)}</strong></p></div>`}`;
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
    body,
  });
}

export function renderTagPage(page: TagPage, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const { tag } = page;
  const title = withPage(site, tag.name, page.pageNumber);
  // Ranks repeat across issues, so a tag page is an unordered list; each entry links to its issue's page.
  const items = page.items
    .map((article) => `<li><p class="dg-context">${link(site, article.pagePath, site.wording.fill(strings.inIssue, { issue: cache.monthLabel(article.month, site) }))}</p>${cache.card(article, site)}</li>`)
    .join("");
  const feeds = pageFeedLinks(site, tag);
  const tagFeed = tagFeedLinks(tag, site.options, site.title)[0];
  const feedLink = tagFeed ? `<a class="dg-feed" href="${esc(site.href(tagFeed.path))}" type="${tagFeed.type}">${esc(strings.tagFeed)}</a>` : "";
  const body = `<h1><span class="dg-muted">${esc(strings.tag)}:</span> ${esc(tag.name)}</h1>${facts(esc(site.wording.count(strings.articleCount, tag.count)), esc(pageOf(site, page.pageNumber, page.pageCount)), feedLink)}<ul class="dg-list dg-tag-list">${items}</ul>${renderPagination(site, page.pagePaths, page.pageNumber)}`;
  const breadcrumbs: Breadcrumb[] = [
    { name: strings.archive, path: archivePath(site.options.basePath) },
    { name: strings.tags, path: tagIndexPath(site.options.basePath) },
    { name: tag.name, path: tag.path },
  ];
  if (page.pageNumber > 1) breadcrumbs.push({ name: site.wording.fill(strings.page, { n: page.pageNumber }), path: page.path });
  const offset = site.options.pageSize * (page.pageNumber - 1);
  const image = page.items.find((article) => article.image !== undefined)?.image;
  return view(site, {
    kind: "tag",
    path: page.path,
    feeds,
    title,
    description: `${site.title} — ${title}: ${site.wording.count(strings.articleCount, tag.count)}`,
    breadcrumbs,
    // Positions run on across pages: page 2 of a tag starts where page 1 ended.
    items: page.items.map((article, index) => ({ position: offset + index + 1, name: article.title, url: article.url })),
    ...(image !== undefined && { image }),
    body,
  });
}

export type { Tag };
