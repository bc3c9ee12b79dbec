// The scheduler calls a threaded runtime makes at start-up, and the thread-state calls
// beside them: scheduling policy and priorities (and their errors), sched_rr_get_interval,
// sched_setaffinity back to the mask we have, getcpu, membarrier's query, registration and
// EPERM before it, rt_sigpending of a blocked signal raised at ourselves. With the argument
// "linux", also get_robust_list (qemu 7.2 answers ENOSYS: the manifest's sched-linux entry
// expects what Linux answers) and the Threads: count of /proc/self/status with one, three,
// then one thread again. Prints properties, not pids or CPU numbers.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static const char *err(void) {
  switch (errno) {
  case EINVAL: return "EINVAL";
  case EPERM: return "EPERM";
  case ESRCH: return "ESRCH";
  case EFAULT: return "EFAULT";
  case ENOSYS: return "ENOSYS";
  default: return "other";
  }
}

static long membarrier(int cmd, unsigned flags) { return syscall(SYS_membarrier, cmd, flags, 0); }

/** Prints "label: result" and, for a failure, the errno's name (errno read after the call). */
#define SHOW(label, expr)                                  \
  do {                                                     \
    errno = 0;                                             \
    long r_ = (long)(expr);                                \
    if (r_ < 0) printf("%s: %ld %s\n", label, r_, err()); \
    else printf("%s: %ld\n", label, r_);                  \
  } while (0)

/** The Threads: line of /proc/self/status (qemu-user passes the host's, which counts its own threads too). */
static int status_threads(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  int n = -1;
  while (f && fgets(line, sizeof line, f))
    if (sscanf(line, "Threads: %d", &n) == 1) break;
  if (f) fclose(f);
  return n;
}

static pthread_barrier_t started, checked;

static void *counted_thread(void *arg) {
  pthread_barrier_wait(&started);
  pthread_barrier_wait(&checked);
  return arg;
}

int main(int argc, char **argv) {
  struct sched_param sp = { 0 };
  SHOW("sched_getscheduler(0)", sched_getscheduler(0));
  SHOW("sched_getparam(0)", sched_getparam(0, &sp));
  printf("priority %d\n", sp.sched_priority);
  SHOW("FIFO min", sched_get_priority_min(SCHED_FIFO));
  SHOW("FIFO max", sched_get_priority_max(SCHED_FIFO));
  SHOW("RR min", sched_get_priority_min(SCHED_RR));
  SHOW("RR max", sched_get_priority_max(SCHED_RR));
  SHOW("OTHER min", sched_get_priority_min(SCHED_OTHER));
  SHOW("OTHER max", sched_get_priority_max(SCHED_OTHER));
  SHOW("sched_get_priority_max(99)", sched_get_priority_max(99));
  sp.sched_priority = 0;
  SHOW("sched_setscheduler(0, OTHER, 0)", sched_setscheduler(0, SCHED_OTHER, &sp));
  sp.sched_priority = 5;
  SHOW("sched_setscheduler(0, OTHER, 5)", sched_setscheduler(0, SCHED_OTHER, &sp));
  sp.sched_priority = 0;
  SHOW("sched_setscheduler(-1, OTHER, 0)", syscall(SYS_sched_setscheduler, -1, SCHED_OTHER, &sp));
  SHOW("sched_setparam(0, 0)", sched_setparam(0, &sp));
  SHOW("sched_getscheduler(no such pid)", sched_getscheduler(0x3ffffff0));
  SHOW("sched_getparam(0, NULL)", syscall(SYS_sched_getparam, 0, NULL));
  struct timespec ts = { -1, -1 };
  SHOW("sched_rr_get_interval(0)", sched_rr_get_interval(0, &ts));
  printf("a time: %s\n", ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000 ? "yes" : "no");

  cpu_set_t mine, back, none;
  CPU_ZERO(&none);
  SHOW("sched_getaffinity", sched_getaffinity(0, sizeof mine, &mine));
  SHOW("sched_setaffinity(the same mask)", sched_setaffinity(0, sizeof mine, &mine));
  sched_getaffinity(0, sizeof back, &back);
  printf("mask unchanged: %s\n", CPU_EQUAL(&mine, &back) ? "yes" : "no");
  SHOW("sched_setaffinity(no CPU)", sched_setaffinity(0, sizeof none, &none));
  unsigned cpu = ~0u, node = ~0u;
  SHOW("getcpu", syscall(SYS_getcpu, &cpu, &node, NULL));
  printf("a CPU we may run on: %s, node 0: %s\n", CPU_ISSET(cpu, &mine) ? "yes" : "no", node == 0 ? "yes" : "no");

  long q = membarrier(MEMBARRIER_CMD_QUERY, 0);
  printf("membarrier query has private expedited and its registration: %s\n",
         q > 0 && (q & MEMBARRIER_CMD_PRIVATE_EXPEDITED) && (q & MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) ? "yes" : "no");
  SHOW("membarrier private expedited before registering", membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0));
  SHOW("membarrier register private expedited", membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0));
  SHOW("membarrier private expedited", membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0));
  SHOW("membarrier global", membarrier(MEMBARRIER_CMD_GLOBAL, 0));
  SHOW("membarrier with flags", membarrier(MEMBARRIER_CMD_GLOBAL, 1));
  SHOW("membarrier unknown command", membarrier(1 << 20, 0));

  sigset_t block, pending;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, NULL);
  raise(SIGUSR1);
  sigemptyset(&pending);
  SHOW("sigpending", sigpending(&pending));
  printf("SIGUSR1 pending: %s, SIGUSR2 pending: %s\n", sigismember(&pending, SIGUSR1) ? "yes" : "no",
         sigismember(&pending, SIGUSR2) ? "yes" : "no");
  SHOW("rt_sigpending with a set of 9 bytes", syscall(SYS_rt_sigpending, &pending, 9));

  if (argc > 1 && strcmp(argv[1], "linux") == 0) {
    void *head = NULL;
    size_t len = 0;
    SHOW("get_robust_list(0)", syscall(SYS_get_robust_list, 0, &head, &len));
    printf("a head: %s, len %zu\n", head ? "yes" : "no", len);
    SHOW("get_robust_list(no such pid)", syscall(SYS_get_robust_list, 0x3ffffff0, &head, &len));

    printf("/proc/self/status Threads, one thread: %d\n", status_threads());
    pthread_t t[2];
    pthread_barrier_init(&started, NULL, 3);
    pthread_barrier_init(&checked, NULL, 3);
    for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, counted_thread, NULL);
    pthread_barrier_wait(&started);
    printf("/proc/self/status Threads, two more running: %d\n", status_threads());
    pthread_barrier_wait(&checked);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    // pthread_join returns once the thread's tid word is cleared, a moment before it leaves
    // the count (on Linux too): give it up to a second
    int after = status_threads();
    for (int i = 0; i < 100 && after != 1; i++) {
      usleep(10000);
      after = status_threads();
    }
    printf("/proc/self/status Threads, after joining them: %d\n", after);
  }
  return 0;
}
