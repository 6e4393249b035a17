/**
 * Text hygiene shared by every output format. Data text is never trusted: it is cleaned once at
 * the validation edge (`cleanText`) and escaped at every output (`escapeHtml`).
 */

// XML 1.0 forbids C0 controls except tab/newline/return, U+FFFE/U+FFFF and lone surrogates.
// Dropping them at the edge keeps HTML, XML and JSON output identical in content.
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Printable ASCII (and tab, newline, return) is already clean and in NFC: most text takes this path.
const PLAIN_ASCII = /^[\t\n\r\x20-\x7E]*$/;

/** Removes the characters XML 1.0 forbids (and DEL), and normalises to NFC. */
export function cleanText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.replace(XML_FORBIDDEN, "").normalize("NFC");
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML and XML, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Text for xmlbuilder2's `txt()` and attribute values. xmlbuilder2 leaves an `&` that already
 * starts an entity (`&lt;`, `&amp;`, `&#39;`) as it is, so text holding escaped HTML (a feed
 * item's description) or a literal "&lt;" in a title would lose one level of escaping and
 * `&lt;script&gt;` would reach readers as `<script>`. Escaping every `&` first makes the
 * serialised XML decode back to exactly `text`.
 */
export function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;");
}
