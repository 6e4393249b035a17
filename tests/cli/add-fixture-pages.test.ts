// `add` against fixture pages served from 127.0.0.1: each kind of page gives the pick, or the one
// line the docs promise; hostile text from a page comes out escaped on the built site.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../helpers/build/index.js";
import { html, runCli, scratchFolder, startServer, type Handler } from "./support/inbox.js";

const OG_ONLY = `<!doctype html><html><head>
<meta property="og:title" content="Raft, Explained Slowly">
<meta property="og:description" content="A walk through *leader election* and log replication.">
<meta property="og:site_name" content="Consensus Weekly">
<meta property="og:image" content="/images/raft.png">
<meta property="article:published_time" content="2025-04-03T08:00:00Z">
<meta property="og:type" content="article">
</head><body><h1>ignored</h1></body></html>`;

const TWITTER_ONLY = `<!doctype html><html><head>
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="Vector Clocks in 5 Minutes">
<meta name="twitter:description" content="Happened-before, drawn.">
<meta name="twitter:image" content="https://cdn.example.org/clocks.png">
<meta name="twitter:site" content="@clocksblog">
</head><body></body></html>`;

const JSON_LD_ONLY = `<!doctype html><html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Not this"},{"@type":"Article","headline":"Exactly-Once Is a Lie","description":"Idempotency keys and what they cost.","datePublished":"2025-04-09","author":{"@type":"Person","name":"Ada Queue"},"publisher":{"@type":"Organization","name":"Queue Quarterly"},"image":{"@type":"ImageObject","url":"https://img.example.org/eo.jpg"}}]}</script>
</head><body></body></html>`;

const BARE_TITLE = `<html><head><title>  Just a Title  </title></head><body>text</body></html>`;

const VIDEO = `<!doctype html><html><head>
<meta property="og:type" content="video.other">
<meta property="og:title" content="99% of Developers Don't Get RPCs - YouTube">
<meta property="og:site_name" content="YouTube">
<meta property="og:url" content="/watch?v=abc123&amp;utm_source=share">
<meta property="og:image" content="https://i.ytimg.example/vi/abc123/hq.jpg">
<script type="application/ld+json">{"@type":"VideoObject","name":"x","uploadDate":"2025-04-11T10:00:00-07:00"}</script>
</head></html>`;

const SCRIPT_TITLE = `<!doctype html><html><head><title><script>alert("pwned")</script> & <img src=x onerror=alert(1)></title>
<meta name="description" content="<b>bold</b> [link](javascript:alert(1))"></head></html>`;

// "Café crème — déjà vu" in Latin-1 bytes, with no charset anywhere.
const LATIN1 = Buffer.concat([
  Buffer.from("<html><head><title>Caf"),
  Buffer.from([0xe9]),
  Buffer.from(" cr"),
  Buffer.from([0xe8]),
  Buffer.from("me d"),
  Buffer.from([0xe9]),
  Buffer.from("j"),
  Buffer.from([0xe0]),
  Buffer.from(" vu</title></head></html>"),
]);

const redirect =
  (to: string, status = 301): Handler =>
  (_request, response) => {
    response.writeHead(status, { location: to });
    response.end();
  };

let server: Awaited<ReturnType<typeof startServer>>;
const scratch = scratchFolder("cli-add-");
let data: string;
let result: Awaited<ReturnType<typeof runCli>>;
let report: {
  added: { url: string; rank: number; title: string }[];
  skipped: { url: string; reason: string }[];
  written: boolean;
};
let picks: Record<string, unknown>[];
let refused: string;

const u = (pathname: string) => server.url(pathname);
const pick = (pathname: string) => picks.find((article) => (article.url as string).startsWith(u(pathname)));

beforeAll(async () => {
  server = await startServer({
    "/og": html(OG_ONLY),
    "/twitter": html(TWITTER_ONLY),
    "/json-ld": html(JSON_LD_ONLY),
    "/bare": html(BARE_TITLE),
    "/watch": html(VIDEO),
    "/script-title": html(SCRIPT_TITLE),
    "/latin1": (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(LATIN1);
    },
    "/chain-1": redirect("/chain-2"),
    "/chain-2": redirect("/chain-3", 302),
    "/chain-3": redirect("/chained-page", 307),
    "/chained-page": html("<title>At the End of the Chain</title>"),
    "/loop-a": redirect("/loop-b"),
    "/loop-b": redirect("/loop-a"),
    "/slow": (_request, response) => {
      const timer = setTimeout(() => response.end("<title>Too late</title>"), 5_000);
      response.on("close", () => clearTimeout(timer));
    },
    "/huge": (_request, response) => {
      // 20 MB, streamed without a Content-Length: the limit must hold while reading.
      response.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(1024 * 1024, "a");
      let sent = 0;
      const pump = () => {
        while (sent < 20 && response.write(chunk)) sent++;
        if (sent >= 20) response.end();
        else
          response.once("drain", () => {
            sent++;
            pump();
          });
      };
      response.write("<title>Huge</title>");
      pump();
    },
    "/klingon": html("<title>Qapla'</title>", "text/html; charset=x-klingon"),
    "/paper.pdf": (_request, response) => {
      response.writeHead(200, { "content-type": "application/pdf" });
      response.end("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n");
    },
  });
  data = path.join(scratch.dir, "digest.json");
  writeFileSync(
    data,
    `${JSON.stringify({ title: "Fixture digest", articles: [{ month: "2025-04", rank: 1, title: "Already here", url: "https://example.com/a", source: "Example" }] }, null, 2)}\n`,
  );
  const urls: string[] = [
    "/og",
    "/twitter",
    "/json-ld",
    "/bare",
    "/watch",
    "/script-title",
    "/latin1",
    "/chain-1",
    "/loop-a",
    "/missing",
    "/slow",
    "/huge",
    "/paper.pdf",
    "/klingon",
  ].map(u);
  // A port that was just free (a server opened on it and closed again): refused.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/refused`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  urls.push(refused);
  result = await runCli(["add", ...urls, "--month", "2025-04", "--data", data, "--timeout", "1", "--json"]);
  report = JSON.parse(result.stdout);
  picks = (JSON.parse(readFileSync(data, "utf8")) as { articles: Record<string, unknown>[] }).articles;
}, 60_000);

afterAll(async () => {
  await server.close();
  scratch.dispose();
});

describe("add, page by page", () => {
  it("adds the readable pages, skips the rest, writes, and exits 1 for the skipped links", () => {
    expect(result.stderr).toBe("");
    expect(report.written).toBe(true);
    expect(report.added.map((added) => added.rank)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(picks).toHaveLength(9);
    expect(result.status).toBe(1);
  });

  it("reads Open Graph alone", () => {
    expect(pick("/og")).toEqual({
      month: "2025-04",
      rank: 2,
      title: "Raft, Explained Slowly",
      url: u("/og"),
      type: "article",
      source: { name: "Consensus Weekly", url: u("/") },
      published: "2025-04-03T08:00:00Z",
      summary: "A walk through \\*leader election\\* and log replication.",
      image: u("/images/raft.png"),
    });
  });

  it("reads Twitter cards alone", () => {
    expect(pick("/twitter")).toMatchObject({
      title: "Vector Clocks in 5 Minutes",
      summary: "Happened-before, drawn.",
      image: "https://cdn.example.org/clocks.png",
      source: { name: "127.0.0.1", url: u("/"), handle: "@clocksblog" },
    });
  });

  it("reads a JSON-LD Article alone (in an @graph)", () => {
    expect(pick("/json-ld")).toMatchObject({
      title: "Exactly-Once Is a Lie",
      summary: "Idempotency keys and what they cost.",
      published: "2025-04-09",
      image: "https://img.example.org/eo.jpg",
      source: { name: "Queue Quarterly" },
    });
  });

  it("falls back to a bare <title> and the host as the source", () => {
    expect(pick("/bare")).toEqual({
      month: "2025-04",
      rank: 5,
      title: "Just a Title",
      url: u("/bare"),
      type: "article",
      source: { name: "127.0.0.1", url: u("/") },
    });
  });

  it("makes a video page a video, with its canonical URL less tracking and its title less the site's name", () => {
    expect(pick("/watch")).toMatchObject({
      type: "video",
      title: "99% of Developers Don't Get RPCs",
      url: u("/watch?v=abc123"),
      published: "2025-04-11T10:00:00-07:00",
      source: { name: "YouTube" },
    });
  });

  it("keeps a hostile title as text, and its description as Markdown that renders as that text", () => {
    expect(pick("/script-title")).toMatchObject({
      title: `<script>alert("pwned")</script> & <img src=x onerror=alert(1)>`,
      summary: "\\<b\\>bold\\</b\\> \\[link\\](javascript:alert(1))",
    });
  });

  it("reads Latin-1 bytes without a charset as windows-1252", () => {
    expect(pick("/latin1")).toMatchObject({ title: "Café crème déjà vu" });
  });

  it("follows a redirect chain to the final page", () => {
    expect(pick("/chained-page")).toMatchObject({ title: "At the End of the Chain" });
  });

  it("reports each page it could not read, by URL, with why", () => {
    expect(report.skipped).toEqual([
      { url: u("/loop-a"), reason: `redirect loop (back to ${u("/loop-a")})` },
      { url: u("/missing"), reason: "HTTP 404 Not Found" },
      { url: u("/slow"), reason: "timed out after 1 s" },
      { url: u("/huge"), reason: "too large (more than 5242880 bytes)" },
      { url: u("/paper.pdf"), reason: "not an HTML page (application/pdf)" },
      { url: u("/klingon"), reason: 'unknown character encoding "x-klingon"' },
      { url: refused, reason: "connection refused" },
    ]);
  });

  it("builds a site whose pages show the hostile text escaped", async () => {
    const site = await buildSite({ data: JSON.parse(readFileSync(data, "utf8")) });
    const page = await site.read("2025/04/index.html");
    expect(page).toContain(
      "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;",
    );
    expect(page).not.toContain('<script>alert("pwned")');
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(page).not.toContain('href="javascript');
  });
});
