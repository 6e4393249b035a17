// The subscribe page's view, the OPML list and the favicon, rendered without Eleventy.
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { validateDigest, type DigestPluginOptions } from "../../plugin/index.js";
import { buildDigestModel, type DigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { createSiteContext, type SiteContext } from "../../plugin/render/site.js";
import { renderSubscribe } from "../../plugin/html/pages.js";
import { renderDocument, renderHeadMetadata } from "../../plugin/html/document.js";
import { renderFaviconLink, renderFaviconSvg } from "../../plugin/html/favicon.js";
import { renderOpml } from "../../plugin/feeds/opml.js";
import { feedFiles } from "../../plugin/feeds/plan.js";
import { decodeEntities } from "../helpers/html.js";

const SITE_URL = "https://digest.example.com";
const TAGS = ["C++", "分布式系统", "<script>x</script> & co"];
const DATA = {
  title: "Best of <Distributed> Systems",
  articles: [
    { month: "2025-04", rank: 1, title: "One", url: "https://a.example/1", source: "S", tags: TAGS },
    { month: "2025-05", rank: 1, title: "Two", url: "https://a.example/2", source: "S", tags: ["Redis"] },
  ],
};

function setup(
  options: Partial<DigestPluginOptions> = {},
  pathPrefix = "/",
  data: unknown = DATA,
): { model: DigestModel; site: SiteContext } {
  const resolved = resolveOptions({ siteUrl: SITE_URL, ...options });
  const model = buildDigestModel(validateDigest(data, { timeZone: resolved.timeZone }), resolved);
  return { model, site: createSiteContext(model, resolved, pathPrefix) };
}

/** Each feed file's own URL, as the feed states it (RSS/Atom `rel="self"`, JSON Feed `feed_url`). */
function selfUrls(model: DigestModel, site: SiteContext): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true });
  return feedFiles(model, site)
    .filter((file) => file.format !== "opml")
    .map((file) => {
      const text = file.render();
      if (file.format === "json") return (JSON.parse(text) as { feed_url: string }).feed_url;
      const doc = parser.parse(text) as {
        rss?: { channel: { "atom:link": { href: string } } };
        feed?: { link: { rel: string; href: string }[] };
      };
      return doc.rss ? doc.rss.channel["atom:link"].href : doc.feed!.link.find((link) => link.rel === "self")!.href;
    });
}

interface Outline {
  type?: string;
  text: string;
  title: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outline?: Outline | Outline[];
}

/** The OPML parsed back: head and the body's outlines. */
function parseOpml(xml: string): { version: string; head: Record<string, string>; outlines: Outline[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    htmlEntities: true,
    isArray: (name) => name === "outline",
  });
  const doc = parser.parse(xml) as {
    opml: { version: string; head: Record<string, string>; body: { outline: Outline[] } };
  };
  return { version: doc.opml.version, head: doc.opml.head, outlines: doc.opml.body.outline };
}

describe("the OPML list", () => {
  it.each([
    ["at the root", {}, "/"],
    ["under basePath and pathPrefix", { basePath: "/digest/" }, "/blog/"],
  ])(
    "has one outline per site feed and per tag feed, each xmlUrl the feed's own absolute URL (%s)",
    (_name, options, prefix) => {
      const { model, site } = setup(options, prefix);
      const opml = parseOpml(renderOpml(model, site));
      expect(opml.version).toBe("2.0");
      expect(opml.head.title).toBe("Best of <Distributed> Systems");
      // The newest issue's date (May's issue comes out on 1 June), never the clock.
      expect(opml.head.dateCreated).toBe("Sun, 01 Jun 2025 00:00:00 GMT");
      const siteOutlines = opml.outlines.filter((outline) => outline.type === "rss");
      const folders = opml.outlines.filter((outline) => outline.type === undefined);
      // The site feeds, then the issue feed beside them (every pick, one item a month).
      expect(siteOutlines.map((outline) => outline.xmlUrl)).toEqual(
        [...site.feeds, ...site.companionFeeds].map((feed) => site.absolute(feed.path)),
      );
      expect(siteOutlines.map((outline) => outline.xmlUrl)).toContain(
        site.absolute(`${site.options.basePath}issues/feed.xml`),
      );
      expect(folders).toHaveLength(1);
      expect(folders[0]!.text).toBe("Feeds by tag");
      const tagOutlines = folders[0]!.outline as Outline[];
      expect(tagOutlines).toHaveLength(model.tags.length * 3);
      for (const outline of [...siteOutlines, ...tagOutlines]) {
        expect(outline.type).toBe("rss");
        expect(outline.text).toBe(outline.title);
        expect(outline.xmlUrl).toMatch(new RegExp(`^${SITE_URL}${prefix === "/" ? "" : prefix.slice(0, -1)}/`));
        expect(outline.htmlUrl).toMatch(/^https:\/\/digest\.example\.com\/(.*\/)?$/);
      }
      const outlineUrls = [...siteOutlines, ...tagOutlines].map((outline) => outline.xmlUrl);
      expect(outlineUrls).toEqual(selfUrls(model, site));
      expect(new Set(outlineUrls).size).toBe(outlineUrls.length);
      expect(tagOutlines.map((outline) => outline.title)).toContain(
        "Best of <Distributed> Systems · <script>x</script> & co (Atom)",
      );
    },
  );

  it("lists only the formats that are on, and no tag folder without tag feeds", () => {
    const atomOnly = setup({ feed: { formats: ["atom"] } });
    const opml = parseOpml(renderOpml(atomOnly.model, atomOnly.site));
    expect(opml.outlines.filter((o) => o.type === "rss").map((o) => o.xmlUrl)).toEqual([
      `${SITE_URL}/atom.xml`,
      `${SITE_URL}/issues/atom.xml`,
    ]);
    expect(
      (opml.outlines.find((o) => o.type === undefined)!.outline as Outline[]).every((o) =>
        o.xmlUrl!.endsWith("/atom.xml"),
      ),
    ).toBe(true);
    const noTags = setup({ feed: { perTag: false, companion: false } });
    const plain = parseOpml(renderOpml(noTags.model, noTags.site));
    expect(plain.outlines.map((o) => o.xmlUrl)).toEqual([
      `${SITE_URL}/feed.xml`,
      `${SITE_URL}/atom.xml`,
      `${SITE_URL}/feed.json`,
    ]);
  });

  it("has no dateCreated for an empty digest, and is a feed file the build writes", () => {
    const { model, site } = setup({}, "/", { articles: [] });
    const xml = renderOpml(model, site);
    expect(parseOpml(xml).head.dateCreated).toBeUndefined();
    expect(feedFiles(model, site).map((file) => file.path)).toContain("/feeds.opml");
  });
});

describe("the subscribe page", () => {
  it("lists every site feed and tag feed with its URL as copyable text, and the OPML file", () => {
    const { model, site } = setup({ basePath: "/digest/" }, "/blog/");
    const view = renderSubscribe(model, site);
    expect(view.kind).toBe("subscribe");
    expect(view.path).toBe("/digest/subscribe/");
    expect(view.breadcrumbs).toEqual([
      { name: "Archive", path: "/digest/" },
      { name: "Subscribe", path: "/digest/subscribe/" },
    ]);
    const body = view.body.markup;
    // Each URL to copy, as written (the copy button's) and as a reader reads it (the field's).
    const shown = [...body.matchAll(/<pre class="dg-url" tabindex="0"(?: data-url="([^"]*)")?>([^<]*)<\/pre>/g)].map(
      (match) => decodeEntities(match[1] ?? match[2]!),
    );
    const feeds = feedFiles(model, site).map((file) => site.absolute(file.path));
    // Every feed file, and nothing else: the whole digest's (its formats, the issue feed's, then the OPML file) first.
    expect([...shown].sort()).toEqual([...feeds].sort());
    expect(shown.slice(0, 7)).toEqual(
      ["feed.xml", "atom.xml", "feed.json", "issues/feed.xml", "issues/atom.xml", "issues/feed.json", "feeds.opml"].map(
        (file) => `${SITE_URL}/blog/digest/${file}`,
      ),
    );
    expect(body).toContain(`<a class="dg-link" href="/blog/digest/feeds.opml" type="text/x-opml">`);
    expect(body).toContain("&lt;script&gt;x&lt;/script&gt; &amp; co");
    // One script: the copy buttons' and the tag filter's (hidden without it).
    expect(body.match(/<script>/g)).toHaveLength(1);
    expect(body).toContain("copy a feed&#39;s address");
    expect(view.items.map((item) => item.url)).toEqual(feeds.filter((url) => !url.endsWith(".opml")));
  });

  it("shows only the formats that are on, and the tag feeds only when they are written", () => {
    const { model, site } = setup({ feed: { formats: ["rss"], perTag: false }, locale: "de" });
    const body = renderSubscribe(model, site).body.markup;
    expect([...body.matchAll(/<pre class="dg-url" tabindex="0">([^<]*)<\/pre>/g)].map((match) => match[1])).toEqual([
      `${SITE_URL}/feed.xml`,
      `${SITE_URL}/issues/feed.xml`,
      `${SITE_URL}/feeds.opml`,
    ]);
    expect(body).toContain('<h3 class="dg-initial">Jeder Beitrag</h3>');
    expect(body).toContain('<h3 class="dg-initial">Ein Eintrag im Monat</h3>');
    expect(body).not.toContain("Feeds nach Thema");
    expect(body).toContain("<h1>Abonnieren</h1>");
  });

  it("is what the header's Subscribe link opens; the footer keeps its feed links", () => {
    const { model, site } = setup({ basePath: "/digest/" }, "/blog/");
    const page = renderDocument(renderSubscribe(model, site), site);
    expect(page).toContain('<li><a href="/blog/digest/subscribe/" aria-current="page">Subscribe</a></li>');
    expect(page).toMatch(
      /<footer class="dg-foot"><a href="\/blog\/digest\/feed\.xml" type="application\/rss\+xml">RSS<\/a>/,
    );
    expect(page).toContain('<link rel="canonical" href="https://digest.example.com/blog/digest/subscribe/">');
  });
});

describe("the favicon", () => {
  it("is the title's first grapheme, white on the accent blue, escaped, the same every time", () => {
    for (const [title, letter] of [
      ["best of", "B"],
      ["Ébène", "É"],
      ["🚀 launches", "🚀"],
      ["<&> digest", "&lt;"],
      ["分布式", "分"],
    ] as const) {
      const { site } = setup({ title });
      const svg = renderFaviconSvg(site);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 64 64">/);
      expect(svg).toContain('fill="#0b57d0"');
      expect(svg).toContain('fill="#fff"');
      expect(svg).toContain(`>${letter}</text>`);
      expect(new XMLParser({ ignoreAttributes: false }).parse(svg).svg.text["#text"]).toBe(decodeEntities(letter));
      expect(renderFaviconSvg(setup({ title }).site)).toBe(svg);
    }
  });

  it("is linked from the head: the plugin's SVG, the user's own icon, or none", () => {
    const link = (options: Partial<DigestPluginOptions>, prefix = "/") =>
      renderFaviconLink(setup(options, prefix).site)?.markup;
    expect(link({ basePath: "/digest/" }, "/blog/")).toBe(
      '<link rel="icon" href="/blog/digest/favicon.svg" type="image/svg+xml">',
    );
    expect(link({ favicon: "/icons/site.png" }, "/blog/")).toBe(
      '<link rel="icon" href="/blog/icons/site.png" type="image/png">',
    );
    expect(link({ favicon: "https://cdn.example.net/icon.ico?v=2" })).toBe(
      '<link rel="icon" href="https://cdn.example.net/icon.ico?v=2" type="image/x-icon">',
    );
    expect(link({ favicon: "/icon" })).toBe('<link rel="icon" href="/icon">');
    expect(link({ favicon: false })).toBeUndefined();
    const { model, site } = setup({ favicon: false });
    expect(renderHeadMetadata(renderSubscribe(model, site), site).markup).not.toContain('rel="icon"');
  });

  it("accepts only a site-root path, an absolute http(s) URL or false", () => {
    for (const bad of ["favicon.svg", "//cdn.example.net/x.svg", "javascript:alert(1)", "", true, 3]) {
      expect(() => resolveOptions({ siteUrl: SITE_URL, favicon: bad }), String(bad)).toThrow(
        /options\.favicon: expected a site-root path/,
      );
    }
  });
});
