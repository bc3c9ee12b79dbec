/*
 * rv64d.S: self-checking test of the D extension (double precision): arithmetic,
 * fused multiply-add (single rounding), sqrt, fmin/fmax with NaNs and signed zeros,
 * fsgnj*, fclass, comparisons with NaN, conversions to/from int32/uint32/int64/
 * uint64 with saturation and NV, fcvt.s.d / fcvt.d.s (rounding, overflow,
 * underflow, NaNs), static and dynamic rounding modes, fflags (tininess after
 * rounding), fld/fsd, and single-precision ops reading a non-boxed double register.
 */
#include "test.h"

#define P1    0x3ff0000000000000
#define P2    0x4000000000000000
#define P3    0x4008000000000000
#define P4    0x4010000000000000
#define HALF  0x3fe0000000000000
#define M1    0xbff0000000000000
#define P1_5  0x3ff8000000000000
#define P2_5  0x4004000000000000
#define M2_5  0xc004000000000000
#define INF   0x7ff0000000000000
#define MINF  0xfff0000000000000
#define QNAN  0x7ff8000000000000   /* canonical NaN */
#define SNAN  0x7ff0000000000001
#define PZ    0
#define MZ    0x8000000000000000
#define MAXD  0x7fefffffffffffff
#define MMAXD 0xffefffffffffffff
#define MINN  0x0010000000000000   /* 2^-1022 */
#define MINS  0x0000000000000001   /* 2^-1074 */
#define EPS53 0x3ca0000000000000   /* 2^-53 */
#define MEPS53 0xbca0000000000000

TEST_BEGIN

    /* ---- arithmetic, RNE ---- */
    TD fadd,            P1, P2, 0, P3, 0,            fadd.d fa0, fa1, fa2
    TD fadd_tie_even,   P1, EPS53, 0, P1, NX,        fadd.d fa0, fa1, fa2
    TD fadd_tie_up,     0x3ff0000000000001, EPS53, 0, 0x3ff0000000000002, NX, fadd.d fa0, fa1, fa2
    TD fadd_inf_minf,   INF, MINF, 0, QNAN, NV,      fadd.d fa0, fa1, fa2
    TD fadd_qnan_payload, 0x7ff8000000012345, P1, 0, QNAN, 0, fadd.d fa0, fa1, fa2
    TD fadd_snan,       SNAN, P1, 0, QNAN, NV,       fadd.d fa0, fa1, fa2
    TD fadd_overflow,   MAXD, MAXD, 0, INF, OF|NX,   fadd.d fa0, fa1, fa2
    TD fsub_zero_rne,   P1, P1, 0, PZ, 0,            fsub.d fa0, fa1, fa2
    TD fsub_zero_rdn,   P1, P1, 0, MZ, 0,            fsub.d fa0, fa1, fa2, rdn
    TD fmul,            P3, HALF, 0, P1_5, 0,        fmul.d fa0, fa1, fa2
    TD fmul_overflow,   MAXD, P2, 0, INF, OF|NX,     fmul.d fa0, fa1, fa2
    TD fmul_exact_subnormal, MINN, HALF, 0, 0x0008000000000000, 0, fmul.d fa0, fa1, fa2
    TD fmul_underflow_zero, MINS, HALF, 0, PZ, UF|NX, fmul.d fa0, fa1, fa2
    TD fmul_zero_inf,   PZ, MINF, 0, QNAN, NV,       fmul.d fa0, fa1, fa2
    TD fdiv_third,      P1, P3, 0, 0x3fd5555555555555, NX, fdiv.d fa0, fa1, fa2
    TD fdiv_by_zero,    P1, PZ, 0, INF, DZ,          fdiv.d fa0, fa1, fa2
    TD fdiv_by_mzero,   P1, MZ, 0, MINF, DZ,         fdiv.d fa0, fa1, fa2
    TD fdiv_zero_zero,  PZ, PZ, 0, QNAN, NV,         fdiv.d fa0, fa1, fa2
    TD fsqrt_exact,     P4, 0, 0, P2, 0,             fsqrt.d fa0, fa1
    TD fsqrt_2,         P2, 0, 0, 0x3ff6a09e667f3bcd, NX, fsqrt.d fa0, fa1
    TD fsqrt_neg,       M1, 0, 0, QNAN, NV,          fsqrt.d fa0, fa1
    TD fsqrt_mzero,     MZ, 0, 0, MZ, 0,             fsqrt.d fa0, fa1
    TD fsqrt_snan,      SNAN, 0, 0, QNAN, NV,        fsqrt.d fa0, fa1

    /* ---- tininess after rounding (see rv64f.S) ---- */
    TD fmadd_rounds_to_minnormal_no_uf, MINS, 0xbfc0000000000000, MINN, MINN, NX, fmadd.d fa0, fa1, fa2, fa3
    TD fmadd_rounds_to_minnormal_uf,    MINS, 0xbfe0000000000000, MINN, MINN, UF|NX, fmadd.d fa0, fa1, fa2, fa3

    /* ---- fused multiply-add ---- */
    TD fmadd,           P2, P3, P1, 0x401c000000000000, 0, fmadd.d fa0, fa1, fa2, fa3
    TD fmsub,           P2, P3, P1, 0x4014000000000000, 0, fmsub.d fa0, fa1, fa2, fa3
    TD fnmsub,          P2, P3, P1, 0xc014000000000000, 0, fnmsub.d fa0, fa1, fa2, fa3
    TD fnmadd,          P2, P3, P1, 0xc01c000000000000, 0, fnmadd.d fa0, fa1, fa2, fa3
    TD fmadd_single_rounding, 0x3ff0000002000000, 0x3feffffffc000000, M1, 0xbc90000000000000, 0, fmadd.d fa0, fa1, fa2, fa3
    TD fmadd_inf_zero_qnan, INF, PZ, QNAN, QNAN, NV, fmadd.d fa0, fa1, fa2, fa3
    TD fmsub_zero_rdn,  P1, P1, P1, MZ, 0,           fmsub.d fa0, fa1, fa2, fa3, rdn

    /* ---- min / max ---- */
    TD fmin,            P1, P2, 0, P1, 0,            fmin.d fa0, fa1, fa2
    TD fmax,            P1, P2, 0, P2, 0,            fmax.d fa0, fa1, fa2
    TD fmin_pz_mz,      PZ, MZ, 0, MZ, 0,            fmin.d fa0, fa1, fa2
    TD fmax_mz_pz,      MZ, PZ, 0, PZ, 0,            fmax.d fa0, fa1, fa2
    TD fmin_qnan_num,   QNAN, M1, 0, M1, 0,          fmin.d fa0, fa1, fa2
    TD fmax_num_snan,   P1, SNAN, 0, P1, NV,         fmax.d fa0, fa1, fa2
    TD fmin_nan_nan,    0x7ff8000000000001, 0xfff8000000000000, 0, QNAN, 0, fmin.d fa0, fa1, fa2

    /* ---- sign injection ---- */
    TD fsgnj,           P1, 0xc000000000000000, 0, M1, 0, fsgnj.d fa0, fa1, fa2
    TD fsgnjn,          P1, 0xc000000000000000, 0, P1, 0, fsgnjn.d fa0, fa1, fa2
    TD fsgnjx,          M1, 0xc000000000000000, 0, P1, 0, fsgnjx.d fa0, fa1, fa2
    TD fabs,            MINF, 0, 0, INF, 0,          fabs.d fa0, fa1
    TD fneg,            P1, 0, 0, M1, 0,             fneg.d fa0, fa1
    TD fsgnj_snan_raw,  SNAN, M1, 0, 0xfff0000000000001, 0, fsgnj.d fa0, fa1, fa2

    /* ---- fclass ---- */
    TDX fclass_minf,    MINF, 0, 0, 0x001, 0,        fclass.d a0, fa1
    TDX fclass_mnormal, M1, 0, 0, 0x002, 0,          fclass.d a0, fa1
    TDX fclass_msub,    0x8000000000000001, 0, 0, 0x004, 0, fclass.d a0, fa1
    TDX fclass_mzero,   MZ, 0, 0, 0x008, 0,          fclass.d a0, fa1
    TDX fclass_pzero,   PZ, 0, 0, 0x010, 0,          fclass.d a0, fa1
    TDX fclass_psub,    0x000fffffffffffff, 0, 0, 0x020, 0, fclass.d a0, fa1
    TDX fclass_pnormal, MAXD, 0, 0, 0x040, 0,        fclass.d a0, fa1
    TDX fclass_pinf,    INF, 0, 0, 0x080, 0,         fclass.d a0, fa1
    TDX fclass_snan,    SNAN, 0, 0, 0x100, 0,        fclass.d a0, fa1
    TDX fclass_qnan,    QNAN, 0, 0, 0x200, 0,        fclass.d a0, fa1

    /* ---- comparisons ---- */
    TDX feq_zeros,      MZ, PZ, 0, 1, 0,             feq.d a0, fa1, fa2
    TDX feq_qnan,       QNAN, QNAN, 0, 0, 0,         feq.d a0, fa1, fa2
    TDX feq_snan,       P1, SNAN, 0, 0, NV,          feq.d a0, fa1, fa2
    TDX flt_true,       M1, P1, 0, 1, 0,             flt.d a0, fa1, fa2
    TDX flt_qnan,       QNAN, P1, 0, 0, NV,          flt.d a0, fa1, fa2
    TDX fle_zeros,      PZ, MZ, 0, 1, 0,             fle.d a0, fa1, fa2
    TDX fle_qnan,       P1, QNAN, 0, 0, NV,          fle.d a0, fa1, fa2

    /* ---- double -> integer ---- */
    TDX fcvt_w_rne_2_5,  P2_5, 0, 0, 2, NX,          fcvt.w.d a0, fa1, rne
    TDX fcvt_w_rmm_m2_5, M2_5, 0, 0, -3, NX,         fcvt.w.d a0, fa1, rmm
    TDX fcvt_w_rdn_m2_5, M2_5, 0, 0, -3, NX,         fcvt.w.d a0, fa1, rdn
    TDX fcvt_w_rup_2_5,  P2_5, 0, 0, 3, NX,          fcvt.w.d a0, fa1, rup
    TDX fcvt_w_rtz_m2_5, M2_5, 0, 0, -2, NX,         fcvt.w.d a0, fa1, rtz
    TDX fcvt_w_big,      0x41e65a0bc0000000, 0, 0, 0x7fffffff, NV, fcvt.w.d a0, fa1, rtz
    TDX fcvt_w_min_rtz,  0xc1e0000000100000, 0, 0, 0xffffffff80000000, NX, fcvt.w.d a0, fa1, rtz
    TDX fcvt_w_min_rdn,  0xc1e0000000100000, 0, 0, 0xffffffff80000000, NV, fcvt.w.d a0, fa1, rdn
    TDX fcvt_w_nan,      QNAN, 0, 0, 0x7fffffff, NV, fcvt.w.d a0, fa1, rtz
    TDX fcvt_w_minf,     MINF, 0, 0, 0xffffffff80000000, NV, fcvt.w.d a0, fa1, rtz
    TDX fcvt_wu_3e9_sext, 0x41e65a0bc0000000, 0, 0, 0xffffffffb2d05e00, 0, fcvt.wu.d a0, fa1, rtz
    TDX fcvt_wu_max,     0x41efffffffe00000, 0, 0, 0xffffffffffffffff, 0, fcvt.wu.d a0, fa1, rtz
    TDX fcvt_wu_2_32,    0x41f0000000000000, 0, 0, 0xffffffffffffffff, NV, fcvt.wu.d a0, fa1, rtz
    TDX fcvt_wu_neg,     M1, 0, 0, 0, NV,            fcvt.wu.d a0, fa1, rtz
    TDX fcvt_wu_nan,     QNAN, 0, 0, 0xffffffffffffffff, NV, fcvt.wu.d a0, fa1, rtz
    TDX fcvt_l_big,      0x43e158e460913d00, 0, 0, 0x7fffffffffffffff, NV, fcvt.l.d a0, fa1, rtz
    TDX fcvt_l_2_63,     0x43e0000000000000, 0, 0, 0x7fffffffffffffff, NV, fcvt.l.d a0, fa1, rtz
    TDX fcvt_l_min,      0xc3e0000000000000, 0, 0, 0x8000000000000000, 0, fcvt.l.d a0, fa1, rtz
    TDX fcvt_l_minf,     MINF, 0, 0, 0x8000000000000000, NV, fcvt.l.d a0, fa1, rtz
    TDX fcvt_l_nan,      QNAN, 0, 0, 0x7fffffffffffffff, NV, fcvt.l.d a0, fa1, rtz
    TDX fcvt_l_rmm,      0xc004000000000000, 0, 0, -3, NX, fcvt.l.d a0, fa1, rmm
    TDX fcvt_lu_1e19,    0x43e158e460913d00, 0, 0, 0x8ac7230489e80000, 0, fcvt.lu.d a0, fa1, rtz
    TDX fcvt_lu_big,     0x43f158e460913d00, 0, 0, 0xffffffffffffffff, NV, fcvt.lu.d a0, fa1, rtz
    TDX fcvt_lu_mhalf,   0xbfe0000000000000, 0, 0, 0, NX, fcvt.lu.d a0, fa1, rtz
    TDX fcvt_lu_neg,     M1, 0, 0, 0, NV,            fcvt.lu.d a0, fa1, rtz
    TDX fcvt_lu_nan,     QNAN, 0, 0, 0xffffffffffffffff, NV, fcvt.lu.d a0, fa1, rtz

    /* ---- integer -> double ---- */
    TD fcvt_d_w_neg1,    0x00000000ffffffff, 0, 0, M1, 0, fcvt.d.w fa0, a1
    TD fcvt_d_w_min,     0x80000000, 0, 0, 0xc1e0000000000000, 0, fcvt.d.w fa0, a1
    TD fcvt_d_wu_max,    0xffffffff, 0, 0, 0x41efffffffe00000, 0, fcvt.d.wu fa0, a1
    TD fcvt_d_wu_hi_ignored, 0x1234567800000003, 0, 0, P3, 0, fcvt.d.wu fa0, a1
    TD fcvt_d_l_round,   0x20000000000001, 0, 0, 0x4340000000000000, NX, fcvt.d.l fa0, a1
    TD fcvt_d_l_rup,     0x20000000000001, 0, 0, 0x4340000000000001, NX, fcvt.d.l fa0, a1, rup
    TD fcvt_d_l_min,     0x8000000000000000, 0, 0, 0xc3e0000000000000, 0, fcvt.d.l fa0, a1
    TD fcvt_d_lu_max,    0xffffffffffffffff, 0, 0, 0x43f0000000000000, NX, fcvt.d.lu fa0, a1
    TD fcvt_d_lu_max_rtz, 0xffffffffffffffff, 0, 0, 0x43efffffffffffff, NX, fcvt.d.lu fa0, a1, rtz

    /* ---- double <-> single ---- */
    TDF fcvt_s_d_third,  0x3fd5555555555555, 0, 0, 0x3eaaaaab, NX, fcvt.s.d fa0, fa1
    TDF fcvt_s_d_tenth,  0x3fb999999999999a, 0, 0, 0x3dcccccd, NX, fcvt.s.d fa0, fa1
    TDF fcvt_s_d_ovf,    0x7e37e43c8800759c, 0, 0, 0x7f800000, OF|NX, fcvt.s.d fa0, fa1
    TDF fcvt_s_d_ovf_rtz, 0x7e37e43c8800759c, 0, 0, 0x7f7fffff, OF|NX, fcvt.s.d fa0, fa1, rtz
    TDF fcvt_s_d_unf,    0x358dee7a4ad4b81f, 0, 0, 0, UF|NX, fcvt.s.d fa0, fa1
    TDF fcvt_s_d_subnormal_exact, 0x36a0000000000000, 0, 0, 0x00000001, 0, fcvt.s.d fa0, fa1
    TDF fcvt_s_d_mzero,  MZ, 0, 0, 0x80000000, 0,    fcvt.s.d fa0, fa1
    TDF fcvt_s_d_minf,   MINF, 0, 0, 0xff800000, 0,  fcvt.s.d fa0, fa1
    TDF fcvt_s_d_qnan,   0x7ff8000000012345, 0, 0, 0x7fc00000, 0, fcvt.s.d fa0, fa1
    TDF fcvt_s_d_snan,   SNAN, 0, 0, 0x7fc00000, NV, fcvt.s.d fa0, fa1
    TDF fcvt_s_d_tie_rne, 0x3ff0000010000000, 0, 0, 0x3f800000, NX, fcvt.s.d fa0, fa1, rne
    TDF fcvt_s_d_tie_rmm, 0x3ff0000010000000, 0, 0, 0x3f800001, NX, fcvt.s.d fa0, fa1, rmm
    TFD fcvt_d_s_tenth,  0x3dcccccd, 0, 0, 0x3fb99999a0000000, 0, fcvt.d.s fa0, fa1
    TFD fcvt_d_s_subnormal, 0x00000001, 0, 0, 0x36a0000000000000, 0, fcvt.d.s fa0, fa1
    TFD fcvt_d_s_minf,   0xff800000, 0, 0, MINF, 0,  fcvt.d.s fa0, fa1
    TFD fcvt_d_s_qnan,   0x7fc12345, 0, 0, QNAN, 0,  fcvt.d.s fa0, fa1
    TFD fcvt_d_s_snan,   0x7f800001, 0, 0, QNAN, NV, fcvt.d.s fa0, fa1

    /* ---- rounding modes: static and dynamic ---- */
    TD fdiv_third_rup,   P1, P3, 0, 0x3fd5555555555556, NX, fdiv.d fa0, fa1, fa2, rup
    TD fdiv_third_rtz,   P1, P3, 0, 0x3fd5555555555555, NX, fdiv.d fa0, fa1, fa2, rtz
    TD fdiv_mthird_rdn,  M1, P3, 0, 0xbfd5555555555556, NX, fdiv.d fa0, fa1, fa2, rdn
    TD fdiv_mthird_rup,  M1, P3, 0, 0xbfd5555555555555, NX, fdiv.d fa0, fa1, fa2, rup
    TD fadd_tie_rmm,     P1, EPS53, 0, 0x3ff0000000000001, NX, fadd.d fa0, fa1, fa2, rmm
    TD fadd_mtie_rmm,    M1, MEPS53, 0, 0xbff0000000000001, NX, fadd.d fa0, fa1, fa2, rmm
    TD fadd_mtie_rne,    M1, MEPS53, 0, M1, NX,      fadd.d fa0, fa1, fa2, rne
    TD fadd_mtie_rdn,    M1, MEPS53, 0, 0xbff0000000000001, NX, fadd.d fa0, fa1, fa2, rdn
    TD fmul_ovf_rtz,     MAXD, P2, 0, MAXD, OF|NX,   fmul.d fa0, fa1, fa2, rtz
    TD fmul_movf_rup,    MMAXD, P2, 0, MMAXD, OF|NX, fmul.d fa0, fa1, fa2, rup
    fsrmi   3   /* RUP */
    TD dyn_rup_third,    P1, P3, 0, 0x3fd5555555555556, NX, fdiv.d fa0, fa1, fa2
    TDX dyn_rup_fcvt_l,  0x3ff0000000000001, 0, 0, 2, NX, fcvt.l.d a0, fa1
    fsrmi   4   /* RMM */
    TD dyn_rmm_tie,      P1, EPS53, 0, 0x3ff0000000000001, NX, fadd.d fa0, fa1, fa2
    TDF dyn_rmm_fcvt_s_d, 0x3ff0000010000000, 0, 0, 0x3f800001, NX, fcvt.s.d fa0, fa1
    fsrmi   2   /* RDN */
    TD dyn_rdn_zero,     P2, P2, 0, MZ, 0,           fsub.d fa0, fa1, fa2
    TD dyn_rdn_ovf,      MAXD, P2, 0, MAXD, OF|NX,   fmul.d fa0, fa1, fa2
    fsrmi   1   /* RTZ */
    TD dyn_rtz_sqrt,     P2, 0, 0, 0x3ff6a09e667f3bcc, NX, fsqrt.d fa0, fa1
    fsrmi   0

    /* ---- loads/stores and moves ---- */
    lla     s2, dbuf
    li      t0, 0x0123456789abcdef
    sd      t0, 0(s2)
    fld     fa0, 0(s2)
    fmv.x.d a0, fa0
    CHECK   fld, 0x0123456789abcdef
    fsd     fa0, 8(s2)
    ld      a0, 8(s2)
    CHECK   fsd, 0x0123456789abcdef
    fld     fa0, 1(s2)
    fmv.x.d a0, fa0
    CHECK   fld_misaligned, 0xef0123456789abcd
    li      t0, SNAN
    fmv.d.x fa1, t0
    fmv.d   fa0, fa1
    fmv.x.d a0, fa0
    CHECK   fmv_d_raw, SNAN

    /* single ops on a register holding a double read the canonical NaN */
    li      t0, P1
    fmv.d.x fa1, t0
    fsflags x0
    fmul.s  fa0, fa1, fa1
    frflags s1
    fmv.x.d a0, fa0
    CHECK   single_op_on_double_reg, 0xffffffff7fc00000
    mv      a0, s1
    CHECK   single_op_on_double_reg_flags, 0
    fcvt.d.s fa0, fa1
    fmv.x.d a0, fa0
    CHECK   fcvt_d_s_unboxed, QNAN
    fcvt.w.s a0, fa1, rtz
    CHECK   fcvt_w_s_unboxed, 0x7fffffff
    feq.s   a0, fa1, fa1
    CHECK   feq_s_unboxed, 0
    fclass.s a0, fa1
    CHECK   fclass_s_unboxed, 0x200

    TEST_END rv64d

    .data
    .balign 8
dbuf: .dword 0, 0, 0
