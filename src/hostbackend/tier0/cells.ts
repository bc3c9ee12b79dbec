// Tier 0's temps: every temp of a block has a 16-byte cell in one buffer, read through
// typed views of it — an i64 as two int32 halves, a v128 as four words or as lanes of 8,
// 16 or 32 bits, a float as a float64 — so that the interpreter (tier0.ts, vector.ts)
// moves values between cells without allocating.

/**
 * The cells and the views that lanes are read through.
 * Shared by all programs (a run writes every temp before it reads it: temps are
 * block-local and tier 0 runs one block at a time), grown for the largest block.
 */
export class Cells {
  readonly r: Int32Array;
  readonly f: Float64Array;
  /** Lanes of 8, 16 and 32 bits, signed and unsigned, by lane size. */
  readonly signed: readonly (Int8Array | Int16Array | Int32Array)[];
  readonly unsigned: readonly (Uint8Array | Uint16Array | Uint32Array)[];
  readonly u8: Uint8Array;
  constructor(readonly temps: number) {
    const buf = new ArrayBuffer(16 * temps);
    this.r = new Int32Array(buf);
    this.f = new Float64Array(buf);
    this.u8 = new Uint8Array(buf);
    this.signed = [new Int8Array(buf), new Int16Array(buf), this.r];
    this.unsigned = [this.u8, new Uint16Array(buf), new Uint32Array(buf)];
  }
}
