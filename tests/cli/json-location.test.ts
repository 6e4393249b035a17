// The JSON syntax-error locator agrees with JSON.parse: on validity always, on the position
// wherever V8 states one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUtf8 } from "node:buffer";
import {
  firstSyntaxErrorOffset,
  isJsonBytes,
  jsonShapeIn,
  lineAndColumn,
  parseJson,
} from "../../plugin/data/json-location.js";
import { firstInvalidUtf8 } from "../../plugin/data/data-file.js";

const pieces = fc.constantFrom(
  ...'{}[],:"\\ \n\t-+.0123456789eEtrufalsn x/u'.split(""),
  "true",
  "null",
  '"a"',
  "\u0001",
  "\ufeff",
);

/** Garbage from JSON's own alphabet, and valid JSON with one character put in or left out. */
const nearlyJson = fc.oneof(
  fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join("")),
  fc
    .tuple(fc.json(), fc.nat(), pieces)
    .map(([json, at, piece]) => json.slice(0, at % (json.length + 1)) + piece + json.slice(at % (json.length + 1))),
  fc
    .tuple(fc.json(), fc.nat())
    .map(([json, at]) => json.slice(0, at % json.length) + json.slice((at % json.length) + 1)),
);

function v8Position(text: string): { valid: boolean; position?: number } {
  try {
    JSON.parse(text);
    return { valid: true };
  } catch (error) {
    const message = (error as Error).message;
    const stated = /at position (\d+)/.exec(message);
    if (stated) return { valid: false, position: Number(stated[1]) };
    return /Unexpected end of JSON input/.test(message) ? { valid: false, position: text.length } : { valid: false };
  }
}

describe("firstSyntaxErrorOffset", () => {
  it("agrees with JSON.parse", () => {
    let compared = 0;
    fc.assert(
      fc.property(nearlyJson, (text) => {
        const v8 = v8Position(text);
        const offset = firstSyntaxErrorOffset(text);
        expect(offset === -1, JSON.stringify(text)).toBe(v8.valid);
        if (v8.position !== undefined) {
          compared++;
          expect(offset, JSON.stringify(text)).toBe(v8.position);
        }
      }),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it("copes with nesting deeper than the call stack", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    expect(firstSyntaxErrorOffset(deep)).toBe(-1);
    expect(firstSyntaxErrorOffset(`${deep},`)).toBe(400_000);
  });
});

describe("isJsonBytes", () => {
  it("says valid exactly when JSON.parse reads the bytes' UTF-8 text, whatever the characters", () => {
    const withText = fc.oneof(
      nearlyJson,
      fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
      fc.string({ unit: "grapheme" }).map((text) => JSON.stringify({ text, [text]: [text] })),
    );
    fc.assert(
      fc.property(withText, (text) => {
        expect(isJsonBytes(Buffer.from(text, "utf8")), JSON.stringify(text)).toBe(
          v8Position(Buffer.from(text, "utf8").toString("utf8")).valid,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("takes any byte inside a string and none outside, a byte order mark included (Eleventy trims that: the text check decides)", () => {
    expect(isJsonBytes(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toBe(true); // {"\xff":1}: U+FFFD, in a string
    expect(isJsonBytes(Buffer.from([0x5b, 0xc2, 0xa0, 0x31, 0x5d]))).toBe(false); // [\u00a0 1]
    expect(isJsonBytes(Buffer.from("\ufeff{}", "utf8"))).toBe(false);
    expect(isJsonBytes(Buffer.from(" \n{}\t"))).toBe(true);
  });
});

describe("parseJson", () => {
  it("names the unexpected token's line and column, which Node 20 leaves out", () => {
    expect(parseJson('{\n  "a": 1,\n  "b": }')).toEqual({
      ok: false,
      error: { message: "Unexpected token '}'", offset: 19, line: 3, column: 8 },
    });
    expect(parseJson("[1,\r\n2,]")).toMatchObject({ error: { line: 2, column: 3 } });
    expect(parseJson('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it("counts \\n, \\r\\n and \\r as line ends", () => {
    expect(lineAndColumn("a\nb\r\nc\rd", 7)).toEqual({ line: 4, column: 1 });
  });
});

describe("jsonShapeIn: what JSON.parse takes silently", () => {
  const shapeOf = (text: string, maxDepth?: number) => {
    const bytes = Buffer.from(text, "utf8");
    return jsonShapeIn(bytes, (start, end) => JSON.parse(bytes.toString("utf8", start, end)) as string, maxDepth);
  };

  it("finds every repeated key, escaped or not, with the path of its object, and no key of another object", () => {
    expect(shapeOf('{"a":1,"b":{"a":2},"\\u0061":3,"c":[{"x":1,"x":2}]}').duplicateKeys).toEqual([
      { path: [], key: "a", offset: 19 },
      { path: ["c", 0], key: "x", offset: 42 },
    ]);
  });

  it("agrees with JSON.parse on which keys repeat, for any keys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "é", "\u2028", "__proto__"), fc.boolean()), { maxLength: 8 }),
        (members) => {
          // Each key written plainly or with every character escaped.
          const written = members.map(([key, escaped]) =>
            escaped
              ? `"${Array.from(key, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"`
              : JSON.stringify(key),
          );
          const text = `{${written.map((key, index) => `${key}:${index}`).join(",")}}`;
          const repeats = members.map(([key]) => key).filter((key, index, all) => all.indexOf(key) !== index);
          const shape = shapeOf(text);
          expect(shape.duplicateKeys.map((place) => place.key)).toEqual(repeats);
          expect(shape.protoKeys.length).toBe(members.filter(([key]) => key === "__proto__").length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("stays linear on an object of 200,000 keys, and still finds its repeats", () => {
    const keys = Array.from({ length: 200_000 }, (_, index) => `"k${index}":0`);
    keys.push('"k5":1', '"k150000":1');
    const started = performance.now();
    const shape = shapeOf(`{${keys.join(",")}}`);
    expect(shape.duplicateKeys.map((place) => place.key)).toEqual(["k5", "k150000"]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("stops at the first container deeper than the limit, with its path", () => {
    expect(shapeOf('{"a":[{"b":[[1]]}]}', 4).tooDeep).toEqual({ path: ["a", 0, "b", 0], offset: 12 });
    expect(shapeOf('{"a":[{"b":[[1]]}]}', 5).tooDeep).toBeUndefined();
  });
});

describe("firstInvalidUtf8", () => {
  it("says -1 exactly for well-formed UTF-8, else the first bad byte (TextDecoder agrees on the good prefix)", () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.string({ unit: "binary" }).map((text) => new Uint8Array(Buffer.from(text, "utf8"))),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        const offset = firstInvalidUtf8(input);
        expect(offset === -1).toBe(isUtf8(input));
        if (offset !== -1) {
          expect(isUtf8(input.subarray(0, offset))).toBe(true);
          expect(isUtf8(input.subarray(0, offset + 4).subarray(0, Math.max(offset + 1, 0)))).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
