// Sessions and process groups, as the host kernel keeps them (a guest pid is the host's):
// getpgid and getsid of ourselves and of a pid that does not exist (ESRCH), setpgid(0, 0)
// making us a group leader, then setsid refused (EPERM: a group leader cannot start one).
// Prints properties, not pids.
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

static const char *err(void) { return errno == ESRCH ? "ESRCH" : errno == EPERM ? "EPERM" : errno == EINVAL ? "EINVAL" : "other"; }

int main(void) {
  pid_t me = getpid();
  printf("getpgid(0) == getpgrp(): %s\n", getpgid(0) == getpgrp() ? "yes" : "no");
  // >= 0, not > 0: a process started by a daemon outside any session (as CI runners are) is in session 0
  printf("getsid(0) == getsid(getpid()) >= 0: %s\n", getsid(0) == getsid(me) && getsid(0) >= 0 ? "yes" : "no");
  errno = 0;
  printf("getpgid(no such pid): %d %s\n", getpgid(0x3ffffff0), err());
  errno = 0;
  printf("getsid(no such pid): %d %s\n", getsid(0x3ffffff0), err());
  printf("setpgid(0, -1): %d %s\n", setpgid(0, -1), err());
  int r = setpgid(0, 0);
  printf("setpgid(0, 0): %d, now a group leader: %s\n", r, getpgid(0) == me ? "yes" : "no");
  errno = 0;
  r = setsid();
  printf("setsid as a group leader: %d %s\n", r, err());
  return 0;
}
