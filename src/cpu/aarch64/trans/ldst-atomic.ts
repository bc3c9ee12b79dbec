// AArch64 exclusives, load-acquire/store-release and LSE atomics (a64-ldst.decode):
// LDXR/LDAXR/STXR/STLXR and the pair forms against a value-checked exclusive monitor
// (A64.EXCL_ADDR / EXCL_VAL / EXCL_VAL2), LDAR/STLR/LDAPR (plain accesses: one guest
// thread for now), CAS/CASP and the LD<op>/SWP family as load–compute–store.
// Exclusive, acquire/release and atomic accesses to misaligned addresses raise SIGBUS
// (BUS_ADRALN), as on an ARMv8.0 CPU.

import type { Temp } from '../../../tcg/ir.js';
import { MEMOP } from '../../../tcg/opcodes.js';
import type { arg_atomic, arg_casp, arg_ldstx, arg_ldstxp, Translators } from '../ldst.generated.js';
import { A64 } from '../state.js';
import { getX, getXsp, setX, type DisasContext } from '../translate.js';
import { addrPlus, genAlignCheck, MEMOP_U, sextSize, zextSize } from './ldst-common.js';

/** EXCL_ADDR value meaning "the monitor is open". */
const NO_EXCLUSIVE = -1;

/** [Rn|SP], checked to be aligned to `bytes`. */
function alignedBase(ctx: DisasContext, rn: number, bytes: number): Temp {
  const addr = getXsp(ctx, rn);
  genAlignCheck(ctx, addr, bytes);
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
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz);
  const v = b.qemuLd('i64', addr, MEMOP_U[a.sz]);
  b.stEnv(addr, A64.EXCL_ADDR);
  b.stEnv(v, A64.EXCL_VAL);
  setX(ctx, a.rt, v);
  return true;
}

function genLdxp(ctx: DisasContext, a: arg_ldstxp): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, a.sf ? 16 : 8);
  const words = loadPairWords(ctx, addr, a.sf);
  b.stEnv(addr, A64.EXCL_ADDR);
  b.stEnv(words[0], A64.EXCL_VAL);
  if (words[1]) b.stEnv(words[1], A64.EXCL_VAL2);
  setPair(ctx, a.rt, a.rt2, words, a.sf);
  return true;
}

/**
 * The store-exclusive skeleton: if the monitor holds addr and memory still holds the
 * recorded value(s) (reloaded by `reload`), run `store` and set Ws = 0; else Ws = 1.
 * The monitor is open afterwards either way.
 */
function genStoreExclusive(ctx: DisasContext, rs: number, addr: Temp, reload: () => Temp[], store: () => void): boolean {
  const { b } = ctx;
  const fail = b.newLabel();
  const done = b.newLabel();
  b.brcond('ne', b.ldEnv('i64', A64.EXCL_ADDR), addr, fail);
  const now = reload();
  b.brcond('ne', now[0], b.ldEnv('i64', A64.EXCL_VAL), fail);
  if (now[1]) b.brcond('ne', now[1], b.ldEnv('i64', A64.EXCL_VAL2), fail);
  store();
  setX(ctx, rs, b.const64(0));
  b.emit('br', [], [], [done]);
  b.setLabel(fail);
  setX(ctx, rs, b.const64(1));
  b.setLabel(done);
  b.stEnv(b.const64(NO_EXCLUSIVE), A64.EXCL_ADDR);
  return true;
}

function genStxr(ctx: DisasContext, a: arg_ldstx): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz);
  const data = getX(ctx, a.rt);
  return genStoreExclusive(ctx, a.rs, addr, () => [b.qemuLd('i64', addr, MEMOP_U[a.sz])], () => b.qemuSt(data, addr, MEMOP_U[a.sz]));
}

function genStxp(ctx: DisasContext, a: arg_ldstxp): boolean {
  const addr = alignedBase(ctx, a.rn, a.sf ? 16 : 8);
  const data = pairWords(ctx, a.rt, a.rt2, a.sf);
  return genStoreExclusive(ctx, a.rs, addr, () => loadPairWords(ctx, addr, a.sf), () => storeWords(ctx, addr, data));
}

function storeWords(ctx: DisasContext, addr: Temp, words: Temp[]): void {
  words.forEach((w, i) => ctx.b.qemuSt(w, addrPlus(ctx, addr, 8 * i), MEMOP.UQ));
}

// --- acquire / release (ordinary accesses while there is one thread) ----------------------

// Without FEAT_LSE2 (we advertise no HWCAP_USCAT), a misaligned load-acquire or
// store-release is an alignment fault whatever SCTLR.A says: SIGBUS, before any access,
// so also where the address is unmapped.
function genLoadAcquire(ctx: DisasContext, rt: number, rn: number, sz: number): boolean {
  setX(ctx, rt, ctx.b.qemuLd('i64', alignedBase(ctx, rn, 2 ** sz), MEMOP_U[sz]));
  return true;
}
function genStoreRelease(ctx: DisasContext, a: arg_ldstx): boolean {
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz);
  ctx.b.qemuSt(getX(ctx, a.rt), addr, MEMOP_U[a.sz]);
  return true;
}

// --- compare and swap ----------------------------------------------------------------------

/** CAS: old = [addr]; if old == Rs (low size bytes) then [addr] = Rt; Rs = old. */
function genCas(ctx: DisasContext, a: arg_atomic): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz);
  const expected = zextSize(ctx, getX(ctx, a.rs), a.sz);
  const desired = getX(ctx, a.rt);
  const old = b.qemuLd('i64', addr, MEMOP_U[a.sz]);
  const skip = b.newLabel();
  b.brcond('ne', old, expected, skip);
  b.qemuSt(desired, addr, MEMOP_U[a.sz]);
  b.setLabel(skip);
  setX(ctx, a.rs, old);
  return true;
}

/** CASP: the same on the register pairs <Rs, Rs+1> and <Rt, Rt+1> (both even). */
function genCasp(ctx: DisasContext, a: arg_casp): boolean {
  if (a.rs & 1 || a.rt & 1) return false;
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, a.sf ? 16 : 8);
  const expected = pairWords(ctx, a.rs, a.rs + 1, a.sf);
  const desired = pairWords(ctx, a.rt, a.rt + 1, a.sf);
  const old = loadPairWords(ctx, addr, a.sf);
  const skip = b.newLabel();
  old.forEach((w, i) => b.brcond('ne', w, expected[i], skip));
  storeWords(ctx, addr, desired);
  b.setLabel(skip);
  setPair(ctx, a.rs, a.rs + 1, old, a.sf);
  return true;
}

// --- LD<op> and SWP --------------------------------------------------------------------------

type AtomicOp = 'add' | 'clr' | 'eor' | 'set' | 'smax' | 'smin' | 'umax' | 'umin' | 'swp';

/** The value written back: op(old, src) on the low size bytes (old is zero-extended). */
function atomicCompute(ctx: DisasContext, op: AtomicOp, old: Temp, src: Temp, sz: number): Temp {
  const { b } = ctx;
  switch (op) {
    case 'add': return b.binary('add_i64', old, src);
    case 'clr': return b.binary('and_i64', old, b.unary('not_i64', src));
    case 'eor': return b.binary('xor_i64', old, src);
    case 'set': return b.binary('or_i64', old, src);
    case 'swp': return src;
    case 'smax': case 'smin': {
      const [x, y] = [sextSize(ctx, old, sz), sextSize(ctx, src, sz)];
      return b.movcond(op === 'smax' ? 'gt' : 'lt', x, y, x, y);
    }
    case 'umax': case 'umin': {
      const y = zextSize(ctx, src, sz);
      return b.movcond(op === 'umax' ? 'gtu' : 'ltu', old, y, old, y);
    }
  }
}

/** Rt = [addr] (zero-extended); [addr] = op([addr], Rs). Rt = XZR discards the old value (ST<op>). */
function genAtomic(ctx: DisasContext, a: arg_atomic, op: AtomicOp): boolean {
  const { b } = ctx;
  const addr = alignedBase(ctx, a.rn, 2 ** a.sz);
  const src = getX(ctx, a.rs);
  const old = b.qemuLd('i64', addr, MEMOP_U[a.sz]);
  b.qemuSt(atomicCompute(ctx, op, old, src, a.sz), addr, MEMOP_U[a.sz]);
  setX(ctx, a.rt, old);
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
