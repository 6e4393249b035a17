// Writes digest.schema.json from the zod schemas that validate at run time (plugin/data/schema.ts).
import { writeFileSync } from "node:fs";
import { digestJsonSchema } from "../plugin/data/schema.js";

writeFileSync(new URL("../digest.schema.json", import.meta.url), `${JSON.stringify(digestJsonSchema(), null, 2)}\n`);
