// Vectored positional I/O and in-kernel copies, in a fresh temporary directory:
// pwritev/preadv at offsets (the file offset untouched), preadv2/pwritev2 with offset -1
// (the file offset used and advanced), an unknown RWF flag (EOPNOTSUPP),
// copy_file_range with and without offset pointers, its errors (flags, overlap, a pipe).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *e(void) {
  return errno == EINVAL ? "EINVAL" : errno == EOPNOTSUPP ? "EOPNOTSUPP" : errno == EBADF ? "EBADF" : errno == ESPIPE ? "ESPIPE" : "other";
}
#define SHOW(what, expr) do { long r_ = (long)(expr); if (r_ < 0) printf("%-36s -1 %s\n", what, e()); else printf("%-36s %ld\n", what, r_); } while (0)

static void dump(const char *path) {
  char b[128] = {0};
  int fd = open(path, O_RDONLY);
  long n = read(fd, b, sizeof b - 1);
  close(fd);
  printf("  %s: %ld bytes \"", path, n);
  for (long i = 0; i < n; i++) putchar(b[i] ? b[i] : '.');
  printf("\"\n");
}

int main(void) {
  int fd = open("a", O_CREAT | O_RDWR | O_TRUNC, 0644);
  char x[] = "hello ", y[] = "vectored ", z[] = "world";
  struct iovec w[3] = { { x, 6 }, { y, 9 }, { z, 5 } };
  SHOW("pwritev at 4", pwritev(fd, w, 3, 4));
  SHOW("file offset after pwritev", lseek(fd, 0, SEEK_CUR));
  dump("a");
  char r1[5] = {0}, r2[8] = {0};
  struct iovec r[2] = { { r1, 4 }, { r2, 7 } };
  SHOW("preadv at 10", preadv(fd, r, 2, 10));
  printf("  \"%s\" \"%s\"\n", r1, r2);
  SHOW("pwritev2 offset -1 (file offset)", pwritev2(fd, w, 1, -1, 0));
  SHOW("file offset after pwritev2", lseek(fd, 0, SEEK_CUR));
  SHOW("preadv2 offset -1", preadv2(fd, r, 2, -1, 0));
  dump("a");
  SHOW("preadv2 unknown flag", preadv2(fd, r, 1, 0, 0x4000));
  SHOW("preadv negative offset", preadv(fd, r, 1, -5));

  int out = open("b", O_CREAT | O_RDWR | O_TRUNC, 0644);
  loff_t oi = 4, oo = 2;
  SHOW("copy_file_range with offsets", copy_file_range(fd, &oi, out, &oo, 14, 0));
  printf("  off_in %ld off_out %ld, file offsets %ld %ld\n", (long)oi, (long)oo, (long)lseek(fd, 0, SEEK_CUR), (long)lseek(out, 0, SEEK_CUR));
  lseek(fd, 10, SEEK_SET);
  SHOW("copy_file_range at file offsets", copy_file_range(fd, NULL, out, NULL, 100, 0));
  printf("  file offsets %ld %ld\n", (long)lseek(fd, 0, SEEK_CUR), (long)lseek(out, 0, SEEK_CUR));
  dump("b");
  SHOW("copy_file_range flags", copy_file_range(fd, NULL, out, NULL, 1, 1));
  loff_t s1 = 0, s2 = 4;
  SHOW("copy_file_range overlapping", copy_file_range(fd, &s1, fd, &s2, 8, 0));
  int pfd[2];
  pipe(pfd);
  SHOW("copy_file_range from a pipe", copy_file_range(pfd[0], NULL, out, NULL, 1, 0));
  SHOW("copy_file_range at EOF", copy_file_range(fd, NULL, out, NULL, 10, 0));
  return 0;
}
