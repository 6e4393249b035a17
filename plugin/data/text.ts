/**
 * Text hygiene shared by every output format. Data text is never trusted: it is cleaned once at
 * the validation edge (`cleanText`, `cleanLine`) and escaped at every output: HTML by
 * render/escape.ts, XML by the XML builder (`xmlValue`, render/xml.ts), JSON by `JSON.stringify`.
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
