// `add` edits the data in place on each shape: every byte of the file outside the new pick (and,
// with --rank, the ranks it moves) is as it was, in the file's own indentation and line ends.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDigestFile } from "../../plugin/data/validate-file.js";
import { html, root, runCli, scratchFolder, startServer } from "./support/inbox.js";

let server: Awaited<ReturnType<typeof startServer>>;
const scratch = scratchFolder("cli-round-trip-");
let page = 0;
/** A new fixture page's URL each call, so no pick is a duplicate of another. */
const nextPage = () => server.url(`/post/${++page}`);

beforeAll(async () => {
  const routes: Record<string, ReturnType<typeof html>> = {};
  for (let index = 1; index <= 40; index++)
    routes[`/post/${index}`] = html(
      `<title>Post ${index}</title><meta property="og:site_name" content="Fixture Blog">`,
    );
  server = await startServer(routes);
});
afterAll(async () => {
  await server.close();
  scratch.dispose();
});

/** True when `after` is `before` with one run of characters inserted (every old byte kept, in order). */
function isOneInsertion(before: string, after: string): boolean {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return start + end === before.length && after.length > before.length;
}

/** The lines `git diff` shows removed and added between two texts. */
function gitDiffLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = path.join(scratch.dir, `diff-a-${page}`);
  const b = path.join(scratch.dir, `diff-b-${page}`);
  writeFileSync(a, before);
  writeFileSync(b, after);
  const out = spawnSync("git", ["diff", "--no-index", "--no-color", "-U0", a, b], { encoding: "utf8" }).stdout;
  const lines = out.split("\n").filter((line) => !line.startsWith("---") && !line.startsWith("+++"));
  return {
    removed: lines.filter((line) => line.startsWith("-")).map((line) => line.slice(1)),
    added: lines.filter((line) => line.startsWith("+")).map((line) => line.slice(1)),
  };
}

async function add(data: string, ...extra: string[]): Promise<void> {
  const result = await runCli(["add", nextPage(), "--month", "2025-04", "--data", data, ...extra]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}

describe("add keeps every other byte", () => {
  it("of the demo's object-shaped file", async () => {
    const data = path.join(scratch.dir, "demo.json");
    cpSync(path.join(root, "_data/digest.json"), data);
    const before = readFileSync(data, "utf8");
    await add(data);
    const after = readFileSync(data, "utf8");
    expect(isOneInsertion(before, after)).toBe(true);
    // What git shows: only added lines, the new pick's (git pairs the old last brace with the new one).
    const { removed, added } = gitDiffLines(before, after);
    expect(removed).toEqual([]);
    expect(added.join("\n")).toBe(
      `    },\n    {\n      "month": "2025-04",\n      "rank": 10,\n      "title": "Post ${page}",\n      "url": "${server.url(`/post/${page}`)}",\n      "type": "article",\n      "source": {\n        "name": "Fixture Blog",\n        "url": "${server.url("/")}"\n      }`,
    );
    expect((await validateDigestFile(data)).valid).toBe(true);
  });

  it("of a bare array indented with tabs, with CRLF line ends", async () => {
    const data = path.join(scratch.dir, "tabs.json");
    const before = `[\r\n\t{\r\n\t\t"month": "2025-04",\r\n\t\t"rank": 1,\r\n\t\t"title": "First",\r\n\t\t"url": "https://example.com/1",\r\n\t\t"source": "Example"\r\n\t}\r\n]\r\n`;
    writeFileSync(data, before);
    await add(data);
    const after = readFileSync(data, "utf8");
    expect(isOneInsertion(before, after)).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    expect(after).toContain(`\r\n\t{\r\n\t\t"month": "2025-04",\r\n\t\t"rank": 2,`);
    expect(after.endsWith("\t}\r\n]\r\n")).toBe(true);
  });

  it("of a file on one line (kept on one line)", async () => {
    const data = path.join(scratch.dir, "one-line.json");
    const before = `{"title":"Mini","articles":[{"month":"2025-04","rank":1,"title":"A","url":"https://example.com/a","source":"S"}]}`;
    writeFileSync(data, before);
    await add(data);
    const after = readFileSync(data, "utf8");
    expect(isOneInsertion(before, after)).toBe(true);
    expect(after).not.toContain("\n");
  });

  it("of a folder of months: the month's file gains the pick (without month, as its articles), a new month gets its own file", async () => {
    const folder = path.join(scratch.dir, "digest");
    mkdirSync(folder);
    const april = `[\n    {\n        "rank": 1,\n        "title": "April's first",\n        "url": "https://example.com/april",\n        "source": "Example"\n    }\n]\n`;
    const march = `{\n  "issues": { "2025-03": { "title": "March" } },\n  "articles": [\n    { "rank": 1, "title": "March's first", "url": "https://example.com/march", "source": "Example" }\n  ]\n}\n`;
    writeFileSync(path.join(folder, "2025-04.json"), april);
    writeFileSync(path.join(folder, "2025-03.json"), march);
    await add(folder);
    const after = readFileSync(path.join(folder, "2025-04.json"), "utf8");
    expect(isOneInsertion(april, after)).toBe(true);
    expect(after).toContain(`    {\n        "rank": 2,\n        "title": "Post ${page}",`);
    expect(after).not.toContain('"month"');
    expect(readFileSync(path.join(folder, "2025-03.json"), "utf8")).toBe(march);
    const result = await runCli(["add", nextPage(), "--month", "2025-05", "--data", folder]);
    expect(result.status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["2025-03.json", "2025-04.json", "2025-05.json"]);
    expect(readFileSync(path.join(folder, "2025-05.json"), "utf8")).toBe(
      `[\n    {\n        "rank": 1,\n        "title": "Post ${page}",\n        "url": "${server.url(`/post/${page}`)}",\n        "type": "article",\n        "source": {\n            "name": "Fixture Blog",\n            "url": "${server.url("/")}"\n        }\n    }\n]\n`,
    );
    expect(readFileSync(path.join(folder, "2025-04.json"), "utf8")).toBe(after);
    expect((await validateDigestFile(folder)).valid).toBe(true);
  });

  it("with --rank: only the moved ranks' digits change besides the new pick", async () => {
    const data = path.join(scratch.dir, "ranked.json");
    cpSync(path.join(root, "_data/digest.json"), data);
    const before = readFileSync(data, "utf8");
    await add(data, "--rank", "3");
    const after = readFileSync(data, "utf8");
    const { removed, added } = gitDiffLines(before, after);
    // April's ranks 3..9 became 4..10; the nothing else was removed.
    expect(removed.filter((line) => !/^ {6}"rank": \d+,$/.test(line))).toEqual([]);
    expect(removed.filter((line) => /"rank"/.test(line))).toHaveLength(7);
    const articles = (
      JSON.parse(after) as { articles: { month: string; rank: number; title: string }[] }
    ).articles.filter((article) => article.month === "2025-04");
    expect(articles.sort((a, b) => a.rank - b.rank).map((article) => article.rank)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(articles.find((article) => article.rank === 3)?.title).toBe(`Post ${page}`);
    expect(added.filter((line) => /"rank"/.test(line))).toHaveLength(8);
    expect((await validateDigestFile(data)).valid).toBe(true);
  });
});
