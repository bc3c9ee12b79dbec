// Timers and the signals they send: setitimer(ITIMER_REAL) interrupting a busy loop and
// getitimer after disarming; alarm's remaining seconds; alarm(1) interrupting a read() of an
// empty pipe (a handler without SA_RESTART: -1 EINTR) and a timer whose SA_RESTART handler
// writes to the pipe (the read restarts and returns that byte); a 1 ms ITIMER_REAL interval
// for 0.5 s (at least 10 runs: a loaded machine merges expirations, as SIGALRM does
// while one waits: 19 under a load of 6 on 2 cores; never more than one a millisecond;
// the POSIX timer below counts what was merged); timer_create
// (CLOCK_MONOTONIC, SIGEV_SIGNAL) with a 1 ms interval for 1 s, counted with si_overrun by
// a handler (signals + overruns = the expirations due, within a wide tolerance) and,
// blocked, taken by sigtimedwait (si_overrun == timer_getoverrun, expirations within a wide
// tolerance of the elapsed time), timer_gettime, an absolute expiry in the past, timer_delete;
// timerfd read through poll (expirations), timerfd_gettime, disarming, an absolute expiry;
// signalfd reading a blocked SIGUSR1 sent with raise and with kill, through poll;
// clock_nanosleep relative, absolute (TIMER_ABSTIME, also in the past, CLOCK_REALTIME),
// interrupted by a handler (EINTR and the time left), EINVAL. Timing facts are printed only as
// booleans of wide tolerances (the measurements go to stderr when one fails).
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static int failures;
static void check(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}
/** A check of a measured value; on a failure the measurements go to stderr (stdout stays fixed). */
static void check_measured(const char *what, int ok, long a, long b) {
  if (!ok) fprintf(stderr, "%s: measured %ld, %ld\n", what, a, b);
  check(what, ok);
}

static int64_t now_ns(clockid_t c) {
  struct timespec t;
  clock_gettime(c, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}
static int64_t ts_ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }
static struct timespec ns_ts(int64_t ns) { return (struct timespec){ ns / 1000000000, ns % 1000000000 }; }
static void on(int sig, void (*fn)(int), int flags) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  sa.sa_flags = flags;
  sigaction(sig, &sa, NULL);
}
static void set_itimer(long value_us, long interval_us) {
  struct itimerval it = { { interval_us / 1000000, interval_us % 1000000 }, { value_us / 1000000, value_us % 1000000 } };
  setitimer(ITIMER_REAL, &it, NULL);
}
static void mask(int how, int sig) {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, sig);
  sigprocmask(how, &s, NULL);
}

static volatile sig_atomic_t alarms;
static void count_alarm(int sig) { (void)sig; alarms++; }
static int pipe_fd[2];
static void write_pipe(int sig) {
  (void)sig;
  alarms++;
  if (write(pipe_fd[1], "x", 1) != 1) abort();
}

static void itimers(void) {
  on(SIGALRM, count_alarm, 0);
  alarms = 0;
  set_itimer(10000, 10000);
  int64_t t0 = now_ns(CLOCK_MONOTONIC);
  while (alarms < 5 && now_ns(CLOCK_MONOTONIC) - t0 < 3000000000LL) {
  }
  set_itimer(0, 0);
  check("setitimer 10 ms interval: the handler ran 5 times during a busy loop", alarms >= 5);
  struct itimerval it;
  getitimer(ITIMER_REAL, &it);
  check("getitimer after disarming: all zero", it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0 && it.it_interval.tv_sec == 0 && it.it_interval.tv_usec == 0);
  set_itimer(1500000, 250000);
  getitimer(ITIMER_REAL, &it);
  set_itimer(0, 0);
  check("getitimer of an armed timer: value <= 1.5 s, interval 0.25 s",
        it.it_value.tv_sec * 1000000 + it.it_value.tv_usec <= 1500000 && it.it_value.tv_sec * 1000000 + it.it_value.tv_usec > 1000000 &&
            it.it_interval.tv_sec == 0 && it.it_interval.tv_usec == 250000);

  unsigned first = alarm(10), second = alarm(0);
  check("alarm(10) then alarm(0): 0, then 9 or 10 seconds left", first == 0 && (second == 10 || second == 9));

  if (pipe(pipe_fd) != 0) abort();
  char c = 0;
  alarms = 0;
  on(SIGALRM, count_alarm, 0); // no SA_RESTART
  int64_t t1 = now_ns(CLOCK_MONOTONIC);
  alarm(1);
  ssize_t n = read(pipe_fd[0], &c, 1);
  int e = errno;
  int64_t waited = now_ns(CLOCK_MONOTONIC) - t1;
  check_measured("alarm(1) interrupts read() of an empty pipe without SA_RESTART: -1 EINTR after ~1 s",
                 n == -1 && e == EINTR && alarms == 1 && waited > 900000000LL, (long)n, (long)(waited / 1000000));

  on(SIGALRM, write_pipe, SA_RESTART);
  alarms = 0;
  set_itimer(50000, 0);
  n = read(pipe_fd[0], &c, 1);
  check("with SA_RESTART the read restarts and returns the byte the handler wrote", n == 1 && c == 'x' && alarms == 1);

  on(SIGALRM, count_alarm, 0);
  alarms = 0;
  int64_t t2 = now_ns(CLOCK_MONOTONIC);
  set_itimer(1000, 1000);
  while (now_ns(CLOCK_MONOTONIC) - t2 < 500000000LL) {
  }
  set_itimer(0, 0);
  int64_t ms = (now_ns(CLOCK_MONOTONIC) - t2) / 1000000;
  int runs = alarms;
  check_measured("1 ms ITIMER_REAL for 0.5 s: the handler ran >= 10 times", runs >= 10, runs, (long)ms);
  check_measured("... and no more than once a millisecond", runs <= ms + 1, runs, (long)ms);
  close(pipe_fd[0]);
  close(pipe_fd[1]);
}

static volatile sig_atomic_t timer_signals, timer_expirations, timer_bad_code;
static void on_timer(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  timer_signals++;
  timer_expirations += 1 + si->si_overrun;
  if (si->si_code != SI_TIMER || si->si_value.sival_int != 77) timer_bad_code++;
}

static void posix_timers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_timer;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &sa, NULL);
  struct sigevent ev;
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGUSR2;
  ev.sigev_value.sival_int = 77;
  timer_t t;
  check("timer_create(CLOCK_MONOTONIC, SIGEV_SIGNAL)", timer_create(CLOCK_MONOTONIC, &ev, &t) == 0);

  struct itimerspec its = { { 0, 1000000 }, { 0, 1000000 } }, cur;
  int64_t t0 = now_ns(CLOCK_MONOTONIC);
  timer_settime(t, 0, &its, NULL);
  while (now_ns(CLOCK_MONOTONIC) - t0 < 1000000000LL) {
  }
  memset(&its, 0, sizeof its);
  timer_settime(t, 0, &its, NULL);
  int64_t expected = (now_ns(CLOCK_MONOTONIC) - t0) / 1000000;
  int got = timer_expirations;
  check("1 ms interval for 1 s: the handler ran, si_code SI_TIMER, sival 77", timer_signals > 0 && timer_bad_code == 0);
  check_measured("... signals + si_overrun within 25%..100% of the expirations due", got * 4 >= expected && got <= expected + 1, got, (long)expected);

  mask(SIG_BLOCK, SIGUSR2);
  its = (struct itimerspec){ { 0, 1000000 }, { 0, 1000000 } };
  int64_t t1 = now_ns(CLOCK_MONOTONIC);
  timer_settime(t, 0, &its, NULL);
  usleep(100000);
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR2);
  siginfo_t si;
  struct timespec wait = { 1, 0 };
  int sig = sigtimedwait(&s, &si, &wait);
  int overrun = timer_getoverrun(t);
  int64_t due = (now_ns(CLOCK_MONOTONIC) - t1) / 1000000;
  memset(&its, 0, sizeof its);
  timer_settime(t, 0, &its, NULL);
  siginfo_t late;
  while (sigtimedwait(&s, &late, &(struct timespec){ 0, 0 }) > 0) {
  } // one may have come since (kept apart: si is checked below)
  mask(SIG_UNBLOCK, SIGUSR2);
  check("blocked 1 ms interval for 0.1 s: sigtimedwait takes one SIGUSR2 (SI_TIMER)", sig == SIGUSR2 && si.si_code == SI_TIMER);
  check("... si_overrun == timer_getoverrun", overrun == si.si_overrun);
  check_measured("... 1 + overruns within 25%..100% of the expirations due", (overrun + 1) * 4 >= due && overrun + 1 <= due + 1, overrun + 1, (long)due);

  its = (struct itimerspec){ { 0, 0 }, { 1, 0 } };
  timer_settime(t, 0, &its, NULL);
  timer_gettime(t, &cur);
  check("timer_gettime of a 1 s one-shot: 0.5 s < value <= 1 s, interval 0",
        ts_ns(cur.it_value) <= 1000000000LL && ts_ns(cur.it_value) > 500000000LL && ts_ns(cur.it_interval) == 0);
  struct itimerspec old;
  its.it_value = (struct timespec){ 0, 0 };
  timer_settime(t, 0, &its, &old);
  timer_gettime(t, &cur);
  check("timer_settime returns the old setting; disarmed: value 0", ts_ns(old.it_value) > 500000000LL && ts_ns(cur.it_value) == 0);

  timer_signals = 0;
  its.it_value = ns_ts(now_ns(CLOCK_MONOTONIC) - 1000000); // already past: expires at once
  timer_settime(t, TIMER_ABSTIME, &its, NULL);
  int64_t t2 = now_ns(CLOCK_MONOTONIC);
  while (timer_signals == 0 && now_ns(CLOCK_MONOTONIC) - t2 < 2000000000LL) {
  }
  check("TIMER_ABSTIME in the past: the signal comes at once", timer_signals == 1);
  check("timer_delete", timer_delete(t) == 0);
  errno = 0;
  check("timer_gettime of a deleted timer: EINVAL", timer_gettime(t, &cur) == -1 && errno == EINVAL);
}

static void timerfds(void) {
  int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  check("timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC)", fd >= 0);
  uint64_t exp = 0;
  errno = 0;
  check("read of an unarmed timerfd: EAGAIN", read(fd, &exp, 8) == -1 && errno == EAGAIN);
  struct itimerspec its = { { 0, 10000000 }, { 0, 10000000 } }, cur;
  timerfd_settime(fd, 0, &its, NULL);
  timerfd_gettime(fd, &cur);
  check("timerfd_gettime: interval 10 ms, 0 < value <= 10 ms",
        ts_ns(cur.it_interval) == 10000000 && ts_ns(cur.it_value) > 0 && ts_ns(cur.it_value) <= 10000000);
  struct pollfd p = { fd, POLLIN, 0 };
  int r = poll(&p, 1, 2000);
  check("poll: readable", r == 1 && p.revents == POLLIN);
  check("read: >= 1 expiration", read(fd, &exp, 8) == 8 && exp >= 1);
  usleep(55000);
  check("55 ms later: >= 4 expirations", read(fd, &exp, 8) == 8 && exp >= 4);
  memset(&its, 0, sizeof its);
  timerfd_settime(fd, 0, &its, NULL);
  timerfd_gettime(fd, &cur);
  errno = 0;
  check("disarmed: gettime all zero, read EAGAIN", ts_ns(cur.it_value) == 0 && ts_ns(cur.it_interval) == 0 && read(fd, &exp, 8) == -1 && errno == EAGAIN);
  its.it_value = ns_ts(now_ns(CLOCK_MONOTONIC) - 5000000);
  timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL);
  p.revents = 0;
  r = poll(&p, 1, 2000);
  check("TFD_TIMER_ABSTIME in the past: 1 expiration at once", r == 1 && read(fd, &exp, 8) == 8 && exp == 1);
  errno = 0;
  check("read into 4 bytes: EINVAL", read(fd, &exp, 4) == -1 && errno == EINVAL);
  close(fd);
}

static void signalfds(void) {
  mask(SIG_BLOCK, SIGUSR1);
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  int fd = signalfd(-1, &s, SFD_NONBLOCK | SFD_CLOEXEC);
  check("signalfd for a blocked SIGUSR1", fd >= 0);
  struct pollfd p = { fd, POLLIN, 0 };
  check("poll before any signal: nothing", poll(&p, 1, 0) == 0);
  raise(SIGUSR1);
  p.revents = 0;
  check("after raise(SIGUSR1): readable", poll(&p, 1, 1000) == 1 && p.revents == POLLIN);
  struct signalfd_siginfo ssi;
  memset(&ssi, 0, sizeof ssi);
  ssize_t n = read(fd, &ssi, sizeof ssi);
  check("read: SIGUSR1, SI_TKILL, our pid", n == sizeof ssi && ssi.ssi_signo == SIGUSR1 && ssi.ssi_code == SI_TKILL && ssi.ssi_pid == (uint32_t)getpid());
  errno = 0;
  check("read again: EAGAIN, and nothing pending", read(fd, &ssi, sizeof ssi) == -1 && errno == EAGAIN &&
                                                      (sigpending(&s), !sigismember(&s, SIGUSR1)));
  kill(getpid(), SIGUSR1);
  mask(SIG_BLOCK, SIGUSR2);
  raise(SIGUSR2); // not in the signalfd's mask: stays pending
  p.revents = 0;
  n = poll(&p, 1, 1000) == 1 ? read(fd, &ssi, sizeof ssi) : -1;
  check("kill(getpid(), SIGUSR1): read as SI_USER", n == sizeof ssi && ssi.ssi_signo == SIGUSR1 && ssi.ssi_code == SI_USER);
  sigpending(&s);
  check("SIGUSR2, not in its mask, left pending", sigismember(&s, SIGUSR2));
  sigemptyset(&s);
  sigaddset(&s, SIGUSR2);
  int sig;
  sigwait(&s, &sig);
  mask(SIG_UNBLOCK, SIGUSR2);
  close(fd);
  mask(SIG_UNBLOCK, SIGUSR1);
}

static void sleeps(void) {
  int64_t t0 = now_ns(CLOCK_MONOTONIC);
  struct timespec d = { 0, 20000000 }, rem;
  int r = clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL);
  check("clock_nanosleep relative 20 ms: 0, >= 20 ms later", r == 0 && now_ns(CLOCK_MONOTONIC) - t0 >= 20000000);
  int64_t target = now_ns(CLOCK_MONOTONIC) + 30000000;
  d = ns_ts(target);
  r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &d, NULL);
  check("clock_nanosleep TIMER_ABSTIME now + 30 ms (CLOCK_MONOTONIC): 0, not before it", r == 0 && now_ns(CLOCK_MONOTONIC) >= target);
  target = now_ns(CLOCK_REALTIME) + 20000000;
  d = ns_ts(target);
  r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &d, NULL);
  check("clock_nanosleep TIMER_ABSTIME now + 20 ms (CLOCK_REALTIME): 0, not before it", r == 0 && now_ns(CLOCK_REALTIME) >= target);
  d = ns_ts(now_ns(CLOCK_MONOTONIC) - 1000000000);
  t0 = now_ns(CLOCK_MONOTONIC);
  r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &d, NULL);
  check("clock_nanosleep TIMER_ABSTIME in the past: 0 at once", r == 0 && now_ns(CLOCK_MONOTONIC) - t0 < 500000000);
  d = (struct timespec){ 0, 1000000000 };
  check("clock_nanosleep with tv_nsec 1e9: EINVAL", clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL) == EINVAL);

  on(SIGALRM, count_alarm, 0);
  alarms = 0;
  set_itimer(20000, 0);
  d = (struct timespec){ 1, 0 };
  memset(&rem, 0, sizeof rem);
  r = clock_nanosleep(CLOCK_MONOTONIC, 0, &d, &rem);
  check("clock_nanosleep 1 s interrupted by a handler after 20 ms: EINTR, 0.5 s < left < 1 s",
        r == EINTR && alarms == 1 && ts_ns(rem) > 500000000 && ts_ns(rem) < 1000000000);
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  itimers();
  posix_timers();
  timerfds();
  signalfds();
  sleeps();
  printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
