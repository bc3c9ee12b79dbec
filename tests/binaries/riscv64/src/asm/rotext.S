/* rotext.S: prints a line, then a store into the read-only text segment kills the process with SIGSEGV (exit 139). */
#include "test.h"

TEST_BEGIN
    lla     a0, msg
    call    puts
    lla     t0, test_main
    sw      zero, 0(t0)
    /* not reached */
    li      a0, 0
    li      a7, 93
    ecall

    .section .rodata
msg: .asciz "before store to text\n"
