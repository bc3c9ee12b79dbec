/* ebreak.S: prints a line, then ebreak kills the process with SIGTRAP (exit 133). */
#include "test.h"

TEST_BEGIN
    lla     a0, msg
    call    puts
    ebreak
    /* not reached */
    li      a0, 0
    li      a7, 93
    ecall

    .section .rodata
msg: .asciz "before ebreak\n"
