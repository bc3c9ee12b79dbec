/*
 * bench.c: the guest benchmark programs of `npm run bench`, one binary with a
 * subcommand each (so one static binary per architecture is committed):
 *   sha256   SHA-256 over a large buffer, many rounds
 *   sieve    sieve of Eratosthenes, repeated
 *   nbody    floating-point n-body simulation (double precision)
 *   strings  qsort of strings plus memcpy/strlen/strcmp/memchr over large buffers
 *   syscall  one-byte writes to /dev/null (syscall cost)
 *   list     pointer chasing through a shuffled linked list
 *   interp   a switch-heavy bytecode interpreter (indirect branches)
 *   fib      naive recursive Fibonacci (calls and returns)
 * Each prints one line with a checksum, so a wrong result shows. An optional second
 * argument scales the work (default 1).
 */
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t seed = 0x2545f4914f6cdd1dull;
static uint64_t rnd(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

/* --- sha256 ---------------------------------------------------------------------------- */

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};
#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const uint8_t *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void bench_sha256(int scale)
{
    enum { SIZE = 1 << 20 };
    uint8_t *buf = malloc(SIZE);
    for (int i = 0; i < SIZE; i++)
        buf[i] = (uint8_t)rnd();
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (int r = 0; r < 240 * scale; r++)
        for (int off = 0; off < SIZE; off += 64)
            sha256_block(h, buf + off);
    printf("sha256 %08x%08x%08x%08x\n", h[0], h[1], h[2], h[3]);
    free(buf);
}

/* --- sieve ----------------------------------------------------------------------------- */

static void bench_sieve(int scale)
{
    enum { N = 4000000 };
    uint8_t *comp = malloc(N + 1);
    long total = 0;
    for (int r = 0; r < 150 * scale; r++) {
        memset(comp, 0, N + 1);
        long count = 0;
        for (long i = 2; i <= N; i++) {
            if (comp[i])
                continue;
            count++;
            for (long j = i * i; j <= N; j += i)
                comp[j] = 1;
        }
        total += count;
    }
    printf("sieve %ld\n", total);
    free(comp);
}

/* --- nbody ----------------------------------------------------------------------------- */

struct body { double x, y, z, vx, vy, vz, m; };

static void bench_nbody(int scale)
{
    const double PI = 3.141592653589793, SOLAR = 4 * PI * PI, DPY = 365.24;
    struct body b[5] = {
        {0, 0, 0, 0, 0, 0, SOLAR},
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * DPY,
         7.69901118419740425e-03 * DPY, -6.90460016972063023e-05 * DPY, 9.54791938424326609e-04 * SOLAR},
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * DPY,
         4.99852801234917238e-03 * DPY, 2.30417297573763929e-05 * DPY, 2.85885980666130812e-04 * SOLAR},
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * DPY,
         2.37847173959480950e-03 * DPY, -2.96589568540237556e-05 * DPY, 4.36624404335156298e-05 * SOLAR},
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * DPY,
         1.62824170038242295e-03 * DPY, -9.51592254519715870e-05 * DPY, 5.15138902046611451e-05 * SOLAR},
    };
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < 5; i++) {
        px += b[i].vx * b[i].m;
        py += b[i].vy * b[i].m;
        pz += b[i].vz * b[i].m;
    }
    b[0].vx = -px / SOLAR;
    b[0].vy = -py / SOLAR;
    b[0].vz = -pz / SOLAR;
    for (long step = 0; step < 1500000L * scale; step++) {
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) {
                double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = 0.01 / (d2 * sqrt(d2));
                b[i].vx -= dx * b[j].m * mag;
                b[i].vy -= dy * b[j].m * mag;
                b[i].vz -= dz * b[j].m * mag;
                b[j].vx += dx * b[i].m * mag;
                b[j].vy += dy * b[i].m * mag;
                b[j].vz += dz * b[i].m * mag;
            }
        for (int i = 0; i < 5; i++) {
            b[i].x += 0.01 * b[i].vx;
            b[i].y += 0.01 * b[i].vy;
            b[i].z += 0.01 * b[i].vz;
        }
    }
    double e = 0;
    for (int i = 0; i < 5; i++) {
        e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < 5; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            e -= b[i].m * b[j].m / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    printf("nbody %.9f\n", e);
}

/* --- strings --------------------------------------------------------------------------- */

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void bench_strings(int scale)
{
    enum { NS = 100000, BIG = 1 << 22 };
    char **v = malloc(NS * sizeof *v);
    char *pool = malloc(NS * 24);
    char *big = malloc(BIG), *big2 = malloc(BIG);
    uint64_t h = 0;
    for (int r = 0; r < 20 * scale; r++) {
        for (int i = 0; i < NS; i++) {
            char *s = pool + 24 * i;
            int len = 4 + (int)(rnd() % 18);
            for (int k = 0; k < len; k++)
                s[k] = (char)('a' + rnd() % 26);
            s[len] = 0;
            v[i] = s;
        }
        qsort(v, NS, sizeof *v, cmpstr);
        for (int i = 0; i < NS; i += 997)
            h = h * 31 + (uint64_t)strlen(v[i]) + (uint8_t)v[i][0];
        memset(big, 'x', BIG);
        big[BIG - 1] = 0;
        for (int k = 0; k < 40; k++) {
            memcpy(big2, big, BIG);
            big2[(k * 7919) % (BIG - 1)] = 'y';
            h += strlen(big2 + k);
            h += (uint64_t)((char *)memchr(big2, 'y', BIG) - big2);
            h += (uint64_t)(strcmp(big, big2) < 0);
        }
    }
    printf("strings %016llx\n", (unsigned long long)h);
    free(v);
    free(pool);
    free(big);
    free(big2);
}

/* --- syscall --------------------------------------------------------------------------- */

static void bench_syscall(int scale)
{
    int fd = open("/dev/null", O_WRONLY);
    long n = 0;
    for (long i = 0; i < 6000000L * scale; i++)
        n += write(fd, "x", 1);
    close(fd);
    printf("syscall %ld\n", n);
}

/* --- list ------------------------------------------------------------------------------ */

struct node { struct node *next; long value; long pad[2]; };

static void bench_list(int scale)
{
    enum { N = 1 << 20 };
    struct node *nodes = malloc(N * sizeof *nodes);
    uint32_t *perm = malloc(N * sizeof *perm);
    for (uint32_t i = 0; i < N; i++)
        perm[i] = i;
    for (uint32_t i = N - 1; i > 0; i--) {
        uint32_t j = (uint32_t)(rnd() % (i + 1));
        uint32_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    for (uint32_t i = 0; i < N; i++) {
        nodes[perm[i]].next = &nodes[perm[(i + 1) % N]];
        nodes[perm[i]].value = i;
    }
    long sum = 0;
    struct node *p = &nodes[perm[0]];
    for (long k = 0; k < 8L * N * scale; k++) {
        sum += p->value;
        p = p->next;
    }
    printf("list %ld\n", sum);
    free(nodes);
    free(perm);
}

/* --- interp ---------------------------------------------------------------------------- */

enum { OP_PUSH, OP_ADD, OP_SUB, OP_MUL, OP_DUP, OP_SWAP, OP_JNZ, OP_DEC, OP_LOAD, OP_STORE, OP_XOR, OP_HALT };

static long run_vm(const int *code, long *mem)
{
    long stack[64];
    int sp = 0, pc = 0;
    for (;;) {
        int op = code[pc++];
        switch (op) {
        case OP_PUSH: stack[sp++] = code[pc++]; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
        case OP_DEC: stack[sp - 1]--; break;
        case OP_LOAD: stack[sp - 1] = mem[stack[sp - 1] & 15]; break;
        case OP_STORE: sp -= 2; mem[stack[sp + 1] & 15] = stack[sp]; break;
        case OP_JNZ: { int target = code[pc++]; if (stack[--sp]) pc = target; break; }
        case OP_HALT: return stack[sp - 1];
        default: return -1;
        }
    }
}

static void bench_interp(int scale)
{
    /* mem[0] = counter; loop: acc = acc*3 ^ counter + 7; counter-- until 0 */
    const int code[] = {
        OP_PUSH, 0,                              /* acc */
        /* 2: loop */
        OP_PUSH, 3, OP_MUL, OP_PUSH, 0, OP_LOAD, OP_XOR, OP_PUSH, 7, OP_ADD,
        OP_PUSH, 0, OP_LOAD, OP_DEC, OP_DUP, OP_PUSH, 0, OP_STORE,
        OP_JNZ, 2,
        OP_HALT,
    };
    long mem[16] = {0};
    long r = 0;
    for (int k = 0; k < scale; k++) {
        mem[0] = 15000000;
        r += run_vm(code, mem);
    }
    printf("interp %ld\n", r);
}

/* --- fib ------------------------------------------------------------------------------- */

__attribute__((noinline)) static long fib(long n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static void bench_fib(int scale)
{
    long r = 0;
    for (int k = 0; k < scale; k++)
        r += fib(40);
    printf("fib %ld\n", r);
}

/* --------------------------------------------------------------------------------------- */

static const struct { const char *name; void (*run)(int); } BENCHES[] = {
    {"sha256", bench_sha256}, {"sieve", bench_sieve}, {"nbody", bench_nbody}, {"strings", bench_strings},
    {"syscall", bench_syscall}, {"list", bench_list}, {"interp", bench_interp}, {"fib", bench_fib},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench NAME [SCALE]\n");
        return 2;
    }
    int scale = argc > 2 ? atoi(argv[2]) : 1;
    for (unsigned i = 0; i < sizeof BENCHES / sizeof BENCHES[0]; i++)
        if (strcmp(argv[1], BENCHES[i].name) == 0) {
            BENCHES[i].run(scale < 1 ? 1 : scale);
            return 0;
        }
    fprintf(stderr, "bench: unknown benchmark %s\n", argv[1]);
    return 2;
}
