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
