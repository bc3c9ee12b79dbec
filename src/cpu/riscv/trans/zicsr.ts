// Zicsr handlers for the CSRs a user-mode program can touch: fflags, frm and fcsr
// (kept in env as RV.FFLAGS and RV.FRM; fcsr = frm << 5 | fflags) and the read-only
// counters cycle, time and instret (see ../helpers.ts). Any other CSR, or a write to
// a read-only one, is an illegal instruction.

import type { Temp } from '../../../tcg/ir.js';
import type { arg_csr } from '../decode.generated.js';
import { RV } from '../state.js';
import { callValue, getX, setX, type DisasContext, type RiscvTranslators } from '../translate.js';

const CSR_NUM = { FFLAGS: 0x001, FRM: 0x002, FCSR: 0x003, CYCLE: 0xc00, TIME: 0xc01, INSTRET: 0xc02 } as const;
const FFLAGS_MASK = 0x1f;
const FRM_MASK = 0x7;
const FRM_SHIFT = 5;

interface Csr {
  read(ctx: DisasContext): Temp;
  /** Absent for read-only CSRs. */
  write?(ctx: DisasContext, v: Temp): void;
}

function readI32(ctx: DisasContext, offset: number): Temp {
  return ctx.b.unary('extu_i32_i64', ctx.b.ldEnv('i32', offset));
}
function writeMasked(ctx: DisasContext, v: Temp, offset: number, mask: number, shift = 0): void {
  const { b } = ctx;
  let x = b.unary('extrl_i64_i32', v);
  if (shift) x = b.binary('shr_i32', x, b.const32(shift));
  b.stEnv(b.binary('and_i32', x, b.const32(mask)), offset);
}
function counter(helper: string): Csr {
  return { read: (ctx) => callValue(ctx, helper, []) };
}

const CSRS: Readonly<Record<number, Csr>> = {
  [CSR_NUM.FFLAGS]: {
    read: (ctx) => readI32(ctx, RV.FFLAGS),
    write: (ctx, v) => writeMasked(ctx, v, RV.FFLAGS, FFLAGS_MASK),
  },
  [CSR_NUM.FRM]: {
    read: (ctx) => readI32(ctx, RV.FRM),
    write: (ctx, v) => writeMasked(ctx, v, RV.FRM, FRM_MASK),
  },
  [CSR_NUM.FCSR]: {
    read: (ctx) => {
      const { b } = ctx;
      const frm = b.binary('shl_i32', b.ldEnv('i32', RV.FRM), b.const32(FRM_SHIFT));
      return b.unary('extu_i32_i64', b.binary('or_i32', frm, b.ldEnv('i32', RV.FFLAGS)));
    },
    write: (ctx, v) => {
      writeMasked(ctx, v, RV.FFLAGS, FFLAGS_MASK);
      writeMasked(ctx, v, RV.FRM, FRM_MASK, FRM_SHIFT);
    },
  },
  [CSR_NUM.CYCLE]: counter('riscv_csr_cycle'),
  [CSR_NUM.TIME]: counter('riscv_csr_time'),
  [CSR_NUM.INSTRET]: counter('riscv_csr_cycle'),
};

type CsrOp = 'rw' | 'rs' | 'rc';

/**
 * csrrw reads the CSR only when rd != x0; csrrs/csrrc write it only when the source
 * (rs1 or the 5-bit immediate, carried in a.rs1) is non-zero. The source is read
 * before rd is written.
 */
function genCsr(ctx: DisasContext, a: arg_csr, op: CsrOp, imm: boolean): boolean {
  const csr = CSRS[a.csr];
  if (!csr) return false;
  const write = op === 'rw' || a.rs1 !== 0;
  const read = op !== 'rw' || a.rd !== 0;
  if (write && !csr.write) return false;
  const { b } = ctx;
  const src = write ? (imm ? b.const64(a.rs1) : getX(ctx, a.rs1)) : null;
  const old = read ? csr.read(ctx) : null;
  if (src && csr.write) {
    let value = src;
    if (old && op === 'rs') value = b.binary('or_i64', old, src);
    if (old && op === 'rc') value = b.binary('and_i64', old, b.unary('not_i64', src));
    csr.write(ctx, value);
  }
  if (old) setX(ctx, a.rd, old);
  return true;
}

export const ZICSR = {
  trans_csrrw: (ctx, a) => genCsr(ctx, a, 'rw', false),
  trans_csrrs: (ctx, a) => genCsr(ctx, a, 'rs', false),
  trans_csrrc: (ctx, a) => genCsr(ctx, a, 'rc', false),
  trans_csrrwi: (ctx, a) => genCsr(ctx, a, 'rw', true),
  trans_csrrsi: (ctx, a) => genCsr(ctx, a, 'rs', true),
  trans_csrrci: (ctx, a) => genCsr(ctx, a, 'rc', true),
} satisfies Partial<RiscvTranslators>;
