// AArch64 exclusives, load-acquire/store-release and LSE atomics (a64-ldst.decode):
// LDXR/LDAXR/STXR/STLXR and the pair forms against a value-checked exclusive monitor
// (A64.EXCL_ADDR / EXCL_VAL / EXCL_VAL2), as QEMU does it: a store-exclusive succeeds if
// the monitor holds its address and memory still holds the value(s) the load-exclusive
// read, checked and stored by one host compare-and-swap (a failing one writes nothing);
// CAS and the LD<op>/SWP family are one host atomic operation each. The 128-bit forms
// (STXP, CASP of X registers) go through helpers that hold the pair lock
// (memory/atomics.ts). LDAR/LDAPR are plain loads; STLR is an exchange once the process
// has several threads (see below).
// Exclusive, acquire/release and atomic accesses to misaligned addresses raise SIGBUS
// (BUS_ADRALN), as on an ARMv8.0 CPU.

import type { Temp } from '../../../tcg/ir.js';
import { ATOMIC_OP, MEMOP, type AtomicOp } from '../../../tcg/opcodes.js';
import type { arg_atomic, arg_casp, arg_ldstx, arg_ldstxp, Translators } from '../ldst.generated.js';
import { A64 } from '../state.js';
import { callValue, callVoid, getX, getXsp, setX, type DisasContext } from '../translate.js';
import { addrPlus, genAlignCheck, MEMOP_U } from './ldst-common.js';

/** EXCL_ADDR value meaning "the monitor is open". */
const NO_EXCLUSIVE = -1;

/** What an access does, for the alignment fault's WnR: a read-modify-write reports a read (ARM ARM: a read would fault too). */
type AccessKind = 'read' | 'write' | 'rmw';

/** [Rn|SP], checked to be aligned to `bytes`. */
function alignedBase(ctx: DisasContext, rn: number, bytes: number, kind: AccessKind): Temp {
  const addr = getXsp(ctx, rn);
  genAlignCheck(ctx, addr, bytes, kind === 'write');
  return addr;
}

// --- exclusives -------------------------------------------------------------------------

/** The pair's memory as 64-bit words: one for a W pair (Rt in the low half), two for an X pair. */
function loadPairWords(ctx: DisasContext, addr: Temp, sf: number): Temp[] {
  const { b } = ctx;
  return sf ? [b.qemuLd('i64', addr, MEMOP.UQ), b.qemuLd('i64', addrPlus(ctx, addr, 8), MEMOP.UQ)] : [b.qemuLd('i64', addr, MEMOP.UQ)];
}
/** Rt and Rt2 as the words the pair occupies in memory (see loadPairWords). */
function pairWords(ctx: DisasContext, rt: number, rt2: number, sf: number): Temp[] {
  const { b } = ctx;
  if (sf) return [getX(ctx, rt), getX(ctx, rt2)];
  return [b.binary('or_i64', b.unary('ext32u_i64', getX(ctx, rt)), b.binary('shl_i64', getX(ctx, rt2), b.const64(32)))];
}
/** Rt, Rt2 = the pair held in `words`. */
function setPair(ctx: DisasContext, rt: number, rt2: number, words: Temp[], sf: number): void {
  const { b } = ctx;
  if (sf) {
    setX(ctx, rt, words[0]);
    setX(ctx, rt2, words[1]);
  } else {
    setX(ctx, rt, words[0], false);
    setX(ctx, rt2, b.binary('shr_i64', words[0], b.const64(32)));
  }
}

/** LDXR: Rt = [addr], arming the monitor with the address and the value. */
function genLdxr(ctx: DisasContext, a: arg_ldstx): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz, 'read');
  const v = b.qemuLd('i64', addr, MEMOP_U[a.sz]);
  b.stEnv(addr, A64.EXCL_ADDR);
  b.stEnv(v, A64.EXCL_VAL);
  setX(ctx, a.rt, v);
  return true;
}

/**
 * LDXP: an X pair is read as two 8-byte loads, which another thread's STXP may fall
 * between; the STXP that follows can then not succeed (it compares with memory under the
 * pair lock), so a loop of the two only ends with a pair that memory held whole.
 */
function genLdxp(ctx: DisasContext, a: arg_ldstxp): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, a.sf ? 16 : 8, 'read');
  const words = loadPairWords(ctx, addr, a.sf);
  b.stEnv(addr, A64.EXCL_ADDR);
  b.stEnv(words[0], A64.EXCL_VAL);
  if (words[1]) b.stEnv(words[1], A64.EXCL_VAL2);
  setPair(ctx, a.rt, a.rt2, words, a.sf);
  return true;
}

/**
 * The store-exclusive skeleton: if the monitor holds addr, `store` tries the store (a
 * compare-and-swap against the recorded value(s)) and gives Ws: 0 stored, 1 not; without
 * the monitor Ws = 1 and nothing is accessed. The monitor is open afterwards either way.
 */
function genStoreExclusive(ctx: DisasContext, rs: number, addr: Temp, store: () => Temp): boolean {
  const { b } = ctx;
  const fail = b.newLabel();
  const done = b.newLabel();
  b.brcond('ne', b.ldEnv('i64', A64.EXCL_ADDR), addr, fail);
  setX(ctx, rs, store());
  b.emit('br', [], [], [done]);
  b.setLabel(fail);
  setX(ctx, rs, b.const64(1));
  b.setLabel(done);
  b.stEnv(b.const64(NO_EXCLUSIVE), A64.EXCL_ADDR);
  return true;
}

/** Ws of a compare-and-swap of one word (up to 8 bytes) against EXCL_VAL: 0 if it stored `data`. */
function cmpxchgStatus(ctx: DisasContext, addr: Temp, data: Temp, memop: (typeof MEMOP_U)[number]): Temp {
  const { b } = ctx;
  const expected = b.ldEnv('i64', A64.EXCL_VAL);
  return b.setcond('ne', b.atomicCmpxchg(addr, expected, data, memop), expected);
}

function genStxr(ctx: DisasContext, a: arg_ldstx): boolean {
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz, 'write');
  const data = getX(ctx, a.rt);
  return genStoreExclusive(ctx, a.rs, addr, () => cmpxchgStatus(ctx, addr, data, MEMOP_U[a.sz]));
}

/** STXP: a W pair is one 8-byte compare-and-swap; an X pair, 16 bytes under the pair lock (a64_stxp). */
function genStxp(ctx: DisasContext, a: arg_ldstxp): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, a.sf ? 16 : 8, 'write');
  const data = pairWords(ctx, a.rt, a.rt2, a.sf);
  if (!a.sf) return genStoreExclusive(ctx, a.rs, addr, () => cmpxchgStatus(ctx, addr, data[0], MEMOP.UQ));
  return genStoreExclusive(ctx, a.rs, addr, () => {
    const expected = [b.ldEnv('i64', A64.EXCL_VAL), b.ldEnv('i64', A64.EXCL_VAL2)];
    return b.unary('extu_i32_i64', callValue(ctx, 'a64_stxp', [addr, ...expected, ...data]));
  });
}

// --- acquire / release ----------------------------------------------------------------------
// A load-acquire is a plain load: an x86 host keeps loads in order. A store-release is an
// atomic exchange whose old value is dropped: ARMv8's STLR followed by LDAR is sequentially
// consistent (RCsc), and an x86 store could otherwise still sit in its core's store buffer
// when the next load-acquire reads (Go's sync/atomic TestStoreLoadSeqCst64 saw that); the
// exchange is a locked instruction, a full barrier. With one thread there is nobody to be
// ordered against, and the plain store is ~20 times cheaper (QEMU too orders only under
// CF_PARALLEL): ctx.parallel says which, and the first clone retranslates everything.

// Without FEAT_LSE2 (we advertise no HWCAP_USCAT), a misaligned load-acquire or
// store-release is an alignment fault whatever SCTLR.A says: SIGBUS, before any access,
// so also where the address is unmapped.
function genLoadAcquire(ctx: DisasContext, rt: number, rn: number, sz: number): boolean {
  setX(ctx, rt, ctx.b.qemuLd('i64', alignedBase(ctx, rn, 2 ** sz, 'read'), MEMOP_U[sz]));
  return true;
}
function genStoreRelease(ctx: DisasContext, a: arg_ldstx): boolean {
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz, 'write');
  if (ctx.parallel) ctx.b.atomicRmw(addr, getX(ctx, a.rt), MEMOP_U[a.sz], ATOMIC_OP.XCHG);
  else ctx.b.qemuSt(getX(ctx, a.rt), addr, MEMOP_U[a.sz]);
  return true;
}

// --- compare and swap ----------------------------------------------------------------------

/** CAS: atomically, old = [addr]; if old == Rs (low size bytes) then [addr] = Rt. Rs = old. */
function genCas(ctx: DisasContext, a: arg_atomic): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz, 'rmw');
  setX(ctx, a.rs, b.atomicCmpxchg(addr, getX(ctx, a.rs), getX(ctx, a.rt), MEMOP_U[a.sz]));
  return true;
}

/**
 * CASP: the same on the register pairs <Rs, Rs+1> and <Rt, Rt+1> (both even): a W pair is
 * one 8-byte compare-and-swap; an X pair, 16 bytes under the pair lock (a64_casp).
 */
function genCasp(ctx: DisasContext, a: arg_casp): boolean {
  if (a.rs & 1 || a.rt & 1) return false;
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, a.sf ? 16 : 8, 'rmw');
  if (a.sf) {
    callVoid(ctx, 'a64_casp', [b.envPtr(), addr, b.const32(a.rs), b.const32(a.rt)]);
    return true;
  }
  const expected = pairWords(ctx, a.rs, a.rs + 1, 0)[0];
  const desired = pairWords(ctx, a.rt, a.rt + 1, 0)[0];
  setPair(ctx, a.rs, a.rs + 1, [b.atomicCmpxchg(addr, expected, desired, MEMOP.UQ)], 0);
  return true;
}

// --- LD<op> and SWP --------------------------------------------------------------------------

type AtomicName = 'add' | 'clr' | 'eor' | 'set' | 'smax' | 'smin' | 'umax' | 'umin' | 'swp';
/** The read-modify-write of each (LDCLR is an AND with the complement of Rs). */
const RMW_OP: Record<AtomicName, AtomicOp> = {
  add: ATOMIC_OP.ADD, clr: ATOMIC_OP.AND, eor: ATOMIC_OP.XOR, set: ATOMIC_OP.OR, swp: ATOMIC_OP.XCHG,
  smax: ATOMIC_OP.SMAX, smin: ATOMIC_OP.SMIN, umax: ATOMIC_OP.UMAX, umin: ATOMIC_OP.UMIN,
};

/**
 * Atomically: Rt = [addr] (zero-extended); [addr] = op([addr], Rs) in the access size.
 * Rt = XZR discards the old value (ST<op>).
 */
function genAtomic(ctx: DisasContext, a: arg_atomic, op: AtomicName): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz, 'rmw');
  const rs = getX(ctx, a.rs);
  const src = op === 'clr' ? b.unary('not_i64', rs) : rs;
  setX(ctx, a.rt, b.atomicRmw(addr, src, MEMOP_U[a.sz], RMW_OP[op]));
  return true;
}

export const LDST_ATOMIC_HANDLERS = {
  trans_LDXR: (ctx, a) => genLdxr(ctx, a),
  trans_STXR: (ctx, a) => genStxr(ctx, a),
  trans_LDXP: (ctx, a) => genLdxp(ctx, a),
  trans_STXP: (ctx, a) => genStxp(ctx, a),
  trans_LDAR: (ctx, a) => genLoadAcquire(ctx, a.rt, a.rn, a.sz),
  trans_LDAPR: (ctx, a) => genLoadAcquire(ctx, a.rt, a.rn, a.sz),
  trans_STLR: (ctx, a) => genStoreRelease(ctx, a),
  trans_CAS: (ctx, a) => genCas(ctx, a),
  trans_CASP: (ctx, a) => genCasp(ctx, a),
  trans_LDADD: (ctx, a) => genAtomic(ctx, a, 'add'),
  trans_LDCLR: (ctx, a) => genAtomic(ctx, a, 'clr'),
  trans_LDEOR: (ctx, a) => genAtomic(ctx, a, 'eor'),
  trans_LDSET: (ctx, a) => genAtomic(ctx, a, 'set'),
  trans_LDSMAX: (ctx, a) => genAtomic(ctx, a, 'smax'),
  trans_LDSMIN: (ctx, a) => genAtomic(ctx, a, 'smin'),
  trans_LDUMAX: (ctx, a) => genAtomic(ctx, a, 'umax'),
  trans_LDUMIN: (ctx, a) => genAtomic(ctx, a, 'umin'),
  trans_SWP: (ctx, a) => genAtomic(ctx, a, 'swp'),
} satisfies Partial<Translators<DisasContext>>;
