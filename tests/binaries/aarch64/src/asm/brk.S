/* brk.S: prints a line, then BRK #0 kills the process with SIGTRAP (exit 133). */
#include "test.h"

TEST_BEGIN
    adr     x0, msg
    bl      puts
    brk     #0
    mov     x0, #0
    mov     x8, #93
    svc     #0
msg: .asciz "before brk\n"
