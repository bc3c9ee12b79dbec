/*
 * syscalls.c: a loop of many small syscalls (getpid, a 1-byte write to /dev/null,
 * clock_gettime, and every 16th iteration a gettimeofday and an lseek) followed
 * by a summary: measures syscall overhead and checks results stay consistent.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    enum { N = 2000 };
    int fd = open("/dev/null", O_WRONLY);
    pid_t pid = (pid_t)syscall(SYS_getpid);
    long pid_same = 0, written = 0, clock_ok = 0, tod_ok = 0, seeks = 0;
    struct timespec prev, now;
    clock_gettime(CLOCK_MONOTONIC, &prev);
    for (int i = 0; i < N; i++) {
        /* syscall() rather than getpid() so every iteration really enters the kernel */
        pid_same += (pid_t)syscall(SYS_getpid) == pid;
        written += write(fd, "x", 1);
        clock_gettime(CLOCK_MONOTONIC, &now);
        clock_ok += now.tv_sec > prev.tv_sec || (now.tv_sec == prev.tv_sec && now.tv_nsec >= prev.tv_nsec);
        prev = now;
        if (i % 16 == 0) {
            struct timeval tv;
            tod_ok += gettimeofday(&tv, NULL) == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000;
            seeks += lseek(fd, 0, SEEK_SET) == 0;
        }
    }
    close(fd);
    printf("iterations=%d\n", N);
    printf("getpid consistent=%ld\n", pid_same);
    printf("bytes written to /dev/null=%ld\n", written);
    printf("clock_gettime non-decreasing=%ld\n", clock_ok);
    printf("gettimeofday ok=%ld lseek ok=%ld\n", tod_ok, seeks);
    return 0;
}
