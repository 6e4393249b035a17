/**
 * Keeps a build's console output out of the test log. A build that is meant to fail prints
 * Eleventy's "[11ty] Problem writing Eleventy templates" block with the original stack trace; the
 * tests already check the error itself. `quietly(run)` captures console.log/info/warn/error/debug
 * while `run` goes on and prints what it captured only if the test fails (or, outside a test, in a
 * hook, if `run` rejects: the hook then fails, and Eleventy's wrapped message is all it would show).
 *
 * It swaps the console methods and puts back whatever was there, so a spy a test set up before
 * stays in place; but that spy sees nothing of the build, so a test asserting on what a build logs
 * must not build through `quietly`.
 */
import { onTestFailed } from "vitest";

const METHODS = ["log", "info", "warn", "error", "debug"] as const;
type Method = (typeof METHODS)[number];

/** Runs `run` with the console captured; the captured lines are printed only on failure. */
export async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const captured: [Method, unknown[]][] = [];
  const saved = METHODS.map((method) => [method, console[method]] as const);
  for (const method of METHODS) console[method] = (...args: unknown[]) => void captured.push([method, args]);
  const replay = () => {
    for (const [method, args] of captured) console[method](...args);
  };
  let failed = false;
  try {
    return await run();
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    for (const [method, original] of saved) console[method] = original;
    if (captured.length > 0) {
      try {
        onTestFailed(replay);
      } catch {
        // Not inside a test (a beforeAll hook): nothing will report a failure later.
        if (failed) replay();
      }
    }
  }
}
