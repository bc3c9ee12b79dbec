// The guest's own /proc: /proc/self/maps (every line in the kernel's format, the program's
// text, libc and the stack among them), exe, cmdline, auxv, stat, status, fd/N, and
// /proc/cpuinfo. Prints properties, not addresses, so that its output is the same under
// qemu and under us; with --cpuinfo it also prints cpuinfo's isa/Features line (ours
// describes the guest CPU; Debian's qemu 7.2 passes the host's through).
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static char buf[1 << 16];

static long slurp(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  long n = 0, r;
  while ((r = read(fd, buf + n, sizeof buf - 1 - n)) > 0) n += r;
  close(fd);
  buf[n] = 0;
  return n;
}

static const char *yes(int c) { return c ? "yes" : "no"; }

int main(int argc, char **argv) {
  char self[PATH_MAX], exe[PATH_MAX];
  if (!realpath(argv[0], self)) return 1;
  const char *base = strrchr(self, '/') + 1;

  slurp("/proc/self/maps");
  int lines = 0, parsed = 0, text = 0, libc = 0, stack = 0;
  for (char *l = strtok(buf, "\n"); l; l = strtok(NULL, "\n")) {
    unsigned long lo, hi, off, ino;
    unsigned maj, min;
    char perms[5];
    int name = 0;
    lines++;
    if (sscanf(l, "%lx-%lx %4s %lx %x:%x %lu %n", &lo, &hi, perms, &off, &maj, &min, &ino, &name) >= 7 && lo < hi) parsed++;
    const char *path = name ? l + name : "";
    if (strcmp(path, self) == 0 && perms[2] == 'x') text = 1;
    if (strstr(path, "/libc.so.6")) libc = 1;
    if (strcmp(path, "[stack]") == 0 && perms[0] == 'r' && perms[1] == 'w') stack = 1;
  }
  printf("maps: every line parses %s, program text %s, libc %s, stack %s\n", yes(lines > 3 && parsed == lines), yes(text), yes(libc), yes(stack));

  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  printf("exe is the program: %s\n", yes(strcmp(exe, self) == 0));

  long len = slurp("/proc/self/cmdline");
  long want = 0;
  for (int i = 0; i < argc; i++) want += strlen(argv[i]) + 1;
  printf("cmdline is argv: %s\n", yes(len == want && memcmp(buf, argv[0], strlen(argv[0]) + 1) == 0));

  len = slurp("/proc/self/auxv");
  int entry = 0, base_ok = 0, null_last = 0;
  for (long i = 0; i + 16 <= len; i += 16) {
    unsigned long t, v;
    memcpy(&t, buf + i, 8);
    memcpy(&v, buf + i + 8, 8);
    if (t == AT_ENTRY) entry = v == getauxval(AT_ENTRY);
    if (t == AT_BASE) base_ok = v != 0 && v == getauxval(AT_BASE);
    if (i + 16 == len) null_last = t == AT_NULL;
  }
  printf("auxv: AT_ENTRY %s, AT_BASE %s, ends with AT_NULL %s\n", yes(entry), yes(base_ok), yes(null_last));

  slurp("/proc/self/stat");
  int pid = 0;
  char comm[64] = "";
  sscanf(buf, "%d (%63[^)])", &pid, comm);
  printf("stat: pid %s, comm %s\n", yes(pid == getpid()), yes(strncmp(comm, base, 15) == 0));
  slurp("/proc/self/status");
  char pidline[32];
  snprintf(pidline, sizeof pidline, "\nPid:\t%d\n", getpid());
  printf("status: Pid %s\n", yes(strstr(buf, pidline) != NULL));

  int fd = open(self, O_RDONLY);
  char link[64], target[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink(link, target, sizeof target - 1);
  target[n > 0 ? n : 0] = 0;
  printf("fd/N names the file: %s\n", yes(strcmp(target, self) == 0));
  close(fd);

  len = slurp("/proc/cpuinfo");
  printf("cpuinfo readable: %s\n", yes(len > 0 && strstr(buf, "processor") != NULL));
  if (argc > 1 && strcmp(argv[1], "--cpuinfo") == 0) {
    char *l = strstr(buf, "\nisa\t");
    if (!l) l = strstr(buf, "\nFeatures\t");
    if (l) printf("%.*s\n", (int)strcspn(l + 1, "\n"), l + 1);
  }
  return 0;
}
