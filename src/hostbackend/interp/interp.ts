// The reference backend: interprets TCG IR op by op, like QEMU's TCI. It is written
// for obviousness, not speed — i64 values are bigints — so that the WebAssembly
// backend can be checked against it (`-accel tcg,backend=interp`). It honours the
// same contract (src/hostbackend/backend.ts): exit requests at block entry, chaining
// through the jump cache, precise faults with env.PC set.

import { CONDS, memopSigned, memopSize, type Cond, type Opcode } from '../../tcg/opcodes.js';
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
      const pure = PURE_OPS[o.op];
      const a = o.ins.map((x) => t[x.id]);
      const out = o.outs[0];
      if (pure) {
        t[out.id] = pure(a, o.consts);
        continue;
      }
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
            throw new Error(`interp: op ${o.op} is not implemented`);
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

type PureFn = (a: readonly Value[], consts: readonly Value[]) => Value;

/** The integer ops that exist as _i32 and _i64, written once over the width W. */
function intSemantics(W: 32 | 64): Record<string, PureFn> {
  const B = BigInt(W);
  const big = (v: Value): bigint => (typeof v === 'bigint' ? v : BigInt(v));
  const wrap = (v: bigint): Value => (W === 64 ? i64(v) : Number(BigInt.asIntN(32, v)));
  const uns = (v: Value): bigint => BigInt.asUintN(W, big(v));
  const sgn = (v: Value): bigint => BigInt.asIntN(W, big(v));
  const count = (v: Value): bigint => uns(v) & (B - 1n);
  const is64 = W === 64;
  return {
    mov: (a) => a[0],
    movi: (_a, c) => (is64 ? i64(big(c[0])) : Number(c[0]) | 0),
    add: (a) => wrap(big(a[0]) + big(a[1])),
    sub: (a) => wrap(big(a[0]) - big(a[1])),
    mul: (a) => wrap(big(a[0]) * big(a[1])),
    and: (a) => wrap(big(a[0]) & big(a[1])),
    or: (a) => wrap(big(a[0]) | big(a[1])),
    xor: (a) => wrap(big(a[0]) ^ big(a[1])),
    shl: (a) => wrap(big(a[0]) << count(a[1])),
    shr: (a) => wrap(uns(a[0]) >> count(a[1])),
    sar: (a) => wrap(sgn(a[0]) >> count(a[1])),
    rotl: (a) => { const s = count(a[1]); return wrap((uns(a[0]) << s) | (uns(a[0]) >> ((B - s) % B))); },
    rotr: (a) => { const s = count(a[1]); return wrap((uns(a[0]) >> s) | (uns(a[0]) << ((B - s) % B))); },
    neg: (a) => wrap(-big(a[0])),
    not: (a) => wrap(~big(a[0])),
    // Total division: x/0 = 0, x%0 = x; MIN/-1 wraps to MIN and MIN%-1 = 0.
    div_s: (a) => (sgn(a[1]) === 0n ? wrap(0n) : wrap(sgn(a[0]) / sgn(a[1]))),
    div_u: (a) => (uns(a[1]) === 0n ? wrap(0n) : wrap(uns(a[0]) / uns(a[1]))),
    rem_s: (a) => (sgn(a[1]) === 0n ? wrap(sgn(a[0])) : wrap(sgn(a[0]) % sgn(a[1]))),
    rem_u: (a) => (uns(a[1]) === 0n ? wrap(uns(a[0])) : wrap(uns(a[0]) % uns(a[1]))),
    mulh_s: (a) => wrap((sgn(a[0]) * sgn(a[1])) >> B),
    mulh_u: (a) => wrap((uns(a[0]) * uns(a[1])) >> B),
    mulh_su: (a) => wrap((sgn(a[0]) * uns(a[1])) >> B),
    clz: (a) => (is64 ? clz64(big(a[0])) : Math.clz32(a[0] as number)),
    ctz: (a) => (is64 ? ctz64(big(a[0])) : Number(ctz64(BigInt((a[0] as number) >>> 0) | (1n << 32n)))),
    popcnt: (a) => wrap(popcnt(uns(a[0]))),
    ext8s: (a) => wrap(BigInt.asIntN(8, big(a[0]))),
    ext8u: (a) => wrap(BigInt.asUintN(8, big(a[0]))),
    ext16s: (a) => wrap(BigInt.asIntN(16, big(a[0]))),
    ext16u: (a) => wrap(BigInt.asUintN(16, big(a[0]))),
    setcond: (a, c) => { const r = compare(CONDS[Number(c[0])], a[0], a[1], is64); return is64 ? BigInt(r) : Number(r); },
    movcond: (a, c) => (compare(CONDS[Number(c[0])], a[0], a[1], is64) ? a[2] : a[3]),
  };
}

/** f32/f64 arithmetic: round-to-nearest-even, like wasm (f32 results rounded with fround). */
function floatSemantics(round: (v: number) => number): Record<string, PureFn> {
  const n = (v: Value): number => v as number;
  return {
    fadd: (a) => round(n(a[0]) + n(a[1])),
    fsub: (a) => round(n(a[0]) - n(a[1])),
    fmul: (a) => round(n(a[0]) * n(a[1])),
    fdiv: (a) => round(n(a[0]) / n(a[1])),
    fsqrt: (a) => round(Math.sqrt(n(a[0]))),
    fneg: (a) => -n(a[0]),
    fabs: (a) => Math.abs(n(a[0])),
  };
}

const scratch = new DataView(new ArrayBuffer(8));
function withSuffix(ops: Record<string, PureFn>, suffix: string): Record<string, PureFn> {
  return Object.fromEntries(Object.entries(ops).map(([k, f]) => [`${k}_${suffix}`, f]));
}

/**
 * Every op without effects beyond its output, by opcode: the interpreter executes them
 * and the optimizer folds constants with them, so the two cannot disagree.
 */
export const PURE_OPS: Partial<Record<Opcode, PureFn>> = {
  ...withSuffix(intSemantics(32), 'i32'),
  ...withSuffix(intSemantics(64), 'i64'),
  ...withSuffix(floatSemantics(Math.fround), 'f32'),
  ...withSuffix(floatSemantics((v) => v), 'f64'),
  ext32s_i64: (a) => i64(BigInt.asIntN(32, a[0] as bigint)),
  ext32u_i64: (a) => BigInt.asUintN(32, a[0] as bigint),
  extrl_i64_i32: (a) => Number(BigInt.asIntN(32, a[0] as bigint)),
  extu_i32_i64: (a) => BigInt((a[0] as number) >>> 0),
  exts_i32_i64: (a) => BigInt((a[0] as number) | 0),
  bitcast_i32_f32: (a) => (scratch.setInt32(0, a[0] as number), scratch.getFloat32(0)),
  bitcast_f32_i32: (a) => (scratch.setFloat32(0, a[0] as number), scratch.getInt32(0)),
  bitcast_i64_f64: (a) => (scratch.setBigInt64(0, a[0] as bigint), scratch.getFloat64(0)),
  bitcast_f64_i64: (a) => (scratch.setFloat64(0, a[0] as number), scratch.getBigInt64(0)),
  fcvt_f32_f64: (a) => a[0],
  fcvt_f64_f32: (a) => Math.fround(a[0] as number),
};

/** Evaluates a pure op (see PURE_OPS). */
export function evalPure(op: Opcode, a: readonly Value[], consts: readonly Value[]): Value {
  const f = PURE_OPS[op];
  if (!f) throw new Error(`interp: op ${op} is not a pure op`);
  return f(a, consts);
}
