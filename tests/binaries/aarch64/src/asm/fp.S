/*
 * fp.S: self-checking test of A64 scalar floating point: arithmetic with FPSR
 * flags (IXC/UFC/OFC/DZC/IOC/IDC), FMADD/FMSUB/FNMADD/FNMSUB single rounding,
 * FCMP/FCMPE NZCV incl. unordered and signalling compares, FCSEL, FCCMP/FCCMPE,
 * conversions to/from integers (saturation, NaN -> 0, every FCVT rounding
 * variant, fixed point), FCVT between precisions, FRINT* in every mode, FMOV
 * immediates, FPCR rounding modes, FPSR cumulative flags, default NaN (FPCR.DN)
 * and NaN propagation (first signalling NaN quieted, FMADD addend priority,
 * inf*0+qNaN), flush-to-zero (FPCR.FZ, inputs and outputs), FMAX/FMIN vs
 * FMAXNM/FMINNM with NaNs and signed zeros. Single and double precision.
 */
#include "test.h"

#define D1    0x3ff0000000000000
#define D2    0x4000000000000000
#define D3    0x4008000000000000
#define DM1   0xbff0000000000000
#define DHALF 0x3fe0000000000000
#define DMAX  0x7fefffffffffffff
#define DINF  0x7ff0000000000000
#define DNINF 0xfff0000000000000
#define DQNAN 0x7ff8000000000000
#define DNZ   0x8000000000000000
#define DMINN 0x0010000000000000
#define DTINY 0x3c30000000000000    /* 2^-60 */
#define D25   0x4004000000000000    /* 2.5 */
#define DM25  0xc004000000000000
#define D21   0x4000cccccccccccd    /* 2.1 */
#define DM21  0xc000cccccccccccd
#define DM27  0xc00599999999999a    /* -2.7 */
#define QN1   0x7ff8000000000111
#define QN2   0x7ff8000000000222
#define QN3   0x7ff8000000000333
#define SN1   0x7ff0000000000111
#define SN2   0x7ff0000000000222
#define F1    0x3f800000
#define F2    0x40000000
#define F3    0x40400000
#define FQNAN 0x7fc00000
#define FSNAN 0x7fa00000

TEST_BEGIN
    SETFPCR 0
    /* ---- arithmetic ---- */
    TD fadd,           D1, D2, 0, D3, 0, fadd d0, d1, d2
    TD fadd_inexact,   D1, DTINY, 0, D1, IXC, fadd d0, d1, d2
    TD fsub_inf_inf,   DINF, DINF, 0, DQNAN, IOC, fsub d0, d1, d2
    TD fadd_inf_ninf,  DINF, DNINF, 0, DQNAN, IOC, fadd d0, d1, d2
    TD fsub_zero_sign, DNZ, DNZ, 0, 0, 0, fsub d0, d1, d2
    TD fadd_negzeros,  DNZ, DNZ, 0, DNZ, 0, fadd d0, d1, d2
    TD fmul_ovf,       DMAX, D2, 0, DINF, OFC|IXC, fmul d0, d1, d2
    TD fmul_subnormal_exact, DMINN, DHALF, 0, 0x0008000000000000, 0, fmul d0, d1, d2
    TD fmul_underflow, 1, DHALF, 0, 0, UFC|IXC, fmul d0, d1, d2
    TD fmul_underflow_up, 3, DHALF, 0, 2, UFC|IXC, fmul d0, d1, d2
    TD fmul_inf_zero,  DINF, 0, 0, DQNAN, IOC, fmul d0, d1, d2
    TD fnmul,          D2, D3, 0, 0xc018000000000000, 0, fnmul d0, d1, d2
    TD fdiv_third,     D1, D3, 0, 0x3fd5555555555555, IXC, fdiv d0, d1, d2
    TD fdiv_by_zero,   DM1, 0, 0, DNINF, DZC, fdiv d0, d1, d2
    TD fdiv_zero_zero, 0, 0, 0, DQNAN, IOC, fdiv d0, d1, d2
    TD fdiv_inf_inf,   DINF, DINF, 0, DQNAN, IOC, fdiv d0, d1, d2
    TD fsqrt,          0x4010000000000000, 0, 0, D2, 0, fsqrt d0, d1
    TD fsqrt_2,        D2, 0, 0, 0x3ff6a09e667f3bcd, IXC, fsqrt d0, d1
    TD fsqrt_neg,      DM1, 0, 0, DQNAN, IOC, fsqrt d0, d1
    TD fsqrt_negzero,  DNZ, 0, 0, DNZ, 0, fsqrt d0, d1
    TD fabs_nan,       0xfff8000000000001, 0, 0, 0x7ff8000000000001, 0, fabs d0, d1
    TD fneg_snan,      SN1, 0, 0, 0xfff0000000000111, 0, fneg d0, d1
    TD fmov_reg_snan,  SN1, 0, 0, SN1, 0, fmov d0, d1
    TD fabd,           D1, D3, 0, D2, 0, fabd d0, d1, d2
    TS fadd_s,         F1, F2, 0, F3, 0, fadd s0, s4, s5
    TS fdiv_s_third,   F1, F3, 0, 0x3eaaaaab, IXC, fdiv s0, s4, s5
    TS fmul_s_ovf,     0x7f7fffff, F2, 0, 0x7f800000, OFC|IXC, fmul s0, s4, s5
    TS fsqrt_s,        0x40800000, 0, 0, F2, 0, fsqrt s0, s4
    TS fsub_s_nan,     0x7f800000, 0x7f800000, 0, FQNAN, IOC, fsub s0, s4, s5

    /* ---- fused multiply-add: one rounding ---- */
    TD fmadd_fused,    0x3ff0000000000001, 0x3fefffffffffffff, DM1, 0x3c9ffffffffffffe, 0, fmadd d0, d1, d2, d3
    FP_SETUP 0x3ff0000000000001, 0x3fefffffffffffff, DM1
    fmul    d0, d1, d2              /* two roundings: the product rounds to 1.0 */
    fadd    d0, d0, d3
    mrs     x29, fpsr
    fmov    x0, d0
    FP_FINISH fmul_then_add, 0, IXC
    TD fmadd,          D2, D3, D1, 0x401c000000000000, 0, fmadd d0, d1, d2, d3
    TD fmsub,          D2, D3, D1, 0xc014000000000000, 0, fmsub d0, d1, d2, d3
    TD fnmadd,         D2, D3, D1, 0xc01c000000000000, 0, fnmadd d0, d1, d2, d3
    TD fnmsub,         D2, D3, D1, 0x4014000000000000, 0, fnmsub d0, d1, d2, d3
    TD fmadd_exact_zero_sign, D1, DM1, D1, 0, 0, fmadd d0, d1, d2, d3
    TD fmadd_inf_zero_qnan, DINF, 0, QN3, DQNAN, IOC, fmadd d0, d1, d2, d3
    TD fmadd_nan_addend_first, QN1, D1, QN3, QN3, 0, fmadd d0, d1, d2, d3
    TD fmadd_snan_beats_qnan, SN1, D1, QN3, 0x7ff8000000000111, IOC, fmadd d0, d1, d2, d3
    TS fmadd_s,        F2, F3, F1, 0x40e00000, 0, fmadd s0, s4, s5, s6

    /* ---- compares ---- */
    TXF fcmp_eq,        D1, D1, 0, 6, 0, fcmp d1, d2
    TXF fcmp_lt,        D1, D2, 0, 8, 0, fcmp d1, d2
    TXF fcmp_gt,        D2, D1, 0, 2, 0, fcmp d1, d2
    TXF fcmp_zeros,     0, DNZ, 0, 6, 0, fcmp d1, d2
    TXF fcmp_unordered, QN1, D1, 0, 3, 0, fcmp d1, d2
    TXF fcmp_snan,      SN1, D1, 0, 3, IOC, fcmp d1, d2
    TXF fcmpe_qnan,     D1, QN1, 0, 3, IOC, fcmpe d1, d2
    TXF fcmp_zero_imm,  DNZ, 0, 0, 6, 0, fcmp d1, #0.0
    TXF fcmp_inf,       DNINF, DINF, 0, 8, 0, fcmp d1, d2
    TXF fcmp_s,         F3, F2, 0, 2, 0, fcmp s4, s5
    TXF fcmpe_s_nan,    FQNAN, F2, 0, 3, IOC, fcmpe s4, s5

    /* ---- conditional select / compare ---- */
    SETFLAGS 4
    TD fcsel_t,        D1, D2, 0, D1, 0, fcsel d0, d1, d2, eq
    SETFLAGS 4
    TD fcsel_f,        D1, D2, 0, D2, 0, fcsel d0, d1, d2, ne
    SETFLAGS 4
    TXF fccmp_taken,    D1, D2, 0, 8, 0, fccmp d1, d2, #0b0010, eq
    SETFLAGS 0
    TXF fccmp_not_taken, D1, D2, 0, 2, 0, fccmp d1, d2, #0b0010, eq
    SETFLAGS 4
    TXF fccmp_nan,      QN1, D2, 0, 3, 0, fccmp d1, d2, #0, eq
    SETFLAGS 4
    TXF fccmpe_nan,     QN1, D2, 0, 3, IOC, fccmpe d1, d2, #0, eq
    SETFLAGS 0
    TXF fccmpe_nan_not_taken, QN1, D2, 0, 15, 0, fccmpe d1, d2, #15, eq

    /* ---- conversions to integer (round toward zero unless named) ---- */
    TX fcvtzs_big,     0x43e158e460913d00, 0, 0, 0x7fffffffffffffff, IOC, fcvtzs x0, d1
    TX fcvtzs_nbig,    0xc3e158e460913d00, 0, 0, 0x8000000000000000, IOC, fcvtzs x0, d1
    TX fcvtzs_nan,     QN1, 0, 0, 0, IOC, fcvtzs x0, d1
    TX fcvtzs_inf,     DINF, 0, 0, 0x7fffffffffffffff, IOC, fcvtzs x0, d1
    TX fcvtzs_w_neg,   DM27, 0, 0, 0xfffffffe, IXC, fcvtzs w0, d1
    TX fcvtzs_w_2p31,  0x41e0000000000000, 0, 0, 0x7fffffff, IOC, fcvtzs w0, d1
    TX fcvtzs_w_m2p31, 0xc1e0000000000000, 0, 0, 0x80000000, 0, fcvtzs w0, d1
    TX fcvtzu_neg,     DM1, 0, 0, 0, IOC, fcvtzu x0, d1
    TX fcvtzu_neg_half, 0xbfe0000000000000, 0, 0, 0, IXC, fcvtzu x0, d1
    TX fcvtzu_2p64,    0x43f0000000000000, 0, 0, 0xffffffffffffffff, IOC, fcvtzu x0, d1
    TX fcvtzu_w_big,   0x41f0000000000000, 0, 0, 0xffffffff, IOC, fcvtzu w0, d1
    TX fcvtzu_w_nan,   QN1, 0, 0, 0, IOC, fcvtzu w0, d1
    TX fcvtns_tie,     D25, 0, 0, 2, IXC, fcvtns x0, d1
    TX fcvtns_ntie,    DM25, 0, 0, 0xfffffffffffffffe, IXC, fcvtns x0, d1
    TX fcvtas_tie,     D25, 0, 0, 3, IXC, fcvtas x0, d1
    TX fcvtas_ntie,    DM25, 0, 0, 0xfffffffffffffffd, IXC, fcvtas x0, d1
    TX fcvtps,         D21, 0, 0, 3, IXC, fcvtps x0, d1
    TX fcvtms,         DM21, 0, 0, 0xfffffffffffffffd, IXC, fcvtms x0, d1
    TX fcvtmu,         D21, 0, 0, 2, IXC, fcvtmu w0, d1
    TX fcvtnu_tie,     0x4016000000000000, 0, 0, 6, IXC, fcvtnu x0, d1
    TX fcvtzs_s,       0x4f000000, 0, 0, 0x7fffffff, IOC, fcvtzs w0, s4
    TX fcvtzs_s_x,     0xdf000000, 0, 0, 0x8000000000000000, 0, fcvtzs x0, s4
    TX fcvtzs_fixed,   0x3ff8000000000000, 0, 0, 24, 0, fcvtzs x0, d1, #4
    TX fcvtzu_fixed_w, 0x3ff8000000000000, 0, 0, 0xc0000000, 0, fcvtzu w0, d1, #31
    TX fcvtzs_fixed_sat, 0x4000000000000000, 0, 0, 0x7fffffff, IOC, fcvtzs w0, d1, #31
    TX fcvtzs_ignores_fpcr_note, DM27, 0, 0, 0xfffffffffffffffe, IXC, fcvtzs x0, d1
    /* ---- conversions from integer ---- */
    TD scvtf,          0xfffffffffffffffd, 0, 0, 0xc008000000000000, 0, scvtf d0, x19
    TD scvtf_w,        0x80000000, 0, 0, 0xc1e0000000000000, 0, scvtf d0, w19
    TD ucvtf_ones,     0xffffffffffffffff, 0, 0, 0x43f0000000000000, IXC, ucvtf d0, x19
    TD ucvtf_w,        0xffffffff00000000, 0, 0, 0, 0, ucvtf d0, w19
    TD scvtf_inexact,  0x20000000000001, 0, 0, 0x4340000000000000, IXC, scvtf d0, x19
    TS scvtf_s_inexact, 0x20000000000001, 0, 0, 0x5a000000, IXC, scvtf s0, x19
    TS ucvtf_s_w,      0xffffffff, 0, 0, 0x4f800000, IXC, ucvtf s0, w19
    TD scvtf_fixed,    24, 0, 0, 0x3ff8000000000000, 0, scvtf d0, x19, #4
    TD ucvtf_fixed64,  0x8000000000000000, 0, 0, DHALF, 0, ucvtf d0, x19, #64
    TD fmov_from_x,    0x1234, 0, 0, 0x1234, 0, fmov d0, x19
    TX fmov_to_w,      0x3f800000, 0, 0, 0x3f800000, 0, fmov w0, s4
    MOV64   x20, 0x4000000000000000
    fmov    d7, xzr
    fmov    v7.d[1], x20
    fmov    x0, v7.d[1]
    CHECK   fmov_top_half, 0x4000000000000000
    fmov    x0, d7
    CHECK   fmov_top_half_lo, 0

    /* ---- between precisions ---- */
    TS fcvt_s_d_ovf,   DMAX, 0, 0, 0x7f800000, OFC|IXC, fcvt s0, d1
    TS fcvt_s_d_round, 0x3fb999999999999a, 0, 0, 0x3dcccccd, IXC, fcvt s0, d1
    TS fcvt_s_d_uf,    0x3596d8a14c4e3ac8, 0, 0, 0, UFC|IXC, fcvt s0, d1
    TS fcvt_s_d_snan,  0x7ff4000000000000, 0, 0, 0x7fe00000, IOC, fcvt s0, d1
    TS fcvt_s_d_nan_payload, 0xfff8000020000000, 0, 0, 0xffc00001, 0, fcvt s0, d1
    TD fcvt_d_s_snan,  FSNAN, 0, 0, 0x7ffc000000000000, IOC, fcvt d0, s4
    TD fcvt_d_s,       0x3dcccccd, 0, 0, 0x3fb99999a0000000, 0, fcvt d0, s4
    TD fcvt_d_s_sub,   1, 0, 0, 0x36a0000000000000, 0, fcvt d0, s4
    TS fcvt_h_s,       0x3f800000, 0, 0, 0x3c00, 0, fcvt h0, s4
    TS fcvt_h_s_ovf,   0x47800000, 0, 0, 0x7c00, OFC|IXC, fcvt h0, s4
    TS fcvt_s_h,       0x0001, 0, 0, 0x33800000, 0, fcvt s0, h4

    /* ---- rounding to integral ---- */
    TD frintn_tie,     D25, 0, 0, D2, 0, frintn d0, d1
    TD frintn_neg_half, 0xbfe0000000000000, 0, 0, DNZ, 0, frintn d0, d1
    TD frinta_tie,     D25, 0, 0, D3, 0, frinta d0, d1
    TD frinta_ntie,    DM25, 0, 0, 0xc008000000000000, 0, frinta d0, d1
    TD frintp,         D21, 0, 0, D3, 0, frintp d0, d1
    TD frintp_neg,     0xbfe0000000000000, 0, 0, DNZ, 0, frintp d0, d1
    TD frintm,         DM21, 0, 0, 0xc008000000000000, 0, frintm d0, d1
    TD frintz,         DM27, 0, 0, 0xc000000000000000, 0, frintz d0, d1
    TD frintx_inexact, D25, 0, 0, D2, IXC, frintx d0, d1
    TD frintx_exact,   D3, 0, 0, D3, 0, frintx d0, d1
    TD frinti,         D25, 0, 0, D2, 0, frinti d0, d1
    TD frint_big,      0x4340000000000001, 0, 0, 0x4340000000000001, 0, frintn d0, d1
    TD frint_snan,     SN1, 0, 0, 0x7ff8000000000111, IOC, frintz d0, d1
    TD frint_inf,      DNINF, 0, 0, DNINF, 0, frinta d0, d1
    TS frintn_s,       0x40200000, 0, 0, F2, 0, frintn s0, s4
    TS frintp_s,       0x3fc00000, 0, 0, F2, 0, frintp s0, s4
    SETFPCR FPCR_RP
    TD frinti_rp,      D21, 0, 0, D3, 0, frinti d0, d1
    TD frintx_rp,      D21, 0, 0, D3, IXC, frintx d0, d1
    SETFPCR FPCR_RM
    TD frinti_rm,      D21, 0, 0, D2, 0, frinti d0, d1
    TD frintx_rm_neg,  DM21, 0, 0, 0xc008000000000000, IXC, frintx d0, d1
    SETFPCR FPCR_RZ
    TD frinti_rz,      DM27, 0, 0, 0xc000000000000000, 0, frinti d0, d1
    TD frintn_ignores_fpcr, DM27, 0, 0, 0xc008000000000000, 0, frintn d0, d1
    SETFPCR 0

    /* ---- FMOV immediates ---- */
    TD fmov_imm_1,     0, 0, 0, D1, 0, fmov d0, #1.0
    TD fmov_imm_31,    0, 0, 0, 0x403f000000000000, 0, fmov d0, #31.0
    TD fmov_imm_eighth, 0, 0, 0, 0x3fc0000000000000, 0, fmov d0, #0.125
    TD fmov_imm_neg,   0, 0, 0, 0xbfc8000000000000, 0, fmov d0, #-0.1875
    TS fmov_imm_s,     0, 0, 0, 0xc0200000, 0, fmov s0, #-2.5
    TS fmov_imm_s_small, 0, 0, 0, 0x3e000000, 0, fmov s0, #0.125
    TD movi_d_zero,    D1, 0, 0, 0, 0, movi d0, #0

    /* ---- FPCR rounding modes ---- */
    SETFPCR FPCR_RP
    TD rp_add,         D1, DTINY, 0, 0x3ff0000000000001, IXC, fadd d0, d1, d2
    TD rp_third,       D1, D3, 0, 0x3fd5555555555556, IXC, fdiv d0, d1, d2
    TD rp_ovf_neg,     DMAX|0x8000000000000000, D2, 0, 0xffefffffffffffff, OFC|IXC, fmul d0, d1, d2
    TD rp_scvtf,       0x20000000000001, 0, 0, 0x4340000000000001, IXC, scvtf d0, x19
    TX rp_fcvtzs_still_truncates, D21, 0, 0, 2, IXC, fcvtzs x0, d1
    SETFPCR FPCR_RM
    TD rm_add,         DM1, 0xbc30000000000000, 0, 0xbff0000000000001, IXC, fadd d0, d1, d2
    TD rm_sub_zero,    D1, D1, 0, DNZ, 0, fsub d0, d1, d2
    TD rm_ovf_pos,     DMAX, D2, 0, DMAX, OFC|IXC, fmul d0, d1, d2
    TD rm_ovf_neg,     DMAX, 0xc000000000000000, 0, DNINF, OFC|IXC, fmul d0, d1, d2
    SETFPCR FPCR_RZ
    TD rz_third,       D1, D3, 0, 0x3fd5555555555555, IXC, fdiv d0, d1, d2
    TD rz_ovf,         DMAX, D2, 0, DMAX, OFC|IXC, fmul d0, d1, d2
    TS rz_s,           F2, F3, 0, 0x3f2aaaaa, IXC, fdiv s0, s4, s5
    SETFPCR 0
    mrs     x0, fpcr
    CHECK   fpcr_readback, 0
    SETFPCR FPCR_RZ|FPCR_DN|FPCR_FZ
    mrs     x0, fpcr
    CHECK   fpcr_readback_fields, 0x3c00000
    SETFPCR 0

    /* ---- FPSR: cumulative flags, readback ---- */
    FP_SETUP D1, 0, D3
    fdiv    d0, d1, d2
    fdiv    d0, d1, d3
    mrs     x0, fpsr
    CHECK   fpsr_cumulative, DZC|IXC
    mov     x9, #0x9f
    orr     x9, x9, #0x8000000      /* QC */
    msr     fpsr, x9
    mrs     x0, fpsr
    CHECK   fpsr_readback, 0x800009f
    fadd    d0, d1, d3
    mrs     x0, fpsr
    CHECK   fpsr_sticky, 0x800009f
    msr     fpsr, xzr

    /* ---- NaN propagation and default NaN ---- */
    TD nan_qnan_payload, QN1, D1, 0, QN1, 0, fadd d0, d1, d2
    TD nan_second,     D1, QN2, 0, QN2, 0, fadd d0, d1, d2
    TD nan_first_of_two, QN1, QN2, 0, QN1, 0, fmul d0, d1, d2
    TD nan_snan_second_wins, QN1, SN2, 0, 0x7ff8000000000222, IOC, fsub d0, d1, d2
    TD nan_first_snan, SN1, SN2, 0, 0x7ff8000000000111, IOC, fdiv d0, d1, d2
    TD nan_sign_kept,  0xfff8000000000001, D1, 0, 0xfff8000000000001, 0, fadd d0, d1, d2
    TS nan_s_snan,     FSNAN|1, F1, 0, 0x7fe00001, IOC, fadd s0, s4, s5
    TD nan_sqrt_snan,  SN1, 0, 0, 0x7ff8000000000111, IOC, fsqrt d0, d1
    SETFPCR FPCR_DN
    TD dn_qnan,        QN1, D1, 0, DQNAN, 0, fadd d0, d1, d2
    TD dn_snan,        SN1, D1, 0, DQNAN, IOC, fadd d0, d1, d2
    TD dn_neg_nan,     0xfff8000000000001, D1, 0, DQNAN, 0, fmul d0, d1, d2
    TS dn_s,           0xffc00001, F1, 0, FQNAN, 0, fadd s0, s4, s5
    TD dn_fmadd,       D1, D1, QN3, DQNAN, 0, fmadd d0, d1, d2, d3
    TD dn_fcvt,        FSNAN, 0, 0, DQNAN, IOC, fcvt d0, s4
    TD dn_fabs_unaffected, 0xfff8000000000001, 0, 0, 0x7ff8000000000001, 0, fabs d0, d1
    SETFPCR 0

    /* ---- flush to zero ---- */
    SETFPCR FPCR_FZ
    TD fz_output,      DMINN, DHALF, 0, 0, UFC, fmul d0, d1, d2
    TD fz_output_neg,  DMINN|0x8000000000000000, DHALF, 0, DNZ, UFC, fmul d0, d1, d2
    TD fz_input,       1, 0, 0, 0, IDC, fadd d0, d1, d2
    TD fz_input_mul,   0x000fffffffffffff, D2, 0, 0, IDC, fmul d0, d1, d2
    TD fz_normal_ok,   DMINN, D1, 0, DMINN, 0, fmul d0, d1, d2
    TXF fz_fcmp,        1, 0, 0, 6, IDC, fcmp d1, d2
    TS fz_s_output,    0x00800000, 0x3f000000, 0, 0, UFC, fmul s0, s4, s5
    TD fz_fabs_no_flush, 0x8000000000000001, 0, 0, 1, 0, fabs d0, d1
    SETFPCR 0
    TD nofz_subnormal, 1, 0, 0, 1, 0, fadd d0, d1, d2

    /* ---- FMAX/FMIN and FMAXNM/FMINNM ---- */
    TD fmax,           D1, D2, 0, D2, 0, fmax d0, d1, d2
    TD fmin,           D1, D2, 0, D1, 0, fmin d0, d1, d2
    TD fmax_zeros,     DNZ, 0, 0, 0, 0, fmax d0, d1, d2
    TD fmax_zeros2,    0, DNZ, 0, 0, 0, fmax d0, d1, d2
    TD fmin_zeros,     0, DNZ, 0, DNZ, 0, fmin d0, d1, d2
    TD fmin_zeros2,    DNZ, 0, 0, DNZ, 0, fmin d0, d1, d2
    TD fmax_qnan,      QN1, D1, 0, QN1, 0, fmax d0, d1, d2
    TD fmin_qnan2,     D1, QN2, 0, QN2, 0, fmin d0, d1, d2
    TD fmax_snan,      D1, SN2, 0, 0x7ff8000000000222, IOC, fmax d0, d1, d2
    TD fmaxnm_qnan,    QN1, D1, 0, D1, 0, fmaxnm d0, d1, d2
    TD fminnm_qnan2,   D1, QN2, 0, D1, 0, fminnm d0, d1, d2
    TD fmaxnm_two_qnan, QN1, QN2, 0, QN1, 0, fmaxnm d0, d1, d2
    TD fmaxnm_snan,    SN1, D1, 0, 0x7ff8000000000111, IOC, fmaxnm d0, d1, d2
    TD fminnm_zeros,   0, DNZ, 0, DNZ, 0, fminnm d0, d1, d2
    TD fmaxnm_zeros,   DNZ, 0, 0, 0, 0, fmaxnm d0, d1, d2
    TD fmaxnm_inf,     DNINF, QN1, 0, DNINF, 0, fmaxnm d0, d1, d2
    TS fmin_s_nan,     F1, FQNAN, 0, FQNAN, 0, fmin s0, s4, s5
    TS fminnm_s_nan,   F1, FQNAN, 0, F1, 0, fminnm s0, s4, s5

    TEST_END fp
