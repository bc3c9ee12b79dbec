// threads.c: the thread benchmarks of `npm run bench` (group threads).
//   threads work T    the same CPU-bound work (integer hashing, no sharing; 1,024 M rounds) split over T
//                     threads; prints the combined checksum, equal for every T
//   threads spawn N   N rounds of pthread_create + pthread_join of a thread that returns
//                     at once; prints the count
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOTAL_ROUNDS 1024000000u

struct job {
  uint32_t first, count;
  uint64_t sum;
};

static void *work(void *arg) {
  struct job *j = arg;
  uint64_t h = 0;
  for (uint32_t i = j->first; i < j->first + j->count; i++) {
    uint32_t x = i * 2654435761u;
    x ^= x >> 15;
    x *= 0x2c1b3c6du;
    x ^= x >> 12;
    h += x;
  }
  j->sum = h;
  return NULL;
}

static void *nothing(void *arg) { return arg; }

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: threads work T | spawn N\n");
    return 2;
  }
  int n = atoi(argv[2]);
  if (!strcmp(argv[1], "work") && n >= 1 && n <= 64) {
    pthread_t t[64];
    struct job jobs[64];
    uint32_t per = TOTAL_ROUNDS / n;
    for (int i = 0; i < n; i++) {
      jobs[i].first = i * per;
      jobs[i].count = i == n - 1 ? TOTAL_ROUNDS - i * per : per;
      if (pthread_create(&t[i], NULL, work, &jobs[i])) return 1;
    }
    uint64_t sum = 0;
    for (int i = 0; i < n; i++) {
      pthread_join(t[i], NULL);
      sum += jobs[i].sum;
    }
    printf("checksum %llu\n", (unsigned long long)sum);
    return 0;
  }
  if (!strcmp(argv[1], "spawn") && n >= 1) {
    for (int i = 0; i < n; i++) {
      pthread_t t;
      void *r;
      if (pthread_create(&t, NULL, nothing, (void *)(intptr_t)i) || pthread_join(t, &r) || (intptr_t)r != i) return 1;
    }
    printf("spawned %d\n", n);
    return 0;
  }
  fprintf(stderr, "usage: threads work T | spawn N\n");
  return 2;
}
