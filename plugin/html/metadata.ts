/**
 * What a page says about itself to machines: Open Graph and Twitter card tags, and schema.org
 * JSON-LD (a `CollectionPage` whose `ItemList` holds what the page lists, and a `BreadcrumbList`).
 * Pure data from a `PageView`; `document.ts` writes it into the head.
 */
import type { PageView } from "./view.js";
import type { SiteContext } from "../render/site.js";

/** A `<meta>` tag: Open Graph uses `property`, Twitter cards use `name`. */
export interface MetaTag {
  readonly attribute: "property" | "name";
  readonly key: string;
  readonly content: string;
}

/** A JSON-LD value: what `JSON.stringify` writes as it is. */
export type JsonLdValue = string | number | boolean | JsonLdObject | readonly JsonLdValue[];
/** A JSON-LD object (schema.org node). */
export interface JsonLdObject {
  readonly [key: string]: JsonLdValue;
}

/**
 * Open Graph and Twitter card tags. A page with an image (its share image, else an article's) gets
 * a large-image card, with the image's alt text (X reads only its own `twitter:image:alt`). Only
 * `twitter:card` is X's own: for the title, description and image X reads the Open Graph tags
 * when its own are absent, so saying them twice would only add bytes to every page.
 */
export function socialMetaTags(page: PageView, site: SiteContext): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: "property", key: `og:${key}`, content });
  const twitter = (key: string, content: string): MetaTag => ({ attribute: "name", key: `twitter:${key}`, content });
  const tags = [
    og("type", "website"),
    og("site_name", site.title),
    og("title", page.documentTitle),
    og("description", page.description),
    og("url", site.absolute(page.path)),
    og("locale", site.openGraphLocale),
  ];
  const image = page.shareImage ?? (page.image === undefined ? undefined : { url: page.image, alt: page.imageAlt });
  if (image) {
    tags.push(og("image", image.url));
    if (page.shareImage)
      tags.push(og("image:width", String(page.shareImage.width)), og("image:height", String(page.shareImage.height)));
    if (image.alt !== undefined) tags.push(og("image:alt", image.alt), twitter("image:alt", image.alt));
  }
  tags.push(twitter("card", image ? "summary_large_image" : "summary"));
  return tags;
}

/**
 * The schema.org description of a page: a `CollectionPage` with its `ItemList` and
 * `BreadcrumbList`. `numberOfItems` is the whole list's (an issue's 28 articles, not the 10 of its
 * page 2); an issue page also says when it came out and who publishes it (the digest, by name).
 * A list element gives its position and URL only (schema.org's summary-page form): the names are
 * the page's own headings, and saying them again cost a month page a tenth of its bytes. A long
 * index (`compactItems`) gives its count only: its entries are all on the page.
 */
export function structuredData(page: PageView, site: SiteContext): JsonLdObject {
  const url = site.absolute(page.path);
  const home = site.absolute(site.options.basePath);
  const itemList: JsonLdObject = {
    "@type": "ItemList",
    itemListOrder: "https://schema.org/ItemListOrderAscending",
    numberOfItems: page.total ?? page.items.length,
    ...(!page.compactItems && {
      itemListElement: page.items.map((item) => ({ "@type": "ListItem", position: item.position, url: item.url })),
    }),
  };
  const breadcrumbs: JsonLdObject | undefined =
    page.breadcrumbs.length === 0
      ? undefined
      : {
          "@type": "BreadcrumbList",
          itemListElement: page.breadcrumbs.map((crumb, index) => ({
            "@type": "ListItem",
            position: index + 1,
            name: crumb.name,
            item: site.absolute(crumb.path),
          })),
        };
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    "@id": url,
    url,
    name: page.documentTitle,
    description: page.description,
    inLanguage: site.options.locale,
    isPartOf: { "@type": "WebSite", name: site.title, url: home },
    ...(page.image !== undefined && { image: page.image }),
    ...(page.datePublished !== undefined && {
      datePublished: page.datePublished,
      publisher: { "@type": "Organization", name: site.title, url: home },
    }),
    ...(breadcrumbs && { breadcrumb: breadcrumbs }),
    mainEntity: itemList,
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `JSON.stringify`'s JSON with every `<`
 * written as `\u003c`, so no data text (a title containing `</script>` or `<!--`) can end the
 * element early or change how HTML reads it. `>` and `&` mean nothing inside a script element,
 * and U+2028/U+2029 are plain characters to JSON and to the JSON-LD parsers that read the element.
 */
export function jsonLdText(data: JsonLdObject): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
