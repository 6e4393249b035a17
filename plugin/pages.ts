/**
 * The page templates, as plain functions from the model to HTML. Every piece of data text goes
 * through `escapeHtml`; summaries through our safe Markdown. Each returns the page's content and
 * metadata; `document.ts` wraps it unless the host's layout does.
 */
import { formatDay, formatMonth, formatMonthName, toRfc3339, type MonthKey } from "./dates.js";
import type { DigestArticle, DigestModel, MonthPage, MonthlyIssue, Tag, TagPage, YearArchive } from "./model.js";
import { renderMarkdown } from "./markdown.js";
import type { FeedLink, SiteContext } from "./site.js";
import { escapeHtml as esc } from "./text.js";
import { archivePath, tagIndexPath, tagPath } from "./urls.js";
import { pageFeedLinks } from "./feeds/discovery.js";
import { tagFeedLinks } from "./feeds/plan.js";

export interface Breadcrumb {
  readonly name: string;
  readonly path: string;
}

/** A rendered digest page: its content and what the document head needs. */
export interface PageView {
  readonly kind: "archive" | "year" | "month" | "tagIndex" | "tag";
  readonly path: string;
  /** The page's own title, without the site's name ("April 2025, page 2"). */
  readonly title: string;
  /** The full `<title>` ("Best of Distributed Systems — April 2025, page 2"). */
  readonly documentTitle: string;
  readonly description: string;
  readonly breadcrumbs: readonly Breadcrumb[];
  readonly feeds: readonly FeedLink[];
  readonly body: string;
}

/** Per-build memory of rendered fragments: an article's card is the same on every page it is on. */
export class FragmentCache {
  private readonly cards = new WeakMap<DigestArticle, string>();
  private readonly months = new Map<MonthKey, string>();
  card(article: DigestArticle, site: SiteContext): string {
    let html = this.cards.get(article);
    if (html === undefined) {
      html = renderArticleCard(article, site);
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

/** One article: rank, type, source, age, linked title, summary and tags. */
export function renderArticleCard(article: DigestArticle, site: SiteContext): string {
  const { strings } = site.wording;
  const source = article.source.url
    ? `<a class="dg-source" href="${esc(article.source.url)}">${esc(article.source.name)}</a>`
    : `<span class="dg-source">${esc(article.source.name)}</span>`;
  const type = article.type === "video" ? strings.video : strings.article;
  const age = article.published
    ? ` <span aria-hidden="true">·</span> <time datetime="${esc(toRfc3339(article.published))}" title="${esc(`${strings.publishedOn} ${formatDay(article.published, site.options.locale)}`)}">${esc(ageLabel(article, site))}</time>`
    : "";
  const image = article.image
    ? `<img class="dg-thumb" src="${esc(article.image)}" alt="" width="96" height="54" loading="lazy" decoding="async">`
    : "";
  const summary = article.summary ? `<div class="dg-summary">${renderMarkdown(article.summary)}</div>` : "";
  const tags = article.tags.length
    ? `<ul class="dg-tags" aria-label="${esc(strings.tags)}">${article.tags.map((tag) => `<li><a href="${esc(site.href(tagPath(site.options.basePath, tag.slug)))}">${esc(tag.name)}</a></li>`).join("")}</ul>`
    : "";
  const rankClass = article.rank <= 3 ? " dg-rank-top" : "";
  return `<article class="dg-item">${image}<p class="dg-meta"><span class="dg-rank${rankClass}">#${site.wording.number(article.rank)}</span> ${source} <span aria-hidden="true">·</span> <span class="dg-type dg-type-${article.type}">${esc(type)}</span>${age}</p><h2 class="dg-title"><a href="${esc(article.url)}">${esc(article.title)}</a></h2>${summary}${tags}</article>`;
}

function link(site: SiteContext, path: string, text: string, attrs = ""): string {
  return `<a href="${esc(site.href(path))}"${attrs}>${esc(text)}</a>`;
}

/** Previous/next and a numbered window: 1 … 4 5 6 … 12. */
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

function renderPagination(site: SiteContext, pagePaths: readonly string[], current: number): string {
  const count = pagePaths.length;
  if (count <= 1) return "";
  const { strings } = site.wording;
  const items: string[] = [];
  const prev = pagePaths[current - 2];
  const next = pagePaths[current];
  items.push(prev ? `<li>${link(site, prev, strings.previous, ' rel="prev"')}</li>` : "");
  for (const entry of pageWindow(current, count)) {
    if (entry === "gap") items.push(`<li><span class="dg-gap">…</span></li>`);
    else if (entry === current) items.push(`<li><a aria-current="page" href="${esc(site.href(pagePaths[entry - 1]!))}" aria-label="${esc(`${strings.page} ${site.wording.number(entry)}`)}">${site.wording.number(entry)}</a></li>`);
    else items.push(`<li>${link(site, pagePaths[entry - 1]!, site.wording.number(entry), ` aria-label="${esc(`${strings.page} ${site.wording.number(entry)}`)}"`)}</li>`);
  }
  items.push(next ? `<li>${link(site, next, strings.next, ' rel="next"')}</li>` : "");
  return `<nav class="dg-pages" aria-label="${esc(strings.pagination)}"><ul>${items.join("")}</ul></nav>`;
}

function pageSuffix(site: SiteContext, pageNumber: number): string {
  return pageNumber > 1 ? `, ${site.wording.strings.page.toLowerCase()} ${site.wording.number(pageNumber)}` : "";
}

function view(site: SiteContext, fields: Omit<PageView, "documentTitle" | "feeds"> & { feeds?: readonly FeedLink[] }): PageView {
  return { ...fields, feeds: fields.feeds ?? site.feeds, documentTitle: fields.kind === "archive" ? site.title : `${site.title} — ${fields.title}` };
}

function issueSummary(issue: MonthlyIssue, site: SiteContext, cache: FragmentCache, headingLevel: 2 | 3, top: number): string {
  const label = cache.monthLabel(issue.key, site);
  const heading = issue.title ? `${label}: ${issue.title}` : label;
  const entries = issue.articles
    .slice(0, top)
    .map((article) => `<li><a href="${esc(article.url)}">${esc(article.title)}</a> <span class="dg-muted">${esc(article.source.name)}</span></li>`)
    .join("");
  return `<section class="dg-issue" aria-labelledby="dg-${issue.key}"><h${headingLevel} id="dg-${issue.key}">${link(site, issue.path, heading)}</h${headingLevel}><p class="dg-muted">${esc(site.wording.count(site.wording.strings.articleCount, issue.articles.length))}</p><ol class="dg-top">${entries}</ol></section>`;
}

export function renderArchive(model: DigestModel, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const intro = site.description ? `<p class="dg-lede">${esc(site.description)}</p>` : "";
  const years = model.years
    .map((year) => `<section class="dg-year" aria-labelledby="dg-y${year.year}"><h2 id="dg-y${year.year}">${link(site, year.path, String(year.year))} <span class="dg-muted">${esc(site.wording.count(strings.issueCount, year.issues.length))}</span></h2>${year.issues.map((issue) => issueSummary(issue, site, cache, 3, 3)).join("")}</section>`)
    .join("");
  const body = `<h1>${esc(site.title)}</h1>${intro}${years || `<p class="dg-empty">${esc(strings.emptyDigest)}</p>`}`;
  return view(site, {
    kind: "archive",
    path: archivePath(site.options.basePath),
    title: strings.archive,
    description: site.description ?? `${site.title}: ${site.wording.count(strings.issueCount, model.issues.length)}`,
    breadcrumbs: [],
    body,
  });
}

export function renderYear(year: YearArchive, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const title = String(year.year);
  const body = `<h1>${esc(title)}</h1><p class="dg-muted">${esc(site.wording.count(strings.issueCount, year.issues.length))} · ${esc(site.wording.count(strings.articleCount, year.articleCount))}</p>${year.issues.map((issue) => issueSummary(issue, site, cache, 2, 3)).join("")}`;
  return view(site, {
    kind: "year",
    path: year.path,
    title,
    description: `${site.title}, ${title}: ${site.wording.count(strings.issueCount, year.issues.length)}, ${site.wording.count(strings.articleCount, year.articleCount)}`,
    breadcrumbs: [{ name: strings.archive, path: archivePath(site.options.basePath) }, { name: title, path: year.path }],
    body,
  });
}

export function renderMonthPage(page: MonthPage, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const { issue } = page;
  const label = cache.monthLabel(issue.key, site);
  const heading = issue.title ?? label;
  const title = `${label}${pageSuffix(site, page.pageNumber)}`;
  const intro = page.pageNumber === 1 && issue.intro ? `<div class="dg-intro">${renderMarkdown(issue.intro)}</div>` : "";
  const first = page.items[0];
  const items = page.items.map((article) => `<li>${cache.card(article, site)}</li>`).join("");
  const issueNav = [
    issue.newer ? `<li>${link(site, issue.newer.path, `${strings.newerIssue}: ${cache.monthLabel(issue.newer.key, site)}`, ' rel="next"')}</li>` : "",
    issue.older ? `<li>${link(site, issue.older.path, `${strings.olderIssue}: ${cache.monthLabel(issue.older.key, site)}`, ' rel="prev"')}</li>` : "",
  ].join("");
  const body = `<h1>${esc(heading)}</h1><p class="dg-muted">${issue.title ? `${esc(label)} · ` : ""}${esc(site.wording.count(strings.articleCount, issue.articles.length))}${page.pageCount > 1 ? ` · ${esc(strings.page)} ${site.wording.number(page.pageNumber)}/${site.wording.number(page.pageCount)}` : ""}</p>${intro}<ol class="dg-list" start="${first?.rank ?? 1}">${items}</ol>${renderPagination(site, page.pagePaths, page.pageNumber)}${issueNav ? `<nav class="dg-issues" aria-label="${esc(strings.issueNavigation)}"><ul>${issueNav}</ul></nav>` : ""}`;
  return view(site, {
    kind: "month",
    path: page.path,
    title,
    description: `${site.title} — ${label}${pageSuffix(site, page.pageNumber)}: ${page.items.map((a) => a.title).slice(0, 3).join("; ")}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(site.options.basePath) },
      { name: String(issue.year), path: `${site.options.basePath}${issue.year}/` },
      { name: formatMonthName(issue.key, site.options.locale, site.options.timeZone), path: page.path },
    ],
    body,
  });
}

export function renderTagIndex(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const items = model.tags
    .map((tag) => `<li>${link(site, tag.path, tag.name)} <span class="dg-count">${site.wording.number(tag.count)}</span></li>`)
    .join("");
  const body = `<h1>${esc(strings.tags)}</h1>${items ? `<ul class="dg-tag-index">${items}</ul>` : `<p class="dg-empty">${esc(strings.emptyDigest)}</p>`}`;
  return view(site, {
    kind: "tagIndex",
    path: tagIndexPath(site.options.basePath),
    title: strings.tags,
    description: `${site.title}: ${strings.allTags}`,
    breadcrumbs: [{ name: strings.archive, path: archivePath(site.options.basePath) }, { name: strings.tags, path: tagIndexPath(site.options.basePath) }],
    body,
  });
}

export function renderTagPage(page: TagPage, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const { tag } = page;
  const title = `${tag.name}${pageSuffix(site, page.pageNumber)}`;
  const items = page.items
    .map((article) => `<li><p class="dg-context">${link(site, article.pagePath, site.wording.fill(strings.rankInIssue, { rank: article.rank, issue: cache.monthLabel(article.month, site) }))}</p>${cache.card(article, site)}</li>`)
    .join("");
  const feeds = pageFeedLinks(site, tag);
  const tagFeed = tagFeedLinks(tag, site)[0];
  const feedLink = tagFeed ? ` · <a class="dg-feed" href="${esc(site.href(tagFeed.path))}" type="${tagFeed.type}">${esc(strings.tagFeed)}</a>` : "";
  const body = `<h1><span class="dg-muted">${esc(strings.tag)}:</span> ${esc(tag.name)}</h1><p class="dg-muted">${esc(site.wording.count(strings.articleCount, tag.count))}${page.pageCount > 1 ? ` · ${esc(strings.page)} ${site.wording.number(page.pageNumber)}/${site.wording.number(page.pageCount)}` : ""}${feedLink}</p><ul class="dg-list dg-tag-list">${items}</ul>${renderPagination(site, page.pagePaths, page.pageNumber)}`;
  return view(site, {
    kind: "tag",
    path: page.path,
    feeds,
    title,
    description: `${site.title} — ${tag.name}${pageSuffix(site, page.pageNumber)}: ${site.wording.count(strings.articleCount, tag.count)}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(site.options.basePath) },
      { name: strings.tags, path: tagIndexPath(site.options.basePath) },
      { name: tag.name, path: tag.path },
    ],
    body,
  });
}

export type { Tag };
