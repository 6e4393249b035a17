/**
 * The built-in article card (`renderArticleCard`) and its parts: the age label and the source's
 * monogram avatar.
 */
import { formatDay, toRfc3339 } from "../model/dates.js";
import type { DigestArticle } from "../model/build.js";
import { summaryHtml } from "./summary.js";
import type { SiteContext } from "./site.js";
import { html, type SafeHtml } from "./escape.js";
import { tagPath } from "../model/urls.js";
import { MemoTable, ScopedMemoTable } from "../model/memo.js";
import { tagFilterMark } from "./search-marks.js";

/** "3w", "today": how old the article was when its issue came out, in the page's words. */
function ageLabel(article: DigestArticle, site: SiteContext): string {
  const { strings } = site.wording;
  if (!article.age) return "";
  if (article.age.count === 0 && article.age.unit === "day") return strings.ageToday;
  const template = { day: strings.ageDay, week: strings.ageWeek, month: strings.ageMonth, year: strings.ageYear }[article.age.unit];
  return site.wording.fill(template, { n: article.age.count });
}

/** A grapheme segmenter by locale: costly to make, cheap to reuse. */
const SEGMENTERS = new MemoTable("grapheme segmenters", (locale: string) => new Intl.Segmenter(locale, { granularity: "grapheme" }));

/**
 * The first letter of a source's name, as its avatar (whole graphemes: "É", "分", "🚀"), by locale
 * and name. A digest has few sources and one locale; segmenting is costly, so each is made once.
 */
export const MONOGRAMS = new ScopedMemoTable("monograms", (name: string, locale: string, memo): string => {
  const first = memo.cached(SEGMENTERS, locale).segment(name.trim())[Symbol.iterator]().next();
  return first.done ? "?" : first.value.segment.toLocaleUpperCase(locale);
});

/** One article: rank, source, type, age, linked title, thumbnail, summary and tags. */
export function renderArticleCard(article: DigestArticle, site: SiteContext): SafeHtml {
  const { strings } = site.wording;
  const { locale } = site.options;
  const rankClass = article.rank <= 3 ? ` dg-medal dg-r${article.rank}` : "";
  const rank = html`<span class="dg-rank${rankClass}">${site.wording.fill(strings.rank, { rank: article.rank })}</span>`;
  const sourceName = article.source.url ? html`<a href="${article.source.url}">${article.source.name}</a>` : article.source.name;
  const source = html`<span class="dg-source"><span class="dg-avatar" aria-hidden="true">${site.memo.cachedIn(MONOGRAMS, locale, article.source.name)}</span>${sourceName}</span>`;
  const type = html`<span class="dg-type dg-type-${article.type}">${article.type === "video" ? strings.video : strings.article}</span>`;
  // The short label is for the eye; the full date is in `datetime`, in the tooltip and for screen readers.
  const published = article.published ? site.wording.fill(strings.publishedOn, { date: formatDay(article.published, locale, site.memo) }) : "";
  const age =
    article.published &&
    html`<time datetime="${toRfc3339(article.published)}" title="${published}"><span aria-hidden="true">${ageLabel(article, site)}</span><span class="dg-vh">${published}</span></time>`;
  // Decorative: the linked title next to it says what it is, so alt="" keeps screen readers from hearing it twice.
  const image = article.image && html`<img class="dg-thumb" src="${article.image}" alt="" width="112" height="63" loading="lazy" decoding="async">`;
  const summary = article.summary && html`<div class="dg-summary">${summaryHtml(article, site.memo)}</div>`;
  const tags = article.tags.length > 0 && html`<ul class="dg-tags">${article.tags.map((tag) => html`<li><a href="${site.href(tagPath(site.options.basePath, tag.slug))}"${tagFilterMark(site)}>${tag.name}</a></li>`)}</ul>`;
  return html`<article class="dg-item"><p class="dg-meta">${rank}${source}${type}${age}</p><h2 class="dg-title"><a href="${article.url}">${article.title}</a></h2>${image}${summary}${tags}</article>`;
}
