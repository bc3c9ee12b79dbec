// Tests of the WebAssembly host backend (src/hostbackend/wasm): IR blocks built by hand,
// compiled, run against a real env block in guest memory, and checked against a BigInt
// reference of the IR semantics (and, differentially, against the interpreter backend; the
// differential suites run the tier-0 interpreter of hostbackend/tier0 as well).

import { beforeEach, describe, expect, it } from 'vitest';
import { GuestFault, GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, ENV_BLOCK_SIZE, JUMP_CACHE, JUMP_CACHE_ENTRIES, JUMP_CACHE_ENTRY_SIZE, PAGE_SIZE, PERM, jumpCacheIndex } from '../../src/memory/layout.js';
import { ENV, ExitReason, HOP_SAMPLE_RATE } from '../../src/tcg/env.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { ATOMIC_OP, CONDS, MEMOP, type Cond, type MemOp, type Opcode } from '../../src/tcg/opcodes.js';
import { IrBuilder, type Temp, type TranslatedBlock } from '../../src/tcg/ir.js';
import { WasmBackend } from '../../src/hostbackend/wasm/backend.js';
import { InterpBackend } from '../../src/hostbackend/interp/interp.js';
import { Tier0Backend } from '../../src/hostbackend/tier0/tier0.js';
import type { HostBackend } from '../../src/hostbackend/backend.js';
import { setWasmFeatures, wasmFeatures } from '../../src/hostbackend/wasm/features.js';

const mem = new GuestMemory();
const helpers = new HelperRegistry();
const ENV_ADDR = ENV_AREA;
/** The backends the differential suites compare, in their order there. */
const BACKEND_NAMES = ['interp', 'wasm', 'tier 0'];
/** Result slots: 8 bytes each after the env header. */
const R = ENV.SIZE;
const slotOff = (i: number): number => R + 8 * i;
const MAX_RESULTS = (ENV_BLOCK_SIZE - R) / 8;

const backend = new WasmBackend({ mem, helpers });
const tier0Backend = new Tier0Backend({ mem, helpers });

function block(pc: number, build: (b: IrBuilder) => void): TranslatedBlock {
  const b = new IrBuilder((id) => helpers.get(id));
  build(b);
  return { pc, size: 4, insns: [], ops: b.ops, temps: b.temps, labelCount: b.labelCount, successors: b.successors };
}

function clearEnv(env = ENV_ADDR): void {
  mem.rawFill(env, ENV_BLOCK_SIZE, 0);
}
function clearJumpCache(): void {
  for (let i = 0; i < JUMP_CACHE_ENTRIES; i++) mem.dv.setBigInt64(JUMP_CACHE + i * JUMP_CACHE_ENTRY_SIZE, -1n, true);
}
function setJumpCache(pc: number, slot: number): void {
  const e = JUMP_CACHE + jumpCacheIndex(pc) * JUMP_CACHE_ENTRY_SIZE;
  mem.dv.setBigInt64(e, BigInt(pc), true);
  mem.dv.setInt32(e + 8, slot, true);
}
const envPc = (env = ENV_ADDR): bigint => mem.dv.getBigInt64(env + ENV.PC, true);
const res32 = (i: number, env = ENV_ADDR): number => mem.dv.getInt32(env + slotOff(i), true);
const res64 = (i: number, env = ENV_ADDR): bigint => mem.dv.getBigInt64(env + slotOff(i), true);

/** Compiles one block alone, runs it once, returns the exit reason. */
function runOne(blk: TranslatedBlock, be: HostBackend = backend): number {
  const r = be.compile([blk]);
  try {
    return be.run(r.slots[0], ENV_ADDR);
  } finally {
    be.release(r);
  }
}

beforeEach(() => {
  clearEnv();
  clearJumpCache();
});

// ------------------------------------------------------------------------------------
// Reference semantics (BigInt), per width.

const VALUES32 = [0, 1, -1, 2, 7, -7, 31, 32, 33, 63, 64, 0x7fffffff, -0x80000000, 0x12345678, -0x21524111, 0x80, 0xffff];
const VALUES64 = [0n, 1n, -1n, 2n, 7n, -7n, 31n, 32n, 63n, 64n, 65n, 0x7fffffffn, -0x80000000n, 0xffffffffn,
  0x7fffffffffffffffn, -0x8000000000000000n, 0x123456789abcdef0n, -0x2152411021524111n, 0x100000000n];

function refBinary(name: string, w: 32 | 64, a: bigint, b: bigint): bigint {
  const S = (x: bigint): bigint => BigInt.asIntN(w, x);
  const U = (x: bigint): bigint => BigInt.asUintN(w, x);
  const sh = U(b) % BigInt(w);
  let r: bigint;
  switch (name) {
    case 'add': r = a + b; break;
    case 'sub': r = a - b; break;
    case 'mul': r = a * b; break;
    case 'and': r = a & b; break;
    case 'or': r = a | b; break;
    case 'xor': r = a ^ b; break;
    case 'shl': r = a << sh; break;
    case 'shr': r = U(a) >> sh; break;
    case 'sar': r = S(a) >> sh; break;
    case 'rotl': r = (U(a) << sh) | (U(a) >> (BigInt(w) - sh)); break;
    case 'rotr': r = (U(a) >> sh) | (U(a) << (BigInt(w) - sh)); break;
    case 'div_s': r = S(b) === 0n ? 0n : S(b) === -1n ? -S(a) : S(a) / S(b); break;
    case 'div_u': r = U(b) === 0n ? 0n : U(a) / U(b); break;
    case 'rem_s': r = S(b) === 0n ? a : S(b) === -1n ? 0n : S(a) % S(b); break;
    case 'rem_u': r = U(b) === 0n ? a : U(a) % U(b); break;
    case 'mulh_s': r = (S(a) * S(b)) >> BigInt(w); break;
    case 'mulh_u': r = (U(a) * U(b)) >> BigInt(w); break;
    case 'mulh_su': r = (S(a) * U(b)) >> BigInt(w); break;
    default: throw new Error(name);
  }
  return S(r);
}

function refUnary(name: string, w: 32 | 64, a: bigint): bigint {
  const U = BigInt.asUintN(w, a);
  let r: bigint;
  switch (name) {
    case 'neg': r = -a; break;
    case 'not': r = ~a; break;
    case 'clz': { let n = 0; for (let i = w - 1; i >= 0 && ((U >> BigInt(i)) & 1n) === 0n; i--) n++; r = BigInt(n); break; }
    case 'ctz': { let n = 0; for (let i = 0; i < w && ((U >> BigInt(i)) & 1n) === 0n; i++) n++; r = BigInt(n); break; }
    case 'popcnt': { let n = 0n; for (let x = U; x; x >>= 1n) n += x & 1n; r = n; break; }
    case 'ext8s': r = BigInt.asIntN(8, a); break;
    case 'ext8u': r = BigInt.asUintN(8, a); break;
    case 'ext16s': r = BigInt.asIntN(16, a); break;
    case 'ext16u': r = BigInt.asUintN(16, a); break;
    case 'ext32s': r = BigInt.asIntN(32, a); break;
    case 'ext32u': r = BigInt.asUintN(32, a); break;
    default: throw new Error(name);
  }
  return BigInt.asIntN(w, r);
}

function refCond(c: Cond, w: 32 | 64, a: bigint, b: bigint): boolean {
  const [sa, sb] = [BigInt.asIntN(w, a), BigInt.asIntN(w, b)];
  const [ua, ub] = [BigInt.asUintN(w, a), BigInt.asUintN(w, b)];
  switch (c) {
    case 'eq': return sa === sb;
    case 'ne': return sa !== sb;
    case 'lt': return sa < sb;
    case 'ge': return sa >= sb;
    case 'le': return sa <= sb;
    case 'gt': return sa > sb;
    case 'ltu': return ua < ub;
    case 'geu': return ua >= ub;
    case 'leu': return ua <= ub;
    case 'gtu': return ua > ub;
  }
}

const BINARY = ['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr', 'sar', 'rotl', 'rotr',
  'div_s', 'div_u', 'rem_s', 'rem_u', 'mulh_s', 'mulh_u', 'mulh_su'] as const;
const UNARY = ['neg', 'not', 'clz', 'ctz', 'popcnt', 'ext8s', 'ext8u', 'ext16s', 'ext16u'] as const;

interface Case { a: bigint; b: bigint }
function pairs(values: (number | bigint)[]): Case[] {
  const out: Case[] = [];
  for (const a of values) for (const b of values) out.push({ a: BigInt(a), b: BigInt(b) });
  return out;
}

/** A block computing `op` over cases (constants), each result stored in its own slot. */
function binaryBlock(op: Opcode, w: 32 | 64, cases: Case[]): TranslatedBlock {
  return block(0x1000, (b) => {
    cases.forEach(({ a, b: c }, i) => {
      const x = w === 32 ? b.const32(Number(BigInt.asIntN(32, a))) : b.const64(a);
      const y = w === 32 ? b.const32(Number(BigInt.asIntN(32, c))) : b.const64(c);
      b.stEnv(b.binary(op, x, y), slotOff(i));
    });
    b.exitTb(ExitReason.SYSCALL, 0x1000);
  });
}

const unaryOps = (w: 32 | 64): string[] => (w === 64 ? [...UNARY, 'ext32s', 'ext32u'] : [...UNARY]);

/** A block applying unary `name` to every test value of the width. */
function unaryBlock(name: string, w: 32 | 64): TranslatedBlock {
  const t = w === 32 ? 'i32' : 'i64';
  const values = (w === 32 ? VALUES32 : VALUES64).map(BigInt);
  return block(0x1000, (b) => {
    values.forEach((v, i) => {
      const x = w === 32 ? b.const32(Number(v)) : b.const64(v);
      b.stEnv(b.unary(`${name}_${t}` as Opcode, x), slotOff(i));
    });
    b.exitTb(ExitReason.SYSCALL, 0x1000);
  });
}

function readResult(w: 32 | 64, i: number): bigint {
  return w === 32 ? BigInt(res32(i)) : res64(i);
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

// ------------------------------------------------------------------------------------

describe('integer ops', () => {
  for (const w of [32, 64] as const) {
    const t = w === 32 ? 'i32' : 'i64';
    for (const name of BINARY) {
      it(`${name}_${t}`, () => {
        const all = pairs(w === 32 ? VALUES32 : VALUES64);
        for (const cases of chunks(all, MAX_RESULTS)) {
          clearEnv();
          expect(runOne(binaryBlock(`${name}_${t}` as Opcode, w, cases))).toBe(ExitReason.SYSCALL);
          cases.forEach(({ a, b }, i) => {
            const want = refBinary(name, w, a, b);
            if (readResult(w, i) !== want) expect(`${name}(${a}, ${b}) = ${readResult(w, i)}`).toBe(`${name}(${a}, ${b}) = ${want}`);
          });
        }
      });
    }
    for (const name of unaryOps(w)) {
      it(`${name}_${t}`, () => {
        const values = (w === 32 ? VALUES32 : VALUES64).map(BigInt);
        runOne(unaryBlock(name, w));
        values.forEach((v, i) => expect([name, v, readResult(w, i)]).toEqual([name, v, refUnary(name, w, v)]));
      });
    }
  }

  it('shift counts 0/31/32/63/64 are taken modulo the width', () => {
    const blk = block(0x1000, (b) => {
      [0, 31, 32, 63, 64].forEach((s, i) => {
        b.stEnv(b.binary('shl_i32', b.const32(1), b.const32(s)), slotOff(i));
        b.stEnv(b.binary('shl_i64', b.const64(1n), b.const64(s)), slotOff(8 + i));
      });
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    runOne(blk);
    expect([0, 1, 2, 3, 4].map((i) => res32(i))).toEqual([1, -0x80000000, 1, -0x80000000, 1]);
    expect([0, 1, 2, 3, 4].map((i) => res64(8 + i))).toEqual([1n, 1n << 31n, 1n << 32n, -(1n << 63n), 1n]);
  });

  it('width changes, mov and movi', () => {
    const blk = block(0x1000, (b) => {
      const big = b.const64(0x1234_5678_9abc_def0n);
      b.stEnv(b.unary('extrl_i64_i32', big), slotOff(0));
      const neg = b.const32(-2);
      b.stEnv(b.unary('extu_i32_i64', neg), slotOff(1));
      b.stEnv(b.unary('exts_i32_i64', neg), slotOff(2));
      b.stEnv(b.unary('mov_i64', big), slotOff(3));
      b.stEnv(b.unary('mov_i32', neg), slotOff(4));
      b.stEnv(b.const64(-0x8000000000000000n), slotOff(5));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    runOne(blk);
    expect(res32(0)).toBe(0x9abcdef0 | 0);
    expect(res64(1)).toBe(0xfffffffen);
    expect(res64(2)).toBe(-2n);
    expect(res64(3)).toBe(0x1234_5678_9abc_def0n);
    expect(res32(4)).toBe(-2);
    expect(res64(5)).toBe(-0x8000000000000000n);
  });

  it('ld_env / st_env and env_ptr', () => {
    mem.dv.setBigInt64(ENV_ADDR + slotOff(10), 41n, true);
    mem.dv.setInt32(ENV_ADDR + slotOff(11), 9, true);
    const blk = block(0x1000, (b) => {
      b.stEnv(b.binary('add_i64', b.ldEnv('i64', slotOff(10)), b.const64(1)), slotOff(0));
      b.stEnv(b.binary('mul_i32', b.ldEnv('i32', slotOff(11)), b.const32(3)), slotOff(1));
      b.stEnv(b.envPtr(), slotOff(2));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    runOne(blk);
    expect(res64(0)).toBe(42n);
    expect(res32(1)).toBe(27);
    expect(res32(2) >>> 0).toBe(ENV_ADDR);
  });
});

describe('conditions', () => {
  for (const w of [32, 64] as const) {
    const t = w === 32 ? 'i32' : 'i64';
    const values = w === 32 ? [0, 1, -1, 5, -0x80000000, 0x7fffffff] : [0n, 1n, -1n, 5n, -0x8000000000000000n, 0x7fffffffffffffffn, 0x100000000n];
    const cases = pairs(values);
    for (const cond of CONDS) {
      it(`setcond / movcond / brcond ${cond} ${t}`, () => {
        const mk = (b: IrBuilder, v: bigint) => (w === 32 ? b.const32(Number(v)) : b.const64(v));
        const blk = block(0x1000, (b) => {
          cases.forEach(({ a, b: c }, i) => {
            const x = mk(b, a);
            const y = mk(b, c);
            b.stEnv(b.setcond(cond, x, y), slotOff(3 * i));
            b.stEnv(b.movcond(cond, x, y, mk(b, 111n), mk(b, 222n)), slotOff(3 * i + 1));
            // r = 1; if (cond) goto L; r = 0; L: store r
            const r = b.newTemp(t);
            const label = b.newLabel();
            b.emit(`movi_${t}`, [r], [], [w === 32 ? 1 : 1n]);
            b.brcond(cond, x, y, label);
            b.emit(`movi_${t}`, [r], [], [w === 32 ? 0 : 0n]);
            b.setLabel(label);
            b.stEnv(r, slotOff(3 * i + 2));
          });
          b.exitTb(ExitReason.SYSCALL, 0);
        });
        runOne(blk);
        cases.forEach(({ a, b }, i) => {
          const want = refCond(cond, w, a, b);
          expect([a, b, readResult(w, 3 * i), readResult(w, 3 * i + 1), readResult(w, 3 * i + 2)]).toEqual([
            a, b, want ? 1n : 0n, want ? 111n : 222n, want ? 1n : 0n,
          ]);
        });
      });
    }
  }

  it('a backward branch loops inside one block', () => {
    // i = 0; sum = 0; L: sum += i; i += 1; if (i < 100) goto L; (forward skip over a trap)
    const blk = block(0x1000, (b) => {
      const i = b.newTemp('i64');
      const sum = b.newTemp('i64');
      b.emit('movi_i64', [i], [], [0n]);
      b.emit('movi_i64', [sum], [], [0n]);
      const top = b.newLabel();
      const skip = b.newLabel();
      b.setLabel(top);
      b.emit('add_i64', [sum], [sum, i]);
      b.emit('add_i64', [i], [i, b.const64(1)]);
      b.brcond('geu', i, b.const64(50), skip);
      b.emit('add_i64', [sum], [sum, b.const64(0)]);
      b.setLabel(skip);
      b.brcond('lt', i, b.const64(100), top);
      b.stEnv(sum, slotOff(0));
      b.stEnv(i, slotOff(1));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    expect(runOne(blk)).toBe(ExitReason.SYSCALL);
    expect(res64(0)).toBe(4950n);
    expect(res64(1)).toBe(100n);
  });

  it('unconditional br forward and backward', () => {
    // n = 0; goto A; B: n += 10; goto C; A: n += 1; goto B; C: store n
    const blk = block(0x1000, (b) => {
      const n = b.newTemp('i32');
      b.emit('movi_i32', [n], [], [0]);
      const [A, B, C] = [b.newLabel(), b.newLabel(), b.newLabel()];
      b.emit('br', [], [], [A]);
      b.setLabel(B);
      b.emit('add_i32', [n], [n, b.const32(10)]);
      b.emit('br', [], [], [C]);
      b.setLabel(A);
      b.emit('add_i32', [n], [n, b.const32(1)]);
      b.emit('br', [], [], [B]);
      b.setLabel(C);
      b.stEnv(n, slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    runOne(blk);
    expect(res32(0)).toBe(11);
  });
});

describe('floating point', () => {
  it('f32/f64 arithmetic, bitcasts and conversions', () => {
    const blk = block(0x1000, (b) => {
      const f64 = (x: number) => b.unary('bitcast_i64_f64', b.const64(new BigInt64Array(new Float64Array([x]).buffer)[0]));
      const f32 = (x: number) => b.unary('bitcast_i32_f32', b.const32(new Int32Array(new Float32Array([x]).buffer)[0]));
      const out64 = (t: ReturnType<typeof f64>, i: number) => b.stEnv(b.unary('bitcast_f64_i64', t), slotOff(i));
      const out32 = (t: ReturnType<typeof f32>, i: number) => b.stEnv(b.unary('bitcast_f32_i32', t), slotOff(i));
      out64(b.binary('fadd_f64', f64(1.5), f64(2.25)), 0);
      out64(b.binary('fsub_f64', f64(1.5), f64(2.25)), 1);
      out64(b.binary('fmul_f64', f64(1.5), f64(-2)), 2);
      out64(b.binary('fdiv_f64', f64(1), f64(3)), 3);
      out64(b.unary('fsqrt_f64', f64(2)), 4);
      out64(b.unary('fneg_f64', f64(2)), 5);
      out64(b.unary('fabs_f64', f64(-7)), 6);
      out32(b.binary('fadd_f32', f32(1.5), f32(2.25)), 7);
      out32(b.binary('fdiv_f32', f32(1), f32(3)), 8);
      out32(b.unary('fsqrt_f32', f32(2)), 9);
      out32(b.unary('fneg_f32', f32(2)), 10);
      out32(b.unary('fabs_f32', f32(-7)), 11);
      out64(b.unary('fcvt_f32_f64', f32(0.1)), 12);
      out32(b.unary('fcvt_f64_f32', f64(0.1)), 13);
      out32(b.binary('fsub_f32', f32(1), f32(0.25)), 14);
      out32(b.binary('fmul_f32', f32(3), f32(0.5)), 15);
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    runOne(blk);
    const d = (i: number) => mem.dv.getFloat64(ENV_ADDR + slotOff(i), true);
    const f = (i: number) => mem.dv.getFloat32(ENV_ADDR + slotOff(i), true);
    expect([d(0), d(1), d(2), d(3), d(4), d(5), d(6)]).toEqual([3.75, -0.75, -3, 1 / 3, Math.SQRT2, -2, 7]);
    expect([f(7), f(8), f(9), f(10), f(11)]).toEqual([3.75, Math.fround(1 / 3), Math.fround(Math.SQRT2), -2, 7]);
    expect(d(12)).toBe(Math.fround(0.1));
    expect(f(13)).toBe(Math.fround(0.1));
    expect([f(14), f(15)]).toEqual([0.75, 1.5]);
  });
});

// The same tests for the wasm backend and tier 0, whose inline paths and slow paths differ.
for (const [name, be] of [['wasm', backend], ['tier 0', tier0Backend]] as const) describe(`guest memory access (${name})`, () => {
  const PAGE = 0x10000;
  beforeEach(() => {
    mem.setProt(PAGE, 2 * PAGE_SIZE, PERM.READ | PERM.WRITE);
    mem.setProt(PAGE + 2 * PAGE_SIZE, PAGE_SIZE, 0);
    mem.setCodeBit((PAGE >>> 12) + 1, false);
    mem.rawFill(PAGE, 2 * PAGE_SIZE, 0);
    mem.onCodeWrite = () => {};
  });

  it('loads of every size and sign', () => {
    mem.dv.setBigUint64(PAGE + 8, 0xf1f2f3f4f5f6f7f8n, true);
    const memops = [MEMOP.UB, MEMOP.SB, MEMOP.UW, MEMOP.SW, MEMOP.UL, MEMOP.SL, MEMOP.UQ];
    const blk = block(0x1000, (b) => {
      const addr = b.const64(PAGE + 8);
      memops.forEach((m, i) => {
        b.stEnv(b.qemuLd('i64', addr, m), slotOff(i));
        if (m !== MEMOP.UQ) b.stEnv(b.qemuLd('i32', addr, m), slotOff(10 + i));
      });
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    expect(runOne(blk, be)).toBe(ExitReason.SYSCALL);
    expect(memops.map((_, i) => res64(i))).toEqual([0xf8n, -8n, 0xf7f8n, -0x0808n, 0xf5f6f7f8n, -0x0a090808n, -0x0e0d0c0b0a090808n]);
    expect(memops.slice(0, 6).map((_, i) => res32(10 + i))).toEqual([0xf8, -8, 0xf7f8, -0x0808, 0xf5f6f7f8 | 0, -0x0a090808]);
  });

  it('stores of every size, from i32 and i64 temps', () => {
    const blk = block(0x1000, (b) => {
      const v64 = b.const64(0x1122334455667788n);
      const v32 = b.const32(0x99aabbcc | 0);
      b.qemuSt(v64, b.const64(PAGE + 0x100), MEMOP.UQ);
      b.qemuSt(v64, b.const64(PAGE + 0x110), MEMOP.UL);
      b.qemuSt(v64, b.const64(PAGE + 0x120), MEMOP.UW);
      b.qemuSt(v64, b.const64(PAGE + 0x130), MEMOP.UB);
      b.qemuSt(v32, b.const64(PAGE + 0x140), MEMOP.UL);
      b.qemuSt(v32, b.const64(PAGE + 0x150), MEMOP.UW);
      b.qemuSt(v32, b.const64(PAGE + 0x160), MEMOP.UB);
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    runOne(blk, be);
    const q = (o: number) => mem.dv.getBigUint64(PAGE + o, true);
    expect([q(0x100), q(0x110), q(0x120), q(0x130), q(0x140), q(0x150), q(0x160)]).toEqual([
      0x1122334455667788n, 0x55667788n, 0x7788n, 0x88n, 0x99aabbccn, 0xbbccn, 0xccn,
    ]);
  });

  it('loads and stores of every size at the end of a page and across it', () => {
    for (let i = 0; i < 32; i++) mem.u8[PAGE + PAGE_SIZE - 16 + i] = 0x81 + 7 * i;
    const memops = [MEMOP.UB, MEMOP.SB, MEMOP.UW, MEMOP.SW, MEMOP.UL, MEMOP.SL, MEMOP.UQ];
    const at = (m: number, k: number) => PAGE + PAGE_SIZE - (m & 15) + k; // k = 0: the last bytes of the page; k > 0: across
    const blk = block(0x1000, (b) => {
      memops.forEach((m, i) => {
        for (let k = 0; k < 2; k++) {
          b.stEnv(b.qemuLd('i64', b.const64(at(m, k)), m), slotOff(4 * i + 2 * k));
          if (m !== MEMOP.UQ) b.stEnv(b.qemuLd('i32', b.const64(at(m, k) - 8), m), slotOff(4 * i + 2 * k + 1));
        }
      });
      // Stores of every size from i64 and i32 temps (i32: up to 4 bytes), read back.
      [MEMOP.UB, MEMOP.UW, MEMOP.UL, MEMOP.UQ].forEach((m, i) => {
        b.qemuSt(b.const64(0x1122334455667788n), b.const64(PAGE + PAGE_SIZE - 2 - 16 * i), m);
        if (m !== MEMOP.UQ) b.qemuSt(b.const32(-0x21524111), b.const64(PAGE + 0x200 + 16 * i - 1), m);
        b.stEnv(b.qemuLd('i64', b.const64(PAGE + PAGE_SIZE - 2 - 16 * i), MEMOP.UQ), slotOff(40 + 2 * i));
        b.stEnv(b.qemuLd('i64', b.const64(PAGE + 0x200 + 16 * i - 1), MEMOP.UQ), slotOff(41 + 2 * i));
      });
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    const before = mem.u8.slice(0, PAGE + 2 * PAGE_SIZE);
    expect(runOne(blk, be)).toBe(ExitReason.SYSCALL);
    const bytes = (addr: number, n: number) => Array.from({ length: n }, (_, j) => BigInt(before[addr + j]));
    const value = (addr: number, m: number, w: number) => {
      const n = m & 15;
      const v = bytes(addr, n).reduce((x, byte, j) => x | (byte << BigInt(8 * j)), 0n);
      return m & 0x10 ? BigInt.asIntN(w, BigInt.asIntN(8 * n, v)) : BigInt.asIntN(w, v);
    };
    memops.forEach((m, i) => {
      for (let k = 0; k < 2; k++) {
        expect(res64(4 * i + 2 * k), `i64 memop ${m} +${k}`).toBe(value(at(m, k), m, 64));
        if (m !== MEMOP.UQ) expect(BigInt(res32(4 * i + 2 * k + 1)), `i32 memop ${m} +${k}`).toBe(value(at(m, k) - 8, m, 32));
      }
    });
    const mask = (n: number) => (1n << BigInt(8 * n)) - 1n;
    [1, 2, 4, 8].forEach((n, i) => {
      expect(BigInt.asUintN(8 * n, res64(40 + 2 * i))).toBe(0x1122334455667788n & mask(n));
      if (n < 8) expect(BigInt.asUintN(8 * n, res64(41 + 2 * i))).toBe(-0x21524111n & mask(n));
    });
  });

  it('misaligned and page-crossing accesses complete (slow path)', () => {
    const blk = block(0x1000, (b) => {
      b.qemuSt(b.const64(0x0102030405060708n), b.const64(PAGE + PAGE_SIZE - 3), MEMOP.UQ);
      b.stEnv(b.qemuLd('i64', b.const64(PAGE + PAGE_SIZE - 3), MEMOP.UQ), slotOff(0));
      b.stEnv(b.qemuLd('i32', b.const64(PAGE + 1), MEMOP.UL), slotOff(1));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    mem.dv.setUint32(PAGE + 1, 0xdeadbeef, true);
    runOne(blk, be);
    expect(res64(0)).toBe(0x0102030405060708n);
    expect(res32(1) >>> 0).toBe(0xdeadbeef);
    expect(mem.dv.getBigUint64(PAGE + PAGE_SIZE - 3, true)).toBe(0x0102030405060708n);
  });

  it('a load from an unmapped page faults precisely', () => {
    const blk = block(0x1000, (b) => {
      b.insnStart(0x1000);
      b.stEnv(b.const64(1), slotOff(0));
      b.insnStart(0x1004);
      b.stEnv(b.qemuLd('i64', b.const64(PAGE + 2 * PAGE_SIZE + 16), MEMOP.UQ), slotOff(1));
      b.insnStart(0x1008);
      b.stEnv(b.const64(3), slotOff(2));
      b.exitTb(ExitReason.SYSCALL, 0x100c);
    });
    let fault: unknown;
    try {
      runOne(blk, be);
    } catch (e) {
      fault = e;
    }
    expect(fault).toBeInstanceOf(GuestFault);
    expect((fault as GuestFault).addr).toBe(BigInt(PAGE + 2 * PAGE_SIZE + 16));
    expect((fault as GuestFault).access).toBe('read');
    expect((fault as GuestFault).mapped).toBe(false);
    expect(envPc()).toBe(0x1004n);
    expect([res64(0), res64(2)]).toEqual([1n, 0n]);
  });

  it('a load crossing into an unmapped page faults at the page start', () => {
    const blk = block(0x1000, (b) => {
      b.insnStart(0x1010);
      b.stEnv(b.qemuLd('i64', b.const64(PAGE + 2 * PAGE_SIZE - 4), MEMOP.UQ), slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    expect(() => runOne(blk, be)).toThrow(GuestFault);
    expect(envPc()).toBe(0x1010n);
  });

  it('addresses beyond the 4 GiB guest space fault', () => {
    for (const addr of [0x1_0000_0000n + BigInt(PAGE), -8n, 0xff00_0000n]) {
      const blk = block(0x1000, (b) => {
        b.insnStart(0x1020);
        b.stEnv(b.qemuLd('i32', b.const64(addr), MEMOP.UL), slotOff(0));
        b.exitTb(ExitReason.SYSCALL, 0);
      });
      expect(() => runOne(blk, be)).toThrow(GuestFault);
      expect(envPc()).toBe(0x1020n);
    }
  });

  it('a store to a read-only page faults and leaves memory alone', () => {
    mem.setProt(PAGE, PAGE_SIZE, PERM.READ);
    const blk = block(0x1000, (b) => {
      b.insnStart(0x2000);
      b.insnStart(0x2004);
      b.qemuSt(b.const32(0x55), b.const64(PAGE + 4), MEMOP.UB);
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    let fault: unknown;
    try {
      runOne(blk, be);
    } catch (e) {
      fault = e;
    }
    expect(fault).toBeInstanceOf(GuestFault);
    expect((fault as GuestFault).access).toBe('write');
    expect((fault as GuestFault).mapped).toBe(true);
    expect(envPc()).toBe(0x2004n);
    expect(mem.u8[PAGE + 4]).toBe(0);
  });

  it('accesses off one base share a check, and still fault precisely at the first bad one', () => {
    // base + 0, +8, +16 load; the span is checked once. Moving base so that +16 lands on the
    // unmapped page must fault at that access, after the first two have been stored to env.
    const blk = (base: number) => block(0x1000, (b) => {
      const p = b.const64(base);
      b.insnStart(0x1000);
      b.stEnv(b.qemuLd('i64', b.binary('add_i64', p, b.const64(0)), MEMOP.UQ), slotOff(0));
      b.insnStart(0x1004);
      b.stEnv(b.qemuLd('i64', b.binary('add_i64', p, b.const64(8)), MEMOP.UQ), slotOff(1));
      b.insnStart(0x1008);
      b.stEnv(b.qemuLd('i64', b.binary('add_i64', p, b.const64(16)), MEMOP.UQ), slotOff(2));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    mem.dv.setBigUint64(PAGE + 0x100, 11n, true);
    mem.dv.setBigUint64(PAGE + 0x108, 22n, true);
    mem.dv.setBigUint64(PAGE + 0x110, 33n, true);
    expect(runOne(blk(PAGE + 0x100), be)).toBe(ExitReason.SYSCALL);
    expect([res64(0), res64(1), res64(2)]).toEqual([11n, 22n, 33n]);
    const edge = PAGE + 2 * PAGE_SIZE - 16;
    mem.dv.setBigUint64(edge, 44n, true);
    mem.dv.setBigUint64(edge + 8, 55n, true);
    clearEnv();
    expect(() => runOne(blk(edge), be)).toThrow(GuestFault);
    expect(envPc()).toBe(0x1008n);
    expect([res64(0), res64(1), res64(2)]).toEqual([44n, 55n, 0n]);
  });

  it('a store to a code page tells the TB cache and still completes', () => {
    const page = (PAGE >>> 12) + 1;
    mem.setCodeBit(page, true);
    const seen: number[] = [];
    mem.onCodeWrite = (p) => seen.push(p);
    const blk = block(0x1000, (b) => {
      b.qemuSt(b.const64(0xabcdn), b.const64(PAGE + PAGE_SIZE + 8), MEMOP.UW);
      b.stEnv(b.qemuLd('i64', b.const64(PAGE + PAGE_SIZE + 8), MEMOP.UW), slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    expect(runOne(blk, be)).toBe(ExitReason.SYSCALL);
    expect(seen).toEqual([page]);
    expect(mem.dv.getUint16(PAGE + PAGE_SIZE + 8, true)).toBe(0xabcd);
    expect(res64(0)).toBe(0xabcdn);
  });
});

// Atomic read-modify-writes and compare-and-swaps on every backend: the values, the
// extension of the old value, the bytes around left alone, and faults as a store's.
// (That they are atomic across threads is tests/suites/atomics-threads.test.ts.)
for (const [name, be] of [['wasm', backend], ['tier 0', tier0Backend], ['interp', new InterpBackend({ mem, helpers })]] as const) describe(`atomic ops (${name})`, () => {
  const PAGE = 0x30000;
  const FILL = 0x5a5a5a5a5a5a5a5an;
  beforeEach(() => {
    mem.setProt(PAGE, 2 * PAGE_SIZE, PERM.READ | PERM.WRITE);
    mem.setProt(PAGE + 2 * PAGE_SIZE, PAGE_SIZE, 0);
    mem.setCodeBit((PAGE >>> 12) + 1, false);
    mem.onCodeWrite = () => {};
  });
  const SIZES = [1, 2, 4, 8] as const;
  const U = (n: number, v: bigint): bigint => BigInt.asUintN(8 * n, v);
  const S = (n: number, v: bigint): bigint => BigInt.asIntN(8 * n, v);
  /** What atomic_rmw leaves in memory: op(old, v) in n bytes. */
  function refRmw(op: number, n: number, old: bigint, v: bigint): bigint {
    switch (op) {
      case ATOMIC_OP.ADD: return U(n, old + v);
      case ATOMIC_OP.AND: return U(n, old & v);
      case ATOMIC_OP.OR: return U(n, old | v);
      case ATOMIC_OP.XOR: return U(n, old ^ v);
      case ATOMIC_OP.XCHG: return U(n, v);
      case ATOMIC_OP.SMIN: return S(n, old) <= S(n, v) ? U(n, old) : U(n, v);
      case ATOMIC_OP.SMAX: return S(n, old) >= S(n, v) ? U(n, old) : U(n, v);
      case ATOMIC_OP.UMIN: return U(n, old) <= U(n, v) ? U(n, old) : U(n, v);
      default: return U(n, old) >= U(n, v) ? U(n, old) : U(n, v);
    }
  }
  const PAIRS: [bigint, bigint][] = [
    [0n, 0n], [1n, -1n], [-1n, 1n], [0x7fn, 0x80n], [0x8000n, 0x7fffn], [0x7fffffffn, 0x80000000n],
    [0x8000000000000000n, 0x7fffffffffffffffn], [0x123456789abcdef0n, 0xfedcba9876543210n], [5n, 0x1_0000_0003n],
  ];

  it('atomic_rmw: every op, size and extension; the neighbouring bytes stay', () => {
    for (const op of Object.values(ATOMIC_OP)) {
      const cases = SIZES.flatMap((n) => [false, true].flatMap((signed) => PAIRS.map(([old, v]) => ({ n, signed, old, v }))));
      // each case on 16 bytes of its own: 8 bytes of FILL, then the word at +8 (n bytes, FILL after)
      cases.forEach(({ n, old }, i) => {
        mem.dv.setBigUint64(PAGE + 16 * i, FILL, true);
        mem.dv.setBigUint64(PAGE + 16 * i + 8, (FILL & ~U(8, (1n << BigInt(8 * n)) - 1n)) | U(n, old), true);
      });
      runOne(block(0x1000, (b) => {
        cases.forEach(({ n, signed, v }, i) => {
          const memop = ({ 1: MEMOP.UB, 2: MEMOP.UW, 4: MEMOP.UL, 8: MEMOP.UQ }[n] | (signed && n < 8 ? 0x10 : 0)) as MemOp;
          b.stEnv(b.atomicRmw(b.const64(PAGE + 16 * i + 8), b.const64(v), memop, op), slotOff(i));
        });
        b.exitTb(ExitReason.SYSCALL, 0);
      }), be);
      cases.forEach(({ n, signed, old, v }, i) => {
        const what = `op ${op} size ${n}${signed ? ' signed' : ''} old ${old} v ${v}`;
        expect(res64(i), what).toBe(S(8, signed ? S(n, old) : U(n, old)));
        expect(mem.dv.getBigUint64(PAGE + 16 * i, true), what).toBe(FILL);
        const after = mem.dv.getBigUint64(PAGE + 16 * i + 8, true);
        expect(U(n, after), what).toBe(refRmw(op, n, old, v));
        if (n < 8) expect(after >> BigInt(8 * n), what).toBe(FILL >> BigInt(8 * n));
      });
    }
  });

  it('atomic_cmpxchg: stores only when memory equals expected in the access size', () => {
    const cases = SIZES.flatMap((n) => [
      { n, old: -2n, expected: -2n, desired: 0x1122334455667788n }, // equal
      { n, old: 0x80n, expected: 0x80n | (0x77n << BigInt(8 * n)), desired: 3n }, // equal in n bytes (higher bits ignored)
      { n, old: 0x80n, expected: 0x81n, desired: 3n }, // different
    ]).flatMap((c) => [{ ...c, signed: false }, { ...c, signed: true }]);
    cases.forEach(({ n, old }, i) => mem.dv.setBigUint64(PAGE + 8 * i, (FILL & ~U(8, (1n << BigInt(8 * n)) - 1n)) | U(n, old), true));
    runOne(block(0x1000, (b) => {
      cases.forEach(({ n, signed, expected, desired }, i) => {
        const memop = ({ 1: MEMOP.UB, 2: MEMOP.UW, 4: MEMOP.UL, 8: MEMOP.UQ }[n] | (signed && n < 8 ? 0x10 : 0)) as MemOp;
        b.stEnv(b.atomicCmpxchg(b.const64(PAGE + 8 * i), b.const64(expected), b.const64(desired), memop), slotOff(i));
      });
      b.exitTb(ExitReason.SYSCALL, 0);
    }), be);
    cases.forEach(({ n, signed, old, expected, desired }, i) => {
      const what = `size ${n}${signed ? ' signed' : ''} expected ${expected}`;
      expect(res64(i), what).toBe(S(8, signed ? S(n, old) : U(n, old)));
      const after = mem.dv.getBigUint64(PAGE + 8 * i, true);
      expect(U(n, after), what).toBe(U(n, old) === U(n, expected) ? U(n, desired) : U(n, old));
      if (n < 8) expect(after >> BigInt(8 * n), what).toBe(FILL >> BigInt(8 * n));
    });
  });

  it('mb: a store before it and a load after it run in order (the op compiles and runs)', () => {
    mem.dv.setBigUint64(PAGE, 0n, true);
    runOne(block(0x1000, (b) => {
      b.qemuSt(b.const64(0x55), b.const64(PAGE), MEMOP.UQ);
      b.mb();
      b.stEnv(b.qemuLd('i64', b.const64(PAGE), MEMOP.UQ), slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    }), be);
    expect(res64(0)).toBe(0x55n);
  });

  it('faults as a store: a read-only page (even for a compare that fails), an unmapped one; pc precise, memory alone', () => {
    mem.setProt(PAGE, PAGE_SIZE, PERM.READ);
    mem.dv.setBigUint64(PAGE + 8, 7n, true);
    const ops: [string, (b: IrBuilder, addr: Temp) => Temp][] = [
      ['rmw', (b, a) => b.atomicRmw(a, b.const64(1), MEMOP.UL, ATOMIC_OP.ADD)],
      ['cmpxchg', (b, a) => b.atomicCmpxchg(a, b.const64(99), b.const64(1), MEMOP.UQ)],
      ['min', (b, a) => b.atomicRmw(a, b.const64(1), MEMOP.UQ, ATOMIC_OP.SMIN)],
    ];
    for (const [what, gen] of ops) {
      for (const [addr, mapped] of [[PAGE + 8, true], [PAGE + 2 * PAGE_SIZE + 8, false], [-8, false]] as const) {
        clearEnv();
        let fault: unknown;
        try {
          runOne(block(0x1000, (b) => {
            b.insnStart(0x1000);
            b.stEnv(b.const64(1), slotOff(0));
            b.insnStart(0x1004);
            b.stEnv(gen(b, b.const64(addr)), slotOff(1));
            b.exitTb(ExitReason.SYSCALL, 0);
          }), be);
        } catch (e) {
          fault = e;
        }
        expect(fault, `${what} at ${addr}`).toBeInstanceOf(GuestFault);
        expect((fault as GuestFault).access).toBe('write');
        expect((fault as GuestFault).mapped).toBe(mapped);
        expect((fault as GuestFault).addr).toBe(addr < 0 ? BigInt.asUintN(64, BigInt(addr)) : BigInt(addr));
        expect(envPc()).toBe(0x1004n);
        expect([res64(0), res64(1)]).toEqual([1n, 0n]);
        expect(mem.dv.getBigUint64(PAGE + 8, true)).toBe(7n);
      }
    }
  });

  it('on a code page: tells the TB cache, then completes', () => {
    const page = (PAGE >>> 12) + 1;
    mem.setCodeBit(page, true);
    const seen: number[] = [];
    mem.onCodeWrite = (p) => seen.push(p);
    mem.dv.setBigUint64(PAGE + PAGE_SIZE, 40n, true);
    runOne(block(0x1000, (b) => {
      b.stEnv(b.atomicRmw(b.const64(PAGE + PAGE_SIZE), b.const64(2), MEMOP.UQ, ATOMIC_OP.ADD), slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    }), be);
    expect(seen).toEqual([page]);
    expect([res64(0), mem.dv.getBigUint64(PAGE + PAGE_SIZE, true)]).toEqual([40n, 42n]);
  });
});

describe('block entry, exits and chaining', () => {
  it('an exit request at entry stops before the block runs', () => {
    mem.dv.setInt32(ENV_ADDR + ENV.EXIT_REQUEST, 1, true);
    const blk = block(0x4440, (b) => {
      b.stEnv(b.const64(7), slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0x4444);
    });
    expect(runOne(blk)).toBe(ExitReason.INTERRUPT);
    expect(envPc()).toBe(0x4440n);
    expect(res64(0)).toBe(0n);
    mem.dv.setInt32(ENV_ADDR + ENV.EXIT_REQUEST, 0, true);
    expect(runOne(blk)).toBe(ExitReason.SYSCALL);
    expect(envPc()).toBe(0x4444n);
    expect(res64(0)).toBe(7n);
  });

  it('exit_tb returns its reason and stores its pc', () => {
    for (const reason of [ExitReason.LOOKUP, ExitReason.SYSCALL, ExitReason.EXCEPTION, ExitReason.INVALIDATE]) {
      expect(runOne(block(0x1000, (b) => b.exitTb(reason, 0x1230 + reason)))).toBe(reason);
      expect(envPc()).toBe(BigInt(0x1230 + reason));
    }
  });

  it('pcs above 2^31 and large 64-bit constants encode exactly', () => {
    for (const pc of [0x7fff_fffe, 0x8000_0000, 0xfefe_fffe, 0x4000_0000, 0x12]) {
      expect(runOne(block(pc, (b) => {
        b.insnStart(pc);
        b.stEnv(b.const64(-0x4000_0000_0001n), slotOff(0));
        b.stEnv(b.const64(0x3fff_ffff_ffffn), slotOff(1));
        b.exitTb(ExitReason.SYSCALL, pc + 2);
      }))).toBe(ExitReason.SYSCALL);
      expect([envPc(), res64(0), res64(1)]).toEqual([BigInt(pc + 2), -0x4000_0000_0001n, 0x3fff_ffff_ffffn]);
      mem.dv.setInt32(ENV_ADDR + ENV.EXIT_REQUEST, 1, true);
      expect(runOne(block(pc, (b) => b.exitTb(ExitReason.SYSCALL, 0)))).toBe(ExitReason.INTERRUPT);
      expect(envPc()).toBe(BigInt(pc));
      mem.dv.setInt32(ENV_ADDR + ENV.EXIT_REQUEST, 0, true);
    }
  });

  /** A: counter += 1; goto_tb B.   B: if (counter >= n) exit; goto_tb A. */
  function countingPair(n: number): TranslatedBlock[] {
    const a = block(0x1000, (b) => {
      b.stEnv(b.binary('add_i64', b.ldEnv('i64', slotOff(0)), b.const64(1)), slotOff(0));
      b.gotoTb(0x2000);
    });
    const bb = block(0x2000, (b) => {
      const done = b.newLabel();
      b.brcond('geu', b.ldEnv('i64', slotOff(0)), b.const64(n), done);
      b.gotoTb(0x1000);
      b.setLabel(done);
      b.exitTb(ExitReason.SYSCALL, 0x2000);
    });
    return [a, bb];
  }

  it('goto_tb chains within one region without returning (1e5 iterations)', () => {
    const r = backend.compile(countingPair(100_000));
    expect(backend.run(r.slots[0], ENV_ADDR)).toBe(ExitReason.SYSCALL);
    expect(res64(0)).toBe(100_000n);
    backend.release(r);
  });

  it('a long-running region returns LOOKUP now and then (its budget), and resumes where it was', () => {
    const r = backend.compile(countingPair(3_000_000));
    const slotOf = new Map([[0x1000n, r.slots[0]], [0x2000n, r.slots[1]]]);
    let returns = 0;
    let reason = backend.run(r.slots[0], ENV_ADDR);
    while (reason === ExitReason.LOOKUP) {
      returns++;
      reason = backend.run(slotOf.get(envPc()) as number, ENV_ADDR);
    }
    expect(reason).toBe(ExitReason.SYSCALL);
    expect(res64(0)).toBe(3_000_000n);
    expect(returns).toBeGreaterThan(0);
    expect(returns).toBeLessThan(100);
    backend.release(r);
  });

  it('goto_tb and goto_ptr to another region continue there through the hub when the jump cache knows it, else return LOOKUP', () => {
    // target: counter += 1; exit EXCEPTION at 0x4000
    const target = backend.compile([block(0x4000, (b) => {
      b.stEnv(b.binary('add_i64', b.ldEnv('i64', slotOff(0)), b.const64(1)), slotOff(0));
      b.exitTb(ExitReason.EXCEPTION, 0x4000);
    })]);
    const viaTb = block(0x3000, (b) => b.gotoTb(0x4000));
    const viaPtr = block(0x3100, (b) => b.gotoPtr(b.ldEnv('i64', slotOff(2))));
    const src = backend.compile([viaTb, viaPtr]);
    mem.dv.setBigInt64(ENV_ADDR + slotOff(2), 0x4000n, true);
    mem.dv.setBigInt64(ENV_ADDR + slotOff(0), 0n, true);
    // The jump cache does not know 0x4000: the CPU loop takes over.
    for (const slot of src.slots) {
      mem.dv.setBigInt64(ENV_ADDR, 0n, true);
      expect(backend.run(slot, ENV_ADDR)).toBe(ExitReason.LOOKUP);
      expect(envPc()).toBe(0x4000n);
    }
    expect(res64(0)).toBe(0n);
    // It does: the target region runs without a return to the CPU loop.
    setJumpCache(0x4000, target.slots[0]);
    for (const slot of src.slots) {
      mem.dv.setBigInt64(ENV_ADDR, 0n, true);
      expect(backend.run(slot, ENV_ADDR)).toBe(ExitReason.EXCEPTION);
      expect(envPc()).toBe(0x4000n);
    }
    expect(res64(0)).toBe(2n);
    // A released region is never entered again: its jump-cache entries are emptied.
    backend.release(target);
    mem.dv.setBigInt64(ENV_ADDR, 0n, true);
    expect(backend.run(src.slots[0], ENV_ADDR)).toBe(ExitReason.LOOKUP);
    expect(envPc()).toBe(0x4000n);
    expect(res64(0)).toBe(2n);
    backend.release(src);
  });

  it('the hub hands one jump between regions in HOP_SAMPLE_RATE to the CPU loop, saying where from', () => {
    // A: counter += 1; goto_tb B.   B: goto_tb A.   Separate regions, both in the jump cache.
    const a = backend.compile([block(0x7000, (b) => {
      b.stEnv(b.binary('add_i64', b.ldEnv('i64', slotOff(0)), b.const64(1)), slotOff(0));
      b.gotoTb(0x7100);
    })]);
    const bb = backend.compile([block(0x7100, (b) => b.gotoTb(0x7000))]);
    setJumpCache(0x7000, a.slots[0]);
    setJumpCache(0x7100, bb.slots[0]);
    mem.dv.setBigInt64(ENV_ADDR + slotOff(0), 0n, true);
    let reason = backend.run(a.slots[0], ENV_ADDR);
    const samples: [bigint, number][] = [];
    for (let i = 0; i < 4 && reason === ExitReason.HOP_SAMPLE; i++) {
      samples.push([envPc(), mem.dv.getInt32(ENV_ADDR + ENV.HOP_FROM, true)]);
      reason = backend.run(envPc() === 0x7000n ? a.slots[0] : bb.slots[0], ENV_ADDR);
    }
    expect(samples).toHaveLength(4);
    // Every sample is a jump A→B or B→A, with the slot of the region it left.
    for (const [pc, from] of samples) expect(pc === 0x7000n ? from === bb.slots[0] : pc === 0x7100n && from === a.slots[0]).toBe(true);
    // Four samples cover about 4 × HOP_SAMPLE_RATE jumps, two per count.
    expect(Number(res64(0))).toBeGreaterThan(HOP_SAMPLE_RATE);
    expect(Number(res64(0))).toBeLessThanOrEqual(3 * HOP_SAMPLE_RATE);
    backend.release(a);
    backend.release(bb);
  });

  it('goto_ptr to a block of the same region is a branch when the jump cache knows it', () => {
    // A: counter += 1; goto_ptr (env slot 2).   B: exit SYSCALL.
    const a = block(0x6000, (b) => {
      b.stEnv(b.binary('add_i64', b.ldEnv('i64', slotOff(0)), b.const64(1)), slotOff(0));
      b.gotoPtr(b.ldEnv('i64', slotOff(2)));
    });
    const bb = block(0x6100, (b) => b.exitTb(ExitReason.SYSCALL, 0x6100));
    const r = backend.compile([a, bb]);
    mem.dv.setBigInt64(ENV_ADDR + slotOff(2), 0x6100n, true);
    expect(backend.run(r.slots[0], ENV_ADDR)).toBe(ExitReason.LOOKUP); // a miss
    expect(envPc()).toBe(0x6100n);
    setJumpCache(0x6100, r.slots[1]);
    expect(backend.run(r.slots[0], ENV_ADDR)).toBe(ExitReason.SYSCALL); // a hit: no return on the way
    expect(res64(0)).toBe(2n);
    // A different pc sharing the entry's index does not match.
    mem.dv.setBigInt64(ENV_ADDR + slotOff(2), 0x6100n + BigInt(JUMP_CACHE_ENTRIES * 2), true);
    expect(backend.run(r.slots[0], ENV_ADDR)).toBe(ExitReason.LOOKUP);
    expect(envPc()).toBe(0x6100n + BigInt(JUMP_CACHE_ENTRIES * 2));
    backend.release(r);
  });

  it('many regions keep working', () => {
    const regions = Array.from({ length: 40 }, (_, k) =>
      backend.compile(Array.from({ length: 10 }, (_, i) => block(0x10000 + 0x100 * (k * 10 + i), (b) => b.exitTb(ExitReason.SYSCALL, k * 10 + i)))));
    regions.forEach((r, k) => r.slots.forEach((s, i) => {
      expect(backend.run(s, ENV_ADDR)).toBe(ExitReason.SYSCALL);
      expect(envPc()).toBe(BigInt(k * 10 + i));
    }));
    for (const r of regions) backend.release(r);
  });
});

describe('helper calls', () => {
  const seenPc: bigint[] = [];
  const seenSlot0: bigint[] = [];
  const ids = helpers.registerAll({
    add3: { name: 'test_add3', args: ['i32', 'i32', 'i32'], ret: 'i32', fn: (_c, a: number, b: number, c: number) => a + b + c },
    mul64: { name: 'test_mul64', args: ['i64', 'i64'], ret: 'i64', fn: (_c, a: bigint, b: bigint) => BigInt.asIntN(64, a * b) },
    hyp: { name: 'test_hyp', args: ['f64', 'f64'], ret: 'f64', fn: (_c, a: number, b: number) => Math.hypot(a, b) },
    half: { name: 'test_half', args: ['f32'], ret: 'f32', fn: (_c, a: number) => a / 2 },
    notePc: { name: 'test_note_pc', args: ['i32'], ret: null, fn: (ctx, env: number) => { seenPc.push(ctx.mem.dv.getBigInt64(env + ENV.PC, true)); } },
    mix: { name: 'test_mix', args: ['i32', 'i64'], ret: 'i64', fn: (_c, a: number, b: bigint) => BigInt(a) + b },
    boom: { name: 'test_boom', args: [], ret: null, fn: () => { throw new Error('boom'); } },
    noteSlot0: { name: 'test_note_slot0', args: ['i32'], ret: null, fn: (ctx, env: number) => { seenSlot0.push(ctx.mem.dv.getBigInt64(env + slotOff(0), true)); } },
  });

  it('passes i32, i64, f32 and f64 arguments and results', () => {
    const blk = block(0x1000, (b) => {
      b.insnStart(0x1000);
      b.stEnv(b.call(ids.add3, [b.const32(1), b.const32(2), b.const32(-10)])!, slotOff(0));
      b.insnStart(0x1004);
      b.stEnv(b.call(ids.mul64, [b.const64(0x100000001n), b.const64(-3)])!, slotOff(1));
      const f64 = (x: number) => b.unary('bitcast_i64_f64', b.const64(new BigInt64Array(new Float64Array([x]).buffer)[0]));
      b.stEnv(b.unary('bitcast_f64_i64', b.call(ids.hyp, [f64(3), f64(4)])!), slotOff(2));
      const f32 = b.unary('bitcast_i32_f32', b.const32(new Int32Array(new Float32Array([5]).buffer)[0]));
      b.stEnv(b.unary('bitcast_f32_i32', b.call(ids.half, [f32])!), slotOff(3));
      b.stEnv(b.call(ids.mix, [b.const32(-1), b.const64(1n)])!, slotOff(4));
      b.insnStart(0x1008);
      b.call(ids.notePc, [b.envPtr()]);
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    seenPc.length = 0;
    runOne(blk);
    expect(res32(0)).toBe(-7);
    expect(res64(1)).toBe(-0x300000003n);
    expect(mem.dv.getFloat64(ENV_ADDR + slotOff(2), true)).toBe(5);
    expect(mem.dv.getFloat32(ENV_ADDR + slotOff(3), true)).toBe(2.5);
    expect(seenPc).toEqual([0x1008n]);
    // i32 arguments arrive unsigned (as the env pointer must).
    expect(res64(4)).toBe(0x1_0000_0000n);
  });

  it('a region that loops keeps registers in locals: helpers see them in env, and a fault leaves them there', () => {
    // A: slot0 += 1; note slot0 (a helper reading env); goto_tb B.
    // B: if (slot0 < 3) goto_tb A (a loop: A's registers are cached); else load from an unmapped page.
    const a = block(0x2000, (b) => {
      b.insnStart(0x2000);
      b.stEnv(b.binary('add_i64', b.ldEnv('i64', slotOff(0)), b.const64(1)), slotOff(0));
      b.insnStart(0x2004);
      b.call(ids.noteSlot0, [b.envPtr()]);
      b.gotoTb(0x2100);
    });
    const bb = block(0x2100, (b) => {
      const again = b.newLabel();
      b.insnStart(0x2100);
      b.brcond('lt', b.ldEnv('i64', slotOff(0)), b.const64(3), again);
      b.insnStart(0x2104);
      b.stEnv(b.qemuLd('i64', b.const64(0x5000_0000), MEMOP.UQ), slotOff(1));
      b.exitTb(ExitReason.SYSCALL, 0x2108);
      b.setLabel(again);
      b.gotoTb(0x2000);
    });
    const r = backend.compile([a, bb]);
    mem.dv.setBigInt64(ENV_ADDR + slotOff(0), 0n, true);
    seenSlot0.length = 0;
    expect(() => backend.run(r.slots[0], ENV_ADDR)).toThrow(GuestFault);
    expect(seenSlot0).toEqual([1n, 2n, 3n]);
    expect(res64(0)).toBe(3n);
    expect(envPc()).toBe(0x2104n);
    backend.release(r);
  });

  it('a throwing helper propagates with env.pc at its instruction', () => {
    const blk = block(0x1000, (b) => {
      b.insnStart(0x1000);
      b.insnStart(0x100c);
      b.call(ids.boom, []);
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    expect(() => runOne(blk)).toThrow('boom');
    expect(envPc()).toBe(0x100cn);
  });
});

describe('diagnostics', () => {
  it('logs the module text for out_asm and counts compilations', () => {
    const logs: string[] = [];
    const be = new WasmBackend({ mem, helpers, logOutAsm: (t) => logs.push(t) });
    runOne(block(0x1230, (b) => {
      b.stEnv(b.binary('add_i32', b.const32(1), b.const32(2)), slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    }), be);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('0x1230');
    expect(logs[0]).toContain('i32.add');
    expect(be.modulesCompiled).toBe(1);
    expect(be.blocksCompiled).toBe(1);
    expect(be.compileTimeMs).toBeGreaterThan(0);
    expect(be.wasmBytes).toBeGreaterThan(0);
  });
});

describe('differential: wasm and tier 0 vs interpreter', () => {
  const ENV2 = ENV_ADDR + ENV_BLOCK_SIZE;
  const ENV3 = ENV_ADDR + 2 * ENV_BLOCK_SIZE;
  const interp = new InterpBackend({ mem, helpers });
  const tier0 = new Tier0Backend({ mem, helpers });

  /** Runs the block on the interpreter, the wasm backend and tier 0, each with its own env block, and compares them. */
  function runBoth(blk: TranslatedBlock, prepare: (env: number) => void = () => {}): void {
    const out: Uint8Array[] = [];
    const reasons: number[] = [];
    for (const [be, env] of [[interp, ENV2], [backend, ENV_ADDR], [tier0, ENV3]] as const) {
      clearEnv(env);
      prepare(env);
      const r = be.compile([blk]);
      reasons.push(be.run(r.slots[0], env));
      be.release(r);
      out.push(mem.u8.slice(env, env + ENV_BLOCK_SIZE));
    }
    for (const k of [1, 2]) {
      expect(reasons[k], BACKEND_NAMES[k]).toBe(reasons[0]);
      const diff = out[k].findIndex((x, i) => x !== out[0][i]);
      expect(diff, `${BACKEND_NAMES[k]}: env differs at byte ${diff}`).toBe(-1);
    }
  }

  for (const w of [32, 64] as const) {
    const t = w === 32 ? 'i32' : 'i64';
    it(`binary ops ${t}`, () => {
      for (const name of BINARY) {
        for (const cases of chunks(pairs(w === 32 ? VALUES32 : VALUES64), MAX_RESULTS)) runBoth(binaryBlock(`${name}_${t}` as Opcode, w, cases));
      }
    });
  }

  it('unary ops', () => {
    for (const w of [32, 64] as const) for (const name of unaryOps(w)) runBoth(unaryBlock(name, w));
  });

  it('conditions', () => {
    for (const w of [32, 64] as const) {
      const mk = (b: IrBuilder, v: bigint) => (w === 32 ? b.const32(Number(BigInt.asIntN(32, v))) : b.const64(v));
      for (const cond of CONDS) {
        runBoth(block(0x1000, (b) => {
          pairs(w === 32 ? [0, 1, -1, -0x80000000, 0x7fffffff] : [0n, -1n, 1n << 63n, 0x100000000n]).forEach(({ a, b: c }, i) => {
            const [x, y] = [mk(b, a), mk(b, c)];
            b.stEnv(b.setcond(cond, x, y), slotOff(2 * i));
            b.stEnv(b.movcond(cond, y, x, x, y), slotOff(2 * i + 1));
          });
          b.exitTb(ExitReason.SYSCALL, 0);
        }));
      }
    }
  });

  it('i64 ops and conditions with one constant operand', () => {
    // (tier 0 takes a constant used once as an immediate operand, written into the instruction)
    const n = VALUES64.length;
    const prepare = (env: number) => VALUES64.forEach((v, i) => mem.dv.setBigInt64(env + slotOff(i), v, true));
    for (const name of ['add', 'sub', 'and', 'or', 'xor', 'shl', 'shr', 'sar'] as const) {
      runBoth(block(0x1000, (b) => {
        VALUES64.forEach((_, i) => {
          const x = b.ldEnv('i64', slotOff(i));
          b.stEnv(b.binary(`${name}_i64`, x, b.const64(VALUES64[(7 * i + 1) % n])), slotOff(n + 2 * i));
          b.stEnv(b.binary(`${name}_i64`, b.const64(VALUES64[(5 * i + 3) % n]), b.ldEnv('i64', slotOff(i))), slotOff(n + 2 * i + 1));
        });
        b.exitTb(ExitReason.SYSCALL, 0);
      }), prepare);
    }
    for (const cond of CONDS) {
      runBoth(block(0x1000, (b) => {
        VALUES64.forEach((_, i) => {
          const k = (3 * i + 2) % n;
          b.stEnv(b.setcond(cond, b.ldEnv('i64', slotOff(i)), b.const64(VALUES64[k])), slotOff(n + 2 * i));
          const skip = b.newLabel();
          b.stEnv(b.const64(1), slotOff(n + 2 * i + 1));
          b.brcond(cond, b.ldEnv('i64', slotOff(i)), b.const64(VALUES64[k]), skip);
          b.stEnv(b.const64(2), slotOff(n + 2 * i + 1));
          b.setLabel(skip);
        });
        b.exitTb(ExitReason.SYSCALL, 0);
      }), prepare);
    }
  });

  it('a constant written after its one read in a loop', () => {
    runBoth(block(0x1000, (b) => {
      const [i, s, c] = [b.newTemp('i64'), b.newTemp('i64'), b.newTemp('i64')];
      b.emit('movi_i64', [i], [], [0n]);
      b.emit('movi_i64', [s], [], [0n]);
      const top = b.newLabel();
      const skip = b.newLabel();
      b.setLabel(top);
      b.brcond('eq', i, b.const64(0), skip);
      b.emit('add_i64', [s], [s, c]); // c from the iteration before
      b.setLabel(skip);
      b.emit('movi_i64', [c], [], [5n]);
      b.emit('add_i64', [i], [i, b.const64(1)]);
      b.brcond('ltu', i, b.const64(4), top);
      b.stEnv(s, slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    }));
    expect(res64(0, ENV_ADDR + 2 * ENV_BLOCK_SIZE)).toBe(15n);
  });

  it('a loop with loads, stores and conditions', () => {
    const PAGE = 0x20000;
    mem.setProt(PAGE, PAGE_SIZE, PERM.READ | PERM.WRITE);
    for (let i = 0; i < 64; i++) mem.u8[PAGE + i] = (i * 37) & 0xff;
    const blk = block(0x1000, (b) => {
      // for (i = 0; i < 64; i++) { x = sb[PAGE+i]; s += x; m = max(m, x); st16[PAGE+256+2i] = x*3 }
      const i = b.newTemp('i64');
      const s = b.newTemp('i64');
      const m = b.newTemp('i64');
      for (const t of [i, s, m]) b.emit('movi_i64', [t], [], [0n]);
      const top = b.newLabel();
      b.setLabel(top);
      const addr = b.binary('add_i64', b.const64(PAGE), i);
      const x = b.qemuLd('i64', addr, MEMOP.SB);
      b.emit('add_i64', [s], [s, x]);
      b.emit('movcond_i64', [m], [x, m, x, m], [CONDS.indexOf('gt')]);
      const a2 = b.binary('add_i64', b.const64(PAGE + 256), b.binary('shl_i64', i, b.const64(1)));
      b.qemuSt(b.binary('mul_i64', x, b.const64(3)), a2, MEMOP.UW);
      b.emit('add_i64', [i], [i, b.const64(1)]);
      b.brcond('ltu', i, b.const64(64), top);
      b.stEnv(s, slotOff(0));
      b.stEnv(m, slotOff(1));
      b.stEnv(b.qemuLd('i64', b.const64(PAGE + 256 + 20), MEMOP.SW), slotOff(2));
      b.exitTb(ExitReason.SYSCALL, 0x1040);
    });
    runBoth(blk);
  });
});

describe('vector ops: wasm SIMD and tier 0 vs the interpreter', () => {
  const ENV2 = ENV_ADDR + ENV_BLOCK_SIZE;
  const ENV3 = ENV_ADDR + 2 * ENV_BLOCK_SIZE;
  const interp = new InterpBackend({ mem, helpers });
  const tier0 = new Tier0Backend({ mem, helpers });
  /** Random 128-bit values with edge lanes: zeros, all ones, sign bits, FP specials, small numbers. */
  const VECS: bigint[] = [];
  let seed = 0x1234_5678n;
  const rnd = (): bigint => {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
    return seed;
  };
  for (let i = 0; i < 6; i++) VECS.push((rnd() << 64n) | rnd());
  VECS.push(0n, (1n << 128n) - 1n, 0x80000000_00000001_7fffffff_ffffffffn, 0x7ff00000_00000000_3ff00000_00000000n,
    0x7fc00000_3f800000_80000000_00800000n, 0x0102030405060708_1112131415161718n);

  /** Runs `build(a, b)` over every pair of test vectors on both backends and compares the env blocks. */
  function runPairs(build: (b: IrBuilder, x: Temp, y: Temp) => Temp | null): void {
    for (const [, env] of [[interp, ENV2], [backend, ENV_ADDR], [tier0, ENV3]] as const) {
      clearEnv(env);
      VECS.forEach((v, i) => {
        mem.dv.setBigUint64(env + slotOff(2 * i), v & ((1n << 64n) - 1n), true);
        mem.dv.setBigUint64(env + slotOff(2 * i + 1), v >> 64n, true);
      });
    }
    const n = VECS.length;
    const blk = block(0x1000, (b) => {
      let k = 0;
      for (let i = 0; i < n; i += 2) {
        const x = b.ldEnv('v128', slotOff(2 * i));
        const y = b.ldEnv('v128', slotOff(2 * ((i + 1) % n)));
        const r = build(b, x, y);
        if (r) b.stEnv(r.type === 'v128' ? r : b.vec('vsplat_i64', [r.type === 'i64' ? r : b.unary('extu_i32_i64', r)], [3]), slotOff(2 * n + 2 * k++));
      }
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    const out: Uint8Array[] = [];
    for (const [be, env] of [[interp, ENV2], [backend, ENV_ADDR], [tier0, ENV3]] as const) {
      const r = be.compile([blk]);
      expect(be.run(r.slots[0], env)).toBe(ExitReason.SYSCALL);
      be.release(r);
      out.push(mem.u8.slice(env, env + ENV_BLOCK_SIZE));
    }
    for (const k of [1, 2]) {
      const diff = out[k].findIndex((x, i) => x !== out[0][i]);
      expect(diff, `${BACKEND_NAMES[k]}: env differs at byte ${diff}`).toBe(-1);
    }
  }

  const LANE_BINARY: [Opcode, number][] = [
    ['vadd', 0b1111], ['vsub', 0b1111], ['vmul', 0b1110], ['vmin_s', 0b0111], ['vmin_u', 0b0111], ['vmax_s', 0b0111],
    ['vmax_u', 0b0111], ['vadd_sat_s', 0b0011], ['vadd_sat_u', 0b0011], ['vsub_sat_s', 0b0011], ['vsub_sat_u', 0b0011],
    ['vcmpeq', 0b1111], ['vcmpgt_s', 0b1111], ['vcmpge_s', 0b1111], ['vcmpgt_u', 0b0111], ['vcmpge_u', 0b0111],
    ['vfadd', 0b1100], ['vfsub', 0b1100], ['vfmul', 0b1100], ['vfdiv', 0b1100], ['vfcmpeq', 0b1100], ['vfcmplt', 0b1100], ['vfcmple', 0b1100],
  ];
  const LANE_UNARY: [Opcode, number][] = [
    ['vneg', 0b1111], ['vabs', 0b1111], ['vpopcnt', 0b0001], ['vext_low_s', 0b0111], ['vext_low_u', 0b0111],
    ['vext_high_s', 0b0111], ['vext_high_u', 0b0111], ['vfneg', 0b1100], ['vfabs', 0b1100], ['vfsqrt', 0b1100],
  ];
  // (vfmin/vfmax differ only in which NaN comes out, which neither backend pins down; they are checked without NaNs below.)

  it('lane-wise binary and unary ops, every lane size', () => {
    for (const [op, sizes] of LANE_BINARY) for (let e = 0; e < 4; e++) if ((sizes >> e) & 1) runPairs((b, x, y) => b.vec(op, [x, y], [e]));
    for (const [op, sizes] of LANE_UNARY) for (let e = 0; e < 4; e++) if ((sizes >> e) & 1) runPairs((b, x) => b.vec(op, [x], [e]));
  });

  it('bitwise ops, shuffles, swizzle, all/any true', () => {
    for (const op of ['vand', 'vor', 'vxor', 'vandn'] as const) runPairs((b, x, y) => b.vec(op, [x, y]));
    runPairs((b, x) => b.vec('vnot', [x]));
    runPairs((b, x, y) => b.vec('vbitsel', [x, y, b.vec('vxor', [x, y])]));
    runPairs((b, x, y) => b.vec('vshuffle', [x, y], [0x1f1e0d0c_17160504_0f0e1f10_03020100n]));
    runPairs((b, x, y) => b.vec('vswizzle', [x, b.vec('vand', [y, b.constV(0x1f1f1f1f_1f1f1f1f_1f1f1f1f_1f1f1f1fn)])]));
    for (let e = 0; e < 4; e++) runPairs((b, x) => b.vec('vall_true', [x], [e]));
    runPairs((b, x) => b.vec('vany_true', [x]));
  });

  it('shifts by every count', () => {
    for (let e = 0; e < 4; e++) {
      for (const sh of [0, 1, (8 << e) - 1, 3]) {
        if (sh >= 8 << e) continue;
        for (const op of ['vshl_i', 'vshr_u_i', 'vshr_s_i'] as const) runPairs((b, x) => b.vec(op, [x], [e, sh]));
      }
    }
  });

  it('splat, extract and replace lanes', () => {
    for (let e = 0; e < 3; e++) {
      runPairs((b, x) => b.vec('vsplat_i32', [b.vec('vextract_i32', [x], [e, 1])], [e]));
      runPairs((b, x, y) => b.vec('vreplace_i32', [x, b.vec('vextract_i32', [y, ], [e, (16 >> e) - 1])], [e, 0]));
    }
    runPairs((b, x) => b.vec('vsplat_i64', [b.vec('vextract_i64', [x], [3, 1])], [3]));
    runPairs((b, x, y) => b.vec('vreplace_i64', [x, b.vec('vextract_i64', [y], [3, 0])], [3, 1]));
  });

  it('outputs that overwrite an input', () => {
    // (tier 0 computes lanes in place in its temps: a result must not clobber an input it still reads)
    const over = (op: Opcode, consts: (number | bigint)[]) => (b: IrBuilder, x: Temp, y: Temp) => {
      const a = b.vec('vor', [x, x]);
      b.emit(op, [a], [a, y], consts);
      const c = b.vec('vor', [y, y]);
      b.emit(op, [c], [x, c], consts);
      return b.vec('vxor', [a, c]);
    };
    for (let e = 0; e < 4; e++) for (const op of ['vadd', 'vsub', 'vcmpeq', 'vcmpgt_s'] as const) runPairs(over(op, [e]));
    for (let e = 0; e < 3; e++) for (const op of ['vmin_u', 'vmax_s', 'vcmpge_u'] as const) runPairs(over(op, [e]));
    runPairs(over('vshuffle', [0x1f1e0d0c_17160504_0f0e1f10_03020100n]));
    runPairs(over('vswizzle', []));
    runPairs((b, x, y) => {
      const a = b.vec('vor', [x, x]);
      b.emit('vbitsel', [a], [y, a, a]);
      return a;
    });
    for (let e = 0; e < 3; e++) runPairs((b, x, y) => {
      const a = b.vec('vor', [x, x]);
      b.emit('vreplace_i32', [a], [a, b.vec('vextract_i32', [y], [e, 1])], [e, (8 >> e) + 1]);
      return a;
    });
  });

  it('fma and min/max on numbers', () => {
    for (const e of [2, 3]) {
      // keep lanes finite numbers: clear each lane's top exponent bit
      const mask = e === 3 ? 0xbfffffff_ffffffff_bfffffff_ffffffffn : 0xbfffffff_bfffffff_bfffffff_bfffffffn;
      const num = (b: IrBuilder, x: Temp): Temp => b.vec('vand', [x, b.constV(mask)]);
      runPairs((b, x, y) => b.vec('vfma', [num(b, x), num(b, y), num(b, b.vec('vxor', [x, y]))], [e]));
      runPairs((b, x, y) => b.vec('vfmin', [num(b, x), num(b, y)], [e]));
      runPairs((b, x, y) => b.vec('vfmax', [num(b, x), num(b, y)], [e]));
    }
  });

  it('16-byte loads and stores, and a fault on the second page', () => {
    const PAGE = 0x30000;
    mem.setProt(PAGE, PAGE_SIZE, PERM.READ | PERM.WRITE);
    mem.setProt(PAGE + PAGE_SIZE, PAGE_SIZE, 0);
    for (let i = 0; i < 64; i++) mem.u8[PAGE + i] = i;
    const blk = block(0x1000, (b) => {
      const v = b.newTemp('v128');
      b.emit('qemu_ld_v128', [v], [b.const64(PAGE + 3)]);
      b.emit('qemu_st_v128', [], [v, b.const64(PAGE + 40)]);
      b.stEnv(v, slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    expect(runOne(blk)).toBe(ExitReason.SYSCALL);
    expect(res64(0)).toBe(0x0a09080706050403n);
    expect(mem.u8[PAGE + 40 + 15]).toBe(18);
    const bad = block(0x1000, (b) => {
      b.insnStart(0x1004);
      const v = b.newTemp('v128');
      b.emit('qemu_ld_v128', [v], [b.const64(PAGE + PAGE_SIZE - 8)]);
      b.stEnv(v, slotOff(0));
      b.exitTb(ExitReason.SYSCALL, 0);
    });
    expect(() => runOne(bad)).toThrow(GuestFault);
    expect(envPc()).toBe(0x1004n);
  });
});

describe('fused multiply-add', () => {
  const interp = new InterpBackend({ mem, helpers });
  /** Values where a*b+c rounded once differs from rounded twice, plus edges of the exact range. */
  const F64 = [1 + 2 ** -30, 1 - 2 ** -30, -1, 0.1, 3, 1e300, -1e-300, 2 ** -900, 2 ** 900, 1.5, -2.25, 7e-310, 0, -0, 123456.789];
  const F32 = [1 + 2 ** -12, 1 - 2 ** -12, -1, 0.1, 3, 1e30, -1e-30, 1.5, -2.25, 0, 1e-40];

  function fmaBlock(t: 'f32' | 'f64', values: number[]): TranslatedBlock {
    return block(0x1000, (b) => {
      let k = 0;
      const c = (x: number) => t === 'f64'
        ? b.unary('bitcast_i64_f64', b.const64(new BigInt64Array(new Float64Array([x]).buffer)[0]))
        : b.unary('bitcast_i32_f32', b.const32(new Int32Array(new Float32Array([x]).buffer)[0]));
      for (let i = 0; i < values.length && k < MAX_RESULTS; i++) {
        for (let j = 0; j < values.length && k < MAX_RESULTS; j += 3) {
          const r = b.newTemp(t);
          b.emit(`fma_${t}`, [r], [c(values[i]), c(values[j]), c(values[(i + j) % values.length])]);
          b.stEnv(t === 'f64' ? b.unary('bitcast_f64_i64', r) : b.unary('extu_i32_i64', b.unary('bitcast_f32_i32', r)), slotOff(k++));
        }
      }
      b.exitTb(ExitReason.SYSCALL, 0);
    });
  }
  /** Each wasm result must equal the interpreter's exact one, or be NaN (the op allows a backend to decline). */
  function check(t: 'f32' | 'f64'): void {
    const blk = fmaBlock(t, t === 'f64' ? F64 : F32);
    const results: bigint[][] = [];
    for (const be of [backend, interp]) {
      clearEnv();
      runOne(blk, be);
      results.push(Array.from({ length: MAX_RESULTS }, (_, i) => res64(i)));
    }
    const isNaN = (bits: bigint) => (t === 'f64' ? Number.isNaN(new Float64Array(new BigInt64Array([bits]).buffer)[0]) : Number.isNaN(new Float32Array(new Int32Array([Number(bits)]).buffer)[0]));
    results[0].forEach((w, i) => {
      if (w !== results[1][i]) expect(isNaN(w), `result ${i}`).toBe(true);
    });
  }

  it('the hardware path (when the host has it) matches the exact rounding', () => {
    check('f64');
    check('f32');
  });

  it('the error-free emulation matches the exact rounding', () => {
    const saved = wasmFeatures();
    setWasmFeatures({ fusedMadd: false });
    try {
      check('f64');
      check('f32');
    } finally {
      setWasmFeatures(saved);
    }
  });
});
