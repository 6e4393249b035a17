import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { validateDigest } from "../../plugin/index.js";
import { digestJsonSchema } from "../../plugin/data/schema.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: JSON files read for assertions on their shape
const readJson = (name: string): any => JSON.parse(readFileSync(`${root}${name}`, "utf8"));

function compile() {
  // ajv-formats is not installed: formats are annotations here; the runtime validator checks them.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile(digestJsonSchema());
}

describe("digest.schema.json", () => {
  it("is exactly what digestJsonSchema() generates (regenerate with `npx tsx scripts/write-schema.ts`)", () => {
    expect(readJson("digest.schema.json")).toEqual(digestJsonSchema());
  });

  it("is a draft 2020-12 schema with an $id", () => {
    const schema = digestJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^https:\/\/.+digest\.schema\.json$/);
  });

  it("accepts the demo data", () => {
    const validate = compile();
    const ok = validate(readJson("_data/digest.json"));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("accepts a bare array of articles", () => {
    const validate = compile();
    expect(
      validate([
        {
          month: "2025-04",
          rank: 1,
          title: "T",
          url: "https://a.example/",
          source: { name: "S", url: "https://s.example" },
        },
      ]),
    ).toBe(true);
  });

  it("rejects an article missing title", () => {
    const validate = compile();
    const data = readJson("_data/digest.json");
    delete data.articles[2].title;
    expect(validate(data)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: "/articles/2",
        keyword: "required",
        params: { missingProperty: "title" },
      }),
    );
  });

  it.each([
    ["rank 0", { rank: 0 }],
    ["rank as text", { rank: "1" }],
    ["a bad month", { month: "2025-13" }],
    ["a javascript: url", { url: "javascript:alert(1)" }],
    ["an unknown type", { type: "podcast" }],
  ])("rejects %s, as the runtime validator does", (_label, over) => {
    const article = { month: "2025-04", rank: 1, title: "T", url: "https://a.example/", source: "S", ...over };
    expect(compile()({ articles: [article] })).toBe(false);
    expect(() => validateDigest({ articles: [article] })).toThrow(/invalid digest data/);
  });
});
