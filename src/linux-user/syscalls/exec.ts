// execve and execveat: the guest process becomes another program, keeping its host pid.
// The file is checked as Linux checks it (ENOENT, ENOTDIR, EACCES, ELOOP, E2BIG, ENOEXEC)
// before anything is given up; a `#!` script runs its interpreter (looked up under the -L
// prefix first, as the guest's other paths are), as binfmt_script does, up to four levels.
// Then the host's own execve:
// - a guest ELF of any supported architecture: this emulator again, with the same options
//   and what the process keeps (its fds, cwd, umask, limits, signal mask, ignored signals)
//   handed over (handover.ts); a riscv64 program may so run an aarch64 one, which
//   qemu-user cannot do without binfmt_misc. A single-threaded process without timers
//   runs it in place (ExecInPlace: main.ts starts the next run in this Node); otherwise
//   the host's execve starts a new Node (RunOptions.selfCommand), Linux ending the
//   other threads as it would;
// - an ELF of the host's own architecture: natively, its fds first moved to the guest's
//   numbers, and the host's signal actions, mask, cwd and umask set as the guest's.
// Whatever the emulator must do at exit (the translation cache, MAP_SHARED write-back) is
// done first (LinuxProcess.beforeExec). A program the next emulator then cannot load ends
// that process with its message (status 1): Linux's point of no return is later, so that
// execve would have answered ENOEXEC.

import { accessSync, constants as fsConstants, closeSync, lstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { E, fail } from '../errno.js';
import { AT, NSIG, RLIMIT, SIG, SIG_HANDLER } from '../generic/constants.js';
import { EM } from '../../loader/elf.js';
import { handedFds, handedOptions, handedProcess, sendHandover, type HandedFd, type Handover } from '../handover.js';
import { hostLibc, type HostLibc, type HostProcesses } from '../host/libc.js';
import { emulatorEnvironment } from '../host/koffi.js';
import type { LinuxProcess } from '../process.js';
import { ExecInPlace } from '../guest-exit.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { bit } from '../signal-delivery.js';
import { joinPath, prefixed, resolveAt } from '../vfs/path.js';
import { withdrawView } from '../vfs/proc-peers.js';
import { readU64, guestString, type SyscallArgs } from './args.js';

type A = SyscallArgs;

/** Linux's limits: one argument or environment string (MAX_ARG_STRLEN), the interpreter line (BINPRM_BUF_SIZE), script nesting. */
const MAX_ARG_STRLEN = 32 * 4096;
const BINPRM_BUF_SIZE = 256;
const MAX_SCRIPT_DEPTH = 4;
/** The guest architectures the emulator runs (EM_*: all 64-bit). */
const GUEST_MACHINES: ReadonlySet<number> = new Set([EM.RISCV, EM.AARCH64]);
/** The host's own architecture, whose programs run natively. */
const HOST_MACHINE: number | undefined = ({ x64: EM.X86_64, arm64: EM.AARCH64, riscv64: EM.RISCV } as Record<string, number>)[process.arch];
/** glibc's two internal real-time signals, whose host actions are glibc's. */
const GLIBC_SIGNALS: ReadonlySet<number> = new Set([32, 33]);

export function sysExecve(p: LinuxProcess, a: A): number {
  return execAt(p, AT.FDCWD, a.big(0), a.big(1), a.big(2), 0);
}

export function sysExecveat(p: LinuxProcess, a: A): number {
  return execAt(p, a.int(0), a.big(1), a.big(2), a.big(3), a.int(4));
}

/** What is run: the host path of the file, and how. */
interface ExecPlan {
  how: 'guest' | 'native';
  program: string;
  argv: string[];
  /** The ELF's machine (a guest one). */
  machine: number;
}

function execAt(p: LinuxProcess, dirfd: number, pathAddr: bigint, argvAddr: bigint, envpAddr: bigint, flags: number): number {
  if (flags & ~(AT.EMPTY_PATH | AT.SYMLINK_NOFOLLOW)) return -E.EINVAL;
  const path = guestString(p, pathAddr);
  const argv = stringArray(p, argvAddr);
  const envp = stringArray(p, envpAddr);
  checkArgumentSize(p, argv, envp);
  let hostPath: string;
  let execfn = path;
  if (path === '') {
    if (!(flags & AT.EMPTY_PATH)) return -E.ENOENT;
    const file = (p.fds.get(dirfd) ?? fail(E.EBADF)).file;
    if (file.hostFd < 0) return -E.ENOEXEC;
    hostPath = `/proc/self/fd/${file.hostFd}`;
    execfn = `/dev/fd/${dirfd}`;
  } else {
    hostPath = resolveAt(p, dirfd, path);
    if (path === '/proc/self/exe' || path === `/proc/${p.pid}/exe`) hostPath = p.exePath;
    if (flags & AT.SYMLINK_NOFOLLOW && isSymlink(hostPath)) return -E.ELOOP;
  }
  const plan = planExec(p, hostPath, execfn, argv, 0);
  // a vfork child's program, native or not, is its spare's to run (vfork.ts)
  if (p.vfork || (plan.how === 'guest' && p.runOptions && !p.threads && !p.timers)) execInPlace(p, plan, execfn, envp);
  const lc = hostLibc();
  if (!lc || (plan.how === 'guest' && !p.runOptions?.selfCommand)) {
    p.logUnimp?.('execve: needs the host libc binding and a run from the bundled CLI');
    return -E.ENOSYS;
  }
  if (plan.how === 'guest') execGuest(p, lc, plan, execfn, envp);
  else execNative(p, lc, plan, envp);
  return 0; // not reached: both replace us or throw
}

/** A NULL-terminated array of string pointers in guest memory (EFAULT where it cannot be read); NULL itself is an empty one. */
function stringArray(p: LinuxProcess, addr: bigint): string[] {
  const out: string[] = [];
  if (addr === 0n) return out;
  for (let at = addr; ; at += 8n) {
    const ptr = readU64(p, at);
    if (ptr === 0n) return out;
    const s = p.mem.readCString(ptr, MAX_ARG_STRLEN);
    // a string that is readable but longer than the kernel takes is E2BIG, not ENAMETOOLONG
    out.push(s ?? (p.mem.canAccess(ptr, MAX_ARG_STRLEN, 'read') ? fail(E.E2BIG) : fail(E.EFAULT)));
  }
}

/** E2BIG as Linux gives it: a string longer than MAX_ARG_STRLEN, or all of them beyond a quarter of the stack limit. */
function checkArgumentSize(p: LinuxProcess, argv: readonly string[], envp: readonly string[]): void {
  let total = 0;
  for (const s of [...argv, ...envp]) {
    const len = Buffer.byteLength(s) + 1;
    if (len > MAX_ARG_STRLEN) fail(E.E2BIG);
    total += len + 8;
  }
  const stack = p.rlimits.get(RLIMIT.STACK)?.cur ?? 8n << 20n;
  const limit = Math.max(Number(stack > 1n << 40n ? 1n << 40n : stack) / 4, 32 * 4096);
  if (total > limit) fail(E.E2BIG);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Checks `hostPath` can be executed and decides how: an ELF, or a script's interpreter (recursively). */
function planExec(p: LinuxProcess, hostPath: string, filename: string, argv: string[], depth: number): ExecPlan {
  let st;
  try {
    st = statSync(hostPath);
    accessSync(hostPath, fsConstants.X_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOTDIR' ? E.ENOTDIR : code === 'ELOOP' ? E.ELOOP : code === 'ENAMETOOLONG' ? E.ENAMETOOLONG : code === 'ENOENT' ? E.ENOENT : E.EACCES);
  }
  if (!st.isFile()) fail(E.EACCES);
  const head = readHead(hostPath);
  if (head.length >= 20 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const machine = head[18] | (head[19] << 8);
    const elf64 = head[4] === 2;
    if (elf64 && GUEST_MACHINES.has(machine)) return { how: 'guest', program: hostPath, argv, machine };
    if (machine === HOST_MACHINE) return { how: 'native', program: hostPath, argv, machine };
    fail(E.ENOEXEC);
  }
  if (head[0] !== 0x23 || head[1] !== 0x21) fail(E.ENOEXEC); // "#!"
  if (depth >= MAX_SCRIPT_DEPTH) fail(E.ELOOP);
  // binfmt_script: the first line, tabs and spaces trimmed; the interpreter, then one optional argument
  let line = Buffer.from(head.subarray(2)).toString('latin1');
  const nl = line.indexOf('\n');
  const cut = nl < 0 && head.length === BINPRM_BUF_SIZE; // the line goes on past what the kernel reads
  if (nl >= 0) line = line.slice(0, nl);
  line = line.replace(/^[ \t]+|[ \t]+$/g, '');
  if (line === '') fail(E.ENOEXEC);
  const gap = line.search(/[ \t]/);
  if (cut && gap < 0) fail(E.ENOEXEC); // even the interpreter's name does not fit
  const interp = gap < 0 ? line : line.slice(0, gap);
  const arg = gap < 0 ? '' : line.slice(gap).replace(/^[ \t]+/, '');
  const interpHost = interp.startsWith('/') ? prefixed(p, interp) : joinPath(p.cwd, interp);
  const next = [interp, ...(arg ? [arg] : []), filename, ...argv.slice(1)];
  return planExec(p, interpHost, interp, next, depth + 1);
}

/** The first BINPRM_BUF_SIZE bytes of the file (EACCES if it cannot be read). */
function readHead(hostPath: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(hostPath, 'r');
  } catch {
    return fail(E.EACCES);
  }
  try {
    const buf = new Uint8Array(BINPRM_BUF_SIZE);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The signals the guest ignores (bit sig-1): execve keeps SIG_IGN. */
function ignoredSignals(p: LinuxProcess): bigint {
  let set = 0n;
  for (const [sig, action] of p.sigactions) if (action.handler === SIG_HANDLER.IGN) set |= bit(sig);
  return set;
}

/** What the next program of the process is handed: `fds`, the guest fds it keeps. */
function handoverFor(p: LinuxProcess, plan: ExecPlan, execfn: string, envp: string[], fds: HandedFd[]): Handover {
  const options = handedOptions(p.runOptions!);
  // -cpu names a CPU of one architecture
  if (options.cpu !== undefined && plan.machine !== p.machine) delete options.cpu;
  return {
    program: plan.program,
    execfn,
    argv: plan.argv,
    envp,
    options,
    ignored: ignoredSignals(p).toString(16),
    process: handedProcess(p, fds),
  };
}

/**
 * A single-threaded process runs the next guest program in this same host process (no
 * Node start-up: the emulator's code is warm): its close-on-exec fds are closed here, the
 * rest carry over, and main.ts's runGuest starts the next run from the handover.
 */
function execInPlace(p: LinuxProcess, plan: ExecPlan, execfn: string, envp: string[]): never {
  const fds = handedFds(p, false);
  const h = handoverFor(p, plan, execfn, envp, fds);
  const kept = new Set(fds.map((f) => f.host));
  for (const fd of p.fds.numbers()) {
    const file = p.fds.get(fd)!.file;
    if (!kept.has(file.hostFd)) p.fds.close(fd);
  }
  throw new ExecInPlace(h, plan.how === 'native');
}

/** Runs this emulator again on a guest ELF, in a new Node (the host's execve), with the process's state handed over. */
function execGuest(p: LinuxProcess, lc: HostLibc, plan: ExecPlan, execfn: string, envp: string[]): never {
  const opts = p.runOptions!;
  const fds = handedFds(p, false);
  const h = handoverFor(p, plan, execfn, envp, fds);
  const sent = sendHandover(lc, h);
  try {
    for (const f of fds) lc.processes.setCloexec(f.host, false);
    if (p.execTraceLine) p.strace?.(p.execTraceLine);
    p.beforeExec?.();
    lc.processes.setMask(0n);
    const [node, ...args] = opts.selfCommand!;
    lc.processes.execve(node, [node, ...args], [sent.envEntry, ...emulatorEnvironment()]);
  } catch (e) {
    sent.discard();
    throw e;
  }
}

/** Runs a program of the host's own architecture: its fds where the guest has them, its signals as the guest's. */
function execNative(p: LinuxProcess, lc: HostLibc, plan: ExecPlan, envp: string[]): never {
  const fds = handedFds(p, false);
  if (p.execTraceLine) p.strace?.(p.execTraceLine);
  p.beforeExec?.();
  p.hostSignals?.stop(true); // its libuv loop and pipe must not meet the fds moved below
  withdrawView(); // a native program: /proc/<pid> is the host's, rightly
  execNativeAs(lc, { fds, ignored: ignoredSignals(p), mask: p.thread.sigmask, cwd: p.cwd, umask: p.umask, nonblock: p.abi.openFlags.O_NONBLOCK }, plan.program, plan.argv, envp);
}

/** What a native program takes of the guest process: its fds, ignored signals (bit sig-1), mask, cwd, umask; the guest's O_NONBLOCK. */
export interface NativeExecState {
  fds: readonly HandedFd[];
  ignored: bigint;
  mask: bigint;
  cwd: string;
  umask: number;
  nonblock: number;
}

/**
 * The host's execve of `program` with the guest's fds moved to their guest numbers and its
 * signal actions, mask, cwd and umask (also a vfork child's spare's way: vfork.ts).
 */
export function execNativeAs(lc: HostLibc, s: NativeExecState, program: string, argv: string[], envp: string[]): never {
  const pr: HostProcesses = lc.processes;
  const { fds } = s;
  // Past this point the host fds are rearranged: a failure can only end the process.
  try {
    // every kept host fd first out of the way (above all the guest's numbers), then to its guest number
    const top = Math.max(64, ...fds.map((f) => f.fd + 1), ...fds.map((f) => f.host + 1));
    const moved = fds.map((f) => ({ fd: f.fd, flags: f.flags, high: pr.dupAbove(f.host, top) }));
    for (const m of moved) {
      pr.dup2(m.high, m.fd); // dup2 leaves FD_CLOEXEC clear
      const nonblock = (m.flags & s.nonblock) !== 0;
      const fl = pr.getFl(m.fd);
      pr.setFl(m.fd, nonblock ? fl | HOST_OPEN_FLAGS.O_NONBLOCK : fl & ~HOST_OPEN_FLAGS.O_NONBLOCK);
    }
    for (let sig = 1; sig <= NSIG; sig++) {
      if (sig === SIG.SIGKILL || sig === SIG.SIGSTOP || GLIBC_SIGNALS.has(sig)) continue;
      pr.setDisposition(sig, (s.ignored & bit(sig)) !== 0n);
    }
    pr.setMask(s.mask);
    process.chdir(s.cwd);
    process.umask(s.umask);
    pr.execve(program, argv, envp);
  } catch (e) {
    writeSync(2, `qemu-user-ts: execve of ${program} failed after its fds were moved: ${(e as Error).message}\n`);
    process.exit(127);
  }
}
