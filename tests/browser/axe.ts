/**
 * axe-core in a real page, for the browser tests: evaluated as text (not added as a `<script>`, so
 * a page's own scripts stay countable), with WCAG 2.2 AA by axe's tags and `target-size` on.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Evaluates a JavaScript expression in the page. Browser code is written as text: this project's
 * TypeScript has no DOM types, on purpose (the plugin never runs in a browser).
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate<T>(expression);
}

async function ensureAxe(page: Page): Promise<void> {
  if (!(await inPage<boolean>(page, `typeof axe !== "undefined"`))) await page.evaluate(axeSource);
}

/** axe's default rules. */
export async function axeViolations(page: Page): Promise<AxeResults["violations"]> {
  await ensureAxe(page);
  return (await inPage<AxeResults>(page, `axe.run(document, { resultTypes: ["violations"] })`)).violations;
}

/** WCAG 2.2 AA by axe's tags, with `target-size` (24 × 24 px), which axe leaves off by default. */
const WCAG22_AA = `{ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, rules: { "target-size": { enabled: true } }, resultTypes: ["violations"] }`;

/** axe's WCAG 2.2 AA rules in the page as it is laid out now. */
export async function wcag22Violations(page: Page): Promise<AxeResults["violations"]> {
  await ensureAxe(page);
  return (await inPage<AxeResults>(page, `axe.run(document, ${WCAG22_AA})`)).violations;
}

/** One line per violation: rule, impact, help and the elements. */
export function describeViolations(violations: AxeResults["violations"]): string[] {
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
