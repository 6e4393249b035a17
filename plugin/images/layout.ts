/**
 * The share image's layout, as the element objects satori reads (no JSX): the digest's title, a
 * big heading, an optional subheading and the top three picks with their sources, in the theme's
 * light colours (theme.css). Pure. Bump `LAYOUT_VERSION` with any change here, so cached PNGs of
 * the old layout are not reused.
 */
import { SHARE_IMAGE_SIZE, type ShareCard, type SharePick } from "./subjects.js";

/** Part of every image's cache key: change it whenever this file changes what is drawn. */
export const LAYOUT_VERSION = 1;

/** The theme's light scheme (theme.css), and its rank medals. */
/** The width inside the side margins. */
const INNER = SHARE_IMAGE_SIZE.width - 2 * 64;

const THEME = {
  bg: "#ffffff",
  fg: "#1b1d21",
  muted: "#565d66",
  line: "#d5dae0",
  card: "#f7f8fa",
  accent: "#0b57d0",
  medals: ["#f6c945", "#d3d9e1", "#eaa878"],
} as const;

/** A CSS value satori accepts. */
type StyleValue = string | number;

/** One element as satori reads it: what a JSX `<div style>` compiles to. */
export interface ShareElement {
  readonly type: "div";
  readonly props: {
    readonly style: Readonly<Record<string, StyleValue>>;
    readonly children?: string | readonly ShareElement[];
  };
}

/** A `div` with its style and children. */
function div(style: Record<string, StyleValue>, children?: string | readonly ShareElement[]): ShareElement {
  return { type: "div", props: { style, ...(children !== undefined && { children }) } };
}

/**
 * The most characters a line of text hands satori: more than the narrowest of Inter's glyphs at
 * the smallest size drawn (22 px) fit across the image. satori lays out the whole text before it
 * clamps it to its lines, in time and memory that grow faster than the text (a very long title
 * without spaces exhausted the heap), so longer text is cut first; what shows is the same, as the
 * cut is beyond the clamp.
 */
export const CHARACTERS_PER_LINE = 240;

/** `content` cut to `lines` lines' worth of characters (`CHARACTERS_PER_LINE`), with an ellipsis when cut. */
export function clipToLines(content: string, lines: number): string {
  let end = lines * CHARACTERS_PER_LINE;
  if (content.length <= end) return content;
  const last = content.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never half a surrogate pair
  return `${content.slice(0, end)}…`;
}

/** Text cut to `lines` lines with an ellipsis: long titles never push the picks off the image. */
function text(content: string, style: Record<string, StyleValue>, lines: number): ShareElement {
  return div(
    { display: "block", lineClamp: lines, overflow: "hidden", textOverflow: "ellipsis", ...style },
    clipToLines(content, lines),
  );
}

/** One pick: its rank in a medal, its title and its source. */
function pick(item: SharePick, index: number): ShareElement {
  const words = div({ display: "flex", flexDirection: "column", width: INNER - 52 - 24 }, [
    text(item.title, { fontSize: 30, fontWeight: 700, lineHeight: 1.25, color: THEME.fg }, 2),
    text(item.source, { fontSize: 22, lineHeight: 1.4, color: THEME.muted, marginTop: 2 }, 1),
  ]);
  const medal = div(
    {
      display: "flex",
      alignItems: "center",
      justifyContent: "center",
      width: 52,
      height: 52,
      flexShrink: 0,
      borderRadius: 26,
      background: THEME.medals[index] ?? THEME.line,
      color: THEME.fg,
      fontSize: 26,
      fontWeight: 700,
    },
    String(index + 1),
  );
  return div({ display: "flex", alignItems: "flex-start", gap: 24, marginTop: 22 }, [medal, words]);
}

/** The whole image for one card. */
export function shareImageTree(card: ShareCard): ShareElement {
  const header = [
    text(card.site, { fontSize: 28, fontWeight: 700, color: THEME.accent, lineHeight: 1.3 }, 1),
    text(card.heading, { fontSize: 58, fontWeight: 700, color: THEME.fg, lineHeight: 1.2, marginTop: 10 }, 1),
    ...(card.subheading === undefined
      ? []
      : [text(card.subheading, { fontSize: 28, color: THEME.muted, lineHeight: 1.3, marginTop: 6 }, 1)]),
  ];
  const rule = div({ display: "flex", width: INNER, height: 2, marginTop: 18, background: THEME.line });
  const picks = div({ display: "flex", flexDirection: "column", width: INNER, marginTop: 2 }, card.picks.map(pick));
  return div(
    {
      display: "flex",
      flexDirection: "column",
      width: SHARE_IMAGE_SIZE.width,
      height: SHARE_IMAGE_SIZE.height,
      paddingTop: 48,
      paddingBottom: 48,
      paddingLeft: 64,
      paddingRight: 64,
      background: THEME.bg,
      borderTop: `12px solid ${THEME.accent}`,
      fontFamily: "Inter",
    },
    [div({ display: "flex", flexDirection: "column", width: INNER }, header), rule, picks],
  );
}
