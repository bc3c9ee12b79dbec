/*
 * compute.c: an integer- and memory-heavy glibc workload printing checksums:
 * a prime sieve, CRC-32 and FNV-1a over a generated buffer, a 64-bit
 * multiply/divide/remainder mix (incl. 128-bit products), qsort of structs and
 * of strings, ten thousand malloc/realloc/free calls (some large enough to be
 * mmapped), and the string functions (memcpy/memmove/memset/memcmp/strlen/
 * strcmp/strchr/strstr) over 256 KiB buffers. Everything is seeded
 * deterministically. The sizes are small on purpose: this is a correctness test
 * run on a slow reference interpreter too (benchmarks belong in bench/).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}

static uint32_t fnv1a(const void *p, size_t n, uint32_t h)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 16777619u;
    return h;
}

static void sieve(void)
{
    enum { N = 100000 };
    unsigned char *composite = calloc(N + 1, 1);
    long count = 0, sum = 0, last = 0;
    for (long i = 2; i <= N; i++) {
        if (composite[i])
            continue;
        count++;
        sum += i;
        last = i;
        for (long j = i * i; j <= N; j += i)
            composite[j] = 1;
    }
    free(composite);
    printf("sieve: primes<=%d count=%ld sum=%ld largest=%ld\n", N, count, sum, last);
}

static void crc(void)
{
    uint32_t table[256];
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    size_t n = 64 << 10;
    unsigned char *buf = malloc(n);
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)(rng() >> 56);
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = table[(c ^ buf[i]) & 0xff] ^ (c >> 8);
    printf("crc32 of 64 KiB = %08x fnv1a = %08x\n", c ^ 0xffffffffu, fnv1a(buf, n, 2166136261u));
    printf("crc32(\"123456789\") check = %08x\n", ({
               uint32_t x = 0xffffffffu;
               for (const char *s = "123456789"; *s; s++)
                   x = table[(x ^ (unsigned char)*s) & 0xff] ^ (x >> 8);
               x ^ 0xffffffffu;
           }));
    free(buf);
}

static void arith(void)
{
    uint64_t acc = 1, x = 0;
    int64_t sacc = 0;
    unsigned __int128 wide = 0;
    for (int i = 0; i < 10000; i++) {
        uint64_t a = rng(), b = rng() | 1;
        int64_t sa = (int64_t)a, sb = (int64_t)(b >> (i & 31)) | 1;
        acc = acc * 6364136223846793005ull + (a / b) + (a % (b >> 40 | 1));
        sacc += sa / sb + sa % sb;
        sacc ^= (int64_t)((uint32_t)a / ((uint32_t)b | 1)) - (int32_t)a / ((int32_t)b | 1);
        wide += (unsigned __int128)a * b;
        x ^= (uint64_t)(((__int128)sa * sb) >> 64);
        x = (x << 7) | (x >> 57);
    }
    printf("arith: acc=%016llx sacc=%016llx wide=%016llx%016llx mulh=%016llx\n", (unsigned long long)acc,
           (unsigned long long)sacc, (unsigned long long)(wide >> 64), (unsigned long long)wide,
           (unsigned long long)x);
}

struct rec { int key; unsigned id; double weight; char tag[12]; };

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sorting(void)
{
    enum { NREC = 5000, NSTR = 2000 };
    struct rec *r = malloc(NREC * sizeof *r);
    for (unsigned i = 0; i < NREC; i++) {
        r[i].key = (int)(rng() % 20000) - 10000;
        r[i].id = i;
        r[i].weight = (double)(rng() % 1000) / 8.0;
        snprintf(r[i].tag, sizeof r[i].tag, "t%u", i % 997);
    }
    qsort(r, NREC, sizeof *r, cmp_rec);
    int sorted = 1;
    uint32_t h = 2166136261u;
    double wsum = 0;
    for (unsigned i = 0; i < NREC; i++) {
        if (i && cmp_rec(&r[i - 1], &r[i]) > 0)
            sorted = 0;
        h = fnv1a(&r[i].key, sizeof r[i].key, h);
        h = fnv1a(&r[i].id, sizeof r[i].id, h);
        wsum += r[i].weight;
    }
    printf("qsort structs: n=%d sorted=%d first=%d last=%d hash=%08x wsum=%.3f\n", NREC, sorted, r[0].key,
           r[NREC - 1].key, h, wsum);
    free(r);

    char **s = malloc(NSTR * sizeof *s);
    for (unsigned i = 0; i < NSTR; i++) {
        int len = 1 + (int)(rng() % 24);
        s[i] = malloc((size_t)len + 1);
        for (int k = 0; k < len; k++)
            s[i][k] = (char)('a' + rng() % 26);
        s[i][len] = 0;
    }
    qsort(s, NSTR, sizeof *s, cmp_str);
    sorted = 1;
    h = 2166136261u;
    for (unsigned i = 0; i < NSTR; i++) {
        if (i && strcmp(s[i - 1], s[i]) > 0)
            sorted = 0;
        h = fnv1a(s[i], strlen(s[i]) + 1, h);
    }
    printf("qsort strings: n=%d sorted=%d first=%s last=%s hash=%08x\n", NSTR, sorted, s[0], s[NSTR - 1], h);
    for (unsigned i = 0; i < NSTR; i++)
        free(s[i]);
    free(s);
}

static void allocations(void)
{
    enum { SLOTS = 512, ROUNDS = 10000 };
    unsigned char **slot = calloc(SLOTS, sizeof *slot);
    size_t *size = calloc(SLOTS, sizeof *size);
    long mallocs = 0, reallocs = 0, frees = 0, bad = 0;
    uint64_t live = 0, peak = 0;
    for (int i = 0; i < ROUNDS; i++) {
        unsigned k = (unsigned)(rng() % SLOTS);
        unsigned op = (unsigned)(rng() % 3);
        if (!slot[k]) {
            size_t n = 1 + (size_t)(rng() % (i % 100 == 0 ? 200000 : 512));
            slot[k] = malloc(n);
            memset(slot[k], (int)(k & 0xff), n);
            size[k] = n;
            live += n;
            mallocs++;
        } else if (op == 0) {
            size_t n = 1 + (size_t)(rng() % 2048);
            for (size_t j = 0; j < size[k]; j++)
                if (slot[k][j] != (unsigned char)(k & 0xff)) {
                    bad++;
                    break;
                }
            slot[k] = realloc(slot[k], n);
            if (n > size[k])
                memset(slot[k] + size[k], (int)(k & 0xff), n - size[k]);
            live += n;
            live -= size[k];
            size[k] = n;
            reallocs++;
        } else {
            if (slot[k][0] != (unsigned char)(k & 0xff) || slot[k][size[k] - 1] != (unsigned char)(k & 0xff))
                bad++;
            free(slot[k]);
            slot[k] = NULL;
            live -= size[k];
            frees++;
        }
        if (live > peak)
            peak = live;
    }
    for (unsigned k = 0; k < SLOTS; k++)
        free(slot[k]);
    free(slot);
    free(size);
    printf("malloc: mallocs=%ld reallocs=%ld frees=%ld corrupt=%ld peak=%llu\n", mallocs, reallocs, frees, bad,
           (unsigned long long)peak);
}

static void strings(void)
{
    size_t n = 256 << 10;
    char *a = malloc(n + 64), *b = malloc(n + 64);
    for (size_t i = 0; i < n; i++)
        a[i] = (char)('A' + (rng() % 52));
    a[n] = 0;
    memcpy(b + 3, a, n + 1);
    printf("strings: strlen=%zu memcmp=%d strcmp=%d\n", strlen(b + 3), memcmp(a, b + 3, n), strcmp(a, b + 3));
    memmove(b + 1, b + 3, n + 1); /* overlapping, downwards */
    memmove(b + 17, b + 1, n + 1); /* overlapping, upwards */
    printf("memmove ok=%d\n", memcmp(b + 17, a, n + 1) == 0);
    b[17 + n / 2] = '#';
    printf("strcmp after change sign=%d strchr offset=%ld\n", strcmp(a, b + 17) > 0 ? 1 : -1,
           (long)(strchr(b + 17, '#') - (b + 17)));
    memcpy(a + n - 100, "needle-in-a-haystack", 20);
    char *hit = strstr(a, "needle-in-a-haystack");
    printf("strstr offset=%ld\n", hit ? (long)(hit - a) : -1L);
    memset(a, 'z', n / 2);
    printf("memset check=%d fnv=%08x\n", a[n / 2 - 1] == 'z' && a[n / 2] != 'z' ? 1 : 0, fnv1a(a, n, 2166136261u));
    free(a);
    free(b);
}

int main(void)
{
    sieve();
    crc();
    arith();
    sorting();
    allocations();
    strings();
    return 0;
}
