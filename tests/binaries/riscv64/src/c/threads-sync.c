// pthread synchronisation built on futexes: a bounded buffer under a mutex and two condition
// variables (4 producers, 4 consumers, every item taken once: count and sum checked),
// pthread_cond_broadcast waking every waiter, pthread_cond_timedwait timing out; a barrier
// over 8 threads for 6 phases (each phase sees all of the previous one's writes, one serial
// thread per phase); a rwlock with 6 readers and 2 writers (no reader beside a writer, no two
// writers, the writers' pairs always equal; trylocks EBUSY); pthread_once run once while 8
// threads race for it; recursive, error-checking and priority-inheritance (FUTEX_LOCK_PI)
// mutexes, timedlock timing out; with the argument "robust", also a robust mutex whose owner
// thread ends holding it (EOWNERDEAD: the kernel walks the set_robust_list list; qemu 7.2 has
// no set_robust_list, and its aarch64 build leaves the mutex locked); deferred cancellation
// of threads blocked in pthread_cond_wait, in sleep and with cancellation disabled (cleanup
// handlers run, the mutex re-acquired by cond_wait is released by its handler, join gives
// PTHREAD_CANCELED); pthread_key_create destructors (once per thread with a value, none for
// NULL, re-run when a destructor sets the value again) and getspecific NULL in a new thread.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;
static void check(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

/* ---- bounded buffer ---- */
#define CAP 8
#define PRODUCERS 4
#define CONSUMERS 4
#define PER_PRODUCER 5000
static struct {
  pthread_mutex_t m;
  pthread_cond_t not_full, not_empty;
  long item[CAP];
  int head, count;
} buf = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER, {0}, 0, 0 };

static void put(long v) {
  pthread_mutex_lock(&buf.m);
  while (buf.count == CAP) pthread_cond_wait(&buf.not_full, &buf.m);
  buf.item[(buf.head + buf.count) % CAP] = v;
  buf.count++;
  pthread_cond_signal(&buf.not_empty);
  pthread_mutex_unlock(&buf.m);
}
static long get(void) {
  pthread_mutex_lock(&buf.m);
  while (buf.count == 0) pthread_cond_wait(&buf.not_empty, &buf.m);
  long v = buf.item[buf.head];
  buf.head = (buf.head + 1) % CAP;
  buf.count--;
  pthread_cond_signal(&buf.not_full);
  pthread_mutex_unlock(&buf.m);
  return v;
}
static void *producer(void *arg) {
  long p = (intptr_t)arg;
  for (long i = 1; i <= PER_PRODUCER; i++) put(p * 1000000 + i);
  return NULL;
}
struct taken { long count, sum; };
static void *consumer(void *arg) {
  struct taken *t = arg;
  for (;;) {
    long v = get();
    if (v < 0) return NULL;
    t->count++;
    t->sum += v;
  }
}

static void bounded_buffer(void) {
  pthread_t p[PRODUCERS], c[CONSUMERS];
  static struct taken taken[CONSUMERS];
  for (int i = 0; i < CONSUMERS; i++) pthread_create(&c[i], NULL, consumer, &taken[i]);
  for (int i = 0; i < PRODUCERS; i++) pthread_create(&p[i], NULL, producer, (void *)(intptr_t)(i + 1));
  for (int i = 0; i < PRODUCERS; i++) pthread_join(p[i], NULL);
  for (int i = 0; i < CONSUMERS; i++) put(-1);
  long count = 0, sum = 0, want = 0;
  for (int i = 0; i < CONSUMERS; i++) {
    pthread_join(c[i], NULL);
    count += taken[i].count;
    sum += taken[i].sum;
  }
  for (long p = 1; p <= PRODUCERS; p++)
    for (long i = 1; i <= PER_PRODUCER; i++) want += p * 1000000 + i;
  printf("bounded buffer: %ld items, sum %ld\n", count, sum);
  check("bounded buffer: every item taken exactly once", count == PRODUCERS * PER_PRODUCER && sum == want && buf.count == 0);
}

/* ---- broadcast and timedwait ---- */
static pthread_mutex_t bm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t bc = PTHREAD_COND_INITIALIZER;
static int go, waiting, woken;
static void *waiter(void *arg) {
  (void)arg;
  pthread_mutex_lock(&bm);
  waiting++;
  pthread_cond_broadcast(&bc); // tells the main thread, waiting on the same condition
  while (!go) pthread_cond_wait(&bc, &bm);
  woken++;
  pthread_mutex_unlock(&bm);
  return NULL;
}
static void broadcast(void) {
  pthread_t t[6];
  for (int i = 0; i < 6; i++) pthread_create(&t[i], NULL, waiter, NULL);
  pthread_mutex_lock(&bm);
  while (waiting < 6) pthread_cond_wait(&bc, &bm);
  go = 1;
  pthread_cond_broadcast(&bc);
  pthread_mutex_unlock(&bm);
  for (int i = 0; i < 6; i++) pthread_join(t[i], NULL);
  check("pthread_cond_broadcast woke all 6 waiters", woken == 6);

  struct timespec t0, t1, deadline;
  clock_gettime(CLOCK_REALTIME, &t0);
  deadline = t0;
  deadline.tv_nsec += 30 * 1000000;
  if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
  pthread_mutex_lock(&bm);
  int r = pthread_cond_timedwait(&bc, &bm, &deadline);
  int relocked = pthread_mutex_trylock(&bm) == EBUSY; // still held by us after the timeout
  pthread_mutex_unlock(&bm);
  clock_gettime(CLOCK_REALTIME, &t1);
  long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  check("pthread_cond_timedwait: ETIMEDOUT after >= 30 ms, mutex held", r == ETIMEDOUT && ms >= 29 && relocked);
}

/* ---- barrier ---- */
#define BT 8
#define PHASES 6
static pthread_barrier_t barrier;
static int slot[PHASES][BT];
static atomic_int serial, phase_errors;
static void *barrier_worker(void *arg) {
  int id = (int)(intptr_t)arg;
  for (int ph = 0; ph < PHASES; ph++) {
    slot[ph][id] = ph * 100 + id + 1;
    if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD) atomic_fetch_add(&serial, 1);
    for (int j = 0; j < BT; j++)
      if (slot[ph][j] != ph * 100 + j + 1) atomic_fetch_add(&phase_errors, 1);
    if (ph + 1 < PHASES && slot[ph + 1][(id + 1) % BT] != 0) atomic_fetch_add(&phase_errors, 1);
    pthread_barrier_wait(&barrier); // nobody starts the next phase before all have checked
  }
  return NULL;
}
static void barriers(void) {
  pthread_barrier_init(&barrier, NULL, BT);
  pthread_t t[BT];
  for (int i = 0; i < BT; i++) pthread_create(&t[i], NULL, barrier_worker, (void *)(intptr_t)i);
  for (int i = 0; i < BT; i++) pthread_join(t[i], NULL);
  pthread_barrier_destroy(&barrier);
  printf("barrier: %d phases, %d serial threads, %d errors\n", PHASES, (int)serial, (int)phase_errors);
  check("barrier: each phase complete before the next, one serial thread per phase", serial == PHASES && phase_errors == 0);
}

/* ---- rwlock ---- */
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long pair_a, pair_b;
static atomic_int readers_in, writers_in, rw_violations;
static atomic_long reads;
static void *reader(void *arg) {
  (void)arg;
  for (int i = 0; i < 3000; i++) {
    pthread_rwlock_rdlock(&rw);
    atomic_fetch_add(&readers_in, 1);
    if (writers_in != 0 || pair_a != pair_b) atomic_fetch_add(&rw_violations, 1);
    atomic_fetch_sub(&readers_in, 1);
    pthread_rwlock_unlock(&rw);
    atomic_fetch_add(&reads, 1);
  }
  return NULL;
}
static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 2000; i++) {
    pthread_rwlock_wrlock(&rw);
    if (atomic_fetch_add(&writers_in, 1) != 0 || readers_in != 0) atomic_fetch_add(&rw_violations, 1);
    pair_a++;
    for (volatile int k = 0; k < 10; k++) {
    }
    pair_b++;
    atomic_fetch_sub(&writers_in, 1);
    pthread_rwlock_unlock(&rw);
  }
  return NULL;
}
static void rwlocks(void) {
  pthread_t t[8];
  for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, i < 2 ? writer : reader, NULL);
  for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
  printf("rwlock: pairs %ld/%ld, %ld reads, %d violations\n", pair_a, pair_b, (long)reads, (int)rw_violations);
  check("rwlock: writers alone, readers never see a half-written pair", pair_a == 4000 && pair_b == 4000 && rw_violations == 0);
  pthread_rwlock_rdlock(&rw);
  int r1 = pthread_rwlock_trywrlock(&rw), r2 = pthread_rwlock_tryrdlock(&rw);
  if (r2 == 0) pthread_rwlock_unlock(&rw);
  pthread_rwlock_unlock(&rw);
  pthread_rwlock_wrlock(&rw);
  int r3 = pthread_rwlock_tryrdlock(&rw);
  pthread_rwlock_unlock(&rw);
  check("rwlock: trywrlock under a read lock EBUSY, tryrdlock 0; tryrdlock under a write lock EBUSY", r1 == EBUSY && r2 == 0 && r3 == EBUSY);
}

/* ---- once ---- */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs, once_done, once_early;
static void init_once(void) {
  atomic_fetch_add(&once_runs, 1);
  usleep(20000); // the others must wait for us, not run it too
  once_done = 1;
}
static void *once_racer(void *arg) {
  (void)arg;
  pthread_once(&once, init_once);
  if (!once_done) atomic_fetch_add(&once_early, 1);
  return NULL;
}
static void onces(void) {
  pthread_t t[8];
  for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, once_racer, NULL);
  for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
  pthread_once(&once, init_once);
  check("pthread_once: run once, every caller returned after it finished", once_runs == 1 && once_early == 0);
}

/* ---- cancellation ---- */
static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cc = PTHREAD_COND_INITIALIZER;
static int in_wait;
static atomic_int cleanups;
static sem_t started, canceled;
static void unlock_cleanup(void *m) {
  atomic_fetch_add(&cleanups, 1);
  pthread_mutex_unlock(m);
}
static void count_cleanup(void *arg) {
  (void)arg;
  atomic_fetch_add(&cleanups, 10);
}
static void *cancel_in_cond_wait(void *arg) {
  (void)arg;
  pthread_mutex_lock(&cm);
  pthread_cleanup_push(unlock_cleanup, &cm);
  in_wait = 1;
  for (;;) pthread_cond_wait(&cc, &cm);
  pthread_cleanup_pop(1);
  return (void *)1;
}
static void *cancel_in_sleep(void *arg) {
  (void)arg;
  pthread_cleanup_push(count_cleanup, NULL);
  sem_post(&started);
  sleep(100);
  pthread_cleanup_pop(0);
  return (void *)2;
}
static atomic_int disabled_ran_on;
static void *cancel_disabled(void *arg) {
  (void)arg;
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
  pthread_cleanup_push(count_cleanup, NULL);
  sem_post(&started);
  sem_wait(&canceled); // the main thread posts once it has called pthread_cancel
  usleep(1000);       // a cancellation point, but cancellation is disabled
  disabled_ran_on = 1;
  pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
  pthread_testcancel();
  disabled_ran_on = 2; // not reached
  pthread_cleanup_pop(0);
  return (void *)3;
}
static void cancels(void) {
  pthread_t t;
  void *r;
  cleanups = 0;
  pthread_create(&t, NULL, cancel_in_cond_wait, NULL);
  for (;;) { // once we hold the mutex with in_wait set, the thread is inside pthread_cond_wait
    pthread_mutex_lock(&cm);
    int w = in_wait;
    pthread_mutex_unlock(&cm);
    if (w) break;
    usleep(1000);
  }
  pthread_cancel(t);
  pthread_join(t, &r);
  int free_again = pthread_mutex_trylock(&cm) == 0;
  if (free_again) pthread_mutex_unlock(&cm);
  check("cancel in pthread_cond_wait: PTHREAD_CANCELED, cleanup ran and released the mutex",
        r == PTHREAD_CANCELED && cleanups == 1 && free_again);

  sem_init(&started, 0, 0);
  sem_init(&canceled, 0, 0);
  cleanups = 0;
  pthread_create(&t, NULL, cancel_in_sleep, NULL);
  sem_wait(&started);
  usleep(10000);
  pthread_cancel(t);
  pthread_join(t, &r);
  check("cancel in sleep: PTHREAD_CANCELED, cleanup ran", r == PTHREAD_CANCELED && cleanups == 10);

  cleanups = 0;
  pthread_create(&t, NULL, cancel_disabled, NULL);
  sem_wait(&started);
  pthread_cancel(t);
  sem_post(&canceled);
  pthread_join(t, &r);
  check("cancel while disabled: acted on at pthread_testcancel after re-enabling",
        r == PTHREAD_CANCELED && cleanups == 10 && disabled_ran_on == 1);
}

/* ---- mutex kinds ---- */
static pthread_mutex_t robust, pi;
static long pi_counter;
static void *die_holding(void *arg) {
  (void)arg;
  pthread_mutex_lock(&robust);
  return NULL; // ends holding it
}
static void *pi_adder(void *arg) {
  (void)arg;
  for (int i = 0; i < 2000; i++) {
    pthread_mutex_lock(&pi);
    pi_counter++;
    pthread_mutex_unlock(&pi);
  }
  return NULL;
}
static void *try_other(void *m) { return (void *)(intptr_t)pthread_mutex_trylock(m); }
static void robust_mutex(void) {
  pthread_mutexattr_t a;
  pthread_t t;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  int init = pthread_mutex_init(&robust, &a);
  pthread_mutexattr_destroy(&a);
  pthread_create(&t, NULL, die_holding, NULL);
  pthread_join(t, NULL);
  struct timespec deadline; // not forever: without robust futexes it would stay locked
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += 1;
  int first = pthread_mutex_timedlock(&robust, &deadline);
  int consistent = first == EOWNERDEAD ? pthread_mutex_consistent(&robust) : -1;
  int again = -1;
  if (first == EOWNERDEAD) {
    pthread_mutex_unlock(&robust);
    again = pthread_mutex_lock(&robust);
    pthread_mutex_unlock(&robust);
  }
  check("robust mutex whose owner thread ended: EOWNERDEAD, consistent, then 0",
        init == 0 && first == EOWNERDEAD && consistent == 0 && again == 0);
}
static void mutex_kinds(void) {
  pthread_mutexattr_t a;
  pthread_mutex_t m;
  pthread_t t;
  void *r;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&m, &a);
  int ok = pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == 0 && pthread_mutex_trylock(&m) == 0;
  pthread_create(&t, NULL, try_other, &m);
  pthread_join(t, &r);
  ok = ok && r == (void *)EBUSY && pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == 0 &&
       pthread_mutex_unlock(&m) == EPERM;
  check("recursive mutex: locked 3 times by its owner, EBUSY for another thread, EPERM unlocked once too often", ok);
  pthread_mutex_destroy(&m);

  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(&m, &a);
  ok = pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == EDEADLK;
  pthread_create(&t, NULL, try_other, &m);
  pthread_join(t, &r);
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_nsec += 20 * 1000000;
  if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
  ok = ok && r == (void *)EBUSY && pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == EPERM;
  check("error-checking mutex: EDEADLK relocking, EPERM unlocking unowned", ok);
  pthread_mutex_destroy(&m);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_NORMAL);
  pthread_mutex_init(&m, &a);
  pthread_mutex_lock(&m);
  pthread_create(&t, NULL, try_other, &m); // EBUSY, then timedlock from here
  pthread_join(t, &r);
  check("pthread_mutex_timedlock of a held mutex: ETIMEDOUT", r == (void *)EBUSY && pthread_mutex_timedlock(&m, &deadline) == ETIMEDOUT);
  pthread_mutex_unlock(&m);
  pthread_mutex_destroy(&m);

  pthread_mutexattr_destroy(&a);
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
  check("priority-inheritance mutex initialized", pthread_mutex_init(&pi, &a) == 0);
  pthread_t th[4];
  for (int i = 0; i < 4; i++) pthread_create(&th[i], NULL, pi_adder, NULL);
  for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
  printf("priority-inheritance mutex counter: %ld\n", pi_counter);
  check("priority-inheritance mutex: exact total", pi_counter == 8000);
  pthread_mutexattr_destroy(&a);
}

/* ---- thread-specific data ---- */
static pthread_key_t key, key_again;
static atomic_int dtor_calls, dtor_sum, again_calls;
static void dtor(void *v) {
  atomic_fetch_add(&dtor_calls, 1);
  atomic_fetch_add(&dtor_sum, (int)(intptr_t)v);
}
static void dtor_again(void *v) {
  // sets the value once more: glibc runs the destructors again (up to PTHREAD_DESTRUCTOR_ITERATIONS)
  atomic_fetch_add(&again_calls, 1);
  if (v == (void *)(intptr_t)100) pthread_setspecific(key_again, (void *)(intptr_t)101);
}
static atomic_int fresh_null;
static void *specific(void *arg) {
  if (pthread_getspecific(key) == NULL && pthread_getspecific(key_again) == NULL) atomic_fetch_add(&fresh_null, 1);
  int id = (int)(intptr_t)arg;
  if (id != 0) pthread_setspecific(key, (void *)(intptr_t)id); // thread 0 leaves it NULL: no destructor call
  pthread_setspecific(key_again, (void *)(intptr_t)100);
  return (pthread_getspecific(key) == (void *)(intptr_t)id) ? NULL : (void *)1;
}
static void keys(void) {
  pthread_key_create(&key, dtor);
  pthread_key_create(&key_again, dtor_again);
  pthread_setspecific(key, (void *)(intptr_t)1000); // the main thread's: its destructor does not run here
  pthread_t t[5];
  int ok = 1;
  for (int i = 0; i < 5; i++) pthread_create(&t[i], NULL, specific, (void *)(intptr_t)i);
  for (int i = 0; i < 5; i++) {
    void *r;
    pthread_join(t[i], &r);
    if (r != NULL) ok = 0;
  }
  printf("key destructors: %d calls, sum %d; re-set value: %d calls\n", (int)dtor_calls, (int)dtor_sum, (int)again_calls);
  check("pthread_key_create destructors: once per thread with a non-NULL value, again after a re-set",
        ok && dtor_calls == 4 && dtor_sum == 1 + 2 + 3 + 4 && again_calls == 10 && fresh_null == 5);
  check("main thread's value kept", pthread_getspecific(key) == (void *)(intptr_t)1000);
  pthread_key_delete(key);
  pthread_key_delete(key_again);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  bounded_buffer();
  broadcast();
  barriers();
  rwlocks();
  onces();
  mutex_kinds();
  if (argc > 1 && strcmp(argv[1], "robust") == 0) robust_mutex();
  cancels();
  keys();
  printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
