/* exit.S: exits with the status given as argv[1] (decimal), read straight from the initial stack */
    .option norvc
    .text
    .globl test_main
test_main:
    ld      t0, 0(sp)           /* argc */
    li      a0, 0
    li      t1, 2
    blt     t0, t1, 2f
    ld      t2, 16(sp)          /* argv[1] */
    li      t4, 10
1:  lbu     t3, 0(t2)
    beqz    t3, 2f
    addi    t3, t3, -'0'
    mul     a0, a0, t4
    add     a0, a0, t3
    addi    t2, t2, 1
    j       1b
2:  li      a7, 93
    ecall
