// The inbox commands as the package ships them: compiled by tsc as `npm run build:plugin` does and
// run by plain Node (not tsx), so the runtime dependencies must load as Node's ESM loader loads
// them (jsonc-parser, htmlparser2, papaparse and write-file-atomic are CommonJS or UMD).
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { html, root, scratchFolder, startServer } from "./support/inbox.js";

const scratch = scratchFolder("cli-bin-");
let cli: string;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/typescript/bin/tsc"),
      "-p",
      path.join(root, "tsconfig.build.json"),
      "--outDir",
      path.join(scratch.dir, "dist"),
    ],
    { encoding: "utf8" },
  );
  expect(tsc.stdout + tsc.stderr).toBe("");
  cli = path.join(scratch.dir, "dist", "cli", "main.js");
  server = await startServer({
    "/post": html(
      '<meta property="og:title" content="Compiled &amp; Shipped"><meta property="og:site_name" content="Bin Blog">',
    ),
  });
}, 120_000);
afterAll(async () => {
  await server.close();
  scratch.dispose();
});

function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: scratch.dir });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

it("adds, imports (CSV and bookmarks), moves and ranks with the compiled bin", async () => {
  const data = path.join(scratch.dir, "digest.json");
  cpSync(path.join(root, "_data/digest.json"), data);
  const fixtures = path.join(import.meta.dirname, "fixtures/import");
  for (const args of [
    ["add", server.url("/post"), "--month", "2025-06"],
    ["import", path.join(fixtures, "raindrop.csv"), "--month", "2025-06"],
    ["import", path.join(fixtures, "bookmarks.html"), "--month", "2025-06"],
    ["move", "2025-06", "5", "1"],
  ]) {
    const result = await run(...args, "--data", data);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  }
  const ranks = await run("rank", "2025-06", "--data", data);
  expect(ranks.stdout).toBe(
    [
      "1  Exponential Backoff, Jittered  (retries.example.dev)",
      "2  Compiled & Shipped  (Bin Blog)",
      "3  Consistent Hashing, Visualised  (hashing.example.com)",
      `4  Quotes "inside" a title  (quotes.example.com)`,
      "5  Flow Logs with eBPF & Friends  (ebpf.example.dev)",
      "",
    ].join("\n"),
  );
  expect(JSON.parse(readFileSync(data, "utf8")).articles).toHaveLength(54);
}, 60_000);
