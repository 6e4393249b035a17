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
  // Not pretty-printed: an item is serialised once and reused in every feed that carries it,
  // whatever its depth there. Each item goes on a line of its own (see `renderXml`).
  format: false,
  suppressEmptyNode: true,
  processEntities: false,
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
 * `channel`), one per line.
 */
export function renderXml(root: XmlElement, container: string, children: readonly string[]): string {
  const xml = builder.build(root);
  // Every text and attribute value is escaped, so a raw `</channel>` can only be the element's own.
  const closing = xml.lastIndexOf(`</${container}>`);
  if (closing < 0) throw new Error(`renderXml: no </${container}> in the document`);
  const inner = children.length > 0 ? `\n${children.join("\n")}\n` : "";
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml.slice(0, closing)}${inner}${xml.slice(closing)}\n`;
}
