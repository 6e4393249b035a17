// The hugo variant's timed child: `node bench/hugo/run.js <contentDir> <outDir>` runs `hugo` on
// bench/hugo/ with the prepared content (prepare.js, untimed) under GNU time, and hands the
// benchmark the hugo process's own peak RSS and CPU (lib/report-usage.js reports what this sets).
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [contentDir, outDir] = process.argv.slice(2);
const site = dirname(fileURLToPath(import.meta.url));
const started = performance.now();
const r = spawnSync(
  "/usr/bin/time",
  [
    "-f",
    "BENCHTIME %M %U %S",
    "hugo",
    "--source",
    site,
    "--contentDir",
    contentDir,
    "--destination",
    outDir,
    "--quiet",
  ],
  { encoding: "utf8", maxBuffer: 64 << 20 },
);
const wallMs = performance.now() - started;
process.stdout.write(r.stdout ?? "");
const lines = (r.stderr ?? "").split("\n");
const timeLine = lines.find((line) => line.startsWith("BENCHTIME "));
process.stderr.write(lines.filter((line) => !line.startsWith("BENCHTIME ")).join("\n"));
if (r.status !== 0 || !timeLine) process.exit(r.status || 1);
const [, maxRssKB, user, sys] = timeLine.split(" ");
globalThis.benchUsage = {
  maxRssKB: Number(maxRssKB),
  userCpuMs: Number(user) * 1000,
  systemCpuMs: Number(sys) * 1000,
  uptimeMs: wallMs,
  heapUsedMB: null,
  exitCode: 0,
};
