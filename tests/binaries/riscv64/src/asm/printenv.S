/* printenv.S: prints the environment it was started with, one NAME=value per line in
 * the order of envp on the initial stack, then exits 0. */
    .option norvc
    .text
    .globl test_main
test_main:
    ld      t0, 0(sp)           /* argc */
    addi    t0, t0, 2           /* skip argc, argv[0..argc-1] and argv's NULL */
    slli    t0, t0, 3
    add     s1, sp, t0          /* s1 = envp */
1:  ld      a0, 0(s1)
    beqz    a0, 2f
    call    puts
    li      a0, '\n'
    call    putc
    addi    s1, s1, 8
    j       1b
2:  li      a0, 0
    li      a7, 93
    ecall
