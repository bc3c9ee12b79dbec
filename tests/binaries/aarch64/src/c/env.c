/*
 * env.c: the process environment a loader builds: argc/argv (argv[0] as a
 * basename), argv/envp layout, selected environment variables set by the
 * manifest, auxiliary vector properties (AT_PAGESZ, AT_HWCAP, AT_CLKTCK, AT_BASE,
 * AT_FLAGS, AT_SECURE, presence of AT_RANDOM/AT_EXECFN/AT_PHDR, AT_ENTRY == _start,
 * AT_PHDR pointing at a program header table), stack alignment in main, pids,
 * uname, clocks; then exits with the status given as argv[1] (default 0).
 * aarch64 copy of ../riscv64/src/c/env.c: AT_HWCAP is printed as the baseline bits
 * FP/ASIMD only, since qemu-aarch64's "max" CPU advertises many optional features
 * (SVE, ...) that another emulator need not implement.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

extern char **environ;
extern char _start[];

static void show_var(const char *name)
{
    const char *v = getenv(name);
    printf("env %s=%s\n", name, v ? v : "(unset)");
}

int main(int argc, char **argv, char **envp)
{
    uintptr_t frame = (uintptr_t)__builtin_frame_address(0);
    const char *base = strrchr(argv[0], '/');

    printf("argc=%d\n", argc);
    printf("argv[0]=%s\n", base ? base + 1 : argv[0]);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    printf("argv[argc] is NULL=%d\n", argv[argc] == NULL);
    printf("envp follows argv=%d\n", envp == argv + argc + 1);
    printf("environ == envp=%d\n", environ == envp);

    show_var("QEMU_TEST_VAR");
    show_var("QEMU_TEST_EMPTY");
    show_var("QEMU_TEST_UNSET_VAR");

    printf("auxv AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
    unsigned long hwcap = getauxval(AT_HWCAP);
    printf("auxv AT_HWCAP FP=%lu ASIMD=%lu\n", hwcap & 1, (hwcap >> 1) & 1);
    printf("auxv AT_CLKTCK=%lu\n", getauxval(AT_CLKTCK));
    printf("auxv AT_BASE=%lu\n", getauxval(AT_BASE));
    printf("auxv AT_FLAGS=%lu\n", getauxval(AT_FLAGS));
    printf("auxv AT_SECURE=%lu\n", getauxval(AT_SECURE));
    printf("auxv AT_RANDOM present=%d\n", getauxval(AT_RANDOM) != 0);
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    printf("auxv AT_EXECFN present=%d\n", execfn != NULL);
    if (execfn) {
        const char *b = strrchr(execfn, '/');
        printf("auxv AT_EXECFN basename=%s\n", b ? b + 1 : execfn);
    }
    unsigned long phdr = getauxval(AT_PHDR), phnum = getauxval(AT_PHNUM), phent = getauxval(AT_PHENT);
    printf("auxv AT_PHDR present=%d AT_PHENT=%lu AT_PHNUM=%lu\n", phdr != 0, phent, phnum);
    if (phdr && phent == sizeof(Elf64_Phdr)) {
        const Elf64_Phdr *ph = (const Elf64_Phdr *)phdr;
        int loads = 0, has_phdr_entry = 0;
        for (unsigned long i = 0; i < phnum; i++) {
            loads += ph[i].p_type == PT_LOAD;
            has_phdr_entry |= ph[i].p_type == PT_PHDR;
        }
        printf("phdrs PT_LOAD count=%d\n", loads);
        (void)has_phdr_entry;
    }
    printf("auxv AT_ENTRY == _start=%d\n", getauxval(AT_ENTRY) == (unsigned long)_start);
    printf("auxv AT_UID == getuid=%d\n", getauxval(AT_UID) == (unsigned long)getuid());
    printf("stack aligned=%d\n", frame % 16 == 0);

    printf("getpid>0=%d getppid>0=%d\n", getpid() > 0, getppid() > 0);
    struct utsname u;
    uname(&u);
    printf("uname sysname=%s machine=%s\n", u.sysname, u.machine);
    printf("sysconf pagesize=%ld\n", sysconf(_SC_PAGESIZE));

    struct timespec prev, now;
    int monotonic = 1;
    clock_gettime(CLOCK_MONOTONIC, &prev);
    for (int i = 0; i < 1000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec < prev.tv_sec || (now.tv_sec == prev.tv_sec && now.tv_nsec < prev.tv_nsec))
            monotonic = 0;
        prev = now;
    }
    printf("clock monotonic non-decreasing=%d\n", monotonic);
    clock_gettime(CLOCK_REALTIME, &now);
    printf("clock realtime after 2020=%d\n", now.tv_sec > 1577836800);
    printf("time() agrees with realtime=%d\n", labs((long)time(NULL) - (long)now.tv_sec) <= 2);

    int status = argc > 1 ? atoi(argv[1]) : 0;
    printf("exiting with %d\n", status);
    fflush(stdout);
    return status;
}
