/**
 * Markdown (an intro, a summary) as plain text, for email.txt and the email's preheader: the same
 * parse as the pages (markdown.ts, so only safe links are links), each paragraph or list item a
 * block, a link's URL in brackets after its text, an image as its alt text; and word wrapping.
 */
import { markdownTokens } from "./markdown.js";

/** markdown-it's token, as `markdownTokens` gives it. */
type Token = ReturnType<typeof markdownTokens>[number];

/** An inline run as text: links followed by ` [url]` (unless the text is the URL), breaks as spaces or newlines. */
function inlineText(tokens: readonly Token[]): string {
  let out = "";
  const links: { href: string; start: number }[] = [];
  for (const token of tokens) {
    if (token.type === "text" || token.type === "code_inline" || token.type === "image") out += token.content;
    else if (token.type === "softbreak") out += " ";
    else if (token.type === "hardbreak") out += "\n";
    else if (token.type === "link_open") links.push({ href: String(token.attrGet("href") ?? ""), start: out.length });
    else if (token.type === "link_close") {
      const link = links.pop();
      if (link && link.href !== "" && out.slice(link.start).trim() !== link.href) out += ` [${link.href}]`;
    }
  }
  return out;
}

/**
 * The blocks of a Markdown source as text, in order: paragraphs, headings, list items ("- " or
 * "1. " before them) and code blocks (as written).
 */
export function markdownBlocks(source: string): string[] {
  const blocks: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let prefix = "";
  for (const token of markdownTokens(source)) {
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open")
      lists.push({ ordered: token.type === "ordered_list_open", next: Number(token.attrGet("start") ?? 1) });
    else if (token.type === "bullet_list_close" || token.type === "ordered_list_close") lists.pop();
    else if (token.type === "list_item_open") {
      const list = lists[lists.length - 1];
      prefix = `${"  ".repeat(Math.max(0, lists.length - 1))}${list?.ordered ? `${list.next++}. ` : "- "}`;
    } else if (token.type === "inline") {
      blocks.push(prefix + inlineText(token.children ?? []));
      prefix = "";
    } else if (token.type === "code_block" || token.type === "fence") blocks.push(token.content.replace(/\n$/, ""));
    else if (token.type === "hr") blocks.push("---");
  }
  return blocks;
}

/** Markdown as plain text: its blocks, a blank line between them. */
export function plainText(source: string): string {
  return markdownBlocks(source).join("\n\n");
}

/**
 * Text wrapped at `width` columns (counted in code points), each line of it on its own; a word
 * longer than a line (a long URL) keeps a line to itself rather than being broken. Continuation
 * lines are indented as far as a leading list marker ("- ", "12. ").
 */
export function wrapText(text: string, width = 78): string {
  return text
    .split("\n")
    .map((line) => {
      const indent = " ".repeat(/^\s*(?:[-*]|\d+\.) /.exec(line)?.[0].length ?? 0);
      const words = line
        .trim()
        .split(/\s+/)
        .filter((word) => word !== "");
      const lines: string[] = [];
      let current = line.match(/^\s*/)?.[0] ?? "";
      let empty = true;
      for (const word of words) {
        if (!empty && [...current].length + 1 + [...word].length > width) {
          lines.push(current);
          current = indent + word;
        } else current += (empty ? "" : " ") + word;
        empty = false;
      }
      lines.push(current);
      return lines.join("\n");
    })
    .join("\n");
}
