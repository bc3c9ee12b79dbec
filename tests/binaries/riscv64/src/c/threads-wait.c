// A thread's system calls while the main thread blocks: the main thread waits in
// epoll_wait (no timeout) on an empty pipe, then in a blocking read of it, and meanwhile
// another thread makes 100 getuid and 100 getppid calls, timing them, before it writes
// the byte that ends the wait. None of those calls may have to wait for the main
// thread's wait to end: 200 calls must take well under a second (Linux: microseconds).
// Then a 20 ms ITIMER_REAL, whose SIGALRM handler must end the main thread's epoll_wait
// with EINTR after about 20 ms. Then a signal with a handler (no SA_RESTART) sent to
// another thread blocked in epoll_wait, in a pipe read, then in poll, ends the call with
// EINTR. Last, the other way round: another thread in poll of the empty pipe (5 s) while
// the main thread makes its 200 calls, then writes the byte that ends the poll; and a
// 50 ms poll there that times out.
// Prints one line per property and PASS (exit 0) or FAIL (exit 1); a timing that fails is
// printed on stderr.
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int failures;
static int fds[2];
static long calls_ms;

static void check(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

static long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits until the main thread is blocked (a guess: 30 ms), times 200 calls, then releases it. */
static void *caller(void *arg) {
  (void)arg;
  struct timespec pause = { 0, 30 * 1000 * 1000 };
  nanosleep(&pause, NULL);
  long t0 = now_ms();
  for (int i = 0; i < 100; i++) {
    if (getuid() == (uid_t)-1 || getppid() <= 0) calls_ms = 1000000; // cannot happen
  }
  calls_ms += now_ms() - t0;
  char c = 'x';
  if (write(fds[1], &c, 1) != 1) calls_ms = 1000000;
  return NULL;
}

static void on_alarm(int sig) {
  (void)sig;
}

/* A thread blocked in epoll_wait (5 s), in a pipe read or in poll (5 s), sent SIGUSR1 (a handler without SA_RESTART). */
static int blocker_ep;
static volatile int blocker_done, blocker_result, blocker_errno;

static void on_usr1(int sig) {
  (void)sig;
}

static void *blocker(void *arg) {
  char c;
  struct epoll_event got;
  struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
  long how = (long)arg;
  blocker_result = how == 1 ? (int)read(fds[0], &c, 1) : how == 2 ? poll(&pfd, 1, 5000) : epoll_wait(blocker_ep, &got, 1, 5000);
  blocker_errno = errno;
  blocker_done = 1;
  return NULL;
}

/* Sends SIGUSR1 every 20 ms (the first may come before the call blocks) until the call ends, for 3 s at most. */
static int interrupted(long how) {
  pthread_t t;
  blocker_done = 0;
  pthread_create(&t, NULL, blocker, (void *)how);
  struct timespec pause = { 0, 20 * 1000 * 1000 };
  for (int i = 0; i < 150 && !blocker_done; i++) {
    nanosleep(&pause, NULL);
    if (!blocker_done) pthread_kill(t, SIGUSR1);
  }
  if (!blocker_done) return 0; // still blocked: exit_group ends it
  pthread_join(t, NULL);
  return blocker_result == -1 && blocker_errno == EINTR;
}

/* poll of the pipe's read end for poll_timeout_ms, in a thread of its own. */
static int poll_timeout_ms = 5000;
static volatile int poll_result, poll_revents;
static volatile long poll_ms;

static void *poller(void *arg) {
  struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
  long t0 = now_ms();
  poll_result = poll(&pfd, 1, poll_timeout_ms);
  poll_ms = now_ms() - t0;
  poll_revents = pfd.revents;
  return arg;
}

int main(void) {
  if (pipe(fds) != 0) return 2;
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 7 };
  epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);

  pthread_t t;
  pthread_create(&t, NULL, caller, NULL);
  struct epoll_event got;
  int n = epoll_wait(ep, &got, 1, -1);
  pthread_join(t, NULL);
  check("epoll_wait in the main thread ended by the other thread's write", n == 1 && got.data.u64 == 7);
  check("... 200 system calls in the other thread meanwhile took under 500 ms", calls_ms < 500);
  if (calls_ms >= 500) fprintf(stderr, "threads-wait: 200 calls took %ld ms\n", calls_ms);
  char c;
  if (read(fds[0], &c, 1) != 1) return 2;

  calls_ms = 0;
  pthread_create(&t, NULL, caller, NULL);
  ssize_t r = read(fds[0], &c, 1);
  pthread_join(t, NULL);
  check("a blocking read in the main thread ended by the other thread's write", r == 1 && c == 'x');
  check("... 200 system calls in the other thread meanwhile took under 500 ms", calls_ms < 500);
  if (calls_ms >= 500) fprintf(stderr, "threads-wait: 200 calls took %ld ms\n", calls_ms);

  // a timer's signal ends the main thread's wait (the process has had threads)
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = { { 0, 0 }, { 0, 20 * 1000 } };
  long t0 = now_ms();
  setitimer(ITIMER_REAL, &it, NULL);
  n = epoll_wait(ep, &got, 1, -1);
  int e = errno;
  long waited = now_ms() - t0;
  check("a 20 ms ITIMER_REAL's handler ends epoll_wait with EINTR", n == -1 && e == EINTR);
  check("... after 20 ms, and less than 500 ms", waited >= 19 && waited < 500);
  if (waited < 19 || waited >= 500) fprintf(stderr, "threads-wait: epoll_wait ended after %ld ms\n", waited);

  // a signal for a thread blocked in epoll_wait or in a read ends the call with EINTR
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  blocker_ep = ep;
  check("SIGUSR1 (handler, no SA_RESTART) to a thread in epoll_wait: EINTR", interrupted(0));
  check("... to a thread in a read of an empty pipe: EINTR", interrupted(1));
  check("... to a thread in poll of an empty pipe: EINTR", interrupted(2));

  // another thread in poll (5 s) of the empty pipe: the main thread's calls go on meanwhile
  pthread_create(&t, NULL, poller, NULL);
  struct timespec pause = { 0, 30 * 1000 * 1000 };
  nanosleep(&pause, NULL);
  t0 = now_ms();
  for (int i = 0; i < 100; i++) {
    if (getuid() == (uid_t)-1 || getppid() <= 0) return 2;
  }
  long main_ms = now_ms() - t0;
  c = 'p';
  if (write(fds[1], &c, 1) != 1) return 2;
  pthread_join(t, NULL);
  check("poll (5 s) of a pipe in another thread: 200 calls of the main thread meanwhile took under 500 ms", main_ms < 500);
  if (main_ms >= 500) fprintf(stderr, "threads-wait: 200 calls took %ld ms\n", main_ms);
  check("... the main thread's write ends the poll: 1, POLLIN", poll_result == 1 && (poll_revents & POLLIN));
  if (read(fds[0], &c, 1) != 1) return 2;
  poll_timeout_ms = 50;
  pthread_create(&t, NULL, poller, NULL);
  pthread_join(t, NULL);
  check("poll (50 ms) of the empty pipe in another thread: 0 after 50 ms, under 1 s", poll_result == 0 && poll_ms >= 49 && poll_ms < 1000);
  if (poll_result != 0 || poll_ms < 49 || poll_ms >= 1000) fprintf(stderr, "threads-wait: poll answered %d after %ld ms\n", poll_result, poll_ms);

  printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
