// The `validate` command, compiled the way `npm run build:plugin` compiles it, run as a process.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DigestFileError, type DigestValidationError, validateDigest, validateDigestFile } from "../../plugin/index.js";
import { formatProblem } from "../../plugin/data/validate.js";

const root = path.resolve(import.meta.dirname, "../..");
// Inside the project, so that the compiled files find their dependencies in node_modules.
let work: string;
let cli: string;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string): string {
  const file = path.join(work, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const article = (rank: number, extra: Record<string, unknown> = {}) => ({
  month: "2025-04",
  rank,
  title: `Article ${rank}`,
  url: `https://example.com/${rank}`,
  source: "Example",
  ...extra,
});

// One compiled CLI for every test of this file.
beforeAll(() => {
  mkdirSync(path.join(root, ".cache"), { recursive: true });
  work = mkdtempSync(path.join(root, ".cache", "cli-test-"));
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/typescript/bin/tsc"),
      "-p",
      path.join(root, "tsconfig.build.json"),
      "--outDir",
      path.join(work, "dist"),
    ],
    { encoding: "utf8" },
  );
  expect(tsc.stdout + tsc.stderr).toBe("");
  cli = path.join(work, "dist", "cli", "main.js");
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("eleventy-plugin-digest validate", () => {
  it("is the package's bin, compiled with its shebang", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      bin: Record<string, string>;
      files: string[];
    };
    expect(pkg.bin).toEqual({ "eleventy-plugin-digest": "./dist/cli/main.js" });
    expect(pkg.files).toContain("dist");
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("exits 0 on the demo's data and says what it found", () => {
    const result = run("validate", path.join(root, "_data/digest.json"));
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/_data\/digest\.json: valid \(49 articles in 3 issues\)\n$/);
    expect(result.status).toBe(0);
  });

  it("exits 1 and prints every problem, with the build's own messages", () => {
    const data = {
      articles: [
        article(1),
        article(1, { url: "https://example.com/other" }),
        { ...article(2), rank: "2", url: "javascript:alert(1)" },
        article(3, { published: "2025-02-30", tags: ["C++", "c plus plus"] }),
      ],
    };
    const file = write("bad/digest.json", JSON.stringify(data, null, 2));
    const result = run("validate", file);
    expect(result.status).toBe(1);
    let expected: DigestValidationError | undefined;
    try {
      validateDigest(data);
    } catch (error) {
      expected = error as DigestValidationError;
    }
    expect(expected?.problems.length).toBe(5);
    expect(result.stdout.split("\n").filter((line) => line.startsWith("error: "))).toEqual(
      expected!.problems.map((problem) => `error: ${formatProblem(problem)}`),
    );
    expect(result.stdout).toContain('error: digest.json: articles[2].rank: expected an integer >= 1, got "2"');
    expect(result.stdout).toContain(`${file}: invalid (5 problems)`);
  });

  it("exits 0 on legal but suspicious data, printing the warnings", () => {
    const file = write(
      "warn/digest.json",
      JSON.stringify({ articles: [article(1, { published: "2025-06-01", summery: "typo" }), article(3)] }),
    );
    const result = run("validate", file);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "warning: digest.json: articles[0].published: published 2025-06-01 is after its issue's date (2025-05-01)",
    );
    expect(result.stdout).toContain("warning: digest.json: articles[0].summery: unknown field, ignored");
    expect(result.stdout).toContain("warning: digest.json: 2025-04: ranks skip 2");
    expect(result.stdout).toContain("valid (2 articles in 1 issue, 3 warnings)");
  });

  it("uses --time-zone for the date warnings, and refuses an unknown zone", () => {
    const file = write("zone/digest.json", JSON.stringify([article(1, { published: "2025-04-30T23:30:00Z" })]));
    expect(run("validate", file).stdout).not.toContain("warning");
    // In Berlin the issue starts 2025-05-01T00:00+02:00, before 23:30 UTC.
    expect(run("validate", file, "--time-zone", "Europe/Berlin").stdout).toContain("is after its issue's date");
    const bad = run("validate", file, "--time-zone", "Mars/Olympus");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--time-zone: expected an IANA time zone such as "UTC" or "Europe/Berlin", got "Mars/Olympus"',
    );
  });

  it("checks a folder of monthly files by their names", () => {
    write("folder/digest/2025-04.json", JSON.stringify([{ ...article(1), month: undefined }]));
    write("folder/digest/2025-13.json", "[]");
    write("folder/digest/notes.md", "# not data");
    const result = run("validate", path.join(work, "folder/digest"));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'error: digest/2025-13.json: the file name is not a real month; expected one file per month named "YYYY-MM.json", such as "2025-04.json"',
    );
    expect(result.stdout).toContain(
      "warning: digest/notes.md: not checked: this command reads only the folder's .json files",
    );
  });

  it("exits 2 with file, line and column on a JSON syntax error, even after a byte order mark", () => {
    const file = write("syntax/digest.json", '\ufeff{\n  "articles": [\n    { "rank": 1, }\n  ]\n}\n');
    const result = run("validate", file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(`${file}:3:18: invalid JSON: Expected double-quoted property name`);
    const unexpected = write("syntax2/digest.json", '{\n  "articles": [\n    { "rank": }\n  ]\n}\n');
    expect(run("validate", unexpected).stderr.trim()).toBe(`${unexpected}:3:15: invalid JSON: Unexpected token '}'`);
  });

  it("exits 2 on usage errors and unreadable files", () => {
    expect(run().status).toBe(2);
    expect(run("check", "x.json").stderr).toContain('Unknown command "check"');
    expect(run("validate").stderr).toContain("Usage: eleventy-plugin-digest validate");
    expect(run("validate", "a.json", "b.json").status).toBe(2);
    expect(run("validate", "--frobnicate", "a.json").status).toBe(2);
    const missing = run("validate", path.join(work, "nope.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope.json: cannot read: ENOENT");
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Exit codes: 0 valid, 1 invalid data, 2 usage error");
  });
});

describe("eleventy-plugin-digest, as a newcomer types it", () => {
  it("prints the package's version for --version and -v, and the usage for help", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"])
      expect(run(flag)).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
    const help = run("help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: eleventy-plugin-digest validate");
  });

  it("names an unknown option or a missing value in its own words, without Node's quoting", () => {
    const unknown = run("validate", "--bogus", "a.json");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toBe('Unknown option "--bogus".');
    const missing = run("validate", "a.json", "--now");
    expect(missing.status).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("--now needs a value.");
  });

  it("reports drafts and scheduled issues, with --now", () => {
    const file = write(
      "held/digest.json",
      JSON.stringify({
        issues: { "2025-05": { draft: true }, "2025-06": { published: "2025-07-05" } },
        articles: [
          article(1),
          article(1, { month: "2025-05", url: "https://example.com/5" }),
          article(1, { month: "2025-06", url: "https://example.com/6" }),
        ],
      }),
    );
    expect(run("validate", file, "--now", "2025-06-15").stdout).toContain(
      "held back 2 issues: 2025-05 (draft), 2025-06 (scheduled for 2025-07-05)\n",
    );
    expect(run("validate", file, "--now", "2025-07-05").stdout).toContain("held back 1 issue: 2025-05 (draft)\n");
    const bad = run("validate", file, "--now", "soon");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("now: expected an ISO 8601 date-time");
  });

  it("finds the digest in a whole data folder, and says what it expected when there is none", () => {
    write("site/_data/digest.json", JSON.stringify([article(1)]));
    write("site/_data/site.json", "{}");
    const found = run("validate", path.join(work, "site/_data"));
    expect(found.stdout).toMatch(/site\/_data\/digest\.json: valid \(1 article in 1 issue\)\n$/);
    expect(found.status).toBe(0);
    write("blog/_data/picks/2025-04.json", JSON.stringify([article(1)]));
    const folder = run("validate", path.join(work, "blog/_data"), "--data-key", "picks");
    expect(folder.stdout).toMatch(/blog\/_data\/picks: valid \(1 article in 1 issue\)\n$/);
    write("empty/_data/site.json", "{}");
    const none = run("validate", path.join(work, "empty/_data"));
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(
      "empty/_data: no digest data here: expected digest.json or a digest/ folder of YYYY-MM.json files in it",
    );
    expect(none.stderr).not.toContain("_data.json");
  });
});

describe("validateDigestFile", () => {
  it("reports problems and warnings without throwing for invalid data", async () => {
    const dir = mkdtempSync(path.join(root, ".cache", "validate-file-"));
    try {
      const file = path.join(dir, "picks.json");
      writeFileSync(file, JSON.stringify([article(1), article(1, { url: "https://example.com/x" })]));
      const report = await validateDigestFile(file);
      expect(report.valid).toBe(false);
      expect(report.problems.map(formatProblem)).toEqual([
        "picks.json: [1].rank: rank 1 is already taken in 2025-04 by picks.json [0]; ranks must be unique within a month",
      ]);

      writeFileSync(file, "");
      // As Eleventy reads an empty data file: `{}`, which has no articles.
      expect((await validateDigestFile(file)).problems.map(formatProblem)).toEqual([
        "picks.json: articles: missing; expected an array of articles",
      ]);

      writeFileSync(file, "\n\n  [1,\n 2,,]");
      const error = await validateDigestFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DigestFileError);
      expect(error).toMatchObject({ file, line: 4, column: 4 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("eleventy-plugin-digest validate, given hostile arguments and files", () => {
  /** Runs the CLI, which must end within 20 s: a FIFO or a device must not hang it. */
  const runBounded = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: "utf8", timeout: 20_000 });
    return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
  };
  /** One line on stderr, nothing on stdout, exit 2. */
  const expectOneLineUsageFailure = (result: ReturnType<typeof runBounded>, line: string | RegExp) => {
    expect(result.stdout).toBe("");
    expect(result.stderr.endsWith("\n") && !result.stderr.slice(0, -1).includes("\n"), result.stderr).toBe(true);
    if (typeof line === "string") expect(result.stderr.trim()).toBe(line);
    else expect(result.stderr.trim()).toMatch(line);
    expect(result.status).toBe(2);
  };

  it("checks every argument before any output: a bad --now fails before a word about the data", () => {
    write("args/_data/digest.json", JSON.stringify([article(1)]));
    const result = runBounded("validate", path.join(work, "args/_data"), "--now", "yesterday");
    expectOneLineUsageFailure(
      result,
      '--now: expected an ISO 8601 date-time with an offset, such as "2025-05-01T09:00:00Z", or a date such as "2025-05-01", got "yesterday"',
    );
  });

  it("checks --data-key as the plugin checks its dataKey option: no empty key, no path", () => {
    write("keys/_data/digest.json", JSON.stringify([article(1)]));
    const folder = path.join(work, "keys/_data");
    expectOneLineUsageFailure(
      runBounded("validate", folder, "--data-key", ""),
      '--data-key: expected a data key such as "digest", got ""',
    );
    expectOneLineUsageFailure(
      runBounded("validate", folder, "--data-key", "../../etc/passwd"),
      '--data-key: expected a data key such as "digest", got "../../etc/passwd"',
    );
  });

  it("refuses /dev/null and /dev/zero as what they are, at once (no null.json, no running out of memory)", () => {
    expectOneLineUsageFailure(
      runBounded("validate", "/dev/null"),
      "/dev/null: is a character device, not a data file; give a regular .json file (or a folder of them)",
    );
    expectOneLineUsageFailure(
      runBounded("validate", "/dev/zero"),
      "/dev/zero: is a character device, not a data file; give a regular .json file (or a folder of them)",
    );
  });

  it("refuses a FIFO without waiting for a writer", () => {
    const fifo = path.join(work, "fifo/digest.json");
    mkdirSync(path.dirname(fifo), { recursive: true });
    spawnSync("mkfifo", [fifo]);
    expectOneLineUsageFailure(
      runBounded("validate", fifo),
      `${fifo}: is a named pipe (FIFO), not a data file; give a regular .json file (or a folder of them)`,
    );
  });

  it("a 100,000-level nest: one error line with the path and the limit, never a Node stack", () => {
    const file = write(
      "deep/digest.json",
      `{"articles":[{"month":"2025-04","rank":1,"title":"x","url":"https://example.com/","source":"s","summary":${"[".repeat(100_000)}${"]".repeat(100_000)}}]}`,
    );
    const result = runBounded("validate", file);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      `error: digest.json: articles[0].summary[0][0][0][0][0]…: nested more than 64 levels deep (line 1, column 167); digest data nests at most 4 levels\n${file}: invalid (1 problem)\n`,
    );
    expect(result.status).toBe(1);
    const whole = write("deep2/digest.json", "[".repeat(100_000) + "]".repeat(100_000));
    const wholeResult = runBounded("validate", whole);
    expect(wholeResult.stdout).toContain(
      "error: digest.json: [0][0][0][0][0][0][0][0]…: nested more than 64 levels deep (line 1, column 65)",
    );
    expect(wholeResult.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
  });

  it("__proto__ keys, at the root or in issues: invalid, as the build refuses them", () => {
    const root = write("proto/digest.json", `{"__proto__":{},"articles":[${JSON.stringify(article(1))}]}`);
    const result = runBounded("validate", root);
    expect(result.stdout).toContain(
      'error: digest.json: __proto__: a key named "__proto__" (line 1, column 2) is refused: Eleventy\'s data merge fails on it; rename or remove it',
    );
    expect(result.status).toBe(1);
    const issues = write(
      "proto2/digest.json",
      `{"issues":{"__proto__":{"title":"x"}},"articles":[${JSON.stringify(article(1))}]}`,
    );
    expect(runBounded("validate", issues).stdout).toContain("error: digest.json: issues.__proto__: a key named");
  });

  it("a data file beside a data folder: invalid, naming both, whichever is given", () => {
    write("both/_data/digest.json", JSON.stringify([article(1)]));
    write(
      "both/_data/digest/2025-05.json",
      JSON.stringify([{ ...article(1), month: undefined, url: "https://example.com/may" }]),
    );
    for (const target of ["both/_data", "both/_data/digest.json"]) {
      const result = runBounded("validate", path.join(work, target));
      expect(result.stdout).toContain(
        "error: digest.json: both this file and the folder digest/ hold the digest's data",
      );
      expect(result.status).toBe(1);
    }
  });

  it("UTF-16 and bytes that are not UTF-8: said in words, with the byte offset, no NUL bytes", () => {
    const utf16 = path.join(work, "enc/digest.json");
    mkdirSync(path.dirname(utf16), { recursive: true });
    writeFileSync(utf16, Buffer.from(`\ufeff${JSON.stringify([article(1)])}`, "utf16le"));
    const result = runBounded("validate", utf16);
    expectOneLineUsageFailure(
      result,
      `${utf16}: the file is UTF-16 (little-endian, with a byte order mark); data files must be UTF-8: save it as UTF-8 (without a byte order mark)`,
    );
    expect(result.stderr).not.toContain("\u0000");
    const latin1 = path.join(work, "enc2/digest.json");
    mkdirSync(path.dirname(latin1), { recursive: true });
    writeFileSync(latin1, Buffer.from(`[\n${JSON.stringify(article(1, { title: "Café" }))}]`, "latin1"));
    expectOneLineUsageFailure(
      runBounded("validate", latin1),
      `${latin1}:2:41: invalid UTF-8 at byte 42 (0xE9); data files must be UTF-8: save it as UTF-8, or fix the text there`,
    );
  });

  it("a repeated key: valid, with a warning naming the key and its place", () => {
    const file = write(
      "dup/digest.json",
      '[{"month":"2025-04","rank":1,"rank":2,"title":"x","url":"https://example.com/","source":"s"}]',
    );
    const result = runBounded("validate", file);
    expect(result.stdout).toContain(
      'warning: digest.json: [0].rank: the key "rank" appears again in this object (line 1, column 30); the last one is used, the earlier ones are ignored',
    );
    expect(result.status).toBe(0);
  });
});
