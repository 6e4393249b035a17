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
  let out = "";
  for (const item of value as readonly HtmlValue[]) out += write(item);
  return out;
}

/**
 * HTML with every interpolation escaped: `html\`<h1>${title}</h1>\`` writes `<` in a title as
 * `&lt;`. Arrays are written item after item; `false`, `null` and `undefined` write nothing, so
 * `${cond && html\`…\`}` reads naturally.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += write(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** The explicit safe marker: `markup` is written as it is. Only for markup made by trusted code. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Items written one after another (each escaped unless safe), `separator` between them. */
export function joinHtml(items: readonly HtmlValue[], separator: SafeHtml = EMPTY): SafeHtml {
  let out = "";
  for (let i = 0; i < items.length; i++) out += (i > 0 ? separator.markup : "") + write(items[i]!);
  return new SafeHtml(out);
}
