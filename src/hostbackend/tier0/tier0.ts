// Tier 0 of the wasm configuration: interprets cold blocks as tier-0 programs
// (program.ts) with one switch loop. Most blocks run a handful of times, so what matters
// is what a block costs before and while it runs: no closure per op, no IR kept, a
// program can come from the persistent translation cache without translating at all
// (install), and integer temps live in an Int32Array — an i64 as two int32 halves — so
// that the common integer ops, env and memory accesses allocate no bigint. Rarer ops
// (multiplies, divisions, bit counts, FP, vectors) convert their operands and run the
// reference interpreter's PURE_OPS: one semantics for both. It never chains: every jump
// returns LOOKUP to the CPU loop, which counts entries to promote hot blocks.

import { memopSigned, memopSize } from '../../tcg/opcodes.js';
import { ENV, ExitReason } from '../../tcg/env.js';
import type { HelperContext, HelperRegistry } from '../../tcg/helpers.js';
import type { TranslatedBlock } from '../../tcg/ir.js';
import type { GuestMemory } from '../../memory/guest-memory.js';
import { ENV_AREA, ENV_BLOCK_SIZE, MAX_CPUS } from '../../memory/layout.js';
import type { BackendCaps, BackendOptions, CompiledRegion, HostBackend } from '../backend.js';
import { IN_TYPES, K, OUT_TYPE, PURE_BY_INDEX, T, buildProgram, type Tier0Program, type Value } from './program.js';

const scratch = new DataView(new ArrayBuffer(8));

/** The i64 in halves (lo, hi) as a signed bigint. */
const toBig = (lo: number, hi: number): bigint => (BigInt(hi) << 32n) | BigInt(lo >>> 0);

/** cond(a, b) on two int32 values, by index into CONDS. */
function cmp32(cond: number, a: number, b: number): boolean {
  switch (cond) {
    case 0: return a === b;
    case 1: return a !== b;
    case 2: return a < b;
    case 3: return a >= b;
    case 4: return a <= b;
    case 5: return a > b;
    case 6: return a >>> 0 < b >>> 0;
    case 7: return a >>> 0 >= b >>> 0;
    case 8: return a >>> 0 <= b >>> 0;
    default: return a >>> 0 > b >>> 0;
  }
}

/** cond(a, b) on two i64 values in halves, by index into CONDS. */
function cmp64(cond: number, alo: number, ahi: number, blo: number, bhi: number): boolean {
  if (cond <= 1) return (alo === blo && ahi === bhi) === (cond === 0);
  const hiLess = cond < 6 ? ahi < bhi : ahi >>> 0 < bhi >>> 0;
  const lt = hiLess || (ahi === bhi && alo >>> 0 < blo >>> 0);
  const eq = alo === blo && ahi === bhi;
  switch (cond) {
    case 2: case 6: return lt;
    case 3: case 7: return !lt;
    case 4: case 8: return lt || eq;
    default: return !lt && !eq;
  }
}

/** SHL64 / SHR64 / SAR64 by s (0..63): r[o] = r[a] shifted, on i64 halves. */
function shift64(op: number, r: Int32Array, a: number, s: number, o: number): void {
  const lo = r[a];
  const hi = r[a + 1];
  if (s === 0) {
    r[o] = lo;
    r[o + 1] = hi;
  } else if (op === K.SHL64) {
    r[o + 1] = s < 32 ? (hi << s) | (lo >>> (32 - s)) : lo << (s - 32);
    r[o] = s < 32 ? lo << s : 0;
  } else if (s < 32) {
    r[o] = (lo >>> s) | (hi << (32 - s));
    r[o + 1] = op === K.SHR64 ? hi >>> s : hi >> s;
  } else {
    r[o] = op === K.SHR64 ? hi >>> (s - 32) : hi >> (s - 32);
    r[o + 1] = op === K.SHR64 ? 0 : hi >> 31;
  }
}

/** The rarer one-operand integer ops and the bitcasts (a, o: operands as encoded). */
function unary(op: number, r: Int32Array, floats: Float64Array, a: number, o: number): void {
  switch (op) {
    case K.NOT64: r[o] = ~r[a]; r[o + 1] = ~r[a + 1]; break;
    case K.NEG64: { const lo = r[a]; const hi = r[a + 1]; r[o] = -lo; r[o + 1] = ~hi + (lo === 0 ? 1 : 0); break; }
    case K.EXT8S64: { const v = (r[a] << 24) >> 24; r[o] = v; r[o + 1] = v >> 31; break; }
    case K.EXT8U64: r[o] = r[a] & 0xff; r[o + 1] = 0; break;
    case K.EXT16S64: { const v = (r[a] << 16) >> 16; r[o] = v; r[o + 1] = v >> 31; break; }
    case K.EXT16U64: r[o] = r[a] & 0xffff; r[o + 1] = 0; break;
    case K.BITCAST_I64_F64:
      scratch.setInt32(0, r[a], true);
      scratch.setInt32(4, r[a + 1], true);
      floats[o] = scratch.getFloat64(0, true);
      break;
    case K.BITCAST_I32_F32:
      scratch.setInt32(0, r[a], true);
      floats[o] = scratch.getFloat32(0, true);
      break;
    case K.BITCAST_F64_I64:
      scratch.setFloat64(0, floats[a], true);
      r[o] = scratch.getInt32(0, true);
      r[o + 1] = scratch.getInt32(4, true);
      break;
    default: // BITCAST_F32_I32
      scratch.setFloat32(0, floats[a], true);
      r[o] = scratch.getInt32(0, true);
  }
}

export class Tier0Backend implements HostBackend {
  readonly name = 'tier0' as const;
  readonly caps: BackendCaps = { chaining: false, nativeI64: false };
  private readonly mem: GuestMemory;
  private readonly helpers: HelperRegistry;
  private readonly ctx: HelperContext;
  /**
   * The env blocks as int32 words (from ENV_AREA). Only that area: a typed array as long
   * as the whole 4 GiB memory has a length beyond V8's small integers, and element
   * accesses through it are slower before V8 optimizes the code that makes them.
   */
  private readonly m32: Int32Array;
  private readonly slots: (Tier0Program | undefined)[] = [];
  /**
   * The temps, shared by all programs (a run writes every temp before it reads it: temps
   * are block-local and tier 0 runs one block at a time), grown for the largest block.
   * Integer temp k at ints[2k] (and [2k + 1]), float and vector temp k at [k].
   */
  private ints = new Int32Array(256);
  private floats = new Float64Array(128);
  private vectors: bigint[] = new Array<bigint>(128).fill(0n);
  private readonly freeSlots: number[] = [];

  constructor(opts: BackendOptions) {
    this.mem = opts.mem;
    this.helpers = opts.helpers;
    this.ctx = { mem: opts.mem };
    this.m32 = new Int32Array(opts.mem.memory.buffer as unknown as ArrayBuffer, ENV_AREA, (MAX_CPUS * ENV_BLOCK_SIZE) >> 2);
  }

  compile(blocks: TranslatedBlock[]): CompiledRegion {
    return { slots: blocks.map((b) => this.install(buildProgram(b))) };
  }

  /** Makes a program runnable (one built here, or one from the translation cache); returns its slot. */
  install(program: Tier0Program): number {
    if (program.temps > this.floats.length) {
      const n = Math.max(program.temps, 2 * this.floats.length);
      this.ints = new Int32Array(2 * n);
      this.floats = new Float64Array(n);
      this.vectors = new Array<bigint>(n).fill(0n);
    }
    const slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = program;
    return slot;
  }

  /** The program in a slot (for the persistent cache). */
  programAt(slot: number): Tier0Program {
    const p = this.slots[slot];
    if (!p) throw new Error(`tier 0: no block in slot ${slot}`);
    return p;
  }

  release(region: CompiledRegion): void {
    for (const s of region.slots) {
      this.slots[s] = undefined;
      this.freeSlots.push(s);
    }
  }

  run(slot: number, env: number): ExitReason {
    const p = this.slots[slot];
    if (!p) throw new Error(`tier 0: no block in slot ${slot}`);
    const m32 = this.m32;
    /** The env block's first word in m32. */
    const envAt = (env - ENV_AREA) >>> 2;
    if (m32[envAt + (ENV.EXIT_REQUEST >> 2)] !== 0) {
      this.mem.dv.setBigInt64(env + ENV.PC, BigInt(p.pc), true);
      return ExitReason.INTERRUPT;
    }
    const code = p.code;
    const r = this.ints;
    const pcAt = envAt + (ENV.PC >> 2);
    // The instructions that make up most of what cold code runs are here; the others are
    // one call away (step), which keeps this loop small for V8 to optimize.
    for (let i = 0; ; ) {
      switch (code[i]) {
        case K.LD_ENV64: {
          const at = envAt + (code[i + 1] >> 2);
          const o = code[i + 2];
          r[o] = m32[at];
          r[o + 1] = m32[at + 1];
          i += 3;
          break;
        }
        case K.ST_ENV64: {
          const at = envAt + (code[i + 1] >> 2);
          const a = code[i + 2];
          m32[at] = r[a];
          m32[at + 1] = r[a + 1];
          i += 3;
          break;
        }
        case K.LD_ENV32:
          r[code[i + 2]] = m32[envAt + (code[i + 1] >> 2)];
          i += 3;
          break;
        case K.ST_ENV32:
          m32[envAt + (code[i + 1] >> 2)] = r[code[i + 2]];
          i += 3;
          break;
        case K.MOVI64: {
          const o = code[i + 3];
          r[o] = code[i + 1];
          r[o + 1] = code[i + 2];
          i += 4;
          break;
        }
        case K.MOVI32:
          r[code[i + 2]] = code[i + 1];
          i += 3;
          break;
        case K.ADD64: {
          const a = code[i + 1];
          const b = code[i + 2];
          const o = code[i + 3];
          const alo = r[a];
          const blo = r[b];
          r[o + 1] = r[a + 1] + r[b + 1] + ((alo >>> 0) + (blo >>> 0) > 0xffff_ffff ? 1 : 0);
          r[o] = alo + blo;
          i += 4;
          break;
        }
        case K.SUB64: {
          const a = code[i + 1];
          const b = code[i + 2];
          const o = code[i + 3];
          const alo = r[a];
          const blo = r[b];
          r[o + 1] = r[a + 1] - r[b + 1] - (alo >>> 0 < blo >>> 0 ? 1 : 0);
          r[o] = alo - blo;
          i += 4;
          break;
        }
        case K.AND64: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; r[o] = r[a] & r[b]; r[o + 1] = r[a + 1] & r[b + 1]; i += 4; break; }
        case K.OR64: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; r[o] = r[a] | r[b]; r[o + 1] = r[a + 1] | r[b + 1]; i += 4; break; }
        case K.XOR64: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; r[o] = r[a] ^ r[b]; r[o + 1] = r[a + 1] ^ r[b + 1]; i += 4; break; }
        case K.EXTU_I32_I64: case K.EXT32U64: { const o = code[i + 2]; r[o] = r[code[i + 1]]; r[o + 1] = 0; i += 3; break; }
        case K.EXTS_I32_I64: case K.EXT32S64: { const v = r[code[i + 1]], o = code[i + 2]; r[o] = v; r[o + 1] = v >> 31; i += 3; break; }
        case K.EXTRL_I64_I32: r[code[i + 2]] = r[code[i + 1]]; i += 3; break;
        case K.SETCOND64: {
          const a = code[i + 2];
          const b = code[i + 3];
          const o = code[i + 4];
          r[o] = cmp64(code[i + 1], r[a], r[a + 1], r[b], r[b + 1]) ? 1 : 0;
          r[o + 1] = 0;
          i += 5;
          break;
        }
        case K.BRCOND64: {
          const a = code[i + 2];
          const b = code[i + 3];
          i = cmp64(code[i + 1], r[a], r[a + 1], r[b], r[b + 1]) ? code[i + 4] : i + 5;
          break;
        }
        case K.BRCOND32:
          i = cmp32(code[i + 1], r[code[i + 2]], r[code[i + 3]]) ? code[i + 4] : i + 5;
          break;
        case K.BR:
          i = code[i + 1];
          break;
        case K.GOTO_TB:
          m32[pcAt] = code[i + 1];
          m32[pcAt + 1] = code[i + 2];
          return ExitReason.LOOKUP;
        case K.GOTO_PTR: {
          const a = code[i + 1];
          m32[pcAt] = r[a];
          m32[pcAt + 1] = r[a + 1];
          return ExitReason.LOOKUP;
        }
        // Memory ops and helper calls first set env.PC to their instruction, so that a
        // fault or a helper sees a precise pc.
        case K.QLD:
          m32[pcAt] = code[i + 5];
          m32[pcAt + 1] = code[i + 6];
          this.load(code[i + 1], code[i + 2] === 1, r, code[i + 3], code[i + 4]);
          i += 7;
          break;
        case K.QST:
          m32[pcAt] = code[i + 5];
          m32[pcAt + 1] = code[i + 6];
          this.store(memopSize(code[i + 1]), code[i + 2] === 1, r, code[i + 3], code[i + 4]);
          i += 7;
          break;
        default: {
          const next = this.step(code, i, p, env);
          if (next < 0) return (-1 - next) as ExitReason;
          i = next;
        }
      }
    }
  }

  /** Runs the instruction at code[i] that run() leaves out; returns the next index, or -1 - ExitReason. */
  private step(code: Int32Array, i: number, p: Tier0Program, env: number): number {
    const r = this.ints;
    const m32 = this.m32;
    const pcAt = ((env - ENV_AREA) >>> 2) + (ENV.PC >> 2);
    switch (code[i]) {
      case K.ADD32: r[code[i + 3]] = r[code[i + 1]] + r[code[i + 2]]; return i + 4;
      case K.SUB32: r[code[i + 3]] = r[code[i + 1]] - r[code[i + 2]]; return i + 4;
      case K.MUL32: r[code[i + 3]] = Math.imul(r[code[i + 1]], r[code[i + 2]]); return i + 4;
      case K.AND32: r[code[i + 3]] = r[code[i + 1]] & r[code[i + 2]]; return i + 4;
      case K.OR32: r[code[i + 3]] = r[code[i + 1]] | r[code[i + 2]]; return i + 4;
      case K.XOR32: r[code[i + 3]] = r[code[i + 1]] ^ r[code[i + 2]]; return i + 4;
      case K.SHL32: r[code[i + 3]] = r[code[i + 1]] << r[code[i + 2]]; return i + 4;
      case K.SHR32: r[code[i + 3]] = r[code[i + 1]] >>> r[code[i + 2]]; return i + 4;
      case K.SAR32: r[code[i + 3]] = r[code[i + 1]] >> r[code[i + 2]]; return i + 4;
      case K.SHL64: case K.SHR64: case K.SAR64:
        shift64(code[i], r, code[i + 1], r[code[i + 2]] & 63, code[i + 3]);
        return i + 4;
      case K.MOV32: r[code[i + 2]] = r[code[i + 1]]; return i + 3;
      case K.NOT32: r[code[i + 2]] = ~r[code[i + 1]]; return i + 3;
      case K.NEG32: r[code[i + 2]] = -r[code[i + 1]]; return i + 3;
      case K.EXT8S32: r[code[i + 2]] = (r[code[i + 1]] << 24) >> 24; return i + 3;
      case K.EXT8U32: r[code[i + 2]] = r[code[i + 1]] & 0xff; return i + 3;
      case K.EXT16S32: r[code[i + 2]] = (r[code[i + 1]] << 16) >> 16; return i + 3;
      case K.EXT16U32: r[code[i + 2]] = r[code[i + 1]] & 0xffff; return i + 3;
      case K.MOV64: { const a = code[i + 1], o = code[i + 2]; r[o] = r[a]; r[o + 1] = r[a + 1]; return i + 3; }
      case K.NOT64: case K.NEG64: case K.EXT8S64: case K.EXT8U64: case K.EXT16S64: case K.EXT16U64:
      case K.BITCAST_I64_F64: case K.BITCAST_F64_I64: case K.BITCAST_I32_F32: case K.BITCAST_F32_I32:
        unary(code[i], r, this.floats, code[i + 1], code[i + 2]);
        return i + 3;
      case K.SETCOND32:
        r[code[i + 4]] = cmp32(code[i + 1], r[code[i + 2]], r[code[i + 3]]) ? 1 : 0;
        return i + 5;
      case K.MOVCOND32:
        r[code[i + 6]] = r[cmp32(code[i + 1], r[code[i + 2]], r[code[i + 3]]) ? code[i + 4] : code[i + 5]];
        return i + 7;
      case K.MOVCOND64: {
        const a = code[i + 2];
        const b = code[i + 3];
        const v = cmp64(code[i + 1], r[a], r[a + 1], r[b], r[b + 1]) ? code[i + 4] : code[i + 5];
        const o = code[i + 6];
        r[o] = r[v];
        r[o + 1] = r[v + 1];
        return i + 7;
      }
      case K.EXIT_TB:
        m32[pcAt] = code[i + 2];
        m32[pcAt + 1] = code[i + 3];
        return -1 - code[i + 1];
      case K.ENV_PTR:
        r[code[i + 1]] = env;
        return i + 2;
      case K.CALL:
        m32[pcAt] = code[i + 3];
        m32[pcAt + 1] = code[i + 4];
        return this.call(code, i);
      case K.PURE:
        return this.pure(code, i, p);
      case K.LD_ENV128: case K.ST_ENV128:
        this.vector(code, i, env);
        return i + 3;
      case K.QLD128: case K.QST128:
        m32[pcAt] = code[i + 3];
        m32[pcAt + 1] = code[i + 4];
        this.vector(code, i, env);
        return i + 5;
      default:
        throw new Error(`tier 0: bad instruction ${code[i]} at ${i}`);
    }
  }

  /** The v128 loads and stores (env and guest memory). */
  private vector(code: Int32Array, i: number, env: number): void {
    const mem = this.mem;
    const dv = mem.dv;
    switch (code[i]) {
      case K.LD_ENV128: {
        const at = env + code[i + 1];
        this.vectors[code[i + 2]] = dv.getBigUint64(at, true) | (dv.getBigUint64(at + 8, true) << 64n);
        break;
      }
      case K.ST_ENV128: {
        const at = env + code[i + 1];
        const v = this.vectors[code[i + 2]];
        dv.setBigUint64(at, BigInt.asUintN(64, v), true);
        dv.setBigUint64(at + 8, BigInt.asUintN(64, v >> 64n), true);
        break;
      }
      case K.QLD128: {
        const a = code[i + 1];
        const addr = toBig(this.ints[a], this.ints[a + 1]);
        mem.check(addr, 16, 'read');
        this.vectors[code[i + 2]] = BigInt.asUintN(64, mem.load(addr, 8)) | (BigInt.asUintN(64, mem.load(addr + 8n, 8)) << 64n);
        break;
      }
      default: {
        const a = code[i + 2];
        const addr = toBig(this.ints[a], this.ints[a + 1]);
        const v = this.vectors[code[i + 1]];
        mem.check(addr, 16, 'write');
        mem.store(addr, 8, BigInt.asUintN(64, v));
        mem.store(addr + 8n, 8, v >> 64n);
      }
    }
  }

  /** QLD: loads with memop into temp o (i64 halves, or an i32). */
  private load(memop: number, is64: boolean, r: Int32Array, a: number, o: number): void {
    const size = memopSize(memop);
    const signed = memopSigned(memop);
    const hi = r[a + 1];
    const at = this.mem.check(hi === 0 ? r[a] >>> 0 : toBig(r[a], hi), size, 'read');
    const dv = this.mem.dv;
    let lo: number;
    let top: number;
    switch (size) {
      case 1: lo = signed ? dv.getInt8(at) : dv.getUint8(at); top = lo >> 31; break;
      case 2: lo = signed ? dv.getInt16(at, true) : dv.getUint16(at, true); top = lo >> 31; break;
      case 4: lo = dv.getInt32(at, true); top = signed ? lo >> 31 : 0; break;
      default: lo = dv.getInt32(at, true); top = dv.getInt32(at + 4, true); break;
    }
    r[o] = lo;
    if (is64) r[o + 1] = top;
  }

  /** QST: stores the low `size` bytes of temp v (i64 halves, or an i32, sign-extended as the reference does). */
  private store(size: number, is64: boolean, r: Int32Array, v: number, a: number): void {
    const hi = r[a + 1];
    const at = this.mem.check(hi === 0 ? r[a] >>> 0 : toBig(r[a], hi), size, 'write');
    const dv = this.mem.dv;
    switch (size) {
      case 1: dv.setInt8(at, r[v]); break;
      case 2: dv.setInt16(at, r[v], true); break;
      case 4: dv.setInt32(at, r[v], true); break;
      default: dv.setInt32(at, r[v], true); dv.setInt32(at + 4, is64 ? r[v + 1] : r[v] >> 31, true); break;
    }
  }

  /** CALL helper out pc pc n in...: returns the index of the next instruction. */
  private call(code: Int32Array, i: number): number {
    const def = this.helpers.get(code[i + 1]);
    const types = def.args;
    const n = code[i + 5];
    const args: Value[] = new Array(n);
    // i32 arguments reach helpers as unsigned numbers, as from wasm (see helpers.ts).
    for (let k = 0; k < n; k++) {
      const t = code[i + 6 + k];
      const type = types[k];
      args[k] = type === 'i32' ? this.ints[2 * t] >>> 0 : this.read(type === 'i64' ? T.i64 : type === 'v128' ? T.v128 : T.f64, t);
    }
    const result = (def.fn as (ctx: HelperContext, ...a: Value[]) => Value | void)(this.ctx, ...args);
    const out = code[i + 2];
    if (out >= 0) {
      const ret = def.ret;
      if (ret === 'i64') this.setI64(this.ints, out, BigInt(result as bigint));
      else if (ret === 'i32') this.ints[2 * out] = Number(result) | 0;
      else if (ret === 'v128') this.vectors[out] = result as bigint;
      else this.floats[out] = Number(result);
    }
    return i + 6 + n;
  }

  /** PURE fn consts out n in...: the reference semantics, operands converted by type. */
  private pure(code: Int32Array, i: number, p: Tier0Program): number {
    const fn = code[i + 1];
    const n = code[i + 4];
    const inTypes = IN_TYPES[fn];
    const args: Value[] = new Array(n);
    for (let k = 0; k < n; k++) args[k] = this.read(inTypes[k], code[i + 5 + k]);
    const v = PURE_BY_INDEX[fn]!(args, p.pool[code[i + 2]] as Value[]);
    this.write(OUT_TYPE[fn], code[i + 3], v);
    return i + 5 + n;
  }

  private read(type: number, t: number): Value {
    switch (type) {
      case T.i32: return this.ints[2 * t];
      case T.i64: return toBig(this.ints[2 * t], this.ints[2 * t + 1]);
      case T.v128: return this.vectors[t];
      default: return this.floats[t];
    }
  }

  private write(type: number, t: number, v: Value): void {
    switch (type) {
      case T.i32: this.ints[2 * t] = v as number; break;
      case T.i64: this.setI64(this.ints, t, v as bigint); break;
      case T.v128: this.vectors[t] = v as bigint; break;
      default: this.floats[t] = v as number;
    }
  }

  private setI64(r: Int32Array, t: number, v: bigint): void {
    scratch.setBigInt64(0, BigInt.asIntN(64, v), true);
    r[2 * t] = scratch.getInt32(0, true);
    r[2 * t + 1] = scratch.getInt32(4, true);
  }
}
