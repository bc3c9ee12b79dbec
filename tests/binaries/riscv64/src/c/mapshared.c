// MAP_SHARED file round trips in a fresh temporary directory: writes through a shared
// mapping reach the file after msync and after munmap (without msync), even once the fd
// it was mapped from is closed; a MAP_PRIVATE mapping's writes never do; msync's checks.
// The second page is written last and left mapped: it reaches the file as the process
// ends (tests/suites/dynamic.test.ts reads it back).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void show_file(const char *what, int fd, long at, long n) {
  char b[64] = {0};
  long r = pread(fd, b, n, at);
  printf("%-40s %ld \"%s\"\n", what, r, b);
}

int main(void) {
  int fd = open("shared.bin", O_CREAT | O_RDWR | O_TRUNC, 0644);
  ftruncate(fd, 3 * 4096);
  char *m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (m == MAP_FAILED) { perror("mmap"); return 1; }
  close(fd);
  fd = open("shared.bin", O_RDONLY);
  strcpy(m + 10, "through msync");
  printf("msync: %d\n", msync(m, 4096, MS_SYNC));
  show_file("after msync, the file holds", fd, 10, 13);
  strcpy(m + 2 * 4096 + 7, "through munmap");
  printf("munmap of the last page: %d\n", munmap(m + 2 * 4096, 4096));
  show_file("after munmap, the file holds", fd, 2 * 4096 + 7, 14);
  char *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  printf("private mapping sees the file: \"%s\"\n", priv + 10);
  strcpy(priv + 10, "PRIVATE WRITE");
  munmap(priv, 4096);
  show_file("a private mapping's write stays out", fd, 10, 13);
  errno = 0;
  printf("msync unaligned: %d %s\n", msync(m + 1, 10, MS_SYNC), errno == EINVAL ? "EINVAL" : "?");
  errno = 0;
  printf("msync MS_SYNC|MS_ASYNC: %d %s\n", msync(m, 10, MS_SYNC | MS_ASYNC), errno == EINVAL ? "EINVAL" : "?");
  errno = 0;
  printf("msync of an unmapped page: %d %s\n", msync(m + 2 * 4096, 4096, MS_SYNC), errno == ENOMEM ? "ENOMEM" : "?");
  strcpy(m + 4096 + 100, "written at exit");
  return 0;
}
