/*
 * smc.S: self-modifying code. Writes instructions into an RWX mmap'd buffer,
 * makes them visible with `dc cvau; dsb ish; ic ivau; dsb ish; isb`, calls them;
 * rewrites the constant and calls again; rewrites and calls the same address 100
 * times in a loop; has code patch the very next instruction of its own block;
 * and patches an already-executed function in the program's own text after
 * mprotect(RWX). Prints each result and checks it.
 */
#include "test.h"

#define SYS_mmap     222
#define SYS_mprotect 226
#define MOVZ_X0(imm) (0xd2800000 | ((imm) << 5))   /* movz x0, #imm */
#define RET          0xd65f03c0

.macro PRINT_VALUE label, reg
    .pushsection .rodata
.Ls\@: .asciz "\label"
    .popsection
    mov     x28, \reg
    adr     x0, .Ls\@
    bl      puts
    mov     x0, x28
    bl      putdec
    mov     x0, #'\n'
    bl      putc
.endm

/* make the instruction at address reg visible to instruction fetch */
.macro SYNC reg
    dc      cvau, \reg
    dsb     ish
    ic      ivau, \reg
    dsb     ish
    isb
.endm

TEST_BEGIN
    /* buf = mmap(0, 4096, RWX, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) */
    mov     x0, #0
    mov     x1, #4096
    mov     x2, #7
    mov     x3, #0x22
    mov     x4, #-1
    mov     x5, #0
    mov     x8, #SYS_mmap
    svc     #0
    mov     x27, x0

    /* first version: return 42 */
    MOV64   x9, MOVZ_X0(42)
    str     w9, [x27]
    MOV64   x9, RET
    str     w9, [x27, #4]
    SYNC    x27
    blr     x27
    mov     x26, x0
    PRINT_VALUE "smc first=", x26
    mov     x0, x26
    CHECK   smc_first, 42

    /* rewrite the constant: return 99 */
    MOV64   x9, MOVZ_X0(99)
    str     w9, [x27]
    SYNC    x27
    blr     x27
    mov     x26, x0
    PRINT_VALUE "smc second=", x26
    mov     x0, x26
    CHECK   smc_second, 99

    /* rewrite and call 100 times: sum of 0..99 */
    mov     x25, #0             /* i */
    mov     x24, #0             /* sum */
1:  MOV64   x9, MOVZ_X0(0)
    orr     x9, x9, x25, lsl #5
    str     w9, [x27]
    SYNC    x27
    blr     x27
    add     x24, x24, x0
    add     x25, x25, #1
    cmp     x25, #100
    b.lo    1b
    PRINT_VALUE "smc loop sum=", x24
    mov     x0, x24
    CHECK   smc_loop, 4950

    /* code that patches its own next instruction (same translation block) */
    adr     x10, selfmod_tpl
    add     x11, x27, #64
    mov     x12, #(selfmod_end - selfmod_tpl) / 4
2:  ldr     w9, [x10], #4
    str     w9, [x11], #4
    subs    x12, x12, #1
    b.ne    2b
    add     x0, x27, #64
    SYNC    x0
    add     x0, x27, #96
    SYNC    x0
    add     x0, x27, #64
    MOV64   x1, MOVZ_X0(77)
    blr     x0
    mov     x26, x0
    PRINT_VALUE "smc same-block=", x26
    mov     x0, x26
    CHECK   smc_same_block, 77

    /* patch an already-executed function in our own text */
    bl      patchme
    mov     x23, x0
    adr     x0, patchme
    and     x0, x0, #~0xfff
    mov     x1, #4096           /* one page: patchme is 16-byte aligned, 8 bytes long */
    mov     x2, #7
    mov     x8, #SYS_mprotect
    svc     #0
    mov     x26, x0
    PRINT_VALUE "smc mprotect=", x26
    adr     x10, patchme
    MOV64   x9, MOVZ_X0(2)
    str     w9, [x10]
    SYNC    x10
    bl      patchme
    mov     x22, x0
    PRINT_VALUE "smc text before=", x23
    PRINT_VALUE "smc text after=", x22
    mov     x0, x23
    CHECK   smc_text_before, 1
    mov     x0, x22
    CHECK   smc_text_after, 2

    TEST_END smc

    .p2align 4
patchme:
    movz    x0, #1
    ret

    .section .rodata
    .balign 4
/* copied to the buffer; called with x0 = its address, w1 = replacement word */
selfmod_tpl:
    str     w1, [x0, #28]
    dc      cvau, x0
    dsb     ish
    ic      ivau, x0
    dsb     ish
    isb
    nop
    movz    x0, #1          /* offset 28: replaced before it runs */
    ret
selfmod_end:
