// The demo, built the way `npm run build` builds it: /2025/04/ lists the nine SPEC articles in rank order.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Eleventy from "@11ty/eleventy";
import { register } from "tsx/esm/api";

// Eleventy imports eleventy.config.ts itself: let Node load TypeScript, as `tsx eleventy` does.
register();

const root = path.resolve(import.meta.dirname, "../..");
let output: string;

describe("the demo site", () => {
  afterAll(async () => {
    if (output) await rm(output, { recursive: true, force: true });
  });

  it("lists April 2025's nine articles in rank order", async () => {
    output = await mkdtemp(path.join(tmpdir(), "digest-demo-"));
    const elev = new Eleventy(path.join(root, "src"), output, { quietMode: true, configPath: path.join(root, "eleventy.config.ts") });
    await elev.write();
    const html = await readFile(path.join(output, "2025/04/index.html"), "utf8");
    const titles = [...html.matchAll(/<h2 class="dg-title"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      "How does Netflix manage to show you a movie without interruptions?",
      "10 System Design Concepts You Must Master Before Your Next SDE Interview (with Resources)",
      "Understanding Microservices: Core Concepts and Benefits",
      "99% of Developers Don&#39;t Get RPCs",
      "Redis Deep Dive for System Design Interviews",
      "EP160: Top 20 System Design Concepts You Should Know",
      "How Netflix Orchestrates Millions of Workflow Jobs with Maestro",
      "How to Keep Distributed Systems Consistent: Versioning vs Vector Clocks",
      "How Netflix Accurately Attributes eBPF Flow Logs",
    ]);
  });
});
