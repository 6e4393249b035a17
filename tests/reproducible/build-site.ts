// Child process for the reproducibility test: one Eleventy build, in whatever TZ, LANG and clock
// the parent gave this process.
//   node --import tsx --import ./shift-clock.mjs build-site.ts <input> <output> [config.ts]
// Without a config, the digest plugin is added with fixed options. Prints what the process saw.
import digest from "../../plugin/index.js";

// Eleventy ships no type declarations; a computed specifier keeps TypeScript from looking for them.
const ELEVENTY = "@11ty/eleventy";
type EleventyConstructor = new (input: string, output: string, options: Record<string, unknown>) => { write(): Promise<unknown> };
const { default: Eleventy } = (await import(ELEVENTY)) as { default: EleventyConstructor };

const [input, output, configPath] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: build-site.ts <input> <output> [config]");

const eleventy = new Eleventy(input, output, {
  quietMode: true,
  configPath: configPath ?? false,
  ...(configPath === undefined && {
    config(eleventyConfig: { addPlugin(plugin: unknown, options?: unknown): void }) {
      eleventyConfig.addPlugin(digest, { siteUrl: "https://digest.example.com", title: "Synthetic", timeZone: "America/New_York", locale: "de" });
    },
  }),
});
await eleventy.write();

const resolved = new Intl.DateTimeFormat().resolvedOptions();
console.log(JSON.stringify({ timeZone: resolved.timeZone, locale: resolved.locale, now: new Date().toISOString(), offset: new Date(2025, 3, 1).getTimezoneOffset() }));
