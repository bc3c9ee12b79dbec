/*
 * smc.S: self-modifying code. Writes instructions into an RWX mmap'd buffer,
 * fence.i, calls them; rewrites the constant and calls again; rewrites and calls
 * the same address 100 times in a loop; has code patch the very next instruction
 * of its own block; and patches an already-executed function in the program's
 * own text after mprotect(RWX). Prints each result and checks it.
 */
#include "test.h"

#define SYS_mmap     222
#define SYS_mprotect 226
#define ADDI_A0(imm) (((imm) << 20) | 0x513)     /* addi a0, zero, imm */
#define RET          0x00008067                  /* jalr zero, 0(ra) */

.macro PRINT_VALUE label, reg
    .pushsection .rodata
.Ls\@: .asciz "\label"
    .popsection
    mv      s11, \reg
    lla     a0, .Ls\@
    call    puts
    mv      a0, s11
    call    putdec
    li      a0, '\n'
    call    putc
.endm

TEST_BEGIN
    /* buf = mmap(0, 4096, RWX, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) */
    li      a0, 0
    li      a1, 4096
    li      a2, 7
    li      a3, 0x22
    li      a4, -1
    li      a5, 0
    li      a7, SYS_mmap
    ecall
    mv      s9, a0

    /* first version: return 42 */
    li      t0, ADDI_A0(42)
    sw      t0, 0(s9)
    li      t0, RET
    sw      t0, 4(s9)
    fence.i
    jalr    s9
    mv      s8, a0
    PRINT_VALUE "smc first=", s8
    mv      a0, s8
    CHECK   smc_first, 42

    /* rewrite the constant: return 99 */
    li      t0, ADDI_A0(99)
    sw      t0, 0(s9)
    fence.i
    jalr    s9
    mv      s8, a0
    PRINT_VALUE "smc second=", s8
    mv      a0, s8
    CHECK   smc_second, 99

    /* rewrite and call 100 times: sum of 0..99 */
    li      s7, 0           /* i */
    li      s6, 0           /* sum */
1:  slli    t0, s7, 20
    ori     t0, t0, 0x513
    sw      t0, 0(s9)
    fence.i
    jalr    s9
    add     s6, s6, a0
    addi    s7, s7, 1
    li      t0, 100
    blt     s7, t0, 1b
    PRINT_VALUE "smc loop sum=", s6
    mv      a0, s6
    CHECK   smc_loop, 4950

    /* code that patches its own next instruction (same translation block) */
    lla     t1, selfmod_tpl
    addi    t2, s9, 64
    li      t3, 5               /* words in selfmod_tpl */
2:  lw      t0, 0(t1)
    sw      t0, 0(t2)
    addi    t1, t1, 4
    addi    t2, t2, 4
    addi    t3, t3, -1
    bnez    t3, 2b
    fence.i
    addi    a0, s9, 64
    li      a1, ADDI_A0(77)
    jalr    a0
    mv      s8, a0
    PRINT_VALUE "smc same-block=", s8
    mv      a0, s8
    CHECK   smc_same_block, 77

    /* patch an already-executed function in our own text */
    call    patchme
    mv      s5, a0
    lla     a0, patchme
    srli    a0, a0, 12
    slli    a0, a0, 12
    li      a1, 8192
    li      a2, 7
    li      a7, SYS_mprotect
    ecall
    mv      s8, a0
    PRINT_VALUE "smc mprotect=", s8
    lla     t1, patchme
    li      t0, ADDI_A0(2)
    sw      t0, 0(t1)
    fence.i
    call    patchme
    mv      s4, a0
    PRINT_VALUE "smc text before=", s5
    PRINT_VALUE "smc text after=", s4
    mv      a0, s5
    CHECK   smc_text_before, 1
    mv      a0, s4
    CHECK   smc_text_after, 2

    TEST_END smc

    .p2align 4
patchme:
    addi    a0, zero, 1
    ret

    .section .rodata
    .balign 4
/* copied to the buffer; called with a0 = its address, a1 = replacement word */
selfmod_tpl:
    sw      a1, 12(a0)
    fence.i
    nop
    addi    a0, zero, 1     /* replaced before it runs */
    ret
selfmod_end:
