// THE syscall table for asm-generic 64-bit guests: one row per guest syscall number
// with its name, handler and -strace argument format. Handlers live in per-family
// files; numbers come from generic/syscall-numbers.ts. buildSyscallTable picks the rows
// an ABI has (renameat only where __ARCH_WANT_RENAMEAT) and arch code may add its own.

import type { GenericAbi } from '../generic/abi.js';
import { NR, type SyscallName } from '../generic/syscall-numbers.js';
import type { LinuxProcess } from '../process.js';
import { noteHostChanged } from '../exit-report.js';
import * as clone from './clone.js';
import * as creds from './creds.js';
import * as epoll from './epoll.js';
import * as exec from './exec.js';
import * as fd from './fd.js';
import * as fs from './fs.js';
import * as futex from './futex.js';
import * as inotify from './inotify.js';
import * as locks from './locks.js';
import * as mman from './mman.js';
import * as openat2 from './openat2.js';
import * as poll from './poll.js';
import * as proc from './process.js';
import * as rw from './rw.js';
import * as sched from './sched.js';
import * as session from './session.js';
import * as sig from './signal.js';
import * as signalfd from './signalfd.js';
import * as splice from './splice.js';
import * as sock from './socket.js';
import type { SyscallArgs } from './args.js';
import type { ArgKind, RetKind } from './strace.js';
import * as time from './time.js';
import * as timer from './timer.js';
import * as wait from './wait.js';
import * as xattr from './xattr.js';

/**
 * A handler gets the six argument registers (read in place: a.int(0), a.ptr(1), a.big(2), ...)
 * and returns the result or a negative errno. It may also throw a Node system error or
 * SyscallError (runSyscall translates both), or GuestExit / GuestKilled (which end the guest).
 */
export type Handler = (p: LinuxProcess, a: SyscallArgs) => bigint | number;

export interface SyscallRow {
  nr: number;
  name: string;
  handler: Handler;
  /** How each argument prints under -strace; only these many are shown. */
  strace: readonly ArgKind[];
  /** How the return value prints (decimal by default). */
  ret?: RetKind;
  /** Interrupted by a signal whose action has SA_RESTART, the call starts again (Linux's ERESTARTSYS). */
  restartable?: boolean;
  /** The argument naming a process (strace kind 'pid'): a child the guest reaped is gone for it (ESRCH, exit-report.ts). */
  pidArg?: number;
}

/**
 * The calls Linux restarts after a handler with SA_RESTART (they return ERESTARTSYS); the
 * others that a signal interrupts — poll, select, epoll_wait, nanosleep, sigsuspend, a
 * futex wait with a timeout (futex_waitv's is absolute: it restarts) — answer EINTR
 * whatever the flag says.
 */
const RESTARTABLE: ReadonlySet<string> = new Set([
  'read', 'readv', 'pread64', 'preadv', 'preadv2', 'write', 'writev', 'pwrite64', 'pwritev', 'pwritev2',
  'wait4', 'waitid', 'accept', 'accept4', 'connect', 'recvfrom', 'recvmsg', 'recvmmsg', 'sendto', 'sendmsg',
  'sendmmsg', 'flock', 'fcntl', 'openat', 'ioctl', 'splice', 'tee', 'sendfile', 'futex', 'futex_waitv',
]);

/**
 * The calls that may change the host process itself in ways a later job of it could not
 * undo (its credentials, session, limits, scheduling, umask; prctl's parent-death signal
 * says so itself): a process that made one is not recycled as a spare after its exit
 * (exit-report.ts noteHostChanged).
 */
const HOST_CHANGING: ReadonlySet<string> = new Set([
  'setsid', 'setpgid', 'setuid', 'setgid', 'setreuid', 'setregid', 'setresuid', 'setresgid', 'setfsuid', 'setfsgid',
  'setgroups', 'setrlimit', 'prlimit64', 'sched_setaffinity', 'sched_setscheduler', 'sched_setparam', 'setpriority',
  'mlockall', 'umask',
]);
/** Of those, the calls that change nothing with these arguments: prlimit64 without a new limit (glibc's getrlimit). */
const ONLY_READS: Readonly<Record<string, (a: SyscallArgs) => boolean>> = {
  prlimit64: (a) => a.big(2) === 0n,
};

/** `handler`, noting first that the host process may change (HOST_CHANGING). */
const changingHost = (name: string, handler: Handler): Handler => {
  const onlyReads = ONLY_READS[name];
  return (p, a) => {
    if (!onlyReads?.(a)) noteHostChanged(name);
    return handler(p, a);
  };
};

const row = (name: SyscallName, handler: Handler, strace: readonly ArgKind[], ret?: RetKind): SyscallRow => ({
  nr: NR[name], name, handler: HOST_CHANGING.has(name) ? changingHost(name, handler) : handler, strace, ret,
  restartable: RESTARTABLE.has(name) || undefined,
  pidArg: strace.includes('pid') ? strace.indexOf('pid') : undefined,
});

export const GENERIC_SYSCALLS: readonly SyscallRow[] = [
  // files and fds
  row('read', rw.sysRead, ['fd', 'buf', 'ulong']),
  row('write', rw.sysWrite, ['fd', 'buf', 'ulong']),
  row('readv', rw.sysReadv, ['fd', 'buf', 'int']),
  row('writev', rw.sysWritev, ['fd', 'buf', 'int']),
  row('pread64', rw.sysPread64, ['fd', 'buf', 'ulong', 'long']),
  row('pwrite64', rw.sysPwrite64, ['fd', 'buf', 'ulong', 'long']),
  row('preadv', rw.sysPreadv, ['fd', 'buf', 'int', 'long']),
  row('pwritev', rw.sysPwritev, ['fd', 'buf', 'int', 'long']),
  row('preadv2', rw.sysPreadv2, ['fd', 'buf', 'int', 'long', 'long', 'hex']),
  row('pwritev2', rw.sysPwritev2, ['fd', 'buf', 'int', 'long', 'long', 'hex']),
  row('copy_file_range', rw.sysCopyFileRange, ['fd', 'ptr', 'fd', 'ptr', 'ulong', 'hex']),
  row('openat', fs.sysOpenat, ['dirfd', 'path', 'openflags', 'openmode']),
  row('openat2', openat2.sysOpenat2, ['dirfd', 'path', 'openhow', 'ulong']),
  row('close', fs.sysClose, ['fd']),
  row('lseek', rw.sysLseek, ['fd', 'long', 'whence']),
  row('fstat', fs.sysFstat, ['fd', 'ptr']),
  row('newfstatat', fs.sysNewfstatat, ['dirfd', 'path', 'ptr', 'atflags']),
  row('statx', fs.sysStatx, ['dirfd', 'path', 'atflags', 'statxmask', 'ptr']),
  row('getdents64', fs.sysGetdents64, ['fd', 'buf', 'ulong']),
  row('readlinkat', fs.sysReadlinkat, ['dirfd', 'path', 'ptr', 'int']),
  row('faccessat', fs.sysFaccessat, ['dirfd', 'path', 'accessmode']),
  row('faccessat2', fs.sysFaccessat2, ['dirfd', 'path', 'accessmode', 'atflags']),
  row('getcwd', fs.sysGetcwd, ['buf', 'ulong']),
  row('mknodat', fs.sysMknodat, ['dirfd', 'path', 'mode', 'hex']),
  row('fallocate', fs.sysFallocate, ['fd', 'int', 'long', 'long']),
  row('memfd_create', fd.sysMemfdCreate, ['path', 'hex']),
  row('eventfd2', fd.sysEventfd2, ['int', 'fdflags']),
  // extended attributes
  row('setxattr', xattr.sysSetxattr, ['path', 'path', 'ptr', 'ulong', 'int']),
  row('lsetxattr', xattr.sysLsetxattr, ['path', 'path', 'ptr', 'ulong', 'int']),
  row('fsetxattr', xattr.sysFsetxattr, ['fd', 'path', 'ptr', 'ulong', 'int']),
  row('getxattr', xattr.sysGetxattr, ['path', 'path', 'ptr', 'ulong']),
  row('lgetxattr', xattr.sysLgetxattr, ['path', 'path', 'ptr', 'ulong']),
  row('fgetxattr', xattr.sysFgetxattr, ['fd', 'path', 'ptr', 'ulong']),
  row('listxattr', xattr.sysListxattr, ['path', 'ptr', 'ulong']),
  row('llistxattr', xattr.sysLlistxattr, ['path', 'ptr', 'ulong']),
  row('flistxattr', xattr.sysFlistxattr, ['fd', 'ptr', 'ulong']),
  row('removexattr', xattr.sysRemovexattr, ['path', 'path']),
  row('lremovexattr', xattr.sysLremovexattr, ['path', 'path']),
  row('fremovexattr', xattr.sysFremovexattr, ['fd', 'path']),
  row('chdir', fs.sysChdir, ['path']),
  row('fchdir', fs.sysFchdir, ['fd']),
  row('mkdirat', fs.sysMkdirat, ['dirfd', 'path', 'mode']),
  row('unlinkat', fs.sysUnlinkat, ['dirfd', 'path', 'unlinkflags']),
  row('renameat2', fs.sysRenameat2, ['dirfd', 'path', 'dirfd', 'path', 'hex']),
  row('symlinkat', fs.sysSymlinkat, ['path', 'dirfd', 'path']),
  row('linkat', fs.sysLinkat, ['dirfd', 'path', 'dirfd', 'path', 'atflags']),
  row('fchmod', fs.sysFchmod, ['fd', 'mode']),
  row('fchmodat', fs.sysFchmodat, ['dirfd', 'path', 'mode']),
  row('ftruncate', fs.sysFtruncate, ['fd', 'long']),
  row('truncate', fs.sysTruncate, ['path', 'long']),
  row('fchownat', fs.sysFchownat, ['dirfd', 'path', 'int', 'int', 'atflags']),
  row('fchown', fs.sysFchown, ['fd', 'int', 'int']),
  row('utimensat', fs.sysUtimensat, ['dirfd', 'path', 'ptr', 'atflags']),
  row('statfs', fs.sysStatfs, ['path', 'ptr']),
  row('fstatfs', fs.sysFstatfs, ['fd', 'ptr']),
  row('sync', fs.sysSync, []),
  row('syncfs', fs.sysSyncfs, ['fd']),
  row('fsync', fs.sysFsync, ['fd']),
  row('fdatasync', fs.sysFdatasync, ['fd']),
  row('dup', fd.sysDup, ['fd']),
  row('dup3', fd.sysDup3, ['fd', 'fd', 'fdflags']),
  row('fcntl', fd.sysFcntl, ['fd', 'fcntlcmd', 'fcntlarg']),
  // QEMU has no format of its own for flock and prints all six registers in decimal
  row('flock', locks.sysFlock, ['long', 'long', 'long', 'long', 'long', 'long']),
  row('ioctl', fd.sysIoctl, ['fd', 'ioctl', 'ptr']),
  row('pipe2', fd.sysPipe2, ['ptr', 'fdflags']),
  row('sendfile', rw.sysSendfile, ['fd', 'fd', 'ptr', 'ulong']),
  row('splice', splice.sysSplice, ['fd', 'ptr', 'fd', 'ptr', 'ulong', 'spliceflags']),
  row('tee', splice.sysTee, ['fd', 'fd', 'ulong', 'spliceflags']),
  row('vmsplice', splice.sysVmsplice, ['fd', 'ptr', 'ulong', 'spliceflags']),
  row('inotify_init1', inotify.sysInotifyInit1, ['fdflags']),
  row('inotify_add_watch', inotify.sysInotifyAddWatch, ['fd', 'path', 'hex']),
  row('inotify_rm_watch', inotify.sysInotifyRmWatch, ['fd', 'int']),
  row('ppoll', poll.sysPpoll, ['ptr', 'int', 'timespec', 'ptr', 'ulong']),
  row('pselect6', poll.sysPselect6, ['int', 'ptr', 'ptr', 'ptr', 'ptr', 'ptr']),
  // sockets
  row('socket', sock.sysSocket, ['sockdomain', 'socktype', 'int']),
  row('socketpair', sock.sysSocketpair, ['sockdomain', 'socktype', 'int', 'ptr']),
  row('bind', sock.sysBind, ['fd', 'sockaddr', 'int']),
  row('listen', sock.sysListen, ['fd', 'int']),
  row('accept', sock.sysAccept, ['fd', 'ptr', 'ptr']),
  row('accept4', sock.sysAccept4, ['fd', 'ptr', 'ptr', 'sockflags']),
  row('connect', sock.sysConnect, ['fd', 'sockaddr', 'int']),
  row('getsockname', sock.sysGetsockname, ['fd', 'ptr', 'ptr']),
  row('getpeername', sock.sysGetpeername, ['fd', 'ptr', 'ptr']),
  row('sendto', sock.sysSendto, ['fd', 'buf', 'ulong', 'msgflags', 'sockaddr', 'int']),
  row('recvfrom', sock.sysRecvfrom, ['fd', 'buf', 'ulong', 'msgflags', 'ptr', 'ptr']),
  row('setsockopt', sock.sysSetsockopt, ['fd', 'socklevel', 'int', 'ptr', 'int']),
  row('getsockopt', sock.sysGetsockopt, ['fd', 'socklevel', 'int', 'ptr', 'ptr']),
  row('shutdown', sock.sysShutdown, ['fd', 'shuthow']),
  row('sendmsg', sock.sysSendmsg, ['fd', 'ptr', 'msgflags']),
  row('recvmsg', sock.sysRecvmsg, ['fd', 'ptr', 'msgflags']),
  row('sendmmsg', sock.sysSendmmsg, ['fd', 'ptr', 'int', 'msgflags']),
  row('recvmmsg', sock.sysRecvmmsg, ['fd', 'ptr', 'int', 'msgflags', 'timespec']),
  // memory
  row('brk', mman.sysBrk, ['ptr'], 'ptr'),
  row('mmap', mman.sysMmap, ['ptr', 'ulong', 'prot', 'mmapflags', 'fd', 'long'], 'ptr'),
  row('munmap', mman.sysMunmap, ['ptr', 'ulong']),
  row('msync', mman.sysMsync, ['ptr', 'ulong', 'int']),
  row('mprotect', mman.sysMprotect, ['ptr', 'ulong', 'prot']),
  row('mremap', mman.sysMremap, ['ptr', 'ulong', 'ulong', 'hex', 'ptr'], 'ptr'),
  row('madvise', mman.sysMadvise, ['ptr', 'ulong', 'madvice']),
  // mlock family: checked and recorded (VmLck), never pinned (see mman.ts)
  row('mlock', mman.sysMlock, ['ptr', 'ulong']),
  row('munlock', mman.sysMunlock, ['ptr', 'ulong']),
  row('mlock2', mman.sysMlock2, ['ptr', 'ulong', 'hex']),
  row('mlockall', mman.sysMlockall, ['mlockallflags']),
  row('munlockall', mman.sysMunlockall, []),
  // process
  row('clone', clone.sysClone, ['hex', 'ptr', 'ptr', 'ptr', 'ptr']),
  row('clone3', clone.sysClone3, ['ptr', 'ulong']),
  row('execve', exec.sysExecve, ['path', 'strings', 'ptr']),
  row('execveat', exec.sysExecveat, ['dirfd', 'path', 'strings', 'ptr', 'atflags']),
  row('wait4', wait.sysWait4, ['int', 'ptr', 'hex', 'ptr']),
  row('waitid', wait.sysWaitid, ['int', 'int', 'ptr', 'hex', 'ptr']),
  row('exit', proc.sysExit, ['int']),
  row('exit_group', proc.sysExitGroup, ['int']),
  row('set_tid_address', proc.sysSetTidAddress, ['ptr']),
  row('set_robust_list', proc.sysSetRobustList, ['ptr', 'ulong']),
  row('get_robust_list', proc.sysGetRobustList, ['int', 'ptr', 'ptr']),
  row('rseq', proc.sysRseq, ['ptr', 'ulong', 'hex', 'hex']),
  row('prlimit64', proc.sysPrlimit64, ['pid', 'int', 'ptr', 'ptr']),
  row('getrlimit', proc.sysGetrlimit, ['int', 'ptr']),
  row('setrlimit', proc.sysSetrlimit, ['int', 'ptr']),
  row('uname', proc.sysUname, ['buf']),
  row('getpid', proc.sysGetpid, []),
  row('getppid', proc.sysGetppid, []),
  row('setsid', session.sysSetsid, []),
  row('setpgid', session.sysSetpgid, ['pid', 'int']),
  row('getpgid', session.sysGetpgid, ['pid']),
  row('getsid', session.sysGetsid, ['pid']),
  row('epoll_create1', epoll.sysEpollCreate1, ['hex']),
  row('epoll_ctl', epoll.sysEpollCtl, ['fd', 'int', 'fd', 'ptr']),
  row('epoll_pwait', epoll.sysEpollPwait, ['fd', 'ptr', 'int', 'int', 'ptr', 'ulong']),
  row('epoll_pwait2', epoll.sysEpollPwait2, ['fd', 'ptr', 'int', 'ptr', 'ptr', 'ulong']),
  row('signalfd4', signalfd.sysSignalfd4, ['fd', 'ptr', 'ulong', 'hex']),
  row('setitimer', timer.sysSetitimer, ['int', 'ptr', 'ptr']),
  row('getitimer', timer.sysGetitimer, ['int', 'ptr']),
  row('timer_create', timer.sysTimerCreate, ['int', 'ptr', 'ptr']),
  row('timer_settime', timer.sysTimerSettime, ['int', 'int', 'ptr', 'ptr']),
  row('timer_gettime', timer.sysTimerGettime, ['int', 'ptr']),
  row('timer_getoverrun', timer.sysTimerGetoverrun, ['int']),
  row('timer_delete', timer.sysTimerDelete, ['int']),
  row('timerfd_create', timer.sysTimerfdCreate, ['int', 'hex']),
  row('timerfd_settime', timer.sysTimerfdSettime, ['fd', 'int', 'ptr', 'ptr']),
  row('timerfd_gettime', timer.sysTimerfdGettime, ['fd', 'ptr']),
  row('gettid', proc.sysGettid, []),
  row('setuid', creds.sysSetuid, ['int']),
  row('setgid', creds.sysSetgid, ['int']),
  row('setreuid', creds.sysSetreuid, ['int', 'int']),
  row('setregid', creds.sysSetregid, ['int', 'int']),
  row('setresuid', creds.sysSetresuid, ['int', 'int', 'int']),
  row('setresgid', creds.sysSetresgid, ['int', 'int', 'int']),
  row('setfsuid', creds.sysSetfsuid, ['int']),
  row('setfsgid', creds.sysSetfsgid, ['int']),
  row('setgroups', creds.sysSetgroups, ['int', 'ptr']),
  row('getuid', proc.sysGetuid, []),
  row('geteuid', proc.sysGeteuid, []),
  row('getgid', proc.sysGetgid, []),
  row('getegid', proc.sysGetegid, []),
  row('getresuid', proc.sysGetresuid, ['ptr', 'ptr', 'ptr']),
  row('getresgid', proc.sysGetresgid, ['ptr', 'ptr', 'ptr']),
  row('getgroups', proc.sysGetgroups, ['int', 'ptr']),
  row('sysinfo', proc.sysSysinfo, ['ptr']),
  row('umask', proc.sysUmask, ['mode']),
  row('getrusage', proc.sysGetrusage, ['int', 'ptr']),
  row('getrandom', proc.sysGetrandom, ['buf', 'ulong', 'hex']),
  row('sched_getaffinity', proc.sysSchedGetaffinity, ['pid', 'ulong', 'ptr']),
  row('sched_yield', proc.sysSchedYield, []),
  row('sched_setaffinity', sched.sysSchedSetaffinity, ['pid', 'ulong', 'ptr']),
  row('sched_setscheduler', sched.sysSchedSetscheduler, ['pid', 'int', 'ptr']),
  row('sched_setparam', sched.sysSchedSetparam, ['pid', 'ptr']),
  row('sched_getscheduler', sched.sysSchedGetscheduler, ['pid']),
  row('sched_getparam', sched.sysSchedGetparam, ['pid', 'ptr']),
  row('sched_get_priority_max', sched.sysSchedGetPriorityMax, ['int']),
  row('sched_get_priority_min', sched.sysSchedGetPriorityMin, ['int']),
  row('sched_rr_get_interval', sched.sysSchedRrGetInterval, ['pid', 'ptr']),
  row('getcpu', sched.sysGetcpu, ['ptr', 'ptr', 'ptr']),
  row('membarrier', sched.sysMembarrier, ['int', 'hex', 'int']),
  row('getpriority', proc.sysGetpriority, ['int', 'int']),
  row('setpriority', proc.sysSetpriority, ['int', 'int', 'int']),
  row('prctl', proc.sysPrctl, ['prctlop', 'hex', 'hex', 'hex', 'hex']),
  // futexes (futex.ts, over the waiter table futex-table.ts)
  row('futex', futex.sysFutex, ['ptr', 'futexop', 'int', 'ptr', 'ptr', 'int']),
  row('futex_waitv', futex.sysFutexWaitv, ['ptr', 'int', 'hex', 'timespec', 'clockid']),
  // time
  row('clock_gettime', time.sysClockGettime, ['clockid', 'timespec_out']),
  row('clock_getres', time.sysClockGetres, ['clockid', 'timespec_out']),
  row('gettimeofday', time.sysGettimeofday, ['ptr', 'ptr']),
  row('nanosleep', time.sysNanosleep, ['timespec', 'ptr']),
  row('clock_nanosleep', time.sysClockNanosleep, ['clockid', 'int', 'timespec', 'ptr']),
  row('times', time.sysTimes, ['ptr']),
  // signals
  row('rt_sigaction', sig.sysRtSigaction, ['signal', 'ptr', 'ptr', 'ulong']),
  row('rt_sigprocmask', sig.sysRtSigprocmask, ['sighow', 'ptr', 'ptr', 'ulong']),
  row('rt_sigreturn', sig.sysRtSigreturn, []),
  row('rt_sigsuspend', sig.sysRtSigsuspend, ['ptr', 'ulong']),
  row('rt_sigqueueinfo', sig.sysRtSigqueueinfo, ['pid', 'signal', 'ptr']),
  row('rt_tgsigqueueinfo', sig.sysRtTgsigqueueinfo, ['pid', 'int', 'signal', 'ptr']),
  row('rt_sigpending', sig.sysRtSigpending, ['ptr', 'ulong']),
  row('rt_sigtimedwait', sig.sysRtSigtimedwait, ['ptr', 'ptr', 'timespec', 'ulong']),
  row('sigaltstack', sig.sysSigaltstack, ['ptr', 'ptr']),
  row('kill', sig.sysKill, ['pid', 'signal']),
  row('tgkill', sig.sysTgkill, ['pid', 'int', 'signal']),
  row('tkill', sig.sysTkill, ['pid', 'signal']),
];

/** Rows only some asm-generic architectures have. */
const RENAMEAT_ROW = row('renameat', fs.sysRenameat, ['dirfd', 'path', 'dirfd', 'path']);

/** The table for one guest ABI, keyed by syscall number. */
export function buildSyscallTable(abi: GenericAbi, extra: readonly SyscallRow[] = []): Map<number, SyscallRow> {
  const rows = [...GENERIC_SYSCALLS, ...(abi.renameat ? [RENAMEAT_ROW] : []), ...extra];
  const table = new Map<number, SyscallRow>();
  for (const r of rows) {
    if (table.has(r.nr)) throw new Error(`syscall ${r.nr} (${r.name}) is in the table twice`);
    table.set(r.nr, r);
  }
  return table;
}

export { doSyscall, runSyscall, syscallResult } from './dispatch.js';
