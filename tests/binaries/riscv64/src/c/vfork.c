/* vfork: glibc's vfork and posix_spawn make clone(CLONE_VM|CLONE_VFORK): the child shares
   its parent's memory, and the parent goes on only once the child has called execve or
   ended. Checked: the child's store seen by the parent; the parent resumed only after the
   child's _exit (the child's line comes first though it sleeps); getpid and getppid in the
   child; vfork + execve; a vfork child killed by a signal, and one whose execve fails;
   posix_spawn of a missing program answering ENOENT (glibc's child writes the errno into
   the parent's memory); posix_spawn with file actions (open, dup2, close) and the
   attributes SETPGROUP, SETSIGMASK, SETSIGDEF, RESETIDS, then SETSID; a host program
   (/bin/sh) spawned with its output into a pipe; the parent's own handler untouched by
   the child's SETSIGDEF; vfork beside a running second thread, and from a second thread
   (Go's os/exec calls it from any thread). qemu-user copies at vfork (the store is not seen, and a missing
   program's posix_spawn succeeds), so the expected output is Linux's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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

/* The spawned program's report: its group, session, mask and SIGUSR1 action. */
static int ids(void) {
  pid_t pid = getpid();
  sigset_t mask;
  struct sigaction sa;
  sigprocmask(SIG_SETMASK, NULL, &mask);
  sigaction(SIGUSR1, NULL, &sa);
  printf("ids: own group %d, own session %d, SIGUSR2 blocked %d, SIGUSR1 default %d\n", getpgid(0) == pid, getsid(0) == pid,
         sigismember(&mask, SIGUSR2), sa.sa_handler == SIG_DFL);
  return 4;
}

static volatile int usr1_seen;
static void on_usr1(int sig) {
  (void)sig;
  usr1_seen++;
}

static volatile int spinning = 1;
static void *spin(void *arg) {
  (void)arg;
  while (spinning) sched_yield();
  return NULL;
}

/* vfork from this thread: the child's store, then its exit status, in *arg */
static void *vfork_here(void *arg) {
  volatile int *seen = arg;
  pid_t pid = vfork();
  if (pid == 0) {
    *seen = 7;
    _exit(5);
  }
  int status;
  waitpid(pid, &status, 0);
  *seen += 10 * WEXITSTATUS(status);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "ids") == 0) return ids();
  if (argc > 2 && strcmp(argv[1], "say") == 0) {
    printf("said: %s\n", argv[2]);
    return 9;
  }
  setvbuf(stdout, NULL, _IONBF, 0); /* the child's lines and ours in the order they are made */
  int status;
  pid_t parent = getpid();

  /* memory shared, the parent held until the child's _exit */
  volatile int stored = 0;
  volatile pid_t child_pid = 0, child_ppid = 0;
  pid_t pid = vfork();
  if (pid == 0) {
    stored = 42;
    child_pid = getpid();
    child_ppid = getppid();
    usleep(200000);
    static const char line[] = "child: done sleeping\n";
    write(1, line, sizeof line - 1);
    _exit(3);
  }
  printf("parent: resumed; the child's store seen: %d\n", stored == 42);
  printf("parent: child's getpid is vfork's result: %d, its getppid is ours: %d\n", child_pid == pid, child_ppid == parent);
  waitpid(pid, &status, 0);
  show_status("vfork + _exit", status);

  /* vfork + execve of this program */
  pid = vfork();
  if (pid == 0) {
    char *args[] = { argv[0], "say", "hello from the exec'd child", NULL };
    execve(argv[0], args, environ);
    _exit(127);
  }
  waitpid(pid, &status, 0);
  show_status("vfork + execve", status);

  /* a failing execve, then a signal */
  pid = vfork();
  if (pid == 0) {
    char *args[] = { "missing", NULL };
    execve("/nonexistent/missing", args, environ);
    _exit(errno);
  }
  waitpid(pid, &status, 0);
  show_status("vfork + failed execve (errno)", status);
  pid = vfork();
  if (pid == 0) {
    kill(getpid(), SIGTERM);
    _exit(1);
  }
  waitpid(pid, &status, 0);
  show_status("vfork + SIGTERM", status);

  /* posix_spawn: a missing program's errno comes back through the shared memory */
  char *say[] = { argv[0], "say", "spawned", NULL };
  int e = posix_spawn(&pid, "/nonexistent/missing", NULL, NULL, say, environ);
  printf("posix_spawn of a missing program: %s\n", strerror(e));

  /* file actions and attributes; our SIGUSR1 handler stays ours */
  signal(SIGUSR1, on_usr1);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 5, "spawned.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 5, 1);
  posix_spawn_file_actions_addclose(&fa, 5);
  posix_spawnattr_t at;
  posix_spawnattr_init(&at);
  sigset_t block, dfl;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR2);
  sigemptyset(&dfl);
  sigaddset(&dfl, SIGUSR1);
  posix_spawnattr_setsigmask(&at, &block);
  posix_spawnattr_setsigdefault(&at, &dfl);
  posix_spawnattr_setpgroup(&at, 0);
  posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_RESETIDS);
  char *ids_args[] = { argv[0], "ids", NULL };
  e = posix_spawn(&pid, argv[0], &fa, &at, ids_args, environ);
  printf("posix_spawn with file actions: %s\n", strerror(e));
  waitpid(pid, &status, 0);
  show_status("  its status", status);
  char buf[256] = { 0 };
  int fd = open("spawned.txt", O_RDONLY);
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  printf("  spawned.txt: %s", n > 0 ? buf : "(empty)\n");
  raise(SIGUSR1);
  printf("parent: our SIGUSR1 handler ran: %d\n", usr1_seen);
  posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
  e = posix_spawn(&pid, argv[0], NULL, &at, ids_args, environ);
  waitpid(pid, &status, 0);
  show_status("posix_spawn with SETSID", status);

  /* a host program (the host's sh), its output through a pipe */
  int p[2];
  if (pipe(p) != 0) return 1;
  posix_spawn_file_actions_t pa;
  posix_spawn_file_actions_init(&pa);
  posix_spawn_file_actions_adddup2(&pa, p[1], 1);
  posix_spawn_file_actions_addclose(&pa, p[0]);
  posix_spawn_file_actions_addclose(&pa, p[1]);
  char *sh[] = { "sh", "-c", "echo native: $((6 * 7))", NULL };
  e = posix_spawn(&pid, "/bin/sh", &pa, NULL, sh, environ);
  close(p[1]);
  n = read(p[0], buf, sizeof buf - 1);
  buf[n > 0 ? n : 0] = 0;
  close(p[0]);
  waitpid(pid, &status, 0);
  printf("posix_spawn of /bin/sh: %s, read: %s", strerror(e), buf);
  show_status("  its status", status);

  /* with a second thread running, and from a second thread */
  pthread_t t;
  volatile int seen = 0;
  pthread_create(&t, NULL, spin, NULL);
  vfork_here((void *)&seen);
  printf("vfork beside a running thread: store and status %d\n", seen);
  spinning = 0;
  pthread_join(t, NULL);
  seen = 0;
  pthread_create(&t, NULL, vfork_here, (void *)&seen);
  pthread_join(t, NULL);
  printf("vfork from a second thread: store and status %d\n", seen);
  return 0;
}
