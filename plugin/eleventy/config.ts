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
  hasPlugin?(plugin: string): boolean;
  /** The host's `addDataExtension` parsers, by extension (`json` when it reads JSON its own way). */
  readonly dataExtensions?: ReadonlyMap<string, unknown>;
  versionCheck?(range: string): void;
  readonly logger?: { logWithOptions(options: { message: string; type?: "log" | "warn" | "error" | "info"; prefix?: string }): void };
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
  return Object.values(managers).some((manager) => /(^|[\s,])script($|[\s,.[:#])/.test(manager.getPluckedSelector?.() ?? ""));
}

/** Whether the host's HtmlBasePlugin adds Eleventy's pathPrefix to every link itself. */
export function htmlBaseAddsPrefix(eleventyConfig: EleventyConfigLike): boolean {
  return eleventyConfig.hasPlugin?.("@11ty/eleventy/html-base-plugin") === true || eleventyConfig.hasPlugin?.("eleventyHtmlBasePlugin") === true;
}
