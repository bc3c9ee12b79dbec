// Comparisons, minimum and maximum on numbers (either precision) with IEEE 754-2019 /
// RISC-V semantics for quiet operands. Signaling NaNs cannot be told apart in a JS
// number, so callers that see raw bits add NV for them.

import { FpFlag, type FpStatus } from './status.js';

/** Quiet equality: no flags for quiet NaNs; -0 == +0. */
export function fpEq(a: number, b: number): boolean {
  return a === b;
}

/** Signaling less-than: NV when either operand is NaN. */
export function fpLt(a: number, b: number, st: FpStatus): boolean {
  if (a !== a || b !== b) st.flags |= FpFlag.NV;
  return a < b;
}

/** Signaling less-or-equal: NV when either operand is NaN. */
export function fpLe(a: number, b: number, st: FpStatus): boolean {
  if (a !== a || b !== b) st.flags |= FpFlag.NV;
  return a <= b;
}

/** minimumNumber: a NaN operand yields the other; both NaN give NaN; -0 < +0. */
export function fpMin(a: number, b: number): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return Math.min(a, b);
}

/** maximumNumber: a NaN operand yields the other; both NaN give NaN; +0 > -0. */
export function fpMax(a: number, b: number): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return Math.max(a, b);
}
