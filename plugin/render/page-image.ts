/**
 * A page's share image, as images/ makes it and the page's head (html/metadata.ts) names it: here,
 * below both, as the renderers do not import each other.
 */

/** A page's share image (`shareImages: true`): its absolute URL, size and what it shows in words. */
export interface PageImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** `og:image:alt`: the image's words, for readers who cannot see it. */
  readonly alt: string;
}
