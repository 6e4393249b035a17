// Child process for buildInChild (./index.ts): one Eleventy build, in whatever TZ, LANG and clock
// the parent gave this process.
//   node --import tsx --import ./shift-clock.mjs child.ts <input> <output> [config.ts]
// Without a config, the digest plugin is added with fixed options. Prints what the process saw.
import { createEleventy } from "./index.js";

const [input, output, configPath] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: child.ts <input> <output> [config]");

await createEleventy(
  { inputDir: input, outputDir: output },
  configPath !== undefined
    ? { configPath }
    : { options: { title: "Synthetic", timeZone: "America/New_York", locale: "de" } },
).write();

const resolved = new Intl.DateTimeFormat().resolvedOptions();
console.log(
  JSON.stringify({
    timeZone: resolved.timeZone,
    locale: resolved.locale,
    now: new Date().toISOString(),
    offset: new Date(2025, 3, 1).getTimezoneOffset(),
  }),
);
