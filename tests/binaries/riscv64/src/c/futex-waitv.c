// futex_waitv(2) (number 449 on every architecture) as Linux 6.1 has it: the argument checks
// in the kernel's order (syscall flags, the count, the clock and the absolute timeout, then
// each entry's flags and reserved word, its address's alignment and readability, then the
// words against their values: EAGAIN on a mismatch, up to 128 entries), ETIMEDOUT on
// CLOCK_MONOTONIC and CLOCK_REALTIME (absolute, never early), and with threads: a wake of
// entry 2 of 3 returns 2, a wake of an address not in the list does not end the wait, a
// FUTEX_WAKE counts each queued entry (the waitv waiter once per address it waits on: twice
// when its list holds an address twice), FUTEX_WAKE_BITSET ends it, FUTEX_CMP_REQUEUE moving
// a plain waiter leaves a waitv waiter alone and moving a waitv entry carries the wait along,
// a signal ends the wait with EINTR (a handler without SA_RESTART) or restarts it (with),
// the first thread's wait as well as a second thread's. The number of waiters queued on a
// word is read with FUTEX_REQUEUE from the word to itself (nothing woken, nothing moved),
// so that each wake comes only once its waiter sleeps. Prints one yes/no line per check.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NR_FUTEX_WAITV 449
#define WAITV_MAX 128
/* linux/futex.h of Linux 5.16+: the headers here may predate it */
#define V_FUTEX_32 2
#define V_PRIVATE FUTEX_PRIVATE_FLAG
#define V_FLAGS (V_FUTEX_32 | V_PRIVATE)
struct waitv {
  uint64_t val;
  uint64_t uaddr;
  uint32_t flags;
  uint32_t reserved;
};

static int failures;
static void check(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

/** futex_waitv, answering -errno on failure. */
static long waitv(struct waitv *w, unsigned n, unsigned flags, const struct timespec *ts, int clk) {
  long r = syscall(NR_FUTEX_WAITV, w, n, flags, ts, clk);
  return r < 0 ? -errno : r;
}
static void check_ret(const char *what, long got, long want) {
  check(what, got == want);
  if (got != want) fprintf(stderr, "%s: got %ld, want %ld\n", what, got, want);
}
static void set(struct waitv *w, uint32_t *addr, uint32_t val, uint32_t flags) {
  w->val = val;
  w->uaddr = (uintptr_t)addr;
  w->flags = flags;
  w->reserved = 0;
}

static long futex(uint32_t *addr, int op, uint32_t val, uintptr_t val2, uint32_t *addr2, uint32_t val3) {
  long r = syscall(SYS_futex, addr, op, val, val2, addr2, val3);
  return r < 0 ? -errno : r;
}
static long wake(uint32_t *addr, int n) { return futex(addr, FUTEX_WAKE_PRIVATE, n, 0, NULL, 0); }
/** The waiters queued on addr: FUTEX_REQUEUE of all of them onto addr itself. */
static long queued(uint32_t *addr) { return futex(addr, FUTEX_REQUEUE_PRIVATE, 0, INT_MAX, addr, 0); }
/** Waits (up to 5 s) until n waiters are queued on addr. */
static int until_queued(uint32_t *addr, long n) {
  for (int i = 0; i < 5000; i++) {
    if (queued(addr) >= n) return 1;
    usleep(1000);
  }
  return 0;
}

static int64_t now_ns(clockid_t clk) {
  struct timespec t;
  clock_gettime(clk, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}
static struct timespec at_ns(int64_t ns) {
  struct timespec t = { ns / 1000000000, ns % 1000000000 };
  return t;
}

/* the futex words the tests wait on (0 unless a test says otherwise) */
static uint32_t a, b, c, d, p, q, r, s, x;
static uint32_t many[WAITV_MAX];

/* ---------- argument checks ---------- */

static void argument_checks(void) {
  long page = sysconf(_SC_PAGESIZE);
  /* a readable page followed by an inaccessible one */
  char *area = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *guard = area + page;
  mprotect(guard, page, PROT_NONE);
  struct waitv w[3], big[WAITV_MAX + 1];
  struct timespec past = { 0, 0 };
  a = 0, b = 0, c = 1;
  set(&w[0], &a, 0, V_FLAGS);
  set(&w[1], &b, 0, V_FLAGS);
  set(&w[2], &c, 0, V_FLAGS); /* c holds 1: a mismatch */

  check_ret("syscall flags 1: EINVAL", waitv(w, 1, 1, &past, CLOCK_MONOTONIC), -EINVAL);
  check_ret("syscall flags FUTEX_CLOCK_REALTIME: EINVAL", waitv(w, 1, FUTEX_CLOCK_REALTIME, &past, CLOCK_MONOTONIC), -EINVAL);
  check_ret("nr 0: EINVAL", waitv(w, 0, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  for (int i = 0; i <= WAITV_MAX; i++) set(&big[i], &a, 0, V_FLAGS);
  check_ret("nr 129: EINVAL", waitv(big, WAITV_MAX + 1, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  check_ret("NULL array: EINVAL", waitv(NULL, 1, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  check_ret("unreadable array: EFAULT", waitv((struct waitv *)guard, 1, 0, &past, CLOCK_MONOTONIC), -EFAULT);
  struct waitv *edge = (struct waitv *)(guard - sizeof(struct waitv));
  set(edge, &a, 0, V_FLAGS);
  check_ret("second entry unreadable: EFAULT", waitv(edge, 2, 0, &past, CLOCK_MONOTONIC), -EFAULT);
  edge->flags = 0;
  check_ret("bad first entry before unreadable second: EINVAL", waitv(edge, 2, 0, &past, CLOCK_MONOTONIC), -EINVAL);

  /* the clock and the timeout */
  check_ret("CLOCK_BOOTTIME with a timeout: EINVAL", waitv(w, 1, 0, &past, CLOCK_BOOTTIME), -EINVAL);
  check_ret("CLOCK_PROCESS_CPUTIME_ID with a timeout: EINVAL", waitv(w, 1, 0, &past, CLOCK_PROCESS_CPUTIME_ID), -EINVAL);
  check_ret("bad clock without a timeout: not looked at (EAGAIN)", waitv(w, 3, 0, NULL, 12345), -EAGAIN);
  check_ret("bad clock before the array: EINVAL", waitv((struct waitv *)guard, 1, 0, &past, CLOCK_BOOTTIME), -EINVAL);
  check_ret("unreadable timeout: EFAULT", waitv(w, 1, 0, (struct timespec *)guard, CLOCK_MONOTONIC), -EFAULT);
  struct timespec bad_ns = { 0, 1000000000 }, neg = { -1, 0 };
  check_ret("timeout tv_nsec 1e9: EINVAL", waitv(w, 1, 0, &bad_ns, CLOCK_MONOTONIC), -EINVAL);
  check_ret("timeout tv_sec -1: EINVAL", waitv(w, 1, 0, &neg, CLOCK_REALTIME), -EINVAL);
  struct waitv bad = w[0];
  bad.flags = 0;
  check_ret("unreadable timeout before a bad entry: EFAULT", waitv(&bad, 1, 0, (struct timespec *)guard, CLOCK_MONOTONIC), -EFAULT);

  /* each entry */
  check_ret("entry flags 0 (not FUTEX_32): EINVAL", waitv(&bad, 1, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  bad.flags = V_PRIVATE;
  check_ret("entry flags FUTEX_PRIVATE_FLAG alone: EINVAL", waitv(&bad, 1, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  bad.flags = V_FLAGS | FUTEX_CLOCK_REALTIME;
  check_ret("entry flags with FUTEX_CLOCK_REALTIME: EINVAL", waitv(&bad, 1, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  bad.flags = V_FLAGS;
  bad.reserved = 1;
  check_ret("entry __reserved 1: EINVAL", waitv(&bad, 1, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  struct waitv e[3];
  set(&e[0], (uint32_t *)((char *)&a + 2), 0, V_FLAGS);
  check_ret("misaligned address: EINVAL", waitv(e, 1, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  set(&e[0], (uint32_t *)guard, 0, V_FLAGS);
  check_ret("unreadable address: EFAULT", waitv(e, 1, 0, &past, CLOCK_MONOTONIC), -EFAULT);
  set(&e[0], NULL, 0, V_FLAGS);
  check_ret("NULL address: EFAULT", waitv(e, 1, 0, &past, CLOCK_MONOTONIC), -EFAULT);
  set(&e[0], (uint32_t *)guard, 0, V_FLAGS);
  set(&e[1], (uint32_t *)((char *)&a + 1), 0, V_FLAGS);
  check_ret("misaligned second entry before the first's private unreadable word: EINVAL", waitv(e, 2, 0, &past, CLOCK_MONOTONIC), -EINVAL);
  e[0].flags = V_FUTEX_32;
  check_ret("shared unreadable first entry before the misaligned second: EFAULT", waitv(e, 2, 0, &past, CLOCK_MONOTONIC), -EFAULT);

  /* the words against their values, in order */
  check_ret("mismatch in the last of 3: EAGAIN", waitv(w, 3, 0, NULL, 0), -EAGAIN);
  check_ret("mismatch with an expired timeout: EAGAIN", waitv(w, 3, 0, &past, CLOCK_MONOTONIC), -EAGAIN);
  set(&e[0], &c, 0, V_FLAGS);
  set(&e[1], &a, 0, V_FLAGS);
  set(&e[2], (uint32_t *)guard, 0, V_FLAGS);
  check_ret("mismatch in entry 0 before an unreadable entry 2: EAGAIN", waitv(e, 3, 0, NULL, 0), -EAGAIN);
  set(&e[0], (uint32_t *)guard, 0, V_FLAGS);
  set(&e[2], &c, 0, V_FLAGS);
  check_ret("unreadable entry 0 before a mismatch in entry 2: EFAULT", waitv(e, 3, 0, NULL, 0), -EFAULT);
  for (int i = 0; i < WAITV_MAX; i++) set(&big[i], &many[i], 0, V_FLAGS);
  many[WAITV_MAX - 1] = 7;
  check_ret("128 entries, mismatch in the last: EAGAIN", waitv(big, WAITV_MAX, 0, NULL, 0), -EAGAIN);
  many[WAITV_MAX - 1] = 0;
  check_ret("128 entries, expired timeout: ETIMEDOUT", waitv(big, WAITV_MAX, 0, &past, CLOCK_MONOTONIC), -ETIMEDOUT);
  set(&e[0], &a, 0, V_FUTEX_32);
  check_ret("shared entry, expired timeout: ETIMEDOUT", waitv(e, 1, 0, &past, CLOCK_REALTIME), -ETIMEDOUT);
  c = 0;
  munmap(area, 2 * page);
}

/* ---------- timeouts ---------- */

static void timeouts(void) {
  struct waitv w[2];
  a = 0, b = 0;
  set(&w[0], &a, 0, V_FLAGS);
  set(&w[1], &b, 0, V_FUTEX_32);
  static const struct { clockid_t clk; const char *name; } clocks[] = {
    { CLOCK_MONOTONIC, "CLOCK_MONOTONIC" }, { CLOCK_REALTIME, "CLOCK_REALTIME" },
  };
  for (int i = 0; i < 2; i++) {
    char what[128];
    int64_t start = now_ns(clocks[i].clk);
    struct timespec deadline = at_ns(start + 150000000);
    long ret = waitv(w, 2, 0, &deadline, clocks[i].clk);
    int64_t end = now_ns(clocks[i].clk);
    snprintf(what, sizeof what, "%s absolute 150 ms: ETIMEDOUT", clocks[i].name);
    check_ret(what, ret, -ETIMEDOUT);
    snprintf(what, sizeof what, "%s: not before the deadline", clocks[i].name);
    check(what, end >= start + 150000000);
    if (end < start + 150000000) fprintf(stderr, "%s: after %lld ns\n", clocks[i].name, (long long)(end - start));
    snprintf(what, sizeof what, "%s: within 3 s (absolute, not relative)", clocks[i].name);
    check(what, end - start < 3000000000LL);
  }
}

/* ---------- threads ---------- */

struct job {
  struct waitv w[4];
  unsigned n;
  int64_t deadline; /* CLOCK_MONOTONIC ns, 0: none */
  long ret;
  int64_t took;
};
static void *waitv_thread(void *arg) {
  struct job *j = arg;
  struct timespec ts = at_ns(j->deadline);
  int64_t start = now_ns(CLOCK_MONOTONIC);
  j->ret = waitv(j->w, j->n, 0, j->deadline ? &ts : NULL, CLOCK_MONOTONIC);
  j->took = now_ns(CLOCK_MONOTONIC) - start;
  return NULL;
}
static void start_waitv(pthread_t *t, struct job *j, unsigned n, uint32_t *w0, uint32_t *w1, uint32_t *w2) {
  uint32_t *words[3] = { w0, w1, w2 };
  memset(j, 0, sizeof *j);
  j->n = n;
  for (unsigned i = 0; i < n; i++) set(&j->w[i], words[i], 0, V_FLAGS);
  pthread_create(t, NULL, waitv_thread, j);
}

struct plain { uint32_t *addr; long ret; };
static void *plain_thread(void *arg) {
  struct plain *pl = arg;
  pl->ret = futex(pl->addr, FUTEX_WAIT_PRIVATE, 0, 0, NULL, 0);
  return NULL;
}

static volatile sig_atomic_t handled;
static void on_usr1(int sig) { (void)sig; handled++; }
static void handle_usr1(int flags) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sa.sa_flags = flags;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGUSR1, &sa, NULL);
  handled = 0;
}

static void wakes(void) {
  pthread_t t, t2;
  struct job j;
  a = b = c = d = 0;
  start_waitv(&t, &j, 3, &a, &b, &c);
  check("waiter queued on all three", until_queued(&c, 1) && queued(&a) == 1 && queued(&b) == 1);
  check_ret("FUTEX_WAKE of an address not in the list: 0 woken", wake(&d, INT_MAX), 0);
  usleep(20000);
  check("the wait goes on after it", queued(&a) == 1 && queued(&c) == 1 && j.ret == 0);
  check_ret("FUTEX_WAKE of entry 2: 1 woken", wake(&c, INT_MAX), 1);
  pthread_join(t, NULL);
  check_ret("futex_waitv returns 2", j.ret, 2);
  check("no entry left queued", queued(&a) == 0 && queued(&b) == 0 && queued(&c) == 0);

  start_waitv(&t, &j, 2, &a, &b, NULL);
  until_queued(&b, 1);
  check_ret("FUTEX_WAKE_BITSET (bitset 0x10) of entry 0: 1 woken", futex(&a, FUTEX_WAKE_BITSET_PRIVATE, 1, 0, NULL, 0x10), 1);
  pthread_join(t, NULL);
  check_ret("futex_waitv returns 0", j.ret, 0);

  /* the count: one for the waitv waiter, one for a plain waiter on the same word */
  struct plain pl = { &b, 1 };
  start_waitv(&t, &j, 3, &a, &b, &c);
  until_queued(&c, 1);
  pthread_create(&t2, NULL, plain_thread, &pl);
  check("a waitv waiter and a plain waiter on one word: 2 queued", until_queued(&b, 2) && queued(&b) == 2);
  check_ret("FUTEX_WAKE of it: 2 woken", wake(&b, INT_MAX), 2);
  pthread_join(t, NULL);
  pthread_join(t2, NULL);
  check_ret("futex_waitv returns 1", j.ret, 1);
  check_ret("the plain FUTEX_WAIT returns 0", pl.ret, 0);

  /* one address twice in the list: queued twice, counted twice, the last index returned */
  start_waitv(&t, &j, 2, &x, &x, NULL);
  check("an address twice in the list: 2 queued", until_queued(&x, 2) && queued(&x) == 2);
  check_ret("FUTEX_WAKE of it: 2 woken", wake(&x, INT_MAX), 2);
  pthread_join(t, NULL);
  check_ret("futex_waitv returns 1 (the last woken)", j.ret, 1);
}

static void requeues(void) {
  pthread_t t, t2;
  struct job j;
  p = q = r = s = 0;
  /* a plain waiter moved elsewhere: the waitv waiter stays as it was */
  struct plain pl = { &p, 1 };
  pthread_create(&t2, NULL, plain_thread, &pl);
  start_waitv(&t, &j, 2, &q, &r, NULL);
  until_queued(&p, 1);
  until_queued(&r, 1);
  check_ret("FUTEX_CMP_REQUEUE of the plain waiter: 1 moved", futex(&p, FUTEX_CMP_REQUEUE_PRIVATE, 0, 1, &s, 0), 1);
  check("the waitv waiter still queued on both", queued(&q) == 1 && queued(&r) == 1 && queued(&s) == 1 && queued(&p) == 0);
  check_ret("FUTEX_WAKE of the new word: 1 woken", wake(&s, INT_MAX), 1);
  pthread_join(t2, NULL);
  check_ret("the plain waiter returns 0", pl.ret, 0);
  usleep(20000);
  check("the waitv waiter still waits", j.ret == 0 && queued(&q) == 1);
  check_ret("FUTEX_WAKE of its entry 1: 1 woken", wake(&r, INT_MAX), 1);
  pthread_join(t, NULL);
  check_ret("futex_waitv returns 1", j.ret, 1);

  /* a waitv entry moved: the wait follows it */
  start_waitv(&t, &j, 2, &q, &r, NULL);
  until_queued(&r, 1);
  check_ret("FUTEX_CMP_REQUEUE of a waitv entry: 1 moved", futex(&q, FUTEX_CMP_REQUEUE_PRIVATE, 0, INT_MAX, &s, 0), 1);
  check_ret("FUTEX_WAKE of its old word: 0 woken", wake(&q, INT_MAX), 0);
  check_ret("FUTEX_WAKE of its new word: 1 woken", wake(&s, INT_MAX), 1);
  pthread_join(t, NULL);
  check_ret("futex_waitv returns 0 (the moved entry)", j.ret, 0);
}

static void signals(void) {
  pthread_t t;
  struct job j;
  a = b = 0;
  handle_usr1(0);
  start_waitv(&t, &j, 2, &a, &b, NULL);
  until_queued(&b, 1);
  pthread_kill(t, SIGUSR1);
  pthread_join(t, NULL);
  check_ret("a signal (no SA_RESTART): EINTR", j.ret, -EINTR);
  check("the handler ran once, nothing left queued", handled == 1 && queued(&a) == 0 && queued(&b) == 0);

  handle_usr1(SA_RESTART);
  start_waitv(&t, &j, 2, &a, &b, NULL);
  until_queued(&b, 1);
  pthread_kill(t, SIGUSR1);
  for (int i = 0; i < 5000 && !handled; i++) usleep(1000);
  check("with SA_RESTART: the handler ran and the wait is queued again", until_queued(&b, 1) && j.ret == 0);
  check_ret("FUTEX_WAKE of entry 1: 1 woken", wake(&b, INT_MAX), 1);
  pthread_join(t, NULL);
  check_ret("the restarted futex_waitv returns 1", j.ret, 1);

  /* the absolute deadline survives the restart */
  handle_usr1(SA_RESTART);
  memset(&j, 0, sizeof j);
  j.n = 1;
  set(&j.w[0], &a, 0, V_FLAGS);
  j.deadline = now_ns(CLOCK_MONOTONIC) + 300000000;
  pthread_create(&t, NULL, waitv_thread, &j);
  until_queued(&a, 1);
  pthread_kill(t, SIGUSR1);
  pthread_join(t, NULL);
  check_ret("with SA_RESTART and a timeout: ETIMEDOUT", j.ret, -ETIMEDOUT);
  check("the handler ran, and the wait lasted to the deadline", handled == 1 && now_ns(CLOCK_MONOTONIC) >= j.deadline);
}

/* the first thread waits; a second one wakes it, or signals it */
static pthread_t first;
static void *waker(void *arg) {
  until_queued(&c, 1);
  if (arg) pthread_kill(first, SIGUSR1);
  else wake(&b, 1);
  return NULL;
}
static void first_thread(void) {
  struct waitv w[3];
  pthread_t t;
  a = b = c = 0;
  first = pthread_self();
  set(&w[0], &a, 0, V_FLAGS);
  set(&w[1], &b, 0, V_FLAGS);
  set(&w[2], &c, 0, V_FLAGS);
  pthread_create(&t, NULL, waker, NULL);
  check_ret("the first thread's wait, woken on entry 1: returns 1", waitv(w, 3, 0, NULL, 0), 1);
  pthread_join(t, NULL);
  handle_usr1(0);
  pthread_create(&t, NULL, waker, (void *)1);
  check_ret("the first thread's wait, signalled: EINTR", waitv(w, 3, 0, NULL, 0), -EINTR);
  pthread_join(t, NULL);
  check("its handler ran", handled == 1);
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (waitv(NULL, 0, 0, NULL, 0) == -ENOSYS) {
    puts("futex_waitv: ENOSYS");
    puts("FAIL");
    return 1;
  }
  argument_checks();
  timeouts();
  wakes();
  requeues();
  signals();
  first_thread();
  puts(failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
