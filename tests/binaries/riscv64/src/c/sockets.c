// The socket system calls, all within one process: socketpair (stream, datagram,
// sendmmsg/recvmmsg), AF_UNIX stream servers on a path in a fresh directory under /tmp,
// on a path relative to the working directory and on an abstract name (connect completes
// before accept, into the backlog), TCP and UDP over 127.0.0.1 on ports the kernel picks,
// sendmsg/recvmsg with two iovecs, SCM_RIGHTS (the received fd shares the file offset)
// and SCM_CREDENTIALS, socket options, SO_RCVTIMEO on a blocking recv, MSG_DONTWAIT,
// F_GETFL/F_SETFL O_NONBLOCK, poll on sockets, and the errors Linux gives. Prints
// properties and errno names, never port numbers or pids. With the argument "linux" it
// also checks what Debian's qemu 7.2 gets wrong: MSG_CTRUNC when SCM_RIGHTS fds do not
// fit, a cmsg_len below sizeof(struct cmsghdr), unknown socket type flags, and the order
// of Linux's checks (a bad fd before a bad address, accept4's flags before the fd).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static const char *en(void) { return strerrorname_np(errno); }
/* One line per call: "what  result" with -1 and the errno name on failure. */
#define SHOW(w, x) do { errno = 0; long r_ = (long)(x); if (r_ < 0) printf("%-44s -1 %s\n", w, en()); else printf("%-44s %ld\n", w, r_); } while (0)
#define OK(w, x) do { errno = 0; long r_ = (long)(x); if (r_ < 0) printf("%-44s -1 %s\n", w, en()); else printf("%-44s ok\n", w); } while (0)

static char dir[64];
static char abstract_name[32];
static int linux_only;

static void unix_path(struct sockaddr_un *a, socklen_t *len, const char *path, int abstract) {
  memset(a, 0, sizeof *a);
  a->sun_family = AF_UNIX;
  if (abstract) {
    memcpy(a->sun_path + 1, path, strlen(path));
    *len = offsetof(struct sockaddr_un, sun_path) + 1 + strlen(path);
  } else {
    strcpy(a->sun_path, path);
    *len = offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
  }
}

/* How an AF_UNIX address reads: the path relative to the temp dir, @name or unnamed. */
static void show_unix(const char *what, struct sockaddr_un *a, socklen_t len) {
  size_t n = strlen(dir);
  if (len <= offsetof(struct sockaddr_un, sun_path)) printf("%-44s family %d, unnamed (len %u)\n", what, a->sun_family, (unsigned)len);
  else if (a->sun_path[0] == 0) printf("%-44s family %d, @%s (len %u)\n", what, a->sun_family, len - 3 == strlen(abstract_name) && memcmp(a->sun_path + 1, abstract_name, len - 3) == 0 ? "<ours>" : "?", (unsigned)len);
  else if (strncmp(a->sun_path, dir, n) == 0) printf("%-44s family %d, <tmp>%s (len %u)\n", what, a->sun_family, a->sun_path + n, (unsigned)len);
  else printf("%-44s family %d, %s (len %u)\n", what, a->sun_family, a->sun_path, (unsigned)len);
}

static void unix_server(const char *what, const char *path, int abstract) {
  printf("-- AF_UNIX stream, %s\n", what);
  struct sockaddr_un a, got;
  socklen_t len, glen;
  unix_path(&a, &len, path, abstract);
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  OK("bind", bind(s, (struct sockaddr *)&a, len));
  OK("listen", listen(s, 4));
  glen = sizeof got;
  OK("getsockname", getsockname(s, (struct sockaddr *)&got, &glen));
  show_unix("  server name", &got, glen);
  int c = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  OK("connect (before accept)", connect(c, (struct sockaddr *)&a, len));
  glen = sizeof got;
  OK("client getpeername", getpeername(c, (struct sockaddr *)&got, &glen));
  show_unix("  peer name", &got, glen);
  glen = sizeof got;
  int t = accept(s, (struct sockaddr *)&got, &glen);
  OK("accept", t);
  show_unix("  accepted from", &got, glen);
  glen = sizeof got;
  OK("accepted getsockname", getsockname(t, (struct sockaddr *)&got, &glen));
  show_unix("  local name", &got, glen);
  SHOW("write to the accepted socket", write(t, "ping", 4));
  char buf[16] = { 0 };
  SHOW("read from the client", read(c, buf, sizeof buf));
  printf("  got \"%s\"\n", buf);
  close(t);
  SHOW("read after the peer closed", read(c, buf, sizeof buf));
  close(c);
  close(s);
}

static void pairs(void) {
  printf("-- socketpair\n");
  int sv[2];
  OK("socketpair stream", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
  SHOW("send", send(sv[0], "hello", 5, 0));
  char buf[32] = { 0 };
  SHOW("recv MSG_PEEK", recv(sv[1], buf, 3, MSG_PEEK));
  SHOW("recv", recv(sv[1], buf, sizeof buf, 0));
  printf("  got \"%s\"\n", buf);
  struct pollfd p = { sv[1], POLLIN, 0 };
  SHOW("poll POLLIN, nothing waiting", poll(&p, 1, 0));
  SHOW("write the other way", write(sv[1], "xyz", 3));
  p.fd = sv[0];
  SHOW("poll POLLIN, data waiting", poll(&p, 1, 0));
  printf("  revents 0x%x\n", p.revents);
  SHOW("recv MSG_DONTWAIT, 8 asked", recv(sv[0], buf, 8, MSG_DONTWAIT));
  SHOW("recv MSG_DONTWAIT, empty", recv(sv[0], buf, 8, MSG_DONTWAIT));
  SHOW("F_GETFL", fcntl(sv[0], F_GETFL));
  struct timeval tv = { 0, 50000 };
  OK("SO_RCVTIMEO 50 ms", setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  SHOW("blocking recv, empty", recv(sv[0], buf, 8, 0));
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  printf("  waited >= 40 ms: %d\n", ms >= 40);
  socklen_t tl = sizeof tv;
  memset(&tv, 0, sizeof tv);
  OK("getsockopt SO_RCVTIMEO", getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, &tl));
  // the kernel keeps it in jiffies: 50 ms comes back rounded up to the timer tick
  printf("  50 ms or a tick more: %d, len %u\n", tv.tv_sec == 0 && tv.tv_usec >= 50000 && tv.tv_usec <= 60000, (unsigned)tl);
  OK("F_SETFL O_NONBLOCK", fcntl(sv[0], F_SETFL, O_NONBLOCK));
  SHOW("F_GETFL", fcntl(sv[0], F_GETFL));
  SHOW("read, non-blocking, empty", read(sv[0], buf, 8));
  OK("shutdown SHUT_WR", shutdown(sv[1], SHUT_WR));
  SHOW("recv after the peer's SHUT_WR", recv(sv[0], buf, 8, 0));
  SHOW("send after our SHUT_WR", send(sv[1], "x", 1, MSG_NOSIGNAL));
  close(sv[0]);
  close(sv[1]);

  OK("socketpair dgram, SOCK_NONBLOCK", socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  SHOW("F_GETFL", fcntl(sv[0], F_GETFL));
  SHOW("F_GETFD", fcntl(sv[0], F_GETFD));
  SHOW("send 3 bytes", send(sv[0], "abc", 3, 0));
  SHOW("send 2 bytes", send(sv[0], "de", 2, 0));
  SHOW("recv one datagram, 2 asked", recv(sv[1], buf, 2, 0));
  SHOW("recv MSG_TRUNC: its real size", recv(sv[1], buf, 1, MSG_TRUNC));
  SHOW("recv, empty, non-blocking", recv(sv[1], buf, 8, 0));
  struct mmsghdr mm[3];
  struct iovec iov[3];
  char mbuf[3][8];
  memset(mm, 0, sizeof mm);
  for (int i = 0; i < 3; i++) {
    iov[i].iov_base = mbuf[i];
    iov[i].iov_len = i + 1;
    memcpy(mbuf[i], "123", 3);
    mm[i].msg_hdr.msg_iov = &iov[i];
    mm[i].msg_hdr.msg_iovlen = 1;
  }
  SHOW("sendmmsg 3", sendmmsg(sv[0], mm, 3, 0));
  printf("  msg_len %u %u %u\n", mm[0].msg_len, mm[1].msg_len, mm[2].msg_len);
  for (int i = 0; i < 3; i++) { iov[i].iov_len = 8; mm[i].msg_len = 0; }
  SHOW("recvmmsg 3", recvmmsg(sv[1], mm, 3, 0, NULL));
  printf("  msg_len %u %u %u\n", mm[0].msg_len, mm[1].msg_len, mm[2].msg_len);
  SHOW("recvmmsg, empty", recvmmsg(sv[1], mm, 3, MSG_DONTWAIT, NULL));
  close(sv[0]);
  close(sv[1]);
}

static void tcp(void) {
  printf("-- TCP over 127.0.0.1\n");
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, got;
  socklen_t len = sizeof got;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1, v = 0;
  socklen_t vl = sizeof v;
  OK("setsockopt SO_REUSEADDR", setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
  OK("getsockopt SO_REUSEADDR", getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &vl));
  printf("  value %d, len %u\n", v != 0, (unsigned)vl);
  OK("bind port 0", bind(s, (struct sockaddr *)&a, sizeof a));
  SHOW("bind again", bind(s, (struct sockaddr *)&a, sizeof a));
  OK("getsockname", getsockname(s, (struct sockaddr *)&got, &len));
  printf("  family %d, 127.0.0.1 %d, port chosen %d, len %u\n", got.sin_family, got.sin_addr.s_addr == htonl(INADDR_LOOPBACK), got.sin_port != 0, (unsigned)len);
  SHOW("accept before listen", accept(s, NULL, NULL));
  OK("listen", listen(s, 8));
  vl = sizeof v;
  OK("getsockopt SO_ACCEPTCONN", getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl));
  printf("  value %d\n", v);

  int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  errno = 0;
  int r = connect(c, (struct sockaddr *)&got, sizeof got);
  printf("%-44s %s\n", "non-blocking connect", r == 0 || errno == EINPROGRESS ? "0 or EINPROGRESS" : en());
  struct pollfd p = { c, POLLOUT, 0 };
  SHOW("poll POLLOUT, 1 s", poll(&p, 1, 1000));
  vl = sizeof v;
  v = -1;
  OK("getsockopt SO_ERROR", getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &vl));
  printf("  value %d\n", v);
  SHOW("connect again", connect(c, (struct sockaddr *)&got, sizeof got));
  struct sockaddr_in from;
  socklen_t flen = sizeof from;
  int t = accept4(s, (struct sockaddr *)&from, &flen, SOCK_CLOEXEC);
  OK("accept4 SOCK_CLOEXEC", t);
  printf("  from 127.0.0.1 %d, len %u, FD_CLOEXEC %d, F_GETFL %d\n", from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), (unsigned)flen, fcntl(t, F_GETFD), fcntl(t, F_GETFL));
  struct sockaddr_in peer, mine;
  socklen_t plen = sizeof peer, mlen = sizeof mine;
  getpeername(t, (struct sockaddr *)&peer, &plen);
  getsockname(c, (struct sockaddr *)&mine, &mlen);
  printf("  accepted peer is the client: %d\n", peer.sin_port == mine.sin_port && plen == mlen);
  int c2 = socket(AF_INET, SOCK_STREAM, 0);
  OK("blocking connect", connect(c2, (struct sockaddr *)&got, sizeof got));
  int t2 = accept(s, NULL, NULL);
  OK("accept, no address asked", t2);
  SHOW("send", send(c, "over tcp", 8, 0));
  char buf[32] = { 0 };
  p.fd = t;
  p.events = POLLIN;
  SHOW("poll POLLIN, 1 s", poll(&p, 1, 1000));
  SHOW("recv MSG_WAITALL", recv(t, buf, 8, MSG_WAITALL));
  printf("  got \"%s\"\n", buf);
  SHOW("sendto with an address, connected", sendto(t, "back", 4, 0, (struct sockaddr *)&got, sizeof got));
  SHOW("recvfrom", recvfrom(c, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen));
  printf("  address length %u\n", (unsigned)flen);
  OK("shutdown SHUT_WR", shutdown(c, SHUT_WR));
  SHOW("recv after the peer's SHUT_WR", recv(t, buf, sizeof buf, 0));
  SHOW("shutdown bad how", shutdown(c, 7));
  vl = sizeof v;
  OK("getsockopt SO_TYPE", getsockopt(c, SOL_SOCKET, SO_TYPE, &v, &vl));
  printf("  value %d\n", v);
  vl = sizeof v;
  OK("getsockopt SO_RCVBUF", getsockopt(c, SOL_SOCKET, SO_RCVBUF, &v, &vl));
  printf("  > 0: %d, len %u\n", v > 0, (unsigned)vl);
  vl = 2;
  SHOW("getsockopt SO_RCVBUF, short len", getsockopt(c, SOL_SOCKET, SO_RCVBUF, &v, &vl));
  SHOW("setsockopt SO_RCVBUF, short len", setsockopt(c, SOL_SOCKET, SO_RCVBUF, &v, 2));
  SHOW("getsockopt unknown option", getsockopt(c, SOL_SOCKET, 999, &v, &vl));
  close(t);
  close(t2);
  close(c);
  close(c2);
  // a port nobody listens on: the one just closed
  a = got;
  close(s);
  c = socket(AF_INET, SOCK_STREAM, 0);
  SHOW("connect to a closed port", connect(c, (struct sockaddr *)&a, sizeof a));
  close(c);
  c = socket(AF_INET, SOCK_STREAM, 0);
  SHOW("getpeername, not connected", getpeername(c, (struct sockaddr *)&got, &len));
  SHOW("shutdown, not connected", shutdown(c, SHUT_RDWR));
  SHOW("send, not connected", send(c, "x", 1, MSG_NOSIGNAL));
  SHOW("bind, short address", bind(c, (struct sockaddr *)&a, 4));
  SHOW("bind, address too long", bind(c, (struct sockaddr *)&a, 200));
  SHOW("bind, negative length", bind(c, (struct sockaddr *)&a, -1));
  SHOW("connect, bad address pointer", connect(c, (struct sockaddr *)8, sizeof a));
  close(c);
}

static void udp(void) {
  printf("-- UDP over 127.0.0.1\n");
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, sa, ca, from;
  socklen_t len = sizeof sa, flen;
  int s = socket(AF_INET, SOCK_DGRAM, 0), c = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP);
  OK("bind server", bind(s, (struct sockaddr *)&a, sizeof a));
  getsockname(s, (struct sockaddr *)&sa, &len);
  OK("bind client", bind(c, (struct sockaddr *)&a, sizeof a));
  len = sizeof ca;
  getsockname(c, (struct sockaddr *)&ca, &len);
  SHOW("listen on UDP", listen(s, 1));
  SHOW("sendto", sendto(c, "datagram", 8, 0, (struct sockaddr *)&sa, sizeof sa));
  char buf[32] = { 0 };
  flen = sizeof from;
  memset(&from, 0, sizeof from);
  SHOW("recvfrom", recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen));
  printf("  got \"%s\", from the client %d, len %u\n", buf, from.sin_port == ca.sin_port && from.sin_addr.s_addr == ca.sin_addr.s_addr, (unsigned)flen);
  SHOW("sendto, short address", sendto(c, "x", 1, 0, (struct sockaddr *)&sa, 3));
  SHOW("send, no destination", send(c, "x", 1, 0));
  SHOW("sendto the client", sendto(s, "reply", 5, 0, (struct sockaddr *)&from, flen));
  flen = 4;
  SHOW("recvfrom, 4-byte address buffer", recvfrom(c, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen));
  printf("  address length %u\n", (unsigned)flen);
  close(s);
  close(c);
}

static void messages(void) {
  printf("-- sendmsg / recvmsg\n");
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  struct iovec out[2] = { { "first,", 6 }, { "second", 6 } };
  struct msghdr m = { .msg_iov = out, .msg_iovlen = 2 };
  SHOW("sendmsg two iovecs", sendmsg(sv[0], &m, 0));
  char a[4] = { 0 }, b[16] = { 0 };
  struct iovec in[2] = { { a, 3 }, { b, sizeof b - 1 } };
  struct msghdr r = { .msg_iov = in, .msg_iovlen = 2 };
  SHOW("recvmsg two iovecs", recvmsg(sv[1], &r, 0));
  printf("  \"%s\" + \"%s\", msg_flags 0x%x\n", a, b, r.msg_flags);

  // SCM_RIGHTS: a file whose first two bytes the sender has read
  int f = open("data", O_RDWR | O_CREAT | O_TRUNC, 0600);
  write(f, "0123456789", 10);
  lseek(f, 0, SEEK_SET);
  char two[3] = { 0 };
  read(f, two, 2);
  union { char buf[CMSG_SPACE(2 * sizeof(int))]; struct cmsghdr align; } ctl;
  memset(&ctl, 0, sizeof ctl);
  struct msghdr s = { .msg_iov = out, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = CMSG_SPACE(sizeof(int)) };
  struct cmsghdr *cm = CMSG_FIRSTHDR(&s);
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_RIGHTS;
  cm->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(cm), &f, sizeof f);
  SHOW("sendmsg SCM_RIGHTS", sendmsg(sv[0], &s, 0));
  memset(&ctl, 0, sizeof ctl);
  memset(b, 0, sizeof b);
  struct iovec one = { b, sizeof b - 1 };
  struct msghdr g = { .msg_iov = &one, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
  SHOW("recvmsg MSG_CMSG_CLOEXEC", recvmsg(sv[1], &g, MSG_CMSG_CLOEXEC));
  cm = CMSG_FIRSTHDR(&g);
  int nf = -1;
  if (cm) memcpy(&nf, CMSG_DATA(cm), sizeof nf);
  printf("  controllen %zu, level %d type %d len %zu, new fd %d, FD_CLOEXEC %d\n", (size_t)g.msg_controllen, cm ? cm->cmsg_level : -1, cm ? cm->cmsg_type : -1, cm ? (size_t)cm->cmsg_len : 0, nf > f, fcntl(nf, F_GETFD));
  struct stat st1, st2;
  fstat(f, &st1);
  fstat(nf, &st2);
  printf("  same file %d\n", st1.st_ino == st2.st_ino && st1.st_dev == st2.st_dev);
  char rest[8] = { 0 };
  SHOW("read 3 through the received fd", read(nf, rest, 3));
  printf("  got \"%s\" (the offset is shared)\n", rest);
  memset(rest, 0, sizeof rest);
  SHOW("read 2 through the sender's fd", read(f, rest, 2));
  printf("  got \"%s\"\n", rest);
  close(nf);

  // two fds into room for one: MSG_CTRUNC, one installed
  if (linux_only) {
    int fds[2] = { f, f };
    memset(&ctl, 0, sizeof ctl);
    s.msg_controllen = CMSG_SPACE(2 * sizeof(int));
    cm = CMSG_FIRSTHDR(&s);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(2 * sizeof(int));
    memcpy(CMSG_DATA(cm), fds, sizeof fds);
    SHOW("sendmsg SCM_RIGHTS, two fds", sendmsg(sv[0], &s, 0));
    char small[CMSG_SPACE(sizeof(int))] __attribute__((aligned(8)));
    g.msg_control = small;
    g.msg_controllen = CMSG_LEN(sizeof(int));
    SHOW("recvmsg, room for one fd", recvmsg(sv[1], &g, 0));
    cm = CMSG_FIRSTHDR(&g);
    printf("  MSG_CTRUNC %d, controllen %zu, cmsg_len %zu\n", (g.msg_flags & MSG_CTRUNC) != 0, (size_t)g.msg_controllen, cm ? (size_t)cm->cmsg_len : 0);
    if (cm) { memcpy(&nf, CMSG_DATA(cm), sizeof nf); close(nf); }
  }

  // a closed fd in SCM_RIGHTS
  int bad = 99;
  memset(&ctl, 0, sizeof ctl);
  s.msg_controllen = CMSG_SPACE(sizeof(int));
  cm = CMSG_FIRSTHDR(&s);
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_RIGHTS;
  cm->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(cm), &bad, sizeof bad);
  SHOW("sendmsg SCM_RIGHTS of a closed fd", sendmsg(sv[0], &s, 0));
  cm->cmsg_len = 8;
  if (linux_only) SHOW("sendmsg, cmsg_len too short", sendmsg(sv[0], &s, 0));
  cm->cmsg_len = CMSG_LEN(sizeof(int));
  cm->cmsg_type = 77;
  SHOW("sendmsg, unknown SOL_SOCKET type", sendmsg(sv[0], &s, 0));

  close(sv[0]);
  close(sv[1]);

  // SCM_CREDENTIALS with SO_PASSCRED
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  int on = 1;
  OK("setsockopt SO_PASSCRED", setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on));
  s.msg_control = NULL;
  s.msg_controllen = 0;
  SHOW("sendmsg, no control", sendmsg(sv[0], &s, 0));
  union { char buf[CMSG_SPACE(sizeof(struct ucred))]; struct cmsghdr align; } cred;
  g.msg_control = cred.buf;
  g.msg_controllen = sizeof cred.buf;
  SHOW("recvmsg", recvmsg(sv[1], &g, 0));
  cm = CMSG_FIRSTHDR(&g);
  struct ucred uc = { 0, 0, 0 };
  if (cm) memcpy(&uc, CMSG_DATA(cm), sizeof uc);
  printf("  level %d type %d, pid ours %d, uid ours %d, gid ours %d\n", cm ? cm->cmsg_level : -1, cm ? cm->cmsg_type : -1, uc.pid == getpid(), uc.uid == getuid(), uc.gid == getgid());
  close(sv[0]);
  close(sv[1]);
  close(f);
  unlink("data");
}

static void errors(void) {
  printf("-- errors\n");
  SHOW("socket(AF_INET, SOCK_STREAM, 99)", socket(AF_INET, SOCK_STREAM, 99));
  SHOW("socket(12345, SOCK_STREAM, 0)", socket(12345, SOCK_STREAM, 0));
  SHOW("socket(AF_UNIX, 77, 0)", socket(AF_UNIX, 77, 0));
  int s;
  if (linux_only) SHOW("socket(AF_UNIX, SOCK_STREAM|0x100, 0)", s = socket(AF_UNIX, SOCK_STREAM | 0x100, 0));
  SHOW("socketpair(AF_INET, ...)", socketpair(AF_INET, SOCK_STREAM, 0, (int[2]){ 0, 0 }));
  int f = open("file", O_RDWR | O_CREAT | O_TRUNC, 0600);
  char c;
  SHOW("recv on a regular file", recv(f, &c, 1, 0));
  SHOW("getsockopt on a regular file", getsockopt(f, SOL_SOCKET, SO_TYPE, &c, &(socklen_t){ 1 }));
  SHOW("recv on a bad fd", recv(77, &c, 1, 0));
  if (linux_only) {
    SHOW("bind on a bad fd, NULL address", bind(-1, NULL, 0));
    SHOW("accept4 bad flags on a file", accept4(f, NULL, NULL, 0x4));
  }
  close(f);
  unlink("file");
  s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a;
  socklen_t len;
  unix_path(&a, &len, "nothere", 0);
  SHOW("connect to a missing path", connect(s, (struct sockaddr *)&a, len));
  close(s);
}

int main(int argc, char **argv) {
  linux_only = argc > 1 && strcmp(argv[1], "linux") == 0;
  setvbuf(stdout, NULL, _IOLBF, 0);
  strcpy(dir, "/tmp/qsockXXXXXX");
  if (!mkdtemp(dir)) return 1;
  char path[128];
  pairs();
  snprintf(path, sizeof path, "%s/srv", dir);
  unix_server("a path under /tmp", path, 0);
  if (chdir(dir) != 0) return 1;
  unix_server("a relative path", "rel", 0);
  snprintf(abstract_name, sizeof abstract_name, "qsock-%010d", (int)getpid());
  unix_server("an abstract name", abstract_name, 1);
  tcp();
  udp();
  messages();
  errors();
  unlink("srv");
  unlink("rel");
  if (chdir("/") != 0) return 1;
  rmdir(dir);
  return 0;
}
