/*
 * fsmeta.c: file metadata and whole-file syscalls through glibc, in the current
 * directory (the runner gives a fresh temporary one): utimensat / futimens / lutimes
 * with explicit, omitted and current times; fchownat / fchown / lchown to our own ids
 * and with -1; statfs / fstatfs agreeing with each other; sendfile with and without an
 * offset; poll on a file and on a pipe (empty, with data, after the writer closed);
 * getgroups; prctl PR_SET_NAME / PR_GET_NAME; sync; and futex as a single thread sees
 * it (wake finds nobody, wait checks the word and times out).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *errname(int e)
{
    switch (e) {
    case 0: return "OK";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case EAGAIN: return "EAGAIN";
    case ETIMEDOUT: return "ETIMEDOUT";
    case ESPIPE: return "ESPIPE";
    case EFAULT: return "EFAULT";
    default: return "other";
    }
}

#define TRY(what, expr)                                                                  \
    do {                                                                                 \
        errno = 0;                                                                       \
        long r_ = (long)(expr);                                                          \
        if (r_ < 0)                                                                      \
            printf("%s: -1 %s\n", what, errname(errno));                                 \
        else                                                                             \
            printf("%s: %ld\n", what, r_);                                               \
    } while (0)

static void show_times(const char *path, int nofollow)
{
    struct stat st;
    if ((nofollow ? lstat(path, &st) : stat(path, &st)) != 0) {
        printf("stat %s: %s\n", path, errname(errno));
        return;
    }
    printf("%s: atime %lld.%09ld mtime %lld.%09ld\n", path, (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static void times_test(void)
{
    int fd = open("t", O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct timespec ts[2] = { { 1000, 250000000 }, { 2000, 999999000 } };
    TRY("utimensat explicit", utimensat(AT_FDCWD, "t", ts, 0));
    show_times("t", 0);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1] = (struct timespec){ 3000, 0 };
    TRY("utimensat omit atime", utimensat(AT_FDCWD, "t", ts, 0));
    show_times("t", 0);
    ts[0] = (struct timespec){ -2, 500000000 };
    ts[1] = (struct timespec){ 1234567890, 123456000 };
    TRY("futimens", futimens(fd, ts));
    show_times("t", 0);
    ts[0].tv_nsec = UTIME_NOW;
    ts[1].tv_nsec = UTIME_OMIT;
    TRY("utimensat now/omit", utimensat(AT_FDCWD, "t", ts, 0));
    struct stat st;
    stat("t", &st);
    time_t now = time(NULL);
    printf("atime is now: %d, mtime kept: %d\n", st.st_atim.tv_sec >= now - 5 && st.st_atim.tv_sec <= now + 5,
           st.st_mtim.tv_sec == 1234567890);
    TRY("symlink", symlink("t", "ln"));
    struct timeval tv[2] = { { 7, 0 }, { 8, 500 } };
    TRY("lutimes", lutimes("ln", tv));
    show_times("ln", 1);
    printf("target mtime unchanged: %d\n", (stat("t", &st), st.st_mtim.tv_sec == 1234567890));
    ts[0] = (struct timespec){ 0, 1000000000 };
    TRY("utimensat bad nsec", utimensat(AT_FDCWD, "t", ts, 0));
    TRY("utimensat missing", utimensat(AT_FDCWD, "missing", NULL, 0));
    ts[0].tv_nsec = ts[1].tv_nsec = UTIME_OMIT;
    TRY("utimensat both omitted, missing", utimensat(AT_FDCWD, "missing", ts, 0));
    TRY("utimensat bad flags", utimensat(AT_FDCWD, "t", NULL, 0x4));
    close(fd);
}

static void owner_test(void)
{
    uid_t uid = getuid();
    gid_t gid = getgid();
    struct stat st;
    TRY("fchownat self", fchownat(AT_FDCWD, "t", uid, gid, 0));
    TRY("fchownat -1 -1", fchownat(AT_FDCWD, "t", (uid_t)-1, (gid_t)-1, 0));
    TRY("lchown link", lchown("ln", uid, gid));
    int fd = open("t", O_RDONLY);
    TRY("fchown", fchown(fd, uid, (gid_t)-1));
    stat("t", &st);
    printf("owner kept: %d\n", st.st_uid == uid && st.st_gid == gid);
    TRY("fchown bad fd", fchown(99, uid, gid));
    TRY("fchownat missing", fchownat(AT_FDCWD, "missing", uid, gid, 0));
    TRY("fchownat bad flags", fchownat(AT_FDCWD, "t", uid, gid, 0x4));
    close(fd);
}

static void statfs_test(void)
{
    struct statfs a, b;
    TRY("statfs .", statfs(".", &a));
    int fd = open("t", O_RDONLY);
    TRY("fstatfs", fstatfs(fd, &b));
    printf("same fs: type %d fsid %d namelen %d bsize %d blocks %d\n", a.f_type == b.f_type,
           memcmp(&a.f_fsid, &b.f_fsid, sizeof a.f_fsid) == 0, a.f_namelen == b.f_namelen && a.f_namelen > 0,
           a.f_bsize == b.f_bsize && a.f_bsize > 0, a.f_blocks == b.f_blocks);
    printf("sane: %d\n", a.f_bfree <= a.f_blocks && a.f_bavail <= a.f_blocks && a.f_frsize > 0);
    TRY("statfs missing", statfs("missing", &a));
    TRY("fstatfs bad fd", fstatfs(99, &a));
    close(fd);
    sync();
    printf("sync: done\n");
}

static void sendfile_test(void)
{
    int src = open("src", O_RDWR | O_CREAT | O_TRUNC, 0644);
    char data[100000];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)('a' + i % 26);
    write(src, data, sizeof data);
    lseek(src, 10, SEEK_SET);
    int dst = open("dst", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    TRY("sendfile from offset", sendfile(dst, src, NULL, 70000));
    printf("src offset now %ld\n", (long)lseek(src, 0, SEEK_CUR));
    off_t off = 99990;
    TRY("sendfile *offset", sendfile(dst, src, &off, 100));
    printf("offset %ld, src offset %ld\n", (long)off, (long)lseek(src, 0, SEEK_CUR));
    TRY("sendfile rest", sendfile(dst, src, NULL, 1 << 20));
    TRY("sendfile at EOF", sendfile(dst, src, NULL, 10));
    struct stat st;
    fstat(dst, &st);
    printf("dst size %ld\n", (long)st.st_size);
    int p[2];
    pipe(p);
    off = 0;
    TRY("sendfile pipe with offset", sendfile(dst, p[0], &off, 1));
    TRY("sendfile to pipe", sendfile(p[1], src, (off = 0, &off), 26));
    char buf[32] = { 0 };
    read(p[0], buf, 26);
    printf("pipe got %s\n", buf);
    close(src);
    close(dst);
}

static void poll_test(void)
{
    int fd = open("t", O_RDONLY);
    int p[2];
    pipe(p);
    struct pollfd fds[3] = { { fd, POLLIN | POLLOUT, 0 }, { -1, POLLIN, 0 }, { p[0], POLLIN, 0 } };
    TRY("poll file", poll(fds, 2, -1));
    printf("file revents %#x, negative fd %#x\n", fds[0].revents, fds[1].revents);
    TRY("poll empty pipe", poll(&fds[2], 1, 10));
    write(p[1], "ping", 4);
    TRY("poll pipe with data", poll(&fds[2], 1, -1));
    printf("pipe revents %#x\n", fds[2].revents);
    char buf[8] = { 0 };
    TRY("read after poll", read(p[0], buf, sizeof buf - 1));
    printf("read [%s]\n", buf);
    close(p[1]);
    TRY("poll pipe at EOF", poll(&fds[2], 1, -1));
    printf("pipe revents %#x\n", fds[2].revents);
    close(p[0]);
    close(fd);
}

static void process_test(void)
{
    gid_t groups[256];
    int n = getgroups(0, NULL);
    printf("getgroups consistent: %d\n", n >= 0 && getgroups(256, groups) == n);
    volatile int bad = -1;
    TRY("getgroups -1", getgroups(bad, groups));
    char name[17] = { 0 };
    TRY("PR_SET_NAME", prctl(PR_SET_NAME, "worker-with-a-long-name"));
    TRY("PR_GET_NAME", prctl(PR_GET_NAME, name));
    printf("name [%s]\n", name);

    static uint32_t word = 5;
    TRY("futex wake", syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
    TRY("futex wait changed", syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 4, NULL, NULL, 0));
    struct timespec t = { 0, 20000000 }, t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    TRY("futex wait timeout", syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 5, &t, NULL, 0));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("waited >= 20 ms: %d\n", ms >= 20);
    TRY("futex unaligned", syscall(SYS_futex, (char *)&word + 1, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    umask(022);
    times_test();
    owner_test();
    statfs_test();
    sendfile_test();
    poll_test();
    process_test();
    return 0;
}
