/**
 * The digest's virtual templates, and how each keeps the host's data cascade out: the template
 * class, its own layout, tags, collection membership, permalink and data schema, and the guard
 * against a host's `eleventyComputed` of the same keys.
 */

/**
 * A virtual 11ty.js template as a class: its `data()` is read like front matter (so `override:`
 * keys work, which they do not in `addTemplate`'s data argument), and `--to=json` has no object
 * to serialise as its raw input.
 */
export function virtualTemplate<Data>(data: Record<string, unknown>, render: (data: Data) => string): new () => { data(): Record<string, unknown>; render(data: Data): string } {
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
 * (global data, directory data files, `eleventyComputed`) changes what it writes: its own layout
 * (or none), no tags (`override:` stops Eleventy merging the host's into them), its own
 * collection membership and permalink, and a data schema of its own.
 */
export function isolatedData(layout: string | false, listed: boolean, permalink: Permalink, computed: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    layout,
    "override:tags": [],
    eleventyExcludeFromCollections: !listed,
    eleventyDataSchema: acceptDigestData,
    permalink,
    ...(Object.keys(computed).length > 0 && { eleventyComputed: computed }),
  };
}

/**
 * A host's `eleventyComputed` runs after every other data, so a host key such as `layout` or
 * `permalink` would beat the template's own: the template's computed values of the same keys win.
 */
export function ownComputed(layout: string | false, listed: boolean, permalink: Permalink): Record<string, unknown> {
  return { layout: () => layout, eleventyExcludeFromCollections: () => !listed, permalink };
}

/**
 * For a paginated template, whose computed data Eleventy works out page by page (a cost per page):
 * `ownComputed` only for the keys that the host's cascade computes, set on the template's data
 * in its pagination's `before`, which Eleventy copies into every page's data after it.
 */
export function guardAgainstHostComputed(data: Record<string, unknown>, own: Record<string, unknown>): void {
  const computed = data.eleventyComputed;
  if (!computed || typeof computed !== "object") return;
  const clashing = Object.keys(own).filter((key) => key in computed && (computed as Record<string, unknown>)[key] !== own[key]);
  if (clashing.length > 0) data.eleventyComputed = { ...computed, ...Object.fromEntries(clashing.map((key) => [key, own[key]])) };
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
