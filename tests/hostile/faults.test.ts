// Faults around a build: a full disk, a file where a folder must be, Pagefind after a failed write,
// and what a killed build leaves in the share-image cache. Each gives one line naming the file and
// the cause, and leaves no empty or cut-short page behind.
//
// How a full disk is made: where the test process may mount a small tmpfs (root on Linux, as in
// this repository's CI container), a real one, and the builds write real files until ENOSPC; else
// those tests are skipped, saying so. The default pipeline's free-space check is also tested
// anywhere by a disk that says it is nearly full (`fs.statfsSync` spied on): that checks the
// plugin's arithmetic, not the disk. A real write error anywhere: a file where a folder must be.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { removeStaleTempFiles } from "../../plugin/images/cache.js";
import { createEleventy, errorText, prepareSite, type BuildResult, type BuildInput } from "../helpers/build/index.js";
import { quietly } from "../helpers/quiet.js";
import { syntheticDigest } from "../helpers/synthetic.js";

const sites: BuildResult[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const site of sites.splice(0)) await site.cleanup();
});

/** Every file under `dir` with its size, `/`-separated. */
async function sizes(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.set(path.relative(dir, full).split(path.sep).join("/"), (await stat(full)).size);
    }
  };
  await walk(dir);
  return found;
}

/** Builds `input` into `outputDir`; the error it threw, if any. */
async function buildInto(input: BuildInput, outputDir: string): Promise<{ site: BuildResult; error: unknown }> {
  const site = await prepareSite(input);
  sites.push(site);
  const error = await quietly(() => createEleventy({ inputDir: site.inputDir, outputDir }, input).write()).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { site, error };
}

/** The error's messages, one a line, as Eleventy prints them. */
function lines(error: unknown): string[] {
  return errorText(error).split("\n");
}

const DIGEST = syntheticDigest([30, 30, 30, 30]);
const SMALL = syntheticDigest([3]);

describe("a file where a folder must be (a real write error, anywhere)", () => {
  it('pipeline "direct": one line naming the file and the cause; the rest is not attempted', async () => {
    const out = await mkdtemp(path.join(tmpdir(), "digest-fault-"));
    try {
      await writeFile(path.join(out, "tags"), "not a folder");
      const { error } = await buildInto({ data: DIGEST, options: { pipeline: "direct" } }, out);
      const written = lines(error).filter((line) => line.includes("could not write"));
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(
        new RegExp(
          `^eleventy-plugin-digest: could not write ${out}/tags/[^ ]+: a file is in the way where a folder must be \\((ENOTDIR|EEXIST)\\)$`,
        ),
      );
      expect([...(await sizes(out))].filter(([, size]) => size === 0)).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("a disk that says it is nearly full (statfs spied on, anywhere)", () => {
  it("default pipeline: one line naming the page's file and the free space, and Eleventy writes none of the digest's pages", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "digest-fault-"));
    try {
      const real = fs.statfsSync;
      vi.spyOn(fs, "statfsSync").mockImplementation(((target: fs.PathLike) => ({
        ...real(target),
        bsize: 4096,
        bavail: 10,
      })) as typeof fs.statfsSync);
      const { error } = await buildInto({ data: DIGEST, options: {} }, out);
      const ours = lines(error).filter((line) => line.startsWith("eleventy-plugin-digest:"));
      expect(ours).toHaveLength(1);
      expect(ours[0]).toMatch(
        new RegExp(
          `^eleventy-plugin-digest: could not write ${out}/\\S+: no space left on the device \\(\\d+ bytes free, the page needs \\d+\\); nothing more of the digest is written$`,
        ),
      );
      expect(errorText(error)).not.toContain("Having trouble writing to");
      expect([...(await sizes(out)).keys()].filter((file) => file.endsWith(".html"))).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The tmpfs mounts not yet taken down. */
const mountedDirs = new Set<string>();

/** A small tmpfs, when this process may mount one; else undefined. */
function mountTmpfs(size: string): string | undefined {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(tmpdir(), "digest-tmpfs-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.status === 0) {
    mountedDirs.add(dir);
    return dir;
  }
  fs.rmdirSync(dir);
  return undefined;
}

/** Whether this process may mount a tmpfs: asked once, with a mount that is taken down at once. */
const canMount = (() => {
  const probe = mountTmpfs("64k");
  if (probe === undefined) {
    console.warn(
      "faults.test.ts: cannot mount a tmpfs here (needs root on Linux): the real full-disk tests are skipped",
    );
    return false;
  }
  unmount(probe);
  return true;
})();

/** Takes a test's tmpfs down (lazily: a child process of the build may still hold it) and removes its folder. */
function unmount(dir: string): void {
  execFileSync("umount", ["-l", dir]);
  fs.rmdirSync(dir);
  mountedDirs.delete(dir);
}

// A test that timed out never reached its `finally`.
afterAll(() => {
  for (const dir of mountedDirs) unmount(dir);
});

/**
 * Runs `test` with a tmpfs of its own, of `size`: a build whose write failed may go on writing in
 * another `afterBuild` listener (Eleventy runs them side by side), which must not fill the next
 * test's disk.
 */
async function withFullDisk(size: string, test: (dir: string) => Promise<void>): Promise<void> {
  const dir = mountTmpfs(size)!;
  try {
    await test(dir);
  } finally {
    unmount(dir);
  }
}

describe("a real full disk (a small tmpfs, where one can be mounted)", () => {
  for (const pipeline of ["eleventy", "direct"] as const) {
    it(`pipeline "${pipeline}" with search: one line naming the file and ENOSPC, no empty page, Pagefind's part failing in words (no panic, no hang)`, async (context) => {
      if (!canMount) return context.skip();
      await withFullDisk("320k", async (out) => {
        const { error } = await buildInto({ data: DIGEST, options: { pipeline, search: true } }, out);
        const ours = lines(error).filter((line) => line.startsWith("eleventy-plugin-digest:"));
        expect(ours).toHaveLength(1);
        expect(ours[0]).toMatch(
          new RegExp(`^eleventy-plugin-digest: could not write ${out}/\\S+: no space left on the device`),
        );
        expect(errorText(error)).not.toContain("Having trouble writing to");
        expect([...(await sizes(out))].filter(([file, size]) => size === 0 && file.endsWith(".html"))).toEqual([]);
      });
    }, 60_000);
  }

  it("Pagefind on a disk with room for the pages but not for its index: named, not a panic that never answers", async (context) => {
    if (!canMount) return context.skip();
    await withFullDisk("400k", async (out) => {
      // Room for the pages (about 240 KB: Eleventy writes them first, in the default pipeline), not for Pagefind's bundle (about 680 KB).
      const { error } = await buildInto({ data: SMALL, options: { search: true } }, out);
      const ours = lines(error).filter((line) => line.startsWith("eleventy-plugin-digest:"));
      expect(ours).toEqual([
        expect.stringMatching(
          new RegExp(
            `^eleventy-plugin-digest: could not write ${out}/pagefind/\\S+: no space left on the device \\(ENOSPC\\)$`,
          ),
        ),
      ]);
    });
  }, 60_000);
});

describe("the share-image cache after a killed build", () => {
  it("removes the .tmp files of processes that are gone, and keeps a running one's", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "digest-cache-"));
    try {
      // A process that has ended: its id names no running process now.
      const gone = spawnSync(process.execPath, ["-e", ""]).pid;
      const stale = `0123456789abcdef0123456789abcdef.png.${gone}.3.tmp`;
      const running = `fedcba9876543210fedcba9876543210.png.${process.pid}.1.tmp`;
      const png = "0123456789abcdef0123456789abcdef.png";
      for (const name of [stale, running, png]) await writeFile(path.join(dir, name), "x");
      await removeStaleTempFiles(dir);
      expect((await readdir(dir)).sort()).toEqual([png, running].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
