// Guest ABI constants for asm-generic 64-bit Linux (riscv64, aarch64): fcntl/open flags,
// *at flags, mmap/mprotect/madvise/mremap, signals, clocks, rlimits, ioctls, file types,
// sockets.
// Values from include/uapi/asm-generic/*.h and include/uapi/linux/*.h. Flag tables are
// ordered the way -strace prints them.

/** One open(2) flag table per ABI: aarch64 moves four bits (arch/arm64 uapi fcntl.h). */
export interface OpenFlagTable {
  O_ACCMODE: number; O_RDONLY: number; O_WRONLY: number; O_RDWR: number;
  O_CREAT: number; O_EXCL: number; O_NOCTTY: number; O_TRUNC: number; O_APPEND: number;
  O_NONBLOCK: number; O_DSYNC: number; O_ASYNC: number; O_DIRECT: number; O_LARGEFILE: number;
  O_DIRECTORY: number; O_NOFOLLOW: number; O_NOATIME: number; O_CLOEXEC: number;
  __O_SYNC: number; O_PATH: number; __O_TMPFILE: number;
}

export const GENERIC_OPEN_FLAGS: OpenFlagTable = {
  O_ACCMODE: 0o3, O_RDONLY: 0, O_WRONLY: 0o1, O_RDWR: 0o2,
  O_CREAT: 0o100, O_EXCL: 0o200, O_NOCTTY: 0o400, O_TRUNC: 0o1000, O_APPEND: 0o2000,
  O_NONBLOCK: 0o4000, O_DSYNC: 0o10000, O_ASYNC: 0o20000, O_DIRECT: 0o40000, O_LARGEFILE: 0o100000,
  O_DIRECTORY: 0o200000, O_NOFOLLOW: 0o400000, O_NOATIME: 0o1000000, O_CLOEXEC: 0o2000000,
  __O_SYNC: 0o4000000, O_PATH: 0o10000000, __O_TMPFILE: 0o20000000,
};

export const ARM64_OPEN_FLAGS: OpenFlagTable = {
  ...GENERIC_OPEN_FLAGS,
  O_DIRECTORY: 0o40000, O_NOFOLLOW: 0o100000, O_DIRECT: 0o200000, O_LARGEFILE: 0o400000,
};

/** Flags other than the access mode, in -strace order. */
export const OPEN_FLAG_NAMES = [
  'O_APPEND', 'O_CREAT', 'O_DIRECTORY', 'O_EXCL', 'O_LARGEFILE', 'O_NOCTTY', 'O_NOFOLLOW',
  'O_NONBLOCK', 'O_DSYNC', '__O_SYNC', 'O_TRUNC', 'O_ASYNC', 'O_DIRECT', 'O_NOATIME',
  'O_CLOEXEC', 'O_PATH', '__O_TMPFILE',
] as const satisfies readonly (keyof OpenFlagTable)[];

/** Status flags F_SETFL may change. */
export const SETFL_NAMES = ['O_APPEND', 'O_NONBLOCK', 'O_ASYNC', 'O_DIRECT', 'O_NOATIME'] as const;

export const AT = {
  FDCWD: -100,
  SYMLINK_NOFOLLOW: 0x100,
  EACCESS: 0x200,
  REMOVEDIR: 0x200,
  SYMLINK_FOLLOW: 0x400,
  NO_AUTOMOUNT: 0x800,
  EMPTY_PATH: 0x1000,
  STATX_SYNC_TYPE: 0x6000,
} as const;

export const AT_FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['AT_SYMLINK_NOFOLLOW', AT.SYMLINK_NOFOLLOW], ['AT_EACCESS', AT.EACCESS], ['AT_SYMLINK_FOLLOW', AT.SYMLINK_FOLLOW],
  ['AT_NO_AUTOMOUNT', AT.NO_AUTOMOUNT], ['AT_EMPTY_PATH', AT.EMPTY_PATH],
];

/** access(2) mode bits. */
export const ACCESS = { F_OK: 0, X_OK: 1, W_OK: 2, R_OK: 4 } as const;

export const RENAME = { NOREPLACE: 1, EXCHANGE: 2, WHITEOUT: 4 } as const;

export const SEEK = { SET: 0, CUR: 1, END: 2, DATA: 3, HOLE: 4 } as const;

export const FCNTL = {
  F_DUPFD: 0, F_GETFD: 1, F_SETFD: 2, F_GETFL: 3, F_SETFL: 4, F_GETLK: 5, F_SETLK: 6, F_SETLKW: 7,
  F_SETOWN: 8, F_GETOWN: 9, F_OFD_GETLK: 36, F_OFD_SETLK: 37, F_OFD_SETLKW: 38, F_DUPFD_CLOEXEC: 1030,
  F_GETPIPE_SZ: 1032,
} as const;
export const FD_CLOEXEC = 1;

/** struct flock l_type values (asm-generic/fcntl.h). */
export const LOCK_TYPE = { F_RDLCK: 0, F_WRLCK: 1, F_UNLCK: 2 } as const;

/** flock(2) operations (asm-generic/fcntl.h). */
export const FLOCK_OP = { LOCK_SH: 1, LOCK_EX: 2, LOCK_NB: 4, LOCK_UN: 8 } as const;

/** ioctl requests (asm-generic/ioctls.h). */
export const IOCTL = {
  TCGETS: 0x5401, TCSETS: 0x5402, TCSETSW: 0x5403, TCSETSF: 0x5404, TIOCGPGRP: 0x540f, TIOCSPGRP: 0x5410,
  TIOCGWINSZ: 0x5413, TIOCSWINSZ: 0x5414, FIONREAD: 0x541b, FIONBIO: 0x5421,
} as const;

export const PROT = { NONE: 0, READ: 1, WRITE: 2, EXEC: 4, SEM: 8, GROWSDOWN: 0x01000000, GROWSUP: 0x02000000 } as const;

export const MAP = {
  SHARED: 0x01, PRIVATE: 0x02, SHARED_VALIDATE: 0x03, TYPE: 0x0f,
  FIXED: 0x10, ANONYMOUS: 0x20, GROWSDOWN: 0x0100, DENYWRITE: 0x0800, EXECUTABLE: 0x1000,
  LOCKED: 0x2000, NORESERVE: 0x4000, POPULATE: 0x8000, NONBLOCK: 0x10000, STACK: 0x20000,
  HUGETLB: 0x40000, SYNC: 0x80000, FIXED_NOREPLACE: 0x100000, UNINITIALIZED: 0x4000000,
} as const;

export const MAP_FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['MAP_FIXED', MAP.FIXED], ['MAP_ANONYMOUS', MAP.ANONYMOUS], ['MAP_GROWSDOWN', MAP.GROWSDOWN],
  ['MAP_DENYWRITE', MAP.DENYWRITE], ['MAP_EXECUTABLE', MAP.EXECUTABLE], ['MAP_LOCKED', MAP.LOCKED],
  ['MAP_NORESERVE', MAP.NORESERVE], ['MAP_POPULATE', MAP.POPULATE], ['MAP_NONBLOCK', MAP.NONBLOCK],
  ['MAP_STACK', MAP.STACK], ['MAP_HUGETLB', MAP.HUGETLB], ['MAP_SYNC', MAP.SYNC],
  ['MAP_FIXED_NOREPLACE', MAP.FIXED_NOREPLACE], ['MAP_UNINITIALIZED', MAP.UNINITIALIZED],
];

export const MREMAP = { MAYMOVE: 1, FIXED: 2, DONTUNMAP: 4 } as const;

/** mlock2 flags and mlockall flags (include/uapi/asm-generic/mman-common.h, mman.h). */
export const MLOCK = { ONFAULT: 1 } as const;
export const MCL = { CURRENT: 1, FUTURE: 2, ONFAULT: 4 } as const;
export const MCL_NAMES: readonly (readonly [string, number])[] = [
  ['MCL_CURRENT', MCL.CURRENT], ['MCL_FUTURE', MCL.FUTURE], ['MCL_ONFAULT', MCL.ONFAULT],
];

/** openat2's struct open_how resolve flags (include/uapi/linux/openat2.h), in -strace order. */
export const RESOLVE = { NO_XDEV: 0x01, NO_MAGICLINKS: 0x02, NO_SYMLINKS: 0x04, BENEATH: 0x08, IN_ROOT: 0x10, CACHED: 0x20 } as const;
export const RESOLVE_NAMES: readonly (readonly [string, number])[] = Object.entries(RESOLVE).map(([k, v]) => [`RESOLVE_${k}`, v]);

/** splice / tee / vmsplice flags (include/linux/splice.h), the same on every Linux. */
export const SPLICE_F = { MOVE: 1, NONBLOCK: 2, MORE: 4, GIFT: 8 } as const;
export const SPLICE_F_NAMES: readonly (readonly [string, number])[] = Object.entries(SPLICE_F).map(([k, v]) => [`SPLICE_F_${k}`, v]);

export const MADV = {
  NORMAL: 0, RANDOM: 1, SEQUENTIAL: 2, WILLNEED: 3, DONTNEED: 4, FREE: 8, REMOVE: 9,
  DONTFORK: 10, DOFORK: 11, MERGEABLE: 12, UNMERGEABLE: 13, HUGEPAGE: 14, NOHUGEPAGE: 15,
  DONTDUMP: 16, DODUMP: 17, WIPEONFORK: 18, KEEPONFORK: 19, COLD: 20, PAGEOUT: 21,
  POPULATE_READ: 22, POPULATE_WRITE: 23, DONTNEED_LOCKED: 24, COLLAPSE: 25, HWPOISON: 100,
} as const;

/** Advice that only tunes performance (or fork behaviour, which does not exist yet): accepted as 0. */
export const MADV_HINTS: ReadonlySet<number> = new Set([
  MADV.NORMAL, MADV.RANDOM, MADV.SEQUENTIAL, MADV.WILLNEED, MADV.FREE, MADV.DONTFORK, MADV.DOFORK,
  MADV.MERGEABLE, MADV.UNMERGEABLE, MADV.HUGEPAGE, MADV.NOHUGEPAGE, MADV.DONTDUMP, MADV.DODUMP,
  MADV.KEEPONFORK, MADV.COLD, MADV.PAGEOUT, MADV.POPULATE_READ, MADV.POPULATE_WRITE, MADV.COLLAPSE,
]);

/** Signal numbers (asm-generic/signal.h); the same on x86, so host and guest agree. */
export const SIG = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
} as const;
export const NSIG = 64;
export const SIGNAL_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(SIG).map(([k, v]) => [v, k]));

/** Default actions (signal(7)) other than "terminate" / "core". */
export const SIG_DEFAULT_IGNORE: ReadonlySet<number> = new Set([SIG.SIGCHLD, SIG.SIGURG, SIG.SIGWINCH, SIG.SIGCONT]);
export const SIG_DEFAULT_STOP: ReadonlySet<number> = new Set([SIG.SIGSTOP, SIG.SIGTSTP, SIG.SIGTTIN, SIG.SIGTTOU]);

export const SIG_HANDLER = { DFL: 0n, IGN: 1n } as const;
export const SIGPROCMASK = { SIG_BLOCK: 0, SIG_UNBLOCK: 1, SIG_SETMASK: 2 } as const;
export const SS = { ONSTACK: 1, DISABLE: 2, AUTODISARM: 0x8000_0000 } as const;

export const CLOCK = {
  REALTIME: 0, MONOTONIC: 1, PROCESS_CPUTIME_ID: 2, THREAD_CPUTIME_ID: 3, MONOTONIC_RAW: 4,
  REALTIME_COARSE: 5, MONOTONIC_COARSE: 6, BOOTTIME: 7, REALTIME_ALARM: 8, BOOTTIME_ALARM: 9, TAI: 11,
} as const;
export const CLOCK_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(CLOCK).map(([k, v]) => [v, `CLOCK_${k}`]));
export const TIMER_ABSTIME = 1;

export const RLIMIT = {
  CPU: 0, FSIZE: 1, DATA: 2, STACK: 3, CORE: 4, RSS: 5, NPROC: 6, NOFILE: 7, MEMLOCK: 8, AS: 9,
  LOCKS: 10, SIGPENDING: 11, MSGQUEUE: 12, NICE: 13, RTPRIO: 14, RTTIME: 15,
} as const;
export const RLIM_NLIMITS = 16;
export const RLIM_INFINITY = 0xffff_ffff_ffff_ffffn;

export const RUSAGE = { SELF: 0, CHILDREN: -1, THREAD: 1 } as const;

/** getpriority / setpriority `which` (linux/resource.h). */
export const PRIO = { PROCESS: 0, PGRP: 1, USER: 2 } as const;

export const GRND = { NONBLOCK: 1, RANDOM: 2, INSECURE: 4 } as const;

/** linux_dirent64 d_type values. */
export const DT = { UNKNOWN: 0, FIFO: 1, CHR: 2, DIR: 4, BLK: 6, REG: 8, LNK: 10, SOCK: 12 } as const;

/** statx mask bits (linux/stat.h). */
export const STATX = {
  TYPE: 0x1, MODE: 0x2, NLINK: 0x4, UID: 0x8, GID: 0x10, ATIME: 0x20, MTIME: 0x40, CTIME: 0x80,
  INO: 0x100, SIZE: 0x200, BLOCKS: 0x400, BASIC_STATS: 0x7ff, BTIME: 0x800,
} as const;

/** USER_HZ: the unit of clock_t in times(2) and friends. */
export const USER_HZ = 100;
/** Largest byte count one read/write moves (MAX_RW_COUNT). */
export const MAX_RW_COUNT = 0x7fff_f000;
export const UIO_MAXIOV = 1024;

/** utimensat's special tv_nsec values (linux/stat.h). */
export const UTIME = { NOW: (1 << 30) - 1, OMIT: (1 << 30) - 2 } as const;

/** futex(2) operations and option bits (linux/futex.h). */
export const FUTEX = {
  WAIT: 0, WAKE: 1, FD: 2, REQUEUE: 3, CMP_REQUEUE: 4, WAKE_OP: 5, LOCK_PI: 6, UNLOCK_PI: 7,
  TRYLOCK_PI: 8, WAIT_BITSET: 9, WAKE_BITSET: 10, WAIT_REQUEUE_PI: 11, CMP_REQUEUE_PI: 12, LOCK_PI2: 13,
} as const;
export const FUTEX_PRIVATE_FLAG = 128;
export const FUTEX_CLOCK_REALTIME = 256;
/** futex_waitv's entry flag for a 32-bit futex word (the only size Linux 6.1 has), and its most entries. */
export const FUTEX_32 = 2;
export const FUTEX_WAITV_MAX = 128;
export const FUTEX_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(FUTEX).map(([k, v]) => [v, `FUTEX_${k}`]));

/** prctl(2) options (linux/prctl.h), for -strace names; the handler implements a few. */
export const PR = {
  SET_PDEATHSIG: 1, GET_PDEATHSIG: 2, GET_DUMPABLE: 3, SET_DUMPABLE: 4, GET_UNALIGN: 5, SET_UNALIGN: 6,
  GET_KEEPCAPS: 7, SET_KEEPCAPS: 8, GET_FPEMU: 9, SET_FPEMU: 10, GET_FPEXC: 11, SET_FPEXC: 12,
  GET_TIMING: 13, SET_TIMING: 14, SET_NAME: 15, GET_NAME: 16, GET_ENDIAN: 19, SET_ENDIAN: 20,
  GET_SECCOMP: 21, SET_SECCOMP: 22, CAPBSET_READ: 23, CAPBSET_DROP: 24, GET_TSC: 25, SET_TSC: 26,
  GET_SECUREBITS: 27, SET_SECUREBITS: 28, SET_TIMERSLACK: 29, GET_TIMERSLACK: 30, SET_CHILD_SUBREAPER: 36,
  GET_CHILD_SUBREAPER: 37, SET_NO_NEW_PRIVS: 38, GET_NO_NEW_PRIVS: 39, SET_THP_DISABLE: 41,
  GET_THP_DISABLE: 42, CAP_AMBIENT: 47, SVE_SET_VL: 50, SVE_GET_VL: 51, PAC_RESET_KEYS: 54,
  SET_TAGGED_ADDR_CTRL: 55, GET_TAGGED_ADDR_CTRL: 56, SET_VMA: 0x53564d41,
} as const;
export const PR_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(PR).map(([k, v]) => [v, `PR_${k}`]));
/** Size of a task's comm (PR_SET_NAME / PR_GET_NAME), NUL included. */
export const TASK_COMM_LEN = 16;

/** poll(2) event bits (asm-generic/poll.h). */
export const POLL = {
  IN: 0x1, PRI: 0x2, OUT: 0x4, ERR: 0x8, HUP: 0x10, NVAL: 0x20, RDNORM: 0x40, RDBAND: 0x80,
  WRNORM: 0x100, WRBAND: 0x200, MSG: 0x400, REMOVE: 0x1000, RDHUP: 0x2000,
} as const;

/** Address families (linux/socket.h); -strace prints them as QEMU does, PF_*. */
export const AF = { UNSPEC: 0, UNIX: 1, INET: 2, AX25: 3, IPX: 4, APPLETALK: 5, INET6: 10, KEY: 15, NETLINK: 16, PACKET: 17, CAN: 29, BLUETOOTH: 31, ALG: 38, VSOCK: 40 } as const;
/**
 * Socket types (linux/net.h); socket(2)'s type argument carries SOCK_NONBLOCK and
 * SOCK_CLOEXEC above TYPE_MASK, whose values are the ABI's O_NONBLOCK and O_CLOEXEC.
 */
export const SOCK = { STREAM: 1, DGRAM: 2, RAW: 3, RDM: 4, SEQPACKET: 5, DCCP: 6, PACKET: 10, TYPE_MASK: 0xf } as const;
/** send/recv flags (linux/socket.h MSG_*), in -strace order. */
export const MSG = {
  OOB: 0x1, PEEK: 0x2, DONTROUTE: 0x4, CTRUNC: 0x8, PROXY: 0x10, TRUNC: 0x20, DONTWAIT: 0x40, EOR: 0x80,
  WAITALL: 0x100, FIN: 0x200, SYN: 0x400, CONFIRM: 0x800, RST: 0x1000, ERRQUEUE: 0x2000, NOSIGNAL: 0x4000,
  MORE: 0x8000, WAITFORONE: 0x10000, BATCH: 0x40000, ZEROCOPY: 0x4000000, FASTOPEN: 0x20000000, CMSG_CLOEXEC: 0x40000000,
} as const;
/** Option levels (linux/socket.h SOL_*, linux/in.h IPPROTO_*). */
export const SOL = { IP: 0, SOCKET: 1, TCP: 6, UDP: 17, IPV6: 41 } as const;
/** SOL_SOCKET options this layer reads itself (asm-generic/socket.h; 64-bit: the _OLD timeouts, a struct timeval). */
export const SO = { TYPE: 3, ERROR: 4, RCVTIMEO: 20, SNDTIMEO: 21 } as const;
/** SOL_SOCKET control-message types (linux/socket.h SCM_*). */
export const SCM = { RIGHTS: 1, CREDENTIALS: 2, SECURITY: 3, PIDFD: 4 } as const;
/** shutdown(2) how. */
export const SHUT = { RD: 0, WR: 1, RDWR: 2 } as const;
/** sizeof(struct sockaddr_storage): the longest address any call takes or returns. */
export const SOCKADDR_STORAGE_SIZE = 128;

/** clone flags (linux/sched.h). */
export const CLONE = {
  VM: 0x100, FS: 0x200, FILES: 0x400, SIGHAND: 0x800, PIDFD: 0x1000, PTRACE: 0x2000, VFORK: 0x4000,
  PARENT: 0x8000, THREAD: 0x10000, NEWNS: 0x20000, SYSVSEM: 0x40000, SETTLS: 0x80000,
  PARENT_SETTID: 0x100000, CHILD_CLEARTID: 0x200000, DETACHED: 0x400000, UNTRACED: 0x800000,
  CHILD_SETTID: 0x1000000, NEWCGROUP: 0x2000000, NEWUTS: 0x4000000, NEWIPC: 0x8000000,
  NEWUSER: 0x10000000, NEWPID: 0x20000000, NEWNET: 0x40000000, IO: 0x80000000,
} as const;
