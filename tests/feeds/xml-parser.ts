/**
 * A strict XML 1.0 parser for the tests: Chromium's (libxml2-based) DOMParser in `application/xml`
 * mode. It rejects what lenient JavaScript parsers let through (undefined entities, forbidden
 * characters, `]]>` in text, undeclared prefixes), and it decodes text exactly once, which
 * xmlbuilder2's own parser does not (it reads `&amp;#60;` as `<`). Parsed documents come back as a
 * light, namespace-aware DOM.
 */
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";

/** The DOM a parsed document offers (what the feed rules and round-trip checks read). */
export interface XmlNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlNode>;
}
export interface XmlElement extends XmlNode {
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly prefix: string | null;
  getAttribute(name: string): string | null;
}

export type ParseResult = { readonly root: XmlElement } | { readonly error: string };

export interface XmlParser {
  /** Parses each document: its root element, or the parser's first error. */
  parse(documents: readonly string[]): Promise<ParseResult[]>;
  close(): Promise<void>;
}

/** A node as it crosses from the page: type, namespace, names, attributes, value, children. */
interface Dumped {
  t: number;
  ns: string | null;
  ln: string;
  px: string | null;
  a: [string, string][];
  v: string | null;
  c: Dumped[];
}

/**
 * Runs in the page: parses each document and dumps it as JSON (one string across the boundary is
 * much faster than Playwright's structured cloning of a deep tree). Plain JavaScript source, so no
 * transpiler helper (such as esbuild's `__name`) can leak into the page.
 */
const PAGE_SCRIPT = `(docs) => {
  const dump = (node) => ({
    t: node.nodeType,
    ns: node.namespaceURI,
    ln: node.localName || "",
    px: node.prefix,
    a: node.attributes ? Array.from(node.attributes, (attr) => [attr.name, attr.value]) : [],
    v: node.nodeValue,
    c: node.nodeType === 1 ? Array.from(node.childNodes).filter((child) => [1, 3, 4].includes(child.nodeType)).map(dump) : [],
  });
  return JSON.stringify(docs.map((xml) => {
    const parsed = new DOMParser().parseFromString(xml, "application/xml");
    const error = parsed.getElementsByTagName("parsererror")[0];
    return error ? { error: error.textContent || "parser error" } : { root: dump(parsed.documentElement) };
  }));
}`;

function revive(node: Dumped): XmlElement {
  const childNodes = node.c.map(revive);
  const attributes = new Map(node.a);
  return {
    nodeType: node.t,
    nodeValue: node.v,
    namespaceURI: node.ns,
    localName: node.ln,
    prefix: node.px,
    childNodes,
    get textContent(): string {
      return node.t === 1 ? childNodes.map((child) => child.textContent ?? "").join("") : (node.v ?? "");
    },
    getAttribute: (name: string) => attributes.get(name) ?? null,
  };
}

export async function openXmlParser(): Promise<XmlParser> {
  const browser: Browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args.filter((arg) => arg !== "--single-process"),
  });
  const page = await browser.newPage();
  return {
    async parse(documents) {
      const json = (await page.evaluate(`(${PAGE_SCRIPT})(${JSON.stringify(documents)})`)) as string;
      const dumped = JSON.parse(json) as ({ error: string } | { root: Dumped })[];
      return dumped.map(
        (result): ParseResult => ("error" in result ? { error: result.error } : { root: revive(result.root) }),
      );
    },
    close: () => browser.close(),
  };
}

/** The direct child elements of `parent` named `name` (any namespace when `ns` is omitted). */
export function childElements(parent: XmlElement, name: string, ns?: string | null): XmlElement[] {
  return Array.from(parent.childNodes).filter(
    (node): node is XmlElement =>
      node.nodeType === 1 &&
      (node as XmlElement).localName === name &&
      (ns === undefined || (node as XmlElement).namespaceURI === ns),
  );
}
