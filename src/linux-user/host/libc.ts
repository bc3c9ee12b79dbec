// The one module that calls libc directly, through koffi (an FFI; with host/sockets.ts and
// host/processes.ts, the socket and process calls it binds, which nothing else imports;
// host/host-signals.ts calls the node binary's own libuv through koffi, on a worker of its
// own, and host/signal-catcher.ts on the first thread; host/host-mmap.ts maps host memory
// into the guest's): the system calls where Node's own binding costs more than the call itself. A read or write through node:fs
// takes ~0.4 µs of validation and request objects around a ~0.1 µs system call; koffi's
// call is about half that. Loaded on first use (koffi takes ~10 ms to load, which start-up
// must not pay: vfs/host.ts asks only once a run has made many host reads and writes), and
// null where koffi or libc is not there (another OS, a browser, an install without it):
// callers then keep to node:fs. Also the calls Node has no binding for at all: record locks
// (fcntl F_GETLK ... F_OFD_SETLKW) and flock(2), which callers emulate for one process where
// this module is null, extended attributes (the getxattr(2) family: EOPNOTSUPP without it),
// pipe2 (without it, vfs/host.ts makes a pipe from a FIFO, a process spawn each),
// statfs, sync and the terminal ioctls (without it, stat -f, sync(1) and stty),
// memfd_create, eventfd, renameat2, linkat, mknodat and fallocate, sessions and process
// groups, inotify, splice and tee between host fds, the scheduler calls, a thread's signal
// mask and pending signals (pthread_sigmask, sigtimedwait: host/host-signals.ts), and the
// socket calls (socket(2) to recvmsg(2): host/sockets.ts), and the process calls (execve,
// posix_spawn, wait4, waitid: host/processes.ts). Failures are thrown as node:fs throws
// them (an Error with the errno name as `code`), so errno.ts stays the one place that
// turns them into guest errnos.

import { bindProcesses, type HostProcesses } from './processes.js';
import { bindSockets, type HostSocket } from './sockets.js';
import { newSignalCatcher, type HostSignalCatcher, type KoffiForUv } from './signal-catcher.js';
import { bindHostMmap, type HostMmap } from './host-mmap.js';
import { loadKoffi, withKoffiLock, type Koffi } from './koffi.js';

export type { HostProcesses, HostSpawn, HostWaited } from './processes.js';
export type { HostReceived, HostSocket, HostSpan } from './sockets.js';
export type { HostSignalCatcher } from './signal-catcher.js';
export type { HostMmap } from './host-mmap.js';

/** read/write on the bytes [off, off+len) of a buffer over shared memory (guest memory). */
export interface HostLibc {
  /** Whether `buf` can be passed here: its backing store never moves (a SharedArrayBuffer). */
  takes(buf: Uint8Array): boolean;
  /** write(2), or pwrite(2) when `position` is a number: the bytes written. Retries EINTR, as libuv does. */
  write(fd: number, buf: Uint8Array, off: number, len: number, position: number | null): number;
  /** read(2), or pread(2) when `position` is a number: the bytes read. */
  read(fd: number, buf: Uint8Array, off: number, len: number, position: number | null): number;
  /**
   * fcntl(2) record locks on a host fd: `lock` is struct flock by field. The GETLK forms return
   * what the host wrote back (type 'UNLCK' and the rest as given when nothing conflicts); the
   * SET forms return `lock`. SETLKW blocks the calling thread (retrying EINTR). Absent where the
   * host's fcntl numbers and struct flock layout are not the asm-generic ones known here.
   */
  lock?(fd: number, cmd: LockCmd, lock: FileLock): FileLock;
  /** flock(2) on a host fd; LOCK_NB when `wait` is false. Absent with `lock`. */
  flock?(fd: number, op: FlockOp, wait: boolean): void;
  /** The extended-attribute calls (getxattr(2) and its family). */
  xattr: HostXattr;
  /** pipe2(2) with host `flags`: [read fd, write fd]. */
  pipe(flags: number): [number, number];
  /**
   * statfs(2) / fstatfs(2): the host's struct statfs, whose 64-bit layout (asm-generic:
   * x86-64 and arm64 alike) is the guest's too. Absent on other hosts.
   */
  statfs?(target: string | number): Uint8Array;
  /** sync(2), or syncfs(2) of the file system holding host fd `fd`. */
  sync(fd?: number): void;
  /**
   * ioctl(2) whose argument points at `arg` (read and written in place): the terminal
   * requests, whose numbers and structs (termios, winsize) are the same on the host as in
   * the asm-generic guests. Absent on other hosts.
   */
  ioctl?(fd: number, request: number, arg: Uint8Array): number;
  /** poll(2) of one host fd for `events`, not waiting: its revents (the POLL* bits are the same on host and guest). */
  pollOne(fd: number, events: number): number;
  /** poll(2) of host fds, waiting up to `timeoutMs` (-1: no limit): their revents. */
  pollMany(fds: readonly { fd: number; events: number }[], timeoutMs: number): number[];
  /** memfd_create(2) with host flags: a host fd. */
  memfd(name: string, flags: number): number;
  /** eventfd(2) with host flags: a host fd. */
  eventfd(initval: number, flags: number): number;
  /** epoll_create1(2) with host flags: a host fd. */
  epollCreate(flags: number): number;
  /** epoll_ctl(2): `data` is kept by the host and handed back with the fd's events. */
  epollCtl(epfd: number, op: number, fd: number, events: number, data: bigint): void;
  /** epoll_wait(2) for up to `timeoutMs` (-1: no limit): the ready (events, data) pairs, at most `max`. */
  epollWait(epfd: number, max: number, timeoutMs: number): { events: number; data: bigint }[];
  /** timerfd_create(2) with host flags: a host fd. */
  timerfdCreate(clock: number, flags: number): number;
  /** timerfd_settime(2): `value` a struct itimerspec (x86-64's layout is the 64-bit guests'); the old one into `old`. */
  timerfdSettime(fd: number, flags: number, value: Uint8Array, old: Uint8Array): void;
  /** timerfd_gettime(2) into `out` (struct itimerspec). */
  timerfdGettime(fd: number, out: Uint8Array): void;
  /** renameat2(2) of absolute host paths, with its flags (NOREPLACE, EXCHANGE, WHITEOUT: atomic). */
  rename(from: string, to: string, flags: number): void;
  /** linkat(2): from an absolute host path, or (with AT_EMPTY_PATH and an empty path) host fd `fromFd`. */
  link(fromFd: number, from: string, to: string, flags: number): void;
  /** mknodat(2) of an absolute host path. */
  mknod(path: string, mode: number, dev: bigint): void;
  /** fallocate(2). */
  fallocate(fd: number, mode: number, offset: bigint, len: bigint): void;
  /** inotify_init1(2) with host flags: a host fd. */
  inotifyInit(flags: number): number;
  /** inotify_add_watch(2) of an absolute host path: the watch descriptor. */
  inotifyAddWatch(fd: number, path: string, mask: number): number;
  /** inotify_rm_watch(2). */
  inotifyRmWatch(fd: number, wd: number): void;
  /**
   * splice(2) between host fds. An offset given is passed by pointer and read back: the
   * bytes moved and both offsets after (null where NULL was passed).
   */
  splice(fdIn: number, offIn: bigint | null, fdOut: number, offOut: bigint | null, len: number, flags: number): { moved: number; offIn: bigint | null; offOut: bigint | null };
  /** tee(2) between host pipes: the bytes duplicated. */
  tee(fdIn: number, fdOut: number, len: number, flags: number): number;
  /** Sessions and process groups: setsid, setpgid, getpgid, getsid (guest pids are the host's). */
  setsid(): number;
  setpgid(pid: number, pgid: number): void;
  getpgid(pid: number): number;
  getsid(pid: number): number;
  /** The scheduler calls, on a host pid (0: the calling thread, which runs the guest's). */
  sched: HostSched;
  /** lseek(2) to `offset` from the start (SEEK_SET). */
  seek(fd: number, offset: number): void;
  /** The calling thread's host signal mask, and its pending signals. */
  signalMask: HostSignalMask;
  /** A new catcher of host signals for the calling thread to poll (host/signal-catcher.ts). */
  signalCatcher(): HostSignalCatcher;
  /** Host mappings over the guest memory (host/host-mmap.ts); absent where host pages are not 4 KiB. */
  mmap?: HostMmap;
  /** execve, posix_spawn, wait4, waitid, pidfd_open and what an execve must set up (host/processes.ts). */
  processes: HostProcesses;
  /**
   * The socket calls. Absent on hosts whose socket ABI is not known here to be the
   * asm-generic guests' (constants, sockaddr, msghdr and cmsghdr layouts).
   */
  socket?: HostSocket;
}

/** sched_setaffinity(2) and the scheduling-policy calls, with Linux's (every arch's) SCHED_* values. */
export interface HostSched {
  /** sched_setaffinity(2) with the bytes of a cpumask. */
  setaffinity(pid: number, mask: Uint8Array): void;
  getscheduler(pid: number): number;
  /** sched_getparam(2): sched_priority. */
  getparam(pid: number): number;
  setscheduler(pid: number, policy: number, priority: number): void;
  setparam(pid: number, priority: number): void;
  priorityMax(policy: number): number;
  priorityMin(policy: number): number;
  /** sched_rr_get_interval(2): the time slice in nanoseconds. */
  rrInterval(pid: number): bigint;
  /** getcpu(2): [cpu, NUMA node]. */
  getcpu(): [number, number];
}

/** A thread's host signals (host/host-signals.ts keeps a write's SIGPIPE there). */
export interface HostSignalMask {
  /** pthread_sigmask(3): blocks (or unblocks) host signal `sig` for the calling thread. */
  setBlocked(sig: number, blocked: boolean): void;
  /** sigtimedwait(2) without waiting: takes host signal `sig` if it is pending (blocked), true then. */
  takePending(sig: number): boolean;
}

/** Where an xattr call looks: a path (following a final symlink or not) or a host fd. */
export type XattrTarget = { path: string; follow: boolean } | { fd: number };

/**
 * getxattr/listxattr write into `buf` and return the size; with a null `buf` they return the
 * size a buffer needs (the size-probe form of the calls). `flags`: XATTR_CREATE / XATTR_REPLACE.
 */
export interface HostXattr {
  get(target: XattrTarget, name: string, buf: Uint8Array | null): number;
  list(target: XattrTarget, buf: Uint8Array | null): number;
  set(target: XattrTarget, name: string, value: Uint8Array, flags: number): void;
  remove(target: XattrTarget, name: string): void;
}

/** The record-lock commands, by their names without the F_ prefix. */
export type LockCmd = 'GETLK' | 'SETLK' | 'SETLKW' | 'OFD_GETLK' | 'OFD_SETLK' | 'OFD_SETLKW';
export type LockType = 'RDLCK' | 'WRLCK' | 'UNLCK';
export type Whence = 'SET' | 'CUR' | 'END';
/** struct flock, field by field, in no particular ABI's encoding. */
export interface FileLock { type: LockType; whence: Whence; start: bigint; len: bigint; pid: number }
export type FlockOp = 'SH' | 'EX' | 'UN';

/**
 * The host's values (Linux with the asm-generic fcntl.h on a 64-bit host: x86-64, arm64,
 * riscv64, loongarch64), from include/uapi/asm-generic/fcntl.h, and glibc's struct flock there.
 */
const HOST_LOCK_ARCHES: readonly string[] = ['x64', 'arm64', 'riscv64', 'loong64'];
const HOST_F: Readonly<Record<LockCmd, number>> = { GETLK: 5, SETLK: 6, SETLKW: 7, OFD_GETLK: 36, OFD_SETLK: 37, OFD_SETLKW: 38 };
const HOST_LOCK_TYPE: Readonly<Record<LockType, number>> = { RDLCK: 0, WRLCK: 1, UNLCK: 2 };
const HOST_SEEK: Readonly<Record<Whence, number>> = { SET: 0, CUR: 1, END: 2 };
const HOST_FLOCK = { l_type: 0, l_whence: 2, l_start: 8, l_len: 16, l_pid: 24, SIZE: 32 } as const;
const HOST_LOCK_OP = { SH: 1, EX: 2, NB: 4, UN: 8 } as const;
/** AT_FDCWD: the *at calls here are given absolute paths. */
const AT_FDCWD = -100;
/** sizeof(struct statfs) on a 64-bit asm-generic host: eleven 8-byte fields and f_spare[4]. */
const HOST_STATFS_SIZE = 120;
const nameOf = <K extends string>(table: Readonly<Record<K, number>>, v: number): K | undefined =>
  (Object.keys(table) as K[]).find((k) => table[k] === v);

declare const require: ((id: string) => unknown) | undefined;

let loaded: HostLibc | null | undefined;

/**
 * libc through koffi, loaded at the first call; null when it cannot be had. `req` resolves
 * 'koffi' (the bundle is given the launcher's require; sources run as ES modules pass one).
 */
export function hostLibc(req: ((id: string) => unknown) | undefined = typeof require === 'function' ? require : undefined): HostLibc | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (req === undefined || process.platform !== 'linux') return loaded;
  try {
    loaded = withKoffiLock(() => bind(loadKoffi(req)));
  } catch {
    // koffi missing, or no prebuilt binary for this host: node:fs it is
  }
  return loaded;
}

/** The host libc if hostLibc() has loaded it already (null: not loaded, or it cannot be had): for what is worth doing only when it costs no load. */
export function loadedHostLibc(): HostLibc | null {
  return loaded ?? null;
}

/**
 * For tests: what hostLibc() answers from now on (null: as if koffi were missing, so the
 * callers' fallbacks run); undefined: forget it, so that the next call loads again.
 */
export function setHostLibc(libc: HostLibc | null | undefined): void {
  loaded = libc;
}

/**
 * A library whose functions koffi binds at their first call. Binding one (parsing its C
 * signature, making its trampoline) costs ~70 µs of cold code, and binding the ~130 here at
 * start-up was ~8 ms of every emulator process's start (a spare's, a hello world's), which
 * uses a dozen of them.
 */
function boundOnFirstCall(lib: ReturnType<Koffi['load']>): ReturnType<Koffi['load']> {
  return {
    func(signature: string) {
      let fn: ((...args: unknown[]) => unknown) | undefined;
      return (...args: unknown[]) => (fn ??= bindOne(lib, signature))(...args);
    },
  };
}

/** koffi's binding of `signature`; one that cannot be made (a function this libc lacks) fails as ENOSYS would. */
function bindOne(lib: ReturnType<Koffi['load']>, signature: string): (...args: unknown[]) => unknown {
  try {
    return withKoffiLock(() => lib.func(signature));
  } catch (e) {
    const name = /\b(\w+)\(/.exec(signature)?.[1] ?? signature;
    throw Object.assign(new Error(`ENOSYS: ${name} (${e instanceof Error ? e.message : String(e)})`), { errno: -38, code: 'ENOSYS', syscall: name });
  }
}

function bind(koffi: Koffi): HostLibc {
  const libc = boundOnFirstCall(koffi.load('libc.so.6'));
  const write = libc.func('intptr_t write(int fd, uintptr_t buf, size_t count)') as (fd: number, buf: number, count: number) => number;
  const pwrite = libc.func('intptr_t pwrite(int fd, uintptr_t buf, size_t count, int64_t offset)') as (fd: number, buf: number, count: number, offset: number) => number;
  const read = libc.func('intptr_t read(int fd, uintptr_t buf, size_t count)') as (fd: number, buf: number, count: number) => number;
  const pread = libc.func('intptr_t pread(int fd, uintptr_t buf, size_t count, int64_t offset)') as (fd: number, buf: number, count: number, offset: number) => number;
  const EINTR = koffi.os.errno.EINTR;
  const locks = HOST_LOCK_ARCHES.includes(process.arch);
  const fcntl = locks ? (libc.func('int fcntl(int fd, int cmd, ...)') as (fd: number, cmd: number, type: string, arg: unknown) => number) : undefined;
  const flock = locks ? (libc.func('int flock(int fd, int operation)') as (fd: number, op: number) => number) : undefined;
  /** struct flock in the host's layout, filled and read by field. */
  const flockBuf = Buffer.alloc(HOST_FLOCK.SIZE);
  let names: Map<number, string> | undefined;

  // The host address of the last buffer taken: koffi.address costs ~0.25 µs (and the test
  // for a SharedArrayBuffer ~40 ns), while the guest memory is nearly always the buffer.
  let lastBuf: Uint8Array | null = null;
  let lastAddr = 0;
  const takes = (buf: Uint8Array): boolean => {
    if (buf === lastBuf) return true;
    if (!(buf.buffer instanceof SharedArrayBuffer)) return false;
    lastAddr = Number(koffi.address(buf));
    lastBuf = buf;
    return true;
  };
  /** The error node:fs would have thrown for host errno `n`. */
  const failure = (n: number, syscall: string): Error => {
    if (names === undefined) {
      // The first name for a number: EAGAIN, not EWOULDBLOCK (whose code the EAGAIN retry would miss).
      names = new Map();
      for (const [name, num] of Object.entries(koffi.os.errno)) if (!names.has(num)) names.set(num, name);
    }
    const code = names.get(n) ?? `E${n}`;
    return Object.assign(new Error(`${code}: ${syscall}`), { errno: -n, code, syscall });
  };
  /** The host address of buf[off, off+len), which must be a buffer takes() took. */
  const addressOf = (buf: Uint8Array, off: number, len: number): number => {
    if (!takes(buf) || off < 0 || len < 0 || off + len > buf.length) {
      throw new RangeError(`host I/O outside a shared buffer: [${off}, ${off + len}) of ${buf.length}`);
    }
    return lastAddr + off;
  };

  // The xattr family: twelve entry points, four operations by three kinds of target.
  const xf = (sig: string) => libc.func(sig) as (...args: unknown[]) => number;
  const xattrFns = {
    get: { path: xf('intptr_t getxattr(const char *p, const char *n, _Out_ uint8_t *v, size_t s)'), link: xf('intptr_t lgetxattr(const char *p, const char *n, _Out_ uint8_t *v, size_t s)'), fd: xf('intptr_t fgetxattr(int fd, const char *n, _Out_ uint8_t *v, size_t s)') },
    list: { path: xf('intptr_t listxattr(const char *p, _Out_ uint8_t *l, size_t s)'), link: xf('intptr_t llistxattr(const char *p, _Out_ uint8_t *l, size_t s)'), fd: xf('intptr_t flistxattr(int fd, _Out_ uint8_t *l, size_t s)') },
    set: { path: xf('int setxattr(const char *p, const char *n, const uint8_t *v, size_t s, int f)'), link: xf('int lsetxattr(const char *p, const char *n, const uint8_t *v, size_t s, int f)'), fd: xf('int fsetxattr(int fd, const char *n, const uint8_t *v, size_t s, int f)') },
    remove: { path: xf('int removexattr(const char *p, const char *n)'), link: xf('int lremovexattr(const char *p, const char *n)'), fd: xf('int fremovexattr(int fd, const char *n)') },
  };
  /** Calls operation `op` on `target` with the arguments after the target; a failure throws. */
  const xattrCall = (op: keyof typeof xattrFns, target: XattrTarget, ...rest: unknown[]): number => {
    const fns = xattrFns[op];
    const [fn, first] = 'fd' in target ? [fns.fd, target.fd] : [target.follow ? fns.path : fns.link, target.path];
    const n = fn(first, ...rest);
    if (n < 0) throw failure(koffi.errno(), `${'fd' in target ? 'f' : target.follow ? '' : 'l'}${op}xattr`);
    return n;
  };
  const xattr: HostXattr = {
    get: (t, name, buf) => xattrCall('get', t, name, buf, buf?.length ?? 0),
    list: (t, buf) => xattrCall('list', t, buf, buf?.length ?? 0),
    set: (t, name, value, flags) => void xattrCall('set', t, name, value, value.length, flags),
    remove: (t, name) => void xattrCall('remove', t, name),
  };

  /**
   * libc function `sig`, wrapped: a negative result throws the errno's error (as node:fs
   * would, named after the function), EINTR is retried.
   */
  const call = <A extends unknown[]>(sig: string) => {
    const fn = libc.func(sig) as (...args: A) => number;
    const name = /\b(\w+)\(/.exec(sig)![1];
    return (...args: A): number => {
      for (;;) {
        const r = fn(...args);
        if (r >= 0) return r;
        const e = koffi.errno();
        if (e !== EINTR) throw failure(e, name);
      }
    };
  };
  const generic64 = HOST_LOCK_ARCHES.includes(process.arch);
  const pipe2 = call<[Buffer, number]>('int pipe2(_Out_ uint8_t *fds, int flags)');
  const poll = call<[Buffer, number, number]>('int poll(_Inout_ uint8_t *fds, unsigned long nfds, int timeout)');
  const statfsPath = call<[string, Uint8Array]>('int statfs(const char *path, _Out_ uint8_t *buf)');
  const statfsFd = call<[number, Uint8Array]>('int fstatfs(int fd, _Out_ uint8_t *buf)');
  const syncAll = libc.func('void sync()') as () => void;
  const syncfs = call<[number]>('int syncfs(int fd)');
  const ioctl = call<[number, number, string, Uint8Array]>('int ioctl(int fd, unsigned long request, ...)');
  const memfdCreate = call<[string, number]>('int memfd_create(const char *name, unsigned int flags)');
  const eventfd = call<[number, number]>('int eventfd(unsigned int initval, int flags)');
  const timerfdCreate = call<[number, number]>('int timerfd_create(int clockid, int flags)');
  const epollCreate = call<[number]>('int epoll_create1(int flags)');
  const epollCtl = call<[number, number, number, Buffer | null]>('int epoll_ctl(int epfd, int op, int fd, uint8_t *event)');
  const epollWait = call<[number, Buffer, number, number]>('int epoll_wait(int epfd, _Out_ uint8_t *events, int maxevents, int timeout)');
  // struct epoll_event is packed on x86-64 (12 bytes), naturally aligned elsewhere (16)
  const epollSize = process.arch === 'x64' ? 12 : 16;
  const epollData = process.arch === 'x64' ? 4 : 8;
  const timerfdSettime = call<[number, number, Uint8Array, Uint8Array]>('int timerfd_settime(int fd, int flags, const uint8_t *value, _Out_ uint8_t *old)');
  const timerfdGettime = call<[number, Uint8Array]>('int timerfd_gettime(int fd, _Out_ uint8_t *out)');
  const renameat2 = call<[number, string, number, string, number]>('int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags)');
  const linkat = call<[number, string, number, string, number]>('int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)');
  const mknodat = call<[number, string, number, bigint]>('int mknodat(int dirfd, const char *path, unsigned int mode, uint64_t dev)');
  const fallocate = call<[number, number, bigint, bigint]>('int fallocate(int fd, int mode, int64_t offset, int64_t len)');
  const setsid = call<[]>('int setsid()');
  const setpgid = call<[number, number]>('int setpgid(int pid, int pgid)');
  const getpgid = call<[number]>('int getpgid(int pid)');
  const getsid = call<[number]>('int getsid(int pid)');
  const inotifyInit1 = call<[number]>('int inotify_init1(int flags)');
  const inotifyAddWatch = call<[number, string, number]>('int inotify_add_watch(int fd, const char *path, uint32_t mask)');
  const inotifyRmWatch = call<[number, number]>('int inotify_rm_watch(int fd, int wd)');
  const splice = call<[number, Buffer | null, number, Buffer | null, number, number]>(
    'intptr_t splice(int fd_in, _Inout_ uint8_t *off_in, int fd_out, _Inout_ uint8_t *off_out, size_t len, unsigned int flags)');
  const tee = call<[number, number, number, number]>('intptr_t tee(int fd_in, int fd_out, size_t len, unsigned int flags)');
  /** An loff_t passed by pointer: 8 bytes holding `v`, or NULL. */
  const loff = (v: bigint | null): Buffer | null => {
    if (v === null) return null;
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(v);
    return b;
  };
  /** struct pollfd array of the given (fd, events), polled for up to `timeoutMs`: the revents. */
  const pollFds = (fds: readonly { fd: number; events: number }[], timeoutMs: number): number[] => {
    const buf = Buffer.alloc(fds.length * 8);
    fds.forEach(({ fd, events }, i) => {
      buf.writeInt32LE(fd, i * 8);
      buf.writeInt16LE(events, i * 8 + 4);
    });
    poll(buf, fds.length, timeoutMs);
    return fds.map((_, i) => buf.readUint16LE(i * 8 + 6));
  };
  const pipeFds = Buffer.alloc(8);
  const lseek = call<[number, number, number]>('int64_t lseek(int fd, int64_t offset, int whence)');
  const sched = bindSched(call);
  const signalMask = bindSignalMask(libc, koffi, failure);

  return {
    takes,
    xattr,
    // struct statfs, the terminal ioctls' structs and the socket ABI are known only on 64-bit asm-generic hosts
    socket: generic64 ? bindSockets(call, failure, addressOf, koffi) : undefined,
    statfs: generic64 ? (target) => {
      const buf = new Uint8Array(HOST_STATFS_SIZE);
      if (typeof target === 'string') statfsPath(target, buf);
      else statfsFd(target, buf);
      return buf;
    } : undefined,
    sync: (fd) => (fd === undefined ? syncAll() : void syncfs(fd)),
    ioctl: generic64 ? (fd, request, arg) => ioctl(fd, request, 'uint8_t *', arg) : undefined,
    pollOne: (fd, events) => pollFds([{ fd, events }], 0)[0],
    pollMany: pollFds,
    memfd: memfdCreate,
    eventfd,
    timerfdCreate,
    epollCreate,
    epollCtl: (epfd, op, fd, events, data) => {
      const ev = Buffer.alloc(epollSize);
      ev.writeUInt32LE(events >>> 0, 0);
      ev.writeBigUInt64LE(data, epollData);
      epollCtl(epfd, op, fd, ev);
    },
    epollWait: (epfd, max, timeoutMs) => {
      const buf = Buffer.alloc(epollSize * max);
      const n = epollWait(epfd, buf, max, timeoutMs);
      return Array.from({ length: n }, (_, i) => ({ events: buf.readUInt32LE(i * epollSize), data: buf.readBigUInt64LE(i * epollSize + epollData) }));
    },
    timerfdSettime: (fd, flags, value, old) => void timerfdSettime(fd, flags, value, old),
    timerfdGettime: (fd, out) => void timerfdGettime(fd, out),
    rename: (from, to, flags) => void renameat2(AT_FDCWD, from, AT_FDCWD, to, flags),
    link: (fromFd, from, to, flags) => void linkat(fromFd, from, AT_FDCWD, to, flags),
    mknod: (path, mode, dev) => void mknodat(AT_FDCWD, path, mode, dev),
    fallocate: (fd, mode, offset, len) => void fallocate(fd, mode, offset, len),
    inotifyInit: inotifyInit1,
    inotifyAddWatch,
    inotifyRmWatch: (fd, wd) => void inotifyRmWatch(fd, wd),
    splice(fdIn, offIn, fdOut, offOut, len, flags) {
      const inBuf = loff(offIn);
      const outBuf = loff(offOut);
      const moved = splice(fdIn, inBuf, fdOut, outBuf, len, flags);
      return { moved, offIn: inBuf && inBuf.readBigInt64LE(), offOut: outBuf && outBuf.readBigInt64LE() };
    },
    tee,
    setsid,
    setpgid: (pid, pgid) => void setpgid(pid, pgid),
    getpgid,
    getsid,
    seek: (fd, offset) => void lseek(fd, offset, HOST_SEEK.SET),
    sched,
    signalMask,
    signalCatcher: () => newSignalCatcher(koffi as unknown as KoffiForUv),
    mmap: bindHostMmap(call, (sig) => libc.func(sig), () => koffi.errno(), failure, addressOf),
    processes: bindProcesses(libc, call, failure, () => koffi.errno()),
    pipe(flags) {
      pipe2(pipeFds, flags);
      return [pipeFds.readInt32LE(0), pipeFds.readInt32LE(4)];
    },
    write(fd, buf, off, len, position) {
      const at = addressOf(buf, off, len);
      for (;;) {
        const n = position === null ? write(fd, at, len) : pwrite(fd, at, len, position);
        if (n >= 0) return n;
        const e = koffi.errno();
        if (e !== EINTR) throw failure(e, position === null ? 'write' : 'pwrite');
      }
    },
    read(fd, buf, off, len, position) {
      const at = addressOf(buf, off, len);
      for (;;) {
        const n = position === null ? read(fd, at, len) : pread(fd, at, len, position);
        if (n >= 0) return n;
        const e = koffi.errno();
        if (e !== EINTR) throw failure(e, position === null ? 'read' : 'pread');
      }
    },
    lock: fcntl && ((fd, cmd, l) => {
      const b = flockBuf;
      b.fill(0);
      b.writeInt16LE(HOST_LOCK_TYPE[l.type], HOST_FLOCK.l_type);
      b.writeInt16LE(HOST_SEEK[l.whence], HOST_FLOCK.l_whence);
      b.writeBigInt64LE(l.start, HOST_FLOCK.l_start);
      b.writeBigInt64LE(l.len, HOST_FLOCK.l_len);
      b.writeInt32LE(l.pid, HOST_FLOCK.l_pid);
      while (fcntl(fd, HOST_F[cmd], 'void *', b) < 0) {
        const e = koffi.errno();
        if (e !== EINTR) throw failure(e, 'fcntl');
      }
      if (cmd !== 'GETLK' && cmd !== 'OFD_GETLK') return l;
      const type = nameOf(HOST_LOCK_TYPE, b.readInt16LE(HOST_FLOCK.l_type));
      const whence = nameOf(HOST_SEEK, b.readInt16LE(HOST_FLOCK.l_whence));
      if (type === undefined || whence === undefined) throw new Error(`host F_GETLK gave l_type ${b.readInt16LE(HOST_FLOCK.l_type)}, l_whence ${b.readInt16LE(HOST_FLOCK.l_whence)}`);
      return {
        type, whence, start: b.readBigInt64LE(HOST_FLOCK.l_start), len: b.readBigInt64LE(HOST_FLOCK.l_len), pid: b.readInt32LE(HOST_FLOCK.l_pid),
      };
    }),
    flock: flock && ((fd, op, wait) => {
      while (flock(fd, HOST_LOCK_OP[op] | (wait ? 0 : HOST_LOCK_OP.NB)) < 0) {
        const e = koffi.errno();
        if (e !== EINTR) throw failure(e, 'flock');
      }
    }),
  };
}

type Call = <A extends unknown[]>(sig: string) => (...args: A) => number;

/** glibc's sigset_t: 1024 bits, bit sig-1 (the kernel reads the first 8 bytes); SIG_BLOCK and SIG_UNBLOCK. */
const HOST_SIGSET_SIZE = 128;
const HOST_SIG_BLOCK = 0;
const HOST_SIG_UNBLOCK = 1;

/** pthread_sigmask and sigtimedwait (HostSignalMask) on one signal at a time. */
function bindSignalMask(libc: ReturnType<Koffi['load']>, koffi: Koffi, failure: (n: number, syscall: string) => Error): HostSignalMask {
  const sigmask = libc.func('int pthread_sigmask(int how, const uint8_t *set, uint8_t *old)') as (how: number, set: Buffer, old: null) => number;
  const sigtimedwait = libc.func('int sigtimedwait(const uint8_t *set, uint8_t *info, const uint8_t *timeout)') as (set: Buffer, info: null, timeout: Buffer) => number;
  const { EAGAIN, EINTR } = koffi.os.errno;
  const setOf = (sig: number): Buffer => {
    const set = Buffer.alloc(HOST_SIGSET_SIZE);
    set[(sig - 1) >> 3] = 1 << ((sig - 1) & 7);
    return set;
  };
  const now = Buffer.alloc(16); // struct timespec {0, 0}
  return {
    setBlocked(sig, blocked) {
      const e = sigmask(blocked ? HOST_SIG_BLOCK : HOST_SIG_UNBLOCK, setOf(sig), null);
      if (e !== 0) throw failure(e, 'pthread_sigmask');
    },
    takePending(sig) {
      for (;;) {
        if (sigtimedwait(setOf(sig), null, now) === sig) return true;
        const e = koffi.errno();
        if (e === EAGAIN) return false;
        if (e !== EINTR) throw failure(e, 'sigtimedwait');
      }
    },
  };
}

/** The scheduler calls (HostSched); struct sched_param is one int, struct timespec two 64-bit words. */
function bindSched(call: Call): HostSched {
  const setaffinity = call<[number, number, Uint8Array]>('int sched_setaffinity(int pid, size_t size, const uint8_t *mask)');
  const getscheduler = call<[number]>('int sched_getscheduler(int pid)');
  const getparam = call<[number, Buffer]>('int sched_getparam(int pid, _Out_ uint8_t *param)');
  const setscheduler = call<[number, number, Buffer]>('int sched_setscheduler(int pid, int policy, const uint8_t *param)');
  const setparam = call<[number, Buffer]>('int sched_setparam(int pid, const uint8_t *param)');
  const priorityMax = call<[number]>('int sched_get_priority_max(int policy)');
  const priorityMin = call<[number]>('int sched_get_priority_min(int policy)');
  const rrInterval = call<[number, Buffer]>('int sched_rr_get_interval(int pid, _Out_ uint8_t *tp)');
  const getcpu = call<[Buffer, Buffer]>('int getcpu(_Out_ uint8_t *cpu, _Out_ uint8_t *node)');
  const param = (priority: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(priority);
    return b;
  };
  return {
    setaffinity: (pid, mask) => void setaffinity(pid, mask.length, mask),
    getscheduler,
    getparam(pid) {
      const b = Buffer.alloc(4);
      getparam(pid, b);
      return b.readInt32LE(0);
    },
    setscheduler: (pid, policy, priority) => void setscheduler(pid, policy, param(priority)),
    setparam: (pid, priority) => void setparam(pid, param(priority)),
    priorityMax,
    priorityMin,
    rrInterval(pid) {
      const tp = Buffer.alloc(16);
      rrInterval(pid, tp);
      return tp.readBigInt64LE(0) * 1_000_000_000n + tp.readBigInt64LE(8);
    },
    getcpu() {
      const cpu = Buffer.alloc(4);
      const node = Buffer.alloc(4);
      getcpu(cpu, node);
      return [cpu.readUint32LE(0), node.readUint32LE(0)];
    },
  };
}
