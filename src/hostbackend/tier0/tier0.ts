// Tier 0 of the wasm configuration: interprets cold blocks as tier-0 programs
// (program.ts) with one switch loop. Most blocks run a handful of times, so what matters
// is what a block costs before and while it runs: no closure per op, no IR kept, a
// program can come from the persistent translation cache without translating at all
// (install), and every temp lives in a 16-byte cell of one Int32Array (cells.ts) — an i64
// as two int32 halves, a v128 as four words, a float as a float64 over the same buffer —
// so that the integer ops, the common vector ops, env and memory accesses allocate
// nothing. Here: the backend, its loop, memory accesses and helper calls; the arithmetic
// on i64 halves is in int64.ts, the vector instructions other than loads, stores and env
// accesses in vector.ts. Rarer ops (divisions, bit counts, FP arithmetic, the rarer vector
// ops) convert their operands and run the reference interpreter's PURE_OPS: one semantics
// for both. It never chains: every jump returns LOOKUP to the CPU loop, which counts
// entries to promote hot blocks.

import { memopSigned, memopSize, type AtomicOp } from '../../tcg/opcodes.js';
import { ENV, ExitReason } from '../../tcg/env.js';
import type { HelperContext, HelperRegistry } from '../../tcg/helpers.js';
import type { TranslatedBlock } from '../../tcg/ir.js';
import type { GuestMemory } from '../../memory/guest-memory.js';
import { ENV_AREA, ENV_BLOCK_SIZE, MAX_CPUS, PAGE_SIZE, PERM } from '../../memory/layout.js';
import { hostFullFence } from '../../memory/atomics.js';
import type { BackendCaps, BackendOptions, CompiledRegion, HostBackend } from '../backend.js';
import { IN_TYPES, K, OUT_TYPE, PURE_BY_INDEX, T, buildProgram, type Tier0Program, type Value } from './program.js';
import { add64, cmp32, cmp64, mul64, shift64, sub64, toBig, unary } from './int64.js';
import { Cells } from './cells.js';
import { runVector } from './vector.js';

const scratch = new DataView(new ArrayBuffer(8));

/** Argument arrays for PURE, by arity: pure ops never re-enter tier 0. */
const PURE_ARGS: Value[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0]];

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
  /** The page permissions (PERM bits by page number), for the inline check of memory accesses. */
  private readonly perms: Uint8Array;
  private readonly dv: DataView;
  private readonly slots: (Tier0Program | undefined)[] = [];
  private cells = new Cells(128);
  private readonly freeSlots: number[] = [];

  constructor(opts: BackendOptions) {
    this.mem = opts.mem;
    this.helpers = opts.helpers;
    this.ctx = { mem: opts.mem };
    this.m32 = new Int32Array(opts.mem.memory.buffer as unknown as ArrayBuffer, ENV_AREA, (MAX_CPUS * ENV_BLOCK_SIZE) >> 2);
    this.perms = opts.mem.perms;
    this.dv = opts.mem.dv;
    this.w32 = new Int32Array(opts.mem.memory.buffer as unknown as ArrayBuffer);
    this.w64 = new Float64Array(opts.mem.memory.buffer as unknown as ArrayBuffer);
  }

  /**
   * Guest memory as aligned 32- and 64-bit words: an aligned access is one host load or
   * store, never torn for another thread (a DataView's may go byte by byte before V8
   * optimizes it). The 64-bit one moves the bits through a float64, which keeps them all.
   */
  private readonly w32: Int32Array;
  private readonly w64: Float64Array;
  private readonly bits64 = new Float64Array(1);
  private readonly halves = new Int32Array(this.bits64.buffer);

  compile(blocks: TranslatedBlock[]): CompiledRegion {
    return { slots: blocks.map((b) => this.install(buildProgram(b))) };
  }

  /** Makes a program runnable (one built here, or one from the translation cache); returns its slot. */
  install(program: Tier0Program): number {
    if (program.temps > this.cells.temps) this.cells = new Cells(Math.max(program.temps, 2 * this.cells.temps));
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
    const r = this.cells.r;
    const pcAt = envAt + (ENV.PC >> 2);
    const perms = this.perms;
    const dv = this.dv;
    const w32 = this.w32;
    const w64 = this.w64;
    const bits64 = this.bits64;
    const halves = this.halves;
    // The instructions that make up most of what cold code runs are here, each a straight
    // line of code that runs whole whenever the instruction does, or leaves the switch for
    // step(): V8's optimized code of this loop deoptimizes at the first run of any path that
    // had not yet run when it was compiled, and a deoptimized loop runs unoptimized until
    // V8 compiles it again (tens of ms in long runs, under the launcher's interrupt budget).
    // The other instructions, and the slow paths of these, are one call away (step), which
    // also keeps this loop small for V8 to optimize.
    for (let i = 0; ; ) {
      switch (code[i]) {
        case K.LD_ENV64: {
          const at = envAt + (code[i + 1] >> 2);
          const o = code[i + 2];
          r[o] = m32[at];
          r[o + 1] = m32[at + 1];
          i += 3;
          continue;
        }
        case K.ST_ENV64: {
          const at = envAt + (code[i + 1] >> 2);
          const a = code[i + 2];
          m32[at] = r[a];
          m32[at + 1] = r[a + 1];
          i += 3;
          continue;
        }
        case K.MOVI64: {
          const o = code[i + 3];
          r[o] = code[i + 1];
          r[o + 1] = code[i + 2];
          i += 4;
          continue;
        }
        case K.ADD64: { const a = code[i + 1], b = code[i + 2]; add64(r, r[a], r[a + 1], r[b], r[b + 1], code[i + 3]); i += 4; continue; }
        case K.ADD64I: { const a = code[i + 1]; add64(r, r[a], r[a + 1], code[i + 2], code[i + 3], code[i + 4]); i += 5; continue; }
        case K.AND64I: { const a = code[i + 1], o = code[i + 4]; r[o] = r[a] & code[i + 2]; r[o + 1] = r[a + 1] & code[i + 3]; i += 5; continue; }
        case K.OR64I: { const a = code[i + 1], o = code[i + 4]; r[o] = r[a] | code[i + 2]; r[o + 1] = r[a + 1] | code[i + 3]; i += 5; continue; }
        case K.ST_ENV64I: {
          const at = envAt + (code[i + 1] >> 2);
          m32[at] = code[i + 2];
          m32[at + 1] = code[i + 3];
          i += 4;
          continue;
        }
        case K.BRCOND64I: {
          const a = code[i + 2];
          i = cmp64(code[i + 1], r[a], r[a + 1], code[i + 3], code[i + 4]) ? code[i + 5] : i + 6;
          continue;
        }
        case K.SUB64: sub64(r, code[i + 1], code[i + 2], code[i + 3]); i += 4; continue;
        case K.AND64: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; r[o] = r[a] & r[b]; r[o + 1] = r[a + 1] & r[b + 1]; i += 4; continue; }
        case K.OR64: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; r[o] = r[a] | r[b]; r[o + 1] = r[a + 1] | r[b + 1]; i += 4; continue; }
        case K.XOR64: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; r[o] = r[a] ^ r[b]; r[o + 1] = r[a + 1] ^ r[b + 1]; i += 4; continue; }
        case K.EXTU_I32_I64: case K.EXT32U64: { const o = code[i + 2]; r[o] = r[code[i + 1]]; r[o + 1] = 0; i += 3; continue; }
        case K.SETCOND64: {
          const a = code[i + 2];
          const b = code[i + 3];
          const o = code[i + 4];
          r[o] = cmp64(code[i + 1], r[a], r[a + 1], r[b], r[b + 1]) ? 1 : 0;
          r[o + 1] = 0;
          i += 5;
          continue;
        }
        case K.BRCOND64: {
          const a = code[i + 2];
          const b = code[i + 3];
          i = cmp64(code[i + 1], r[a], r[a + 1], r[b], r[b + 1]) ? code[i + 4] : i + 5;
          continue;
        }
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
        // fault or a helper sees a precise pc. Here, accesses within one page that allows
        // them (a store: and holds no translated code); step() does the others.
        case K.QLD: {
          const memop = code[i + 1];
          const size = memop & 15;
          const a = code[i + 3];
          const lo = r[a];
          const at = lo >>> 0;
          if (r[a + 1] !== 0 || (lo & (PAGE_SIZE - 1)) > PAGE_SIZE - size || (perms[at >>> 12] & PERM.READ) === 0) break;
          m32[pcAt] = code[i + 5];
          m32[pcAt + 1] = code[i + 6];
          // Eight bytes read whatever the size (all inside the 4 GiB memory), then cut to size
          // and extended, all sizes on one path; aligned, in one host load (untorn by other
          // threads' stores: see w64).
          let w0: number;
          let w1: number;
          if ((at & 7) === 0) {
            bits64[0] = w64[at >>> 3];
            w0 = halves[0];
            w1 = halves[1];
          } else {
            w0 = dv.getInt32(at, true);
            w1 = dv.getInt32(at + 4, true);
          }
          const sh = 32 - 8 * size; // an 8-byte load: 32 - 64, taken modulo 32 by the shifts
          const sext = (w0 << sh) >> sh;
          const zext = (w0 << sh) >>> sh;
          const ext = (sext >> 31) & -(memop >> 4); // the high half of a narrower i64 load
          const o = code[i + 4];
          r[o] = (memop & 0x10) !== 0 ? sext : zext;
          r[o + 1] = size === 8 ? w1 : ext; // (an i32 temp's second word is free)
          i += 7;
          continue;
        }
        case K.QST: {
          const size = code[i + 1] & 15;
          const a = code[i + 4];
          const lo = r[a];
          const at = lo >>> 0;
          if (r[a + 1] !== 0 || (lo & (PAGE_SIZE - 1)) > PAGE_SIZE - size || (perms[at >>> 12] & (PERM.WRITE | PERM.CODE)) !== PERM.WRITE) break;
          m32[pcAt] = code[i + 5];
          m32[pcAt + 1] = code[i + 6];
          // Aligned words in one host store (untorn for other threads), else byte by byte; an
          // i32 stored as 8 bytes is sign-extended, as the reference does.
          const v = code[i + 3];
          const x = r[v];
          const ext = x >> 31;
          const hi = r[v + 1];
          const top = code[i + 2] !== 0 ? hi : ext;
          if (size === 8 && (at & 7) === 0) {
            halves[0] = x;
            halves[1] = top;
            w64[at >>> 3] = bits64[0];
          } else if (size === 4 && (at & 3) === 0) {
            w32[at >>> 2] = x;
          } else {
            for (let k = 0; k < size; k++) dv.setInt8(at + k, (k < 4 ? x : top) >> (8 * (k & 3)));
          }
          i += 7;
          continue;
        }
      }
      const next = this.step(code, i, p, env);
      if (next < 0) return (-1 - next) as ExitReason;
      i = next;
    }
  }

  /** Runs the instruction at code[i] that run() leaves out; returns the next index, or -1 - ExitReason. */
  private step(code: Int32Array, i: number, p: Tier0Program, env: number): number {
    const r = this.cells.r;
    const m32 = this.m32;
    const envAt = (env - ENV_AREA) >>> 2;
    const pcAt = envAt + (ENV.PC >> 2);
    switch (code[i]) {
      case K.LD_ENV32: r[code[i + 2]] = m32[envAt + (code[i + 1] >> 2)]; return i + 3;
      case K.ST_ENV32: m32[envAt + (code[i + 1] >> 2)] = r[code[i + 2]]; return i + 3;
      case K.MOVI32: r[code[i + 2]] = code[i + 1]; return i + 3;
      case K.EXTS_I32_I64: case K.EXT32S64: { const v = r[code[i + 1]], o = code[i + 2]; r[o] = v; r[o + 1] = v >> 31; return i + 3; }
      case K.EXTRL_I64_I32: r[code[i + 2]] = r[code[i + 1]]; return i + 3;
      case K.BRCOND32: return cmp32(code[i + 1], r[code[i + 2]], r[code[i + 3]]) ? code[i + 4] : i + 5;
      case K.BR: return code[i + 1];
      case K.QLD:
        m32[pcAt] = code[i + 5];
        m32[pcAt + 1] = code[i + 6];
        this.load(code[i + 1], code[i + 2], r, code[i + 3], code[i + 4]);
        return i + 7;
      case K.QST:
        m32[pcAt] = code[i + 5];
        m32[pcAt + 1] = code[i + 6];
        this.store(code[i + 1], code[i + 2], r, code[i + 3], code[i + 4]);
        return i + 7;
      case K.ADD32: r[code[i + 3]] = r[code[i + 1]] + r[code[i + 2]]; return i + 4;
      case K.SUB32: r[code[i + 3]] = r[code[i + 1]] - r[code[i + 2]]; return i + 4;
      case K.MUL32: r[code[i + 3]] = Math.imul(r[code[i + 1]], r[code[i + 2]]); return i + 4;
      case K.AND32: r[code[i + 3]] = r[code[i + 1]] & r[code[i + 2]]; return i + 4;
      case K.OR32: r[code[i + 3]] = r[code[i + 1]] | r[code[i + 2]]; return i + 4;
      case K.XOR32: r[code[i + 3]] = r[code[i + 1]] ^ r[code[i + 2]]; return i + 4;
      case K.SHL32: r[code[i + 3]] = r[code[i + 1]] << r[code[i + 2]]; return i + 4;
      case K.SHR32: r[code[i + 3]] = r[code[i + 1]] >>> r[code[i + 2]]; return i + 4;
      case K.SAR32: r[code[i + 3]] = r[code[i + 1]] >> r[code[i + 2]]; return i + 4;
      case K.MUL64: mul64(r, code[i + 1], code[i + 2], code[i + 3]); return i + 4;
      case K.SHL64: case K.SHR64: case K.SAR64:
        shift64(code[i], r, code[i + 1], r[code[i + 2]] & 63, code[i + 3]);
        return i + 4;
      case K.SHL64I: case K.SHR64I: case K.SAR64I:
        shift64(code[i] - K.SHL64I + K.SHL64, r, code[i + 1], code[i + 2], code[i + 3]);
        return i + 4;
      case K.XOR64I: { const a = code[i + 1], o = code[i + 4]; r[o] = r[a] ^ code[i + 2]; r[o + 1] = r[a + 1] ^ code[i + 3]; return i + 5; }
      case K.SETCOND64I: {
        const a = code[i + 2];
        const o = code[i + 5];
        r[o] = cmp64(code[i + 1], r[a], r[a + 1], code[i + 3], code[i + 4]) ? 1 : 0;
        r[o + 1] = 0;
        return i + 6;
      }
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
        unary(code[i], r, this.cells.f, code[i + 1], code[i + 2]);
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
      case K.LD_ENV128: {
        const at = envAt + (code[i + 1] >> 2);
        const o = code[i + 2];
        r[o] = m32[at];
        r[o + 1] = m32[at + 1];
        r[o + 2] = m32[at + 2];
        r[o + 3] = m32[at + 3];
        return i + 3;
      }
      case K.ST_ENV128: {
        const at = envAt + (code[i + 1] >> 2);
        const a = code[i + 2];
        m32[at] = r[a];
        m32[at + 1] = r[a + 1];
        m32[at + 2] = r[a + 2];
        m32[at + 3] = r[a + 3];
        return i + 3;
      }
      case K.QLD128: case K.QST128:
        m32[pcAt] = code[i + 3];
        m32[pcAt + 1] = code[i + 4];
        this.access128(code[i] === K.QST128, r, code[i + 1], code[i + 2]);
        return i + 5;
      case K.ATOMIC_RMW: case K.CMPXCHG:
        m32[pcAt] = code[i + 6];
        m32[pcAt + 1] = code[i + 7];
        this.atomic(code, i);
        return i + 8;
      case K.MB:
        hostFullFence();
        return i + 1;
      default:
        return runVector(this.cells, code, i);
    }
  }

  /**
   * The address of an access of `size` bytes at the i64 in r[a..a+1], checked: inline for
   * an access within one page that allows it (and, for a store, holds no translated
   * code), else through GuestMemory, which throws the fault or tells the TB cache.
   */
  private address(r: Int32Array, a: number, size: number, write: boolean): number {
    const lo = r[a];
    const hi = r[a + 1];
    const perm = this.perms[lo >>> 12];
    if (hi === 0 && (lo & (PAGE_SIZE - 1)) <= PAGE_SIZE - size && (write ? (perm & (PERM.WRITE | PERM.CODE)) === PERM.WRITE : (perm & PERM.READ) !== 0)) {
      return lo >>> 0;
    }
    return this.mem.check(hi === 0 ? lo >>> 0 : toBig(lo, hi), size, write ? 'write' : 'read');
  }

  /** QLD: loads with memop into temp o (i64 halves when is64, or an i32). */
  private load(memop: number, is64: number, r: Int32Array, a: number, o: number): void {
    const size = memopSize(memop);
    const signed = memopSigned(memop);
    const at = this.address(r, a, size, false);
    const dv = this.dv;
    let lo: number;
    let top: number;
    switch (size) {
      case 1: lo = signed ? dv.getInt8(at) : dv.getUint8(at); top = lo >> 31; break;
      case 2: lo = signed ? dv.getInt16(at, true) : dv.getUint16(at, true); top = lo >> 31; break;
      case 4: lo = (at & 3) === 0 ? this.w32[at >>> 2] : dv.getInt32(at, true); top = signed ? lo >> 31 : 0; break;
      default:
        if ((at & 7) === 0) {
          this.bits64[0] = this.w64[at >>> 3];
          lo = this.halves[0];
          top = this.halves[1];
        } else {
          lo = dv.getInt32(at, true);
          top = dv.getInt32(at + 4, true);
        }
        break;
    }
    r[o] = lo;
    if (is64 !== 0) r[o + 1] = top;
  }

  /** QST: stores the low bytes of temp v (i64 halves, or an i32, sign-extended as the reference does). */
  private store(memop: number, is64: number, r: Int32Array, v: number, a: number): void {
    const size = memopSize(memop);
    const at = this.address(r, a, size, true);
    const dv = this.dv;
    switch (size) {
      case 1: dv.setInt8(at, r[v]); break;
      case 2: dv.setInt16(at, r[v], true); break;
      case 4:
        if ((at & 3) === 0) this.w32[at >>> 2] = r[v];
        else dv.setInt32(at, r[v], true);
        break;
      default: {
        const hi = is64 !== 0 ? r[v + 1] : r[v] >> 31;
        if ((at & 7) === 0) {
          this.halves[0] = r[v];
          this.halves[1] = hi;
          this.w64[at >>> 3] = this.bits64[0];
        } else {
          dv.setInt32(at, r[v], true);
          dv.setInt32(at + 4, hi, true);
        }
        break;
      }
    }
  }

  /** QLD128 (taddr tout) and QST128 (tvalue taddr): 16 bytes, no alignment required. */
  private access128(write: boolean, r: Int32Array, x: number, y: number): void {
    const dv = this.dv;
    if (write) {
      const at = this.address(r, y, 16, true);
      for (let k = 0; k < 4; k++) dv.setInt32(at + 4 * k, r[x + k], true);
    } else {
      const at = this.address(r, x, 16, false);
      for (let k = 0; k < 4; k++) r[y + k] = dv.getInt32(at + 4 * k, true);
    }
  }

  /**
   * ATOMIC_RMW memop op taddr tvalue tout and CMPXCHG memop taddr texpected tdesired tout:
   * one host atomic operation each (memory/atomics.ts), on an address checked as a store's.
   */
  private atomic(code: Int32Array, i: number): void {
    const memop = code[i + 1];
    const size = memopSize(memop);
    const signed = memopSigned(memop);
    const r = this.cells.r;
    const atomics = this.mem.atomics;
    if (code[i] === K.ATOMIC_RMW) {
      const at = this.address(r, code[i + 3], size, true);
      this.write(T.i64, code[i + 5], atomics.rmwAt(at, size, signed, code[i + 2] as AtomicOp, this.read(T.i64, code[i + 4]) as bigint));
    } else {
      const at = this.address(r, code[i + 2], size, true);
      const expected = this.read(T.i64, code[i + 3]) as bigint;
      this.write(T.i64, code[i + 5], atomics.cmpxchgAt(at, size, signed, expected, this.read(T.i64, code[i + 4]) as bigint));
    }
  }

  /** CALL helper out pc pc n in...: returns the index of the next instruction. */
  private call(code: Int32Array, i: number): number {
    const def = this.helpers.get(code[i + 1]);
    const types = def.args;
    const n = code[i + 5];
    const args: Value[] = new Array(n);
    const r = this.cells.r;
    // i32 arguments reach helpers as unsigned numbers, as from wasm (see helpers.ts).
    for (let k = 0; k < n; k++) {
      const w = code[i + 6 + k];
      const type = types[k];
      args[k] = type === 'i32' ? r[w] >>> 0 : this.read(type === 'i64' ? T.i64 : type === 'v128' ? T.v128 : T.f64, w);
    }
    const result = (def.fn as (ctx: HelperContext, ...a: Value[]) => Value | void)(this.ctx, ...args);
    const out = code[i + 2];
    if (out >= 0) {
      const ret = def.ret;
      if (ret === 'i64') this.write(T.i64, out, BigInt(result as bigint));
      else if (ret === 'i32') r[out] = Number(result) | 0;
      else if (ret === 'v128') this.write(T.v128, out, result as bigint);
      else this.cells.f[out >> 1] = Number(result);
    }
    return i + 6 + n;
  }

  /** PURE fn consts out n in...: the reference semantics, operands converted by type. */
  private pure(code: Int32Array, i: number, p: Tier0Program): number {
    const fn = code[i + 1];
    const n = code[i + 4];
    const inTypes = IN_TYPES[fn];
    const args = PURE_ARGS[n] ?? new Array<Value>(n);
    for (let k = 0; k < n; k++) args[k] = this.read(inTypes[k], code[i + 5 + k]);
    const v = PURE_BY_INDEX[fn]!(args, p.pool[code[i + 2]] as Value[]);
    this.write(OUT_TYPE[fn], code[i + 3], v);
    return i + 5 + n;
  }

  /** The temp at word index w as the reference holds it: a number, or a bigint (an i64 signed, a v128 unsigned). */
  private read(type: number, w: number): Value {
    const r = this.cells.r;
    switch (type) {
      case T.i32: return r[w];
      case T.i64: return toBig(r[w], r[w + 1]);
      case T.v128: return (BigInt.asUintN(64, toBig(r[w + 2], r[w + 3])) << 64n) | BigInt.asUintN(64, toBig(r[w], r[w + 1]));
      default: return this.cells.f[w >> 1];
    }
  }

  private write(type: number, w: number, v: Value): void {
    const r = this.cells.r;
    switch (type) {
      case T.i32: r[w] = v as number; break;
      case T.i64: this.setWords(w, 2, v as bigint); break;
      case T.v128: this.setWords(w, 4, v as bigint); break;
      default: this.cells.f[w >> 1] = v as number;
    }
  }

  /** The low 32n bits of v into n words from w, least significant first. */
  private setWords(w: number, n: number, v: bigint): void {
    const r = this.cells.r;
    for (let k = 0; k < n; k += 2, v >>= 64n) {
      scratch.setBigUint64(0, BigInt.asUintN(64, v), true);
      r[w + k] = scratch.getInt32(0, true);
      r[w + k + 1] = scratch.getInt32(4, true);
    }
  }
}
