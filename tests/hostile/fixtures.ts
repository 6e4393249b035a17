/** The regression corpus in tests/fixtures/hostile/: one JSON file per nasty case. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface HostileFixture {
  readonly name: string;
  readonly about: string;
  /** "valid", or the problems a build must list: each a prefix of exactly one formatted problem. */
  readonly expect: "valid" | { readonly problems: readonly string[] };
  /** Warnings a build must print (prefixes, all of them). */
  readonly warnings?: readonly string[];
  /** The tag slugs the site must have, all of them. */
  readonly tagSlugs?: readonly string[];
  /** Article titles after cleaning, in rank order. */
  readonly titles?: readonly string[];
  /** Tags by slug: display name and count. */
  readonly tags?: Readonly<Record<string, { name: string; count: number }>>;
  /** Every file the site consists of. */
  readonly files?: readonly string[];
  /** By rank: the links that survive in the article's summary. */
  readonly summaryLinks?: Readonly<Record<string, readonly string[]>>;
  /** By rank: text the rendered summary must show literally. */
  readonly summaryText?: Readonly<Record<string, string>>;
  readonly data: unknown;
}

const DIR = path.resolve(import.meta.dirname, "../fixtures/hostile");

/** `{ "$repeat": text, "times": n }` stands for the text n times, so a 1 MB case stays a small file. */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.$repeat === "string" && typeof record.times === "number")
      return record.$repeat.repeat(record.times);
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, expand(inner)]));
  }
  return value;
}

export function loadFixtures(): HostileFixture[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const fixture = JSON.parse(readFileSync(path.join(DIR, name), "utf8")) as Omit<HostileFixture, "name">;
      return { ...fixture, name, data: expand(fixture.data) };
    });
}

export function loadFixture(name: string): HostileFixture {
  const fixture = loadFixtures().find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixture;
}

/** Each expected prefix matches exactly one actual line, and nothing is left over. */
export function matchPrefixes(
  actual: readonly string[],
  expected: readonly string[],
): { unmatched: string[]; extra: string[] } {
  const left = [...actual];
  const unmatched: string[] = [];
  for (const prefix of expected) {
    const index = left.findIndex((line) => line.startsWith(prefix));
    if (index === -1) unmatched.push(prefix);
    else left.splice(index, 1);
  }
  return { unmatched, extra: left };
}
