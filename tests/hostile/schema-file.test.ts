// The published JSON Schema is generated from the zod schemas; a change to one must reach the other.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { digestJsonSchema } from "../../plugin/data/schema.js";

it("digest.schema.json is up to date (regenerate with npm run build:plugin)", () => {
  const file = path.resolve(import.meta.dirname, "../../digest.schema.json");
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(digestJsonSchema());
});
