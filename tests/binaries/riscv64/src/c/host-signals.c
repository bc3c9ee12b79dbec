// Signals from outside the emulator, driven by tests/suites/host-signals.test.ts: the
// program prints a line, then waits; the driver reads the line and sends the next signal
// with kill(2) to the emulator's host process. Handlers for SIGINT, SIGHUP, SIGWINCH,
// SIGUSR1 and SIGQUIT (SA_SIGINFO: si_code SI_USER); a blocked SIGUSR2 stays pending;
// an ignored SIGTERM does nothing; SIGSTOP stops the process until the driver's
// SIGCONT, which a handler also sees (qemu-user's sometimes a little later: it waits up to a
// second); last, a default SIGINT kills it (exit by signal 2).
// With the argument "forked", the handlers are set and the process forks: the child, which
// has them from its first instruction, prints its pid (the driver sends to it from then on)
// and first takes two SIGUSR1s before it ever waits, spinning with system calls and then
// without any, then does all of the above; the parent waits and ends as the child did.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t last_sig, last_code_user;

static void on_signal(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  last_sig = sig;
  last_code_user = si->si_code == SI_USER;
}

static void on(int sig, void (*fn)(int, siginfo_t *, void *)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = fn;
  sa.sa_flags = SA_SIGINFO;
  sigaction(sig, &sa, NULL);
}

/** Tells the driver what to send next (one line), then waits in sigsuspend for a handled signal. */
static void expect(int sig, const char *name) {
  sigset_t none;
  sigemptyset(&none);
  last_sig = 0;
  printf("send %s\n", name);
  fflush(stdout);
  while (last_sig == 0) sigsuspend(&none);
  printf("got %s: %s, from kill: %s\n", name, last_sig == sig ? "yes" : "no", last_code_user ? "yes" : "no");
}

/** The parent of "forked": waits for the child and ends as it did (the same signal, at its default action). */
static int end_as(pid_t child) {
  int status;
  if (waitpid(child, &status, 0) != child) return 1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  sigset_t all;
  sigfillset(&all);
  signal(WTERMSIG(status), SIG_DFL);
  sigprocmask(SIG_UNBLOCK, &all, NULL);
  raise(WTERMSIG(status));
  return 1;
}

/** The forked child's first signals, before it waits for anything: spinning with system calls, then without. */
static void before_any_wait(void) {
  sigset_t usr1;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  sigprocmask(SIG_UNBLOCK, &usr1, NULL);
  last_sig = 0;
  printf("send SIGUSR1\n");
  fflush(stdout);
  while (last_sig == 0) getppid();
  printf("spinning with system calls, got SIGUSR1: %s\n", last_sig == SIGUSR1 ? "yes" : "no");
  last_sig = 0;
  printf("send SIGUSR1\n");
  fflush(stdout);
  while (last_sig == 0) {
  }
  printf("spinning, got SIGUSR1: %s\n", last_sig == SIGUSR1 ? "yes" : "no");
  sigprocmask(SIG_BLOCK, &usr1, NULL);
}

int main(int argc, char **argv) {
  const int handled[] = { SIGINT, SIGHUP, SIGWINCH, SIGUSR1, SIGQUIT, SIGCONT };
  for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; i++) on(handled[i], on_signal);
  // the handled signals are blocked outside sigsuspend, so none is missed between the check and the wait
  sigset_t set;
  sigemptyset(&set);
  for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; i++) sigaddset(&set, handled[i]);
  sigprocmask(SIG_BLOCK, &set, NULL);
  if (argc > 1 && strcmp(argv[1], "forked") == 0) {
    fflush(stdout);
    pid_t child = fork();
    if (child < 0) return 1;
    if (child > 0) return end_as(child);
    printf("pid %d\n", (int)getpid());
    before_any_wait();
  }

  expect(SIGINT, "SIGINT");
  expect(SIGHUP, "SIGHUP");
  expect(SIGWINCH, "SIGWINCH");
  expect(SIGUSR1, "SIGUSR1");
  expect(SIGQUIT, "SIGQUIT");

  sigset_t usr2;
  sigemptyset(&usr2);
  sigaddset(&usr2, SIGUSR2);
  sigprocmask(SIG_BLOCK, &usr2, NULL);
  printf("send SIGUSR2\n");
  fflush(stdout);
  sigset_t pending;
  do {
    usleep(10000);
    sigpending(&pending);
  } while (!sigismember(&pending, SIGUSR2));
  printf("blocked SIGUSR2 pending: yes\n");
  int taken = 0;
  sigwait(&usr2, &taken);
  printf("sigwait took SIGUSR2: %s\n", taken == SIGUSR2 ? "yes" : "no");

  signal(SIGTERM, SIG_IGN);
  printf("send SIGTERM\n");
  fflush(stdout);
  // the driver waits a moment after sending: still here means it was ignored
  char c;
  if (read(0, &c, 1) != 1) return 1;
  printf("ignored SIGTERM: still running\n");

  // SIGSTOP stops the process; the driver sees it stopped and sends SIGCONT. (Not SIGTSTP:
  // in an orphaned process group, as a test run from a detached job may be, Linux discards
  // it, and so does qemu-user, which leaves it to the host.)
  printf("stopping\n");
  fflush(stdout);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  last_sig = 0;
  raise(SIGSTOP);
  // On Linux the SIGCONT handler has run by now; qemu-user takes the host's SIGCONT on
  // whichever of its threads the kernel picks, so allow it a second to arrive.
  for (int i = 0; i < 100 && last_sig != SIGCONT; i++) usleep(10000);
  printf("continued, SIGCONT handler ran: %s\n", last_sig == SIGCONT ? "yes" : "no");

  signal(SIGINT, SIG_DFL);
  printf("send SIGINT to kill\n");
  fflush(stdout);
  for (;;) pause();
}
