/* segv.S: prints a line, then a load from address 0 kills the process with SIGSEGV (exit 139). */
#include "test.h"

TEST_BEGIN
    adr     x0, msg
    bl      puts
    mov     x1, #0
    ldr     x0, [x1]
    /* not reached */
    mov     x0, #0
    mov     x8, #93
    svc     #0
msg: .asciz "before segv\n"
