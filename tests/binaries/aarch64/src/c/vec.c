/*
 * vec.c: loops the autovectoriser turns into AdvSIMD (NEON) code at -O3 (built as
 * bin/vec and bin/vec-O3; both must print the same): sums, dot products, saxpy,
 * min/max, widening and narrowing conversions over int8/int16/int32/int64/float/
 * double arrays of awkward lengths, byte histograms, and glibc's AdvSIMD string
 * routines (memcpy/memmove/memset/memcmp/strlen/strchr/strrchr/memchr/strcmp/
 * strncmp/strcpy) over many lengths and alignments. Prints checksums only.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 1031 /* not a multiple of any vector length */

static int8_t a8[N], b8[N];
static uint8_t u8[N];
static int16_t a16[N], b16[N];
static int32_t a32[N], b32[N], c32[N];
static int64_t a64[N];
static float af[N], bf[N];
static double ad[N], bd[N];

static uint64_t seed = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (uint32_t)(seed >> 16);
}

static uint64_t fnv(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
    return h;
}

__attribute__((noinline)) static void ints(int n)
{
    int32_t s8 = 0, s16 = 0, dot8 = 0;
    int64_t s32 = 0, dot16 = 0;
    uint64_t dot32 = 0; /* wraps */
    uint32_t su8 = 0;
    int8_t mn8 = 127, mx8 = -128;
    int16_t mn16 = 32767, mx16 = -32768;
    int32_t mn32 = INT32_MAX, mx32 = INT32_MIN;
    for (int i = 0; i < n; i++) {
        s8 += a8[i];
        su8 += u8[i];
        dot8 += a8[i] * b8[i];
        s16 += a16[i];
        dot16 += a16[i] * b16[i];
        s32 += a32[i];
        dot32 += (uint64_t)((int64_t)a32[i] * b32[i]);
        mn8 = a8[i] < mn8 ? a8[i] : mn8;
        mx8 = a8[i] > mx8 ? a8[i] : mx8;
        mn16 = a16[i] < mn16 ? a16[i] : mn16;
        mx16 = a16[i] > mx16 ? a16[i] : mx16;
        mn32 = a32[i] < mn32 ? a32[i] : mn32;
        mx32 = a32[i] > mx32 ? a32[i] : mx32;
    }
    printf("n=%4d s8=%d su8=%u dot8=%d s16=%d dot16=%lld s32=%lld dot32=%lld\n", n, s8, su8, dot8, s16,
           (long long)dot16, (long long)s32, (long long)dot32);
    printf("       min/max8=%d/%d min/max16=%d/%d min/max32=%d/%d\n", mn8, mx8, mn16, mx16, mn32, mx32);
}

__attribute__((noinline)) static void elementwise(int n)
{
    static int32_t t32[N];
    static int16_t t16[N];
    static uint8_t t8[N];
    static int64_t t64[N];
    for (int i = 0; i < n; i++) {
        c32[i] = (int32_t)((uint32_t)a32[i] * 3u - (uint32_t)(b32[i] >> 3) + (uint32_t)(a32[i] ^ b32[i]));
        t16[i] = (int16_t)(a16[i] * b16[i] + (a16[i] >> 2));
        t8[i] = (uint8_t)(u8[i] + (uint8_t)b8[i]) >> 1;
        t32[i] = a8[i] * a16[i];                      /* widening */
        t64[i] = (int64_t)a32[i] * 7 + a64[i];
        a16[i] = (int16_t)(a32[i] >> 4);              /* narrowing */
        u8[i] = u8[i] > 200 ? 200 : u8[i] < 20 ? 20 : u8[i]; /* saturate via min/max */
        uint32_t d = (uint32_t)a32[i] - (uint32_t)b32[i];
        b32[i] = (int32_t)((int32_t)d < 0 ? -d : d);  /* abs (wrapping) */
    }
    printf("elementwise n=%d c32=%016llx t16=%016llx t8=%016llx t32=%016llx t64=%016llx\n", n,
           (unsigned long long)fnv(c32, n * 4), (unsigned long long)fnv(t16, n * 2),
           (unsigned long long)fnv(t8, n), (unsigned long long)fnv(t32, n * 4),
           (unsigned long long)fnv(t64, n * 8));
    printf("            a16=%016llx u8=%016llx b32=%016llx\n", (unsigned long long)fnv(a16, n * 2),
           (unsigned long long)fnv(u8, n), (unsigned long long)fnv(b32, n * 4));
}

__attribute__((noinline)) static void floats(int n)
{
    float sf = 0, dotf = 0, mnf = 1e30f, mxf = -1e30f;
    double sd = 0, dotd = 0;
    for (int i = 0; i < n; i++) {
        sf += af[i];
        dotf += af[i] * bf[i];
        mnf = af[i] < mnf ? af[i] : mnf;
        mxf = af[i] > mxf ? af[i] : mxf;
        sd += ad[i];
        dotd += ad[i] * bd[i];
    }
    printf("floats n=%d sf=%a dotf=%a min=%a max=%a sd=%a dotd=%a\n", n, sf, dotf, mnf, mxf, sd, dotd);
    /* element-wise: saxpy, daxpy, conversions, sqrt-free */
    for (int i = 0; i < n; i++) {
        bf[i] = 1.5f * af[i] + bf[i];
        bd[i] = -0.75 * ad[i] + bd[i];
        a32[i] = (int32_t)(af[i] * 1000.0f);
        ad[i] = (double)af[i] * bd[i];
        af[i] = (float)a16[i] / 8.0f;
    }
    printf("       bf=%016llx bd=%016llx a32=%016llx ad=%016llx af=%016llx\n", (unsigned long long)fnv(bf, n * 4),
           (unsigned long long)fnv(bd, n * 8), (unsigned long long)fnv(a32, n * 4),
           (unsigned long long)fnv(ad, n * 8), (unsigned long long)fnv(af, n * 4));
}

__attribute__((noinline)) static void histogram(void)
{
    static uint8_t buf[4096];
    unsigned hist[256] = {0}, nib[16] = {0};
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(rnd() % 251);
    for (unsigned i = 0; i < sizeof buf; i++) {
        hist[buf[i]]++;
        nib[buf[i] & 15]++;
    }
    uint64_t h = 0;
    for (int i = 0; i < 256; i++)
        h = h * 31 + hist[i];
    printf("histogram %016llx nibbles", (unsigned long long)h);
    for (int i = 0; i < 16; i++)
        printf(" %u", nib[i]);
    printf("\n");
}

static unsigned char src[640], dst[640];

__attribute__((noinline)) static void strings(void)
{
    uint64_t h = 0xcbf29ce484222325ull;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 0x100000001b3ull)
    for (int i = 0; i < (int)sizeof src; i++)
        src[i] = (unsigned char)(rnd() % 255 + 1); /* no NUL */
    static const int lens[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 95, 96, 127, 128, 129, 200, 255, 256, 257, 511};
    for (unsigned li = 0; li < sizeof lens / sizeof lens[0]; li++) {
        int len = lens[li];
        for (int sa = 0; sa < 16; sa += 3) {
            for (int da = 0; da < 16; da += 5) {
                memset(dst, 0xAA, sizeof dst);
                memcpy(dst + da, src + sa, len);
                MIX(memcmp(dst + da, src + sa, len));
                MIX(fnv(dst, 600));
                memmove(dst + da + 3, dst + da, len); /* overlapping, forwards */
                memmove(dst + da, dst + da + 5, len); /* overlapping, backwards */
                MIX(fnv(dst, 600));
                memset(dst + da, sa, len);
                MIX(fnv(dst, 600));
            }
            /* string functions on a NUL-terminated copy */
            memcpy(dst + sa, src, len);
            dst[sa + len] = 0;
            MIX(strlen((char *)dst + sa));
            unsigned char c = src[len / 2];
            char *p = strchr((char *)dst + sa, c);
            MIX(p ? p - (char *)dst : -1);
            p = strchr((char *)dst + sa, 0);
            MIX(p - (char *)dst);
            p = strrchr((char *)dst + sa, c);
            MIX(p ? p - (char *)dst : -1);
            void *q = memchr(dst + sa, c, len);
            MIX(q ? (unsigned char *)q - dst : -1);
            q = memchr(dst + sa, 0x100 - 1, len); /* often absent */
            MIX(q ? (unsigned char *)q - dst : -1);
            MIX(strcmp((char *)dst + sa, (char *)src) == 0 ? 0 : 1); /* src has no NUL at len */
            static char other[640];
            strcpy(other + (sa ^ 5), (char *)dst + sa);
            MIX(strcmp(other + (sa ^ 5), (char *)dst + sa));
            if (len > 0) {
                other[(sa ^ 5) + len - 1] ^= 1;
                int r = strcmp(other + (sa ^ 5), (char *)dst + sa);
                MIX(r < 0 ? -1 : r > 0);
                r = strncmp(other + (sa ^ 5), (char *)dst + sa, len - 1);
                MIX(r);
                r = memcmp(other + (sa ^ 5), dst + sa, len);
                MIX(r < 0 ? -1 : r > 0);
            }
        }
    }
    printf("strings %016llx\n", (unsigned long long)h);
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        a8[i] = (int8_t)rnd();
        b8[i] = (int8_t)rnd();
        u8[i] = (uint8_t)rnd();
        a16[i] = (int16_t)rnd();
        b16[i] = (int16_t)rnd();
        a32[i] = (int32_t)rnd();
        b32[i] = (int32_t)rnd();
        a64[i] = (int64_t)rnd() << 20 ^ rnd();
        af[i] = (float)(int32_t)rnd() / 65536.0f;
        bf[i] = (float)(rnd() % 1000) / 7.0f;
        ad[i] = (double)(int32_t)rnd() / 3.0;
        bd[i] = (double)(rnd() % 100000) / 11.0;
    }
    static const int ns[] = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 100, 1000, N};
    for (unsigned i = 0; i < sizeof ns / sizeof ns[0]; i++)
        ints(ns[i]);
    elementwise(N);
    elementwise(13);
    floats(N);
    floats(5);
    histogram();
    strings();
    return 0;
}
