// sigqueue and sigsuspend on ourselves: a real-time signal queued with a value reaches an
// SA_SIGINFO handler with si_code SI_QUEUE, si_value and our pid; several queued while
// blocked are all delivered, in order, once unblocked; sigsuspend with a mask that lets a
// pending signal through runs its handler under that mask, answers EINTR, and puts the old
// mask back; EPERM for sending another process a siginfo that claims to come from the
// kernel. With the argument "linux", also rt_tgsigqueueinfo to our own thread with a made-up
// si_code (qemu 7.2 fails it: the manifest's sigqueue-linux entry expects what Linux answers).
// Prints properties, not pids.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile int values[8], nvalues, codes_ok, pids_ok = 1, mask_inside_usr2;

static void on_rt(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  if (nvalues < 8) values[nvalues++] = si->si_value.sival_int;
  codes_ok += si->si_code == SI_QUEUE;
  pids_ok &= si->si_pid == getpid();
}

static void on_usr1(int sig) {
  (void)sig;
  sigset_t cur;
  sigprocmask(SIG_SETMASK, NULL, &cur);
  mask_inside_usr2 = sigismember(&cur, SIGUSR2);
}

static volatile int tg_code, tg_value;
static void on_usr2(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  tg_code = si->si_code;
  tg_value = si->si_value.sival_int;
}

int main(int argc, char **argv) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_rt;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGRTMIN, &sa, NULL);

  union sigval v = { .sival_int = 41 };
  printf("sigqueue: %d\n", sigqueue(getpid(), SIGRTMIN, v));
  printf("delivered: %d value %d, SI_QUEUE: %d, our pid: %d\n", nvalues, values[0], codes_ok, pids_ok);

  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &block, &old);
  for (int i = 1; i <= 3; i++) {
    v.sival_int = 100 + i;
    sigqueue(getpid(), SIGRTMIN, v);
  }
  printf("while blocked: %d delivered\n", nvalues);
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: %d delivered, values %d %d %d\n", nvalues, values[1], values[2], values[3]);

  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  sigset_t both;
  sigemptyset(&both);
  sigaddset(&both, SIGUSR1);
  sigaddset(&both, SIGUSR2);
  sigprocmask(SIG_BLOCK, &both, NULL);
  raise(SIGUSR1);
  sigset_t wait;
  sigfillset(&wait);
  sigdelset(&wait, SIGUSR1);
  errno = 0;
  int r = sigsuspend(&wait);
  printf("sigsuspend: %d %s, SIGUSR2 blocked in the handler: %d\n", r, errno == EINTR ? "EINTR" : "other", mask_inside_usr2);
  sigset_t after;
  sigprocmask(SIG_SETMASK, NULL, &after);
  printf("mask after: SIGUSR1 %d, SIGUSR2 %d, SIGTERM %d\n", sigismember(&after, SIGUSR1), sigismember(&after, SIGUSR2), sigismember(&after, SIGTERM));
  sigprocmask(SIG_UNBLOCK, &both, NULL);

  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr2;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &sa, NULL);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  si.si_signo = SIGUSR2;
  si.si_pid = getpid();
  si.si_value.sival_int = 7;
  if (argc > 1 && strcmp(argv[1], "linux") == 0) {
    si.si_code = -42;
    r = syscall(SYS_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR2, &si);
    printf("rt_tgsigqueueinfo: %d, si_code %d, value %d\n", r, tg_code, tg_value);
  }
  si.si_code = SI_KERNEL;
  errno = 0;
  r = syscall(SYS_rt_sigqueueinfo, getppid(), 0, &si);
  printf("a kernel si_code to another process: %d %s\n", r, errno == EPERM ? "EPERM" : "other");
  return 0;
}
