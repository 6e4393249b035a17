// Packs the plugin as npm would publish it and installs the tarball into a fresh copy of a fixture
// site, with the repository's Eleventy version: what a user does with `npm install`. The site's own
// Eleventy CLI builds it: buildInstalled in ../helpers/build/index.ts.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

let tarball: string | undefined;

/**
 * `npm pack` once per test process (it runs `prepack`: the TypeScript build into `dist/`, which it
 * first deletes). Test processes run side by side, so each packs under a lock (a folder made
 * atomically in `.cache/`): otherwise one process's build deletes `dist/` while another packs it.
 */
export function packPlugin(): string {
  if (tarball) return tarball;
  const destination = mkdtempSync(path.join(tmpdir(), "digest-pack-"));
  withPackLock(() =>
    execFileSync("npm", ["pack", "--silent", "--pack-destination", destination], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const file = readdirSync(destination).find((name) => name.endsWith(".tgz"));
  if (!file) throw new Error(`npm pack wrote no tarball in ${destination}`);
  tarball = path.join(destination, file);
  return tarball;
}

/** How long a lock may be held before it counts as left by a killed process. */
const STALE_LOCK_MS = 180_000;

/** Runs `work` while holding the repository's pack lock, waiting for another process's turn. */
function withPackLock(work: () => void): void {
  const lock = path.join(repoRoot, ".cache", "npm-pack.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Removes the packed tarball (call from `afterAll`; test processes end without an `exit` event). */
export function removePackedPlugin(): void {
  if (!tarball) return;
  rmSync(path.dirname(tarball), { recursive: true, force: true });
  tarball = undefined;
}

/** Copies `fixtures/<name>` to a temp folder and installs the packed plugin and Eleventy there. */
export function installFixture(name: string): string {
  const site = mkdtempSync(path.join(tmpdir(), `digest-${name}-`));
  cpSync(path.join(repoRoot, "tests/fixtures", name), site, { recursive: true });
  const eleventyVersion = JSON.parse(
    readFileSync(path.join(repoRoot, "node_modules/@11ty/eleventy/package.json"), "utf8"),
  ).version as string;
  execFileSync(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      packPlugin(),
      `@11ty/eleventy@${eleventyVersion}`,
    ],
    {
      cwd: site,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return site;
}
