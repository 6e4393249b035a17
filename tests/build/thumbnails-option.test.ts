// The `thumbnails` option, in real builds: what `thumbnails: false` leaves out of pages, feeds and emails.
import { describe, it, expect } from "vitest";
import { buildInMemory, readUrl } from "../helpers/build/index.js";

const IMAGE = "https://img.example/thumb.png";
const data = {
  title: "Picks",
  issues: { "2025-04": { title: "Netflix" } },
  articles: [
    {
      month: "2025-04",
      rank: 1,
      title: "Pictured",
      url: "https://a.example/1",
      source: "S",
      image: IMAGE,
      tags: ["Redis"],
    },
    { month: "2025-04", rank: 2, title: "Plain", url: "https://a.example/2", source: "S", tags: ["Redis"] },
  ],
};

describe("thumbnails", () => {
  it("by default: cards, feeds and emails show the article's image, told no referrer; a page without a share image names it as og:image", async () => {
    const site = await buildInMemory({ data });
    const month = readUrl(site, "/2025/04/");
    expect(month).toContain(
      `<img class="dg-thumb" src="${IMAGE}" alt="" width="112" height="63" loading="lazy" decoding="async" referrerpolicy="no-referrer">`,
    );
    expect(month).toContain(`<meta property="og:image" content="${IMAGE}">`);
    expect(readUrl(site, "/feed.xml")).toContain(`referrerpolicy="no-referrer"&gt;&lt;/a&gt;`);
    expect(readUrl(site, "/2025/04/email.html")).toMatch(
      new RegExp(`<img src="${IMAGE}"[^>]*referrerpolicy="no-referrer"`),
    );
  });

  it("false: no output names the image: no <img>, no og:image, no media:thumbnail, no JSON Feed image", async () => {
    const site = await buildInMemory({ data, options: { thumbnails: false } });
    expect(site.size).toBeGreaterThan(10);
    for (const [url, content] of site) expect(content.includes(IMAGE), url).toBe(false);
    expect(readUrl(site, "/2025/04/")).not.toContain("dg-has-thumb");
    expect(readUrl(site, "/2025/04/")).toContain("Pictured");
  });
});
