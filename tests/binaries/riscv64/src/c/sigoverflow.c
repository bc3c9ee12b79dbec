// A stack overflow caught as Linux lets a program catch one: recursion runs off the end of
// the stack (SIGSEGV), and the handler, installed with SA_ONSTACK, runs on the alternate
// stack set up with sigaltstack, then siglongjmps back. Prints properties, not depths.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static sigjmp_buf jump;
static volatile int depth, caught;
static void on_segv(int sig) { (void)sig; caught = 1; siglongjmp(jump, 1); }
/** Always true; the compiler cannot know it, so it keeps the recursion it would warn about. */
static volatile int forever = 1;
__attribute__((noinline)) static int recurse(int n) {
  volatile char pad[4096];
  pad[0] = (char)n;
  depth = n;
  return forever ? recurse(n + 1) + pad[0] : 0;
}
int main(void) {
  stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536, .ss_flags = 0 };
  sigaltstack(&ss, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_segv;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGSEGV, &sa, NULL);
  if (sigsetjmp(jump, 1) == 0) recurse(0);
  printf("stack overflow caught on the alternate stack: %s, deep: %s\n", caught ? "yes" : "no", depth > 1000 ? "yes" : "no");
  return 0;
}
