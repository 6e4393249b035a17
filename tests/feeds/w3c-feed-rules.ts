/**
 * The W3C Feed Validation Service's rules for RSS 2.0 and Atom 1.0, for offline use: the checks it
 * makes on namespaces, required and duplicate elements, dates, GUIDs and ids, URIs, self links,
 * HTML in titles and relative URLs in content. Rule names, patterns and severities follow the
 * validator's own source (github.com/w3c/feedvalidator: validators.py, item.py, channel.py,
 * media.py, logging.py), so a message here names the message the service would print.
 *
 * The input is a document parsed by the strict parser (`xml-parser.ts`), or an XML string that
 * xmlbuilder2 parses: fine for plain text, but that parser decodes `&amp;#60;` twice, so use the
 * strict parser for hostile text.
 */
import { create } from "xmlbuilder2";
import type { XmlElement as Element } from "./xml-parser.js";

export interface FeedProblem {
  readonly rule: string;
  readonly where: string;
  readonly detail: string;
}

export interface FeedReport {
  readonly errors: FeedProblem[];
  readonly warnings: FeedProblem[];
}

export interface CheckOptions {
  /** The URL the feed is served at: the self link must match it (SelfDoesntMatchLocation). */
  readonly location?: string;
}

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";
const MEDIA = "http://search.yahoo.com/mrss/";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
/** Namespaces the validator knows and we may use; anything else is an UnknownNamespace warning. */
const KNOWN_NAMESPACES = new Set([
  ATOM,
  DC,
  MEDIA,
  CONTENT,
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1999/xhtml",
]);

// validators.py: rfc2396_full, urn, uuid and tag patterns, and the URI character class.
const RFC2396_FULL = /^[a-zA-Z][0-9a-zA-Z+\-.]*:(\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/;
const URN = /^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'-]|%[0-9A-Fa-f]{2})+$/;
const UUID_URN =
  /^[Uu][Rr][Nn]:[Uu][Uu][Ii][Dd]:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;
const TAG_URI =
  /^tag:([a-z0-9\-._]+?@)?[a-z0-9.-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$/;
// validators.py: rfc2822_re (the strict form; the looser rfc822 form is only a warning).
const RFC2822 =
  /^(((Mon)|(Tue)|(Wed)|(Thu)|(Fri)|(Sat)|(Sun)), )?\d\d? ((Jan)|(Feb)|(Mar)|(Apr)|(May)|(Jun)|(Jul)|(Aug)|(Sep)|(Oct)|(Nov)|(Dec)) \d\d\d\d \d\d:\d\d(:\d\d)? (([+-]?\d\d[03]0)|(UT)|(GMT)|(EST)|(EDT)|(CST)|(CDT)|(MST)|(MDT)|(PST)|(PDT)|Z)$/;
const RFC3339 = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*)?(Z|([+-]\d\d:\d\d))$/;
const MIME =
  /^[^\s()<>,;:\\"/[\]?=]+\/[^\s()<>,;:\\"/[\]?=]+(\s*;\s*[^\s()<>,;:\\"/[\]?=]+=("(\\"|[^"])*"|[^\s()<>,;:\\"/[\]?=]+))*$/;
// validators.py: nonhtml (HTML end tags of known elements, or entity references, in plain text).
const HTML_END_TAG = /<\/(\w+)>/g;
const HTML_ENTITY = /&(#?\w+);/;
// validators.py: absUrlMixin (relative URLs in HTML content).
const ANCHOR = /<a\s+href=(?:"(.*?)"|'(.*?)'|([\w-]+))[\s>]/gi;
const IMG = /<img\s+[^>]*src=(?:"(.*?)"|'(.*?)'|([\w-]+))[\s>]/gi;
// validators.py: HTMLValidator.acceptable_elements (others are a SecurityRisk warning).
const UNSAFE_ELEMENTS =
  /<(script|style|iframe|object|embed|applet|frame|frameset|base|link|meta|noframes|param|html|head|body|title|xmp|plaintext|listing)\b/i;
const ON_ATTRIBUTE = /<[a-z][^>]*\s(on\w+|formaction)\s*=/i;
const HTML_TAGS = new Set(
  "a abbr acronym address area article aside audio b bdi bdo big blockquote body br button canvas caption center cite code col colgroup dd del details dfn div dl dt em figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark nav ol p pre q s script section small span strike strong style sub summary sup table tbody td textarea tfoot th thead time title tr tt u ul var video".split(
    " ",
  ),
);

const RSS_CHANNEL = new Set([
  "title",
  "link",
  "description",
  "language",
  "copyright",
  "managingEditor",
  "webMaster",
  "pubDate",
  "lastBuildDate",
  "category",
  "generator",
  "docs",
  "cloud",
  "ttl",
  "image",
  "rating",
  "textInput",
  "skipHours",
  "skipDays",
  "item",
]);
const RSS_ITEM = new Set([
  "title",
  "link",
  "description",
  "author",
  "category",
  "comments",
  "enclosure",
  "guid",
  "pubDate",
  "source",
]);
const RSS_CHANNEL_ONCE = [
  "title",
  "link",
  "description",
  "language",
  "copyright",
  "managingEditor",
  "webMaster",
  "pubDate",
  "lastBuildDate",
  "generator",
  "docs",
  "ttl",
  "image",
];
const RSS_ITEM_ONCE = ["title", "link", "description", "author", "comments", "guid", "pubDate", "source", "enclosure"];
const ATOM_FEED = new Set([
  "author",
  "category",
  "contributor",
  "generator",
  "icon",
  "id",
  "link",
  "logo",
  "rights",
  "subtitle",
  "title",
  "updated",
  "entry",
]);
const ATOM_ENTRY = new Set([
  "author",
  "category",
  "content",
  "contributor",
  "id",
  "link",
  "published",
  "rights",
  "source",
  "summary",
  "title",
  "updated",
]);
const ATOM_RELS = new Set([
  "alternate",
  "related",
  "self",
  "enclosure",
  "via",
  "first",
  "last",
  "previous",
  "next",
  "current",
  "payment",
  "license",
  "replies",
  "edit",
  "edit-media",
  "service",
  "hub",
  "prev",
]);
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

class Checker {
  readonly errors: FeedProblem[] = [];
  readonly warnings: FeedProblem[] = [];
  error(rule: string, where: string, detail = ""): void {
    this.errors.push({ rule, where, detail });
  }
  warn(rule: string, where: string, detail = ""): void {
    this.warnings.push({ rule, where, detail });
  }

  /** validators.py rfc2396 / rfc2396_full, with its tag: and urn: special cases. */
  uri(value: string, where: string, errorRule = "InvalidFullLink"): boolean {
    const scheme = value.split(":")[0]!.toLowerCase();
    if (scheme === "tag") {
      if (TAG_URI.test(value)) return true;
      this.error("InvalidTAG", where, value);
      return false;
    }
    if (scheme === "urn") {
      if (value.toLowerCase().startsWith("urn:uuid:") && !UUID_URN.test(value)) this.error("InvalidUUID", where, value);
      else if (URN.test(value)) return true;
      else this.error("InvalidURN", where, value);
      return false;
    }
    if (!RFC2396_FULL.test(value)) {
      const bad = [...value].find((ch) => ch.charCodeAt(0) < 128 && !/[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]/.test(ch));
      this.error(
        bad !== undefined ? "InvalidUriChar" : errorRule,
        where,
        `${value}${bad !== undefined ? ` (${JSON.stringify(bad)})` : ""}`,
      );
      return false;
    }
    if ((scheme === "http" || scheme === "https" || scheme === "ftp") && !/^\w+:\/\/[^/].*/.test(value)) {
      this.error(errorRule, where, value);
      return false;
    }
    return true;
  }

  /** validators.py rfc822: the strict RFC 2822 form, and the weekday must match the date. */
  rfc822(value: string, where: string): void {
    if (!RFC2822.test(value)) {
      this.error("InvalidRFC2822Date", where, value);
      return;
    }
    const body = value.includes(",") ? value.slice(value.indexOf(",") + 2) : value;
    const [day, month, year] = body.split(" ") as [string, string, string];
    const date = new Date(Date.UTC(Number(year), MONTHS.indexOf(month), Number(day)));
    if (date.getUTCDate() !== Number(day)) this.error("InvalidRFC2822Date", where, value);
    else if (value.includes(",") && WEEKDAYS[date.getUTCDay()] !== value.slice(0, 3))
      this.error("IncorrectDOW", where, value);
    else if (date.getUTCFullYear() < 1990 || date.getTime() > Date.now() + 600_000)
      this.warn("ImplausibleDate", where, value);
  }

  /** validators.py rfc3339, and a real calendar date and time. */
  rfc3339(value: string, where: string): void {
    if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
      this.error("InvalidRFC3339Date", where, value);
      return;
    }
    const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCDate() !== d || Number(value.slice(11, 13)) > 23) this.error("InvalidRFC3339Date", where, value);
    else if (value < "1990-01-01" || Date.parse(value) > Date.now() + 600_000)
      this.warn("ImplausibleDate", where, value);
  }

  /** validators.py nonhtml: text that looks like HTML (a warning: it will show as markup). */
  plainText(value: string, where: string, rule = "ContainsHTML"): void {
    const tags = [...value.matchAll(HTML_END_TAG)].map((m) => m[1]!.toLowerCase()).filter((tag) => HTML_TAGS.has(tag));
    if (tags.length > 0) this.warn(rule, where, `</${tags[0]}>`);
    else if (HTML_ENTITY.test(value)) this.warn(rule, where, value.match(HTML_ENTITY)![0]);
  }

  /** validators.py safeHtml + absUrlMixin: unsafe markup and relative URLs in HTML content. */
  html(value: string, where: string): void {
    if (UNSAFE_ELEMENTS.test(value)) this.warn("SecurityRisk", where, value.match(UNSAFE_ELEMENTS)![0]);
    if (ON_ATTRIBUTE.test(value)) this.warn("SecurityRiskAttr", where, value.match(ON_ATTRIBUTE)![1]!);
    for (const match of [...value.matchAll(ANCHOR), ...value.matchAll(IMG)]) {
      const ref = decodeEntities(match[1] ?? match[2] ?? match[3] ?? "").trim();
      if (!/^\w+:/.test(ref)) this.warn("ContainsRelRef", where, ref);
    }
  }

  /** validators.py email_with_name: an addr-spec, ideally as "jane@example.com (Jane Doe)". */
  email(value: string, where: string): void {
    const address = /([A-Z0-9_\-+.']+)@(([0-9]{1,3}\.){3}|([A-Z0-9-]+\.)+)[A-Z0-9][-A-Z0-9]*/i.exec(value);
    if (!address) this.error("InvalidContact", where, value);
    else if (!value.endsWith(")")) this.warn(value.includes(" ") ? "EmailFormat" : "MissingRealName", where, value);
  }

  /** eater: characters 0x80–0x9F and U+FFFD are a BadCharacters warning. */
  characters(value: string, where: string): void {
    if (/[\u0080-\u009F\uFFFD]/.test(value)) this.warn("BadCharacters", where);
  }

  once(parent: Element, names: readonly string[], where: string, ns: string | null): void {
    for (const name of names) if (children(parent, ns, name).length > 1) this.error("DuplicateElement", where, name);
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (ref[0] === "#")
      return String.fromCodePoint(
        ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10),
      );
    return named[ref.toLowerCase()] ?? whole;
  });
}

function elements(parent: Element): Element[] {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1);
}
function children(parent: Element, ns: string | null, name: string): Element[] {
  return elements(parent).filter((el) => el.namespaceURI === ns && el.localName === name);
}
function child(parent: Element, ns: string | null, name: string): Element | undefined {
  return children(parent, ns, name)[0];
}
const text = (el: Element | undefined): string => el?.textContent ?? "";

/** Checks every element's namespace: known namespaces only; RSS/Atom elements from their own sets. */
function checkNamespaces(c: Checker, el: Element, path: string): void {
  for (const node of elements(el)) {
    const where = `${path}/${node.prefix ? `${node.prefix}:` : ""}${node.localName}`;
    if (node.namespaceURI !== null && !KNOWN_NAMESPACES.has(node.namespaceURI) && node.namespaceURI !== el.namespaceURI)
      c.warn("UnknownNamespace", where, node.namespaceURI);
    if (node.localName.includes(":")) c.error("MissingNamespace", where);
    c.characters(
      Array.from(node.childNodes)
        .filter((n) => n.nodeType === 3 || n.nodeType === 4)
        .map((n) => n.nodeValue ?? "")
        .join(""),
      where,
    );
    checkNamespaces(c, node, where);
  }
}

function checkRss(c: Checker, rss: Element, options: CheckOptions): void {
  if (rss.getAttribute("version") !== "2.0") c.error("InvalidRSSVersion", "rss", rss.getAttribute("version") ?? "");
  const channels = children(rss, null, "channel");
  if (channels.length !== 1) {
    c.error(channels.length === 0 ? "MissingElement" : "DuplicateElement", "rss", "channel");
    return;
  }
  const channel = channels[0]!;
  for (const el of elements(channel))
    if (el.namespaceURI === null && !RSS_CHANNEL.has(el.localName))
      c.error("UndefinedElement", "channel", el.localName);
  c.once(channel, RSS_CHANNEL_ONCE, "channel", null);
  for (const [name, rule] of [
    ["title", "MissingTitle"],
    ["link", "MissingLink"],
    ["description", "MissingDescription"],
  ] as const) {
    if (!child(channel, null, name)) c.error(rule, "channel", name);
  }
  if (child(channel, null, "title") && text(child(channel, null, "title")).trim() === "")
    c.warn("NotBlank", "channel/title");
  const link = child(channel, null, "link");
  if (link) c.uri(text(link).trim(), "channel/link");
  c.plainText(text(child(channel, null, "title")), "channel/title");
  c.plainText(text(child(channel, null, "description")), "channel/description");
  const language = child(channel, null, "language");
  if (language && !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(text(language)))
    c.error("InvalidLanguage", "channel/language", text(language));
  for (const name of ["pubDate", "lastBuildDate"]) {
    const date = child(channel, null, name);
    if (date) c.rfc822(text(date), `channel/${name}`);
  }
  for (const name of ["managingEditor", "webMaster"]) {
    const contact = child(channel, null, name);
    if (contact) c.email(text(contact), `channel/${name}`);
  }
  const docs = child(channel, null, "docs");
  if (docs) c.uri(text(docs), "channel/docs");
  checkSelfLinks(c, children(channel, ATOM, "link"), "channel", options, "application/rss+xml", "MissingAtomSelfLink");

  const guids = new Set<string>();
  children(channel, null, "item").forEach((item, index) => {
    const where = `item[${index}]`;
    for (const el of elements(item))
      if (el.namespaceURI === null && !RSS_ITEM.has(el.localName)) c.error("UndefinedElement", where, el.localName);
    c.once(item, RSS_ITEM_ONCE, where, null);
    const title = child(item, null, "title");
    if (!title && !child(item, null, "description")) c.error("ItemMustContainTitleOrDescription", where);
    if (title) {
      if (text(title) === "") c.warn("NotBlank", `${where}/title`);
      c.plainText(text(title), `${where}/title`);
    }
    const author = child(item, null, "author");
    if (author) c.email(text(author), `${where}/author`);
    const itemLink = child(item, null, "link");
    if (itemLink) c.uri(text(itemLink).trim(), `${where}/link`);
    const pubDate = child(item, null, "pubDate");
    if (pubDate) c.rfc822(text(pubDate), `${where}/pubDate`);
    const description = child(item, null, "description");
    if (description) c.html(text(description), `${where}/description`);
    const encoded = child(item, CONTENT, "encoded");
    if (encoded) c.html(text(encoded), `${where}/content:encoded`);
    for (const category of children(item, null, "category")) {
      if (text(category) === "") c.warn("NotBlank", `${where}/category`);
      c.plainText(text(category), `${where}/category`);
    }
    const guid = child(item, null, "guid");
    if (!guid) c.warn("MissingGuid", where);
    else {
      const value = text(guid);
      const attr = guid.getAttribute("isPermaLink");
      if (attr !== null && attr !== "true" && attr !== "false")
        c.error("InvalidBooleanAttribute", `${where}/guid`, attr);
      if (attr !== "false") {
        if (c.uri(value, `${where}/guid`, "InvalidHttpGUID") && /^(tag|urn:uuid):/i.test(value))
          c.error("InvalidPermalink", `${where}/guid`, value);
      } else if (value.length < 9 && /^\d+$/.test(value)) c.warn("NotSufficientlyUnique", `${where}/guid`, value);
      if (value === "") c.warn("NotBlank", `${where}/guid`);
      if (guids.has(value)) c.error("DuplicateValue", `${where}/guid`, value);
      guids.add(value);
    }
    checkMedia(c, item, where);
  });
}

function checkMedia(c: Checker, parent: Element, where: string): void {
  for (const thumbnail of children(parent, MEDIA, "thumbnail")) {
    const url = thumbnail.getAttribute("url");
    if (url === null) c.error("MissingAttribute", `${where}/media:thumbnail`, "url");
    else c.uri(url, `${where}/media:thumbnail@url`);
    for (const attr of ["width", "height"]) {
      const value = thumbnail.getAttribute(attr);
      if (value !== null && !/^[1-9]\d*$/.test(value))
        c.error("InvalidPositiveInteger", `${where}/media:thumbnail@${attr}`, value);
    }
  }
}

function checkSelfLinks(
  c: Checker,
  links: Element[],
  where: string,
  options: CheckOptions,
  selfType: string,
  missingRule: string,
): void {
  for (const link of links) {
    const href = link.getAttribute("href");
    if (href === null) {
      c.error("MissingHref", `${where}/link`);
      continue;
    }
    c.uri(href, `${where}/link@href`, "InvalidIRI");
    const rel = link.getAttribute("rel") ?? "alternate";
    if (!ATOM_RELS.has(rel) && !RFC2396_FULL.test(rel)) c.warn("UnregisteredAtomLinkRel", `${where}/link@rel`, rel);
    const type = link.getAttribute("type");
    if (type !== null && !MIME.test(type)) c.error("InvalidMIMEType", `${where}/link@type`, type);
    if (rel === "self") {
      if (!/^\w+:/.test(href)) c.warn("RelativeSelf", `${where}/link`, href);
      if (options.location !== undefined && href !== options.location)
        c.warn("SelfDoesntMatchLocation", `${where}/link`, `${href} != ${options.location}`);
      if (type !== null && type !== selfType) c.warn("SelfNotAtom", `${where}/link@type`, type);
    }
    if (text(link).trim() !== "") c.warn("AtomLinkNotEmpty", `${where}/link`);
  }
  if (!links.some((link) => link.getAttribute("rel") === "self")) c.warn(missingRule, where);
}

function checkAtomText(c: Checker, el: Element | undefined, where: string): void {
  if (!el) return;
  const type = el.getAttribute("type") ?? "text";
  if (!["text", "html", "xhtml"].includes(type) && !MIME.test(type)) c.error("InvalidTextType", where, type);
  if (type === "html") c.html(text(el), where);
  else if (type === "text") c.plainText(text(el), where, "ContainsUndeclaredHTML");
}

function checkPerson(c: Checker, person: Element, where: string): void {
  const names = children(person, ATOM, "name");
  if (names.length === 0) c.error("MissingElement", where, "name");
  if (names.length > 1) c.error("DuplicateElement", where, "name");
  const uri = child(person, ATOM, "uri");
  if (uri) c.uri(text(uri), `${where}/uri`, "InvalidIRI");
}

/** Alternate links must differ in type or hreflang (RFC 4287 §4.1.1). */
function checkAlternates(c: Checker, links: Element[], where: string): void {
  const seen = new Set<string>();
  for (const link of links) {
    if ((link.getAttribute("rel") ?? "alternate") !== "alternate") continue;
    const key = `${link.getAttribute("type") ?? ""}|${link.getAttribute("hreflang") ?? ""}`;
    if (seen.has(key)) c.error("DuplicateAtomLink", where, key);
    seen.add(key);
  }
}

function checkAtomId(c: Checker, el: Element | undefined, where: string): string | undefined {
  if (!el) {
    c.error("MissingElement", where, "id");
    return undefined;
  }
  const value = text(el);
  if (value.trim() !== value) c.error("UnexpectedWhitespace", `${where}/id`);
  if (c.uri(value.trim(), `${where}/id`) && /^https?:/i.test(value)) {
    const canonical = new URL(value).href;
    if (canonical !== value) c.warn("NonCanonicalURI", `${where}/id`, `${value} (${canonical})`);
  }
  return value;
}

function checkAtom(c: Checker, feed: Element, options: CheckOptions): void {
  for (const el of elements(feed))
    if (el.namespaceURI === ATOM && !ATOM_FEED.has(el.localName)) c.error("UndefinedElement", "feed", el.localName);
  c.once(feed, ["id", "title", "updated", "subtitle", "rights", "generator", "icon", "logo"], "feed", ATOM);
  checkAtomId(c, child(feed, ATOM, "id"), "feed");
  if (!child(feed, ATOM, "title")) c.error("MissingElement", "feed", "title");
  checkAtomText(c, child(feed, ATOM, "title"), "feed/title");
  checkAtomText(c, child(feed, ATOM, "subtitle"), "feed/subtitle");
  const updated = child(feed, ATOM, "updated");
  if (!updated) c.error("MissingElement", "feed", "updated");
  else c.rfc3339(text(updated), "feed/updated");
  const feedAuthors = children(feed, ATOM, "author");
  for (const author of feedAuthors) checkPerson(c, author, "feed/author");
  const links = children(feed, ATOM, "link");
  checkSelfLinks(c, links, "feed", options, "application/atom+xml", "MissingSelf");
  checkAlternates(c, links, "feed");
  const generator = child(feed, ATOM, "generator");
  if (generator?.getAttribute("uri")) c.uri(generator.getAttribute("uri")!, "feed/generator@uri", "InvalidIRI");

  const ids = new Map<string, string>();
  children(feed, ATOM, "entry").forEach((entry, index) => {
    const where = `entry[${index}]`;
    for (const el of elements(entry))
      if (el.namespaceURI === ATOM && !ATOM_ENTRY.has(el.localName)) c.error("UndefinedElement", where, el.localName);
    c.once(entry, ["id", "title", "updated", "published", "summary", "content", "rights", "source"], where, ATOM);
    const id = checkAtomId(c, child(entry, ATOM, "id"), where);
    const entryUpdated = text(child(entry, ATOM, "updated"));
    if (id !== undefined) {
      if (ids.get(id) === entryUpdated) c.error("DuplicateIds", where, id);
      else if (ids.has(id)) c.warn("DuplicateEntries", where, id);
      ids.set(id, entryUpdated);
    }
    if (!child(entry, ATOM, "title")) c.error("MissingElement", where, "title");
    checkAtomText(c, child(entry, ATOM, "title"), `${where}/title`);
    if (!child(entry, ATOM, "updated")) c.error("MissingElement", where, "updated");
    else c.rfc3339(entryUpdated, `${where}/updated`);
    const published = child(entry, ATOM, "published");
    if (published) c.rfc3339(text(published), `${where}/published`);
    const authors = children(entry, ATOM, "author");
    for (const author of authors) checkPerson(c, author, `${where}/author`);
    if (authors.length === 0 && feedAuthors.length === 0 && !child(entry, ATOM, "source"))
      c.error("MissingElement", where, "author");
    const entryLinks = children(entry, ATOM, "link");
    for (const link of entryLinks) {
      const href = link.getAttribute("href");
      if (href === null) c.error("MissingHref", `${where}/link`);
      else c.uri(href, `${where}/link@href`, "InvalidIRI");
      const type = link.getAttribute("type");
      if (type !== null && !MIME.test(type)) c.error("InvalidMIMEType", `${where}/link@type`, type);
    }
    checkAlternates(c, entryLinks, where);
    const content = child(entry, ATOM, "content");
    if (!content && !entryLinks.some((link) => (link.getAttribute("rel") ?? "alternate") === "alternate"))
      c.error("MissingContentOrAlternate", where);
    if (content?.getAttribute("src") && !child(entry, ATOM, "summary")) c.error("MissingSummary", where);
    checkAtomText(c, content, `${where}/content`);
    checkAtomText(c, child(entry, ATOM, "summary"), `${where}/summary`);
    for (const category of children(entry, ATOM, "category")) {
      if (category.getAttribute("term") === null) c.error("MissingAttribute", `${where}/category`, "term");
      const scheme = category.getAttribute("scheme");
      if (scheme !== null) c.uri(scheme, `${where}/category@scheme`, "InvalidIRI");
    }
    checkMedia(c, entry, where);
  });
}

/** Checks an RSS 2.0 or Atom 1.0 document (its root element, or its XML) against the validator's rules. */
export function checkFeed(document: Element | string, options: CheckOptions = {}): FeedReport {
  const c = new Checker();
  const root =
    typeof document === "string"
      ? (create(document).node as unknown as { documentElement: Element }).documentElement
      : document;
  checkNamespaces(c, root, root.localName);
  if (root.localName === "rss" && root.namespaceURI === null) checkRss(c, root, options);
  else if (root.localName === "feed" && root.namespaceURI === ATOM) checkAtom(c, root, options);
  else c.error("UndefinedElement", "/", `${root.namespaceURI ?? ""} ${root.localName}`);
  return { errors: c.errors, warnings: c.warnings };
}

/** One line per problem, for readable test failures. */
export function describe(problems: readonly FeedProblem[]): string[] {
  return problems.map((p) => `${p.rule} at ${p.where}${p.detail ? `: ${p.detail}` : ""}`);
}
