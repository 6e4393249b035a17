/** The tag pages: the index of all tags and each tag's page of cards, with its own feed (markup shared with sources: lists.ts). */
import type { DigestModel, TagPage } from "../model/build.js";
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";
import { tagIndexPath } from "../model/urls.js";
import { renderListPage, renderNameIndex } from "./lists.js";

export { tagInitial } from "./lists.js";

/** The index of every tag, grouped A–Z with jump links, each tag with its number of articles. */
export function renderTagIndex(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const spec = {
    kind: "tagIndex",
    path: tagIndexPath(site.options.basePath),
    title: strings.tags,
    all: strings.allTags,
    count: strings.tagCount,
    empty: strings.emptyTags,
    initials: strings.tagInitials,
    idPrefix: "dg-t",
  } as const;
  return renderNameIndex(model.tags, spec, site);
}

/** One page of a tag's articles, with the tag's own feed. */
export function renderTagPage(page: TagPage, site: SiteContext): PageView {
  const { strings } = site.wording;
  const index = { name: strings.tags, path: tagIndexPath(site.options.basePath) };
  return renderListPage(page.tag, page, { kind: "tag", label: strings.tag, feedLink: strings.tagFeed, index }, site);
}
