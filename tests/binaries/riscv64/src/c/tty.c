// Terminal ioctls on stdin when it is a terminal (run it under script(1), which gives it a
// pty): TCGETS, TCSETS clearing ECHO and TCGETS seeing it, the settings restored;
// TIOCSWINSZ then TIOCGWINSZ; tcgetpgrp; job control: a child in a process group of its
// own made the terminal's foreground group (tcsetpgrp), then ours again; FIONREAD on a
// pipe and on a file. Without a terminal it says so and checks that TCGETS is ENOTTY.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
  int avail = -1, fds[2];
  pipe(fds);
  write(fds[1], "hello", 5);
  ioctl(fds[0], FIONREAD, &avail);
  printf("FIONREAD on a pipe holding 5 bytes: %d\n", avail);
  int f = open("/proc/self/exe", O_RDONLY);
  lseek(f, 100, SEEK_SET);
  ioctl(f, FIONREAD, &avail);
  printf("FIONREAD on a file at offset 100: size - 100 %s\n", avail == lseek(f, 0, SEEK_END) - 100 ? "yes" : "no");
  struct termios t, t2;
  if (!isatty(0)) {
    errno = 0;
    int r = tcgetattr(0, &t);
    printf("stdin is not a terminal: tcgetattr %d %s\n", r, errno == ENOTTY ? "ENOTTY" : "?");
    return 0;
  }
  printf("tcgetattr: %d, ECHO %s, ICANON %s\n", tcgetattr(0, &t), t.c_lflag & ECHO ? "on" : "off", t.c_lflag & ICANON ? "on" : "off");
  t2 = t;
  t2.c_lflag &= ~ECHO;
  printf("tcsetattr without ECHO: %d\n", tcsetattr(0, TCSANOW, &t2));
  tcgetattr(0, &t2);
  printf("ECHO now %s\n", t2.c_lflag & ECHO ? "on" : "off");
  printf("restored: %d\n", tcsetattr(0, TCSANOW, &t));
  struct winsize w = { .ws_row = 50, .ws_col = 132 }, w2 = {0};
  printf("TIOCSWINSZ: %d\n", ioctl(0, TIOCSWINSZ, &w));
  printf("TIOCGWINSZ: %d, %d rows %d columns\n", ioctl(0, TIOCGWINSZ, &w2), w2.ws_row, w2.ws_col);
  printf("tcgetpgrp > 0: %s\n", tcgetpgrp(0) > 0 ? "yes" : "no");
  /* a background group that sets the foreground gets SIGTTOU: ours is one once the child's is the foreground */
  signal(SIGTTOU, SIG_IGN);
  pid_t ours = getpgrp();
  int go[2];
  pipe(go);
  pid_t c = fork();
  if (c == 0) {
    char b;
    setpgid(0, 0);
    read(go[0], &b, 1);
    _exit(0);
  }
  setpgid(c, c); /* as a shell does, in both: whichever runs first */
  int r = tcsetpgrp(0, c);
  printf("tcsetpgrp to the child's group: %d, the foreground is the child's: %s\n", r, tcgetpgrp(0) == c ? "yes" : "no");
  r = tcsetpgrp(0, ours);
  printf("tcsetpgrp back: %d, the foreground is ours: %s\n", r, tcgetpgrp(0) == ours ? "yes" : "no");
  write(go[1], "x", 1);
  int status;
  printf("child: %s\n", waitpid(c, &status, 0) == c && WIFEXITED(status) ? "exited" : "?");
  return 0;
}
