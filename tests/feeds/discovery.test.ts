// Feed autodiscovery in the host's own templates: the digestFeedLinks shortcode prints the site
// feeds' <link rel="alternate"> in Nunjucks, Liquid and 11ty.js, and a tag's feeds too on that
// tag's pages, here wrapped in the host's Nunjucks layout.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { tagSlug } from "../../plugin/data/slug.js";
import { buildInMemory, readUrl, SITE_URL, type RenderedSite } from "../helpers/build/index.js";
import { makeDigest } from "./digest.js";

// A real Eleventy build: generous limits for a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const BASE = `${SITE_URL}/digest`;
const SITE_LINKS = [
  `<link rel="alternate" type="application/rss+xml" title="Best of Distributed Systems" href="${BASE}/feed.xml">`,
  `<link rel="alternate" type="application/atom+xml" title="Best of Distributed Systems (Atom)" href="${BASE}/atom.xml">`,
  `<link rel="alternate" type="application/feed+json" title="Best of Distributed Systems (JSON Feed)" href="${BASE}/feed.json">`,
].join("");
/** The issue feed beside the per-pick site feeds, which the digest's home page offers too. */
const ISSUE_LINKS = [
  `<link rel="alternate" type="application/rss+xml" title="Best of Distributed Systems · One item a month" href="${BASE}/issues/feed.xml">`,
  `<link rel="alternate" type="application/atom+xml" title="Best of Distributed Systems · One item a month (Atom)" href="${BASE}/issues/atom.xml">`,
  `<link rel="alternate" type="application/feed+json" title="Best of Distributed Systems · One item a month (JSON Feed)" href="${BASE}/issues/feed.json">`,
].join("");
const tagLinks = (name: string) => {
  // Hrefs are percent-encoded (a tag without Latin letters keeps its own letters in its slug).
  const slug = encodeURI(tagSlug(name));
  return [
    `<link rel="alternate" type="application/rss+xml" title="Best of Distributed Systems · ${name}" href="${BASE}/tags/${slug}/feed.xml">`,
    `<link rel="alternate" type="application/atom+xml" title="Best of Distributed Systems · ${name} (Atom)" href="${BASE}/tags/${slug}/atom.xml">`,
    `<link rel="alternate" type="application/feed+json" title="Best of Distributed Systems · ${name} (JSON Feed)" href="${BASE}/tags/${slug}/feed.json">`,
  ].join("");
};
/** What a page's <head> holds between the markers the host templates put around the shortcode. */
// Links are compared as a sequence: the line breaks between them don't matter.
const head = (html: string) => /\[\[(.*)\]\]/s.exec(html)?.[1]?.replace(/>\n</g, "><");

let site: RenderedSite;
const data = makeDigest(30);
// A tag with no Latin letters: its page URL is not ASCII.
data.articles.push({
  month: "2024-03",
  rank: 7,
  title: "Raft, explained",
  url: "https://example.com/raft",
  source: "S",
  tags: ["分布式系统"],
});

beforeAll(async () => {
  site = await buildInMemory({
    globalData: data,
    options: { basePath: "/digest/", layout: "layouts/host.njk" },
    files: {
      "_includes/layouts/host.njk":
        '<!doctype html><html lang="en"><head><title>{{ title }}</title>[[{% digestFeedLinks %}]]</head><body>{{ content | safe }}</body></html>\n',
      "index.njk": "---\nlayout: layouts/host.njk\ntitle: Home\n---\n<p>The host's home page.</p>\n",
      "about.liquid": "---\npermalink: /about/\n---\n<head>[[{% digestFeedLinks %}]]</head>\n",
      "js.11ty.cjs":
        'module.exports = class { data() { return { permalink: "/js/" }; } render() { return "<head>[[" + this.digestFeedLinks() + "]]</head>"; } };\n',
    },
  });
});

describe("the digestFeedLinks shortcode", () => {
  it("prints the site feeds in the host's Nunjucks, Liquid and 11ty.js templates", () => {
    expect(head(readUrl(site, "/"))).toBe(SITE_LINKS);
    expect(head(readUrl(site, "/about/"))).toBe(SITE_LINKS);
    expect(head(readUrl(site, "/js/"))).toBe(SITE_LINKS);
  });

  it("adds a tag's own feeds on that tag's pages in the host layout, and only there; the issue feed on the digest's home page", () => {
    for (const name of ["Databases", "C++", "分布式系统"]) {
      const slug = tagSlug(name);
      expect(head(readUrl(site, `/digest/tags/${slug}/`)), slug).toBe(SITE_LINKS + tagLinks(name));
      expect(readUrl(site, `/digest/tags/${slug}/`)).toContain(
        `<a class="dg-feed" href="/digest/tags/${encodeURI(slug)}/feed.xml" type="application/rss+xml">Feed for this tag</a>`,
      );
    }
    // The digest's home page offers the issue feed beside them (the host's own home page does not).
    expect(head(readUrl(site, "/digest/"))).toBe(SITE_LINKS + ISSUE_LINKS);
    expect(head(readUrl(site, "/digest/2024/01/"))).toBe(SITE_LINKS);
    expect(head(readUrl(site, "/digest/tags/"))).toBe(SITE_LINKS);
  });
});
