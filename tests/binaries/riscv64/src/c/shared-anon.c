// MAP_SHARED|MAP_ANONYMOUS memory across fork: the child sees what the parent wrote and
// the parent what the child wrote (a private mapping beside stays each one's own);
// atomic counters from both; a futex wake from the child reaching the parent's wait;
// a process-shared pthread mutex and condition variable, and a process-shared semaphore
// (waited on by a second thread), in the shared pages; a shared mapping moved (mremap), duplicated (mremap with old size
// 0), dropped (MADV_DONTNEED keeps shmem data) and unmapped in the child only; and how
// /proc/self/maps shows it. The expected output is the same program's, built for the
// host and run natively.
#define _GNU_SOURCE
#include <linux/futex.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

struct shared {
  int value;
  atomic_int counter;
  atomic_int flag;
  pthread_mutex_t mutex;
  pthread_cond_t cond;
  int locked_count;
  int turn;
  sem_t sem;
};

/**
 * What parent and child both do at once: an atomic counter, a counter under the mutex, then
 * a ping-pong on the condition variable, the parent taking the even turns, the child the odd.
 */
static void count_and_take_turns(struct shared *s, int parity) {
  for (int i = 0; i < 100000; i++) atomic_fetch_add(&s->counter, 1);
  for (int i = 0; i < 2000; i++) {
    pthread_mutex_lock(&s->mutex);
    s->locked_count++;
    pthread_mutex_unlock(&s->mutex);
  }
  for (int i = 0; i < 20; i++) {
    pthread_mutex_lock(&s->mutex);
    while (s->turn % 2 != parity) pthread_cond_wait(&s->cond, &s->mutex);
    s->turn++;
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->mutex);
  }
}

/** The parent's second thread: waits for the child's sem_post (a shared futex waited on by a thread that is not the first). */
static void *await_post(void *arg) {
  sem_wait(&((struct shared *)arg)->sem);
  return arg;
}

static int reap(pid_t child) {
  int status;
  if (waitpid(child, &status, 0) != child) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(void) {
  struct shared *s = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  int *priv = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (s == MAP_FAILED || priv == MAP_FAILED) return 1;
  s->value = 1;
  *priv = 1;
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
  pthread_mutex_init(&s->mutex, &ma);
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
  pthread_cond_init(&s->cond, &ca);
  sem_init(&s->sem, 1, 0);
  fflush(stdout);

  pid_t child = fork();
  if (child == 0) {
    printf("child sees shared %d, private %d\n", s->value, *priv);
    s->value = 2;
    *priv = 2;
    count_and_take_turns(s, 1);
    sem_post(&s->sem);
    atomic_store(&s->flag, 1);
    syscall(SYS_futex, &s->flag, FUTEX_WAKE, 1, NULL, NULL, 0);
    munmap(s, 3 * PAGE); // the child's unmap leaves the parent's mapping
    fflush(stdout);
    _exit(0);
  }
  count_and_take_turns(s, 0);
  pthread_t waiter;
  void *ret = NULL;
  pthread_create(&waiter, NULL, await_post, s);
  pthread_join(waiter, &ret);
  while (atomic_load(&s->flag) == 0) syscall(SYS_futex, &s->flag, FUTEX_WAIT, 0, NULL, NULL, 0);
  printf("child exit %d\n", reap(child));
  printf("parent sees shared %d, private %d; counter %d, under the mutex %d, turns %d\n", s->value, *priv,
         atomic_load(&s->counter), s->locked_count, s->turn);

  // moved by mremap: the same pages at a new place, still shared with the next child
  char *place = mmap(NULL, 3 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *moved = mremap(s, 3 * PAGE, 3 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, place);
  if (moved == MAP_FAILED) return 2;
  child = fork();
  if (child == 0) {
    moved[2 * PAGE] = 'm';
    _exit(0);
  }
  int status = reap(child);
  printf("moved: child exit %d, value %d, written '%c'\n", status, ((struct shared *)moved)->value, moved[2 * PAGE]);

  // a second mapping of the same pages (mremap with old size 0)
  char *dup = mremap(moved, 0, 3 * PAGE, MREMAP_MAYMOVE);
  if (dup == MAP_FAILED) return 3;
  dup[PAGE + 7] = 'd';
  printf("duplicate: %s, same pages: %s\n", dup != moved ? "elsewhere" : "same place", moved[PAGE + 7] == 'd' ? "yes" : "no");

  // MADV_DONTNEED drops the pages of a private mapping (zero), not of a shared one (shmem keeps them)
  madvise(moved, 3 * PAGE, MADV_DONTNEED);
  *priv = 5;
  madvise(priv, PAGE, MADV_DONTNEED);
  printf("after MADV_DONTNEED: shared %d, private %d\n", ((struct shared *)moved)->value, *priv);

  FILE *maps = fopen("/proc/self/maps", "r");
  char line[512];
  int lines = 0;
  while (fgets(line, sizeof line, maps)) {
    char *name = strchr(line, '/');
    if (!name || strncmp(name, "/dev/zero", 9) != 0) continue;
    lines++;
    char perms[5] = {0};
    memcpy(perms, strchr(line, ' ') + 1, 4);
    printf("maps: %s %s", perms, name);
  }
  fclose(maps);
  printf("maps lines: %d\n", lines);
  munmap(dup, 3 * PAGE);
  munmap(moved, 3 * PAGE);
  return 0;
}
