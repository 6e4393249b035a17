/**
 * Renamed tags (the `tagAliases` option, `{ "K8s": "Kubernetes" }`). Pure; knows nothing of
 * Eleventy. Applied to the validated data before it is published and modelled: an article still
 * tagged with an old name counts as the new tag, and each old tag keeps the slug it was published
 * under, so its URLs (`tags/OLD-SLUG/`, its `page/N/`, its feeds) can go on serving the new tag.
 * Names match as tags do (`tagKey`); a chain `A → B → C` resolves to `C`.
 */
import type { TagIdentity, ValidArticle, ValidatedDigest } from "../data/validated.js";
import { tagKey, tagSlug } from "../data/slug.js";
import { pagedPath, tagFeedPath, tagPath, type FeedFormat } from "./urls.js";

/** An old tag and the live tag it now is. */
export interface RenamedTag {
  /** The option entry's key as written (`K8s`), for messages. */
  readonly entry: string;
  /** The old tag: its key, its name (the data's spelling, else the entry's) and the slug of its old URL. */
  readonly from: TagIdentity;
  /** The key of the live tag it became, at the end of any chain. */
  readonly to: string;
}

/** The validated digest with the aliases applied: no article has an old tag; `tags` holds only live tags. */
export interface AliasedDigest extends ValidatedDigest {
  readonly renamed: readonly RenamedTag[];
}

/** What is wrong with one entry of `tagAliases`: the entry's key as written, and why. */
export interface TagAliasProblem {
  readonly entry: string;
  readonly message: string;
}

/** One alias: the key of the tag it points at, and the entry as written. */
interface Alias {
  readonly entry: string;
  readonly target: string;
  readonly targetKey: string;
}

const quote = (name: string) => JSON.stringify(name);

/**
 * Applies `aliases` to `digest`. Problems (nothing is applied then): a chain that loops, an old
 * name given twice, a target no article has even after renaming, a target only the options bring
 * whose URL is a live tag's, and an old tag whose URL is a live tag's (or another old tag's), since
 * its redirect would replace that page.
 */
export function applyTagAliases(
  digest: ValidatedDigest,
  aliases: Readonly<Record<string, string>>,
): { digest: AliasedDigest; problems: TagAliasProblem[] } {
  const entries = Object.entries(aliases);
  if (entries.length === 0) return { digest: { ...digest, renamed: [] }, problems: [] };
  const problems: TagAliasProblem[] = [];
  const byKey = new Map<string, Alias>();
  for (const [entry, target] of entries) {
    const key = tagKey(entry);
    const twin = byKey.get(key);
    if (twin)
      problems.push({
        entry,
        message: `names the same tag as the entry ${quote(twin.entry)} (tags match whatever their case and spacing); keep one`,
      });
    else byKey.set(key, { entry, target, targetKey: tagKey(target) });
  }

  // Each old key's end of chain, and the name that end is given when no article has it yet.
  const resolved = new Map<string, { key: string; name: string }>();
  for (const [key, alias] of byKey) {
    const chain = [alias.entry];
    const seen = new Set([key]);
    let end: Alias = alias;
    let looped = false;
    for (let next = byKey.get(end.targetKey); next; next = byKey.get(end.targetKey)) {
      chain.push(end.target);
      if (seen.has(end.targetKey)) {
        looped = true;
        break;
      }
      seen.add(end.targetKey);
      end = next;
    }
    if (looped)
      problems.push({
        entry: alias.entry,
        message: `loops: ${chain.map(quote).join(" → ")}; end the chain at a tag of the data`,
      });
    else resolved.set(key, { key: end.targetKey, name: end.target });
  }

  // The live tags: the data's, without the old ones, with each target an old tag's articles bring.
  const tags = new Map([...digest.tags].filter(([key]) => !byKey.has(key)));
  const slugOwners = new Map<string, string>();
  for (const tag of tags.values()) slugOwners.set(tag.slug, `the tag ${quote(tag.name)}`);
  for (const [key, to] of resolved) {
    if (!digest.tags.has(key) || tags.has(to.key)) continue;
    const tag = { key: to.key, name: to.name, slug: tagSlug(to.name) };
    const owner = slugOwners.get(tag.slug);
    if (owner)
      problems.push({
        entry: byKey.get(key)!.entry,
        message: `renames the tag to ${quote(to.name)}, whose URL tags/${tag.slug}/ is also ${owner}'s; pick another name`,
      });
    else slugOwners.set(tag.slug, `the tag ${quote(tag.name)}`);
    tags.set(to.key, tag);
  }
  const renamed: RenamedTag[] = [];
  for (const [key, to] of resolved) {
    const { entry } = byKey.get(key)!;
    if (!tags.has(to.key)) {
      problems.push({
        entry,
        message: `renames the tag to ${quote(to.name)}, which no article has (nor any tag renamed to it); tag an article with it, or fix the name`,
      });
      continue;
    }
    const from = digest.tags.get(key) ?? { key, name: entry, slug: tagSlug(entry) };
    const owner = slugOwners.get(from.slug);
    if (owner) {
      problems.push({
        entry,
        message: `its URL tags/${from.slug}/ is also ${owner}'s, so its redirect would replace that page; remove the entry or rename that tag`,
      });
      continue;
    }
    slugOwners.set(from.slug, `the renamed tag ${quote(entry)}`);
    renamed.push({ entry, from, to: to.key });
  }
  if (problems.length > 0) return { digest: { ...digest, renamed: [] }, problems };

  const rename = new Map([...resolved].map(([key, to]) => [key, to.key]));
  const articles = digest.articles.map((article): ValidArticle => {
    if (!article.tags.some((key) => rename.has(key))) return article;
    return { ...article, tags: [...new Set(article.tags.map((key) => rename.get(key) ?? key))] };
  });
  return { digest: { ...digest, articles, tags, renamed }, problems: [] };
}

/** One old tag's URLs, each serving the tag it became. */
export interface TagRedirect<T> {
  /** The old tag. */
  readonly from: TagIdentity;
  /** The live tag its URLs now serve. */
  readonly to: T;
  /** Its old pages: `tags/OLD-SLUG/`, then `page/2/`… (as many as the new tag has), each redirecting to the new tag's first page. */
  readonly paths: readonly string[];
  /** Its old feeds, one per feed of the new tag: the same feed at the old URL. */
  readonly feeds: readonly { readonly format: FeedFormat; readonly path: string }[];
}

/** What a redirect needs of a live tag (the model's `Tag`; not imported, so the model can import this file). */
interface RedirectTarget {
  readonly key: string;
  readonly pages: readonly unknown[];
  readonly feeds: readonly { readonly format: FeedFormat }[];
}

/**
 * The redirects of the renamed tags, by old slug. A target with no article in this build (all its
 * issues held back) has no page to point at, so its old URLs are left out until it has one.
 */
export function tagRedirects<T extends RedirectTarget>(
  renamed: readonly RenamedTag[],
  tags: readonly T[],
  basePath: string,
): TagRedirect<T>[] {
  const byKey = new Map(tags.map((tag) => [tag.key, tag]));
  const redirects: TagRedirect<T>[] = [];
  for (const { from, to: key } of renamed) {
    const to = byKey.get(key);
    if (!to) continue;
    const first = tagPath(basePath, from.slug);
    const paths = to.pages.map((_, index) => pagedPath(first, index + 1));
    redirects.push({
      from,
      to,
      paths,
      feeds: to.feeds.map(({ format }) => ({ format, path: tagFeedPath(basePath, from.slug, format) })),
    });
  }
  return redirects.sort((a, b) => (a.from.slug < b.from.slug ? -1 : a.from.slug > b.from.slug ? 1 : 0));
}
