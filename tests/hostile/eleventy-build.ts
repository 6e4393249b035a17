/** Real Eleventy 3 builds of a digest in a temp folder, read back as a map of written files. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import digest, { type DigestPluginOptions } from "../../plugin/index.js";
import { SITE_URL } from "./render.js";

interface EleventyInstance {
  write(): Promise<unknown>;
}
type EleventyConstructor = new (input: string, output: string, options: Record<string, unknown>) => EleventyInstance;

// Eleventy ships no type declarations; a computed specifier keeps TypeScript from looking for them.
const ELEVENTY = "@11ty/eleventy";
const { default: Eleventy } = (await import(ELEVENTY)) as { default: EleventyConstructor };

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
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return files;
    throw error;
  }
  const names = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  for (const name of names.sort()) files.set(name, await readFile(path.join(dir, name), "utf8"));
  return files;
}

function isMonthlyFolder(data: unknown): data is Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data) && Object.keys(data).length > 0 && Object.keys(data).every((key) => /^\d{4}-\d{2}$/.test(key));
}

/**
 * Writes `data` as `_data/digest.json`, or as `_data/digest/YYYY-MM.json` files when it is keyed by
 * month (plus any `extraFiles` in the input folder), and builds it
 * with the plugin; a failing build rejects, and `cleanup()` still removes the folders.
 */
export async function buildWithEleventy(
  data: unknown,
  options: Partial<DigestPluginOptions> = {},
  pathPrefix = "/",
  extraFiles: Record<string, string> = {},
): Promise<EleventyBuild> {
  const root = await mkdtemp(path.join(tmpdir(), "digest-hostile-"));
  const inputDir = path.join(root, "site");
  const outputDir = path.join(root, "out");
  await mkdir(path.join(inputDir, "_data", "digest"), { recursive: true });
  if (isMonthlyFolder(data)) {
    // Shape 3 as a user has it: one file per month in _data/digest/.
    for (const [month, content] of Object.entries(data)) await writeFile(path.join(inputDir, "_data", "digest", `${month}.json`), JSON.stringify(content));
  } else await writeFile(path.join(inputDir, "_data", "digest.json"), JSON.stringify(data));
  for (const [name, content] of Object.entries(extraFiles)) {
    await mkdir(path.dirname(path.join(inputDir, name)), { recursive: true });
    await writeFile(path.join(inputDir, name), content);
  }
  const build: EleventyBuild = { root, outputDir, files: () => readTree(outputDir), cleanup: () => rm(root, { recursive: true, force: true }) };
  const eleventy = new Eleventy(inputDir, outputDir, {
    quietMode: true,
    configPath: false, // no config file: the plugin is added below
    pathPrefix,
    config(eleventyConfig: { addPlugin(plugin: unknown, options?: unknown): void }) {
      eleventyConfig.addPlugin(digest, { siteUrl: SITE_URL, ...options });
    },
  });
  try {
    await eleventy.write();
  } catch (error) {
    (error as { build?: EleventyBuild }).build = build;
    throw error;
  }
  return build;
}

// Every message along an error's cause chain: the shared helper.
export { errorText } from "../helpers/build.js";
