// What Pagefind is given: one record per pick, with every filter, sort and meta mark (escaped).
import { describe, expect, it } from "vitest";
import { validateDigest } from "../../plugin/index.js";
import { buildDigestModel } from "../../plugin/model/build.js";
import { resolveOptions } from "../../plugin/options.js";
import { createSiteContext } from "../../plugin/render/site.js";
import { searchRecords } from "../../plugin/html/search.js";

const DATA = {
  articles: [
    {
      month: "2025-04",
      rank: 1,
      title: "How Netflix streams",
      url: "https://a.example/1",
      source: "Tech, World: With Milan",
      tags: ["Netflix"],
    },
    {
      month: "2025-04",
      rank: 2,
      title: "Redis deep dive",
      url: "https://a.example/2",
      source: "ByteByteGo",
      type: "video",
    },
    { month: "2025-03", rank: 1, title: "Raft <in> practice", url: "https://a.example/4", source: "S" },
  ],
};

describe("the search records", () => {
  it("are one document per pick, at its anchor, with the marks the written pages leave out", () => {
    const options = resolveOptions({ siteUrl: "https://digest.example.com", basePath: "/digest/", search: true });
    const model = buildDigestModel(validateDigest(DATA), options);
    const site = createSiteContext(model, options, "/blog/");
    const records = searchRecords(model, site, (path) => `/blog${path}`);
    expect(records.map((record) => record.url)).toEqual([
      "/blog/digest/2025/04/#rank-1",
      "/blog/digest/2025/04/#rank-2",
      "/blog/digest/2025/03/#rank-1",
    ]);
    expect(records[0]!.content).toContain(
      '<li id="rank-1" data-pagefind-body data-pagefind-filter="source[data-dg-source], type[data-dg-type], issue[data-dg-issue]" data-pagefind-sort="rank[data-dg-rank]" data-pagefind-meta="title[data-dg-title], rank[data-dg-rank-text], issue[data-dg-issue-label], issue_url[data-dg-issue-url], source[data-dg-source-name]" data-dg-source="Tech, World: With Milan" data-dg-type="Article" data-dg-issue="April 2025" data-dg-rank="1" data-dg-title="How Netflix streams" data-dg-rank-text="#1" data-dg-issue-label="April 2025" data-dg-issue-url="/blog/digest/2025/04/" data-dg-source-name="Tech, World: With Milan">',
    );
    expect(records[0]!.content).toContain('<data data-pagefind-filter="tag[value]" value="Netflix"></data></li>');
    expect(records[1]!.content).toContain('data-dg-type="Video"');
    expect(records[2]!.content).toContain('data-dg-title="Raft &lt;in&gt; practice"');
  });

  it("hand Pagefind tag and source names as HTML (its UI writes filter labels as HTML), and the title as text", () => {
    const data = {
      articles: [
        {
          month: "2025-04",
          rank: 1,
          title: "<b>T</b>",
          url: "https://a.example/1",
          source: "<img src=x onerror=alert(1)>",
          tags: ["a &amp; <i>"],
        },
      ],
    };
    const options = resolveOptions({ siteUrl: "https://digest.example.com", search: true });
    const model = buildDigestModel(validateDigest(data), options);
    const [record] = searchRecords(model, createSiteContext(model, options, "/"), (path) => path);
    // The attribute's own escaping, then twice more: Pagefind decodes filter values twice, and its UI parses them once.
    expect(record!.content).toContain('data-dg-source="&amp;amp;lt;img src=x onerror=alert(1)&amp;amp;gt;"');
    expect(record!.content).toContain(
      '<data data-pagefind-filter="tag[value]" value="a &amp;amp;amp;amp; &amp;amp;lt;i&amp;amp;gt;"></data>',
    );
    expect(record!.content).toContain('data-dg-title="&lt;b&gt;T&lt;/b&gt;"');
  });
});
