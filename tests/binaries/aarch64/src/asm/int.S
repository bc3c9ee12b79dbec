/*
 * int.S: self-checking test of the A64 integer instructions: ADDS/SUBS/ADCS/SBCS
 * results and NZCV at the signed/unsigned overflow boundaries (64- and 32-bit,
 * read back with MRS NZCV), every condition code (CSEL over all 16 NZCV values),
 * logical immediates, the UBFM/SBFM/BFM aliases, EXTR/ROR, CLZ/CLS/RBIT/REV*,
 * MADD/MSUB/SMULH/UMULH/SMADDL/UMADDL/SMSUBL/UMSUBL, UDIV/SDIV by zero and
 * INT_MIN/-1, variable shifts by 0/63/64, CCMP/CCMN, CSEL/CSINC/CSINV/CSNEG,
 * CRC32{B,H,W,X} and CRC32C{B,H,W,X}, MOVZ/MOVN/MOVK, ADR, TPIDR_EL0 (MSR then MRS), CNTVCT_EL0
 * non-decreasing, DCZID_EL0. W-register results must be zero-extended.
 */
#include "test.h"

#define MIN64 0x8000000000000000
#define MAX64 0x7fffffffffffffff
#define ONES  0xffffffffffffffff
#define FILL  0x5555555555555555

/* 16-bit mask: bit n set when condition cc holds with NZCV = n */
.macro TEST_COND cc, want
    mov     x22, #0
    mov     x23, #15
    mov     x24, #1
1:  lsl     x9, x23, #28
    msr     nzcv, x9
    csel    x10, x24, xzr, \cc
    lsl     x10, x10, x23
    orr     x22, x22, x10
    subs    x23, x23, #1
    b.ge    1b
    mov     x0, x22
    CHECK   cond_\cc, \want
.endm

/* conditional compare: NZCV = n before, result = NZCV after */
.macro TEST_CC name, n, a, want, insn:vararg
    MOV64   x19, \a
    SETFLAGS \n
    \insn
    GETFLAGS
    CHECK   \name, \want
.endm

TEST_BEGIN
    /* ---- add/sub with flags ---- */
    TEST_FLAGS adds_x_ovf,    MAX64, 1, MIN64, 9, adds x0, x19, x20
    TEST_FLAGS adds_x_carry,  ONES, 1, 0, 6, adds x0, x19, x20
    TEST_FLAGS adds_x_min_min, MIN64, MIN64, 0, 7, adds x0, x19, x20
    TEST_FLAGS adds_x_plain,  2, 3, 5, 0, adds x0, x19, x20
    TEST_FLAGS adds_x_neg,    ONES, ONES, 0xfffffffffffffffe, 0xa, adds x0, x19, x20
    TEST_FLAGS adds_w_ovf,    0x7fffffff, 1, 0x80000000, 9, adds w0, w19, w20
    TEST_FLAGS adds_w_carry,  0x1ffffffff, 1, 0, 6, adds w0, w19, w20
    TEST_FLAGS adds_w_hi_ignored, 0xffffffff00000001, 0xffffffff00000002, 3, 0, adds w0, w19, w20
    TEST_FLAGS adds_imm,      ONES, 0, 0, 6, adds x0, x19, #1
    TEST_FLAGS adds_imm_lsl12, 0x7ffffffffffff000, 0, MIN64, 9, adds x0, x19, #1, lsl #12
    TEST_FLAGS cmn_w,         0xffffffff, 0, FILL, 6, cmn w19, #1
    TEST_FLAGS subs_x_borrow, 0, 1, ONES, 8, subs x0, x19, x20
    TEST_FLAGS subs_x_equal,  5, 5, 0, 6, subs x0, x19, x20
    TEST_FLAGS subs_x_ovf,    MIN64, 1, MAX64, 3, subs x0, x19, x20
    TEST_FLAGS subs_x_ovf2,   MAX64, ONES, MIN64, 9, subs x0, x19, x20
    TEST_FLAGS subs_w_ovf,    0x80000000, 1, 0x7fffffff, 3, subs w0, w19, w20
    TEST_FLAGS subs_w_borrow, 1, 2, 0xffffffff, 8, subs w0, w19, w20
    TEST_FLAGS cmp_x_zero,    0, 0, FILL, 6, cmp x19, x20
    TEST_FLAGS cmp_imm_neg,   3, 0, FILL, 0, cmp x19, #-2
    TEST_FLAGS subs_sxtw,     0, 0xffffffff, 1, 0, subs x0, x19, w20, sxtw
    TEST_FLAGS adds_uxtb,     0x100, 0x1ff, 0x1ff, 0, adds x0, x19, w20, uxtb
    TEST_FLAGS adds_sxth_lsl, 0, 0x8000, 0xfffffffffffe0000, 8, adds x0, x19, w20, sxth #2
    TEST_FLAGS adds_lsl,      1, 1, 0x8000000000000001, 8, adds x0, x19, x20, lsl #63
    TEST_FLAGS subs_asr,      0, MIN64, 1, 0, subs x0, x19, x20, asr #63
    TEST_INSN  add_sp_ext,    7, 3, 0x13, add x0, x19, w20, uxtw #2
    SETFLAGS 2
    TEST_FLAGS adcs_c1_wrap,  ONES, 0, 0, 6, adcs x0, x19, x20
    SETFLAGS 2
    TEST_FLAGS adcs_c1_ovf,   MAX64, 0, MIN64, 9, adcs x0, x19, x20
    SETFLAGS 0
    TEST_FLAGS adcs_c0,       1, 2, 3, 0, adcs x0, x19, x20
    SETFLAGS 2
    TEST_FLAGS adcs_w_c1,     0x7fffffff, 0xffffffff, 0x7fffffff, 2, adcs w0, w19, w20
    SETFLAGS 0
    TEST_FLAGS sbcs_c0,       5, 5, ONES, 8, sbcs x0, x19, x20
    SETFLAGS 2
    TEST_FLAGS sbcs_c1,       5, 5, 0, 6, sbcs x0, x19, x20
    SETFLAGS 0
    TEST_FLAGS sbcs_w_c0_ovf, 0x80000000, 0, 0x7fffffff, 3, sbcs w0, w19, w20
    SETFLAGS 0
    TEST_FLAGS sbcs_x_c0_zero, 0, ONES, 0, 4, sbcs x0, x19, x20
    SETFLAGS 2
    TEST_FLAGS adc_c1,        1, 1, 3, 2, adc x0, x19, x20
    SETFLAGS 0
    TEST_FLAGS sbc_c0,        10, 3, 6, 0, sbc x0, x19, x20
    SETFLAGS 0
    TEST_FLAGS ngc_c0,        0, 5, 0xfffffffffffffffa, 0, ngc x0, x20
    TEST_FLAGS negs_min,      0, MIN64, MIN64, 9, negs x0, x20
    TEST_FLAGS negs_zero,     0, 0, 0, 6, negs x0, x20

    /* ---- every condition code ---- */
    TEST_COND eq, 0xf0f0
    TEST_COND ne, 0x0f0f
    TEST_COND hs, 0xcccc
    TEST_COND lo, 0x3333
    TEST_COND mi, 0xff00
    TEST_COND pl, 0x00ff
    TEST_COND vs, 0xaaaa
    TEST_COND vc, 0x5555
    TEST_COND hi, 0x0c0c
    TEST_COND ls, 0xf3f3
    TEST_COND ge, 0xaa55
    TEST_COND lt, 0x55aa
    TEST_COND gt, 0x0a05
    TEST_COND le, 0xf5fa
    TEST_COND al, 0xffff
    TEST_COND nv, 0xffff
    /* cset / b.cond agree with csel */
    MOV64   x19, MIN64
    cmp     x19, #1
    cset    x0, lt
    CHECK   cset_lt, 1
    MOV64   x19, 2
    cmp     x19, #1
    csetm   x0, hi
    CHECK   csetm_hi, ONES
    cmp     x19, #2
    csetm   w0, hi
    CHECK   csetm_w_false, 0
    MOV64   x19, 1
    cmp     x19, #2
    mov     x0, #0
    b.ge    1f
    mov     x0, #1
1:  CHECK   bcond_ge_not_taken, 1

    /* ---- logical ---- */
    TEST_INSN and_imm,        ONES, 0, 0x5555555555555555, and x0, x19, #0x5555555555555555
    TEST_INSN orr_imm_w,      0x12345678, 0, 0xff34ff78, orr w0, w19, #0xff00ff00
    TEST_INSN eor_imm_rot,    0, 0, 0x8000000000000001, eor x0, x19, #0x8000000000000001
    TEST_INSN and_imm_w_run,  ONES, 0, 0x007ffff0, and w0, w19, #0x007ffff0
    TEST_INSN orr_imm_rep2,   0, 0, 0x3333333333333333, orr x0, xzr, #0x3333333333333333
    TEST_INSN eor_imm_hi,     0, 0, 0xfffffffe00000000, eor x0, x19, #0xfffffffe00000000
    TEST_FLAGS ands_neg,      MIN64, 0, MIN64, 8, ands x0, x19, #0x8000000000000000
    SETFLAGS 3
    TEST_FLAGS ands_zero_clears_cv, 0xf0, 0, 0, 4, ands x0, x19, #0xf
    TEST_FLAGS tst_w,         0x80000000, 0, FILL, 8, tst w19, #0x80000000
    TEST_INSN bic,            0xff, 0x0f, 0xf0, bic x0, x19, x20
    TEST_INSN orn_w,          0, 0x0f, 0xfffffff0, orn w0, w19, w20
    TEST_INSN eon,            0xff, 0x0f, 0xffffffffffffff0f, eon x0, x19, x20
    TEST_INSN and_ror,        ONES, 0x1, 0x8000000000000000, and x0, x19, x20, ror #1
    TEST_INSN orr_asr_w,      0, 0x80000000, 0xffffffff, orr w0, w19, w20, asr #31
    TEST_INSN mvn,            0, 0x0123456789abcdef, 0xfedcba9876543210, mvn x0, x20
    TEST_FLAGS bics,          ONES, ONES, 0, 4, bics x0, x19, x20

    /* ---- bitfield: UBFM/SBFM/BFM and their aliases ---- */
    TEST_INSN ubfx,           0x123456789abcdef0, 0, 0xef, ubfx x0, x19, #4, #8
    TEST_INSN sbfx,           0x8000000000000000, 0, 0xfffffffffffffff8, sbfx x0, x19, #60, #4
    TEST_INSN sbfx_pos,       0x7000000000000000, 0, 7, sbfx x0, x19, #60, #4
    TEST_INSN ubfiz,          0xabc, 0, 0xbc0000, ubfiz x0, x19, #16, #8
    TEST_INSN sbfiz,          0x80, 0, 0xfffffffffffe0000, sbfiz x0, x19, #10, #8
    MOV64   x19, 0xffff
    MOV64   x20, 0x1234567812345678
    bfi x20, x19, #8, #16
    mov     x0, x20
    CHECK   bfi, 0x1234567812ffff78
    MOV64   x19, 0xabcd0000
    MOV64   x20, ONES
    bfxil x20, x19, #16, #16
    mov     x0, x20
    CHECK   bfxil, 0xffffffffffffabcd
    MOV64   x19, 0x5
    MOV64   x20, 0xffffffffffffffff
    bfi w20, w19, #0, #4
    mov     x0, x20
    CHECK   bfi_w_zext, 0xfffffff5
    MOV64   x19, ONES
    MOV64   x20, 0
    bfi x19, xzr, #8, #32
    mov     x0, x19
    CHECK   bfc, 0xffffff00000000ff
    TEST_INSN lsl_imm,        0x3, 0, 0x8000000000000000, lsl x0, x19, #63
    TEST_INSN lsr_imm,        MIN64, 0, 1, lsr x0, x19, #63
    TEST_INSN asr_imm,        MIN64, 0, ONES, asr x0, x19, #63
    TEST_INSN asr_imm_0,      MIN64, 0, MIN64, asr x0, x19, #0
    TEST_INSN lsl_imm_w,      0xffffffff, 0, 0x80000000, lsl w0, w19, #31
    TEST_INSN asr_imm_w,      0x80000000, 0, 0xfffffffc, asr w0, w19, #29
    TEST_INSN sxtb,           0x80, 0, 0xffffffffffffff80, sxtb x0, w19
    TEST_INSN sxth_w,         0x18000, 0, 0xffff8000, sxth w0, w19
    TEST_INSN sxtw,           0x80000000, 0, 0xffffffff80000000, sxtw x0, w19
    TEST_INSN uxtb,           0x1ff, 0, 0xff, uxtb w0, w19
    TEST_INSN uxth,           0xfffff, 0, 0xffff, uxth w0, w19
    TEST_INSN mov_w_zext,     ONES, 0, 0xffffffff, mov w0, w19

    /* ---- EXTR / ROR ---- */
    TEST_INSN extr,           0x0123456789abcdef, 0xfedcba9876543210, 0xeffedcba98765432, extr x0, x19, x20, #8
    TEST_INSN extr_0,         1, 2, 2, extr x0, x19, x20, #0
    TEST_INSN extr_w,         0x12345678, 0x9abcdef0, 0x789abcde, extr w0, w19, w20, #8
    TEST_INSN ror_imm,        1, 0, 0x8000000000000000, ror x0, x19, #1
    TEST_INSN ror_imm_w,      0x80000001, 0, 0xc0000000, ror w0, w19, #1

    /* ---- CLZ/CLS/RBIT/REV ---- */
    TEST_R  clz_0,   clz, 0, 64
    TEST_R  clz_1,   clz, 1, 63
    TEST_R  clz_min, clz, MIN64, 0
    TEST_RW clz_w_0, clz, 0xffffffff00000000, 32
    TEST_RW clz_w_1, clz, 0x10000, 15
    TEST_R  cls_0,   cls, 0, 63
    TEST_R  cls_ones, cls, ONES, 63
    TEST_R  cls_4000, cls, 0x4000000000000000, 0
    TEST_R  cls_neg, cls, 0xf000000000000000, 3
    TEST_RW cls_w,   cls, 0xffff0000, 15
    TEST_R  rbit_1,  rbit, 1, 0x8000000000000000
    TEST_R  rbit_pat, rbit, 0x0123456789abcdef, 0xf7b3d591e6a2c480
    TEST_RW rbit_w,  rbit, 0x1, 0x80000000
    TEST_R  rev,     rev, 0x0123456789abcdef, 0xefcdab8967452301
    TEST_R  rev16,   rev16, 0x0123456789abcdef, 0x23016745ab89efcd
    TEST_R  rev32,   rev32, 0x0123456789abcdef, 0x67452301efcdab89
    TEST_RW rev_w,   rev, 0xffffffff12345678, 0x78563412
    TEST_RW rev16_w, rev16, 0x12345678, 0x34127856

    /* ---- multiply ---- */
    MOV64   x21, 100
    TEST_INSN madd,           6, 7, 142, madd x0, x19, x20, x21
    TEST_INSN msub,           6, 7, 58, msub x0, x19, x20, x21
    TEST_INSN mneg,           6, 7, 0xffffffffffffffd6, mneg x0, x19, x20
    TEST_INSN mul_wrap,       MAX64, 2, 0xfffffffffffffffe, mul x0, x19, x20
    TEST_INSN madd_w,         0x10000, 0x10000, 100, madd w0, w19, w20, w21
    TEST_INSN mul_w_hi_ignored, 0x100000003, 0x700000005, 15, mul w0, w19, w20
    TEST_INSN smulh_neg,      ONES, 1, ONES, smulh x0, x19, x20
    TEST_INSN smulh_min,      MIN64, MIN64, 0x4000000000000000, smulh x0, x19, x20
    TEST_INSN smulh_min_max,  MIN64, MAX64, 0xc000000000000000, smulh x0, x19, x20
    TEST_INSN umulh_ones,     ONES, ONES, 0xfffffffffffffffe, umulh x0, x19, x20
    TEST_INSN umulh_small,    0x100000000, 0x100000000, 1, umulh x0, x19, x20
    TEST_INSN smull,          0xffffffff, 0x7fffffff, 0xffffffff80000001, smull x0, w19, w20
    TEST_INSN umull,          0xffffffff, 0xffffffff, 0xfffffffe00000001, umull x0, w19, w20
    TEST_INSN smaddl,         0x80000000, 2, 0xffffffff00000064, smaddl x0, w19, w20, x21
    TEST_INSN umaddl,         0x80000000, 2, 0x100000064, umaddl x0, w19, w20, x21
    TEST_INSN smsubl,         0xfffffffe, 3, 106, smsubl x0, w19, w20, x21
    TEST_INSN umsubl,         0xffffffff, 1, 0xffffffff00000065, umsubl x0, w19, w20, x21

    /* ---- divide ---- */
TEST_RR sdiv, sdiv,            -7, 2, 0xfffffffffffffffd
TEST_RR sdiv_by_zero, sdiv,    5, 0, 0
TEST_RR sdiv_min_neg1, sdiv,   MIN64, ONES, MIN64
TEST_RR udiv_by_zero, udiv,    ONES, 0, 0
TEST_RR udiv_big, udiv,        ONES, 2, MAX64
TEST_RRW sdiv_w_min_neg1, sdiv, 0x80000000, 0xffffffff, 0x80000000
TEST_RRW sdiv_w_by_zero, sdiv,  0x80000000, 0, 0
TEST_RRW udiv_w, udiv,          0xfffffffe, 0x2, 0x7fffffff
TEST_RRW udiv_w_hi_ignored, udiv, 0x100000010, 0x100000004, 4
TEST_RRW sdiv_w_neg, sdiv,      0xfffffff9, 2, 0xfffffffd

    /* ---- variable shifts (amount mod the register size) ---- */
TEST_RR lslv_0, lslv,          0x123, 0, 0x123
TEST_RR lslv_63, lslv,         3, 63, 0x8000000000000000
TEST_RR lslv_64, lslv,         0x123, 64, 0x123
TEST_RR lslv_65, lslv,         0x123, 65, 0x246
TEST_RR lsrv_63, lsrv,         MIN64, 63, 1
TEST_RR lsrv_64, lsrv,         MIN64, 64, MIN64
TEST_RR asrv_63, asrv,         MIN64, 63, ONES
TEST_RR asrv_64, asrv,         MIN64, 64, MIN64
TEST_RR rorv_1, rorv,          1, 1, MIN64
TEST_RR rorv_64, rorv,         1, 64, 1
TEST_RR rorv_127, rorv,        1, 127, 2
TEST_RRW lslv_w_31, lslv,       1, 31, 0x80000000
TEST_RRW lslv_w_32, lslv,       1, 32, 1
TEST_RRW lsrv_w_33, lsrv,       0x80000000, 33, 0x40000000
TEST_RRW asrv_w_31, asrv,       0x80000000, 31, 0xffffffff
TEST_RRW asrv_w_hi, asrv,       0xffffffff80000000, 0xffffffffffffff1f, 0xffffffff
TEST_RRW rorv_w_1, rorv,        1, 1, 0x80000000

    /* ---- conditional compare ---- */
    TEST_CC ccmp_eq_taken,     4, 5, 6, ccmp x19, #5, #0b1000, eq
    TEST_CC ccmp_eq_not_taken, 0, 5, 8, ccmp x19, #5, #0b1000, eq
    TEST_CC ccmp_reg_lt,       8, 5, 6, ccmp x19, x19, #0, lt
    TEST_CC ccmp_reg_lt2,      9, 5, 0, ccmp x19, x19, #0, lt
    TEST_CC ccmp_w_ovf,        6, 0x80000000, 3, ccmp w19, #1, #15, hs
    TEST_CC ccmn_taken,        0, ONES, 6, ccmn x19, #1, #0, vc
    TEST_CC ccmn_not_taken,    1, ONES, 5, ccmn x19, #1, #5, vc
    TEST_CC ccmn_w_ovf,        0, 0x7fffffff, 9, ccmn w19, #1, #0, al

    /* ---- conditional select ---- */
    MOV64   x19, 10
    MOV64   x20, 20
    SETFLAGS 4
    csel    x0, x19, x20, eq
    CHECK   csel_t, 10
    csel    x0, x19, x20, ne
    CHECK   csel_f, 20
    SETFLAGS 4
    csinc   x0, x19, x20, ne
    CHECK   csinc_f, 21
    SETFLAGS 4
    csinv   x0, x19, x20, ne
    CHECK   csinv_f, 0xffffffffffffffeb
    SETFLAGS 4
    csneg   x0, x19, x20, ne
    CHECK   csneg_f, 0xffffffffffffffec
    SETFLAGS 4
    csneg   x0, x19, x20, eq
    CHECK   csneg_t, 10
    SETFLAGS 0
    csinc   w0, w19, wzr, ne
    CHECK   csinc_w_t, 10
    SETFLAGS 4
    MOV64   x21, 0xffffffff
    csinc   w0, w19, w21, ne
    CHECK   csinc_w_wrap, 0
    SETFLAGS 4
    cinc    x0, x19, eq
    CHECK   cinc, 11
    SETFLAGS 4
    cneg    x0, x19, eq
    CHECK   cneg, 0xfffffffffffffff6
    SETFLAGS 4
    csinv   w0, w19, wzr, ne
    CHECK   csinv_w_zext, 0xffffffff

    /* ---- CRC32 ---- */
    MOV64   x20, 0x0123456789abcdef
    MOV64   x19, 0xffffffff
    crc32b  w0, w19, w20
    CHECK   crc32b, 0x1d48ef9b
    crc32h  w0, w19, w20
    CHECK   crc32h, 0x8215bc2e
    crc32w  w0, w19, w20
    CHECK   crc32w, 0x10472a38
    crc32x  w0, w19, x20
    CHECK   crc32x, 0xbbc41db8
    crc32cb w0, w19, w20
    CHECK   crc32cb, 0x10a13890
    crc32ch w0, w19, w20
    CHECK   crc32ch, 0xee1d3738
    crc32cw w0, w19, w20
    CHECK   crc32cw, 0xee8c8012
    crc32cx w0, w19, x20
    CHECK   crc32cx, 0x9a4f27dc
    MOV64   x20, 0xdeadbeefcafef00d
    MOV64   x19, 0xffffffff00000000     /* upper bits of the accumulator ignored */
    crc32b  w0, w19, w20
    CHECK   crc32b_0, 0x7eb17cbd
    crc32h  w0, w19, w20
    CHECK   crc32h_0, 0x08138c51
    crc32w  w0, w19, w20
    CHECK   crc32w_0, 0xb6204c90
    crc32x  w0, w19, x20
    CHECK   crc32x_0, 0x48581818
    crc32cb w0, w19, w20
    CHECK   crc32cb_0, 0xbf284cd3
    crc32ch w0, w19, w20
    CHECK   crc32ch_0, 0x33525566
    crc32cw w0, w19, w20
    CHECK   crc32cw_0, 0x95a93ba1
    crc32cx w0, w19, x20
    CHECK   crc32cx_0, 0xbf67b80f

    /* ---- move wide, ADR ---- */
    movz    x0, #0xbeef, lsl #48
    CHECK   movz_48, 0xbeef000000000000
    movn    x0, #0x1234, lsl #16
    CHECK   movn_16, 0xffffffffedcbffff
    movn    w0, #0
    CHECK   movn_w, 0xffffffff
    MOV64   x0, ONES
    movk    x0, #0, lsl #32
    CHECK   movk_32, 0xffff0000ffffffff
    MOV64   x0, ONES
    movk    w0, #0x1234
    CHECK   movk_w_zext, 0xffff1234
    adr     x0, 1f
    adr     x19, 2f
1:  nop
2:  sub     x0, x19, x0
    CHECK   adr_distance, 4
    adrp    x0, test_main
    adr     x19, test_main
    and     x19, x19, #~0xfff
    sub     x0, x0, x19
    CHECK   adrp_page, 0

    /* ---- system registers ---- */
    MOV64   x19, 0x0123456789abcdef
    msr     tpidr_el0, x19
    mrs     x0, tpidr_el0
    CHECK   tpidr_el0, 0x0123456789abcdef
    msr     tpidr_el0, xzr
    mrs     x0, tpidr_el0
    CHECK   tpidr_el0_zero, 0
    mrs     x19, cntvct_el0
    mov     x22, #1
    mov     x23, #1000
3:  mrs     x20, cntvct_el0
    cmp     x20, x19
    csel    x22, xzr, x22, lo
    mov     x19, x20
    subs    x23, x23, #1
    b.ne    3b
    mov     x0, x22
    CHECK   cntvct_nondecreasing, 1
    mrs     x0, cntfrq_el0
    cmp     x0, #0
    cset    x0, ne
    CHECK   cntfrq_nonzero, 1
    mrs     x0, dczid_el0
    CHECK   dczid_el0, 7                /* qemu's -cpu max: DC ZVA zeroes 4 << 7 = 512 bytes */

    TEST_END int
