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

/** Character codes the scanner reads: a text's UTF-16 code units, or a file's UTF-8 bytes. */
type Codes = ArrayLike<number>;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isDigitCode(code: number | undefined): boolean {
  return code !== undefined && code >= 0x30 && code <= 0x39;
}

function isHexCode(code: number | undefined): boolean {
  return code !== undefined && ((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66));
}

/** After the blanks JSON allows (space, tab, newline, carriage return) from `i`. */
function skipBlanks(codes: Codes, i: number): number {
  for (let code = codes[i]; code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d; code = codes[++i]);
  return i;
}

/** Reads the string starting at `i` (a quote): the offset after it, or minus one minus the offset of the error. */
function readString(codes: Codes, i: number): number {
  i++;
  for (;;) {
    const code = codes[i];
    if (code === undefined || code < 0x20) return -1 - i;
    if (code === QUOTE) return i + 1;
    if (code !== BACKSLASH) {
      i++;
      continue;
    }
    const escape = codes[i + 1];
    if (escape === 0x75 /* u */) {
      for (let k = 2; k <= 5; k++) if (!isHexCode(codes[i + k])) return -1 - (i + k);
      i += 6;
    } else if (escape === QUOTE || escape === BACKSLASH || escape === 0x2f || escape === 0x62 || escape === 0x66 || escape === 0x6e || escape === 0x72 || escape === 0x74) i += 2;
    else return -1 - (i + 1);
  }
}

/** Reads the digits at `i`, at least one: as `readString`. */
function readDigits(codes: Codes, i: number): number {
  if (!isDigitCode(codes[i])) return -1 - i;
  while (isDigitCode(codes[i])) i++;
  return i;
}

/** Reads the number starting at `i`: as `readString`. */
function readNumber(codes: Codes, i: number): number {
  if (codes[i] === 0x2d /* - */) i++;
  if (codes[i] === 0x30 /* 0 */) i++;
  else if ((i = readDigits(codes, i)) < 0) return i;
  if (codes[i] === 0x2e /* . */ && (i = readDigits(codes, i + 1)) < 0) return i;
  if (codes[i] === 0x65 || codes[i] === 0x45 /* e E */) {
    i++;
    if (codes[i] === 0x2b || codes[i] === 0x2d) i++;
    if ((i = readDigits(codes, i)) < 0) return i;
  }
  return i;
}

const LITERALS = ["true", "false", "null"].map((literal) => Array.from(literal, (ch) => ch.charCodeAt(0)));

/** Reads `true`, `false` or `null` at `i`: as `readString`. */
function readLiteral(codes: Codes, i: number): number {
  const literal = LITERALS.find((candidate) => candidate[0] === codes[i]);
  if (literal === undefined) return -1 - i;
  for (const expected of literal) if (codes[i++] !== expected) return -i;
  return i;
}

/** Reads a member's name and its colon from `i`, leaving the offset of its value: as `readString`. */
function readName(codes: Codes, i: number): number {
  i = skipBlanks(codes, i);
  if (codes[i] !== QUOTE) return -1 - i;
  if ((i = readString(codes, i)) < 0) return i;
  i = skipBlanks(codes, i);
  if (codes[i] !== 0x3a /* : */) return -1 - i;
  return i + 1;
}

/**
 * The offset of the first code that makes `codes` invalid JSON (their length when they end too
 * early), or -1 when they are valid. Iterative, so deep nesting cannot overflow the stack; reads
 * UTF-16 code units and UTF-8 bytes alike, as JSON's grammar is all ASCII (other codes can only
 * be inside strings).
 */
function firstSyntaxErrorIn(codes: Codes): number {
  const n = codes.length;
  const containers: number[] = [];
  let i = 0;
  for (;;) {
    // A value starts here.
    i = skipBlanks(codes, i);
    const first = codes[i];
    if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
      i = skipBlanks(codes, i + 1);
      if (codes[i] === first + 2 /* } ] */) i++;
      else {
        containers.push(first);
        if (first === 0x7b && (i = readName(codes, i)) < 0) return -1 - i;
        continue;
      }
    } else {
      i = first === QUOTE ? readString(codes, i) : first === 0x2d || isDigitCode(first) ? readNumber(codes, i) : readLiteral(codes, i);
      if (i < 0) return -1 - i;
    }

    // A value ended: a comma starts the next one, or containers close.
    for (;;) {
      i = skipBlanks(codes, i);
      const open = containers.at(-1);
      if (open === undefined) return i === n ? -1 : i;
      if (codes[i] === 0x2c /* , */) {
        i++;
        if (open === 0x7b && (i = readName(codes, i)) < 0) return -1 - i;
        break;
      }
      if (codes[i] !== open + 2) return i;
      i++;
      containers.pop();
    }
  }
}

/**
 * The offset of the first character that makes `text` invalid JSON (the text's length when it
 * ends too early), or -1 when it is valid.
 */
export function firstSyntaxErrorOffset(text: string): number {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return firstSyntaxErrorIn(units);
}

/**
 * Whether a file's UTF-8 bytes are JSON as they stand, checked without decoding them or building
 * anything (a 53 MB digest: about a tenth of reading it as text and parsing it). Every such file is
 * one `JSON.parse` reads; a `false` may still be JSON as Eleventy reads it (after a byte order
 * mark, or within other blanks `trim` removes), which the text's own check decides.
 */
export function isJsonBytes(bytes: Uint8Array): boolean {
  return firstSyntaxErrorIn(bytes) === -1;
}
