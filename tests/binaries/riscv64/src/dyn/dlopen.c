// dlopen at run time: libm.so.6 found through ld.so's search path (under the -L sysroot),
// symbols looked up with dlsym and called, a missing library reported by dlerror, and a
// symbol of the already-loaded libc found through RTLD_DEFAULT.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  void *m = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
  if (!m) {
    printf("dlopen libm.so.6 failed: %s\n", dlerror());
    return 1;
  }
  double (*cosp)(double) = (double (*)(double))dlsym(m, "cos");
  double (*powp)(double, double) = (double (*)(double, double))dlsym(m, "pow");
  if (!cosp || !powp) {
    printf("dlsym failed: %s\n", dlerror());
    return 1;
  }
  printf("cos(1) = %.17g\n", cosp(1.0));
  printf("pow(2, 0.5) = %.17g\n", powp(2.0, 0.5));
  printf("dlsym(nonexistent) = %s\n", dlsym(m, "no_such_symbol_here") ? "found" : "NULL");
  printf("dlclose = %d\n", dlclose(m));
  void *missing = dlopen("libnot-there-at-all.so.7", RTLD_NOW);
  printf("dlopen missing = %s, error mentions the name: %s\n", missing ? "handle" : "NULL",
         strstr(dlerror(), "libnot-there-at-all.so.7") ? "yes" : "no");
  size_t (*strlenp)(const char *) = (size_t (*)(const char *))dlsym(RTLD_DEFAULT, "strlen");
  printf("strlen via RTLD_DEFAULT = %zu\n", strlenp ? strlenp("dynamic") : (size_t)0);
  return 0;
}
