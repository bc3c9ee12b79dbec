// Tier-0 programs: a translated block flattened into 32-bit words and a constant pool, as
// the tier-0 interpreter (tier0.ts) runs it — no IR objects and no closure per op, which
// were most of what a cold block cost — and in a form that can be written to a file and
// read back (the persistent translation cache, tcg/persist.ts).
//
// The interpreter keeps every temp in a 16-byte cell of one Int32Array, temp k at word 4k:
// an i32 in word 4k, an i64 as its low and high halves in words 4k and 4k + 1, an f32 or
// f64 as a float64 over words 4k and 4k + 1 (a Float64Array view), a v128 in words 4k to
// 4k + 3, lane 0 lowest. So the common integer and vector ops need no bigint. Instructions
// are an opcode word (K.*) and operands, as SHAPES spells them: temps as their word index
// 4k, conditions as an index into CONDS, branch targets as word offsets in the code, guest
// pcs and 64-bit immediates as two words (lo, hi), a 128-bit immediate as four.
//   Most ops (NATIVE) are their op's constants, then its input temps, then its output:
//     ADD64 ta tb tout | SETCOND64 cond ta tb tout | LD_ENV64 offset tout | ST_ENV64 offset ta
//     VADD esz ta tb tout | VEXTRACT32 esz lane ta tout ...
//   BRCOND32 / 64 cond ta tb target | BR target | GOTO_TB pc pc | EXIT_TB reason pc pc
//   QLD memop is64 taddr tout pc pc | QST memop is64 tvalue taddr pc pc
//   QLD128 taddr tout pc pc | QST128 tvalue taddr pc pc
//   ATOMIC_RMW memop op taddr tvalue tout pc pc | CMPXCHG memop taddr texpected tdesired tout pc pc | MB
//   MOVI32 value tout | MOVI64 lo hi tout | VMOVI w0 w1 w2 w3 tout | VSHUFFLE ta tb w0 w1 w2 w3 tout
//   Immediate forms, for an i64 constant used once (unoptimized IR makes one for every
//   immediate operand): ADD64I / AND64I / OR64I / XOR64I ta lo hi tout (a sub adds the
//   negated constant) | SHL64I / SHR64I / SAR64I ta count tout | ST_ENV64I offset lo hi |
//   BRCOND64I cond ta lo hi target | SETCOND64I cond ta lo hi tout
//   CALL helper tout pc pc n tin... (tout -1: none)
//   PURE fn consts tout n tin...: any other pure op (fn: its index in OPCODES), run through
//     the reference interpreter's PURE_OPS with its operands converted by type; consts: a
//     pool reference to the op's constants.
// The code of programs built here is copied into shared chunks (codeArena): one typed
// array per block, with its own off-heap backing store, cost more than the rest of
// building it; a chunk is freed once no program in it is alive.
//
// Serialized: pc lo, pc hi, size, temp count, code length, code...,
// pool length, pool entries. Pool entry: a tag, then  0: int32 | 1: float64 (lo, hi) |
// 4: bigint in the signed 64-bit range (lo, hi) | 2 / 3: larger non-negative / negative
// bigint (word count, magnitude words, least significant first) | 5: a list (length,
// entries). validate() checks a program instruction by instruction (the tests run it over
// what buildProgram makes); the translation cache guards its records with a checksum.

import { ATOMIC_OP, CONDS, OPCODES, memopSize, type IrType, type Opcode } from '../../tcg/opcodes.js';
import { ExitReason } from '../../tcg/env.js';
import type { HelperRegistry } from '../../tcg/helpers.js';
import type { IrOp, TranslatedBlock } from '../../tcg/ir.js';
import { PURE_OPS } from '../interp/interp.js';
import { addrFromHalves, hi32, lo32 } from '../../memory/layout.js';

export type Value = number | bigint;
/** A pool entry: a constant, or the constant list of a pure op. */
export type PoolEntry = Value | readonly Value[];
export type PureFn = (a: readonly Value[], consts: readonly Value[]) => Value;

/**
 * Opcode words of tier-0 instructions (see the header). A const enum: the bundler puts
 * the numbers themselves in the interpreter's switch, which V8 then runs as a jump table
 * rather than a chain of comparisons.
 */
export const enum K {
  ADD32, SUB32, MUL32, AND32, OR32, XOR32, SHL32, SHR32, SAR32,
  ADD64, SUB64, MUL64, AND64, OR64, XOR64, SHL64, SHR64, SAR64,
  MOV32, NOT32, NEG32, EXT8S32, EXT8U32, EXT16S32, EXT16U32,
  MOV64, NOT64, NEG64, EXT8S64, EXT8U64, EXT16S64, EXT16U64, EXT32S64, EXT32U64,
  EXTU_I32_I64, EXTS_I32_I64, EXTRL_I64_I32, BITCAST_I64_F64, BITCAST_F64_I64, BITCAST_I32_F32, BITCAST_F32_I32,
  SETCOND32, SETCOND64, MOVCOND32, MOVCOND64, BRCOND32, BRCOND64,
  BR, GOTO_TB, GOTO_PTR, EXIT_TB, ENV_PTR,
  LD_ENV32, LD_ENV64, ST_ENV32, ST_ENV64, LD_ENV128, ST_ENV128,
  QLD, QST, QLD128, QST128, CALL, PURE, MOVI32, MOVI64,
  VMOV, VMOVI, VAND, VOR, VXOR, VANDN, VNOT, VBITSEL,
  VADD, VSUB, VCMPEQ, VCMPGT_S, VCMPGE_S, VCMPGT_U, VCMPGE_U, VMIN_S, VMIN_U, VMAX_S, VMAX_U,
  VSHL, VSHR_U, VSHR_S, VSHUFFLE, VSWIZZLE, VSPLAT32, VSPLAT64, VEXTRACT32, VEXTRACT64, VREPLACE32, VREPLACE64,
  VALL_TRUE, VANY_TRUE,
  ADD64I, AND64I, OR64I, XOR64I, SHL64I, SHR64I, SAR64I, ST_ENV64I, BRCOND64I, SETCOND64I,
  ATOMIC_RMW, CMPXCHG, MB,
}

/** Type codes of temps (PURE operand conversion). */
export const T = { i32: 0, i64: 1, f32: 2, f64: 3, v128: 4 } as const satisfies Record<IrType, number>;

/**
 * The operands of each instruction, by opcode word: t a temp (its word index), c a
 * condition, l a branch target, e an env offset (4-byte aligned), m a memop, b 0 or 1,
 * x an exit reason, z a lane size (0-3), s a shift count (0-63), a an ATOMIC_OP, n any number. CALL and PURE (null) have operand
 * lists of their own.
 */
const SHAPES: readonly (string | null)[] = [
  ...Array<string>(18).fill('ttt'), ...Array<string>(23).fill('tt'), // binary, unary, conversions
  'cttt', 'cttt', 'cttttt', 'cttttt', 'cttl', 'cttl', 'l', 'nn', 't', 'xnn', 't', // setcond .. env_ptr
  'et', 'et', 'et', 'et', 'et', 'et', 'mbttnn', 'mbttnn', 'ttnn', 'ttnn', null, null, 'nt', 'nnt', // env .. movi
  'tt', 'nnnnt', 'ttt', 'ttt', 'ttt', 'ttt', 'tt', 'tttt', // vmov .. vbitsel
  ...Array<string>(11).fill('zttt'), // lane-wise
  'zntt', 'zntt', 'zntt', 'ttnnnnt', 'ttt', 'ztt', 'ztt', 'zntt', 'zntt', 'znttt', 'znttt', 'ztt', 'tt',
  'tnnt', 'tnnt', 'tnnt', 'tnnt', 'tst', 'tst', 'tst', 'enn', 'ctnnl', 'ctnnt', // immediate forms
  'matttnn', 'mttttnn', '', // atomics, mb
];

export const OPCODE_NAMES = Object.keys(OPCODES) as Opcode[];
const OPCODE_INDEX = new Map<string, number>(OPCODE_NAMES.map((n, i) => [n, i]));
/** Per opcode index: the pure op (undefined for ops with effects), its input types and output type. */
export const PURE_BY_INDEX: (PureFn | undefined)[] = OPCODE_NAMES.map((n) => PURE_OPS[n]);
// Plain arrays: built at every start, where Uint8Array.from with a mapping function costs
// a microsecond or so per opcode, and indexed as fast.
export const IN_TYPES: readonly (readonly number[])[] = OPCODE_NAMES.map((n) => OPCODES[n].ins.map((t) => T[t]));
export const OUT_TYPE: readonly number[] = OPCODE_NAMES.map((n) => (OPCODES[n].outs.length ? T[OPCODES[n].outs[0]] : -1));

/**
 * The ops that get their own instruction of the plain form: the op's constants (as
 * numbers), its input temps, its output temp. Every lane size these ops exist for is
 * implemented.
 */
const NATIVE: Partial<Record<Opcode, K>> = {
  add_i32: K.ADD32, sub_i32: K.SUB32, mul_i32: K.MUL32, and_i32: K.AND32, or_i32: K.OR32, xor_i32: K.XOR32,
  shl_i32: K.SHL32, shr_i32: K.SHR32, sar_i32: K.SAR32,
  add_i64: K.ADD64, sub_i64: K.SUB64, mul_i64: K.MUL64, and_i64: K.AND64, or_i64: K.OR64, xor_i64: K.XOR64,
  shl_i64: K.SHL64, shr_i64: K.SHR64, sar_i64: K.SAR64,
  mov_i32: K.MOV32, not_i32: K.NOT32, neg_i32: K.NEG32, ext8s_i32: K.EXT8S32, ext8u_i32: K.EXT8U32,
  ext16s_i32: K.EXT16S32, ext16u_i32: K.EXT16U32,
  mov_i64: K.MOV64, not_i64: K.NOT64, neg_i64: K.NEG64, ext8s_i64: K.EXT8S64, ext8u_i64: K.EXT8U64,
  ext16s_i64: K.EXT16S64, ext16u_i64: K.EXT16U64, ext32s_i64: K.EXT32S64, ext32u_i64: K.EXT32U64,
  extu_i32_i64: K.EXTU_I32_I64, exts_i32_i64: K.EXTS_I32_I64, extrl_i64_i32: K.EXTRL_I64_I32,
  bitcast_i64_f64: K.BITCAST_I64_F64, bitcast_f64_i64: K.BITCAST_F64_I64,
  bitcast_i32_f32: K.BITCAST_I32_F32, bitcast_f32_i32: K.BITCAST_F32_I32,
  setcond_i32: K.SETCOND32, setcond_i64: K.SETCOND64, movcond_i32: K.MOVCOND32, movcond_i64: K.MOVCOND64,
  env_ptr: K.ENV_PTR,
  ld_env_i32: K.LD_ENV32, ld_env_i64: K.LD_ENV64, st_env_i32: K.ST_ENV32, st_env_i64: K.ST_ENV64,
  ld_env_v128: K.LD_ENV128, st_env_v128: K.ST_ENV128,
  mov_v128: K.VMOV, vand: K.VAND, vor: K.VOR, vxor: K.VXOR, vandn: K.VANDN, vnot: K.VNOT, vbitsel: K.VBITSEL,
  vadd: K.VADD, vsub: K.VSUB, vcmpeq: K.VCMPEQ, vcmpgt_s: K.VCMPGT_S, vcmpge_s: K.VCMPGE_S,
  vcmpgt_u: K.VCMPGT_U, vcmpge_u: K.VCMPGE_U, vmin_s: K.VMIN_S, vmin_u: K.VMIN_U, vmax_s: K.VMAX_S, vmax_u: K.VMAX_U,
  vshl_i: K.VSHL, vshr_u_i: K.VSHR_U, vshr_s_i: K.VSHR_S, vswizzle: K.VSWIZZLE,
  vsplat_i32: K.VSPLAT32, vsplat_i64: K.VSPLAT64, vextract_i32: K.VEXTRACT32, vextract_i64: K.VEXTRACT64,
  vreplace_i32: K.VREPLACE32, vreplace_i64: K.VREPLACE64, vall_true: K.VALL_TRUE, vany_true: K.VANY_TRUE,
};

/** The ops with an immediate form for a constant second operand (first too, for the commutative ones). */
const IMMEDIATE: Partial<Record<Opcode, K>> = {
  add_i64: K.ADD64I, sub_i64: K.ADD64I, and_i64: K.AND64I, or_i64: K.OR64I, xor_i64: K.XOR64I,
  shl_i64: K.SHL64I, shr_i64: K.SHR64I, sar_i64: K.SAR64I,
};

/**
 * Per temp, reused from block to block (grown as needed): how often the block reads it
 * and writes it, and the constants of single-use movi_i64 temps not yet written (pending).
 */
let uses = new Int32Array(256);
let defs = new Int32Array(256);
let pending = new Uint8Array(256);
let constLo = new Int32Array(256);
let constHi = new Int32Array(256);

export interface Tier0Program {
  readonly pc: number;
  /** Bytes of guest code covered. */
  readonly size: number;
  readonly temps: number;
  readonly code: Int32Array;
  readonly pool: readonly PoolEntry[];
}

const scratch = new DataView(new ArrayBuffer(8));

/** A signed 64-bit bigint as two words, lo and hi. */
function words64(v: bigint): [number, number] {
  scratch.setBigInt64(0, v, true);
  return [scratch.getInt32(0, true), scratch.getInt32(4, true)];
}

/** Pushes the four words of a 128-bit constant, least significant first. */
function push128(code: number[], v: bigint): void {
  for (let k = 0; k < 4; k++) code.push(Number(BigInt.asIntN(32, v >> BigInt(32 * k))));
}

/**
 * Flattens a translated block (unoptimized IR) into a tier-0 program. Written with plain
 * pushes (no spreads or per-op arrays): it runs for every cold block, mostly before V8
 * has optimized anything.
 */
export function buildProgram(b: TranslatedBlock): Tier0Program {
  const ops = b.ops;
  const code: number[] = [];
  const pool: PoolEntry[] = [];
  const labelAt: number[] = [];
  /** Code positions holding a label number, to be replaced by the label's offset. */
  const fixups: number[] = [];
  let pcLo = lo32(b.pc);
  let pcHi = hi32(b.pc);
  const n = b.temps.length;
  if (n > uses.length) {
    uses = new Int32Array(2 * n);
    defs = new Int32Array(2 * n);
    pending = new Uint8Array(2 * n);
    constLo = new Int32Array(2 * n);
    constHi = new Int32Array(2 * n);
  }
  uses.fill(0, 0, n);
  defs.fill(0, 0, n);
  pending.fill(0, 0, n);
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    // A read before the write (a loop inside the block) counts twice: such a constant is
    // written where the movi is, as before.
    for (let j = 0; j < o.ins.length; j++) uses[o.ins[j].id] += defs[o.ins[j].id] === 0 ? 2 : 1;
    for (let j = 0; j < o.outs.length; j++) defs[o.outs[j].id]++;
  }
  /** Writes a pending constant into its temp (before the instruction that reads it). */
  const materialize = (t: number): void => {
    if (pending[t] === 0) return;
    pending[t] = 0;
    code.push(K.MOVI64, constLo[t], constHi[t], 4 * t);
  };
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    const c = o.consts;
    const ins = o.ins;
    // A constant read once waits for its reader, which takes it as an immediate if it has
    // such a form (valid IR reads a temp only where its one write has run: the constant
    // may be written later, right before that read).
    if (o.op === 'movi_i64' && defs[o.outs[0].id] === 1 && uses[o.outs[0].id] === 1) {
      const t = o.outs[0].id;
      const v = BigInt.asIntN(64, BigInt(c[0]));
      pending[t] = 1;
      constLo[t] = Number(BigInt.asIntN(32, v));
      constHi[t] = Number(v >> 32n);
      continue;
    }
    if (immediateForm(o, code, fixups, materialize)) continue;
    for (let j = 0; j < ins.length; j++) materialize(ins[j].id);
    const native = NATIVE[o.op];
    if (native !== undefined) {
      code.push(native);
      for (let j = 0; j < c.length; j++) code.push(Number(c[j]));
      for (let j = 0; j < ins.length; j++) code.push(4 * ins[j].id);
      if (o.outs.length > 0) code.push(4 * o.outs[0].id);
      if (native >= K.LD_ENV32 && native <= K.ST_ENV128) aligned(c[0]);
      continue;
    }
    switch (o.op) {
      case 'insn_start':
        pcLo = lo32(Number(c[0]));
        pcHi = hi32(Number(c[0]));
        continue;
      case 'set_label':
        labelAt[Number(c[0])] = code.length;
        continue;
      case 'movi_i32':
        code.push(K.MOVI32, Number(c[0]) | 0, 4 * o.outs[0].id);
        continue;
      case 'movi_i64': {
        const v = BigInt.asIntN(64, BigInt(c[0]));
        code.push(K.MOVI64, Number(BigInt.asIntN(32, v)), Number(v >> 32n), 4 * o.outs[0].id);
        continue;
      }
      case 'movi_v128':
        code.push(K.VMOVI);
        push128(code, BigInt(c[0]));
        code.push(4 * o.outs[0].id);
        continue;
      case 'vshuffle':
        code.push(K.VSHUFFLE, 4 * ins[0].id, 4 * ins[1].id);
        push128(code, BigInt(c[0]));
        code.push(4 * o.outs[0].id);
        continue;
      case 'br':
        code.push(K.BR, Number(c[0]));
        fixups.push(code.length - 1);
        continue;
      case 'brcond_i32': case 'brcond_i64':
        code.push(o.op === 'brcond_i64' ? K.BRCOND64 : K.BRCOND32, Number(c[0]), 4 * ins[0].id, 4 * ins[1].id, Number(c[1]));
        fixups.push(code.length - 1);
        continue;
      case 'goto_tb': code.push(K.GOTO_TB, lo32(Number(c[0])), hi32(Number(c[0]))); continue;
      case 'goto_ptr': code.push(K.GOTO_PTR, 4 * ins[0].id); continue;
      case 'exit_tb': code.push(K.EXIT_TB, Number(c[0]), lo32(Number(c[1])), hi32(Number(c[1]))); continue;
      case 'qemu_ld_i32': case 'qemu_ld_i64':
        code.push(K.QLD, Number(c[0]), o.op === 'qemu_ld_i64' ? 1 : 0, 4 * ins[0].id, 4 * o.outs[0].id, pcLo, pcHi);
        continue;
      case 'qemu_st_i32': case 'qemu_st_i64':
        code.push(K.QST, Number(c[0]), o.op === 'qemu_st_i64' ? 1 : 0, 4 * ins[0].id, 4 * ins[1].id, pcLo, pcHi);
        continue;
      case 'atomic_rmw_i64':
        code.push(K.ATOMIC_RMW, Number(c[0]), Number(c[1]), 4 * ins[0].id, 4 * ins[1].id, 4 * o.outs[0].id, pcLo, pcHi);
        continue;
      case 'atomic_cmpxchg_i64':
        code.push(K.CMPXCHG, Number(c[0]), 4 * ins[0].id, 4 * ins[1].id, 4 * ins[2].id, 4 * o.outs[0].id, pcLo, pcHi);
        continue;
      case 'mb': code.push(K.MB); continue;
      case 'qemu_ld_v128': code.push(K.QLD128, 4 * ins[0].id, 4 * o.outs[0].id, pcLo, pcHi); continue;
      case 'qemu_st_v128': code.push(K.QST128, 4 * ins[0].id, 4 * ins[1].id, pcLo, pcHi); continue;
      case 'call':
        code.push(K.CALL, Number(c[0]), o.outs.length > 0 ? 4 * o.outs[0].id : -1, pcLo, pcHi, ins.length);
        for (let j = 0; j < ins.length; j++) code.push(4 * ins[j].id);
        continue;
    }
    pushPure(o, code, pool);
  }
  for (let k = 0; k < fixups.length; k++) code[fixups[k]] = labelAt[code[fixups[k]]];
  return { pc: b.pc, size: b.size, temps: b.temps.length, code: codeArena.copy(code), pool };
}

/**
 * Emits o in an immediate form when one of its inputs is a pending constant it can take
 * (clearing that constant); returns whether it did.
 */
function immediateForm(o: IrOp, code: number[], fixups: number[], materialize: (t: number) => void): boolean {
  const ins = o.ins;
  const imm = IMMEDIATE[o.op];
  if (imm !== undefined) {
    let a = ins[0].id;
    let x = ins[1].id;
    if (pending[x] === 0 && pending[a] === 1 && imm <= K.XOR64I && o.op !== 'sub_i64') [a, x] = [x, a];
    if (pending[x] === 0) return false;
    materialize(a);
    pending[x] = 0;
    let lo = constLo[x];
    let hi = constHi[x];
    if (o.op === 'sub_i64') {
      hi = (~hi + (lo === 0 ? 1 : 0)) | 0;
      lo = -lo | 0;
    }
    if (imm >= K.SHL64I) code.push(imm, 4 * a, lo & 63, 4 * o.outs[0].id);
    else code.push(imm, 4 * a, lo, hi, 4 * o.outs[0].id);
    return true;
  }
  switch (o.op) {
    case 'st_env_i64': {
      const x = ins[0].id;
      if (pending[x] === 0) return false;
      pending[x] = 0;
      code.push(K.ST_ENV64I, aligned(o.consts[0]), constLo[x], constHi[x]);
      return true;
    }
    case 'brcond_i64': case 'setcond_i64': {
      const x = ins[1].id;
      if (pending[x] === 0) return false;
      materialize(ins[0].id);
      pending[x] = 0;
      const cond = Number(o.consts[0]);
      if (o.op === 'setcond_i64') {
        code.push(K.SETCOND64I, cond, 4 * ins[0].id, constLo[x], constHi[x], 4 * o.outs[0].id);
      } else {
        code.push(K.BRCOND64I, cond, 4 * ins[0].id, constLo[x], constHi[x], Number(o.consts[1]));
        fixups.push(code.length - 1);
      }
      return true;
    }
  }
  return false;
}

/** Shared chunks that the code of built programs is copied into (see the header). */
const codeArena = {
  chunk: new Int32Array(0),
  used: 0,
  copy(words: readonly number[]): Int32Array {
    if (this.used + words.length > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(1 << 14, words.length));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + words.length);
    view.set(words);
    this.used += words.length;
    return view;
  },
};

/** An env offset, which the interpreter reads as int32 words. */
function aligned(offset: Value): number {
  const n = Number(offset);
  if (n % 4 !== 0) throw new Error(`tier 0: env offset ${n} is not 4-byte aligned`);
  return n;
}

function pushPure(o: IrOp, code: number[], pool: PoolEntry[]): void {
  const fn = OPCODE_INDEX.get(o.op)!;
  if (PURE_BY_INDEX[fn] === undefined || o.outs.length !== 1) throw new Error(`tier 0: op ${o.op} is not implemented`);
  code.push(K.PURE, fn, pool.push(o.consts) - 1, 4 * o.outs[0].id, o.ins.length);
  for (let j = 0; j < o.ins.length; j++) code.push(4 * o.ins[j].id);
}

// --- serialized form ---------------------------------------------------------------

/** The serialized program in three parts, to be copied out in one go: the words before the code, the code, the words after it. */
export function programParts(p: Tier0Program): { head: number[]; code: Int32Array; tail: number[] } {
  const tail: number[] = [];
  writePool(p, tail);
  return { head: [lo32(p.pc), hi32(p.pc), p.size, p.temps, p.code.length], code: p.code, tail };
}

function writePool(p: Tier0Program, out: number[]): void {
  out.push(p.pool.length);
  for (const e of p.pool) writeEntry(e, out);
}

function writeEntry(e: PoolEntry, out: number[]): void {
  if (typeof e === 'object') {
    out.push(5, e.length);
    for (const v of e) writeEntry(v, out);
  } else if (typeof e === 'number') {
    if (Number.isInteger(e) && e >= -0x8000_0000 && e <= 0x7fff_ffff && !Object.is(e, -0)) out.push(0, e);
    else {
      scratch.setFloat64(0, e, true);
      out.push(1, scratch.getInt32(0, true), scratch.getInt32(4, true));
    }
  } else if (e === BigInt.asIntN(64, e)) {
    out.push(4, ...words64(e));
  } else {
    const words: number[] = [];
    for (let m = e < 0n ? -e : e; m > 0n; m >>= 32n) words.push(Number(m & 0xffff_ffffn) | 0);
    out.push(e < 0n ? 3 : 2, words.length, ...words);
  }
}

/** Thrown when words do not hold a valid program. */
export class ProgramFormatError extends Error {}

/**
 * Reads the program serialized at w[at..end), checking its lengths and constants (the
 * code is a view of `w`, not a copy). What it holds is trusted as this build's writer
 * wrote it: the persistent cache checks each record's checksum first.
 */
export function readProgram(w: Int32Array, at: number, end: number): Tier0Program {
  let i = at;
  if (i + 6 > end) badProgram('cut short');
  const pc = addrFromHalves(w[i], w[i + 1]);
  const size = w[i + 2];
  const temps = w[i + 3];
  const codeLen = w[i + 4];
  i += 5;
  if (codeLen < 0 || i + codeLen + 1 > end) badProgram('cut short');
  const code = w.subarray(i, i + codeLen);
  i += codeLen;
  const poolLen = w[i++];
  if (poolLen < 0 || poolLen > end - i) badProgram('bad pool');
  const pool: PoolEntry[] = new Array(poolLen);
  for (let k = 0; k < poolLen; k++) {
    if (i + 2 > end) badProgram('cut short');
    if (w[i] === 5) {
      const n = w[i + 1];
      if (n < 0 || n > 16) badProgram('bad pool');
      i += 2;
      const list: Value[] = new Array(n);
      for (let j = 0; j < n; j++) i = readValue(w, i, end, list, j);
      pool[k] = list;
    } else {
      i = readValue(w, i, end, pool as Value[], k);
    }
  }
  if (i !== end) badProgram('trailing words');
  return { pc, size, temps, code, pool };
}

/** Reads one tagged value at w[i] into out[k]; returns the index after it. */
function readValue(w: Int32Array, i: number, end: number, out: Value[], k: number): number {
  if (i + 2 > end) badProgram('cut short');
  const tag = w[i];
  if (tag === 0) {
    out[k] = w[i + 1];
    return i + 2;
  }
  if (tag === 1 || tag === 4) {
    if (i + 3 > end) badProgram('cut short');
    scratch.setInt32(0, w[i + 1], true);
    scratch.setInt32(4, w[i + 2], true);
    out[k] = tag === 1 ? scratch.getFloat64(0, true) : scratch.getBigInt64(0, true);
    return i + 3;
  }
  if (tag === 2 || tag === 3) {
    const n = w[i + 1];
    if (n < 0 || n > 4 || i + 2 + n > end) badProgram('bad constant');
    let m = 0n;
    for (let j = 0; j < n; j++) m |= BigInt(w[i + 2 + j] >>> 0) << BigInt(32 * j);
    out[k] = tag === 3 ? -m : m;
    return i + 2 + n;
  }
  return badProgram('bad constant');
}

const EXIT_REASONS = new Set<number>(Object.values(ExitReason));
const ATOMIC_OPS = new Set<number>(Object.values(ATOMIC_OP));
const isSize = (n: number): boolean => n === 1 || n === 2 || n === 4 || n === 8;

/**
 * Checks that every instruction of a program is well formed: known opcodes, temps,
 * branch targets, pool references and helpers in range, and an exit at the end. Throws
 * ProgramFormatError otherwise. Not on the path of a run (checking every program a warm
 * run takes cost ~6 ms, a quarter of taking them): the tests run it over programs built
 * from real guest code, and it documents the format.
 */
export function validate(p: Tier0Program, helpers: HelperRegistry): void {
  const { code, pool, temps } = p;
  if (p.size <= 0 || temps < 0 || temps > 1 << 16) badProgram('bad header');
  /** 1 where an instruction starts, 2 where a branch lands. */
  const marks = new Uint8Array(code.length + 1);
  let last = -1;
  for (let i = 0; i < code.length; ) {
    marks[i] |= 1;
    const op = code[i];
    last = op;
    let shape = SHAPES[op];
    if (op === K.CALL) {
      const def = helpers.all[code[i + 1]];
      const out = code[i + 2];
      if (def === undefined || def.args.length !== code[i + 5] || (out === -1) !== (def.ret === null)) badProgram('bad helper call');
      shape = 'n' + (out === -1 ? 'n' : 't') + 'nnn' + 't'.repeat(code[i + 5]);
    } else if (op === K.PURE) {
      const fn = code[i + 1];
      const list = pool[code[i + 2]];
      if (PURE_BY_INDEX[fn] === undefined || OUT_TYPE[fn] < 0 || IN_TYPES[fn].length !== code[i + 4]) badProgram('bad pure op');
      if (!Array.isArray(list) || list.length !== OPCODES[OPCODE_NAMES[fn]].consts) badProgram('bad constants');
      shape = 'nntn' + 't'.repeat(code[i + 4]);
    }
    if (typeof shape !== 'string' || i + 1 + shape.length > code.length) badProgram('bad instruction');
    for (let k = 0; k < shape.length; k++) {
      const x = code[i + 1 + k];
      switch (shape[k]) {
        case 't': if (!(x >= 0 && x < 4 * temps && (x & 3) === 0)) badProgram('bad temp'); break;
        case 'c': if (!(x >= 0 && x < CONDS.length)) badProgram('bad condition'); break;
        case 'l': if (!(x >= 0 && x < code.length)) badProgram('bad branch target'); marks[x] |= 2; break;
        case 'e': if (!(x >= 0 && x < 4096 && x % 4 === 0)) badProgram('bad env offset'); break;
        case 'm': if (!isSize(memopSize(x))) badProgram('bad memop'); break;
        case 'b': if (x !== 0 && x !== 1) badProgram('bad flag'); break;
        case 'x': if (!EXIT_REASONS.has(x)) badProgram('bad exit reason'); break;
        case 'z': if (!(x >= 0 && x <= 3)) badProgram('bad lane size'); break;
        case 's': if (!(x >= 0 && x <= 63)) badProgram('bad shift count'); break;
        case 'a': if (!ATOMIC_OPS.has(x)) badProgram('bad atomic op'); break;
      }
    }
    i += 1 + shape.length;
  }
  for (let i = 0; i < marks.length; i++) if (marks[i] === 2) badProgram('bad branch target');
  // The interpreter runs until an instruction leaves: the code must not run off its end.
  if (last !== K.BR && last !== K.GOTO_TB && last !== K.GOTO_PTR && last !== K.EXIT_TB) badProgram('no exit at the end');
}

function badProgram(what: string): never {
  throw new ProgramFormatError(`tier-0 program: ${what}`);
}
