/**
 * One share image, drawn: satori lays the element tree out as SVG with Inter (from
 * @fontsource/inter, read at run time from the installed package, so nothing is copied into
 * dist), resvg rasterises it to PNG. Same card → same bytes: no clock, zone or locale is read, and
 * resvg's PNG encoder writes no timestamp. Characters Inter lacks (CJK, emoji) render as boxes.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import satori from "satori";
import { Resvg } from "@resvg/resvg-js";
import { shareImageTree } from "./layout.js";
import { SHARE_IMAGE_SIZE, type ShareCard } from "./subjects.js";

/** Inter's subsets that ship as WOFF (satori reads no WOFF2): Latin, Greek, Cyrillic, Vietnamese. */
const SUBSETS = ["latin", "latin-ext", "greek", "greek-ext", "cyrillic", "cyrillic-ext", "vietnamese"] as const;
const WEIGHTS = [400, 700] as const;

/** A font as satori takes it. */
interface LoadedFont {
  readonly name: string;
  readonly data: Buffer;
  readonly weight: (typeof WEIGHTS)[number];
  readonly style: "normal";
}

let fonts: Promise<LoadedFont[]> | undefined;

/** The fonts, read once per process: every subset is its own family, so satori falls back across them. */
function loadFonts(): Promise<LoadedFont[]> {
  fonts ??= (async () => {
    const require = createRequire(import.meta.url);
    const files = SUBSETS.flatMap((subset) => WEIGHTS.map((weight) => ({ subset, weight })));
    return Promise.all(
      files.map(async ({ subset, weight }) => ({
        name: subset === "latin" ? "Inter" : `Inter ${subset}`,
        data: await readFile(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
        weight,
        style: "normal" as const,
      })),
    );
  })();
  return fonts;
}

/** The PNG of one card, 1200×630. */
export async function renderShareImage(card: ShareCard): Promise<Buffer> {
  const svg = await satori(shareImageTree(card), { ...SHARE_IMAGE_SIZE, fonts: await loadFonts() });
  const png = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
  return png;
}
