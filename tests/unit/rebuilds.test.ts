// What a build keeps is its own: rendering a build again gives the same files and makes nothing new,
// a rebuild (as in `eleventy --serve`) starts from nothing, and 100 rebuilds hold no old build.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { trackBuilds, type BuildTracker } from "../../plugin/eleventy/build.js";
import { everyPage, feedEntries, type BuildState } from "../../plugin/eleventy/entries.js";
import type { EleventyConfigLike } from "../../plugin/eleventy/config.js";
import { renderDocument } from "../../plugin/html/document.js";
import { feedLinksForPage } from "../../plugin/feeds/discovery.js";
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
  const config: EleventyConfigLike = {
    addTemplate: () => undefined,
    on: (event, callback) => void listeners.set(event, callback),
  };
  const options = resolveOptions({ siteUrl: "https://digest.example.com", feed: { perTag: true } });
  const builds: BuildTracker = trackBuilds(
    config,
    options,
    () => ({ hrefPrefix: "/", absolutePrefix: "/" }),
    () => undefined,
  );
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

describe("a build's state", () => {
  it("is made once per build: rendering it again gives the same files and keeps no more", () => {
    const { builds, build } = fakeEleventy();
    const state = build(digestFor(1));
    expect(builds.stateFor({ digest: digestFor(2) })).toBe(state);
    // Tags that differ only in case are one tag object, shared by the articles that have it.
    const [a, b] = state.model.latestArticles;
    expect(b!.tags.find((tag) => tag.name === "Shared")).toBe(a!.tags.find((tag) => tag.name === "Shared"));
    const summaries = state.site.summaries.size;
    expect(summaries).toBe(3);
    const again = renderAll(state);
    expect(state.site.summaries.size).toBe(summaries);
    expect(renderAll(state)).toBe(again);
  });

  it("of a rebuild starts from nothing: its files are those of a build of its data alone", () => {
    const served = fakeEleventy();
    const first = served.build(digestFor(1));
    const second = served.build(digestFor(2));
    expect(served.builds.current()).toBe(second);
    expect(second.site).not.toBe(first.site);
    const alone = fakeEleventy().build(digestFor(2));
    expect(second.site.summaries.size).toBe(alone.site.summaries.size);
    expect(renderAll(second)).toBe(renderAll(alone));
  });

  it("100 rebuilds with different data grow nothing: each build's state holds one build, old builds are freed", async () => {
    const served = fakeEleventy();
    const sizes: number[] = [];
    let first: { site: WeakRef<object>; model: WeakRef<object> } | undefined;
    for (let n = 0; n < 100; n++) {
      const state = served.build(digestFor(n));
      first ??= { site: new WeakRef(state.site), model: new WeakRef(state.model) };
      sizes.push(state.site.summaries.size + state.feeds.length);
    }
    // Every digest here has the same shape, so every build holds the same number of values.
    expect(new Set(sizes)).toEqual(new Set([sizes[0]]));
    // Nothing at module level keeps an old build: the first one's site and model are garbage.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(first!.site.deref()).toBeUndefined();
    expect(first!.model.deref()).toBeUndefined();
  });
});

/** A full garbage collection (Node's `gc`, exposed for this test). */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
