// Signals and threads: masks are per thread and inherited by new threads; pthread_kill to a
// thread blocking SIGUSR1 leaves it pending in that thread only (its sigpending shows it, the
// main thread's does not) until it unblocks it, and then the handler runs in that thread;
// pthread_kill to a thread not blocking it runs the handler in that thread (the handler
// records gettid; si_code SI_TKILL, si_pid our pid); kill(getpid(), SIGUSR2) while every
// thread but one blocks it is delivered to that one (SI_USER); sigwait and sigwaitinfo in a
// thread take signals another thread sends with pthread_kill (a real-time signal sent twice
// is taken twice; glibc reports SI_TKILL as SI_USER there) without running the handler, and
// a sigtimedwait there then ends at its timeout; SIGSEGV from an unmapped address in two
// threads at once, each caught by a SA_SIGINFO|SA_ONSTACK handler on the faulting thread
// (SEGV_MAPERR, si_addr the bad address; on that thread's alternate stack when it has one)
// and left with siglongjmp, 50 times each. Output is ordered by joins and semaphores.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static int failures;
static void check(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

static volatile sig_atomic_t usr1_count, usr2_count;
static volatile pid_t usr1_tid, usr2_tid, usr1_pid;
static volatile int usr1_code, usr2_code;
static void on_usr1(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  usr1_tid = gettid();
  usr1_code = si->si_code;
  usr1_pid = si->si_pid;
  usr1_count++;
}
static void on_usr2(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  usr2_tid = gettid();
  usr2_code = si->si_code;
  usr2_count++;
}

static void block(int how, int sig) {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, sig);
  pthread_sigmask(how, &s, NULL);
}
static int pending(int sig) {
  sigset_t p;
  sigpending(&p);
  return sigismember(&p, sig);
}
static int blocked(int sig) {
  sigset_t m;
  pthread_sigmask(SIG_BLOCK, NULL, &m);
  return sigismember(&m, sig);
}

/* ---- a blocked thread-directed signal stays pending in its thread ---- */
static sem_t ready, go, done;
static struct {
  pid_t tid;
  int inherited, pending_before, count_before, handled_here, pending_after;
} a;
static void *thread_a(void *arg) {
  (void)arg;
  a.tid = gettid();
  a.inherited = blocked(SIGUSR2) && !blocked(SIGUSR1);
  block(SIG_BLOCK, SIGUSR1);
  sem_post(&ready);
  sem_wait(&go);
  a.pending_before = pending(SIGUSR1);
  a.count_before = usr1_count;
  block(SIG_UNBLOCK, SIGUSR1); // the handler runs on the way out of this call
  a.handled_here = usr1_count == 1 && usr1_tid == a.tid;
  a.pending_after = pending(SIGUSR1);
  return NULL;
}

/* ---- an unblocked one runs the handler in its thread ---- */
static pid_t b_tid;
static void *thread_b(void *arg) {
  (void)arg;
  b_tid = gettid();
  sem_post(&ready);
  while (usr1_count < 2) usleep(1000); // interrupted by the signal (EINTR), then sees the count
  return (void *)(intptr_t)(usr1_tid == b_tid);
}

/* ---- a process-directed signal goes to the one thread not blocking it ---- */
static pid_t c_tid[4];
static int c_pending_after[4];
static void *thread_c(void *arg) {
  int i = (int)(intptr_t)arg;
  c_tid[i] = gettid();
  if (i == 2) {
    block(SIG_UNBLOCK, SIGUSR2);
    sem_post(&ready);
    while (usr2_count == 0) usleep(1000);
  } else {
    sem_post(&ready);
    sem_wait(&go);
  }
  c_pending_after[i] = pending(SIGUSR2);
  return NULL;
}

/* ---- sigwait in a thread ---- */
static struct {
  int sig1, sig2, sig3, code, pid_ok, count, timed_out;
} d;
static void *thread_d(void *arg) {
  (void)arg;
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  sigaddset(&s, SIGRTMIN + 1);
  pthread_sigmask(SIG_BLOCK, &s, NULL);
  sem_post(&ready);
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  sigwait(&s, &d.sig1);
  sem_post(&done); // then the main thread sends SIGRTMIN+1 twice
  sigemptyset(&s);
  sigaddset(&s, SIGRTMIN + 1);
  siginfo_t si;
  d.sig2 = sigwaitinfo(&s, &si);
  d.code = si.si_code;
  d.pid_ok = si.si_pid == getpid();
  d.sig3 = sigwaitinfo(&s, &si);
  struct timespec zero = { 0, 0 };
  d.count = sigtimedwait(&s, &si, &zero) == -1 && errno == EAGAIN; // no third one
  // a wait with a timeout in a thread that has been sent signals ends at its timeout
  struct timespec ms50 = { 0, 50 * 1000 * 1000 }, t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int r = sigtimedwait(&s, &si, &ms50), e = errno;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  d.timed_out = r == -1 && e == EAGAIN && ms >= 49;
  return NULL;
}

/* ---- SIGSEGV in threads ---- */
static __thread sigjmp_buf seg_jump;
static __thread uintptr_t alt_lo, alt_hi;
static __thread volatile int seg_count, seg_ok, seg_on_alt;
static char *volatile bad_page;
static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  char local;
  seg_count++;
  if (si->si_code == SEGV_MAPERR && si->si_addr == bad_page + 8) seg_ok++;
  if ((uintptr_t)&local >= alt_lo && (uintptr_t)&local < alt_hi) seg_on_alt++;
  siglongjmp(seg_jump, 1);
}
struct seg_result { int count, ok, on_alt, unblocked_after; };
static void *faulter(void *arg) {
  struct seg_result *r = arg;
  static char altstacks[2][65536];
  if (r->on_alt) { // the first thread has an alternate stack, the second none
    stack_t ss = { .ss_sp = altstacks[0], .ss_size = sizeof altstacks[0], .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    alt_lo = (uintptr_t)altstacks[0];
    alt_hi = alt_lo + sizeof altstacks[0];
  }
  for (volatile int i = 0; i < 50; i++) { // volatile: kept across siglongjmp
    if (sigsetjmp(seg_jump, 1) == 0) {
      volatile char c = bad_page[8];
      (void)c;
    }
  }
  r->count = seg_count;
  r->ok = seg_ok;
  r->on_alt = seg_on_alt;
  r->unblocked_after = !blocked(SIGSEGV);
  return NULL;
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  sem_init(&ready, 0, 0);
  sem_init(&go, 0, 0);
  sem_init(&done, 0, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_flags = SA_SIGINFO;
  sa.sa_sigaction = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  sa.sa_sigaction = on_usr2;
  sigaction(SIGUSR2, &sa, NULL);
  block(SIG_BLOCK, SIGUSR2); // inherited by every thread created from here on
  pthread_t t;

  pthread_create(&t, NULL, thread_a, NULL);
  sem_wait(&ready);
  pthread_kill(t, SIGUSR1);
  int main_pending = pending(SIGUSR1), count_then = usr1_count;
  sem_post(&go);
  pthread_join(t, NULL);
  check("a new thread inherits its creator's mask", a.inherited);
  check("pthread_kill to a thread blocking SIGUSR1: pending in that thread", a.pending_before && count_then == 0 && a.count_before == 0);
  check("... and not in the main thread", !main_pending);
  check("... its handler ran in that thread when it unblocked SIGUSR1", a.handled_here && !a.pending_after);
  check("... with si_code SI_TKILL and si_pid our pid", usr1_code == SI_TKILL && usr1_pid == getpid());

  pthread_create(&t, NULL, thread_b, NULL);
  sem_wait(&ready);
  pthread_kill(t, SIGUSR1);
  void *r;
  pthread_join(t, &r);
  check("pthread_kill to a thread not blocking SIGUSR1: its handler ran in that thread", r == (void *)1 && usr1_count == 2);

  pthread_t c[4];
  for (int i = 0; i < 4; i++) pthread_create(&c[i], NULL, thread_c, (void *)(intptr_t)i);
  for (int i = 0; i < 4; i++) sem_wait(&ready);
  kill(getpid(), SIGUSR2);
  pthread_join(c[2], NULL);
  for (int i = 0; i < 3; i++) sem_post(&go);
  int none_pending = !pending(SIGUSR2);
  for (int i = 0; i < 4; i++) {
    if (i != 2) pthread_join(c[i], NULL);
    if (c_pending_after[i]) none_pending = 0;
  }
  check("kill(getpid(), SIGUSR2) with every thread but one blocking it: delivered to that one",
        usr2_count == 1 && usr2_tid == c_tid[2] && usr2_code == SI_USER);
  check("... and pending nowhere after", none_pending);

  pthread_create(&t, NULL, thread_d, NULL);
  sem_wait(&ready);
  pthread_kill(t, SIGUSR1);
  sem_wait(&done);
  pthread_kill(t, SIGRTMIN + 1);
  pthread_kill(t, SIGRTMIN + 1);
  pthread_join(t, NULL);
  check("sigwait in a thread took SIGUSR1 sent by pthread_kill, no handler ran", d.sig1 == SIGUSR1 && usr1_count == 2);
  check("sigwaitinfo took SIGRTMIN+1 twice (SI_USER: glibc's for SI_TKILL; our pid), then nothing",
        d.sig2 == SIGRTMIN + 1 && d.sig3 == SIGRTMIN + 1 && d.code == SI_USER && d.pid_ok && d.count);
  check("... then sigtimedwait for 50 ms there: EAGAIN once the 50 ms have passed", d.timed_out);
  check("pthread_kill with signal 0 to a live thread: 0", pthread_kill(pthread_self(), 0) == 0);

  bad_page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(bad_page, 4096);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, NULL);
  struct seg_result res[2] = { { .on_alt = 1 }, { .on_alt = 0 } };
  pthread_t f[2];
  for (int i = 0; i < 2; i++) pthread_create(&f[i], NULL, faulter, &res[i]);
  for (int i = 0; i < 2; i++) pthread_join(f[i], NULL);
  check("SIGSEGV in two threads: caught 50 times each on the faulting thread", res[0].count == 50 && res[1].count == 50);
  check("... SEGV_MAPERR with si_addr the bad address", res[0].ok == 50 && res[1].ok == 50);
  check("... on the alternate stack of the thread that has one, not on the other's", res[0].on_alt == 50 && res[1].on_alt == 0);
  check("... SIGSEGV unblocked again after siglongjmp", res[0].unblocked_after && res[1].unblocked_after);

  printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
