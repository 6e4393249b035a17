/**
 * One set of head metadata on a digest page in a host layout. Blogs print their own description,
 * canonical link, Open Graph and Twitter tags and icons in their base layout; on a digest page those
 * say the blog's values (another canonical URL, the blog's description). After every page is
 * rendered into its layout, a transform on the digest's pages only keeps the digest's tags of each
 * kind the digest says and drops the layout's, so no layout needs editing; where the layout does not
 * print `{% digestHead %}`, the transform puts the digest's metadata at the end of the `<head>`.
 * Pure string work over the head (the tags are the layout's plain `<meta>`, `<link>` and `<title>`).
 */

/** The attribute that marks the digest's own head tags between `digestHead` and the transform (removed by it). */
export const HEAD_MARK = "data-dg-head";

/** The digest's head metadata with every tag marked as the digest's. */
export function markHeadTags(markup: string): string {
  return markup.replace(/<(meta|link|script)(?=[\s>])/g, `<$1 ${HEAD_MARK}`);
}

const MARKS = new RegExp(` ${HEAD_MARK}(?:=""|='')?`, "g");

/**
 * Head metadata added after Eleventy's HTML transforms: the `eleventy:ignore` that keeps the
 * JSON-LD from the bundle plugin has no transform left to remove it, and none is needed.
 */
function afterTransforms(digestHead: string): string {
  return digestHead.replace(/ eleventy:ignore(?:="")?(?=[\s>])/g, "");
}

const TAG = /<title\b[^>]*>[\s\S]*?<\/title\s*>|<(?:meta|link)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

/** A head tag's attributes, names lower-cased. */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const inner = tag.replace(/^<\w+/, "").replace(/\/?>[\s\S]*$/, "");
  for (const match of inner.matchAll(ATTRIBUTE))
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  return attributes;
}

/** Twitter tags that say what Open Graph says (a card, a title…), not who the site is (`twitter:site`, `twitter:creator`). */
const TWITTER_CARD_KEYS = new Set(["card", "title", "description", "image", "image:alt", "url"]);

/**
 * What a head tag says, as one key per kind the digest replaces: `title`, `description`,
 * `canonical`, `og` (the whole Open Graph set), `twitter` (the card), `icon` (the icon set);
 * undefined for any other tag (the host's feed links, scripts, `twitter:site`…), which stays.
 */
export function headTagKind(tag: string): string | undefined {
  if (/^<title/i.test(tag)) return "title";
  const attributes = attributesOf(tag);
  if (/^<meta/i.test(tag)) {
    const name = (attributes.get("property") ?? attributes.get("name") ?? "").toLowerCase();
    if (name === "description") return "description";
    if (name.startsWith("og:")) return "og";
    if (name.startsWith("twitter:") && TWITTER_CARD_KEYS.has(name.slice(8))) return "twitter";
    return undefined;
  }
  const rel = (attributes.get("rel") ?? "").toLowerCase().split(/\s+/);
  if (rel.includes("canonical")) return "canonical";
  if (rel.some((token) => token === "icon" || token === "apple-touch-icon" || token === "mask-icon")) return "icon";
  return undefined;
}

/**
 * `page` (a digest page in a host layout) with one set of head metadata: the digest's tags (marked,
 * from `digestHead`, or `digestHead` added before `</head>` when the layout does not print it), none of
 * the layout's tags of a kind the digest says, and the first `<title>` only. The marks are removed.
 */
export function withOneHead(page: string, digestHead: string): string {
  let end = page.search(/<\/head\s*>/i);
  if (end < 0) end = page.search(/<body[\s>]/i);
  if (end < 0) return page;
  let head = page.slice(0, end);
  const rest = page.slice(end);
  if (!page.includes(HEAD_MARK) && digestHead !== "") head = `${head}${markHeadTags(afterTransforms(digestHead))}\n`;
  const tags = [...head.matchAll(TAG)].map((match) => ({
    text: match[0],
    at: match.index,
    kind: headTagKind(match[0]),
    ours: match[0].includes(HEAD_MARK),
  }));
  const digestKinds = new Set(tags.filter((tag) => tag.ours && tag.kind !== undefined).map((tag) => tag.kind));
  let titles = 0;
  const dropped = tags.filter((tag) => {
    if (tag.kind === "title") return ++titles > 1;
    return !tag.ours && tag.kind !== undefined && digestKinds.has(tag.kind);
  });
  // From the end, so earlier offsets stay right; a tag alone on its line takes its line with it.
  for (const tag of dropped.reverse()) {
    let from = tag.at;
    let to = tag.at + tag.text.length;
    const lineStart = head.lastIndexOf("\n", from - 1) + 1;
    const lineEnd = head.indexOf("\n", to);
    if (/^[ \t]*$/.test(head.slice(lineStart, from)) && lineEnd >= 0 && /^[ \t]*$/.test(head.slice(to, lineEnd))) {
      from = lineStart;
      to = lineEnd + 1;
    }
    head = head.slice(0, from) + head.slice(to);
  }
  // An HTML transformer (Eleventy's own, posthtml) writes the mark back as `data-dg-head=""`.
  return (head + rest).replace(MARKS, "");
}
