// The reference backend: interprets TCG IR op by op, like QEMU's TCI. It is written
// for obviousness, not speed — i64 values are bigints — so that the WebAssembly
// backend can be checked against it (`-accel tcg,backend=interp`). It honours the
// same contract (src/hostbackend/backend.ts): exit requests at block entry, chaining
// through the jump cache, precise faults with env.PC set.

import { CONDS, memopSigned, memopSize, type AtomicOp, type Cond, type Opcode } from '../../tcg/opcodes.js';
import { ENV, ExitReason } from '../../tcg/env.js';
import type { HelperContext, HelperDef, HelperRegistry } from '../../tcg/helpers.js';
import type { Const, IrOp, TranslatedBlock } from '../../tcg/ir.js';
import { JUMP_CACHE, JUMP_CACHE_ENTRY_SIZE, jumpCacheIndex } from '../../memory/layout.js';
import type { GuestMemory } from '../../memory/guest-memory.js';
import { hostFullFence } from '../../memory/atomics.js';
import type { BackendCaps, BackendOptions, CompiledRegion, HostBackend } from '../backend.js';
import { f32Fma, f64Fma, FpStatus, RoundingMode } from '../../softfloat/index.js';
import { VECTOR_OPS } from './vector.js';

type Value = number | bigint;

/**
 * One IR op prepared for execution: reads and writes the temps array and returns
 * NEXT, the op index to continue at (a branch), or EXIT after setting `exit`.
 */
type Step = (t: Value[], env: number) => number;
const NEXT = -1;
const EXIT = -2;

/** A block prepared for interpretation. */
interface InterpBlock {
  readonly pc: number;
  readonly steps: readonly Step[];
  /**
   * The block's temps, kept from one run to the next: a run writes every temp before it
   * reads it (temps are block-local, and a block never runs inside itself), except the
   * temps that hold one constant for the whole block, filled in once by prepare().
   */
  readonly temps: Value[];
}

/** Argument arrays for pure ops, by arity (an op with more inputs gets its own). */
const SCRATCH_ARGS: Value[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0]];

const i64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
/** Sets env.PC to the instruction an op belongs to. */
const setPc = (dv: DataView, env: number, pc: bigint): void => dv.setBigInt64(env + ENV.PC, pc, true);

export class InterpBackend implements HostBackend {
  readonly name = 'interp' as const;
  readonly caps: BackendCaps = { chaining: true, nativeI64: false };
  private readonly mem: GuestMemory;
  private readonly helpers: HelperRegistry;
  private readonly ctx: HelperContext;
  private readonly blocks: (InterpBlock | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** How the last block left: the pc to chain to (bigint) or an ExitReason (number). */
  private exit: bigint | number = 0;
  /** Blocks executed, for -d stats. */
  readonly stats = { blocksRun: 0 };

  constructor(opts: BackendOptions) {
    this.mem = opts.mem;
    this.helpers = opts.helpers;
    this.ctx = { mem: opts.mem };
  }

  compile(blocks: TranslatedBlock[]): CompiledRegion {
    const slots = blocks.map((b) => {
      const slot = this.freeSlots.pop() ?? this.blocks.length;
      this.blocks[slot] = this.prepare(b);
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
      this.stats.blocksRun++;
      const t = block.temps;
      const steps = block.steps;
      for (let i = 0; ; ) {
        const r = steps[i](t, env);
        if (r === NEXT) i++;
        else if (r === EXIT) break;
        else i = r;
      }
      const next = this.exit;
      if (typeof next === 'number') return next as ExitReason;
      // Chain through the jump cache, as translated code does.
      const entry = JUMP_CACHE + dv.getInt32(env + ENV.JUMP_CACHE, true) + jumpCacheIndex(Number(next)) * JUMP_CACHE_ENTRY_SIZE;
      if (dv.getBigInt64(entry, true) === next) {
        block = this.blocks[dv.getInt32(entry + 8, true)];
        continue;
      }
      dv.setBigInt64(env + ENV.PC, next, true);
      return ExitReason.LOOKUP;
    }
  }

  /**
   * Turns each op of a block into a Step, resolving labels and each op's guest pc once.
   * Markers (insn_start, set_label) get no step, and a temp the block sets only once, from
   * a constant, is filled in before the block runs instead: most blocks run a few times,
   * so preparing them is much of what they cost.
   */
  private prepare(b: TranslatedBlock): InterpBlock {
    const ops = b.ops;
    const definitions: number[] = new Array(b.temps.length).fill(0);
    for (let i = 0; i < ops.length; i++) {
      const outs = ops[i].outs;
      for (let k = 0; k < outs.length; k++) definitions[outs[k].id]++;
    }
    // First the ops that get a step (with their instruction's pc), and so where labels land.
    const temps: Value[] = new Array(b.temps.length);
    const stepped: IrOp[] = [];
    const steppedPcs: bigint[] = [];
    const labelAt: number[] = [];
    let insnPc = BigInt(b.pc);
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i];
      if (o.op === 'insn_start') insnPc = BigInt(o.consts[0]);
      else if (o.op === 'set_label') labelAt[Number(o.consts[0])] = stepped.length;
      else if ((o.op === 'movi_i32' || o.op === 'movi_i64') && definitions[o.outs[0].id] === 1) {
        temps[o.outs[0].id] = PURE_OPS[o.op]!([], o.consts);
      } else {
        stepped.push(o);
        steppedPcs.push(insnPc);
      }
    }
    const steps: Step[] = new Array(stepped.length);
    for (let k = 0; k < stepped.length; k++) steps[k] = this.prepareOp(stepped[k], labelAt, steppedPcs[k]);
    return { pc: b.pc, steps, temps };
  }

  /**
   * The step of one op. Closures are made by the small step makers below, so that each
   * holds just what it uses: a block's steps live as long as the block, and most of the
   * memory (and garbage-collection work) of interpreted code is theirs.
   */
  private prepareOp(o: IrOp, labelAt: number[], insnPc: bigint): Step {
    const dv = this.mem.dv;
    const mem = this.mem;
    const out = o.outs.length > 0 ? o.outs[0].id : -1;
    const c = o.consts;
    if (o.op === 'movi_i32' || o.op === 'movi_i64') return constStep(PURE_OPS[o.op]!([], c), out);
    const pure = PURE_OPS[o.op];
    if (pure) {
      // Pure ops never re-enter the interpreter, so each arity shares one argument array.
      switch (o.ins.length) {
        case 1: return pure1Step(pure, c, o.ins[0].id, out);
        case 2: return pure2Step(pure, c, o.ins[0].id, o.ins[1].id, out);
      }
      return pureNStep(pure, c, o.ins.map((x) => x.id), out);
    }
    switch (o.op) {
      case 'br': return jumpStep(labelAt[Number(c[0])]);
      case 'brcond_i32': case 'brcond_i64':
        return branchStep(CONDS[Number(c[0])], labelAt[Number(c[1])], o.ins[0].id, o.ins[1].id, o.op === 'brcond_i64');
      case 'goto_tb': return this.chainStep(BigInt(c[0]));
      case 'goto_ptr': return this.chainToStep(o.ins[0].id);
      case 'exit_tb': return this.exitStep(Number(c[0]), BigInt(c[1]));
      case 'env_ptr': return envPtrStep(out);
      case 'ld_env_i32': return ldEnvI32Step(dv, Number(c[0]), out);
      case 'ld_env_i64': return ldEnvI64Step(dv, Number(c[0]), out);
      case 'st_env_i32': return stEnvI32Step(dv, Number(c[0]), o.ins[0].id);
      case 'st_env_i64': return stEnvI64Step(dv, Number(c[0]), o.ins[0].id);
      case 'ld_env_v128': return ldEnvV128Step(dv, Number(c[0]), out);
      case 'st_env_v128': return stEnvV128Step(dv, Number(c[0]), o.ins[0].id);
      case 'qemu_ld_v128': return loadV128Step(mem, insnPc, o.ins[0].id, out);
      case 'qemu_st_v128': return storeV128Step(mem, insnPc, o.ins[0].id, o.ins[1].id);
      case 'qemu_ld_i32': case 'qemu_ld_i64':
        return loadStep(mem, insnPc, memopSize(Number(c[0])), memopSigned(Number(c[0])), o.op === 'qemu_ld_i64', o.ins[0].id, out);
      case 'qemu_st_i32': case 'qemu_st_i64': return storeStep(mem, insnPc, memopSize(Number(c[0])), o.ins[0].id, o.ins[1].id);
      case 'atomic_rmw_i64': return rmwStep(mem, insnPc, Number(c[0]), Number(c[1]) as AtomicOp, o.ins[0].id, o.ins[1].id, out);
      case 'mb': return fenceStep();
      case 'atomic_cmpxchg_i64': return cmpxchgStep(mem, insnPc, Number(c[0]), o.ins[0].id, o.ins[1].id, o.ins[2].id, out);
      case 'call': return callStep(mem, this.ctx, this.helpers.get(Number(c[0])), insnPc, o.ins.map((x) => x.id), out);
    }
    throw new Error(`interp: op ${o.op} is not implemented`);
  }

  // Steps that end the block set `exit`: the pc to chain to, or an ExitReason.
  private chainStep(pc: bigint): Step {
    return () => ((this.exit = pc), EXIT);
  }
  private chainToStep(a: number): Step {
    return (t) => ((this.exit = u64(t[a] as bigint)), EXIT);
  }
  private exitStep(reason: number, pc: bigint): Step {
    const dv = this.mem.dv;
    return (_t, env) => (setPc(dv, env, pc), (this.exit = reason), EXIT);
  }
}

// --- step makers ---------------------------------------------------------------------------

const constStep = (value: Value, out: number): Step => (t) => ((t[out] = value), NEXT);
const pure1Step = (pure: PureFn, c: readonly Const[], a: number, out: number): Step => {
  const args = SCRATCH_ARGS[1];
  return (t) => ((args[0] = t[a]), (t[out] = pure(args, c)), NEXT);
};
const pure2Step = (pure: PureFn, c: readonly Const[], a: number, b: number, out: number): Step => {
  const args = SCRATCH_ARGS[2];
  return (t) => ((args[0] = t[a]), (args[1] = t[b]), (t[out] = pure(args, c)), NEXT);
};
const pureNStep = (pure: PureFn, c: readonly Const[], ins: number[], out: number): Step => {
  const args = SCRATCH_ARGS[ins.length] ?? new Array<Value>(ins.length);
  return (t) => {
    for (let k = 0; k < ins.length; k++) args[k] = t[ins[k]];
    t[out] = pure(args, c);
    return NEXT;
  };
};
const jumpStep = (to: number): Step => () => to;
const branchStep = (cond: Cond, to: number, a: number, b: number, is64: boolean): Step =>
  (t) => (compare(cond, t[a], t[b], is64) ? to : NEXT);
const envPtrStep = (out: number): Step => (t, env) => ((t[out] = env), NEXT);
const ldEnvI32Step = (dv: DataView, ofs: number, out: number): Step => (t, env) => ((t[out] = dv.getInt32(env + ofs, true)), NEXT);
const ldEnvI64Step = (dv: DataView, ofs: number, out: number): Step => (t, env) => ((t[out] = dv.getBigInt64(env + ofs, true)), NEXT);
const stEnvI32Step = (dv: DataView, ofs: number, a: number): Step => (t, env) => (dv.setInt32(env + ofs, t[a] as number, true), NEXT);
const stEnvI64Step = (dv: DataView, ofs: number, a: number): Step => (t, env) => (dv.setBigInt64(env + ofs, t[a] as bigint, true), NEXT);
const ldEnvV128Step = (dv: DataView, ofs: number, out: number): Step =>
  (t, env) => ((t[out] = dv.getBigUint64(env + ofs, true) | (dv.getBigUint64(env + ofs + 8, true) << 64n)), NEXT);
const stEnvV128Step = (dv: DataView, ofs: number, a: number): Step => (t, env) => {
  const v = t[a] as bigint;
  dv.setBigUint64(env + ofs, BigInt.asUintN(64, v), true);
  dv.setBigUint64(env + ofs + 8, v >> 64n, true);
  return NEXT;
};

// Memory ops and helper calls first set env.PC to their instruction, so that a fault or a
// helper sees a precise pc.
const loadV128Step = (mem: GuestMemory, pc: bigint, a: number, out: number): Step => (t, env) => {
  setPc(mem.dv, env, pc);
  const addr = t[a] as bigint;
  mem.check(addr, 16, 'read');
  t[out] = u64(mem.load(addr, 8)) | (u64(mem.load(addr + 8n, 8)) << 64n);
  return NEXT;
};
const storeV128Step = (mem: GuestMemory, pc: bigint, value: number, a: number): Step => (t, env) => {
  setPc(mem.dv, env, pc);
  const addr = t[a] as bigint;
  const v = t[value] as bigint;
  mem.check(addr, 16, 'write');
  mem.store(addr, 8, BigInt.asUintN(64, v));
  mem.store(addr + 8n, 8, v >> 64n);
  return NEXT;
};
const loadStep = (mem: GuestMemory, pc: bigint, size: 1 | 2 | 4 | 8, signed: boolean, is64: boolean, a: number, out: number): Step =>
  (t, env) => {
    setPc(mem.dv, env, pc);
    const v = mem.load(t[a] as bigint, size, signed);
    t[out] = is64 ? i64(v) : Number(BigInt.asIntN(32, v));
    return NEXT;
  };
const storeStep = (mem: GuestMemory, pc: bigint, size: 1 | 2 | 4 | 8, value: number, a: number): Step => (t, env) => {
  setPc(mem.dv, env, pc);
  mem.store(t[a] as bigint, size, BigInt(t[value]));
  return NEXT;
};
// Atomic ops: one host atomic operation each (memory/atomics.ts), checked as a store.
const rmwStep = (mem: GuestMemory, pc: bigint, memop: number, op: AtomicOp, a: number, value: number, out: number): Step => (t, env) => {
  setPc(mem.dv, env, pc);
  t[out] = mem.atomics.rmw(t[a] as bigint, memopSize(memop), memopSigned(memop), op, t[value] as bigint);
  return NEXT;
};
/** mb: a full fence on the host. */
const fenceStep = (): Step => () => {
  hostFullFence();
  return NEXT;
};
const cmpxchgStep = (mem: GuestMemory, pc: bigint, memop: number, a: number, expected: number, desired: number, out: number): Step => (t, env) => {
  setPc(mem.dv, env, pc);
  t[out] = mem.atomics.cmpxchg(t[a] as bigint, memopSize(memop), memopSigned(memop), t[expected] as bigint, t[desired] as bigint);
  return NEXT;
};
const callStep = (mem: GuestMemory, ctx: HelperContext, def: HelperDef, pc: bigint, ins: number[], out: number): Step => {
  const fn = def.fn as (ctx: HelperContext, ...a: Value[]) => Value | void;
  const types = def.args;
  const ret = def.ret;
  return (t, env) => {
    setPc(mem.dv, env, pc);
    // i32 arguments reach helpers as unsigned numbers, as from wasm (see helpers.ts).
    const a = ins.map((id, k) => (types[k] === 'i32' ? (t[id] as number) >>> 0 : t[id]));
    const r = fn(ctx, ...a);
    if (out >= 0) t[out] = ret === 'i64' ? i64(BigInt(r as bigint)) : ret === 'i32' ? Number(r) | 0 : Number(r);
    return NEXT;
  };
};

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

/** An IEEE ordered comparison as 0/1 (NaN compares false, except ne). */
function floatCompare(cond: Cond, x: number, y: number): number {
  switch (cond) {
    case 'eq': return x === y ? 1 : 0;
    case 'ne': return x !== y ? 1 : 0;
    case 'lt': return x < y ? 1 : 0;
    case 'ge': return x >= y ? 1 : 0;
    case 'le': return x <= y ? 1 : 0;
    case 'gt': return x > y ? 1 : 0;
    default: throw new Error(`interp: no float condition ${cond}`);
  }
}

/** Status for fma's exact rounding (its flags are not wanted). */
const fmaStatus = new FpStatus();

/** f32/f64 arithmetic: round-to-nearest-even, like wasm (f32 results rounded with fround). */
function floatSemantics(round: (v: number) => number, fma: (a: number, b: number, c: number) => number): Record<string, PureFn> {
  const n = (v: Value): number => v as number;
  return {
    fma: (a) => fma(n(a[0]), n(a[1]), n(a[2])),
    fadd: (a) => round(n(a[0]) + n(a[1])),
    fsub: (a) => round(n(a[0]) - n(a[1])),
    fmul: (a) => round(n(a[0]) * n(a[1])),
    fdiv: (a) => round(n(a[0]) / n(a[1])),
    fsqrt: (a) => round(Math.sqrt(n(a[0]))),
    fneg: (a) => -n(a[0]),
    fmin: (a) => Math.min(n(a[0]), n(a[1])),
    fmax: (a) => Math.max(n(a[0]), n(a[1])),
    fsetcond: (a, c) => floatCompare(CONDS[Number(c[0])], n(a[0]), n(a[1])),
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
  ...VECTOR_OPS,
  ...withSuffix(intSemantics(32), 'i32'),
  ...withSuffix(intSemantics(64), 'i64'),
  ...withSuffix(floatSemantics(Math.fround, (a, b, c) => f32Fma(a, b, c, RoundingMode.RNE, fmaStatus)), 'f32'),
  ...withSuffix(floatSemantics((v) => v, (a, b, c) => f64Fma(a, b, c, RoundingMode.RNE, fmaStatus)), 'f64'),
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
