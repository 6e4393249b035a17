import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { deterministicShuffle } from "./tests/helpers/synthetic.js";

/**
 * The files that take longest (a real Chromium, an npm install, child processes, Java, large random
 * digests), longest first: started first, so the run does not end waiting on one of them. Every
 * other file follows in vitest's own order (by its last duration, or by size on a fresh clone).
 */
const SLOWEST_FIRST = [
  "tests/browser/pages.test.ts",
  "tests/embed/blog.test.ts",
  "tests/browser/big-digest.test.ts",
  "tests/browser/lighthouse.test.ts",
  "tests/hostile/properties.test.ts",
  "tests/cli/cli.test.ts",
  "tests/build/nu-checker.test.ts",
  "tests/reproducible/reproducible.test.ts",
  "tests/hostile/eleventy.test.ts",
  "tests/unit/typed-config.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // `--sequence.shuffle` still shuffles the files (vitest's own shuffling is for no custom sequencer).
    const { shuffle, seed } = this.ctx.config.sequence;
    if (shuffle) return deterministicShuffle(files, seed);
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(path.relative(this.ctx.config.root, file.moduleId).split(path.sep).join("/"));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Real Eleventy builds run inside some tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One test process per core (vitest's default leaves one core free: half of this 2-core machine).
    maxWorkers: availableParallelism(),
    // Test files share their process, and so the modules it loaded (Eleventy, the plugin): each file
    // still runs its own code, but loading them again for every file was a third of the run. So a
    // file undoes what it changes for the process: spies and env stubs restored, a loader hook
    // turned off (buildDemo's tsx), a module mock loaded around and dropped after (path-guard).
    isolate: false,
    sequence: { sequencer: SlowestFirst },
  },
});
