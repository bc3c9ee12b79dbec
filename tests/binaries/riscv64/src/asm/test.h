/*
 * test.h: macros shared by the self-checking assembly tests (with runtime.S).
 * A case computes a value into a0 and calls `check` against the expected 64-bit
 * value; runtime.S counts cases and prints failures. Cases may clobber every
 * register except sp; s1 is reserved for fflags captured by the FP macros.
 */
    .option norvc

/* begin the test body (runtime.S jumps here after initialising its counters) */
.macro TEST_BEGIN
    .text
    .globl test_main
test_main:
.endm

/* print the summary for extension `ext` and exit */
.macro TEST_END ext
    .pushsection .rodata
.Lext\@: .asciz "\ext"
    .popsection
    lla      a0, .Lext\@
    j       report
.endm

/* compare a0 with `want` */
.macro CHECK name, want
    .pushsection .rodata
.Lname\@: .asciz "\name"
    .popsection
    li      a1, \want
    lla      a2, .Lname\@
    li      a3, 0
    call    check
.endm

/* compare a0 with `want`, reporting the case as "<name> fflags" */
.macro CHECK_FLAGS name, want
    .pushsection .rodata
.Lname\@: .asciz "\name"
    .popsection
    li      a1, \want
    lla      a2, .Lname\@
    lla      a3, s_fflags_tag
    call    check
.endm

/* register-register op: a0 = a op b */
.macro TEST_RR name, op, a, b, want
    li      s2, \a
    li      s3, \b
    \op     a0, s2, s3
    CHECK   \name, \want
.endm

/* register-immediate op: a0 = a op imm */
.macro TEST_IMM name, op, a, imm, want
    li      s2, \a
    \op     a0, s2, \imm
    CHECK   \name, \want
.endm

/* conditional branch: a0 = 1 when taken, 0 when not */
.macro TEST_BR name, op, a, b, taken
    li      s2, \a
    li      s3, \b
    li      a0, 1
    \op     s2, s3, 1f
    li      a0, 0
1:
    CHECK   \name, \taken
.endm

/* ---------------- floating point ---------------- */
/* fflags bits */
#define NX 0x01
#define UF 0x02
#define OF 0x04
#define DZ 0x08
#define NV 0x10

/*
 * FP cases. Operands a, b, c are bit patterns: they are placed in a1..a3 (for
 * int-to-float conversions) and in fa1..fa3 (single: fmv.w.x, i.e. NaN-boxed;
 * double: fmv.d.x). fflags is cleared, `insn` runs, fflags is captured in s1.
 * The result comes from fa0 (TF: low 32 bits via fmv.x.w, zero-extended; TD:
 * fmv.x.d) or from a0 (TFX/TDX: the instruction writes a0 itself). Each case
 * checks the result and then the flags ("<name> fflags").
 */
.macro FP_SETUP_S a, b, c
    li      a1, \a
    li      a2, \b
    li      a3, \c
    fmv.w.x fa1, a1
    fmv.w.x fa2, a2
    fmv.w.x fa3, a3
    fsflags x0
.endm

.macro FP_SETUP_D a, b, c
    li      a1, \a
    li      a2, \b
    li      a3, \c
    fmv.d.x fa1, a1
    fmv.d.x fa2, a2
    fmv.d.x fa3, a3
    fsflags x0
.endm

.macro FP_FINISH name, want, flags
    frflags s1
    CHECK   \name, \want
    mv      a0, s1
    CHECK_FLAGS \name, \flags
.endm

.macro TF name, a, b, c, want, flags, insn:vararg
    FP_SETUP_S \a, \b, \c
    \insn
    frflags s1
    fmv.x.w a0, fa0
    slli    a0, a0, 32
    srli    a0, a0, 32
    CHECK   \name, \want
    mv      a0, s1
    CHECK_FLAGS \name, \flags
.endm

.macro TFX name, a, b, c, want, flags, insn:vararg
    FP_SETUP_S \a, \b, \c
    li      a0, 0x5555
    \insn
    FP_FINISH \name, \want, \flags
.endm

.macro TD name, a, b, c, want, flags, insn:vararg
    FP_SETUP_D \a, \b, \c
    \insn
    frflags s1
    fmv.x.d a0, fa0
    CHECK   \name, \want
    mv      a0, s1
    CHECK_FLAGS \name, \flags
.endm

.macro TDX name, a, b, c, want, flags, insn:vararg
    FP_SETUP_D \a, \b, \c
    li      a0, 0x5555
    \insn
    FP_FINISH \name, \want, \flags
.endm

/* single operand in double-format register (for fcvt.s.d): fa1 = a as double, result single */
.macro TDF name, a, b, c, want, flags, insn:vararg
    FP_SETUP_D \a, \b, \c
    \insn
    frflags s1
    fmv.x.w a0, fa0
    slli    a0, a0, 32
    srli    a0, a0, 32
    CHECK   \name, \want
    mv      a0, s1
    CHECK_FLAGS \name, \flags
.endm

/* single operands (NaN-boxed), double result (for fcvt.d.s) */
.macro TFD name, a, b, c, want, flags, insn:vararg
    FP_SETUP_S \a, \b, \c
    \insn
    frflags s1
    fmv.x.d a0, fa0
    CHECK   \name, \want
    mv      a0, s1
    CHECK_FLAGS \name, \flags
.endm
