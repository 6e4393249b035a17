// The README's typed-config pattern: `satisfies DigestPluginOptions` makes a wrong inline option a
// type error, although Eleventy's own addPlugin takes any options.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
let work: string;

/** Type-checks one config file (strict; libraries are the embed test's job) and returns tsc's output. */
function typecheck(name: string, options: string): { status: number | null; output: string } {
  const file = path.join(work, `${name}.ts`);
  const plugin = path.relative(work, path.join(root, "plugin/index.js")).split(path.sep).join("/");
  writeFileSync(
    file,
    `import digest, { type DigestPluginOptions } from "${plugin}";

export default function (eleventyConfig: { addPlugin(plugin: unknown, options?: unknown): void }) {
  eleventyConfig.addPlugin(digest, ${options} satisfies DigestPluginOptions);
}
`,
  );
  const args = [
    path.join(root, "node_modules/typescript/bin/tsc"),
    "--ignoreConfig",
    "--noEmit",
    "--strict",
    "--skipLibCheck",
    "--module",
    "nodenext",
    "--moduleResolution",
    "nodenext",
    "--target",
    "es2022",
    "--types",
    "node",
    file,
  ];
  const result = spawnSync(process.execPath, args, { cwd: work, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("a typed eleventy.config.ts", () => {
  beforeAll(() => {
    mkdirSync(path.join(root, ".cache"), { recursive: true });
    work = mkdtempSync(path.join(root, ".cache", "typed-config-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("accepts the README's example", () => {
    expect(typecheck("good", `{ siteUrl: "https://digest.example.com", basePath: "/digest/" }`)).toEqual({
      status: 0,
      output: "",
    });
  }, 60_000);

  it("rejects a wrong inline option and a misspelt one", () => {
    const wrongType = typecheck("wrong-type", `{ siteUrl: "https://digest.example.com", pageSize: "x" }`);
    expect(wrongType.status).not.toBe(0);
    // Column 77 of line 4 is `pageSize: "x"`.
    expect(wrongType.output).toContain(
      "wrong-type.ts(4,77): error TS2322: Type 'string' is not assignable to type 'number'.",
    );
    const misspelt = typecheck("misspelt", `{ siteUrl: "https://digest.example.com", pagesize: 5 }`);
    expect(misspelt.status).not.toBe(0);
    expect(misspelt.output).toContain("pagesize");
  }, 60_000);
});
