/*
 * test.h: macros shared by the aarch64 self-checking assembly tests (with runtime.S).
 * A case computes a value into x0 and calls `check` against the expected 64-bit
 * value; runtime.S counts cases and prints failures. `check` clobbers x0-x17 and
 * the flags, so cases keep their inputs in x19-x28 / FP registers. x29 holds the
 * FPSR captured by the FP macros.
 */
    .arch armv8.1-a+crc

/* begin the test body (runtime.S jumps here after initialising its counters) */
.macro TEST_BEGIN
    .text
    .globl test_main
test_main:
.endm

/* print the summary for class `cls` and exit */
.macro TEST_END cls
    .pushsection .rodata
.Lcls\@: .asciz "\cls"
    .popsection
    adr     x0, .Lcls\@
    b       report
.endm

/* reg = any 64-bit constant (movz + 3 movk, no literal pool) */
.macro MOV64 reg, val
    movz    \reg, #((\val) & 0xffff)
    movk    \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk    \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk    \reg, #(((\val) >> 48) & 0xffff), lsl #48
.endm

/* compare x0 with `want`, with an optional suffix string label (0 = none) */
.macro CHECKS name, want, suffix
    .pushsection .rodata
.Lname\@: .asciz "\name"
    .popsection
    MOV64   x1, \want
    adr     x2, .Lname\@
    .ifc \suffix,0
    mov     x3, #0
    .else
    adr     x3, \suffix
    .endif
    bl      check
.endm

.macro CHECK name, want
    CHECKS  \name, \want, 0
.endm

/* x0 = NZCV as a 4-bit number (N=8 Z=4 C=2 V=1) */
.macro GETFLAGS
    mrs     x0, nzcv
    lsr     x0, x0, #28
.endm

/* register-register op: x0 = a op b (64-bit registers) */
.macro TEST_RR name, op, a, b, want
    MOV64   x19, \a
    MOV64   x20, \b
    \op     x0, x19, x20
    CHECK   \name, \want
.endm

/* the same with W registers; the result must be zero-extended */
.macro TEST_RRW name, op, a, b, want
    MOV64   x19, \a
    MOV64   x20, \b
    MOV64   x0, 0x5555555555555555
    \op     w0, w19, w20
    CHECK   \name, \want
.endm

/* unary op on x */
.macro TEST_R name, op, a, want
    MOV64   x19, \a
    \op     x0, x19
    CHECK   \name, \want
.endm

.macro TEST_RW name, op, a, want
    MOV64   x19, \a
    MOV64   x0, 0x5555555555555555
    \op     w0, w19
    CHECK   \name, \want
.endm

/* arbitrary instruction(s) on x19 (= a) and x20 (= b), result in x0 */
.macro TEST_INSN name, a, b, want, insn:vararg
    MOV64   x19, \a
    MOV64   x20, \b
    MOV64   x0, 0x5555555555555555
    \insn
    CHECK   \name, \want
.endm

/* flag-setting op: checks the result and then NZCV ("<name> flags") */
.macro TEST_FLAGS name, a, b, want, nzcv, insn:vararg
    MOV64   x19, \a
    MOV64   x20, \b
    MOV64   x0, 0x5555555555555555
    \insn
    mrs     x21, nzcv
    CHECK   \name, \want
    lsr     x0, x21, #28
    CHECKS  \name, \nzcv, s_flags_tag
.endm

/* set NZCV to the 4-bit value n */
.macro SETFLAGS n
    mov     x9, #((\n) << 28)
    msr     nzcv, x9
.endm

/* ---------------- floating point ---------------- */
/* FPSR cumulative bits */
#define IOC 0x01
#define DZC 0x02
#define OFC 0x04
#define UFC 0x08
#define IXC 0x10
#define IDC 0x80
/* FPCR fields */
#define FPCR_RN 0x000000
#define FPCR_RP 0x400000
#define FPCR_RM 0x800000
#define FPCR_RZ 0xc00000
#define FPCR_FZ 0x1000000
#define FPCR_DN 0x2000000

.macro SETFPCR val
    MOV64   x9, \val
    msr     fpcr, x9
.endm

/*
 * FP cases (a macro argument cannot hold two instructions: `;` ends the line). Operands a, b, c are bit patterns placed in x19..x21 and in
 * d1..d3 (TD: fmov dN, xN) or s1..s3 (TS: fmov sN, wN). FPSR is cleared, `insn`
 * runs, FPSR is captured in x29. The result comes from d0 (TD), s0 (TS,
 * zero-extended) or x0 (TX: the instruction writes x0/w0 itself, x0 preset to
 * 0x5555...). Each case checks the result and then FPSR ("<name> flags").
 */
.macro FP_SETUP a, b, c
    MOV64   x19, \a
    MOV64   x20, \b
    MOV64   x21, \c
    fmov    d1, x19
    fmov    d2, x20
    fmov    d3, x21
    fmov    s4, w19
    fmov    s5, w20
    fmov    s6, w21
    msr     fpsr, xzr
.endm

.macro FP_FINISH name, want, flags
    CHECK   \name, \want
    mov     x0, x29
    CHECKS  \name, \flags, s_flags_tag
.endm

/* double: operands d1 d2 d3, result d0 */
.macro TD name, a, b, c, want, flags, insn:vararg
    FP_SETUP \a, \b, \c
    \insn
    mrs     x29, fpsr
    fmov    x0, d0
    FP_FINISH \name, \want, \flags
.endm

/* single: operands s4 s5 s6, result s0 (zero-extended) */
.macro TS name, a, b, c, want, flags, insn:vararg
    FP_SETUP \a, \b, \c
    \insn
    mrs     x29, fpsr
    fmov    w0, s0
    FP_FINISH \name, \want, \flags
.endm

/* result written by insn into x0/w0 (conversions to integer, FMOV to general) */
.macro TX name, a, b, c, want, flags, insn:vararg
    FP_SETUP \a, \b, \c
    MOV64   x0, 0x5555555555555555
    \insn
    mrs     x29, fpsr
    FP_FINISH \name, \want, \flags
.endm

/* FP compare: x0 = NZCV (4 bits) after insn */
.macro TXF name, a, b, c, want, flags, insn:vararg
    FP_SETUP \a, \b, \c
    \insn
    mrs     x29, fpsr
    GETFLAGS
    FP_FINISH \name, \want, \flags
.endm

/* ---------------- SIMD ---------------- */
/* vN = { lo, hi } as two 64-bit halves */
.macro VSET v, lo, hi
    MOV64   x9, \lo
    MOV64   x10, \hi
    fmov    d\v, x9
    mov     v\v\().d[1], x10
.endm

/* check both halves of vN against lo, hi ("<name>" and "<name> hi") */
.macro VCHECK name, v, lo, hi
    mov     x0, v\v\().d[0]
    CHECK   \name, \lo
    mov     x0, v\v\().d[1]
    CHECKS  \name, \hi, s_hi_tag
.endm

/* v1 = {a1,a2}, v2 = {b1,b2}, v0 preset to ones; insn; check v0 */
.macro TV name, a1, a2, b1, b2, w1, w2, insn:vararg
    VSET    1, \a1, \a2
    VSET    2, \b1, \b2
    movi    v0.2d, #-1
    \insn
    VCHECK  \name, 0, \w1, \w2
.endm
