// Data files that JSON.parse (Eleventy's reader) would take without a word, or hang on, or crash
// Eleventy's data merge with: each refused (or warned of) by a real build before anything is
// written, and by `validateDigestFile` (the `validate` command) with the same words.
import { execFileSync } from "node:child_process";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DigestFileError, validateDigestFile } from "../../plugin/index.js";
import { formatProblem } from "../../plugin/data/validate.js";
import {
  createEleventy,
  errorText,
  prepareSite,
  readTree,
  runEleventy,
  type BuildResult,
} from "../helpers/build/index.js";

const article = (rank: number, extra: Record<string, unknown> = {}) => ({
  month: "2025-04",
  rank,
  title: `Article ${rank}`,
  url: `https://example.com/${rank}`,
  source: "Example",
  ...extra,
});
const digestText = (extra: Record<string, unknown> = {}) => JSON.stringify({ articles: [article(1, extra)] });

/** A 100,000-level nest of arrays, as JSON text. */
const DEEP = "[".repeat(100_000) + "]".repeat(100_000);

const sites: BuildResult[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const site of sites.splice(0)) await site.cleanup();
});

/** A site whose `_data/` holds `files` (text or bytes), built; the build's error, if it threw, and what it wrote. */
async function buildWith(
  files: Record<string, string | Uint8Array>,
  options: Record<string, unknown> = {},
): Promise<{ site: BuildResult; error: unknown; written: string[] }> {
  const site = await prepareSite({ files: { "about.md": "# About\n" } });
  sites.push(site);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(site.inputDir, "_data", name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  let error: unknown;
  try {
    await runEleventy(site, { options });
  } catch (caught) {
    error = caught;
  }
  return { site, error, written: [...(await readTree(site.outputDir).catch(() => new Map())).keys()] };
}

/** What `validateDigestFile` says of `target`: its problems and warnings as printed, or the file error's message. */
async function validated(target: string): Promise<{ problems: string[]; warnings: string[] } | { fileError: string }> {
  try {
    const report = await validateDigestFile(target);
    return { problems: report.problems.map(formatProblem), warnings: report.warnings.map(formatProblem) };
  } catch (error) {
    if (error instanceof DigestFileError) return { fileError: error.message };
    throw error;
  }
}

describe("data files: no silent loss", () => {
  it("_data/digest.json beside a _data/digest/ folder: an error naming both, from the build and from validate", async () => {
    const { site, error, written } = await buildWith({
      "digest.json": digestText(),
      "digest/2025-05.json": JSON.stringify([{ ...article(1), month: undefined, url: "https://example.com/may" }]),
    });
    expect(written).toEqual([]);
    const text = errorText(error);
    expect(text).toMatch(
      /_data\/digest\.json: both this file and the folder \S*_data\/digest\/ hold the digest's data/,
    );
    const report = await validated(path.join(site.inputDir, "_data", "digest.json"));
    expect(report).toMatchObject({
      problems: [expect.stringMatching(/^digest\.json: both this file and the folder digest\/ hold the digest's data/)],
    });
  }, 60_000);

  it("_data/digest/april.json alone: an error naming that file, not _data/digest.json", async () => {
    const { site, error, written } = await buildWith({ "digest/april.json": JSON.stringify([article(1)]) });
    expect(written).toEqual([]);
    const text = errorText(error);
    expect(text).toContain(
      '_data/digest/april.json: the file name is not a real month; expected one file per month named "YYYY-MM.json"',
    );
    expect(text).not.toContain("_data/digest.json");
    const report = await validated(path.join(site.inputDir, "_data", "digest"));
    expect(report).toEqual({
      problems: [
        'digest/april.json: the file name is not a real month; expected one file per month named "YYYY-MM.json", such as "2025-04.json"',
      ],
      warnings: [],
    });
  }, 60_000);

  it("bytes that are not UTF-8: an error with the byte offset, not U+FFFD in the site", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"articles":[{"month":"2025-04","rank":1,"title":"Caf'),
      Buffer.from([0xe9]),
      Buffer.from('","url":"https://example.com/1","source":"Example"}]}'),
    ]);
    const { site, error, written } = await buildWith({ "digest.json": bytes });
    expect(written).toEqual([]);
    expect(errorText(error)).toContain(
      "_data/digest.json:1:54: invalid UTF-8 at byte 53 (0xE9); data files must be UTF-8",
    );
    expect(await validated(path.join(site.inputDir, "_data", "digest.json"))).toEqual({
      fileError: `${path.join(site.inputDir, "_data", "digest.json")}:1:54: invalid UTF-8 at byte 53 (0xE9); data files must be UTF-8: save it as UTF-8, or fix the text there`,
    });
  }, 60_000);

  it("a UTF-16 file, with or without a byte order mark: said in words, no NUL bytes printed", async () => {
    const utf16 = Buffer.from(`\ufeff${digestText()}`, "utf16le");
    const { site, error, written } = await buildWith({ "digest.json": utf16 });
    expect(written).toEqual([]);
    const text = errorText(error);
    expect(text).toContain(
      "_data/digest.json: the file is UTF-16 (little-endian, with a byte order mark); data files must be UTF-8",
    );
    expect(text).not.toContain("\u0000");
    const file = path.join(site.inputDir, "_data", "digest.json");
    await writeFile(file, Buffer.from(digestText(), "utf16le").swap16());
    const report = await validated(file);
    expect(report).toEqual({
      fileError: `${file}: the file is UTF-16 (big-endian); data files must be UTF-8: save it as UTF-8 (without a byte order mark)`,
    });
  }, 60_000);

  it("a repeated key: a warning naming the key and its place, from the build and from validate", async () => {
    const text =
      '{"articles":[{"month":"2025-04","rank":1,"title":"First","title":"Second","url":"https://example.com/1","source":"Example"}]}';
    const site = await prepareSite({});
    sites.push(site);
    await writeFile(path.join(site.inputDir, "_data", "digest.json"), text);
    const warned: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warned.push(args.map(String).join(" ")));
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await createEleventy(site, { quietMode: false }).write();
    const expected =
      '_data/digest.json: articles[0].title: the key "title" appears again in this object (line 1, column 58); the last one is used, the earlier ones are ignored';
    expect(warned.join("\n")).toContain(`warning: ${site.inputDir}/${expected}`);
    expect(await validated(path.join(site.inputDir, "_data", "digest.json"))).toEqual({
      problems: [],
      warnings: [expected.replace("_data/", "")],
    });
  }, 60_000);

  for (const [where, data] of [
    ["at the root", '{"__proto__":{"polluted":true},"articles":[]}'],
    ["in issues", `{"issues":{"__proto__":{"title":"x"}},"articles":[${JSON.stringify(article(1))}]}`],
  ] as const) {
    it(`a __proto__ key ${where}: the build and validate refuse it alike, naming it (not Eleventy's merge failing)`, async () => {
      const { site, error, written } = await buildWith({ "digest.json": data });
      expect(written).toEqual([]);
      const text = errorText(error);
      const placed = where === "at the root" ? "__proto__" : "issues.__proto__";
      expect(text).toContain(`_data/digest.json: ${placed}: a key named "__proto__"`);
      expect(text).toContain("is refused: Eleventy's data merge fails on it");
      const report = await validated(path.join(site.inputDir, "_data", "digest.json"));
      expect(report).toMatchObject({
        problems: [expect.stringContaining(`digest.json: ${placed}: a key named "__proto__"`)],
      });
    }, 60_000);
  }

  for (const [what, text] of [
    ["as an article's summary", `{"articles":[${digestText().slice(13, -3)},"summary":${DEEP}}]}`],
    ["as the whole file", DEEP],
  ] as const) {
    it(`a 100,000-level nest ${what}: an error with the path and the limit, not a stack overflow`, async () => {
      const { site, error, written } = await buildWith({ "digest.json": text });
      expect(written).toEqual([]);
      const message = errorText(error);
      expect(message).not.toContain("Maximum call stack size exceeded");
      const placed = what === "as the whole file" ? "[0][0][0][0][0][0][0][0]…" : "articles[0].summary[0][0][0][0][0]…";
      expect(message).toContain(`_data/digest.json: ${placed}: nested more than 64 levels deep`);
      const report = await validated(path.join(site.inputDir, "_data", "digest.json"));
      expect(report).toMatchObject({
        problems: [expect.stringContaining(`digest.json: ${placed}: nested more than 64 levels deep`)],
      });
    }, 60_000);
  }
});

describe("data files that are no files", () => {
  it("a FIFO as the data file: refused at once by the build and by validate, no hang", async () => {
    const site = await prepareSite({});
    sites.push(site);
    const fifo = path.join(site.inputDir, "_data", "digest.json");
    execFileSync("mkfifo", [fifo]);
    const error = await runEleventy(site, {}).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(errorText(error)).toContain("_data/digest.json: is a named pipe (FIFO), not a data file");
    expect(await validated(fifo)).toEqual({
      fileError: `${fifo}: is a named pipe (FIFO), not a data file; give a regular .json file (or a folder of them)`,
    });
  }, 20_000);

  it("a device as the data file (a link to /dev/zero): refused, not read without end", async () => {
    const site = await prepareSite({});
    sites.push(site);
    const file = path.join(site.inputDir, "_data", "digest.json");
    await symlink("/dev/zero", file);
    const error = await runEleventy(site, {}).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(errorText(error)).toContain("_data/digest.json: is a character device, not a data file");
    expect(await validated(file)).toEqual({
      fileError: `${file}: is a character device, not a data file; give a regular .json file (or a folder of them)`,
    });
    await rm(file);
  }, 20_000);
});
