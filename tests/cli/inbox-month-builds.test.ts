// The demo's data and a folder-of-months digest each take an `add`, a `move` and an `import`
// (and `new`), and still build with 0 validation errors.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDigestFile } from "../../plugin/data/validate-file.js";
import { buildSite } from "../helpers/build/index.js";
import { html, root, runCli, scratchFolder, startServer } from "./support/inbox.js";

const fixtures = path.join(import.meta.dirname, "fixtures/import");
let server: Awaited<ReturnType<typeof startServer>>;
const scratch = scratchFolder("cli-month-");

beforeAll(async () => {
  server = await startServer({
    "/raft": html(
      `<meta property="og:title" content="Raft Under Partition"><meta property="og:site_name" content="Consensus Weekly"><meta property="og:description" content="What a leader does when it cannot reach a majority.">`,
    ),
    "/talk": html(
      `<meta property="og:type" content="video.other"><meta property="og:title" content="Retries, Deadlines and Budgets"><meta property="og:site_name" content="Conf Talks">`,
    ),
  });
});
afterAll(async () => {
  await server.close();
  scratch.dispose();
});

async function ok(...args: string[]): Promise<string> {
  const result = await runCli(args);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

describe("a month's routine", () => {
  it("on the demo's data: add, move, import, new, then a build with 0 validation errors", async () => {
    const data = path.join(scratch.dir, "demo", "_data");
    mkdirSync(data, { recursive: true });
    cpSync(path.join(root, "_data/digest.json"), path.join(data, "digest.json"));
    expect(
      await ok(
        "add",
        server.url("/raft"),
        server.url("/talk"),
        "--month",
        "2025-05",
        "--tags",
        "Consensus",
        "--data",
        data,
      ),
    ).toContain("added 2025-05 #13: Raft Under Partition (Consensus Weekly)");
    expect(await ok("move", "2025-05", "13", "1", "--data", data)).toContain(
      "moved 2025-05 #13 → #1: Raft Under Partition (12 other picks moved one place)",
    );
    expect(await ok("import", path.join(fixtures, "bookmarks.html"), "--month", "2025-05", "--data", data)).toContain(
      "added 2025-05 #16: Exponential Backoff, Jittered (retries.example.dev)",
    );
    expect(await ok("new", "2025-06", "--title", "June 2025: Partitions", "--data", data)).toContain(
      "new issue 2025-06: June 2025: Partitions (draft)",
    );
    const ranks = await ok("rank", "2025-05", "--data", data);
    expect(ranks.split("\n")[0]).toBe(" 1  Raft Under Partition  (Consensus Weekly)");
    expect(ranks.split("\n")[1]).toMatch(/^ 2 {2}/);
    const report = await validateDigestFile(path.join(data, "digest.json"));
    expect(report.problems).toEqual([]);
    expect(report.articleCount).toBe(49 + 4);
    const site = await buildSite({ data: JSON.parse(readFileSync(path.join(data, "digest.json"), "utf8")) });
    // Rank 1 opens the month's first page; the imported picks are on the month's pages too.
    const may = await site.read("2025/05/index.html");
    expect(may).toContain("Raft Under Partition");
    const mayPages = await Promise.all(
      (await site.files())
        .filter((file) => file.startsWith("2025/05/") && file.endsWith(".html"))
        .map((file) => site.read(file)),
    );
    expect(mayPages.join("")).toContain("Flow Logs with eBPF &amp; Friends");
    expect(mayPages.join("")).toContain("Retries, Deadlines and Budgets");
  });

  it("on a folder of months: the same, each change in its month's file", async () => {
    const folder = path.join(scratch.dir, "folder", "_data", "digest");
    mkdirSync(folder, { recursive: true });
    const demo = JSON.parse(readFileSync(path.join(root, "_data/digest.json"), "utf8")) as {
      issues: Record<string, unknown>;
      articles: { month: string }[];
    };
    const untouched = new Map<string, string>();
    for (const month of ["2025-03", "2025-04", "2025-05"]) {
      const text = `${JSON.stringify({ issues: { [month]: demo.issues[month] }, articles: demo.articles.filter((article) => article.month === month).map(({ month: _month, ...article }) => article) }, null, 2)}\n`;
      writeFileSync(path.join(folder, `${month}.json`), text);
      untouched.set(month, text);
    }
    const data = path.dirname(folder);
    await ok("add", server.url("/raft"), "--month", "2025-04", "--data", data);
    await ok("move", "2025-04", "10", "2", "--data", data);
    await ok("import", path.join(fixtures, "starred.rss"), "--month", "2025-06", "--data", data);
    await ok("new", "2025-06", "--title", "June 2025", "--publish", "--data", data);
    expect(readdirSync(folder).sort()).toEqual(["2025-03.json", "2025-04.json", "2025-05.json", "2025-06.json"]);
    expect(readFileSync(path.join(folder, "2025-03.json"), "utf8")).toBe(untouched.get("2025-03"));
    expect(readFileSync(path.join(folder, "2025-05.json"), "utf8")).toBe(untouched.get("2025-05"));
    const june = JSON.parse(readFileSync(path.join(folder, "2025-06.json"), "utf8")) as {
      issues: unknown;
      articles: { rank: number; month?: string }[];
    };
    expect(june.issues).toEqual({ "2025-06": { title: "June 2025" } });
    expect(june.articles.map((article) => [article.rank, article.month])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    const report = await validateDigestFile(folder);
    expect(report.problems).toEqual([]);
    const files: Record<string, unknown> = {};
    for (const name of readdirSync(folder))
      files[name.replace(/\.json$/, "")] = JSON.parse(readFileSync(path.join(folder, name), "utf8"));
    const site = await buildSite({ folder: files });
    expect(await site.read("2025/06/index.html")).toContain("Jepsen: a fixture database");
    expect(await site.read("2025/04/index.html")).toContain("Raft Under Partition");
  });
});
