import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Real Eleventy builds run inside some tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
