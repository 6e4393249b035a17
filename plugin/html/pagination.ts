/** Pagination: the window of page numbers around the current page and the nav that shows it. */
import type { SiteContext } from "./site.js";
import { escapeHtml as esc } from "../data/text.js";

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
