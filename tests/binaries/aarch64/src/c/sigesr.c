/*
 * sigesr.c: the esr_context record of arm64 signal frames, and sigcontext.fault_address.
 * A SA_SIGINFO handler walks the records in uc_mcontext.__reserved and prints whether an
 * esr_context (ESR_MAGIC) is there, with its syndrome's EC, IL, WnR and fault status code,
 * and what fault_address holds, for: raise(SIGUSR1) before any fault, a load from an
 * unmapped page, a store to a read-only page, brk, a new thread (raise, then a fault of its
 * own), a misaligned STLR (SIGBUS), branches to a page without PROT_EXEC, to an unmapped
 * page and to a misaligned address, udf (SIGILL), raises after each kind; then sigreturn of
 * a frame whose esr_context the handler removed, and of one with an extra_context (which
 * rt_sigreturn follows) holding an esr_context, and last of a frame with a record Linux
 * does not know, which must die of SIGSEGV (exit 139).
 *
 * The expected output is Linux's, written by hand from the kernel source, not qemu's:
 * qemu-aarch64 7.2 writes no esr_context (and its rt_sigreturn refuses one), and keeps the
 * last exception's address in fault_address. What Linux does (arch/arm64/mm/fault.c,
 * kernel/traps.c, kernel/signal.c): an abort sets the thread's fault_code to the ESR
 * (data abort EC 0x24, instruction abort EC 0x20, IL set, WnR for a write; translation
 * fault 0x07, permission fault 0x0f, alignment fault 0x21) and fault_address to the
 * address; a PC alignment fault sets EC 0x22 and address 0; an undefined instruction sets
 * both to 0 (force_signal_inject(..., 0): no record); brk changes neither; a new thread
 * starts with its creator's; nothing clears them after delivery, so a later raise() carries
 * the last fault's record. Every frame carries fault_address, and the esr_context while the
 * code is non-zero. The pages are set up so that a CPU reports a level-3 fault: the unmapped
 * page lies between two touched pages (its last-level table exists), the read-only page was
 * written before mprotect (its entry exists), the STLR crosses a 16-byte boundary (an
 * alignment fault with FEAT_LSE2 too). The process starts with no fault record (Linux
 * copies its parent's at fork and keeps it across execve: a shell that never faulted).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef __aarch64__
int main(void) {
  puts("aarch64 only");
  return 1;
}
#else

/* ESR_MAGIC, FPSIMD_MAGIC and struct _aarch64_ctx come with <asm/sigcontext.h> (through <signal.h>). */
typedef struct _aarch64_ctx record_t;

/** What the handler saw. */
static volatile int sig_seen, code_seen, has_esr;
static volatile uint64_t esr_seen, fa_seen;
static volatile uintptr_t addr_seen;
/** How the handler resumes: 0 after the faulting instruction, 1 at x30 (a faulting branch). */
static volatile int resume_at_lr;
/**
 * What it does to the frame: 0 nothing, 1 remove the esr_context, 2 append an unknown
 * record, 3 append an extra_context whose space (right after it and its terminator) holds an
 * esr_context, and set x19 to 77.
 */
static volatile int frame_edit;
/** The address of this thread's last abort (its fault_address after it); a new thread starts with its creator's. */
static __thread uintptr_t last_abort;

static record_t *records(ucontext_t *uc) { return (record_t *)uc->uc_mcontext.__reserved; }
static record_t *next(record_t *r) { return (record_t *)((char *)r + r->size); }

static void handler(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  sig_seen = sig;
  code_seen = si->si_code;
  addr_seen = (uintptr_t)si->si_addr;
  fa_seen = uc->uc_mcontext.fault_address;
  has_esr = 0;
  record_t *r = records(uc);
  for (; r->magic != 0 && r->size >= sizeof *r; r = next(r)) {
    if (r->magic == ESR_MAGIC) {
      has_esr = 1;
      esr_seen = *(uint64_t *)(r + 1);
      if (frame_edit == 1) r->magic = r->size = 0; // the frame now ends here
      break;
    }
  }
  if (frame_edit >= 2) for (r = records(uc); r->magic != 0; r = next(r)) {} // the terminator
  if (frame_edit == 2) {
    r->magic = 0x12345678;
    r->size = 16;
  } else if (frame_edit == 3) {
    struct extra_context *e = (struct extra_context *)r;
    record_t *end = (record_t *)(e + 1), *in = end + 2; // the terminator takes 16 bytes
    e->head.magic = EXTRA_MAGIC;
    e->head.size = sizeof *e;
    end->magic = end->size = 0;
    e->datap = (uintptr_t)in;
    e->size = 32;
    in[0].magic = ESR_MAGIC;
    in[0].size = 16;
    in[2].magic = in[2].size = 0;
    uc->uc_mcontext.regs[19] = 77;
  }
  if (sig == SIGUSR1 || sig == SIGUSR2) return;
  if (resume_at_lr) uc->uc_mcontext.pc = uc->uc_mcontext.regs[30];
  else uc->uc_mcontext.pc += 4;
}

static const char *sig_name(int sig) {
  switch (sig) {
  case SIGSEGV: return "SIGSEGV";
  case SIGBUS: return "SIGBUS";
  case SIGILL: return "SIGILL";
  case SIGTRAP: return "SIGTRAP";
  case SIGUSR1: return "SIGUSR1";
  case SIGUSR2: return "SIGUSR2";
  default: return "?";
  }
}

/** Prints what the handler saw; `fault`: si_addr is a fault address fault_address may equal. */
static void report(const char *what, int fault) {
  printf("%s: %s si_code %d; ", what, sig_name(sig_seen), code_seen);
  if (has_esr) {
    unsigned ec = (unsigned)(esr_seen >> 26) & 0x3f;
    printf("esr_context EC 0x%02x IL %u", ec, (unsigned)(esr_seen >> 25) & 1);
    if (ec == 0x24 || ec == 0x20) printf(" WnR %u FSC 0x%02x", (unsigned)(esr_seen >> 6) & 1, (unsigned)esr_seen & 0x3f);
    else printf(" ISS 0x%x", (unsigned)esr_seen & 0x1ffffff);
    printf(" (bits 63:32 0x%x)", (unsigned)(esr_seen >> 32));
  } else {
    printf("no esr_context");
  }
  const char *fa = fa_seen == 0 ? "0"
                   : fault && fa_seen == addr_seen ? "si_addr"
                   : fa_seen == last_abort ? "the thread's last abort's address"
                   : "something else";
  printf("; fault_address %s\n", fa);
  if (fault && has_esr && fa_seen == addr_seen && fa_seen != 0) last_abort = fa_seen;
}

static void raise_usr1(const char *what) {
  raise(SIGUSR1);
  report(what, 0);
}

static void load(uintptr_t a) { __asm__ volatile("ldr x9, [%0]" ::"r"(a) : "x9", "memory"); }
static void store(uintptr_t a) { __asm__ volatile("str xzr, [%0]" ::"r"(a) : "memory"); }
static void stlr(uintptr_t a) { __asm__ volatile("stlr xzr, [%0]" ::"r"(a) : "memory"); }
static void branch(uintptr_t a) {
  resume_at_lr = 1;
  __asm__ volatile("blr %0" ::"r"(a) : "x30", "memory");
  resume_at_lr = 0;
}
__attribute__((noinline)) static void target(void) { __asm__ volatile("nop\nnop"); }

static uintptr_t unmapped, rw;

static void *thread_main(void *arg) {
  last_abort = (uintptr_t)arg;
  pthread_kill(pthread_self(), SIGUSR1);
  report("a new thread, raise(SIGUSR1)", 0);
  load(unmapped + 16);
  report("the new thread, load from an unmapped page", 1);
  return NULL;
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  long page = sysconf(_SC_PAGESIZE);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sa.sa_sigaction = handler;
  int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGUSR1, SIGUSR2 };
  for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++) sigaction(sigs[i], &sa, NULL);

  // a read-only page with its entry; a RW page; three pages A B C, A and C touched, then B
  // unmapped (last: a later one-page mmap could take its place)
  char *ro = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ro[0] = 1;
  mprotect(ro, page, PROT_READ);
  char *data = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  *(uint32_t *)data = 0xd65f03c0; // ret
  rw = (uintptr_t)data;
  char *abc = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  abc[0] = abc[2 * page] = 1;
  munmap(abc + page, page);
  unmapped = (uintptr_t)(abc + page);

  raise_usr1("raise(SIGUSR1) before any fault");
  load(unmapped + 8);
  report("load from an unmapped page", 1);
  raise_usr1("raise(SIGUSR1) after it");
  store((uintptr_t)ro + 24);
  report("store to a read-only page", 1);
  __asm__ volatile("brk #0x123");
  report("brk #0x123", 0);

  pthread_t t;
  pthread_create(&t, NULL, thread_main, (void *)last_abort);
  pthread_join(t, NULL);
  raise_usr1("raise(SIGUSR1) in the first thread after the new thread's fault");

  stlr(rw + 12);
  report("misaligned STLR across 16 bytes", 1);
  raise_usr1("raise(SIGUSR1) after it");
  branch(rw);
  report("branch to a page without PROT_EXEC", 1);
  branch(unmapped + 64);
  report("branch to an unmapped page", 1);
  branch((uintptr_t)&target + 2);
  report("branch to a misaligned address", 1);
  raise_usr1("raise(SIGUSR1) after it");
  load(unmapped);
  report("load from an unmapped page again", 1);
  __asm__ volatile("udf #0");
  report("udf #0", 1);
  raise_usr1("raise(SIGUSR1) after it");
  __asm__ volatile("brk #0x123");
  report("brk #0x123", 0);

  // rt_sigreturn: a frame without its esr_context, then one with an unknown record
  store((uintptr_t)ro);
  report("store to a read-only page", 1);
  frame_edit = 1;
  raise(SIGUSR2);
  frame_edit = 0;
  report("raise(SIGUSR2), the handler removes the esr_context; sigreturn went on", 0);
  raise_usr1("raise(SIGUSR1) after it");
  frame_edit = 3;
  {
    // kill(getpid(), SIGUSR2) made here, so that the signal arrives with x19 ours (raise() would restore its caller's)
    long pid = getpid();
    register long x0 __asm__("x0") = pid, x1 __asm__("x1") = SIGUSR2, x8 __asm__("x8") = 129, x19 __asm__("x19") = 1;
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x19) : "r"(x1), "r"(x8) : "memory");
    frame_edit = 0;
    printf("kill(SIGUSR2), the handler adds an extra_context holding an esr_context: sigreturn went on, x19 %s\n",
           x19 == 77 ? "as the handler set it" : "not restored");
  }
  signal(SIGSEGV, SIG_DFL);
  printf("raise(SIGUSR2), the handler adds an unknown record: sigreturn must kill with SIGSEGV\n");
  frame_edit = 2;
  raise(SIGUSR2);
  printf("sigreturn accepted the frame\n");
  return 1;
}
#endif
