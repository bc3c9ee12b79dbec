/*
 * rv64a.S: self-checking test of the A extension (single thread): lr/sc success,
 * sc failure without a reservation and sc to a different address than the lr,
 * lr.w sign extension, and every AMO in .w and .d form (swap add xor and or
 * min max minu maxu), checking the returned old value (sign-extended for .w),
 * the memory result, and that a .w AMO leaves the neighbouring word alone.
 */
#include "test.h"

/* 64-bit AMO: memory starts at init, rs2 = src; checks old value and memory */
.macro TEST_AMO_D name, op, init, src, newmem
    lla     s2, amodata
    li      s3, \init
    sd      s3, 0(s2)
    li      s4, \src
    \op     a0, s4, (s2)
    CHECK   \name\()_old, \init
    ld      a0, 0(s2)
    CHECK   \name\()_mem, \newmem
.endm

/* 32-bit AMO on the low word; the high word holds a sentinel that must survive */
.macro TEST_AMO_W name, op, init, src, oldsext, newmem
    lla     s2, amodata
    li      s3, \init
    sw      s3, 0(s2)
    li      s3, 0x5a5a5a5a
    sw      s3, 4(s2)
    li      s4, \src
    \op     a0, s4, (s2)
    CHECK   \name\()_old, \oldsext
    lwu     a0, 0(s2)
    CHECK   \name\()_mem, \newmem
    lwu     a0, 4(s2)
    CHECK   \name\()_neighbour, 0x5a5a5a5a
.endm

TEST_BEGIN

    /* ---- lr/sc ---- */
    lla     s2, amodata
    li      s3, 5
    sd      s3, 0(s2)
    lr.d    a0, (s2)
    CHECK   lr_d_value, 5
    li      s5, 77
    lr.d    s3, (s2)
    sc.d    a0, s5, (s2)
    CHECK   sc_d_success, 0
    ld      a0, 0(s2)
    CHECK   sc_d_stored, 77

    /* the reservation was consumed: a second sc fails and does not store */
    li      s5, 88
    sc.d    a0, s5, (s2)
    snez    a0, a0
    CHECK   sc_d_no_reservation_fails, 1
    ld      a0, 0(s2)
    CHECK   sc_d_no_reservation_nostore, 77

    /* sc to a different address than the lr fails */
    li      s5, 0x1234
    sd      zero, 8(s2)
    lr.d    s3, (s2)
    addi    s6, s2, 8
    sc.d    a0, s5, (s6)
    snez    a0, a0
    CHECK   sc_d_other_addr_fails, 1
    ld      a0, 8(s2)
    CHECK   sc_d_other_addr_nostore, 0

    /* lr.w sign-extends; sc.w stores only 32 bits */
    li      s3, 0x1111111180000000
    sd      s3, 0(s2)
    lr.w    a0, (s2)
    CHECK   lr_w_sext, 0xffffffff80000000
    li      s5, 0x2222222233333333
    lr.w    s3, (s2)
    sc.w    a0, s5, (s2)
    CHECK   sc_w_success, 0
    ld      a0, 0(s2)
    CHECK   sc_w_stored_32bits, 0x1111111133333333
    sc.w    a0, s5, (s2)
    snez    a0, a0
    CHECK   sc_w_no_reservation_fails, 1

    /* aq/rl orderings assemble to the same operation */
    li      s3, 40
    sd      s3, 0(s2)
    lr.d.aq s3, (s2)
    addi    s3, s3, 2
    sc.d.rl a0, s3, (s2)
    CHECK   sc_d_aqrl_success, 0
    ld      a0, 0(s2)
    CHECK   lr_sc_increment, 42

    /* ---- AMO .d ---- */
    TEST_AMO_D amoswap_d, amoswap.d, 0x1111111111111111, 0x2222222222222222, 0x2222222222222222
    TEST_AMO_D amoadd_d,  amoadd.d,  0xffffffffffffffff, 2, 1
    TEST_AMO_D amoxor_d,  amoxor.d,  0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0
    TEST_AMO_D amoand_d,  amoand.d,  0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00
    TEST_AMO_D amoor_d,   amoor.d,   0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0
    TEST_AMO_D amomin_d_mem,  amomin.d,  -5, 3, 0xfffffffffffffffb
    TEST_AMO_D amomin_d_src,  amomin.d,  3, -5, 0xfffffffffffffffb
    TEST_AMO_D amomax_d,  amomax.d,  -5, 3, 3
    TEST_AMO_D amomax_d_min, amomax.d, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff
    TEST_AMO_D amominu_d, amominu.d, -5, 3, 3
    TEST_AMO_D amomaxu_d, amomaxu.d, -5, 3, 0xfffffffffffffffb
    TEST_AMO_D amoadd_d_aqrl, amoadd.d.aqrl, 100, -1, 99

    /* ---- AMO .w ---- */
    TEST_AMO_W amoswap_w, amoswap.w, 0x80000000, 0x12345678, 0xffffffff80000000, 0x12345678
    TEST_AMO_W amoadd_w,  amoadd.w,  0x7fffffff, 1, 0x7fffffff, 0x80000000
    TEST_AMO_W amoadd_w_src_hi, amoadd.w, 0xffffffff, 0xffffffff00000001, 0xffffffffffffffff, 0
    TEST_AMO_W amoxor_w,  amoxor.w,  0xf0f0f0f0, 0xffffffff, 0xfffffffff0f0f0f0, 0x0f0f0f0f
    TEST_AMO_W amoand_w,  amoand.w,  0xffffffff, 0x0000ffff, 0xffffffffffffffff, 0x0000ffff
    TEST_AMO_W amoor_w,   amoor.w,   0x80000000, 1, 0xffffffff80000000, 0x80000001
    TEST_AMO_W amomin_w,  amomin.w,  0x80000000, 1, 0xffffffff80000000, 0x80000000
    TEST_AMO_W amomin_w_src_32bit, amomin.w, 1, 0x00000000ffffffff, 1, 0xffffffff
    TEST_AMO_W amomax_w,  amomax.w,  0x80000000, 1, 0xffffffff80000000, 1
    TEST_AMO_W amomax_w_src_32bit, amomax.w, 0xfffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0xffffffff
    TEST_AMO_W amominu_w, amominu.w, 0x80000000, 1, 0xffffffff80000000, 1
    TEST_AMO_W amominu_w_src_hi, amominu.w, 5, 0xffffffff00000003, 5, 3
    TEST_AMO_W amomaxu_w, amomaxu.w, 0x80000000, 1, 0xffffffff80000000, 0x80000000
    TEST_AMO_W amomaxu_w_src_hi, amomaxu.w, 1, 0x100000000, 1, 1

    /* rd == rs2: rd receives the old value, memory the old register value */
    lla     s2, amodata
    li      s3, 0xabc
    sd      s3, 0(s2)
    li      s4, 0xdef
    amoswap.d s4, s4, (s2)
    mv      a0, s4
    CHECK   amoswap_d_rd_eq_rs2_old, 0xabc
    ld      a0, 0(s2)
    CHECK   amoswap_d_rd_eq_rs2_mem, 0xdef

    /* rd == x0: memory still updated */
    li      s4, 5
    amoadd.d x0, s4, (s2)
    ld      a0, 0(s2)
    CHECK   amoadd_d_rd_x0, 0xdf4

    TEST_END rv64a

    .data
    .balign 16
amodata:
    .dword 0, 0
