/*
 * runtime.S: shared support for the aarch64 self-checking assembly tests.
 * Provides _start, the `check` routine the test macros call, a tiny output
 * library (puts/putc/puthex/putdec over the write syscall) and `report`, which
 * prints "PASS <class> <n> cases" or "FAIL <class> <k>/<n>" and exits 0 or 1.
 * Uses only base A64 integer instructions (no FP/SIMD registers).
 */
#define SYS_write 64
#define SYS_exit  93

    .text
    .globl _start
_start:
    adr     x9, n_cases
    stp     xzr, xzr, [x9]
    b       test_main

/* write a NUL-terminated string: x0 = pointer. Clobbers x0-x8. */
    .globl puts
puts:
    mov     x1, x0
    mov     x2, x0
1:  ldrb    w3, [x2]
    cbz     w3, 2f
    add     x2, x2, #1
    b       1b
2:  sub     x2, x2, x1
    mov     x0, #1
    mov     x8, #SYS_write
    svc     #0
    ret

/* write one byte: x0 = char */
    .globl putc
putc:
    sub     sp, sp, #16
    strb    w0, [sp]
    mov     x0, #1
    mov     x1, sp
    mov     x2, #1
    mov     x8, #SYS_write
    svc     #0
    add     sp, sp, #16
    ret

/* print x0 as 16 hex digits */
    .globl puthex
puthex:
    sub     sp, sp, #32
    mov     x3, #60
    mov     x4, sp
1:  lsr     x5, x0, x3
    and     x5, x5, #15
    cmp     x5, #10
    add     x6, x5, #'0'
    add     x7, x5, #'a' - 10
    csel    x5, x6, x7, lo
    strb    w5, [x4], #1
    subs    x3, x3, #4
    b.ge    1b
    mov     x0, #1
    mov     x1, sp
    mov     x2, #16
    mov     x8, #SYS_write
    svc     #0
    add     sp, sp, #32
    ret

/* print x0 as an unsigned decimal number */
    .globl putdec
putdec:
    sub     sp, sp, #32
    add     x4, sp, #32         /* digits are written backwards from the end */
    mov     x5, #10
1:  udiv    x6, x0, x5
    msub    x7, x6, x5, x0
    add     x7, x7, #'0'
    strb    w7, [x4, #-1]!
    mov     x0, x6
    cbnz    x0, 1b
    mov     x0, #1
    mov     x1, x4
    add     x2, sp, #32
    sub     x2, x2, x4
    mov     x8, #SYS_write
    svc     #0
    add     sp, sp, #32
    ret

/*
 * check: x0 = got, x1 = want, x2 = case name, x3 = optional suffix (0 = none).
 * Counts the case; on mismatch prints "FAIL <name><suffix> got 0x.. want 0x..".
 * Clobbers x0-x17 only (and the flags); preserves x19-x28, FP/SIMD registers.
 */
    .globl check
check:
    adr     x9, n_cases
    ldr     x10, [x9]
    add     x10, x10, #1
    str     x10, [x9]
    cmp     x0, x1
    b.ne    1f
    ret
1:  ldr     x10, [x9, #8]
    add     x10, x10, #1
    str     x10, [x9, #8]
    stp     x29, x30, [sp, #-48]!
    stp     x0, x1, [sp, #16]
    stp     x2, x3, [sp, #32]
    adr     x0, s_fail
    bl      puts
    ldr     x0, [sp, #32]
    bl      puts
    ldr     x0, [sp, #40]
    cbz     x0, 2f
    bl      puts
2:  adr     x0, s_got
    bl      puts
    ldr     x0, [sp, #16]
    bl      puthex
    adr     x0, s_want
    bl      puts
    ldr     x0, [sp, #24]
    bl      puthex
    mov     x0, #'\n'
    bl      putc
    ldp     x29, x30, [sp], #48
    ret

/* report: x0 = class name; prints the summary and exits 0 (all passed) or 1 */
    .globl report
report:
    mov     x19, x0
    adr     x20, n_cases
    ldr     x9, [x20, #8]
    cbnz    x9, 1f
    adr     x0, s_pass
    bl      puts
    mov     x0, x19
    bl      puts
    mov     x0, #' '
    bl      putc
    ldr     x0, [x20]
    bl      putdec
    adr     x0, s_cases
    bl      puts
    mov     x0, #0
    mov     x8, #SYS_exit
    svc     #0
1:  adr     x0, s_fail
    bl      puts
    mov     x0, x19
    bl      puts
    mov     x0, #' '
    bl      putc
    ldr     x0, [x20, #8]
    bl      putdec
    mov     x0, #'/'
    bl      putc
    ldr     x0, [x20]
    bl      putdec
    mov     x0, #'\n'
    bl      putc
    mov     x0, #1
    mov     x8, #SYS_exit
    svc     #0

s_fail:  .asciz "FAIL "
s_pass:  .asciz "PASS "
s_got:   .asciz " got 0x"
s_want:  .asciz " want 0x"
s_cases: .asciz " cases\n"
    .globl s_flags_tag, s_hi_tag
s_flags_tag: .asciz " flags"
s_hi_tag:    .asciz " hi"

    .bss
    .balign 8
n_cases: .quad 0            /* cases checked */
n_fail:  .quad 0            /* cases failed (n_cases + 8) */
