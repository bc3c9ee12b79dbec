/*
 * rv64i.S: self-checking test of the RV64I base integer instructions:
 * arithmetic with overflow wrap, every W form and its sign extension, shifts by
 * 0/31/32/63 (low 5 bits only for W forms), set-less-than with negative
 * immediates, lui/auipc sign extension, every branch taken and not taken,
 * jal/jalr link values (rd == rs1, odd targets), all load widths with sign/zero
 * extension, stores of every width, and misaligned loads and stores.
 */
#include "test.h"

TEST_BEGIN

    /* ---- add / sub / addi ---- */
    TEST_RR  add_small,      add, 1, 2, 3
    TEST_RR  add_wrap,       add, 0x7fffffffffffffff, 1, 0x8000000000000000
    TEST_RR  add_neg,        add, -1, 1, 0
    TEST_RR  add_carry_out,  add, 0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe
    TEST_RR  sub_small,      sub, 0, 1, 0xffffffffffffffff
    TEST_RR  sub_wrap,       sub, 0x8000000000000000, 1, 0x7fffffffffffffff
    TEST_IMM addi_neg,       addi, -1, -2048, -2049
    TEST_IMM addi_max,       addi, 0, 2047, 2047
    TEST_IMM addi_wrap,      addi, 0x7fffffffffffffff, 1, 0x8000000000000000

    /* ---- W arithmetic: 32-bit result sign-extended ---- */
    TEST_RR  addw_ovf,       addw, 0x7fffffff, 1, 0xffffffff80000000
    TEST_RR  addw_hi_ignored, addw, 0x123456789, 0, 0x23456789
    TEST_RR  addw_neg,       addw, 0xffffffff, 0xffffffff, 0xfffffffffffffffe
    TEST_RR  addw_carry,     addw, 0xffffffff, 1, 0
    TEST_IMM addiw_ovf,      addiw, 0x7fffffff, 1, 0xffffffff80000000
    TEST_IMM addiw_sext,     addiw, 0xffffffff00000005, 0, 5
    TEST_IMM addiw_sext_neg, addiw, 0x0000000080000000, 0, 0xffffffff80000000
    TEST_IMM addiw_under,    addiw, 0x80000000, -1, 0x7fffffff
    TEST_IMM addiw_negimm,   addiw, 0, -2048, 0xfffffffffffff800
    TEST_RR  subw_neg,       subw, 0, 1, 0xffffffffffffffff
    TEST_RR  subw_under,     subw, 0x80000000, 1, 0x7fffffff
    TEST_RR  subw_hi_ignored, subw, 0xaaaaaaaa00000003, 0x5555555500000001, 2
    TEST_RR  subw_to_neg,    subw, 0x7fffffff, 0xffffffff, 0xffffffff80000000

    /* ---- logic, immediates are sign-extended ---- */
    TEST_RR  and,            and, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00
    TEST_RR  or,             or,  0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0
    TEST_RR  xor,            xor, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0
    TEST_IMM andi_neg,       andi, 0xffffffffffffffff, -2048, 0xfffffffffffff800
    TEST_IMM andi_pos,       andi, 0x123456789abcdef0, 0x7ff, 0x6f0
    TEST_IMM ori_neg,        ori, 0, -1, 0xffffffffffffffff
    TEST_IMM ori_pos,        ori, 0x8000000000000000, 0x555, 0x8000000000000555
    TEST_IMM xori_not,       xori, 0x0123456789abcdef, -1, 0xfedcba9876543210
    TEST_IMM xori_neg,       xori, 0xff, -256, 0xffffffffffffffff

    /* ---- 64-bit shifts: register amount uses the low 6 bits ---- */
    TEST_RR  sll_0,          sll, 0x8000000000000001, 0, 0x8000000000000001
    TEST_RR  sll_31,         sll, 1, 31, 0x80000000
    TEST_RR  sll_32,         sll, 1, 32, 0x100000000
    TEST_RR  sll_63,         sll, 3, 63, 0x8000000000000000
    TEST_RR  sll_64_is_0,    sll, 5, 64, 5
    TEST_RR  sll_65_is_1,    sll, 5, 65, 10
    TEST_RR  srl_0,          srl, 0x8000000000000000, 0, 0x8000000000000000
    TEST_RR  srl_31,         srl, 0x8000000000000000, 31, 0x100000000
    TEST_RR  srl_32,         srl, 0x8000000000000000, 32, 0x80000000
    TEST_RR  srl_63,         srl, 0x8000000000000000, 63, 1
    TEST_RR  srl_127_is_63,  srl, 0xffffffffffffffff, 127, 1
    TEST_RR  sra_0,          sra, 0x8000000000000000, 0, 0x8000000000000000
    TEST_RR  sra_31,         sra, 0x8000000000000000, 31, 0xffffffff00000000
    TEST_RR  sra_32,         sra, 0x8000000000000000, 32, 0xffffffff80000000
    TEST_RR  sra_63,         sra, 0x8000000000000000, 63, 0xffffffffffffffff
    TEST_RR  sra_pos_63,     sra, 0x7fffffffffffffff, 63, 0
    TEST_IMM slli_0,         slli, 0x8000000000000001, 0, 0x8000000000000001
    TEST_IMM slli_31,        slli, 1, 31, 0x80000000
    TEST_IMM slli_32,        slli, 0xffffffff, 32, 0xffffffff00000000
    TEST_IMM slli_63,        slli, 1, 63, 0x8000000000000000
    TEST_IMM srli_31,        srli, 0x8000000000000000, 31, 0x100000000
    TEST_IMM srli_32,        srli, 0xffffffff00000000, 32, 0xffffffff
    TEST_IMM srli_63,        srli, 0x8000000000000000, 63, 1
    TEST_IMM srai_0,         srai, 0x8000000000000000, 0, 0x8000000000000000
    TEST_IMM srai_31,        srai, 0x8000000000000000, 31, 0xffffffff00000000
    TEST_IMM srai_32,        srai, 0x8000000000000000, 32, 0xffffffff80000000
    TEST_IMM srai_63,        srai, 0x8000000000000000, 63, 0xffffffffffffffff

    /* ---- 32-bit shifts: low 5 bits of the amount, result sign-extended ---- */
    TEST_IMM slliw_0_sext,   slliw, 0x00000000ffffffff, 0, 0xffffffffffffffff
    TEST_IMM slliw_31,       slliw, 1, 31, 0xffffffff80000000
    TEST_IMM slliw_hi_lost,  slliw, 0x0000000180000001, 1, 2
    TEST_IMM srliw_0_sext,   srliw, 0x0000000080000000, 0, 0xffffffff80000000
    TEST_IMM srliw_1,        srliw, 0x0000000080000000, 1, 0x40000000
    TEST_IMM srliw_31,       srliw, 0xffffffff80000000, 31, 1
    TEST_IMM srliw_hi_ignored, srliw, 0xffffffff00000010, 4, 1
    TEST_IMM sraiw_31,       sraiw, 0x80000000, 31, 0xffffffffffffffff
    TEST_IMM sraiw_1,        sraiw, 0x0000000080000000, 1, 0xffffffffc0000000
    TEST_IMM sraiw_hi_ignored, sraiw, 0x8000000070000000, 4, 0x07000000
    TEST_RR  sllw_31,        sllw, 1, 31, 0xffffffff80000000
    TEST_RR  sllw_32_is_0,   sllw, 1, 32, 1
    TEST_RR  sllw_63_is_31,  sllw, 1, 63, 0xffffffff80000000
    TEST_RR  sllw_0_sext,    sllw, 0x00000000fffffffe, 0, 0xfffffffffffffffe
    TEST_RR  srlw_31,        srlw, 0x80000000, 31, 1
    TEST_RR  srlw_32_is_0,   srlw, 0x80000000, 32, 0xffffffff80000000
    TEST_RR  srlw_63_is_31,  srlw, 0x80000000, 63, 1
    TEST_RR  srlw_hi_ignored, srlw, 0xffffffff00000100, 8, 1
    TEST_RR  sraw_31,        sraw, 0x80000000, 31, 0xffffffffffffffff
    TEST_RR  sraw_32_is_0,   sraw, 0x80000000, 32, 0xffffffff80000000
    TEST_RR  sraw_63_is_31,  sraw, 0x80000000, 63, 0xffffffffffffffff
    TEST_RR  sraw_pos_63,    sraw, 0xffffffff7fffffff, 63, 0
    TEST_RR  sraw_4,         sraw, 0x00000000f0000000, 4, 0xffffffffff000000

    /* ---- set less than ---- */
    TEST_RR  slt_neg_pos,    slt, -1, 1, 1
    TEST_RR  slt_pos_neg,    slt, 1, -1, 0
    TEST_RR  slt_equal,      slt, 7, 7, 0
    TEST_RR  slt_min_max,    slt, 0x8000000000000000, 0x7fffffffffffffff, 1
    TEST_RR  sltu_neg_pos,   sltu, -1, 1, 0
    TEST_RR  sltu_pos_neg,   sltu, 1, -1, 1
    TEST_RR  sltu_zero,      sltu, 0, 0, 0
    TEST_IMM slti_negimm_t,  slti, -3, -2, 1
    TEST_IMM slti_negimm_f,  slti, 0, -1, 0
    TEST_IMM slti_min,       slti, 0x8000000000000000, -2048, 1
    TEST_IMM sltiu_negimm,   sltiu, 5, -1, 1
    TEST_IMM sltiu_max_negimm, sltiu, 0xffffffffffffffff, -1, 0
    TEST_IMM sltiu_seqz_0,   sltiu, 0, 1, 1
    TEST_IMM sltiu_seqz_1,   sltiu, 0x100000000, 1, 0
    TEST_IMM sltiu_2048neg,  sltiu, 0xfffffffffffff7ff, -2048, 1

    /* ---- lui / auipc: 32-bit result sign-extended to 64 bits ---- */
    lui     a0, 0x80000
    CHECK   lui_sext, 0xffffffff80000000
    lui     a0, 0xfffff
    CHECK   lui_all_ones, 0xfffffffffffff000
    lui     a0, 0x7ffff
    CHECK   lui_pos, 0x7ffff000
    lui     a0, 0
    CHECK   lui_zero, 0
1:  auipc   a0, 0xfffff
    lla      a1, 1b
    sub     a0, a0, a1
    CHECK   auipc_neg, 0xfffffffffffff000
1:  auipc   a0, 0x80000
    lla      a1, 1b
    sub     a0, a0, a1
    CHECK   auipc_sext, 0xffffffff80000000
1:  auipc   a0, 0
    lla      a1, 1b
    sub     a0, a0, a1
    CHECK   auipc_zero, 0

    /* ---- x0 is hardwired to zero ---- */
    li      s2, 5
    add     x0, s2, s2
    addi    x0, x0, 7
    mv      a0, x0
    CHECK   x0_write_ignored, 0

    /* ---- branches, taken and not taken ---- */
    TEST_BR  beq_t,          beq, 5, 5, 1
    TEST_BR  beq_nt,         beq, 5, 6, 0
    TEST_BR  beq_hi_bits,    beq, 0x100000005, 5, 0
    TEST_BR  bne_t,          bne, 5, 6, 1
    TEST_BR  bne_nt,         bne, -1, -1, 0
    TEST_BR  blt_t,          blt, -1, 0, 1
    TEST_BR  blt_nt,         blt, 0, -1, 0
    TEST_BR  blt_equal,      blt, 3, 3, 0
    TEST_BR  blt_min_max,    blt, 0x8000000000000000, 0x7fffffffffffffff, 1
    TEST_BR  bge_t,          bge, 0, -1, 1
    TEST_BR  bge_equal,      bge, -3, -3, 1
    TEST_BR  bge_nt,         bge, -1, 0, 0
    TEST_BR  bge_max_min,    bge, 0x7fffffffffffffff, 0x8000000000000000, 1
    TEST_BR  bltu_t,         bltu, 0, -1, 1
    TEST_BR  bltu_nt,        bltu, -1, 0, 0
    TEST_BR  bltu_equal,     bltu, 9, 9, 0
    TEST_BR  bltu_sign_bit,  bltu, 0x7fffffffffffffff, 0x8000000000000000, 1
    TEST_BR  bgeu_t,         bgeu, -1, 0, 1
    TEST_BR  bgeu_equal,     bgeu, 0x8000000000000000, 0x8000000000000000, 1
    TEST_BR  bgeu_nt,        bgeu, 0, -1, 0
    /* backward branch: a loop that counts down from 10 */
    li      a0, 0
    li      s2, 10
1:  addi    a0, a0, 3
    addi    s2, s2, -1
    bnez    s2, 1b
    CHECK   branch_backward_loop, 30

    /* ---- jal / jalr link values and targets ---- */
    lla      s2, 2f
    jal     s3, 1f
2:  li      a0, 0x99
    j       3f
1:  sub     a0, s3, s2
3:  CHECK   jal_link, 0

    lla      s2, 1f
    lla      s4, 2f
    jalr    s3, 0(s2)
2:  li      a0, 0x99
    j       3f
1:  sub     a0, s3, s4
3:  CHECK   jalr_link, 0

    lla      s2, 1f - 16
    jalr    s3, 16(s2)
    li      a0, 0x99
    j       2f
1:  li      a0, 1
2:  CHECK   jalr_offset, 1

    /* rd == rs1: target comes from the old value, rd gets the link */
    lla      s2, 1f
    lla      s4, 2f
    jalr    s2, 0(s2)
2:  li      a0, 0x99
    j       3f
1:  sub     a0, s2, s4
3:  CHECK   jalr_rd_eq_rs1, 0

    /* odd target: bit 0 of the sum is cleared */
    lla      s2, 1f
    addi    s2, s2, 1
    jalr    s3, 0(s2)
    li      a0, 0x99
    j       2f
1:  li      a0, 1
2:  CHECK   jalr_odd_target, 1

    lla      s2, 1f
    addi    s2, s2, 2
    jalr    s3, -1(s2)
    li      a0, 0x99
    j       2f
1:  li      a0, 1
2:  CHECK   jalr_odd_negoff, 1

    /* jal with rd = x0 does not link */
    li      a0, 5
    jal     x0, 1f
    li      a0, 0x99
1:  CHECK   jal_x0, 5

    /* ---- loads: every width, sign and zero extension ---- */
    lla      s2, ldata
    lb      a0, 0(s2)
    CHECK   lb_neg, 0xffffffffffffff81
    lbu     a0, 0(s2)
    CHECK   lbu, 0x81
    lb      a0, 16(s2)
    CHECK   lb_pos, 0x7f
    lh      a0, 0(s2)
    CHECK   lh_neg, 0xffffffffffff8281
    lhu     a0, 0(s2)
    CHECK   lhu, 0x8281
    lh      a0, 16(s2)
    CHECK   lh_pos, 0x7e7f
    lw      a0, 0(s2)
    CHECK   lw_neg, 0xffffffff84838281
    lwu     a0, 0(s2)
    CHECK   lwu, 0x84838281
    lw      a0, 16(s2)
    CHECK   lw_pos, 0x7c7d7e7f
    ld      a0, 0(s2)
    CHECK   ld, 0x8887868584838281
    ld      a0, 8(s2)
    CHECK   ld_2, 0x900f8e8d8c8b8a89
    addi    s3, s2, 8
    lbu     a0, -1(s3)
    CHECK   lbu_negoff, 0x88
    ld      a0, -8(s3)
    CHECK   ld_negoff, 0x8887868584838281

    /* misaligned loads */
    lh      a0, 1(s2)
    CHECK   lh_misaligned, 0xffffffffffff8382
    lhu     a0, 7(s2)
    CHECK   lhu_misaligned_cross8, 0x8988
    lw      a0, 1(s2)
    CHECK   lw_misaligned, 0xffffffff85848382
    lwu     a0, 6(s2)
    CHECK   lwu_misaligned_cross8, 0x8a898887
    ld      a0, 3(s2)
    CHECK   ld_misaligned, 0x8b8a898887868584
    ld      a0, 13(s2)
    CHECK   ld_misaligned_cross16, 0x7b7c7d7e7f900f8e

    /* ---- stores ---- */
    lla      s2, sdata
    sd      zero, 0(s2)
    sd      zero, 8(s2)
    li      s3, 0x1122334455667788
    sb      s3, 0(s2)
    ld      a0, 0(s2)
    CHECK   sb, 0x88
    sh      s3, 2(s2)
    ld      a0, 0(s2)
    CHECK   sh, 0x0000000077880088
    sw      s3, 4(s2)
    ld      a0, 0(s2)
    CHECK   sw, 0x5566778877880088
    sd      s3, 8(s2)
    ld      a0, 8(s2)
    CHECK   sd, 0x1122334455667788
    li      s3, -1
    sb      s3, 15(s2)
    ld      a0, 8(s2)
    CHECK   sb_negval, 0xff22334455667788
    /* misaligned stores */
    sd      zero, 0(s2)
    sd      zero, 8(s2)
    li      s3, 0x0102030405060708
    sd      s3, 5(s2)
    ld      a0, 0(s2)
    CHECK   sd_misaligned_lo, 0x0607080000000000
    ld      a0, 8(s2)
    CHECK   sd_misaligned_hi, 0x0000000102030405
    sw      s3, 1(s2)
    ld      a0, 0(s2)
    CHECK   sw_misaligned, 0x0607080506070800
    sh      s3, 7(s2)
    ld      a0, 0(s2)
    CHECK   sh_misaligned_lo, 0x0807080506070800
    ld      a0, 8(s2)
    CHECK   sh_misaligned_hi, 0x0000000102030407

    /* ---- fences are no-ops for a single hart ---- */
    li      a0, 0x42
    fence
    fence   rw, rw
    fence   r, w
    CHECK   fence_nop, 0x42

    TEST_END rv64i

    .data
    .balign 16
ldata:
    .byte 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88
    .byte 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x0f, 0x90
    .byte 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x7a, 0x79, 0x78
sdata:
    .dword 0, 0, 0
