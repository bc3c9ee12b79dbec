/*
 * rv64c.S: self-checking test of the C extension. Every compressed instruction is
 * written explicitly with its c.* mnemonic (objdump shows them as 16-bit), with
 * edge cases for immediates (c.li/c.addi -32..31, c.lui negative, c.addi16sp and
 * c.addi4spn extremes), W forms and their sign extension, c.jalr linking pc+2,
 * the FP compressed loads/stores, and a 32-bit instruction that straddles a page
 * boundary after a run of 2-byte instructions.
 */
#include "test.h"
    .option rvc

TEST_BEGIN

    /* ---- constants and immediates ---- */
    c.li    a0, -32
    CHECK   c_li_min, 0xffffffffffffffe0
    c.li    a0, 31
    CHECK   c_li_max, 31
    c.li    a0, 10
    c.addi  a0, -32
    CHECK   c_addi_neg, 0xffffffffffffffea
    c.li    a0, 1
    c.addi  a0, 31
    CHECK   c_addi_pos, 32
    li      a0, 0x7fffffff
    c.addiw a0, 1
    CHECK   c_addiw_ovf, 0xffffffff80000000
    li      a0, 0x00000000ffffffff
    c.addiw a0, 0
    CHECK   c_addiw_sext, 0xffffffffffffffff
    li      a0, 0x123456780000000f
    c.addiw a0, -16
    CHECK   c_addiw_hi_ignored, 0xffffffffffffffff
    c.lui   a0, 0x1f
    CHECK   c_lui_pos, 0x1f000
    c.lui   a0, 0xfffff
    CHECK   c_lui_neg1, 0xfffffffffffff000
    c.lui   a0, 0xfffe0
    CHECK   c_lui_min, 0xfffffffffffe0000
    c.lui   a0, 1
    CHECK   c_lui_1, 0x1000

    /* ---- stack pointer arithmetic ---- */
    c.mv    s0, sp
    c.addi16sp sp, -64
    sub     a0, s0, sp
    CHECK   c_addi16sp_neg, 64
    c.addi16sp sp, 64
    sub     a0, s0, sp
    CHECK   c_addi16sp_pos, 0
    c.addi16sp sp, -512
    sub     a0, s0, sp
    CHECK   c_addi16sp_min, 512
    c.addi16sp sp, 496
    c.addi16sp sp, 16
    sub     a0, s0, sp
    CHECK   c_addi16sp_max, 0
    c.addi4spn a0, sp, 16
    sub     a0, a0, sp
    CHECK   c_addi4spn, 16
    c.addi4spn a5, sp, 1020
    sub     a0, a5, sp
    CHECK   c_addi4spn_max, 1020

    /* ---- shifts and logic on x8..x15 ---- */
    c.li    a0, 1
    c.slli  a0, 63
    CHECK   c_slli_63, 0x8000000000000000
    c.li    a0, 3
    c.slli  a0, 32
    CHECK   c_slli_32, 0x300000000
    li      a0, 0x8000000000000000
    c.srli  a0, 63
    CHECK   c_srli_63, 1
    li      a0, 0xffffffff00000000
    c.srli  a0, 32
    CHECK   c_srli_32, 0xffffffff
    li      a0, 0x8000000000000000
    c.srai  a0, 63
    CHECK   c_srai_63, 0xffffffffffffffff
    li      a0, 0x8000000000000000
    c.srai  a0, 1
    CHECK   c_srai_1, 0xc000000000000000
    li      a0, 0x123456789abcdef0
    c.andi  a0, -32
    CHECK   c_andi_neg, 0x123456789abcdee0
    li      a0, 0x123456789abcdeff
    c.andi  a0, 31
    CHECK   c_andi_pos, 0x1f
    li      a0, 10
    li      a1, 13
    c.sub   a0, a1
    CHECK   c_sub, 0xfffffffffffffffd
    li      a0, 0xff00ff00ff00ff00
    li      a1, 0x0ff00ff00ff00ff0
    c.xor   a0, a1
    CHECK   c_xor, 0xf0f0f0f0f0f0f0f0
    li      a0, 0xff00ff00ff00ff00
    li      a1, 0x0ff00ff00ff00ff0
    c.or    a0, a1
    CHECK   c_or, 0xfff0fff0fff0fff0
    li      a0, 0xff00ff00ff00ff00
    li      a1, 0x0ff00ff00ff00ff0
    c.and   a0, a1
    CHECK   c_and, 0x0f000f000f000f00
    li      a0, 0x7fffffff
    c.li    a1, 1
    c.addw  a0, a1
    CHECK   c_addw_ovf, 0xffffffff80000000
    li      a0, 0x100000000
    c.li    a1, 1
    c.subw  a0, a1
    CHECK   c_subw_sext, 0xffffffffffffffff
    li      a0, 0x80000000
    c.li    a1, 1
    c.subw  a0, a1
    CHECK   c_subw_under, 0x7fffffff

    /* ---- full-register forms ---- */
    li      t1, 0x1122334455667788
    c.mv    a0, t1
    CHECK   c_mv, 0x1122334455667788
    li      a0, 0x7fffffffffffffff
    c.li    t2, 1
    c.add   a0, t2
    CHECK   c_add_wrap, 0x8000000000000000
    li      t3, 5
    c.slli  t3, 2
    c.mv    a0, t3
    CHECK   c_slli_any_reg, 20

    /* ---- control flow ---- */
    c.li    a0, 0
    c.j     1f
    c.li    a0, 7
1:  CHECK   c_j_forward, 0
    c.li    a0, 0
    c.li    a1, 3
2:  c.addi  a0, 5
    c.addi  a1, -1
    c.bnez  a1, 2b
    CHECK   c_bnez_loop, 15
    c.li    a0, 1
    c.li    a1, 0
    c.beqz  a1, 1f
    c.li    a0, 0
1:  CHECK   c_beqz_taken, 1
    c.li    a0, 1
    c.li    a1, -1
    c.beqz  a1, 1f
    c.li    a0, 0
1:  CHECK   c_beqz_not_taken, 0
    c.li    a0, 1
    li      a1, 0x100000000
    c.bnez  a1, 1f
    c.li    a0, 0
1:  CHECK   c_bnez_hi_bits, 1
    c.li    a0, 1
    c.li    a1, 0
    c.bnez  a1, 1f
    c.li    a0, 0
1:  CHECK   c_bnez_not_taken, 0
    /* a backward c.j */
    c.li    a0, 0
    c.j     2f
1:  c.li    a0, 9
    c.j     3f
2:  c.j     1b
3:  CHECK   c_j_backward, 9

    lla     t0, 1f
    c.jr    t0
    c.li    a0, 0
    c.j     2f
1:  c.li    a0, 1
2:  CHECK   c_jr, 1

    /* c.jalr links pc + 2 */
    lla     t0, 1f
    lla     s0, 2f
    c.jalr  t0
2:  c.j     3f
1:  sub     a0, ra, s0
    c.jr    ra
3:  CHECK   c_jalr_link, 0

    /* ---- loads and stores through x8..x15 ---- */
    lla     s0, cbuf
    li      a4, 0x80000000
    c.sw    a4, 0(s0)
    c.lw    a0, 0(s0)
    CHECK   c_lw_sext, 0xffffffff80000000
    li      a4, 0x1122334455667788
    c.sd    a4, 8(s0)
    c.ld    a0, 8(s0)
    CHECK   c_ld, 0x1122334455667788
    li      a4, 0x7edcba98
    c.sw    a4, 124(s0)
    c.lw    a0, 124(s0)
    CHECK   c_lw_max_offset, 0x7edcba98
    li      a4, -2
    c.sd    a4, 248(s0)
    c.ld    a0, 248(s0)
    CHECK   c_ld_max_offset, 0xfffffffffffffffe
    li      a4, 0x400921fb54442d18
    fmv.d.x fa4, a4
    c.fsd   fa4, 16(s0)
    c.ld    a0, 16(s0)
    CHECK   c_fsd, 0x400921fb54442d18
    c.fld   fa5, 16(s0)
    fmv.x.d a0, fa5
    CHECK   c_fld, 0x400921fb54442d18

    /* ---- stack-relative loads and stores ---- */
    c.addi16sp sp, -64
    li      t4, 0xfedcba9876543210
    c.sdsp  t4, 56(sp)
    c.ldsp  a0, 56(sp)
    CHECK   c_sdsp_ldsp, 0xfedcba9876543210
    li      t4, 0x87654321
    c.swsp  t4, 4(sp)
    c.lwsp  a0, 4(sp)
    CHECK   c_swsp_lwsp_sext, 0xffffffff87654321
    ld      a0, 0(sp)
    srli    a0, a0, 32
    CHECK   c_swsp_stored, 0x87654321
    li      t4, 0xc00921fb54442d18
    fmv.d.x ft8, t4
    c.fsdsp ft8, 24(sp)
    c.fldsp ft9, 24(sp)
    fmv.x.d a0, ft9
    CHECK   c_fsdsp_fldsp, 0xc00921fb54442d18
    c.addi16sp sp, 64

    /* ---- a 32-bit instruction straddling a page boundary ---- */
    c.li    a0, 4
    call    page_cross_run
    CHECK   insn_across_page, 5
    c.li    a0, 4
    call    page_cross_insn
    CHECK   insn_across_page_direct, 5

    TEST_END rv64c

    /* a page of c.nop, then an addi whose halves sit on two pages */
    .text
    .p2align 12
page_cross_run:
    .rept 2047
    c.nop
    .endr
page_cross_insn:
    .option push
    .option norvc
    addi    a0, a0, 1
    .option pop
    c.jr    ra

    .data
    .balign 8
cbuf: .fill 33, 8, 0
