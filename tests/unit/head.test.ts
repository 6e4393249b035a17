// One set of head metadata on a digest page in a host layout: the digest's tags win, the layout's
// of the same kinds go, everything else in the head stays (plugin/eleventy/head.ts).
import { describe, expect, it } from "vitest";
import { headTagKind, markHeadTags, withOneHead } from "../../plugin/eleventy/head.js";

const DIGEST_HEAD = [
  '<meta name="description" content="Digest words">',
  '<link rel="canonical" href="https://example.com/digest/">',
  '<meta property="og:title" content="Digest">',
  '<meta property="og:url" content="https://example.com/digest/">',
  '<meta name="twitter:card" content="summary">',
  '<link rel="icon" href="/digest/favicon.svg" type="image/svg+xml">',
  '<script type="application/ld+json" eleventy:ignore>{}</script>',
].join("\n");

const LAYOUT = (head: string) => `<!doctype html>
<html><head>
  <title>Digest | Blog</title>
  <meta name="description" content="Blog words">
  <link rel="canonical" href="https://example.com/">
  <meta property="og:title" content="Blog">
  <meta property="og:image" content="https://example.com/share.png">
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:site" content="@blog">
  <link rel="icon" href="/favicon.ico"><link rel="apple-touch-icon" href="/touch.png">
  <link rel="alternate" type="application/rss+xml" href="/feed.xml">
${head}</head><body><p>Blog words</p></body></html>`;

describe("withOneHead", () => {
  it("keeps the digest's tags printed by digestHead and drops the layout's of the same kinds", () => {
    const page = withOneHead(LAYOUT(markHeadTags(DIGEST_HEAD)), markHeadTags(DIGEST_HEAD));
    expect(page).not.toContain('Blog words">');
    expect(page).not.toContain('href="https://example.com/"');
    expect(page).not.toContain("share.png");
    expect(page).not.toContain("favicon.ico");
    expect(page).not.toContain("touch.png");
    expect(page).not.toContain("summary_large_image");
    expect(page).not.toContain("data-dg-head");
    for (const line of DIGEST_HEAD.split("\n")) expect(page).toContain(line);
    expect(page).toContain('<meta name="twitter:site" content="@blog">');
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" href="/feed.xml">');
    expect(page).toContain("<p>Blog words</p>");
    // A dropped tag alone on its line takes its line with it.
    expect(page).not.toMatch(/\n[ \t]*\n/);
  });

  it("adds the digest's tags at the end of the head when the layout does not print digestHead, without the bundle plugin's mark", () => {
    const page = withOneHead(LAYOUT(""), markHeadTags(DIGEST_HEAD));
    expect(page.match(/<meta name="description"/g)).toHaveLength(1);
    expect(page).toContain('<meta name="description" content="Digest words">\n<link rel="canonical"');
    expect(page).toContain('<script type="application/ld+json">{}</script>\n</head>');
    expect(page).not.toContain("eleventy:ignore");
  });

  it("reads the mark as an HTML transformer writes it back, and unquoted attributes as a minifier writes them", () => {
    const minified = LAYOUT(markHeadTags(DIGEST_HEAD).replaceAll("data-dg-head", 'data-dg-head=""')).replace(
      '<meta name="description" content="Blog words">',
      "<meta name=description content=Blog>",
    );
    const page = withOneHead(minified, markHeadTags(DIGEST_HEAD));
    expect(page.match(/name=("?)description\1/g)).toHaveLength(1);
    expect(page).not.toContain("data-dg-head");
  });

  it("keeps the first of two titles", () => {
    expect(withOneHead("<head><title>A</title><title>B</title></head><body></body>", "")).toBe(
      "<head><title>A</title></head><body></body>",
    );
  });

  it("names each kind of tag it replaces, and no other", () => {
    expect(headTagKind('<meta property="og:image:alt" content="x">')).toBe("og");
    expect(headTagKind('<meta name="twitter:creator" content="@x">')).toBeUndefined();
    expect(headTagKind('<link rel="shortcut icon" href="/x.ico">')).toBe("icon");
    expect(headTagKind('<link rel="stylesheet" href="/x.css">')).toBeUndefined();
    expect(headTagKind("<meta charset=utf-8>")).toBeUndefined();
  });
});
