#!/usr/bin/env node
// The raw limit: one Node script that renders the same pages as bench/handwritten with template
// literals and writes them with fs. No Eleventy, no template engine.
//
//   node bench/raw.js <path/to/_data/digest.json> <outputDir>

import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { pageSet } from "./pageset.js";
import { buildModel } from "./lib/model.js";

// Same replacements, same order, as Nunjucks' autoescape.
const ESC = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;" };
const ESC_RE = /[&"'<>]/g;
const esc = (s) => String(s).replace(ESC_RE, (c) => ESC[c]);
const STYLESHEET = readFileSync(new URL("./handwritten/src/digest.css", import.meta.url), "utf8");

// Renders every page and hands each one to `emit(relativePath, content)` as soon as it is ready
// (so the whole site never sits in memory at once); awaits emit, which applies back-pressure.
export async function renderSite(model, emit) {
  const { site } = model;
  const base = site.base;
  let count = 0;
  const put = (rel, content) => {
    count++;
    return emit(rel, content);
  };

  const layout = (title, url, content) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(site.title)}</title>
<link rel="canonical" href="${esc(site.origin + url)}">
<link rel="alternate" type="application/rss+xml" title="${esc(site.title)}" href="${esc(site.feedUrl)}">
<link rel="alternate" type="application/atom+xml" title="${esc(site.title)}" href="${esc(site.atomUrl)}">
<link rel="alternate" type="application/feed+json" title="${esc(site.title)}" href="${esc(site.jsonFeedUrl)}">
</head>
<body>
<header><a class="home" href="${base}">${esc(site.title)}</a>
<nav><a href="${base}">Archive</a> <a href="${base}tags/">Tags</a>${site.sourcesUrl ? ` <a href="${site.sourcesUrl}">Sources</a>` : ""} <a href="${base}feed.xml">RSS</a>${site.subscribeUrl ? ` <a href="${site.subscribeUrl}">Subscribe</a>` : ""}</nav>
</header>
<main>
${content}
</main>
<footer><p>${esc(site.description)}</p></footer>
</body>
</html>
`;

  const card = (a) => {
    let tags = "";
    for (const t of a.tags) tags += `<li><a href="${t.url}">${esc(t.name)}</a></li>`;
    return `<li class="entry">
<article>
<p class="meta"><span class="rank">#${a.rank}</span> <span class="type type-${a.type}">${a.type}</span> <span class="source"><a href="${a.source.url}">${esc(a.sourceName)}</a></span>${a.age ? ` <span class="age">${a.age}</span>` : ""} <a class="issue" href="${a.month.url}">${a.month.label}</a></p>
<h3><a href="${esc(a.url)}">${esc(a.title)}</a></h3>
<div class="summary">${a.summaryHtml}</div>
<ul class="tags">${tags}</ul>
</article>
</li>
`;
  };

  const pager = (c) =>
    c.totalPages > 1
      ? `<nav class="pager">${c.prevUrl ? `<a rel="prev" href="${c.prevUrl}">Previous</a> ` : ""}<span>Page ${c.pageNumber} of ${c.totalPages}</span>${c.nextUrl ? ` <a rel="next" href="${c.nextUrl}">Next</a>` : ""}</nav>
`
      : "";

  const issueSummary = (m) => {
    let top = "";
    for (const a of m.top)
      top += `<li><a href="${esc(a.url)}">${esc(a.title)}</a> <span class="source">${esc(a.sourceName)}</span></li>\n`;
    return `<li class="issue"><h3><a href="${m.url}">${m.label}</a> <span class="count">${m.count} articles</span></h3>
<ol class="top">
${top}</ol>
</li>
`;
  };
  const yearSection = (y) => {
    let body = "";
    for (const m of y.months) body += issueSummary(m);
    return `<section class="year"><h2><a href="${y.url}">${y.year}</a></h2>
<ul class="issues">
${body}</ul>
</section>
`;
  };

  const o = model.set.outputs;
  const page = (url, title, content) => put(`${url.slice(1)}index.html`, layout(title, url, content));

  if (o.archive) {
    let body = "";
    for (const y of model.years) body += yearSection(y);
    await page(
      base,
      "Archive",
      `<h1>${esc(site.title)}</h1>
<p>${model.months.length} issues, ${model.articles.length} articles.</p>
${body}`,
    );
  }
  if (o.years) {
    for (const y of model.years) {
      await page(
        y.url,
        y.year,
        `<h1>${y.year}</h1>
<p>${y.months.length} issues, ${y.count} articles.</p>
${yearSection(y)}`,
      );
    }
  }
  if (o.months) {
    for (const c of model.monthChunks) {
      let cards = "";
      for (const a of c.items) cards += card(a);
      await page(
        c.url,
        c.title,
        `<h1>${c.month.label}</h1>
<p>${c.month.count} articles</p>
<ol class="entries" start="${c.startRank + 1}">
${cards}</ol>
${pager(c)}`,
      );
    }
  }
  if (o.tagIndex) {
    let items = "";
    for (const t of model.tags)
      items += `<li><a href="${t.url}">${esc(t.name)}</a> <span class="count">${t.count}</span></li>\n`;
    await page(
      `${base}tags/`,
      "Tags",
      `<h1>Tags</h1>
<ul class="tag-index">
${items}</ul>
`,
    );
  }
  if (o.tags) {
    for (const c of model.tagChunks) {
      let cards = "";
      for (const a of c.items) cards += card(a);
      await page(
        c.url,
        c.title,
        `<h1>${esc(c.tag.name)}</h1>
<p>${c.tag.count} articles · <a href="${c.tag.feedUrl}">RSS</a></p>
<ol class="entries">
${cards}</ol>
${pager(c)}`,
      );
    }
  }
  if (o.sourceIndex) {
    let items = "";
    for (const s of model.sources)
      items += `<li><a href="${s.url}">${esc(s.name)}</a> <span class="count">${s.count}</span></li>\n`;
    await page(
      site.sourcesUrl,
      "Sources",
      `<h1>Sources</h1>
<ul class="source-index">
${items}</ul>
`,
    );
  }
  if (o.sources) {
    for (const c of model.sourceChunks) {
      let cards = "";
      for (const a of c.items) cards += card(a);
      const website = c.source.website ? ` · <a href="${esc(c.source.website)}">Website</a>` : "";
      await page(
        c.url,
        c.title,
        `<h1>${esc(c.source.name)}</h1>
<p>${c.source.count} articles${website}</p>
<ol class="entries">
${cards}</ol>
${pager(c)}`,
      );
    }
  }
  if (o.subscribe) {
    let siteFeeds = "";
    for (const f of model.feedLinks)
      siteFeeds += `<li><a href="${f.url}">${esc(f.label)}</a> <code>${esc(f.absUrl)}</code></li>\n`;
    let tagFeeds = "";
    if (model.hasTagFeeds) {
      let items = "";
      for (const t of model.tagFeeds) {
        let links = "";
        for (const f of t.links)
          links += `<li><a href="${f.url}">${esc(f.label)}</a> <code>${esc(f.absUrl)}</code></li>`;
        items += `<li><a href="${t.tag.url}">${esc(t.tag.name)}</a><ul>${links}</ul></li>\n`;
      }
      tagFeeds = `<h2>Feeds by tag</h2>
<ul class="tag-feeds">
${items}</ul>
`;
    }
    const opmlLink = site.opmlUrl
      ? `, or import every feed at once: <a href="${site.opmlUrl}" type="text/x-opml">all feeds as one OPML file</a> <code>${esc(site.absOpmlUrl)}</code>`
      : "";
    await page(
      site.subscribeUrl,
      "Subscribe",
      `<h1>Subscribe</h1>
<p>Add a feed's address to your feed reader${opmlLink}.</p>
<h2>The whole digest</h2>
<ul class="feeds">
${siteFeeds}</ul>
${tagFeeds}`,
    );
  }

  const rss = (title, selfUrl, link, updated, items) => {
    let body = "";
    for (const a of items) {
      let cats = "";
      for (const t of a.tags) cats += `<category>${esc(t.name)}</category>`;
      body += `<item>
<title>${esc(a.title)}</title>
<link>${esc(a.url)}</link>
<guid isPermaLink="false">${esc(a.id)}</guid>
<pubDate>${a.month.issueRfc822}</pubDate>
<description>${esc(a.summaryHtml)}</description>
${cats}
</item>
`;
    }
    return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(title)}</title>
<link>${esc(link)}</link>
<description>${esc(site.description)}</description>
<language>en</language>
<lastBuildDate>${updated}</lastBuildDate>
<atom:link href="${esc(selfUrl)}" rel="self" type="application/rss+xml"/>
${body}</channel>
</rss>
`;
  };
  if (o.rss) await put("feed.xml", rss(site.title, site.feedUrl, site.url, site.updatedRfc822, model.feedItems));
  const atom = (title, selfUrl, link, updatedIso, items) => {
    let body = "";
    for (const a of items) {
      let cats = "";
      for (const t of a.tags) cats += `<category term="${esc(t.name)}"/>`;
      body += `<entry>
<title>${esc(a.title)}</title>
<id>${esc(a.id)}</id>
<link href="${esc(a.url)}"/>
<updated>${a.month.issueIso}</updated>
<author><name>${esc(a.sourceName)}</name></author>
<summary type="html">${esc(a.summaryHtml)}</summary>
${cats}
</entry>
`;
    }
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${esc(title)}</title>
<id>${esc(link)}</id>
<updated>${updatedIso}</updated>
<link rel="self" href="${esc(selfUrl)}"/>
<link rel="alternate" href="${esc(link)}"/>
${body}</feed>
`;
  };
  if (o.atom) await put("atom.xml", atom(site.title, site.atomUrl, site.url, site.updatedIso, model.feedItems));
  if (o.jsonFeed) await put("feed.json", `${JSON.stringify(model.jsonFeed)}\n`);
  for (const f of model.tagFeeds) {
    if (o.tagFeeds) await put(f.url.slice(1), rss(f.title, f.absUrl, f.homeUrl, f.updatedRfc822, f.items));
    if (o.tagAtom) await put(f.atomUrl.slice(1), atom(f.title, f.absAtomUrl, f.homeUrl, f.updatedIso, f.items));
    if (o.tagJsonFeed) await put(f.jsonUrl.slice(1), `${JSON.stringify(f.jsonFeed)}\n`);
  }
  if (o.opml) {
    const outline = (f, htmlUrl) =>
      `<outline type="rss" text="${esc(f.title)}" title="${esc(f.title)}" xmlUrl="${esc(f.absUrl)}" htmlUrl="${esc(htmlUrl)}"/>\n`;
    let body = "";
    for (const f of model.feedLinks) body += outline(f, site.url);
    if (model.hasTagFeeds) {
      body += `<outline text="Feeds by tag" title="Feeds by tag">\n`;
      for (const t of model.tagFeeds) for (const f of t.links) body += outline(f, t.homeUrl);
      body += `</outline>\n`;
    }
    await put(
      site.opmlUrl.slice(1),
      `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
<head>
<title>${esc(site.title)}</title>
<dateCreated>${site.updatedRfc822}</dateCreated>
</head>
<body>
${body}</body>
</opml>
`,
    );
  }
  if (o.stylesheet) await put("digest.css", STYLESHEET);
  return count;
}

// Writes with bounded concurrency (as Eleventy does, through libuv's thread pool), so rendering
// and file-system work overlap; at most `limit` pages are held in memory waiting to be written.
export function fileWriter(outDir, limit = 64) {
  const made = new Map(); // dir -> Promise of its mkdir
  const inFlight = new Set();
  let failure = null;
  const ensureDir = (dir) => {
    let p = made.get(dir);
    if (!p) {
      p = mkdir(dir, { recursive: true });
      made.set(dir, p);
    }
    return p;
  };
  const write = async (rel, content) => {
    const file = join(outDir, rel);
    await ensureDir(dirname(file));
    await writeFile(file, content);
  };
  return {
    async emit(rel, content) {
      if (failure) throw failure;
      const p = write(rel, content).catch((e) => {
        failure = e;
      });
      inFlight.add(p);
      p.finally(() => inFlight.delete(p));
      if (inFlight.size >= limit) await Promise.race(inFlight);
    },
    async done() {
      await Promise.all(inFlight);
      if (failure) throw failure;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input, outDir] = process.argv.slice(2);
  if (!input || !outDir) {
    console.error("usage: node bench/raw.js <digest.json> <outputDir>");
    process.exit(2);
  }
  const t0 = performance.now();
  const digest = JSON.parse(readFileSync(input, "utf8"));
  const model = buildModel(digest, pageSet);
  const writer = fileWriter(outDir);
  const n = await renderSite(model, writer.emit);
  await writer.done();
  console.log(`[raw] Wrote ${n} files in ${((performance.now() - t0) / 1000).toFixed(2)} seconds`);
}
