/**
 * Feed autodiscovery for any page: the `<link rel="alternate">` tags for the site feeds, plus a
 * tag's (or a source's) own feeds on its pages. The plugin's pages get them in their `<head>`; host layouts
 * print the same with the `digestFeedLinks` shortcode.
 */
import type { DigestModel, Tag } from "../model/build.js";
import type { SiteContext } from "../html/site.js";
import { pageFeedLinks, renderFeedLinks } from "./links.js";
import { MemoTable, type Memo } from "../model/memo.js";
import { decodePagePath } from "../model/urls.js";
import type { SafeHtml } from "../html/escape.js";

/** What has feeds of its own: a tag or a source. */
type Followed = Pick<Tag, "name" | "feeds">;

/** A model's tags and sources by the paths of their pages. */
const TAGS_BY_PATH = new MemoTable(
  "tags by page path",
  (model: DigestModel): ReadonlyMap<string, Followed> => new Map<string, Followed>([...model.tagPages.map((page) => [page.path, page.tag] as const), ...model.sourcePages.map((page) => [page.path, page.source] as const)]),
);

/** The tag or source whose page is at `path`; also tried decoded, as Eleventy may give the path percent-encoded. */
function tagAt(model: DigestModel, path: string, memo: Memo): Followed | undefined {
  const map = memo.cached(TAGS_BY_PATH, model);
  return map.get(path) ?? map.get(decodePagePath(path));
}

/**
 * The `<link rel="alternate">` tags for the page at `pageUrl` (Eleventy's `page.url`, without
 * pathPrefix): the site feeds everywhere, and a tag's feeds on that tag's pages.
 */
export function feedLinksForPage(model: DigestModel, site: SiteContext, pageUrl: string | undefined): SafeHtml {
  const tag = pageUrl === undefined ? undefined : tagAt(model, pageUrl, site.memo);
  return renderFeedLinks(pageFeedLinks(site, tag), site.absolute);
}
