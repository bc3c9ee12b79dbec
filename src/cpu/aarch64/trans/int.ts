// A64 integer-class handlers (a64-int.decode): data processing, branches, exceptions and
// system instructions. Each handler is a call to a generator in int-gen.ts / int-sys.ts.

import { Excp } from '../../../tcg/env.js';
import type { Translators } from '../int.generated.js';
import { genException, type DisasContext } from '../translate.js';
import {
  ADD, ADDS, SUB, SUBS, genAddSubCarry, genAddSubExtended, genAddSubImm, genAddSubShifted, genBcond, genBinaryReg, genBitfield,
  genBranchImm, genBranchReg, genCompareBranch, genCondCompare, genCondSelect, genCountLeading, genCrc32, genExtract,
  genLogicImm, genLogicReg, genMoveWide, genMulAdd, genMulHigh, genPcRel, genRbit, genReverse, genSvc, genTestBranch,
} from './int-gen.js';
import { genBarrier, genClrex, genIsb, genMrs, genMsr, genSys } from './int-sys.js';

export const INT_HANDLERS: Translators<DisasContext> = {
  // field transforms
  /** sh:imm12 → imm12, shifted left by 12 when sh is set. */
  int_addsub_imm: (_ctx, x) => (x & 0xfff) * (x & 0x1000 ? 0x1000 : 1),
  int_shl2: (_ctx, x) => x * 4,

  // data processing: immediate
  trans_ADR: (ctx, a) => genPcRel(ctx, a.rd, a.imm, false),
  trans_ADRP: (ctx, a) => genPcRel(ctx, a.rd, a.imm, true),
  trans_ADD_i: (ctx, a) => genAddSubImm(ctx, a, ADD),
  trans_ADDS_i: (ctx, a) => genAddSubImm(ctx, a, ADDS),
  trans_SUB_i: (ctx, a) => genAddSubImm(ctx, a, SUB),
  trans_SUBS_i: (ctx, a) => genAddSubImm(ctx, a, SUBS),
  trans_AND_i: (ctx, a) => genLogicImm(ctx, a, 'and', false),
  trans_ORR_i: (ctx, a) => genLogicImm(ctx, a, 'or', false),
  trans_EOR_i: (ctx, a) => genLogicImm(ctx, a, 'xor', false),
  trans_ANDS_i: (ctx, a) => genLogicImm(ctx, a, 'and', true),
  trans_MOVN: (ctx, a) => genMoveWide(ctx, a, 'movn'),
  trans_MOVZ: (ctx, a) => genMoveWide(ctx, a, 'movz'),
  trans_MOVK: (ctx, a) => genMoveWide(ctx, a, 'movk'),
  trans_SBFM: (ctx, a) => genBitfield(ctx, a, 'sbfm'),
  trans_BFM: (ctx, a) => genBitfield(ctx, a, 'bfm'),
  trans_UBFM: (ctx, a) => genBitfield(ctx, a, 'ubfm'),
  trans_EXTR: (ctx, a) => genExtract(ctx, a),

  // branches
  trans_B: (ctx, a) => genBranchImm(ctx, a.imm, false),
  trans_BL: (ctx, a) => genBranchImm(ctx, a.imm, true),
  trans_B_cond: (ctx, a) => genBcond(ctx, a.cond, a.imm),
  trans_CBZ: (ctx, a) => genCompareBranch(ctx, a, false),
  trans_CBNZ: (ctx, a) => genCompareBranch(ctx, a, true),
  trans_TBZ: (ctx, a) => genTestBranch(ctx, a, false),
  trans_TBNZ: (ctx, a) => genTestBranch(ctx, a, true),
  trans_BR: (ctx, a) => genBranchReg(ctx, a.rn, false),
  trans_BLR: (ctx, a) => genBranchReg(ctx, a.rn, true),
  trans_RET: (ctx, a) => genBranchReg(ctx, a.rn, false),

  // exceptions
  trans_SVC: (ctx) => genSvc(ctx),
  trans_BRK: (ctx) => genException(ctx, Excp.BREAKPOINT),

  // system
  trans_HINT: () => true,
  trans_CLREX: (ctx) => genClrex(ctx),
  /**
   * An x86-64 host keeps every order but a store's before a later load: only a full
   * barrier (CRm's type bits 0b11: ISH, SY, OSH, NSH; not the LD and ST forms) orders
   * that, and only once there are other threads to order against.
   */
  trans_DMB: (ctx, a) => genBarrier(ctx, a.crm),
  trans_DSB: (ctx, a) => genBarrier(ctx, a.crm),
  trans_ISB: (ctx) => genIsb(ctx),
  trans_SYS: (ctx, a) => genSys(ctx, a),
  trans_MRS: (ctx, a) => genMrs(ctx, a),
  trans_MSR_reg: (ctx, a) => genMsr(ctx, a),

  // data processing: register
  trans_AND_r: (ctx, a) => genLogicReg(ctx, a, 'and', false, false),
  trans_BIC_r: (ctx, a) => genLogicReg(ctx, a, 'and', true, false),
  trans_ORR_r: (ctx, a) => genLogicReg(ctx, a, 'or', false, false),
  trans_ORN_r: (ctx, a) => genLogicReg(ctx, a, 'or', true, false),
  trans_EOR_r: (ctx, a) => genLogicReg(ctx, a, 'xor', false, false),
  trans_EON_r: (ctx, a) => genLogicReg(ctx, a, 'xor', true, false),
  trans_ANDS_r: (ctx, a) => genLogicReg(ctx, a, 'and', false, true),
  trans_BICS_r: (ctx, a) => genLogicReg(ctx, a, 'and', true, true),
  trans_ADD_r: (ctx, a) => genAddSubShifted(ctx, a, ADD),
  trans_ADDS_r: (ctx, a) => genAddSubShifted(ctx, a, ADDS),
  trans_SUB_r: (ctx, a) => genAddSubShifted(ctx, a, SUB),
  trans_SUBS_r: (ctx, a) => genAddSubShifted(ctx, a, SUBS),
  trans_ADD_x: (ctx, a) => genAddSubExtended(ctx, a, ADD),
  trans_ADDS_x: (ctx, a) => genAddSubExtended(ctx, a, ADDS),
  trans_SUB_x: (ctx, a) => genAddSubExtended(ctx, a, SUB),
  trans_SUBS_x: (ctx, a) => genAddSubExtended(ctx, a, SUBS),
  trans_ADC: (ctx, a) => genAddSubCarry(ctx, a, ADD),
  trans_ADCS: (ctx, a) => genAddSubCarry(ctx, a, ADDS),
  trans_SBC: (ctx, a) => genAddSubCarry(ctx, a, SUB),
  trans_SBCS: (ctx, a) => genAddSubCarry(ctx, a, SUBS),
  trans_CCMN_r: (ctx, a) => genCondCompare(ctx, a, false, false),
  trans_CCMP_r: (ctx, a) => genCondCompare(ctx, a, true, false),
  trans_CCMN_i: (ctx, a) => genCondCompare(ctx, a, false, true),
  trans_CCMP_i: (ctx, a) => genCondCompare(ctx, a, true, true),
  trans_CSEL: (ctx, a) => genCondSelect(ctx, a, 'csel'),
  trans_CSINC: (ctx, a) => genCondSelect(ctx, a, 'csinc'),
  trans_CSINV: (ctx, a) => genCondSelect(ctx, a, 'csinv'),
  trans_CSNEG: (ctx, a) => genCondSelect(ctx, a, 'csneg'),
  trans_RBIT: (ctx, a) => genRbit(ctx, a),
  trans_REV16: (ctx, a) => genReverse(ctx, a, 8, 16),
  /** sf=0: REV Wd; sf=1: REV32 Xd — both reverse the bytes of each 32-bit word. */
  trans_REV32: (ctx, a) => genReverse(ctx, a, 8, 32),
  trans_REV64: (ctx, a) => a.sf === 1 && genReverse(ctx, a, 8, 64),
  trans_CLZ: (ctx, a) => genCountLeading(ctx, a, false),
  trans_CLS: (ctx, a) => genCountLeading(ctx, a, true),
  trans_UDIV: (ctx, a) => genBinaryReg(ctx, a, 'div_u_i64', 'div_u_i32'),
  trans_SDIV: (ctx, a) => genBinaryReg(ctx, a, 'div_s_i64', 'div_s_i32'),
  trans_LSLV: (ctx, a) => genBinaryReg(ctx, a, 'shl_i64', 'shl_i32'),
  trans_LSRV: (ctx, a) => genBinaryReg(ctx, a, 'shr_i64', 'shr_i32'),
  trans_ASRV: (ctx, a) => genBinaryReg(ctx, a, 'sar_i64', 'sar_i32'),
  trans_RORV: (ctx, a) => genBinaryReg(ctx, a, 'rotr_i64', 'rotr_i32'),
  trans_CRC32: (ctx, a) => genCrc32(ctx, a, false),
  trans_CRC32C: (ctx, a) => genCrc32(ctx, a, true),
  trans_MADD: (ctx, a) => genMulAdd(ctx, a, false, 'none'),
  trans_MSUB: (ctx, a) => genMulAdd(ctx, a, true, 'none'),
  trans_SMADDL: (ctx, a) => genMulAdd(ctx, a, false, 'signed'),
  trans_SMSUBL: (ctx, a) => genMulAdd(ctx, a, true, 'signed'),
  trans_UMADDL: (ctx, a) => genMulAdd(ctx, a, false, 'unsigned'),
  trans_UMSUBL: (ctx, a) => genMulAdd(ctx, a, true, 'unsigned'),
  trans_SMULH: (ctx, a) => genMulHigh(ctx, a, 'mulh_s_i64'),
  trans_UMULH: (ctx, a) => genMulHigh(ctx, a, 'mulh_u_i64'),
};
