/* exit-seen: what a parent can tell of a child the moment its wait returns, as Linux has it.
   The child is gone for every call that names its pid (kill, getpgid: ESRCH), its record
   lock is free, its end of a pipe is closed (EOF, no waiting), wait4's rusage counts the CPU
   it used, and its SIGCHLD was handled before waitpid returned, once (none comes later).
   Twice: an emulator's first child is started afresh, the later ones come from spares that
   report their exit (qemu-user-ts: linux-user/exit-report.ts). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t chld_count;
static volatile sig_atomic_t chld_status;

static void on_child(int sig, siginfo_t *info, void *ctx) {
  (void)sig;
  (void)ctx;
  chld_count++;
  chld_status = info->si_status;
}

static const char *err(int r) { return r == 0 ? "0" : errno == ESRCH ? "-1 ESRCH" : strerror(errno); }

static int lock_file(int fd, short type) {
  struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  return fcntl(fd, F_SETLK, &fl);
}

static int check(void) {
  chld_count = 0;
  chld_status = 0;
  int lockfd = open("exit-seen.lock", O_RDWR | O_CREAT | O_TRUNC, 0600);
  int fds[2];
  if (lockfd < 0 || pipe(fds) != 0) {
    perror("setup");
    return 1;
  }
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    if (lock_file(lockfd, F_WRLCK) != 0) _exit(90);
    if (write(fds[1], "x", 1) != 1) _exit(91);
    /* some CPU for wait4's rusage to count */
    volatile unsigned long sum = 0;
    struct timespec t0, t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    do {
      for (int i = 0; i < 100000; i++) sum += i;
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    } while ((t.tv_sec - t0.tv_sec) * 1000000000L + (t.tv_nsec - t0.tv_nsec) < 30000000L);
    exit(5);
  }
  close(fds[1]);
  int status;
  struct rusage ru;
  pid_t got = wait4(pid, &status, 0, &ru);
  int handled = chld_count; /* before anything else runs */
  printf("wait4: pid matches %s, exited %d, status %d\n", got == pid ? "yes" : "no", WIFEXITED(status), WEXITSTATUS(status));
  printf("SIGCHLD handled before wait4 returned: %s (status %d)\n", handled == 1 ? "yes" : "no", (int)chld_status);
  printf("kill(pid, 0) after the wait: %s\n", err(kill(pid, 0)));
  errno = 0;
  printf("getpgid(pid) after the wait: %s\n", getpgid(pid) < 0 ? err(-1) : "found");
  printf("its lock is free: %s\n", lock_file(lockfd, F_WRLCK) == 0 ? "yes" : strerror(errno));
  char buf[4];
  int flags = fcntl(fds[0], F_GETFL);
  fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);
  ssize_t n1 = read(fds[0], buf, sizeof buf);
  ssize_t n2 = read(fds[0], buf, sizeof buf);
  printf("pipe: read %zd then %zd (EOF, nothing left open)\n", n1, n2);
  long cpu_us = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec;
  printf("rusage counts the child's CPU (>= 20 ms): %s\n", cpu_us >= 20000 ? "yes" : "no");
  usleep(100000);
  printf("SIGCHLDs after 100 ms: %d\n", (int)chld_count);
  printf("another wait: %s\n", waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD ? "ECHILD" : "a child");
  close(lockfd);
  close(fds[0]);
  unlink("exit-seen.lock");
  return 0;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_child;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(SIGCHLD, &sa, NULL);
  for (int round = 0; round < 2; round++)
    if (check() != 0) return 1;
  return 0;
}
