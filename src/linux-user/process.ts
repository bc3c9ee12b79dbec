// LinuxProcess: everything a syscall handler may need about the one guest process —
// its memory and address space, file system and fd table, cwd and umask, ids, rlimits,
// signal actions, the syscall table of its ABI, what its /proc files show (auxv,
// layout, cpuinfo), and the -strace / -d unimp sinks; the calling thread's own state
// (mask, pending signals, altstack, tid) is `thread` (thread.ts). main.ts builds one with
// LinuxProcess.fromOptions after loading the program.

import { fstatSync, realpathSync } from 'node:fs';
import { basename, resolve as resolvePathHost } from 'node:path';
import type { AddressSpace } from '../memory/address-space.js';
import type { GuestMemory } from '../memory/guest-memory.js';
import { FdTable, OpenFile } from './fd-table.js';
import { PendingSignals } from './pending-signals.js';
import { LinuxThread } from './thread.js';
import { ThreadControl, type ThreadWaits } from './thread-control.js';
import { FutexTable } from './futex-table.js';
import type { GuestThreads } from './threads.js';
import type { ProcessTimers } from './timers.js';
import type { HostSignals } from './host/host-signals.js';
import type { SignalFd } from './syscalls/signalfd.js';
import { SyscallInterrupted, WouldBlock } from './guest-exit.js';
import { nowMs } from '../host-lazy.js';
import { SharedFileMappings } from './shared-mappings.js';
import type { GenericAbi } from './generic/abi.js';
import { HOST_OPEN_FLAGS } from './generic/abi.js';
import { NSIG, RLIMIT, RLIM_INFINITY, RLIM_NLIMITS, SIG, SIG_HANDLER, TASK_COMM_LEN } from './generic/constants.js';
import { noRusage, SI, type KSigaction, type Rusage, type SigInfo } from './generic/structs.js';
import { hostLibc } from './host/libc.js';
import { endKoffiAtExit, shareKoffiLock } from './host/koffi.js';
import { collectExitReports, P, W } from './syscalls/wait.js';
import { bit, childrenReapedBySystem, sendSignal, signalRestarts } from './signal-delivery.js';
import type { RunOptions } from './options.js';
import type { HandedProcess } from './handover.js';
import { isSpare, keepRecycled, spareDied, type Spare } from './spare.js';
import { ChildExitReports } from './exit-report.js';
import type { SignalFrames } from './target.js';
import type { CloneRequest } from './threads.js';
import type { VforkChild, VforkEnd } from './vfork.js';
import { buildSyscallTable, type SyscallRow } from './syscalls/table.js';
import type { FileSystem } from './vfs/filesystem.js';
import { hostFdInfo, kindOf, translateOpenFlags } from './vfs/host.js';
import { hostFileSystem } from './vfs/host-fs.js';
import { hostZeroing } from './shared-memory.js';
import { refreshView } from './vfs/proc-peers.js';

/** The canonical path (what the kernel's /proc/self/exe shows), or the path as given. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

export interface ProcessSettings {
  abi: GenericAbi;
  /** Guest stack size in bytes: becomes the RLIMIT_STACK soft limit. */
  stackSize: number;
  /** -L prefix for absolute paths the guest opens. */
  ldPrefix?: string;
  /** Absolute paths only under the prefix (-prefix-only). */
  prefixOnly?: boolean;
  /** -r: uname release; the host's release otherwise. */
  unameRelease?: string;
  /** One line per syscall, without the newline (stderr in the CLI). */
  strace?: (line: string) => void;
  /** -d unimp: one line per unsupported syscall or request. */
  logUnimp?: (line: string) => void;
  /** Host path of the running program (what /proc/self/exe points at). */
  exePath?: string;
  /** AT_EXECFN string as the guest sees it. */
  execfn?: string;
  /** Initial working directory (the host's by default). */
  cwd?: string;
  /** Guest fds 0/1/2 are the host's 0/1/2 (default true; tests may turn it off). */
  inheritStdio?: boolean;
  /** /proc/cpuinfo for the guest CPU (the target's), when there is one. */
  cpuinfo?: () => string;
  /** The architecture's own system calls (LinuxTarget.archSyscalls). */
  archSyscalls?: readonly SyscallRow[];
  /** The file system the guest's paths name (the host's by default). */
  vfs?: FileSystem;
  /** The architecture's signal frame and the length of its syscall instruction (none: handlers never run). */
  signals?: { frames: SignalFrames; syscallInsnLength: number };
  /** Signals ignored from the start (bit sig-1): the parent's SIG_IGN, which execve keeps. */
  ignoredSignals?: bigint;
  /** What the program before this one in the process kept across its execve (its fds instead of the host's stdio). */
  handover?: HandedProcess;
  /** The run's options, which a guest's execve passes on. */
  runOptions?: RunOptions;
  /**
   * A vfork child (vfork.ts): its pid and parent's, and what it shares with the parent it
   * runs in (the address space's MAP_SHARED mappings, the syscall table). Otherwise this
   * host process's own.
   */
  vforkOf?: { pid: number; ppid: number; sharedMaps: SharedFileMappings; syscalls: Map<number, SyscallRow> };
}

/** Where the loaded program is (/proc/self/stat's layout fields). */
export interface ProgramLayout {
  startCode: number;
  endCode: number;
  startData: number;
  endData: number;
  startStack: number;
  /** Where the argv and envp strings are ([start, end)): /proc/self/cmdline and environ read them there. */
  argStart: number;
  argEnd: number;
  envStart: number;
  envEnd: number;
}

export interface Rlimit {
  cur: bigint;
  max: bigint;
}

export class LinuxProcess {
  readonly abi: GenericAbi;
  /** The ABI's syscall table; arch code (riscv_hwprobe, ...) may add rows. */
  readonly syscalls: Map<number, SyscallRow>;
  readonly fds = new FdTable();
  /** The file system the guest's paths resolve in (vfs/path.ts); open files carry their own. */
  readonly vfs: FileSystem;
  /** MAP_SHARED file mappings, written back to their files at msync, munmap and exit. */
  readonly sharedMaps: SharedFileMappings;
  cwd: string;
  umask: number;

  /** The guest pid (the host's, also for a vfork child: its spare's) and the parent's. */
  readonly pid: number;
  readonly ppid: number;
  /** Set in a vfork child while it runs in its parent's host process (vfork.ts); undefined otherwise. */
  vfork: VforkChild | undefined;
  /** Runs a vfork child in this process's CPU until it execs or ends (main.ts; none in unit tests). */
  runVforkChild: ((child: LinuxProcess, req: CloneRequest) => VforkEnd) | undefined;
  /**
   * The thread making the current system call: the first one (tid = pid) unless the
   * first thread's Node thread is serving another's request (threads.ts).
   */
  thread: LinuxThread;
  /** The other threads, once the process has started one (clone); they live on workers. */
  threads: GuestThreads | undefined;
  /** The signalfds (syscalls/signalfd.ts), by open file: their masks. */
  signalfds: Map<OpenFile, SignalFd> | undefined;
  /** The interval timers and POSIX timers, once one is armed (timers.ts). */
  timers: ProcessTimers | undefined;
  /** Host signals followed for the guest (host/host-signals.ts); null where that cannot be done. */
  hostSignals: HostSignals | null = null;
  /** Makes the thread set at the first clone (main.ts; none where threads cannot run, e.g. from the sources). */
  startThreads: (() => GuestThreads) | undefined;
  /** How the calling thread waits: the first thread's ways, unless a worker set its own. */
  private waitsOf: ThreadWaits | undefined;
  uid: number;
  gid: number;
  euid: number;
  egid: number;

  readonly rlimits = new Map<number, Rlimit>();

  /** membarrier's registrations (the REGISTER_* command bits), which belong to the address space. */
  membarrierRegistrations = 0;

  /** Signal actions, shared by the threads. */
  readonly sigactions = new Map<number, KSigaction>();
  /** Signals sent to the process (kill) that wait, blocked by every thread. */
  readonly sharedPending = new PendingSignals();
  /** How signal handlers are entered and left on this architecture (signal-delivery.ts). */
  readonly signals: ProcessSettings['signals'];
  /** Where the signal trampoline page is, once a handler has needed it. */
  sigtramp: bigint | undefined;
  /**
   * Whether the signal interrupting a restartable call has SA_RESTART, so that the call
   * starts again (syscalls/dispatch.ts). A worker's process (thread-worker.ts) has neither
   * the actions nor the pending signals: it asks the first thread.
   */
  restartsAfterSignal: () => boolean = () => signalRestarts(this);

  /** -r: the uname release to report instead of the host's. */
  readonly unameRelease: string | undefined;
  readonly ldPrefix: string | undefined;
  readonly prefixOnly: boolean;
  strace: ((line: string) => void) | undefined;
  logUnimp: ((line: string) => void) | undefined;

  exePath: string;
  execfn: string;
  /** The task's comm (prctl PR_GET_NAME): the exec'd file's base name, at most 15 bytes. */
  comm: Buffer;
  /** The auxv bytes the loader wrote, AT_NULL included, for /proc/self/auxv. */
  auxv: Uint8Array = new Uint8Array(0);
  /** The program's layout, set once it is loaded. */
  layout: ProgramLayout = { startCode: 0, endCode: 0, startData: 0, endData: 0, startStack: 0, argStart: 0, argEnd: 0, envStart: 0, envEnd: 0 };
  readonly cpuinfo: (() => string) | undefined;
  /** The run's options, which a guest's execve passes on (syscalls/exec.ts). */
  readonly runOptions: RunOptions | undefined;
  /** The program's ELF machine (EM_*), set once it is loaded. */
  machine = 0;
  /** prctl(PR_SET_PDEATHSIG): the signal our parent's death sends (set on the host too). */
  parentDeathSignal = 0;
  /** Under -strace, the line of the execve being made (written once it cannot fail: syscalls/exec.ts). */
  execTraceLine: string | undefined;
  /** The spare emulators the next forks hand their children to (spare.ts), oldest first. */
  readonly spares: Spare[] = [];
  /** The forks this process made (spare.ts keeps more spares for a process that forks often). */
  forks = 0;
  /** Whether one of them was a plain fork, not a vfork (spare.ts: its next child may need host signals followed from its start). */
  madeFork = false;
  /** pidfds of the children a wait is watching, by pid, until each is reaped (syscalls/wait.ts). */
  readonly childPidfds = new Map<number, number>();
  /** The exits children handed to spares report (exit-report.ts), which waits show before the host's. */
  readonly childExits = new ChildExitReports((pid, sock) => keepRecycled(this, pid, sock));
  /** The usage of the children it waited for, theirs included (getrusage RUSAGE_CHILDREN, times). */
  childrenUsage: Rusage = noRusage();
  /** What must be done before the host's execve replaces us (main.ts: what exit does: caches, MAP_SHARED write-back). */
  beforeExec: (() => void) | undefined;

  constructor(
    readonly mem: GuestMemory,
    readonly as: AddressSpace,
    s: ProcessSettings,
  ) {
    this.abi = s.abi;
    this.pid = s.vforkOf?.pid ?? process.pid;
    this.ppid = s.vforkOf?.ppid ?? process.ppid;
    this.thread = new LinuxThread(this.pid, 0, new ThreadControl(mem.memory.buffer, 0));
    this.vfs = s.vfs ?? hostFileSystem;
    this.signals = s.signals;
    this.sharedMaps = s.vforkOf?.sharedMaps ?? new SharedFileMappings(mem);
    shareKoffiLock(mem.memory.buffer);
    mem.hostZero ??= hostZeroing(mem);
    this.syscalls = s.vforkOf?.syscalls ?? buildSyscallTable(s.abi, s.archSyscalls);
    this.cwd = s.cwd ?? process.cwd();
    this.ldPrefix = s.ldPrefix ? resolvePathHost(s.ldPrefix) : undefined;
    this.prefixOnly = (s.prefixOnly ?? false) && this.ldPrefix !== undefined;
    this.unameRelease = s.unameRelease;
    this.strace = s.strace;
    this.logUnimp = s.logUnimp;
    this.exePath = s.exePath ? realPath(resolvePathHost(s.exePath)) : '';
    this.execfn = s.execfn ?? this.exePath;
    this.cpuinfo = s.cpuinfo;
    this.comm = Buffer.from(basename(this.execfn)).subarray(0, TASK_COMM_LEN - 1);
    this.uid = process.getuid?.() ?? 0;
    this.gid = process.getgid?.() ?? 0;
    this.euid = process.geteuid?.() ?? this.uid;
    this.egid = process.getegid?.() ?? this.gid;
    // Read the host umask without changing it (process.umask() with no argument is deprecated).
    let mask = 0o022;
    try {
      mask = process.umask(0o022);
      process.umask(mask);
    } catch {
      // worker threads cannot touch the umask: keep the usual value
    }
    this.umask = mask;
    this.runOptions = s.runOptions;
    this.initRlimits(s.stackSize);
    if (s.handover) this.takeHandover(s.handover);
    else if (s.inheritStdio !== false) this.inheritStdio();
    if (s.ignoredSignals) this.ignoreFromStart(s.ignoredSignals);
  }

  /** The fds, umask, limits and signal mask the program before this one kept across its execve. */
  private takeHandover(h: HandedProcess): void {
    // guest fds that were dups of one another share one open file (and host fd) again
    const files = new Map<number, OpenFile>();
    for (const f of h.fds) {
      let file = files.get(f.host);
      // the host's 0/1/2 stay open for the emulator's own messages
      if (!file) files.set(f.host, (file = new OpenFile(hostFileSystem, f.host, f.path, f.flags, f.kind, f.pos, f.host > 2)));
      this.fds.installAt(f.fd, file, f.cloexec);
    }
    this.umask = h.umask;
    for (const [r, cur, max] of h.rlimits) this.rlimits.set(r, { cur: BigInt(cur), max: BigInt(max) });
    this.thread.sigmask = BigInt(`0x${h.mask}`);
  }

  /** The signals of `set` (bit sig-1) start ignored: the parent's SIG_IGN, which execve keeps (never SIGKILL's or SIGSTOP's). */
  private ignoreFromStart(set: bigint): void {
    for (let sig = 1; sig <= NSIG; sig++) {
      if (set & bit(sig) && sig !== SIG.SIGKILL && sig !== SIG.SIGSTOP) {
        this.sigactions.set(sig, { handler: SIG_HANDLER.IGN, flags: 0n, restorer: 0n, mask: 0n });
      }
    }
  }

  /** Settings from the CLI options; `log` writes one line to the -d / -strace destination. */
  static fromOptions(
    mem: GuestMemory, as: AddressSpace, opts: RunOptions, abi: GenericAbi, log: (line: string) => void,
    arch: { cpuinfo?: () => string; archSyscalls?: readonly SyscallRow[]; signals?: ProcessSettings['signals'] } = {},
  ): LinuxProcess {
    endKoffiAtExit();
    return new LinuxProcess(mem, as, {
      abi,
      ...arch,
      stackSize: opts.stackSize,
      ldPrefix: opts.ldPrefix,
      prefixOnly: opts.prefixOnly,
      unameRelease: opts.unameRelease,
      strace: opts.strace || opts.log.has('strace') ? log : undefined,
      logUnimp: opts.log.has('unimp') ? log : undefined,
      exePath: opts.program,
      execfn: opts.execfn ?? opts.program,
      ignoredSignals: opts.ignoredSignals,
      cwd: opts.handover?.cwd,
      handover: opts.handover,
      runOptions: opts,
    });
  }

  private initRlimits(stackSize: number): void {
    const inf = RLIM_INFINITY;
    const set = (r: number, cur: bigint, max: bigint): void => void this.rlimits.set(r, { cur, max });
    for (let r = 0; r < RLIM_NLIMITS; r++) set(r, inf, inf);
    set(RLIMIT.STACK, BigInt(stackSize), inf);
    set(RLIMIT.CORE, 0n, inf);
    set(RLIMIT.NOFILE, 1024n, 1048576n);
    set(RLIMIT.MEMLOCK, 8n << 20n, 8n << 20n);
    set(RLIMIT.SIGPENDING, 63_456n, 63_456n);
    set(RLIMIT.MSGQUEUE, 819_200n, 819_200n);
    set(RLIMIT.NICE, 0n, 0n);
    set(RLIMIT.RTPRIO, 0n, 0n);
  }

  /** Maximum number of guest fds (RLIMIT_NOFILE soft limit). */
  get fdLimit(): number {
    const cur = this.rlimits.get(RLIMIT.NOFILE)?.cur ?? 1024n;
    return cur > 1n << 20n ? 1 << 20 : Number(cur);
  }

  /** Guest 0/1/2 → host 0/1/2, with their real kinds and flags. */
  private inheritStdio(): void {
    for (const fd of [0, 1, 2]) {
      let kind;
      try {
        kind = kindOf(fstatSync(fd), fd);
      } catch {
        continue; // closed on the host: closed for the guest
      }
      const info = hostFdInfo(fd);
      const hostFlags = info?.flags ?? (fd === 0 ? 0 : 1);
      const flags = translateOpenFlags(hostFlags, HOST_OPEN_FLAGS, this.abi.openFlags) & ~this.abi.openFlags.O_CLOEXEC;
      this.fds.installAt(fd, new OpenFile(hostFileSystem, fd, '', flags, kind, null, false), false);
    }
  }

  get waits(): ThreadWaits {
    return (this.waitsOf ??= this.firstThreadWaits());
  }

  set waits(w: ThreadWaits) {
    this.waitsOf = w;
  }

  /**
   * The first thread waits on its control block's WAKE word, the server's doorbell, serving
   * the other threads' requests meanwhile. CPU 0's block, not the calling thread's: the
   * first use may come while another thread's request is served (its exit, its sleep), and
   * the first thread waiting on that thread's word would never hear its doorbell again.
   */
  private firstThreadWaits(): ThreadWaits {
    const control = new ThreadControl(this.mem.memory.buffer, 0);
    return {
      cpu: 0,
      control,
      futexes: new FutexTable(this.mem.memory.buffer),
      sleep: (seen, ms) => {
        this.hostSignals?.endCatching(); // only the worker's doorbell ends a sleep for a signal
        if (this.serveOthers()) return; // the caller looks again at what it waits for
        control.sleep(seen, Math.min(ms, this.hostSignals?.sleepSliceMs ?? Infinity));
        this.serveOthers();
      },
      // the calling thread's signal: another thread's when this one serves its request
      interrupted: () => this.thread.control?.signalWaiting() ?? false,
    };
  }

  /**
   * Serves the other threads' requests, fires due timers and sends the guest the host
   * signals that arrived (the first thread's Node thread only); true if there was anything.
   */
  serveOthers(): boolean {
    const served = this.threads?.serve(this) ?? false;
    const fromHost = this.hostSignals?.take();
    if (fromHost) {
      for (const sig of fromHost) {
        if (sig !== SIG.SIGCHLD) sendSignal(this, { signo: sig, code: SI.USER, pid: 0, uid: 0 }, null);
        else if (!childrenReapedBySystem(this)) {
          const info = this.childSignalInfo();
          if (info) sendSignal(this, info, null);
        }
        else if (this.reapChildren()) sendSignal(this, { signo: sig, code: SI.USER, pid: 0, uid: 0 }, null);
      }
    }
    return this.timers?.poll(this) || served || (fromHost !== undefined && fromHost.length > 0);
  }

  /**
   * SIGCHLD is ignored or has SA_NOCLDWAIT: the children that ended are reaped now, as
   * Linux never leaves them for a wait. Returns whether SIGCHLD is still to be delivered
   * (SA_NOCLDWAIT with a handler).
   */
  private reapChildren(): boolean {
    const lc = hostLibc();
    try {
      for (let r; lc && (r = lc.processes.wait4(-1, 1 /* WNOHANG */)).pid > 0; ) {
        spareDied(this, r.pid);
        this.childExits.forget(r.pid);
      }
    } catch {
      // ECHILD: none left
    }
    return this.sigactions.get(SIG.SIGCHLD)?.handler !== SIG_HANDLER.IGN;
  }

  /**
   * A SIGCHLD from the host says only that a child changed state: which one, and how, is
   * what waitid(P_ALL, WNOWAIT) shows without reaping it (CLD_EXITED and the status...);
   * SI_USER without a pid where no child's change can be seen (or it is the spare's). None
   * for a child whose SIGCHLD the guest had already, at its exit report or its reaping
   * (exit-report.ts; if the guest was shown its exit, its zombie is reaped here and the next
   * child looked at), nor for the host's SIGCHLD of a child reaped since.
   */
  private childSignalInfo(): SigInfo | null {
    const lc = hostLibc();
    let dropped = false;
    // a report that came first gives the guest its child's SIGCHLD, whose host one this may
    // be (a recycled child sends its parent one itself: exit-report.ts)
    if (lc) collectExitReports(this, lc);
    try {
      for (;;) {
        const peek = lc?.processes.waitid(P.ALL, 0, W.EXITED | W.STOPPED | W.CONTINUED | W.NOHANG | W.NOWAIT);
        const pid = peek ? new DataView(peek.info.buffer).getInt32(16, true) : 0;
        if (!peek || pid === 0 || isSpare(this, pid)) break;
        if (!this.childExits.signalledBefore(pid)) return { signo: SIG.SIGCHLD, code: 0, pid, uid: 0, raw: peek.info };
        dropped = true;
        if (!this.childExits.wasShown(pid)) return null;
        lc!.processes.wait4(pid, W.NOHANG);
        this.childExits.forget(pid);
      }
    } catch {
      // ECHILD: no child left to show
    }
    // the echo of a child the guest was sent SIGCHLD for at its reaping or report: dropped
    if (dropped || this.childExits.echoOfReaped()) return null;
    return { signo: SIG.SIGCHLD, code: SI.USER, pid: 0, uid: 0 };
  }

  /**
   * The first thread's Node thread sleeping `ms` (vfs/host.ts sleepMs): it serves the other
   * threads and fires timers meanwhile, and a signal for the calling thread ends the sleep
   * (SyscallInterrupted: EINTR, or a restart). A call served for a thread on a worker does
   * not sleep here: the worker sleeps (WouldBlock) and calls again, then finding its sleep
   * over (waitExpired) — so a timeout longer than one sleep starts again at each call.
   */
  sleepServing(ms: number): void {
    refreshView(this); // other processes' /proc/<pid>/maps of us: as of our waits
    const w = this.waits;
    if (this.thread.cpu !== 0) {
      // serving a thread on a worker: it sleeps there, and makes its call again
      if (w.interrupted()) throw new SyscallInterrupted();
      if (this.thread.waitExpired || ms <= 0) {
        this.serveOthers();
        return;
      }
      throw new WouldBlock(-1, 0, nowMs() + ms, this.thread.control?.signalsSent() ?? 0);
    }
    const until = nowMs() + ms;
    for (;;) {
      this.hostSignals?.endCatching(); // only the worker's doorbell ends a sleep for a signal
      const seen = w.control.wakeSeen();
      this.serveOthers();
      if (w.interrupted()) throw new SyscallInterrupted();
      const left = until - nowMs();
      if (left <= 0) return;
      w.control.sleep(seen, Math.min(left, this.hostSignals?.sleepSliceMs ?? Infinity));
    }
  }

  /** Takes the host process's ids again, after a credential call changed them (syscalls/creds.ts). */
  refreshIds(): void {
    this.uid = process.getuid?.() ?? this.uid;
    this.gid = process.getgid?.() ?? this.gid;
    this.euid = process.geteuid?.() ?? this.euid;
    this.egid = process.getegid?.() ?? this.egid;
  }

  /** Whether the guest asked for this file's I/O not to block. */
  nonblocking(f: OpenFile): boolean {
    return (f.flags & this.abi.openFlags.O_NONBLOCK) !== 0;
  }
}
