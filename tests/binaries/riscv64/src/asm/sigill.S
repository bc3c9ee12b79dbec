/* sigill.S: prints a line, then an all-zero (illegal) instruction kills the process with SIGILL (exit 132). */
#include "test.h"

TEST_BEGIN
    lla     a0, msg
    call    puts
    .word   0
    /* not reached */
    li      a0, 0
    li      a7, 93
    ecall

    .section .rodata
msg: .asciz "before sigill\n"
