/**
 * Paginated lists of articles, whatever lists them (an issue, a tag, a source): the page shape and
 * how a list is cut into pages. Generic over the article, and apart from build.ts, so that the
 * models built beside it (sources.ts) share them without importing build.ts back.
 */
import { pagedPath } from "./urls.js";

/** One page of a paginated list of articles. */
export interface ListPage<A> {
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly items: readonly A[];
  readonly path: string;
  /** Paths of every page of the list, index 0 = page 1. */
  readonly pagePaths: readonly string[];
}

/** Splits `items` into pages of `size`; an empty list still has no pages. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

/** The pages of a list whose first page is at `path`, `size` a page, each completed by `extend` (its kind and owner). */
export function listPages<A, P>(
  items: readonly A[],
  path: string,
  size: number,
  extend: (page: ListPage<A>) => P,
): P[] {
  const chunks = chunk(items, size);
  const pagePaths = chunks.map((_, index) => pagedPath(path, index + 1));
  return chunks.map((pageItems, index) =>
    extend({ pageNumber: index + 1, pageCount: chunks.length, items: pageItems, path: pagePaths[index]!, pagePaths }),
  );
}

/**
 * Named lists (tags, sources) in the order their index shows them: by name in the locale's
 * collation (case and accents aside, numbers by value), then by slug, so the order is total.
 */
export function sortByName<T extends { readonly name: string; readonly slug: string }>(
  items: T[],
  locale: string,
): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  return items.sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}
