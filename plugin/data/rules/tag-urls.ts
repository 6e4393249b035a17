/**
 * Rule (error) and resolution of tags and sources: names that differ only in case or white space
 * are one tag (one source); each gets its display name and URL slug, and two that would share one
 * URL are reported. It returns them as well as checking them, since the check is the resolution.
 * Tags and sources follow the same rules, so they share one resolution (`resolveNames`).
 */
import { tagKey, tagSlug } from "../slug.js";
import type { ArticleIdentity } from "../identity.js";
import { formatPath, type DigestProblem, type PathSegment } from "../problems.js";
import type { SourceIdentity, TagIdentity } from "../validated.js";

/** One use of a name in the data: the name and where it is (its place, made only when reported). */
interface NameUse {
  readonly name: string;
  readonly file: string;
  readonly path: () => readonly PathSegment[];
}

/**
 * Merges names that differ only in case or white space, picks each one's display name (its most
 * used spelling, ties to the first seen) and reports two that would share one URL, as a `kind`
 * ("tag", "source") in `folder` ("tags", "sources").
 */
function resolveNames(
  uses: Iterable<NameUse>,
  kind: string,
  folder: string,
  problems: DigestProblem[],
): Map<string, TagIdentity> {
  // A digest repeats a few hundred spellings hundreds of thousands of times: each is keyed once.
  const keys = new Map<string, string>();
  const spellings = new Map<string, Map<string, number>>();
  const firstPlace = new Map<string, { file: string; path: string }>();
  for (const use of uses) {
    let key = keys.get(use.name);
    if (key === undefined) keys.set(use.name, (key = tagKey(use.name)));
    let counts = spellings.get(key);
    if (!counts) {
      counts = new Map();
      spellings.set(key, counts);
      firstPlace.set(key, { file: use.file, path: formatPath(use.path()) });
    }
    counts.set(use.name, (counts.get(use.name) ?? 0) + 1);
  }
  const resolved = new Map<string, TagIdentity>();
  const slugOwners = new Map<string, TagIdentity>();
  for (const [key, counts] of spellings) {
    let name = "";
    let best = 0;
    for (const [spelling, count] of counts) {
      if (count > best) {
        name = spelling;
        best = count;
      }
    }
    const identity: TagIdentity = { key, name, slug: tagSlug(name) };
    const owner = slugOwners.get(identity.slug);
    if (owner) {
      const place = firstPlace.get(key)!;
      const ownerPlace = firstPlace.get(owner.key)!;
      problems.push({
        ...place,
        message: `${kind} ${JSON.stringify(name)} would share the URL ${folder}/${identity.slug}/ with ${kind} ${JSON.stringify(owner.name)} (${ownerPlace.file} ${ownerPlace.path}); rename one of them`,
      });
      continue;
    }
    slugOwners.set(identity.slug, identity);
    resolved.set(key, identity);
  }
  return resolved;
}

/** Every tag of every article, with its place (`articles[3].tags[1]`). */
function* tagUses(identities: readonly ArticleIdentity[]): Iterable<NameUse> {
  for (const article of identities) {
    for (let index = 0; index < article.tags.length; index++) {
      const name = article.tags[index];
      if (name !== undefined) yield { name, file: article.unit.file, path: () => [...article.path, "tags", index] };
    }
  }
}

/** Every article's source, with its place (`articles[3].source`). */
function* sourceUses(identities: readonly ArticleIdentity[]): Iterable<NameUse> {
  for (const article of identities) {
    if (article.source !== undefined)
      yield { name: article.source, file: article.unit.file, path: () => [...article.path, "source"] };
  }
}

/** The digest's tags by key; two tags that would share one URL are reported. */
export function resolveTags(
  identities: readonly ArticleIdentity[],
  problems: DigestProblem[],
): Map<string, TagIdentity> {
  return resolveNames(tagUses(identities), "tag", "tags", problems);
}

/** The digest's sources by key, by the tags' rules; two sources that would share one URL are reported. */
export function resolveSources(
  identities: readonly ArticleIdentity[],
  problems: DigestProblem[],
): Map<string, SourceIdentity> {
  return resolveNames(sourceUses(identities), "source", "sources", problems);
}
