/** The tag pages: the index of all tags and each tag's page of cards, with its own feed. */
import type { DigestModel, TagPage } from "../model/build.js";
import type { Breadcrumb, PageView } from "./view.js";
import type { SiteContext } from "./site.js";
import type { FragmentCache } from "./fragments.js";
import { html } from "./escape.js";
import { archivePath, tagIndexPath } from "../model/urls.js";
import { pageFeedLinks, tagFeedLinks } from "../feeds/links.js";
import { renderPagination } from "./pagination.js";
import { facts, link, pageOf, view, withPage } from "./parts.js";

/** The index of every tag, with its count. */
export function renderTagIndex(model: DigestModel, site: SiteContext): PageView {
  const { strings } = site.wording;
  const items = model.tags.map((tag) => html`<li>${link(site, tag.path, tag.name)} <span class="dg-count">${site.wording.count(strings.articleCount, tag.count)}</span></li>`);
  const list = items.length > 0 ? html`<ul class="dg-tag-index">${items}</ul>` : html`<div class="dg-empty"><p><strong>${strings.emptyTags}</strong></p></div>`;
  const body = html`<h1>${strings.tags}</h1>${list}`;
  return view(site, {
    kind: "tagIndex",
    path: tagIndexPath(site.options.basePath),
    title: strings.tags,
    description: `${site.title}: ${strings.allTags}`,
    breadcrumbs: [
      { name: strings.archive, path: archivePath(site.options.basePath) },
      { name: strings.tags, path: tagIndexPath(site.options.basePath) },
    ],
    items: model.tags.map((tag, index) => ({ position: index + 1, name: tag.name, url: site.absolute(tag.path) })),
    body,
  });
}

/** One page of a tag's articles, with the tag's own feed. */
export function renderTagPage(page: TagPage, site: SiteContext, cache: FragmentCache): PageView {
  const { strings } = site.wording;
  const { tag } = page;
  const title = withPage(site, tag.name, page.pageNumber);
  // Ranks repeat across issues, so a tag page is an unordered list; each entry links to its issue's page.
  const items = page.items.map(
    (article) => html`<li><p class="dg-context">${link(site, article.pagePath, site.wording.fill(strings.inIssue, { issue: cache.monthLabel(article.month, site) }))}</p>${cache.card(article, site)}</li>`,
  );
  const feeds = pageFeedLinks(site, tag);
  const tagFeed = tagFeedLinks(tag, site.options, site.title)[0];
  const feedLink = tagFeed && html`<a class="dg-feed" href="${site.href(tagFeed.path)}" type="${tagFeed.type}">${strings.tagFeed}</a>`;
  const counts = facts(site.wording.count(strings.articleCount, tag.count), pageOf(site, page.pageNumber, page.pageCount), feedLink);
  const body = html`<h1><span class="dg-muted">${strings.tag}:</span> ${tag.name}</h1>${counts}<ul class="dg-list dg-tag-list">${items}</ul>${renderPagination(site, page.pagePaths, page.pageNumber)}`;
  const breadcrumbs: Breadcrumb[] = [
    { name: strings.archive, path: archivePath(site.options.basePath) },
    { name: strings.tags, path: tagIndexPath(site.options.basePath) },
    { name: tag.name, path: tag.path },
  ];
  if (page.pageNumber > 1) breadcrumbs.push({ name: site.wording.fill(strings.page, { n: page.pageNumber }), path: page.path });
  const offset = site.options.pageSize * (page.pageNumber - 1);
  const pictured = page.items.find((article) => article.image !== undefined);
  return view(site, {
    kind: "tag",
    path: page.path,
    feeds,
    title,
    description: `${site.title} — ${title}: ${site.wording.count(strings.articleCount, tag.count)}`,
    breadcrumbs,
    // Positions run on across pages: page 2 of a tag starts where page 1 ended.
    items: page.items.map((article, index) => ({ position: offset + index + 1, name: article.title, url: article.url })),
    ...(pictured?.image !== undefined && { image: pictured.image, imageAlt: pictured.title }),
    body,
  });
}
