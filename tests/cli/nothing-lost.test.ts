// Nothing lost, ever: `add` killed between fetching and writing, a write that fails (file size
// limit, as a full disk), a result the build would reject, data that is invalid already: each
// leaves the data file byte-identical, and no stray file beside it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { html, runCli, scratchFolder, startServer } from "./support/inbox.js";

let server: Awaited<ReturnType<typeof startServer>>;
const scratch = scratchFolder("cli-nothing-lost-");
let child: ChildProcess | undefined;
let firstServed: Promise<void>;
let markFirstServed: () => void;

beforeAll(async () => {
  firstServed = new Promise((resolve) => (markFirstServed = resolve));
  server = await startServer({
    "/page": html("<title>A page</title>"),
    // A title of nothing visible (a zero-width space): the build's rules reject it.
    "/invisible-title": html('<meta property="og:title" content="&#x200B;">'),
    "/first": (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<title>Fetched before the kill</title>");
      response.on("finish", () => markFirstServed());
    },
    // Never answers: the command is still between fetching (the first page) and writing.
    "/hang": () => {
      void firstServed.then(() => setTimeout(() => child?.kill("SIGKILL"), 300));
    },
  });
});
afterAll(async () => {
  await server.close();
  scratch.dispose();
});

const ARTICLE = {
  month: "2025-04",
  rank: 1,
  title: "Kept",
  url: "https://example.com/kept",
  source: "Example",
  tags: ["C++"],
};

/** A folder holding one data file with `content`; returns the file. */
function dataFile(name: string, content: string): string {
  const folder = path.join(scratch.dir, name);
  const file = path.join(folder, "digest.json");
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe("the data file is byte-identical after", () => {
  it("add is killed between fetching and writing", async () => {
    const file = dataFile("killed", `${JSON.stringify({ articles: [ARTICLE] }, null, 2)}\n`);
    const before = readFileSync(file);
    const result = await runCli(
      ["add", server.url("/first"), server.url("/hang"), "--month", "2025-04", "--data", file, "--timeout", "30"],
      { onSpawn: (spawned) => (child = spawned) },
    );
    expect(result.signal).toBe("SIGKILL");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(["digest.json"]);
  });

  it("the write fails part-way (a file size limit, as a full disk): the temporary file removed", async () => {
    // A data file over 1 MiB (a long description), under a 1 MiB limit on files the process writes.
    const file = dataFile(
      "full",
      `${JSON.stringify({ description: "x".repeat(1_200_000), articles: [ARTICLE] }, null, 2)}\n`,
    );
    const before = readFileSync(file);
    const result = await runCli(["add", server.url("/page"), "--month", "2025-04", "--data", file], {
      shell: "ulimit -f 1024",
    });
    expect(result.stdout).toContain("added 2025-04 #2: A page");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(["digest.json"]);
    // The kernel signals SIGXFSZ; write-file-atomic's exit handler removes its temporary file, then
    // the signal ends the process.
    expect(result.signal).toBe("SIGXFSZ");
  });

  it("a pick the build's rules reject: skipped with the build's message, exit 1, nothing written", async () => {
    const file = dataFile("invalid-result", `${JSON.stringify({ articles: [ARTICLE] }, null, 2)}\n`);
    const before = readFileSync(file);
    // "c plus plus" and the existing "C++" would share one tag URL.
    const result = await runCli([
      "add",
      server.url("/page"),
      "--month",
      "2025-04",
      "--tags",
      "c plus plus",
      "--data",
      file,
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^skipped ${server.url("/page").replace(/[.]/g, "\\.")}: the build would reject it: digest\\.json: articles\\[1\\]\\.tags\\[0\\]: .+$`,
        "m",
      ),
    );
    expect(result.stdout).toContain("nothing to change");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a rejected pick does not hold back the others", async () => {
    const file = dataFile("one-rejected", `${JSON.stringify({ articles: [ARTICLE] }, null, 2)}\n`);
    const result = await runCli([
      "add",
      server.url("/invisible-title"),
      server.url("/page"),
      "--month",
      "2025-04",
      "--data",
      file,
      "--json",
    ]);
    const report = JSON.parse(result.stdout) as {
      added: { title: string; rank: number }[];
      skipped: { url: string; reason: string }[];
      written: boolean;
    };
    expect(report.skipped).toEqual([
      {
        url: server.url("/invisible-title"),
        reason:
          'the build would reject it: digest.json: articles[1].title: expected the title as non-empty text, got "\\u200b"',
      },
    ]);
    expect(report.added).toMatchObject([{ title: "A page", rank: 2 }]);
    expect(report.written).toBe(true);
    expect(result.status).toBe(1);
  });

  it("the data is invalid already: exit 1, nothing fetched or written", async () => {
    const file = dataFile("invalid-before", `${JSON.stringify({ articles: [{ ...ARTICLE, rank: "1" }] }, null, 2)}\n`);
    const before = readFileSync(file);
    const result = await runCli(["add", server.url("/page"), "--month", "2025-04", "--data", file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('error: digest.json: articles[0].rank: expected an integer >= 1, got "1"');
    expect(result.stdout).toContain("the data is invalid already");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("the data is not JSON: exit 2 with line and column", async () => {
    const file = dataFile("syntax", '{\n  "articles": [\n    { "rank": 1, }\n  ]\n}\n');
    const result = await runCli(["move", "2025-04", "1", "2", "--data", file]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`${file}:3:18: invalid JSON: Expected double-quoted property name`);
  });
});
