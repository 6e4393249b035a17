// The option types are the options schema's input type (options-schema.ts). Its TSDoc lives on the
// schema's fields; this checks that it survives the emitted .d.ts and reaches a user's editor
// through `z.input`, for every option, and that the emitted option types have no `any`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API } from "typescript/unstable/async";
import { feedOptionsSchema, optionsSchema } from "../../plugin/options-schema.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;
let api: API;

/** The documentation a user's editor shows for each property of an exported option type. */
async function docsOf(typeName: string): Promise<Record<string, string>> {
  const file = path.join(dir, "consumer.ts");
  const text = readFileSync(file, "utf8");
  const snapshot = await api.updateSnapshot({ openProjects: [path.join(dir, "tsconfig.json")] });
  const checker = snapshot.getProjects()[0]!.checker;
  const alias = await checker.getSymbolAtPosition(file, text.indexOf(`${typeName}Alias`));
  const props = await checker.getPropertiesOfType(await checker.getDeclaredTypeOfSymbol(alias!));
  return Object.fromEntries(
    await Promise.all(props.map(async (prop) => [prop.name, await prop.getDocumentationComment(checker)] as const)),
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "digest-option-types-"));
  execFileSync(
    path.join(repoRoot, "node_modules/.bin/tsc"),
    ["-p", "tsconfig.build.json", "--outDir", path.join(dir, "dist")],
    { cwd: repoRoot, stdio: "pipe" },
  );
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  writeFileSync(
    path.join(dir, "consumer.ts"),
    'import type { DigestPluginOptions, DigestFeedOptions } from "./dist/index.js";\nexport type DigestPluginOptionsAlias = DigestPluginOptions;\nexport type DigestFeedOptionsAlias = DigestFeedOptions;\n',
  );
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  api = new API({ cwd: dir });
});

afterAll(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the option types in the published .d.ts", () => {
  it("document every option, as the schema's fields do", async () => {
    const options = await docsOf("DigestPluginOptions");
    expect(Object.keys(options).sort()).toEqual(Object.keys(optionsSchema.shape).sort());
    for (const [name, doc] of Object.entries(options)) expect(doc, name).not.toBe("");
    expect(options.pageSize).toBe("Articles per month or tag page. Default 10.");

    const feed = await docsOf("DigestFeedOptions");
    expect(Object.keys(feed).sort()).toEqual(Object.keys(feedOptionsSchema.shape).sort());
    for (const [name, doc] of Object.entries(feed)) expect(doc, `feed.${name}`).not.toBe("");
  });

  it("have no any", () => {
    for (const file of ["options.d.ts", "options-schema.d.ts", "data/problems.d.ts", "data/zod-helpers.d.ts"]) {
      expect(readFileSync(path.join(dir, "dist", file), "utf8"), file).not.toMatch(/\bany\b/);
    }
  });
});
