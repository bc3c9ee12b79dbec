/*
 * ldst.S: self-checking test of A64 loads and stores: every addressing mode
 * (unsigned offset, unscaled negative offset, pre-/post-index with writeback,
 * register offset with LSL/UXTW/SXTW, PC-relative literal), zero and sign
 * extension of every width (W destinations zero the upper half), stores of every
 * width, LDP/STP/LDPSW with writeback, SIMD&FP register LDR/STR/LDP/STP of
 * B/H/S/D/Q (upper bits cleared), load/store exclusive (success, failure without
 * a reservation, after CLREX, to another address, pairs), load-acquire/
 * store-release, LSE atomics (CAS/CASP success and failure, LDADD/LDCLR/LDEOR/
 * LDSET/LDSMAX/LDSMIN/LDUMAX/LDUMIN/SWP of every width: old value and memory,
 * ST* aliases) and DC ZVA.
 */
#include "test.h"

#define ONES  0xffffffffffffffff

/* reg = address of sym */
.macro LA reg, sym
    adrp    \reg, \sym
    add     \reg, \reg, :lo12:\sym
.endm

/* fill scratch[0..63] with bytes 0x80+i (x9, x10 clobbered) */
.macro RESET
    bl      reset_scratch
.endm

TEST_BEGIN
    LA      x19, pat
    /* ---- addressing modes ---- */
    ldr     x0, [x19]
    CHECK   ldr_x, 0x8786858483828180
    ldr     x0, [x19, #8]
    CHECK   ldr_x_uimm, 0x8f8e8d8c8b8a8988
    ldr     w0, [x19, #4]
    CHECK   ldr_w_uimm_zext, 0x87868584
    add     x20, x19, #16
    ldur    x0, [x20, #-3]
    CHECK   ldur_neg_unaligned, 0x94939291908f8e8d
    mov     x20, x19
    ldr     x0, [x20, #16]!
    CHECK   ldr_pre, 0x9796959493929190
    sub     x0, x20, x19
    CHECK   ldr_pre_wb, 16
    ldr     x0, [x20], #-8
    CHECK   ldr_post, 0x9796959493929190
    sub     x0, x20, x19
    CHECK   ldr_post_wb, 8
    ldrb    w0, [x20, #-1]!
    CHECK   ldrb_pre_neg, 0x87
    sub     x0, x20, x19
    CHECK   ldrb_pre_neg_wb, 7
    mov     x21, #3
    ldr     x0, [x19, x21, lsl #3]
    CHECK   ldr_reg_lsl, 0x9f9e9d9c9b9a9998
    ldr     x0, [x19, x21]
    CHECK   ldr_reg, 0x8a89888786858483
    add     x20, x19, #32
    mov     x21, #-2
    ldr     x0, [x20, w21, sxtw #3]
    CHECK   ldr_sxtw, 0x9796959493929190
    MOV64   x21, 0xffffffff00000004
    ldrh    w0, [x19, w21, uxtw #1]
    CHECK   ldrh_uxtw, 0x8988
    ldrsb   x0, [x20, w21, sxtw]
    CHECK   ldrsb_sxtw, 0xffffffffffffffa4
    ldr     x0, lit
    CHECK   ldr_literal, 0x0123456789abcdef
    ldrsw   x0, lit
    CHECK   ldrsw_literal, 0xffffffff89abcdef
    ldr     w0, lit + 4
    CHECK   ldr_w_literal, 0x01234567

    /* ---- extension ---- */
    ldrsb   x0, [x19]
    CHECK   ldrsb_x, 0xffffffffffffff80
    ldrsb   w0, [x19]
    CHECK   ldrsb_w_zext, 0xffffff80
    ldrsh   x0, [x19, #2]
    CHECK   ldrsh_x, 0xffffffffffff8382
    ldrsh   w0, [x19, #2]
    CHECK   ldrsh_w_zext, 0xffff8382
    ldrsw   x0, [x19, #4]
    CHECK   ldrsw, 0xffffffff87868584
    ldrb    w0, [x19, #63]
    CHECK   ldrb_last, 0xbf
    ldrh    w0, [x19, #62]
    CHECK   ldrh_last, 0xbfbe
    LA      x20, pos
    ldrsb   x0, [x20]
    CHECK   ldrsb_pos, 0x7f
    ldrsh   w0, [x20]
    CHECK   ldrsh_w_pos, 0x7f7f
    ldursw  x0, [x20, #-4]
    CHECK   ldursw, 0xffffffffbfbebdbc

    /* ---- stores of every width ---- */
    LA      x20, scratch
    RESET
    MOV64   x21, 0x1122334455667788
    strb    w21, [x20]
    strh    w21, [x20, #2]
    str     w21, [x20, #4]
    str     x21, [x20, #8]
    ldp     x0, x22, [x20]
    CHECK   str_widths_lo, 0x5566778877888188
    mov     x0, x22
    CHECK   str_widths_hi, 0x1122334455667788
    sturb   w21, [x20, #17]
    sturh   w21, [x20, #19]
    ldr     x0, [x20, #16]
    CHECK   stur_unaligned, 0x9796957788928890
    RESET
    mov     x21, x20
    str     x22, [x21, #8]!
    str     x22, [x21], #16
    sub     x0, x21, x20
    CHECK   str_pre_post_wb, 24
    ldr     x0, [x20, #16]
    CHECK   str_post_untouched, 0x9796959493929190
    mov     x21, #5
    strb    wzr, [x20, x21]
    ldr     x0, [x20]
    CHECK   strb_reg_xzr, 0x8786008483828180

    /* ---- pairs ---- */
    ldp     x0, x21, [x19, #48]
    CHECK   ldp_x, 0xb7b6b5b4b3b2b1b0
    mov     x0, x21
    CHECK   ldp_x_second, 0xbfbebdbcbbbab9b8
    ldp     w0, w21, [x19, #-0 + 8]
    CHECK   ldp_w, 0x8b8a8988
    mov     x0, x21
    CHECK   ldp_w_second, 0x8f8e8d8c
    ldpsw   x0, x21, [x19]
    CHECK   ldpsw, 0xffffffff83828180
    mov     x0, x21
    CHECK   ldpsw_second, 0xffffffff87868584
    RESET
    add     x21, x20, #32
    MOV64   x22, 0xaaaaaaaaaaaaaaaa
    MOV64   x23, 0xbbbbbbbbbbbbbbbb
    stp     x22, x23, [x21, #-16]!
    sub     x0, x21, x20
    CHECK   stp_pre_wb, 16
    ldr     x0, [x20, #24]
    CHECK   stp_pre_mem, 0xbbbbbbbbbbbbbbbb
    stp     w23, w22, [x21], #-8
    sub     x0, x21, x20
    CHECK   stp_post_wb, 8
    ldr     x0, [x20, #16]
    CHECK   stp_w_post_mem, 0xaaaaaaaabbbbbbbb
    ldp     x0, x22, [x21, #8]!
    CHECK   ldp_pre, 0xaaaaaaaabbbbbbbb
    sub     x0, x21, x20
    CHECK   ldp_pre_wb, 16
    ldp     x22, x0, [x21], #16
    CHECK   ldp_post, 0xbbbbbbbbbbbbbbbb
    sub     x0, x21, x20
    CHECK   ldp_post_wb, 32

    /* ---- SIMD&FP registers ---- */
    movi    v0.2d, #-1
    ldr     b0, [x19, #1]
    mov     x0, v0.d[0]
    CHECK   ldr_b, 0x81
    mov     x0, v0.d[1]
    CHECK   ldr_b_hi_zero, 0
    movi    v0.2d, #-1
    ldr     h0, [x19, #2]
    fmov    x0, d0
    CHECK   ldr_h, 0x8382
    movi    v0.2d, #-1
    ldr     s0, [x19, #4]
    fmov    x0, d0
    CHECK   ldr_s, 0x87868584
    movi    v0.2d, #-1
    ldr     d0, [x19, #8]
    fmov    x0, d0
    CHECK   ldr_d, 0x8f8e8d8c8b8a8988
    mov     x0, v0.d[1]
    CHECK   ldr_d_hi_zero, 0
    ldr     q0, [x19, #16]
    mov     x0, v0.d[0]
    CHECK   ldr_q, 0x9796959493929190
    mov     x0, v0.d[1]
    CHECK   ldr_q_hi, 0x9f9e9d9c9b9a9998
    ldur    q1, [x19, #3]
    mov     x0, v1.d[1]
    CHECK   ldur_q_unaligned, 0x9291908f8e8d8c8b
    mov     x21, #2
    ldr     q2, [x19, x21, lsl #4]
    mov     x0, v2.d[0]
    CHECK   ldr_q_reg_lsl4, 0xa7a6a5a4a3a2a1a0
    RESET
    str     q0, [x20, #32]
    ldp     x0, x21, [x20, #32]
    CHECK   str_q, 0x9796959493929190
    mov     x0, x21
    CHECK   str_q_hi, 0x9f9e9d9c9b9a9998
    str     b2, [x20]
    str     h2, [x20, #2]
    str     s2, [x20, #4]
    str     d2, [x20, #8]
    ldp     x0, x21, [x20]
    CHECK   str_bhs, 0xa3a2a1a0a1a081a0
    mov     x0, x21
    CHECK   str_d, 0xa7a6a5a4a3a2a1a0
    mov     x21, x20
    stp     q0, q2, [x21, #-32]!
    ldp     q3, q4, [x21]
    mov     x0, v4.d[1]
    CHECK   stp_ldp_q, 0xafaeadacabaaa9a8
    sub     x0, x20, x21
    CHECK   stp_q_wb, 32
    ldp     s5, s6, [x19], #0
    fmov    w0, s6
    CHECK   ldp_s, 0x87868584
    ldr     d7, [x19, #8]!
    ldr     s8, [x19], #-8
    fmov    x0, d7
    CHECK   ldr_d_pre, 0x8f8e8d8c8b8a8988
    fmov    x0, d8
    CHECK   ldr_s_post, 0x8b8a8988
    LA      x0, pat
    sub     x0, x19, x0
    CHECK   simd_wb_restored, 0

    /* ---- exclusives ---- */
    LA      x20, scratch
    RESET
    ldxr    x0, [x20]
    MOV64   x21, 0x1234
    stxr    w22, x21, [x20]
    CHECK   ldxr_value, 0x8786858483828180
    mov     x0, x22
    CHECK   stxr_success, 0
    ldr     x0, [x20]
    CHECK   stxr_memory, 0x1234
    MOV64   x21, 0x5678
    stxr    w22, x21, [x20]
    mov     x0, x22
    CHECK   stxr_again_fails, 1
    ldr     x0, [x20]
    CHECK   stxr_fail_memory, 0x1234
    ldxr    x0, [x20]
    clrex
    stxr    w22, x21, [x20]
    mov     x0, x22
    CHECK   stxr_after_clrex_fails, 1
    ldxr    x0, [x20]
    add     x26, x20, #8
    stxr    w22, x21, [x26]
    mov     x0, x22
    CHECK   stxr_other_addr_fails, 1
    add     x26, x20, #16
    ldxrb   w0, [x26]
    mov     w21, #0x7f
    add     x26, x20, #16
    stxrb   w22, w21, [x26]
    CHECK   ldxrb, 0x90
    mov     x0, x22
    CHECK   stxrb_success, 0
    add     x26, x20, #18
    ldaxrh  w0, [x26]
    add     x26, x20, #18
    stlxrh  w22, w21, [x26]
    CHECK   ldaxrh, 0x9392
    ldr     x0, [x20, #16]
    CHECK   stxrb_h_memory, 0x97969594007f917f
    add     x26, x20, #20
    ldaxr   w0, [x26]
    mov     w21, #-1
    add     x26, x20, #20
    stlxr   w22, w21, [x26]
    CHECK   ldaxr_w, 0x97969594
    ldr     x0, [x20, #16]
    CHECK   stlxr_w_memory, 0xffffffff007f917f
    add     x26, x20, #32
    ldxp    x0, x21, [x26]
    MOV64   x23, 0x1111
    MOV64   x24, 0x2222
    add     x26, x20, #32
    stxp    w22, x23, x24, [x26]
    CHECK   ldxp, 0xa7a6a5a4a3a2a1a0
    mov     x0, x22
    CHECK   stxp_success, 0
    ldp     x0, x21, [x20, #32]
    CHECK   stxp_mem, 0x1111
    mov     x0, x21
    CHECK   stxp_mem_hi, 0x2222
    add     x26, x20, #32
    ldar    x0, [x26]
    CHECK   ldar, 0x1111
    add     x26, x20, #32
    stlr    w24, [x26]
    add     x26, x20, #33
    ldarb   w0, [x26]
    CHECK   stlr_w_ldarb, 0x22
    add     x26, x20, #32
    .arch_extension rcpc
    ldapr   x0, [x26]
    CHECK   ldapr, 0x2222

    /* ---- LSE atomics ---- */
    RESET
    MOV64   x21, 0x8786858483828180
    mov     x22, x21
    MOV64   x23, 0x42
    cas     x21, x23, [x20]
    mov     x0, x21
    CHECK   cas_match_old, 0x8786858483828180
    ldr     x0, [x20]
    CHECK   cas_match_mem, 0x42
    mov     x21, #7
    add     x26, x20, #8
    casal   x21, x23, [x26]
    mov     x0, x21
    CHECK   cas_nomatch_old, 0x8f8e8d8c8b8a8988
    ldr     x0, [x20, #8]
    CHECK   cas_nomatch_mem, 0x8f8e8d8c8b8a8988
    mov     w21, #0x90
    add     x26, x20, #16
    casb    w21, w23, [x26]
    mov     x0, x21
    CHECK   casb_old, 0x90
    ldr     x0, [x20, #16]
    CHECK   casb_mem, 0x9796959493929142
    MOV64   x21, 0xffffffff00009392      /* upper bits of Ws ignored in the compare */
    add     x26, x20, #18
    casah   w21, w23, [x26]
    mov     x0, x21
    CHECK   casah_old_zext, 0x9392
    ldr     x0, [x20, #16]
    CHECK   casah_mem, 0x9796959400429142
    MOV64   x24, 0xa7a6a5a4a3a2a1a0      /* CASP needs 16-byte alignment */
    MOV64   x25, 0xafaeadacabaaa9a8
    mov     x22, #1
    mov     x23, #2
    add     x26, x20, #32
    casp    x24, x25, x22, x23, [x26]
    mov     x0, x24
    CHECK   casp_old, 0xa7a6a5a4a3a2a1a0
    mov     x0, x25
    CHECK   casp_old_hi, 0xafaeadacabaaa9a8
    ldp     x0, x21, [x26]
    CHECK   casp_mem, 1
    mov     x0, x21
    CHECK   casp_mem_hi, 2

    RESET
    mov     x21, #1
    ldadd   x21, x0, [x20]
    CHECK   ldadd_old, 0x8786858483828180
    ldr     x0, [x20]
    CHECK   ldadd_mem, 0x8786858483828181
    MOV64   x21, 0x00000000ffffffff
    add     x26, x20, #8
    ldaddal w21, w0, [x26]
    CHECK   ldadd_w_old, 0x8b8a8988
    ldr     x0, [x20, #8]
    CHECK   ldadd_w_wrap, 0x8f8e8d8c8b8a8987
    MOV64   x21, 0xff
    add     x26, x20, #16
    ldclrb  w21, w0, [x26]
    CHECK   ldclrb_old, 0x90
    MOV64   x21, 0xffff
    add     x26, x20, #18
    ldeorh  w21, w0, [x26]
    CHECK   ldeorh_old, 0x9392
    MOV64   x21, 0x0f0f0f0f
    add     x26, x20, #20
    ldsetl  w21, w0, [x26]
    CHECK   ldset_old, 0x97969594
    ldr     x0, [x20, #16]
    CHECK   ldclr_eor_set_mem, 0x9f9f9f9f6c6d9100
    mov     x21, #5
    add     x26, x20, #24
    ldsmax  x21, x0, [x26]
    CHECK   ldsmax_old, 0x9f9e9d9c9b9a9998
    ldr     x0, [x20, #24]
    CHECK   ldsmax_mem, 5
    mov     x21, #-3
    add     x26, x20, #24
    ldsmin  x21, x0, [x26]
    CHECK   ldsmin_old, 5
    ldr     x0, [x20, #24]
    CHECK   ldsmin_mem, 0xfffffffffffffffd
    mov     x21, #7
    add     x26, x20, #24
    ldumax  x21, x0, [x26]
    ldr     x0, [x20, #24]
    CHECK   ldumax_mem, 0xfffffffffffffffd
    add     x26, x20, #24
    ldumin  x21, x0, [x26]
    CHECK   ldumin_old, 0xfffffffffffffffd
    ldr     x0, [x20, #24]
    CHECK   ldumin_mem, 7
    mov     w21, #0x7f
    add     x26, x20, #32
    ldsmaxb w21, w0, [x26]
    CHECK   ldsmaxb_old, 0xa0
    ldrb    w0, [x20, #32]
    CHECK   ldsmaxb_mem, 0x7f
    mov     w21, #0x7f
    add     x26, x20, #34
    ldsminh w21, w0, [x26]
    CHECK   ldsminh_old, 0xa3a2
    ldrh    w0, [x20, #34]
    CHECK   ldsminh_mem, 0xa3a2
    mov     w21, #0xa0
    add     x26, x20, #36
    lduminb w21, w0, [x26]
    ldrb    w0, [x20, #36]
    CHECK   lduminb_mem, 0xa0
    MOV64   x21, 0xdead
    add     x26, x20, #40
    swp     x21, x0, [x26]
    CHECK   swp_old, 0xafaeadacabaaa9a8
    ldr     x0, [x20, #40]
    CHECK   swp_mem, 0xdead
    mov     w21, #0x55
    add     x26, x20, #48
    swpalb  w21, w0, [x26]
    CHECK   swpb_old, 0xb0
    ldr     x0, [x20, #48]
    CHECK   swpb_mem, 0xb7b6b5b4b3b2b155
    mov     x21, #0x10
    add     x26, x20, #56
    stadd   x21, [x26]
    ldr     x0, [x20, #56]
    CHECK   stadd_mem, 0xbfbebdbcbbbab9c8
    mov     w21, #1
    add     x26, x20, #56
    stsetlb w21, [x26]
    ldrb    w0, [x20, #56]
    CHECK   stsetb_mem, 0xc9
    mov     x21, #1
    add     x26, x20, #56
    ldadd   x21, xzr, [x26]
    ldrb    w0, [x20, #56]
    CHECK   ldadd_xzr_mem, 0xca
    mov     x21, #9
    add     x26, x20, #56
    ldadd   x21, x21, [x26]
    mov     x0, x21
    CHECK   ldadd_rs_eq_rt, 0xbfbebdbcbbbab9ca

    /* ---- DC ZVA zeroes an aligned block (DCZID_EL0.BS words << 2 bytes) ---- */
    mrs     x21, dczid_el0
    and     x21, x21, #15
    mov     x22, #4
    lsl     x22, x22, x21            /* block size in bytes */
    LA      x20, zbuf
    add     x23, x20, x22
    sub     x9, x22, #1
    bic     x23, x23, x9             /* an aligned block inside zbuf */
    mov     x9, #0
1:  mov     x10, #-1
    str     x10, [x20, x9]
    add     x9, x9, #8
    cmp     x9, #2048
    b.lo    1b
    add     x24, x23, #13
    dc      zva, x24                 /* any address inside the block */
    mov     x9, #0                   /* count zero bytes in zbuf */
    mov     x0, #0
2:  ldrb    w10, [x20, x9]
    cmp     w10, #0
    cinc    x0, x0, eq
    add     x9, x9, #1
    cmp     x9, #2048
    b.lo    2b
    sub     x0, x0, x22
    CHECK   dc_zva_count, 0
    ldrb    w0, [x23]
    ldrb    w9, [x23, #-1]
    add     x0, x0, x9
    CHECK   dc_zva_edge, 0xff

    TEST_END ldst

reset_scratch:
    LA      x9, scratch
    mov     x10, #0
1:  add     w11, w10, #0x80
    strb    w11, [x9, x10]
    add     x10, x10, #1
    cmp     x10, #64
    b.lo    1b
    ret

    .balign 8
lit: .quad 0x0123456789abcdef

    .data
    .balign 16
pat:
    .set i, 0
    .rept 64
    .byte 0x80 + i
    .set i, i + 1
    .endr
pos: .byte 0x7f, 0x7f, 0, 0
    .balign 16
scratch: .space 64
    .bss
    .balign 16
zbuf: .space 2048
