// How a threaded process ends, by the argument:
//   group        a second thread calls exit(7) while the main thread waits in pthread_join, one
//                thread spins and one sleeps: the atexit handler runs in the exiting thread,
//                the process exits 7 and nothing is printed after.
//   leader       the main thread calls pthread_exit while two threads keep running; they see
//                the same pid, one joins the main thread (its pthread_exit value: the kernel
//                cleared the tid given to set_tid_address) and the other, and the last one to
//                return ends the process: glibc's exit(0), atexit handler, exit status 0.
//   syscall-exit a thread ends with the raw exit system call (no glibc clean-up): the kernel
//                still clears its tid, so pthread_join returns; tgkill soon finds it gone
//                (ESRCH: the tid is cleared a little before the thread is quite gone);
//                the other threads carry on and the process exits 0.
//   leader-raw   the main thread ends with the raw exit system call with status 3, the last
//                thread with status 5: the process exits 5 (since Linux 6.0 the last thread
//                to exit sets the group's exit status; earlier kernels reported the leader's).
// Output is ordered by joins and semaphores; stdout is line-buffered so that every line is
// out before the process ends.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static sem_t step1, step2;
static pid_t exiter_tid, main_pid;
static pthread_t main_thread, t1, t2;

static void at_exit(void) { printf("atexit handler ran in the exiting thread: %s\n", gettid() == exiter_tid ? "yes" : "no"); }

/* ---- group ---- */
static volatile unsigned long spins;
static void *spinner(void *arg) {
  (void)arg;
  for (;;) spins++;
  return NULL;
}
static void *sleeper(void *arg) {
  (void)arg;
  sleep(10);
  printf("sleeper woke: exit did not end the process\n");
  return NULL;
}
static void *exiter(void *arg) {
  (void)arg;
  exiter_tid = gettid();
  usleep(50000);
  printf("exiter: calling exit(7)\n");
  exit(7);
}
static int group(void) {
  pthread_t a, b, c;
  atexit(at_exit);
  printf("main: starting a spinning, a sleeping and an exiting thread\n");
  pthread_create(&a, NULL, spinner, NULL);
  pthread_create(&b, NULL, sleeper, NULL);
  pthread_create(&c, NULL, exiter, NULL);
  pthread_join(c, NULL);
  printf("main: join of the exiting thread returned\n");
  return 1;
}

/* ---- leader ---- */
static void *leader_t1(void *arg) {
  (void)arg;
  sem_wait(&step1);
  usleep(20000);
  printf("T1: running after the main thread's pthread_exit, same pid: %s\n", getpid() == main_pid ? "yes" : "no");
  sem_post(&step2);
  usleep(20000);
  return (void *)11;
}
static void *leader_t2(void *arg) {
  (void)arg;
  void *r1, *r0;
  sem_wait(&step2);
  int j0 = pthread_join(main_thread, &r0);
  printf("T2: joined the main thread: %s, its value %ld\n", j0 == 0 ? "yes" : "no", (long)(intptr_t)r0);
  int j1 = pthread_join(t1, &r1);
  printf("T2: joined T1: %s, its value %ld\n", j1 == 0 ? "yes" : "no", (long)(intptr_t)r1);
  exiter_tid = gettid();
  printf("T2: the last thread returns\n");
  return NULL;
}
static int leader(void) {
  atexit(at_exit);
  main_thread = pthread_self();
  pthread_create(&t1, NULL, leader_t1, NULL);
  pthread_create(&t2, NULL, leader_t2, NULL);
  printf("main: pthread_exit with two threads running\n");
  sem_post(&step1);
  pthread_exit((void *)55);
}

/* ---- syscall-exit ---- */
static pid_t raw_tid;
static void *raw_exit(void *arg) {
  (void)arg;
  raw_tid = gettid();
  printf("T1: ending with the raw exit system call\n");
  syscall(SYS_exit, 0);
  printf("T1: still here after exit\n");
  return NULL;
}
static void *carry_on(void *arg) {
  (void)arg;
  sem_wait(&step1);
  printf("T2: still running after T1 ended\n");
  return (void *)22;
}
static int syscall_exit(void) {
  void *r;
  pthread_create(&t2, NULL, carry_on, NULL);
  pthread_create(&t1, NULL, raw_exit, NULL);
  int j = pthread_join(t1, &r);
  printf("main: pthread_join of the raw-exited thread returned: %s, value NULL: %s\n", j == 0 ? "yes" : "no", r == NULL ? "yes" : "no");
  int gone = 0;
  for (int i = 0; i < 1000 && !gone; i++) {
    gone = syscall(SYS_tgkill, getpid(), raw_tid, 0) == -1 && errno == ESRCH;
    if (!gone) usleep(1000);
  }
  printf("main: tgkill of its tid: ESRCH within a second: %s\n", gone ? "yes" : "no");
  sem_post(&step1);
  j = pthread_join(t2, &r);
  printf("main: joined T2: %s, its value %ld\n", j == 0 ? "yes" : "no", (long)(intptr_t)r);
  return 0;
}

/* ---- leader-raw ---- */
static void *last_raw(void *arg) {
  (void)arg;
  sem_wait(&step1);
  usleep(20000);
  printf("T1: running after the main thread's raw exit(3), same pid: %s\n", getpid() == main_pid ? "yes" : "no");
  printf("T1: the last thread ends with the raw exit(5)\n");
  syscall(SYS_exit, 5);
  return NULL;
}
static int leader_raw(void) {
  pthread_create(&t1, NULL, last_raw, NULL);
  printf("main: raw exit(3) with a thread running\n");
  sem_post(&step1);
  syscall(SYS_exit, 3);
  return 1;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  main_pid = getpid();
  sem_init(&step1, 0, 0);
  sem_init(&step2, 0, 0);
  const char *c = argc > 1 ? argv[1] : "";
  if (strcmp(c, "group") == 0) return group();
  if (strcmp(c, "leader") == 0) return leader();
  if (strcmp(c, "syscall-exit") == 0) return syscall_exit();
  if (strcmp(c, "leader-raw") == 0) return leader_raw();
  printf("usage: threads-exit group|leader|syscall-exit|leader-raw\n");
  return 2;
}
