/**
 * The plugin's options, once: the zod schema says what each option accepts, its default, and the
 * message a wrong value gets, and the TSDoc on its fields is what users read in their editor. The
 * public option types are its input type (`DigestPluginOptions`), as `@astrojs/rss` does;
 * `options.ts` resolves what depends on more than one option.
 */
import { z } from "zod";
import { isValidZone } from "./model/dates.js";
import { FEED_FORMATS, normalizeBasePath, type FeedFormat } from "./model/urls.js";
import type { DigestArticle } from "./model/build.js";
import { cleanText } from "./data/text.js";
import { isHttpUrl } from "./data/schema.js";
import { positiveInt } from "./data/zod-helpers.js";
import { digestStringsSchema, type DigestStrings } from "./model/strings.js";
import { feedUri } from "./data/uri.js";
import { tagKey } from "./data/slug.js";

export { FEED_FORMATS, type FeedFormat };

const ORIGIN_EXPECTED = 'expected an absolute http(s) origin such as "https://digest.example.com"';
const BASE_PATH_EXPECTED = 'expected a path such as "/" or "/digest/"';
const LOCALE_EXPECTED = 'expected a BCP 47 locale such as "en" or "de"';
const ZONE_EXPECTED = 'expected an IANA time zone such as "UTC" or "Europe/Berlin"';
const DATA_KEY_EXPECTED = 'expected a data key such as "digest"';
const TEXT_EXPECTED = "expected text";
const HUB_EXPECTED = 'expected an absolute http(s) URL of a WebSub hub, such as "https://pubsubhubbub.appspot.com/"';
const TAG_NAME_EXPECTED = "expected a tag name";
const FAVICON_EXPECTED = 'expected a site-root path such as "/favicon.png", an absolute http(s) URL, or false';
/** Also for the `DIGEST_NOW` environment variable, which says the same thing. */
export const NOW_EXPECTED =
  'expected an ISO 8601 date-time with an offset, such as "2025-05-01T09:00:00Z", or a date such as "2025-05-01"';
const flag = () => z.boolean({ error: "expected true or false" });
const nonEmpty = () => z.string().min(1, { error: "expected non-empty text" });
const layoutPath = z
  .string({ error: 'expected a layout path such as "layouts/base.njk"' })
  .min(1, { error: "expected a layout path" });
const dataName = /^[A-Za-z_$][\w$]*$/;
// Feed titles reach XML and JSON: cleaned of XML-forbidden characters like data text.
const feedText = z.string({ error: TEXT_EXPECTED }).transform((value) => cleanText(value).trim());

/**
 * What a custom item renderer gets besides the article. Written by hand: it is what the plugin
 * passes to `renderItem`, not an option value the schema checks.
 */
export interface DigestItemContext {
  /** The plugin's own markup for this article, to wrap or fall back to. */
  defaultHtml(): string;
  /** The article's summary as safe HTML (empty when it has none). */
  summaryHtml(): string;
  /** A site-root path (e.g. `tag.path`-style `/tags/redis/`) as a link with Eleventy's pathPrefix. */
  href(path: string): string;
  /** Escapes text for HTML. Data text is untrusted: escape everything you print. */
  escapeHtml(text: string): string;
  readonly locale: string;
}

// Defaults are the schema's: `.default(value)` for a value used as is, `.prefault(value)` for one
// that goes through the field's own checks and normalising, as if the user had written it.
// Each shape is a const of its own and each schema is annotated with `typeof` it, so that the
// emitted .d.ts keeps the TSDoc of every field (an inferred `z.object({...})` type drops it).
const feedOptionsShape = {
  /** How many items the site and tag feeds carry: the newest articles (or issues, in issue mode). Default 50. */
  limit: positiveInt().default(50),
  /** Which formats to write, for the site feeds and the tag feeds. Default all three. */
  formats: z
    .array(z.enum(FEED_FORMATS, { error: 'expected "rss", "atom" or "json"' }), {
      error: 'expected a list of formats such as ["rss", "atom", "json"]',
    })
    .min(1, { error: 'expected at least one of "rss", "atom", "json"' })
    .readonly()
    // In the order rss, atom, json, each once; never empty.
    .transform((formats): readonly FeedFormat[] => FEED_FORMATS.filter((format) => formats.includes(format)))
    .default(FEED_FORMATS),
  /** A feed per tag (`tags/SLUG/feed.xml`, and `atom.xml`/`feed.json` when those formats are on). Default `true`. */
  perTag: flag().default(true),
  /**
   * A feed per source (`sources/SLUG/feed.xml`, and `atom.xml`/`feed.json` when those formats are
   * on). Default `false`: most readers follow a source at its own site; the page is always there.
   */
  perSource: flag().default(false),
  /** `"articles"` (default): one item per article. `"issues"`: one item per monthly issue, with its ranked list. */
  items: z.enum(["articles", "issues"], { error: 'expected "articles" or "issues"' }).default("articles"),
  /**
   * Also write the site feeds in the other item mode, so readers choose "every pick" or "one item a
   * month": beside per-pick site feeds the issue feed at `issues/feed.xml` (and `issues/atom.xml`,
   * `issues/feed.json` for the formats that are on), beside per-issue ones the pick feed at
   * `picks/feed.xml`, …; on the subscribe page, in `feeds.opml` and linked from the home page's head.
   * Default `true`; `false` writes only the site feeds' mode.
   */
  companion: flag().default(true),
  /** The site feeds' title. Default: the digest's title. */
  title: feedText.pipe(nonEmpty()).optional(),
  /** The site feeds' description. Default: the digest's description, else its title. */
  description: feedText.transform((value) => (value === "" ? undefined : value)).optional(),
  /**
   * A WebSub hub (e.g. `https://pubsubhubbub.appspot.com/`): every feed then names it
   * (`<atom:link rel="hub">`, JSON Feed `hubs`), so readers can subscribe for pushes. The plugin
   * runs offline and cannot ping the hub: do that after each deploy. Default none.
   */
  hub: z.string({ error: HUB_EXPECTED }).refine(isHttpUrl, { error: HUB_EXPECTED }).transform(feedUri).optional(),
};
/** The `feed` option; exported for the types built on it (`DigestFeedOptions`, `ResolvedFeedOptions`). */
export const feedOptionsSchema: z.ZodObject<typeof feedOptionsShape, z.core.$strict> = z
  .object(feedOptionsShape, { error: "expected an object" })
  .strict();

const subscribeOptionsShape = {
  /**
   * A newsletter sign-up form: HTML you write (or your mail service's embed code), shown on the
   * subscribe page in a card headed "By email". It is your own trusted markup, put in the page as it
   * is: neither escaped nor checked, so never fill it from data others write. The plugin sends
   * nothing and knows no service. Default none: no card.
   */
  newsletterHtml: z
    .string({ error: "expected HTML text, such as a <form> from your newsletter service" })
    .transform((value) => (value.trim() === "" ? undefined : value))
    .optional(),
};
/** The `subscribe` option: what the subscribe page shows besides the feeds. */
const subscribeOptionsSchema: z.ZodObject<typeof subscribeOptionsShape, z.core.$strict> = z
  .object(subscribeOptionsShape, { error: 'expected an object such as { newsletterHtml: "<form …>…</form>" }' })
  .strict();

const layoutsSchema = z
  .object(
    {
      archive: layoutPath,
      year: layoutPath,
      month: layoutPath,
      tagIndex: layoutPath,
      tag: layoutPath,
      sourceIndex: layoutPath,
      source: layoutPath,
      subscribe: layoutPath,
      search: layoutPath,
    },
    { error: "expected an object of layouts by page kind" },
  )
  .partial()
  .strict();

/** The kinds of page the plugin makes; each can get its own host layout. */
export type DigestPageKind = keyof typeof layoutsSchema.shape;

/** What one item of the site feeds is: one ranked article, or one whole monthly issue. */
export type FeedItemMode = z.output<typeof feedOptionsSchema>["items"];

const optionsShape = {
  /** Absolute origin for feeds and canonical links, e.g. `https://digest.example.com`. */
  siteUrl: z
    .string({ error: ORIGIN_EXPECTED })
    .refine(
      (value) => isHttpUrl(value) && new URL(value).pathname === "/" && !new URL(value).search && !new URL(value).hash,
      {
        error: `${ORIGIN_EXPECTED} (put a sub-folder in basePath or Eleventy's pathPrefix)`,
      },
    )
    .transform((value) => new URL(value).origin),
  /** The digest's name, e.g. "Best of Distributed Systems". Default: the data's `title`, else "Digest". */
  title: z.string({ error: TEXT_EXPECTED }).transform(cleanText).pipe(nonEmpty()).optional(),
  /** One sentence about the digest, for feeds and meta descriptions. Default: the data's `description`. */
  description: z.string({ error: TEXT_EXPECTED }).transform(cleanText).optional(),
  /** Where the digest lives in the site, e.g. `/digest/` inside a blog. Default `/`. */
  basePath: z
    .string({ error: BASE_PATH_EXPECTED })
    .refine((value) => !/^\s*(?:[A-Za-z][A-Za-z\d+.-]*:|\/\/|\\)/.test(value), {
      error: `${BASE_PATH_EXPECTED}, not a URL (the origin goes in siteUrl)`,
      abort: true,
    })
    .refine((value) => !/(^|\/)\.\.?(\/|$)|[?#\\%\p{Cc}]/u.test(value), {
      error: `${BASE_PATH_EXPECTED}, without "..", "?", "#", "%" or control characters`,
      abort: true,
    })
    .refine((value) => !/[^/]\/{2,}[^/]/.test(value), { error: `${BASE_PATH_EXPECTED}, without empty segments ("//")` })
    .transform(normalizeBasePath)
    .prefault("/"),
  /** Articles per month or tag page. Default 10. */
  pageSize: positiveInt().default(10),
  /** The global data key holding the digest (`_data/digest.json` → `digest`). Default `digest`. */
  dataKey: z
    .string({ error: DATA_KEY_EXPECTED })
    .regex(/^[A-Za-z_$][\w$-]*$/, { error: DATA_KEY_EXPECTED })
    .default("digest"),
  /** BCP 47 locale for month names, dates and numbers. Default `en`. */
  locale: z
    .string({ error: LOCALE_EXPECTED })
    .refine(
      (value) => {
        try {
          return Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0;
        } catch {
          return false;
        }
      },
      { error: `${LOCALE_EXPECTED} that this Node.js supports` },
    )
    .default("en"),
  /** Any UI word of the default pages, over the built-in words of `locale` (`en`, `de`). */
  // Typed as what it checks: the schema is built from the word list at run time, so its own type
  // cannot tell a word from plural forms (and would spell out every word in the .d.ts).
  strings: (digestStringsSchema as unknown as z.ZodType<Partial<DigestStrings>, Partial<DigestStrings>>).optional(),
  /** IANA zone in which issue dates fall and date-only values are read. Default `UTC`. */
  timeZone: z.string({ error: ZONE_EXPECTED }).refine(isValidZone, { error: ZONE_EXPECTED }).default("UTC"),
  /** Feed options. */
  feed: feedOptionsSchema.prefault({}),
  /** The subscribe page: `{ newsletterHtml }`, your newsletter's sign-up form beside the feeds. */
  subscribe: subscribeOptionsSchema.prefault({}),
  /**
   * "Now", for scheduled issues (an issue whose own `published` date is after it is left out of a
   * production build): an ISO 8601 date-time with an offset, or a date (midnight in `timeZone`).
   * Default: the `DIGEST_NOW` environment variable, else the clock, read only if an issue has a date.
   */
  now: z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: NOW_EXPECTED }).optional(),
  /**
   * Renamed tags: `{ "K8s": "Kubernetes" }` maps an old tag name to the tag that replaced it (names
   * match as tags do, whatever their case and spacing; a chain resolves to its end). Articles still
   * tagged with the old name count as the new tag; the old tag's pages become redirects to it and
   * its feeds keep serving the new tag's, so links and subscriptions keep working. Default `{}`.
   */
  tagAliases: z
    .record(
      z.string(),
      z
        .string({ error: `${TAG_NAME_EXPECTED}: the tag that replaced this one` })
        .refine((name) => tagKey(name) !== "", { error: TAG_NAME_EXPECTED }),
      {
        error: 'expected an object of old tag name to new tag name, such as { "K8s": "Kubernetes" }',
      },
    )
    // A key's own check would be reported as the record's message: checked here, by its path.
    .superRefine((aliases, context) => {
      for (const name of Object.keys(aliases))
        if (tagKey(name) === "")
          context.addIssue({
            code: "custom",
            path: [name],
            message: `${TAG_NAME_EXPECTED} as the old tag, not only white space`,
          });
    })
    .default({}),
  /** A layout of the host site (relative to its includes folder) that wraps every digest page. */
  layout: layoutPath.optional(),
  /**
   * The icon every page's head links (`<link rel="icon">`, `digestHead` too). Default: the plugin
   * writes `{basePath}favicon.svg`, the title's first letter on the theme's accent colour. Your own
   * icon instead, and no SVG written: a site-root path (`"/favicon.png"`, given pathPrefix like
   * every link) or an absolute http(s) URL. `false`: no icon link (a host layout that has its own).
   */
  favicon: z
    .union(
      [
        z.literal(false),
        z.string().refine((value) => /^\/(?!\/)\S*$/.test(value) || isHttpUrl(value), { error: FAVICON_EXPECTED }),
      ],
      { error: FAVICON_EXPECTED },
    )
    .optional(),
  /** Per page kind layouts, over `layout`: `{ month: "layouts/issue.njk" }`. */
  layouts: layoutsSchema.default({}),
  /**
   * Replaces the markup of one article (on month and tag pages). Return HTML; escape data text with
   * `context.escapeHtml`. `context.defaultHtml()` gives the built-in card.
   */
  renderItem: z
    .custom<(article: DigestArticle, context: DigestItemContext) => string>((value) => typeof value === "function", {
      error: "expected a function (article, context) => html",
    })
    .optional(),
  /**
   * With a host layout, link the plugin's stylesheet (written to `{basePath}digest.css`) at the top of
   * each page's content. Default `true`; `false` when the host styles the `dg-` classes itself.
   */
  stylesheet: flag().default(true),
  /**
   * Draw a 1200×630 PNG per monthly issue, per tag and for the archive (`{basePath}share/`): the
   * digest's title, the issue's month and headline or the tag's name, and the top three picks. Every
   * page's `og:image` is then one of them. Drawn at build time, cached by content under
   * `.cache/eleventy-plugin-digest/share/`. Default `false`: an article's image, when a page has one.
   */
  shareImages: flag().default(false),
  /**
   * Search with Pagefind: after Eleventy has written the site, every pick of the month pages is
   * indexed into `{basePath}pagefind/` (one result per pick, with tag, source, type and issue
   * filters), and `{basePath}search/` searches it; the header links it. The search page is the one
   * page that runs a script. Default `false`: no index, no search page, no `data-pagefind-*` marks.
   */
  search: flag().default(false),
  /**
   * Write each issue as an email: `{basePath}YYYY/MM/email.html` (inline styles, absolute URLs, to
   * paste into a mail or send as is) and its plain-text twin `email.txt`, and link "Email version"
   * on the issue's pages. Default `true`; `false` writes neither and shows no link.
   */
  email: flag().default(true),
  /**
   * Show the articles' `image` thumbnails: on cards, in feeds and emails, and as a page's `og:image`
   * when it has no share image. They are loaded from the article's site (a third party), with
   * `referrerpolicy="no-referrer"`. Default `true`; `false` shows none, so a digest page loads
   * nothing from another host (host templates' `digestSite` articles have no `image` either).
   */
  thumbnails: flag().default(true),
  /**
   * Hand the cards' thumbnails to the host's HTML image transform (eleventy-img's). Default `false`:
   * they carry `eleventy:ignore`, which that transform honours (and removes), so a dead or unreachable
   * third-party image cannot stop the host's build; the plugin removes the mark where no transform did.
   */
  hostImageTransform: flag().default(false),
  /** The global data name under which host templates find the digest (issues, tags, latest issue). Default `digestSite`; `false` for none. */
  globalData: z
    .union([z.literal(false), z.string().regex(dataName)], {
      error: 'expected a data name such as "digestSite", or false',
    })
    .default("digestSite"),
  /**
   * Who writes the pages and feeds. `"eleventy"` (default): every page, feed and the stylesheet is
   * an ordinary Eleventy template, so host transforms, `--dryrun`, `--to=json`, `eleventy.after`
   * listeners and sitemaps see them. `"direct"`: for very large archives, the plugin streams pages
   * without a host layout, and the feeds, to the output folder itself after Eleventy has written
   * its own files, holding none in memory; host transforms and `--to=json` do not see those.
   */
  pipeline: z.enum(["direct", "eleventy"], { error: 'expected "direct" or "eleventy"' }).default("eleventy"),
  /**
   * List every digest HTML page in the host's `collections.all`. Default `false`: a host page that
   * loops over it (a blog's "all posts" list) does not grow by the digest's pages; a sitemap adds them
   * with the `withDigestPages` filter instead. Feeds, emails and the stylesheet never are.
   */
  collectionsAll: flag().default(false),
  /**
   * Write `{basePath}sitemap.xml`. `"auto"` (default): when the digest is the site (`basePath` is
   * `/`); embedded under a sub-path, the host's own sitemap lists the pages through `collections.all`.
   */
  sitemap: z.union([z.boolean(), z.literal("auto")], { error: 'expected true, false or "auto"' }).default("auto"),
  /**
   * Write `{basePath}404.html`, a not-found page in the digest's look, which static hosts (Netlify,
   * GitHub Pages, Cloudflare Pages, `npx http-server`) serve for a missing URL. `"auto"` (default):
   * when the digest is the site (`basePath` is `/`, no host `layout`); a blog with its own 404 page
   * sets `false`. Never in the sitemap or `collections.all`.
   */
  notFoundPage: z.union([z.boolean(), z.literal("auto")], { error: 'expected true, false or "auto"' }).default("auto"),
};
/** The whole options object, strict so that a misspelt option is an error rather than ignored. */
export const optionsSchema: z.ZodObject<typeof optionsShape, z.core.$strict> = z
  .object(optionsShape, { error: 'expected an options object such as { siteUrl: "https://digest.example.com" }' })
  .strict();

/** Feed options: the input type of the `feed` schema. */
export interface DigestFeedOptions extends z.input<typeof feedOptionsSchema> {}

/** What `addPlugin(digest, options)` takes: the input type of the options schema. Only `siteUrl` is required. */
export interface DigestPluginOptions extends z.input<typeof optionsSchema> {}
