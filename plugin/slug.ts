/**
 * Tag identity and URL slugs (SPEC §2). Pure; knows nothing of Eleventy.
 *
 * - Tags that differ only in case or white space are one tag (`tagKey`).
 * - Slugs transliterate to ASCII where they can (`Système` → `systeme`), keep common names apart
 *   (`C++` → `c-plus-plus`, `C#` → `c-sharp`, `C` → `c`), fall back to the tag's own letters for
 *   scripts with no transliteration (`分布式系统`), and to code points for tags without letters
 *   (`🚀` → `u-1f680`). A slug never contains `/`, `.` or `%`, so no tag can leave its folder.
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

/** The URL segment of a tag. Never empty; only letters, digits and `-`. */
export function tagSlug(name: string): string {
  const ascii = slugify(name, { customReplacements: SLUG_REPLACEMENTS, decamelize: false });
  if (ascii !== "") return ascii;
  const letters = name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((part) => part !== "")
    .join("-");
  if (letters !== "") return letters;
  const codePoints = [...name.trim()].map((ch) => ch.codePointAt(0)!.toString(16));
  return codePoints.length > 0 ? `u-${codePoints.join("-")}` : "u";
}
