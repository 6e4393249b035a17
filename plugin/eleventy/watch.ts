/**
 * Watch-mode rebuilds: which pages need writing again after the data changed, and which edited
 * files are the digest's data. Pure.
 *
 * When only articles' content changed (a title, a summary, a source's handle…), the pages that show those
 * articles are the only ones whose output can differ; everything else on disk is still right.
 * Anything structural (an article added, removed, moved to another month or rank, retagged;
 * issue metadata; the digest's title) changes page sets and links, so it gets a full rebuild.
 */
import path from "node:path";
import type { ValidatedDigest, ValidArticle } from "../data/validate.js";

/** What a watch rebuild compares with the last build to find the articles that changed. */
export interface DigestFingerprint {
  /** Everything that shapes the page set and the links between pages. */
  readonly structure: string;
  /** Article id → its content. */
  readonly articles: ReadonlyMap<string, string>;
}

/** What of an article decides pages and links (id, month, rank, tags, source); its text does not. */
function structuralPart(article: ValidArticle): string {
  return `${article.id}\u0000${article.month}\u0000${article.rank}\u0000${article.tags.join("\u0001")}\u0000${article.source.name}\u0000${article.source.url ?? ""}`;
}

/** The structure of the whole digest, and each article's content by id. */
export function fingerprintDigest(digest: ValidatedDigest): DigestFingerprint {
  const articles = new Map<string, string>();
  const structure: string[] = [
    JSON.stringify([
      digest.title,
      digest.description,
      [...digest.issues],
      [...digest.tags.values()],
      [...digest.sources.values()],
    ]),
  ];
  for (const article of digest.articles) {
    structure.push(structuralPart(article));
    articles.set(article.id, JSON.stringify(article));
  }
  return { structure: structure.join("\n"), articles };
}

/**
 * The ids of articles whose content changed, or `"all"` when the change is structural and every
 * page must be written again.
 */
export function changedArticles(
  previous: DigestFingerprint | undefined,
  next: DigestFingerprint,
): ReadonlySet<string> | "all" {
  if (!previous || previous.structure !== next.structure) return "all";
  const changed = new Set<string>();
  for (const [id, content] of next.articles) if (previous.articles.get(id) !== content) changed.add(id);
  return changed;
}

/**
 * `_data/digest.json`, `_data/digest.yaml`, `_data/digest/2025-04.json`… for data key `digest`:
 * files in the data folder only, so `_includes/digest.njk` is a template edit (every page again).
 */
export function isDigestDataFile(file: string, dataDir: string, dataKey: string): boolean {
  const relative = file.replace(/\\/g, "/").replace(/^\.\//, "");
  const dir = dataDir.replace(/\\/g, "/").replace(/^\.\//, "");
  if (dir === "" || !relative.startsWith(dir)) return false;
  const parts = relative.slice(dir.length).split("/").filter(Boolean);
  if (parts.length === 1) return parts[0]!.startsWith(`${dataKey}.`);
  return parts.length === 2 && parts[0] === dataKey;
}

/** A folder as the user knows it: `_data/` (relative to the working directory when inside it). */
export function displayedDir(dir: string): string {
  const relative = path.isAbsolute(dir) ? path.relative(process.cwd(), dir) : dir;
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
  return shown
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .replace(/([^/])$/, "$1/");
}
