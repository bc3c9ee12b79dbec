// Host fds through node:fs synchronous calls: open-flag translation between guest and
// host encodings, fstat-based file kinds, blocking reads and writes over non-blocking
// host fds (EAGAIN → short sleep and retry), kernel pipes (pipe2 through libc, or a FIFO,
// since Node has no pipe()), host fd info from /proc/self/fdinfo, the host terminal's
// termios (via stty, since Node has no tcgetattr). Reads and writes go through libc
// (host/libc.ts) instead of node:fs once a run has made many. The host's file system
// itself (paths, directories, metadata) is vfs/host-fs.ts.

import * as fs from 'node:fs';
// Named as well, for the hot calls: the bundle reaches a namespace import's members
// through a getter each (esbuild's __toESM), a call per read or write.
import { readSync, writeSync } from 'node:fs';
import { lazyBuiltin } from '../../host-lazy.js';
import { hostLibc, type HostLibc } from '../host/libc.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { OPEN_FLAG_NAMES, type OpenFlagTable } from '../generic/constants.js';
import { NCCS, type Termios } from '../generic/structs.js';
import type { FileKind } from '../fd-table.js';

const tty = lazyBuiltin<typeof import('node:tty')>('node:tty');
const os = lazyBuiltin<typeof import('node:os')>('node:os');
const childProcess = lazyBuiltin<typeof import('node:child_process')>('node:child_process');

/** Re-encodes open(2) flags from one table to another (unknown bits are dropped, as open(2) ignores them). */
export function translateOpenFlags(flags: number, from: OpenFlagTable, to: OpenFlagTable): number {
  let out = flags & from.O_ACCMODE; // access mode values agree everywhere
  for (const name of OPEN_FLAG_NAMES) if (flags & from[name]) out |= to[name];
  return out;
}

const waitCell = new Int32Array(new SharedArrayBuffer(4));
/** How this Node thread sleeps: a plain wait, unless it serves other guest threads meanwhile (threads.ts). */
let sleeper = (ms: number): void => {
  if (ms > 0) Atomics.wait(waitCell, 0, 0, ms);
};

/**
 * Blocks the thread for `ms` milliseconds without spinning. Where signals can come (the
 * sleeper of a guest thread), a signal for the thread ends the sleep by throwing
 * SyscallInterrupted out of the system call.
 */
export function sleepMs(ms: number): void {
  if (ms > 0) sleeper(ms);
}

/** A point where a long host wait lets the first thread serve the others and a signal end it (sleepMs without the sleep). */
export function waitCheckpoint(): void {
  sleeper(0);
}

/** Replaces how sleepMs sleeps (the first guest thread's Node thread serves the others meanwhile). */
export function setSleeper(sleep: (ms: number) => void): void {
  sleeper = sleep;
}

const errCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

/**
 * Host reads and writes made through node:fs before libc is tried instead (host/libc.ts):
 * loading koffi costs about what this many node:fs calls lose to it, so short runs never
 * pay for it and long ones soon win it back.
 */
const LIBC_AFTER = 20_000;
let ioCalls = 0;
let libc: HostLibc | null | undefined;

/** libc for reads and writes on `buf`, once enough of them have been made; else null (node:fs). */
function libcFor(buf: Uint8Array): HostLibc | null {
  if (libc === undefined) {
    if (++ioCalls < LIBC_AFTER) return null;
    libc = hostLibc();
  }
  return libc !== null && libc.takes(buf) ? libc : null;
}

/** libc for a zero-length read or write on `buf` (rare: loading it then costs nothing that matters), or null. */
function zeroLengthLibc(buf: Uint8Array): HostLibc | null {
  const lc = hostLibc();
  return lc !== null && lc.takes(buf) ? lc : null;
}

/**
 * read(2) into dst[off, off+len) at `position` (null: the fd's own offset). While the host
 * says EAGAIN it sleeps and retries, unless the guest asked for O_NONBLOCK. A zero-length
 * read goes to the host's libc too, where there is one (node:fs answers 0 without asking):
 * what it answers depends on the file (0 from a pipe or a file, EINVAL from an eventfd or
 * an inotify fd).
 */
export function hostRead(fd: number, dst: Uint8Array, off: number, len: number, position: number | null, nonblock: boolean): number {
  const lc = len === 0 ? zeroLengthLibc(dst) : libcFor(dst);
  for (let delay = 1; ; delay = Math.min(delay * 2, 20)) {
    try {
      return lc !== null ? lc.read(fd, dst, off, len, position) : readSync(fd, dst, off, len, position);
    } catch (e) {
      if (nonblock || errCode(e) !== 'EAGAIN') throw e;
      sleepMs(delay);
    }
  }
}

/** write(2) of src[off, off+len), as hostRead reads. */
export function hostWrite(fd: number, src: Uint8Array, off: number, len: number, position: number | null, nonblock: boolean): number {
  const lc = len === 0 ? zeroLengthLibc(src) : libcFor(src);
  for (let delay = 1; ; delay = Math.min(delay * 2, 20)) {
    try {
      return lc !== null ? lc.write(fd, src, off, len, position) : writeSync(fd, src, off, len, position);
    } catch (e) {
      if (nonblock || errCode(e) !== 'EAGAIN') throw e;
      sleepMs(delay);
    }
  }
}

/**
 * /dev/null, /dev/zero, /dev/urandom and the rest of Linux's "memory devices" (major number 1,
 * Documentation/admin-guide/devices.txt), which are never terminals: knowing that from fstat
 * spares loading node:tty (and the net and stream modules behind it) when stdio is /dev/null.
 */
function isMemoryDevice(st: fs.Stats | fs.BigIntStats): boolean {
  const rdev = Number(st.rdev);
  return process.platform === 'linux' && rdev < 2 ** 32 && ((rdev >>> 8) & 0xfff) === 1;
}

/** What kind of object a host fd refers to. */
export function kindOf(st: fs.Stats | fs.BigIntStats, hostFd: number): FileKind {
  if (st.isDirectory()) return 'dir';
  if (st.isFIFO()) return 'pipe';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return isMemoryDevice(st) || !tty().isatty(hostFd) ? 'chr' : 'tty';
  return 'file';
}

/** Kinds whose offset we keep ourselves (positional I/O); the rest stream through the host offset. */
export const isSeekable = (k: FileKind): boolean => k === 'file' || k === 'dir';

/** pos and flags of a host fd from /proc/self/fdinfo (Linux hosts), or null. */
export function hostFdInfo(fd: number): { pos: number; flags: number } | null {
  try {
    const text = fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
    const pos = /^pos:\s+(\d+)/m.exec(text);
    const flags = /^flags:\s+([0-7]+)/m.exec(text);
    return pos && flags ? { pos: Number(pos[1]), flags: parseInt(flags[1], 8) } : null;
  } catch {
    return null;
  }
}

let pipeSeq = 0;
/**
 * A kernel pipe as [read host fd, write host fd]: pipe2(2) through host/libc.ts, or, where
 * that is missing (Node cannot call pipe(2)), a FIFO made with mkfifo(1), both ends opened
 * (the read end non-blocking, or opening the write end would wait) and unlinked. Reads on
 * the read end therefore go through hostRead's EAGAIN retry.
 */
export function hostPipe(): [number, number] {
  const lc = hostLibc();
  // Both ends non-blocking, as the FIFO's read end is: a guest's blocking read or write
  // waits in hostRead / hostWrite's EAGAIN retry. Close-on-exec: never inherited by the
  // host processes Node starts.
  if (lc) return lc.pipe(HOST_OPEN_FLAGS.O_NONBLOCK | HOST_OPEN_FLAGS.O_CLOEXEC);
  const name = `${os().tmpdir()}/qemu-user-ts-pipe-${process.pid}-${pipeSeq++}-${Math.random().toString(36).slice(2)}`;
  const r = childProcess().spawnSync('mkfifo', ['-m', '600', name]);
  if (r.status !== 0) throw Object.assign(new Error('mkfifo failed'), { code: 'ENFILE' });
  try {
    const rfd = fs.openSync(name, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      return [rfd, fs.openSync(name, fs.constants.O_WRONLY)];
    } catch (e) {
      fs.closeSync(rfd);
      throw e;
    }
  } finally {
    fs.rmSync(name, { force: true });
  }
}

/** The usual cooked-mode settings, for when stty cannot tell us. */
const DEFAULT_TERMIOS: Termios = {
  iflag: 0x500, // ICRNL | IXON
  oflag: 0x5, // OPOST | ONLCR
  cflag: 0xbf, // B38400 | CS8 | CREAD
  lflag: 0x8a3b, // ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN
  line: 0,
  // VINTR ^C, VQUIT ^\, VERASE DEL, VKILL ^U, VEOF ^D, VTIME 0, VMIN 1, VSWTC 0, VSTART ^Q,
  // VSTOP ^S, VSUSP ^Z, VEOL 0, VREPRINT ^R, VDISCARD ^O, VWERASE ^W, VLNEXT ^V, VEOL2 0
  cc: [3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0, 0, 0],
};

const termiosCache = new Map<number, Termios>();
/**
 * The host terminal's settings for a TTY host fd. Node has no tcgetattr, so we ask
 * `stty -g` with that fd as its stdin (host and asm-generic guests share termbits values
 * and c_cc indices). Cached per host fd.
 */
export function hostTermios(hostFd: number): Termios {
  const cached = termiosCache.get(hostFd);
  if (cached) return cached;
  let t = DEFAULT_TERMIOS;
  try {
    const r = childProcess().spawnSync('stty', ['-g'], { stdio: [hostFd, 'pipe', 'ignore'], encoding: 'utf8', timeout: 2000 });
    const f = r.status === 0 ? r.stdout.trim().split(':').map((x) => parseInt(x, 16)) : [];
    if (f.length >= 4 + NCCS && f.every((x) => Number.isFinite(x))) {
      t = { iflag: f[0], oflag: f[1], cflag: f[2], lflag: f[3], line: 0, cc: f.slice(4, 4 + NCCS) };
    }
  } catch {
    // keep the defaults
  }
  termiosCache.set(hostFd, t);
  return t;
}

