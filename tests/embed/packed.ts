// Packs the plugin as npm would publish it and installs the tarball into a fresh copy of a fixture
// site, with the repository's Eleventy version: what a user does with `npm install`. The site's own
// Eleventy CLI builds it: buildInstalled in ../helpers/build/index.ts.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

let tarball: string | undefined;

/** `npm pack` once per test process (it runs `prepack`: the TypeScript build). */
export function packPlugin(): string {
  if (tarball) return tarball;
  const destination = mkdtempSync(path.join(tmpdir(), "digest-pack-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", destination], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const file = readdirSync(destination).find((name) => name.endsWith(".tgz"));
  if (!file) throw new Error(`npm pack wrote no tarball in ${destination}`);
  tarball = path.join(destination, file);
  return tarball;
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
