/**
 * Which share image each page shows: a monthly issue's pages its issue's, a tag's pages its tag's,
 * a year page its newest issue's, and the archive and the tag index the archive's. Pure: the
 * cards of a build are made once (the build's state holds them) and looked up by path.
 */
import type { DigestModel, MonthPage, TagPage, YearArchive } from "../model/build.js";
import type { SiteContext } from "../render/site.js";
import type { PageImage } from "../render/page-image.js";
import { SHARE_IMAGE_SIZE, shareCards, shareImagePaths, type ShareCard } from "./subjects.js";

/** The page a share image is looked up for. */
export type ShareSubject =
  | { readonly kind: "archive" }
  | { readonly kind: "year"; readonly year: YearArchive }
  | { readonly kind: "month"; readonly page: MonthPage }
  | { readonly kind: "tag"; readonly page: TagPage };

/** Every share image card of a build by path (the archive's first): make them once per build. */
export function buildShareCards(model: DigestModel, site: SiteContext): ReadonlyMap<string, ShareCard> {
  const { basePath } = site.options;
  const cards = shareCards(model, {
    basePath,
    title: site.title,
    ...(site.description !== undefined && { description: site.description }),
  });
  return new Map(cards.map((card) => [card.path, card]));
}

/** The share image of a page, as its head's metadata needs it: absolute URL, size and alt text. */
export function shareImageOf(
  subject: ShareSubject,
  cards: ReadonlyMap<string, ShareCard>,
  site: SiteContext,
): PageImage | undefined {
  const paths = shareImagePaths(site.options.basePath);
  const path =
    subject.kind === "archive"
      ? paths.archive
      : subject.kind === "month"
        ? paths.issue(subject.page.issue)
        : subject.kind === "tag"
          ? paths.tag(subject.page.tag)
          : subject.year.issues[0] && paths.issue(subject.year.issues[0]);
  const card = path === undefined ? undefined : cards.get(path);
  return card && { url: site.absolute(card.path), alt: card.alt, ...SHARE_IMAGE_SIZE };
}
