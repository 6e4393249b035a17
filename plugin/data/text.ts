/**
 * Text hygiene shared by every output format. Data text is never trusted: it is cleaned once at
 * the validation edge (`cleanText`, `cleanLine`) and escaped at every output: HTML by
 * html/escape.ts, XML by the feeds' XML builder (`xmlValue`, feeds/xml.ts), JSON by `JSON.stringify`.
 */

// XML 1.0 forbids C0 controls except tab/newline/return, U+FFFE/U+FFFF and lone surrogates. DEL and
// the C1 controls are legal XML but parse errors in HTML and never meaningful in pasted text.
// Dropping them at the edge keeps HTML, XML and JSON output identical in content.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Printable ASCII with tab and newline is already clean and in NFC: most text takes this path.
const PLAIN_ASCII = /^[\t\n\x20-\x7E]*$/;

/**
 * Removes the characters XML 1.0 forbids (and DEL and C1 controls), turns CR and CRLF into LF
 * (XML parsers would do so anyway, so feeds read back what pages show), and normalises to NFC.
 */
export function cleanText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.replace(FORBIDDEN, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

// Line breaks and the ASCII blanks; no-break spaces are kept on purpose ("100 km").
const LINE_BLANKS = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;

/**
 * Single-line text (titles, names, tags): cleaned, with every run of line breaks and blanks made
 * one space, and trimmed. A newline means nothing in a title, and XML attribute values (Atom's
 * `<category term>`) would turn it into a space on reading anyway.
 */
export function cleanLine(text: string): string {
  const clean = cleanText(text);
  // Most titles have single spaces only: nothing to collapse, so no copy.
  return (UNUSUAL_BLANKS.test(clean) ? clean.replace(LINE_BLANKS, " ") : clean).trim();
}

// Anything LINE_BLANKS would change: a blank other than a space, or two spaces in a row.
const UNUSUAL_BLANKS = /[\t\n\v\f\r\u0085\u2028\u2029]| {2}/;

/**
 * The same text, made one block in memory. A string built from many pieces stays a tree of
 * pieces in V8 until something reads it whole, and copying such a tree into a page walks every
 * piece, every time (measured: ten times slower to join than a flat copy). For fragments reused
 * in many pages. Converting to a number reads the string whole, flattening it in place; the
 * result is not needed (the same trick as the `flatstr` package).
 */
export function flatten(text: string): string {
  Number(text);
  return text;
}

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * `replaced`, made from `source` by a replace, as a one-byte string when it holds only Latin-1.
 * V8 keeps a replace's result in its source's encoding: a two-byte source (one em dash) gives a
 * two-byte result even once every such character is a character reference, and one two-byte
 * piece makes the whole page two-byte when it is flattened (measured: half the page text of a 10k
 * build). The Latin-1 round trip copies it into a one-byte string; text with letters beyond
 * Latin-1 is left as it is.
 */
export function oneByteWhenLatin1(source: string, replaced: string): string {
  return BEYOND_LATIN1.test(source) && !BEYOND_LATIN1.test(replaced) ? Buffer.from(replaced, "latin1").toString("latin1") : replaced;
}

/** Latin letters beyond Latin-1: Latin Extended-A and -B, and Latin Extended Additional (Vietnamese). */
const LATIN_EXTENDED = /[\u0100-\u024f\u1e00-\u1eff]/g;

/**
 * Text in Latin letters with a few beyond Latin-1 ("Milan Jovanović", "Paweł Kowalski"), with
 * those few written as references (`reference` makes one from a code point: `&#263;`, `\u0107`),
 * as a one-byte string. One such letter in a source's name made every page and feed that shows it
 * a two-byte string, twice the memory while Eleventy holds it (measured: a third of a 10k bench
 * build's page text). Left as it is: text where they are common (one character in eight or more:
 * "Łódź", a Vietnamese title; referencing each would triple its bytes), and text with any other
 * character beyond Latin-1 (another script, an emoji), which stays two-byte whatever is done.
 * Readers see the same text either way.
 */
export function rareLettersAsReferences(text: string, reference: (codePoint: number) => string): string {
  if (!BEYOND_LATIN1.test(text)) return text;
  const count = text.match(LATIN_EXTENDED)?.length ?? 0;
  if (count === 0 || count * 8 > text.length) return text;
  const replaced = text.replace(LATIN_EXTENDED, (ch) => reference(ch.charCodeAt(0)));
  return BEYOND_LATIN1.test(replaced) ? text : Buffer.from(replaced, "latin1").toString("latin1");
}

/** A code point as an HTML or XML numeric character reference. */
export const markupReference = (codePoint: number): string => `&#${codePoint};`;

/** A character of the Basic Multilingual Plane as a JSON `\uXXXX` escape. */
export const jsonReference = (codePoint: number): string => `\\u${codePoint.toString(16).padStart(4, "0")}`;

/**
 * Typographic punctuation and arrows (dashes, curly quotes, ellipsis, ‹ ›, ← →: U+2010 to U+2027,
 * U+2030 to U+205E, U+2190 to U+21FF), which the pages and feeds write as character references
 * (`&#8212;`, `\u2014`): one such character, say the em dash of "Bench — Alerting", makes V8 keep
 * a whole page or feed as a two-byte string while Eleventy holds it. Readers see the same text.
 */
export const TYPOGRAPHIC = /[\u2010-\u2027\u2030-\u205e\u2190-\u21ff]/;

/** `TYPOGRAPHIC`'s ranges, to join into another character class (one class tests faster than an alternation). */
export const TYPOGRAPHIC_RANGES = TYPOGRAPHIC.source.slice(1, -1);

/** `TYPOGRAPHIC`, every match. */
export const TYPOGRAPHIC_ALL = new RegExp(TYPOGRAPHIC.source, "g");

/**
 * The escapers' one mechanism (HTML, XML, JSON): every character `needs` finds (`all` is its
 * global twin) replaced by `replacement`, one-byte when it can be, then rare letters beyond
 * Latin-1 as `reference`s. Most text has nothing to escape: a test is much cheaper than a replace.
 */
export function escapeWith(text: string, needs: RegExp, all: RegExp, replacement: (ch: string) => string, reference: (codePoint: number) => string): string {
  const escaped = needs.test(text) ? oneByteWhenLatin1(text, text.replace(all, replacement)) : text;
  return rareLettersAsReferences(escaped, reference);
}

/** One character as a JSON `\uXXXX` escape. */
const jsonEscape = (ch: string): string => jsonReference(ch.charCodeAt(0));

/**
 * JSON text with the characters `unsafe` matches (typographic punctuation by default; `unsafeAll`
 * is its global twin) and a few letters beyond Latin-1 (see `rareLettersAsReferences`) as `\uXXXX`
 * escapes, which JSON reads back exactly; one-byte when it can be.
 */
export function escapeJson(json: string, unsafe: RegExp = TYPOGRAPHIC, unsafeAll: RegExp = TYPOGRAPHIC_ALL): string {
  return escapeWith(json, unsafe, unsafeAll, jsonEscape, jsonReference);
}
