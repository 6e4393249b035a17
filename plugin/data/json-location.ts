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
    const escaped = codes[i + 1];
    if (escaped === 0x75 /* u */) {
      for (let k = 2; k <= 5; k++) if (!isHexCode(codes[i + k])) return -1 - (i + k);
      i += 6;
    } else if (
      escaped === QUOTE ||
      escaped === BACKSLASH ||
      escaped === 0x2f ||
      escaped === 0x62 ||
      escaped === 0x66 ||
      escaped === 0x6e ||
      escaped === 0x72 ||
      escaped === 0x74
    )
      i += 2;
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

/** A key in a JSON text, where it is: the path of the object holding it, the key, its offset. */
export interface JsonKeyPlace {
  /** The object's path from the root (`["articles", 3]`). */
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** 0-based offset of the key's opening quote. */
  readonly offset: number;
}

/** What `jsonShapeIn` found beyond validity: what `JSON.parse` would take silently. */
export interface JsonShape {
  /** The offset of the first code that makes the text invalid JSON (its length when it ends too early), or -1. */
  readonly syntaxError: number;
  /** A key an object already has (`JSON.parse` keeps the last): each repeat, in order. */
  readonly duplicateKeys: readonly JsonKeyPlace[];
  /** Keys named `__proto__`, which `JSON.parse` keeps as data but a data merge treats as a prototype. */
  readonly protoKeys: readonly JsonKeyPlace[];
  /** The first container opened deeper than `maxDepth`: the path to it and its offset; the scan stops there. */
  readonly tooDeep?: { readonly path: readonly (string | number)[]; readonly offset: number };
}

/**
 * Scans `codes` as JSON in one pass, iteratively (deep nesting cannot overflow the stack): the
 * first syntax error and, with `keyText` (which decodes a key's token, quotes included, from
 * `start` to `end`), repeated and `__proto__` keys and nesting deeper than `maxDepth`. Reads
 * UTF-16 code units and UTF-8 bytes alike, as JSON's grammar is all ASCII (other codes can only be
 * inside strings).
 */
export function jsonShapeIn(
  codes: Codes,
  keyText?: (start: number, end: number) => string,
  maxDepth = Infinity,
): JsonShape {
  const n = codes.length;
  const duplicateKeys: JsonKeyPlace[] = [];
  const protoKeys: JsonKeyPlace[] = [];
  // The open containers: their bracket; in an array the current index, in an object the current
  // key's token (start and end) and every key's token so far (pairs of offsets). Keys are compared
  // as codes, and decoded only when they hold an escape or are reported: a digest's 800k keys need
  // no strings.
  const containers: number[] = [];
  const indexes: number[] = [];
  const keyStarts: number[] = [];
  const keyEnds: number[] = [];
  const keys: number[][] = [];
  const keyNames: (Set<string> | undefined)[] = [];
  /** The path to the container at `depth` (exclusive), decoded. */
  const pathTo = (depth: number): (string | number)[] =>
    Array.from({ length: depth }, (_, d) =>
      containers[d] === 0x7b ? keyText!(keyStarts[d]!, keyEnds[d]!) : indexes[d]!,
    );
  const shape = (syntaxError: number, tooDeep?: JsonShape["tooDeep"]): JsonShape => ({
    syntaxError,
    duplicateKeys,
    protoKeys,
    ...(tooDeep && { tooDeep }),
  });
  const hasEscape = (start: number, end: number): boolean => {
    for (let k = start + 1; k < end - 1; k++) if (codes[k] === BACKSLASH) return true;
    return false;
  };
  const sameKey = (a: number, aEnd: number, b: number, bEnd: number): boolean => {
    if (hasEscape(a, aEnd) || hasEscape(b, bEnd)) return keyText!(a, aEnd) === keyText!(b, bEnd);
    if (aEnd - a !== bEnd - b) return false;
    for (let k = 1; k < aEnd - a - 1; k++) if (codes[a + k] !== codes[b + k]) return false;
    return true;
  };
  /** Notes the key whose token spans `start` to `end` in the innermost object. */
  const noteKey = (start: number, end: number): void => {
    const depth = containers.length - 1;
    keyStarts[depth] = start;
    keyEnds[depth] = end;
    const proto = hasEscape(start, end)
      ? keyText!(start, end) === "__proto__"
      : end - start === PROTO.length && PROTO.every((code, k) => codes[start + k] === code);
    if (proto) protoKeys.push({ path: pathTo(depth), key: "__proto__", offset: start });
    // An object's first keys are compared as codes; one with many keys (an `issues` of many
    // months, or hostile data with 100k keys) is looked up by its decoded keys, so it stays linear.
    const seen = keys[depth]!;
    let named = keyNames[depth];
    if (named === undefined && seen.length >= 2 * MANY_KEYS) {
      named = new Set<string>();
      for (let k = 0; k < seen.length; k += 2) named.add(keyText!(seen[k]!, seen[k + 1]!));
      keyNames[depth] = named;
    }
    let repeated = false;
    if (named !== undefined) {
      const key = keyText!(start, end);
      repeated = named.has(key);
      named.add(key);
    } else {
      for (let k = 0; k < seen.length && !repeated; k += 2) repeated = sameKey(seen[k]!, seen[k + 1]!, start, end);
      if (!repeated) seen.push(start, end);
    }
    if (repeated) duplicateKeys.push({ path: pathTo(depth), key: keyText!(start, end), offset: start });
  };
  /** Reads a member's name and its colon from `i`, leaving the offset of its value: as `readString`. */
  const member = (i: number): number => {
    const start = skipBlanks(codes, i);
    if (codes[start] !== QUOTE) return -1 - start;
    const end = readString(codes, start);
    if (end < 0) return end;
    const colon = skipBlanks(codes, end);
    if (codes[colon] !== 0x3a /* : */) return -1 - colon;
    if (keyText !== undefined) noteKey(start, end);
    return colon + 1;
  };
  let i = 0;
  for (;;) {
    // A value starts here.
    i = skipBlanks(codes, i);
    const first = codes[i];
    if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
      if (containers.length >= maxDepth)
        return shape(-1, { path: keyText === undefined ? [] : pathTo(containers.length), offset: i });
      i = skipBlanks(codes, i + 1);
      if (codes[i] === first + 2 /* } ] */) i++;
      else {
        const depth = containers.push(first) - 1;
        indexes[depth] = 0;
        if (first === 0x7b) {
          if (keyText !== undefined) {
            keys[depth] = [];
            keyNames[depth] = undefined;
          }
          if ((i = member(i)) < 0) return shape(-1 - i);
        }
        continue;
      }
    } else {
      i =
        first === QUOTE
          ? readString(codes, i)
          : first === 0x2d || isDigitCode(first)
            ? readNumber(codes, i)
            : readLiteral(codes, i);
      if (i < 0) return shape(-1 - i);
    }

    // A value ended: a comma starts the next one, or containers close.
    for (;;) {
      i = skipBlanks(codes, i);
      const open = containers.at(-1);
      if (open === undefined) return shape(i === n ? -1 : i);
      if (codes[i] === 0x2c /* , */) {
        i++;
        if (open === 0x7b) {
          if ((i = member(i)) < 0) return shape(-1 - i);
        } else indexes[containers.length - 1]!++;
        break;
      }
      if (codes[i] !== open + 2) return shape(i);
      i++;
      containers.pop();
    }
  }
}

/** How many keys an object's keys are compared as codes for, before they are looked up by name. */
const MANY_KEYS = 16;

/** `"__proto__"`, quotes included, as codes. */
const PROTO = Array.from('"__proto__"', (ch) => ch.charCodeAt(0));

/** The offset of the first code that makes `codes` invalid JSON (their length when they end too early), or -1 when they are valid. */
function firstSyntaxErrorIn(codes: Codes): number {
  return jsonShapeIn(codes).syntaxError;
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
 * anything (far cheaper than reading it as text and parsing it: docs/performance.md). Every such file is
 * one `JSON.parse` reads; a `false` may still be JSON as Eleventy reads it (after a byte order
 * mark, or within other blanks `trim` removes), which the text's own check decides.
 */
export function isJsonBytes(bytes: Uint8Array): boolean {
  return firstSyntaxErrorIn(bytes) === -1;
}
