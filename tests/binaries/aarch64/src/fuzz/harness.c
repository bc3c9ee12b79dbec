/*
 * harness.c: the guest side of the AArch64 instruction fuzzer (tools/fuzz-a64.ts) and
 * of the fuzz test program built from its corpus. Freestanding (no libc): for each case
 * it builds a register state from a PRNG seeded by the case number (random bits mixed
 * with the integer and FP values where instructions have edges), runs the case's stub
 * through enter() (enter.S) and prints "<case> <hash of every register after>".
 *   fuzz                  every case
 *   fuzz FIRST LAST       cases FIRST..LAST-1
 *   fuzz FIRST LAST out   the same, printing every register after the case
 *   fuzz FIRST LAST in    the state before each case instead
 *   fuzz -                the case numbers come on stdin
 * The stubs and their instruction words come from the generated cases.S.
 */
#include <stdint.h>

typedef unsigned long size_t;

extern void enter(uint8_t *state);
extern const uint64_t fuzz_stubs[];
extern const uint32_t fuzz_words[];
extern const uint32_t fuzz_count;

static uint8_t state[800] __attribute__((aligned(16)));
static uint64_t rng;

/* --- the little of libc it needs ---------------------------------------------------- */

static long sys3(long nr, long a, long b, long c)
{
    register long x8 __asm__("x8") = nr;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}
void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *dd = d;
    const uint8_t *ss = s;
    while (n--)
        *dd++ = *ss++;
    return d;
}
void *memset(void *d, int c, size_t n)
{
    uint8_t *dd = d;
    while (n--)
        *dd++ = (uint8_t)c;
    return d;
}

static char obuf[1 << 16];
static size_t olen;
static void flush(void)
{
    size_t off = 0;
    while (off < olen) {
        long r = sys3(64, 1, (long)(obuf + off), (long)(olen - off));
        if (r <= 0)
            break;
        off += (size_t)r;
    }
    olen = 0;
}
static void put(char c)
{
    if (olen == sizeof obuf)
        flush();
    obuf[olen++] = c;
}
static void put_dec(uint64_t v)
{
    char t[24];
    int n = 0;
    do
        t[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    while (n)
        put(t[--n]);
}
static void put_hex(uint64_t v)
{
    for (int s = 60; s >= 0; s -= 4)
        put("0123456789abcdef"[(v >> s) & 15]);
}
static int streq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}
static uint32_t to_u32(const char *s)
{
    uint32_t v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (uint32_t)(*s++ - '0');
    return v;
}

/* --- the register state --------------------------------------------------------------- */

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const uint64_t INT_EDGES[] = {
    0, 1, 2, 0xffffffffffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffull,
    0x80000000ull, 0x7fffffffull, 0x100000000ull, 31, 32, 63, 64, 0xffffffff80000000ull, 0xffffull,
    0x8000ull, 0xff, 0x80, 0x7f, 0xfffffffffffffffeull, 0x00000000ffff0000ull,
};
static const uint64_t F64_EDGES[] = {
    0, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x7ff0000000000000ull,
    0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff4000000000000ull, 0xfff8000000000001ull,
    0x0000000000000001ull, 0x000fffffffffffffull, 0x7fefffffffffffffull, 0x3fe0000000000000ull,
    0x4330000000000000ull, 0x43e0000000000000ull, 0x43f0000000000000ull, 0x3ff8000000000000ull,
    0xc004000000000000ull, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x3fe0000000000001ull,
    0x4008000000000000ull, 0x0010000000000000ull,
};
static const uint32_t F32_EDGES[] = {
    0, 0x80000000u, 0x3f800000u, 0xbf800000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0x7fa00000u,
    0xffc00001u, 0x00000001u, 0x007fffffu, 0x7f7fffffu, 0x3f000000u, 0x4b000000u, 0x4f000000u,
    0x5f000000u, 0x3fc00000u, 0xc0200000u, 0x4effffffu, 0xcf000000u, 0x3f000001u, 0x00800000u, 0x40400000u,
};
static const uint16_t F16_EDGES[] = {
    0, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00, 0x7e00, 0x7d00, 0xfe01, 0x0001, 0x03ff, 0x7bff,
    0x3800, 0x6400, 0x3e00, 0xc100, 0x0400, 0x4200, 0x5bff,
};

#define PICK(a) ((a)[next() % (sizeof(a) / sizeof((a)[0]))])

static uint64_t int_value(void)
{
    switch (next() % 6) {
    case 0: case 1: return PICK(INT_EDGES);
    case 2: return next() % 70;
    case 3: return -(next() % 70);
    default: return next();
    }
}

static void vector_value(uint8_t *q)
{
    unsigned mode = next() % 7;
    for (int i = 0; i < 16; i += 8) {
        uint64_t lo = next(), v;
        switch (mode) {
        case 0: /* f64 lanes */
            v = (next() & 1) ? PICK(F64_EDGES) : (lo & 0x800fffffffffffffull) | ((uint64_t)(0x3c0 + next() % 128) << 52);
            break;
        case 1: { /* f32 lanes */
            uint32_t a = (next() & 1) ? PICK(F32_EDGES) : (uint32_t)(lo & 0x807fffffu) | (uint32_t)(100 + next() % 56) << 23;
            uint32_t b = (next() & 1) ? PICK(F32_EDGES) : (uint32_t)((lo >> 32) & 0x807fffffu) | (uint32_t)(100 + next() % 56) << 23;
            v = a | (uint64_t)b << 32;
            break;
        }
        case 2: /* f16 lanes */
            v = 0;
            for (int k = 0; k < 4; k++) {
                uint64_t h = (next() & 1) ? PICK(F16_EDGES) : ((next() & 0x83ff) | (uint64_t)(8 + next() % 16) << 10);
                v |= h << (16 * k);
            }
            break;
        case 3: /* small integer lanes */
            v = lo & 0x0707070707070707ull;
            break;
        case 4: /* integer edges */
            v = PICK(INT_EDGES);
            break;
        default:
            v = lo;
        }
        memcpy(q + i, &v, 8);
    }
}

static void make_state(uint32_t n)
{
    rng = 0x9e3779b97f4a7c15ull ^ ((uint64_t)n * 0x100000001b3ull) ^ fuzz_words[n];
    for (int k = 0; k < 20; k++)
        next();
    memset(state, 0, sizeof state);
    for (int r = 0; r < 31; r++) {
        uint64_t v = int_value();
        memcpy(state + 8 * r, &v, 8);
    }
    uint64_t nzcv = (next() & 0xf) << 28;
    memcpy(state + 248, &nzcv, 8);
    uint64_t fpcr = 0;
    if (next() % 2) /* rounding mode, FZ, DN, FZ16, AHP */
        fpcr = next() & ((3ull << 22) | (1ull << 24) | (1ull << 25) | (1ull << 19) | (1ull << 26));
    memcpy(state + 264, &fpcr, 8);
    uint64_t fpsr = 0;
    if (next() % 2) /* some cumulative flags already set: QC and the exception flags */
        fpsr = next() & 0x0800009full;
    memcpy(state + 256, &fpsr, 8);
    memcpy(state + 272, &fuzz_stubs[n], 8);
    for (int r = 0; r < 32; r++)
        vector_value(state + 288 + 16 * r);
}

/* --- cases ----------------------------------------------------------------------------- */

/* Runs case n and prints its line; verbose 1 prints every register after it, 2 before it. */
static void run_case(uint32_t n, int verbose)
{
    make_state(n);
    if (verbose != 2)
        enter(state);
    put_dec(n);
    if (!verbose) {
        uint64_t h = 0xcbf29ce484222325ull;
        for (unsigned i = 0; i < sizeof state; i++)
            h = (h ^ state[i]) * 0x100000001b3ull;
        put(' ');
        put_hex(h);
    } else {
        uint64_t v;
        for (int r = 0; r < 36; r++) {
            memcpy(&v, state + 8 * r, 8);
            put(' ');
            put_hex(v);
        }
        for (int r = 0; r < 32; r++) {
            put(' ');
            memcpy(&v, state + 296 + 16 * r, 8);
            put_hex(v);
            memcpy(&v, state + 288 + 16 * r, 8);
            put_hex(v);
        }
    }
    put('\n');
    /* the line goes out now, so that a case that kills the program is the one after the last line */
    flush();
}

/* Reads case numbers from stdin until end of file. */
static void run_stdin(void)
{
    static char buf[4096];
    uint32_t n = 0;
    int digits = 0;
    for (;;) {
        long r = sys3(63, 0, (long)buf, sizeof buf);
        if (r <= 0)
            break;
        for (long i = 0; i < r; i++) {
            if (buf[i] >= '0' && buf[i] <= '9') {
                n = n * 10 + (uint32_t)(buf[i] - '0');
                digits = 1;
            } else if (digits) {
                if (n < fuzz_count)
                    run_case(n, 0);
                n = 0;
                digits = 0;
            }
        }
    }
    if (digits && n < fuzz_count)
        run_case(n, 0);
}

int harness_main(uint64_t *sp)
{
    int argc = (int)sp[0];
    char **argv = (char **)(sp + 1);
    if (argc > 1 && streq(argv[1], "-")) {
        run_stdin();
        return 0;
    }
    uint32_t first = argc > 1 ? to_u32(argv[1]) : 0;
    uint32_t last = argc > 2 ? to_u32(argv[2]) : fuzz_count;
    int verbose = argc > 3 ? (streq(argv[3], "in") ? 2 : 1) : 0;
    if (last > fuzz_count)
        last = fuzz_count;
    for (uint32_t n = first; n < last; n++)
        run_case(n, verbose);
    return 0;
}
