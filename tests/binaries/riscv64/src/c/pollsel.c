// poll and select over pipes and files: a pipe's write end is writable, its read end not
// readable until data comes and hung up once the writer is gone; a regular file is
// always ready; select sees the same and refuses a closed fd with EBADF; timeouts of 0
// and 20 ms return 0 when nothing is ready.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>

static void show_poll(const char *what, int fd, short events, int timeout) {
  struct pollfd p = { fd, events, 0 };
  int r = poll(&p, 1, timeout);
  printf("%-38s %d revents 0x%x\n", what, r, p.revents);
}

int main(void) {
  int fds[2];
  pipe(fds);
  show_poll("pipe write end, POLLOUT", fds[1], POLLOUT, 0);
  show_poll("empty read end, POLLIN, 0 ms", fds[0], POLLIN, 0);
  show_poll("empty read end, POLLIN, 20 ms", fds[0], POLLIN, 20);
  write(fds[1], "x", 1);
  show_poll("read end with a byte", fds[0], POLLIN, 0);
  struct pollfd two[2] = { { fds[0], POLLIN, 0 }, { fds[1], POLLOUT, 0 } };
  printf("%-38s %d (0x%x 0x%x)\n", "both ends", poll(two, 2, 0), two[0].revents, two[1].revents);
  int f = open("/proc/self/exe", O_RDONLY);
  show_poll("regular file, POLLIN|POLLOUT", f, POLLIN | POLLOUT, 0);
  show_poll("closed fd", 77, POLLIN, 0);

  fd_set r, w;
  FD_ZERO(&r); FD_ZERO(&w);
  FD_SET(fds[0], &r); FD_SET(fds[1], &w); FD_SET(f, &r);
  struct timeval tv = { 0, 0 };
  int n = select(f + 1, &r, &w, NULL, &tv);
  printf("select: %d, read end %d, write end %d, file %d\n", n, FD_ISSET(fds[0], &r), FD_ISSET(fds[1], &w), FD_ISSET(f, &r));
  char c;
  read(fds[0], &c, 1);
  FD_ZERO(&r);
  FD_SET(fds[0], &r);
  tv.tv_usec = 20000;
  printf("select on an empty read end, 20 ms: %d\n", select(fds[0] + 1, &r, NULL, NULL, &tv));
  FD_ZERO(&r);
  FD_SET(60, &r);
  tv.tv_usec = 0;
  errno = 0;
  printf("select with a closed fd: %d %s\n", select(61, &r, NULL, NULL, &tv), errno == EBADF ? "EBADF" : "?");
  close(fds[1]);
  show_poll("read end, writer gone", fds[0], POLLIN, 0);
  return 0;
}
