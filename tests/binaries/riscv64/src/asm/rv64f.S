/*
 * rv64f.S: self-checking test of the F extension (single precision): arithmetic,
 * the fused multiply-add family (single rounding), sqrt, fmin/fmax with NaNs and
 * signed zeros, fsgnj*, fclass of every class, comparisons with NaN (feq quiet,
 * flt/fle signaling), conversions to/from int32/uint32/int64/uint64 with
 * saturation and NV, every rounding mode both static and dynamic (frm), ties and
 * negative ties, and fflags after every operation: NX, UF with tininess detected
 * after rounding, OF, DZ, NV. Also NaN-boxing: an unboxed register reads as the
 * canonical NaN, flw boxes, fmv.x.w sign-extends, fsw/fmv.x.w move raw bits.
 */
#include "test.h"

#define P1    0x3f800000   /* 1.0 */
#define P2    0x40000000   /* 2.0 */
#define P3    0x40400000   /* 3.0 */
#define P4    0x40800000   /* 4.0 */
#define HALF  0x3f000000   /* 0.5 */
#define M1    0xbf800000   /* -1.0 */
#define P1_5  0x3fc00000
#define M1_5  0xbfc00000
#define P2_5  0x40200000
#define M2_5  0xc0200000
#define INF   0x7f800000
#define MINF  0xff800000
#define QNAN  0x7fc00000   /* canonical NaN */
#define SNAN  0x7f800001
#define PZ    0x00000000
#define MZ    0x80000000
#define MAXF  0x7f7fffff
#define MMAXF 0xff7fffff
#define MINN  0x00800000   /* smallest normal 2^-126 */
#define MINS  0x00000001   /* smallest subnormal 2^-149 */
#define EPS24 0x33800000   /* 2^-24: half an ulp of 1.0 */
#define MEPS24 0xb3800000

TEST_BEGIN

    /* ---- arithmetic, RNE ---- */
    TF fadd,            P1, P2, 0, P3, 0,            fadd.s fa0, fa1, fa2
    TF fadd_tie_even,   P1, EPS24, 0, P1, NX,        fadd.s fa0, fa1, fa2
    TF fadd_above_tie,  P1, 0x33800001, 0, 0x3f800001, NX, fadd.s fa0, fa1, fa2
    TF fadd_tie_up,     0x3f800001, EPS24, 0, 0x3f800002, NX, fadd.s fa0, fa1, fa2
    TF fadd_inf_minf,   INF, MINF, 0, QNAN, NV,      fadd.s fa0, fa1, fa2
    TF fadd_qnan_payload, 0x7fc12345, P1, 0, QNAN, 0, fadd.s fa0, fa1, fa2
    TF fadd_snan,       SNAN, P1, 0, QNAN, NV,       fadd.s fa0, fa1, fa2
    TF fadd_overflow,   MAXF, MAXF, 0, INF, OF|NX,   fadd.s fa0, fa1, fa2
    TF fsub_zero_rne,   P1, P1, 0, PZ, 0,            fsub.s fa0, fa1, fa2
    TF fsub_zero_rdn,   P1, P1, 0, MZ, 0,            fsub.s fa0, fa1, fa2, rdn
    TF fsub_mz_mz,      MZ, PZ, 0, MZ, 0,            fsub.s fa0, fa1, fa2
    TF fmul,            P3, HALF, 0, P1_5, 0,        fmul.s fa0, fa1, fa2
    TF fmul_overflow,   MAXF, P2, 0, INF, OF|NX,     fmul.s fa0, fa1, fa2
    TF fmul_exact_subnormal, MINN, HALF, 0, 0x00400000, 0, fmul.s fa0, fa1, fa2
    TF fmul_underflow_zero, MINS, HALF, 0, PZ, UF|NX, fmul.s fa0, fa1, fa2
    TF fmul_zero_inf,   PZ, INF, 0, QNAN, NV,        fmul.s fa0, fa1, fa2
    TF fmul_sign,       M1, PZ, 0, MZ, 0,            fmul.s fa0, fa1, fa2
    TF fdiv_third,      P1, P3, 0, 0x3eaaaaab, NX,   fdiv.s fa0, fa1, fa2
    TF fdiv_by_zero,    P1, PZ, 0, INF, DZ,          fdiv.s fa0, fa1, fa2
    TF fdiv_neg_by_zero, M1, PZ, 0, MINF, DZ,        fdiv.s fa0, fa1, fa2
    TF fdiv_by_mzero,   P1, MZ, 0, MINF, DZ,         fdiv.s fa0, fa1, fa2
    TF fdiv_zero_zero,  PZ, PZ, 0, QNAN, NV,         fdiv.s fa0, fa1, fa2
    TF fdiv_inf_inf,    INF, MINF, 0, QNAN, NV,      fdiv.s fa0, fa1, fa2
    TF fdiv_inf_by_zero, INF, PZ, 0, INF, 0,         fdiv.s fa0, fa1, fa2
    TF fsqrt_exact,     P4, 0, 0, P2, 0,             fsqrt.s fa0, fa1
    TF fsqrt_2,         P2, 0, 0, 0x3fb504f3, NX,    fsqrt.s fa0, fa1
    TF fsqrt_neg,       M1, 0, 0, QNAN, NV,          fsqrt.s fa0, fa1
    TF fsqrt_mzero,     MZ, 0, 0, MZ, 0,             fsqrt.s fa0, fa1
    TF fsqrt_inf,       INF, 0, 0, INF, 0,           fsqrt.s fa0, fa1
    TF fsqrt_minf,      MINF, 0, 0, QNAN, NV,        fsqrt.s fa0, fa1

    /* ---- tininess is detected after rounding ----
     * 2^-126 - 2^-152 rounds to 2^-126 even with an unbounded exponent: not tiny, NX only.
     * 2^-126 - 2^-150 is exactly representable with an unbounded exponent, so it is
     * tiny; it rounds (tie to even) to the smallest normal: UF|NX with a normal result. */
    TF fmadd_rounds_to_minnormal_no_uf, MINS, 0xbe000000, MINN, MINN, NX, fmadd.s fa0, fa1, fa2, fa3
    TF fmadd_rounds_to_minnormal_uf,    MINS, 0xbf000000, MINN, MINN, UF|NX, fmadd.s fa0, fa1, fa2, fa3
    TF fmul_tiny_inexact, 0x00800001, HALF, 0, 0x00400000, UF|NX, fmul.s fa0, fa1, fa2
    TF fmul_to_subnormal_exact, 0x00800002, HALF, 0, 0x00400001, 0, fmul.s fa0, fa1, fa2

    /* ---- fused multiply-add family: 2*3 +/- 1 ---- */
    TF fmadd,           P2, P3, P1, 0x40e00000, 0,   fmadd.s fa0, fa1, fa2, fa3
    TF fmsub,           P2, P3, P1, 0x40a00000, 0,   fmsub.s fa0, fa1, fa2, fa3
    TF fnmsub,          P2, P3, P1, 0xc0a00000, 0,   fnmsub.s fa0, fa1, fa2, fa3
    TF fnmadd,          P2, P3, P1, 0xc0e00000, 0,   fnmadd.s fa0, fa1, fa2, fa3
    /* (1+2^-12)(1-2^-12) - 1 = -2^-24 exactly: only a fused operation gets this */
    TF fmadd_single_rounding, 0x3f800800, 0x3f7ff000, M1, MEPS24, 0, fmadd.s fa0, fa1, fa2, fa3
    TF fmadd_inf_zero_qnan, INF, PZ, QNAN, QNAN, NV, fmadd.s fa0, fa1, fa2, fa3
    TF fmadd_inf_minus_inf, INF, P1, MINF, QNAN, NV, fmadd.s fa0, fa1, fa2, fa3
    TF fmadd_snan_addend, P1, P1, SNAN, QNAN, NV,    fmadd.s fa0, fa1, fa2, fa3
    TF fmadd_qnan_addend, P1, P1, 0x7fc00001, QNAN, 0, fmadd.s fa0, fa1, fa2, fa3
    TF fnmadd_zero_sign, PZ, P1, PZ, MZ, 0,          fnmadd.s fa0, fa1, fa2, fa3
    TF fmsub_zero_rne,  P1, P1, P1, PZ, 0,           fmsub.s fa0, fa1, fa2, fa3
    TF fmsub_zero_rdn,  P1, P1, P1, MZ, 0,           fmsub.s fa0, fa1, fa2, fa3, rdn

    /* ---- min / max ---- */
    TF fmin,            P1, P2, 0, P1, 0,            fmin.s fa0, fa1, fa2
    TF fmax,            P1, P2, 0, P2, 0,            fmax.s fa0, fa1, fa2
    TF fmin_mz_pz,      PZ, MZ, 0, MZ, 0,            fmin.s fa0, fa1, fa2
    TF fmin_pz_mz,      MZ, PZ, 0, MZ, 0,            fmin.s fa0, fa1, fa2
    TF fmax_mz_pz,      MZ, PZ, 0, PZ, 0,            fmax.s fa0, fa1, fa2
    TF fmax_pz_mz,      PZ, MZ, 0, PZ, 0,            fmax.s fa0, fa1, fa2
    TF fmin_qnan_num,   QNAN, P1, 0, P1, 0,          fmin.s fa0, fa1, fa2
    TF fmin_num_qnan,   M1, 0x7fc00001, 0, M1, 0,    fmin.s fa0, fa1, fa2
    TF fmax_snan_num,   SNAN, P1, 0, P1, NV,         fmax.s fa0, fa1, fa2
    TF fmin_qnan_qnan,  0x7fc00001, 0xffc00002, 0, QNAN, 0, fmin.s fa0, fa1, fa2
    TF fmax_snan_snan,  SNAN, SNAN, 0, QNAN, NV,     fmax.s fa0, fa1, fa2
    TF fmax_minf_qnan,  MINF, QNAN, 0, MINF, 0,      fmax.s fa0, fa1, fa2

    /* ---- sign injection: raw bits, no NaN canonicalisation, no flags ---- */
    TF fsgnj,           P1, 0xc0000000, 0, M1, 0,    fsgnj.s fa0, fa1, fa2
    TF fsgnj_pos,       M1, P2, 0, P1, 0,            fsgnj.s fa0, fa1, fa2
    TF fsgnjn,          P1, 0xc0000000, 0, P1, 0,    fsgnjn.s fa0, fa1, fa2
    TF fsgnjn_neg,      P1, P2, 0, M1, 0,            fsgnjn.s fa0, fa1, fa2
    TF fsgnjx_nn,       M1, 0xc0000000, 0, P1, 0,    fsgnjx.s fa0, fa1, fa2
    TF fsgnjx_np,       M1, P2, 0, M1, 0,            fsgnjx.s fa0, fa1, fa2
    TF fabs_mz,         MZ, 0, 0, PZ, 0,             fabs.s fa0, fa1
    TF fneg_pz,         PZ, 0, 0, MZ, 0,             fneg.s fa0, fa1
    TF fsgnj_nan_raw,   0x7fc00001, M1, 0, 0xffc00001, 0, fsgnj.s fa0, fa1, fa2
    TF fsgnj_snan_quiet, SNAN, P1, 0, SNAN, 0,       fsgnj.s fa0, fa1, fa2
    TF fmv_s,           0x12345678, 0, 0, 0x12345678, 0, fmv.s fa0, fa1

    /* ---- fclass: one bit per class ---- */
    TFX fclass_minf,    MINF, 0, 0, 0x001, 0,        fclass.s a0, fa1
    TFX fclass_mnormal, M1, 0, 0, 0x002, 0,          fclass.s a0, fa1
    TFX fclass_msub,    0x80000001, 0, 0, 0x004, 0,  fclass.s a0, fa1
    TFX fclass_mzero,   MZ, 0, 0, 0x008, 0,          fclass.s a0, fa1
    TFX fclass_pzero,   PZ, 0, 0, 0x010, 0,          fclass.s a0, fa1
    TFX fclass_psub,    0x007fffff, 0, 0, 0x020, 0,  fclass.s a0, fa1
    TFX fclass_pnormal, MINN, 0, 0, 0x040, 0,        fclass.s a0, fa1
    TFX fclass_pinf,    INF, 0, 0, 0x080, 0,         fclass.s a0, fa1
    TFX fclass_snan,    SNAN, 0, 0, 0x100, 0,        fclass.s a0, fa1
    TFX fclass_qnan,    QNAN, 0, 0, 0x200, 0,        fclass.s a0, fa1
    TFX fclass_mqnan,   0xffc00000, 0, 0, 0x200, 0,  fclass.s a0, fa1

    /* ---- comparisons: feq is quiet, flt/fle signal on any NaN ---- */
    TFX feq_equal,      P1, P1, 0, 1, 0,             feq.s a0, fa1, fa2
    TFX feq_zeros,      MZ, PZ, 0, 1, 0,             feq.s a0, fa1, fa2
    TFX feq_qnan,       QNAN, P1, 0, 0, 0,           feq.s a0, fa1, fa2
    TFX feq_qnan_self,  QNAN, QNAN, 0, 0, 0,         feq.s a0, fa1, fa2
    TFX feq_snan,       SNAN, P1, 0, 0, NV,          feq.s a0, fa1, fa2
    TFX flt_true,       M1, P1, 0, 1, 0,             flt.s a0, fa1, fa2
    TFX flt_false,      P1, P1, 0, 0, 0,             flt.s a0, fa1, fa2
    TFX flt_zeros,      MZ, PZ, 0, 0, 0,             flt.s a0, fa1, fa2
    TFX flt_inf,        MINF, INF, 0, 1, 0,          flt.s a0, fa1, fa2
    TFX flt_qnan,       QNAN, P1, 0, 0, NV,          flt.s a0, fa1, fa2
    TFX fle_true,       P1, P1, 0, 1, 0,             fle.s a0, fa1, fa2
    TFX fle_zeros,      MZ, PZ, 0, 1, 0,             fle.s a0, fa1, fa2
    TFX fle_false,      P2, P1, 0, 0, 0,             fle.s a0, fa1, fa2
    TFX fle_qnan,       P1, QNAN, 0, 0, NV,          fle.s a0, fa1, fa2

    /* ---- float -> int32 with every static rounding mode ---- */
    TFX fcvt_w_rne_1_5,  P1_5, 0, 0, 2, NX,          fcvt.w.s a0, fa1, rne
    TFX fcvt_w_rne_2_5,  P2_5, 0, 0, 2, NX,          fcvt.w.s a0, fa1, rne
    TFX fcvt_w_rne_m2_5, M2_5, 0, 0, -2, NX,         fcvt.w.s a0, fa1, rne
    TFX fcvt_w_rmm_2_5,  P2_5, 0, 0, 3, NX,          fcvt.w.s a0, fa1, rmm
    TFX fcvt_w_rmm_m2_5, M2_5, 0, 0, -3, NX,         fcvt.w.s a0, fa1, rmm
    TFX fcvt_w_rtz_2_5,  P2_5, 0, 0, 2, NX,          fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_rtz_m2_5, M2_5, 0, 0, -2, NX,         fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_rdn_2_5,  P2_5, 0, 0, 2, NX,          fcvt.w.s a0, fa1, rdn
    TFX fcvt_w_rdn_m2_5, M2_5, 0, 0, -3, NX,         fcvt.w.s a0, fa1, rdn
    TFX fcvt_w_rup_2_5,  P2_5, 0, 0, 3, NX,          fcvt.w.s a0, fa1, rup
    TFX fcvt_w_rup_m2_5, M2_5, 0, 0, -2, NX,         fcvt.w.s a0, fa1, rup
    TFX fcvt_w_exact,    0xc1200000, 0, 0, -10, 0,   fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_min,      0xcf000000, 0, 0, 0xffffffff80000000, 0, fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_big,      0x4f32d05e, 0, 0, 0x7fffffff, NV, fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_mbig,     0xcf32d05e, 0, 0, 0xffffffff80000000, NV, fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_inf,      INF, 0, 0, 0x7fffffff, NV,  fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_minf,     MINF, 0, 0, 0xffffffff80000000, NV, fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_nan,      QNAN, 0, 0, 0x7fffffff, NV, fcvt.w.s a0, fa1, rtz
    TFX fcvt_w_mnan,     0xffc00000, 0, 0, 0x7fffffff, NV, fcvt.w.s a0, fa1, rtz
    TFX fcvt_wu_4e9_sext, 0x4f6e6b28, 0, 0, 0xffffffffee6b2800, 0, fcvt.wu.s a0, fa1, rtz
    TFX fcvt_wu_big,     0x4f9502f9, 0, 0, 0xffffffffffffffff, NV, fcvt.wu.s a0, fa1, rtz
    TFX fcvt_wu_neg,     M1, 0, 0, 0, NV,            fcvt.wu.s a0, fa1, rtz
    TFX fcvt_wu_mhalf,   0xbf000000, 0, 0, 0, NX,    fcvt.wu.s a0, fa1, rtz
    TFX fcvt_wu_nan,     QNAN, 0, 0, 0xffffffffffffffff, NV, fcvt.wu.s a0, fa1, rtz
    TFX fcvt_wu_minf,    MINF, 0, 0, 0, NV,          fcvt.wu.s a0, fa1, rtz
    /* float -> int64 / uint64 */
    TFX fcvt_l_2_62,     0x5e800000, 0, 0, 0x4000000000000000, 0, fcvt.l.s a0, fa1, rtz
    TFX fcvt_l_big,      0x5f0ac723, 0, 0, 0x7fffffffffffffff, NV, fcvt.l.s a0, fa1, rtz
    TFX fcvt_l_mbig,     0xdf0ac723, 0, 0, 0x8000000000000000, NV, fcvt.l.s a0, fa1, rtz
    TFX fcvt_l_min,      0xdf000000, 0, 0, 0x8000000000000000, 0, fcvt.l.s a0, fa1, rtz
    TFX fcvt_l_nan,      QNAN, 0, 0, 0x7fffffffffffffff, NV, fcvt.l.s a0, fa1, rtz
    TFX fcvt_l_rup,      0xc0200000, 0, 0, -2, NX,   fcvt.l.s a0, fa1, rup
    TFX fcvt_lu_2_63,    0x5f000000, 0, 0, 0x8000000000000000, 0, fcvt.lu.s a0, fa1, rtz
    TFX fcvt_lu_1_8e19,  0x5f79ccd9, 0, 0, 0xf9ccd90000000000, 0, fcvt.lu.s a0, fa1, rtz
    TFX fcvt_lu_big,     0x5f8ac723, 0, 0, 0xffffffffffffffff, NV, fcvt.lu.s a0, fa1, rtz
    TFX fcvt_lu_neg,     M1, 0, 0, 0, NV,            fcvt.lu.s a0, fa1, rtz
    TFX fcvt_lu_nan,     QNAN, 0, 0, 0xffffffffffffffff, NV, fcvt.lu.s a0, fa1, rtz
    TFX fcvt_lu_inf,     INF, 0, 0, 0xffffffffffffffff, NV, fcvt.lu.s a0, fa1, rtz

    /* ---- int -> float (int32 sources use only the low 32 bits) ---- */
    TF fcvt_s_w_neg1,    0x00000000ffffffff, 0, 0, M1, 0, fcvt.s.w fa0, a1
    TF fcvt_s_w_round,   0x01000001, 0, 0, 0x4b800000, NX, fcvt.s.w fa0, a1
    TF fcvt_s_w_rup,     0x01000001, 0, 0, 0x4b800001, NX, fcvt.s.w fa0, a1, rup
    TF fcvt_s_w_tie_even, 0x01000003, 0, 0, 0x4b800002, NX, fcvt.s.w fa0, a1
    TF fcvt_s_w_min,     0x80000000, 0, 0, 0xcf000000, 0, fcvt.s.w fa0, a1
    TF fcvt_s_wu_max,    0xffffffff, 0, 0, 0x4f800000, NX, fcvt.s.wu fa0, a1
    TF fcvt_s_wu_max_rtz, 0xffffffff, 0, 0, 0x4f7fffff, NX, fcvt.s.wu fa0, a1, rtz
    TF fcvt_s_wu_hi_ignored, 0xffffffff00000003, 0, 0, P3, 0, fcvt.s.wu fa0, a1
    TF fcvt_s_l_neg1,    -1, 0, 0, M1, 0,            fcvt.s.l fa0, a1
    TF fcvt_s_l_min,     0x8000000000000000, 0, 0, 0xdf000000, 0, fcvt.s.l fa0, a1
    TF fcvt_s_lu_max,    0xffffffffffffffff, 0, 0, 0x5f800000, NX, fcvt.s.lu fa0, a1
    TF fcvt_s_lu_max_rdn, 0xffffffffffffffff, 0, 0, 0x5f7fffff, NX, fcvt.s.lu fa0, a1, rdn
    TF fcvt_s_l_zero,    0, 0, 0, PZ, 0,             fcvt.s.l fa0, a1

    /* ---- static rounding modes on arithmetic ---- */
    TF fdiv_third_rne,   P1, P3, 0, 0x3eaaaaab, NX,  fdiv.s fa0, fa1, fa2, rne
    TF fdiv_third_rtz,   P1, P3, 0, 0x3eaaaaaa, NX,  fdiv.s fa0, fa1, fa2, rtz
    TF fdiv_third_rdn,   P1, P3, 0, 0x3eaaaaaa, NX,  fdiv.s fa0, fa1, fa2, rdn
    TF fdiv_third_rup,   P1, P3, 0, 0x3eaaaaab, NX,  fdiv.s fa0, fa1, fa2, rup
    TF fdiv_third_rmm,   P1, P3, 0, 0x3eaaaaab, NX,  fdiv.s fa0, fa1, fa2, rmm
    TF fdiv_mthird_rne,  M1, P3, 0, 0xbeaaaaab, NX,  fdiv.s fa0, fa1, fa2, rne
    TF fdiv_mthird_rtz,  M1, P3, 0, 0xbeaaaaaa, NX,  fdiv.s fa0, fa1, fa2, rtz
    TF fdiv_mthird_rdn,  M1, P3, 0, 0xbeaaaaab, NX,  fdiv.s fa0, fa1, fa2, rdn
    TF fdiv_mthird_rup,  M1, P3, 0, 0xbeaaaaaa, NX,  fdiv.s fa0, fa1, fa2, rup
    TF fadd_tie_rne,     P1, EPS24, 0, P1, NX,       fadd.s fa0, fa1, fa2, rne
    TF fadd_tie_rmm,     P1, EPS24, 0, 0x3f800001, NX, fadd.s fa0, fa1, fa2, rmm
    TF fadd_tie_rtz,     P1, EPS24, 0, P1, NX,       fadd.s fa0, fa1, fa2, rtz
    TF fadd_tie_rup,     P1, EPS24, 0, 0x3f800001, NX, fadd.s fa0, fa1, fa2, rup
    TF fadd_tie_rdn,     P1, EPS24, 0, P1, NX,       fadd.s fa0, fa1, fa2, rdn
    TF fadd_mtie_rne,    M1, MEPS24, 0, M1, NX,      fadd.s fa0, fa1, fa2, rne
    TF fadd_mtie_rmm,    M1, MEPS24, 0, 0xbf800001, NX, fadd.s fa0, fa1, fa2, rmm
    TF fadd_mtie_rdn,    M1, MEPS24, 0, 0xbf800001, NX, fadd.s fa0, fa1, fa2, rdn
    TF fadd_mtie_rup,    M1, MEPS24, 0, M1, NX,      fadd.s fa0, fa1, fa2, rup
    TF fmul_ovf_rtz,     MAXF, P2, 0, MAXF, OF|NX,   fmul.s fa0, fa1, fa2, rtz
    TF fmul_ovf_rdn,     MAXF, P2, 0, MAXF, OF|NX,   fmul.s fa0, fa1, fa2, rdn
    TF fmul_ovf_rup,     MAXF, P2, 0, INF, OF|NX,    fmul.s fa0, fa1, fa2, rup
    TF fmul_movf_rdn,    MMAXF, P2, 0, MINF, OF|NX,  fmul.s fa0, fa1, fa2, rdn
    TF fmul_movf_rup,    MMAXF, P2, 0, MMAXF, OF|NX, fmul.s fa0, fa1, fa2, rup
    TF fmul_unf_rup,     MINS, HALF, 0, MINS, UF|NX, fmul.s fa0, fa1, fa2, rup

    /* ---- dynamic rounding mode from frm (static rm = dyn) ---- */
    fsrmi   1   /* RTZ */
    TF dyn_rtz_third,    P1, P3, 0, 0x3eaaaaaa, NX,  fdiv.s fa0, fa1, fa2
    TFX dyn_rtz_fcvt_w,  M2_5, 0, 0, -2, NX,         fcvt.w.s a0, fa1
    fsrmi   2   /* RDN */
    TF dyn_rdn_mthird,   M1, P3, 0, 0xbeaaaaab, NX,  fdiv.s fa0, fa1, fa2
    TF dyn_rdn_zero_sign, P1, P1, 0, MZ, 0,          fsub.s fa0, fa1, fa2
    TFX dyn_rdn_fcvt_w,  M2_5, 0, 0, -3, NX,         fcvt.w.s a0, fa1
    fsrmi   3   /* RUP */
    TF dyn_rup_tie,      P1, EPS24, 0, 0x3f800001, NX, fadd.s fa0, fa1, fa2
    TFX dyn_rup_fcvt_w,  0x3f800001, 0, 0, 2, NX,    fcvt.w.s a0, fa1
    /* a static rounding mode overrides frm */
    TF static_overrides_frm, P1, P3, 0, 0x3eaaaaaa, NX, fdiv.s fa0, fa1, fa2, rtz
    fsrmi   4   /* RMM */
    TF dyn_rmm_mtie,     M1, MEPS24, 0, 0xbf800001, NX, fadd.s fa0, fa1, fa2
    TFX dyn_rmm_fcvt_w,  P2_5, 0, 0, 3, NX,          fcvt.w.s a0, fa1
    TF dyn_rmm_fmadd_tie, P1, P1, EPS24, 0x3f800001, NX, fmadd.s fa0, fa1, fa2, fa3
    fsrmi   0   /* RNE */
    TF dyn_rne_tie,      P1, EPS24, 0, P1, NX,       fadd.s fa0, fa1, fa2
    TFX dyn_rne_fcvt_w,  P2_5, 0, 0, 2, NX,          fcvt.w.s a0, fa1

    /* ---- fflags are sticky: flags accumulate until cleared ---- */
    FP_SETUP_S P1, P3, PZ
    fdiv.s  fa0, fa1, fa2          /* NX */
    fdiv.s  fa0, fa1, fa3          /* DZ */
    frflags a0
    CHECK   fflags_accumulate, NX|DZ
    fsflags a0, x0                 /* returns the old value, clears */
    CHECK   fsflags_returns_old, NX|DZ
    frflags a0
    CHECK   fsflags_cleared, 0

    /* ---- NaN boxing ---- */
    li      t0, 0x0000000040000000       /* not a boxed single: upper 32 bits are not all ones */
    fmv.d.x fa1, t0
    fsflags x0
    fadd.s  fa0, fa1, fa1
    frflags s1
    fmv.x.w a0, fa0
    CHECK   unboxed_reads_as_canonical_nan, 0x7fc00000
    mv      a0, s1
    CHECK   unboxed_no_flags, 0
    fmv.x.d a0, fa0
    CHECK   single_result_is_boxed, 0xffffffff7fc00000
    fsgnj.s fa0, fa1, fa1
    fmv.x.d a0, fa0
    CHECK   fsgnj_unboxed_canonical, 0xffffffff7fc00000
    fmv.x.w a0, fa1
    CHECK   fmv_x_w_unboxed_raw_bits, 0x40000000
    lla     s2, fbuf
    fsw     fa1, 0(s2)
    lwu     a0, 0(s2)
    CHECK   fsw_unboxed_raw_bits, 0x40000000
    li      t0, 0x3f800000
    sw      t0, 0(s2)
    flw     fa0, 0(s2)
    fmv.x.d a0, fa0
    CHECK   flw_boxes, 0xffffffff3f800000
    li      t0, 0x80000000
    fmv.w.x fa0, t0
    fmv.x.w a0, fa0
    CHECK   fmv_x_w_sign_extends, 0xffffffff80000000
    fmv.x.d a0, fa0
    CHECK   fmv_w_x_boxes, 0xffffffff80000000
    li      t0, 0xffffffff00000000 | 0x3f800000
    fmv.d.x fa1, t0                       /* a correctly boxed 1.0 */
    fadd.s  fa0, fa1, fa1
    fmv.x.w a0, fa0
    CHECK   boxed_value_used, 0x40000000
    flw     fa0, 0(s2)
    fsw     fa0, 4(s2)
    lwu     a0, 4(s2)
    CHECK   flw_fsw_roundtrip, 0x3f800000

    TEST_END rv64f

    .data
    .balign 8
fbuf: .dword 0, 0
