/* rotext.S: prints a line, then a store into the program's own read-only text segment kills it with SIGSEGV (exit 139). */
#include "test.h"

TEST_BEGIN
    adr     x0, msg
    bl      puts
    adr     x1, test_main
    str     wzr, [x1]
    mov     x0, #0
    mov     x8, #93
    svc     #0
msg: .asciz "before store to text\n"
