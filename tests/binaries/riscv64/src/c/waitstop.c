/* waitstop: children that stop and continue, seen through wait4 (WUNTRACED, WCONTINUED)
   and waitid (WSTOPPED, WCONTINUED, CLD_* codes); prlimit64 on a child (read, then set
   and read back) and on a pid that is gone (ESRCH); PR_SET_PDEATHSIG delivered to a
   grandchild when its parent dies. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig) {
  (void)sig;
  got_usr1 = 1;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int status;

  /* wait4: stopped, continued, exited (each child waits on a pipe after it is continued,
     so that its exit cannot overtake the continue) */
  int go[2];
  if (pipe(go) != 0) return 1;
  pid_t c = fork();
  if (c == 0) {
    char b;
    raise(SIGSTOP);
    (void)read(go[0], &b, 1);
    _exit(7);
  }
  pid_t r = waitpid(c, &status, WUNTRACED);
  printf("wait4 stopped: %d, signal %d\n", r == c && WIFSTOPPED(status), WSTOPSIG(status));
  kill(c, SIGCONT);
  r = waitpid(c, &status, WCONTINUED);
  printf("wait4 continued: %d\n", r == c && WIFCONTINUED(status));
  (void)write(go[1], "x", 1);
  r = waitpid(c, &status, 0);
  printf("wait4 exited: %d, status %d\n", r == c && WIFEXITED(status), WEXITSTATUS(status));

  /* waitid: the same through siginfo */
  c = fork();
  if (c == 0) {
    char b;
    raise(SIGSTOP);
    (void)read(go[0], &b, 1);
    _exit(8);
  }
  siginfo_t si;
  memset(&si, 0, sizeof si);
  waitid(P_PID, c, &si, WSTOPPED);
  printf("waitid stopped: code %s, status %d, pid %s\n", si.si_code == CLD_STOPPED ? "CLD_STOPPED" : "?", si.si_status, si.si_pid == c ? "right" : "wrong");
  kill(c, SIGCONT);
  memset(&si, 0, sizeof si);
  waitid(P_PID, c, &si, WCONTINUED);
  printf("waitid continued: code %s, status %d\n", si.si_code == CLD_CONTINUED ? "CLD_CONTINUED" : "?", si.si_status);
  (void)write(go[1], "x", 1);
  memset(&si, 0, sizeof si);
  waitid(P_PID, c, &si, WEXITED);
  printf("waitid exited: code %s, status %d\n", si.si_code == CLD_EXITED ? "CLD_EXITED" : "?", si.si_status);

  /* prlimit64 on a child that waits on a pipe */
  int p[2];
  if (pipe(p) != 0) return 1;
  c = fork();
  if (c == 0) {
    char b;
    close(p[1]);
    (void)read(p[0], &b, 1);
    _exit(0);
  }
  close(p[0]);
  struct rlimit mine, theirs;
  getrlimit(RLIMIT_CORE, &mine);
  int ok = prlimit(c, RLIMIT_CORE, NULL, &theirs);
  printf("prlimit get child: %d, same as ours: %d\n", ok, theirs.rlim_cur == mine.rlim_cur && theirs.rlim_max == mine.rlim_max);
  struct rlimit lower = { 0, theirs.rlim_max };
  ok = prlimit(c, RLIMIT_CORE, &lower, NULL);
  prlimit(c, RLIMIT_CORE, NULL, &theirs);
  printf("prlimit set child: %d, now %ld\n", ok, (long)theirs.rlim_cur);
  (void)write(p[1], "x", 1);
  waitpid(c, &status, 0);
  errno = 0;
  ok = prlimit(c, RLIMIT_CORE, NULL, &theirs);
  printf("prlimit of a reaped child: %d %s\n", ok, errno == ESRCH ? "ESRCH" : strerror(errno));

  /* PR_SET_PDEATHSIG: the grandchild hears of its parent's death */
  if (pipe(p) != 0) return 1;
  c = fork();
  if (c == 0) {
    int ready[2];
    if (pipe(ready) != 0) _exit(1);
    pid_t g = fork();
    if (g == 0) {
      signal(SIGUSR1, on_usr1);
      prctl(PR_SET_PDEATHSIG, SIGUSR1);
      int sig = -1;
      prctl(PR_GET_PDEATHSIG, &sig);
      (void)write(ready[1], "r", 1);
      for (int i = 0; i < 500 && !got_usr1; i++) usleep(10000);
      char line[64];
      int n = snprintf(line, sizeof line, "grandchild: pdeathsig %d, got SIGUSR1: %d\n", sig, (int)got_usr1);
      (void)write(p[1], line, n);
      _exit(0);
    }
    char b;
    (void)read(ready[0], &b, 1);
    _exit(0); /* the grandchild's parent dies */
  }
  close(p[1]);
  waitpid(c, &status, 0);
  char buf[128];
  ssize_t n = read(p[0], buf, sizeof buf - 1);
  if (n > 0) {
    buf[n] = 0;
    fputs(buf, stdout);
  }
  return 0;
}
