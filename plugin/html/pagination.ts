/** Pagination: the window of page numbers around the current page and the nav that shows it. */
import type { SiteContext } from "../render/site.js";
import { html, type SafeHtml } from "../render/escape.js";

/** The page numbers to show around `current`: 1 ... 4 5 6 ... 12 (a gap of one page shows the page). */
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
export function renderPagination(
  site: SiteContext,
  pagePaths: readonly string[],
  current: number,
): SafeHtml | undefined {
  const count = pagePaths.length;
  if (count <= 1) return undefined;
  const { strings } = site.wording;
  const prev = pagePaths[current - 2];
  const next = pagePaths[current];
  const numbers = pageWindow(current, count).map((entry) =>
    entry === "gap"
      ? html`<li class="dg-gap">...</li>`
      : html`<li><a href="${site.href(pagePaths[entry - 1]!)}" aria-label="${site.wording.fill(strings.page, { n: entry })}"${entry === current && html` aria-current="page"`}>${site.wording.number(entry)}</a></li>`,
  );
  return html`<nav class="dg-pages" aria-label="${strings.pagination}"><ul>${prev && html`<li class="dg-step"><a href="${site.href(prev)}" rel="prev"><span aria-hidden="true">«</span><span class="dg-word"> ${strings.previous}</span></a></li>`}${numbers}${next && html`<li class="dg-step"><a href="${site.href(next)}" rel="next"><span class="dg-word">${strings.next} </span><span aria-hidden="true">»</span></a></li>`}</ul></nav>`;
}
