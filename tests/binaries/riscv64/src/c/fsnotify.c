// inotify and the pipe-splicing calls, in a fresh directory under /tmp.
// inotify: init1 flags (IN_NONBLOCK, IN_CLOEXEC, unknown bits), add_watch's mask and fd
// checks and their order, the events of create / write / close / rename / unlink / mkdir
// with their names and matching rename cookies, FIONREAD, poll, a read into a buffer too
// small for the next event (EINVAL), EAGAIN when empty, rm_watch and its IN_IGNORED.
// splice: file to pipe (at the file offset, or at *off_in leaving the offset alone), pipe
// to file, pipe to pipe, EOF, and Linux's errors (EINVAL, ESPIPE, EBADF, EAGAIN, EPIPE).
// tee: duplicates a pipe's bytes into another and leaves them in the first. vmsplice:
// gathers into a pipe and scatters out of one, a partial write into a pipe with less
// room than asked, and its errors. Prints errno names and byte strings, never fds.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static void res(const char *label, long r) {
  if (r < 0) printf("%-50s -1 %s\n", label, strerrorname_np(errno));
  else printf("%-50s %ld\n", label, r);
}

static const char *bits(unsigned m) {
  static char out[256];
  static const struct { unsigned bit; const char *name; } names[] = {
    { IN_ACCESS, "ACCESS" }, { IN_MODIFY, "MODIFY" }, { IN_ATTRIB, "ATTRIB" }, { IN_CLOSE_WRITE, "CLOSE_WRITE" },
    { IN_CLOSE_NOWRITE, "CLOSE_NOWRITE" }, { IN_OPEN, "OPEN" }, { IN_MOVED_FROM, "MOVED_FROM" }, { IN_MOVED_TO, "MOVED_TO" },
    { IN_CREATE, "CREATE" }, { IN_DELETE, "DELETE" }, { IN_DELETE_SELF, "DELETE_SELF" }, { IN_MOVE_SELF, "MOVE_SELF" },
    { IN_IGNORED, "IGNORED" }, { IN_ISDIR, "ISDIR" }, { IN_Q_OVERFLOW, "Q_OVERFLOW" },
  };
  out[0] = 0;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    if (m & names[i].bit) {
      if (out[0]) strcat(out, "|");
      strcat(out, names[i].name);
    }
  }
  return out;
}

/** Reads and prints every pending event of `in` (which must be non-blocking). */
static void drain(int in, int wd) {
  static char buf[4096] __attribute__((aligned(8)));
  unsigned cookie = 0;
  for (;;) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n < 0) {
      printf("  read: -1 %s\n", strerrorname_np(errno));
      return;
    }
    for (char *p = buf; p < buf + n;) {
      struct inotify_event *ev = (struct inotify_event *)p;
      printf("  event %-22s wd %s name \"%s\" (len %u)", bits(ev->mask), ev->wd == wd ? "ours" : "other", ev->len ? ev->name : "", ev->len);
      if (ev->mask & IN_MOVED_FROM) cookie = ev->cookie;
      if (ev->mask & IN_MOVED_TO) printf(" cookie %s", ev->cookie == cookie && cookie ? "matches" : "differs");
      printf("\n");
      p += sizeof *ev + ev->len;
    }
  }
}

static void inotify(void) {
  int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  res("inotify_init1(IN_NONBLOCK|IN_CLOEXEC) >= 0", in >= 0 ? 0 : -1);
  int fl = fcntl(in, F_GETFL);
  printf("%-50s %s%s\n", "  F_GETFL", (fl & O_ACCMODE) == O_RDONLY ? "O_RDONLY" : "other", fl & O_NONBLOCK ? "|O_NONBLOCK" : "");
  printf("%-50s %s\n", "  FD_CLOEXEC", fcntl(in, F_GETFD) & FD_CLOEXEC ? "set" : "clear");
  int blocking = inotify_init1(0);
  printf("%-50s %s\n", "inotify_init1(0): F_GETFL O_NONBLOCK", fcntl(blocking, F_GETFL) & O_NONBLOCK ? "set" : "clear");
  res("inotify_init1(1)", inotify_init1(1));

  mkdir("w", 0755);
  close(open("w/file", O_CREAT | O_WRONLY, 0644));
  unsigned mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO;
  int wd = inotify_add_watch(in, "w", mask);
  res("add_watch(w) >= 1", wd >= 1 ? 1 : -1);
  res("add_watch(w) again: same wd", inotify_add_watch(in, "w", mask) == wd ? 1 : -1);
  res("add_watch mask 0", inotify_add_watch(in, "w", 0));
  res("add_watch mask 0x100000", inotify_add_watch(in, "w", 0x100000));
  res("add_watch IN_MASK_ADD|IN_MASK_CREATE", inotify_add_watch(in, "w", IN_CREATE | IN_MASK_ADD | IN_MASK_CREATE));
  res("add_watch IN_MASK_CREATE on a watched dir", inotify_add_watch(in, "w", IN_CREATE | IN_MASK_CREATE));
  res("add_watch missing path", inotify_add_watch(in, "w/nothere", IN_CREATE));
  res("add_watch IN_ONLYDIR on a file", inotify_add_watch(in, "w/file", IN_MODIFY | IN_ONLYDIR));
  res("add_watch on fd 99 (not open)", inotify_add_watch(99, "w", IN_CREATE));
  res("add_watch on fd 99 with mask 0", inotify_add_watch(99, "w", 0));
  int plain = open("w/file", O_RDONLY);
  res("add_watch on a regular file's fd", inotify_add_watch(plain, "w", IN_CREATE));
  close(plain);
  res("add_watch empty path", inotify_add_watch(in, "", IN_CREATE));

  int avail = -1;
  res("FIONREAD with no events", ioctl(in, FIONREAD, &avail));
  printf("%-50s %d\n", "  bytes", avail);
  struct pollfd pf = { .fd = in, .events = POLLIN };
  res("poll with no events", poll(&pf, 1, 0));
  char small[16];
  res("read with no events (IN_NONBLOCK)", read(in, small, sizeof small));

  int f = open("w/a", O_CREAT | O_WRONLY, 0644);
  write(f, "x", 1);
  write(f, "y", 1);
  close(f);
  rename("w/a", "w/b");
  unlink("w/b");
  mkdir("w/sub", 0755);
  res("FIONREAD after six changes", ioctl(in, FIONREAD, &avail));
  printf("%-50s %d\n", "  bytes", avail);
  pf.revents = 0;
  res("poll", poll(&pf, 1, 0));
  printf("%-50s %s\n", "  revents", pf.revents == POLLIN ? "POLLIN" : "other");
  res("read into 16 bytes (an event with a name is 32)", read(in, small, 16));
  res("write to the inotify fd", write(in, "x", 1));
  drain(in, wd);

  res("inotify_rm_watch", inotify_rm_watch(in, wd));
  drain(in, wd);
  res("inotify_rm_watch again", inotify_rm_watch(in, wd));
  res("inotify_rm_watch on fd 99", inotify_rm_watch(99, wd));
  close(in);
  close(blocking);
  rmdir("w/sub");
  unlink("w/file");
  rmdir("w");
}

static void readall(const char *label, int fd) {
  char buf[128];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  if (n < 0) printf("%-50s -1 %s\n", label, strerrorname_np(errno));
  else printf("%-50s \"%.*s\"\n", label, (int)n, buf);
}

/** Fills a pipe's write end (set non-blocking for it) until EAGAIN; returns the bytes written. */
static long fill(int w) {
  static char chunk[4096];
  long total = 0;
  int fl = fcntl(w, F_GETFL);
  fcntl(w, F_SETFL, fl | O_NONBLOCK);
  for (ssize_t n; (n = write(w, chunk, sizeof chunk)) > 0;) total += n;
  fcntl(w, F_SETFL, fl);
  return total;
}

static void splices(void) {
  int p1[2], p2[2];
  pipe(p1);
  pipe(p2);
  int src = open("src", O_CREAT | O_RDWR | O_TRUNC, 0644);
  write(src, "0123456789abcdef", 16);
  lseek(src, 0, SEEK_SET);

  res("splice file -> pipe, 5 bytes", splice(src, NULL, p1[1], NULL, 5, 0));
  res("  file offset after", lseek(src, 0, SEEK_CUR));
  loff_t off = 10;
  res("splice file at *off_in=10 -> pipe, 4", splice(src, &off, p1[1], NULL, 4, 0));
  res("  *off_in after", (long)off);
  res("  file offset after", lseek(src, 0, SEEK_CUR));
  readall("  pipe holds", p1[0]);
  off = 14;
  res("splice at *off_in=14, 100 bytes (2 to EOF)", splice(src, &off, p1[1], NULL, 100, 0));
  off = 16;
  res("splice at EOF", splice(src, &off, p1[1], NULL, 100, 0));
  readall("  pipe holds", p1[0]);

  int dst = open("dst", O_CREAT | O_RDWR | O_TRUNC, 0644);
  write(p1[1], "XYZ", 3);
  res("splice pipe -> file, asks 10", splice(p1[0], NULL, dst, NULL, 10, 0));
  res("  dst offset after", lseek(dst, 0, SEEK_CUR));
  write(p1[1], "PQ", 2);
  off = 1;
  res("splice pipe -> file at *off_out=1", splice(p1[0], NULL, dst, &off, 10, 0));
  res("  *off_out after", (long)off);
  res("  dst offset after", lseek(dst, 0, SEEK_CUR));
  char got[16] = { 0 };
  pread(dst, got, sizeof got - 1, 0);
  printf("%-50s \"%s\"\n", "  dst holds", got);

  write(p1[1], "hello", 5);
  res("splice pipe -> pipe", splice(p1[0], NULL, p2[1], NULL, 100, 0));
  readall("  second pipe holds", p2[0]);

  res("splice empty pipe, SPLICE_F_NONBLOCK", splice(p1[0], NULL, dst, NULL, 10, SPLICE_F_NONBLOCK));
  int nb[2];
  pipe2(nb, O_NONBLOCK);
  res("splice empty O_NONBLOCK pipe, flags 0", splice(nb[0], NULL, dst, NULL, 10, 0));
  res("splice file -> file", splice(src, NULL, dst, NULL, 10, 0));
  off = 0;
  res("splice with *off_in on a pipe", splice(p1[0], &off, dst, NULL, 10, 0));
  res("splice with *off_out on a pipe", splice(src, NULL, p1[1], &off, 10, 0));
  res("splice a pipe into itself", splice(p1[0], NULL, p1[1], NULL, 10, 0));
  res("splice len 0 with bad fds", splice(-1, NULL, -1, NULL, 0, 0));
  res("splice flags 0x10", splice(src, NULL, p1[1], NULL, 10, 0x10));
  res("splice bad fd", splice(99, NULL, p1[1], NULL, 10, 0));
  res("splice from a pipe's write end", splice(p1[1], NULL, p2[1], NULL, 10, 0));
  int ro = open("dst", O_RDONLY);
  write(p1[1], "z", 1);
  res("splice to a read-only file", splice(p1[0], NULL, ro, NULL, 10, 0));
  close(ro);
  int ap = open("dst", O_WRONLY | O_APPEND);
  res("splice to an O_APPEND file", splice(p1[0], NULL, ap, NULL, 10, 0));
  close(ap);
  off = -1;
  res("splice at *off_in=-1", splice(src, &off, p1[1], NULL, 10, 0));
  readall("  pipe holds", p1[0]);
  close(nb[1]);
  res("splice empty pipe whose writer is gone", splice(nb[0], NULL, dst, NULL, 10, 0));
  close(nb[0]);

  // tee
  write(p1[1], "tee data", 8);
  res("tee", tee(p1[0], p2[1], 100, 0));
  readall("  second pipe holds", p2[0]);
  readall("  first pipe still holds", p1[0]);
  res("tee len 0", tee(p1[0], p2[1], 0, 0));
  res("tee flags 0x10, len 0", tee(p1[0], p2[1], 0, 0x10));
  res("tee bad fd", tee(99, p2[1], 10, 0));
  res("tee into a file", tee(p1[0], dst, 10, 0));
  res("tee a pipe into itself", tee(p1[0], p1[1], 10, 0));
  res("tee empty pipe, SPLICE_F_NONBLOCK", tee(p1[0], p2[1], 10, SPLICE_F_NONBLOCK));
  pipe(nb);
  close(nb[1]);
  res("tee empty pipe whose writer is gone", tee(nb[0], p2[1], 10, 0));
  close(nb[0]);

  // vmsplice
  char a[] = "vm", b[] = "splice";
  struct iovec in[2] = { { a, 2 }, { b, 6 } };
  res("vmsplice gather into a pipe", vmsplice(p1[1], in, 2, 0));
  readall("  pipe holds", p1[0]);
  write(p1[1], "abcdefgh", 8);
  char o1[3], o2[10];
  struct iovec out[2] = { { o1, sizeof o1 }, { o2, sizeof o2 } };
  long n = vmsplice(p1[0], out, 2, 0);
  res("vmsplice scatter out of a pipe", n);
  printf("%-50s \"%.3s\" \"%.*s\"\n", "  buffers", o1, n > 3 ? (int)n - 3 : 0, o2);
  res("vmsplice SPLICE_F_GIFT", vmsplice(p1[1], in, 2, SPLICE_F_GIFT));
  readall("  pipe holds", p1[0]);
  res("vmsplice 0 segments", vmsplice(p1[1], in, 0, 0));
  res("vmsplice 1025 segments", vmsplice(p1[1], in, 1025, 0));
  res("vmsplice flags 0x10", vmsplice(p1[1], in, 2, 0x10));
  res("vmsplice on a regular file", vmsplice(dst, in, 2, 0));
  res("vmsplice on fd 99", vmsplice(99, in, 2, 0));
  res("vmsplice empty pipe, SPLICE_F_NONBLOCK", vmsplice(p1[0], out, 2, SPLICE_F_NONBLOCK));
  // page-aligned: Linux fills one pipe buffer per page piece of the iovec, so a buffer
  // starting mid-page would leave the last slot short of a page
  static char big[100000] __attribute__((aligned(4096)));
  struct iovec bigv = { big, sizeof big };
  res("vmsplice 100000 bytes into an empty pipe", vmsplice(p2[1], &bigv, 1, SPLICE_F_NONBLOCK));
  res("vmsplice into the full pipe, SPLICE_F_NONBLOCK", vmsplice(p2[1], in, 2, SPLICE_F_NONBLOCK));
  res("splice into the full pipe, SPLICE_F_NONBLOCK", splice(src, NULL, p2[1], NULL, 4, SPLICE_F_NONBLOCK));
  write(p1[1], "q", 1);
  res("tee into the full pipe, SPLICE_F_NONBLOCK", tee(p1[0], p2[1], 1, SPLICE_F_NONBLOCK));
  readall("  first pipe holds", p1[0]);
  close(p2[0]);
  close(p2[1]);
  pipe(p2);
  res("fill a fresh pipe", fill(p2[1]));

  signal(SIGPIPE, SIG_IGN);
  close(p2[0]);
  res("vmsplice to a pipe without readers", vmsplice(p2[1], in, 2, 0));
  res("splice to a pipe without readers", splice(src, NULL, p2[1], NULL, 1, 0));
  write(p1[1], "r", 1);
  res("tee to a pipe without readers", tee(p1[0], p2[1], 1, 0));
  close(p1[0]);
  close(p1[1]);
  close(p2[1]);
  close(src);
  close(dst);
  unlink("src");
  unlink("dst");
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  char top[] = "/tmp/fsnotify-XXXXXX";
  if (!mkdtemp(top) || chdir(top) != 0) return 1;
  inotify();
  splices();
  if (chdir("/") != 0 || rmdir(top) != 0) printf("cleanup failed: %s\n", strerrorname_np(errno));
  return 0;
}
