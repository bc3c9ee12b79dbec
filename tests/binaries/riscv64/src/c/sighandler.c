// Signal handlers, as Linux runs them: SA_SIGINFO handlers for signals raised at ourselves
// (si_code, si_pid, the mask while the handler runs, the mask after it), a signal blocked
// then delivered when unblocked, SA_NODEFER, SA_RESETHAND, nested handlers, SIGSEGV for an
// unmapped, a read-only and a PROT_NONE address (si_addr, si_code) left by siglongjmp, a
// handler on the alternate stack (SA_ONSTACK), the SIGSEGV rt_sigreturn forces for a frame
// it cannot read, a SIGSEGV handler that moves the interrupted pc past the faulting store
// in its ucontext (2,000 times, so that the loop runs compiled), and registers (integer
// and floating point) intact across a handler. Prints properties, not addresses.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static volatile sig_atomic_t count1, count2, urg;
static volatile int code_seen, pid_ok, usr1_blocked_inside, usr2_blocked_inside, nested_order;
static sigjmp_buf jump;
static volatile void *fault_addr;
static volatile int fault_code;
static char *alt;
static volatile int on_alt;

static int blocked(int sig) {
  sigset_t cur;
  sigprocmask(SIG_SETMASK, NULL, &cur);
  return sigismember(&cur, sig);
}

static void on_usr1(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  count1++;
  code_seen = si->si_code;
  pid_ok = si->si_pid == getpid() && si->si_signo == sig;
  usr1_blocked_inside = blocked(SIGUSR1);
  if (nested_order == 1) nested_order = 2;
}

static void on_usr2(int sig) {
  (void)sig;
  count2++;
  usr2_blocked_inside = blocked(SIGUSR2);
  if (count2 == 1 && nested_order == 0) {
    nested_order = 1;
    raise(SIGUSR1); // runs inside this handler: SIGUSR1 is not blocked here
    if (nested_order == 2) nested_order = 3;
  }
}

static void on_urg(int sig) {
  (void)sig;
  urg++;
}

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  fault_addr = si->si_addr;
  fault_code = si->si_code;
  siglongjmp(jump, 1);
}

static void on_alt_stack(int sig) {
  (void)sig;
  char here;
  on_alt = &here > alt && &here < alt + SIGSTKSZ * 4;
}

static volatile int skipped;

/** Returns past the faulting instruction: the handler changes the context it returns to. */
static void skip_insn(int sig, siginfo_t *si, void *ucv) {
  (void)sig;
  (void)si;
  ucontext_t *uc = ucv;
  skipped++;
#if defined(__riscv)
  uint16_t insn = *(uint16_t *)uc->uc_mcontext.__gregs[REG_PC];
  uc->uc_mcontext.__gregs[REG_PC] += (insn & 3) == 3 ? 4 : 2;
#elif defined(__aarch64__)
  uc->uc_mcontext.pc += 4;
#else
  (void)uc;
  abort(); // a host build (for comparing the rest with Linux) does not run this part
#endif
}

/** An unmapped address the compiler cannot see through. */
static int *volatile unmapped = (int *)(uintptr_t)0x10;

/** Values live in registers across a faulting store. */
__attribute__((noinline)) static long work(volatile int *bad, long a, long b) {
  long x = a * b + 3, y = a - b, z = a ^ (b << 3);
  double f = (double)a / 7.0;
  *bad = (int)x;
  return x + y * 5 + z * 7 + (long)(f * 1000);
}

/** rt_sigreturn with the stack pointer on an unmapped page: the frame cannot be read. */
static void sigreturn_at(void *sp) {
#if defined(__riscv)
  __asm__ volatile("mv sp, %0\n\tli a7, 139\n\tecall" : : "r"(sp) : "memory");
#elif defined(__aarch64__)
  __asm__ volatile("mov sp, %0\n\tmov x8, #139\n\tsvc #0" : : "r"(sp) : "memory");
#else
  __asm__ volatile("mov %0, %%rsp\n\tmov $15, %%eax\n\tsyscall" : : "r"(sp) : "memory");
#endif
  __builtin_unreachable();
}

static const char *codename(int c) { return c == SI_USER ? "SI_USER" : c == SI_TKILL ? "SI_TKILL" : c == SI_KERNEL ? "SI_KERNEL" : c == SEGV_MAPERR ? "SEGV_MAPERR" : c == SEGV_ACCERR ? "SEGV_ACCERR" : "other"; }

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr1;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);

  raise(SIGUSR1);
  printf("raise: handler ran %d time(s), si_code %s, our pid: %s, SIGUSR1 blocked inside: %d, after: %d\n", count1, codename(code_seen),
         pid_ok ? "yes" : "no", usr1_blocked_inside, blocked(SIGUSR1));
  kill(getpid(), SIGUSR1);
  printf("kill: handler ran %d time(s), si_code %s\n", count1, codename(code_seen));

  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR1);
  printf("blocked: handler ran %d time(s)\n", count1);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  printf("unblocked: handler ran %d time(s)\n", count1);

  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr2;
  sa.sa_flags = SA_NODEFER;
  sigaction(SIGUSR2, &sa, NULL);
  raise(SIGUSR2);
  printf("SA_NODEFER: ran %d, SIGUSR2 blocked inside: %d; nested SIGUSR1 ran inside and returned: %s, SIGUSR1 count %d\n", count2,
         usr2_blocked_inside, nested_order == 3 ? "yes" : "no", count1);

  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_urg;
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGURG, &sa, NULL);
  raise(SIGURG);
  raise(SIGURG); // the default action now: ignore
  struct sigaction now;
  sigaction(SIGURG, NULL, &now);
  printf("SA_RESETHAND: ran %d, disposition now default: %s\n", urg, now.sa_handler == SIG_DFL ? "yes" : "no");

  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  volatile int *bad = (int *)(uintptr_t)0x10;
  if (sigsetjmp(jump, 1) == 0) {
    *bad = 1;
    printf("no fault\n");
  }
  printf("SIGSEGV unmapped: si_addr right: %s, %s, SIGSEGV blocked after siglongjmp: %d\n", fault_addr == (void *)bad ? "yes" : "no",
         codename(fault_code), blocked(SIGSEGV));
  char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (sigsetjmp(jump, 1) == 0) {
    ro[100] = 1;
    printf("no fault\n");
  }
  printf("SIGSEGV read-only: si_addr right: %s, %s\n", fault_addr == (void *)(ro + 100) ? "yes" : "no", codename(fault_code));
  char *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (sigsetjmp(jump, 1) == 0) {
    (void)*(volatile char *)(none + 8);
    printf("no fault\n");
  }
  printf("SIGSEGV PROT_NONE: si_addr right: %s, %s\n", fault_addr == (void *)(none + 8) ? "yes" : "no", codename(fault_code));

  alt = malloc(SIGSTKSZ * 4);
  stack_t ss = { .ss_sp = alt, .ss_size = SIGSTKSZ * 4, .ss_flags = 0 };
  sigaltstack(&ss, NULL);
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alt_stack;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR2, &sa, NULL);
  raise(SIGUSR2);
  printf("SA_ONSTACK: the handler ran on the alternate stack: %s\n", on_alt ? "yes" : "no");

  // a frame rt_sigreturn cannot read: Linux forces SIGSEGV (si_code SI_KERNEL), which a
  // handler on the alternate stack can take (the stack pointer is on the unmapped page)
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, NULL);
  char *gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(gone, 4096);
  fault_code = 0;
  if (sigsetjmp(jump, 1) == 0) {
    sigreturn_at(gone + 2048);
    printf("no fault\n");
  }
  printf("rt_sigreturn of an unreadable frame: SIGSEGV handler ran, %s\n", codename(fault_code));

  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = skip_insn;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  long total = 0;
#if defined(__riscv) || defined(__aarch64__)
  for (int i = 0; i < 2000; i++) total += work(unmapped, i, 17 + i);
#else
  for (int i = 0; i < 2000; i++) total += work(&(int){0}, i, 17 + i), skipped++;
#endif
  printf("faulting store skipped by the handler: %d times, total %ld\n", skipped, total);

  volatile double d = 1.5;
  long a = 7, b = 11;
  double e = d * 3;
  raise(SIGUSR1);
  printf("registers across a handler: %ld %.2f\n", a * b + count1, e + d);
  return 0;
}
