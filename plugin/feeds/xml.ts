/**
 * XML for the feeds, serialised by fast-xml-parser's XMLBuilder from plain objects (`@name` for
 * attributes, `#text` for text beside attributes, arrays for repeated elements). Its own entity
 * handling is off: every text and attribute value goes through `xmlValue`, so what is escaped,
 * and how, is decided here once.
 */
import { XMLBuilder } from "fast-xml-parser";

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;" };
const NEEDS_ESCAPE = /[&<>"\r]/;

/**
 * Text or attribute value for XML: `&`, `<`, `>`, `"` escaped, and carriage returns as `&#13;`
 * (parsers turn a literal CR into LF; only the reference brings it back exactly). Every `&` is
 * escaped, so text that looks like an entity (`&lt;`, `&nbsp;`) reads back as written.
 */
export function xmlValue(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"\r]/g, (ch) => XML_ESCAPES[ch]!) : text;
}

/** An element: attributes as `@name`, child elements by name (arrays repeat them), text as `#text`. */
export interface XmlElement {
  readonly [name: string]: string | XmlElement | readonly (string | XmlElement)[] | undefined;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  processEntities: false,
  // Without this, an attribute whose value is "true" is printed bare (`<guid isPermaLink>`), not XML.
  suppressBooleanAttributes: false,
});

/** A whole XML document: the declaration, then `root` (one element, by name), then a newline. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(root).replace(/^\n/, "")}`;
}
