/**
 * A renamed tag's old page (`tagAliases`): a small standalone document that sends readers and
 * crawlers on to the new tag's page. It is never wrapped in a host layout and never listed (not
 * in `collections.all`, the sitemap or the tag index): it is no page of its own, only an old URL.
 */
import type { Tag } from "../model/build.js";
import type { TagRedirect } from "../model/aliases.js";
import type { SiteContext } from "../render/site.js";
import { html } from "../render/escape.js";

/**
 * `to` relative to the folder `from` (both site-root paths such as `/tags/k8s/page/2/`), encoded
 * as links are. Relative, so the refresh works under any pathPrefix, whether the host's
 * HtmlBasePlugin adds it or not (it rewrites links, not `<meta http-equiv="refresh">`), and on a
 * local server as on the live site.
 */
export function relativePath(from: string, to: string): string {
  const source = from.split("/").filter(Boolean);
  const target = to.split("/").filter(Boolean);
  let common = 0;
  while (common < source.length && common < target.length && source[common] === target[common]) common++;
  const up = "../".repeat(source.length - common);
  const down = target.slice(common).join("/");
  return encodeURI(`${up}${down}${down === "" || !to.endsWith("/") ? "" : "/"}`) || "./";
}

/**
 * The redirect at `path` (one of `redirect.paths`): a zero-second refresh and the canonical link
 * to the new tag's first page, `noindex`, and a visible link for readers whose browser does not follow.
 */
export function renderTagRedirect(redirect: TagRedirect<Tag>, path: string, site: SiteContext): string {
  const { to } = redirect;
  const title = `${site.wording.strings.tag}: ${to.name}`;
  return html`<!DOCTYPE html>
<html lang="${site.options.locale}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${site.absolute(to.path)}">
<meta http-equiv="refresh" content="0; url=${relativePath(path, to.path)}">
</head>
<body>
<p>${site.wording.strings.tag}: <a href="${site.href(to.path)}">${to.name}</a></p>
</body>
</html>
`.markup;
}
