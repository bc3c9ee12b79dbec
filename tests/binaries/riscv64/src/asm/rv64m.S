/*
 * rv64m.S: self-checking test of the M extension: mul/mulh/mulhsu/mulhu with
 * negative and extreme operands, div/divu/rem/remu including division by zero
 * (quotient -1 / all ones, remainder = dividend) and MIN / -1 overflow, and every
 * W form (mulw, divw, divuw, remw, remuw) with the sign extension of its 32-bit result.
 */
#include "test.h"

#define MIN64 0x8000000000000000
#define MAX64 0x7fffffffffffffff
#define ONES  0xffffffffffffffff

TEST_BEGIN

    TEST_RR mul_small,       mul, 6, 7, 42
    TEST_RR mul_neg,         mul, 3, -7, 0xffffffffffffffeb
    TEST_RR mul_wrap,        mul, MAX64, 2, 0xfffffffffffffffe
    TEST_RR mul_min_neg1,    mul, MIN64, -1, MIN64
    TEST_RR mul_zero,        mul, ONES, 0, 0

    TEST_RR mulh_neg_neg,    mulh, -1, -1, 0
    TEST_RR mulh_neg_pos,    mulh, -1, 1, ONES
    TEST_RR mulh_min_min,    mulh, MIN64, MIN64, 0x4000000000000000
    TEST_RR mulh_max_max,    mulh, MAX64, MAX64, 0x3fffffffffffffff
    TEST_RR mulh_min_max,    mulh, MIN64, MAX64, 0xc000000000000000
    TEST_RR mulh_small,      mulh, 0x100000000, 0x100000000, 1

    TEST_RR mulhsu_neg_ones, mulhsu, -1, ONES, ONES
    TEST_RR mulhsu_min_ones, mulhsu, MIN64, ONES, MIN64
    TEST_RR mulhsu_pos_big,  mulhsu, 2, MIN64, 1
    TEST_RR mulhsu_neg_small, mulhsu, -2, 3, ONES
    TEST_RR mulhsu_zero,     mulhsu, 0, ONES, 0

    TEST_RR mulhu_ones,      mulhu, ONES, ONES, 0xfffffffffffffffe
    TEST_RR mulhu_2_32,      mulhu, 0x100000000, 0x100000000, 1
    TEST_RR mulhu_ones_2,    mulhu, ONES, 2, 1
    TEST_RR mulhu_min_min,   mulhu, MIN64, MIN64, 0x4000000000000000

    TEST_RR mulw_sext,       mulw, 0x7fffffff, 2, 0xfffffffffffffffe
    TEST_RR mulw_hi_ignored, mulw, 0x100000003, 0x100000005, 15
    TEST_RR mulw_low_zero,   mulw, 0x10000, 0x10000, 0
    TEST_RR mulw_to_min,     mulw, 0x8000, 0x10000, 0xffffffff80000000
    TEST_RR mulw_neg,        mulw, -3, 5, 0xfffffffffffffff1

    TEST_RR div_pos,         div, 20, 6, 3
    TEST_RR div_neg_pos,     div, -20, 6, 0xfffffffffffffffd
    TEST_RR div_pos_neg,     div, 20, -6, 0xfffffffffffffffd
    TEST_RR div_neg_neg,     div, -20, -6, 3
    TEST_RR div_by_zero,     div, 20, 0, ONES
    TEST_RR div_neg_by_zero, div, -20, 0, ONES
    TEST_RR div_min_neg1,    div, MIN64, -1, MIN64
    TEST_RR divu_big,        divu, ONES, 2, MAX64
    TEST_RR divu_by_zero,    divu, 20, 0, ONES
    TEST_RR divu_min,        divu, MIN64, -1, 0

    TEST_RR rem_neg_pos,     rem, -20, 6, 0xfffffffffffffffe
    TEST_RR rem_pos_neg,     rem, 20, -6, 2
    TEST_RR rem_by_zero,     rem, -20, 0, 0xffffffffffffffec
    TEST_RR rem_min_neg1,    rem, MIN64, -1, 0
    TEST_RR remu_ones_10,    remu, ONES, 10, 5
    TEST_RR remu_by_zero,    remu, MIN64, 0, MIN64
    TEST_RR remu_neg_divisor, remu, 5, -1, 5

    TEST_RR divw_min_neg1,   divw, 0x80000000, -1, 0xffffffff80000000
    TEST_RR divw_by_zero,    divw, 7, 0, ONES
    TEST_RR divw_hi_ignored, divw, 0xdeadbeefffffffec, 0x1234567800000006, 0xfffffffffffffffd
    TEST_RR divw_pos,        divw, 0x7fffffff, 0x10, 0x7ffffff
    TEST_RR divuw_by_zero,   divuw, 7, 0, ONES
    TEST_RR divuw_sext,      divuw, 0xffffffff, 1, ONES
    TEST_RR divuw_unsigned,  divuw, 0x80000000, 2, 0x40000000
    TEST_RR divuw_hi_ignored, divuw, 0x100000010, 0x300000004, 4
    TEST_RR remw_by_zero_sext, remw, 0x80000001, 0, 0xffffffff80000001
    TEST_RR remw_min_neg1,   remw, 0x80000000, -1, 0
    TEST_RR remw_neg,        remw, -7, 3, ONES
    TEST_RR remw_hi_ignored, remw, 0x500000007, 0x700000004, 3
    TEST_RR remuw_by_zero_sext, remuw, 0x80000000, 0, 0xffffffff80000000
    TEST_RR remuw_ones_10,   remuw, 0xffffffff, 10, 5
    TEST_RR remuw_hi_ignored, remuw, 0x100000007, 0x100000004, 3
    TEST_RR remuw_sext_result, remuw, 0xfffffffe, 0xffffffff, 0xfffffffffffffffe

    TEST_END rv64m
