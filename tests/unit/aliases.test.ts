// Renamed tags in the model (model/aliases.ts): how `tagAliases` renames the validated data, which
// entries are problems, and the redirects the model gives the old tags; and the redirect's relative URL.
import { describe, expect, it } from "vitest";
import { validateDigest } from "../../plugin/index.js";
import { applyTagAliases, type AliasedDigest } from "../../plugin/model/aliases.js";
import { buildDigestModel, type ModelOptions } from "../../plugin/model/build.js";
import { relativePath } from "../../plugin/html/redirect.js";

const OPTIONS: ModelOptions = {
  basePath: "/digest/",
  pageSize: 2,
  timeZone: "UTC",
  locale: "en",
  feed: { formats: ["rss", "json"], perTag: true },
};

const art = (rank: number, tags: string[]) => ({
  month: "2025-04",
  rank,
  title: `#${rank}`,
  url: `https://a.example/${rank}`,
  source: "S",
  tags,
});
const DATA = {
  articles: [
    art(1, ["K8s", "Redis"]),
    art(2, ["k 8s", "Kubernetes"]),
    art(3, ["Kubernetes"]),
    art(4, ["Machine Learning"]),
  ],
};

function aliased(aliases: Record<string, string>, data: unknown = DATA) {
  return applyTagAliases(validateDigest(data), aliases);
}

function applied(aliases: Record<string, string>, data: unknown = DATA): AliasedDigest {
  const { digest, problems } = aliased(aliases, data);
  expect(problems).toEqual([]);
  return digest;
}

describe("applyTagAliases", () => {
  it("without aliases, changes nothing", () => {
    const validated = validateDigest(DATA);
    const { digest, problems } = applyTagAliases(validated, {});
    expect(problems).toEqual([]);
    expect(digest.articles).toBe(validated.articles);
    expect(digest.tags).toBe(validated.tags);
    expect(digest.renamed).toEqual([]);
  });

  it("renames an old tag (matched as tags match, whatever the case and spacing) to its target, each tag once per article", () => {
    const digest = applied({ k8S: "kubernetes" });
    expect(digest.articles.map((a) => a.tags)).toEqual([
      ["kubernetes", "redis"],
      ["kubernetes"],
      ["kubernetes"],
      ["machinelearning"],
    ]);
    expect([...digest.tags.keys()].sort()).toEqual(["kubernetes", "machinelearning", "redis"]);
    // The target keeps the data's spelling; the old tag its own name and slug (its old URL).
    expect(digest.tags.get("kubernetes")).toEqual({ key: "kubernetes", name: "Kubernetes", slug: "kubernetes" });
    expect(digest.renamed).toEqual([
      { entry: "k8S", from: { key: "k8s", name: "K8s", slug: "k8s" }, to: "kubernetes" },
    ]);
  });

  it("resolves a chain to its end, and gives an old name no article has its own slug", () => {
    const digest = applied({ Kube: "K8s", K8s: "Kubernetes", "Kubernetes Engine": "Kube" });
    expect(digest.renamed.map((r) => [r.entry, r.from.slug, r.to])).toEqual([
      ["Kube", "kube", "kubernetes"],
      ["K8s", "k8s", "kubernetes"],
      ["Kubernetes Engine", "kubernetes-engine", "kubernetes"],
    ]);
  });

  it("makes the target a tag when only old names are in the data: a rename in the options alone", () => {
    const digest = applied({ "Machine Learning": "ML" });
    expect(digest.tags.get("ml")).toEqual({ key: "ml", name: "ML", slug: "ml" });
    expect(digest.tags.has("machinelearning")).toBe(false);
    expect(digest.articles[3]!.tags).toEqual(["ml"]);
    expect(digest.renamed[0]!.from).toEqual({
      key: "machinelearning",
      name: "Machine Learning",
      slug: "machine-learning",
    });
  });

  it("reports a target no article has, a loop, a name given twice and an old URL that is a live tag's, and applies nothing", () => {
    expect(aliased({ Memcache: "Memcached" }).problems).toEqual([
      {
        entry: "Memcache",
        message:
          'renames the tag to "Memcached", which no article has (nor any tag renamed to it); tag an article with it, or fix the name',
      },
    ]);
    const loop = aliased({ A: "B", B: "A", C: "A", K8s: "Kubernetes" });
    expect(loop.problems.map((p) => `${p.entry}: ${p.message}`)).toEqual([
      'A: loops: "A" → "B" → "A"; end the chain at a tag of the data',
      'B: loops: "B" → "A" → "B"; end the chain at a tag of the data',
      'C: loops: "C" → "A" → "B" → "A"; end the chain at a tag of the data',
    ]);
    expect(loop.digest.renamed).toEqual([]);
    expect(loop.digest.articles[0]!.tags).toEqual(["k8s", "redis"]);
    expect(aliased({ K8s: "Kubernetes", " k8s ": "Redis" }).problems).toEqual([
      {
        entry: " k8s ",
        message: 'names the same tag as the entry "K8s" (tags match whatever their case and spacing); keep one',
      },
    ]);
    expect(aliased({ "Redis!": "Kubernetes" }).problems).toEqual([
      {
        entry: "Redis!",
        message: `its URL tags/redis/ is also the tag "Redis"'s, so its redirect would replace that page; remove the entry or rename that tag`,
      },
    ]);
    // A new name only the options bring, on a live tag's URL.
    expect(aliased({ "Machine Learning": "Redis!" }).problems).toEqual([
      {
        entry: "Machine Learning",
        message: `renames the tag to "Redis!", whose URL tags/redis/ is also the tag "Redis"'s; pick another name`,
      },
    ]);
    expect(aliased({ "Kube?": "Kubernetes", "Kube!": "Kubernetes" }).problems).toEqual([
      {
        entry: "Kube!",
        message: `its URL tags/kube/ is also the renamed tag "Kube?"'s, so its redirect would replace that page; remove the entry or rename that tag`,
      },
    ]);
  });
});

describe("the model's tag redirects", () => {
  it("give each old tag its first page and page/N/ (as many as the new tag has) and a feed per format of the new tag, by old slug", () => {
    const { digest } = aliased({ K8s: "Kubernetes", Kube: "K8s" });
    const model = buildDigestModel(digest, OPTIONS);
    const kubernetes = model.tags.find((tag) => tag.key === "kubernetes")!;
    expect(kubernetes.count).toBe(3);
    expect(model.tags.map((tag) => tag.name)).toEqual(["Kubernetes", "Machine Learning", "Redis"]);
    expect(model.tagRedirects.map((r) => ({ from: r.from.slug, to: r.to, paths: r.paths, feeds: r.feeds }))).toEqual([
      {
        from: "k8s",
        to: kubernetes,
        paths: ["/digest/tags/k8s/", "/digest/tags/k8s/page/2/"],
        feeds: [
          { format: "rss", path: "/digest/tags/k8s/feed.xml" },
          { format: "json", path: "/digest/tags/k8s/feed.json" },
        ],
      },
      {
        from: "kube",
        to: kubernetes,
        paths: ["/digest/tags/kube/", "/digest/tags/kube/page/2/"],
        feeds: [
          { format: "rss", path: "/digest/tags/kube/feed.xml" },
          { format: "json", path: "/digest/tags/kube/feed.json" },
        ],
      },
    ]);
  });

  it("have no feeds without feed.perTag, and none at all without aliases", () => {
    const model = buildDigestModel(applied({ K8s: "Kubernetes" }), {
      ...OPTIONS,
      feed: { formats: ["rss"], perTag: false },
    });
    expect(model.tagRedirects.map((r) => r.feeds)).toEqual([[]]);
    expect(buildDigestModel(validateDigest(DATA), OPTIONS).tagRedirects).toEqual([]);
  });

  it("leave out an old tag whose new tag has no article in this build (its issues held back)", () => {
    const { digest } = aliased({ K8s: "Kubernetes" });
    const model = buildDigestModel(
      { ...digest, articles: digest.articles.filter((a) => !a.tags.includes("kubernetes")) },
      OPTIONS,
    );
    expect(model.tagRedirects).toEqual([]);
  });
});

describe("relativePath", () => {
  it("is the new tag's page relative to an old page's folder, encoded as links are", () => {
    expect(relativePath("/tags/k8s/", "/tags/kubernetes/")).toBe("../kubernetes/");
    expect(relativePath("/digest/tags/k8s/page/3/", "/digest/tags/kubernetes/")).toBe("../../../kubernetes/");
    expect(relativePath("/tags/k8s/", "/tags/分布式系统/")).toBe("../%E5%88%86%E5%B8%83%E5%BC%8F%E7%B3%BB%E7%BB%9F/");
  });
});
