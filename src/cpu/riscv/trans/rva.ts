// RV64A handlers: LR/SC with a value-checked reservation (RV.RES_ADDR / RV.RES_VALUE),
// as QEMU does it: SC succeeds if the reservation is on its address and memory still
// holds the value LR read, checked and stored by one host compare-and-swap, so that a
// store by another thread in between makes it fail; a failing SC writes nothing. The
// AMOs are one host atomic read-modify-write each (atomic_rmw). Misaligned addresses
// raise SIGBUS.

import { ATOMIC_OP, MEMOP, type AtomicOp } from '../../../tcg/opcodes.js';
import type { arg_atomic } from '../decode.generated.js';
import { RV } from '../state.js';
import { genAlignCheck, getX, setX, type DisasContext, type RiscvTranslators } from '../translate.js';

type Size = 4 | 8;
/** Every access of the 32-bit forms sign-extends the value it reads. */
const LOAD_OP = { 4: MEMOP.SL, 8: MEMOP.UQ } as const;
/** RES_ADDR value meaning "no reservation". */
const NO_RESERVATION = -1;

function genLr(ctx: DisasContext, a: arg_atomic, size: Size): boolean {
  const { b } = ctx;
  const addr = getX(ctx, a.rs1);
  genAlignCheck(ctx, addr, size);
  const v = b.qemuLd('i64', addr, LOAD_OP[size]);
  b.stEnv(addr, RV.RES_ADDR);
  b.stEnv(v, RV.RES_VALUE);
  setX(ctx, a.rd, v);
  return true;
}

/**
 * Stores rs2 and writes rd=0 if the reservation is on addr and memory still holds its
 * value (one compare-and-swap); else rd=1 and nothing is written. The reservation is gone.
 */
function genSc(ctx: DisasContext, a: arg_atomic, size: Size): boolean {
  const { b } = ctx;
  const addr = getX(ctx, a.rs1);
  genAlignCheck(ctx, addr, size);
  const fail = b.newLabel();
  const done = b.newLabel();
  b.brcond('ne', b.ldEnv('i64', RV.RES_ADDR), addr, fail);
  const expected = b.ldEnv('i64', RV.RES_VALUE);
  // Both sides of the compare are extended as LR extended its value.
  const old = b.atomicCmpxchg(addr, expected, getX(ctx, a.rs2), LOAD_OP[size]);
  setX(ctx, a.rd, b.setcond('ne', old, expected));
  b.emit('br', [], [], [done]);
  b.setLabel(fail);
  setX(ctx, a.rd, b.const64(1));
  b.setLabel(done);
  b.stEnv(b.const64(NO_RESERVATION), RV.RES_ADDR);
  return true;
}

/** rd = mem[rs1]; mem[rs1] = op(rd, rs2), atomically (.w: in 32 bits, rd sign-extended). */
function genAmo(ctx: DisasContext, a: arg_atomic, size: Size, op: AtomicOp): boolean {
  const { b } = ctx;
  const addr = getX(ctx, a.rs1);
  genAlignCheck(ctx, addr, size);
  setX(ctx, a.rd, b.atomicRmw(addr, getX(ctx, a.rs2), LOAD_OP[size], op));
  return true;
}

/** The AMOs by name (amo<name>.w / .d) and what each writes back. */
const AMOS = {
  swap: ATOMIC_OP.XCHG, add: ATOMIC_OP.ADD, xor: ATOMIC_OP.XOR, and: ATOMIC_OP.AND, or: ATOMIC_OP.OR,
  min: ATOMIC_OP.SMIN, max: ATOMIC_OP.SMAX, minu: ATOMIC_OP.UMIN, maxu: ATOMIC_OP.UMAX,
} as const;
type AmoHandlers<W extends string> = Record<`trans_amo${keyof typeof AMOS}_${W}`, (ctx: DisasContext, a: arg_atomic) => boolean>;

/** trans_amo<name>_<w> for every AMO of one width. */
function amoHandlers<W extends 'w' | 'd'>(w: W, size: Size): AmoHandlers<W> {
  const entries = Object.entries(AMOS).map(([name, op]) => [`trans_amo${name}_${w}`, (ctx: DisasContext, a: arg_atomic) => genAmo(ctx, a, size, op)]);
  return Object.fromEntries(entries) as AmoHandlers<W>;
}

export const RVA = {
  trans_lr_w: (ctx, a) => genLr(ctx, a, 4),
  trans_sc_w: (ctx, a) => genSc(ctx, a, 4),
  trans_lr_d: (ctx, a) => genLr(ctx, a, 8),
  trans_sc_d: (ctx, a) => genSc(ctx, a, 8),
  ...amoHandlers('w', 4),
  ...amoHandlers('d', 8),
} satisfies Partial<RiscvTranslators>;
