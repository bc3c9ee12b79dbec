// The one table of TCG IR operations. Every op is declared here once — its output
// and input temp types, how many constant parameters it carries and its flags — and
// the builder, the optimizer, the interpreter backend and the WebAssembly backend all
// key off this table (as QEMU's include/tcg/tcg-opc.h does).
//
// Semantics shared by all backends:
//  - i32/i64 arithmetic wraps; shift counts are taken modulo the width.
//  - div_s/div_u/rem_s/rem_u are total: x/0 = 0 and x%0 = x; MIN/-1 = MIN and MIN%-1 = 0.
//    Guest front ends add their own fix-ups (RISC-V wants x/0 = -1).
//  - mulh_* return the high half of the double-width product (s×s, u×u, s×u).
//  - f32/f64 arithmetic is IEEE round-to-nearest-even with no flags; NaN bit patterns
//    coming out of it are unspecified. Guests with exact FP semantics use helpers, or
//    use these ops as a fast path and check the result (see tcg/fp-fast.ts).
//  - fma_f32/fma_f64 compute a*b+c with one rounding (to nearest even), but a backend
//    may return NaN instead where it cannot vouch for that result cheaply: the caller
//    must then compute it another way (as it must for a NaN result anyway).
//  - qemu_ld/qemu_st access guest memory (little-endian) and fault precisely: a failed
//    access leaves the guest state as it was at the last insn_start.
//  - atomic_rmw/atomic_cmpxchg are each one host atomic operation on the shared memory,
//    atomic with respect to every other thread's. Their address must be aligned to the
//    access size (front ends check it first). They need write permission even when they
//    write nothing (a failed compare), fault as a store does, and, like a store, drop the
//    translations of a page holding code.

export type IrType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128';

/** Bytes a value of each IR type occupies (in env, in memory). */
export const IR_TYPE_BYTES: Readonly<Record<IrType, number>> = { i32: 4, i64: 8, f32: 4, f64: 8, v128: 16 };

/** Condition codes for setcond / movcond / brcond. */
export const CONDS = ['eq', 'ne', 'lt', 'ge', 'le', 'gt', 'ltu', 'geu', 'leu', 'gtu'] as const;
export type Cond = (typeof CONDS)[number];

/** Memory operation descriptor for qemu_ld / qemu_st: access size in bytes, and sign extension for loads. */
export const MEMOP = {
  UB: 0x01, SB: 0x11, UW: 0x02, SW: 0x12, UL: 0x04, SL: 0x14, UQ: 0x08,
} as const;
export type MemOp = (typeof MEMOP)[keyof typeof MEMOP];
export const memopSize = (m: number): 1 | 2 | 4 | 8 => (m & 0x0f) as 1 | 2 | 4 | 8;
export const memopSigned = (m: number): boolean => (m & 0x10) !== 0;

/**
 * What atomic_rmw writes back (its second constant), from the old memory value and the
 * operand, in the access size: the min/max forms compare the low size bytes as signed or
 * unsigned integers of that size.
 */
export const ATOMIC_OP = {
  ADD: 0, AND: 1, OR: 2, XOR: 3, XCHG: 4, SMIN: 5, SMAX: 6, UMIN: 7, UMAX: 8,
} as const;
export type AtomicOp = (typeof ATOMIC_OP)[keyof typeof ATOMIC_OP];

export interface OpFlags {
  /** Has effects beyond writing its outputs: never removed as dead code. */
  readonly sideEffects?: boolean;
  /** Transfers control within the block (labels) or out of it. */
  readonly branch?: boolean;
  /** Leaves the translation block: must be the last op on its path. */
  readonly endsBlock?: boolean;
  /** Reads or writes CPU state in env (a barrier for optimizations that cache env). */
  readonly touchesEnv?: boolean;
  /** Takes a variable number of inputs and 0 or 1 output, typed by the helper called. */
  readonly variadic?: boolean;
  /**
   * A vector op whose first constant is the lane size (log2 bytes: 0 = 8-bit ... 3 =
   * 64-bit); bit e of this mask says lane size e exists (the builder checks).
   */
  readonly laneSizes?: number;
}

export interface OpDef {
  readonly outs: readonly IrType[];
  readonly ins: readonly IrType[];
  /** Number of constant parameters (numbers, or bigint for 64-bit immediates). */
  readonly consts: number;
  readonly flags: OpFlags;
}

const op = (outs: IrType[], ins: IrType[], consts = 0, flags: OpFlags = {}): OpDef => ({ outs, ins, consts, flags });
/** Vector op over lanes: `consts` constants of which the first is the lane size, allowed per `laneSizes`. */
const vop = (outs: IrType[], ins: IrType[], laneSizes: number, consts = 1): OpDef => op(outs, ins, consts, { laneSizes });
const V = 'v128';
const ALL_LANES = 0b1111;
const NO_64 = 0b0111;
const LANES_16_32 = 0b0110;
const LANES_8_16 = 0b0011;
const LANES_FP = 0b1100;
const un = (t: IrType) => op([t], [t]);
const bin = (t: IrType) => op([t], [t, t]);

/** Integer ops that exist for both i32 and i64; the table holds them as name_i32 and name_i64. */
const INT_OPS = {
  mov: un,
  movi: (t: IrType) => op([t], [], 1), // const: the value (number for i32, bigint for i64)
  add: bin, sub: bin, mul: bin, and: bin, or: bin, xor: bin,
  shl: bin, shr: bin, sar: bin, rotl: bin, rotr: bin,
  neg: un, not: un,
  div_s: bin, div_u: bin, rem_s: bin, rem_u: bin,
  mulh_s: bin, mulh_u: bin, mulh_su: bin,
  clz: un, ctz: un, popcnt: un,
  ext8s: un, ext8u: un, ext16s: un, ext16u: un,
  /** const: cond. out = cond(a, b) ? 1 : 0 */
  setcond: (t: IrType) => op([t], [t, t], 1),
  /** const: cond. ins: c1, c2, v1, v2. out = cond(c1, c2) ? v1 : v2 */
  movcond: (t: IrType) => op([t], [t, t, t, t], 1),
  /** consts: cond, label. if cond(a, b) goto label */
  brcond: (t: IrType) => op([], [t, t], 2, { branch: true }),
  /** const: byte offset into env. */
  ld_env: (t: IrType) => op([t], [], 1, { touchesEnv: true }),
  st_env: (t: IrType) => op([], [t], 1, { sideEffects: true, touchesEnv: true }),
  /** in: address (i64). const: memop. */
  qemu_ld: (t: IrType) => op([t], ['i64'], 1, { sideEffects: true }),
  /** ins: value, address (i64). const: memop. */
  qemu_st: (t: IrType) => op([], [t, 'i64'], 1, { sideEffects: true }),
} as const;

/** Floating-point ops (IEEE round-to-nearest-even, no flags), as name_f32 and name_f64. */
const FLOAT_OPS = {
  fadd: bin, fsub: bin, fmul: bin, fdiv: bin, fsqrt: un, fneg: un, fabs: un,
  /** ins: a, b, c. out = a*b + c rounded once, or NaN (see the header). */
  fma: (t: IrType) => op([t], [t, t, t]),
  /** IEEE 754-2019 minimum / maximum: NaN if either input is NaN; -0 < +0. */
  fmin: bin, fmax: bin,
} as const;

type Suffixed<N extends string, T extends string> = Record<`${N}_${T}`, OpDef>;
function suffixed<N extends string, T extends IrType>(ops: Record<N, (t: IrType) => OpDef>, t: T): Suffixed<N, T> {
  // One fromEntries rather than a property added at a time: this runs at every start.
  return Object.fromEntries((Object.keys(ops) as N[]).map((name) => [`${name}_${t}`, ops[name](t)])) as Suffixed<N, T>;
}

export const OPCODES = {
  ...suffixed(INT_OPS, 'i32'),
  ...suffixed(INT_OPS, 'i64'),
  ext32s_i64: un('i64'),
  ext32u_i64: un('i64'),
  /** i64 → i32, low half. */
  extrl_i64_i32: op(['i32'], ['i64']),
  /** i32 → i64, zero / sign extended. */
  extu_i32_i64: op(['i64'], ['i32']),
  exts_i32_i64: op(['i64'], ['i32']),

  ...suffixed(FLOAT_OPS, 'f32'),
  ...suffixed(FLOAT_OPS, 'f64'),
  /** const: cond (eq, ne, lt, ge, le, gt). out (i32) = cond(a, b) ? 1 : 0, IEEE ordered: false on NaN (ne: true). */
  fsetcond_f32: op(['i32'], ['f32', 'f32'], 1),
  fsetcond_f64: op(['i32'], ['f64', 'f64'], 1),
  bitcast_i32_f32: op(['f32'], ['i32']),
  bitcast_f32_i32: op(['i32'], ['f32']),
  bitcast_i64_f64: op(['f64'], ['i64']),
  bitcast_f64_i64: op(['i64'], ['f64']),
  fcvt_f32_f64: op(['f64'], ['f32']),
  fcvt_f64_f32: op(['f32'], ['f64']),

  // --- atomic guest memory operations (see the header) ------------------------------------
  /**
   * ins: address, value. consts: memop, ATOMIC_OP. Atomically: old = the memory value
   * (extended as memop says); memory = op(old, value) in memop's size. out = old.
   */
  atomic_rmw_i64: op(['i64'], ['i64', 'i64'], 2, { sideEffects: true }),
  /**
   * ins: address, expected, desired. const: memop. Atomically: old = the memory value; if
   * it equals expected in memop's size, memory = desired; else memory is not written. out =
   * old (extended as memop says).
   */
  atomic_cmpxchg_i64: op(['i64'], ['i64', 'i64', 'i64'], 1, { sideEffects: true }),
  /**
   * A full memory barrier between guest threads: no guest load after it is performed before
   * a guest store ahead of it is visible to the other threads (the one reordering an x86-64
   * host makes; its other orders hold already). Front ends emit it for full fences, and only
   * when translating for several threads.
   */
  mb: op([], [], 0, { sideEffects: true }),

  // --- 128-bit vectors (lanes little-endian: lane 0 in the lowest bytes) ---------------
  // Lane-wise ops take the lane size as their first constant; results wrap per lane.
  mov_v128: un(V),
  /** const: the 128 bits as an unsigned bigint. */
  movi_v128: op([V], [], 1),
  ld_env_v128: op([V], [], 1, { touchesEnv: true }),
  st_env_v128: op([], [V], 1, { sideEffects: true, touchesEnv: true }),
  /** 16 bytes at the address (no alignment required). in: address. */
  qemu_ld_v128: op([V], ['i64'], 0, { sideEffects: true }),
  /** ins: value, address. */
  qemu_st_v128: op([], [V, 'i64'], 0, { sideEffects: true }),
  vand: op([V], [V, V]),
  vor: op([V], [V, V]),
  vxor: op([V], [V, V]),
  /** a & ~b */
  vandn: op([V], [V, V]),
  vnot: op([V], [V]),
  /** ins: a, b, mask. out = (a & mask) | (b & ~mask) */
  vbitsel: op([V], [V, V, V]),
  vadd: vop([V], [V, V], ALL_LANES),
  vsub: vop([V], [V, V], ALL_LANES),
  vmul: vop([V], [V, V], 0b1110),
  vneg: vop([V], [V], ALL_LANES),
  vabs: vop([V], [V], ALL_LANES),
  vmin_s: vop([V], [V, V], NO_64),
  vmin_u: vop([V], [V, V], NO_64),
  vmax_s: vop([V], [V, V], NO_64),
  vmax_u: vop([V], [V, V], NO_64),
  /** Saturating add/sub, signed or unsigned lanes. */
  vadd_sat_s: vop([V], [V, V], LANES_8_16),
  vadd_sat_u: vop([V], [V, V], LANES_8_16),
  vsub_sat_s: vop([V], [V, V], LANES_8_16),
  vsub_sat_u: vop([V], [V, V], LANES_8_16),
  /** Compares: all-ones lanes where true. */
  vcmpeq: vop([V], [V, V], ALL_LANES),
  vcmpgt_s: vop([V], [V, V], ALL_LANES),
  vcmpge_s: vop([V], [V, V], ALL_LANES),
  vcmpgt_u: vop([V], [V, V], NO_64),
  vcmpge_u: vop([V], [V, V], NO_64),
  /** consts: lane size, shift count (0 .. lane bits - 1). */
  vshl_i: vop([V], [V], ALL_LANES, 2),
  vshr_u_i: vop([V], [V], ALL_LANES, 2),
  vshr_s_i: vop([V], [V], ALL_LANES, 2),
  vpopcnt: vop([V], [V], 0b0001),
  /** const: 16 byte indexes into a:b (0-15 a, 16-31 b), byte i of the bigint for out byte i. */
  vshuffle: op([V], [V, V], 1),
  /** out byte i = idx[i] < 16 ? a[idx[i]] : 0.  ins: a, idx. */
  vswizzle: op([V], [V, V]),
  /** Every lane = the scalar's low bits. */
  vsplat_i32: vop([V], ['i32'], NO_64),
  vsplat_i64: vop([V], ['i64'], 0b1000),
  /** consts: lane size, lane. out = the lane, zero-extended. */
  vextract_i32: vop(['i32'], [V], NO_64, 2),
  vextract_i64: vop(['i64'], [V], 0b1000, 2),
  /** consts: lane size, lane. out = a with the lane replaced by the scalar's low bits. */
  vreplace_i32: vop([V], [V, 'i32'], NO_64, 2),
  vreplace_i64: vop([V], [V, 'i64'], 0b1000, 2),
  /** Widening of the low or high half's lanes (const: the narrow lane size). */
  vext_low_s: vop([V], [V], NO_64),
  vext_low_u: vop([V], [V], NO_64),
  vext_high_s: vop([V], [V], NO_64),
  vext_high_u: vop([V], [V], NO_64),
  /** out (i32) = 1 if every lane is non-zero. */
  vall_true: vop(['i32'], [V], ALL_LANES),
  /** out (i32) = 1 if any bit is set. */
  vany_true: op(['i32'], [V]),
  // float lanes (lane size 2: f32x4, 3: f64x2), IEEE round-to-nearest-even, no flags
  vfadd: vop([V], [V, V], LANES_FP),
  vfsub: vop([V], [V, V], LANES_FP),
  vfmul: vop([V], [V, V], LANES_FP),
  vfdiv: vop([V], [V, V], LANES_FP),
  vfsqrt: vop([V], [V], LANES_FP),
  vfneg: vop([V], [V], LANES_FP),
  vfabs: vop([V], [V], LANES_FP),
  /** IEEE 754-2019 minimum / maximum per lane (NaN-propagating; -0 < +0). */
  vfmin: vop([V], [V, V], LANES_FP),
  vfmax: vop([V], [V, V], LANES_FP),
  /** ins: a, b, c. a*b + c rounded once per lane, or (like fma) NaN lanes where a backend cannot vouch for it. */
  vfma: vop([V], [V, V, V], LANES_FP),
  /** IEEE ordered compares: all-ones lanes where true (false on NaN). */
  vfcmpeq: vop([V], [V, V], LANES_FP),
  vfcmplt: vop([V], [V, V], LANES_FP),
  vfcmple: vop([V], [V, V], LANES_FP),

  /** The address of the env block the running code was entered with (for helpers). */
  env_ptr: op(['i32'], []),
  /** Marks the start of a guest instruction. const: guest pc. */
  insn_start: op([], [], 1, { sideEffects: true }),
  /** const: label id. */
  set_label: op([], [], 1, { sideEffects: true, branch: true }),
  /** const: label id. */
  br: op([], [], 1, { sideEffects: true, branch: true }),
  /** Calls a helper. const: helper id. Inputs/output typed by the helper's signature. */
  call: op([], [], 1, { sideEffects: true, touchesEnv: true, variadic: true }),
  /** Continue at a guest pc known at translation time (chainable). const: target pc. */
  goto_tb: op([], [], 1, { sideEffects: true, endsBlock: true }),
  /** Continue at a guest pc computed at run time. in: target pc. */
  goto_ptr: op([], ['i64'], 0, { sideEffects: true, endsBlock: true }),
  /** Return to the CPU loop. consts: exit reason (ExitReason), guest pc to store in env.pc. */
  exit_tb: op([], [], 2, { sideEffects: true, endsBlock: true, touchesEnv: true }),
} satisfies Record<string, OpDef>;

export type Opcode = keyof typeof OPCODES;

export function opDef(name: Opcode): OpDef {
  return OPCODES[name];
}
