/**
 * Escaping by default: every page, card and feed-content fragment is written with the `html`
 * tagged template, which escapes every interpolated value unless it is already `SafeHtml`. Markup
 * becomes `SafeHtml` only by being written with `html`, or by an explicit `trustedHtml(...)` at the
 * few places that hold markup made elsewhere (our Markdown renderer, a host's `renderItem`, the
 * theme's CSS, JSON-LD). So a hostile title cannot reach a page unescaped by a forgotten call:
 * forgetting gives escaped text, not markup.
 */
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPED = /[&<>"']/g;

/**
 * Escapes text for HTML, in element content and in quoted attributes alike (HTML only: feeds
 * escape XML through `xmlValue`): `& < > " '`, nothing else. Every other character is written as
 * the data says; pages are UTF-8.
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is cheaper than a replace that changes nothing.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (ch) => HTML_ESCAPES[ch]!) : text;
}

/** Markup that is safe to write as it is. Made only by `html`, `trustedHtml` and `joinHtml`. */
export class SafeHtml {
  /** @internal Use `html` or `trustedHtml`. */
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const EMPTY = new SafeHtml("");

/** What a template may interpolate: text and numbers are escaped; nothing-values write nothing. */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

/** One interpolated value as markup: SafeHtml as is, text escaped, arrays item by item. */
function write(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined || value === false) return "";
  if (!Array.isArray(value)) return escapeHtml(String(value)); // from untyped code: text, like any other
  return (value as readonly HtmlValue[]).map(write).join("");
}

/**
 * HTML with every interpolation escaped: `html\`<h1>${title}</h1>\`` writes `<` in a title as
 * `&lt;`. Arrays are written item after item; `false`, `null` and `undefined` write nothing, so
 * `${cond && html\`…\`}` reads naturally. The parts are joined into one string at once rather
 * appended one by one: a page is kept by Eleventy until its build ends, and appended text is held
 * as the tree of its pieces (docs/performance.md has the figure).
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  const parts: string[] = [strings[0]!];
  for (let i = 0; i < values.length; i++) parts.push(write(values[i]!), strings[i + 1]!);
  return new SafeHtml(parts.join(""));
}

/** The explicit safe marker: `markup` is written as it is. Only for markup made by trusted code. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Items written one after another (each escaped unless safe), `separator` between them. */
export function joinHtml(items: readonly HtmlValue[], separator: SafeHtml = EMPTY): SafeHtml {
  return new SafeHtml(items.map(write).join(separator.markup));
}
