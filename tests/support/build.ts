/**
 * Real Eleventy builds for the theme tests: the demo exactly as `npm run build` makes it, or a small
 * fixture digest with its own plugin options, each into a fresh temp folder.
 */
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { register } from "tsx/esm/api";
import type { DigestPluginOptions } from "../../plugin/index.js";
import { buildSite, SITE_URL } from "../helpers/build.js";

// Eleventy imports eleventy.config.ts itself: let Node load TypeScript, as `tsx eleventy` does.
register();

export const root = path.resolve(import.meta.dirname, "../..");
export { SITE_URL };

export interface BuiltSite {
  readonly outputDir: string;
  /** Every written `.html` file, as URL paths (`/2025/03/page/2/`), sorted. */
  pages(): Promise<string[]>;
  /** The HTML written for a URL path. */
  read(urlPath: string): Promise<string>;
  cleanup(): Promise<void>;
}

function site(tempRoot: string, outputDir: string): BuiltSite {
  return {
    outputDir,
    async pages() {
      const files = await readdir(outputDir, { recursive: true });
      return files
        .filter((file) => file.endsWith("index.html"))
        .map((file) => `/${file.split(path.sep).join("/")}`.replace(/index\.html$/, ""))
        .sort();
    },
    read: (urlPath) => readFile(path.join(outputDir, decodeURIComponent(urlPath), "index.html"), "utf8"),
    cleanup: () => rm(tempRoot, { recursive: true, force: true }),
  };
}

/** Builds the demo (eleventy.config.ts, _data/digest.json) into a fresh temp folder. */
export async function buildDemo(): Promise<BuiltSite> {
  const tempRoot = await mkdtemp(path.join(tmpdir(), "digest-theme-"));
  const outputDir = path.join(tempRoot, "out");
  const elev = new Eleventy(path.join(root, "src"), outputDir, { quietMode: true, configPath: path.join(root, "eleventy.config.ts") });
  await elev.write();
  return site(tempRoot, outputDir);
}

/** Builds `data` as `_data/digest.json` with the plugin and `options` (siteUrl defaults to SITE_URL). */
export async function buildFixture(data: unknown, options: Partial<DigestPluginOptions> = {}): Promise<BuiltSite> {
  const built = await buildSite({ data, options });
  return site(built.root, built.outputDir);
}
