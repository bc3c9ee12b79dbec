// openat's flags and the *at calls' flags, in a fresh temporary directory: O_DIRECTORY,
// O_NOFOLLOW (with and without O_PATH), O_EXCL, O_TMPFILE made visible with linkat of its
// /proc/self/fd link (AT_SYMLINK_FOLLOW), O_APPEND, O_PATH (no reads; fstat and openat
// through it), directories opened for writing, O_CREAT through a dangling symlink,
// faccessat2 AT_EACCESS, renameat2 NOREPLACE and EXCHANGE, utimensat on a symlink,
// fchmodat, linkat AT_EMPTY_PATH, rmdir of a non-empty directory. Prints errno names.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static const char *e(void){ static char b[16]; snprintf(b,16,"%s",strerrorname_np(errno)); return b; }
#define SHOW(w,x) do{ long r_=(long)(x); if(r_<0) printf("%-40s -1 %s\n",w,e()); else printf("%-40s ok\n",w);}while(0)
int main(void){
  mkdir("d",0755); close(open("d/f",O_CREAT|O_WRONLY,0644)); symlink("f","d/l"); symlink("d","dl");
  SHOW("O_DIRECTORY on a file", open("d/f",O_RDONLY|O_DIRECTORY));
  SHOW("O_DIRECTORY on a dir", open("d",O_RDONLY|O_DIRECTORY));
  SHOW("O_NOFOLLOW on a symlink", open("d/l",O_RDONLY|O_NOFOLLOW));
  SHOW("O_NOFOLLOW|O_PATH on a symlink", open("d/l",O_PATH|O_NOFOLLOW));
  SHOW("O_EXCL existing", open("d/f",O_CREAT|O_EXCL|O_WRONLY,0644));
  SHOW("O_CREAT in a missing dir", open("nodir/x",O_CREAT|O_WRONLY,0644));
  int t=open("d",O_TMPFILE|O_RDWR,0600); SHOW("O_TMPFILE", t);
  if(t>=0){ write(t,"tmp",3); char p[64]; snprintf(p,64,"/proc/self/fd/%d",t); SHOW("linkat of the O_TMPFILE", linkat(AT_FDCWD,p,AT_FDCWD,"d/linked",AT_SYMLINK_FOLLOW)); struct stat st; SHOW("stat linked", stat("d/linked",&st)); printf("  size %ld\n",(long)st.st_size);}
  int a=open("d/f",O_WRONLY|O_APPEND); write(a,"ab",2); lseek(a,0,SEEK_SET); write(a,"cd",2); struct stat st; fstat(a,&st); printf("O_APPEND size %ld\n",(long)st.st_size);
  int pth=open("d",O_PATH); SHOW("read on O_PATH", read(pth,&st,1)); SHOW("fstat on O_PATH", fstat(pth,&st)); SHOW("openat via O_PATH dir", openat(pth,"f",O_RDONLY));
  SHOW("O_RDONLY|O_TRUNC on a dir", open("d",O_RDONLY|O_TRUNC));
  SHOW("O_WRONLY on a dir", open("d",O_WRONLY));
  SHOW("open a dangling symlink O_CREAT", (symlink("nothere","dang"), open("dang",O_CREAT|O_WRONLY,0644)));
  SHOW("faccessat2 AT_EACCESS", faccessat(AT_FDCWD,"d/f",R_OK,AT_EACCESS));
  SHOW("renameat2 RENAME_NOREPLACE", renameat2(AT_FDCWD,"d/f",AT_FDCWD,"d/linked",RENAME_NOREPLACE));
  SHOW("renameat2 RENAME_EXCHANGE", renameat2(AT_FDCWD,"d/f",AT_FDCWD,"d/linked",RENAME_EXCHANGE));
  SHOW("utimensat AT_SYMLINK_NOFOLLOW", utimensat(AT_FDCWD,"d/l",NULL,AT_SYMLINK_NOFOLLOW));
  SHOW("fchmodat", fchmodat(AT_FDCWD,"d/f",0600,0));
  SHOW("linkat AT_EMPTY_PATH", linkat(a,"",AT_FDCWD,"d/hard",AT_EMPTY_PATH));
  SHOW("unlinkat AT_REMOVEDIR non-empty", unlinkat(AT_FDCWD,"d",AT_REMOVEDIR));
  return 0;}
