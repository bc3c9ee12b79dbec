/* recycle: children forked one after another, each seeing nothing of what the one before
   it did to itself: signal actions (ignored, handled), its mask, its umask, its cwd,
   SIGPIPE ignored or not; a reaped child's pid is gone for kill (ESRCH); statuses and
   deaths by signal of children in turn, and after a vfork; the pid of a child reaped by
   a wait for any child while another ran is not a later child's; a child's CPU time in
   wait4's rusage, RUSAGE_CHILDREN and times(). `recycle N`: only N children
   forked or vforked in turn. (qemu-user-ts may run a child in the host process of one
   reaped before: exit-report.ts.) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, int status) {
  if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
  else if (WIFSIGNALED(status)) printf("%s: killed by signal %d\n", what, WTERMSIG(status));
  else printf("%s: status 0x%x\n", what, status);
}

static void on_signal(int sig) { (void)sig; }

/* Forks a child that runs `body`, which returns its exit status; waits and shows it. */
static pid_t run(const char *what, int (*body)(void)) {
  pid_t pid = fork();
  if (pid == 0) _exit(body());
  int status;
  if (waitpid(pid, &status, 0) != pid) printf("%s: waitpid failed: %s\n", what, strerror(errno));
  show(what, status);
  return pid;
}

/* Forks a child that says it is ready on a pipe, then waits (at most 5 s: alarm) for
   `sig`, which the parent sends once it is ready; shows how it ended. */
static void signalled(const char *what, int sig) {
  int ready[2];
  if (pipe(ready) != 0) return;
  pid_t pid = fork();
  if (pid == 0) {
    close(ready[0]);
    alarm(5);
    if (write(ready[1], "r", 1) != 1) _exit(90);
    for (int i = 0; i < 10; i++) usleep(100 * 1000);
    _exit(7);
  }
  close(ready[1]);
  char c;
  if (read(ready[0], &c, 1) != 1) printf("%s: no ready byte\n", what);
  close(ready[0]);
  kill(pid, sig);
  int status;
  waitpid(pid, &status, 0);
  show(what, status);
}

static int ignores_and_handles(void) {
  signal(SIGTERM, SIG_IGN);
  signal(SIGUSR1, on_signal);
  signal(SIGINT, SIG_IGN);
  return 3;
}

static int blocks_usr1(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  return 4;
}

static int moves_and_masks(void) {
  umask(077);
  if (chdir("/") != 0) return 90;
  return 5;
}

static int looks_around(void) {
  char cwd[4096];
  mode_t old = umask(0);
  umask(old);
  printf("  child: umask %03o, cwd %s\n", (unsigned)old, getcwd(cwd, sizeof cwd) ? (strcmp(cwd, "/") == 0 ? "/" : "the parent's") : "?");
  return 6;
}

/* Writes to a pipe nobody reads: SIGPIPE, or EPIPE where SIGPIPE is ignored. */
static int writes_to_closed_pipe(void) {
  int fds[2];
  if (pipe(fds) != 0) return 90;
  close(fds[0]);
  if (write(fds[1], "x", 1) < 0 && errno == EPIPE) {
    printf("  child: EPIPE\n");
    return 8;
  }
  return 9;
}

static int ignores_pipe(void) {
  signal(SIGPIPE, SIG_IGN);
  return 10;
}

/* N children forked (even rounds) or vforked (odd ones) in turn, each reaped before the next. */
static int in_turn(int n) {
  for (volatile int i = 0; i < n; i++) { /* volatile: the vfork child runs on our stack */
    pid_t pid = i % 2 ? vfork() : fork();
    if (pid == 0) _exit(i % 200);
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != i % 200) {
      printf("child %d: status 0x%x\n", i, status);
      return 1;
    }
  }
  printf("%d children in turn: statuses right\n", n);
  return 0;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  if (argc > 1) return in_turn(atoi(argv[1])); /* only that */
  umask(022);

  pid_t first = run("child ignoring SIGTERM and SIGINT, handling SIGUSR1", ignores_and_handles);
  printf("kill(0) of the reaped child: %s\n", kill(first, 0) == -1 && errno == ESRCH ? "ESRCH" : "found");
  signalled("next child, sent SIGTERM", SIGTERM);
  signalled("next child, sent SIGINT", SIGINT);
  run("child blocking SIGUSR1", blocks_usr1);
  signalled("next child, sent SIGUSR1", SIGUSR1);
  run("child changing umask and cwd", moves_and_masks);
  run("next child", looks_around);
  run("child ignoring SIGPIPE", ignores_pipe);
  run("next child, writing to a closed pipe", writes_to_closed_pipe);

  signal(SIGUSR2, SIG_IGN);
  signalled("child of a parent ignoring SIGUSR2, sent SIGUSR2", SIGUSR2);
  signal(SIGPIPE, SIG_IGN);
  run("child of a parent ignoring SIGPIPE, writing to a closed pipe", writes_to_closed_pipe);
  signal(SIGUSR2, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  signalled("next child, sent SIGUSR2", SIGUSR2);
  run("next child, writing to a closed pipe", writes_to_closed_pipe);

  /* the CPU time of the children waited for: getrusage(RUSAGE_CHILDREN) and times() count a
     child's (this one burns 0.2 s of its own), however its host process was had */
  struct rusage before, after;
  getrusage(RUSAGE_CHILDREN, &before);
  pid_t burner = fork();
  if (burner == 0) {
    volatile unsigned long spin = 0;
    while (clock() < CLOCKS_PER_SEC / 5) spin++;
    _exit(0);
  }
  int burned;
  struct rusage own;
  wait4(burner, &burned, 0, &own);
  getrusage(RUSAGE_CHILDREN, &after);
  struct tms t;
  times(&t);
  long grew_us = (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1000000L +
                 (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec);
  long own_us = (own.ru_utime.tv_sec + own.ru_stime.tv_sec) * 1000000L + own.ru_utime.tv_usec + own.ru_stime.tv_usec;
  printf("a child's 0.2 s of CPU: in wait4's rusage %s, in RUSAGE_CHILDREN %s, in times() %s\n", own_us >= 150000 && own_us < 2000000 ? "yes" : "no",
         grew_us >= 150000 ? "yes" : "no", t.tms_cutime + t.tms_cstime >= sysconf(_SC_CLK_TCK) / 10 ? "yes" : "no");

  /* a child reaped by a wait for any child while another still runs (as a shell reaps a
     background job, keeping it by pid until `wait` asks): its pid is none of the next ones */
  pid_t quick = fork();
  if (quick == 0) _exit(1);
  pid_t slow = fork();
  if (slow == 0) {
    usleep(300 * 1000);
    _exit(2);
  }
  int status;
  pid_t first_reaped = wait(&status);
  pid_t second_reaped = wait(&status);
  int reused = 0;
  for (int i = 0; i < 6; i++) {
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, &status, 0);
    if (pid == first_reaped) reused = 1;
  }
  printf("reaped with another child running: %s; its pid not among the next 6: %s\n",
         (first_reaped == quick || first_reaped == slow) && second_reaped != first_reaped ? "yes" : "no", reused ? "no" : "yes");
  return in_turn(20);
}
