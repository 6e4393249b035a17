/**
 * Which share image each page shows: a monthly issue's pages its issue's, a tag's pages its tag's,
 * a year page its newest issue's, and the archive and the tag index the archive's. Pure: the
 * cards of a build are made once (in the build's memo) and looked up by path.
 */
import type { DigestModel, MonthPage, TagPage, YearArchive } from "../model/build.js";
import { ScopedMemoTable } from "../model/memo.js";
import type { SiteContext } from "../html/site.js";
import type { PageImage } from "../html/view.js";
import { SHARE_IMAGE_SIZE, shareCards, shareImagePaths, type ShareCard } from "./subjects.js";

/** The page a share image is looked up for. */
export type ShareSubject = { readonly kind: "archive" } | { readonly kind: "year"; readonly year: YearArchive } | { readonly kind: "month"; readonly page: MonthPage } | { readonly kind: "tag"; readonly page: TagPage };

/** A build's cards by path, made once per build. */
const CARDS = new ScopedMemoTable("share image cards", (model: DigestModel, site: SiteContext) => {
  const { basePath, locale, timeZone } = site.options;
  const cards = shareCards(model, { basePath, locale, timeZone, title: site.title, ...(site.description !== undefined && { description: site.description }) });
  return new Map(cards.map((card) => [card.path, card]));
});

/** Every share image card of a build (the archive's first). */
export function buildShareCards(model: DigestModel, site: SiteContext): ShareCard[] {
  return [...site.memo.cachedIn(CARDS, site, model).values()];
}

/** The share image of a page, as its head's metadata needs it: absolute URL, size and alt text. */
export function shareImageOf(subject: ShareSubject, model: DigestModel, site: SiteContext): PageImage | undefined {
  const paths = shareImagePaths(site.options.basePath);
  const path =
    subject.kind === "archive" ? paths.archive
    : subject.kind === "month" ? paths.issue(subject.page.issue)
    : subject.kind === "tag" ? paths.tag(subject.page.tag)
    : subject.year.issues[0] && paths.issue(subject.year.issues[0]);
  const card = path === undefined ? undefined : site.memo.cachedIn(CARDS, site, model).get(path);
  return card && { url: site.absolute(card.path), alt: card.alt, ...SHARE_IMAGE_SIZE };
}
