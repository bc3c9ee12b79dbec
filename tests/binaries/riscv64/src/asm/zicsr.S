/*
 * zicsr.S: self-checking test of the Zicsr instructions on the user-visible CSRs:
 * read-modify-write semantics of csrrw/csrrs/csrrc and their immediate forms on
 * fflags, frm and fcsr (the old value is returned, fields are masked: fflags 5
 * bits, frm 3 bits, fcsr 8 bits, fcsr aliases both), rd = x0 and rs1 = x0 /
 * uimm = 0 forms, FP exceptions showing up in fcsr, and cycle/time/instret being
 * readable and non-decreasing.
 */
#include "test.h"

TEST_BEGIN

    /* ---- fcsr: 8 bits = frm(7:5) | fflags(4:0) ---- */
    li      t0, 0xffffffff
    csrrw   a0, fcsr, t0
    csrr    a0, fcsr
    CHECK   fcsr_write_masked, 0xff
    csrr    a0, fflags
    CHECK   fflags_from_fcsr, 0x1f
    csrr    a0, frm
    CHECK   frm_from_fcsr, 0x7
    li      t0, 0x41
    csrrw   a0, fcsr, t0
    CHECK   csrrw_returns_old, 0xff
    csrr    a0, frm
    CHECK   frm_field, 2
    csrr    a0, fflags
    CHECK   fflags_field, 1

    /* ---- fflags writes leave frm alone ---- */
    li      t0, 0xff
    csrrw   a0, fflags, t0
    CHECK   fflags_csrrw_old, 0x01
    csrr    a0, fflags
    CHECK   fflags_masked, 0x1f
    csrr    a0, fcsr
    CHECK   fflags_keeps_frm, 0x5f

    /* ---- frm writes leave fflags alone ---- */
    li      t0, 0xfd
    csrrw   a0, frm, t0
    CHECK   frm_csrrw_old, 2
    csrr    a0, frm
    CHECK   frm_masked, 5
    csrr    a0, fcsr
    CHECK   frm_keeps_fflags, 0xbf

    /* ---- csrrs / csrrc ---- */
    csrw    fcsr, zero
    li      t0, 0x14
    csrrs   a0, fflags, t0
    CHECK   csrrs_old, 0
    csrr    a0, fflags
    CHECK   csrrs_set, 0x14
    li      t0, 0x05
    csrrs   a0, fflags, t0
    CHECK   csrrs_old2, 0x14
    csrr    a0, fflags
    CHECK   csrrs_or, 0x15
    li      t0, 0x11
    csrrc   a0, fflags, t0
    CHECK   csrrc_old, 0x15
    csrr    a0, fflags
    CHECK   csrrc_cleared, 0x04
    li      t0, 0xe0
    csrrs   a0, fcsr, t0
    csrr    a0, frm
    CHECK   csrrs_fcsr_frm, 7
    li      t0, 0x40
    csrrc   a0, fcsr, t0
    CHECK   csrrc_fcsr_old, 0xe4
    csrr    a0, fcsr
    CHECK   csrrc_fcsr_new, 0xa4

    /* ---- immediate forms ---- */
    csrw    fcsr, zero
    csrrwi  a0, fflags, 0x1f
    CHECK   csrrwi_old, 0
    csrr    a0, fflags
    CHECK   csrrwi_new, 0x1f
    csrrci  a0, fflags, 0x03
    CHECK   csrrci_old, 0x1f
    csrr    a0, fflags
    CHECK   csrrci_new, 0x1c
    csrrsi  a0, fflags, 0x01
    CHECK   csrrsi_old, 0x1c
    csrr    a0, fflags
    CHECK   csrrsi_new, 0x1d
    csrrwi  a0, frm, 3
    csrr    a0, fcsr
    CHECK   csrrwi_frm, 0x7d
    csrrsi  a0, fcsr, 0
    CHECK   csrrsi_zero_reads, 0x7d
    csrrci  a0, fcsr, 0
    CHECK   csrrci_zero_reads, 0x7d

    /* ---- rd = x0 still writes; rs1 = x0 does not write ---- */
    li      t0, 0x0a
    csrrw   x0, fflags, t0
    csrr    a0, fflags
    CHECK   csrrw_rd_x0_writes, 0x0a
    csrrs   a0, fflags, x0
    CHECK   csrrs_rs1_x0_reads, 0x0a
    csrrc   a0, fflags, x0
    csrr    a0, fflags
    CHECK   csrrc_rs1_x0_no_write, 0x0a
    csrrwi  x0, frm, 0
    csrr    a0, fcsr
    CHECK   csrrwi_rd_x0, 0x0a

    /* ---- pseudo-instructions ---- */
    fsflags a0, x0
    CHECK   fsflags_swap_old, 0x0a
    frflags a0
    CHECK   fsflags_swap_new, 0
    fsrmi   a0, 4
    CHECK   fsrmi_old, 0
    frrm    a0
    CHECK   frrm, 4
    fscsr   a0, x0
    CHECK   fscsr_old, 0x80
    frcsr   a0
    CHECK   fscsr_new, 0

    /* ---- FP exceptions accumulate into fcsr ---- */
    li      t0, 0x3f800000
    fmv.w.x fa1, t0
    fmv.w.x fa2, zero
    fdiv.s  fa0, fa1, fa2          /* 1/0: DZ */
    csrr    a0, fcsr
    CHECK   fcsr_dz, DZ
    fsub.s  fa0, fa0, fa0          /* inf-inf: NV */
    csrr    a0, fcsr
    CHECK   fcsr_dz_nv, DZ|NV
    csrw    fcsr, zero

    /* ---- counters: readable and non-decreasing ---- */
    rdcycle   s2
    rdtime    s3
    rdinstret s4
    li      t0, 20000
1:  addi    t0, t0, -1
    bnez    t0, 1b
    rdcycle   s5
    rdtime    s6
    rdinstret s7
    sltu    a0, s5, s2
    CHECK   cycle_non_decreasing, 0
    sltu    a0, s6, s3
    CHECK   time_non_decreasing, 0
    sltu    a0, s7, s4
    CHECK   instret_non_decreasing, 0
    csrr    s2, time
    li      t0, 1000
1:  csrr    s3, time
    sltu    a0, s3, s2
    bnez    a0, 2f
    mv      s2, s3
    addi    t0, t0, -1
    bnez    t0, 1b
2:  CHECK   time_monotonic_loop, 0

    TEST_END zicsr
