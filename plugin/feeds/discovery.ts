/**
 * Feed autodiscovery for any page: the `<link rel="alternate">` tags for the site feeds, plus a
 * tag's own feeds on that tag's pages. The plugin's pages get them in their `<head>`; host layouts
 * print the same with the `digestFeedLinks` shortcode.
 */
import type { DigestModel, Tag } from "../model/build.js";
import type { SiteContext } from "../html/site.js";
import { pageFeedLinks, renderFeedLinks } from "./links.js";

/** Tag pages by path, per build. */
const tagsByPath = new WeakMap<DigestModel, ReadonlyMap<string, Tag>>();

function tagAt(model: DigestModel, path: string): Tag | undefined {
  let map = tagsByPath.get(model);
  if (!map) {
    map = new Map(model.tagPages.map((page) => [page.path, page.tag]));
    tagsByPath.set(model, map);
  }
  return map.get(path) ?? map.get(safeDecode(path));
}

/** Eleventy may give a page's URL percent-encoded; the model's paths are not. */
function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * The `<link rel="alternate">` tags for the page at `pageUrl` (Eleventy's `page.url`, without
 * pathPrefix): the site feeds everywhere, and a tag's feeds on that tag's pages.
 */
export function feedLinksForPage(model: DigestModel, site: SiteContext, pageUrl: string | undefined): string {
  const tag = pageUrl === undefined ? undefined : tagAt(model, pageUrl);
  return renderFeedLinks(pageFeedLinks(site, tag), site.absolute);
}
