// Page protections as riscv64 and arm64 Linux apply them: a PROT_WRITE-only mapping (and a
// page mprotect'ed to PROT_WRITE) can be read, since write implies read there; PROT_NONE
// faults (SIGSEGV caught and reported through a handler-free probe: a pipe write of the
// byte, which fails with EFAULT). On aarch64, a pointer with a tag in bits 63:56 reaches
// the untagged address (Top Byte Ignore).
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/** Whether the kernel can read [p, p+1): write(2) of it to a pipe (EFAULT when it cannot). */
static const char *kernel_reads(const void *p) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  ssize_t n = write(fds[1], p, 1);
  int e = errno;
  close(fds[0]);
  close(fds[1]);
  return n == 1 ? "yes" : e == EFAULT ? "no (EFAULT)" : "other error";
}

int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  volatile char *w = mmap(NULL, page, PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (w == MAP_FAILED) return 1;
  w[10] = 42;
  printf("PROT_WRITE mapping: wrote, read back %d\n", w[10]);
  printf("PROT_WRITE mapping readable by the kernel: %s\n", kernel_reads((const void *)w));

  char *r = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  strcpy(r, "still here");
  mprotect(r, page, PROT_WRITE);
  printf("mprotect PROT_WRITE: reads \"%s\"\n", (volatile char *)r);
  mprotect(r, page, PROT_NONE);
  printf("PROT_NONE readable by the kernel: %s\n", kernel_reads(r));

#ifdef __aarch64__
  char *heap = malloc(16);
  strcpy(heap, "tagged");
  volatile char *tagged = (volatile char *)((uintptr_t)heap | (0x5aUL << 56));
  tagged[0] = 'T';
  printf("tagged pointer: store and load through it: %c%s\n", tagged[0], heap + 1);
  volatile uint64_t *word = (volatile uint64_t *)((uintptr_t)heap | (0xffUL << 56));
  *word = 0x0041424344454647ULL;
  printf("tag 0xff: %s\n", heap);
#endif
  return 0;
}
