// The reference backend: interprets TCG IR op by op, like QEMU's TCI. It is written
// for obviousness, not speed — i64 values are bigints — so that the WebAssembly
// backend can be checked against it (`-accel tcg,backend=interp`). It honours the
// same contract (src/hostbackend/backend.ts): exit requests at block entry, chaining
// through the jump cache, precise faults with env.PC set.

import { CONDS, OPCODES, memopSigned, memopSize, type Cond, type Opcode } from '../../tcg/opcodes.js';
import { ENV, ExitReason } from '../../tcg/env.js';
import type { HelperContext, HelperRegistry } from '../../tcg/helpers.js';
import type { IrOp, TranslatedBlock } from '../../tcg/ir.js';
import { JUMP_CACHE, JUMP_CACHE_ENTRY_SIZE, jumpCacheIndex } from '../../memory/layout.js';
import type { GuestMemory } from '../../memory/guest-memory.js';
import type { BackendCaps, BackendOptions, CompiledRegion, HostBackend } from '../backend.js';

type Value = number | bigint;

/** A block prepared for interpretation: its ops and where each label points. */
interface InterpBlock {
  readonly pc: number;
  readonly ops: readonly IrOp[];
  readonly labelAt: readonly number[];
  readonly tempCount: number;
}

const i64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);

export class InterpBackend implements HostBackend {
  readonly name = 'interp' as const;
  readonly caps: BackendCaps = { chaining: true, nativeI64: false };
  private readonly mem: GuestMemory;
  private readonly helpers: HelperRegistry;
  private readonly ctx: HelperContext;
  private readonly blocks: (InterpBlock | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Blocks executed, for -d stats. */
  blocksRun = 0;

  constructor(opts: BackendOptions) {
    this.mem = opts.mem;
    this.helpers = opts.helpers;
    this.ctx = { mem: opts.mem };
  }

  compile(blocks: TranslatedBlock[]): CompiledRegion {
    const slots = blocks.map((b) => {
      const labelAt: number[] = [];
      b.ops.forEach((o, i) => {
        if (o.op === 'set_label') labelAt[Number(o.consts[0])] = i;
      });
      const slot = this.freeSlots.pop() ?? this.blocks.length;
      this.blocks[slot] = { pc: b.pc, ops: b.ops, labelAt, tempCount: b.temps.length };
      return slot;
    });
    return { slots };
  }

  release(region: CompiledRegion): void {
    for (const s of region.slots) {
      this.blocks[s] = undefined;
      this.freeSlots.push(s);
    }
  }

  run(slot: number, env: number): ExitReason {
    const dv = this.mem.dv;
    let block = this.blocks[slot];
    for (;;) {
      if (!block) throw new Error(`interp: no block in slot ${slot}`);
      if (dv.getInt32(env + ENV.EXIT_REQUEST, true) !== 0) {
        dv.setBigInt64(env + ENV.PC, BigInt(block.pc), true);
        return ExitReason.INTERRUPT;
      }
      this.blocksRun++;
      const next = this.execBlock(block, env);
      if (typeof next === 'number') return next as ExitReason;
      // Chain through the jump cache, as translated code does.
      const entry = JUMP_CACHE + jumpCacheIndex(Number(next)) * JUMP_CACHE_ENTRY_SIZE;
      if (dv.getBigInt64(entry, true) === next) {
        block = this.blocks[dv.getInt32(entry + 8, true)];
        continue;
      }
      dv.setBigInt64(env + ENV.PC, next, true);
      return ExitReason.LOOKUP;
    }
  }

  /** Runs one block; returns the next pc (bigint) to chain to, or an ExitReason (number). */
  private execBlock(b: InterpBlock, env: number): bigint | number {
    const t: Value[] = new Array(b.tempCount);
    const dv = this.mem.dv;
    let insnPc = b.pc;
    const ops = b.ops;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i];
      const a = o.ins.map((x) => t[x.id]);
      const out = o.outs[0];
      const set = (v: Value): void => {
        t[out.id] = v;
      };
      try {
        switch (o.op) {
          case 'insn_start': insnPc = Number(o.consts[0]); break;
          case 'set_label': break;
          case 'br': i = b.labelAt[Number(o.consts[0])]; break;
          case 'brcond_i32': case 'brcond_i64':
            if (compare(CONDS[Number(o.consts[0])], a[0], a[1], o.op === 'brcond_i64')) i = b.labelAt[Number(o.consts[1])];
            break;
          case 'goto_tb': return BigInt(o.consts[0]);
          case 'goto_ptr': return u64(a[0] as bigint);
          case 'exit_tb':
            dv.setBigInt64(env + ENV.PC, BigInt(o.consts[1]), true);
            return Number(o.consts[0]);
          case 'env_ptr': set(env); break;
          case 'ld_env_i32': set(dv.getInt32(env + Number(o.consts[0]), true)); break;
          case 'ld_env_i64': set(dv.getBigInt64(env + Number(o.consts[0]), true)); break;
          case 'st_env_i32': dv.setInt32(env + Number(o.consts[0]), a[0] as number, true); break;
          case 'st_env_i64': dv.setBigInt64(env + Number(o.consts[0]), a[0] as bigint, true); break;
          case 'qemu_ld_i32': case 'qemu_ld_i64': {
            dv.setBigInt64(env + ENV.PC, BigInt(insnPc), true);
            const m = Number(o.consts[0]);
            const v = this.mem.load(a[0] as bigint, memopSize(m), memopSigned(m));
            set(o.op === 'qemu_ld_i64' ? i64(v) : Number(BigInt.asIntN(32, v)));
            break;
          }
          case 'qemu_st_i32': case 'qemu_st_i64': {
            dv.setBigInt64(env + ENV.PC, BigInt(insnPc), true);
            this.mem.store(a[1] as bigint, memopSize(Number(o.consts[0])), BigInt(a[0]));
            break;
          }
          case 'call': {
            dv.setBigInt64(env + ENV.PC, BigInt(insnPc), true);
            const def = this.helpers.get(Number(o.consts[0]));
            const r = (def.fn as (ctx: HelperContext, ...args: Value[]) => Value | void)(this.ctx, ...a);
            if (out) set(out.type === 'i64' ? i64(BigInt(r as bigint)) : out.type === 'i32' ? Number(r) | 0 : Number(r));
            break;
          }
          default:
            set(evalPure(o.op, a, o.consts));
        }
      } catch (e) {
        dv.setBigInt64(env + ENV.PC, BigInt(insnPc), true);
        throw e;
      }
    }
    throw new Error(`interp: block at 0x${b.pc.toString(16)} fell off its end`);
  }
}

function compare(c: Cond, x: Value, y: Value, is64: boolean): boolean {
  let a: bigint | number = x;
  let b: bigint | number = y;
  if (c === 'ltu' || c === 'geu' || c === 'leu' || c === 'gtu') {
    a = is64 ? u64(x as bigint) : (x as number) >>> 0;
    b = is64 ? u64(y as bigint) : (y as number) >>> 0;
  }
  switch (c) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'lt': case 'ltu': return a < b;
    case 'ge': case 'geu': return a >= b;
    case 'le': case 'leu': return a <= b;
    case 'gt': case 'gtu': return a > b;
  }
}

const clz64 = (v: bigint): bigint => {
  const u = u64(v);
  const hi = Number(u >> 32n);
  return BigInt(hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(Number(u & 0xffffffffn)));
};
const ctz64 = (v: bigint): bigint => {
  const u = u64(v);
  if (u === 0n) return 64n;
  let n = 0n;
  while (((u >> n) & 1n) === 0n) n++;
  return n;
};
const popcnt = (v: bigint): bigint => {
  let n = 0n;
  for (let u = u64(v); u; u >>= 1n) n += u & 1n;
  return n;
};

/** Ops with no effects beyond their output, shared with the optimizer's constant folding. */
export function evalPure(op: Opcode, a: Value[], consts: readonly Value[]): Value {
  const is64 = op.endsWith('_i64') || op === 'extrl_i64_i32';
  // i64 ops work on bigints; i32 ops are done as i64 on the sign-extended value and truncated.
  const W = is64 ? 64 : 32;
  const big = (v: Value): bigint => (typeof v === 'bigint' ? v : BigInt(v));
  const x = a.length > 0 && typeof a[0] !== 'undefined' ? a[0] : 0;
  const y = a.length > 1 ? a[1] : 0;
  const wrap = (v: bigint): Value => (W === 64 ? i64(v) : Number(BigInt.asIntN(32, v)));
  const unsigned = (v: Value): bigint => BigInt.asUintN(W, big(v));
  const signed = (v: Value): bigint => BigInt.asIntN(W, big(v));
  const shiftCount = (v: Value): bigint => unsigned(v) & BigInt(W - 1);
  const base = op.replace(/_(i32|i64|f32|f64)$/, '');
  if (op.endsWith('_f32') || op.endsWith('_f64')) {
    const f = op.endsWith('_f32') ? Math.fround : (v: number) => v;
    const p = x as number;
    const q = y as number;
    switch (base) {
      case 'fadd': return f(p + q);
      case 'fsub': return f(p - q);
      case 'fmul': return f(p * q);
      case 'fdiv': return f(p / q);
      case 'fsqrt': return f(Math.sqrt(p));
      case 'fneg': return -p;
      case 'fabs': return Math.abs(p);
    }
  }
  switch (op) {
    case 'ext32s_i64': return i64(BigInt.asIntN(32, big(x)));
    case 'ext32u_i64': return BigInt.asUintN(32, big(x));
    case 'extrl_i64_i32': return Number(BigInt.asIntN(32, big(x)));
    case 'extu_i32_i64': return BigInt((x as number) >>> 0);
    case 'exts_i32_i64': return BigInt(x as number | 0);
    case 'bitcast_i32_f32': { const b = new DataView(new ArrayBuffer(4)); b.setInt32(0, x as number); return b.getFloat32(0); }
    case 'bitcast_f32_i32': { const b = new DataView(new ArrayBuffer(4)); b.setFloat32(0, x as number); return b.getInt32(0); }
    case 'bitcast_i64_f64': { const b = new DataView(new ArrayBuffer(8)); b.setBigInt64(0, x as bigint); return b.getFloat64(0); }
    case 'bitcast_f64_i64': { const b = new DataView(new ArrayBuffer(8)); b.setFloat64(0, x as number); return b.getBigInt64(0); }
    case 'fcvt_f32_f64': return x as number;
    case 'fcvt_f64_f32': return Math.fround(x as number);
  }
  switch (base) {
    case 'mov': return x;
    case 'movi': return W === 64 ? i64(big(consts[0])) : Number(consts[0]) | 0;
    case 'add': return wrap(big(x) + big(y));
    case 'sub': return wrap(big(x) - big(y));
    case 'mul': return wrap(big(x) * big(y));
    case 'and': return wrap(big(x) & big(y));
    case 'or': return wrap(big(x) | big(y));
    case 'xor': return wrap(big(x) ^ big(y));
    case 'shl': return wrap(big(x) << shiftCount(y));
    case 'shr': return wrap(unsigned(x) >> shiftCount(y));
    case 'sar': return wrap(signed(x) >> shiftCount(y));
    case 'rotl': { const s = shiftCount(y); return wrap((unsigned(x) << s) | (unsigned(x) >> ((BigInt(W) - s) % BigInt(W)))); }
    case 'rotr': { const s = shiftCount(y); return wrap((unsigned(x) >> s) | (unsigned(x) << ((BigInt(W) - s) % BigInt(W)))); }
    case 'neg': return wrap(-big(x));
    case 'not': return wrap(~big(x));
    case 'div_s': {
      const p = signed(x), q = signed(y);
      if (q === 0n) return wrap(0n);
      return wrap(p / q); // MIN / -1 wraps to MIN
    }
    case 'div_u': { const q = unsigned(y); return q === 0n ? wrap(0n) : wrap(unsigned(x) / q); }
    case 'rem_s': {
      const p = signed(x), q = signed(y);
      if (q === 0n) return wrap(p);
      return wrap(p % q);
    }
    case 'rem_u': { const q = unsigned(y); return q === 0n ? wrap(unsigned(x)) : wrap(unsigned(x) % q); }
    case 'mulh_s': return wrap((signed(x) * signed(y)) >> BigInt(W));
    case 'mulh_u': return wrap((unsigned(x) * unsigned(y)) >> BigInt(W));
    case 'mulh_su': return wrap((signed(x) * unsigned(y)) >> BigInt(W));
    case 'clz': return W === 64 ? clz64(big(x)) : Math.clz32(x as number);
    case 'ctz': return W === 64 ? ctz64(big(x)) : Number(ctz64(BigInt((x as number) >>> 0) | (1n << 32n)));
    case 'popcnt': return wrap(popcnt(unsigned(x)));
    case 'ext8s': return wrap(BigInt.asIntN(8, big(x)));
    case 'ext8u': return wrap(BigInt.asUintN(8, big(x)));
    case 'ext16s': return wrap(BigInt.asIntN(16, big(x)));
    case 'ext16u': return wrap(BigInt.asUintN(16, big(x)));
    case 'setcond': return compare(CONDS[Number(consts[0])], x, y, W === 64) ? (W === 64 ? 1n : 1) : W === 64 ? 0n : 0;
    case 'movcond': return compare(CONDS[Number(consts[0])], x, y, W === 64) ? a[2] : a[3];
  }
  throw new Error(`interp: op ${op} is not implemented (${OPCODES[op] ? 'declared' : 'unknown'})`);
}
