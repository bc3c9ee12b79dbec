// Threads as glibc makes them (clone, futex, set_tid_address, TLS): 16 threads add to shared
// counters 100000 times each (argv[1] times if given) under a pthread mutex, with C11
// atomic_fetch_add, with a raw load-reserved/store-conditional loop (lr.w/sc.w, ldxr/stxr)
// and with a 64-bit compare-and-swap loop, and the exact totals come out; return values
// through pthread_join; detached threads (created detached and detaching themselves)
// signalling completion through a semaphore; 300 threads created and joined one after
// another (stacks reused); a thread on a stack of our own (pthread_attr_setstack) and one
// with a small stack size; __thread variables (initialized, zero-initialized, an array)
// fresh and distinct in every thread, errno per thread; gettid distinct per thread, getpid
// the same. Prints properties, not ids.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NT 16
static int iters = 100000; // argv[1] if given: a shorter run for slow backends

static int failures;
static void check(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static long mutex_counter;
static atomic_long atomic_counter;
static int llsc_counter;
static uint64_t cas_counter;

/** *p += v with the architecture's own load-reserved/store-conditional loop. */
static inline void llsc_add(int *p, int v) {
#if defined(__riscv)
  int tmp, fail;
  __asm__ volatile("1: lr.w %0, (%2)\n"
                   "   addw %0, %0, %3\n"
                   "   sc.w %1, %0, (%2)\n"
                   "   bnez %1, 1b\n"
                   : "=&r"(tmp), "=&r"(fail)
                   : "r"(p), "r"(v)
                   : "memory");
#elif defined(__aarch64__)
  int tmp, fail;
  __asm__ volatile("1: ldxr %w0, [%2]\n"
                   "   add %w0, %w0, %w3\n"
                   "   stxr %w1, %w0, [%2]\n"
                   "   cbnz %w1, 1b\n"
                   : "=&r"(tmp), "=&r"(fail)
                   : "r"(p), "r"(v)
                   : "memory");
#else
  __atomic_fetch_add(p, v, __ATOMIC_RELAXED); // a host build
#endif
}

/** *p += v by compare-and-swap, retrying with the value the failed CAS saw. */
static inline void cas_add(uint64_t *p, uint64_t v) {
  uint64_t old = __atomic_load_n(p, __ATOMIC_RELAXED);
  while (!__atomic_compare_exchange_n(p, &old, old + v, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
  }
}

static __thread int tls_init = 42;
static __thread long tls_zero;
static __thread char tls_name[24] = "initial thread name";

struct worker {
  int id;
  pid_t tid, pid;
  int *tls_addr;
  int tls_fresh; // the thread saw the initializers, not another thread's values
  int tls_kept;  // ... and its own values at the end
  int errno_own; // errno set here, not by the other threads
};

static void *work(void *arg) {
  struct worker *w = arg;
  w->tid = gettid();
  w->pid = getpid();
  w->tls_addr = &tls_init;
  w->tls_fresh = tls_init == 42 && tls_zero == 0 && strcmp(tls_name, "initial thread name") == 0;
  tls_init = 1000 + w->id;
  tls_zero = w->id;
  snprintf(tls_name, sizeof tls_name, "worker %d", w->id);
  errno = 0;
  for (int i = 0; i < iters; i++) {
    pthread_mutex_lock(&mutex);
    mutex_counter++;
    pthread_mutex_unlock(&mutex);
    atomic_fetch_add(&atomic_counter, 1);
    llsc_add(&llsc_counter, 1);
    cas_add(&cas_counter, 0x100000001ull);
    if (i == iters / 2) close(-1 - w->id); // EBADF, in this thread's errno only
  }
  char want[24];
  snprintf(want, sizeof want, "worker %d", w->id);
  w->tls_kept = tls_init == 1000 + w->id && tls_zero == w->id && strcmp(tls_name, want) == 0;
  w->errno_own = errno == EBADF;
  return (void *)(intptr_t)(w->id * 3 + 1);
}

static sem_t done;
static atomic_int detached_sum;
static void *detached(void *arg) {
  atomic_fetch_add(&detached_sum, (int)(intptr_t)arg);
  sem_post(&done);
  return NULL;
}
static void *detach_self(void *arg) {
  pthread_detach(pthread_self());
  return detached(arg);
}

static void *ret_arg(void *arg) { return (void *)((intptr_t)arg * 2); }

static char own_stack[256 * 1024] __attribute__((aligned(16)));
static volatile uintptr_t local_addr;
static void *where_am_i(void *arg) {
  (void)arg;
  char local;
  local_addr = (uintptr_t)&local; // only compared, never dereferenced
  return NULL;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc > 1) iters = atoi(argv[1]);
  printf("%d threads x %d iterations\n", NT, iters);
  static struct worker w[NT];
  pthread_t th[NT];
  tls_init = 7;
  for (int i = 0; i < NT; i++) {
    w[i].id = i;
    if (pthread_create(&th[i], NULL, work, &w[i]) != 0) { puts("pthread_create failed"); return 1; }
  }
  intptr_t retsum = 0;
  int rets_ok = 1;
  for (int i = 0; i < NT; i++) {
    void *r;
    if (pthread_join(th[i], &r) != 0) rets_ok = 0;
    if ((intptr_t)r != i * 3 + 1) rets_ok = 0;
    retsum += (intptr_t)r;
  }
  printf("mutex counter: %ld\n", mutex_counter);
  printf("atomic_fetch_add counter: %ld\n", (long)atomic_counter);
  printf("lr/sc counter: %d\n", llsc_counter);
  printf("64-bit CAS counter: 0x%llx\n", (unsigned long long)cas_counter);
  check("exact totals", mutex_counter == (long)NT * iters && atomic_counter == (long)NT * iters &&
                            llsc_counter == NT * iters && cas_counter == (uint64_t)NT * iters * 0x100000001ull);
  printf("sum of join values: %ld\n", (long)retsum);
  check("every join returned its thread's value", rets_ok);

  int tids_distinct = 1, pid_same = 1, tls_distinct = 1, fresh = 1, kept = 1, errno_own = 1;
  for (int i = 0; i < NT; i++) {
    if (w[i].tid == getpid() || w[i].tid <= 0) tids_distinct = 0;
    if (w[i].pid != getpid()) pid_same = 0;
    if (w[i].tls_addr == &tls_init) tls_distinct = 0;
    for (int j = 0; j < i; j++) {
      if (w[i].tid == w[j].tid) tids_distinct = 0;
      if (w[i].tls_addr == w[j].tls_addr) tls_distinct = 0;
    }
    fresh &= w[i].tls_fresh;
    kept &= w[i].tls_kept;
    errno_own &= w[i].errno_own;
  }
  check("gettid distinct per thread and from the main thread's", tids_distinct);
  check("gettid of the main thread == getpid", gettid() == getpid());
  check("getpid the same in every thread", pid_same);
  check("__thread variables at distinct addresses", tls_distinct);
  check("__thread initializers seen fresh in every thread", fresh);
  check("__thread values kept per thread", kept);
  check("main thread's __thread values untouched", tls_init == 7 && tls_zero == 0 && strcmp(tls_name, "initial thread name") == 0);
  check("errno per thread", errno_own);

  sem_init(&done, 0, 0);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  int want = 0;
  for (int round = 0; round < 4; round++) {
    for (int i = 1; i <= 8; i++) {
      pthread_t t;
      pthread_create(&t, i % 2 ? &attr : NULL, i % 2 ? detached : detach_self, (void *)(intptr_t)(round * 8 + i));
      want += round * 8 + i;
    }
    for (int i = 0; i < 8; i++) sem_wait(&done);
  }
  pthread_attr_destroy(&attr);
  printf("detached threads: sum %d\n", (int)detached_sum);
  check("32 detached threads posted the semaphore", detached_sum == want);

  int seq_ok = 1;
  for (int i = 0; i < 300; i++) {
    pthread_t t;
    void *r;
    if (pthread_create(&t, NULL, ret_arg, (void *)(intptr_t)i) != 0 || pthread_join(t, &r) != 0 || (intptr_t)r != 2 * i) seq_ok = 0;
  }
  check("300 threads created and joined one after another", seq_ok);

  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, own_stack, sizeof own_stack);
  pthread_t t;
  void *local;
  int ok = pthread_create(&t, &attr, where_am_i, NULL) == 0 && pthread_join(t, &local) == 0;
  pthread_attr_destroy(&attr);
  check("a thread runs on the stack given by pthread_attr_setstack",
        ok && local_addr >= (uintptr_t)own_stack && local_addr < (uintptr_t)own_stack + sizeof own_stack);
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  ok = pthread_create(&t, &attr, ret_arg, (void *)21) == 0 && pthread_join(t, &local) == 0 && local == (void *)42;
  pthread_attr_destroy(&attr);
  check("a thread with a 64 KiB stack", ok);
  check("pthread_join of ourselves: EDEADLK", pthread_join(pthread_self(), NULL) == EDEADLK);

  printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
