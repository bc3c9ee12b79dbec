// The process calls of the host's libc (host/libc.ts binds them with the rest): execve(2)
// to become another program, posix_spawn(3) to start a child without fork(2) (glibc's is
// clone(CLONE_VM|CLONE_VFORK) then execve: nothing of Node runs in the child; fork(2)
// itself must never be called here, the forked Node child dies at once), wait4(2) and
// waitid(2) for children, pidfd_open(2) to poll for a child's end, and the fd flags and
// host signal actions an execve must leave as the guest set them. A guest pid is the
// host's. Only libc.ts uses this file.

/** A libc function by its C signature, wrapped as libc.ts wraps them (a failure throws its errno, EINTR is retried). */
type Call = <A extends unknown[]>(sig: string) => (...args: A) => number;
/** What is used here of koffi's loaded libc. */
interface KoffiLib {
  func(signature: string): (...args: unknown[]) => unknown;
}

/** What wait4(2) returned: the child's pid (0: WNOHANG and none changed state), its status word and struct rusage. */
export interface HostWaited { pid: number; status: number; rusage: Uint8Array }

/** A posix_spawn(3) request. */
export interface HostSpawn {
  path: string;
  argv: readonly string[];
  envp: readonly string[];
  /** Host fds the child keeps, at the same numbers (their FD_CLOEXEC cleared in the child only). */
  keepFds: readonly number[];
  /** The child's signal mask (bit sig-1); the parent's otherwise. */
  mask?: bigint;
  /** Signals set to their default action in the child (bit sig-1): a caught one is reset by execve anyway. */
  defaults?: bigint;
}

export interface HostProcesses {
  /** execve(2): returns only by throwing (the host's errno). */
  execve(path: string, argv: readonly string[], envp: readonly string[]): never;
  /** posix_spawn(3): the child's pid. */
  spawn(req: HostSpawn): number;
  /** wait4(2) with host `options` (the WNOHANG ... bits are the same on every Linux). */
  wait4(pid: number, options: number): HostWaited;
  /** waitid(2) through syscall(2), with its rusage argument: the siginfo_t (128 bytes) and struct rusage. */
  waitid(idtype: number, id: number, options: number): { info: Uint8Array; rusage: Uint8Array };
  /** pidfd_open(2): an fd that polls readable once the process has ended. */
  pidfdOpen(pid: number): number;
  /** fcntl(F_GETFD / F_SETFD): the fd's FD_CLOEXEC. */
  setCloexec(fd: number, on: boolean): void;
  /** fcntl(F_DUPFD_CLOEXEC): a copy of `fd` at the lowest free number >= `min`. */
  dupAbove(fd: number, min: number): number;
  /** dup2(2) (the copy without FD_CLOEXEC). */
  dup2(fd: number, to: number): void;
  /** fcntl(F_GETFL / F_SETFL): the open file's status flags (host values). */
  getFl(fd: number): number;
  setFl(fd: number, flags: number): void;
  /** signal(2) with SIG_DFL or SIG_IGN: what an execve'd native program starts with. */
  setDisposition(sig: number, ignore: boolean): void;
  /** pthread_sigmask(SIG_SETMASK): the calling thread's whole mask (bit sig-1). */
  setMask(mask: bigint): void;
  /** prctl(PR_SET_PDEATHSIG): the signal this process gets when its parent dies (0: none). */
  setParentDeathSignal(sig: number): void;
  /** prlimit(2) of process `pid`: sets `next` (struct rlimit, 16 bytes) unless null; returns the limit before. */
  prlimit(pid: number, resource: number, next: Uint8Array | null): Uint8Array;
  /**
   * The credential calls, as the guest makes them (-1: unchanged): glibc applies each to
   * every thread of the process, Node's included. setfsuid/setfsgid return the old id.
   */
  creds: {
    setuid(id: number): void;
    setgid(id: number): void;
    setreuid(r: number, e: number): void;
    setregid(r: number, e: number): void;
    setresuid(r: number, e: number, s: number): void;
    setresgid(r: number, e: number, s: number): void;
    setfsuid(id: number): number;
    setfsgid(id: number): number;
    setgroups(ids: readonly number[]): void;
  };
}

/** sizeof(struct rusage) and siginfo_t on a 64-bit Linux host, the asm-generic guests' sizes too. */
export const RUSAGE_SIZE = 144;
export const SIGINFO_SIZE = 128;
/** x86-64's and arm64's numbers of waitid(2) and pidfd_open(2) (the latter is the same on every arch). */
const SYS_WAITID: Readonly<Record<string, number>> = { x64: 247, arm64: 95, riscv64: 95 };
const SYS_PIDFD_OPEN = 434;
const F_GETFD = 1;
const F_SETFD = 2;
const F_GETFL = 3;
const F_SETFL = 4;
const FD_CLOEXEC = 1;
const F_DUPFD_CLOEXEC = 1030;
const SIG_SETMASK = 2;
const PR_SET_PDEATHSIG = 1;
/** posix_spawnattr_t flags (glibc's spawn.h). */
const POSIX_SPAWN_SETSIGDEF = 0x04;
const POSIX_SPAWN_SETSIGMASK = 0x08;
/** glibc's sizes of posix_spawnattr_t (336) and posix_spawn_file_actions_t (80), rounded up. */
const SPAWNATTR_SIZE = 512;
const FILE_ACTIONS_SIZE = 256;
/** glibc's sigset_t. */
const SIGSET_SIZE = 128;

function sigset(bits: bigint): Buffer {
  const b = Buffer.alloc(SIGSET_SIZE);
  b.writeBigUInt64LE(BigInt.asUintN(64, bits), 0);
  return b;
}

export function bindProcesses(libc: KoffiLib, call: Call, failure: (n: number, syscall: string) => Error, errno: () => number): HostProcesses {
  const execve = libc.func('int execve(const char *path, const char **argv, const char **envp)') as (path: string, argv: (string | null)[], envp: (string | null)[]) => number;
  // posix_spawn returns the error number itself rather than setting errno
  const posixSpawn = libc.func('int posix_spawn(_Out_ uint8_t *pid, const char *path, const uint8_t *actions, const uint8_t *attr, const char **argv, const char **envp)') as
    (pid: Buffer, path: string, actions: Buffer, attr: Buffer, argv: (string | null)[], envp: (string | null)[]) => number;
  const actionsInit = libc.func('int posix_spawn_file_actions_init(_Out_ uint8_t *actions)') as (a: Buffer) => number;
  const actionsDestroy = libc.func('int posix_spawn_file_actions_destroy(uint8_t *actions)') as (a: Buffer) => number;
  const addDup2 = libc.func('int posix_spawn_file_actions_adddup2(uint8_t *actions, int fd, int newfd)') as (a: Buffer, fd: number, newfd: number) => number;
  const attrInit = libc.func('int posix_spawnattr_init(_Out_ uint8_t *attr)') as (a: Buffer) => number;
  const attrDestroy = libc.func('int posix_spawnattr_destroy(uint8_t *attr)') as (a: Buffer) => number;
  const attrSetFlags = libc.func('int posix_spawnattr_setflags(uint8_t *attr, short flags)') as (a: Buffer, f: number) => number;
  const attrSetMask = libc.func('int posix_spawnattr_setsigmask(uint8_t *attr, const uint8_t *set)') as (a: Buffer, s: Buffer) => number;
  const attrSetDefault = libc.func('int posix_spawnattr_setsigdefault(uint8_t *attr, const uint8_t *set)') as (a: Buffer, s: Buffer) => number;
  const wait4 = call<[number, Buffer, number, Uint8Array]>('int wait4(int pid, _Out_ uint8_t *status, int options, _Out_ uint8_t *rusage)');
  // variadic: each argument after nr comes with its type
  const syscall = call<unknown[]>('long syscall(long nr, ...)');
  const fcntl = call<[number, number, string, number]>('int fcntl(int fd, int cmd, ...)');
  const dup2 = call<[number, number]>('int dup2(int fd, int to)');
  const signal = libc.func('uintptr_t signal(int sig, uintptr_t handler)') as (sig: number, handler: number) => number;
  const prlimit = call<[number, number, Uint8Array | null, Uint8Array]>('int prlimit(int pid, int resource, const uint8_t *next, _Out_ uint8_t *old)');
  const sigmask = libc.func('int pthread_sigmask(int how, const uint8_t *set, uint8_t *old)') as (how: number, set: Buffer, old: null) => number;
  const setuid = call<[number]>('int setuid(int id)');
  const setgid = call<[number]>('int setgid(int id)');
  const setreuid = call<[number, number]>('int setreuid(int r, int e)');
  const setregid = call<[number, number]>('int setregid(int r, int e)');
  const setresuid = call<[number, number, number]>('int setresuid(int r, int e, int s)');
  const setresgid = call<[number, number, number]>('int setresgid(int r, int e, int s)');
  const setfsuid = libc.func('int setfsuid(int id)') as (id: number) => number;
  const setfsgid = libc.func('int setfsgid(int id)') as (id: number) => number;
  const setgroups = call<[number, Buffer]>('int setgroups(size_t n, const uint8_t *ids)');
  const prctl = call<[number, string, number]>('int prctl(int option, ...)');
  const waitidNr = SYS_WAITID[process.arch];
  const check = (e: number, name: string): void => {
    if (e !== 0) throw failure(e, name);
  };

  return {
    execve(path, argv, envp) {
      execve(path, [...argv, null], [...envp, null]);
      throw failure(errno(), 'execve');
    },
    spawn(req) {
      const actions = Buffer.alloc(FILE_ACTIONS_SIZE);
      const attr = Buffer.alloc(SPAWNATTR_SIZE);
      check(actionsInit(actions), 'posix_spawn_file_actions_init');
      check(attrInit(attr), 'posix_spawnattr_init');
      try {
        // dup2 of an fd onto itself clears its FD_CLOEXEC in the child (POSIX 2017, glibc 2.29)
        for (const fd of req.keepFds) check(addDup2(actions, fd, fd), 'posix_spawn_file_actions_adddup2');
        let flags = 0;
        if (req.mask !== undefined) {
          flags |= POSIX_SPAWN_SETSIGMASK;
          check(attrSetMask(attr, sigset(req.mask)), 'posix_spawnattr_setsigmask');
        }
        if (req.defaults !== undefined) {
          flags |= POSIX_SPAWN_SETSIGDEF;
          check(attrSetDefault(attr, sigset(req.defaults)), 'posix_spawnattr_setsigdefault');
        }
        check(attrSetFlags(attr, flags), 'posix_spawnattr_setflags');
        const pid = Buffer.alloc(4);
        check(posixSpawn(pid, req.path, actions, attr, [...req.argv, null], [...req.envp, null]), 'posix_spawn');
        return pid.readInt32LE(0);
      } finally {
        actionsDestroy(actions);
        attrDestroy(attr);
      }
    },
    wait4(pid, options) {
      const status = Buffer.alloc(4);
      const rusage = new Uint8Array(RUSAGE_SIZE);
      const got = wait4(pid, status, options, rusage);
      return { pid: got, status: status.readInt32LE(0), rusage };
    },
    waitid(idtype, id, options) {
      if (waitidNr === undefined) throw failure(38, 'waitid'); // ENOSYS
      const info = new Uint8Array(SIGINFO_SIZE);
      const rusage = new Uint8Array(RUSAGE_SIZE);
      syscall(waitidNr, 'int', idtype, 'int', id, 'uint8_t *', info, 'int', options, 'uint8_t *', rusage);
      return { info, rusage };
    },
    pidfdOpen: (pid) => syscall(SYS_PIDFD_OPEN, 'int', pid, 'unsigned int', 0),
    setCloexec(fd, on) {
      const old = fcntl(fd, F_GETFD, 'int', 0);
      fcntl(fd, F_SETFD, 'int', on ? old | FD_CLOEXEC : old & ~FD_CLOEXEC);
    },
    dupAbove: (fd, min) => fcntl(fd, F_DUPFD_CLOEXEC, 'int', min),
    dup2: (fd, to) => void dup2(fd, to),
    getFl: (fd) => fcntl(fd, F_GETFL, 'int', 0),
    setFl: (fd, flags) => void fcntl(fd, F_SETFL, 'int', flags),
    setDisposition: (sig, ignore) => void signal(sig, ignore ? 1 : 0),
    setMask: (mask) => check(sigmask(SIG_SETMASK, sigset(mask), null), 'pthread_sigmask'),
    setParentDeathSignal: (sig) => void prctl(PR_SET_PDEATHSIG, 'unsigned long', sig),
    prlimit(pid, resource, next) {
      const old = new Uint8Array(16);
      prlimit(pid, resource, next, old);
      return old;
    },
    creds: {
      setuid: (id) => void setuid(id),
      setgid: (id) => void setgid(id),
      setreuid: (r, e) => void setreuid(r, e),
      setregid: (r, e) => void setregid(r, e),
      setresuid: (r, e, s) => void setresuid(r, e, s),
      setresgid: (r, e, s) => void setresgid(r, e, s),
      setfsuid,
      setfsgid,
      setgroups(ids) {
        const b = Buffer.alloc(ids.length * 4);
        ids.forEach((id, i) => b.writeUInt32LE(id >>> 0, i * 4));
        setgroups(ids.length, b);
      },
    },
  };
}
