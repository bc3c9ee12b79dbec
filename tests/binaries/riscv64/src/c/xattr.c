// Extended attributes in a fresh temporary directory: set (create, replace, their
// failures), get (sized, size probe, too small: ERANGE; missing: ENODATA), list, remove,
// on a path, through a symlink (l*: the link itself, where user.* is refused) and on an fd.
// Prints errno names, never addresses; a file system without user xattrs prints EOPNOTSUPP
// lines instead, the same under qemu and under us.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

static const char *err(void) {
  switch (errno) {
    case ENODATA: return "ENODATA";
    case ERANGE: return "ERANGE";
    case EEXIST: return "EEXIST";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    default: return "other";
  }
}

#define SHOW(what, expr)                                              \
  do {                                                                \
    long r_ = (long)(expr);                                           \
    if (r_ < 0) printf("%-34s -1 %s\n", what, err());                 \
    else printf("%-34s %ld\n", what, r_);                             \
  } while (0)

static void print_list(const char *what, const char *buf, long n) {
  printf("%-34s", what);
  // names in the order the file system keeps them: sort two at most by hand
  if (n < 0) { printf(" -1 %s\n", err()); return; }
  for (long i = 0; i < n; i += (long)strlen(buf + i) + 1) printf(" %s", buf + i);
  printf("\n");
}

int main(void) {
  char buf[64];
  int fd = open("f", O_CREAT | O_RDWR, 0644);
  if (fd < 0 || symlink("f", "link") != 0) { perror("setup"); return 1; }
  SHOW("setxattr user.a create", setxattr("f", "user.a", "hello", 5, XATTR_CREATE));
  SHOW("setxattr user.a create again", setxattr("f", "user.a", "x", 1, XATTR_CREATE));
  SHOW("setxattr user.b replace missing", setxattr("f", "user.b", "x", 1, XATTR_REPLACE));
  SHOW("setxattr bad flags", setxattr("f", "user.b", "x", 1, 4));
  SHOW("getxattr size probe", getxattr("f", "user.a", NULL, 0));
  memset(buf, 0, sizeof buf);
  SHOW("getxattr", getxattr("f", "user.a", buf, sizeof buf));
  printf("value = \"%s\"\n", buf);
  SHOW("getxattr too small", getxattr("f", "user.a", buf, 2));
  SHOW("getxattr missing", getxattr("f", "user.zz", buf, sizeof buf));
  SHOW("getxattr empty name", getxattr("f", "", buf, sizeof buf));
  SHOW("getxattr through the link", getxattr("link", "user.a", buf, sizeof buf));
  SHOW("lgetxattr on the link", lgetxattr("link", "user.a", buf, sizeof buf));
  SHOW("lsetxattr user.* on a link", lsetxattr("link", "user.a", "x", 1, 0));
  SHOW("fsetxattr user.b", fsetxattr(fd, "user.b", "", 0, 0));
  SHOW("fgetxattr user.b", fgetxattr(fd, "user.b", buf, sizeof buf));
  SHOW("fgetxattr bad fd", fgetxattr(99, "user.b", buf, sizeof buf));
  char list[256];
  SHOW("listxattr size probe", listxattr("f", NULL, 0));
  print_list("listxattr", list, listxattr("f", list, sizeof list));
  SHOW("flistxattr too small", flistxattr(fd, list, 3));
  SHOW("removexattr user.a", removexattr("f", "user.a"));
  SHOW("removexattr user.a again", removexattr("f", "user.a"));
  SHOW("fremovexattr user.b", fremovexattr(fd, "user.b"));
  print_list("llistxattr after removing", list, llistxattr("f", list, sizeof list));
  SHOW("getxattr on a missing file", getxattr("nothere", "user.a", buf, sizeof buf));
  close(fd);
  return 0;
}
