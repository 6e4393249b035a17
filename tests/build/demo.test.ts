// The demo, built the way `npm run build` builds it: /2025/04/ lists the nine SPEC articles in rank order.
import { afterAll, describe, expect, it } from "vitest";
import { buildDemo, type BuildResult } from "../helpers/build/index.js";

let demo: BuildResult;

describe("the demo site", () => {
  afterAll(async () => {
    await demo?.cleanup();
  });

  it("lists April 2025's nine articles in rank order", async () => {
    demo = await buildDemo();
    const html = await demo.read("2025/04/index.html");
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
