// Issue 6: the plugin's own work (validation + model) must stay linear. This counts work instead of
// timing it, so it holds on any machine: no clock is read. The speed targets (own work ≤ 10% of a
// 100k build) are measured by `npm run bench` (bench/run.js, target "own-work-share-100k").
//
// The work of a call is counted in two parts, both exact and repeatable:
//  - V8's precise block coverage (the inspector's Profiler, as `c8` uses it): how many times every
//    function, loop body and branch ran, in the plugin and in its dependencies (zod, luxon, ...);
//  - the elements that native Array methods walk without calling back into JavaScript (`includes`,
//    `indexOf`, `slice`, spreads and `for…of` over arrays, Maps and Sets, ...), which block coverage
//    cannot see: an `articles.includes(x)` per article is quadratic with a linear block count.
// (Not for `vitest --coverage`: taking precise coverage here resets its counters.)
import { Session } from "node:inspector/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The benchmark's deterministic generator: 100 ranked articles a month, 3 tags each from 200.
// @ts-expect-error plain JavaScript without types
import { generateDigest } from "../../bench/generate.js";
import { buildDigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { validateDigest } from "../../plugin/data/validate.js";

const options = resolveOptions({ siteUrl: "https://bench.example.com" });

type Patch = [target: object, key: PropertyKey, cost: (self: unknown, args: unknown[], result: unknown) => number];
const length = (value: unknown) => (value as { length?: number } | null)?.length ?? 0;
const size = (value: unknown) => (value as { size?: number } | null)?.size ?? 0;

// Native methods whose cost grows with the collection they walk (measured on `this` or the result).
const PATCHES: Patch[] = [
  // Walk or move (up to) every element of `this`: an upper bound for a scan that stops early.
  ...(
    [
      "includes",
      "indexOf",
      "lastIndexOf",
      "join",
      "reverse",
      "fill",
      "copyWithin",
      "splice",
      "shift",
      "unshift",
      "sort",
      "toSorted",
      "toReversed",
    ] as const
  ).map((key): Patch => [Array.prototype, key, (self) => length(self)]),
  // Copy what they return: a page's `slice` costs the page, not the whole list.
  ...(["slice", "concat", "flat", "toSpliced", "with"] as const).map(
    (key): Patch => [Array.prototype, key, (_self, _args, result) => length(result)],
  ),
  // Spreads, `for…of` and destructuring of arrays, Maps and Sets start here (counted as a full walk).
  [Array.prototype, Symbol.iterator, (self) => length(self)],
  ...(["keys", "values", "entries"] as const).map((key): Patch => [Array.prototype, key, (self) => length(self)]),
  ...[Map.prototype, Set.prototype].flatMap((proto) =>
    [Symbol.iterator, "keys", "values", "entries"].map((key): Patch => [proto, key, (self) => size(self)]),
  ),
  [Array, "from", (_self, _args, result) => length(result)],
  ...(["keys", "values", "entries"] as const).map(
    (key): Patch => [Object, key, (_self, _args, result) => length(result)],
  ),
];

/** Adds the native walks to `counter.elements` while installed; `uninstall()` puts the originals back. */
function installNativeCounters(counter: { elements: number }): () => void {
  const originals = PATCHES.map(
    ([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)!] as const,
  );
  for (const [target, key, cost] of PATCHES) {
    const original = (target as Record<PropertyKey, (...args: unknown[]) => unknown>)[key]!;
    const counted = function (this: unknown, ...args: unknown[]) {
      const result = Reflect.apply(original, this, args);
      counter.elements += cost(this, args, result);
      return result;
    };
    Object.defineProperty(target, key, { ...Object.getOwnPropertyDescriptor(target, key), value: counted });
  }
  return () => {
    for (const [target, key, descriptor] of originals) Object.defineProperty(target, key, descriptor);
  };
}

const session = new Session();

beforeAll(async () => {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: true });
});

afterAll(async () => {
  await session.post("Profiler.stopPreciseCoverage");
  await session.post("Profiler.disable");
  session.disconnect();
});

interface Work {
  /** Block executions, in every script. */
  readonly blocks: number;
  /** Elements walked by native methods. */
  readonly elements: number;
}

/** The work units of `run()`. */
async function workUnits(run: () => void): Promise<Work> {
  await session.post("Profiler.takePreciseCoverage"); // taking resets the counters
  const counter = { elements: 0 };
  const uninstall = installNativeCounters(counter);
  try {
    run();
  } finally {
    uninstall();
  }
  const { result } = await session.post("Profiler.takePreciseCoverage");
  let blocks = 0;
  for (const script of result) for (const fn of script.functions) for (const range of fn.ranges) blocks += range.count;
  return { blocks, elements: counter.elements };
}

const total = (work: Work) => work.blocks + work.elements;

const ownWork = (data: unknown) => () => {
  const model = buildDigestModel(validateDigest(data, options), options);
  if (model.monthPages.length === 0) throw new Error("no month pages");
};

describe("the work counter", () => {
  // Proof that the meter can fail: quadratic code, in JavaScript loops or in a native scan, shows as
  // about 16× the work for 4× the input.
  const nestedLoops = (n: number) => () => {
    let sum = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += i ^ j;
    if (sum < 0) throw new Error("unreachable");
  };
  const includesPerItem = (n: number) => () => {
    const seen: number[] = [];
    for (let i = 0; i < n; i++) if (!seen.includes(i)) seen.push(i);
  };
  const spreadPerItem = (n: number) => () => {
    let all: number[] = [];
    for (let i = 0; i < n; i++) all = [...all, i];
  };

  it.each([
    ["nested loops", nestedLoops],
    ["an includes() per item", includesPerItem],
    ["a spread per item", spreadPerItem],
  ])("sees quadratic work in %s", async (_name, make) => {
    const small = total(await workUnits(make(500)));
    const large = total(await workUnits(make(2_000)));
    expect(large / small).toBeGreaterThan(12);
  });
});

describe("validation + model", () => {
  it("grows linearly: 4× the articles cost about 4× the work (quadratic would be 16×)", async () => {
    const small = generateDigest(5_000);
    const large = generateDigest(20_000);
    await workUnits(ownWork(small)); // fills the dependencies' caches (luxon, zod), as a first build would
    const smallWork = await workUnits(ownWork(small));
    const largeWork = await workUnits(ownWork(large));
    // The meter saw the work: at least one unit an article of each kind.
    expect(smallWork.blocks).toBeGreaterThan(5_000);
    expect(smallWork.elements).toBeGreaterThan(5_000);
    // The counts are exact, so the bound can be tight: linear is 4× and n·log n sorting at most
    // 4.65×; a quadratic part (16×) as small as a twelfth of the work at 5k takes it past 5×.
    // Each kind on its own too, so a quadratic native scan does not hide behind the JavaScript.
    expect(largeWork.blocks / smallWork.blocks).toBeLessThan(5);
    expect(largeWork.elements / smallWork.elements).toBeLessThan(5);
    expect(total(largeWork) / total(smallWork)).toBeLessThan(5);
  }, 120_000);
});
