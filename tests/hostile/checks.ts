/**
 * What must hold for every site built from hostile data, whatever the theme looks like:
 * pages parse with nothing executable the data smuggled in, feeds are well-formed XML that reads
 * back with the text intact, and every link between pages lands on a written file.
 *
 * HTML is parsed with htmlparser2 and XML checked with fast-xml-parser: both are already in the
 * dependency tree (through Eleventy and feedsmith).
 */
import { feedUri } from "../../plugin/data/uri.js";
import { ageScriptSource } from "../../plugin/html/age.js";
import { subscribeScriptSource } from "../../plugin/html/subscribe.js";
import { stringsFor } from "../../plugin/model/strings.js";
import { DomUtils, parseDocument } from "htmlparser2";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { expect } from "vitest";
import { validateDigest, type DigestPluginOptions } from "../../plugin/index.js";
import { buildDigestModel, type DigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { outputPermalink, withPathPrefix } from "../../plugin/model/urls.js";
import { SITE_URL } from "./render.js";

type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Elements a digest page never needs, and data must never create. */
const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "base",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "portal",
  "template",
]);
/** Attributes that hold a URL a browser follows or loads. */
const URL_ATTRIBUTES = [
  "href",
  "src",
  "action",
  "formaction",
  "poster",
  "cite",
  "background",
  "data",
  "xlink:href",
  "ping",
];
const SAFE_SCHEME = /^(https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** RFC 3986's URI characters, each `%` starting a percent-encoded octet: what every absolute URL is written as. */
export const RFC_3986 = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
// XML 1.0's Char production, as what must not appear.
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface SiteSetup {
  readonly options: Partial<DigestPluginOptions>;
  readonly pathPrefix: string;
}

/** The model the pages were made from, recomputed from the same data and options. */
export function modelOf(data: unknown, setup: SiteSetup): DigestModel {
  const options = resolveOptions({ siteUrl: SITE_URL, ...setup.options });
  return buildDigestModel(validateDigest(data, { dataKey: options.dataKey, timeZone: options.timeZone }), options);
}

/** The output file a link points to, or undefined for a link that leaves the site. */
export function linkTarget(url: string, pathPrefix: string): string | undefined {
  let path: string;
  if (url.startsWith(`${SITE_URL}/`)) path = url.slice(SITE_URL.length);
  else if (url.startsWith("/") && !url.startsWith("//")) path = url;
  else if (ANY_SCHEME.test(url) || url.startsWith("//")) return undefined;
  else throw new Error(`relative link ${JSON.stringify(url)}: the plugin links by site-root paths`);
  path = decodeURI(path.replace(/[?#].*$/, ""));
  const prefix = withPathPrefix(pathPrefix, "/");
  if (!path.startsWith(prefix)) throw new Error(`link ${url} does not honour pathPrefix ${prefix}`);
  return outputPermalink(`/${path.slice(prefix.length)}`).slice(1);
}

/**
 * Parses a page and checks that nothing in it can run: no `<script>` but JSON-LD that parses, no
 * frame, form or plugin element, no `on…` attribute, no URL with a scheme other than http(s) and
 * mailto. Returns the parsed document and the page's site links.
 */
export function checkHtmlPage(
  file: string,
  html: string,
  pathPrefix: string,
): { anchors: Element[]; links: string[]; text: string } {
  // Plain checks, not `expect`: a site has hundreds of thousands of attributes.
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  if (XML_FORBIDDEN.test(html)) fail("an XML-forbidden character");
  const document = parseDocument(html);
  const elements = DomUtils.findAll(() => true, document.children);
  const ids = new Set(elements.map((element) => element.attribs.id).filter((id) => id !== undefined));
  const links: string[] = [];
  for (const element of elements) {
    const name = element.name.toLowerCase();
    if (name === "script") {
      // JSON-LD, or the age labels' or the subscribe page's script (html/age.ts, subscribe.ts) exactly as the plugin writes it for the page's language.
      const lang = elements.find((other) => other.name === "html")?.attribs.lang ?? "en";
      const isAgeScript =
        element.attribs.type === undefined &&
        [ageScriptSource(lang), subscribeScriptSource(stringsFor(lang).copy, stringsFor(lang).copied)].includes(
          DomUtils.textContent(element),
        );
      if (element.attribs.type !== "application/ld+json" && !isAgeScript)
        fail(`a <script> that is not JSON-LD: ${DomUtils.getOuterHTML(element).slice(0, 200)}`);
      if (isAgeScript) continue;
      try {
        JSON.parse(DomUtils.textContent(element));
      } catch {
        fail("JSON-LD that does not parse");
      }
    } else if (FORBIDDEN_ELEMENTS.has(name)) fail(`a <${name}>: ${DomUtils.getOuterHTML(element).slice(0, 200)}`);
    if (name === "meta" && element.attribs["http-equiv"] !== undefined) fail("a <meta http-equiv>");
    for (const [attribute, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(attribute)) fail(`an event handler ${attribute}="${value}" on <${name}>`);
    }
    for (const attribute of URL_ATTRIBUTES) {
      const url = element.attribs[attribute];
      if (url === undefined) continue;
      if (ANY_SCHEME.test(url) && !SAFE_SCHEME.test(url))
        fail(`<${name} ${attribute}="${url}">: only http(s) and mailto`);
      // Absolute URLs (the data's, the feeds', canonical links) in RFC 3986 form; the page's own
      // fragment links (`#dg-t-Ε`) are HTML's, which allows any letter.
      if (ANY_SCHEME.test(url) && !RFC_3986.test(url)) fail(`<${name} ${attribute}="${url}">: not an RFC 3986 URI`);
      if (url.startsWith("#")) {
        if (!ids.has(decodeURIComponent(url.slice(1)))) fail(`${url} points to no element of the page`);
      } else if ((name === "a" || name === "link") && attribute === "href") {
        const target = linkTarget(url, pathPrefix);
        if (target !== undefined) links.push(target);
      }
    }
  }
  return { anchors: elements.filter((element) => element.name === "a"), links, text: DomUtils.textContent(document) };
}

/** Well-formed XML (fast-xml-parser, the parser feedsmith reads with) with no forbidden character. */
export function checkWellFormedXml(file: string, xml: string): void {
  expect(XML_FORBIDDEN.test(xml), `${file}: no XML-forbidden character`).toBe(false);
  const result = XMLValidator.validate(xml);
  expect(result, `${file}: well-formed XML`).toBe(true);
}

function anchorText(anchor: Element): string {
  return DomUtils.textContent(anchor);
}

/**
 * Checks a whole rendered site against its model: every page safe and every link resolving, each
 * article's title shown as text on its month page and on its tag pages, each tag's name on the
 * tag index, and every RSS feed well-formed, reading back with its items' text intact.
 */
export function checkSite(files: ReadonlyMap<string, string>, model: DigestModel, setup: SiteSetup): void {
  const site = resolveOptions({ siteUrl: SITE_URL, ...setup.options });
  const pages = new Map<string, ReturnType<typeof checkHtmlPage>>();
  for (const [file, content] of files) {
    if (file.endsWith(".html")) {
      const page = checkHtmlPage(file, content, setup.pathPrefix);
      const missing = page.links.filter((link) => !files.has(link));
      expect(missing, `${file} links only to written files`).toEqual([]);
      pages.set(file, page);
    } else if (file.endsWith(".xml")) {
      checkWellFormedXml(file, content);
    } else if (file.endsWith(".json")) {
      expect(() => JSON.parse(content), `${file}: valid JSON`).not.toThrow();
    }
  }

  // Titles are text: on the issue page listing them, some link to the article reads exactly the title.
  const pageOf = (path: string) => {
    const file = outputPermalink(path).slice(1);
    const page = pages.get(file);
    expect(page, `${file} is written`).toBeDefined();
    return page!;
  };
  for (const monthPage of model.monthPages) {
    const page = pageOf(monthPage.path);
    for (const article of monthPage.items) {
      const titled = page.anchors.filter((anchor) => anchor.attribs.href === article.url).map(anchorText);
      expect(titled, `${monthPage.path}: the title of ${article.id} as text`).toContain(article.title);
      expect(page.text).toContain(article.source.name);
      for (const tag of article.tags) expect(page.text).toContain(tag.name);
    }
  }
  for (const tagPage of model.tagPages) {
    const page = pageOf(tagPage.path);
    expect(page.text).toContain(tagPage.tag.name);
    for (const article of tagPage.items) {
      const titled = page.anchors.filter((anchor) => anchor.attribs.href === article.url).map(anchorText);
      expect(titled, `${tagPage.path}: the title of ${article.id} as text`).toContain(article.title);
    }
  }
  if (model.tags.length > 0) {
    const index = pageOf(`${site.basePath}tags/`);
    for (const tag of model.tags) {
      const linked = index.anchors
        .filter((anchor) => anchor.attribs.href === withPathPrefix(setup.pathPrefix, tag.path))
        .map(anchorText);
      expect(
        linked.some((text) => text.includes(tag.name)),
        `tag index: ${tag.name}`,
      ).toBe(true);
    }
  }
  // Sources: each source's pages list its picks, newest issue first, then rank; the index links every source.
  for (const sourcePage of model.sourcePages) {
    const page = pageOf(sourcePage.path);
    expect(page.text).toContain(sourcePage.source.name);
    const hrefs = new Set(sourcePage.items.map((article) => article.url));
    // Each pick's title link (its thumbnail's link repeats it, hidden from screen readers; the source's website is no pick).
    const listed = page.anchors
      .filter((anchor) => !["dg-thumb-link", "dg-link"].includes(anchor.attribs.class ?? ""))
      .map((anchor) => anchor.attribs.href)
      .filter((href): href is string => href !== undefined && hrefs.has(href));
    expect(listed, `${sourcePage.path}: its picks in order`).toEqual(sourcePage.items.map((article) => article.url));
  }
  const sourceIndex = pageOf(`${site.basePath}sources/`);
  for (const source of model.sources) {
    const linked = sourceIndex.anchors
      .filter((anchor) => anchor.attribs.href === withPathPrefix(setup.pathPrefix, source.path))
      .map(anchorText);
    expect(
      linked.some((text) => text.includes(source.name)),
      `source index: ${source.name}`,
    ).toBe(true);
  }

  // The site RSS feed reads back with the newest articles' text intact.
  const base = site.basePath.slice(1);
  const newest = model.latestArticles.slice(0, site.feed.limit);
  const rss = files.get(`${base}feed.xml`);
  expect(rss, "the site feed is written").toBeDefined();
  checkRssFeed(rss!, newest, setup.pathPrefix, files);

  // Feeds other branches add (SPEC §3), checked when present: Atom, JSON Feed, tag feeds.
  const atom = files.get(`${base}atom.xml`);
  if (atom !== undefined) {
    const entries = parseAtomFeed(atom).entries ?? [];
    const titles = entries.map((entry) => (typeof entry.title === "object" ? entry.title.value : entry.title));
    expect(titles).toEqual(newest.map((article) => article.title));
  }
  const json = files.get(`${base}feed.json`);
  if (json !== undefined) {
    const items = (parseJsonFeed(JSON.parse(json)).items ?? []) as { title?: string; url?: string }[];
    expect(items.map((item) => item.title)).toEqual(newest.map((article) => article.title));
    expect(items.map((item) => item.url)).toEqual(newest.map((article) => feedUri(article.url)));
  }
  for (const tag of model.tags) {
    const rss = tag.feeds.find((feed) => feed.format === "rss");
    const tagRss = rss && files.get(outputPermalink(rss.path).slice(1));
    if (tagRss === undefined) continue;
    const items = parseRssFeed(tagRss).items ?? [];
    expect(items.map((item) => item.title)).toEqual(
      tag.articles.slice(0, items.length).map((article) => article.title),
    );
  }
}

export function checkRssFeed(
  xml: string,
  articles: DigestModel["latestArticles"],
  pathPrefix: string,
  files: ReadonlyMap<string, string>,
): void {
  const feed = parseRssFeed(xml);
  const items = feed.items ?? [];
  expect(items.map((item) => item.title)).toEqual(articles.map((article) => article.title));
  // Feeds write URLs in RFC 3986 form (`]` as %5D, see tests/unit/feed-uri.test.ts).
  expect(items.map((item) => item.link)).toEqual(articles.map((article) => feedUri(article.url)));
  // A GUID that is the article's URL is written in the same RFC 3986 form; any other id as it is.
  expect(items.map((item) => item.guid?.value)).toEqual(
    articles.map((article) => (article.id === article.url ? feedUri(article.url) : article.id)),
  );
  expect(items.map((item) => (item.categories ?? []).map((category) => category.name))).toEqual(
    articles.map((article) => article.tags.map((tag) => tag.name)),
  );
  // Each item's HTML links back to the issue page that lists it.
  items.forEach((item, index) => {
    const description = parseDocument(item.description ?? "");
    const hrefs = DomUtils.findAll((element) => element.name === "a", description.children).map(
      (anchor) => anchor.attribs.href ?? "",
    );
    for (const href of hrefs) expect(href, "feed links are absolute").toMatch(SAFE_SCHEME);
    const back = hrefs.map((href) => linkTarget(href, pathPrefix)).filter((target) => target !== undefined);
    expect(back.length, `item ${index} links to its issue`).toBeGreaterThan(0);
    for (const target of back) expect(files.has(target!), `feed links to ${target}, which is written`).toBe(true);
  });
}
