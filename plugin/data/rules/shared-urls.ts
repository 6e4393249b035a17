/** Rule (warning): one url under two ids is legal, but the article is then listed twice. */
import { placeOf, type ArticleIdentity } from "../identity.js";
import { formatPath } from "../problems.js";
import type { ArticleCheck } from "./rule.js";

/** Remembers each url's first article; a later one under another id is warned about (one under the same id is `uniqueIds`'s). */
export function sharedUrls(): ArticleCheck {
  const urlOwners = new Map<string, ArticleIdentity>();
  return (article, { warnings }) => {
    if (article.url === undefined) return;
    const owner = urlOwners.get(article.url);
    if (owner && owner.id !== article.id) {
      warnings.push({
        file: article.unit.file,
        path: formatPath([...article.path, "url"]),
        message: `the same url as ${placeOf(owner)}, under another id; the article is listed twice`,
      });
    } else if (!owner) urlOwners.set(article.url, article);
  };
}
