import { describe, it, expect } from "vitest";
import { validateDigest, type DigestPluginOptions } from "../../plugin/index.js";
import { buildDigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { createSiteContext } from "../../plugin/render/site.js";
import { renderLatestIssueBox, type BuildView } from "../../plugin/eleventy/host-data.js";

// The latest-issue box a host embeds (`digestLatestIssue`): its heading names the issue as its page does.

function view(raw: unknown, options: Partial<DigestPluginOptions> = {}): BuildView {
  const resolved = resolveOptions({
    siteUrl: "https://digest.example.com",
    title: "Best of Distributed Systems",
    ...options,
  });
  const model = buildDigestModel(validateDigest(raw, { timeZone: resolved.timeZone }), resolved);
  return { model, site: createSiteContext(model, resolved, "/") };
}

const article = { month: "2025-05", rank: 1, title: "Raft", url: "https://a.example/raft", source: "Source" };
const headingOf = (box: string) => /<h2><a [^>]*>([^<]*)<\/a><\/h2>/.exec(box)?.[1];

describe("digestLatestIssue: the box names the issue as its page does", () => {
  it("says the month once when the title starts with it", () => {
    const box = renderLatestIssueBox(
      view({ issues: { "2025-05": { title: "May 2025: Replication, Retries and the Kernel" } }, articles: [article] }),
    );
    expect(headingOf(box)).toBe("Best of Distributed Systems · May 2025: Replication, Retries and the Kernel");
  });

  it("puts the month before a title that does not start with it", () => {
    const box = renderLatestIssueBox(
      view({ issues: { "2025-05": { title: "Replication, Retries and the Kernel" } }, articles: [article] }),
    );
    expect(headingOf(box)).toBe("Best of Distributed Systems · May 2025: Replication, Retries and the Kernel");
  });

  it("shows the month alone for an issue without a title, or whose title is only its month", () => {
    expect(headingOf(renderLatestIssueBox(view({ articles: [article] })))).toBe(
      "Best of Distributed Systems · May 2025",
    );
    expect(
      headingOf(renderLatestIssueBox(view({ issues: { "2025-05": { title: "May 2025" } }, articles: [article] }))),
    ).toBe("Best of Distributed Systems · May 2025");
  });

  it("uses the locale's headline words", () => {
    const box = renderLatestIssueBox(
      view({ issues: { "2025-05": { title: "Mai 2025 – Replikation" } }, articles: [article] }, { locale: "de" }),
    );
    expect(headingOf(box)).toBe("Best of Distributed Systems · Mai 2025: Replikation");
  });
});
