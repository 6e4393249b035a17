/** Small, dependency-free readers for the HTML the plugin writes. */

/** Decodes the entities `escapeHtml` and markdown-it produce. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}

/** The article titles of a month or tag page, in page order. */
export function cardTitles(html: string): string[] {
  return [
    ...html.matchAll(
      /<h2 class="dg-title">(?:<a class="dg-rank[^"]*" href="[^"]*">[^<]*<\/a> )?<a href="[^"]*">([^<]*)<\/a>/g,
    ),
  ].map((m) => decodeEntities(m[1]!));
}

/** The ranks shown on a page's cards, in page order. */
export function cardRanks(html: string): number[] {
  return [...html.matchAll(/<a class="dg-rank[^"]*" href="#rank-\d+">#(\d+)<\/a>/g)].map((m) => Number(m[1]));
}

/** Every `href` and `src` value, decoded. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}
