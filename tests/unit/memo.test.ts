// The per-build memo (plugin/model/memo.ts): what a build remembers is reused within the build,
// a new build starts with nothing, and rebuilds (as in `eleventy --serve`) never accumulate.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { declaredMemoTables, Memo, MemoTable, ScopedMemoTable } from "../../plugin/model/memo.js";
import { trackBuilds, type BuildTracker } from "../../plugin/eleventy/build.js";
import { everyPage, feedEntries, type BuildState } from "../../plugin/eleventy/entries.js";
import type { EleventyConfigLike } from "../../plugin/eleventy/config.js";
import { renderDocument } from "../../plugin/html/document.js";
import { feedLinksForPage } from "../../plugin/feeds/discovery.js";
import { feedFiles } from "../../plugin/feeds/plan.js";
import { PARSED_DATES, toIsoDateTime } from "../../plugin/model/dates.js";
import { TAG_KEYS } from "../../plugin/model/slug.js";
import { FEED_FORMATS, resolveOptions } from "../../plugin/options.js";

/** A digest that differs with `n`: its own tags, sources, dates, months and summaries. */
function digestFor(n: number) {
  const month = `${2000 + (n % 25)}-${String((n % 12) + 1).padStart(2, "0")}`;
  const articles = [1, 2, 3].map((rank) => ({
    month,
    rank,
    title: `Build ${n}, #${rank}`,
    url: `https://example.com/${n}/${rank}`,
    source: `Source ${n}-${rank}`,
    published: `${month}-0${rank}T10:00:00Z`,
    summary: `*Build* ${n}, number ${rank}`,
    tags: [`Topic ${n}`, `topic ${n}`, `Only ${n}-${rank}`, "Shared", "分布式"],
  }));
  return { title: `Digest ${n}`, articles };
}

/** A stand-in for Eleventy: `build(data)` runs `eleventy.before`, then the build's state and every page and feed. */
function fakeEleventy() {
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  const config: EleventyConfigLike = { addTemplate: () => undefined, on: (event, callback) => void listeners.set(event, callback) };
  const options = resolveOptions({ siteUrl: "https://digest.example.com", feed: { perTag: true } });
  const builds: BuildTracker = trackBuilds(config, options, () => ({ hrefPrefix: "/", absolutePrefix: "/" }), () => undefined);
  const build = (data: unknown): BuildState => {
    listeners.get("eleventy.before")!({ runMode: "serve", directories: { output: "_site", data: "_data" } });
    const state = builds.stateFor({ digest: data });
    renderAll(state);
    return state;
  };
  return { builds, build };
}

function renderAll(state: BuildState): string {
  let html = "";
  for (const entry of everyPage(state)) html += renderDocument(entry.render(), state.site);
  for (const kind of FEED_FORMATS) for (const entry of feedEntries(kind, state)) html += entry.render();
  for (const page of state.model.tagPages) html += feedLinksForPage(state.model, state.site, page.path);
  return html;
}

describe("Memo", () => {
  it("makes a value once per key, undefined values too, and once per scope and key", () => {
    const made: string[] = [];
    const lengths = new MemoTable("test lengths", (text: string) => (made.push(text), text.length || undefined));
    const labels = new ScopedMemoTable("test labels", (key: number, scope: string) => (made.push(`${scope}:${key}`), { label: `${scope}-${key}` }));
    const memo = new Memo();
    expect(memo.size).toBe(0);
    expect([memo.cached(lengths, "abc"), memo.cached(lengths, "abc"), memo.cached(lengths, ""), memo.cached(lengths, "")]).toEqual([3, 3, undefined, undefined]);
    const first = memo.cachedIn(labels, "a", 1);
    expect(memo.cachedIn(labels, "a", 1)).toBe(first);
    expect(memo.cachedIn(labels, "b", 1)).not.toBe(first);
    expect(made).toEqual(["abc", "", "a:1", "b:1"]);
    expect([memo.sizeOf(lengths), memo.sizeOf(labels), memo.size]).toEqual([2, 2, 4]);
    expect(new Memo().cached(lengths, "abc")).toBe(3);
    expect(made).toHaveLength(5);
  });
});

describe("the memo of a build", () => {
  it("(a) is reused within the build: one parse per date, one feed plan, rendering again adds nothing", () => {
    const { build } = fakeEleventy();
    const state = build(digestFor(1));
    const { memo } = state.site;
    const [a, b] = state.model.latestArticles;
    // Validation and the model read each date and tag spelling through the same memo.
    expect(state.model.issues[0]!.articles.map((article) => article.published)).toHaveLength(3);
    const entries = memo.size;
    const parsed = memo.cachedIn(PARSED_DATES, "UTC", "2001-02-01T10:00:00Z");
    expect(memo.size).toBe(entries);
    expect(toIsoDateTime(parsed!)).toBe(a!.published);
    // Sources are keyed like tags, through the same table.
    expect(memo.sizeOf(TAG_KEYS)).toBe(new Set(digestFor(1).articles.flatMap((article) => [...article.tags, article.source])).size);
    expect(b!.tags.find((tag) => tag.name === "Shared")).toBe(a!.tags.find((tag) => tag.name === "Shared"));
    expect(feedFiles(state.model, state.site)).toBe(feedFiles(state.model, state.site));
    const size = memo.size;
    expect(size).toBeGreaterThan(0);
    const again = renderAll(state);
    expect(memo.size).toBe(size);
    expect(renderAll(state)).toBe(again);
  });

  it("(b) a new build starts empty: it does not see the entries of the one before", () => {
    const served = fakeEleventy();
    const first = served.build(digestFor(1));
    const second = served.build(digestFor(2));
    expect(served.builds.current()).toBe(second);
    expect(second.site.memo).not.toBe(first.site.memo);
    // Exactly what a build of the second digest alone remembers: nothing is left of the first.
    const alone = fakeEleventy().build(digestFor(2));
    expect(second.site.memo.size).toBe(alone.site.memo.size);
    expect(second.site.memo.sizeOf(TAG_KEYS)).toBe(alone.site.memo.sizeOf(TAG_KEYS));
    // The second build's entries are its own: the first build's dates are parsed anew if asked.
    expect(second.site.memo.cachedIn(PARSED_DATES, "UTC", "2001-02-01T10:00:00Z")).not.toBe(first.site.memo.cachedIn(PARSED_DATES, "UTC", "2001-02-01T10:00:00Z"));
    expect(renderAll(second)).toBe(renderAll(alone));
  });

  it("(c) 100 rebuilds with different data grow nothing: each memo holds one build, no table is added, old builds are freed", async () => {
    const tables = declaredMemoTables();
    const served = fakeEleventy();
    const sizes: number[] = [];
    let previous: Memo | undefined;
    let firstBuild: { memo: WeakRef<Memo>; model: WeakRef<object> } | undefined;
    for (let n = 0; n < 100; n++) {
      const state = served.build(digestFor(n));
      expect(state.site.memo).not.toBe(previous);
      previous = state.site.memo;
      firstBuild ??= { memo: new WeakRef(state.site.memo), model: new WeakRef(state.model) };
      sizes.push(state.site.memo.size);
      // Bounded by one build's size: the same as a fresh process building only this digest.
      if (n % 10 === 0) expect(state.site.memo.size).toBe(fakeEleventy().build(digestFor(n)).site.memo.size);
    }
    expect(declaredMemoTables()).toBe(tables);
    // Every digest here has the same shape, so every build remembers the same number of values.
    expect(new Set(sizes)).toEqual(new Set([sizes[0]]));
    // Nothing at module level keeps an old build: the first one's memo and model are garbage.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(firstBuild!.memo.deref()).toBeUndefined();
    expect(firstBuild!.model.deref()).toBeUndefined();
  });
});

/** A full garbage collection (Node's `gc`, exposed for this test). */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
