/**
 * The W3C Feed Validation Service's main RSS 2.0 rules that can be checked offline
 * (https://validator.w3.org/feed/docs/rss2.html). Returns one message per broken rule; an empty
 * list means the feed passes.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface RssCheckOptions {
  /** The URL the feed is served at: `atom:link rel="self"` must point here. */
  readonly feedUrl: string;
  /** Item titles whose data had no markup: their decoded text must contain no HTML tags. */
  readonly plainTitles?: boolean;
}

const DAYS = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTHS = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
/** RFC 822 (with 4-digit years, as RFC 1123 and the validator want). */
const RFC822 = new RegExp(
  `^(${DAYS}, )?\\d{1,2} ${MONTHS} \\d{4} \\d{2}:\\d{2}(:\\d{2})? (GMT|UT|Z|[+-]\\d{4}|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$`,
);
const MONTH_INDEX = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** True when `value` is an RFC 822 date whose weekday (if given) matches its calendar date. */
export function isRfc822(value: string): boolean {
  const match = RFC822.exec(value);
  if (!match) return false;
  const [, , day] = match;
  const parts = value.replace(/^\w{3}, /, "").split(" ");
  const [dd, mon, yyyy] = parts as [string, string, string];
  const date = new Date(Date.UTC(Number(yyyy), MONTH_INDEX.indexOf(mon), Number(dd)));
  if (date.getUTCDate() !== Number(dd)) return false; // 31 Feb and the like
  if (day !== undefined && ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][date.getUTCDay()] !== day) return false;
  return !Number.isNaN(Date.parse(value));
}

export function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== "";
  } catch {
    return false;
  }
}

type Node = Record<string, unknown>;

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const textOf = (value: unknown): string | undefined => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "#text" in value) return String((value as Node)["#text"]);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value === undefined ? undefined : "";
};

function parseXml(xml: string): Node {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Character references (`&#13;`, or a host's) read back as any XML parser reads them.
    htmlEntities: true,
    isArray: (name) => ["item", "category", "atom:link", "channel"].includes(name),
  }).parse(xml) as Node;
}

export interface RawRssItem {
  readonly title?: string;
  readonly link?: string;
  readonly guid?: string;
  readonly description?: string;
  readonly categories: string[];
}

/** The items of an RSS document, each text decoded exactly once (as XML), unlike feed libraries that also decode HTML. */
export function rssItems(xml: string): RawRssItem[] {
  const channel = asArray(((parseXml(xml).rss as Node)?.channel as Node[]) ?? [])[0] ?? {};
  return asArray(channel.item as Node[]).map((item) => {
    const out: Record<string, unknown> = {
      categories: asArray(item.category as unknown[]).map((c) => textOf(c) ?? ""),
    };
    for (const field of ["title", "link", "guid", "description"]) {
      const value = textOf(item[field]);
      if (value !== undefined) out[field] = value;
    }
    return out as unknown as RawRssItem;
  });
}
/** Checks an RSS 2.0 document; returns the broken rules (empty when it passes). */
export function checkRssFeed(xml: string, options: RssCheckOptions): string[] {
  const problems: string[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  if (!/^<\?xml version="1\.0" encoding="utf-8"\?>/i.test(xml))
    problems.push("missing XML declaration with UTF-8 encoding");
  // XML 1.0 forbids most C0 controls, raw or as character references.
  const forbidden = (cp: number) =>
    (cp < 0x20 && cp !== 0x9 && cp !== 0xa && cp !== 0xd) ||
    cp === 0xfffe ||
    cp === 0xffff ||
    (cp >= 0xd800 && cp <= 0xdfff);
  const references = [...xml.matchAll(/&#(x?)([0-9a-f]+);/gi)].map((m) => parseInt(m[2]!, m[1] ? 16 : 10));
  if ([...xml].some((ch) => forbidden(ch.codePointAt(0)!)) || references.some(forbidden))
    problems.push("contains characters XML 1.0 forbids");

  const doc = parseXml(xml);
  const rss = doc.rss as Node | undefined;
  if (!rss) return [...problems, "root element is not <rss>"];
  if (rss["@_version"] !== "2.0") problems.push(`rss version is ${String(rss["@_version"])}, expected 2.0`);
  const channels = asArray(rss.channel as Node[]);
  if (channels.length !== 1) return [...problems, `expected exactly one <channel>, found ${channels.length}`];
  const channel = channels[0]!;

  for (const field of ["title", "link", "description"]) {
    const value = textOf(channel[field]);
    if (value === undefined || value.trim() === "") problems.push(`channel is missing <${field}>`);
  }
  const channelLink = textOf(channel.link);
  if (channelLink && !isAbsoluteHttpUrl(channelLink))
    problems.push(`channel <link> is not an absolute http(s) URL: ${channelLink}`);

  // atom:link rel="self"
  const atomNs = rss["@_xmlns:atom"];
  const atomLinks = asArray(channel["atom:link"] as Node[]);
  const self = atomLinks.filter((link) => link["@_rel"] === "self");
  if (atomLinks.length > 0 && atomNs !== "http://www.w3.org/2005/Atom")
    problems.push("atom:link used without the Atom namespace");
  if (self.length !== 1) problems.push(`expected one atom:link rel="self", found ${self.length}`);
  else {
    const href = String(self[0]!["@_href"] ?? "");
    if (href !== options.feedUrl) problems.push(`atom:link rel="self" href is ${href}, expected ${options.feedUrl}`);
    if (self[0]!["@_type"] !== undefined && self[0]!["@_type"] !== "application/rss+xml")
      problems.push(`atom:link rel="self" has type ${String(self[0]!["@_type"])}`);
  }

  for (const field of ["pubDate", "lastBuildDate"]) {
    const value = textOf(channel[field]);
    if (value !== undefined && !isRfc822(value)) problems.push(`channel <${field}> is not an RFC 822 date: ${value}`);
  }

  const guids = new Map<string, number>();
  asArray(channel.item as Node[]).forEach((item, index) => {
    const where = `item ${index + 1}`;
    const title = textOf(item.title);
    const description = textOf(item.description);
    if ((title === undefined || title === "") && (description === undefined || description === ""))
      problems.push(`${where}: needs a title or a description`);
    if (
      options.plainTitles &&
      title !== undefined &&
      /<\/?[a-z][^>]*>|&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.test(title)
    ) {
      problems.push(`${where}: title contains HTML markup or double-escaped text: ${title}`);
    }
    const link = textOf(item.link);
    if (link !== undefined && !isAbsoluteHttpUrl(link))
      problems.push(`${where}: <link> is not an absolute http(s) URL: ${link}`);
    const pubDate = textOf(item.pubDate);
    if (pubDate !== undefined && !isRfc822(pubDate))
      problems.push(`${where}: <pubDate> is not an RFC 822 date: ${pubDate}`);
    if (item.guid === undefined) problems.push(`${where}: missing <guid>`);
    else {
      const guid = textOf(item.guid) ?? "";
      const isPermaLink = typeof item.guid === "object" ? (item.guid as Node)["@_isPermaLink"] : undefined;
      if (guid === "") problems.push(`${where}: empty <guid>`);
      if (isPermaLink !== undefined && isPermaLink !== "true" && isPermaLink !== "false")
        problems.push(`${where}: isPermaLink must be "true" or "false"`);
      // isPermaLink defaults to true: then the guid must be an absolute URL.
      if ((isPermaLink === undefined || isPermaLink === "true") && !isAbsoluteHttpUrl(guid))
        problems.push(`${where}: guid is a permalink but not an absolute URL: ${guid}`);
      const seen = guids.get(guid);
      if (seen !== undefined) problems.push(`${where}: guid ${guid} repeats item ${seen}`);
      else guids.set(guid, index + 1);
    }
    // Every link inside the HTML description must be absolute too (relative links break in readers).
    for (const match of (description ?? "").matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const url = match[1]!.replace(/&amp;/g, "&");
      if (!isAbsoluteHttpUrl(url) && !url.startsWith("mailto:"))
        problems.push(`${where}: description links to a relative or non-http URL: ${url}`);
    }
  });
  return problems;
}
