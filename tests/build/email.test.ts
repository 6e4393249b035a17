// The email-ready issue, `{base}YYYY/MM/email.html` and `email.txt`, through real builds under a
// basePath and Eleventy's pathPrefix: HTML a mail client renders (inline styles only, absolute URLs,
// images with width, height and alt), every pick of every page of the issue, under Gmail's clipping
// size at 100 picks, the plain-text twin, the issue-mode feeds carrying the same content, the page
// link, `email: false`, host layouts, and both pipelines writing the same bytes.
import { DomUtils, parseDocument } from "htmlparser2";
import { decodeHTML } from "entities";
import type { Element } from "domhandler";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildInMemory,
  buildSite,
  readUrl,
  SITE_URL,
  type BuildInput,
  type BuildResult,
} from "../helpers/build/index.js";
import { syntheticDigest } from "../helpers/synthetic.js";
import { makeDigest } from "../feeds/digest.js";
import { checkFeed } from "../feeds/w3c-feed-rules.js";
import { openXmlParser, childElements, type XmlElement, type XmlParser } from "../feeds/xml-parser.js";
import { feedUri } from "../../plugin/data/uri.js";
import { doIUseEmail } from "doiuse-email";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

// 40 articles, 9 a month (2024-01 … 2024-04 full, 2024-05 with 4), 4 to a page: issues of 3 pages.
const data = makeDigest(40, 9);
const months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"];
const BASE = `${SITE_URL}/blog/digest/`;
const input: BuildInput = {
  data,
  pathPrefix: "/blog/",
  options: { basePath: "/digest/", pageSize: 4, feed: { items: "issues" } },
};
const emailFile = (month: string, ext: "html" | "txt") => `digest/${month.replace("-", "/")}/email.${ext}`;
/** The designated part of email.html that the feeds carry. */
const issuePart = (email: string) => /<!--digest:issue-->([\s\S]*)<!--\/digest:issue-->/.exec(email)![1]!;

let eleventy: BuildResult;
let direct: BuildResult;
let parser: XmlParser;
beforeAll(async () => {
  [eleventy, direct, parser] = await Promise.all([
    buildSite(input),
    buildSite({ ...input, options: { ...input.options, pipeline: "direct" } }),
    openXmlParser(),
  ]);
});
afterAll(async () => {
  await Promise.all([eleventy?.cleanup(), direct?.cleanup(), parser?.close()]);
});

/** Every element of a document. */
function elementsOf(markup: string): Element[] {
  return DomUtils.findAll(() => true, parseDocument(markup).children);
}

/** What a mail client would refuse or lose: stylesheets, scripts, classes, relative URLs, unsized images. */
function mailProblems(markup: string): string[] {
  const problems: string[] = [];
  for (const el of elementsOf(markup)) {
    if (["link", "style", "script", "iframe", "form", "svg"].includes(el.name)) problems.push(`<${el.name}>`);
    if ("class" in el.attribs) problems.push(`class= on <${el.name}>`);
    for (const attr of ["href", "src"]) {
      const url = el.attribs[attr];
      if (url !== undefined && !/^(https?:\/\/[^/]|mailto:)/.test(url)) problems.push(`${attr}="${url}"`);
    }
    if (
      el.name === "img" &&
      !(Number(el.attribs.width) > 0 && Number(el.attribs.height) > 0 && (el.attribs.alt ?? "") !== "")
    )
      problems.push(`<img src="${el.attribs.src}"> without width, height and alt`);
  }
  return problems;
}

describe("email.html", () => {
  it("is written for every issue, under the basePath, in both pipelines, byte for byte the same", async () => {
    const files = await eleventy.files();
    const emails = files.filter((file) => /email\.(html|txt)$/.test(file));
    expect(emails).toEqual(months.flatMap((month) => [emailFile(month, "html"), emailFile(month, "txt")]).sort());
    expect((await direct.files()).filter((file) => /email\.(html|txt)$/.test(file))).toEqual(emails);
    for (const file of emails) expect(await direct.read(file), file).toBe(await eleventy.read(file));
  });

  it("uses inline styles only, absolute URLs everywhere, and sized images with alt text", async () => {
    for (const month of months) {
      const email = await eleventy.read(emailFile(month, "html"));
      expect(mailProblems(email), month).toEqual([]);
      expect(email).not.toMatch(/<style|<link|<script|@import|@font-face|class=/i);
      const images = elementsOf(email).filter((el) => el.name === "img");
      expect(images.length).toBe(data.articles.filter((a) => a.month === month && a.image).length);
    }
  });

  it("holds the title, the intro, and every pick of every page in rank order, with source, summary and link; 'Video' only for videos", async () => {
    const email = await eleventy.read(emailFile("2024-02", "html"));
    const picks = data.articles.filter((a) => a.month === "2024-02").sort((a, b) => a.rank - b.rank);
    expect(email).toContain("<h1");
    expect(email).toContain(">Issue 2024-02</h1>");
    expect(email).toContain("Picks for <strong>2024-02</strong>");
    const rows = [
      ...email.matchAll(
        /<b style="[^"]*">#(\d+)<\/b> · (?:<a href="([^"]+)"[^>]*>)?([^<]+?)(?:<\/a>)?( · Video)?<\/p><h2[^>]*><a href="([^"]+)"[^>]*>([^<]+)<\/a>/g,
      ),
    ];
    // Text as a reader sees it: escapes decoded ("&amp;" is "&").
    expect(rows.map((m) => [Number(m[1]), decodeHTML(m[3]!), m[4] !== undefined, m[5], decodeHTML(m[6]!)])).toEqual(
      picks.map((a) => [
        a.rank,
        typeof a.source === "string" ? a.source : a.source.name,
        a.type === "video",
        feedUri(a.url).replace(/&/g, "&amp;"),
        a.title,
      ]),
    );
    expect(email).not.toContain("Article</");
    for (const a of picks) expect(email).toContain(`https://example.org/${Number(/post-(\d+)/.exec(a.url)![1]) - 1}`);
    expect(email).toContain(`href="${BASE}tags/`);
  });

  it("has a preheader, and a footer linking the issue on the web, the archive and the subscribe page", async () => {
    const email = await eleventy.read(emailFile("2024-03", "html"));
    // Hidden from Outlook on Windows, which would show it (its own CSS to hide it is not valid CSS).
    expect(email).toMatch(
      /<body[^>]*>\n<!--\[if !mso\]><!--><div style="display:none[^"]*">Picks for 2024-03, see the archive \[https:\/\/example\.org\/archive\]\.<\/div><!--<!\[endif\]-->/,
    );
    expect(email).toContain(
      `<a href="${BASE}2024/03/" style="color:#0b57d0">View this issue on the web</a> · <a href="${BASE}" style="color:#0b57d0">Archive</a> · <a href="${BASE}subscribe/" style="color:#0b57d0">Subscribe</a>`,
    );
    expect(email).toMatch(/max-width:600px/);
  });

  it("is linked from every page of its issue", async () => {
    for (const url of ["/digest/2024/02/", "/digest/2024/02/page/2/", "/digest/2024/02/page/3/"]) {
      expect(await eleventy.page(url), url).toContain('<a href="/blog/digest/2024/02/email.html">Email version</a>');
    }
  });

  it("is carried exactly as the issue-mode feeds' item content: RSS content:encoded, Atom content, JSON Feed content_html", async () => {
    const [rss, atom] = await parser.parse([
      await eleventy.read("digest/feed.xml"),
      await eleventy.read("digest/atom.xml"),
    ]);
    if (!rss || "error" in rss || !atom || "error" in atom) throw new Error("a feed did not parse");
    const items = childElements(childElements(rss.root, "channel")[0]!, "item");
    const encoded = (item: XmlElement) =>
      [...Array.from(item.childNodes)].find(
        (node): node is XmlElement =>
          "localName" in node &&
          (node as XmlElement).localName === "encoded" &&
          (node as XmlElement).namespaceURI === "http://purl.org/rss/1.0/modules/content/",
      );
    const entries = childElements(atom.root, "entry");
    const json = JSON.parse(await eleventy.read("digest/feed.json")) as { items: { content_html: string }[] };
    const newestFirst = [...months].reverse();
    expect(items).toHaveLength(newestFirst.length);
    for (const [index, month] of newestFirst.entries()) {
      const part = issuePart(await eleventy.read(emailFile(month, "html")));
      expect(encoded(items[index]!)?.textContent, month).toBe(part);
      expect(childElements(entries[index]!, "content")[0]?.textContent, month).toBe(part);
      expect(json.items[index]!.content_html, month).toBe(part);
    }
    // RSS's description is the teaser beside it; both feeds still pass the W3C rules.
    expect(childElements(items[0]!, "description")[0]?.textContent).toContain(
      `<a href="${BASE}2024/05/">May 2024</a> · 4 articles`,
    );
    expect(checkFeed(await eleventy.read("digest/feed.xml"), { location: `${BASE}feed.xml` })).toEqual({
      errors: [],
      warnings: [],
    });
    expect(checkFeed(await eleventy.read("digest/atom.xml"), { location: `${BASE}atom.xml` })).toEqual({
      errors: [],
      warnings: [],
    });
  });
});

describe("email.txt", () => {
  it("has every pick's title and URL, the intro as text with link URLs in brackets, and lines of at most 78 characters", async () => {
    for (const month of months) {
      const text = await eleventy.read(emailFile(month, "txt"));
      expect(text).not.toMatch(/<[a-z/]/i);
      expect(text).toContain(`Picks for ${month}, see the archive [https://example.org/archive].`);
      for (const a of data.articles.filter((article) => article.month === month)) {
        expect(text).toContain(`\n${a.title}\n`);
        expect(text).toContain(`\n${feedUri(a.url)}\n`);
      }
      const long = text
        .split("\n")
        .filter((line) => [...line].length > 78 && !/^https?:\/\/\S+$/.test(line.split(": ").pop()!));
      expect(long, month).toEqual([]);
      expect(text).toContain(
        `View this issue on the web: ${BASE}${month.replace("-", "/")}/\nArchive: ${BASE}\nSubscribe: ${BASE}subscribe/\n`,
      );
    }
  });
});

/** The email of a 100-pick issue, every pick with a (raster) image, built once for the tests that read it. */
let hundredPicks: Promise<string> | undefined;
function hundredPickEmail(): Promise<string> {
  hundredPicks ??= (async () => {
    const big = syntheticDigest([100], "2025-01");
    const withImages = {
      ...big,
      articles: big.articles.map((a, i) => ({ ...a, image: `https://img.example.net/thumbs/${i + 1}.jpg` })),
    };
    const site = await buildInMemory({ data: withImages, options: { basePath: "/digest/" }, pathPrefix: "/blog/" });
    return readUrl(site, "/digest/2025/01/email.html");
  })();
  return hundredPicks;
}

/** What doiuse-email reports as errors (none when it succeeds), each once, in its order. */
function mailErrors(email: string): string[] {
  const result = doIUseEmail(email, { emailClients: MAIL_CLIENTS });
  return result.success ? [] : [...new Set(result.errors)];
}

/**
 * The mail clients most readers read in, by caniemail's names, whose data doiuse-email checks
 * against: every Gmail, Outlook, Apple Mail and Yahoo client but the Windows Mail app, which
 * Microsoft retired at the end of 2024.
 */
const MAIL_CLIENTS = [
  "gmail.*",
  "outlook.windows",
  "outlook.macos",
  "outlook.outlook-com",
  "outlook.ios",
  "outlook.android",
  "apple-mail.*",
  "yahoo.*",
];

/**
 * What caniemail's data reports for the email, and why each is left as it is. Each error once
 * (doiuse-email reports one per element), in doiuse-email's order.
 */
const ALLOWED_MAIL_ERRORS = [
  // <body>: these apps replace it with a <div> and drop its style; nothing depends on it (the outer
  // table carries the background), and an HTML document has one.
  "`<body> element` is not supported by `outlook.ios`",
  "`<body> element` is not supported by `outlook.android`",
  "`<body> element` is not supported by `yahoo.ios`",
  "`<body> element` is not supported by `yahoo.android`",
  // The hidden preheader: where `display:none` is ignored, `max-height:0;overflow:hidden` and its
  // 1 px text in the background's colour hide it; where `overflow` is, `display:none` does (Outlook
  // on Windows does not even see it: it is in an `<!--[if !mso]>` comment).
  "`display:none` is not supported by `gmail.mobile-webmail`",
  "`overflow` is not supported by `outlook.windows`",
  "`overflow` is not supported by `outlook.android`",
  "`overflow` is not supported by `yahoo.android`",
];

describe("email options and sizes", () => {
  it("passes caniemail's checks (doiuse-email) for Gmail, Outlook, Apple Mail and Yahoo: no CSS error beyond the hidden preheader's", async () => {
    const email = await hundredPickEmail();
    expect(mailErrors(email)).toEqual(ALLOWED_MAIL_ERRORS);
    // Without the preheader, no CSS property or value is one a client lacks: only the <body> fact above.
    const preheader = /<div style="display:none;[^"]*">[^<]*<\/div>/.exec(email)![0];
    expect(mailErrors(email.replace(preheader, ""))).toEqual(
      ALLOWED_MAIL_ERRORS.filter((error) => /^`<body> element`/.test(error)),
    );
  });

  it("stays under Gmail's 102 KB clipping size at 100 picks with images", async () => {
    const email = await hundredPickEmail();
    const bytes = Buffer.byteLength(email, "utf8");
    expect(bytes).toBeLessThan(102 * 1000);
    expect([...email.matchAll(/<h2 /g)]).toHaveLength(100);
    expect(mailProblems(email)).toEqual([]);
  });

  it("shows no SVG thumbnail (Gmail and Outlook do not), gives each image alt text that adds to the title, and sets margins and link colours inline", async () => {
    const data = [
      {
        month: "2025-01",
        rank: 1,
        title: "Raster",
        url: "https://a.example/1",
        source: "Alpha",
        image: "https://img.example.net/1.png",
        summary: "One [link](https://a.example/x).\n\nTwo.",
      },
      {
        month: "2025-01",
        rank: 2,
        title: "Vector",
        url: "https://a.example/2",
        source: { name: "Beta", url: "https://beta.example/" },
        image: "https://img.example.net/2.svg",
      },
    ];
    const site = await buildInMemory({ data, options: { basePath: "/digest/" } });
    const email = readUrl(site, "/digest/2025/01/email.html");
    expect([...email.matchAll(/<img src="([^"]+)"[^>]* alt="([^"]*)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ["https://img.example.net/1.png", "Image from Alpha"],
    ]);
    expect(email).toContain('<p style="margin:0 0 8px">One <a style="color:#0b57d0" href="https://a.example/x"');
    expect(email).toContain('<p style="margin:0 0 8px">Two.</p>');
    expect(email).toContain('<a href="https://beta.example/" style="color:#666">Beta</a>');
    expect(mailProblems(email)).toEqual([]);
  });

  it("writes no email and shows no link with email: false", async () => {
    const site = await buildInMemory({ ...input, options: { ...input.options, email: false } });
    expect([...site.keys()].filter((url) => url.includes("email"))).toEqual([]);
    expect(readUrl(site, "/digest/2024/02/")).not.toContain("email.html");
  });

  it("never puts the emails in a host layout", async () => {
    const layout = "<!doctype html><html><body><header>HOST LAYOUT</header>{{ content | safe }}</body></html>";
    const site = await buildInMemory({
      ...input,
      options: { ...input.options, layout: "host.njk" },
      files: { "_includes/host.njk": layout },
    });
    expect(readUrl(site, "/digest/2024/02/")).toContain("HOST LAYOUT");
    for (const ext of ["html", "txt"]) {
      const email = readUrl(site, `/digest/2024/02/email.${ext}`);
      expect(email).not.toContain("HOST LAYOUT");
      expect(email.startsWith(ext === "html" ? "<!DOCTYPE html>" : "Best of Distributed Systems · February 2024")).toBe(
        true,
      );
    }
  });
});

describe("the preheader of a long intro", () => {
  it('is cut to 140 UTF-16 units with "...", never between the halves of a character beyond U+FFFF', async () => {
    // The cut falls where "𐀀" (two UTF-16 units) starts at unit 136: keeping unit 136 alone would leave half a character.
    for (const before of [135, 136, 137]) {
      const intro = `${"a".repeat(before)}𐀀${"b".repeat(20)}`;
      const site = await buildInMemory({
        data: { ...data, issues: { ...data.issues, "2024-03": { title: "Issue 2024-03", intro } } },
        options: { basePath: "/" },
      });
      const email = readUrl(site, "/2024/03/email.html");
      const shown = decodeHTML(/<div style="display:none[^"]*">([^<]*)<\/div>/.exec(email)![1]!);
      expect(shown, shown).toMatch(/[^.]\.\.\.$/);
      expect(shown.length).toBeLessThanOrEqual(140);
      expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(intro.startsWith(shown.slice(0, -3))).toBe(true);
    }
  });
});
