// Counts how the CPU loop moves between regions (and the jumps between compiled regions
// that the wasm backend's hub samples, each standing for HOP_SAMPLE_RATE), so that the TB cache can translate a
// group of regions that keep jumping to each other (a caller and its callees, a switch
// and its cases) as one region, inside which those jumps are branches. Counts live in a
// fixed open-addressed table of (from region, to region) → count: approximate (a full
// table forgets old pairs) and allocation-free on the hot path. Each region keeps the
// table slots its pairs were put in (a slot taken over by another pair is skipped when
// read), so that asking for one region's neighbours does not scan the table.

const TABLE_BITS = 14;
const TABLE_SIZE = 1 << TABLE_BITS;
/** Slots probed before an old pair is overwritten. */
const PROBES = 4;

export class RegionHeat {
  private readonly from = new Int32Array(TABLE_SIZE).fill(-1);
  private readonly to = new Int32Array(TABLE_SIZE);
  private readonly count = new Int32Array(TABLE_SIZE);
  /** Per region: the slots its pairs were put in (some since taken by other pairs). */
  private readonly slotsOf = new Map<number, number[]>();

  /** Notes `n` jumps from region `a` to region `b` (region ids are non-negative). */
  note(a: number, b: number, n = 1): void {
    const h = Math.imul(a * 31 + b, 0x9e3779b1) >>> (32 - TABLE_BITS);
    for (let k = 0; k < PROBES; k++) {
      const i = (h + k) & (TABLE_SIZE - 1);
      if (this.from[i] === a && this.to[i] === b) {
        this.count[i] += n;
        return;
      }
      if (this.from[i] === -1) {
        this.put(i, a, b, n);
        return;
      }
    }
    this.put(h, a, b, n);
  }

  private put(i: number, a: number, b: number, n: number): void {
    this.from[i] = a;
    this.to[i] = b;
    this.count[i] = n;
    this.slotList(a).push(i);
    if (b !== a) this.slotList(b).push(i);
  }

  private slotList(r: number): number[] {
    let list = this.slotsOf.get(r);
    if (!list) this.slotsOf.set(r, (list = []));
    return list;
  }

  /** The regions that jumped to or from region `r` at least `min` times in all, with their counts. */
  neighbours(r: number, min: number): Map<number, number> {
    const sum = new Map<number, number>();
    const slots = this.slotsOf.get(r);
    if (!slots) return sum;
    const live = new Set<number>();
    for (const i of slots) {
      // A slot listed twice (a pair forgotten, then put there again) counts once.
      if (live.has(i)) continue;
      const other = this.from[i] === r ? this.to[i] : this.to[i] === r && this.from[i] !== -1 ? this.from[i] : -1;
      if (other < 0) continue;
      live.add(i);
      if (other !== r) sum.set(other, (sum.get(other) ?? 0) + this.count[i]);
    }
    // Slots taken by other pairs since are dropped from the list.
    if (live.size < slots.length) this.slotsOf.set(r, [...live]);
    for (const [k, v] of sum) if (v < min) sum.delete(k);
    return sum;
  }

  /** Forgets every pair that involves one of `regions`. */
  forget(regions: ReadonlySet<number>): void {
    for (const r of regions) {
      for (const i of this.slotsOf.get(r) ?? []) {
        if (this.from[i] !== -1 && (this.from[i] === r || this.to[i] === r)) {
          this.from[i] = -1;
          this.count[i] = 0;
        }
      }
      this.slotsOf.delete(r);
    }
  }
}
