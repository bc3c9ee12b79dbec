/*
 * locks.c: file locks through glibc, in the current directory (the runner gives a fresh
 * temporary one): fcntl POSIX record locks (F_SETLK, F_SETLKW, F_GETLK) and open file
 * description locks (F_OFD_*) on two open files of one file, where OFD locks conflict with
 * each other and with the process's POSIX locks; SEEK_CUR and SEEK_END ranges; a dup's
 * close dropping the process's POSIX locks; the errors (EINVAL, EBADF, EFAULT, EAGAIN); and
 * flock(2) between the two open files. Nothing printed depends on the pid.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static const char *errname(int e)
{
    switch (e) {
    case 0: return "OK";
    case EAGAIN: return "EAGAIN";
    case EACCES: return "EACCES";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";
    case EDEADLK: return "EDEADLK";
    default: return strerror(e);
    }
}

static void lk(const char *what, int fd, int cmd, short type, short whence, long start, long len)
{
    struct flock l = { .l_type = type, .l_whence = whence, .l_start = start, .l_len = len, .l_pid = 0 };
    errno = 0;
    int r = fcntl(fd, cmd, &l);
    printf("%-28s %2d %s", what, r, errname(r ? errno : 0));
    if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
        const char *t = l.l_type == F_RDLCK ? "RD" : l.l_type == F_WRLCK ? "WR" : l.l_type == F_UNLCK ? "UN" : "??";
        const char *pid = l.l_pid == getpid() ? "self" : l.l_pid == -1 ? "-1" : l.l_pid == 0 ? "0" : "other";
        printf("  type %s whence %d start %ld len %ld pid %s", t, l.l_whence, (long)l.l_start, (long)l.l_len, pid);
    }
    printf("\n");
}

static void fl(const char *what, int fd, int op)
{
    errno = 0;
    int r = flock(fd, op);
    printf("%-28s %2d %s\n", what, r, errname(r ? errno : 0));
}

int main(void)
{
    int a = open("locked", O_RDWR | O_CREAT | O_TRUNC, 0644);
    int b = open("locked", O_RDWR);
    int ro = open("locked", O_RDONLY);
    if (a < 0 || b < 0 || ro < 0 || write(a, "0123456789abcdef", 16) != 16) {
        perror("setup");
        return 1;
    }

    lk("posix setlk a WR 0+10", a, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    lk("posix setlk b RD 5+1", b, F_SETLK, F_RDLCK, SEEK_SET, 5, 1);
    lk("posix getlk b WR all", b, F_GETLK, F_WRLCK, SEEK_SET, 0, 0);
    lk("ofd getlk b WR 5+1", b, F_OFD_GETLK, F_WRLCK, SEEK_SET, 5, 1);
    lk("ofd setlk b WR 20+5", b, F_OFD_SETLK, F_WRLCK, SEEK_SET, 20, 5);
    lk("ofd setlk a WR all", a, F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 0);
    lk("ofd setlk a RD 24+10", a, F_OFD_SETLK, F_RDLCK, SEEK_SET, 24, 10);
    lk("posix getlk a WR 21+1", a, F_GETLK, F_WRLCK, SEEK_SET, 21, 1);
    lk("posix setlkw a WR 0+20", a, F_SETLKW, F_WRLCK, SEEK_SET, 0, 20);
    lk("ofd getlk b RD 0+1", b, F_OFD_GETLK, F_RDLCK, SEEK_SET, 0, 1);
    lseek(a, 40, SEEK_SET);
    lk("posix setlk a WR cur-2+1", a, F_SETLK, F_WRLCK, SEEK_CUR, -2, 1);
    lk("ofd getlk b WR 30+20", b, F_OFD_GETLK, F_WRLCK, SEEK_SET, 30, 20);
    lk("posix setlk a WR end+0", a, F_SETLK, F_WRLCK, SEEK_END, 0, 0);
    lk("ofd getlk b WR 100+1", b, F_OFD_GETLK, F_WRLCK, SEEK_SET, 100, 1);
    lk("ofd getlk b WR 50+0 (none)", b, F_OFD_GETLK, F_WRLCK, SEEK_SET, 50, 0);
    lk("posix setlk a UN 16+0", a, F_SETLK, F_UNLCK, SEEK_SET, 16, 0);
    lk("ofd getlk b WR 0+0", b, F_OFD_GETLK, F_WRLCK, SEEK_SET, 0, 0);

    int d = dup(a);
    close(d); /* drops every POSIX lock of the process on the file */
    lk("after close(dup): ofd getlk", b, F_OFD_GETLK, F_WRLCK, SEEK_SET, 0, 20);

    lk("bad type", a, F_SETLK, 7, SEEK_SET, 0, 0);
    lk("bad whence", a, F_SETLK, F_WRLCK, 9, 0, 0);
    lk("getlk F_UNLCK", a, F_GETLK, F_UNLCK, SEEK_SET, 0, 0);
    lk("negative start", a, F_SETLK, F_WRLCK, SEEK_SET, -1, 0);
    lk("WR on read-only fd", ro, F_SETLK, F_WRLCK, SEEK_SET, 0, 0);
    lk("RD on read-only fd", ro, F_SETLK, F_RDLCK, SEEK_SET, 0, 0);
    lk("bad fd", 99, F_SETLK, F_WRLCK, SEEK_SET, 0, 0);
    errno = 0;
    printf("%-28s %2d %s\n", "NULL struct", fcntl(a, F_SETLK, (struct flock *)0), errname(errno));

    fl("flock a EX|NB", a, LOCK_EX | LOCK_NB);
    fl("flock b SH|NB", b, LOCK_SH | LOCK_NB);
    fl("flock a SH", a, LOCK_SH);
    fl("flock b SH|NB", b, LOCK_SH | LOCK_NB);
    fl("flock a EX|NB", a, LOCK_EX | LOCK_NB);
    fl("flock b UN", b, LOCK_UN);
    fl("flock a EX|NB", a, LOCK_EX | LOCK_NB);
    fl("flock bad op", a, 0);
    fl("flock bad fd", 99, LOCK_EX);
    return 0;
}
