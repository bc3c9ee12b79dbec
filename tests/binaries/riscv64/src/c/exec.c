/* exec: execve and execveat as Linux answers them, and what a process keeps across one.
   Stage 1 checks the errors (ENOENT, EACCES, ENOTDIR, ENOEXEC, E2BIG, EFAULT, EINVAL),
   sets up state (an fd kept and one close-on-exec, an ignored signal, a handled one, a
   blocked one, umask, cwd) and execs itself with a new argv and environment; stage 2
   prints what it finds, then execs a "#!" script (/bin/sh: a host program, run natively),
   whose exit status (3) ends the test. Run in a fresh temporary directory. Runs under
   qemu-user only with binfmt_misc registered for the guest architecture. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

static void handler(int sig) { (void)sig; }

static void expect_errno(const char *what, int r, int want) {
  printf("%s: %s\n", what, r == -1 && errno == want ? "ok" : strerror(errno));
}

static void write_file(const char *path, const char *text, mode_t mode) {
  int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) perror(path);
  close(fd);
  chmod(path, mode);
}

static int stage2(int argc, char **argv) {
  printf("stage 2: argc %d argv[0] %s\n", argc, argv[0]);
  for (char **e = environ; *e; e++) printf("env: %s\n", *e);
  printf("same pid: %s\n", getpid() == atoi(argv[2]) ? "yes" : "no");
  const char *execfn = (const char *)getauxval(AT_EXECFN);
  printf("AT_EXECFN is the path execve was given: %s\n", execfn && strcmp(execfn, argv[3]) == 0 ? "yes" : "no");
  char cwd[4096];
  printf("cwd ends in /sub: %s\n", getcwd(cwd, sizeof cwd) && strlen(cwd) > 4 && strcmp(cwd + strlen(cwd) - 4, "/sub") == 0 ? "yes" : "no");
  mode_t old = umask(0);
  printf("umask %03o\n", (unsigned)old);
  umask(old);
  struct sigaction sa;
  sigaction(SIGUSR1, NULL, &sa);
  printf("SIGUSR1 %s\n", sa.sa_handler == SIG_IGN ? "ignored" : "not ignored");
  sigaction(SIGUSR2, NULL, &sa);
  printf("SIGUSR2 %s\n", sa.sa_handler == SIG_DFL ? "default" : "not default");
  sigset_t mask;
  sigprocmask(SIG_BLOCK, NULL, &mask);
  printf("SIGHUP blocked: %s, SIGINT blocked: %s\n", sigismember(&mask, SIGHUP) ? "yes" : "no", sigismember(&mask, SIGINT) ? "yes" : "no");
  printf("fd 7 open at offset %ld\n", (long)lseek(7, 0, SEEK_CUR));
  printf("fd 8 (close-on-exec): %s\n", fcntl(8, F_GETFD) == -1 && errno == EBADF ? "closed" : "open");
  printf("fd 9 (dup of 7): offset %ld\n", (long)lseek(9, 0, SEEK_CUR));
  if (write(7, "after\n", 6) != 6) perror("write");
  write_file("run.sh", "#!/bin/sh\necho \"script: $0 $1 $2\"\ncat ../keep.txt\nexit 3\n", 0755);
  fflush(stdout);
  char *args[] = { "ignored", "x", NULL };
  execve("./run.sh", args, environ);
  perror("execve run.sh");
  return 1;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  if (argc > 1 && strcmp(argv[1], "stage2") == 0) return stage2(argc, argv);

  char *none[] = { "x", NULL };
  expect_errno("missing file", execve("./missing", none, environ), ENOENT);
  expect_errno("directory", execve(".", none, environ), EACCES);
  write_file("noexec", "#!/bin/sh\n", 0644);
  expect_errno("no execute permission", execve("./noexec", none, environ), EACCES);
  write_file("plain", "just text\n", 0755);
  expect_errno("neither ELF nor script", execve("./plain", none, environ), ENOEXEC);
  expect_errno("path through a file", execve("./plain/x", none, environ), ENOTDIR);
  write_file("badinterp", "#!/nonexistent/interp -x\n", 0755);
  expect_errno("missing interpreter", execve("./badinterp", none, environ), ENOENT);
  size_t big = 200000;
  char *huge = malloc(big + 1);
  memset(huge, 'a', big);
  huge[big] = 0;
  char *bigargs[] = { "x", huge, NULL };
  expect_errno("one argument over 128 KiB", execve(argv[0], bigargs, environ), E2BIG);
  expect_errno("argv not readable", syscall(SYS_execve, argv[0], (char **)8, environ), EFAULT);
  expect_errno("execveat bad flags", syscall(SYS_execveat, AT_FDCWD, argv[0], none, environ, 0x8000), EINVAL);
  expect_errno("execveat empty path", syscall(SYS_execveat, AT_FDCWD, "", none, environ, 0), ENOENT);

  mkdir("sub", 0755);
  int keep = open("keep.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (write(keep, "before\n", 7) != 7) perror("write");
  dup2(keep, 7);
  dup2(keep, 9);
  close(keep);
  int gone = open("/dev/null", O_RDONLY);
  dup2(gone, 8);
  fcntl(8, F_SETFD, FD_CLOEXEC);
  close(gone);
  signal(SIGUSR1, SIG_IGN);
  signal(SIGUSR2, handler);
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGHUP);
  sigprocmask(SIG_BLOCK, &block, NULL);
  umask(027);
  if (chdir("sub") != 0) perror("chdir");

  char pid[16];
  snprintf(pid, sizeof pid, "%d", getpid());
  char *args[] = { "exec-renamed", "stage2", pid, argv[0], NULL };
  char *env[] = { "A=1", "B=two words", NULL };
  execve(argv[0], args, env);
  perror("execve");
  return 1;
}
