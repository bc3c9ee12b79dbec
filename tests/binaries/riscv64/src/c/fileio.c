/*
 * fileio.c: file-system syscalls through glibc, in the current directory (the
 * runner gives a fresh temporary one): create/write/read back, lseek from every
 * origin, pread/pwrite, fstat/stat sizes and types, ftruncate, dup/dup2, O_APPEND,
 * stdio, rename, mkdir, a sorted directory listing, unlink, rmdir, symlink/readlink,
 * error cases by errno name, then reads all of stdin and prints its length,
 * line count and FNV-1a checksum.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *errname(int e)
{
    switch (e) {
    case 0: return "OK";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case EACCES: return "EACCES";
    case ESPIPE: return "ESPIPE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ELOOP: return "ELOOP";
    default: return "other";
    }
}

/* run a call that returns -1 on error and print "<what>: <result or errno name>" */
#define TRY(what, expr)                                                                  \
    do {                                                                                 \
        errno = 0;                                                                       \
        long r_ = (long)(expr);                                                          \
        if (r_ < 0)                                                                      \
            printf("%s: -1 %s\n", what, errname(errno));                                 \
        else                                                                             \
            printf("%s: ok\n", what);                                                    \
    } while (0)

static int cmpname(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir %s: %s\n", path, errname(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        /* the type comes from lstat: d_type may be DT_UNKNOWN on some file systems */
        char full[512];
        struct stat st;
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        char type = lstat(full, &st) ? '?' : S_ISDIR(st.st_mode) ? 'd' : S_ISREG(st.st_mode) ? 'f' : S_ISLNK(st.st_mode) ? 'l' : '?';
        char *s = malloc(strlen(e->d_name) + 3);
        sprintf(s, "%s:%c", e->d_name, type);
        names[n++] = s;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmpname);
    printf("listing %s (%d):", path, n);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void files(void)
{
    char buf[20000], back[20000];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)('a' + i % 26);

    int fd = open("data.bin", O_CREAT | O_RDWR | O_TRUNC, 0644);
    printf("open create: %s\n", fd >= 0 ? "ok" : errname(errno));
    printf("write: %zd\n", write(fd, buf, 10000));
    printf("write more: %zd\n", write(fd, buf + 10000, 10000));
    struct stat st;
    fstat(fd, &st);
    printf("fstat size=%lld regular=%d mode=%o\n", (long long)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777);
    printf("lseek SEEK_SET 100 -> %lld\n", (long long)lseek(fd, 100, SEEK_SET));
    printf("read 10 -> %zd \"%.10s\"\n", read(fd, back, 10), back);
    printf("lseek SEEK_CUR -50 -> %lld\n", (long long)lseek(fd, -50, SEEK_CUR));
    printf("lseek SEEK_END -26 -> %lld\n", (long long)lseek(fd, -26, SEEK_END));
    printf("read at end-26 -> %zd \"%.26s\"\n", read(fd, back, 100), back);
    printf("read at EOF -> %zd\n", read(fd, back, 100));
    printf("lseek past end -> %lld\n", (long long)lseek(fd, 30000, SEEK_SET));
    printf("write past end -> %zd\n", write(fd, "END", 3));
    fstat(fd, &st);
    printf("size with hole=%lld\n", (long long)st.st_size);
    printf("pread 5 @ 20005 -> %zd zeros=%d\n", pread(fd, back, 5, 20005),
           back[0] == 0 && back[4] == 0);
    printf("pwrite 4 @ 2 -> %zd\n", pwrite(fd, "XYZW", 4, 2));
    printf("offset after pwrite=%lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    printf("ftruncate 20000 -> %d\n", ftruncate(fd, 20000));
    close(fd);

    fd = open("data.bin", O_RDONLY);
    memset(back, 0, sizeof back);
    ssize_t total = 0, r;
    while ((r = read(fd, back + total, 4096)) > 0)
        total += r;
    buf[2] = 'X', buf[3] = 'Y', buf[4] = 'Z', buf[5] = 'W';
    printf("read back total=%zd equal=%d\n", total, memcmp(buf, back, sizeof buf) == 0);
    int fd2 = dup(fd);
    lseek(fd, 7, SEEK_SET);
    printf("dup shares offset=%lld\n", (long long)lseek(fd2, 0, SEEK_CUR));
    printf("dup2 -> %d\n", dup2(fd, 40));
    close(fd);
    close(fd2);
    printf("read on dup2 fd=%zd\n", read(40, back, 3));
    close(40);
    TRY("read closed fd", read(40, back, 1));
    TRY("write to O_RDONLY", ({ int f = open("data.bin", O_RDONLY); long w = write(f, "x", 1); int e = errno; close(f); errno = e; w; }));

    fd = open("append.txt", O_CREAT | O_WRONLY | O_APPEND, 0600);
    write(fd, "one\n", 4);
    lseek(fd, 0, SEEK_SET);
    write(fd, "two\n", 4);
    close(fd);
    FILE *f = fopen("append.txt", "a+");
    fprintf(f, "three %d\n", 3);
    rewind(f);
    char line[64];
    int lines = 0;
    printf("append.txt:");
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        printf(" [%s]", line);
        lines++;
    }
    printf(" lines=%d\n", lines);
    fclose(f);

    TRY("rename", rename("append.txt", "renamed.txt"));
    TRY("stat old name", stat("append.txt", &st));
    stat("renamed.txt", &st);
    printf("stat new name size=%lld\n", (long long)st.st_size);
    TRY("access renamed R_OK", access("renamed.txt", R_OK));
    TRY("symlink", symlink("renamed.txt", "link"));
    char target[64] = { 0 };
    printf("readlink -> %zd \"%s\"\n", readlink("link", target, sizeof target - 1), target);
    lstat("link", &st);
    printf("lstat link is symlink=%d\n", S_ISLNK(st.st_mode));
    stat("link", &st);
    printf("stat through link size=%lld\n", (long long)st.st_size);
}

static void directories(void)
{
    TRY("mkdir sub", mkdir("sub", 0755));
    TRY("mkdir sub again", mkdir("sub", 0755));
    TRY("mkdir sub/inner", mkdir("sub/inner", 0700));
    const char *names[] = { "sub/zeta", "sub/alpha", "sub/Mid", "sub/beta.txt" };
    for (unsigned i = 0; i < 4; i++) {
        int fd = open(names[i], O_CREAT | O_WRONLY, 0644);
        write(fd, names[i], strlen(names[i]));
        close(fd);
    }
    list_dir(".");
    list_dir("sub");
    struct stat st;
    stat("sub", &st);
    printf("stat sub is dir=%d\n", S_ISDIR(st.st_mode));
    TRY("rmdir non-empty", rmdir("sub"));
    TRY("unlink a directory", unlink("sub/inner"));
    TRY("open dir for write", open("sub", O_WRONLY));
    int dfd = open("sub", O_RDONLY | O_DIRECTORY);
    char c;
    TRY("read a directory", read(dfd, &c, 1));
    int fd = openat(dfd, "alpha", O_RDONLY);
    char buf[32] = { 0 };
    printf("openat+read -> %zd \"%s\"\n", read(fd, buf, sizeof buf - 1), buf);
    close(fd);
    close(dfd);
    TRY("open O_DIRECTORY on file", open("sub/alpha", O_RDONLY | O_DIRECTORY));
    TRY("open through a file", open("sub/alpha/x", O_RDONLY));
    TRY("chdir sub", chdir("sub"));
    TRY("open relative after chdir", ({ int f = open("zeta", O_RDONLY); if (f >= 0) close(f); f; }));
    TRY("chdir ..", chdir(".."));
    for (unsigned i = 0; i < 4; i++)
        TRY(names[i], unlink(names[i]));
    TRY("rmdir sub/inner", rmdir("sub/inner"));
    TRY("rmdir sub", rmdir("sub"));
    TRY("rmdir sub again", rmdir("sub"));
    TRY("unlink link", unlink("link"));
    TRY("unlink renamed.txt", unlink("renamed.txt"));
    TRY("unlink data.bin", unlink("data.bin"));
    list_dir(".");

    TRY("open missing", open("missing.txt", O_RDONLY));
    TRY("open O_EXCL existing", ({ int f = open("x", O_CREAT | O_WRONLY, 0600); close(f);
                                   open("x", O_CREAT | O_EXCL | O_WRONLY, 0600); }));
    unlink("x");
    TRY("stat missing", stat("nope/nothing", &st));
    TRY("lseek on pipe", ({ int p[2]; pipe(p); long s = lseek(p[0], 0, SEEK_SET); int e = errno; close(p[0]); close(p[1]); errno = e; s; }));
    TRY("close bad fd", close(12345));
    char longname[400];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    TRY("open long name", open(longname, O_RDONLY));
}

static void read_stdin(void)
{
    size_t cap = 1 << 16, len = 0;
    unsigned char *data = malloc(cap);
    ssize_t r;
    while ((r = read(0, data + len, cap - len)) > 0) {
        len += (size_t)r;
        if (len == cap)
            data = realloc(data, cap *= 2);
    }
    uint32_t h = 2166136261u;
    size_t lines = 0;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ data[i]) * 16777619u;
        lines += data[i] == '\n';
    }
    printf("stdin: bytes=%zu lines=%zu fnv1a=%08x\n", len, lines, h);
    free(data);
}

int main(void)
{
    umask(022); /* file modes printed below must not depend on the caller's umask */
    files();
    directories();
    read_stdin();
    return 0;
}
