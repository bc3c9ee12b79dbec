// RV64D handlers: the double-precision twins of rvf.ts, built from its generators;
// fld/fsd and fmv.x.d/fmv.d.x move raw 64-bit patterns inline.

import { MEMOP } from '../../../tcg/opcodes.js';
import { getF, getX, setF, setX, type RiscvTranslators } from '../translate.js';
import {
  genFpArith, genFpBinary, genFpClass, genFpCompare, genFpFused, genFpLoad, genFpStore, genFpToInt, genFpUnary, genIntToFp,
} from './rvf.js';

export const RVD = {
  trans_fld: (ctx, a) => genFpLoad(ctx, a, MEMOP.UQ),
  trans_fsd: (ctx, a) => genFpStore(ctx, a, MEMOP.UQ),
  trans_fmadd_d: (ctx, a) => genFpFused(ctx, 'fmadd_d', a),
  trans_fmsub_d: (ctx, a) => genFpFused(ctx, 'fmsub_d', a),
  trans_fnmsub_d: (ctx, a) => genFpFused(ctx, 'fnmsub_d', a),
  trans_fnmadd_d: (ctx, a) => genFpFused(ctx, 'fnmadd_d', a),
  trans_fadd_d: (ctx, a) => genFpArith(ctx, 'fadd_d', a),
  trans_fsub_d: (ctx, a) => genFpArith(ctx, 'fsub_d', a),
  trans_fmul_d: (ctx, a) => genFpArith(ctx, 'fmul_d', a),
  trans_fdiv_d: (ctx, a) => genFpArith(ctx, 'fdiv_d', a),
  trans_fsqrt_d: (ctx, a) => genFpUnary(ctx, 'fsqrt_d', a),
  trans_fsgnj_d: (ctx, a) => genFpBinary(ctx, 'fsgnj_d', a),
  trans_fsgnjn_d: (ctx, a) => genFpBinary(ctx, 'fsgnjn_d', a),
  trans_fsgnjx_d: (ctx, a) => genFpBinary(ctx, 'fsgnjx_d', a),
  trans_fmin_d: (ctx, a) => genFpBinary(ctx, 'fmin_d', a),
  trans_fmax_d: (ctx, a) => genFpBinary(ctx, 'fmax_d', a),
  trans_fcvt_s_d: (ctx, a) => genFpUnary(ctx, 'fcvt_s_d', a),
  trans_fcvt_d_s: (ctx, a) => genFpUnary(ctx, 'fcvt_d_s', a),
  trans_feq_d: (ctx, a) => genFpCompare(ctx, 'feq_d', a),
  trans_flt_d: (ctx, a) => genFpCompare(ctx, 'flt_d', a),
  trans_fle_d: (ctx, a) => genFpCompare(ctx, 'fle_d', a),
  trans_fclass_d: (ctx, a) => genFpClass(ctx, 'fclass_d', a),
  trans_fcvt_w_d: (ctx, a) => genFpToInt(ctx, 'fcvt_w_d', a),
  trans_fcvt_wu_d: (ctx, a) => genFpToInt(ctx, 'fcvt_wu_d', a),
  trans_fcvt_l_d: (ctx, a) => genFpToInt(ctx, 'fcvt_l_d', a),
  trans_fcvt_lu_d: (ctx, a) => genFpToInt(ctx, 'fcvt_lu_d', a),
  trans_fcvt_d_w: (ctx, a) => genIntToFp(ctx, 'fcvt_d_w', a),
  trans_fcvt_d_wu: (ctx, a) => genIntToFp(ctx, 'fcvt_d_wu', a),
  trans_fcvt_d_l: (ctx, a) => genIntToFp(ctx, 'fcvt_d_l', a),
  trans_fcvt_d_lu: (ctx, a) => genIntToFp(ctx, 'fcvt_d_lu', a),
  trans_fmv_x_d: (ctx, a) => {
    setX(ctx, a.rd, getF(ctx, a.rs1));
    return true;
  },
  trans_fmv_d_x: (ctx, a) => {
    setF(ctx, a.rd, getX(ctx, a.rs1));
    return true;
  },
} satisfies Partial<RiscvTranslators>;
