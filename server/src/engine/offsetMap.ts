/**
 * A compact map from positions in a derived text (a paragraph's joined text, a normalised
 * string) back to offsets in the text it came from.
 *
 * Such maps are nearly always runs of consecutive offsets: a paragraph's text is a few
 * slices of its file (one per source line), a normalised string differs from its input
 * only where white space collapses or a character expands. So the map stores one pair
 * (position, offset) per run rather than one number per character: at 1000 times the
 * bundled corpus that is the difference between about 200 MB and a few MB of index.
 */
export class OffsetMap {
  /** `runs[2k]` is the first position of run k, `runs[2k + 1]` the offset it maps to. */
  private readonly runs: Uint32Array;

  /** Use {@link OffsetMapBuilder} or {@link OffsetMap.fromOffsets}. */
  constructor(runs: Uint32Array, readonly length: number) {
    this.runs = runs;
  }

  /** The offset that position `i` maps to (`0 <= i < length`); `undefined` outside the map. */
  at(i: number): number {
    if (!(i >= 0 && i < this.length)) return undefined as unknown as number;
    const r = this.runs;
    let lo = 0;
    let hi = (r.length >> 1) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (r[mid << 1] <= i) lo = mid;
      else hi = mid - 1;
    }
    return r[(lo << 1) + 1] + (i - r[lo << 1]);
  }

  /** How many runs the map holds (for tests and benchmarks). */
  get runCount(): number {
    return this.runs.length >> 1;
  }

  /** Every position's offset, expanded (for tests and debugging). */
  toArray(): Uint32Array {
    const out = new Uint32Array(this.length);
    const r = this.runs;
    const n = r.length >> 1;
    for (let k = 0; k < n; k++) {
      const from = r[k << 1];
      const to = k + 1 < n ? r[(k + 1) << 1] : this.length;
      for (let i = from; i < to; i++) out[i] = r[(k << 1) + 1] + (i - from);
    }
    return out;
  }

  /** Compresses an expanded per-position array (its first `length` entries). */
  static fromOffsets(offsets: ArrayLike<number>, length = offsets.length): OffsetMap {
    const b = new OffsetMapBuilder();
    for (let i = 0; i < length; i++) b.push(offsets[i]);
    return b.build();
  }
}

/** Builds an {@link OffsetMap} one position at a time. */
export class OffsetMapBuilder {
  private runs = new Uint32Array(8);
  private runEnd = 0; // entries of `runs` used
  private count = 0;
  private next = -1; // the offset that would continue the current run

  get length(): number {
    return this.count;
  }

  /** Maps the next position to `offset`. */
  push(offset: number): void {
    if (offset !== this.next) {
      if (this.runEnd + 2 > this.runs.length) {
        const grown = new Uint32Array(this.runs.length * 2);
        grown.set(this.runs);
        this.runs = grown;
      }
      this.runs[this.runEnd++] = this.count;
      this.runs[this.runEnd++] = offset;
    }
    this.count++;
    this.next = offset + 1;
  }

  /** Maps the next `n` positions to `offset`, `offset + 1`, ... */
  pushRun(offset: number, n: number): void {
    if (n <= 0) return;
    this.push(offset);
    this.count += n - 1;
    this.next = offset + n;
  }

  build(): OffsetMap {
    return new OffsetMap(this.runs.slice(0, this.runEnd), this.count);
  }
}
