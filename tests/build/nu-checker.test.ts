// The Nu Html Checker (vnu.jar, the W3C validator's engine, from the vnu-jar package; runs on the
// machine's Java) over every HTML file of the demo and of a 250-article digest with 200 tags.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, buildSite, type BuildResult } from "../helpers/build/index.js";
import { twoHundredTags } from "../helpers/synthetic.js";

const vnu = createRequire(import.meta.url)("vnu-jar") as string;

interface NuMessage {
  readonly type: string;
  readonly url?: string;
  readonly message: string;
  readonly extract?: string;
}

/**
 * Every error the checker finds in the HTML files under each of `dirs` ("file: message"), folder
 * by folder: one Java process checks them all. An error in no folder's files is every folder's.
 */
function nuErrors(dirs: readonly string[]): string[][] {
  const result = spawnSync("java", ["-jar", vnu, "--errors-only", "--skip-non-html", "--format", "json", ...dirs], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`the Nu Html Checker needs Java on the PATH: ${result.error.message}`);
  const report = JSON.parse(result.stderr || '{"messages":[]}') as { messages: NuMessage[] };
  const errors = report.messages.filter((m) => m.type === "error" || m.type === "non-document-error");
  const inDir = (m: NuMessage, dir: string) => m.url?.startsWith(`file:${dir}/`) ?? false;
  return dirs.map((dir) =>
    errors
      .filter((m) => inDir(m, dir) || !dirs.some((other) => inDir(m, other)))
      .map((m) => `${m.url?.replace(`file:${dir}`, "")}: ${m.message} ${m.extract ?? ""}`),
  );
}

let demo: BuildResult;
let big: BuildResult;
let demoErrors: string[];
let bigErrors: string[];

beforeAll(async () => {
  [demo, big] = await Promise.all([
    buildDemo(),
    buildSite({
      data: { title: "Best of Big", ...twoHundredTags() },
      options: { search: true, tagAliases: { "Old Alpha": "Alpha 1 topic" } },
    }),
  ]);
  [demoErrors, bigErrors] = nuErrors([demo.outputDir, big.outputDir]) as [string[], string[]];
}, 120_000);

afterAll(async () => {
  await demo?.cleanup();
  await big?.cleanup();
});

describe("the Nu Html Checker", { timeout: 120_000 }, () => {
  it("finds no error on any page of the demo (archive, years, issues, tags, subscribe, search, emails)", () => {
    expect(demoErrors).toEqual([]);
  });

  it("finds no error on any page of a 250-article digest with 200 tags (with search, emails and a renamed tag's redirects)", async () => {
    const files = await big.files();
    expect(files).toEqual(
      expect.arrayContaining(["tags/old-alpha/index.html", "search/index.html", "2025/01/email.html"]),
    );
    expect(bigErrors).toEqual([]);
  });
});
