/**
 * fast-check generators of hostile digests: random Unicode (any code point, lone surrogates,
 * controls), markup and template syntax, path-like and non-Latin tags, random ranks with gaps,
 * months across the supported years, dates with and without offsets — in all three data shapes,
 * with random options. Most generated digests are valid; the rest must fail with a listed problem.
 */
import fc from "fast-check";
import type { DigestPluginOptions } from "../../plugin/index.js";

/** Snippets that have broken real sites: markup, entities, CDATA ends, controls, template syntax. */
export const HOSTILE_SNIPPETS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "</title><script>alert(1)</script>",
  "</style><script>alert(1)</script>",
  "javascript:alert(1)",
  "]]>",
  "<![CDATA[x]]>",
  "<!-- x -->",
  "&amp;",
  "&lt;b&gt;",
  "&#60;script&#62;",
  "\u0000\u0001\u0008\u000b\u001f\u007f\u0085\u009f",
  "\ud800",
  "\udc00x",
  "\ufffe\uffff",
  "\r\n\t",
  "\u2028\u2029",
  "\u202eevil",
  "\u200b\ufeff",
  "'\"`",
  "{{ 7*7 }}",
  "{% raw %}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "${7*7}",
  "<%= 7*7 %>",
  "../../etc/passwd",
  "%2e%2e/",
  "C++",
  "🚀",
  "分布式系统",
  "Système",
];

const snippet = fc.constantFrom(...HOSTILE_SNIPPETS);

/** Random text: any code point, graphemes, hostile snippets, or a mix of them. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  snippet,
  fc
    .array(fc.oneof(snippet, fc.string({ unit: "binary", maxLength: 6 })), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join("")),
);

/** Text for required fields: hostile, with a visible letter so that cleaning never leaves it empty. */
const requiredText = hostileText.map((text) => `${text} T`);

const MARKDOWN_SNIPPETS = [
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click]( javascript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[data](data:text/html,<script>alert(1)</script>)",
  "[vb](vbscript:msgbox(1))",
  "<javascript:alert(1)>",
  "[ref]\n\n[ref]: javascript:alert(1)",
  "![x](https://example.com/x.png)",
  "![x](javascript:alert(1))",
  "<img src=x onerror=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<iframe src=https://evil.example></iframe>",
  "```\n<script>alert(1)</script>\n```",
  "`<b>`",
  "**bold** _it_ [ok](https://example.com/?a=1&b=2) <mailto:a@example.com> [mail](mailto:a@example.com)",
  "> quote\n\n- item\n- <b>item</b>",
  '<a href="javascript:alert(1)">x</a>',
  '[x](https://example.com/" onmouseover="alert(1))',
];

export const hostileMarkdown: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...MARKDOWN_SNIPPETS), hostileText), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join("\n\n"));

/** Nasty tags that share no URL: case and spacing variants of one tag are one tag. */
export const KNOWN_TAGS = [
  "C++",
  "C#",
  "C",
  "../etc",
  "/",
  "..",
  "%2e%2e",
  "分布式系统",
  "Kafka 入門",
  "Kafka",
  "🚀",
  "Redis",
  "redis",
  " REDIS ",
  "AUX",
  "Système",
  "Node.js",
  "<b>tag</b>",
  "javascript:alert(1)",
  "]]>",
];

/**
 * A tag: a known nasty one (shared by many articles, so tag pages fill up), or random text made
 * unique to its article (random tags that differ only in punctuation would rightly share a URL).
 */
function hostileTag(serial: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...KNOWN_TAGS),
    fc.tuple(hostileText, fc.nat(99)).map(([text, n]) => `${text} x${serial}n${n}`),
  );
}

const month = fc
  .oneof(
    {
      weight: 8,
      arbitrary: fc.record({ year: fc.integer({ min: 1990, max: 2035 }), month: fc.integer({ min: 1, max: 12 }) }),
    },
    { weight: 1, arbitrary: fc.record({ year: fc.constantFrom(1000, 9998), month: fc.constantFrom(1, 12) }) },
  )
  .map(({ year, month: m }) => `${year}-${String(m).padStart(2, "0")}`);

const OFFSETS = ["Z", "+14:00", "-12:00", "+05:45", "-03:30", ""];

/** ISO dates and date-times, with offsets from +14:00 to -12:00 and without. */
export const isoDate: fc.Arbitrary<string> = fc
  .tuple(
    fc.date({ min: new Date("1000-01-02T00:00:00Z"), max: new Date("9998-12-30T00:00:00Z"), noInvalidDate: true }),
    fc.constantFrom(...OFFSETS),
    fc.boolean(),
  )
  .map(([date, offset, dateOnly]) =>
    dateOnly ? date.toISOString().slice(0, 10) : `${date.toISOString().slice(0, 19)}${offset}`,
  );

export interface GeneratedArticle {
  month?: string;
  rank: number;
  title: string;
  url: string;
  type?: "article" | "video";
  source: string | { name: string; url?: string; handle?: string };
  published?: string;
  summary?: string;
  tags?: string[];
  id?: string;
  image?: string;
}

/** Nasty sources that share no URL: case and spacing variants of one source are one source. */
export const KNOWN_SOURCES = [
  "ByteByteGo",
  "bytebytego",
  " Byte ByteGo ",
  "Milan Jovanović",
  "分布式系统",
  "🚀",
  "<b>src</b>",
  "../etc",
  "AUX",
  "C++",
  "C#",
  "C",
  "]]>",
  "javascript:alert(1)",
];

/**
 * A source's name: a known nasty one (shared by many articles, so source pages fill up), or random
 * text made unique to its article (random names that differ only in punctuation would rightly share a URL).
 */
function hostileSourceName(serial: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...KNOWN_SOURCES),
    fc.tuple(requiredText, fc.nat(99)).map(([text, n]) => `${text} s${serial}n${n}`),
  );
}

/** A source as text or as an object, named by `hostileSourceName`. */
function hostileSource(serial: number): fc.Arbitrary<GeneratedArticle["source"]> {
  const name = hostileSourceName(serial);
  return fc.oneof(
    name,
    fc.record(
      { name, url: fc.webUrl({ withQueryParameters: true, withFragments: true }), handle: requiredText },
      { requiredKeys: ["name"] },
    ),
  );
}

function articleFor(monthKey: string, rank: number, serial: number): fc.Arbitrary<GeneratedArticle> {
  return fc
    .record(
      {
        title: requiredText,
        // Unique per article, with hostile text the URL parser must encode.
        url: fc
          .tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), hostileText)
          .map(([url, text]) => `${url.replace(/[?#].*$/, "")}/a${serial}?q=${text}`),
        type: fc.constantFrom("article" as const, "video" as const),
        source: hostileSource(serial),
        published: isoDate,
        summary: hostileMarkdown,
        tags: fc.array(hostileTag(serial), { maxLength: 4 }),
        id: requiredText.map((text) => `${text}#${serial}`),
        image: fc.webUrl(),
      },
      { requiredKeys: ["title", "url", "source"] },
    )
    .map((fields) => ({ month: monthKey, rank, ...fields }));
}

/** One month's articles: unique ranks with random gaps. */
function monthArticles(monthKey: string, firstSerial: number): fc.Arbitrary<GeneratedArticle[]> {
  return fc
    .uniqueArray(fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 10_000 })), { maxLength: 12 })
    .chain((ranks) =>
      ranks.length === 0
        ? fc.constant([])
        : fc.tuple(...ranks.map((rank, index) => articleFor(monthKey, rank, firstSerial + index))),
    );
}

export interface GeneratedCase {
  /** The data as Eleventy's data cascade would hold it. */
  readonly data: unknown;
  readonly options: Partial<DigestPluginOptions>;
  readonly pathPrefix: string;
}

const issueMeta = fc.record({ title: requiredText, intro: hostileMarkdown, published: isoDate }, { requiredKeys: [] });

export const digestOptions: fc.Arbitrary<{ options: Partial<DigestPluginOptions>; pathPrefix: string }> = fc.record({
  options: fc.record(
    {
      locale: fc.constantFrom("en", "de", "ja"),
      timeZone: fc.constantFrom("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns", "Asia/Kathmandu"),
      pageSize: fc.integer({ min: 1, max: 6 }),
      basePath: fc.constantFrom("/", "/digest/"),
      feed: fc.record({ limit: fc.integer({ min: 1, max: 8 }) }),
      // After every date the data may hold: no issue is scheduled, and the clock is never read.
      now: fc.constant("9999-12-31T23:59:59Z"),
    },
    { requiredKeys: ["pageSize", "now"] },
  ),
  pathPrefix: fc.constantFrom("/", "/blog/"),
});

/** Values that no field accepts, each with the field it breaks. */
const CORRUPTIONS: readonly [string, unknown][] = [
  ["title", ""],
  ["title", " \u0000\u0001 \u200b"],
  ["title", 42],
  ["url", "javascript:alert(1)"],
  ["url", "//example.com/x"],
  ["url", "https://"],
  ["rank", "1"],
  ["rank", 0],
  ["rank", 1.5],
  ["rank", null],
  ["month", "2025-13"],
  ["month", "2025-4"],
  ["month", "0999-12"],
  ["published", "yesterday"],
  ["published", "2025-02-30"],
  ["published", "9999-12-31"],
  ["source", ""],
  ["source", { url: "https://example.com" }],
  ["tags", "redis"],
  ["tags", [""]],
  ["image", "data:image/png;base64,AAAA"],
  ["type", "podcast"],
  ["id", ""],
];

export interface Corruption {
  /** Index into the data's article list (per file for the folder shape). */
  readonly month: string;
  readonly index: number;
  readonly field: string;
}

/**
 * A random digest in one of the three shapes, with random plugin options. One in five has one
 * article broken by a value no field accepts (`corruption` says where); the others are valid.
 */
export const digestCase: fc.Arbitrary<GeneratedCase & { corruption?: Corruption }> = fc
  .uniqueArray(month, { minLength: 0, maxLength: 4 })
  .chain((months) =>
    fc.record({
      months: fc
        .tuple(...months.map((key, index) => monthArticles(key, index * 100)))
        .map((lists) => lists.map((articles, index) => ({ key: months[index]!, articles }))),
      title: fc.option(requiredText, { nil: undefined }),
      description: fc.option(hostileText, { nil: undefined }),
      issues: fc.array(fc.tuple(fc.constantFrom(...(months.length > 0 ? months : ["2025-04"])), issueMeta), {
        maxLength: 3,
      }),
      shape: fc.constantFrom("object", "array", "folder"),
      setup: digestOptions,
      corrupt: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat(), fc.constantFrom(...CORRUPTIONS)),
    }),
  )
  .map(({ months: generated, title, description, issues, shape, setup, corrupt }) => {
    // Generated values may be reused while shrinking: change a copy.
    const months = structuredClone(generated);
    const [dice, pick, [field, bad]] = corrupt;
    const all = months.flatMap((m) => m.articles.map((article, index) => ({ month: m.key, index, article })));
    let corruption: Corruption | undefined;
    if (dice === 0 && all.length > 0) {
      const target = all[pick % all.length]!;
      (target.article as unknown as Record<string, unknown>)[field] = bad;
      corruption = { month: target.month, index: target.index, field };
    }
    const articles = months.flatMap((m) => m.articles);
    let data: unknown;
    if (shape === "array") data = articles;
    else if (shape === "folder" && months.length > 0) {
      // One file per month; articles take their month from the file name (unless corrupted).
      data = Object.fromEntries(
        months.map((m) => [
          m.key,
          m.articles.map(({ month: articleMonth, ...rest }) =>
            articleMonth === m.key ? rest : { month: articleMonth, ...rest },
          ),
        ]),
      );
    } else {
      data = {
        ...(title !== undefined && { title }),
        ...(description !== undefined && { description }),
        ...(issues.length > 0 && { issues: Object.fromEntries(issues) }),
        articles,
      };
    }
    if (corruption && !(shape === "folder" && months.length > 0)) {
      // In one list, the index counts every month before.
      corruption = {
        ...corruption,
        index: all.findIndex((entry) => entry.month === corruption!.month && entry.index === corruption!.index),
      };
    }
    return { data, options: setup.options, pathPrefix: setup.pathPrefix, ...(corruption && { corruption }) };
  });

/** How many random digests `npm test` runs through the pure pipeline; `DIGEST_PROPERTY_RUNS` for more. */
export const PROPERTY_RUNS = Number(process.env.DIGEST_PROPERTY_RUNS ?? 200);
