// AdvSIMD handlers (a64-simd.decode): each names its lane operation and calls one
// generator — the inline vector IR of simd-inline.ts where it covers the shape, else the
// helper call of simd-gen.ts (`?? fallback`).

import type { Translators } from '../simd.generated.js';
import type { DisasContext } from '../translate.js';
import {
  genAcross, genAddHn, genFp2, genFp3, genFpAcross, genFpCvtWidth, genFpFixed, genFpIdx, genFpPairScalar, genIdx, genIdxLong,
  genLong, genPairLong, genSatDoublingLong, genShiftLeft, genShiftNarrow, genShiftRight, genShll, genTbl, genXtn, gen2, gen3,
  gen3Bytes,
} from './simd-gen.js';
import {
  BITWISE, genAcrossInline, genAddpScalarInline, genBitwise, genDupElem, genDupGen, genDupScalar, genExtInline, genFpSignInline,
  genFpVector, genInsElem, genInsGen, genLdstMult, genLdstSingle, genLongInline, genMovi, genMovToGen, genNot, genPairInline,
  genPermInline, genRevInline, genShiftLeftInline, genShiftLongInline, genShiftRightInline, genShrnInline, genTblInline,
  genShllInline, genXtnInline, gen2Inline, gen3Inline, laneSplat,
} from './simd-inline.js';
import type { DisasContext as Ctx } from '../translate.js';
import type { arg_v2, arg_v3, arg_vidx, arg_vsh } from '../simd.generated.js';
import type { LaneOpName } from '../simd-lanes.js';
import type { Fp3Op } from '../simd-helpers.js';
import { getV } from './vreg.js';

/** Three-same integer op: inline when covered, else the helper. */
const i3 = (ctx: Ctx, a: arg_v3, op: LaneOpName): boolean => gen3Inline(ctx, a, op) ?? gen3(ctx, a, op);
const p3 = (ctx: Ctx, a: arg_v3, op: LaneOpName): boolean => genPairInline(ctx, a, op) ?? gen3(ctx, a, op, true);
const i2 = (ctx: Ctx, a: arg_v2, op: LaneOpName, imm = 0, sizes = 0b1111): boolean =>
  ((sizes >> a.size) & 1 ? gen2Inline(ctx, a, op) : null) ?? gen2(ctx, a, op, imm, sizes);
/** FP three-same op: the native fast path when it has one, around the helper. */
function f3(ctx: Ctx, a: arg_v3, op: Fp3Op): boolean {
  const esz = 2 + (a.size & 1);
  if (!a.scalar && esz === 3 && !a.q) return false;
  if (a.scalar) return genFp3(ctx, a, op);
  return genFpVector(ctx, op, esz, a.q, a.rd, () => getV(ctx, a.rn), () => getV(ctx, a.rm), () => genFp3(ctx, a, op)) ?? genFp3(ctx, a, op);
}
/** FP by element: the same with Vm's element in every lane. */
function fIdx(ctx: Ctx, a: arg_vidx, op: Fp3Op): boolean {
  if (a.scalar || a.size < 2 || (a.size === 3 && (!a.q || a.hlm & 2))) return genFpIdx(ctx, a, op);
  const idx = a.size === 2 ? a.hlm >> 1 : a.hlm >> 2;
  const rm = ((a.hlm & 1) << 4) | a.rm4;
  return genFpVector(ctx, op, a.size, a.q, a.rd, () => getV(ctx, a.rn), () => laneSplat(ctx, rm, a.size, idx), () => genFpIdx(ctx, a, op))
    ?? genFpIdx(ctx, a, op);
}
/** Shifts right by immediate. */
const sr = (ctx: Ctx, a: arg_vsh, name: string, op: LaneOpName, positive = false): boolean =>
  genShiftRightInline(ctx, a, name) ?? genShiftRight(ctx, a, op, positive);

export const SIMD_HANDLERS: Translators<DisasContext> = {
  // structure loads and stores
  trans_ldst_mult: (ctx, a) => genLdstMult(ctx, a),
  trans_ldst_single: (ctx, a) => genLdstSingle(ctx, a),

  // three same: integer
  trans_add: (ctx, a) => i3(ctx, a, 'add'),
  trans_sub: (ctx, a) => i3(ctx, a, 'sub'),
  trans_mul: (ctx, a) => a.size !== 3 && i3(ctx, a, 'mul'),
  trans_mla: (ctx, a) => a.size !== 3 && i3(ctx, a, 'mla'),
  trans_mls: (ctx, a) => a.size !== 3 && i3(ctx, a, 'mls'),
  trans_pmul: (ctx, a) => gen3Bytes(ctx, a, 'pmul'),
  trans_cmeq: (ctx, a) => i3(ctx, a, 'cmeq'),
  trans_cmtst: (ctx, a) => i3(ctx, a, 'cmtst'),
  trans_cmhi: (ctx, a) => i3(ctx, a, 'cmhi'),
  trans_cmhs: (ctx, a) => i3(ctx, a, 'cmhs'),
  trans_cmgt: (ctx, a) => i3(ctx, a, 'cmgt'),
  trans_cmge: (ctx, a) => i3(ctx, a, 'cmge'),
  trans_umax: (ctx, a) => a.size !== 3 && i3(ctx, a, 'umax'),
  trans_umin: (ctx, a) => a.size !== 3 && i3(ctx, a, 'umin'),
  trans_smax: (ctx, a) => a.size !== 3 && i3(ctx, a, 'smax'),
  trans_smin: (ctx, a) => a.size !== 3 && i3(ctx, a, 'smin'),
  trans_uabd: (ctx, a) => a.size !== 3 && gen3(ctx, a, 'uabd'),
  trans_sabd: (ctx, a) => a.size !== 3 && gen3(ctx, a, 'sabd'),
  trans_uaba: (ctx, a) => a.size !== 3 && gen3(ctx, a, 'uaba'),
  trans_saba: (ctx, a) => a.size !== 3 && gen3(ctx, a, 'saba'),
  trans_uhadd: (ctx, a) => gen3(ctx, a, 'uhadd'),
  trans_shadd: (ctx, a) => gen3(ctx, a, 'shadd'),
  trans_urhadd: (ctx, a) => gen3(ctx, a, 'urhadd'),
  trans_srhadd: (ctx, a) => gen3(ctx, a, 'srhadd'),
  trans_uhsub: (ctx, a) => gen3(ctx, a, 'uhsub'),
  trans_shsub: (ctx, a) => gen3(ctx, a, 'shsub'),
  trans_uqadd: (ctx, a) => gen3(ctx, a, 'uqadd'),
  trans_sqadd: (ctx, a) => gen3(ctx, a, 'sqadd'),
  trans_uqsub: (ctx, a) => gen3(ctx, a, 'uqsub'),
  trans_sqsub: (ctx, a) => gen3(ctx, a, 'sqsub'),
  trans_sqdmulh: (ctx, a) => (a.size === 1 || a.size === 2) && gen3(ctx, a, 'sqdmulh'),
  trans_sqrdmulh: (ctx, a) => (a.size === 1 || a.size === 2) && gen3(ctx, a, 'sqrdmulh'),
  trans_ushl: (ctx, a) => gen3(ctx, a, 'ushl'),
  trans_sshl: (ctx, a) => gen3(ctx, a, 'sshl'),
  trans_urshl: (ctx, a) => gen3(ctx, a, 'urshl'),
  trans_srshl: (ctx, a) => gen3(ctx, a, 'srshl'),
  trans_uqshl: (ctx, a) => gen3(ctx, a, 'uqshl'),
  trans_sqshl: (ctx, a) => gen3(ctx, a, 'sqshl'),
  trans_uqrshl: (ctx, a) => gen3(ctx, a, 'uqrshl'),
  trans_sqrshl: (ctx, a) => gen3(ctx, a, 'sqrshl'),
  trans_addp: (ctx, a) => p3(ctx, a, 'add'),
  trans_umaxp: (ctx, a) => a.size !== 3 && p3(ctx, a, 'umax'),
  trans_uminp: (ctx, a) => a.size !== 3 && p3(ctx, a, 'umin'),
  trans_smaxp: (ctx, a) => a.size !== 3 && p3(ctx, a, 'smax'),
  trans_sminp: (ctx, a) => a.size !== 3 && p3(ctx, a, 'smin'),
  trans_addp_s: (ctx, a) => genAddpScalarInline(ctx, a),

  // three same: bitwise (inline)
  trans_and: (ctx, a) => genBitwise(ctx, a, BITWISE.and),
  trans_bic: (ctx, a) => genBitwise(ctx, a, BITWISE.bic),
  trans_orr: (ctx, a) => genBitwise(ctx, a, BITWISE.orr),
  trans_orn: (ctx, a) => genBitwise(ctx, a, BITWISE.orn),
  trans_eor: (ctx, a) => genBitwise(ctx, a, BITWISE.eor),
  trans_bsl: (ctx, a) => genBitwise(ctx, a, BITWISE.bsl),
  trans_bit: (ctx, a) => genBitwise(ctx, a, BITWISE.bit),
  trans_bif: (ctx, a) => genBitwise(ctx, a, BITWISE.bif),

  // three different: widening and narrowing
  trans_uaddl: (ctx, a) => genLongInline(ctx, a, 'add', false) ?? genLong(ctx, a, 'add', false),
  trans_saddl: (ctx, a) => genLongInline(ctx, a, 'add', true) ?? genLong(ctx, a, 'add', true),
  trans_uaddw: (ctx, a) => genLongInline(ctx, a, 'add', false, true) ?? genLong(ctx, a, 'add', false, true),
  trans_saddw: (ctx, a) => genLongInline(ctx, a, 'add', true, true) ?? genLong(ctx, a, 'add', true, true),
  trans_usubl: (ctx, a) => genLongInline(ctx, a, 'sub', false) ?? genLong(ctx, a, 'sub', false),
  trans_ssubl: (ctx, a) => genLongInline(ctx, a, 'sub', true) ?? genLong(ctx, a, 'sub', true),
  trans_usubw: (ctx, a) => genLongInline(ctx, a, 'sub', false, true) ?? genLong(ctx, a, 'sub', false, true),
  trans_ssubw: (ctx, a) => genLongInline(ctx, a, 'sub', true, true) ?? genLong(ctx, a, 'sub', true, true),
  trans_uabdl: (ctx, a) => genLong(ctx, a, 'uabd', false),
  trans_sabdl: (ctx, a) => genLong(ctx, a, 'sabd', true),
  trans_uabal: (ctx, a) => genLong(ctx, a, 'uaba', false),
  trans_sabal: (ctx, a) => genLong(ctx, a, 'saba', true),
  trans_umull: (ctx, a) => genLongInline(ctx, a, 'mul', false) ?? genLong(ctx, a, 'mul', false),
  trans_smull: (ctx, a) => genLongInline(ctx, a, 'mul', true) ?? genLong(ctx, a, 'mul', true),
  trans_umlal: (ctx, a) => genLongInline(ctx, a, 'mla', false) ?? genLong(ctx, a, 'mla', false),
  trans_smlal: (ctx, a) => genLongInline(ctx, a, 'mla', true) ?? genLong(ctx, a, 'mla', true),
  trans_umlsl: (ctx, a) => genLongInline(ctx, a, 'mls', false) ?? genLong(ctx, a, 'mls', false),
  trans_smlsl: (ctx, a) => genLongInline(ctx, a, 'mls', true) ?? genLong(ctx, a, 'mls', true),
  // PMULL of 8-bit polynomials; the 64-bit form (FEAT_PMULL, crypto) is not implemented or advertised.
  trans_pmull: (ctx, a) => a.size === 0 && genLong(ctx, a, 'pmul', false),
  trans_sqdmull: (ctx, a) => genSatDoublingLong(ctx, a, 'sqdmull'),
  trans_sqdmlal: (ctx, a) => genSatDoublingLong(ctx, a, 'sqdmlal'),
  trans_sqdmlsl: (ctx, a) => genSatDoublingLong(ctx, a, 'sqdmlsl'),
  trans_addhn: (ctx, a) => genAddHn(ctx, a, false, false),
  trans_raddhn: (ctx, a) => genAddHn(ctx, a, false, true),
  trans_subhn: (ctx, a) => genAddHn(ctx, a, true, false),
  trans_rsubhn: (ctx, a) => genAddHn(ctx, a, true, true),

  // two-register misc: integer
  trans_neg: (ctx, a) => i2(ctx, a, 'neg'),
  trans_abs: (ctx, a) => i2(ctx, a, 'abs'),
  trans_sqneg: (ctx, a) => gen2(ctx, a, 'sqneg'),
  trans_sqabs: (ctx, a) => gen2(ctx, a, 'sqabs'),
  trans_suqadd: (ctx, a) => gen2(ctx, a, 'suqadd'),
  trans_usqadd: (ctx, a) => gen2(ctx, a, 'usqadd'),
  trans_urecpe: (ctx, a) => a.size === 2 && gen2(ctx, a, 'urecpe'),
  trans_ursqrte: (ctx, a) => a.size === 2 && gen2(ctx, a, 'ursqrte'),
  trans_cmeq0: (ctx, a) => i2(ctx, a, 'cmeq'),
  trans_cmgt0: (ctx, a) => i2(ctx, a, 'cmgt'),
  trans_cmge0: (ctx, a) => i2(ctx, a, 'cmge'),
  trans_cmle0: (ctx, a) => i2(ctx, a, 'cmle0'),
  trans_cmlt0: (ctx, a) => i2(ctx, a, 'cmlt0'),
  trans_cnt: (ctx, a) => i2(ctx, a, 'cnt', 0, 0b0001),
  trans_rbit: (ctx, a) => gen2(ctx, { ...a, size: 0 }, 'rbit'),
  trans_clz: (ctx, a) => gen2(ctx, a, 'clz', 0, 0b0111),
  trans_cls: (ctx, a) => gen2(ctx, a, 'cls', 0, 0b0111),
  trans_not: (ctx, a) => genNot(ctx, a),
  trans_rev64: (ctx, a) => genRevInline(ctx, a, 3),
  trans_rev32: (ctx, a) => genRevInline(ctx, a, 2),
  trans_rev16: (ctx, a) => genRevInline(ctx, a, 1),
  trans_uaddlp: (ctx, a) => genPairLong(ctx, a, 'add', false),
  trans_saddlp: (ctx, a) => genPairLong(ctx, a, 'add', true),
  trans_uadalp: (ctx, a) => genPairLong(ctx, a, 'add3', false),
  trans_sadalp: (ctx, a) => genPairLong(ctx, a, 'add3', true),
  trans_xtn: (ctx, a) => genXtnInline(ctx, a),
  trans_sqxtn: (ctx, a) => genXtn(ctx, a, 1),
  trans_uqxtn: (ctx, a) => genXtn(ctx, a, 2),
  trans_sqxtun: (ctx, a) => genXtn(ctx, a, 3),
  trans_shll: (ctx, a) => genShllInline(ctx, a),

  // across lanes
  trans_addv: (ctx, a) => genAcrossInline(ctx, a, 'addv') ?? genAcross(ctx, a, 'addv'),
  trans_saddlv: (ctx, a) => genAcross(ctx, a, 'saddlv'),
  trans_uaddlv: (ctx, a) => genAcross(ctx, a, 'uaddlv'),
  trans_smaxv: (ctx, a) => genAcrossInline(ctx, a, 'smaxv') ?? genAcross(ctx, a, 'smaxv'),
  trans_umaxv: (ctx, a) => genAcrossInline(ctx, a, 'umaxv') ?? genAcross(ctx, a, 'umaxv'),
  trans_sminv: (ctx, a) => genAcrossInline(ctx, a, 'sminv') ?? genAcross(ctx, a, 'sminv'),
  trans_uminv: (ctx, a) => genAcrossInline(ctx, a, 'uminv') ?? genAcross(ctx, a, 'uminv'),

  // copy, permute, extract, table lookup, immediates
  trans_dup_elem: (ctx, a) => genDupElem(ctx, a),
  trans_dup_gen: (ctx, a) => genDupGen(ctx, a),
  trans_dup_scalar: (ctx, a) => genDupScalar(ctx, a),
  trans_ins_gen: (ctx, a) => genInsGen(ctx, a),
  trans_ins_elem: (ctx, a) => genInsElem(ctx, a),
  trans_umov: (ctx, a) => genMovToGen(ctx, a, false),
  trans_smov: (ctx, a) => genMovToGen(ctx, a, true),
  trans_uzp1: (ctx, a) => genPermInline(ctx, a, 'uzp1'),
  trans_uzp2: (ctx, a) => genPermInline(ctx, a, 'uzp2'),
  trans_zip1: (ctx, a) => genPermInline(ctx, a, 'zip1'),
  trans_zip2: (ctx, a) => genPermInline(ctx, a, 'zip2'),
  trans_trn1: (ctx, a) => genPermInline(ctx, a, 'trn1'),
  trans_trn2: (ctx, a) => genPermInline(ctx, a, 'trn2'),
  trans_ext: (ctx, a) => genExtInline(ctx, a),
  trans_tbl: (ctx, a) => genTblInline(ctx, a, false) ?? genTbl(ctx, a, false),
  trans_tbx: (ctx, a) => genTblInline(ctx, a, true) ?? genTbl(ctx, a, true),
  trans_movi: (ctx, a) => genMovi(ctx, a),

  // shifts by immediate
  trans_sshr: (ctx, a) => sr(ctx, a, 'sshr', 'sshl'),
  trans_ushr: (ctx, a) => sr(ctx, a, 'ushr', 'ushl'),
  trans_srshr: (ctx, a) => genShiftRight(ctx, a, 'srshl'),
  trans_urshr: (ctx, a) => genShiftRight(ctx, a, 'urshl'),
  trans_ssra: (ctx, a) => sr(ctx, a, 'ssra', 'ssra'),
  trans_usra: (ctx, a) => sr(ctx, a, 'usra', 'usra'),
  trans_srsra: (ctx, a) => genShiftRight(ctx, a, 'srsra'),
  trans_ursra: (ctx, a) => genShiftRight(ctx, a, 'ursra'),
  trans_sri: (ctx, a) => sr(ctx, a, 'sri', 'sri', true),
  trans_shl: (ctx, a) => genShiftLeftInline(ctx, a, 'shl') ?? genShiftLeft(ctx, a, 'ushl'),
  trans_sli: (ctx, a) => genShiftLeftInline(ctx, a, 'sli') ?? genShiftLeft(ctx, a, 'sli'),
  trans_sqshl_i: (ctx, a) => genShiftLeft(ctx, a, 'sqshl', true),
  trans_uqshl_i: (ctx, a) => genShiftLeft(ctx, a, 'uqshl', true),
  trans_sqshlu: (ctx, a) => genShiftLeft(ctx, a, 'sqshlu', true),
  trans_shrn: (ctx, a) => !a.scalar && genShrnInline(ctx, a),
  trans_rshrn: (ctx, a) => !a.scalar && genShiftNarrow(ctx, a, 0, false, true),
  trans_sqshrn: (ctx, a) => genShiftNarrow(ctx, a, 1, true, false),
  trans_sqrshrn: (ctx, a) => genShiftNarrow(ctx, a, 1, true, true),
  trans_uqshrn: (ctx, a) => genShiftNarrow(ctx, a, 2, false, false),
  trans_uqrshrn: (ctx, a) => genShiftNarrow(ctx, a, 2, false, true),
  trans_sqshrun: (ctx, a) => genShiftNarrow(ctx, a, 3, true, false),
  trans_sqrshrun: (ctx, a) => genShiftNarrow(ctx, a, 3, true, true),
  trans_sshll: (ctx, a) => genShiftLongInline(ctx, a, true),
  trans_ushll: (ctx, a) => genShiftLongInline(ctx, a, false),
  trans_scvtf_fx: (ctx, a) => genFpFixed(ctx, a, 'scvtf'),
  trans_ucvtf_fx: (ctx, a) => genFpFixed(ctx, a, 'ucvtf'),
  trans_fcvtzs_fx: (ctx, a) => genFpFixed(ctx, a, 'cvtzs'),
  trans_fcvtzu_fx: (ctx, a) => genFpFixed(ctx, a, 'cvtzu'),

  // by element
  trans_mul_idx: (ctx, a) => genIdx(ctx, a, 'mul'),
  trans_mla_idx: (ctx, a) => genIdx(ctx, a, 'mla'),
  trans_mls_idx: (ctx, a) => genIdx(ctx, a, 'mls'),
  trans_sqdmulh_idx: (ctx, a) => genIdx(ctx, a, 'sqdmulh'),
  trans_sqrdmulh_idx: (ctx, a) => genIdx(ctx, a, 'sqrdmulh'),
  trans_umull_idx: (ctx, a) => genIdxLong(ctx, a, 'mul', false),
  trans_smull_idx: (ctx, a) => genIdxLong(ctx, a, 'mul', true),
  trans_umlal_idx: (ctx, a) => genIdxLong(ctx, a, 'mla', false),
  trans_smlal_idx: (ctx, a) => genIdxLong(ctx, a, 'mla', true),
  trans_umlsl_idx: (ctx, a) => genIdxLong(ctx, a, 'mls', false),
  trans_smlsl_idx: (ctx, a) => genIdxLong(ctx, a, 'mls', true),
  trans_sqdmull_idx: (ctx, a) => genIdxLong(ctx, a, 'sqdmull', true),
  trans_sqdmlal_idx: (ctx, a) => genIdxLong(ctx, a, 'sqdmlal', true),
  trans_sqdmlsl_idx: (ctx, a) => genIdxLong(ctx, a, 'sqdmlsl', true),
  trans_fmla_idx: (ctx, a) => fIdx(ctx, a, 'fmla'),
  trans_fmls_idx: (ctx, a) => fIdx(ctx, a, 'fmls'),
  trans_fmul_idx: (ctx, a) => fIdx(ctx, a, 'mul'),
  trans_fmulx_idx: (ctx, a) => genFpIdx(ctx, a, 'mulx'),

  // floating point: three same
  trans_fadd: (ctx, a) => f3(ctx, a, 'add'),
  trans_fsub: (ctx, a) => f3(ctx, a, 'sub'),
  trans_fmul: (ctx, a) => f3(ctx, a, 'mul'),
  trans_fdiv: (ctx, a) => f3(ctx, a, 'div'),
  trans_fmax: (ctx, a) => f3(ctx, a, 'max'),
  trans_fmin: (ctx, a) => f3(ctx, a, 'min'),
  trans_fmaxnm: (ctx, a) => f3(ctx, a, 'maxnm'),
  trans_fminnm: (ctx, a) => f3(ctx, a, 'minnm'),
  trans_fmulx: (ctx, a) => genFp3(ctx, a, 'mulx'),
  trans_fabd: (ctx, a) => genFp3(ctx, a, 'abd'),
  trans_frecps: (ctx, a) => genFp3(ctx, a, 'recps'),
  trans_frsqrts: (ctx, a) => genFp3(ctx, a, 'rsqrts'),
  trans_fmla: (ctx, a) => f3(ctx, a, 'fmla'),
  trans_fmls: (ctx, a) => f3(ctx, a, 'fmls'),
  trans_fcmeq: (ctx, a) => f3(ctx, a, 'eq'),
  trans_fcmge: (ctx, a) => f3(ctx, a, 'ge'),
  trans_fcmgt: (ctx, a) => f3(ctx, a, 'gt'),
  trans_facge: (ctx, a) => genFp3(ctx, a, 'absge'),
  trans_facgt: (ctx, a) => genFp3(ctx, a, 'absgt'),
  trans_faddp: (ctx, a) => genFp3(ctx, a, 'add', true),
  trans_fmaxp: (ctx, a) => genFp3(ctx, a, 'max', true),
  trans_fminp: (ctx, a) => genFp3(ctx, a, 'min', true),
  trans_fmaxnmp: (ctx, a) => genFp3(ctx, a, 'maxnm', true),
  trans_fminnmp: (ctx, a) => genFp3(ctx, a, 'minnm', true),
  trans_faddp_s: (ctx, a) => genFpPairScalar(ctx, a, 'add'),
  trans_fmaxp_s: (ctx, a) => genFpPairScalar(ctx, a, 'max'),
  trans_fminp_s: (ctx, a) => genFpPairScalar(ctx, a, 'min'),
  trans_fmaxnmp_s: (ctx, a) => genFpPairScalar(ctx, a, 'maxnm'),
  trans_fminnmp_s: (ctx, a) => genFpPairScalar(ctx, a, 'minnm'),

  // floating point: one operand
  trans_fabs: (ctx, a) => (a.scalar ? genFp2(ctx, a, 'abs') : genFpSignInline(ctx, a, 'abs')),
  trans_fneg: (ctx, a) => (a.scalar ? genFp2(ctx, a, 'neg') : genFpSignInline(ctx, a, 'neg')),
  trans_fsqrt: (ctx, a) => genFp2(ctx, a, 'sqrt'),
  trans_frecpe: (ctx, a) => genFp2(ctx, a, 'recpe'),
  trans_frsqrte: (ctx, a) => genFp2(ctx, a, 'rsqrte'),
  trans_frecpx: (ctx, a) => genFp2(ctx, a, 'recpx'),
  trans_frintn: (ctx, a) => genFp2(ctx, a, 'frintn'),
  trans_frinta: (ctx, a) => genFp2(ctx, a, 'frinta'),
  trans_frintp: (ctx, a) => genFp2(ctx, a, 'frintp'),
  trans_frintm: (ctx, a) => genFp2(ctx, a, 'frintm'),
  trans_frintz: (ctx, a) => genFp2(ctx, a, 'frintz'),
  trans_frintx: (ctx, a) => genFp2(ctx, a, 'frintx'),
  trans_frinti: (ctx, a) => genFp2(ctx, a, 'frinti'),
  trans_fcmeq0: (ctx, a) => genFp2(ctx, a, 'eq0'),
  trans_fcmge0: (ctx, a) => genFp2(ctx, a, 'ge0'),
  trans_fcmgt0: (ctx, a) => genFp2(ctx, a, 'gt0'),
  trans_fcmle0: (ctx, a) => genFp2(ctx, a, 'le0'),
  trans_fcmlt0: (ctx, a) => genFp2(ctx, a, 'lt0'),
  trans_fcvtns: (ctx, a) => genFp2(ctx, a, 'cvtns'),
  trans_fcvtnu: (ctx, a) => genFp2(ctx, a, 'cvtnu'),
  trans_fcvtps: (ctx, a) => genFp2(ctx, a, 'cvtps'),
  trans_fcvtpu: (ctx, a) => genFp2(ctx, a, 'cvtpu'),
  trans_fcvtms: (ctx, a) => genFp2(ctx, a, 'cvtms'),
  trans_fcvtmu: (ctx, a) => genFp2(ctx, a, 'cvtmu'),
  trans_fcvtzs: (ctx, a) => genFp2(ctx, a, 'cvtzs'),
  trans_fcvtzu: (ctx, a) => genFp2(ctx, a, 'cvtzu'),
  trans_fcvtas: (ctx, a) => genFp2(ctx, a, 'cvtas'),
  trans_fcvtau: (ctx, a) => genFp2(ctx, a, 'cvtau'),
  trans_scvtf: (ctx, a) => genFp2(ctx, a, 'scvtf'),
  trans_ucvtf: (ctx, a) => genFp2(ctx, a, 'ucvtf'),
  trans_fcvtl: (ctx, a) => genFpCvtWidth(ctx, a, 'fcvtl'),
  trans_fcvtn: (ctx, a) => genFpCvtWidth(ctx, a, 'fcvtn'),
  trans_fcvtxn: (ctx, a) => genFpCvtWidth(ctx, a, 'fcvtxn'),
  trans_fmaxv: (ctx, a) => genFpAcross(ctx, a, 'maxv'),
  trans_fminv: (ctx, a) => genFpAcross(ctx, a, 'minv'),
  trans_fmaxnmv: (ctx, a) => genFpAcross(ctx, a, 'maxnmv'),
  trans_fminnmv: (ctx, a) => genFpAcross(ctx, a, 'minnmv'),
};
