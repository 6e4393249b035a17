/**
 * `Wording`: the words of one build (`DigestStrings`) with the locale's numbers, plurals and
 * placeholders. Apart from model/strings.ts, which holds only the words themselves.
 */
import type { DigestStrings, PluralForms } from "../model/strings.js";

/** Formats numbers, plurals and dates' placeholders in one locale. */
export class Wording {
  private readonly numbers: Intl.NumberFormat;
  private readonly formatted = new Map<number, string>();
  private readonly plurals: Intl.PluralRules;
  private readonly pluralRules = new Map<number, Intl.LDMLPluralRule>();
  private readonly templates = new Map<string, readonly string[]>();
  constructor(
    readonly locale: string,
    readonly strings: DigestStrings,
  ) {
    this.numbers = new Intl.NumberFormat(locale);
    this.plurals = new Intl.PluralRules(locale);
  }
  number(n: number): string {
    // Ranks, page numbers and counts repeat on every page; Intl formatting is not free.
    let text = this.formatted.get(n);
    if (text === undefined) {
      text = this.numbers.format(n);
      if (this.formatted.size < 10_000) this.formatted.set(n, text);
    }
    return text;
  }
  /** Fills `{name}` placeholders; numbers are formatted in the locale. Unknown names stay as they are. */
  fill(template: string, values: Record<string, string | number>): string {
    const parts = this.parts(template);
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = values[parts[i]!];
      text +=
        (value === undefined ? `{${parts[i]}}` : typeof value === "number" ? this.number(value) : value) +
        parts[i + 1]!;
    }
    return text;
  }
  count(forms: PluralForms, n: number): string {
    let rule = this.pluralRules.get(n);
    if (rule === undefined) {
      rule = this.plurals.select(n);
      if (this.pluralRules.size < 10_000) this.pluralRules.set(n, rule);
    }
    return this.fill(forms[rule] ?? forms.other, { n });
  }
  /**
   * A template split once into text and placeholder names, alternating: "#{rank} in {issue}" →
   * ["#", "rank", " in ", "issue", ""]. Filling runs for every card on every page.
   */
  private parts(template: string): readonly string[] {
    let parts = this.templates.get(template);
    if (parts === undefined) {
      parts = template.split(/\{(\w+)\}/);
      this.templates.set(template, parts);
    }
    return parts;
  }
}
