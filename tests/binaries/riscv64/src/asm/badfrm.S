/* badfrm.S: prints a line, sets frm to the reserved value 5, then an FP op with the dynamic rounding mode is an illegal instruction: SIGILL (exit 132). */
#include "test.h"

TEST_BEGIN
    lla     a0, msg
    call    puts
    fsrmi   5
    fadd.d  fa0, fa1, fa2, dyn
    /* not reached */
    li      a0, 0
    li      a7, 93
    ecall

    .section .rodata
msg: .asciz "before dyn op with frm=5\n"
