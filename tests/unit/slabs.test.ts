// TextSlabs keeps texts outside the heap and writes over a slab once nothing in it is kept.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextSlabs } from "../../plugin/html/slabs.js";

describe("TextSlabs", () => {
  it("gives back every text as it was kept, whatever its characters", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 300 }), { maxLength: 60 }), (texts) => {
        const slabs = new TextSlabs(1024);
        const kept = texts.map((text) => ({ text, kept: slabs.keep(text) }));
        for (const { text, kept: k } of kept) if (k) expect(slabs.read(k)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses what could not come back the same or does not fit: a lone surrogate, a text longer than a slab", () => {
    const slabs = new TextSlabs(1024);
    expect(slabs.keep("broken \ud800 pair")).toBeUndefined();
    expect(slabs.keep("x".repeat(400))).toBeUndefined();
    expect(slabs.keep("x".repeat(300))).toBeDefined();
  });

  it("writes over emptied slabs: texts kept a few at a time take a few slabs, however many pass through", () => {
    const slabs = new TextSlabs(4096);
    const window: { text: string; kept: ReturnType<TextSlabs["keep"]> }[] = [];
    for (let n = 0; n < 10_000; n++) {
      const text = `<article data-n="${n}">${"é".repeat(n % 50)}</article>`;
      window.push({ text, kept: slabs.keep(text) });
      if (window.length > 20) {
        const { text: oldest, kept } = window.shift()!;
        expect(slabs.read(kept!)).toBe(oldest);
        slabs.drop(kept!);
      }
    }
    for (const { text, kept } of window) expect(slabs.read(kept!)).toBe(text);
    // 20 texts of up to ~180 bytes at once: a handful of 4 KB slabs, not 10,000 texts' worth (~1.4 MB).
    expect(slabs.slabCount).toBeLessThanOrEqual(4);
  });
});
