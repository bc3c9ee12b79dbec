// A signal's default action: the program blocks nothing, installs no handler, prints the
// signal it is about to send, and sends it to itself with kill(getpid(), SIG). Signals whose
// default is to terminate (SIGTERM, SIGUSR1, SIGHUP, SIGALRM, SIGPIPE, SIGKILL, a real-time
// signal) or to dump core (SIGQUIT, SIGABRT, SIGSEGV) end the process (exit 128+N to a shell);
// those whose default is to ignore (SIGCHLD, SIGURG, SIGWINCH, SIGCONT) are discarded and it
// prints "survived" and exits 0. The argument is the signal's name without "SIG", or "RTMIN+n"
// (no manifest entry: Node's spawnSync cannot name a real-time signal a process died of, and
// qemu 7.2, which maps guest real-time signals onto other host ones, dies of SIGRTMIN+n+2).
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct { const char *name; int sig; } names[] = {
  { "HUP", SIGHUP },   { "QUIT", SIGQUIT }, { "ABRT", SIGABRT }, { "KILL", SIGKILL },   { "USR1", SIGUSR1 },
  { "SEGV", SIGSEGV }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },   { "CHLD", SIGCHLD },
  { "CONT", SIGCONT }, { "URG", SIGURG },   { "WINCH", SIGWINCH },
};

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("usage: default-actions NAME (TERM, USR1, QUIT, ... or RTMIN+n)\n");
    return 2;
  }
  int sig = 0;
  if (strncmp(argv[1], "RTMIN+", 6) == 0) sig = SIGRTMIN + atoi(argv[1] + 6);
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(argv[1], names[i].name) == 0) sig = names[i].sig;
  if (sig == 0) {
    printf("unknown signal %s\n", argv[1]);
    return 2;
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  printf("sending SIG%s (%d) to ourselves\n", argv[1], sig);
  fflush(stdout);
  kill(getpid(), sig);
  printf("survived\n");
  return 0;
}
