// `import`: each format read from fixture files (RSS, Atom, JSON Feed cross-checked against
// feedsmith, a real feed parser), duplicates of existing picks skipped and reported, and 5,000
// bookmarks imported in under 5 s.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "feedsmith";
import { afterAll, describe, expect, it } from "vitest";
import { readImportFile } from "../../plugin/cli/import-formats.js";
import { runInboxCommand } from "../../plugin/cli/inbox-commands.js";
import { quietly } from "../helpers/quiet.js";
import { validateDigestFile } from "../../plugin/data/validate-file.js";
import { runCli, scratchFolder } from "./support/inbox.js";

const fixtures = path.join(import.meta.dirname, "fixtures/import");
const fixture = (name: string) => readFileSync(path.join(fixtures, name), "utf8");
const scratch = scratchFolder("cli-import-");
afterAll(() => scratch.dispose());

describe("import formats", () => {
  it("reads RSS 2.0 items, HTML descriptions as text", () => {
    expect(readImportFile(fixture("starred.rss"))).toEqual({
      format: "rss",
      links: [
        {
          url: "https://www.paxos.example.org/made-moderately-complex/?utm_source=rss&utm_medium=feed",
          title: "Paxos Made Moderately Complex",
          summary: "A careful walk through Multi-Paxos.",
          tags: ["Consensus", "Paxos"],
          published: "Tue, 08 Apr 2025 09:30:00 +0000",
        },
        { url: "https://jepsen.example.io/analyses/fixture-db", title: "Jepsen: a fixture database" },
      ],
    });
  });

  it("reads Atom entries by their alternate link, an HTML title as text", () => {
    expect(readImportFile(fixture("saved.atom"))).toEqual({
      format: "atom",
      links: [
        {
          url: "https://clocks.example.net/order",
          title: "Clocks & Order",
          summary: "Lamport, then vector clocks.",
          tags: ["Time"],
          published: "2025-04-12T10:00:00Z",
        },
      ],
    });
  });

  it("reads JSON Feed items (url, else external_url; none: skipped)", () => {
    expect(readImportFile(fixture("bookmarks.json"))).toEqual({
      format: "json-feed",
      links: [
        {
          url: "https://cache.example.com/patterns",
          title: "Caching Patterns, Compared",
          summary: "Cache-aside vs write-through.",
          tags: ["Caching", "DynamoDB"],
          published: "2025-04-02T12:00:00+02:00",
        },
        { url: "https://video.example.com/watch/42", title: "A Talk on Retries" },
      ],
    });
  });

  it("finds the same links as feedsmith in each feed", () => {
    const rss = parseFeed(fixture("starred.rss"));
    const atom = parseFeed(fixture("saved.atom"));
    const json = parseFeed(fixture("bookmarks.json"));
    if (rss.format !== "rss" || atom.format !== "atom" || json.format !== "json")
      throw new Error("feedsmith read another format");
    expect(readImportFile(fixture("starred.rss")).links.map((link) => link.url)).toEqual(
      rss.feed.items?.map((item) => item.link),
    );
    expect(readImportFile(fixture("saved.atom")).links.map((link) => link.url)).toEqual(
      atom.feed.entries?.map((entry) => entry.links?.find((link) => link.rel === "alternate")?.href),
    );
    expect(readImportFile(fixture("bookmarks.json")).links.map((link) => link.url)).toEqual(
      json.feed.items?.flatMap((item) => item.url ?? item.external_url ?? []),
    );
  });

  it("reads Netscape bookmarks with their TAGS and descriptions (not their save dates)", () => {
    expect(readImportFile(fixture("bookmarks.html"))).toEqual({
      format: "bookmarks",
      links: [
        {
          url: "https://ebpf.example.dev/flow-logs",
          title: "Flow Logs with eBPF & Friends",
          summary: "Attributing packets to workloads.",
          tags: ["eBPF", "Networking"],
        },
        { url: "https://retries.example.dev/backoff", title: "Exponential Backoff, Jittered" },
      ],
    });
  });

  it("maps the columns of Raindrop, Instapaper, Readwise and Pocket CSV exports (quoted fields, quotes in fields)", () => {
    expect(readImportFile(fixture("raindrop.csv")).links).toEqual([
      {
        url: "https://hashing.example.com/rings",
        title: "Consistent Hashing, Visualised",
        summary: "Rings, virtual nodes, and rebalancing.",
        tags: ["Hashing", "Distributed Systems"],
      },
      { url: "https://quotes.example.com/q", title: 'Quotes "inside" a title' },
    ]);
    expect(readImportFile(fixture("instapaper.csv")).links).toEqual([
      {
        url: "https://queues.example.org/backpressure",
        title: "Backpressure Explained",
        summary: "Slow consumers, bounded queues.",
      },
    ]);
    expect(readImportFile(fixture("readwise.csv")).links).toEqual([
      { url: "https://shed.example.com/load", title: "Load Shedding at Scale", tags: ["Reliability", "SRE"] },
    ]);
    expect(readImportFile(fixture("pocket.csv")).links).toEqual([
      { url: "https://wal.example.com/log", title: "Write-Ahead Logs", tags: ["storage", "databases"] },
    ]);
  });

  it("says what a CSV without a URL column has, and refuses XML that is no feed", () => {
    expect(() => readImportFile("name,notes\nx,y\n")).toThrow(
      "a CSV file without a URL column (its columns: name, notes); expected one named url, link or href",
    );
    expect(() => readImportFile("<svg></svg>")).toThrow("not an RSS/Atom feed or a Netscape bookmarks file");
  });
});

describe("import on the command line", () => {
  it("imports every format, skipping and reporting a duplicate of an existing pick", async () => {
    const data = path.join(scratch.dir, "digest.json");
    // The same link as the RSS fixture's first item, but for scheme, www., trailing slash and utm_*.
    writeFileSync(
      data,
      `${JSON.stringify({ articles: [{ month: "2025-04", rank: 1, title: "Paxos", url: "http://paxos.example.org/made-moderately-complex", source: "Paxos" }] }, null, 2)}\n`,
    );
    const rss = await runCli(["import", path.join(fixtures, "starred.rss"), "--month", "2025-04", "--data", data]);
    expect(rss.stdout).toContain(
      `skipped https://www.paxos.example.org/made-moderately-complex/?utm_source=rss&utm_medium=feed: already in the digest (2025-04 #1)`,
    );
    expect(rss.stdout).toContain("added 2025-04 #2: Jepsen: a fixture database (jepsen.example.io)");
    expect(rss.status).toBe(0);
    // The other formats in this process (the same command, without a child's start-up each).
    for (const name of [
      "saved.atom",
      "bookmarks.json",
      "bookmarks.html",
      "raindrop.csv",
      "instapaper.csv",
      "readwise.csv",
      "pocket.csv",
    ]) {
      expect(
        await quietly(() =>
          runInboxCommand(["import", path.join(fixtures, name), "--month", "2025-04", "--data", data]),
        ),
      ).toBe(0);
    }
    const articles = (
      JSON.parse(readFileSync(data, "utf8")) as {
        articles: { rank: number; url: string; type: string; published?: string }[];
      }
    ).articles;
    expect(articles.map((article) => article.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(articles.find((article) => article.url === "https://cache.example.com/patterns")?.published).toBe(
      "2025-04-02T12:00:00+02:00",
    );
    expect((await validateDigestFile(data)).valid).toBe(true);
    // Importing the same file again adds nothing and changes no byte.
    const before = readFileSync(data);
    const again = await runCli([
      "import",
      path.join(fixtures, "bookmarks.html"),
      "--month",
      "2025-04",
      "--data",
      data,
      "--json",
    ]);
    expect(JSON.parse(again.stdout)).toMatchObject({
      added: [],
      written: false,
      skipped: [{ reason: "already in the digest (2025-04 #6)" }, { reason: "already in the digest (2025-04 #7)" }],
    });
    expect(readFileSync(data).equals(before)).toBe(true);
  });

  it("imports 5,000 bookmarks in under 5 s", async () => {
    const data = path.join(scratch.dir, "big.json");
    writeFileSync(data, "[]\n");
    const lines = Array.from(
      { length: 5000 },
      (_, index) =>
        `    <DT><A HREF="https://site${index % 97}.example.com/post/${index}" ADD_DATE="1743465600" TAGS="Tag ${index % 13}">Post number ${index} &amp; more</A>`,
    );
    const file = path.join(scratch.dir, "5000.html");
    writeFileSync(
      file,
      `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n${lines.join("\n")}\n</DL><p>\n`,
    );
    // Timed in this process: the command's own work (read, parse, check, edit, validate, write),
    // not a child's start-up on a machine other tests share.
    const started = performance.now();
    const status = await quietly(() => runInboxCommand(["import", file, "--month", "2025-04", "--data", data]));
    const seconds = (performance.now() - started) / 1000;
    expect(status).toBe(0);
    const articles = JSON.parse(readFileSync(data, "utf8")) as { rank: number; title: string }[];
    expect(articles).toHaveLength(5000);
    expect(articles.at(-1)).toMatchObject({ rank: 5000, title: "Post number 4999 & more" });
    expect(seconds).toBeLessThan(5);
    // And the same file through the CLI process: every link is already there.
    const again = await runCli(["import", file, "--month", "2025-04", "--data", data, "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ written: false, added: [] });
    expect(JSON.parse(again.stdout).skipped).toHaveLength(5000);
  });

  it("skips a link given twice in one file, and exits 0", async () => {
    const data = path.join(scratch.dir, "twice.json");
    writeFileSync(data, "[]\n");
    const file = path.join(scratch.dir, "twice.csv");
    writeFileSync(file, "url,title\nhttps://example.com/a,A\nhttp://www.example.com/a/?utm_source=x,A again\n");
    const result = await runCli(["import", file, "--month", "2025-04", "--data", data, "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      added: [{ url: "https://example.com/a", rank: 1 }],
      skipped: [{ url: "http://www.example.com/a/?utm_source=x", reason: "a duplicate of a link before it" }],
      written: true,
    });
    expect(result.status).toBe(0);
  });

  it("exits 2 on a file of no known format, and changes nothing", async () => {
    const data = path.join(scratch.dir, "untouched.json");
    writeFileSync(data, "[]\n");
    const bad = path.join(scratch.dir, "image.svg");
    writeFileSync(bad, "<svg></svg>");
    const result = await runCli(["import", bad, "--month", "2025-04", "--data", data]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "image.svg: an XML or HTML file that is not an RSS/Atom feed or a Netscape bookmarks file",
    );
    expect(readFileSync(data, "utf8")).toBe("[]\n");
  });
});
