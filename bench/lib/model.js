// The precomputation a capable user writes once and shares between templates: normalise the
// articles, render each Markdown summary once, sort once, and cut month, tag and source lists into
// page chunks (so Eleventy paginates chunks with size 1). Used by bench/handwritten (from its
// eleventy.config.js) and by bench/raw.js, so both variants produce exactly the same pages.

import markdownIt from "markdown-it";
import { pageSet as defaultPageSet, sourceKey, sourceSlug, tagSlug } from "../pageset.js";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAY = 86400000;

function ageLabel(fromMs, toMs) {
  const days = Math.max(0, Math.floor((toMs - fromMs) / DAY));
  if (days < 14) return `${days}d`;
  if (days < 60) return `${Math.floor(days / 7)}w`;
  if (days < 365) return `${Math.floor(days / 30)}mo`;
  return `${Math.floor(days / 365)}y`;
}

function chunkPages(list, size, baseUrl, extra) {
  const total = Math.max(1, Math.ceil(list.length / size));
  const urls = [];
  for (let n = 1; n <= total; n++) urls.push(n === 1 ? baseUrl : `${baseUrl}page/${n}/`);
  const chunks = [];
  for (let n = 1; n <= total; n++) {
    chunks.push({
      ...extra,
      pageNumber: n,
      totalPages: total,
      url: urls[n - 1],
      prevUrl: n > 1 ? urls[n - 2] : null,
      nextUrl: n < total ? urls[n] : null,
      items: list.slice((n - 1) * size, n * size),
    });
  }
  return chunks;
}

/**
 * @param {{title?: string, description?: string, articles: object[]} | object[]} digest
 * @param {typeof defaultPageSet} set
 */
export function buildModel(digest, set = defaultPageSet) {
  const raw = Array.isArray(digest) ? digest : digest.articles || [];
  const base = set.basePath;
  const origin = set.siteUrl.replace(/\/+$/, "");
  const abs = (path) => origin + path;
  const md = markdownIt({ html: false, linkify: false, typographer: false });

  // Months first, so the issue dates / labels are computed once per month.
  const monthMap = new Map();
  const monthOf = (key) => {
    let m = monthMap.get(key);
    if (!m) {
      const year = key.slice(0, 4),
        mm = key.slice(5, 7);
      const issueMs = Date.UTC(Number(year), Number(mm), 1); // first day of the next month, UTC
      const issue = new Date(issueMs);
      m = {
        key,
        year,
        mm,
        label: `${MONTH_NAMES[Number(mm) - 1]} ${year}`,
        url: `${base}${year}/${mm}/`,
        issueMs,
        issueRfc822: issue.toUTCString(),
        issueIso: issue.toISOString(),
        articles: [],
      };
      monthMap.set(key, m);
    }
    return m;
  };

  const tagMap = new Map();
  const slugOf = new Map(); // tag display name -> slug: 200 names, 300k uses at 100k articles
  // Sources: one per sourceKey (case and white space do not count), shown by its most used spelling
  // (ties to the first seen), as the plugin resolves them; slug and URL once the spelling is known.
  const sourceMap = new Map(); // sourceKey -> source
  const sourceOfName = new Map(); // spelling -> source: a few dozen spellings, one per article
  const articles = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i];
    const month = monthOf(a.month);
    const src = typeof a.source === "string" ? { name: a.source } : a.source;
    let source = sourceOfName.get(src.name);
    if (source === undefined) {
      const key = sourceKey(src.name);
      source = sourceMap.get(key);
      if (!source) {
        source = { key, name: src.name, slug: "", url: "", website: null, spellings: new Map(), articles: [] };
        sourceMap.set(key, source);
      }
      sourceOfName.set(src.name, source);
    }
    source.spellings.set(src.name, (source.spellings.get(src.name) || 0) + 1);
    const publishedMs = a.published ? Date.parse(a.published) : NaN;
    const tags = [];
    for (const name of a.tags || []) {
      let slug = slugOf.get(name);
      if (slug === undefined) {
        slug = tagSlug(name);
        slugOf.set(name, slug);
      }
      let t = tagMap.get(slug);
      if (!t) {
        t = { name, slug, url: `${base}tags/${slug}/`, feedUrl: `${base}tags/${slug}/feed.xml`, articles: [] };
        tagMap.set(slug, t);
      }
      if (!tags.includes(t)) tags.push(t);
    }
    const art = {
      id: a.id || a.url,
      month,
      rank: a.rank,
      title: a.title,
      url: a.url,
      type: a.type || "article",
      sourceName: src.name,
      sourceUrl: src.url || null,
      source, // the source's page: sources/SLUG/
      published: a.published || null,
      age: Number.isNaN(publishedMs) ? null : ageLabel(publishedMs, month.issueMs),
      summaryHtml: a.summary ? md.render(a.summary) : "",
      tags,
    };
    articles[i] = art;
    month.articles.push(art);
  }

  // Newest issue first; within an issue, rank order.
  const months = [...monthMap.values()].sort((x, y) => (x.key < y.key ? 1 : x.key > y.key ? -1 : 0));
  for (const m of months) {
    m.articles.sort((x, y) => x.rank - y.rank);
    m.count = m.articles.length;
    m.top = m.articles.slice(0, set.topEntries);
  }
  const ordered = [];
  for (const m of months) for (const a of m.articles) ordered.push(a);
  for (const a of ordered) {
    for (const t of a.tags) t.articles.push(a); // keeps newest-issue-then-rank
    a.source.articles.push(a); // likewise
    a.source.website ??= a.sourceUrl; // the source's own site: the first url given, newest first
  }

  const yearMap = new Map();
  for (const m of months) {
    let y = yearMap.get(m.year);
    if (!y) {
      y = { year: m.year, url: `${base}${m.year}/`, months: [], count: 0 };
      yearMap.set(m.year, y);
    }
    y.months.push(m);
    y.count += m.count;
  }
  const years = [...yearMap.values()];

  const tags = [...tagMap.values()].sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  for (const t of tags) t.count = t.articles.length;

  const sources = [...sourceMap.values()];
  for (const src of sources) {
    let best = 0;
    for (const [spelling, n] of src.spellings) {
      if (n > best) {
        src.name = spelling;
        best = n;
      }
    }
    src.spellings = null;
    src.slug = sourceSlug(src.name);
    src.url = `${base}sources/${src.slug}/`;
    src.count = src.articles.length;
  }
  const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  sources.sort((x, y) => byName.compare(x.name, y.name) || (x.slug < y.slug ? -1 : 1));

  const monthChunks = [];
  for (const m of months) {
    for (const c of chunkPages(m.articles, set.pageSize, m.url, { month: m })) {
      c.title = c.pageNumber > 1 ? `${m.label} (page ${c.pageNumber} of ${c.totalPages})` : m.label;
      c.startRank = (c.pageNumber - 1) * set.pageSize;
      monthChunks.push(c);
    }
  }
  const tagChunks = [];
  for (const t of tags) {
    for (const c of chunkPages(t.articles, set.pageSize, t.url, { tag: t })) {
      c.title = c.pageNumber > 1 ? `${t.name} (page ${c.pageNumber} of ${c.totalPages})` : t.name;
      tagChunks.push(c);
    }
  }

  const sourceChunks = [];
  for (const src of sources) {
    for (const c of chunkPages(src.articles, set.pageSize, src.url, { source: src })) {
      c.title = c.pageNumber > 1 ? `${src.name} (page ${c.pageNumber} of ${c.totalPages})` : src.name;
      sourceChunks.push(c);
    }
  }

  const feedItems = ordered.slice(0, set.feedLimit);
  const updated = months.length ? months[0] : null;
  const site = {
    title: set.title,
    description: set.description,
    base,
    origin,
    url: abs(base),
    sourcesUrl: set.outputs.sourceIndex ? `${base}sources/` : null,
    feedUrl: abs(`${base}feed.xml`),
    atomUrl: abs(`${base}atom.xml`),
    jsonFeedUrl: abs(`${base}feed.json`),
    updatedRfc822: updated ? updated.issueRfc822 : new Date(0).toUTCString(),
    updatedIso: updated ? updated.issueIso : new Date(0).toISOString(),
  };
  const makeJsonFeed = (title, homeUrl, feedUrl, items) => ({
    version: "https://jsonfeed.org/version/1.1",
    title,
    home_page_url: homeUrl,
    feed_url: feedUrl,
    description: set.description,
    items: items.map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      content_html: a.summaryHtml,
      date_published: a.month.issueIso,
      tags: a.tags.map((t) => t.name),
      authors: [{ name: a.sourceName }],
    })),
  });
  const tagFeeds = tags.map((t) => {
    const items = t.articles.slice(0, set.feedLimit);
    const newest = t.articles.length ? t.articles[0].month : null;
    const title = `${t.name} · ${set.title}`;
    const home = abs(t.url);
    return {
      tag: t,
      title,
      homeUrl: home,
      url: t.feedUrl,
      absUrl: abs(t.feedUrl),
      atomUrl: `${t.url}atom.xml`,
      absAtomUrl: abs(`${t.url}atom.xml`),
      jsonUrl: `${t.url}feed.json`,
      items,
      updatedRfc822: newest ? newest.issueRfc822 : site.updatedRfc822,
      updatedIso: newest ? newest.issueIso : site.updatedIso,
      jsonFeed: set.outputs.tagJsonFeed ? makeJsonFeed(title, home, abs(`${t.url}feed.json`), items) : null,
    };
  });
  const jsonFeed = makeJsonFeed(set.title, site.url, site.jsonFeedUrl, feedItems);

  // The subscribe page and the OPML list name every feed that is written: one link per format,
  // with its label, a reader-facing title ("Bench", "Bench (Atom)") and its absolute URL.
  const o = set.outputs;
  const feedLink = (label, title, path, on) =>
    on ? [{ label, title: label === "RSS" ? title : `${title} (${label})`, url: path, absUrl: abs(path) }] : [];
  const feedLinks = [
    ...feedLink("RSS", set.title, `${base}feed.xml`, o.rss),
    ...feedLink("Atom", set.title, `${base}atom.xml`, o.atom),
    ...feedLink("JSON Feed", set.title, `${base}feed.json`, o.jsonFeed),
  ];
  for (const f of tagFeeds) {
    f.links = [
      ...feedLink("RSS", f.title, f.url, o.tagFeeds),
      ...feedLink("Atom", f.title, f.atomUrl, o.tagAtom),
      ...feedLink("JSON Feed", f.title, f.jsonUrl, o.tagJsonFeed),
    ];
  }
  const hasTagFeeds = tagFeeds.length > 0 && Boolean(o.tagFeeds || o.tagAtom || o.tagJsonFeed);
  site.subscribeUrl = o.subscribe ? `${base}subscribe/` : null;
  site.opmlUrl = o.opml ? `${base}feeds.opml` : null;
  site.absOpmlUrl = o.opml ? abs(`${base}feeds.opml`) : null;

  return {
    set,
    site,
    articles: ordered,
    months,
    years,
    tags,
    monthChunks,
    tagChunks,
    sources,
    sourceChunks,
    feedItems,
    tagFeeds,
    jsonFeed,
    feedLinks,
    hasTagFeeds,
  };
}

// Memoised by the identity of the articles array, so every template that asks for the model in
// one build shares one computation (Eleventy shares arrays by reference through the data cascade).
const cache = new WeakMap();
export function getModel(digest, set = defaultPageSet) {
  const key = Array.isArray(digest) ? digest : digest.articles;
  let m = cache.get(key);
  if (!m) {
    m = buildModel(digest, set);
    cache.set(key, m);
  }
  return m;
}
