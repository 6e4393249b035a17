/**
 * Tag identity and URL slugs. Pure; knows nothing of Eleventy.
 *
 * - Tags that differ only in case or white space are one tag (`tagKey`).
 * - Slugs transliterate to ASCII where they can (`Système` → `systeme`), keep common names apart
 *   (`C++` → `c-plus-plus`, `C#` → `c-sharp`, `C` → `c`), keep the tag's own letters where a
 *   script has no transliteration (`分布式系统`, `Kafka 入門` → `kafka-入門`, so it stays apart from
 *   `Kafka`), and fall back to code points for tags without letters (`🚀` → `u-1f680`). A slug
 *   never contains `/`, `.` or `%`, so no tag can leave its folder.
 * - Names Windows reserves for devices get a suffix (`AUX` → `aux-tag`), so the site builds there too.
 * - A slug is at most `MAX_SLUG_BYTES` bytes of UTF-8, so its folder name fits every file system
 *   (most allow 255 bytes); two long tags that are cut to one slug are reported as sharing a URL.
 */
import slugify from "@sindresorhus/slugify";

const SLUG_REPLACEMENTS: [string, string][] = [
  ["++", " plus plus "],
  ["+", " plus "],
  ["#", " sharp "],
  ["@", " at "],
];

/** The identity of a tag: tags with the same key are the same tag. */
export function tagKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}

/** Well under the 255 bytes most file systems allow in a folder name. */
export const MAX_SLUG_BYTES = 120;

/** Cuts a slug to `MAX_SLUG_BYTES` of UTF-8 at a character boundary, without a trailing `-`. */
function capSlug(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug;
  let out = "";
  let bytes = 0;
  for (const ch of slug) {
    bytes += Buffer.byteLength(ch);
    if (bytes > MAX_SLUG_BYTES) break;
    out += ch;
  }
  return out.replace(/-+$/, "");
}

// Folder names Windows cannot create, whatever their case.
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** The URL segment of a tag. Never empty; only letters, digits and `-`; at most 120 bytes. */
export function tagSlug(name: string): string {
  const slug = capSlug(uncappedSlug(name));
  return WINDOWS_DEVICE_NAMES.test(slug) ? `${slug}-tag` : slug;
}

const SLUGIFY_OPTIONS = { customReplacements: SLUG_REPLACEMENTS, decamelize: false };
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/** Whether `ch` is a letter or digit slugify has no ASCII for (it would drop it). */
function noTransliteration(ch: string): boolean {
  return LETTER_OR_DIGIT.test(ch) && slugify(ch, SLUGIFY_OPTIONS) === "";
}

/** `noTransliteration`, without asking slugify about ASCII. */
function hasNoTransliteration(ch: string): boolean {
  // Every ASCII character is either no letter or digit, or one slugify keeps: no need to ask it.
  return ch.charCodeAt(0) >= 0x80 && noTransliteration(ch);
}

/**
 * Splits the name into runs slugify can spell in ASCII and runs of letters it cannot; the first
 * are slugified, the second kept (lower-cased), and the parts joined with `-`.
 */
function uncappedSlug(name: string): string {
  const parts: string[] = [];
  let run = "";
  let keep = false;
  const flush = () => {
    const part = keep
      ? run
          .toLowerCase()
          .split(/[^\p{L}\p{N}\p{M}]+/u)
          .filter(Boolean)
          .join("-")
      : slugify(run, SLUGIFY_OPTIONS);
    if (part !== "") parts.push(part);
    run = "";
  };
  for (const ch of name.normalize("NFKC")) {
    // A combining mark stays with the run it modifies.
    const chKeep: boolean = MARK.test(ch) && run !== "" ? keep : hasNoTransliteration(ch);
    if (run !== "" && chKeep !== keep) flush();
    keep = chKeep;
    run += ch;
  }
  if (run !== "") flush();
  if (parts.length > 0) return parts.join("-");
  const codePoints = [...name.trim()].map((ch) => ch.codePointAt(0)!.toString(16));
  return codePoints.length > 0 ? `u-${codePoints.join("-")}` : "u";
}
