/**
 * Rule (error) and resolution of tags: tags that differ only in case or white space are one tag;
 * each gets its display name and URL slug, and two tags that would share one URL are reported.
 * It returns the tags as well as checking them, since the check is the resolution.
 */
import { TAG_KEYS, tagSlug } from "../../model/slug.js";
import type { Memo } from "../../model/memo.js";
import type { ArticleIdentity } from "../identity.js";
import { formatPath, type DigestProblem } from "../problems.js";
import type { TagIdentity } from "../validated.js";

/**
 * Merges tags that differ only in case or white space, picks each tag's display name (its most
 * used spelling, ties to the first seen) and reports two tags that would share one URL.
 */
export function resolveTags(identities: readonly ArticleIdentity[], problems: DigestProblem[], memo: Memo): Map<string, TagIdentity> {
  const spellings = new Map<string, Map<string, number>>();
  const firstPlace = new Map<string, { file: string; path: string }>();
  for (const article of identities) {
    for (let index = 0; index < article.tags.length; index++) {
      const name = article.tags[index];
      if (name === undefined) continue;
      const key = memo.cached(TAG_KEYS, name);
      let counts = spellings.get(key);
      if (!counts) {
        counts = new Map();
        spellings.set(key, counts);
        firstPlace.set(key, { file: article.unit.file, path: formatPath([...article.path, "tags", index]) });
      }
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const tags = new Map<string, TagIdentity>();
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
    const tag: TagIdentity = { key, name, slug: tagSlug(name, memo) };
    const owner = slugOwners.get(tag.slug);
    if (owner) {
      const place = firstPlace.get(key)!;
      const ownerPlace = firstPlace.get(owner.key)!;
      problems.push({
        ...place,
        message: `tag ${JSON.stringify(name)} would share the URL tags/${tag.slug}/ with tag ${JSON.stringify(owner.name)} (${ownerPlace.file} ${ownerPlace.path}); rename one of them`,
      });
      continue;
    }
    slugOwners.set(tag.slug, tag);
    tags.set(key, tag);
  }
  return tags;
}
