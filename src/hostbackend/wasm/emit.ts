// The WebAssembly emitter of every IR op, one table entry per opcode (the compiler flags
// an op added to opcodes.ts without one). Each emitter reads its inputs from the temps'
// locals, pushes the wasm that computes the op and stores the result; control-flow and
// env ops defer to the region generator (region.ts), which owns labels, exits and the
// env slots kept in locals. This file holds the table, the scalar emitters, guest memory
// accesses and atomics; the vector (SIMD) arithmetic and lane ops are in emit-vector.ts.
// Guest memory accesses are inline: the fast path (address in the 4 GiB space, inside one
// page, permission byte allows it) is a plain wasm load or store; anything else calls the
// module's slow path, which completes the access or reports a fault that ends the region
// at the faulting instruction.

import type { IrOp, Temp } from '../../tcg/ir.js';
import { ATOMIC_OP, memopSigned, memopSize, type IrType, type Opcode } from '../../tcg/opcodes.js';
import { PAGE_SIZE, PERM, PERM_TABLE } from '../../memory/layout.js';
import type { ModuleGen } from './codegen.js';
import type { Emitter, RegionGen } from './region.js';
import type { Local, WasmBuilder } from './wasm-builder.js';
import {
  emitExtract, emitLaneOp, emitPlain, emitReplace, emitShift, emitShuffle, emitSplat, emitVfma,
} from './emit-vector.js';

const PAGE_SHIFT_BITS = 12;
const I64_LOW32 = 0xffffffffn;

/** out = f(in0, in1, ...) where f is a sequence of wasm instructions. */
function simple(f: (b: WasmBuilder) => void): Emitter {
  return (g, o) => {
    for (const t of o.ins) g.get(t);
    f(g.b);
    g.set(o.outs[0]);
  };
}

/** out = in0 ∘ in1 with a call to an internal function. */
function viaFunc(index: (m: ModuleGen) => number): Emitter {
  return (g, o) => {
    for (const t of o.ins) g.get(t);
    g.b.call(index(g.m));
    g.set(o.outs[0]);
  };
}

/** Comparison instruction per cond index (CONDS order: eq ne lt ge le gt ltu geu leu gtu). */
const COND32: ((b: WasmBuilder) => void)[] = [
  (b) => b.i32Eq(), (b) => b.i32Ne(), (b) => b.i32LtS(), (b) => b.i32GeS(), (b) => b.i32LeS(),
  (b) => b.i32GtS(), (b) => b.i32LtU(), (b) => b.i32GeU(), (b) => b.i32LeU(), (b) => b.i32GtU(),
];
const COND64: ((b: WasmBuilder) => void)[] = [
  (b) => b.i64Eq(), (b) => b.i64Ne(), (b) => b.i64LtS(), (b) => b.i64GeS(), (b) => b.i64LeS(),
  (b) => b.i64GtS(), (b) => b.i64LtU(), (b) => b.i64GeU(), (b) => b.i64LeU(), (b) => b.i64GtU(),
];

function compare(g: RegionGen, t: IrType, cond: number, a: Temp, c: Temp): void {
  const f = (t === 'i64' ? COND64 : COND32)[cond];
  if (!f) throw new Error(`wasm backend: bad condition ${cond}`);
  g.get(a);
  g.get(c);
  f(g.b);
}

const emitSetcond = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // out = cond(a, b) ? 1 : 0
  compare(g, t, Number(o.consts[0]), o.ins[0], o.ins[1]);
  if (t === 'i64') g.b.i64ExtendI32U();
  g.set(o.outs[0]);
};

const emitMovcond = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // out = cond(c1, c2) ? v1 : v2
  g.get(o.ins[2]);
  g.get(o.ins[3]);
  compare(g, t, Number(o.consts[0]), o.ins[0], o.ins[1]);
  g.b.select();
  g.set(o.outs[0]);
};

/** Float comparisons by cond index (CONDS order; only eq ne lt ge le gt exist for floats). */
const FCOND: Record<'f32' | 'f64', (((b: WasmBuilder) => void) | null)[]> = {
  f32: [(b) => b.f32Eq(), (b) => b.f32Ne(), (b) => b.f32Lt(), (b) => b.f32Ge(), (b) => b.f32Le(), (b) => b.f32Gt(), null, null, null, null],
  f64: [(b) => b.f64Eq(), (b) => b.f64Ne(), (b) => b.f64Lt(), (b) => b.f64Ge(), (b) => b.f64Le(), (b) => b.f64Gt(), null, null, null, null],
};

const emitFsetcond = (t: 'f32' | 'f64'): Emitter => (g, o) => {
  // out = cond(a, b) ? 1 : 0   (wasm float compares are IEEE ordered)
  const f = FCOND[t][Number(o.consts[0])];
  if (!f) throw new Error(`wasm backend: no float condition ${String(o.consts[0])}`);
  g.get(o.ins[0]);
  g.get(o.ins[1]);
  f(g.b);
  g.set(o.outs[0]);
};

const emitBrcond = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // if (cond(a, b)) goto label
  compare(g, t, Number(o.consts[0]), o.ins[0], o.ins[1]);
  g.branch(Number(o.consts[1]), true);
};

// --- guest memory -----------------------------------------------------------------------------

/**
 * Branches (br_if to the label `depth` levels out) unless the fast path may be taken for an
 * access of `size` bytes at the i64 in `addr`, leaving the wrapped address in `a`:
 *   page = addr >> 12; if (page > 0xfffff) slow          ;; beyond the 4 GiB space
 *   a = wrap(addr); if ((a & 4095) > 4096 - size) slow   ;; crosses a page
 *   if ((perm[page] & mask) != want) slow                ;; not allowed (or a code page)
 * (Plain compares and branches: V8 turns each into one cmp and jcc.)
 */
function fastPathBranches(b: WasmBuilder, addr: Local, a: Local, size: number, mask: number, want: number, depth: number): void {
  const page = b.allocLocal('i64');
  b.localGet(addr);
  b.i64Const(PAGE_SHIFT_BITS);
  b.i64ShrU();
  b.localTee(page);
  b.i64Const(0xfffff);
  b.i64GtU();
  b.brIf(depth);
  b.localGet(addr);
  b.i32WrapI64();
  b.localSet(a);
  if (size > 1) {
    b.localGet(a);
    b.i32Const(PAGE_SIZE - 1);
    b.i32And();
    b.i32Const(PAGE_SIZE - size);
    b.i32GtU();
    b.brIf(depth);
  }
  b.localGet(page);
  b.i32WrapI64();
  b.i32Load8U(PERM_TABLE);
  b.i32Const(mask);
  b.i32And();
  if (mask === want) {
    b.i32Eqz();
  } else {
    b.i32Const(want);
    b.i32Ne();
  }
  b.brIf(depth);
  b.freeLocal(page);
}

/** Pushes "the fast path may be taken" (0/1), leaving the wrapped address in `a` (for 16-byte accesses). */
function fastPathCheck(b: WasmBuilder, addr: Local, a: Local, size: number, mask: number, want: number): void {
  // block (result i32): the checks branch out with 0; falling through pushes 1
  b.block('i32');
  b.i32Const(0);
  fastPathBranches(b, addr, a, size, mask, want, 0);
  b.drop();
  b.i32Const(1);
  b.end();
}

function emitLoad(b: WasmBuilder, size: 1 | 2 | 4 | 8, signed: boolean, t: 'i32' | 'i64'): void {
  if (t === 'i32') {
    if (size === 1) signed ? b.i32Load8S() : b.i32Load8U();
    else if (size === 2) signed ? b.i32Load16S() : b.i32Load16U();
    else if (size === 4) b.i32Load();
    else throw new Error('qemu_ld_i32 of 8 bytes');
  } else {
    if (size === 1) signed ? b.i64Load8S() : b.i64Load8U();
    else if (size === 2) signed ? b.i64Load16S() : b.i64Load16U();
    else if (size === 4) signed ? b.i64Load32S() : b.i64Load32U();
    else b.i64Load();
  }
}

function emitStore(b: WasmBuilder, size: 1 | 2 | 4 | 8, t: 'i32' | 'i64'): void {
  if (t === 'i32') {
    if (size === 1) b.i32Store8();
    else if (size === 2) b.i32Store16();
    else if (size === 4) b.i32Store();
    else throw new Error('qemu_st_i32 of 8 bytes');
  } else {
    if (size === 1) b.i64Store8();
    else if (size === 2) b.i64Store16();
    else if (size === 4) b.i64Store32();
    else b.i64Store();
  }
}

/**
 * For an access in a permission-check group (mem-groups.ts): the group's first
 * access checks the group's whole span into its flag; then every access of the group
 * branches to its plain load or store when the flag is set (`depth`: that label).
 */
function groupCheck(g: RegionGen, o: IrOp, addr: Local, a: Local, mask: number, want: number, depth: number): void {
  const grp = g.memGroup(o);
  if (!grp) return;
  const b = g.b;
  if (!grp.ok) {
    // ok = the span [base + lo, base + hi) passes the fast-path checks as one access
    const lo = b.allocLocal('i64');
    const la = b.allocLocal('i32');
    g.get(grp.base);
    b.i64Const(grp.lo);
    b.i64Add();
    b.localSet(lo);
    grp.ok = g.groupLocal();
    fastPathCheck(b, lo, la, grp.hi - grp.lo, mask, want);
    b.localSet(grp.ok);
    b.freeLocal(lo);
    b.freeLocal(la);
  }
  // if (ok) { a = wrap(addr); br to the plain access }
  b.localGet(addr);
  b.i32WrapI64();
  b.localSet(a);
  b.localGet(grp.ok);
  b.brIf(depth);
}

const emitQemuLd = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // block $done (result t) { block $slow { block $fast { group; checks; br_if $slow } load(a); br $done } $ld_slow(env, addr) }
  // (a fault on the slow path leaves the region)
  const memop = Number(o.consts[0]);
  const size = memopSize(memop);
  const b = g.b;
  const addr = g.local(o.ins[0]);
  const a = b.allocLocal('i32');
  g.openBlock(t);
  g.openBlock();
  g.openBlock();
  groupCheck(g, o, addr, a, PERM.READ, PERM.READ, 0);
  fastPathBranches(b, addr, a, size, PERM.READ, PERM.READ, 1);
  g.closeCtl();
  b.localGet(a);
  emitLoad(b, size, memopSigned(memop), t);
  b.br(1);
  g.closeCtl();
  b.localGet(g.env);
  b.localGet(addr);
  b.call(g.m.loadSlowFunc(memop, t));
  g.exitIfFault();
  g.closeCtl();
  g.set(o.outs[0]);
  b.freeLocal(a);
};

const emitQemuSt = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // block $done { block $slow { checks; br_if $slow; store(a, value); br $done } $st_slow(env, addr, value) }
  // (A page holding translated code takes the slow path, which tells the TB cache.)
  const size = memopSize(Number(o.consts[0]));
  const b = g.b;
  const addr = g.local(o.ins[1]);
  const a = b.allocLocal('i32');
  g.openBlock();
  g.openBlock();
  g.openBlock();
  groupCheck(g, o, addr, a, PERM.WRITE | PERM.CODE, PERM.WRITE, 0);
  fastPathBranches(b, addr, a, size, PERM.WRITE | PERM.CODE, PERM.WRITE, 1);
  g.closeCtl();
  b.localGet(a);
  g.get(o.ins[0]);
  emitStore(b, size, t);
  b.br(1);
  g.closeCtl();
  b.localGet(g.env);
  b.localGet(addr);
  g.get(o.ins[0]);
  if (t === 'i32') b.i64ExtendI32U();
  b.call(g.m.storeSlowFunc(size));
  g.exitIfFault();
  g.closeCtl();
  b.freeLocal(a);
};

/**
 * The memory offset (a new i32 local) of an access of `size` bytes at the i64 in `addr`,
 * checked: the inline fast path, else the checked slow path, where a fault leaves the
 * region and a store to a code page drops its translations; the access itself follows.
 */
function checkedAddress(g: RegionGen, addr: Local, size: number, write: boolean): Local {
  const b = g.b;
  const a = b.allocLocal('i32');
  // if (!fast) { $check(env, addr, size, write); a fault leaves the region; a = wrap(addr) }
  // (a tagged aarch64 address passes the check untagged: its low 32 bits are the address)
  fastPathCheck(b, addr, a, size, write ? PERM.WRITE | PERM.CODE : PERM.READ, write ? PERM.WRITE : PERM.READ);
  b.i32Eqz();
  g.openIf();
  b.localGet(g.env);
  b.localGet(addr);
  b.i32Const(size);
  b.i32Const(write ? 1 : 0);
  b.call(g.m.checkFunc());
  g.exitIfFault();
  b.localGet(addr);
  b.i32WrapI64();
  b.localSet(a);
  g.closeCtl();
  return a;
}

/** A 16-byte guest access: the inline fast path, else a checked slow path (which may leave the region) and the plain access. */
const emitQemuV128 = (store: boolean): Emitter => (g, o) => {
  const b = g.b;
  const a = checkedAddress(g, g.local(o.ins[store ? 1 : 0]), 16, store);
  b.localGet(a);
  if (store) {
    g.get(o.ins[0]);
    b.v128Store();
  } else {
    b.v128Load();
    g.set(o.outs[0]);
  }
  b.freeLocal(a);
};

// --- atomics -------------------------------------------------------------------------------------

/** The wasm read-modify-write of each ATOMIC_OP that has one (min and max loop on cmpxchg). */
const RMW_INSN: Partial<Record<number, 'add' | 'and' | 'or' | 'xor' | 'xchg'>> = {
  [ATOMIC_OP.ADD]: 'add', [ATOMIC_OP.AND]: 'and', [ATOMIC_OP.OR]: 'or', [ATOMIC_OP.XOR]: 'xor', [ATOMIC_OP.XCHG]: 'xchg',
};

/** Sign-extends the i64 on the stack from its low `size` bytes (nothing to do for 8). */
function signExtend(b: WasmBuilder, size: 1 | 2 | 4 | 8): void {
  if (size === 1) b.i64Extend8S();
  else if (size === 2) b.i64Extend16S();
  else if (size === 4) b.i64Extend32S();
}

/**
 * atomic_rmw_i64 as one wasm atomic instruction on the shared memory (aligned: the front
 * end checked), after the address check a store makes; min/max as a cmpxchg loop.
 */
const emitAtomicRmw: Emitter = (g, o) => {
  const memop = Number(o.consts[0]);
  const op = Number(o.consts[1]);
  const size = memopSize(memop);
  const b = g.b;
  const a = checkedAddress(g, g.local(o.ins[0]), size, true);
  const insn = RMW_INSN[op];
  if (insn) {
    // old = i64.atomic.rmw<size>.<op>_u(a, value)
    b.localGet(a);
    g.get(o.ins[1]);
    b.i64AtomicRmw(insn, size);
  } else {
    atomicMinMax(g, a, o.ins[1], size, op);
  }
  if (memopSigned(memop)) signExtend(b, size);
  g.set(o.outs[0]);
  b.freeLocal(a);
};

/**
 * Atomic min/max: old = [a]; loop { seen = cmpxchg(a, old, pick(old, v)); if (seen == old)
 * stop; old = seen }; pushes old (zero-extended).
 */
function atomicMinMax(g: RegionGen, a: Local, value: Temp, size: 1 | 2 | 4 | 8, op: number): void {
  const b = g.b;
  const signed = op === ATOMIC_OP.SMIN || op === ATOMIC_OP.SMAX;
  const min = op === ATOMIC_OP.SMIN || op === ATOMIC_OP.UMIN;
  const old = b.allocLocal('i64');
  const seen = b.allocLocal('i64');
  const v = b.allocLocal('i64');
  /** The i64 on the stack as the compare sees it: its low size bytes, signed or not. */
  const ext = (): void => {
    if (signed) signExtend(b, size);
    else if (size < 8) {
      b.i64Const((1n << BigInt(8 * size)) - 1n);
      b.i64And();
    }
  };
  // v = ext(value); old = [a]
  g.get(value);
  ext();
  b.localSet(v);
  b.localGet(a);
  b.i64AtomicLoad(size);
  b.localSet(old);
  // loop { seen = cmpxchg(a, old, cond(ext(old), v) ? old : v); if (seen != old) { old = seen; continue } }
  b.loop(null);
  b.localGet(a);
  b.localGet(old);
  b.localGet(old);
  b.localGet(v);
  b.localGet(old);
  ext();
  b.localGet(v);
  if (signed) min ? b.i64LeS() : b.i64GeS();
  else min ? b.i64LeU() : b.i64GeU();
  b.select();
  b.i64AtomicCmpxchg(size);
  b.localTee(seen);
  b.localGet(old);
  b.i64Ne();
  b.if(null);
  b.localGet(seen);
  b.localSet(old);
  b.br(1);
  b.end();
  b.end();
  b.localGet(old);
  b.freeLocal(old);
  b.freeLocal(seen);
  b.freeLocal(v);
}

/** atomic_cmpxchg_i64: old = i64.atomic.rmw<size>.cmpxchg_u(a, expected, desired), after a store's address check. */
const emitAtomicCmpxchg: Emitter = (g, o) => {
  const memop = Number(o.consts[0]);
  const size = memopSize(memop);
  const b = g.b;
  const a = checkedAddress(g, g.local(o.ins[0]), size, true);
  b.localGet(a);
  g.get(o.ins[1]);
  g.get(o.ins[2]);
  b.i64AtomicCmpxchg(size);
  if (memopSigned(memop)) signExtend(b, size);
  g.set(o.outs[0]);
  b.freeLocal(a);
};

// --- helpers and control ---------------------------------------------------------------------

const emitCall: Emitter = (g, o) => {
  // env.pc = insn pc; the slots the helper may see go to env; out = helper(args...); reload them
  const b = g.b;
  const id = Number(o.consts[0]);
  const access = g.accessOf(g.m.input.helpers.get(id), o.ins);
  g.storeInsnPc();
  g.spillFor(access);
  for (const t of o.ins) g.get(t);
  const f = g.m.helperFunc.get(id);
  if (f === undefined) throw new Error(`wasm backend: helper ${id} not imported`);
  b.call(f);
  if (o.outs.length) g.set(o.outs[0]);
  g.reloadFor(access);
};

function mulh32(g: RegionGen, o: IrOp, aSigned: boolean, bSigned: boolean): void {
  // out = wrap((ext(a) * ext(b)) >> 32)
  const b = g.b;
  g.get(o.ins[0]);
  aSigned ? b.i64ExtendI32S() : b.i64ExtendI32U();
  g.get(o.ins[1]);
  bSigned ? b.i64ExtendI32S() : b.i64ExtendI32U();
  b.i64Mul();
  b.i64Const(32n);
  b.i64ShrU();
  b.i32WrapI64();
  g.set(o.outs[0]);
}

export const EMIT: Record<Opcode, Emitter> = {
  // --- i32 ---
  mov_i32: simple(() => {}),
  movi_i32: (g, o) => { g.b.i32Const(Number(o.consts[0])); g.set(o.outs[0]); },
  add_i32: simple((b) => b.i32Add()),
  sub_i32: simple((b) => b.i32Sub()),
  mul_i32: simple((b) => b.i32Mul()),
  and_i32: simple((b) => b.i32And()),
  or_i32: simple((b) => b.i32Or()),
  xor_i32: simple((b) => b.i32Xor()),
  shl_i32: simple((b) => b.i32Shl()),
  shr_i32: simple((b) => b.i32ShrU()),
  sar_i32: simple((b) => b.i32ShrS()),
  rotl_i32: simple((b) => b.i32Rotl()),
  rotr_i32: simple((b) => b.i32Rotr()),
  neg_i32: (g, o) => { g.b.i32Const(0); g.get(o.ins[0]); g.b.i32Sub(); g.set(o.outs[0]); },
  not_i32: simple((b) => { b.i32Const(-1); b.i32Xor(); }),
  div_s_i32: viaFunc((m) => m.divFunc('div_s', 'i32')),
  div_u_i32: viaFunc((m) => m.divFunc('div_u', 'i32')),
  rem_s_i32: viaFunc((m) => m.divFunc('rem_s', 'i32')),
  rem_u_i32: viaFunc((m) => m.divFunc('rem_u', 'i32')),
  // high half via one 64-bit product: (ext(a) * ext(b)) >> 32
  mulh_s_i32: (g, o) => mulh32(g, o, true, true),
  mulh_u_i32: (g, o) => mulh32(g, o, false, false),
  mulh_su_i32: (g, o) => mulh32(g, o, true, false),
  clz_i32: simple((b) => b.i32Clz()),
  ctz_i32: simple((b) => b.i32Ctz()),
  popcnt_i32: simple((b) => b.i32Popcnt()),
  ext8s_i32: simple((b) => b.i32Extend8S()),
  ext8u_i32: simple((b) => { b.i32Const(0xff); b.i32And(); }),
  ext16s_i32: simple((b) => b.i32Extend16S()),
  ext16u_i32: simple((b) => { b.i32Const(0xffff); b.i32And(); }),
  setcond_i32: emitSetcond('i32'),
  movcond_i32: emitMovcond('i32'),
  brcond_i32: emitBrcond('i32'),
  ld_env_i32: (g, o) => g.ldEnv('i32', Number(o.consts[0]), o.outs[0]),
  st_env_i32: (g, o) => g.stEnv('i32', Number(o.consts[0]), o.ins[0]),
  qemu_ld_i32: emitQemuLd('i32'),
  qemu_st_i32: emitQemuSt('i32'),

  // --- i64 ---
  mov_i64: simple(() => {}),
  movi_i64: (g, o) => { g.b.i64Const(o.consts[0]); g.set(o.outs[0]); },
  add_i64: simple((b) => b.i64Add()),
  sub_i64: simple((b) => b.i64Sub()),
  mul_i64: simple((b) => b.i64Mul()),
  and_i64: simple((b) => b.i64And()),
  or_i64: simple((b) => b.i64Or()),
  xor_i64: simple((b) => b.i64Xor()),
  shl_i64: simple((b) => b.i64Shl()),
  shr_i64: simple((b) => b.i64ShrU()),
  sar_i64: simple((b) => b.i64ShrS()),
  rotl_i64: simple((b) => b.i64Rotl()),
  rotr_i64: simple((b) => b.i64Rotr()),
  neg_i64: (g, o) => { g.b.i64Const(0n); g.get(o.ins[0]); g.b.i64Sub(); g.set(o.outs[0]); },
  not_i64: simple((b) => { b.i64Const(-1n); b.i64Xor(); }),
  div_s_i64: viaFunc((m) => m.divFunc('div_s', 'i64')),
  div_u_i64: viaFunc((m) => m.divFunc('div_u', 'i64')),
  rem_s_i64: viaFunc((m) => m.divFunc('rem_s', 'i64')),
  rem_u_i64: viaFunc((m) => m.divFunc('rem_u', 'i64')),
  mulh_s_i64: viaFunc((m) => m.mulhSigned64(true)),
  mulh_u_i64: viaFunc((m) => m.mulhU64()),
  mulh_su_i64: viaFunc((m) => m.mulhSigned64(false)),
  clz_i64: simple((b) => b.i64Clz()),
  ctz_i64: simple((b) => b.i64Ctz()),
  popcnt_i64: simple((b) => b.i64Popcnt()),
  ext8s_i64: simple((b) => b.i64Extend8S()),
  ext8u_i64: simple((b) => { b.i64Const(0xffn); b.i64And(); }),
  ext16s_i64: simple((b) => b.i64Extend16S()),
  ext16u_i64: simple((b) => { b.i64Const(0xffffn); b.i64And(); }),
  ext32s_i64: simple((b) => b.i64Extend32S()),
  ext32u_i64: simple((b) => { b.i64Const(I64_LOW32); b.i64And(); }),
  setcond_i64: emitSetcond('i64'),
  movcond_i64: emitMovcond('i64'),
  brcond_i64: emitBrcond('i64'),
  ld_env_i64: (g, o) => g.ldEnv('i64', Number(o.consts[0]), o.outs[0]),
  st_env_i64: (g, o) => g.stEnv('i64', Number(o.consts[0]), o.ins[0]),
  qemu_ld_i64: emitQemuLd('i64'),
  qemu_st_i64: emitQemuSt('i64'),

  // --- width changes ---
  extrl_i64_i32: simple((b) => b.i32WrapI64()),
  extu_i32_i64: simple((b) => b.i64ExtendI32U()),
  exts_i32_i64: simple((b) => b.i64ExtendI32S()),

  // --- floating point ---
  fadd_f32: simple((b) => b.f32Add()),
  fsub_f32: simple((b) => b.f32Sub()),
  fmul_f32: simple((b) => b.f32Mul()),
  fdiv_f32: simple((b) => b.f32Div()),
  fsqrt_f32: simple((b) => b.f32Sqrt()),
  fneg_f32: simple((b) => b.f32Neg()),
  fabs_f32: simple((b) => b.f32Abs()),
  fadd_f64: simple((b) => b.f64Add()),
  fsub_f64: simple((b) => b.f64Sub()),
  fmul_f64: simple((b) => b.f64Mul()),
  fdiv_f64: simple((b) => b.f64Div()),
  fsqrt_f64: simple((b) => b.f64Sqrt()),
  fneg_f64: simple((b) => b.f64Neg()),
  fabs_f64: simple((b) => b.f64Abs()),
  fma_f32: viaFunc((m) => m.fmaF32()),
  fma_f64: viaFunc((m) => m.fmaF64()),
  fmin_f32: simple((b) => b.f32Min()),
  fmax_f32: simple((b) => b.f32Max()),
  fmin_f64: simple((b) => b.f64Min()),
  fmax_f64: simple((b) => b.f64Max()),
  fsetcond_f32: emitFsetcond('f32'),
  fsetcond_f64: emitFsetcond('f64'),
  bitcast_i32_f32: simple((b) => b.f32ReinterpretI32()),
  bitcast_f32_i32: simple((b) => b.i32ReinterpretF32()),
  bitcast_i64_f64: simple((b) => b.f64ReinterpretI64()),
  bitcast_f64_i64: simple((b) => b.i64ReinterpretF64()),
  fcvt_f32_f64: simple((b) => b.f64PromoteF32()),
  fcvt_f64_f32: simple((b) => b.f32DemoteF64()),

  // --- vectors ---
  mov_v128: simple(() => {}),
  movi_v128: (g, o) => { g.b.v128Const(BigInt(o.consts[0])); g.set(o.outs[0]); },
  ld_env_v128: (g, o) => g.ldEnv('v128', Number(o.consts[0]), o.outs[0]),
  st_env_v128: (g, o) => g.stEnv('v128', Number(o.consts[0]), o.ins[0]),
  atomic_rmw_i64: emitAtomicRmw,
  atomic_cmpxchg_i64: emitAtomicCmpxchg,
  mb: (g) => g.b.atomicFence(),
  qemu_ld_v128: emitQemuV128(false),
  qemu_st_v128: emitQemuV128(true),
  vand: emitPlain, vor: emitPlain, vxor: emitPlain, vandn: emitPlain, vnot: emitPlain, vbitsel: emitPlain,
  vany_true: emitPlain, vswizzle: emitPlain,
  vadd: emitLaneOp, vsub: emitLaneOp, vmul: emitLaneOp, vneg: emitLaneOp, vabs: emitLaneOp,
  vmin_s: emitLaneOp, vmin_u: emitLaneOp, vmax_s: emitLaneOp, vmax_u: emitLaneOp,
  vadd_sat_s: emitLaneOp, vadd_sat_u: emitLaneOp, vsub_sat_s: emitLaneOp, vsub_sat_u: emitLaneOp,
  vcmpeq: emitLaneOp, vcmpgt_s: emitLaneOp, vcmpge_s: emitLaneOp, vcmpgt_u: emitLaneOp, vcmpge_u: emitLaneOp,
  vshl_i: emitShift, vshr_u_i: emitShift, vshr_s_i: emitShift,
  vpopcnt: emitLaneOp,
  vshuffle: emitShuffle,
  vsplat_i32: emitSplat, vsplat_i64: emitSplat,
  vextract_i32: emitExtract, vextract_i64: emitExtract,
  vreplace_i32: emitReplace, vreplace_i64: emitReplace,
  vext_low_s: emitLaneOp, vext_low_u: emitLaneOp, vext_high_s: emitLaneOp, vext_high_u: emitLaneOp,
  vall_true: emitLaneOp,
  vfadd: emitLaneOp, vfsub: emitLaneOp, vfmul: emitLaneOp, vfdiv: emitLaneOp, vfsqrt: emitLaneOp,
  vfneg: emitLaneOp, vfabs: emitLaneOp, vfmin: emitLaneOp, vfmax: emitLaneOp,
  vfma: emitVfma,
  vfcmpeq: emitLaneOp, vfcmplt: emitLaneOp, vfcmple: emitLaneOp,

  // --- control and state ---
  env_ptr: (g, o) => { g.b.localGet(g.env); g.set(o.outs[0]); },
  insn_start: (g, o) => g.setInsnPc(Number(o.consts[0])),
  set_label: (g, o) => g.setLabel(Number(o.consts[0])),
  br: (g, o) => g.branch(Number(o.consts[0]), false),
  call: emitCall,
  goto_tb: (g, o) => g.gotoTb(Number(o.consts[0])),
  goto_ptr: (g, o) => g.gotoPtr(o.ins[0]),
  exit_tb: (g, o) => g.exitWith(Number(o.consts[0]), Number(o.consts[1])),
};
