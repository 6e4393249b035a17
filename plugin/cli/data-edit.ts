/**
 * Editing the digest's data files in place, for the inbox commands: every change is an edit of the
 * file's text (jsonc-parser's syntax tree for where things are, its `modify` for new values, its
 * `applyEdits`), so key order, indentation, line breaks and every byte not edited stay as they
 * were. Works on the three shapes (an object, a bare array, a folder of `YYYY-MM.json` files), and
 * keeps each: a new month in a folder becomes a new file; nothing turns one shape into another.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  applyEdits,
  findNodeAtLocation,
  format,
  modify,
  parseTree,
  type Edit,
  type FormattingOptions,
  type JSONPath,
  type Node,
} from "jsonc-parser";
import { isMonthKey, type MonthKey } from "../data/schema.js";
import { cannotRead, parseDataJson } from "../data/data-file.js";

/** One data file: its text as read, and the edits made to it so far. */
export interface DataFile {
  readonly path: string;
  readonly text: string;
  /** The month a monthly file's name gives. */
  readonly fileMonth?: MonthKey;
  /** True for a month file this command creates. */
  readonly created: boolean;
  /** A created file's layout (that of the folder's latest month file). */
  readonly formatting?: FormattingOptions;
  readonly edits: Edit[];
}

/** An article in the data, where it is and what it says (for ranks, duplicates and listing). */
export interface PlacedPick {
  readonly file: DataFile;
  /** Its place in the file (`["articles", 3]` or `[3]`). */
  readonly path: JSONPath;
  readonly month: string | undefined;
  readonly rank: number | undefined;
  readonly url: string | undefined;
  readonly title: string | undefined;
  readonly source: string | undefined;
  readonly rankNode: Node | undefined;
}

/** A digest's data as the inbox commands edit it. */
export interface DataSet {
  /** The file or folder edited. */
  readonly target: string;
  readonly isFolder: boolean;
  /** Names files in messages, as `validate` does. */
  readonly dataKey: string;
  readonly files: DataFile[];
}

/** Reads the data file, or every `.json` file of a folder of months (as `validate` reads them). */
export async function loadDataSet(target: string): Promise<DataSet> {
  const isFolder = await stat(target).then(
    (found) => found.isDirectory(),
    () => false,
  );
  const dataKey = path.basename(target).replace(/\.json$/i, "");
  const files: DataFile[] = [];
  const read = async (file: string, fileMonth?: MonthKey) => {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw cannotRead(file, error);
    }
    parseDataJson(file, text); // a syntax error stops the command here, with line and column
    files.push({ path: file, text, ...(fileMonth !== undefined && { fileMonth }), created: false, edits: [] });
  };
  if (isFolder) {
    for (const name of (await readdir(target)).sort()) {
      if (!name.endsWith(".json")) continue;
      const month = name.slice(0, -".json".length);
      await read(path.join(target, name), isMonthKey(month) ? month : undefined);
    }
  } else await read(target);
  return { target, isFolder, dataKey, files };
}

/** The file's articles array: the root array, or the root object's `articles`. */
function articlesOf(file: DataFile): { node: Node | undefined; path: JSONPath } {
  const root = parseTree(file.text);
  if (root?.type === "array") return { node: root, path: [] };
  if (root?.type === "object") {
    const node = findNodeAtLocation(root, ["articles"]);
    return { node: node?.type === "array" ? node : undefined, path: ["articles"] };
  }
  return { node: undefined, path: ["articles"] };
}

function stringAt(node: Node, key: string): string | undefined {
  const value = findNodeAtLocation(node, [key]);
  return value?.type === "string" ? (value.value as string) : undefined;
}

/** Every article of every file, with its month (its own, else its file's). */
export function placedPicks(data: DataSet): PlacedPick[] {
  const picks: PlacedPick[] = [];
  for (const file of data.files) {
    const { node, path: articlesPath } = articlesOf(file);
    node?.children?.forEach((article, index) => {
      if (article.type !== "object") return;
      const rankNode = findNodeAtLocation(article, ["rank"]);
      const sourceNode = findNodeAtLocation(article, ["source"]);
      const source =
        sourceNode?.type === "string"
          ? (sourceNode.value as string)
          : sourceNode?.type === "object"
            ? stringAt(sourceNode, "name")
            : undefined;
      picks.push({
        file,
        path: [...articlesPath, index],
        month: stringAt(article, "month") ?? file.fileMonth,
        rank: rankNode?.type === "number" ? (rankNode.value as number) : undefined,
        url: stringAt(article, "url"),
        title: stringAt(article, "title"),
        source,
        rankNode,
      });
    });
  }
  return picks;
}

/** Gives a pick another rank: one edit of the number's own characters. */
export function setRank(pick: PlacedPick, rank: number): void {
  if (pick.rankNode === undefined) throw new Error("setRank: a pick without a rank");
  pick.file.edits.push({ offset: pick.rankNode.offset, length: pick.rankNode.length, content: String(rank) });
}

/** How the file is indented and where its lines end; `undefined` for a file on one line (kept on one line). */
export function formattingOf(text: string): FormattingOptions | undefined {
  if (!/\n/.test(text.trim())) return undefined;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indents = [...text.matchAll(/\n([ \t]+)\S/g)].map((match) => match[1]!);
  if (indents.some((indent) => indent.startsWith("\t"))) return { insertSpaces: false, tabSize: 1, eol };
  const size = indents.length === 0 ? 2 : Math.min(...indents.map((indent) => indent.length));
  return { insertSpaces: true, tabSize: size, eol };
}

// A string no data holds: stands in for the new articles while modify finds their place and indent.
const SENTINEL = "\u0000eleventy-plugin-digest:new-articles";

/**
 * Appends `values` to the file's articles array (and says where: its path and first new index), formatted as the file is (one `modify` finds the
 * place, the separator and the indentation; each value is then laid out at that indentation), so
 * thousands of articles cost one parse, not one each.
 */
export function appendArticles(
  file: DataFile,
  values: readonly Record<string, unknown>[],
  formatting: FormattingOptions | undefined,
): { path: JSONPath; count: number } {
  const { node, path: articlesPath } = articlesOf(file);
  const count = node?.children?.length ?? 0;
  if (values.length === 0) return { path: articlesPath, count };
  const marked = applyEdits(
    file.text,
    modify(file.text, [...articlesPath, count], SENTINEL, {
      isArrayInsertion: true,
      ...(formatting && { formattingOptions: formatting }),
    }),
  );
  const marker = JSON.stringify(SENTINEL);
  const at = marked.indexOf(marker);
  const indent = formatting ? /[ \t]*$/.exec(marked.slice(0, at))![0] : "";
  const laidOut = values.map((value) => (formatting ? layOut(value, formatting, indent) : JSON.stringify(value)));
  const joined = laidOut.join(formatting ? `,${formatting.eol}${indent}` : ",");
  file.edits.push(diffEdit(file.text, marked.slice(0, at) + joined + marked.slice(at + marker.length)));
  return { path: articlesPath, count };
}

/** Drops every edit, and the files this command would have made: the data as read. */
export function resetEdits(data: DataSet): void {
  for (const file of data.files) file.edits.length = 0;
  for (let index = data.files.length - 1; index >= 0; index--)
    if (data.files[index]!.created) data.files.splice(index, 1);
}

/** `value` as jsonc-parser formats it, every line after the first indented by `indent`. */
function layOut(value: unknown, formatting: FormattingOptions, indent: string): string {
  const compact = JSON.stringify(value);
  const formatted = applyEdits(compact, format(compact, undefined, formatting));
  return formatted.split(formatting.eol!).join(`${formatting.eol}${indent}`);
}

/** The one edit that turns `before` into `after`: what lies between their common start and end. */
function diffEdit(before: string, after: string): Edit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return { offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) };
}

/** True when the file's articles all carry `month` (a monthly file whose articles leave it out gets none). */
export function articlesCarryMonth(file: DataFile): boolean {
  if (file.fileMonth === undefined) return true;
  const { node } = articlesOf(file);
  const children = node?.children ?? [];
  return (
    children.length > 0 &&
    children.every((child) => child.type === "object" && findNodeAtLocation(child, ["month"]) !== undefined)
  );
}

/** The file a month's new articles go in: the single file, or the month's file of a folder (made when missing). */
export function fileForMonth(
  data: DataSet,
  month: MonthKey,
  emptyText: (formatting: FormattingOptions, asObject: boolean) => string,
): DataFile {
  if (!data.isFolder) return data.files[0]!;
  const existing = data.files.find((file) => file.fileMonth === month);
  if (existing) return existing;
  // Shaped and laid out as the latest month's file is (files are in name order, so by month).
  const latest = data.files.at(-1);
  const formatting = formattingOf(latest?.text ?? "") ?? { insertSpaces: true, tabSize: 2, eol: "\n" };
  const file: DataFile = {
    path: path.join(data.target, `${month}.json`),
    text: emptyText(formatting, latest !== undefined && rootKind(latest) === "object"),
    fileMonth: month,
    created: true,
    formatting,
    edits: [],
  };
  data.files.push(file);
  return file;
}

/** A root value written as the file's formatting writes it, ending in a line break. */
export function newFileText(value: unknown, formatting: FormattingOptions): string {
  const compact = JSON.stringify(value);
  return applyEdits(compact, format(compact, undefined, formatting)) + formatting.eol!;
}

/** The root of a file: "object", "array" or something else. */
export function rootKind(file: DataFile): string | undefined {
  return parseTree(file.text)?.type;
}

/** True when the file's root object has `issues[month]`. */
export function hasIssue(file: DataFile, month: string): Node | undefined {
  const root = parseTree(file.text);
  return root ? findNodeAtLocation(root, ["issues", month]) : undefined;
}

/** Sets `issues[month]` in a file whose root is an object; a new `issues` goes before `articles`. */
export function setIssue(file: DataFile, month: string, meta: Record<string, unknown>): void {
  const formatting = formattingOf(file.text);
  const root = parseTree(file.text);
  const hasIssues = root ? findNodeAtLocation(root, ["issues"]) !== undefined : false;
  const edits = modify(file.text, ["issues", month], meta, {
    ...(formatting && { formattingOptions: formatting }),
    getInsertionIndex: (properties) => (hasIssues ? properties.length : Math.max(0, properties.indexOf("articles"))),
  });
  file.edits.push(diffEdit(file.text, applyEdits(file.text, edits)));
}

/** The file's text with its edits applied. */
export function editedText(file: DataFile): string {
  return applyEdits(file.text, file.edits);
}

/** The files this command changes (edited or created). */
export function changedFiles(data: DataSet): DataFile[] {
  return data.files.filter((file) => file.created || (file.edits.length > 0 && editedText(file) !== file.text));
}

/** The data as Eleventy would hand it to the build after the edits: for validating before anything is written. */
export function editedRawData(data: DataSet): unknown {
  if (!data.isFolder) return parseDataJson(data.files[0]!.path, editedText(data.files[0]!));
  const folder: Record<string, unknown> = {};
  for (const file of [...data.files].sort((a, b) => (a.path < b.path ? -1 : 1)))
    folder[path.basename(file.path, ".json")] = parseDataJson(file.path, editedText(file));
  return Object.keys(folder).length > 0 ? folder : undefined;
}
