// The subscribe page, the OPML list and the favicon in real Eleventy builds: both pipelines, under a
// basePath and pathPrefix, in a host layout, and with the `favicon` option.
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { buildInMemory, buildSite, readUrl, SITE_URL, type BuildResult } from "../helpers/build/index.js";
import { decodeEntities } from "../helpers/html.js";
import { resolveOptions } from "../../plugin/options.js";

const DATA = {
  title: "Best of Distributed Systems",
  articles: [
    { month: "2025-04", rank: 1, title: "One", url: "https://a.example/1", source: "S", tags: ["Redis", "分布式系统"] },
    { month: "2025-04", rank: 2, title: "Two", url: "https://a.example/2", source: "S", tags: ["C++"] },
  ],
};
const PREFIX = "/blog/";
const BASE = "digest/";
// Lists collections.all through withDigestPages, to see that the subscribe page is in it like the other HTML pages.
const ALL = {
  "all.njk": "---\npermalink: /all.txt\n---\n{% for p in collections.all | withDigestPages %}{{ p.url }}\n{% endfor %}",
};
const LAYOUT = {
  "_includes/host.njk":
    '<!doctype html><html lang="en"><head><title>{{ title }}</title>{% digestHead %}</head><body><p id="host">host layout</p>{{ content | safe }}</body></html>',
};

/** A page's `<link rel="icon">` href, or undefined. */
const iconHref = (page: string) => /<link rel="icon" href="([^"]*)"/.exec(page)?.[1];

/** The output file a link with pathPrefix points at: `/blog/digest/x/` → `digest/x/index.html`. */
function fileOf(href: string): string {
  expect(href.startsWith(PREFIX), href).toBe(true);
  const path = decodeURI(href.slice(PREFIX.length));
  return path.endsWith("/") ? `${path}index.html` : path;
}

/** Every outline of an OPML document with an xmlUrl, the tag folder's included. */
function opmlFeedUrls(xml: string): string[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    htmlEntities: true,
    isArray: (name) => name === "outline",
  });
  type Outline = { xmlUrl?: string; outline?: Outline[] };
  const doc = parser.parse(xml) as { opml: { body: { outline: Outline[] } } };
  const walk = (outlines: Outline[]): string[] =>
    outlines.flatMap((o) => [...(o.xmlUrl ? [o.xmlUrl] : []), ...walk(o.outline ?? [])]);
  return walk(doc.opml.body.outline);
}

async function withSite(
  options: Record<string, unknown>,
  check: (site: BuildResult, files: string[]) => Promise<void>,
  files: Record<string, string> = ALL,
): Promise<void> {
  const site = await buildSite({
    data: DATA,
    options: { basePath: "/digest/", ...options },
    pathPrefix: PREFIX,
    files,
  });
  try {
    await check(site, await site.files());
  } finally {
    await site.cleanup();
  }
}

describe.each(["eleventy", "direct"] as const)(
  "subscribe, OPML and favicon (pipeline %s, basePath /digest/, pathPrefix /blog/)",
  (pipeline) => {
    it("writes the subscribe page, feeds.opml and favicon.svg; every page links the favicon and Subscribe opens the page", async () => {
      await withSite({ pipeline, sitemap: true }, async (site, files) => {
        expect(files).toEqual(
          expect.arrayContaining([`${BASE}subscribe/index.html`, `${BASE}feeds.opml`, `${BASE}favicon.svg`]),
        );
        const pages = files.filter((file) => file.startsWith(BASE) && file.endsWith("index.html")); // pages, not the emails
        expect(pages.length).toBeGreaterThan(5);
        for (const file of pages) {
          const page = await site.read(file);
          expect(page, file).toContain('<link rel="icon" href="/blog/digest/favicon.svg" type="image/svg+xml">');
          expect(files, file).toContain(fileOf(iconHref(page)!));
          expect(page, file).toMatch(
            /<li><a href="\/blog\/digest\/subscribe\/"( aria-current="page")?>Subscribe<\/a><\/li>/,
          );
          expect(page, file).not.toMatch(/<li><a href="[^"]*feed\.xml">Subscribe/);
          // The footer keeps its feed links.
          expect(page, file).toContain(
            '<footer class="dg-foot"><a href="/blog/digest/feed.xml" type="application/rss+xml">RSS</a>',
          );
        }
        expect(await site.read(`${BASE}favicon.svg`)).toMatch(
          /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*fill="#0b57d0".*>B<\/text><\/svg>\n$/,
        );
        const subscribe = await site.read(`${BASE}subscribe/index.html`);
        expect(subscribe).toContain('<link rel="canonical" href="https://digest.example.com/blog/digest/subscribe/">');
        expect(subscribe).toContain(
          '<nav class="dg-crumbs" aria-label="Breadcrumbs"><ol><li><a href="/blog/digest/">Archive</a></li><li><a href="/blog/digest/subscribe/" aria-current="page">Subscribe</a></li></ol></nav>',
        );
        expect(subscribe).toContain('"@type":"CollectionPage"');
        // Every URL the page offers is a feed the build wrote, the OPML file with the whole digest's.
        const shown = [
          ...subscribe.matchAll(/<pre class="dg-url" tabindex="0"(?: data-url="([^"]*)")?>([^<]*)<\/pre>/g),
        ].map((m) => decodeEntities(m[1] ?? m[2]!));
        expect(shown.slice(0, 7)).toEqual(
          [
            "feed.xml",
            "atom.xml",
            "feed.json",
            "issues/feed.xml",
            "issues/atom.xml",
            "issues/feed.json",
            "feeds.opml",
          ].map((file) => `${SITE_URL}/blog/digest/${file}`),
        );
        expect(shown).toHaveLength(3 + 3 + 1 + 3 * 3);
        for (const url of shown) expect(files, url).toContain(fileOf(url.slice(SITE_URL.length)));
        // The OPML's feeds are exactly the feeds written, by their absolute URLs.
        const opmlUrls = opmlFeedUrls(await site.read(`${BASE}feeds.opml`));
        const written = files
          .filter((file) => /(feed\.xml|atom\.xml|feed\.json)$/.test(file))
          .map((file) => encodeURI(`${SITE_URL}${PREFIX}${file}`));
        expect([...opmlUrls].sort()).toEqual([...written].sort());
        expect(opmlUrls).toEqual(shown.filter((url) => !url.endsWith(".opml")));
        // In the sitemap, and in a host list through withDigestPages, like the tag index.
        expect(await site.read(`${BASE}sitemap.xml`)).toContain(`<loc>${SITE_URL}/blog/digest/subscribe/</loc>`);
        const all = (await site.read("all.txt")).split("\n");
        expect(all).toEqual(expect.arrayContaining(["/digest/tags/", "/digest/subscribe/"]));
      });
    });

    it("with a host layout: the subscribe page is in it, and digestHead links the favicon", async () => {
      await withSite(
        { pipeline, layout: "host.njk" },
        async (site, files) => {
          const subscribe = await site.read(`${BASE}subscribe/index.html`);
          expect(subscribe).toContain('<p id="host">host layout</p>');
          expect(subscribe).toContain("<title>Subscribe</title>");
          expect(subscribe).toContain(
            '<pre class="dg-url" tabindex="0">https://digest.example.com/blog/digest/feeds.opml</pre>',
          );
          for (const file of files.filter((f) => f.startsWith(BASE) && f.endsWith("index.html"))) {
            expect(iconHref(await site.read(file)), file).toBe("/blog/digest/favicon.svg");
          }
          expect(files).toContain(`${BASE}favicon.svg`);
        },
        { ...ALL, ...LAYOUT },
      );
    });

    it("with favicon: false, writes no SVG and links no icon", async () => {
      await withSite({ pipeline, favicon: false }, async (site, files) => {
        expect(files.some((file) => file.endsWith("favicon.svg"))).toBe(false);
        for (const file of files.filter((f) => f.endsWith(".html")))
          expect(await site.read(file), file).not.toContain('rel="icon"');
      });
    });

    it("with a custom favicon path, writes no SVG and links the user's icon", async () => {
      await withSite({ pipeline, favicon: "/icons/me.png" }, async (site, files) => {
        expect(files.some((file) => file.endsWith("favicon.svg"))).toBe(false);
        for (const file of files.filter((f) => f.startsWith(BASE) && f.endsWith("index.html"))) {
          expect(await site.read(file), file).toContain('<link rel="icon" href="/blog/icons/me.png" type="image/png">');
        }
      });
    });
  },
);

/** The whole digest's card on the subscribe page: from its heading to the end of its section. */
const wholeDigestCard = (page: string) => /<h2 id="dg-site-feeds">[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
/** The card's kinds of feed, each as its heading, its sentence and the URLs it offers. */
function feedKinds(card: string): [string, string, string[]][] {
  return [
    ...card.matchAll(
      /<h3 class="dg-initial">([^<]*)<\/h3><p class="dg-sub">([^<]*)<\/p><ul class="dg-feed-list">(.*?)<\/ul>/g,
    ),
  ].map((m) => [
    m[1]!,
    m[2]!,
    [...m[3]!.matchAll(/<pre class="dg-url" tabindex="0">([^<]*)<\/pre>/g)].map((u) => u[1]!),
  ]);
}

describe("the whole digest's feeds: every pick, and one item a month", () => {
  const PICKS = ["Every pick", "Every pick as it is ranked, one item each."] as const;
  const ISSUES = [
    "One item a month",
    "One item a month, the whole issue: its intro and every pick in rank order.",
  ] as const;
  const urls = (folder: string) =>
    ["feed.xml", "atom.xml", "feed.json"].map((file) => `${SITE_URL}/digest/${folder}${file}`);
  const OPML = [
    "All feeds as one OPML file",
    "Import it into your reader to subscribe to every feed at once.",
    [`${SITE_URL}/digest/feeds.opml`],
  ] as const;

  it("offers the issue feed beside the per-pick site feeds, each kind said in words, and links both from the home page", async () => {
    const site = await buildInMemory({ data: DATA, options: { basePath: "/digest/" } });
    const card = wholeDigestCard(readUrl(site, "/digest/subscribe/"));
    expect(feedKinds(card)).toEqual([[...PICKS, urls("")], [...ISSUES, urls("issues/")], OPML]);
    for (const url of urls("issues/"))
      expect(readUrl(site, url.slice(SITE_URL.length))).toContain(`${SITE_URL}/digest/2025/04/`);
    const home = readUrl(site, "/digest/");
    for (const url of [...urls(""), ...urls("issues/")]) expect(home).toContain(`href="${url}">`);
    expect(home).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Best of Distributed Systems · One item a month" href="${SITE_URL}/digest/issues/feed.xml">`,
    );
    // Only the home page: the others link the site feeds.
    expect(readUrl(site, "/digest/2025/04/")).not.toContain("issues/feed.xml");
  });

  it("in issue mode, offers the pick feed (picks/) beside the per-issue site feeds; with companion: false, only the site feeds", async () => {
    const issueMode = await buildInMemory({ data: DATA, options: { basePath: "/digest/", feed: { items: "issues" } } });
    expect(feedKinds(wholeDigestCard(readUrl(issueMode, "/digest/subscribe/")))).toEqual([
      [...ISSUES, urls("")],
      [...PICKS, urls("picks/")],
      OPML,
    ]);
    const single = await buildInMemory({ data: DATA, options: { basePath: "/digest/", feed: { companion: false } } });
    expect(feedKinds(wholeDigestCard(readUrl(single, "/digest/subscribe/")))).toEqual([[...PICKS, urls("")], OPML]);
    expect([...single.keys()].filter((url) => /\/(issues|picks)\//.test(url))).toEqual([]);
  });
});

describe("the newsletter sign-up slot (subscribe.newsletterHtml)", () => {
  const FORM =
    '<form action="https://buttondown.example/api/subscribe" method="post"><label for="nl-email">Email</label><input id="nl-email" type="email" name="email"><button>Sign up</button></form>';

  it("shows the publisher's own markup, as it is, in a card headed 'By email', after the whole digest's feeds", async () => {
    for (const pipeline of ["eleventy", "direct"] as const) {
      const site = await buildSite({
        data: DATA,
        options: { basePath: "/digest/", pipeline, subscribe: { newsletterHtml: FORM } },
      });
      try {
        const page = await site.read("digest/subscribe/index.html");
        expect(page, pipeline).toContain(
          `<section class="dg-latest" aria-labelledby="dg-newsletter"><h2 id="dg-newsletter">By email</h2>${FORM}</section>`,
        );
        expect(page.indexOf("dg-newsletter"), pipeline).toBeGreaterThan(page.indexOf('id="dg-site-feeds"'));
        expect(page.indexOf("dg-newsletter"), pipeline).toBeLessThan(page.indexOf('id="dg-tag-feeds"'));
        // Only on the subscribe page.
        expect(await site.read("digest/index.html"), pipeline).not.toContain("buttondown");
      } finally {
        await site.cleanup();
      }
    }
  });

  it("is absent by default and for blank markup; its heading is a word of the strings option", async () => {
    const plain = await buildInMemory({ data: DATA, options: { basePath: "/digest/" } });
    expect(readUrl(plain, "/digest/subscribe/")).not.toContain("dg-newsletter");
    const blank = await buildInMemory({
      data: DATA,
      options: { basePath: "/digest/", subscribe: { newsletterHtml: " \n" } },
    });
    expect(readUrl(blank, "/digest/subscribe/")).not.toContain("dg-newsletter");
    const german = await buildInMemory({
      data: DATA,
      options: { basePath: "/digest/", locale: "de", subscribe: { newsletterHtml: FORM } },
    });
    expect(readUrl(german, "/digest/subscribe/")).toContain('<h2 id="dg-newsletter">Per E-Mail</h2>');
  });

  it("must be text, in an object with no other keys", () => {
    expect(() => resolveOptions({ siteUrl: SITE_URL, subscribe: { newsletterHtml: 3 } })).toThrow(
      "options.subscribe.newsletterHtml: expected HTML text, such as a <form> from your newsletter service, got 3",
    );
    expect(() => resolveOptions({ siteUrl: SITE_URL, subscribe: { newsletter: FORM } })).toThrow("options.subscribe");
    expect(resolveOptions({ siteUrl: SITE_URL }).subscribe).toEqual({});
  });
});

describe("in memory (toJSON)", () => {
  it("renders the subscribe page, the OPML and the favicon with the other outputs", async () => {
    const site = await buildInMemory({ data: DATA, options: { basePath: "/digest/" } });
    expect(readUrl(site, "/digest/subscribe/")).toContain("<h1>Subscribe</h1>");
    expect(readUrl(site, "/digest/feeds.opml")).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<opml version="2\.0">/,
    );
    expect(readUrl(site, "/digest/favicon.svg")).toContain(">B</text>");
    expect(iconHref(readUrl(site, "/digest/"))).toBe("/digest/favicon.svg");
  });
});
