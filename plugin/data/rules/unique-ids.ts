/** Rule (error): an id (by default the url) is used once across the whole digest, all files together. */
import { placeOf, type ArticleIdentity } from "../identity.js";
import { formatPath } from "../problems.js";
import type { ArticleCheck } from "./rule.js";

/** Remembers each id's first article and reports every later one at its `id` field, or its `url` when that is the id. */
export function uniqueIds(): ArticleCheck {
  const idOwners = new Map<string, ArticleIdentity>();
  return (article, { problems }) => {
    if (article.id === undefined) return;
    const owner = idOwners.get(article.id);
    if (owner) {
      problems.push({
        file: article.unit.file,
        path: formatPath([...article.path, article.idField]),
        message: `duplicate id ${JSON.stringify(article.id)}, also used by ${placeOf(owner)}; ids (by default the url) must be unique across the digest`,
      });
    } else idOwners.set(article.id, article);
  };
}
