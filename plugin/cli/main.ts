#!/usr/bin/env node
/**
 * `eleventy-plugin-digest validate <file|folder>`: checks digest data without building.
 * Exit code 0: valid (warnings may be printed); 1: invalid data; 2: usage error, or a file that
 * cannot be read or is not JSON.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isValidZone } from "../model/dates.js";
import { formatProblem } from "../data/validate.js";
import { DigestFileError, validateDigestFile } from "../data/validate-file.js";
import { heldIssues } from "../model/publishing.js";
import { DigestNowError, heldSummary, nowFor } from "../eleventy/now.js";
import { resolveDataTarget } from "./target.js";
import { INBOX_COMMANDS, INBOX_USAGE, runInboxCommand } from "./inbox-commands.js";
import { optionsSchema } from "../options-schema.js";

const USAGE = `Usage: eleventy-plugin-digest validate <data file or folder> [--time-zone <IANA zone>] [--now <ISO date-time>] [--data-key <key>]
       eleventy-plugin-digest help | --help | --version

Checks a digest's data (e.g. _data/digest.json, a _data/digest/ folder of YYYY-MM.json files, or
the whole _data folder, in which it finds either) with the same rules and messages as a build,
without building.

Options:
  --time-zone <zone>  the plugin's timeZone option, for date warnings (default UTC)
  --now <date-time>   "now" for scheduled issues, as the plugin's now option (default: DIGEST_NOW,
                      else the clock)
  --data-key <key>    the plugin's dataKey option: which file a data folder holds (default digest)
  -h, --help          show this help
  -v, --version       print the version

Exit codes: 0 valid, 1 invalid data, 2 usage error or unreadable / unparsable file.`;

/** The command's options, for `parseArgs`. */
const OPTIONS = {
  "time-zone": { type: "string" },
  now: { type: "string" },
  "data-key": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** The package's version: the nearest package.json above this file that is the plugin's. */
function version(): string {
  for (let dir = new URL(".", import.meta.url); ; dir = new URL("..", dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "eleventy-plugin-digest" && pkg.version) return pkg.version;
    } catch {
      // none here: look one folder up
    }
    if (dir.pathname === "/") return "unknown";
  }
}

/** What was wrong with the command line, in our words (Node's own messages quote oddly). */
function usageError(error: unknown, args: readonly string[]): string {
  const code = (error as { code?: string }).code;
  const option = args.find(
    (arg) => arg.startsWith("-") && !(arg.replace(/^-+/, "").split("=")[0]! in OPTIONS) && !["-h", "-v"].includes(arg),
  );
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined)
    return `Unknown option ${JSON.stringify(option)}.`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return `${(error as Error).message.replace(/^Option '(?:-\w, )?(--?[\w-]+)[^']*'[\s\S]*/, "$1")} needs a value.`;
  return (error as Error).message;
}

/** "1 problem", "3 problems": the CLI speaks English only. */
function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Runs the CLI on `args` (without `node` and the script) and returns its exit code. */
async function main(args: readonly string[]): Promise<number> {
  // add, import, rank, move, new: the publisher's inbox (./inbox-commands.ts), with options of its own.
  if (args[0] !== undefined && INBOX_COMMANDS.has(args[0])) return runInboxCommand(args);
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>
  >;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    console.error(`${usageError(error, args)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.version) {
    console.log(version());
    return 0;
  }
  if (parsed.values.help || (parsed.positionals[0] === "help" && parsed.positionals.length === 1)) {
    console.log(`${USAGE}\n\n${INBOX_USAGE}`);
    return 0;
  }
  const [command, target, ...extra] = parsed.positionals;
  if (command !== "validate" || target === undefined || extra.length > 0) {
    console.error(
      command !== undefined && command !== "validate" ? `Unknown command "${command}".\n\n${USAGE}` : USAGE,
    );
    return 2;
  }
  // Every argument is checked before anything is read or printed.
  const timeZone = parsed.values["time-zone"];
  if (timeZone !== undefined && !isValidZone(timeZone)) {
    console.error(
      `--time-zone: expected an IANA time zone such as "UTC" or "Europe/Berlin", got ${JSON.stringify(timeZone)}`,
    );
    return 2;
  }
  const dataKey = parsed.values["data-key"] ?? "digest";
  // The plugin's own rule for its dataKey option: a name, never a path.
  const checkedKey = optionsSchema.shape.dataKey.safeParse(dataKey);
  if (!checkedKey.success) {
    console.error(
      `--data-key: ${checkedKey.error.issues[0]?.message ?? "expected a data key"}, got ${JSON.stringify(dataKey)}`,
    );
    return 2;
  }
  if (target === "") {
    console.error('validate: expected a data file or folder, got ""');
    return 2;
  }

  try {
    const now = nowFor(parsed.values.now, process.env.DIGEST_NOW, timeZone ?? "UTC", (message) => console.log(message));
    const file = await resolveDataTarget(target, dataKey);
    const report = await validateDigestFile(file, { ...(timeZone !== undefined && { timeZone }) });
    for (const problem of report.problems) console.log(`error: ${formatProblem(problem)}`);
    for (const warning of report.warnings) console.log(`warning: ${formatProblem(warning)}`);
    const warnings = report.warnings.length > 0 ? `, ${plural(report.warnings.length, "warning")}` : "";
    if (!report.valid) {
      console.log(`${file}: invalid (${plural(report.problems.length, "problem")}${warnings})`);
      return 1;
    }
    console.log(
      `${file}: valid (${plural(report.articleCount, "article")} in ${plural(report.issueCount, "issue")}${warnings})`,
    );
    if (report.digest) {
      const held = heldIssues(report.digest, { timeZone: timeZone ?? "UTC", now });
      if (held.length > 0) console.log(heldSummary(held, false));
    }
    return 0;
  } catch (error) {
    if (error instanceof DigestFileError || error instanceof DigestNowError) {
      // The option as typed here: `--now`, not the plugin's `now`.
      console.error(
        error instanceof DigestNowError && parsed.values.now !== undefined ? `--${error.message}` : error.message,
      );
      return 2;
    }
    throw error;
  }
}

/**
 * Runs `main`; what it did not foresee is still one line (no Node stack trace), exit 2. A stack
 * trace is for the plugin's developers: `DIGEST_DEBUG=1` prints it.
 */
async function run(args: readonly string[]): Promise<number> {
  try {
    return await main(args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `eleventy-plugin-digest: could not check the data: ${message.split("\n")[0]}${process.env.DIGEST_DEBUG ? `\n${(error as Error).stack ?? ""}` : " (DIGEST_DEBUG=1 shows where)"}`,
    );
    return 2;
  }
}

process.exitCode = await run(process.argv.slice(2));
