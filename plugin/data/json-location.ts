/**
 * Where a JSON text goes wrong, as a line and a column, for the `validate` command. `JSON.parse`
 * (what Eleventy reads data files with) decides whether a text is valid; Node 20 names the position
 * of most errors in its message but not of an unexpected token, so a small scanner of RFC 8259's
 * grammar finds the first offending character. Pure.
 */

export interface JsonSyntaxError {
  /** What is wrong, in `JSON.parse`'s words, without its excerpt of the text. */
  readonly message: string;
  /** 0-based offset into the text. */
  readonly offset: number;
  /** 1-based line and column (in UTF-16 code units, as editors count). */
  readonly line: number;
  readonly column: number;
}

/** Parses JSON like `JSON.parse`; on a syntax error, says where it is. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const stated = /at position (\d+)/.exec(raw);
    const offset = stated ? Number(stated[1]) : firstSyntaxErrorOffset(text);
    const message = raw
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, "")
      .replace(/ in JSON at position \d+.*$/s, "")
      .trim();
    return { ok: false, error: { message, offset, ...lineAndColumn(text, offset) } };
  }
}

/** 1-based line and column of `offset`; `\n`, `\r\n` and `\r` each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9A-Fa-f]$/.test(ch);

/**
 * The offset of the first character that makes `text` invalid JSON (the text's length when it
 * ends too early), or -1 when it is valid. Iterative, so deep nesting cannot overflow the stack.
 */
export function firstSyntaxErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const containers: ("{" | "[")[] = [];

  const skipBlanks = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  // Each reader starts at its first character and leaves `i` after the token, or at the error.
  const readString = (): boolean => {
    i++;
    while (i < n) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return true;
      }
      if (ch < " ") return false;
      if (ch === "\\") {
        i++;
        const escape = text[i];
        if (escape === "u") {
          for (let k = 1; k <= 4; k++) {
            if (!isHex(text[i + k])) {
              i += k;
              return false;
            }
          }
          i += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++;
        else return false;
      } else i++;
    }
    return false;
  };
  const readDigits = (): boolean => {
    if (!isDigit(text[i])) return false;
    while (isDigit(text[i])) i++;
    return true;
  };
  const readNumber = (): boolean => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (!readDigits()) return false;
    if (text[i] === ".") {
      i++;
      if (!readDigits()) return false;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!readDigits()) return false;
    }
    return true;
  };
  const readLiteral = (): boolean => {
    for (const literal of ["true", "false", "null"]) {
      if (text[i] !== literal[0]) continue;
      for (const expected of literal) {
        if (text[i] !== expected) return false;
        i++;
      }
      return true;
    }
    return false;
  };
  // A member's name and its colon, leaving `i` at the member's value.
  const readName = (): boolean => {
    skipBlanks();
    if (text[i] !== '"' || !readString()) return false;
    skipBlanks();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };

  for (;;) {
    // A value starts here.
    skipBlanks();
    const first = text[i];
    if (first === "{" || first === "[") {
      i++;
      skipBlanks();
      const close = first === "{" ? "}" : "]";
      if (text[i] === close) i++;
      else {
        containers.push(first);
        if (first === "{" && !readName()) return i;
        continue;
      }
    } else if (first === '"') {
      if (!readString()) return i;
    } else if (first === "-" || isDigit(first)) {
      if (!readNumber()) return i;
    } else if (!readLiteral()) return i;

    // A value ended: a comma starts the next one, or containers close.
    for (;;) {
      skipBlanks();
      const open = containers.at(-1);
      if (open === undefined) return i === n ? -1 : i;
      if (text[i] === ",") {
        i++;
        if (open === "{" && !readName()) return i;
        break;
      }
      if (text[i] !== (open === "{" ? "}" : "]")) return i;
      i++;
      containers.pop();
    }
  }
}
