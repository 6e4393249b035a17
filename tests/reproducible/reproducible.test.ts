// Reproducible builds: the same data builds byte-identical output under different time zones,
// locales, system clocks and file times. Each build runs in its own Node process with its own
// environment; the two output trees are then compared byte for byte, and with `diff -r`.
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildInChild, readTree, repoRoot as root, type Conditions, type Seen } from "../helpers/build/index.js";
import { syntheticDigest } from "./synthetic.js";

/**
 * Articles in the synthetic digest. `npm test` builds 1,000 (two builds in about 4 s on two
 * cores); `DIGEST_REPRODUCIBLE_ARTICLES=10000 npx vitest run tests/reproducible` builds the 10k
 * digest (two builds of about 4 s each, run side by side).
 */
const ARTICLES = Number(process.env.DIGEST_REPRODUCIBLE_ARTICLES ?? 1000);

const A: Conditions = { TZ: "UTC", LANG: "C", clockShiftDays: 0, fileTime: new Date("1990-01-01T00:00:00Z") };
const B: Conditions = {
  TZ: "Pacific/Kiritimati",
  LANG: "de_DE.UTF-8",
  clockShiftDays: 7305,
  fileTime: new Date("2038-01-01T00:00:00Z"),
};

/** Gives every file under `dir` the same modification time. */
async function touchAll(dir: string, time: Date): Promise<void> {
  for (const name of (await readTree(dir)).keys()) await utimes(path.join(dir, name), time, time);
}

function expectDifferentWorlds(a: Seen, b: Seen): void {
  // The two builds really ran in different zones, locales and clocks.
  expect(a).toMatchObject({ timeZone: "UTC", offset: 0 });
  expect(a.locale).toMatch(/^en/);
  expect(b).toMatchObject({ timeZone: "Pacific/Kiritimati", offset: -14 * 60 });
  expect(b.locale).toMatch(/^de/);
  expect(Date.parse(b.now) - Date.parse(a.now)).toBeGreaterThan(7000 * 86_400_000);
}

/** Same file list, same bytes; and `diff -r` agrees (prints nothing, exits 0). */
async function expectIdenticalTrees(a: string, b: string): Promise<number> {
  const [left, right] = await Promise.all([readTree(a), readTree(b)]);
  expect([...right.keys()]).toEqual([...left.keys()]);
  const different = [...left].filter(([file, content]) => right.get(file) !== content).map(([file]) => file);
  expect(different).toEqual([]);
  const diff = spawnSync("diff", ["-r", a, b], { encoding: "utf8" });
  expect(diff.stdout).toBe("");
  expect(diff.status).toBe(0);
  return left.size;
}

let work: string;

describe("reproducible builds", () => {
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("the demo builds byte-identical under TZ=UTC LANG=C and TZ=Pacific/Kiritimati LANG=de_DE.UTF-8, 20 years and file times apart", async () => {
    work ??= await mkdtemp(path.join(tmpdir(), "digest-repro-"));
    // Two copies of the demo's input, with different file times; the demo's own config.
    const copies = await Promise.all(
      [A, B].map(async (conditions, index) => {
        const copy = path.join(work, `demo-${index}`);
        for (const dir of ["src", "_data", "_includes"])
          await cp(path.join(root, dir), path.join(copy, dir), { recursive: true });
        await touchAll(copy, conditions.fileTime);
        return copy;
      }),
    );
    const config = path.join(root, "eleventy.config.ts");
    const [seenA, seenB] = await Promise.all([
      buildInChild(path.join(copies[0]!, "src"), path.join(work, "demo-out-a"), A, config),
      buildInChild(path.join(copies[1]!, "src"), path.join(work, "demo-out-b"), B, config),
    ]);
    expectDifferentWorlds(seenA, seenB);
    const files = await expectIdenticalTrees(path.join(work, "demo-out-a"), path.join(work, "demo-out-b"));
    expect(files).toBeGreaterThan(10);
  }, 120_000);

  it("the demo's sitemap dates its about page from the page's front matter, not from the file's creation time (which differs from clone to clone)", async () => {
    work ??= await mkdtemp(path.join(tmpdir(), "digest-repro-"));
    // A fresh copy, as a clone made today is: every file created now.
    const copy = path.join(work, "demo-fresh");
    for (const dir of ["src", "_data", "_includes"])
      await cp(path.join(root, dir), path.join(copy, dir), { recursive: true });
    const created = (await stat(path.join(copy, "src", "about.md"))).birthtime;
    await buildInChild(
      path.join(copy, "src"),
      path.join(work, "demo-fresh-out"),
      A,
      path.join(root, "eleventy.config.ts"),
    );
    const sitemap = await readFile(path.join(work, "demo-fresh-out", "sitemap.xml"), "utf8");
    const about = /<url><loc>https:\/\/digest\.example\.com\/about\/<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/.exec(
      sitemap,
    );
    expect(about?.[1]).toBe("2026-11-28");
    // The test shows something only if the copy was not made that very day.
    expect(created.toISOString().slice(0, 10)).not.toBe("2026-11-28");
  }, 120_000);

  it(`a ${ARTICLES.toLocaleString("en")}-article digest builds byte-identical under the same two settings`, async () => {
    work ??= await mkdtemp(path.join(tmpdir(), "digest-repro-"));
    const data = JSON.stringify(syntheticDigest(ARTICLES));
    const inputs = await Promise.all(
      [A, B].map(async (conditions, index) => {
        const input = path.join(work, `synthetic-${index}`);
        await mkdir(path.join(input, "_data"), { recursive: true });
        await writeFile(path.join(input, "_data", "digest.json"), data);
        await touchAll(input, conditions.fileTime);
        return input;
      }),
    );
    const [seenA, seenB] = await Promise.all([
      buildInChild(inputs[0]!, path.join(work, "synthetic-out-a"), A),
      buildInChild(inputs[1]!, path.join(work, "synthetic-out-b"), B),
    ]);
    expectDifferentWorlds(seenA, seenB);
    const files = await expectIdenticalTrees(path.join(work, "synthetic-out-a"), path.join(work, "synthetic-out-b"));
    expect(files).toBeGreaterThan(ARTICLES / 10);
  }, 300_000);
});
