// Preloaded into every benchmarked child with `node --import`: when the process exits, write its own
// peak resident set size (process.resourceUsage().maxRSS, kilobytes, from getrusage(2)), CPU times
// and uptime to the JSON file named by BENCH_REPORT. Works the same for the Eleventy CLI and for
// bench/raw.js, and needs no /usr/bin/time.
import { writeFileSync } from "node:fs";

const target = process.env.BENCH_REPORT;
if (target) {
  delete process.env.BENCH_REPORT; // not inherited by grandchildren
  process.on("exit", (code) => {
    const ru = process.resourceUsage();
    try {
      writeFileSync(
        target,
        // A wrapper that measures a non-node child (bench/hugo/run.js) sets globalThis.benchUsage.
        JSON.stringify(
          globalThis.benchUsage ?? {
            maxRssKB: ru.maxRSS,
            userCpuMs: ru.userCPUTime / 1000,
            systemCpuMs: ru.systemCPUTime / 1000,
            uptimeMs: process.uptime() * 1000,
            heapUsedMB: process.memoryUsage().heapUsed / 1048576,
            exitCode: code,
          },
        ),
      );
    } catch {
      // nothing useful to do while exiting
    }
  });
}
