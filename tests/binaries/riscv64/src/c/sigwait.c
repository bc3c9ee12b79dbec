// Signals taken synchronously, without a handler: blocked signals sent to ourselves wait
// pending (a standard signal once however often it is sent, a real-time one once per
// sending) until sigtimedwait takes them: the thread's own (raise: tgkill) before the
// process's (kill), the lowest number first within each, each with its siginfo (glibc's
// sigtimedwait reports raise's SI_TKILL as SI_USER); then EAGAIN once the timeout passes,
// EINVAL for a bad timeout. Prints properties, not pids.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static const char *code(int c) { return c == SI_TKILL ? "SI_TKILL" : c == SI_USER ? "SI_USER" : c == SI_QUEUE ? "SI_QUEUE" : "other"; }

int main(void) {
  sigset_t set, pending;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGRTMIN);
  raise(SIGUSR2);
  raise(SIGUSR2);
  kill(getpid(), SIGUSR1);
  raise(SIGRTMIN);
  sigpending(&pending);
  printf("pending: USR1 %d, USR2 %d, RTMIN %d\n", sigismember(&pending, SIGUSR1), sigismember(&pending, SIGUSR2), sigismember(&pending, SIGRTMIN));

  struct timespec zero = { 0, 0 };
  for (int i = 0; i < 5; i++) {
    siginfo_t info;
    errno = 0;
    int sig = sigtimedwait(&set, &info, &zero);
    if (sig < 0) {
      printf("sigtimedwait: -1 %s\n", errno == EAGAIN ? "EAGAIN" : "other");
      continue;
    }
    printf("sigtimedwait: %s, si_signo %s, %s, our pid: %s\n", sig == SIGUSR1 ? "SIGUSR1" : sig == SIGUSR2 ? "SIGUSR2" : sig == SIGRTMIN ? "SIGRTMIN" : "other",
           info.si_signo == sig ? "same" : "differs", code(info.si_code), info.si_pid == getpid() ? "yes" : "no");
  }
  sigpending(&pending);
  printf("pending after: USR1 %d, USR2 %d, RTMIN %d\n", sigismember(&pending, SIGUSR1), sigismember(&pending, SIGUSR2), sigismember(&pending, SIGRTMIN));

  struct timespec ten_ms = { 0, 10 * 1000 * 1000 }, t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  errno = 0;
  int r = sigtimedwait(&set, NULL, &ten_ms);
  int e = errno;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long waited = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
  printf("nothing pending, 10 ms: %d %s, waited the timeout: %s\n", r, e == EAGAIN ? "EAGAIN" : "other", waited >= 10000000L ? "yes" : "no");
  struct timespec bad = { 0, 1000000000L };
  errno = 0;
  r = sigtimedwait(&set, NULL, &bad);
  printf("bad timeout: %d %s\n", r, errno == EINVAL ? "EINVAL" : "other");
  errno = 0;
  r = syscall(SYS_rt_sigtimedwait, &set, NULL, &zero, 4);
  printf("sigsetsize 4: %d %s\n", r, errno == EINVAL ? "EINVAL" : "other");
  return 0;
}
