/**
 * The whole site, rendered without Eleventy: the plugin is added to a stand-in `eleventyConfig`
 * that records its virtual templates, then each template's pagination and render functions are
 * called the way Eleventy calls them. Same code as a real build (validate → model → pages and
 * feeds), a hundred times faster, so property tests can run hundreds of digests.
 */
import digest, { type DigestPluginOptions } from "../../plugin/index.js";
import { type EleventyConfigLike } from "../../plugin/eleventy/plugin.js";
import { SITE_URL } from "../helpers/build/index.js";

interface VirtualTemplate {
  readonly data: {
    /** Absent on single files (the stylesheet), whose permalink is a string. */
    readonly pagination?: { readonly before: (items: unknown[], data: Record<string, unknown>) => unknown[]; readonly alias: string };
    readonly permalink: string | false | ((data: Record<string, unknown>) => string);
  };
  readonly render: (data: Record<string, unknown>) => string;
}

export { SITE_URL };

/** Every file the plugin would write, keyed by output path relative to the output folder (`2025/04/index.html`). */
export function renderSite(data: unknown, options: Partial<DigestPluginOptions> = {}, pathPrefix = "/"): Map<string, string> {
  const templates: VirtualTemplate[] = [];
  const listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
  const config: EleventyConfigLike = {
    pathPrefix,
    // Each template is a class, as Eleventy takes an 11ty.js module's: data() and render().
    addTemplate: (_path, Template) => {
      const template = new (Template as new () => { data(): VirtualTemplate["data"]; render(data: Record<string, unknown>): string })();
      templates.push({ data: template.data(), render: (data) => template.render(data) });
    },
    on: (event, callback) => listeners.set(event, [...(listeners.get(event) ?? []), callback]),
  };
  // Every page through the virtual templates, so this stand-in sees them all; real builds (the
  // default "direct" pipeline) are compared with it byte for byte in eleventy.test.ts.
  digest(config, { siteUrl: SITE_URL, ...options, pipeline: "eleventy" });
  for (const listener of listeners.get("eleventy.before") ?? []) listener();

  const dataKey = options.dataKey ?? "digest";
  const globalData = { [dataKey]: data };
  // Eleventy runs every pagination first (building its page map), then renders.
  const pages = templates.map((template) => ({ template, entries: template.data.pagination ? template.data.pagination.before([0], globalData) : [undefined] }));
  const files = new Map<string, string>();
  for (const { template, entries } of pages) {
    for (const entry of entries) {
      const pageData = template.data.pagination ? { ...globalData, [template.data.pagination.alias]: entry } : globalData;
      const permalink = template.data.permalink;
      if (permalink === false) continue;
      const output = (typeof permalink === "string" ? permalink : permalink(pageData)).replace(/^\//, "");
      if (files.has(output)) throw new Error(`two entries write ${output}`);
      files.set(output, template.render(pageData));
    }
  }
  return files;
}
