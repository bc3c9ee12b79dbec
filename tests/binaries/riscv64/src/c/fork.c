/* fork: new processes and waiting for them. fork with exit statuses and deaths by signal
   (WIFEXITED / WIFSIGNALED), the child's copy of memory, getppid, a pipe between parent
   and child, a file offset shared across fork, vfork + _exit, waitid's siginfo, WNOHANG,
   ECHILD, SIGCHLD's siginfo, children reaped by the system while SIGCHLD is ignored, and
   N children forked and reaped (N = argv[1], 10 by default). Run in a fresh temporary
   directory. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int counter = 1;
static siginfo_t child_info;

static void on_child(int sig, siginfo_t *info, void *ctx) {
  (void)sig;
  (void)ctx;
  child_info = *info;
}

static void show_status(const char *what, int status) {
  if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
  else if (WIFSIGNALED(status)) printf("%s: killed by signal %d%s\n", what, WTERMSIG(status), WCOREDUMP(status) ? " (core)" : "");
  else printf("%s: status 0x%x\n", what, status);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int many = argc > 1 ? atoi(argv[1]) : 10;
  int status;

  printf("no children: %s\n", wait(&status) == -1 && errno == ECHILD ? "ECHILD" : "?");

  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    counter = 100;
    _exit(getppid() == parent ? 42 : 1);
  }
  printf("waitpid returns the child: %s\n", waitpid(pid, &status, 0) == pid ? "yes" : "no");
  show_status("child 1 (getppid checked)", status);
  printf("parent's memory untouched: counter %d\n", counter);

  pid = fork();
  if (pid == 0) {
    kill(getpid(), SIGTERM);
    _exit(0);
  }
  waitpid(pid, &status, 0);
  show_status("child 2", status);

  int p[2];
  if (pipe(p) != 0) perror("pipe");
  pid = fork();
  if (pid == 0) {
    close(p[0]);
    const char *msg = "hello through a pipe";
    if (write(p[1], msg, strlen(msg)) < 0) _exit(1);
    _exit(0);
  }
  close(p[1]);
  char buf[64] = {0};
  size_t got = 0;
  ssize_t n;
  while ((n = read(p[0], buf + got, sizeof buf - 1 - got)) > 0) got += (size_t)n;
  printf("read from the child: \"%s\", then %s\n", buf, n == 0 ? "end of file" : "an error");
  close(p[0]);
  waitpid(pid, &status, 0);
  show_status("child 3", status);

  int fd = open("offsets.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  if (write(fd, "a", 1) != 1) perror("write");
  pid = fork();
  if (pid == 0) {
    if (write(fd, "b", 1) != 1) _exit(1);
    _exit(0);
  }
  waitpid(pid, &status, 0);
  if (write(fd, "c", 1) != 1) perror("write");
  printf("offset after the child's write and ours: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
  char file[8] = {0};
  if (pread(fd, file, sizeof file - 1, 0) < 0) perror("pread");
  printf("file: %s\n", file);
  close(fd);

  pid = vfork();
  if (pid == 0) _exit(3);
  waitpid(pid, &status, 0);
  show_status("vfork child", status);

  pid = fork();
  if (pid == 0) {
    usleep(100000);
    _exit(7);
  }
  printf("WNOHANG before it ends: %d\n", waitpid(pid, &status, WNOHANG));
  siginfo_t info;
  memset(&info, 0, sizeof info);
  if (waitid(P_PID, pid, &info, WEXITED) != 0) perror("waitid");
  printf("waitid: signo %d, code %s, status %d, pid matches: %s\n", info.si_signo,
         info.si_code == CLD_EXITED ? "CLD_EXITED" : "?", info.si_status, info.si_pid == pid ? "yes" : "no");

  // SIGCHLD with its siginfo: which child, how it ended
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_child;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGCHLD, &sa, NULL);
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGCHLD);
  sigprocmask(SIG_BLOCK, &block, &old);
  pid = fork();
  if (pid == 0) _exit(9);
  while (!child_info.si_pid) sigsuspend(&old);
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("SIGCHLD: code %s, status %d, pid matches: %s\n", child_info.si_code == CLD_EXITED ? "CLD_EXITED" : "?",
         child_info.si_status, child_info.si_pid == pid ? "yes" : "no");
  waitpid(pid, &status, 0);

  // SIGCHLD ignored: the system reaps the children, a wait blocks until they end, then ECHILD
  signal(SIGCHLD, SIG_IGN);
  pid = fork();
  if (pid == 0) {
    usleep(50000);
    _exit(3);
  }
  errno = 0;
  pid_t waited = wait(&status);
  printf("SIGCHLD ignored: wait returns %d, %s\n", (int)waited, errno == ECHILD ? "ECHILD" : strerror(errno));
  signal(SIGCHLD, SIG_DFL);

  long sum = 0;
  for (int i = 0; i < many; i++) {
    pid = fork();
    if (pid == 0) _exit(i % 200);
    if (pid < 0) {
      perror("fork");
      return 1;
    }
  }
  int reaped = 0;
  while ((pid = wait(&status)) > 0) {
    reaped++;
    sum += WEXITSTATUS(status);
  }
  long want = 0;
  for (int i = 0; i < many; i++) want += i % 200;
  printf("%d children reaped, statuses sum right: %s\n", reaped, sum == want ? "yes" : "no");
  return 0;
}
