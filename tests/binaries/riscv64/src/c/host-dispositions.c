// The host's actions for signals from outside and for broken pipes, driven by
// tests/suites/host-signals.test.ts: the program prints a line, and a line "send SIGA SIGB
// ..." asks the driver to send those signals, in that order, with kill(2). An ignored
// signal followed by a handled SIGUSR1 shows that the ignored one did nothing: had it
// killed the process, the SIGUSR1 would never have been taken. One mode per run:
//   inherited  started with SIGHUP and SIGINT ignored by the parent: they start ignored
//              (SIG_IGN survives execve) and do nothing; back at SIG_DFL, SIGHUP kills
//   default    SIGPIPE at its default action: a datagram send that fails with EPIPE
//              sends none (Linux's rule), one from kill kills (exit by signal 13)
//   write      SIGPIPE at its default action: a write to a pipe without readers kills
//   handler    a SIGPIPE handler runs once for kill, once for each write or stream send
//              that fails with EPIPE (not with MSG_NOSIGNAL, not for a datagram
//              socket); blocked, the write's SIGPIPE waits, sent by the process itself
//   ignored    SIGPIPE ignored: EPIPE, no signal, and one from kill does nothing
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t usr1, pipes, pipe_code_user, pipe_pid_own;

static void on_usr1(int sig) {
  (void)sig;
  usr1 = 1;
}

static void on_pipe(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  pipes++;
  pipe_code_user = si->si_code == SI_USER;
  pipe_pid_own = si->si_pid == getpid();
}

static void handle(int sig, void (*fn)(int), void (*info)(int, siginfo_t *, void *)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  if (info) {
    sa.sa_sigaction = info;
    sa.sa_flags = SA_SIGINFO;
  } else {
    sa.sa_handler = fn;
  }
  sigaction(sig, &sa, NULL);
}

static void say(const char *line) {
  printf("%s\n", line);
  fflush(stdout);
}

static void block(int sig, int how) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(how, &set, NULL);
}

/** Asks for `signals` then SIGUSR1 (blocked outside the wait, handled), and waits for the SIGUSR1. */
static void send_then_usr1(const char *signals) {
  sigset_t none;
  sigemptyset(&none);
  usr1 = 0;
  printf("send %s%sSIGUSR1\n", signals, *signals ? " " : "");
  fflush(stdout);
  while (!usr1) sigsuspend(&none);
}

static const char *action(int sig) {
  struct sigaction old;
  sigaction(sig, NULL, &old);
  return old.sa_handler == SIG_IGN ? "SIG_IGN" : old.sa_handler == SIG_DFL ? "SIG_DFL" : "a handler";
}

/** A pipe whose read end is closed: its write end. */
static int broken_pipe(void) {
  int fds[2];
  if (pipe(fds) != 0) exit(1);
  close(fds[0]);
  return fds[1];
}

/** A socket pair of `type` whose peer no longer reads: the sending end. */
static int broken_socket(int type) {
  int sv[2];
  if (socketpair(AF_UNIX, type, 0, sv) != 0) exit(1);
  if (type == SOCK_STREAM) close(sv[1]);
  else shutdown(sv[1], SHUT_RD);
  return sv[0];
}

static const char *err(long r) {
  return r == -1 ? strerror(errno) : "no error";
}

static void inherited(void) {
  printf("SIGHUP at start: %s\nSIGINT at start: %s\nSIGQUIT at start: %s\nSIGPIPE at start: %s\n",
         action(SIGHUP), action(SIGINT), action(SIGQUIT), action(SIGPIPE));
  printf("QEMU_USER_TS_SIGIGN in the environment: %s\n", getenv("QEMU_USER_TS_SIGIGN") ? "yes" : "no");
  send_then_usr1("SIGHUP SIGINT");
  say("ignored SIGHUP and SIGINT: still running");
  signal(SIGHUP, SIG_DFL);
  say("send SIGHUP to kill");
  for (;;) pause();
}

static void by_default(void) {
  printf("SIGPIPE at start: %s\n", action(SIGPIPE));
  long r = send(broken_socket(SOCK_DGRAM), "x", 1, 0);
  printf("datagram send: %s, still running\n", err(r));
  say("send SIGPIPE to kill");
  for (;;) pause();
}

static void write_kills(void) {
  int fd = broken_pipe();
  say("writing to a pipe without readers");
  long r = write(fd, "x", 1);
  printf("still running after the write: %s\n", err(r));
}

static void handler(void) {
  handle(SIGPIPE, NULL, on_pipe);
  block(SIGPIPE, SIG_BLOCK);
  sigset_t none;
  sigemptyset(&none);
  say("send SIGPIPE");
  while (pipes == 0) sigsuspend(&none);
  printf("got SIGPIPE %d time(s), from kill: %s\n", (int)pipes, pipe_code_user ? "yes" : "no");
  block(SIGPIPE, SIG_UNBLOCK);

  pipes = 0;
  long r = write(broken_pipe(), "x", 1);
  printf("pipe write: %s, handler ran %d time(s), SI_USER from itself: %s\n", err(r), (int)pipes,
         pipe_code_user && pipe_pid_own ? "yes" : "no");
  pipes = 0;
  int stream = broken_socket(SOCK_STREAM);
  r = send(stream, "x", 1, MSG_NOSIGNAL);
  printf("stream send, MSG_NOSIGNAL: %s, handler ran %d time(s)\n", err(r), (int)pipes);
  r = send(stream, "x", 1, 0);
  printf("stream send: %s, handler ran %d time(s)\n", err(r), (int)pipes);
  pipes = 0;
  r = send(broken_socket(SOCK_DGRAM), "x", 1, 0);
  printf("datagram send: %s, handler ran %d time(s)\n", err(r), (int)pipes);

  // a SIGPIPE from any of these, come late, would have run the handler by the time SIGUSR1's has
  pipes = 0;
  send_then_usr1("");
  printf("later SIGPIPEs: %d\n", (int)pipes);

  signal(SIGPIPE, SIG_DFL);
  block(SIGPIPE, SIG_BLOCK);
  r = write(broken_pipe(), "x", 1);
  sigset_t pending, pipe_only;
  sigpending(&pending);
  printf("blocked, pipe write: %s, SIGPIPE pending: %s\n", err(r), sigismember(&pending, SIGPIPE) ? "yes" : "no");
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  siginfo_t si;
  int sig = sigwaitinfo(&pipe_only, &si);
  printf("sigwaitinfo took SIGPIPE: %s, SI_USER from itself: %s\n", sig == SIGPIPE ? "yes" : "no",
         si.si_code == SI_USER && si.si_pid == getpid() ? "yes" : "no");
}

static void ignored(void) {
  signal(SIGPIPE, SIG_IGN);
  long r = write(broken_pipe(), "x", 1);
  printf("pipe write, SIGPIPE ignored: %s\n", err(r));
  send_then_usr1("SIGPIPE");
  say("ignored SIGPIPE: still running");
}

int main(int argc, char **argv) {
  handle(SIGUSR1, on_usr1, NULL);
  block(SIGUSR1, SIG_BLOCK);
  const char *mode = argc > 1 ? argv[1] : "";
  if (!strcmp(mode, "inherited")) inherited();
  else if (!strcmp(mode, "default")) by_default();
  else if (!strcmp(mode, "write")) write_kills();
  else if (!strcmp(mode, "handler")) handler();
  else if (!strcmp(mode, "ignored")) ignored();
  else return 2;
  return 0;
}
