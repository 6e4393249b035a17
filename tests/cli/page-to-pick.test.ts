// From a page's bytes to a pick, unit by unit: decoding, metadata, what a hostile page cannot do,
// the pick's text cleaned, and when two links are the same pick.
import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../plugin/cli/fetch-page.js";
import { readPageMetadata } from "../../plugin/cli/page-metadata.js";
import { markdownText, pickFromLink, pickFromPage, publishedDate } from "../../plugin/cli/new-pick.js";
import { pickKey } from "../../plugin/cli/pick-url.js";

const text = (result: ReturnType<typeof decodeHtml>) => (result.ok ? result.text : `failed: ${result.reason}`);

describe("decodeHtml", () => {
  it("takes the header's charset, else a <meta> in the first 1024 bytes, else UTF-8 when valid, else windows-1252", () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9]); // "Café" in Latin-1
    expect(text(decodeHtml(latin1, "iso-8859-1"))).toBe("Café");
    expect(text(decodeHtml(latin1, undefined))).toBe("Café");
    expect(text(decodeHtml(new TextEncoder().encode("Café"), undefined))).toBe("Café");
    const meta = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1251">'), 0xcf, 0xf0, 0xe8]);
    expect(text(decodeHtml(meta, undefined))).toBe('<meta charset="windows-1251">При');
    // 0x80 in windows-1252 is the euro sign, not a C1 control.
    expect(text(decodeHtml(new Uint8Array([0x80]), undefined))).toBe("€");
    // "latin1" and "iso-8859-1" labels mean windows-1252 too (Node 20's own decoder reads them as ISO-8859-1).
    expect(text(decodeHtml(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x81]), "iso-8859-1"))).toBe(
      "\u201cA\u201d \u2013\u0081",
    );
  });

  it("lets a byte order mark win, and reads a <meta> claiming UTF-16 as UTF-8", () => {
    expect(text(decodeHtml(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), "iso-8859-1"))).toBe("A");
    expect(text(decodeHtml(new TextEncoder().encode('<meta charset="utf-16">é'), undefined))).toBe(
      '<meta charset="utf-16">é',
    );
  });

  it("reports a charset no decoder knows", () => {
    expect(decodeHtml(new Uint8Array([0x41]), "x-klingon")).toEqual({
      ok: false,
      reason: 'unknown character encoding "x-klingon"',
    });
  });
});

describe("readPageMetadata", () => {
  it("makes YouTube and Vimeo pages videos by their host", () => {
    expect(readPageMetadata("<title>A talk</title>", "https://www.youtube.com/watch?v=x").type).toBe("video");
    expect(readPageMetadata("<title>A talk</title>", "https://youtu.be/x").type).toBe("video");
    expect(readPageMetadata("<title>A talk</title>", "https://vimeo.com/123").type).toBe("video");
    expect(readPageMetadata("<title>A post</title>", "https://notyoutube.com/x").type).toBe("article");
  });

  it("takes no javascript: or data: URL from a page, and no JSON-LD that is not JSON", () => {
    const page = readPageMetadata(
      `<link rel="canonical" href="javascript:alert(1)"><meta property="og:image" content="data:image/png;base64,AAAA"><script type="application/ld+json">{ not json</script><title>T</title>`,
      "https://blog.example.com/post",
    );
    expect(page).toEqual({
      title: "T",
      siteUrl: "https://blog.example.com/",
      type: "article",
      url: "https://blog.example.com/post",
    });
  });

  it("uses the canonical URL only on the page's own site", () => {
    const html = '<link rel="canonical" href="https://elsewhere.example.net/claimed"><title>T</title>';
    const page = readPageMetadata(html, "https://blog.example.com/post");
    expect(pickFromPage(page, "https://blog.example.com/post", {}).url).toBe("https://blog.example.com/post");
    const own = readPageMetadata(
      '<link rel="canonical" href="/post?utm_campaign=x&amp;id=7"><title>T</title>',
      "https://www.blog.example.com/post",
    );
    expect(pickFromPage(own, "https://www.blog.example.com/post", {}).url).toBe(
      "https://www.blog.example.com/post?id=7",
    );
  });

  it("names the author as the source when the page names no site, and keeps only an @handle", () => {
    const page = readPageMetadata(
      '<meta name="author" content="Ada Queue"><meta name="twitter:site" content="not a handle"><title>T</title>',
      "https://ada.example.com/p",
    );
    expect(pickFromPage(page, "https://ada.example.com/p", {}).source).toEqual({
      name: "Ada Queue",
      url: "https://ada.example.com/",
    });
  });
});

describe("the pick's text", () => {
  it("drops a page's control characters (no escape codes reach the data or a terminal)", () => {
    const page = readPageMetadata("<title>Clear\u001b[2J screen\u0007  twice</title>", "https://x.example.com/");
    expect(pickFromPage(page, "https://x.example.com/", { tags: ["a\u001bb"] })).toMatchObject({
      title: "Clear[2J screen twice",
      tags: ["ab"],
    });
  });

  it("makes a description Markdown that renders as the text it was", () => {
    expect(markdownText("Use *stars* and _unders_, [links](x) and <b>tags</b>\n\n# not a heading")).toBe(
      "Use \\*stars\\* and \\_unders\\_, \\[links\\](x) and \\<b\\>tags\\</b\\> \\# not a heading",
    );
    expect(markdownText("- not a list")).toBe("\\- not a list");
    expect(markdownText("1. not a list")).toBe("\\1. not a list");
  });

  it("keeps ISO 8601 dates as written, converts RFC 822 to UTC, and drops what is no date", () => {
    expect(publishedDate("2025-04-09")).toBe("2025-04-09");
    expect(publishedDate("2025-04-11T10:00:00-07:00")).toBe("2025-04-11T10:00:00-07:00");
    expect(publishedDate("Tue, 08 Apr 2025 09:30:00 +0200")).toBe("2025-04-08T07:30:00Z");
    expect(publishedDate("last Tuesday")).toBeUndefined();
  });

  it("gives an imported link its site as the source, its tags once, and a video type by host", () => {
    expect(
      pickFromLink(
        { url: "https://www.youtube.com/watch?v=1&utm_source=x", title: "Talk", tags: ["Go", "go"] },
        { tags: ["GO", "Talks"] },
      ),
    ).toEqual({
      url: "https://www.youtube.com/watch?v=1",
      title: "Talk",
      type: "video",
      source: { name: "youtube.com", url: "https://www.youtube.com/" },
      tags: ["Go", "Talks"],
    });
  });
});

describe("pickKey", () => {
  it("is the same for one link whatever its scheme, www., trailing slash, utm_* and fragment", () => {
    const key = pickKey("https://example.com/post?id=7");
    for (const variant of [
      "http://example.com/post?id=7",
      "https://www.example.com/post/?id=7",
      "https://WWW.Example.com/post?utm_source=rss&id=7&utm_medium=feed",
      "https://example.com/post?id=7#comments",
    ])
      expect(pickKey(variant)).toBe(key);
    expect(pickKey("https://example.com/post?id=8")).not.toBe(key);
    expect(pickKey("https://example.com:8443/post?id=7")).not.toBe(key);
    expect(pickKey("ftp://example.com/post")).toBeUndefined();
  });
});
