/**
 * XML for the feeds, serialised by fast-xml-builder's XMLBuilder from plain objects (`@name` for
 * attributes, `#text` for text beside attributes, arrays for repeated elements). Callers give raw
 * text: the builder itself passes every text and attribute value through `xmlValue` (its own
 * entity handling is off), so what is escaped, and how, is decided here once, and a caller cannot
 * forget to escape.
 */
import XMLBuilder from "fast-xml-builder";

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\r": "&#13;",
};
const NEEDS_ESCAPE = /[&<>"\r]/;
const ESCAPED = /[&<>"\r]/g;
/** In element text a `"` is only a character: escaping it there (a feed item's HTML is full of them) only adds bytes. */
const NEEDS_TEXT_ESCAPE = /[&<>\r]/;
const TEXT_ESCAPED = /[&<>\r]/g;

/**
 * The XML escaper of attribute values (`xmlText` is its twin for element text), applied by the
 * builder below to every value (callers never call them, or text would be escaped twice): `&`,
 * `<`, `>`, `"` escaped, and carriage returns as `&#13;` (parsers turn a literal CR into LF; only
 * the reference brings it back exactly). Every `&` is escaped, so text that looks like an entity
 * (`&lt;`, `&nbsp;`) reads back as written. Every other character is written as the data says;
 * feeds are UTF-8.
 */
export function xmlValue(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, xmlReference) : text;
}

/** `xmlValue` for element text, where `"` needs no escape. */
export function xmlText(text: string): string {
  return NEEDS_TEXT_ESCAPE.test(text) ? text.replace(TEXT_ESCAPED, xmlReference) : text;
}

/** The entity or character reference for one character that needs one. */
function xmlReference(ch: string): string {
  return XML_ESCAPES[ch]!;
}

/** A text or attribute value, unescaped: numbers and booleans are written as `String` writes them. */
export type XmlText = string | number | boolean;

/**
 * An element: attributes as `@name`, child elements by name (arrays repeat them), text as `#text`.
 * Every value is raw text; the builder escapes it.
 */
export interface XmlElement {
  readonly [name: string]: XmlText | XmlElement | readonly (XmlText | XmlElement)[] | undefined;
}

/** What the builder does with each attribute value it writes: `xmlValue`, whatever the type. */
function escapeValue(_name: string, value: unknown): string {
  return xmlValue(String(value));
}

/** What the builder does with each element's text: `xmlText`, whatever the type. */
function escapeText(_name: string, value: unknown): string {
  return xmlText(String(value));
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  // Not pretty-printed: feed readers need no indentation, and an item's XML is then the same at
  // any depth. Each item goes on a line of its own (see `renderXml`).
  format: false,
  suppressEmptyNode: true,
  // Escaping is ours, through `xmlValue` (attributes) and `xmlText` (element text). The
  // builder still writes `'` in an attribute as `&apos;` on its own: harmless, and always so.
  processEntities: false,
  tagValueProcessor: escapeText,
  attributeValueProcessor: escapeValue,
  // Without this, an attribute whose value is "true" is printed bare (`<guid isPermaLink>`), not XML.
  suppressBooleanAttributes: false,
});

/** One element, by name, as XML text: `<item>…</item>`. */
export function renderXmlElement(name: string, element: XmlElement): string {
  return builder.build({ [name]: element });
}

/**
 * A whole XML document: the declaration, then `root` (one element, by name), with `children`
 * (elements serialised by `renderXmlElement`) added at the end of its `container` element (e.g.
 * `channel`), one per line. Joined at once, as `html` joins a page (see there).
 */
export function renderXml(root: XmlElement, container: string, children: readonly string[]): string {
  const xml = builder.build(root);
  // Every text and attribute value is escaped, so a raw `</channel>` can only be the element's own.
  const closing = xml.lastIndexOf(`</${container}>`);
  if (closing < 0) throw new Error(`renderXml: no </${container}> in the document`);
  const inner = children.length > 0 ? ["", ...children, ""].join("\n") : "";
  return ['<?xml version="1.0" encoding="utf-8"?>\n', xml.slice(0, closing), inner, xml.slice(closing), "\n"].join("");
}
