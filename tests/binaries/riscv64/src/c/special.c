// Files that are not opened by path, in a fresh temporary directory: memfd_create (write,
// lseek, read back, fstat size, /proc/self/fd names it), eventfd (counter and semaphore
// modes, EAGAIN when empty and non-blocking, EINVAL for a short read), mknodat (a FIFO, a
// regular file, EEXIST, EINVAL for a bad type), fallocate (grows the file; KEEP_SIZE does
// not; EBADF read-only, ESPIPE on a pipe).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *e(void) {
  switch (errno) {
    case EAGAIN: return "EAGAIN"; case EINVAL: return "EINVAL"; case EEXIST: return "EEXIST";
    case EBADF: return "EBADF"; case ESPIPE: return "ESPIPE"; default: return "other";
  }
}
#define SHOW(what, expr) do { long r_ = (long)(expr); if (r_ < 0) printf("%-34s -1 %s\n", what, e()); else printf("%-34s %ld\n", what, r_); } while (0)

int main(void) {
  int m = memfd_create("scratch", MFD_CLOEXEC);
  printf("memfd_create: %s\n", m >= 0 ? "an fd" : e());
  SHOW("write 11 bytes", write(m, "hello memfd", 11));
  SHOW("lseek 6", lseek(m, 6, SEEK_SET));
  char b[32] = {0};
  SHOW("read", read(m, b, sizeof b));
  printf("  \"%s\"\n", b);
  struct stat st;
  fstat(m, &st);
  printf("fstat: size %ld, regular %s\n", (long)st.st_size, S_ISREG(st.st_mode) ? "yes" : "no");
  char link[64], target[128] = {0};
  snprintf(link, sizeof link, "/proc/self/fd/%d", m);
  readlink(link, target, sizeof target - 1);
  printf("/proc/self/fd names it: %s\n", target);

  int ev = eventfd(3, EFD_NONBLOCK);
  uint64_t v = 0;
  SHOW("eventfd write 4", write(ev, &(uint64_t){4}, 8));
  SHOW("eventfd read", read(ev, &v, 8));
  printf("  counter %llu\n", (unsigned long long)v);
  SHOW("eventfd read when empty", read(ev, &v, 8));
  SHOW("eventfd short read", read(ev, &v, 4));
  int sem = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
  SHOW("semaphore read", read(sem, &v, 8));
  printf("  value %llu\n", (unsigned long long)v);
  SHOW("eventfd bad flags", eventfd(0, 0x40));

  SHOW("mknodat FIFO", mknodat(AT_FDCWD, "fifo", S_IFIFO | 0644, 0));
  stat("fifo", &st);
  printf("  is a FIFO: %s, mode %o\n", S_ISFIFO(st.st_mode) ? "yes" : "no", st.st_mode & 0777);
  SHOW("mknodat regular", mknodat(AT_FDCWD, "reg", S_IFREG | 0600, 0));
  SHOW("mknodat existing", mknodat(AT_FDCWD, "reg", S_IFREG | 0600, 0));
  SHOW("mknodat bad type", mknodat(AT_FDCWD, "bad", 0170000 | 0644, 0));

  int f = open("grow", O_CREAT | O_RDWR, 0644);
  SHOW("fallocate 8192", fallocate(f, 0, 0, 8192));
  fstat(f, &st);
  printf("  size %ld\n", (long)st.st_size);
  SHOW("fallocate KEEP_SIZE to 65536", fallocate(f, FALLOC_FL_KEEP_SIZE, 0, 65536));
  fstat(f, &st);
  printf("  size %ld\n", (long)st.st_size);
  SHOW("fallocate len 0", fallocate(f, 0, 0, 0));
  int ro = open("grow", O_RDONLY);
  SHOW("fallocate read-only", fallocate(ro, 0, 0, 10));
  int pfd[2];
  pipe(pfd);
  SHOW("fallocate on a pipe", fallocate(pfd[1], 0, 0, 10));
  return 0;
}
