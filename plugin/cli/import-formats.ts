/**
 * Links from the files publishers already keep, for `import`: RSS 2.0, RSS 1.0 and Atom (read
 * with fast-xml-parser, which the feeds already use), JSON Feed 1.x, Netscape bookmarks HTML
 * (what browsers, Pocket, Raindrop and Pinboard export; read with htmlparser2) and CSV exports
 * (Raindrop, Instapaper, Readwise, Pocket; read with Papa Parse). The format is told from the
 * content, not the file name.
 */
import { XMLParser } from "fast-xml-parser";
import { Parser } from "htmlparser2";
import Papa from "papaparse";

/** One link found in an import file. */
export interface ImportedLink {
  readonly url: string;
  readonly title?: string;
  readonly summary?: string;
  readonly tags?: readonly string[];
  /** ISO 8601, when the file dates the link. */
  readonly published?: string;
}

export type ImportFormat = "rss" | "atom" | "json-feed" | "bookmarks" | "csv";

/** A file that is none of the formats, or is broken: said in a sentence. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFormatError";
  }
}

/** The format of `text` by its first characters. */
export function detectFormat(text: string): ImportFormat {
  const head = text
    .replace(/^\ufeff/, "")
    .trimStart()
    .slice(0, 2048);
  if (head.startsWith("{")) return "json-feed";
  if (/<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(head) || /<DT>\s*<A\s/i.test(head)) return "bookmarks";
  if (/<(?:[\w-]+:)?feed[\s>]/.test(head)) return "atom";
  if (/<rss[\s>]|<(?:rdf:)?RDF[\s>]/.test(head)) return "rss";
  if (head.startsWith("<"))
    throw new ImportFormatError("an XML or HTML file that is not an RSS/Atom feed or a Netscape bookmarks file");
  return "csv";
}

/** Every link in `text`, in the file's order, with the format found. */
export function readImportFile(text: string): { format: ImportFormat; links: ImportedLink[] } {
  const format = detectFormat(text);
  const body = text.replace(/^\ufeff/, "");
  const links =
    format === "json-feed"
      ? readJsonFeed(body)
      : format === "bookmarks"
        ? readBookmarks(body)
        : format === "csv"
          ? readCsv(body)
          : readXmlFeed(body);
  return { format, links };
}

/** A JSON Feed 1.0/1.1: `items[].url` (else `external_url`), title, summary, tags, date_published. */
function readJsonFeed(text: string): ImportedLink[] {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch (error) {
    throw new ImportFormatError(`not valid JSON: ${(error as Error).message}`);
  }
  const items = (feed as { items?: unknown }).items;
  if (!Array.isArray(items)) throw new ImportFormatError('a JSON file without "items": expected a JSON Feed');
  return items.flatMap((item: Record<string, unknown>) => {
    const url = str(item.url) ?? str(item.external_url);
    if (url === undefined) return [];
    return [
      link(
        url,
        str(item.title),
        str(item.summary),
        Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === "string") : undefined,
        str(item.date_published),
      ),
    ];
  });
}

/** RSS 2.0, RSS 1.0 (RDF) and Atom, by their standard elements. */
function readXmlFeed(text: string): ImportedLink[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    isArray: (name) => ["item", "entry", "link", "category"].includes(name),
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text, true) as Record<string, unknown>;
  } catch (error) {
    throw new ImportFormatError(`not well-formed XML: ${(error as Error).message}`);
  }
  const rss = doc.rss as { channel?: { item?: unknown[] } } | undefined;
  const rdf = doc.RDF as { item?: unknown[] } | undefined;
  const atom = doc.feed as { entry?: unknown[] } | undefined;
  const items = (rss?.channel?.item ?? rdf?.item ?? atom?.entry ?? []) as Record<string, unknown>[];
  return items.flatMap((item) => {
    const url = atomLink(item.link) ?? str(item.guid);
    if (url === undefined) return [];
    const categories = (item.category as unknown[] | undefined)
      ?.map((category) => str(category) ?? str((category as Record<string, unknown>)["@term"]))
      .filter((tag): tag is string => tag !== undefined);
    const date = str(item.pubDate) ?? str(item.published) ?? str(item.updated) ?? str(item.date);
    // RSS descriptions are HTML; Atom says so with type="html" (or "xhtml").
    const description = str(item.description) ?? str(item.summary);
    const summary =
      description !== undefined && (item.description !== undefined || isHtmlTyped(item.summary))
        ? htmlToText(description)
        : description;
    const title = str(item.title);
    return [
      link(url, title !== undefined && isHtmlTyped(item.title) ? htmlToText(title) : title, summary, categories, date),
    ];
  });
}

/** An Atom text construct marked as HTML. */
function isHtmlTyped(value: unknown): boolean {
  const type = typeof value === "object" && value !== null ? (value as Record<string, unknown>)["@type"] : undefined;
  return type === "html" || type === "xhtml";
}

/** The text of an HTML fragment (entities decoded, tags dropped, scripts and styles left out). */
function htmlToText(fragment: string): string {
  let text = "";
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "script" || name === "style") skipping++;
      },
      ontext(value) {
        if (skipping === 0) text += value;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skipping--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(fragment);
  parser.end();
  return text.replace(/\s+/g, " ").trim();
}

/** An RSS `<link>` text, or Atom's `rel="alternate"` (or first) `<link href>`. */
function atomLink(value: unknown): string | undefined {
  const links = (Array.isArray(value) ? value : [value]) as unknown[];
  for (const candidate of links) {
    if (typeof candidate === "string") return candidate.trim() || undefined;
  }
  const objects = links.filter(
    (candidate): candidate is Record<string, unknown> => typeof candidate === "object" && candidate !== null,
  );
  const alternate = objects.find((candidate) => (candidate["@rel"] ?? "alternate") === "alternate") ?? objects[0];
  return str(alternate?.["@href"]) ?? str(alternate?.["#text"]);
}

/**
 * Netscape bookmarks: `<DT><A HREF ADD_DATE TAGS>title</A>` with an optional `<DD>` description.
 * Folders (`<H3>`) are not tags: exports put everything in folders, and `TAGS` says what the user tagged.
 */
function readBookmarks(text: string): ImportedLink[] {
  const links: { url: string; title: string; tags?: string[]; summary?: string }[] = [];
  let current: (typeof links)[number] | undefined;
  let inLink = false;
  let inDescription = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "a" && attributes.href) {
          inLink = true;
          // ADD_DATE is when it was bookmarked, not when it was published: not a `published` date.
          current = {
            url: attributes.href,
            title: "",
            ...(attributes.tags && {
              tags: attributes.tags
                .split(",")
                .map((tag) => tag.trim())
                .filter((tag) => tag !== ""),
            }),
          };
          links.push(current);
        } else if (name === "dd" && current) {
          inDescription = true;
          current.summary = "";
        } else if (name === "dt" || name === "h3" || name === "dl") inDescription = false;
      },
      ontext(value) {
        if (inLink && current) current.title += value;
        else if (inDescription && current) current.summary += value;
      },
      onclosetag(name) {
        if (name === "a") inLink = false;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  return links.map((found) => link(found.url, found.title, found.summary, found.tags, undefined));
}

/** Column names of the documented exports, by what they hold (compared in lower case). */
const CSV_COLUMNS = {
  url: ["url", "link", "href", "address"],
  title: ["title", "name", "book title"],
  summary: ["excerpt", "note", "description", "summary", "selection"],
  tags: ["tags", "document tags", "tag"],
  // Publication dates only: the exports' created / time_added / Timestamp / Saved date say when the link was saved.
  date: ["published", "published date", "date published", "publication date", "published_at"],
} as const;

/**
 * CSV with a header row: Raindrop (`url`, `title`, `excerpt`, `note`, `tags`), Instapaper (`URL`,
 * `Title`, `Selection`), Readwise Reader (`URL`, `Title`, `Document tags`), Pocket (`url`, `title`,
 * `tags` with `|`). Their dates say when a link was saved, so only a column named for a
 * publication date becomes `published`.
 */
function readCsv(text: string): ImportedLink[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const [header, ...rows] = parsed.data;
  if (header === undefined) throw new ImportFormatError("an empty file");
  const names = header.map((name) => name.trim().toLowerCase());
  const column = (candidates: readonly string[]) =>
    candidates.map((candidate) => names.indexOf(candidate)).find((index) => index >= 0);
  const url = column(CSV_COLUMNS.url);
  if (url === undefined)
    throw new ImportFormatError(
      `a CSV file without a URL column (its columns: ${header.join(", ")}); expected one named url, link or href`,
    );
  const title = column(CSV_COLUMNS.title);
  const summary = column(CSV_COLUMNS.summary);
  const tags = column(CSV_COLUMNS.tags);
  const date = column(CSV_COLUMNS.date);
  return rows.flatMap((row) => {
    const href = row[url]?.trim();
    if (!href) return [];
    return [
      link(
        href,
        at(row, title),
        at(row, summary),
        tags === undefined ? undefined : splitTags(row[tags] ?? ""),
        dateOf(at(row, date)),
      ),
    ];
  });
}

function at(row: readonly string[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : str(row[index]);
}

/** `a, b`, `a|b`, or Readwise's `['a', 'b']`. */
function splitTags(value: string): string[] {
  return value
    .replace(/^\s*\[|\]\s*$/g, "")
    .split(/[,|]/)
    .map((tag) =>
      tag
        .trim()
        .replace(/^['"]|['"]$/g, "")
        .trim(),
    )
    .filter((tag) => tag !== "");
}

/** A CSV date: Unix seconds (Instapaper, Pocket) or a date string as written. */
function dateOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{9,11}$/.test(value)) return unixDate(Number(value));
  return value;
}

function unixDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "Z");
}

function str(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && value !== null && "#text" in value)
    return str((value as Record<string, unknown>)["#text"]);
  return undefined;
}

function link(
  url: string,
  title: string | undefined,
  summary: string | undefined,
  tags: readonly string[] | undefined,
  published: string | undefined,
): ImportedLink {
  const cleanTitle = title?.trim();
  const cleanSummary = summary?.trim();
  return {
    url: url.trim(),
    ...(cleanTitle && { title: cleanTitle }),
    ...(cleanSummary && { summary: cleanSummary }),
    ...(tags !== undefined && tags.length > 0 && { tags }),
    ...(published !== undefined && { published }),
  };
}
