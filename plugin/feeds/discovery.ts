/**
 * Feed autodiscovery for any page: the `<link rel="alternate">` tags for the site feeds, plus a
 * tag's (or a source's) own feeds on its pages. The plugin's pages get them in their `<head>`; host layouts
 * print the same with the `digestFeedLinks` shortcode.
 */
import type { DigestModel, Source, Tag } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import { pageFeedLinks, renderFeedLinks } from "../render/feed-links.js";
import { archivePath, decodePagePath } from "../model/urls.js";
import type { SafeHtml } from "../render/escape.js";

/** The tag or source whose page is at `path`; also tried decoded, as Eleventy may give the path percent-encoded. */
function tagAt(model: DigestModel, path: string): Tag | Source | undefined {
  return model.followedAt.get(path) ?? model.followedAt.get(decodePagePath(path));
}

/**
 * The `<link rel="alternate">` tags for the page at `pageUrl` (Eleventy's `page.url`, without
 * pathPrefix): the site feeds everywhere, a tag's feeds on that tag's pages, and the companion feeds
 * on the home page.
 */
export function feedLinksForPage(model: DigestModel, site: SiteContext, pageUrl: string | undefined): SafeHtml {
  const tag = pageUrl === undefined ? undefined : tagAt(model, pageUrl);
  const home = pageUrl !== undefined && decodePagePath(pageUrl) === archivePath(site.options.basePath);
  return renderFeedLinks(pageFeedLinks(site, tag, home), site.absolute);
}
