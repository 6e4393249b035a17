// What the inbox commands print: rank's list, --dry-run's diff (nothing written), --json for
// scripts, usage errors with exit 2, colour only on a terminal; and the diff itself against diff -u.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { unifiedDiff } from "../../plugin/cli/unified-diff.js";
import { cliCommand, html, root, runCli, scratchFolder, startServer } from "./support/inbox.js";

const scratch = scratchFolder("cli-output-");
afterAll(() => scratch.dispose());
const fixtures = path.join(import.meta.dirname, "fixtures/import");

function demoCopy(name: string): string {
  const file = path.join(scratch.dir, `${name}.json`);
  cpSync(path.join(root, "_data/digest.json"), file);
  return file;
}

describe("inbox output", () => {
  it("rank lists a month's picks in rank order: rank, title, source; --json gives them as data", async () => {
    const data = demoCopy("rank");
    const result = await runCli(["rank", "2025-04", "--data", data]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      "1  How does Netflix manage to show you a movie without interruptions?  (Tech World With Milan)",
      "2  10 System Design Concepts You Must Master Before Your Next SDE Interview (with Resources)  (Medium)",
    ]);
    const json = JSON.parse((await runCli(["rank", "2025-04", "--data", data, "--json"])).stdout) as {
      picks: { rank: number; source: string }[];
    };
    expect(json.picks).toHaveLength(9);
    expect(json.picks[3]).toMatchObject({ rank: 4, source: "The Coding Gopher" });
  });

  it("--dry-run prints the diff (the same as diff -u's hunks) and writes nothing", async () => {
    const data = demoCopy("dry");
    const before = readFileSync(data, "utf8");
    const result = await runCli(["move", "2025-04", "9", "1", "--data", data, "--dry-run"]);
    expect(result.status).toBe(0);
    expect(readFileSync(data, "utf8")).toBe(before);
    expect(result.stdout).toContain(`${data}: dry run, nothing written`);
    // Apply the move for real to compare its diff with diff -u's.
    const real = demoCopy("real");
    expect((await runCli(["move", "2025-04", "9", "1", "--data", real])).status).toBe(0);
    const expected = spawnSync("diff", ["-u", data, real], { encoding: "utf8" }).stdout;
    const hunks = (text: string) =>
      text
        .split("\n")
        .filter((line) => !line.startsWith("---") && !line.startsWith("+++"))
        .join("\n");
    expect(hunks(result.stdout.slice(result.stdout.indexOf("--- "), result.stdout.indexOf(`${data}: dry run`)))).toBe(
      hunks(expected),
    );
    expect(result.stdout).toContain('-      "rank": 9,\n+      "rank": 1,');
  });

  it("--json reports what was added and skipped, and whether it wrote", async () => {
    const data = demoCopy("json");
    const result = await runCli([
      "import",
      path.join(fixtures, "pocket.csv"),
      "--month",
      "2025-05",
      "--data",
      data,
      "--json",
      "--tags",
      "Storage",
    ]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      command: "import",
      data,
      written: true,
      dryRun: false,
      added: [
        {
          url: "https://wal.example.com/log",
          month: "2025-05",
          rank: 13,
          title: "Write-Ahead Logs",
          source: "wal.example.com",
          type: "article",
        },
      ],
      skipped: [],
      problems: [],
    });
    expect(report.diff).toContain('+      "tags": [');
  });

  it("puts picks in the current month by the plugin's now rules: --now, else DIGEST_NOW (in --time-zone)", async () => {
    const data = path.join(scratch.dir, "now.json");
    writeFileSync(data, "[]\n");
    const byOption = await runCli([
      "import",
      path.join(fixtures, "pocket.csv"),
      "--now",
      "2025-07-15",
      "--data",
      data,
      "--json",
    ]);
    expect(JSON.parse(byOption.stdout).added).toMatchObject([{ month: "2025-07", rank: 1 }]);
    // 2025-08-31T23:30Z is already September in Berlin.
    const byEnv = await runCli(
      ["import", path.join(fixtures, "instapaper.csv"), "--time-zone", "Europe/Berlin", "--data", data, "--json"],
      { env: { DIGEST_NOW: "2025-08-31T23:30:00Z" } },
    );
    expect(JSON.parse(byEnv.stdout).added).toMatchObject([{ month: "2025-09", rank: 1 }]);
  });

  it("says what is wrong with a command line, with exit 2", async () => {
    const data = demoCopy("usage");
    const cases: [string[], string][] = [
      [["move", "2025-04", "1"], "move: expected 3 arguments, got 2"],
      [
        ["move", "2025-13", "1", "2"],
        'the month: expected a real month as "YYYY-MM", such as "2025-04", got "2025-13"',
      ],
      [["move", "2025-04", "0", "2"], 'from: expected a whole number >= 1, got "0"'],
      [["add", "https://example.com", "--type", "podcast"], '--type: expected "article" or "video", got "podcast"'],
      [["new", "2025-07"], "new: --title is required"],
      [["rank", "2025-04", "--frobnicate"], "Unknown option '--frobnicate'"],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli([...args, "--data", data])));
    results.forEach((result, index) => {
      expect(result.stderr).toContain(cases[index]![1]);
      expect(result.status).toBe(2);
    });
    const refused = await runCli(["move", "2025-04", "42", "1", "--data", data]);
    expect(refused.stderr.trim()).toBe("move: 2025-04 has no pick ranked 42 (its ranks: 1, 2, 3, 4, 5, 6, 7, 8, 9)");
    expect(refused.status).toBe(2);
    const existing = await runCli(["new", "2025-04", "--title", "Again", "--data", data]);
    expect(existing.stderr.trim()).toBe(`new: 2025-04 has an issue already (in ${data}); edit it there`);
  });

  it("uses colour on a terminal only", async () => {
    const data = demoCopy("colour");
    const piped = await runCli([
      "import",
      path.join(fixtures, "pocket.csv"),
      "--month",
      "2025-05",
      "--data",
      data,
      "--dry-run",
    ]);
    expect(piped.stdout).not.toContain("\u001b[");
    // `script` gives the command a pseudo-terminal.
    const [node, args] = cliCommand([
      "import",
      path.join(fixtures, "pocket.csv"),
      "--month",
      "2025-05",
      "--data",
      data,
      "--dry-run",
    ]);
    const quoted = [node, ...args].map((arg) => `'${arg}'`).join(" ");
    const tty = spawnSync("script", ["-qec", quoted, "/dev/null"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: undefined },
    });
    expect(tty.stdout).toContain("\u001b[32madded\u001b[39m 2025-05 #13: Write-Ahead Logs");
  });

  it("shows a progress line on a terminal for more than three links", async () => {
    const server = await startServer(
      Object.fromEntries([1, 2, 3, 4].map((index) => [`/p${index}`, html(`<title>Page ${index}</title>`)])),
    );
    try {
      const data = path.join(scratch.dir, "progress.json");
      writeFileSync(data, "[]\n");
      const [node, args] = cliCommand([
        "add",
        ...[1, 2, 3, 4].map((index) => server.url(`/p${index}`)),
        "--month",
        "2025-04",
        "--data",
        data,
      ]);
      const quoted = [node, ...args].map((arg) => `'${arg}'`).join(" ");
      // Asynchronously: the server answers from this process meanwhile.
      const output = await new Promise<string>((resolve) => {
        let text = "";
        const child = spawn("script", ["-qec", quoted, "/dev/null"], {
          cwd: root,
          env: { ...process.env, NO_COLOR: "1" },
        });
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        child.on("close", () => resolve(text));
      });
      expect(output).toMatch(/\r\u001b\[K\[4\/4\] http:\/\/127\.0\.0\.1:\d+\/p\d/);
      expect(output).toContain("added 2025-04 #4: Page 4");
      // NO_COLOR: no colour even on a terminal.
      expect(output).not.toContain("\u001b[32m");
    } finally {
      await server.close();
    }
  });

  it("new opens an issue as a draft, or published with --publish, before the articles", async () => {
    const data = path.join(scratch.dir, "no-issues.json");
    writeFileSync(data, `{\n  "title": "T",\n  "articles": []\n}\n`);
    expect(
      (await runCli(["new", "2025-07", "--title", "July", "--intro", "Hot *takes*.", "--data", data])).status,
    ).toBe(0);
    expect(readFileSync(data, "utf8")).toBe(
      `{\n  "title": "T",\n  "issues": {\n    "2025-07": {\n      "title": "July",\n      "intro": "Hot *takes*.",\n      "draft": true\n    }\n  },\n  "articles": []\n}\n`,
    );
    expect((await runCli(["new", "2025-08", "--title", "August", "--publish", "--data", data])).status).toBe(0);
    expect(JSON.parse(readFileSync(data, "utf8")).issues["2025-08"]).toEqual({ title: "August" });
  });
});

describe("unifiedDiff", () => {
  it("matches diff -u on random line edits", () => {
    const a = path.join(scratch.dir, "a.txt");
    const b = path.join(scratch.dir, "b.txt");
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("x", "y", "z", "{", "}"), { maxLength: 30 }),
        fc.array(fc.constantFrom("x", "y", "z", "{", "}"), { maxLength: 30 }),
        (left, right) => {
          const before = left.map((line) => `${line}\n`).join("");
          const after = right.map((line) => `${line}\n`).join("");
          writeFileSync(a, before);
          writeFileSync(b, after);
          const expected = spawnSync("diff", ["-u", a, b], { encoding: "utf8" }).stdout;
          const ours = unifiedDiff("f", before, after);
          // Two minimal scripts may differ and both be right: compare their sizes with diff's, and
          // check that the whole-file diff's sides are the two texts.
          const changes = (diff: string) =>
            diff.split("\n").filter((line) => /^[-+]/.test(line) && !/^(?:---|\+\+\+) /.test(line)).length;
          expect(ours === "").toBe(expected === "");
          expect(changes(ours)).toBe(changes(expected));
          if (ours !== "") {
            const whole = unifiedDiff("f", before, after, 1000).split("\n").slice(3, -1);
            expect(
              whole
                .filter((line) => !line.startsWith("+"))
                .map((line) => `${line.slice(1)}\n`)
                .join(""),
            ).toBe(before);
            expect(
              whole
                .filter((line) => !line.startsWith("-"))
                .map((line) => `${line.slice(1)}\n`)
                .join(""),
            ).toBe(after);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
