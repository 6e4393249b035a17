/**
 * The publisher's inbox: `add`, `import`, `rank`, `move` and `new`, which edit the digest's data
 * for them. Each loads the data as `validate` does, refuses data that is already invalid, makes its
 * edits in memory, validates the result with the build's own rules, and only then writes the
 * changed files atomically (`--dry-run`: prints the diff instead). Any error leaves every file as
 * it was. Exit codes as `validate`: 0 done; 1 invalid data, or links that could not be added;
 * 2 usage error, unreadable data, or a failed write.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DigestFileError, validateDigestFile } from "../data/validate-file.js";
import { cannotRead } from "../data/data-file.js";
import {
  DigestValidationError,
  formatPath,
  formatProblem,
  validateDigest,
  type DigestProblem,
} from "../data/validate.js";
import { isMonthKey, type MonthKey } from "../data/schema.js";
import { isValidZone } from "../model/dates.js";
import { DigestNowError, nowFor } from "../eleventy/now.js";
import { resolveDataTarget } from "./target.js";
import {
  appendArticles,
  articlesCarryMonth,
  changedFiles,
  editedRawData,
  editedText,
  fileForMonth,
  formattingOf,
  hasIssue,
  loadDataSet,
  newFileText,
  placedPicks,
  resetEdits,
  rootKind,
  setIssue,
  setRank,
  type DataFile,
  type DataSet,
  type PlacedPick,
} from "./data-edit.js";
import { DEFAULT_FETCH_OPTIONS, fetchPage } from "./fetch-page.js";
import { readPageMetadata } from "./page-metadata.js";
import { ImportFormatError, readImportFile } from "./import-formats.js";
import { articleValue, pickFromLink, pickFromPage, type PickDraft } from "./new-pick.js";
import { pickKey } from "./pick-url.js";
import { unifiedDiff } from "./unified-diff.js";
import { DataWriteError, writeDataFiles } from "./write-data.js";

export const INBOX_COMMANDS = new Set(["add", "import", "rank", "move", "new"]);

export const INBOX_USAGE = `Usage: eleventy-plugin-digest add <url>... [--month YYYY-MM] [--tags "A, B"] [--type video] [--rank N]
       eleventy-plugin-digest import <file> [--month YYYY-MM] [--tags "A, B"] [--rank N]
       eleventy-plugin-digest rank <YYYY-MM>
       eleventy-plugin-digest move <YYYY-MM> <from rank> <to rank>
       eleventy-plugin-digest new <YYYY-MM> --title <title> [--intro <Markdown>] [--publish]

Edits the digest's data in place (every other byte kept), after checking the result with the
build's rules; writes atomically, and changes nothing on any error.

Options:
  --data <file or folder>  the data (default _data: its digest.json or digest/ folder)
  --month YYYY-MM          the month picks go in (default: this month, by --now / DIGEST_NOW, else the clock)
  --tags "A, B"            tags for every new pick
  --type article|video     the type of every new pick (default: what the page says)
  --rank N                 the first new pick's rank; picks from N on move down (default: after the last)
  --dry-run                print what would change, as a diff; write nothing
  --json                   print a JSON report for scripts
  --timeout <seconds>      per link (default 15)
  --time-zone <zone>       the plugin's timeZone (default UTC); --now <date-time>; --data-key <key>
  --title, --intro, --publish   for new: the issue's title and intro; --publish: not a draft

Exit codes: 0 done; 1 invalid data (nothing written), or links that could not be added (the rest
were written); 2 usage error, unreadable data, or a failed write (nothing written).`;

const OPTIONS = {
  data: { type: "string" },
  month: { type: "string" },
  tags: { type: "string" },
  type: { type: "string" },
  rank: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  timeout: { type: "string" },
  "max-bytes": { type: "string" },
  "time-zone": { type: "string" },
  now: { type: "string" },
  "data-key": { type: "string" },
  title: { type: "string" },
  intro: { type: "string" },
  publish: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** A command-line mistake: printed with the usage, exit 2. */
class UsageError extends Error {}

/** A request the data cannot take (no such rank, an issue that exists): said, exit 2, nothing written. */
class RefusedError extends Error {}

/** What a command did, for the person (lines) and for scripts (`--json`). */
interface Report {
  command: string;
  data: string;
  written: boolean;
  dryRun: boolean;
  added: { url: string; month: string; rank: number; title: string; source: string; type: string }[];
  skipped: { url: string; reason: string }[];
  moved: { title: string; from: number; to: number }[];
  picks?: { rank: number | null; title: string | null; source: string | null; url: string | null }[];
  problems: string[];
  /** Warnings the change brings. */
  warnings: string[];
  diff: string;
}

type Paint = (code: number, text: string) => string;

/** Why the second copy of a link in one command is skipped. */
const DUPLICATE = "a duplicate of a link before it";

/** Colour for a terminal only (and never with NO_COLOR). */
function painter(stream: NodeJS.WriteStream): (code: number, text: string) => string {
  const on = stream.isTTY === true && process.env.NO_COLOR === undefined;
  return (code, text) => (on ? `\u001b[${code}m${text}\u001b[39m` : text);
}

/** Runs an inbox command (`args` starts with its name); resolves with the exit code. */
export async function runInboxCommand(args: readonly string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>
  >;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${INBOX_USAGE}`);
    return 2;
  }
  const values = parsed.values;
  if (values.help) {
    console.log(INBOX_USAGE);
    return 0;
  }
  const [command, ...positionals] = parsed.positionals as [string, ...string[]];
  const json = values.json === true;
  const paint = painter(process.stdout);
  const report: Report = {
    command,
    data: "",
    written: false,
    dryRun: values["dry-run"] === true,
    added: [],
    skipped: [],
    moved: [],
    problems: [],
    warnings: [],
    diff: "",
  };
  const say = (line: string) => {
    if (!json) console.log(line);
  };
  let code: number;
  try {
    code = await run(command, positionals, values, report, say, paint);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${INBOX_USAGE}`);
      return 2;
    }
    if (
      error instanceof RefusedError ||
      error instanceof DigestFileError ||
      error instanceof DigestNowError ||
      error instanceof DataWriteError ||
      error instanceof ImportFormatError
    ) {
      report.problems.push(error.message);
      if (json) console.log(JSON.stringify(report, null, 2));
      else console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (json) console.log(JSON.stringify(report, null, 2));
  return code;
}

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

async function run(
  command: string,
  positionals: string[],
  values: Values,
  report: Report,
  say: (line: string) => void,
  paint: (code: number, text: string) => string,
): Promise<number> {
  const timeZone = values["time-zone"] ?? "UTC";
  if (!isValidZone(timeZone))
    throw new UsageError(
      `--time-zone: expected an IANA time zone such as "UTC" or "Europe/Berlin", got ${JSON.stringify(timeZone)}`,
    );
  const monthArg = (value: string | undefined, what: string): MonthKey => {
    if (value === undefined) throw new UsageError(`${command}: ${what} is missing`);
    if (!isMonthKey(value))
      throw new UsageError(
        `${what}: expected a real month as "YYYY-MM", such as "2025-04", got ${JSON.stringify(value)}`,
      );
    return value;
  };
  const positive = (value: string | undefined, what: string): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^[1-9]\d{0,8}$/.test(value))
      throw new UsageError(`${what}: expected a whole number >= 1, got ${JSON.stringify(value)}`);
    return Number(value);
  };
  const type = values.type;
  if (type !== undefined && type !== "article" && type !== "video")
    throw new UsageError(`--type: expected "article" or "video", got ${JSON.stringify(type)}`);
  const tags = values.tags
    ?.split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  const rank = positive(values.rank, "--rank");
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0))
    throw new UsageError(`--timeout: expected seconds > 0, got ${JSON.stringify(values.timeout)}`);
  const maxBytes = positive(values["max-bytes"], "--max-bytes");

  const argumentCount: Record<string, [number, number]> = {
    add: [1, Infinity],
    import: [1, 1],
    rank: [1, 1],
    move: [3, 3],
    new: [1, 1],
  };
  const [least, most] = argumentCount[command]!;
  if (positionals.length < least || positionals.length > most)
    throw new UsageError(
      `${command}: expected ${least === most ? least : `at least ${least}`} argument${least === 1 ? "" : "s"}, got ${positionals.length}`,
    );
  if (command === "new" && (values.title === undefined || values.title.trim() === ""))
    throw new UsageError("new: --title is required");

  const target = await resolveDataTarget(values.data ?? "_data", values["data-key"] ?? "digest");
  report.data = target;
  const before = await validateDigestFile(target, { timeZone });
  if (!before.valid) {
    for (const problem of before.problems) report.problems.push(formatProblem(problem));
    for (const problem of report.problems) say(`${paint(31, "error")}: ${problem}`);
    say(
      `${target}: the data is invalid already; fix it (see \`eleventy-plugin-digest validate\`) before editing it with ${command}`,
    );
    return 1;
  }
  const data = await loadDataSet(target);
  const monthOption = () =>
    values.month !== undefined ? monthArg(values.month, "--month") : currentMonth(values.now, timeZone);

  switch (command) {
    case "rank":
      return listRanks(data, monthArg(positionals[0], "the month"), report, say);
    case "move": {
      const month = monthArg(positionals[0], "the month");
      const from = positive(positionals[1], "from")!;
      const to = positive(positionals[2], "to")!;
      movePick(data, month, from, to, report, say);
      break;
    }
    case "new":
      newIssue(
        data,
        monthArg(positionals[0], "the month"),
        values.title!.trim(),
        values.intro,
        values.publish === true,
        say,
      );
      break;
    case "add": {
      const month = monthOption();
      const drafts = await fetchDrafts(
        positionals,
        data,
        { ...(type !== undefined && { type }), ...(tags !== undefined && { tags }) },
        { timeout, maxBytes, quiet: values.json === true },
        report,
        say,
        paint,
      );
      placeChecked(data, month, drafts, rank, report, say, paint, timeZone);
      break;
    }
    case "import": {
      const month = monthOption();
      const file = positionals[0]!;
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        throw cannotRead(file, error);
      }
      let found: ReturnType<typeof readImportFile>;
      try {
        found = readImportFile(text);
      } catch (error) {
        if (error instanceof ImportFormatError) throw new ImportFormatError(`${file}: ${error.message}`);
        throw error;
      }
      say(`${file}: ${found.links.length} link${found.links.length === 1 ? "" : "s"} (${found.format})`);
      const drafts: PickDraft[] = [];
      const known = knownKeys(data);
      for (const link of found.links) {
        const key = pickKey(link.url);
        if (key === undefined) skip(report, say, paint, link.url, "not an http(s) URL");
        else if (known.has(key)) skip(report, say, paint, link.url, known.get(key)!);
        else {
          known.set(key, DUPLICATE);
          drafts.push(pickFromLink(link, { ...(type !== undefined && { type }), ...(tags !== undefined && { tags }) }));
        }
      }
      placeChecked(data, month, drafts, rank, report, say, paint, timeZone);
      break;
    }
  }
  return finish(data, report, say, paint, timeZone, before.warnings.map(formatProblem));
}

/** The month "now" is in, by the plugin's rules (`--now`, else DIGEST_NOW, else the clock). */
function currentMonth(now: string | undefined, timeZone: string): MonthKey {
  const month = nowFor(now, process.env.DIGEST_NOW, timeZone, () => {})()
    .setZone(timeZone)
    .toFormat("yyyy-MM");
  if (!isMonthKey(month))
    throw new UsageError(`the current month ${month} is outside the years the data supports; give --month`);
  return month;
}

/** The data's picks by normalised URL, each with the reason a copy is skipped ("already in the digest (2025-04 #3)"). */
function knownKeys(data: DataSet): Map<string, string> {
  const known = new Map<string, string>();
  for (const pick of placedPicks(data)) {
    const key = pick.url !== undefined ? pickKey(pick.url) : undefined;
    if (key !== undefined && !known.has(key)) known.set(key, `already in the digest (${pick.month} #${pick.rank})`);
  }
  return known;
}

function skip(
  report: Report,
  say: (line: string) => void,
  paint: (code: number, text: string) => string,
  url: string,
  reason: string,
): void {
  report.skipped.push({ url, reason });
  say(`${paint(33, "skipped")} ${printable(url)}: ${printable(reason)}`);
}

/** Text from a file or a page, safe to print on a terminal: controls and invisible format characters as `\u` escapes. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Fetches each link (four at a time) and reads its metadata; failures and duplicates are reported and skipped. */
async function fetchDrafts(
  urls: readonly string[],
  data: DataSet,
  pickOptions: { type?: "article" | "video"; tags?: readonly string[] },
  limits: { timeout: number | undefined; maxBytes: number | undefined; quiet: boolean },
  report: Report,
  say: (line: string) => void,
  paint: (code: number, text: string) => string,
): Promise<PickDraft[]> {
  const known = knownKeys(data);
  const fetchOptions = {
    ...DEFAULT_FETCH_OPTIONS,
    ...(limits.timeout !== undefined && { timeoutMs: limits.timeout * 1000 }),
    ...(limits.maxBytes !== undefined && { maxBytes: limits.maxBytes }),
  };
  const results: (PickDraft | { url: string; reason: string })[] = new Array(urls.length);
  const todo: number[] = [];
  urls.forEach((url, index) => {
    const key = pickKey(url);
    if (key === undefined) results[index] = { url, reason: "not an http(s) URL" };
    else if (known.has(key)) results[index] = { url, reason: known.get(key)! };
    else {
      known.set(key, DUPLICATE);
      todo.push(index);
    }
  });
  const progress = urls.length > 3 && process.stderr.isTTY === true && !limits.quiet;
  let done = 0;
  const worker = async () => {
    for (let index = todo.shift(); index !== undefined; index = todo.shift()) {
      const url = urls[index]!;
      const page = await fetchPage(new URL(url).href, fetchOptions);
      if (!page.ok) results[index] = { url, reason: page.reason };
      else results[index] = pickFromPage(readPageMetadata(page.html, page.url), page.url, pickOptions);
      done++;
      if (progress) process.stderr.write(`\r\u001b[K[${done}/${urls.length}] ${url}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (progress) process.stderr.write("\r\u001b[K");
  const drafts: PickDraft[] = [];
  const finalKeys = knownKeys(data);
  for (const result of results) {
    if ("reason" in result) skip(report, say, paint, result.url, result.reason);
    else {
      // A redirect or a canonical URL can lead to a pick the data already has.
      const key = pickKey(result.url)!;
      if (finalKeys.has(key)) skip(report, say, paint, result.url, finalKeys.get(key)!);
      else {
        finalKeys.set(key, DUPLICATE);
        drafts.push(result);
      }
    }
  }
  return drafts;
}

/** The month's picks, in rank order. */
function monthPicks(data: DataSet, month: string): PlacedPick[] {
  return placedPicks(data)
    .filter((pick) => pick.month === month)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

/** Where a new pick was put: for its line in the output, and to tell which problems are its own. */
interface Placement {
  readonly draft: PickDraft;
  readonly rank: number;
  readonly file: DataFile;
  /** Its place in the file, as the build's messages write it (`articles[52]`). */
  readonly path: string;
}

/** Puts the drafts in the month at `rank` (moving the picks from there down) or after the last. */
function placeDrafts(
  data: DataSet,
  month: MonthKey,
  drafts: readonly PickDraft[],
  rank: number | undefined,
): Placement[] {
  if (drafts.length === 0) return [];
  const picks = monthPicks(data, month);
  const last = picks.reduce((max, pick) => Math.max(max, pick.rank ?? 0), 0);
  const first = rank ?? last + 1;
  // The picks from `rank` on move down by as many places as there are new picks.
  if (rank !== undefined)
    for (const pick of picks)
      if (pick.rank !== undefined && pick.rank >= rank) setRank(pick, pick.rank + drafts.length);
  const file = fileForMonth(data, month, (formatting, asObject) =>
    newFileText(asObject ? { articles: [] } : [], formatting),
  );
  const withMonth = !data.isFolder || articlesCarryMonth(file);
  const values = drafts.map((draft, index) => articleValue(draft, withMonth ? month : undefined, first + index));
  const { path: articlesPath, count } = appendArticles(file, values, file.formatting ?? formattingOf(file.text));
  return drafts.map((draft, index) => ({
    draft,
    rank: first + index,
    file,
    path: formatPath([...articlesPath, count + index]),
  }));
}

/**
 * Places the drafts and checks the result with the build's rules; a pick the rules reject (a
 * title past a limit, a tag that would share another tag's URL) is skipped with the build's
 * message, and the rest placed again. Problems that are no new pick's own are left for `finish`.
 */
function placeChecked(
  data: DataSet,
  month: MonthKey,
  drafts: readonly PickDraft[],
  rank: number | undefined,
  report: Report,
  say: (line: string) => void,
  paint: Paint,
  timeZone: string,
): void {
  let remaining = drafts;
  for (;;) {
    resetEdits(data);
    const placements = placeDrafts(data, month, remaining, rank);
    const problems = problemsOf(data, timeZone);
    const rejected = new Map<PickDraft, string>();
    let others = false;
    for (const problem of problems) {
      const placement = placements.find(
        (candidate) =>
          problem.file === fileLabel(data, candidate.file) &&
          (problem.path === candidate.path ||
            problem.path.startsWith(`${candidate.path}.`) ||
            problem.path.startsWith(`${candidate.path}[`)),
      );
      if (placement === undefined) others = true;
      else if (!rejected.has(placement.draft)) rejected.set(placement.draft, formatProblem(problem));
    }
    if (problems.length > 0 && (others || rejected.size === 0)) return; // finish reports them
    if (problems.length === 0) {
      for (const { draft, rank: placed } of placements) {
        report.added.push({
          url: draft.url,
          month,
          rank: placed,
          title: draft.title,
          source: draft.source.name,
          type: draft.type,
        });
        say(
          `${paint(32, "added")} ${month} #${placed}: ${draft.title} (${draft.source.name}${draft.type === "video" ? ", video" : ""})`,
        );
      }
      return;
    }
    for (const [draft, problem] of rejected)
      skip(report, say, paint, draft.url, `the build would reject it: ${problem}`);
    remaining = remaining.filter((draft) => !rejected.has(draft));
  }
}

/** How the build's messages name a data file: `digest.json`, or `digest/2025-04.json` in a folder. */
function fileLabel(data: DataSet, file: DataFile): string {
  return data.isFolder ? `${data.dataKey}/${path.basename(file.path)}` : `${data.dataKey}.json`;
}

/** The build's problems with the edited data (none: it is valid). */
function problemsOf(data: DataSet, timeZone: string): readonly DigestProblem[] {
  try {
    validateDigest(editedRawData(data), { dataKey: data.dataKey, timeZone });
    return [];
  } catch (error) {
    if (error instanceof DigestValidationError) return error.problems;
    throw error;
  }
}

/** `rank`: the month's picks in rank order. */
function listRanks(data: DataSet, month: MonthKey, report: Report, say: (line: string) => void): number {
  const picks = monthPicks(data, month);
  report.picks = picks.map((pick) => ({
    rank: pick.rank ?? null,
    title: pick.title ?? null,
    source: pick.source ?? null,
    url: pick.url ?? null,
  }));
  if (picks.length === 0) say(`${month}: no picks`);
  const width = String(picks.at(-1)?.rank ?? 0).length;
  for (const pick of picks)
    say(`${String(pick.rank).padStart(width)}  ${printable(pick.title ?? "")}  (${printable(pick.source ?? "")})`);
  return 0;
}

/** `move`: the pick at rank `from` goes to `to`; the picks between move one place towards `from`. */
function movePick(
  data: DataSet,
  month: MonthKey,
  from: number,
  to: number,
  report: Report,
  say: (line: string) => void,
): void {
  const picks = monthPicks(data, month);
  const moving = picks.find((pick) => pick.rank === from);
  if (moving === undefined)
    throw new RefusedError(
      `move: ${month} has no pick ranked ${from} (its ranks: ${picks.map((pick) => pick.rank).join(", ") || "none"})`,
    );
  if (from === to) return;
  const down = from < to;
  for (const pick of picks) {
    const own = pick.rank ?? 0;
    if (pick === moving) continue;
    if (down ? own > from && own <= to : own >= to && own < from) {
      setRank(pick, down ? own - 1 : own + 1);
      report.moved.push({ title: pick.title ?? "", from: own, to: down ? own - 1 : own + 1 });
    }
  }
  setRank(moving, to);
  report.moved.unshift({ title: moving.title ?? "", from, to });
  say(
    `moved ${month} #${from} → #${to}: ${printable(moving.title ?? "")}${report.moved.length > 1 ? ` (${report.moved.length - 1} other pick${report.moved.length === 2 ? "" : "s"} moved one place)` : ""}`,
  );
}

/** `new`: the month's issue metadata (a draft unless `publish`), in the file that holds its month. */
function newIssue(
  data: DataSet,
  month: MonthKey,
  title: string,
  intro: string | undefined,
  publish: boolean,
  say: (line: string) => void,
): void {
  const file = fileForMonth(data, month, (formatting) => newFileText({ articles: [] }, formatting));
  if (rootKind(file) !== "object")
    throw new RefusedError(
      `new: ${file.path} is a bare array of articles, which cannot hold issue metadata; make it an object, { "issues": {}, "articles": [ …the array… ] }, first`,
    );
  for (const other of data.files)
    if (hasIssue(other, month))
      throw new RefusedError(`new: ${month} has an issue already (in ${other.path}); edit it there`);
  setIssue(file, month, { title, ...(intro !== undefined && { intro }), ...(!publish && { draft: true }) });
  say(`new issue ${month}: ${title}${publish ? "" : " (draft)"}`);
}

/** Validates the edited data with the build's rules, then prints the diff (`--dry-run`) or writes. */
async function finish(
  data: DataSet,
  report: Report,
  say: (line: string) => void,
  paint: Paint,
  timeZone: string,
  warningsBefore: readonly string[],
): Promise<number> {
  const changed = changedFiles(data);
  // A link the digest has already, or given twice, is no failure: what was asked for is there.
  const failed = report.skipped.some(
    (skipped) => !skipped.reason.startsWith("already in the digest") && skipped.reason !== DUPLICATE,
  );
  if (changed.length === 0) {
    if (report.command !== "rank") say(`${data.target}: nothing to change`);
    return failed ? 1 : 0;
  }
  let warnings: readonly DigestProblem[];
  try {
    warnings = validateDigest(editedRawData(data), { dataKey: data.dataKey, timeZone }).warnings;
  } catch (error) {
    if (!(error instanceof DigestValidationError)) throw error;
    for (const problem of error.problems) report.problems.push(formatProblem(problem));
    for (const problem of report.problems) say(`${paint(31, "error")}: ${problem}`);
    say(
      `${data.target}: not written: the result would be invalid (${error.problems.length} problem${error.problems.length === 1 ? "" : "s"})`,
    );
    return 1;
  }
  // The warnings this change brings (a gap in the ranks, a date after the issue's), not the data's own.
  for (const warning of warnings.map(formatProblem)) {
    if (warningsBefore.includes(warning)) continue;
    report.warnings.push(warning);
    say(`${paint(33, "warning")}: ${warning}`);
  }
  const shown = (file: string) =>
    path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
  report.diff = changed
    .map((file) => unifiedDiff(shown(file.path), file.created ? undefined : file.text, editedText(file)))
    .join("");
  if (report.dryRun) {
    say(report.diff.trimEnd());
    say(`${data.target}: dry run, nothing written`);
    return failed ? 1 : 0;
  }
  await writeDataFiles(changed);
  report.written = true;
  say(
    `${paint(32, "wrote")} ${changed.map((file) => file.path).join(", ")}${report.skipped.length > 0 ? ` (${report.skipped.length} link${report.skipped.length === 1 ? "" : "s"} skipped)` : ""}`,
  );
  return failed ? 1 : 0;
}
