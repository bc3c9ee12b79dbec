/*
 * printf.c: glibc formatting and parsing: printf of integers of every width and
 * base (including extremes and flags), doubles with %f %e %g %a and rounding
 * edge cases (ties, huge, tiny, subnormal, -0, inf, nan), strtod/strtol/strtoul
 * round trips and error reporting, and snprintf truncation.
 */
#pragma GCC diagnostic ignored "-Wformat-truncation" /* truncation is what we test */
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <sys/types.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void integers(void)
{
    signed char sc = -128;
    unsigned char uc = 255;
    short ss = -32768;
    unsigned short us = 65535;
    printf("char: %hhd %hhu %hhx %hho\n", sc, uc, uc, uc);
    printf("short: %hd %hu %hx %#ho\n", ss, us, us, us);
    printf("int: %d %d %u %x %X %o %#x %#o\n", INT_MIN, INT_MAX, UINT_MAX, 0xdeadbeefu, 0xdeadbeefu, 0777u, 255u, 8u);
    printf("long: %ld %ld %lu %lx\n", LONG_MIN, LONG_MAX, ULONG_MAX, 0x123456789abcdef0ul);
    printf("llong: %lld %llu %llo\n", LLONG_MIN, ULLONG_MAX, ULLONG_MAX);
    printf("fixed: %" PRId8 " %" PRIu16 " %" PRIi32 " %" PRIx64 " %" PRIX64 "\n",
           (int8_t)-5, (uint16_t)60000, (int32_t)-2000000000, (uint64_t)0xfedcba9876543210ull, (uint64_t)0xabcull);
    printf("size: %zu %zd %td\n", (size_t)-1, (ssize_t)-1, (ptrdiff_t)-42);
    printf("flags: [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.3d] [%-+8.3d]\n", 42, 42, 42, 42, 42, 7, 7, 7);
    printf("star: [%*d] [%-*d] [%.*d]\n", 6, 123, 6, 123, 5, 9);
    printf("zero: [%.0d] [%#x] [%#o]\n", 0, 0u, 0u);
    printf("chars: [%c] [%5c] [%s] [%.3s] [%8s] [%-8s]\n", 'A', 'z', "hello", "truncate", "right", "left");
}

static void doubles(void)
{
    double ties[] = { 0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1e15 + 0.5 };
    for (unsigned i = 0; i < sizeof ties / sizeof ties[0]; i++)
        printf("tie %.17g: %.0f %.2f %.1e\n", ties[i], ties[i], ties[i], ties[i]);
    double vals[] = { 0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3.0, 2.0 / 3.0, 123456.789, 1e-5, 1e-300,
                      1e21, 1e22, 1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324,
                      M_PI, -M_E, 9.999999999, 0.000123456789 };
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("%%f=%f %%.3e=%.3e %%g=%g %%.10g=%.10g %%a=%a\n", v, v, v, v, v);
    }
    printf("big: %.0f\n", 1.7976931348623157e308);
    printf("special: %f %f %f %e %g %a %F\n", INFINITY, -INFINITY, NAN, INFINITY, -INFINITY, INFINITY, INFINITY);
    printf("nan sign: %f\n", -NAN);
    printf("width: [%10.3f] [%-10.2e] [%+.4g] [%010.2f] [%#.0f] [%#g]\n", M_PI, M_PI, M_PI, -M_PI, 3.0, 1.0);
    printf("float: %.9g %.9g %a\n", (double)FLT_MAX, (double)FLT_MIN, (double)0.1f);
    printf("long double: %.20Lg %La\n", 1.0L / 3.0L, 1.0L / 3.0L);
    printf("%%g switch: %g %g %g %g %g\n", 100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0);
}

static void roundtrips(void)
{
    const char *texts[] = { "0.1", "1e23", "2.2250738585072011e-308", "4.9e-324", "1e-400", "1e400", "-0",
                            "0x1.fffffffffffffp+1023", "123456789012345678901234567890", "3.14159265358979323846",
                            "inf", "-nan", "  42.5xyz", "1.5e", "abc", "9007199254740993" };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *end;
        errno = 0;
        double d = strtod(texts[i], &end);
        int err = errno;
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", d);
        double back = strtod(buf, NULL);
        int same = memcmp(&d, &back, sizeof d) == 0 || (isnan(d) && isnan(back));
        printf("strtod \"%s\" -> %s %a consumed=%d erange=%d roundtrip=%d\n", texts[i], buf, d,
               (int)(end - texts[i]), err == ERANGE, same);
    }
    const char *ints[] = { "0", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                           "0x7fffffff", "0777", "  +12abc", "18446744073709551615", "18446744073709551616", "-5" };
    for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        char *end;
        errno = 0;
        long l = strtol(ints[i], &end, 0);
        int el = errno;
        errno = 0;
        unsigned long ul = strtoul(ints[i], NULL, 0);
        int eu = errno;
        printf("strtol \"%s\" -> %ld consumed=%d erange=%d | strtoul -> %lu erange=%d\n", ints[i], l,
               (int)(end - ints[i]), el == ERANGE, ul, eu == ERANGE);
    }
    printf("strtol base 2: %ld base 36: %ld base 16: %ld\n", strtol("101101", NULL, 2), strtol("zz", NULL, 36),
           strtol("-ff", NULL, 16));
    /* %a round trip for a range of doubles */
    int ok = 0;
    double x = 1.0;
    for (int i = 0; i < 200; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%a", x);
        if (strtod(buf, NULL) == x)
            ok++;
        snprintf(buf, sizeof buf, "%.17g", x);
        if (strtod(buf, NULL) == x)
            ok++;
        x = x * -1.7 + 0.3;
    }
    printf("hex/decimal round trips ok=%d/400\n", ok);
}

static void snprintfs(void)
{
    char small[8];
    int n = snprintf(small, sizeof small, "%s-%d", "abcdef", 12345);
    printf("snprintf truncated n=%d buf=\"%s\"\n", n, small);
    n = snprintf(NULL, 0, "%.*f", 30, 1.0 / 7.0);
    printf("snprintf size query n=%d\n", n);
    char buf[128];
    n = snprintf(buf, sizeof buf, "%08.3f|%-6s|%c|%%|%5.1s", -3.14159, "ab", 'q', "xyz");
    printf("snprintf n=%d \"%s\"\n", n, buf);
    n = snprintf(buf, 1, "abc");
    printf("snprintf size 1 n=%d empty=%d\n", n, buf[0] == 0);
}

int main(void)
{
    integers();
    doubles();
    roundtrips();
    snprintfs();
    return 0;
}
