/**
 * How pages label an article's site and its source: the domain after a title, and the initial in a
 * source's avatar (and the favicon's). The model writes both on each article once per build.
 */
import { domainToUnicode } from "node:url";

/**
 * The site a URL is on, as a reader recognises it: the host without `www.`, in its own script
 * (`例え.jp`, not `xn--r8jz45g.jp`), as Hacker News and Lobsters show it after a title.
 */
export function siteDomain(url: string): string {
  const host = new URL(url).hostname;
  return (domainToUnicode(host) || host).replace(/^www\./, "");
}

/** The first letter of a name, as its avatar shows it, in whole graphemes ("É", "分", "🚀"); "?" for none. */
export function initialOf(name: string, graphemes: Intl.Segmenter, locale: string): string {
  const first = graphemes.segment(name.trim())[Symbol.iterator]().next();
  return first.done ? "?" : first.value.segment.toLocaleUpperCase(locale);
}
