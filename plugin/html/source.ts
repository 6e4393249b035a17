/**
 * The source pages: the index of every source (grouped A–Z, each with its number of picks) and
 * each source's picks, newest issue first, then rank; the same markup as the tag pages (lists.ts).
 */
import type { DigestModel, Source, SourcePage } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { sourceIndexPath } from "../model/urls.js";
import { renderListPage, renderNameIndex } from "./lists.js";

/** The index of every source, by name in the locale's collation, grouped A–Z. */
export function renderSourceIndex(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const spec = {
    kind: "sourceIndex",
    path: sourceIndexPath(site.options.basePath),
    title: strings.sources,
    all: strings.allSources,
    count: strings.sourceCount,
    empty: strings.emptySources,
    initials: strings.sourceInitials,
    idPrefix: "dg-s",
  } as const;
  return renderNameIndex(model.sources, spec, site);
}

/** One page of a source's picks, with the source's own feed (`feed.perSource`). */
export function renderSourcePage(page: SourcePage, site: SiteContext): PageView {
  const { strings } = site.wording;
  const index = { name: strings.sources, path: sourceIndexPath(site.options.basePath) };
  const source: Source = page.source;
  return renderListPage(
    source,
    page,
    {
      kind: "source",
      label: strings.source,
      feedLink: strings.sourceFeed,
      index,
      ...(source.url !== undefined && { website: source.url }),
    },
    site,
  );
}
