// Share images and very long text: satori lays out the whole text before clamping it, so the text
// it is handed is cut to what its lines can show; the image drawn is the same.
import { describe, expect, it } from "vitest";
import { CHARACTERS_PER_LINE, clipToLines, shareImageTree, type ShareElement } from "../../plugin/images/layout.js";
import { renderShareImage } from "../../plugin/images/render.js";
import type { ShareCard } from "../../plugin/images/subjects.js";

/** Every text an element tree hands satori. */
function texts(element: ShareElement): string[] {
  const { children } = element.props;
  if (children === undefined) return [];
  return typeof children === "string" ? [children] : children.flatMap(texts);
}

const card = (title: string, source = "Source"): ShareCard => ({
  path: "/share/2025-04.png",
  site: "Best of Tests",
  heading: "April 2025",
  picks: [
    { title, source },
    { title: "Second", source: "S" },
  ],
  alt: "",
});

describe("share-image text", () => {
  it("hands satori at most its lines' worth of characters, however long the title, source or heading", () => {
    const long = "x".repeat(20_000);
    const tree = shareImageTree({ ...card(long, long), heading: long, subheading: long, site: long });
    for (const text of texts(tree)) expect(text.length).toBeLessThanOrEqual(2 * CHARACTERS_PER_LINE + 1);
    expect(texts(tree)).toContain(`${"x".repeat(2 * CHARACTERS_PER_LINE)}…`);
    // Short text is handed over as it is.
    expect(texts(shareImageTree(card("Raft in practice")))).toContain("Raft in practice");
  });

  it("cuts between characters, never inside a surrogate pair", () => {
    const emoji = "🚀".repeat(CHARACTERS_PER_LINE);
    const cut = clipToLines(emoji, 1);
    expect(cut.endsWith("🚀…")).toBe(true);
    expect(cut.at(-2)).toBe("\ude80"); // the low half of the last 🚀
    expect(clipToLines("a".repeat(CHARACTERS_PER_LINE), 1)).toBe("a".repeat(CHARACTERS_PER_LINE));
  });

  it("draws a 20,000-character title without spaces as the same image as its first 1,000 characters", async () => {
    const [long, shorter] = await Promise.all([
      renderShareImage(card("W".repeat(20_000))),
      renderShareImage(card("W".repeat(1_000))),
    ]);
    expect(Buffer.compare(long, shorter)).toBe(0);
  }, 30_000);
});
