/**
 * The part of Eleventy's `eleventyConfig` the plugin uses (Eleventy 3 ships no usable types), and
 * what the plugin reads from it about the host: its logger and its bundle plugin.
 */

/** The part of Eleventy's `eleventyConfig` this plugin uses. */
export interface EleventyConfigLike {
  readonly pathPrefix?: string;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  on(eventName: string, callback: (...args: unknown[]) => unknown): void;
  addGlobalData?(name: string, data: unknown): void;
  addShortcode?(name: string, shortcode: (...args: never[]) => string): void;
  addFilter?(name: string, filter: (...args: never[]) => unknown): void;
  hasPlugin?(plugin: string): boolean;
  /** The host's `addDataExtension` parsers, by extension (`json` when it reads JSON its own way). */
  readonly dataExtensions?: ReadonlyMap<string, unknown>;
  versionCheck?(range: string): void;
  readonly logger?: {
    logWithOptions(options: { message: string; type?: "log" | "warn" | "error" | "info"; prefix?: string }): void;
  };
  /** Eleventy's HTML transformer (Eleventy 3+): the URL transforms of HtmlBasePlugin, InputPathToUrl and others. */
  readonly htmlTransformer?: {
    getCallbacks?(
      extension: string,
      context: object,
    ): readonly { fn: (this: object, url: string, htmlContext: { attribute: string; tag: string }) => string }[];
  };
  addTransform?(
    name: string,
    transform: (
      this: { page?: { url?: unknown; inputPath?: unknown; outputPath?: unknown }; outputPath?: unknown },
      content: unknown,
    ) => unknown,
  ): void;
  /** Added by the bundle plugin (bundled with Eleventy 3): its bundles, each maybe plucking `<script>`s out of HTML. */
  getBundleManagers?(): Record<string, { getPluckedSelector?(): string | undefined }>;
}

/** One line of the plugin's own output. */
export type Log = (message: string, type?: "log" | "warn") => void;

const LOG_PREFIX = "[eleventy-plugin-digest]";

/** Logs through Eleventy's logger, so that `--quiet` silences the plugin too (console without one). */
export function createLog(eleventyConfig: EleventyConfigLike): Log {
  return (message, type = "log") => {
    if (eleventyConfig.logger) eleventyConfig.logger.logWithOptions({ message, type, prefix: LOG_PREFIX });
    else console[type](`${LOG_PREFIX} ${message}`);
  };
}

/** Whether the host's bundle plugin collects inline `<script>` elements out of HTML pages. */
export function hostBundlesScripts(eleventyConfig: EleventyConfigLike): boolean {
  const managers = eleventyConfig.getBundleManagers?.() ?? {};
  return Object.values(managers).some((manager) =>
    /(^|[\s,])script($|[\s,.[:#])/.test(manager.getPluckedSelector?.() ?? ""),
  );
}

/**
 * Whether Eleventy's HTML transformer adds the pathPrefix to a root-relative link in a page at
 * `pageUrl`: found by running the URL transforms registered once the config is resolved (HtmlBasePlugin
 * added directly, by eleventy-plugin-rss or by any other plugin) on a probe link, not by asking which
 * plugins are present (`hasPlugin` does not see plugins added by plugins). A transform that cannot run
 * outside a page (InputPathToUrl before Eleventy's content map) leaves the probe as it is. Without an
 * HTML transformer (not Eleventy 3), the host's HtmlBasePlugin by name.
 */
export function transformsAddPathPrefix(
  eleventyConfig: EleventyConfigLike,
  pathPrefix: string,
  pageUrl: string,
): boolean {
  if (pathPrefix === "/" || pathPrefix === "") return false;
  const transformer = eleventyConfig.htmlTransformer;
  if (typeof transformer?.getCallbacks !== "function") {
    return (
      eleventyConfig.hasPlugin?.("@11ty/eleventy/html-base-plugin") === true ||
      eleventyConfig.hasPlugin?.("eleventyHtmlBasePlugin") === true
    );
  }
  const page = {
    url: pageUrl,
    inputPath: "./eleventy-plugin-digest-probe.html",
    outputPath: "eleventy-plugin-digest-probe/index.html",
  };
  const context = { ...page, page };
  const probe = `${pageUrl}eleventy-plugin-digest-probe/`;
  let url = probe;
  for (const { fn } of transformer.getCallbacks("html", context)) {
    try {
      const next = fn.call(context, url, { attribute: "href", tag: "a" });
      if (typeof next === "string") url = next;
    } catch {
      // Not a transform that changes root links outside a page: the probe stays as it was.
    }
  }
  return url !== probe;
}
