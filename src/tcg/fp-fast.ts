// A native fast path for guest floating-point arithmetic whose results and flags must be
// exact (QEMU's "hardfloat" idea). The host's f32/f64 ops round to nearest even exactly
// as IEEE says; what they do not give is the exception flags. The flags a result can
// raise are knowable without computing them when:
//   - the guest rounds to nearest even (its rounding mode says so: the guard);
//   - the inexact flag is already set in the guest's cumulative flags (the guard), so
//     whether this result was exact does not matter;
//   - the result is a normal number away from both ends of the exponent range, so no
//     invalid operation (NaN), division by zero or overflow (infinity) and no
//     underflow (tiny) happened.
// Then the native result is the guest's, with no new flag. Otherwise the exact slow path
// (a helper) runs. The front end supplies the guard, the computation, how to store the
// result and the slow path:
//
//   guard(slow)                          ;; branches to slow when the fast path may not be used
//   r = compute()
//   if (exponent(r) < 2 || exponent(r) > max - 1) goto slow
//   commit(bits(r)); goto done
// slow:
//   slowPath()
// done:

import type { IrBuilder, Temp } from './ir.js';

const F64_EXP_SHIFT = 52n;
const F64_EXP_MASK = 0x7ffn;
const F32_EXP_SHIFT = 23;
const F32_EXP_MASK = 0xff;
/** Exponent fields 2 .. max-1 pass: (e - 2) <= max - 3 unsigned. */
const LOWEST_FAST_EXP = 2;

export interface FpFastPath {
  readonly type: 'f32' | 'f64';
  /** Emits branches to `slow` for whatever rules the fast path out (rounding mode, flags, inputs). */
  guard(slow: number): void;
  /** The native result. */
  compute(): Temp;
  /** Stores the result's raw bits (i64 for f64, i32 for f32) where the guest wants them. */
  commit(bits: Temp): void;
  /** The exact path (helper call) for every other case. */
  slowPath(): void;
}

export function genFpFastPath(b: IrBuilder, f: FpFastPath): void {
  const slow = b.newLabel();
  const done = b.newLabel();
  f.guard(slow);
  const r = f.compute();
  if (f.type === 'f64') {
    const bits = b.unary('bitcast_f64_i64', r);
    const e = b.binary('and_i64', b.binary('shr_i64', bits, b.const64(F64_EXP_SHIFT)), b.const64(F64_EXP_MASK));
    const biased = b.binary('sub_i64', e, b.const64(LOWEST_FAST_EXP));
    b.brcond('gtu', biased, b.const64(F64_EXP_MASK - 3n), slow);
    f.commit(bits);
  } else {
    const bits = b.unary('bitcast_f32_i32', r);
    const e = b.binary('and_i32', b.binary('shr_i32', bits, b.const32(F32_EXP_SHIFT)), b.const32(F32_EXP_MASK));
    const biased = b.binary('sub_i32', e, b.const32(LOWEST_FAST_EXP));
    b.brcond('gtu', biased, b.const32(F32_EXP_MASK - 3), slow);
    f.commit(bits);
  }
  b.emit('br', [], [], [done]);
  b.setLabel(slow);
  f.slowPath();
  b.setLabel(done);
}
