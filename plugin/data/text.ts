/**
 * Text hygiene shared by every output format. Data text is never trusted: it is cleaned once at
 * the validation edge (`cleanText`, `cleanLine`) and escaped at every output: HTML by `escapeHtml`
 * here, XML by the feeds' XML builder (`xmlValue`, feeds/xml.ts), JSON by `JSON.stringify`.
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

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const NEEDS_ESCAPE = /[&<>"'\u2010-\u2027\u2030-\u205e\u2190-\u21ff]/;
const ESCAPED = /[&<>"'\u2010-\u2027\u2030-\u205e\u2190-\u21ff]/g;

/**
 * Escapes text for HTML, in element content and in quoted attributes alike (HTML only: its
 * character references are not all XML's; feeds escape through `xmlValue`). Visible typographic
 * punctuation and arrows (dashes, curly quotes, ellipsis, ‹ ›, ← →: U+2010 to U+2027, U+2030 to
 * U+205E, U+2190 to U+21FF) become numeric character references: one such character makes V8 keep
 * a whole page as a two-byte string, so English pages written this way take half the memory while
 * Eleventy holds them, and encode faster. The page reads the same; letters of any script, spaces,
 * joiners and direction marks are left as they are.
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is much cheaper than a replace with a callback.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (ch) => HTML_ESCAPES[ch] ?? `&#${ch.charCodeAt(0)};`) : text;
}

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
