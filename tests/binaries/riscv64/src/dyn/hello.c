// A dynamically linked hello world: ld.so from the -L sysroot loads libc.so.6 and libm.so.6
// and relocates the program (PIE); prints its arguments, a few doubles and an environment
// variable, and exits with a status taken from the arguments.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("hello from a dynamically linked program, argc=%d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
  volatile double x = argc + 0.5;
  printf("sqrt(%g) = %.17g, exp(1) = %.17g, %%a: %a\n", x, sqrt(x), exp(1.0), x / 3);
  const char *v = getenv("QEMU_TEST_VAR");
  printf("QEMU_TEST_VAR=%s\n", v ? v : "(unset)");
  return argc > 1 ? atoi(argv[1]) : 0;
}
