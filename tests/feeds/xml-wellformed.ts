/**
 * Strict XML 1.0 well-formedness, by a real XML parser: Chromium's (libxml2-based) DOMParser in
 * `application/xml` mode, which rejects what lenient JavaScript parsers let through (undefined
 * entities, forbidden characters, `]]>` in text, undeclared namespace prefixes).
 */
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";

// The browser's DOMParser, as the page sees it (the tests' TypeScript has no DOM library).
declare const DOMParser: new () => {
  parseFromString(xml: string, type: "application/xml"): { getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }> };
};

export interface XmlParser {
  /** For each document: `null` when well-formed, else the parser's first error. */
  check(documents: readonly string[]): Promise<(string | null)[]>;
  close(): Promise<void>;
}

export async function openXmlParser(): Promise<XmlParser> {
  const browser: Browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args.filter((arg) => arg !== "--single-process"),
  });
  const page = await browser.newPage();
  return {
    check: (documents) =>
      page.evaluate(
        (docs) =>
          docs.map((xml) => {
            const parsed = new DOMParser().parseFromString(xml, "application/xml");
            const error = parsed.getElementsByTagName("parsererror")[0];
            return error ? (error.textContent ?? "parser error") : null;
          }),
        [...documents],
      ),
    close: () => browser.close(),
  };
}
