// Watch-mode rebuilds: a content-only edit narrows the rebuild to the changed articles.
import { describe, expect, it } from "vitest";
import { changedArticles, fingerprintDigest } from "../../plugin/eleventy/watch.js";
import { validateDigest } from "../../plugin/data/validate.js";

const article = (rank: number, extra: Record<string, unknown> = {}) => ({
  month: "2025-04",
  rank,
  title: `Article ${rank}`,
  url: `https://example.com/${rank}`,
  source: "Example",
  tags: ["Redis"],
  ...extra,
});
const fingerprint = (articles: unknown[], extra: Record<string, unknown> = {}) =>
  fingerprintDigest(validateDigest({ articles, ...extra }));

describe("changedArticles", () => {
  const base = [article(1), article(2), article(3)];

  it("is 'all' on the first build", () => {
    expect(changedArticles(undefined, fingerprint(base))).toBe("all");
  });

  it("names only the articles whose content changed", () => {
    const edited = [article(1), article(2, { title: "A better title", summary: "Now with **words**." }), article(3)];
    expect([...(changedArticles(fingerprint(base), fingerprint(edited)) as Set<string>)]).toEqual([
      "https://example.com/2",
    ]);
    expect((changedArticles(fingerprint(base), fingerprint(base)) as Set<string>).size).toBe(0);
  });

  it.each([
    ["an added article", [...base, article(4)]],
    ["a removed article", base.slice(0, 2)],
    [
      "a new rank",
      [article(1), article(5), article(3)].map((a, i) => (i === 1 ? { ...a, url: "https://example.com/2" } : a)),
    ],
    ["another month", [article(1), article(2, { month: "2025-05" }), article(3)]],
    ["new tags", [article(1), article(2, { tags: ["Redis", "Caching"] }), article(3)]],
  ])("is 'all' for a structural change: %s", (_name, next) => {
    expect(changedArticles(fingerprint(base), fingerprint(next))).toBe("all");
  });

  it("is 'all' when issue metadata or the digest's title changes", () => {
    expect(changedArticles(fingerprint(base), fingerprint(base, { issues: { "2025-04": { title: "April" } } }))).toBe(
      "all",
    );
    expect(changedArticles(fingerprint(base), fingerprint(base, { title: "Renamed" }))).toBe("all");
  });
});
