// The small part of Eleventy 3's programmatic API the tests and benchmarks use (Eleventy ships no
// usable .d.ts). The plugin itself declares what it uses of eleventyConfig in plugin/eleventy.ts.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: EleventyUserConfig) => unknown;
  }
  /** The host-side config object (the plugin's own view of it is EleventyConfigLike). */
  export interface EleventyUserConfig {
    addPlugin(plugin: unknown, options?: unknown): void;
    addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
    addPassthroughCopy(path: string | Record<string, string>): void;
    setDataDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    on(eventName: string, callback: (...args: unknown[]) => unknown): void;
    [key: string]: unknown;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    setDryRun(dryRun: boolean): void;
    setIgnoreInitial(ignoreInitial: boolean): void;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
    readonly directories: { input: string; output: string; data: string; includes: string };
  }
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: unknown) => void;
}
