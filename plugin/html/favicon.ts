/**
 * The favicon: the `<link rel="icon">` every page's head carries, and the plugin's own icon (when
 * the `favicon` option names none), an SVG of the digest title's first letter, white on the theme's
 * accent blue. Written through the feeds' XML builder, which escapes the letter; deterministic.
 */
import type { SiteContext } from "../render/site.js";
import { html, type SafeHtml } from "../render/escape.js";
import { faviconPath } from "../model/urls.js";
import { renderXmlElement } from "../render/xml.js";
import { initialOf } from "../model/labels.js";

/** Media types of the icon formats browsers take, by file extension, for a user's own icon's `type`. */
const ICON_TYPES: Readonly<Record<string, string>> = {
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  webp: "image/webp",
  gif: "image/gif",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

/** The theme's light-scheme accent and the text on it (theme.css `--accent`, `--on-accent`): 6.6:1 contrast. */
const ACCENT = "#0b57d0";
const ON_ACCENT = "#fff";

/** The plugin's icon: the title's first grapheme (as the cards' source avatars take it) on a rounded accent square. */
export function renderFaviconSvg(site: SiteContext): string {
  const { locale } = site.options;
  const letter = initialOf(site.title, new Intl.Segmenter(locale, { granularity: "grapheme" }), locale);
  const svg = renderXmlElement("svg", {
    "@xmlns": "http://www.w3.org/2000/svg",
    "@viewBox": "0 0 64 64",
    rect: { "@width": 64, "@height": 64, "@rx": 14, "@fill": ACCENT },
    text: {
      "@x": 32,
      "@y": 32,
      "@dy": "0.35em",
      "@text-anchor": "middle",
      "@font-family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
      "@font-size": 40,
      "@font-weight": 700,
      "@fill": ON_ACCENT,
      "#text": letter,
    },
  });
  return `${svg}\n`;
}

/**
 * Where the page's icon is, or nothing for `favicon: false`: the user's own (a site-root path gets
 * pathPrefix like every link) or the plugin's `{base}favicon.svg`.
 */
export function faviconHref(site: SiteContext): string | undefined {
  const { favicon, basePath } = site.options;
  if (favicon === false) return undefined;
  if (favicon === undefined) return site.href(faviconPath(basePath));
  return favicon.startsWith("/") ? site.href(favicon) : favicon;
}

/** The head's `<link rel="icon">`, typed by the icon's extension when it is a known image format. */
export function renderFaviconLink(site: SiteContext): SafeHtml | undefined {
  const href = faviconHref(site);
  if (href === undefined) return undefined;
  const extension = /\.([a-z0-9]+)$/i.exec(href.replace(/[?#].*$/, ""))?.[1]?.toLowerCase();
  const type = site.options.favicon === undefined ? ICON_TYPES.svg : extension && ICON_TYPES[extension];
  return html`<link rel="icon" href="${href}"${type && html` type="${type}"`}>`;
}
