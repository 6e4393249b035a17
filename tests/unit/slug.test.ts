import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { tagKey, tagSlug } from "../../plugin/data/slug.js";

describe("tagSlug", () => {
  it("keeps C++, C# and C distinct", () => {
    const slugs = ["C++", "C#", "C"].map(tagSlug);
    expect(slugs).toEqual(["c-plus-plus", "c-sharp", "c"]);
    expect(new Set(slugs).size).toBe(3);
  });

  it("transliterates Latin letters", () => {
    expect(tagSlug("Système distribué")).toBe("systeme-distribue");
    expect(tagSlug("System Design")).toBe("system-design");
  });

  it.each(["分布式系统", "🚀", "Ελληνικά", "?!", "🚀🚀"])("gives %j a non-empty, URL-safe slug", (name) => {
    const slug = tagSlug(name);
    expect(slug).not.toBe("");
    expect(slug).not.toMatch(/[\s/\\.%?#]/);
  });

  it("keeps Chinese letters rather than dropping them", () => {
    expect(tagSlug("分布式系统")).toBe("分布式系统");
    expect(tagSlug("🚀")).not.toBe(tagSlug("🔥"));
  });

  it.each(["../etc", "..", "../../passwd", "a/b", "a\\b", ".hidden", "%2e%2e%2f"])(
    "never lets %j leave its folder",
    (name) => {
      const slug = tagSlug(name);
      expect(slug).not.toBe("");
      expect(slug).not.toContain("/");
      expect(slug).not.toContain("\\");
      expect(slug).not.toContain("..");
      expect(slug).not.toContain("%");
      expect(slug).not.toMatch(/^\./);
    },
  );

  it("is only letters, digits and dashes for any input (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (name) => {
        const slug = tagSlug(name);
        return slug.length > 0 && /^[\p{L}\p{N}\p{M}-]+$/u.test(slug) && !slug.includes("..");
      }),
      { numRuns: 300, seed: 20250401 },
    );
  });
});

describe("tagKey", () => {
  it("gives case and spacing variants one key", () => {
    const keys = ["System Design", "system design", "SYSTEM  DESIGN", " System\tDesign ", "SystemDesign"].map(tagKey);
    expect(new Set(keys)).toEqual(new Set(["systemdesign"]));
  });

  it("keeps different tags apart", () => {
    expect(tagKey("C++")).not.toBe(tagKey("C#"));
    expect(tagKey("Node.js")).not.toBe(tagKey("Node JS"));
  });

  it("variants with one key also share one slug", () => {
    expect(tagSlug("System Design")).toBe(tagSlug("SYSTEM  DESIGN"));
  });
});
