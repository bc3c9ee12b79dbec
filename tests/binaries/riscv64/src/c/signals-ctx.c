// A signal handler that edits the interrupted context, and sigreturn putting the edits in
// place: a SA_SIGINFO SIGSEGV handler sees the pc of a faulting load (an uncompressed `ld`
// on riscv64, `ldr` on aarch64, written in inline asm so its length is 4) and si_addr, moves
// the pc past it, writes the load's destination register, adds to another integer register
// and to a floating-point register (riscv64: __fpregs; aarch64: the fpsimd_context record),
// sets the Z flag (aarch64: pstate) and adds SIGUSR1 to uc_sigmask; the program continues
// after the load and sees every change, 100 times with different values. Then the same for
// an illegal instruction (SIGILL) and a breakpoint (ebreak / brk: SIGTRAP, TRAP_BRKPT).
// The floating-point edit and SIGILL's exact si_code (ILL_ILLOPC) are checked only with the
// argument "linux": qemu-aarch64 7.2 gives ILL_ILLOPN, and with its default CPU (SVE) it
// restores the V registers from the sve_context record after the fpsimd_context one, losing
// the handler's edit (Linux copies the fpsimd record last). Without it, SIGILL's si_code may
// be either.
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#if !defined(__riscv) && !defined(__aarch64__)
int main(void) {
  puts("riscv64 and aarch64 only");
  return 1;
}
#else

static int failures;
static void check(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

static volatile uintptr_t seen_pc, want_addr;
static volatile long next_value;
static volatile int caught, addr_ok, code_ok;
static volatile int want_code, exact_code;

#if defined(__riscv)
#define DST 28 // t3, the load's destination
#define OTHER 29 // t4
#define FREG 5 // ft5
static uintptr_t *pc_of(ucontext_t *uc) { return (uintptr_t *)&uc->uc_mcontext.__gregs[REG_PC]; }
static unsigned long *reg_of(ucontext_t *uc, int n) { return &uc->uc_mcontext.__gregs[n]; }
static double *freg_of(ucontext_t *uc, int n) { return (double *)&uc->uc_mcontext.__fpregs.__d.__f[n]; }
static void set_z(ucontext_t *uc) { (void)uc; }
#else
#define DST 9
#define OTHER 10
#define FREG 5
/** The FP/SIMD record in __reserved (the kernel's struct fpsimd_context). */
struct fpsimd {
  uint32_t magic, size, fpsr, fpcr;
  __uint128_t vregs[32];
};
static uintptr_t *pc_of(ucontext_t *uc) { return (uintptr_t *)&uc->uc_mcontext.pc; }
static unsigned long *reg_of(ucontext_t *uc, int n) { return (unsigned long *)&uc->uc_mcontext.regs[n]; }
static double *freg_of(ucontext_t *uc, int n) {
  unsigned char *p = uc->uc_mcontext.__reserved;
  for (;;) {
    struct fpsimd *f = (struct fpsimd *)p;
    if (f->magic == 0x46508001) return (double *)&f->vregs[n]; // FPSIMD_MAGIC; low 64 bits
    if (f->magic == 0 || f->size == 0) abort();
    p += f->size;
  }
}
static void set_z(ucontext_t *uc) { uc->uc_mcontext.pstate |= 1ul << 30; }
#endif

static void edit(int sig, siginfo_t *si, void *ucv) {
  (void)sig;
  ucontext_t *uc = ucv;
  caught++;
  uintptr_t *pc = pc_of(uc);
  seen_pc = *pc;
  if ((uintptr_t)si->si_addr == want_addr) addr_ok++;
  if (si->si_code == want_code || (!exact_code && want_code == ILL_ILLOPC && si->si_code == ILL_ILLOPN)) code_ok++;
  *pc += 4;
  *reg_of(uc, DST) = next_value;
  *reg_of(uc, OTHER) += 1000;
  *freg_of(uc, FREG) += 0.5;
  set_z(uc);
  sigaddset(&uc->uc_sigmask, SIGUSR1);
}

struct result {
  long dst, other;
  double f;
  long z;
  uintptr_t pc;
};

/* Each runs one faulting instruction between instructions that give its address and read the
   registers the handler edits. `kind` picks the instruction: 0 a load from addr, 1 an illegal
   instruction, 2 a breakpoint. */
#if defined(__riscv)
#define FAULT_ASM(insn)                                                                  \
  __asm__ volatile(".option push\n.option norvc\n"                                      \
                   "lla %[pc], 1f\n"                                                     \
                   "1: " insn "\n"                                                       \
                   ".option pop\n"                                                       \
                   : [pc] "=&r"(r.pc), "+r"(dst), "+r"(other), "+f"(f)                   \
                   : [a] "r"(addr)                                                       \
                   : "memory")
#define REGS register long dst __asm__("t3") = 111; register long other __asm__("t4") = 222; register double f __asm__("ft5") = 1.25
#define LOAD "ld t3, 0(%[a])"
#define ILLEGAL ".word 0"
#define BREAK "ebreak"
#else
#define FAULT_ASM(insn)                                                                  \
  __asm__ volatile("msr nzcv, xzr\n" /* Z clear */                                        \
                   "adr %[pc], 1f\n"                                                     \
                   "1: " insn "\n"                                                       \
                   "cset %[z], eq\n"                                                     \
                   : [pc] "=&r"(r.pc), [z] "=r"(r.z), "+r"(dst), "+r"(other), "+w"(f)    \
                   : [a] "r"(addr)                                                       \
                   : "memory", "cc")
#define REGS register long dst __asm__("x9") = 111; register long other __asm__("x10") = 222; register double f __asm__("v5") = 1.25
#define LOAD "ldr x9, [%[a]]"
#define ILLEGAL "udf #0"
#define BREAK "brk #0"
#endif

__attribute__((noinline)) static struct result run(int kind, long *addr) {
  struct result r = { 0, 0, 0, 0, 0 };
  REGS;
  if (kind == 0) FAULT_ASM(LOAD);
  else if (kind == 1) FAULT_ASM(ILLEGAL);
  else FAULT_ASM(BREAK);
  r.dst = dst;
  r.other = other;
  r.f = f;
  return r;
}

static int usr1_blocked(void) {
  sigset_t m;
  sigprocmask(SIG_BLOCK, NULL, &m);
  return sigismember(&m, SIGUSR1);
}
static void unblock_usr1(void) {
  sigset_t m;
  sigemptyset(&m);
  sigaddset(&m, SIGUSR1);
  sigprocmask(SIG_UNBLOCK, &m, NULL);
}

/** Runs `kind` n times; the handler's edits must all be seen. */
static int linux_checks;
static void series(const char *name, int sig, int kind, int code, long *addr, int n) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_flags = SA_SIGINFO;
  sa.sa_sigaction = edit;
  sigaction(sig, &sa, NULL);
  caught = addr_ok = code_ok = 0;
  want_code = code;
  int values = 0, others = 0, fregs = 0, zs = 0, masks = 0, pcs = 0;
  for (int i = 0; i < n; i++) {
    next_value = 0x1234567 + i * 77;
    want_addr = kind == 0 ? (uintptr_t)addr : 0;
    seen_pc = 0;
    struct result r = run(kind, addr);
    if (r.pc == seen_pc) pcs++; // the instruction's address (lla/adr) is the pc the handler saw
    if (r.dst == next_value) values++;
    if (r.other == 1222) others++;
    if (r.f == 1.75) fregs++;
#if defined(__aarch64__)
    if (r.z == 1) zs++;
#else
    zs++;
#endif
    if (usr1_blocked()) masks++;
    unblock_usr1();
  }
  printf("%s: %d caught\n", name, (int)caught);
  check("  the handler saw the pc of the instruction", pcs == n);
  if (kind == 0) check("  si_addr the bad address, si_code SEGV_MAPERR", addr_ok == n && code_ok == n);
  else if (kind == 1) check(linux_checks ? "  si_code ILL_ILLOPC" : "  si_code ILL_ILLOPC or ILL_ILLOPN", code_ok == n);
  else check("  si_code TRAP_BRKPT", code_ok == n);
  check("  execution went on after it (pc + 4)", caught == n);
  check("  t3 / x9 (the load's destination) holds the handler's value", values == n);
  check("  another integer register edited", others == n);
  if (linux_checks) check("  a floating-point register edited", fregs == n);
#if defined(__aarch64__)
  check("  the Z flag set in pstate seen", zs == n);
#endif
  check("  SIGUSR1 added to uc_sigmask blocked after sigreturn", masks == n);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  linux_checks = exact_code = argc > 1 && strcmp(argv[1], "linux") == 0;
  long *bad = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(bad, 4096);
  bad += 3;
  series("SIGSEGV of a load", SIGSEGV, 0, SEGV_MAPERR, bad, 100);
  series("SIGILL of an illegal instruction", SIGILL, 1, ILL_ILLOPC, NULL, 20);
  series("SIGTRAP of a breakpoint", SIGTRAP, 2, TRAP_BRKPT, NULL, 20);
  printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
#endif
