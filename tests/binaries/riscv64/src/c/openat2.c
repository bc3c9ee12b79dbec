// openat2(2) and the mlock family: the two groups of calls qemu 7.2 lacks (openat2 and
// mlock2 are ENOSYS there), so this program's expected output is Linux's, checked by hand.
// openat2: struct open_how's extensible-struct rules (short, oversized, non-zero tail),
// flag, mode and resolve validation, and each RESOLVE_* flag walked through a fresh
// directory under /tmp: files, subdirectories, relative and absolute symlinks, a symlink
// loop, chains of 40 and 41 links, a dangling link created through, magic links in
// /proc/self/fd and /proc/self/exe, and mount crossings into /proc and /dev/shm.
// mlock, munlock, mlock2, mlockall and munlockall: argument checks, holes (ENOMEM) and
// what /proc/self/status's VmLck says after each call (only differences are printed).
// Prints errno names and what an opened fd refers to, never paths, fds or inodes.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif

static long oa2(int dfd, const char *path, unsigned long long flags, unsigned long long mode, unsigned long long resolve) {
  struct open_how how = { .flags = flags, .mode = mode, .resolve = resolve };
  return syscall(SYS_openat2, dfd, path, &how, sizeof how);
}

/** What an fd refers to: its type, and a regular file's first bytes when it can be read. */
static const char *what(int fd) {
  static char out[64];
  struct stat st;
  if (fstat(fd, &st) != 0) return " (fstat failed)";
  if (S_ISDIR(st.st_mode)) return " dir";
  if (S_ISLNK(st.st_mode)) return " symlink";
  if (!S_ISREG(st.st_mode)) return " other";
  char buf[24] = { 0 };
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n < 0) return " file (not readable)";
  buf[strcspn(buf, "\n\t")] = 0; // a /proc status file: "Name:" without the program's name
  snprintf(out, sizeof out, " file \"%s\"", buf);
  return out;
}

static void show(const char *label, long fd) {
  if (fd < 0) {
    printf("%-52s -1 %s\n", label, strerrorname_np(errno));
    return;
  }
  printf("%-52s ok%s\n", label, what((int)fd));
  close((int)fd);
}

static void put(const char *path, const char *text) {
  int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (fd < 0 || write(fd, text, strlen(text)) < 0) printf("setup: cannot write %s\n", path);
  close(fd);
}

/** The open_how checks: every case opens "f" under dfd, which exists. */
static void struct_rules(int dfd) {
  static unsigned char big[8192] __attribute__((aligned(8)));
  struct open_how *how = (struct open_how *)big;
  memset(big, 0, sizeof big);
  show("size 24", syscall(SYS_openat2, dfd, "f", how, 24));
  show("size 0", syscall(SYS_openat2, dfd, "f", how, 0));
  show("size 23", syscall(SYS_openat2, dfd, "f", how, 23));
  show("size 32, zero tail", syscall(SYS_openat2, dfd, "f", how, 32));
  show("size 4096, zero tail", syscall(SYS_openat2, dfd, "f", how, 4096));
  show("size 4097, zero tail", syscall(SYS_openat2, dfd, "f", how, 4097));
  big[31] = 1;
  show("size 32, non-zero tail", syscall(SYS_openat2, dfd, "f", how, 32));
  show("size 24, non-zero byte after it", syscall(SYS_openat2, dfd, "f", how, 24));
  big[31] = 0;
  show("how at an unmapped address", syscall(SYS_openat2, dfd, "f", (void *)8, 24));
  show("flags bit 40", oa2(dfd, "f", 1ULL << 40, 0, 0));
  show("O_PATH|O_RDWR", oa2(dfd, "f", O_PATH | O_RDWR, 0, 0));
  show("O_PATH|O_CLOEXEC|O_NOFOLLOW", oa2(dfd, "f", O_PATH | O_CLOEXEC | O_NOFOLLOW, 0, 0));
  show("mode without O_CREAT", oa2(dfd, "f", O_RDONLY, 0644, 0));
  show("O_CREAT, mode 0644", oa2(dfd, "f", O_CREAT | O_RDONLY, 0644, 0));
  show("O_CREAT, mode 010644 (beyond 07777)", oa2(dfd, "f", O_CREAT | O_RDONLY, 010644, 0));
  show("O_CREAT|O_DIRECTORY", oa2(dfd, "new", O_CREAT | O_DIRECTORY | O_RDONLY, 0644, 0));
  // the kernel's __O_TMPFILE bit alone (glibc's __O_TMPFILE macro includes O_DIRECTORY)
  show("__O_TMPFILE without O_DIRECTORY", oa2(dfd, ".", 020000000 | O_RDWR, 0600, 0));
  show("O_TMPFILE read-only", oa2(dfd, ".", O_TMPFILE | O_RDONLY, 0600, 0));
  show("O_TMPFILE|O_RDWR", oa2(dfd, ".", O_TMPFILE | O_RDWR, 0600, 0));
  show("resolve bit 0x40", oa2(dfd, "f", O_RDONLY, 0, 0x40));
  show("RESOLVE_BENEATH|RESOLVE_IN_ROOT", oa2(dfd, "f", O_RDONLY, 0, RESOLVE_BENEATH | RESOLVE_IN_ROOT));
  show("RESOLVE_CACHED|O_CREAT", oa2(dfd, "f", O_CREAT | O_RDONLY, 0644, RESOLVE_CACHED));
  show("RESOLVE_CACHED|O_TRUNC", oa2(dfd, "f", O_TRUNC | O_RDWR, 0, RESOLVE_CACHED));
  long c = oa2(dfd, "f", O_RDONLY, 0, RESOLVE_CACHED);
  printf("%-52s %s\n", "RESOLVE_CACHED on a file opened before", c >= 0 || errno == EAGAIN ? "ok or EAGAIN" : strerrorname_np(errno));
  if (c >= 0) close((int)c);
}

static void resolution(const char *top, int dfd) {
  char path[4200];
  show("f, no resolve flags", oa2(dfd, "f", O_RDONLY, 0, 0));
  show("up (../outside), no resolve flags", oa2(dfd, "up", O_RDONLY, 0, 0));

  // RESOLVE_BENEATH
  show("BENEATH f", oa2(dfd, "f", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH sub/../f", oa2(dfd, "sub/../f", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH dirl/../f (.. of the link's target)", oa2(dfd, "dirl/../f", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH rel (sub/g)", oa2(dfd, "rel", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH ../outside", oa2(dfd, "../outside", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH up (../outside)", oa2(dfd, "up", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH abs (absolute link to d/f)", oa2(dfd, "abs", O_RDONLY, 0, RESOLVE_BENEATH));
  snprintf(path, sizeof path, "%s/d/f", top);
  show("BENEATH absolute path", oa2(dfd, path, O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH .", oa2(dfd, ".", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH ..", oa2(dfd, "..", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH sub/", oa2(dfd, "sub/", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH f/", oa2(dfd, "f/", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH nope/f", oa2(dfd, "nope/f", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH f/x", oa2(dfd, "f/x", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH loop1", oa2(dfd, "loop1", O_RDONLY, 0, RESOLVE_BENEATH));
  show("BENEATH O_CREAT through dang (makes newfile)", oa2(dfd, "dang", O_CREAT | O_WRONLY, 0644, RESOLVE_BENEATH));
  printf("%-52s %s\n", "  newfile exists", faccessat(dfd, "newfile", F_OK, 0) == 0 ? "yes" : "no");
  show("BENEATH O_CREAT through dangabs", oa2(dfd, "dangabs", O_CREAT | O_WRONLY, 0644, RESOLVE_BENEATH));
  show("BENEATH O_CREAT|O_EXCL on rel", oa2(dfd, "rel", O_CREAT | O_EXCL | O_WRONLY, 0644, RESOLVE_BENEATH));
  show("BENEATH fdlink (relative link into /proc)", oa2(dfd, "fdlink", O_RDONLY, 0, RESOLVE_BENEATH));
  show("AT_FDCWD BENEATH d/f", oa2(AT_FDCWD, "d/f", O_RDONLY, 0, RESOLVE_BENEATH));
  show("AT_FDCWD BENEATH ../x", oa2(AT_FDCWD, "../x", O_RDONLY, 0, RESOLVE_BENEATH));

  // RESOLVE_IN_ROOT
  show("IN_ROOT ../outside (clamped: d/outside)", oa2(dfd, "../outside", O_RDONLY, 0, RESOLVE_IN_ROOT));
  show("IN_ROOT up", oa2(dfd, "up", O_RDONLY, 0, RESOLVE_IN_ROOT));
  show("IN_ROOT /f", oa2(dfd, "/f", O_RDONLY, 0, RESOLVE_IN_ROOT));
  show("IN_ROOT rootabs (-> /sub/g)", oa2(dfd, "rootabs", O_RDONLY, 0, RESOLVE_IN_ROOT));
  show("rootabs, no resolve flags", oa2(dfd, "rootabs", O_RDONLY, 0, 0));
  show("IN_ROOT abs (root's own absolute path)", oa2(dfd, "abs", O_RDONLY, 0, RESOLVE_IN_ROOT));
  long r = oa2(dfd, "../../..", O_RDONLY | O_DIRECTORY, 0, RESOLVE_IN_ROOT);
  struct stat a, b;
  fstat(dfd, &a);
  printf("%-52s %s\n", "IN_ROOT ../../.. is the root itself", r >= 0 && fstat((int)r, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev ? "yes" : "no");
  if (r >= 0) close((int)r);
  show("IN_ROOT fdlink (magic link)", oa2(dfd, "fdlink", O_RDONLY, 0, RESOLVE_IN_ROOT));

  // RESOLVE_NO_SYMLINKS
  show("NO_SYMLINKS f", oa2(dfd, "f", O_RDONLY, 0, RESOLVE_NO_SYMLINKS));
  show("NO_SYMLINKS rel", oa2(dfd, "rel", O_RDONLY, 0, RESOLVE_NO_SYMLINKS));
  show("NO_SYMLINKS dirl/g", oa2(dfd, "dirl/g", O_RDONLY, 0, RESOLVE_NO_SYMLINKS));
  show("NO_SYMLINKS rel O_NOFOLLOW", oa2(dfd, "rel", O_RDONLY | O_NOFOLLOW, 0, RESOLVE_NO_SYMLINKS));
  show("NO_SYMLINKS rel O_PATH|O_NOFOLLOW", oa2(dfd, "rel", O_PATH | O_NOFOLLOW, 0, RESOLVE_NO_SYMLINKS));
  show("NO_SYMLINKS dirl/ O_PATH|O_NOFOLLOW", oa2(dfd, "dirl/", O_PATH | O_NOFOLLOW, 0, RESOLVE_NO_SYMLINKS));
  show("NO_SYMLINKS O_CREAT through dang2", oa2(dfd, "dang2", O_CREAT | O_WRONLY, 0644, RESOLVE_NO_SYMLINKS));
  show("NO_SYMLINKS /proc/self/status", oa2(AT_FDCWD, "/proc/self/status", O_RDONLY, 0, RESOLVE_NO_SYMLINKS));
  show("loop1, no resolve flags", oa2(dfd, "loop1", O_RDONLY, 0, 0));
  show("chain of 40 links, no resolve flags", oa2(dfd, "c1", O_RDONLY, 0, 0));
  show("chain of 41 links, no resolve flags", oa2(dfd, "c0", O_RDONLY, 0, 0));
  show("chain of 40 links, BENEATH", oa2(dfd, "c1", O_RDONLY, 0, RESOLVE_BENEATH));
  show("chain of 41 links, BENEATH", oa2(dfd, "c0", O_RDONLY, 0, RESOLVE_BENEATH));

  // RESOLVE_NO_MAGICLINKS
  int f = open("d/f", O_RDONLY);
  snprintf(path, sizeof path, "/proc/self/fd/%d", f);
  show("/proc/self/fd/N of d/f, no resolve flags", oa2(AT_FDCWD, path, O_RDONLY, 0, 0));
  show("/proc/self/fd/N of d/f, NO_SYMLINKS", oa2(AT_FDCWD, path, O_RDONLY, 0, RESOLVE_NO_SYMLINKS));
  show("/proc/self/fd/N of d/f, NO_MAGICLINKS", oa2(AT_FDCWD, path, O_RDONLY, 0, RESOLVE_NO_MAGICLINKS));
  show("/proc/self/fd/N, NO_MAGICLINKS O_PATH|O_NOFOLLOW", oa2(AT_FDCWD, path, O_PATH | O_NOFOLLOW, 0, RESOLVE_NO_MAGICLINKS));
  show("fdlink/f, NO_MAGICLINKS", oa2(dfd, "fdlink/f", O_RDONLY, 0, RESOLVE_NO_MAGICLINKS));
  show("/proc/self/exe, NO_MAGICLINKS", oa2(AT_FDCWD, "/proc/self/exe", O_RDONLY, 0, RESOLVE_NO_MAGICLINKS));
  long e = oa2(AT_FDCWD, "/proc/self/exe", O_RDONLY, 0, 0);
  printf("%-52s %s\n", "/proc/self/exe, no resolve flags", e >= 0 ? "ok" : strerrorname_np(errno));
  if (e >= 0) close((int)e);
  close(f);

  // RESOLVE_NO_XDEV
  show("NO_XDEV sub/g", oa2(dfd, "sub/g", O_RDONLY, 0, RESOLVE_NO_XDEV));
  show("NO_XDEV dirl/../rel", oa2(dfd, "dirl/../rel", O_RDONLY, 0, RESOLVE_NO_XDEV));
  show("NO_XDEV toproc (-> /proc/self/status)", oa2(dfd, "toproc", O_RDONLY, 0, RESOLVE_NO_XDEV));
  show("toproc, no resolve flags", oa2(dfd, "toproc", O_RDONLY, 0, 0));
  show("NO_XDEV toshm (-> /dev/shm)", oa2(dfd, "toshm", O_RDONLY | O_DIRECTORY, 0, RESOLVE_NO_XDEV));
  show("NO_XDEV /proc", oa2(AT_FDCWD, "/proc", O_RDONLY | O_DIRECTORY, 0, RESOLVE_NO_XDEV));
  int proc = open("/proc", O_RDONLY | O_DIRECTORY);
  show("NO_XDEV .. from /proc", oa2(proc, "..", O_RDONLY | O_DIRECTORY, 0, RESOLVE_NO_XDEV));
  show("NO_XDEV self/status from /proc", oa2(proc, "self/status", O_RDONLY, 0, RESOLVE_NO_XDEV));
  show(".. from /proc, no resolve flags", oa2(proc, "..", O_RDONLY | O_DIRECTORY, 0, 0));
  close(proc);
  int shm = open("/dev/shm", O_RDONLY | O_DIRECTORY);
  show("NO_XDEV .. from /dev/shm", oa2(shm, "..", O_RDONLY | O_DIRECTORY, 0, RESOLVE_NO_XDEV));
  show("NO_XDEV . from /dev/shm", oa2(shm, ".", O_RDONLY | O_DIRECTORY, 0, RESOLVE_NO_XDEV));
  close(shm);
  show("NO_XDEV fdlink/f (magic link on /proc)", oa2(dfd, "fdlink/f", O_RDONLY, 0, RESOLVE_NO_XDEV));
}

/** VmLck from /proc/self/status, in kB, read without stdio (whose buffers malloc would lock). */
static long vmlck(void) {
  static char buf[8192];
  int fd = open("/proc/self/status", O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
  if (fd >= 0) close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  char *l = strstr(buf, "\nVmLck:");
  return l ? strtol(l + 7, NULL, 10) : -1;
}

static void mlocks(void) {
  long page = sysconf(_SC_PAGESIZE);
  char *m = mmap(NULL, 8 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  long base = vmlck();
  printf("VmLck at start: %ld kB\n", base);
#define LCK(label, call) do { long r_ = (call); printf("%-44s %s, VmLck +%ld kB\n", label, r_ == 0 ? "ok" : strerrorname_np(errno), vmlck() - base); } while (0)
  LCK("mlock(m+100, page): two pages", mlock(m + 100, page));
  LCK("mlock(m, page) again", mlock(m, page));
  LCK("munlock(m+page, page)", munlock(m + page, page));
  LCK("mlock(m, 0)", mlock(m, 0));
  LCK("munlock(m, 0)", munlock(m, 0));
  LCK("mlock2(m+page, page, MLOCK_ONFAULT)", syscall(SYS_mlock2, m + page, page, MLOCK_ONFAULT));
  LCK("mlock2(m, page, 2)", syscall(SYS_mlock2, m, page, 2));
  LCK("munlock(m, 2*page)", munlock(m, 2 * page));
  munmap(m + 4 * page, page);
  LCK("mlock(m+3p, 2p) over a hole", mlock(m + 3 * page, 2 * page));
  LCK("mlock(m+4p, page): unmapped", mlock(m + 4 * page, page));
  LCK("munlock(m+4p, page): unmapped", munlock(m + 4 * page, page));
  LCK("munlock(m, 8p) over the hole", munlock(m, 8 * page));
  LCK("mlock(m+5p, 3p)", mlock(m + 5 * page, 3 * page));
  LCK("munmap(m+6p, 2p) of locked pages", munmap(m + 6 * page, 2 * page));
  LCK("munmap(m+5p, page)", munmap(m + 5 * page, page));
  LCK("mlock on a PROT_NONE page", (mprotect(m, page, PROT_NONE), mlock(m, page)));
  LCK("munlock it", munlock(m, page));
  LCK("mlockall(0)", mlockall(0));
  LCK("mlockall(MCL_ONFAULT)", mlockall(MCL_ONFAULT));
  LCK("mlockall(8)", mlockall(8));
  LCK("mlockall(MCL_FUTURE)", mlockall(MCL_FUTURE));
  char *n = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("%-44s VmLck +%ld kB\n", "mmap of 4 pages after it", vmlck() - base);
  LCK("munmap of them", munmap(n, 4 * page));
  LCK("munlockall()", munlockall());
  n = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("%-44s VmLck +%ld kB\n", "mmap of 4 pages after munlockall", vmlck() - base);
  munmap(n, 4 * page);
  long r = mlockall(MCL_CURRENT | MCL_ONFAULT);
  long all = vmlck();
  printf("%-44s %s, VmLck %s\n", "mlockall(MCL_CURRENT|MCL_ONFAULT)", r == 0 ? "ok" : strerrorname_np(errno), all >= base + 16 ? "at least 16 kB" : "too small");
  LCK("munlockall() again", munlockall());
  munmap(m, 4 * page);
}

int main(void) {
  char top[] = "/tmp/openat2-XXXXXX";
  if (!mkdtemp(top) || chdir(top) != 0) return 1;
  mkdir("d", 0755);
  mkdir("d/sub", 0755);
  put("d/f", "hello\n");
  put("d/sub/g", "in sub\n");
  put("outside", "outer\n");
  put("d/outside", "inner\n");
  char path[4200];
  symlink("sub/g", "d/rel");
  symlink("sub", "d/dirl");
  symlink("../outside", "d/up");
  snprintf(path, sizeof path, "%s/d/f", top);
  symlink(path, "d/abs");
  symlink("/sub/g", "d/rootabs");
  symlink("loop2", "d/loop1");
  symlink("loop1", "d/loop2");
  symlink("newfile", "d/dang");
  symlink("newfile2", "d/dang2");
  symlink("/tmp/openat2-never-made", "d/dangabs");
  symlink("/proc/self/status", "d/toproc");
  symlink("/dev/shm", "d/toshm");
  // c40 -> f, c39 -> c40, ..., c0 -> c1: opening c1 follows 40 links, c0 follows 41
  for (int i = 40; i >= 0; i--) {
    char name[16], target[16];
    snprintf(name, sizeof name, "d/c%d", i);
    if (i == 40) snprintf(target, sizeof target, "f");
    else snprintf(target, sizeof target, "c%d", i + 1);
    symlink(target, name);
  }
  int dfd = open("d", O_RDONLY | O_DIRECTORY);
  snprintf(path, sizeof path, "/proc/self/fd/%d", dfd);
  symlink(path, "d/fdlink");

  struct_rules(dfd);
  resolution(top, dfd);
  mlocks();

  close(dfd);
  // clean up: every name made above
  const char *names[] = { "d/f", "d/sub/g", "d/outside", "d/rel", "d/dirl", "d/up", "d/abs", "d/rootabs", "d/loop1", "d/loop2",
    "d/dang", "d/dang2", "d/dangabs", "d/toproc", "d/toshm", "d/newfile", "d/fdlink", "outside" };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) unlink(names[i]);
  for (int i = 0; i <= 40; i++) {
    char name[16];
    snprintf(name, sizeof name, "d/c%d", i);
    unlink(name);
  }
  rmdir("d/sub");
  rmdir("d");
  if (chdir("/") != 0 || rmdir(top) != 0) printf("cleanup failed: %s\n", strerrorname_np(errno));
  return 0;
}
