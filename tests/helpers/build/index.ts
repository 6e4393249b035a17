/**
 * The one place tests build a site with Eleventy (programmatic API, temp folders):
 *
 * - `buildSite`: data, plugin options, pathPrefix and host files written to a fresh temp folder and
 *   built there; `tryBuild` for builds meant to fail; `buildDemo` for the demo as `npm run build`
 *   makes it;
 * - `buildInMemory`: the same input rendered with Eleventy's `toJSON()`, every output by URL;
 * - `prepareSite` + `createEleventy`: the folders and an Eleventy instance, for tests that drive
 *   Eleventy themselves (dry runs, `--to=json`, console spies);
 * - `buildInChild`: a build in its own Node process under a given TZ, LANG and clock (child.ts,
 *   shift-clock.mjs), for the reproducibility tests;
 * - `buildInstalled`: a site's own installed Eleventy CLI, for the packed-plugin tests.
 *
 * The builds run here in the test process (all but `createEleventy`'s, which the caller runs, and
 * the other processes') go through `quietly` (../quiet.ts): their console output reaches the test
 * log only if the test fails.
 */
import { execFileSync, spawn } from "node:child_process";
import type { Dirent } from "node:fs";
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy, { type EleventyUserConfig } from "@11ty/eleventy";
import { register } from "tsx/esm/api";
import digest from "../../../plugin/index.js";
import type { DigestPluginOptions } from "../../../plugin/index.js";
import { quietly } from "../quiet.js";

export type { EleventyUserConfig };

export const SITE_URL = "https://digest.example.com";

/** The repository: the demo's input (`src/`, `_data/`, `_includes/`) and `eleventy.config.ts`. */
export const repoRoot = path.resolve(import.meta.dirname, "../../..");

export interface BuildInput {
  /** Written as `_data/digest.json` (or under `dataKey`). */
  data?: unknown;
  /** Written as `_data/digest/<name>.json`, one file per key (e.g. `2025-04`). */
  folder?: Record<string, unknown>;
  /** Given to Eleventy as the global data `digest` (`addGlobalData`), not as a file. */
  globalData?: unknown;
  /** Plugin options; `siteUrl` defaults to https://digest.example.com. */
  options?: Partial<DigestPluginOptions> & Record<string, unknown>;
  /** Eleventy's pathPrefix. */
  pathPrefix?: string;
  /** Extra files to write into the input folder (path relative to it → content). */
  files?: Readonly<Record<string, string>>;
  /** Replaces the default configuration (`addPlugin(digest, options)`), e.g. the demo's config. */
  configure?: (eleventyConfig: EleventyUserConfig) => void | Promise<void>;
  /** A config file for Eleventy to load instead of any configuration here (default: none). */
  configPath?: string;
  /** Eleventy's quietMode (default true). */
  quietMode?: boolean;
  /** Eleventy's run mode as `--serve`/`--watch` set it (default "build"); `write()` still builds once. */
  runMode?: "build" | "serve" | "watch";
}

export interface BuildResult {
  readonly root: string;
  readonly inputDir: string;
  readonly outputDir: string;
  /** Every written file, as a sorted list of `/`-separated paths relative to the output folder. */
  files(): Promise<string[]>;
  read(relativePath: string): Promise<string>;
  /** Every written file by `/`-separated relative path, read as UTF-8. */
  tree(): Promise<Map<string, string>>;
  /** Every written `index.html`, as URL paths (`/2025/03/page/2/`), sorted. */
  pages(): Promise<string[]>;
  /** The HTML written for a URL path (`/2025/03/` → `2025/03/index.html`). */
  page(urlPath: string): Promise<string>;
  /** Removes the temp folder (the input too, except the demo's, which is the repository's). */
  cleanup(): Promise<void>;
}

/** Every output of an in-memory build, by URL path as served (`/feed.xml`, `/tags/redis/`). */
export type RenderedSite = ReadonlyMap<string, string>;

function siteAt(root: string, inputDir: string, outputDir: string): BuildResult {
  return {
    root,
    inputDir,
    outputDir,
    files: () => listFiles(outputDir),
    read: (relativePath) => readFile(path.join(outputDir, relativePath.replace(/^\//, "")), "utf8"),
    tree: () => readTree(outputDir),
    async pages() {
      const files = await listFiles(outputDir);
      return files
        .filter((file) => file.endsWith("index.html"))
        .map((file) => `/${file}`.replace(/index\.html$/, ""))
        .sort();
    },
    page: (urlPath) => readFile(path.join(outputDir, decodeURIComponent(urlPath), "index.html"), "utf8"),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Prepares the temp folders (`site/` in, `out/` out) and the data and host files; does not build. */
export async function prepareSite(input: BuildInput): Promise<BuildResult> {
  const root = await mkdtemp(path.join(tmpdir(), "digest-test-"));
  const inputDir = path.join(root, "site");
  const outputDir = path.join(root, "out");
  const dataKey = (input.options?.dataKey as string | undefined) ?? "digest";
  await mkdir(path.join(inputDir, "_data"), { recursive: true });
  if (input.data !== undefined) {
    await writeFile(path.join(inputDir, "_data", `${dataKey}.json`), JSON.stringify(input.data, null, 2));
  }
  if (input.folder !== undefined) {
    await mkdir(path.join(inputDir, "_data", dataKey), { recursive: true });
    for (const [name, value] of Object.entries(input.folder)) {
      await writeFile(path.join(inputDir, "_data", dataKey, `${name}.json`), JSON.stringify(value, null, 2));
    }
  }
  for (const [name, content] of Object.entries(input.files ?? {})) {
    await mkdir(path.dirname(path.join(inputDir, name)), { recursive: true });
    await writeFile(path.join(inputDir, name), content);
  }
  return siteAt(root, inputDir, outputDir);
}

/**
 * An Eleventy instance (programmatic API) for `site`'s folders: the given config file, or no config
 * file and `configure`, or else the digest plugin with `options` (siteUrl defaults to SITE_URL).
 */
export function createEleventy(
  site: { readonly inputDir: string; readonly outputDir: string },
  input: BuildInput,
): Eleventy {
  const options = { siteUrl: SITE_URL, ...input.options } as DigestPluginOptions;
  return new Eleventy(site.inputDir, site.outputDir, {
    quietMode: input.quietMode ?? true,
    configPath: input.configPath ?? false, // false: load no config file
    ...(input.pathPrefix !== undefined && { pathPrefix: input.pathPrefix }),
    ...(input.runMode !== undefined && { runMode: input.runMode }),
    ...(input.configPath === undefined && {
      async config(eleventyConfig: EleventyUserConfig) {
        if (input.globalData !== undefined)
          (eleventyConfig.addGlobalData as (name: string, value: unknown) => void)("digest", input.globalData);
        if (input.configure) await input.configure(eleventyConfig);
        else eleventyConfig.addPlugin(digest, options);
      },
    }),
  });
}

/**
 * Runs a real Eleventy build of a prepared site. Its console output (Eleventy's error block when
 * the build is meant to fail) is shown only if the test fails.
 */
export async function runEleventy(site: BuildResult, input: BuildInput): Promise<void> {
  await quietly(() => createEleventy(site, input).write());
}

/** Writes the input to a temp folder and builds it; the caller removes it with `cleanup()`. */
export async function buildSite(input: BuildInput): Promise<BuildResult> {
  const site = await prepareSite(input);
  await runEleventy(site, input);
  return site;
}

/** Like `buildSite`, for builds meant to fail: never rejects; `error` is what the build threw, if it did. */
export async function tryBuild(input: BuildInput): Promise<{ site: BuildResult; error: unknown }> {
  const site = await prepareSite(input);
  try {
    await runEleventy(site, input);
    return { site, error: undefined };
  } catch (error) {
    return { site, error };
  }
}

/**
 * Builds the input into a temp folder (removed again, the input with it) and returns every page,
 * feed and email, keyed by URL (without pathPrefix; a non-ASCII path under its encoded form too), as
 * `pipeline: "eleventy"` writes them; the default "direct" pipeline writes the same bytes
 * (tests/hostile/eleventy.test.ts compares them). Written, not `toJSON()`: the emails are written by
 * the plugin after Eleventy's own files, which `toJSON()` does not list.
 */
export async function buildInMemory(input: BuildInput): Promise<RenderedSite> {
  const site = await prepareSite(input);
  try {
    await runEleventy(site, { ...input, options: { ...input.options, pipeline: "eleventy" } });
    const outputs = new Map<string, string>();
    for (const [file, content] of await site.tree()) {
      const url = `/${file}`.replace(/(^|\/)index\.html$/, "$1");
      outputs.set(url, content);
      if (encodeURI(url) !== url) outputs.set(encodeURI(url), content);
    }
    return outputs;
  } finally {
    await site.cleanup();
  }
}

/** The output of an in-memory build at `url`; throws, naming what there is, if there is none. */
export function readUrl(site: RenderedSite, url: string): string {
  const content = site.get(url);
  if (content === undefined) throw new Error(`no output at ${url}; have ${[...site.keys()].slice(0, 20).join(", ")}…`);
  return content;
}

/** The TypeScript loader while a demo build needs it, and how many demo builds are running. */
let typeScript: { unregister: () => Promise<void>; users: number } | undefined;

/** Builds the demo (src/, eleventy.config.ts, _data/digest.json) into a fresh temp folder. */
export async function buildDemo(): Promise<BuildResult> {
  // Eleventy imports eleventy.config.ts itself: let Node load TypeScript, as `tsx eleventy` does,
  // for the build only. The test process runs other files after this one (vitest's isolate: false),
  // and with tsx's loader left on, Node fails to load their sites' ESM `.js` data files.
  typeScript ??= { unregister: register(), users: 0 };
  typeScript.users++;
  try {
    const root = await mkdtemp(path.join(tmpdir(), "digest-demo-"));
    const site = siteAt(root, path.join(repoRoot, "src"), path.join(root, "out"));
    await runEleventy(site, { configPath: path.join(repoRoot, "eleventy.config.ts") });
    return site;
  } finally {
    if (--typeScript.users === 0) {
      const { unregister } = typeScript;
      typeScript = undefined;
      await unregister();
    }
  }
}

/** The input for `data` as a user keeps it: `_data/digest/YYYY-MM.json` files when it is keyed by month, else `_data/digest.json`. */
export function dataFiles(data: unknown): Pick<BuildInput, "data" | "folder"> {
  const monthly =
    typeof data === "object" &&
    data !== null &&
    !Array.isArray(data) &&
    Object.keys(data).length > 0 &&
    Object.keys(data).every((key) => /^\d{4}-\d{2}$/.test(key));
  return monthly ? { folder: data as Record<string, unknown> } : { data };
}

// ---------------------------------------------------------------------------------------------
// Builds in another process
// ---------------------------------------------------------------------------------------------

/** The world a child build runs in. */
export interface Conditions {
  readonly TZ: string;
  readonly LANG: string;
  /** Days the process's clock is moved (see shift-clock.mjs). */
  readonly clockShiftDays: number;
  /** The modification time given to every input file. */
  readonly fileTime: Date;
}

/** What a child build saw of its environment. */
export interface Seen {
  timeZone: string;
  locale: string;
  now: string;
  offset: number;
}

/**
 * Builds `input` into `output` in a child Node process (child.ts) under `conditions`, with the
 * config file `config` or else the plugin with fixed options; resolves with what the child saw.
 */
export function buildInChild(input: string, output: string, conditions: Conditions, config?: string): Promise<Seen> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: conditions.TZ,
    LANG: conditions.LANG,
    DIGEST_CLOCK_SHIFT_DAYS: String(conditions.clockShiftDays),
  };
  delete env.LC_ALL;
  delete env.LC_TIME;
  delete env.LC_MESSAGES;
  delete env.LANGUAGE;
  const here = import.meta.dirname;
  const args = [
    "--import",
    "tsx",
    "--import",
    path.join(here, "shift-clock.mjs"),
    path.join(here, "child.ts"),
    input,
    output,
    ...(config ? [config] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0)
        return reject(
          new Error(`build under TZ=${conditions.TZ} LANG=${conditions.LANG} failed (${code}):\n${stderr}`),
        );
      const last = stdout.trim().split("\n").at(-1) ?? "";
      resolve(JSON.parse(last) as Seen);
    });
  });
}

/** Runs an installed site's own Eleventy, as `npx @11ty/eleventy` would, into `output`, with more CLI flags in `args`. */
export function buildInstalled(
  site: string,
  output: string,
  env: Record<string, string> = {},
  args: readonly string[] = ["--quiet"],
): string {
  return execFileSync(
    process.execPath,
    [path.join(site, "node_modules/@11ty/eleventy/cmd.cjs"), `--output=${output}`, ...args],
    {
      cwd: site,
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // `--to=json` prints every page whole: the fixture blog's passed the default 1 MB with its source pages.
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Reading what a build wrote
// ---------------------------------------------------------------------------------------------

/** Every file under `dir` (sorted, `/`-separated, relative); `[]` if `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Every file under `dir`, by relative path, read as UTF-8. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await listFiles(dir)) files.set(name, await readFile(path.join(dir, name), "utf8"));
  return files;
}

/** Every message along an error's cause chain (Eleventy wraps template errors). */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { message?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof e.message === "string") parts.push(e.message);
    current = e.cause ?? e.originalError;
  }
  if (parts.length === 0) parts.push(String(error));
  return parts.join("\n");
}
