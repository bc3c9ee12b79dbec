// Exact IEEE 754 binary32/binary64 arithmetic for guest floating point: every
// rounding mode and exception flag, with fast paths on host doubles and an exact
// BigInt path behind them. See status.ts for modes and flags.

export { BINARY16, BINARY32, BINARY64, FpFlag, FpStatus, RoundingMode, type FloatFormat } from './status.js';
export { f32Add, f32Sub, f32Mul, f32Div, f32Sqrt, f32Fma, f64ToF32 } from './f32.js';
export { f64Add, f64Sub, f64Mul, f64Div, f64Sqrt, f64Fma } from './f64.js';
export {
  toInt32, toUint32, toInt64, toUint64, int32ToF32, int32ToF64, int64ToF32, int64ToF64,
} from './convert.js';
export { fpEq, fpLt, fpLe, fpMin, fpMax } from './compare.js';
export {
  exactAdd, exactSub, exactMul, exactDiv, exactSqrt, exactFma, exactRound, exactFromBigInt, roundPack,
} from './exact.js';
