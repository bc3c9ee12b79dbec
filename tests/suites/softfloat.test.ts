// Exact IEEE 754 arithmetic (src/softfloat): hand-checked corner cases in every
// rounding mode (ties, tininess after rounding, overflow, signed zeros, invalid
// operations, fused multiply-add, integer conversions) and a randomized cross-check
// of the fast paths against the exact BigInt path.

import { describe, expect, it } from 'vitest';
import {
  BINARY32, BINARY64, FpFlag, FpStatus, RoundingMode,
  exactAdd, exactDiv, exactFma, exactMul, exactRound, exactSqrt,
  f32Add, f32Div, f32Fma, f32Mul, f32Sqrt, f32Sub, f64Add, f64Div, f64Fma, f64Mul, f64Sqrt, f64Sub, f64ToF32,
  int32ToF32, int64ToF32, int64ToF64, toInt32, toInt64, toUint32, toUint64,
} from '../../src/softfloat/index.js';

const { RNE, RTZ, RDN, RUP, RMM } = RoundingMode;
const { NX, UF, OF, DZ, NV } = FpFlag;
const MODES = [RNE, RTZ, RDN, RUP, RMM] as const;
const MAX64 = Number.MAX_VALUE;
const MAX32 = BINARY32.maxFinite;
const MIN_NORMAL64 = BINARY64.minNormal;
const MIN_SUB64 = 2 ** -1074;
const EPS64 = 2 ** -52;
const EPS32 = 2 ** -23;

/** Runs op with a fresh status; returns [result, flags]. */
function run<T>(op: (st: FpStatus) => T): [T, number] {
  const st = new FpStatus();
  const r = op(st);
  return [r, st.flags];
}

/** Checks value (with the sign of zero, NaN as NaN) and flags. */
function expectResult(got: [number, number], value: number, flags: number): void {
  expect(Object.is(got[0], value) ? value : got[0]).toBe(value);
  expect(got[1]).toBe(flags);
}

/** One expectation per rounding mode, in order RNE RTZ RDN RUP RMM. */
type PerMode = readonly [number, number, number, number, number];

function eachMode(op: (rm: number, st: FpStatus) => number, values: PerMode, flags: number | PerMode): void {
  for (const rm of MODES) {
    const f = typeof flags === 'number' ? flags : flags[rm];
    expectResult(run((st) => op(rm, st)), values[rm], f);
  }
}

describe('rounding modes on ties and near-ties', () => {
  it('binary64 add: a tie below an even neighbour', () => {
    eachMode((rm, st) => f64Add(1, 2 ** -53, rm, st), [1, 1, 1, 1 + EPS64, 1 + EPS64], NX);
    eachMode((rm, st) => f64Add(-1, -(2 ** -53), rm, st), [-1, -1, -1 - EPS64, -1, -1 - EPS64], NX);
  });
  it('binary64 add: a tie below an odd neighbour rounds up to even', () => {
    const a = 1 + EPS64;
    eachMode((rm, st) => f64Add(a, 2 ** -53, rm, st), [1 + 2 * EPS64, a, a, 1 + 2 * EPS64, 1 + 2 * EPS64], NX);
  });
  it('binary64 add: just above a tie', () => {
    eachMode((rm, st) => f64Add(1, 2 ** -53 * (1 + EPS64), rm, st), [1 + EPS64, 1, 1, 1 + EPS64, 1 + EPS64], NX);
  });
  it('binary32 add and mul ties', () => {
    eachMode((rm, st) => f32Add(1, 2 ** -24, rm, st), [1, 1, 1, 1 + EPS32, 1 + EPS32], NX);
    // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: just above nothing, exactly a tie on the last bit
    const a = 1 + 2 ** -12;
    const lo = 1 + 2 ** -11;
    eachMode((rm, st) => f32Mul(a, a, rm, st), [lo, lo, lo, lo + EPS32, lo + EPS32], NX);
  });
  it('binary32 sub of nearly equal values is exact', () => {
    eachMode((rm, st) => f32Sub(1 + EPS32, 1, rm, st), [EPS32, EPS32, EPS32, EPS32, EPS32], 0);
  });
  it('division and square root in every mode', () => {
    const third = 1 / 3; // RNE rounds 1/3 down
    eachMode((rm, st) => f64Div(1, 3, rm, st), [third, third, third, third + 2 ** -54, third], NX);
    const root2 = Math.SQRT2; // RNE rounds sqrt(2) up
    const root2Below = root2 - EPS64;
    eachMode((rm, st) => f64Sqrt(2, rm, st), [root2, root2Below, root2Below, root2, root2], NX);
    const third32 = Math.fround(1 / 3); // rounded up in RNE
    const below = third32 - 2 ** -25;
    eachMode((rm, st) => f32Div(1, 3, rm, st), [third32, below, below, third32, third32], NX);
    eachMode((rm, st) => f32Sqrt(4, rm, st), [2, 2, 2, 2, 2], 0);
  });
});

describe('subnormal results and tininess after rounding', () => {
  it('exact subnormal results raise nothing', () => {
    expectResult(run((st) => f64Mul(MIN_NORMAL64, 0.5, RNE, st)), 2 ** -1023, 0);
    expectResult(run((st) => f64Mul(MIN_SUB64, 1, RNE, st)), MIN_SUB64, 0);
    expectResult(run((st) => f32Mul(2 ** -126, 0.5, RNE, st)), 2 ** -127, 0);
  });
  it('half the smallest subnormal rounds to zero or to it, with UF', () => {
    eachMode((rm, st) => f64Mul(MIN_SUB64, 0.5, rm, st), [0, 0, 0, MIN_SUB64, MIN_SUB64], UF | NX);
    eachMode((rm, st) => f64Mul(-MIN_SUB64, 0.5, rm, st), [-0, -0, -MIN_SUB64, -0, -MIN_SUB64], UF | NX);
  });
  it('2^-1022 * (1 - 2^-54) rounds to the smallest normal without UF in RNE (tininess after rounding)', () => {
    const a = 1 - 2 ** -27;
    const b = (1 + 2 ** -27) * MIN_NORMAL64;
    const below = MIN_NORMAL64 - MIN_SUB64;
    eachMode((rm, st) => f64Mul(a, b, rm, st), [MIN_NORMAL64, below, below, MIN_NORMAL64, MIN_NORMAL64],
      [NX, UF | NX, UF | NX, NX, NX]);
  });
  it('binary32: 2^-126 * (1 - 2^-26) behaves the same way; 2^-126 * (1 - 2^-24) is tiny', () => {
    const min = 2 ** -126;
    const below = min - 2 ** -149;
    const a = 1 - 2 ** -13;
    const b = (1 + 2 ** -13) * min;
    eachMode((rm, st) => f32Mul(a, b, rm, st), [min, below, below, min, min], [NX, UF | NX, UF | NX, NX, NX]);
    const c = 1 - 2 ** -12;
    const d = (1 + 2 ** -12) * min;
    eachMode((rm, st) => f32Mul(c, d, rm, st), [min, below, below, min, min], UF | NX);
  });
  it('2^-1022 * (1 - 2^-53) is tiny even after rounding', () => {
    const r = run((st) => f64Mul(1 - 2 ** -53, MIN_NORMAL64, RNE, st));
    expectResult(r, MIN_NORMAL64, UF | NX);
  });
  it('binary64 to binary32 underflow', () => {
    eachMode((rm, st) => f64ToF32(2 ** -150, rm, st), [0, 0, 0, 2 ** -149, 2 ** -149], UF | NX);
    expectResult(run((st) => f64ToF32(2 ** -149, RNE, st)), 2 ** -149, 0);
  });
});

describe('overflow', () => {
  it('MAX * 2 in each mode', () => {
    eachMode((rm, st) => f64Mul(MAX64, 2, rm, st), [Infinity, MAX64, MAX64, Infinity, Infinity], OF | NX);
    eachMode((rm, st) => f64Mul(-MAX64, 2, rm, st), [-Infinity, -MAX64, -Infinity, -MAX64, -Infinity], OF | NX);
    eachMode((rm, st) => f32Mul(MAX32, 2, rm, st), [Infinity, MAX32, MAX32, Infinity, Infinity], OF | NX);
  });
  it('MAX + half an ulp overflows in RNE; less than half does not', () => {
    eachMode((rm, st) => f64Add(MAX64, 2 ** 970, rm, st), [Infinity, MAX64, MAX64, Infinity, Infinity],
      [OF | NX, NX, NX, OF | NX, OF | NX]);
    eachMode((rm, st) => f64Add(MAX64, 2 ** 969, rm, st), [MAX64, MAX64, MAX64, Infinity, MAX64],
      [NX, NX, NX, OF | NX, NX]);
  });
  it('binary64 to binary32 overflow', () => {
    eachMode((rm, st) => f64ToF32(1e300, rm, st), [Infinity, MAX32, MAX32, Infinity, Infinity], OF | NX);
  });
  it('infinite operands are exact', () => {
    expectResult(run((st) => f64Mul(Infinity, -2, RNE, st)), -Infinity, 0);
    expectResult(run((st) => f32Add(Infinity, 1, RNE, st)), Infinity, 0);
  });
});

describe('signed zeros', () => {
  it('sums of zeros', () => {
    eachMode((rm, st) => f64Add(0, -0, rm, st), [0, 0, -0, 0, 0], 0);
    eachMode((rm, st) => f64Add(-0, -0, rm, st), [-0, -0, -0, -0, -0], 0);
    eachMode((rm, st) => f32Add(0, -0, rm, st), [0, 0, -0, 0, 0], 0);
    eachMode((rm, st) => f32Add(0, 0, rm, st), [0, 0, 0, 0, 0], 0);
  });
  it('x - x is +0 except in RDN', () => {
    eachMode((rm, st) => f64Sub(1.5, 1.5, rm, st), [0, 0, -0, 0, 0], 0);
    eachMode((rm, st) => f32Sub(-3, -3, rm, st), [0, 0, -0, 0, 0], 0);
  });
  it('products, quotients and roots of zeros', () => {
    expectResult(run((st) => f64Mul(-0, 3, RNE, st)), -0, 0);
    expectResult(run((st) => f32Div(-0, -3, RNE, st)), 0, 0);
    expectResult(run((st) => f64Div(2, -Infinity, RNE, st)), -0, 0);
    expectResult(run((st) => f64Sqrt(-0, RNE, st)), -0, 0);
    expectResult(run((st) => f32Sqrt(-0, RUP, st)), -0, 0);
  });
});

describe('invalid operations and division by zero', () => {
  it('raise NV and give NaN', () => {
    expectResult(run((st) => f64Add(Infinity, -Infinity, RNE, st)), NaN, NV);
    expectResult(run((st) => f32Sub(Infinity, Infinity, RNE, st)), NaN, NV);
    expectResult(run((st) => f64Mul(0, Infinity, RNE, st)), NaN, NV);
    expectResult(run((st) => f32Mul(-Infinity, 0, RNE, st)), NaN, NV);
    expectResult(run((st) => f64Div(0, 0, RNE, st)), NaN, NV);
    expectResult(run((st) => f32Div(Infinity, -Infinity, RNE, st)), NaN, NV);
    expectResult(run((st) => f64Sqrt(-1, RNE, st)), NaN, NV);
    expectResult(run((st) => f32Sqrt(-Infinity, RNE, st)), NaN, NV);
    expectResult(run((st) => f64Sqrt(-MIN_SUB64, RNE, st)), NaN, NV);
  });
  it('x / 0 raises DZ; inf / 0 does not', () => {
    expectResult(run((st) => f64Div(1, 0, RNE, st)), Infinity, DZ);
    expectResult(run((st) => f64Div(-1, 0, RNE, st)), -Infinity, DZ);
    expectResult(run((st) => f32Div(1, -0, RNE, st)), -Infinity, DZ);
    expectResult(run((st) => f64Div(Infinity, 0, RNE, st)), Infinity, 0);
  });
  it('quiet NaN operands propagate silently', () => {
    expectResult(run((st) => f64Add(NaN, 1, RNE, st)), NaN, 0);
    expectResult(run((st) => f32Mul(NaN, 0, RNE, st)), NaN, 0);
    expectResult(run((st) => f64Sqrt(NaN, RNE, st)), NaN, 0);
  });
});

describe('fused multiply-add', () => {
  it('a product that overflows alone', () => {
    expectResult(run((st) => f64Fma(MAX64, 2, -MAX64, RNE, st)), MAX64, 0);
    expectResult(run((st) => f32Fma(MAX32, 2, -MAX32, RUP, st)), MAX32, 0);
  });
  it('a product that underflows alone', () => {
    expectResult(run((st) => f64Fma(2 ** -600, 2 ** -600, 1, RNE, st)), 1, NX);
    expectResult(run((st) => f64Fma(2 ** -600, 2 ** -600, 1, RUP, st)), 1 + EPS64, NX);
    eachMode((rm, st) => f64Fma(2 ** -600, 2 ** -600, 0, rm, st), [0, 0, 0, MIN_SUB64, 0], UF | NX);
    eachMode((rm, st) => f32Fma(2 ** -100, -(2 ** -100), 0, rm, st), [-0, -0, -(2 ** -149), -0, -0], UF | NX);
  });
  it('exact cancellation gives +0, or -0 in RDN', () => {
    eachMode((rm, st) => f64Fma(3, 5, -15, rm, st), [0, 0, -0, 0, 0], 0);
    eachMode((rm, st) => f32Fma(-3, 5, 15, rm, st), [0, 0, -0, 0, 0], 0);
    eachMode((rm, st) => f64Fma(0, 5, -0, rm, st), [0, 0, -0, 0, 0], 0);
    eachMode((rm, st) => f64Fma(-0, 5, -0, rm, st), [-0, -0, -0, -0, -0], 0);
  });
  it('keeps the bits a separate multiply would lose', () => {
    const a = 1 + EPS64;
    const b = 1 - EPS64;
    expectResult(run((st) => f64Fma(a, b, -1, RNE, st)), -(2 ** -104), 0);
    expect(run((st) => f64Add(f64Mul(a, b, RNE, st), -1, RNE, st))[0]).toBe(0);
  });
  it('binary32: no double-rounding error where the double sum is a tie', () => {
    // exact = 1 + 2^-24 + 2^-60: rounding to double first would give a tie and then 1.
    const a = -(2 ** -24) * (1 + 2 ** -18);
    const b = 1 - 2 ** -18;
    const c = 1 + EPS32;
    expectResult(run((st) => f32Fma(a, b, c, RNE, st)), 1 + EPS32, NX);
    expectResult(run((st) => f32Fma(a, b, c, RTZ, st)), 1, NX);
  });
  it('inf * 0 is invalid even when the addend is a quiet NaN', () => {
    expectResult(run((st) => f64Fma(Infinity, 0, NaN, RNE, st)), NaN, NV);
    expectResult(run((st) => f32Fma(0, -Infinity, 1, RNE, st)), NaN, NV);
    expectResult(run((st) => f64Fma(Infinity, 2, -Infinity, RNE, st)), NaN, NV);
    expectResult(run((st) => f64Fma(NaN, 2, 1, RNE, st)), NaN, 0);
    expectResult(run((st) => f64Fma(2, 3, Infinity, RNE, st)), Infinity, 0);
  });
});

describe('conversions to integers', () => {
  it('2^31 - 0.5 and -2^31 - 0.5', () => {
    const max = 2 ** 31 - 1;
    const min = -(2 ** 31);
    eachMode((rm, st) => toInt32(2 ** 31 - 0.5, rm, st), [max, max, max, max, max], [NV, NX, NX, NV, NV]);
    eachMode((rm, st) => toInt32(-(2 ** 31) - 0.5, rm, st), [min, min, min, min, min], [NX, NX, NV, NX, NV]);
  });
  it('halves in each mode', () => {
    eachMode((rm, st) => toInt32(2.5, rm, st), [2, 2, 2, 3, 3], NX);
    eachMode((rm, st) => toInt32(-2.5, rm, st), [-2, -2, -3, -2, -3], NX);
    eachMode((rm, st) => toInt32(3.5, rm, st), [4, 3, 3, 4, 4], NX);
  });
  it('64-bit boundaries', () => {
    expect(run((st) => toInt64(-(2 ** 63), RNE, st))).toEqual([-(2n ** 63n), 0]);
    expect(run((st) => toInt64(2 ** 63, RNE, st))).toEqual([2n ** 63n - 1n, NV]);
    expect(run((st) => toInt64(-(2 ** 63) - 2048, RNE, st))).toEqual([-(2n ** 63n), NV]);
    expect(run((st) => toUint64(2 ** 64, RNE, st))).toEqual([2n ** 64n - 1n, NV]);
    expect(run((st) => toUint64(2 ** 64 - 2048, RNE, st))).toEqual([2n ** 64n - 2048n, 0]);
    expect(run((st) => toUint64(-1, RNE, st))).toEqual([0n, NV]);
  });
  it('NaN and infinities saturate with NV', () => {
    expect(run((st) => toInt32(NaN, RNE, st))).toEqual([2 ** 31 - 1, NV]);
    expect(run((st) => toUint32(NaN, RNE, st))).toEqual([2 ** 32 - 1, NV]);
    expect(run((st) => toInt64(NaN, RNE, st))).toEqual([2n ** 63n - 1n, NV]);
    expect(run((st) => toUint64(NaN, RNE, st))).toEqual([2n ** 64n - 1n, NV]);
    expect(run((st) => toInt32(-Infinity, RNE, st))).toEqual([-(2 ** 31), NV]);
    expect(run((st) => toUint32(-Infinity, RNE, st))).toEqual([0, NV]);
    expect(run((st) => toInt64(Infinity, RNE, st))).toEqual([2n ** 63n - 1n, NV]);
  });
  it('unsigned: small negatives round first, then range-check', () => {
    expect(run((st) => toUint32(-0.5, RNE, st))).toEqual([0, NX]);
    expect(run((st) => toUint32(-0.5, RDN, st))).toEqual([0, NV]);
    expect(run((st) => toUint32(-0, RNE, st))).toEqual([0, 0]);
    expect(run((st) => toUint32(2 ** 32 - 0.5, RTZ, st))).toEqual([2 ** 32 - 1, NX]);
  });
});

describe('conversions from integers and between formats', () => {
  it('64-bit integers round', () => {
    eachMode((rm, st) => int64ToF64(2n ** 53n + 1n, rm, st), [2 ** 53, 2 ** 53, 2 ** 53, 2 ** 53 + 2, 2 ** 53 + 2], NX);
    expectResult(run((st) => int64ToF32(2n ** 63n - 1n, RNE, st)), 2 ** 63, NX);
    expectResult(run((st) => int64ToF64(2n ** 64n - 1n, RTZ, st)), 2 ** 64 - 2048, NX);
    expectResult(run((st) => int64ToF64(-(2n ** 63n), RNE, st)), -(2 ** 63), 0);
  });
  it('32-bit integers to single', () => {
    eachMode((rm, st) => int32ToF32(2 ** 24 + 1, rm, st), [2 ** 24, 2 ** 24, 2 ** 24, 2 ** 24 + 2, 2 ** 24 + 2], NX);
    expectResult(run((st) => int32ToF32(-(2 ** 31), RNE, st)), -(2 ** 31), 0);
  });
  it('double to single ties', () => {
    eachMode((rm, st) => f64ToF32(1 + 2 ** -24, rm, st), [1, 1, 1, 1 + EPS32, 1 + EPS32], NX);
    eachMode((rm, st) => f64ToF32(-(1 + 3 * 2 ** -24), rm, st),
      [-(1 + 2 * EPS32), -(1 + EPS32), -(1 + 2 * EPS32), -(1 + EPS32), -(1 + 2 * EPS32)], NX);
  });
});

// --- randomized cross-check of fast paths against the exact path --------------------

/** mulberry32: a small deterministic generator. */
function makeRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const scratch = new DataView(new ArrayBuffer(8));
const EXP_BITS_64 = 2047;
const EXP_BITS_32 = 255;

/** Doubles mostly in a moderate range (where the fast paths run), some anywhere. */
function randomF64(rand: () => number): number {
  const wide = rand() < 0.2;
  const biased = wide ? Math.floor(rand() * EXP_BITS_64) : 1023 - 40 + Math.floor(rand() * 80);
  scratch.setUint32(0, ((rand() < 0.5 ? 0x80000000 : 0) | (biased << 20) | Math.floor(rand() * 0x100000)) >>> 0);
  let lo = Math.floor(rand() * 2 ** 32);
  if (rand() < 0.3) lo &= ~((1 << Math.floor(rand() * 32)) - 1); // short significands make ties
  scratch.setUint32(4, lo >>> 0);
  return scratch.getFloat64(0);
}

function randomF32(rand: () => number): number {
  const wide = rand() < 0.2;
  const biased = wide ? Math.floor(rand() * EXP_BITS_32) : 127 - 20 + Math.floor(rand() * 40);
  let frac = Math.floor(rand() * 0x800000);
  if (rand() < 0.3) frac &= ~((1 << Math.floor(rand() * 23)) - 1);
  scratch.setUint32(0, ((rand() < 0.5 ? 0x80000000 : 0) | (biased << 23) | frac) >>> 0);
  return scratch.getFloat32(0);
}

function sameResult(fast: [number, number], exact: [number, number]): boolean {
  const bothNaN = fast[0] !== fast[0] && exact[0] !== exact[0];
  return (bothNaN || Object.is(fast[0], exact[0])) && fast[1] === exact[1];
}

describe('fast paths agree with the exact path', () => {
  const CASES = 4000;
  it('binary64', () => {
    const rand = makeRandom(20240601);
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const rm = Math.floor(rand() * MODES.length);
      const a = randomF64(rand);
      let b = randomF64(rand);
      if (rand() < 0.25) b = -a * (1 + (Math.floor(rand() * 5) - 2) * EPS64); // cancellation
      let c = randomF64(rand);
      if (rand() < 0.3) c = -(a * b) * (1 + (Math.floor(rand() * 5) - 2) * EPS64);
      const pairs: [string, (st: FpStatus) => number, (st: FpStatus) => number][] = [
        ['add', (st) => f64Add(a, b, rm, st), (st) => exactAdd(a, b, rm, BINARY64, st)],
        ['mul', (st) => f64Mul(a, b, rm, st), (st) => exactMul(a, b, rm, BINARY64, st)],
        ['div', (st) => f64Div(a, b, rm, st), (st) => exactDiv(a, b, rm, BINARY64, st)],
        ['sqrt', (st) => f64Sqrt(Math.abs(a), rm, st), (st) => exactSqrt(Math.abs(a), rm, BINARY64, st)],
        ['fma', (st) => f64Fma(a, b, c, rm, st), (st) => exactFma(a, b, c, rm, BINARY64, st)],
        ['fma-rne', (st) => f64Fma(a, b, c, RNE, st), (st) => exactFma(a, b, c, RNE, BINARY64, st)],
      ];
      for (const [name, fast, exact] of pairs) {
        if (!sameResult(run(fast), run(exact))) failures.push(`${name} rm=${rm} ${a} ${b} ${c}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
  it('binary32', () => {
    const rand = makeRandom(77);
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const rm = Math.floor(rand() * MODES.length);
      const a = randomF32(rand);
      let b = randomF32(rand);
      if (rand() < 0.25) b = Math.fround(-a * (1 + (Math.floor(rand() * 5) - 2) * EPS32));
      let c = randomF32(rand);
      if (rand() < 0.3) c = Math.fround(-(a * b) * (1 + (Math.floor(rand() * 5) - 2) * EPS32));
      const d = randomF64(rand);
      const pairs: [string, (st: FpStatus) => number, (st: FpStatus) => number][] = [
        ['add', (st) => f32Add(a, b, rm, st), (st) => exactAdd(a, b, rm, BINARY32, st)],
        ['mul', (st) => f32Mul(a, b, rm, st), (st) => exactMul(a, b, rm, BINARY32, st)],
        ['div', (st) => f32Div(a, b, rm, st), (st) => exactDiv(a, b, rm, BINARY32, st)],
        ['sqrt', (st) => f32Sqrt(Math.abs(a), rm, st), (st) => exactSqrt(Math.abs(a), rm, BINARY32, st)],
        ['fma', (st) => f32Fma(a, b, c, rm, st), (st) => exactFma(a, b, c, rm, BINARY32, st)],
        ['f64→f32', (st) => f64ToF32(d, rm, st), (st) => exactRound(d, rm, BINARY32, st)],
      ];
      for (const [name, fast, exact] of pairs) {
        if (!sameResult(run(fast), run(exact))) failures.push(`${name} rm=${rm} ${a} ${b} ${c} ${d}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
