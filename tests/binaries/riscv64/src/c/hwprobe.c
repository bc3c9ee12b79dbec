// riscv_hwprobe(2): the keys Linux 6.4 defined, answered for what the emulated CPU
// implements (RV64IMAFDC: FD, C, Zca, Zcd; misaligned accesses fast), an unknown key
// cleared to -1, a CPU set naming no CPU and unknown flags refused with EINVAL.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct pair { long long key; unsigned long long value; };

static long hwprobe(struct pair *p, unsigned long n, unsigned long setsize, unsigned long *set, unsigned flags) {
  return syscall(258, p, n, setsize, set, flags);
}

int main(void) {
  struct pair p[8];
  for (int i = 0; i < 7; i++) p[i].key = i, p[i].value = 0xdead;
  p[7].key = 9999;
  long r = hwprobe(p, 8, 0, NULL, 0);
  printf("hwprobe = %ld\n", r);
  for (int i = 0; i < 8; i++) printf("key %lld value 0x%llx\n", p[i].key, p[i].value);
  unsigned long none = 0, cpu0 = 1;
  r = hwprobe(p, 1, sizeof none, &none, 0);
  printf("empty cpu set: %ld %s\n", r, r < 0 && errno == EINVAL ? "EINVAL" : "?");
  p[0].key = 4;
  r = hwprobe(p, 1, sizeof cpu0, &cpu0, 0);
  printf("cpu 0: %ld, IMA_EXT_0 0x%llx\n", r, p[0].value);
  r = hwprobe(p, 1, 0, NULL, 0x80);
  printf("unknown flag: %ld %s\n", r, r < 0 && errno == EINVAL ? "EINVAL" : "?");
  return 0;
}
