/**
 * Text kept outside the JavaScript heap, in slabs of bytes that are used again once every text in
 * them has been dropped: for text that lives across many pages and then dies, such as a card kept
 * from its month page to its last tag page.
 */

/** `String.prototype.isWellFormed` (Node 20 has it; ES2024, past this project's `lib`). */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** One slab: its bytes, how many are written, how many kept texts still point into it. */
interface Slab {
  readonly bytes: Buffer;
  used: number;
  live: number;
}

/** A text kept in a slab: which slab, and where its UTF-8 bytes are. Only the `TextSlabs` that made it reads it. */
export interface KeptText {
  readonly slab: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Texts as UTF-8 bytes in reusable slabs. On the heap, a text that outlives two young-generation
 * collections moves to the old generation and stays there after it dies, until a full collection,
 * which a build with room to grow may not run before its end: a 100k direct build's cards were
 * 93 MB of its old generation, all dead but the last few hundred. Here a dropped text's bytes are
 * written over once its slab is empty, and reading one back makes a short-lived string.
 */
export class TextSlabs {
  private readonly slabs: Slab[] = [];
  private readonly empty: number[] = [];
  private current: number | undefined;

  constructor(private readonly slabSize = 256 * 1024) {}

  /**
   * Keeps `text`, or gives undefined when it must stay a string: longer than a slab could hold, or
   * not well-formed UTF-16 (a lone surrogate would not come back as it went in).
   */
  keep(text: string): KeptText | undefined {
    const most = text.length * 3;
    if (most > this.slabSize || !isWellFormed(text)) return undefined;
    let index = this.current;
    if (index === undefined || this.slabs[index]!.used + most > this.slabSize) {
      if (index !== undefined && this.slabs[index]!.live === 0) this.empty.push(index);
      index = this.empty.pop() ?? this.slabs.push({ bytes: Buffer.allocUnsafeSlow(this.slabSize), used: 0, live: 0 }) - 1;
      this.slabs[index]!.used = 0;
      this.current = index;
    }
    const slab = this.slabs[index]!;
    const start = slab.used;
    slab.used += slab.bytes.write(text, start, "utf8");
    slab.live += 1;
    return { slab: index, start, end: slab.used };
  }

  /** The text as it was kept. */
  read(kept: KeptText): string {
    return this.slabs[kept.slab]!.bytes.toString("utf8", kept.start, kept.end);
  }

  /** Forgets a kept text: its slab is written over once nothing in it is kept and it is not being filled. */
  drop(kept: KeptText): void {
    const slab = this.slabs[kept.slab]!;
    slab.live -= 1;
    if (slab.live === 0 && kept.slab !== this.current) this.empty.push(kept.slab);
  }

  /** Slabs made so far: bounded by the texts kept at once, not by the texts kept over a build. */
  get slabCount(): number {
    return this.slabs.length;
  }
}
