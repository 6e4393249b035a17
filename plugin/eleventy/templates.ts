/**
 * The digest's virtual templates, and how each keeps the host's data cascade out: the template
 * class, its own layout, tags, collection membership, permalink and data schema, and the guard
 * against a host's computed data of the same keys.
 */

/**
 * Every name a running Eleventy reads each special data key under. Eleventy 3 reads the
 * `eleventy*` names; Eleventy 4 (Build Awesome) reads the `buildawesome*` names first, then the
 * `eleventy*` ones (its `ResolveConfigurationData`: objects merged, the first value found wins
 * otherwise). The digest's templates say their own values under both, so a host using either
 * name, or both, changes nothing in them; in Eleventy 3 the new names are plain data.
 */
export const DATA_KEY_NAMES = {
  computed: ["buildawesomeComputed", "eleventyComputed"],
  dataSchema: ["buildawesomeDataSchema", "eleventyDataSchema"],
  excludeFromCollections: ["buildawesomeExcludeFromCollections", "eleventyExcludeFromCollections"],
} as const;

/** The same value under each of `names`. */
function underEach(names: readonly string[], value: unknown): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, value]));
}

/**
 * A virtual 11ty.js template as a class: its `data()` is read like front matter (so `override:`
 * keys work, which they do not in `addTemplate`'s data argument), and `--to=json` has no object
 * to serialise as its raw input.
 */
export function virtualTemplate<Data>(
  data: Record<string, unknown>,
  render: (data: Data) => string,
): new () => { data(): Record<string, unknown>; render(data: Data): string } {
  return class {
    data(): Record<string, unknown> {
      return { ...data };
    }
    render(pageData: Data): string {
      return render(pageData);
    }
  };
}

/** A data schema that accepts the digest's own templates, over whatever schema the host's data cascade has. */
const acceptDigestData = (): void => {};

/** A template's permalink: a function of its data, a fixed path, or `false` (not written). */
export type Permalink = ((data: never) => string | false) | string | false;

/**
 * What every digest template says about itself, so that nothing in the host's data cascade
 * (global data, directory data files, computed data) changes what it writes: its own layout
 * (or none), no tags (`override:` stops Eleventy merging the host's into them), its own
 * collection membership and permalink, and a data schema of its own; each special key under
 * every name Eleventy reads it by (`DATA_KEY_NAMES`).
 */
export function isolatedData(
  layout: string | false,
  listed: boolean,
  permalink: Permalink,
  computed: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    layout,
    "override:tags": [],
    ...underEach(DATA_KEY_NAMES.excludeFromCollections, !listed),
    ...underEach(DATA_KEY_NAMES.dataSchema, acceptDigestData),
    permalink,
    ...(Object.keys(computed).length > 0 && underEach(DATA_KEY_NAMES.computed, computed)),
  };
}

/**
 * A host's computed data (`eleventyComputed`, `buildawesomeComputed`) runs after every other
 * data, so a host key such as `layout`, `tags` or `permalink` would beat the template's own: the
 * template's computed values of the same keys win.
 */
export function ownComputed(layout: string | false, listed: boolean, permalink: Permalink): Record<string, unknown> {
  return {
    layout: () => layout,
    tags: () => [],
    ...underEach(DATA_KEY_NAMES.excludeFromCollections, () => !listed),
    permalink,
  };
}

/**
 * For a paginated template, whose computed data Eleventy works out page by page (a cost per page):
 * `ownComputed` only for the keys that the host's cascade computes, under whichever computed
 * name it uses, set on the template's data in its pagination's `before`, which Eleventy copies
 * into every page's data after it.
 */
export function guardAgainstHostComputed(data: Record<string, unknown>, own: Record<string, unknown>): void {
  for (const name of DATA_KEY_NAMES.computed) {
    const computed = data[name];
    if (!computed || typeof computed !== "object") continue;
    const clashing = Object.keys(own).filter(
      (key) => key in computed && (computed as Record<string, unknown>)[key] !== own[key],
    );
    if (clashing.length > 0)
      data[name] = { ...computed, ...Object.fromEntries(clashing.map((key) => [key, own[key]])) };
  }
}

/** Where a digest's virtual templates live: one folder per base path, so two digests can coexist. */
export function virtualDirFor(basePath: string): string {
  const suffix = basePath.replace(/^\/|\/$/g, "").replace(/[^A-Za-z0-9_-]+/g, "-");
  return suffix === "" ? "eleventy-plugin-digest" : `eleventy-plugin-digest--${suffix}`;
}

/** Whether a layout's template language escapes `{{ title }}` by itself: Nunjucks does in Eleventy. */
export function layoutEscapes(layout: string): boolean {
  return /\.njk$/i.test(layout);
}
