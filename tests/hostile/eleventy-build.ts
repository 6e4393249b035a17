/** Real Eleventy 3 builds of a digest in a temp folder, read back as a map of written files. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DigestPluginOptions } from "../../plugin/index.js";
import { listFiles, prepareSite, runEleventy, type BuildInput } from "../helpers/build/index.js";

export interface EleventyBuild {
  readonly root: string;
  readonly outputDir: string;
  /** Every written file under the output folder, by `/`-separated relative path. */
  files(): Promise<Map<string, string>>;
  cleanup(): Promise<void>;
}

/** Every file under `dir`, by relative path, read as UTF-8. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await listFiles(dir)) files.set(name, await readFile(path.join(dir, name), "utf8"));
  return files;
}

function isMonthlyFolder(data: unknown): data is Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data) && Object.keys(data).length > 0 && Object.keys(data).every((key) => /^\d{4}-\d{2}$/.test(key));
}

/**
 * Writes `data` as `_data/digest.json`, or as `_data/digest/YYYY-MM.json` files when it is keyed by
 * month (shape 3 as a user has it), plus any `extraFiles` in the input folder, and builds it with
 * the plugin; a failing build rejects (the error carries `build`), and `cleanup()` still removes the folders.
 */
export async function buildWithEleventy(
  data: unknown,
  options: Partial<DigestPluginOptions> = {},
  pathPrefix = "/",
  extraFiles: Record<string, string> = {},
): Promise<EleventyBuild> {
  const input: BuildInput = { ...(isMonthlyFolder(data) ? { folder: data } : { data }), options, pathPrefix, files: extraFiles };
  const site = await prepareSite(input);
  const build: EleventyBuild = { root: site.root, outputDir: site.outputDir, files: () => readTree(site.outputDir), cleanup: site.cleanup };
  try {
    await runEleventy(site, input);
  } catch (error) {
    (error as { build?: EleventyBuild }).build = build;
    throw error;
  }
  return build;
}

// Every message along an error's cause chain: the shared helper.
export { errorText } from "../helpers/build/index.js";
