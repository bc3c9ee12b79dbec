/* procs: the processes group of `npm run bench`. `procs forkexec N` forks N times in turn;
   each child execs this program again (`procs exit`, which returns at once) and the
   parent waits for it: fork + exec + wait, as a shell runs an external command.
   `procs spawn N` does the same with posix_spawn (glibc: clone(CLONE_VM|CLONE_VFORK) and
   execve), as make and Go's os/exec start their commands. */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "exit") == 0) return 0;
  int spawn = argc >= 3 && strcmp(argv[1], "spawn") == 0;
  if (argc < 3 || (strcmp(argv[1], "forkexec") != 0 && !spawn)) {
    fprintf(stderr, "usage: procs forkexec|spawn N\n");
    return 2;
  }
  int n = atoi(argv[2]);
  if (spawn) {
    extern char **environ;
    char *args[] = { argv[0], "exit", NULL };
    for (int i = 0; i < n; i++) {
      pid_t pid;
      int e = posix_spawn(&pid, argv[0], NULL, NULL, args, environ);
      int status;
      if (e != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "spawn %d: error %d, status 0x%x\n", i, e, status);
        return 1;
      }
    }
    printf("%d spawn+wait\n", n);
    return 0;
  }
  for (int i = 0; i < n; i++) {
    pid_t pid = fork();
    if (pid < 0) {
      perror("fork");
      return 1;
    }
    if (pid == 0) {
      char *args[] = { argv[0], "exit", NULL };
      execv(argv[0], args);
      _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "child %d: status 0x%x\n", i, status);
      return 1;
    }
  }
  printf("%d fork+exec+wait\n", n);
  return 0;
}
