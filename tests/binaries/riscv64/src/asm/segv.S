/* segv.S: prints a line, then a load from address 0 kills the process with SIGSEGV (exit 139). */
#include "test.h"

TEST_BEGIN
    lla     a0, msg
    call    puts
    ld      a0, 0(zero)
    /* not reached */
    li      a0, 0
    li      a7, 93
    ecall

    .section .rodata
msg: .asciz "before segv\n"
