// Times "the plugin's own work" in-process: validateDigest(data, options) followed by
// buildDigestModel(validated, resolved options) (dist/index.js and, internal since the public API is
// small, dist/model/build.js and dist/options.js next to it), on a generated digest.
//
//   node bench/lib/own-work.js <dist/index.js> <digest.json> <runs>
//
// Prints one JSON line. JSON.parse is timed separately (Eleventy does that part for every variant).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { pluginOptions } from "../pageset.js";

const [distIndex, dataFile, runsArg] = process.argv.slice(2);
const runs = Math.max(1, Math.min(20, Number(runsArg) || 3));
const out = { available: false };
try {
  const mod = await import(pathToFileURL(distIndex).href);
  const modelModule = await import(new URL("model/build.js", pathToFileURL(distIndex)).href);
  // The model takes resolved options (defaults filled in), as the plugin gives it.
  const optionsModule = await import(new URL("options.js", pathToFileURL(distIndex)).href);
  const modelOptions = optionsModule.resolveOptions({ ...pluginOptions });
  const validate = mod.validateDigest;
  const build = modelModule.buildDigestModel;
  out.exports = Object.keys(mod).sort();
  if (typeof validate !== "function" || typeof build !== "function") {
    out.reason = `dist/index.js does not export ${[
      typeof validate !== "function" && "validateDigest",
      typeof build !== "function" && "buildDigestModel (dist/model/build.js)",
    ]
      .filter(Boolean)
      .join(" and ")}`;
  } else {
    out.available = true;
    const text = readFileSync(dataFile, "utf8");
    out.parseMs = [];
    out.validateMs = [];
    out.modelMs = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const data = JSON.parse(text); // fresh object each run: nothing cached between runs
      const t1 = performance.now();
      const validated = await validate(data, { ...pluginOptions });
      const t2 = performance.now();
      const built = await build(validated, modelOptions);
      const t3 = performance.now();
      out.parseMs.push(t1 - t0);
      out.validateMs.push(t2 - t1);
      out.modelMs.push(t3 - t2);
      if (i === 0) {
        out.validatedType = validated === null ? "null" : Array.isArray(validated) ? "array" : typeof validated;
        out.validatedKeys = validated && typeof validated === "object" ? Object.keys(validated).slice(0, 12) : [];
        out.modelKeys = built && typeof built === "object" ? Object.keys(built).slice(0, 20) : [];
      }
    }
  }
} catch (e) {
  out.available = false;
  out.error = String(e?.stack ? e.stack : e)
    .split("\n")
    .slice(0, 6)
    .join("\n");
}
out.maxRssKB = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify(out)}\n`);
