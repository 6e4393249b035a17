/**
 * The whole site, rendered without Eleventy: the plugin is added to a stand-in `eleventyConfig`
 * that records its virtual templates, then each template's pagination and render functions are
 * called the way Eleventy calls them. Same code as a real build (validate → model → pages and
 * feeds), a hundred times faster, so property tests can run hundreds of digests.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import digest, { type DigestPluginOptions } from "../../plugin/index.js";
import type { EleventyConfigLike } from "../../plugin/eleventy/plugin.js";
import { SITE_URL } from "../helpers/build/index.js";

interface VirtualTemplate {
  readonly data: {
    /** Absent on single files (the stylesheet), whose permalink is a string. */
    readonly pagination?: {
      readonly before: (items: unknown[], data: Record<string, unknown>) => unknown[];
      readonly alias: string;
    };
    readonly permalink: string | false | ((data: Record<string, unknown>) => string);
  };
  readonly render: (data: Record<string, unknown>) => string;
  readonly inputPath: string;
}

export { SITE_URL };

/** Every file the plugin would write, keyed by output path relative to the output folder (`2025/04/index.html`). */
export function renderSite(
  data: unknown,
  options: Partial<DigestPluginOptions> = {},
  pathPrefix = "/",
): Map<string, string> {
  const templates: VirtualTemplate[] = [];
  const templatePaths: string[] = [];
  const transforms: ((
    this: { page: { url: string; inputPath: string; outputPath: string } },
    content: string,
  ) => string)[] = [];
  const listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
  const config: EleventyConfigLike = {
    pathPrefix,
    // Each template is a class, as Eleventy takes an 11ty.js module's: data() and render().
    addTemplate: (templatePath, Template) => {
      templatePaths.push(`./${templatePath}`);
      const template = new (
        Template as new () => { data(): VirtualTemplate["data"]; render(data: Record<string, unknown>): string }
      )();
      templates.push({
        data: template.data(),
        render: (data) => template.render(data),
        inputPath: `./${templatePath}`,
      });
    },
    on: (event, callback) => listeners.set(event, [...(listeners.get(event) ?? []), callback]),
    // The plugin's own transforms, run on each output after its render as Eleventy runs them.
    addTransform: (_name, transform) => transforms.push(transform as (typeof transforms)[number]),
  };
  // Every page through the virtual templates, so this stand-in sees them all; real builds (the
  // default "direct" pipeline) are compared with it byte for byte in eleventy.test.ts.
  digest(config, { siteUrl: SITE_URL, ...options, pipeline: "eleventy" });
  // The emails are written by the plugin itself after Eleventy's files (in `afterBuild`): into a temp folder here, read back.
  const emailDir = mkdtempSync(path.join(tmpdir(), "digest-render-"));
  for (const listener of listeners.get("eleventy.before") ?? []) void listener({ directories: { output: emailDir } });

  const dataKey = options.dataKey ?? "digest";
  const globalData = { [dataKey]: data };
  // Eleventy runs every pagination first (building its page map), then renders.
  const pages = templates.map((template) => ({
    template,
    entries: template.data.pagination ? template.data.pagination.before([0], globalData) : [undefined],
  }));
  const files = new Map<string, string>();
  for (const { template, entries } of pages) {
    for (const entry of entries) {
      const pageData = template.data.pagination
        ? { ...globalData, [template.data.pagination.alias]: entry }
        : globalData;
      const permalink = template.data.permalink;
      if (permalink === false) continue;
      const output = (typeof permalink === "string" ? permalink : permalink(pageData)).replace(/^\//, "");
      if (files.has(output)) throw new Error(`two entries write ${output}`);
      const page = { url: `/${output}`.replace(/index\.html$/, ""), inputPath: template.inputPath, outputPath: output };
      files.set(
        output,
        transforms.reduce((content, transform) => transform.call({ page }, content), template.render(pageData)),
      );
    }
  }
  try {
    for (const listener of listeners.get("afterBuild") ?? [])
      listener({ outputMode: "fs", results: templatePaths.map((inputPath) => ({ inputPath })) });
    for (const entry of readdirSync(emailDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(emailDir, full).split(path.sep).join("/"), readFileSync(full, "utf8"));
    }
  } finally {
    rmSync(emailDir, { recursive: true, force: true });
  }
  return files;
}
