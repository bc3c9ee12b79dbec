/*
 * simd.S: self-checking test of AdvSIMD: ADD/SUB/MUL/MLA for every element size
 * with wrap-around, 64-bit (Q=0) forms clearing the upper half, compares giving
 * all-ones lanes (CMEQ/CMGT/CMHI/CMGE/CMTST, against zero), shifts by 0 and
 * esize-1 (SHL/USHR/SSHR/SRI/SLI/USHL/SSHL with negative counts), UZP/ZIP/TRN,
 * TBL/TBX with out-of-range indices, LD1-LD4/ST1-ST4 (multiple and single lane,
 * LD1R) with immediate and register post-index, ADDV/UMAXV/UMINV/SMAXV, EXT, CNT,
 * XTN/UXTL/SXTL, saturating SQADD/UQSUB/SQXTN, DUP/INS/UMOV/SMOV, MOVI/MVNI/ORR
 * immediate forms, logical ops/BSL, vector FP add/mul/fmla/fcmeq/fmaxnm.
 */
#include "test.h"

.macro LA reg, sym
    adrp    \reg, \sym
    add     \reg, \reg, :lo12:\sym
.endm

#define A_LO 0x0807060504030201
#define A_HI 0x100f0e0d0c0b0a09
#define M_LO 0x80ff7f0180ff7f01     /* bytes 01 7f ff 80 ... */
#define M_HI 0x7fff80000001ffff

TEST_BEGIN
    /* ---- integer arithmetic, every size ---- */
    TV add_16b, A_LO, A_HI, M_LO, M_HI, 0x8806850684028102, 0x8f0e8e0d0c0c0908, add v0.16b, v1.16b, v2.16b
    TV add_8h,  A_LO, A_HI, M_LO, M_HI, 0x8906850685028102, 0x900e8e0d0c0c0a08, add v0.8h, v1.8h, v2.8h
    TV add_4s,  A_LO, A_HI, M_LO, M_HI, 0x8906850685028102, 0x900e8e0d0c0d0a08, add v0.4s, v1.4s, v2.4s
    TV add_2d,  A_LO, A_HI, 0xffffffffffffffff, 1, 0x0807060504030200, 0x100f0e0d0c0b0a0a, add v0.2d, v1.2d, v2.2d
    TV add_8b_clears_hi, A_LO, A_HI, M_LO, M_HI, 0x8806850684028102, 0, add v0.8b, v1.8b, v2.8b
    TV sub_16b, A_LO, A_HI, M_LO, M_HI, 0x8808870484048300, 0x91108e0d0c0a0b0a, sub v0.16b, v1.16b, v2.16b
    TV sub_4h,  A_LO, A_HI, M_LO, M_HI, 0x8708870483048300, 0, sub v0.4h, v1.4h, v2.4h
    TV mul_16b, A_LO, A_HI, M_LO, M_HI, 0x00f9fa0500fdfe01, 0xf0f10000000bf6f7, mul v0.16b, v1.16b, v2.16b
    TV mul_8h,  A_LO, A_HI, M_LO, M_HI, 0x7ef981057efd8101, 0x6ff180000c0bf5f7, mul v0.8h, v1.8h, v2.8h
    TV mul_4s,  0x0000000300000002, 0x80000000ffffffff, 0x7fffffff00000005, 0x00000002ffffffff, 0x7ffffffd0000000a, 0x0000000000000001, mul v0.4s, v1.4s, v2.4s
    TV mul_elem_4s, 0x0000000300000002, 0x0000000500000004, 0x0000000700000000, 0, 0x000000150000000e, 0x000000230000001c, mul v0.4s, v1.4s, v2.s[1]
    TV mla_4s,  0x0000000300000002, 0, 0x0000000400000005, 0, 0x0000000b00000009, 0xffffffffffffffff, mla v0.4s, v1.4s, v2.4s
    TV neg_2d,  1, 0x8000000000000000, 0, 0, 0xffffffffffffffff, 0x8000000000000000, neg v0.2d, v1.2d
    TV abs_8h,  0x8000ffff00017fff, 0, 0, 0, 0x8000000100017fff, 0, abs v0.8h, v1.8h

    /* ---- compares: all-ones lanes ---- */
    TV cmeq_16b, A_LO, A_HI, 0x0807000000030000, 0x100f000000000000, 0xffff000000ff0000, 0xffff000000000000, cmeq v0.16b, v1.16b, v2.16b
    TV cmgt_8b,  M_LO, 0, 0, 0, 0x0000ffff0000ffff, 0, cmgt v0.8b, v1.8b, v2.8b
    TV cmhi_8b,  M_LO, 0, 0, 0, 0xffffffffffffffff, 0, cmhi v0.8b, v1.8b, v2.8b
    TV cmge_4s,  0x80000000ffffffff, 0x0000000000000001, 0, 0, 0x0, 0xffffffffffffffff, cmge v0.4s, v1.4s, #0
    TV cmlt_zero_2d, 0x8000000000000000, 1, 0, 0, 0xffffffffffffffff, 0, cmlt v0.2d, v1.2d, #0
    TV cmeq_zero_8h, 0x0000000100000000, 0, 0, 0, 0xffff0000ffffffff, 0xffffffffffffffff, cmeq v0.8h, v1.8h, #0
    TV cmtst_16b, A_LO, A_HI, 0x0101010101010101, 0x0101010101010101, 0x00ff00ff00ff00ff, 0x00ff00ff00ff00ff, cmtst v0.16b, v1.16b, v2.16b
    TV cmhs_2d,  5, 5, 5, 6, 0xffffffffffffffff, 0, cmhs v0.2d, v1.2d, v2.2d

    /* ---- shifts ---- */
    TV shl_16b_0, M_LO, M_HI, 0, 0, M_LO, M_HI, shl v0.16b, v1.16b, #0
    TV shl_16b_7, M_LO, M_HI, 0, 0, 0x0080808000808080, 0x8080000000808080, shl v0.16b, v1.16b, #7
    TV ushr_8h_15, M_LO, M_HI, 0, 0, 0x0001000000010000, 0x0000000100000001, ushr v0.8h, v1.8h, #15
    TV sshr_4s_31, M_LO, M_HI, 0, 0, 0xffffffffffffffff, 0x0, sshr v0.4s, v1.4s, #31
    TV sshr_2d_1, 0x8000000000000000, 2, 0, 0, 0xc000000000000000, 1, sshr v0.2d, v1.2d, #1
    TV ushr_2d_64, 0x8000000000000000, 2, 0, 0, 0, 0, ushr v0.2d, v1.2d, #64
    TV sshr_2d_64, 0x8000000000000000, 2, 0, 0, 0xffffffffffffffff, 0, sshr v0.2d, v1.2d, #64
    TV ushl_neg, 0x8000000000000000, 0x8000000000000000, 0xff, 0x1, 0x4000000000000000, 0, ushl v0.2d, v1.2d, v2.2d
    TV sshl_4s, 0x80000000ffffffff, 0x0000000100000001, 0x000000ff00000001, 0x000000200000001f, 0xc0000000fffffffe, 0x0000000080000000, sshl v0.4s, v1.4s, v2.4s
    TV sli_8b_4, A_LO, 0, 0, 0, 0x8f7f6f5f4f3f2f1f, 0, sli v0.8b, v1.8b, #4
    TV shrn_8h, 0x1234abcd00ff8001, 0x7fff0001ffff0100, 0, 0, 0x7f00ff0112ab0080, 0, shrn v0.8b, v1.8h, #8

    /* ---- permutes ---- */
    TV uzp1_16b, A_LO, A_HI, M_LO, M_HI, 0x0f0d0b0907050301, 0xff0001ffff01ff01, uzp1 v0.16b, v1.16b, v2.16b
    TV uzp2_8h,  A_LO, A_HI, M_LO, M_HI, 0x100f0c0b08070403, 0x7fff000180ff80ff, uzp2 v0.8h, v1.8h, v2.8h
    TV zip1_16b, A_LO, A_HI, M_LO, M_HI, 0x8004ff037f020101, 0x8008ff077f060105, zip1 v0.16b, v1.16b, v2.16b
    TV zip2_4s,  A_LO, A_HI, M_LO, M_HI, 0x0001ffff0c0b0a09, 0x7fff8000100f0e0d, zip2 v0.4s, v1.4s, v2.4s
    TV trn1_8h,  A_LO, A_HI, M_LO, M_HI, 0x7f0106057f010201, 0x80000e0dffff0a09, trn1 v0.8h, v1.8h, v2.8h
    TV trn2_16b, A_LO, A_HI, M_LO, M_HI, 0x80087f0680047f02, 0x7f10800e000cff0a, trn2 v0.16b, v1.16b, v2.16b
    TV ext_16b,  A_LO, A_HI, M_LO, M_HI, 0x0d0c0b0a09080706, 0x0180ff7f01100f0e, ext v0.16b, v1.16b, v2.16b, #5
    TV ext_8b,   A_LO, A_HI, M_LO, M_HI, 0x7f01080706050403, 0, ext v0.8b, v1.8b, v2.8b, #2

    /* ---- table lookups: index >= 16*n gives 0 (TBL) or keeps the destination (TBX) ---- */
    TV tbl_1, A_LO, A_HI, 0x0f00ff1001020310, 0x8040200000000000, 0x1001000002030400, 0x0000000101010101, tbl v0.16b, {v1.16b}, v2.16b
    TV tbx_1, A_LO, A_HI, 0x0f00ff1001020310, 0x8040200000000000, 0x1001ffff020304ff, 0xffffff0101010101, tbx v0.16b, {v1.16b}, v2.16b
    VSET 3, A_LO, A_HI
    VSET 4, M_LO, M_HI
    VSET 5, 0x1f10000f1e110120, 0x3f40000000000000
    movi v0.2d, #0
    tbl  v0.16b, {v3.16b, v4.16b}, v5.16b
    VCHECK tbl_2, 0, 0x7f010110ff7f0200, 0x0000010101010101

    /* ---- reductions, counting, widening/narrowing ---- */
    TV addv_16b, A_LO, A_HI, 0, 0, 0x88, 0, addv b0, v1.16b
    TV addv_4s,  0xffffffff00000001, 0x0000000200000003, 0, 0, 5, 0, addv s0, v1.4s
    TV umaxv_8h, M_LO, M_HI, 0, 0, 0xffff, 0, umaxv h0, v1.8h
    TV uminv_16b, M_LO, M_HI, 0, 0, 0, 0, uminv b0, v1.16b
    TV sminv_8h, M_LO, M_HI, 0, 0, 0x8000, 0, sminv h0, v1.8h
    TV smaxv_4s, M_LO, M_HI, 0, 0, 0x7fff8000, 0, smaxv s0, v1.4s
    TV uaddlv_16b, M_LO, M_HI, 0, 0, 0x00000000000007fb, 0, uaddlv h0, v1.16b
    TV cnt_16b, 0xff00010380ff7f0f, 0xffffffffffffffff, 0, 0, 0x0800010201080704, 0x0808080808080808, cnt v0.16b, v1.16b
    TV xtn_4h, 0x1234567890abcdef, 0xfedcba9876543210, 0, 0, 0xba9832105678cdef, 0, xtn v0.4h, v1.4s
    TV xtn2_8h, 0, 0, 0x1234567890abcdef, 0xfedcba9876543210, 0xffffffffffffffff, 0xdc9854103478abef, xtn2 v0.16b, v2.8h
    TV uxtl_8h, M_LO, M_HI, 0, 0, 0x008000ff007f0001, 0x008000ff007f0001, uxtl v0.8h, v1.8b
    TV sxtl_4s, M_LO, M_HI, 0, 0, 0xffff80ff00007f01, 0xffff80ff00007f01, sxtl v0.4s, v1.4h
    TV uxtl2_2d, M_LO, M_HI, 0, 0, 0x000000000001ffff, 0x000000007fff8000, uxtl2 v0.2d, v1.4s
    TV sqadd_16b, M_LO, M_HI, M_LO, M_HI, 0x80fe7f0280fe7f02, 0x7ffe80000002fefe, sqadd v0.16b, v1.16b, v2.16b
    TV uqsub_8h, M_LO, M_HI, A_LO, A_HI, 0x78f878fc7cfc7d00, 0x6ff071f30000f5f6, uqsub v0.8h, v1.8h, v2.8h
    TV sqxtn_8b, 0x7fff8000ff7f0080, 0x0000ffff01000012, 0, 0, 0x00ff7f127f80807f, 0, sqxtn v0.8b, v1.8h

    /* ---- element moves ---- */
    MOV64 x19, 0x9abcdef09abcdef0
    TV dup_elem_16b, M_LO, M_HI, 0, 0, 0xffffffffffffffff, 0xffffffffffffffff, dup v0.16b, v1.b[6]
    TV dup_gen_8h, 0, 0, 0, 0, 0xdef0def0def0def0, 0xdef0def0def0def0, dup v0.8h, w19
    TV dup_gen_2s, 0, 0, 0, 0, 0x9abcdef09abcdef0, 0, dup v0.2s, w19
    TV ins_s, 0, 0, 0, 0, 0xffffffffffffffff, 0x9abcdef0ffffffff, ins v0.s[3], w19
    TV ins_elem_h, A_LO, A_HI, 0, 0, 0xffffffffffffffff, 0xffff0c0bffffffff, ins v0.h[6], v1.h[5]
    TV mov_d_elem, A_LO, A_HI, 0, 0, 0x100f0e0d0c0b0a09, 0xffffffffffffffff, mov v0.d[0], v1.d[1]
    MOV64 x19, 0x9abcdef09abcdef0
    VSET 1, M_LO, M_HI
    umov w0, v1.b[3]
    CHECK umov_b, 0x80
    smov x0, v1.b[3]
    CHECK smov_b_x, 0xffffffffffffff80
    smov w0, v1.h[5]
    CHECK smov_h_w, 0x0000000000000001
    umov w0, v1.h[7]
    CHECK umov_h, 0x7fff
    smov x0, v1.s[2]
    CHECK smov_s, 0x000000000001ffff
    mov  x0, v1.d[1]
    CHECK umov_d, M_HI

    /* ---- immediates ---- */
    TV movi_16b, 0, 0, 0, 0, 0xa5a5a5a5a5a5a5a5, 0xa5a5a5a5a5a5a5a5, movi v0.16b, #0xa5
    TV movi_4h_lsl8, 0, 0, 0, 0, 0x1200120012001200, 0, movi v0.4h, #0x12, lsl #8
    TV movi_4s_msl, 0, 0, 0, 0, 0x0012ffff0012ffff, 0x0012ffff0012ffff, movi v0.4s, #0x12, msl #16
    TV movi_2d_bytes, 0, 0, 0, 0, 0xff00ff0000ffff00, 0xff00ff0000ffff00, movi v0.2d, #0xff00ff0000ffff00
    TV mvni_8h, 0, 0, 0, 0, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, mvni v0.8h, #0xff
    TV orr_imm_4s, 0, 0, 0, 0, 0xffffffffffffffff, 0xffffffffffffffff, orr v0.4s, #0x12, lsl #24
    TV bic_imm_4h, 0, 0, 0, 0, 0xff00ff00ff00ff00, 0x0000000000000000, bic v0.4h, #0xff
    TV fmov_vec_imm, 0, 0, 0, 0, 0x3ff0000000000000, 0x3ff0000000000000, fmov v0.2d, #1.0
    TV fmov_vec_imm_2s, 0, 0, 0, 0, 0xc0000000c0000000, 0, fmov v0.2s, #-2.0

    /* ---- logical ---- */
    TV and_16b, A_LO, A_HI, M_LO, M_HI, 0x0007060100030201, 0x100f000000010a09, and v0.16b, v1.16b, v2.16b
    TV bsl, A_LO, A_HI, M_LO, M_HI, 0x0807060504030201, 0x100f0e0d0c0b0a09, bsl v0.16b, v1.16b, v2.16b
    TV eor_8b, A_LO, A_HI, M_LO, M_HI, 0x88f8790484fc7d00, 0, eor v0.8b, v1.8b, v2.8b
    TV not_16b, A_LO, A_HI, 0, 0, 0xf7f8f9fafbfcfdfe, 0xeff0f1f2f3f4f5f6, not v0.16b, v1.16b

    /* ---- vector floating point ---- */
    TV fadd_2d, 0x3ff0000000000000, 0x4000000000000000, 0x4000000000000000, 0x7ff0000000000000, 0x4008000000000000, 0x7ff0000000000000, fadd v0.2d, v1.2d, v2.2d
    TV fadd_4s, 0x400000003f800000, 0x7f8000007fc00000, 0x3f8000003f800000, 0xff8000003f800000, 0x4040000040000000, 0x7fc000007fc00000, fadd v0.4s, v1.4s, v2.4s
    TV fmul_2s, 0x4040000040000000, 0x3f8000003f800000, 0x3f00000040400000, 0, 0x3fc0000040c00000, 0, fmul v0.2s, v1.2s, v2.2s
    VSET    1, 0x4000000000000000, 0x4008000000000000
    VSET    2, 0x4008000000000000, 0x4000000000000000
    fmov    v0.2d, #1.0
    fmla    v0.2d, v1.2d, v2.2d
    VCHECK  fmla_2d, 0, 0x401c000000000000, 0x401c000000000000
    fmov    v0.4s, #1.0
    fmla    v0.4s, v1.4s, v2.s[1]       /* by element */
    VCHECK fmla_elem_4s, 0, 0x40a800003f800000, 0x40b080003f800000
    TV fcmeq_4s, 0x7fc000003f800000, 0x80000000, 0x7fc000003f800000, 0x00000000, 0x00000000ffffffff, 0xffffffffffffffff, fcmeq v0.4s, v1.4s, v2.4s
    TV fcmgt_2d, 0x3ff0000000000000, 0x7ff8000000000000, 0, 0, 0xffffffffffffffff, 0, fcmgt v0.2d, v1.2d, v2.2d
    TV fmaxnm_2d, 0x7ff8000000000000, 0x8000000000000000, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0, fmaxnm v0.2d, v1.2d, v2.2d
    TV fcvtzs_4s, 0x3fc00000c0200000, 0x4f0000007fc00000, 0, 0, 0x00000001fffffffe, 0x7fffffff00000000, fcvtzs v0.4s, v1.4s
    TV scvtf_2d, 0xffffffffffffffff, 2, 0, 0, 0xbff0000000000000, 0x4000000000000000, scvtf v0.2d, v1.2d

    /* ---- structure loads and stores ---- */
    LA      x19, src
    mov     x20, x19
    ld1     {v1.16b, v2.16b}, [x20], #32
    sub     x0, x20, x19
    CHECK   ld1_2reg_postinc, 32
    VCHECK ld1_2reg_v2, 2, 0x1716151413121110, 0x1f1e1d1c1b1a1918
    mov     x20, x19
    ld2     {v1.8h, v2.8h}, [x20]
    VCHECK  ld2_8h_v1, 1, 0x0d0c090805040100, 0x1d1c191815141110
    VCHECK  ld2_8h_v2, 2, 0x0f0e0b0a07060302, 0x1f1e1b1a17161312
    mov     x21, #48
    ld3     {v1.16b, v2.16b, v3.16b}, [x20], x21
    sub     x0, x20, x19
    CHECK   ld3_postinc_reg, 48
    VCHECK ld3_v3, 3, 0x1714110e0b080502, 0x2f2c292623201d1a
    ld4     {v4.4s, v5.4s, v6.4s, v7.4s}, [x19]
    VCHECK  ld4_4s_v5, 5, 0x1716151407060504, 0x3736353427262524
    add     x20, x19, #5
    ld1r    {v8.8h}, [x20]
    VCHECK  ld1r_8h, 8, 0x0605060506050605, 0x0605060506050605
    VSET    9, 0, 0
    ld1     {v9.s}[2], [x20], #4
    VCHECK  ld1_lane, 9, 0, 0x0000000008070605
    sub     x0, x20, x19
    CHECK   ld1_lane_postinc, 9
    ld2     {v10.b, v11.b}[15], [x19]
    mov     x0, v11.d[1]
    lsr     x0, x0, #56
    CHECK   ld2_lane, 1
    /* stores */
    LA      x22, dstbuf
    VSET    1, A_LO, A_HI
    VSET    2, M_LO, M_HI
    mov     x20, x22
    st2     {v1.16b, v2.16b}, [x20], #32
    sub     x0, x20, x22
    CHECK   st2_postinc, 32
    ldr     x0, [x22]
    CHECK   st2_interleave, 0x8004ff037f020101
    st1     {v1.2d}, [x22]
    ldr     x0, [x22, #8]
    CHECK   st1_2d, A_HI
    mov     x20, x22
    st4     {v1.b, v2.b, v3.b, v4.b}[1], [x20], #4
    ldr     w0, [x22]
    CHECK st4_lane, 0x0000000001057f02
    sub     x0, x20, x22
    CHECK   st4_lane_postinc, 4
    VSET    3, 0x1111111111111111, 0x2222222222222222
    st3     {v1.4s, v2.4s, v3.4s}, [x22]
    ldr     x0, [x22, #8]
    CHECK st3_4s, 0x0807060511111111
    st1     {v1.8b, v2.8b, v3.8b, v4.8b}, [x22]
    ldr     x0, [x22, #24]
    mov     x1, v4.d[0]
    sub     x0, x0, x1
    CHECK   st1_4reg, 0

    TEST_END simd

    .data
    .balign 16
src:
    .set i, 0
    .rept 96
    .byte i
    .set i, i + 1
    .endr
dstbuf: .space 128
