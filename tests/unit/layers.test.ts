// The source's layers point one way (data -> model -> options -> render -> html, feeds, images ->
// eleventy, cli), as `npm run lint` checks with dependency-cruiser: the plugin passes, and a tree
// with one climbing import per layer, and a cycle, fails on each of them.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const config = path.join(root, ".dependency-cruiser.cjs");
const depcruise = path.join(root, "node_modules/.bin/depcruise");

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** dependency-cruiser's violations for `plugin/` in `cwd`, with the repository's rules. */
function violations(cwd: string): Violation[] {
  let output: string;
  try {
    output = execFileSync(depcruise, ["plugin", "--config", config, "--output-type", "json"], {
      cwd,
      encoding: "utf8",
    });
  } catch (error) {
    // depcruise exits with the number of errors, its JSON report on stdout.
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

const fixture = mkdtempSync(path.join(tmpdir(), "digest-layers-"));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

/** Writes `plugin/<file>` in the fixture, importing each of `imports` for its side effects. */
function module(file: string, ...imports: string[]): void {
  const full = path.join(fixture, "plugin", file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, `${imports.map((to) => `import "${to}";`).join("\n")}\nexport const name = "${file}";\n`);
}

describe("layers", () => {
  it("the plugin's source imports only downward, without a cycle", () => {
    expect(violations(root)).toEqual([]);
  });

  it("an import that climbs a layer, or closes a cycle, is a violation", () => {
    writeFileSync(path.join(fixture, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
    module("data/a.ts", "../model/a");
    module("model/a.ts", "../options");
    module("options.ts", "./render/a");
    module("render/a.ts", "../html/a");
    module("html/a.ts", "../feeds/a");
    module("feeds/a.ts", "../images/a");
    module("images/a.ts", "../html/b");
    module("html/b.ts", "./c");
    module("html/c.ts", "./b");
    module("eleventy/a.ts", "../cli/a");
    module("cli/a.ts");
    const found = violations(fixture).map(
      (violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
    );
    expect(found.sort()).toEqual(
      [
        "data-imports-model-or-render-or-html-or-feeds-or-images-or-eleventy-or-cli: plugin/data/a.ts -> plugin/model/a.ts",
        "data-or-model-imports-options: plugin/model/a.ts -> plugin/options.ts",
        "options-below-renderers: plugin/options.ts -> plugin/render/a.ts",
        "render-imports-html-or-feeds-or-images-or-eleventy-or-cli: plugin/render/a.ts -> plugin/html/a.ts",
        "html-imports-feeds-or-images-or-eleventy-or-cli: plugin/html/a.ts -> plugin/feeds/a.ts",
        "feeds-imports-html-or-images-or-eleventy-or-cli: plugin/feeds/a.ts -> plugin/images/a.ts",
        "images-imports-html-or-feeds-or-eleventy-or-cli: plugin/images/a.ts -> plugin/html/b.ts",
        "eleventy-imports-cli: plugin/eleventy/a.ts -> plugin/cli/a.ts",
        "no-circular: plugin/html/b.ts -> plugin/html/c.ts",
      ].sort(),
    );
  });
});
