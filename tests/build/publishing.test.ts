// Drafts and scheduled issues: what a production build leaves out, what --serve shows, and "now".
import { afterEach, describe, expect, it, vi } from "vitest";
import { DateTime } from "luxon";
import { buildSite, tryBuild, errorText, type BuildResult } from "../helpers/build/index.js";
import { nowFor } from "../../plugin/eleventy/now.js";

const DATA = {
  title: "Best of T",
  issues: {
    "2025-05": { title: "Secret draft issue", draft: true },
    "2025-06": { title: "Future scheduled issue", published: "2025-07-05" },
  },
  articles: [
    { month: "2025-04", rank: 1, title: "Published pick", url: "https://a.example/1", source: "S", tags: ["Alpha"] },
    {
      month: "2025-05",
      rank: 1,
      title: "Draft pick",
      url: "https://a.example/2",
      source: "S",
      tags: ["Alpha", "Beta"],
    },
    { month: "2025-06", rank: 1, title: "Scheduled pick", url: "https://a.example/3", source: "S", tags: ["Gamma"] },
  ],
};

const sites: BuildResult[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.cleanup()));
  vi.unstubAllEnvs();
});

async function build(input: Parameters<typeof buildSite>[0]): Promise<{ site: BuildResult; everything: string }> {
  const site = await buildSite({ data: DATA, ...input });
  sites.push(site);
  const everything = [...(await site.tree()).entries()].map(([file, text]) => `${file}\n${text}`).join("\n");
  return { site, everything };
}

describe("drafts and scheduled issues", () => {
  it("leaves a draft and a scheduled issue out of every file of a production build", async () => {
    const { site, everything } = await build({ options: { now: "2025-06-15T00:00:00Z" } });
    for (const text of [
      "Secret draft issue",
      "Draft pick",
      "Future scheduled issue",
      "Scheduled pick",
      "2025/05",
      "2025/06",
      "Beta",
      "Gamma",
      "a.example/2",
      "a.example/3",
    ]) {
      expect(everything, text).not.toContain(text);
    }
    expect(everything).toContain("Published pick");
    expect(await site.pages()).not.toContain("/tags/beta/");
  });

  it("publishes the scheduled issue everywhere once now is after its date", async () => {
    const { site, everything } = await build({ options: { now: "2025-07-05" } });
    expect(everything).not.toContain("Secret draft issue");
    expect(await site.page("/2025/06/")).toContain("Scheduled pick");
    for (const file of [
      "feed.xml",
      "atom.xml",
      "feed.json",
      "sitemap.xml",
      "index.html",
      "tags/gamma/index.html",
      "tags/gamma/feed.xml",
    ]) {
      expect(await site.read(file), file).toMatch(/Scheduled pick|2025\/06\//);
    }
  });

  it("takes now from DIGEST_NOW when the option is not set", async () => {
    vi.stubEnv("DIGEST_NOW", "2025-08-01T00:00:00Z");
    const { everything } = await build({});
    expect(everything).toContain("Scheduled pick");
    expect(everything).not.toContain("Draft pick");
  });

  it("is byte-identical for the same now, whatever the clock", async () => {
    const a = await build({ options: { now: "2025-06-15T00:00:00Z" } });
    const b = await build({ options: { now: "2025-06-15T00:00:00Z" } });
    expect(await b.site.tree()).toEqual(await a.site.tree());
  });

  it("shows drafts and scheduled issues under --serve and --watch, each with its banner", async () => {
    for (const runMode of ["serve", "watch"] as const) {
      const { site } = await build({ runMode, options: { now: "2025-06-15T00:00:00Z" } });
      const draft = await site.page("/2025/05/");
      expect(draft).toContain('class="dg-banner"');
      expect(draft).toMatch(/Draft: this issue is left out of production builds/);
      expect(await site.page("/2025/06/")).toMatch(/Scheduled: this issue is published on Jul 5, 2025/);
      expect(await site.page("/2025/04/")).not.toContain("dg-banner");
    }
  });

  it("fails before writing anything on a DIGEST_NOW that is not a date", async () => {
    vi.stubEnv("DIGEST_NOW", "next tuesday");
    const { site, error } = await tryBuild({ data: DATA });
    sites.push(site);
    expect(errorText(error)).toContain(
      'DIGEST_NOW: expected an ISO 8601 date-time with an offset, such as "2025-05-01T09:00:00Z", or a date such as "2025-05-01", got "next tuesday"',
    );
    expect(await site.files()).toEqual([]);
  });

  it("refuses a now option that is not a date", async () => {
    const { site, error } = await tryBuild({ data: DATA, options: { now: "soon" } });
    sites.push(site);
    expect(errorText(error)).toMatch(/now: expected an ISO 8601 date-time/);
  });
});

describe("now", () => {
  const clock = () => DateTime.fromISO("2026-12-01T10:00:00Z", { zone: "utc" });

  it("reads the clock only when asked, once, and says so in one line", () => {
    const log = vi.fn();
    const read = vi.fn(clock);
    const now = nowFor(undefined, undefined, "UTC", log, read);
    expect(read).not.toHaveBeenCalled();
    expect(now().toISO()).toBe("2026-12-01T10:00:00.000Z");
    now();
    expect(read).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/compared with the clock .*set the "now" option or DIGEST_NOW/);
  });

  it("prefers the option over DIGEST_NOW, and never reads the clock when either is set", () => {
    const read = vi.fn(clock);
    expect(nowFor("2025-01-01T00:00:00Z", "2030-01-01", "UTC", vi.fn(), read)().toISO()).toBe(
      "2025-01-01T00:00:00.000Z",
    );
    expect(nowFor(undefined, "2030-01-01", "Europe/Berlin", vi.fn(), read)().toISO()).toBe(
      "2030-01-01T00:00:00.000+01:00",
    );
    expect(read).not.toHaveBeenCalled();
  });
});
