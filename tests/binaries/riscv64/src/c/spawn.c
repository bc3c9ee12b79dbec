/* spawn: processes made of fork + exec. posix_spawn of this program; a pipeline of three
   processes joined by pipes with dup2 (this program emitting lines | the host's sort, a
   native program | this program counting them), as a shell runs `a | sort | wc`; a program
   of the other guest architecture (../../<other>/bin/hello beside this binary) run with
   execve; fork from a process with a second thread running, and execve from one; a child
   killed by a signal while its parent reads from it. Runs under qemu-user only with
   binfmt_misc registered for both guest architectures. */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void show_status(const char *what, int status) {
  if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
  else if (WIFSIGNALED(status)) printf("%s: killed by signal %d\n", what, WTERMSIG(status));
  else printf("%s: status 0x%x\n", what, status);
}

static int emit(void) {
  const char *words[] = { "pear", "apple", "fig", "cherry", "banana" };
  for (int i = 0; i < 5; i++) printf("%s\n", words[i]);
  return 0;
}

static int count(void) {
  char line[256];
  int lines = 0;
  size_t bytes = 0;
  while (fgets(line, sizeof line, stdin)) {
    lines++;
    bytes += strlen(line);
    printf("  %d: %s", lines, line);
  }
  printf("  %d lines, %zu bytes\n", lines, bytes);
  return 0;
}

static volatile int spinning = 1;
static void *spin(void *arg) {
  (void)arg;
  while (spinning) sched_yield();
  return NULL;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "emit") == 0) return emit();
  if (argc > 1 && strcmp(argv[1], "count") == 0) return count();
  if (argc > 1 && strcmp(argv[1], "say") == 0) {
    printf("spawned: %s\n", argv[2]);
    return 9;
  }
  setvbuf(stdout, NULL, _IONBF, 0);
  int status;

  pid_t pid;
  char *say[] = { "spawn", "say", "hi", NULL };
  int e = posix_spawn(&pid, argv[0], NULL, NULL, say, environ);
  printf("posix_spawn: %s\n", e == 0 ? "ok" : strerror(e));
  waitpid(pid, &status, 0);
  show_status("spawned child", status);

  printf("pipeline:\n");
  int a[2], b[2];
  if (pipe(a) || pipe(b)) perror("pipe");
  pid_t p1 = fork();
  if (p1 == 0) {
    dup2(a[1], 1);
    close(a[0]); close(a[1]); close(b[0]); close(b[1]);
    char *args[] = { "emit", "emit", NULL };
    execv(argv[0], args);
    _exit(127);
  }
  pid_t p2 = fork();
  if (p2 == 0) {
    dup2(a[0], 0);
    dup2(b[1], 1);
    close(a[0]); close(a[1]); close(b[0]); close(b[1]);
    char *args[] = { "sort", NULL };
    execv("/usr/bin/sort", args);
    _exit(127);
  }
  pid_t p3 = fork();
  if (p3 == 0) {
    dup2(b[0], 0);
    close(a[0]); close(a[1]); close(b[0]); close(b[1]);
    char *args[] = { "count", "count", NULL };
    execv(argv[0], args);
    _exit(127);
  }
  close(a[0]); close(a[1]); close(b[0]); close(b[1]);
  // all three waited for before printing: count's output comes first, whenever it runs
  int s1, s2, s3;
  waitpid(p1, &s1, 0);
  waitpid(p2, &s2, 0);
  waitpid(p3, &s3, 0);
  show_status("emit", s1);
  show_status("sort", s2);
  show_status("count", s3);

  char other[4096];
  char self[4096];
  snprintf(self, sizeof self, "%s", argv[0]);
  const char *mine = strstr(argv[0], "/riscv64/") ? "riscv64" : "aarch64";
  snprintf(other, sizeof other, "%s/../../%s/bin/hello", dirname(self), strcmp(mine, "riscv64") == 0 ? "aarch64" : "riscv64");
  pid = fork();
  if (pid == 0) {
    char *args[] = { "hello", NULL };
    execv(other, args);
    perror("execv other architecture");
    _exit(127);
  }
  waitpid(pid, &status, 0);
  show_status("the other architecture's hello", status);

  pthread_t t;
  pthread_create(&t, NULL, spin, NULL);
  pid = fork();
  if (pid == 0) {
    // only the forking thread goes on in the child
    _exit(5);
  }
  waitpid(pid, &status, 0);
  spinning = 0;
  pthread_join(t, NULL);
  show_status("child of a process with two threads", status);

  pid = fork();
  if (pid == 0) {
    // execve from a process with a second thread running: the thread ends with the old program
    spinning = 1;
    pthread_create(&t, NULL, spin, NULL);
    char *args[] = { "spawn", "say", "from a process with two threads", NULL };
    execv(argv[0], args);
    _exit(127);
  }
  waitpid(pid, &status, 0);
  show_status("exec from two threads", status);

  int q[2];
  if (pipe(q)) perror("pipe");
  pid = fork();
  if (pid == 0) {
    close(q[0]);
    if (write(q[1], "x", 1) != 1) _exit(1);
    pause();
    _exit(0);
  }
  close(q[1]);
  char c;
  if (read(q[0], &c, 1) != 1) perror("read");
  kill(pid, SIGKILL);
  ssize_t n = read(q[0], &c, 1);
  printf("read after the writer was killed: %zd\n", n);
  waitpid(pid, &status, 0);
  show_status("killed child", status);
  return 0;
}
