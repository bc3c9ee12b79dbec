/*
 * runtime.S: shared support for the self-checking assembly tests.
 * Provides _start, the `check` routine the test macros call, a tiny output
 * library (puts/puthex/putdec over the write syscall) and `report`, which prints
 * "PASS <ext> <n> cases" or "FAIL <ext> <k>/<n>" and exits 0 or 1.
 * Uses RV64I only (no compressed, no M) so the rv64i test needs nothing else.
 */
    .option norvc

#define SYS_write 64
#define SYS_exit  93

    .text
    .globl _start
_start:
    lla      t0, n_cases
    sd      zero, 0(t0)
    sd      zero, 8(t0)
    /* set up gp-free, stack as given by the kernel */
    j       test_main

/* strlen-free write of a NUL-terminated string: a0 = pointer */
    .globl puts
puts:
    mv      t0, a0
1:  lbu     t1, 0(t0)
    beqz    t1, 2f
    addi    t0, t0, 1
    j       1b
2:  sub     a2, t0, a0
    mv      a1, a0
    li      a0, 1
    li      a7, SYS_write
    ecall
    ret

/* write a single byte: a0 = char */
    .globl putc
putc:
    addi    sp, sp, -16
    sb      a0, 0(sp)
    li      a0, 1
    mv      a1, sp
    li      a2, 1
    li      a7, SYS_write
    ecall
    addi    sp, sp, 16
    ret

/* print a0 as 16 hex digits */
    .globl puthex
puthex:
    addi    sp, sp, -32
    li      t0, 60
    mv      t2, sp
1:  srl     t1, a0, t0
    andi    t1, t1, 15
    li      t3, 10
    blt     t1, t3, 2f
    addi    t1, t1, 'a' - '0' - 10
2:  addi    t1, t1, '0'
    sb      t1, 0(t2)
    addi    t2, t2, 1
    addi    t0, t0, -4
    bgez    t0, 1b
    li      a0, 1
    mv      a1, sp
    li      a2, 16
    li      a7, SYS_write
    ecall
    addi    sp, sp, 32
    ret

/* print a0 as an unsigned decimal number (no M extension: subtract powers of ten) */
    .globl putdec
putdec:
    addi    sp, sp, -32
    mv      t2, sp              /* output cursor */
    lla      t3, pow10
    li      t4, 0               /* seen a nonzero digit */
1:  ld      t0, 0(t3)
    beqz    t0, 4f
    li      t1, 0
2:  bltu    a0, t0, 3f
    sub     a0, a0, t0
    addi    t1, t1, 1
    j       2b
3:  addi    t3, t3, 8
    or      t4, t4, t1
    beqz    t4, 1b
    addi    t1, t1, '0'
    sb      t1, 0(t2)
    addi    t2, t2, 1
    j       1b
4:  addi    a0, a0, '0'         /* last digit always printed */
    sb      a0, 0(t2)
    addi    t2, t2, 1
    sub     a2, t2, sp
    li      a0, 1
    mv      a1, sp
    li      a7, SYS_write
    ecall
    addi    sp, sp, 32
    ret

/*
 * check: a0 = got, a1 = want, a2 = case name, a3 = optional suffix (0 = none).
 * Counts the case; on mismatch prints "FAIL <name><suffix> got 0x.. want 0x..".
 * Clobbers t0-t6 and a0-a7 only.
 */
    .globl check
check:
    lla      t0, n_cases
    ld      t1, 0(t0)
    addi    t1, t1, 1
    sd      t1, 0(t0)
    bne     a0, a1, 1f
    ret
1:  ld      t1, 8(t0)
    addi    t1, t1, 1
    sd      t1, 8(t0)
    addi    sp, sp, -48
    sd      ra, 0(sp)
    sd      a0, 8(sp)
    sd      a1, 16(sp)
    sd      a2, 24(sp)
    sd      a3, 32(sp)
    lla      a0, s_fail
    call    puts
    ld      a0, 24(sp)
    call    puts
    ld      a0, 32(sp)
    beqz    a0, 2f
    call    puts
2:  lla      a0, s_got
    call    puts
    ld      a0, 8(sp)
    call    puthex
    lla      a0, s_want
    call    puts
    ld      a0, 16(sp)
    call    puthex
    li      a0, '\n'
    call    putc
    ld      ra, 0(sp)
    addi    sp, sp, 48
    ret

/* report: a0 = extension name; prints the summary and exits 0 (all passed) or 1 */
    .globl report
report:
    mv      s0, a0
    lla      s1, n_cases
    ld      t0, 8(s1)
    bnez    t0, 1f
    lla      a0, s_pass
    call    puts
    mv      a0, s0
    call    puts
    li      a0, ' '
    call    putc
    ld      a0, 0(s1)
    call    putdec
    lla      a0, s_cases
    call    puts
    li      a0, 0
    li      a7, SYS_exit
    ecall
1:  lla      a0, s_fail
    call    puts
    mv      a0, s0
    call    puts
    li      a0, ' '
    call    putc
    ld      a0, 8(s1)
    call    putdec
    li      a0, '/'
    call    putc
    ld      a0, 0(s1)
    call    putdec
    li      a0, '\n'
    call    putc
    li      a0, 1
    li      a7, SYS_exit
    ecall

    .section .rodata
    .balign 8
pow10:
    .dword 10000000000000000000, 1000000000000000000, 100000000000000000
    .dword 10000000000000000, 1000000000000000, 100000000000000, 10000000000000
    .dword 1000000000000, 100000000000, 10000000000, 1000000000, 100000000
    .dword 10000000, 1000000, 100000, 10000, 1000, 100, 10, 0
s_fail:  .asciz "FAIL "
s_pass:  .asciz "PASS "
s_got:   .asciz " got 0x"
s_want:  .asciz " want 0x"
s_cases: .asciz " cases\n"
    .globl s_fflags_tag
s_fflags_tag: .asciz " fflags"

    .bss
    .balign 8
    .globl n_cases
n_cases: .dword 0           /* cases checked */
n_fail:  .dword 0           /* cases failed (n_cases + 8) */
