/* udf.S: prints a line, then a permanently undefined instruction (UDF #0) kills the process with SIGILL (exit 132). */
#include "test.h"

TEST_BEGIN
    adr     x0, msg
    bl      puts
    udf     #0
    mov     x0, #0
    mov     x8, #93
    svc     #0
msg: .asciz "before udf\n"
