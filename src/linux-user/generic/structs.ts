// Struct layouts of the asm-generic 64-bit Linux ABI, as encoders that return the guest
// bytes (little endian) and decoders for what the guest passes in. Handlers copy the
// bytes with GuestMemory.writeBytes, so a bad pointer is one EFAULT in one place.
// Layouts: include/uapi/asm-generic/{stat,statfs,termbits,resource}.h, linux/{stat,sysinfo,
// utsname,time,uio,dirent,times}.h, asm-generic/signal.h.

import type { BigIntStats } from 'node:fs';

/** A little-endian record builder: `rec(16).u64(0, sec).u64(8, nsec).bytes`. */
export class Rec {
  readonly bytes: Uint8Array;
  private readonly dv: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.dv = new DataView(this.bytes.buffer);
  }
  u8(off: number, v: number): this { this.dv.setUint8(off, v); return this; }
  u16(off: number, v: number): this { this.dv.setUint16(off, v & 0xffff, true); return this; }
  u32(off: number, v: number | bigint): this { this.dv.setUint32(off, Number(BigInt.asUintN(32, BigInt(v))), true); return this; }
  u64(off: number, v: number | bigint): this { this.dv.setBigUint64(off, BigInt.asUintN(64, BigInt(v)), true); return this; }
  str(off: number, s: string, max: number): this {
    const b = Buffer.from(s, 'utf8').subarray(0, max - 1);
    this.bytes.set(b, off);
    return this;
  }
}

const NS = 1_000_000_000n;
const splitNs = (ns: bigint): [bigint, bigint] => {
  let sec = ns / NS;
  let nsec = ns % NS;
  if (nsec < 0n) { sec -= 1n; nsec += NS; }
  return [sec, nsec];
};

/** Linux dev_t → (major, minor), the glibc/kernel "huge" encoding the host uses. */
export function devMajor(dev: bigint): number {
  return Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn & 0xffff_ffffn));
}
export function devMinor(dev: bigint): number {
  return Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn & 0xffff_ffffn));
}

// --- struct stat (128 bytes) --------------------------------------------------------

export const STAT_SIZE = 128;
export function encodeStat(st: BigIntStats): Uint8Array {
  const [as, an] = splitNs(st.atimeNs);
  const [ms, mn] = splitNs(st.mtimeNs);
  const [cs, cn] = splitNs(st.ctimeNs);
  return new Rec(STAT_SIZE)
    .u64(0, st.dev).u64(8, st.ino).u32(16, st.mode).u32(20, st.nlink).u32(24, st.uid).u32(28, st.gid)
    .u64(32, st.rdev).u64(48, st.size).u32(56, st.blksize).u64(64, st.blocks)
    .u64(72, as).u64(80, an).u64(88, ms).u64(96, mn).u64(104, cs).u64(112, cn).bytes;
}

// --- struct statx (256 bytes) -------------------------------------------------------

export const STATX_SIZE = 256;
export function encodeStatx(st: BigIntStats, mask: number): Uint8Array {
  const r = new Rec(STATX_SIZE)
    .u32(0, mask).u32(4, st.blksize).u64(8, 0).u32(16, st.nlink).u32(20, st.uid).u32(24, st.gid)
    .u16(28, Number(st.mode)).u64(32, st.ino).u64(40, st.size).u64(48, st.blocks).u64(56, 0);
  const ts = (off: number, ns: bigint): void => {
    const [s, n] = splitNs(ns);
    r.u64(off, s).u32(off + 8, n);
  };
  ts(0x40, st.atimeNs);
  ts(0x50, st.birthtimeNs);
  ts(0x60, st.ctimeNs);
  ts(0x70, st.mtimeNs);
  r.u32(0x80, devMajor(st.rdev)).u32(0x84, devMinor(st.rdev)).u32(0x88, devMajor(st.dev)).u32(0x8c, devMinor(st.dev));
  return r.bytes;
}

// --- time ---------------------------------------------------------------------------

/** struct timespec / struct timeval / struct __kernel_timespec: two 64-bit fields. */
export const TIMESPEC_SIZE = 16;
export function encodeTimespec(ns: bigint): Uint8Array {
  const [s, n] = splitNs(ns);
  return new Rec(TIMESPEC_SIZE).u64(0, s).u64(8, n).bytes;
}
export function encodeTimeval(ns: bigint): Uint8Array {
  const [s, n] = splitNs(ns);
  return new Rec(TIMESPEC_SIZE).u64(0, s).u64(8, n / 1000n).bytes;
}
/** struct timespec as the guest wrote it. */
export function decodeTimespec(b: Uint8Array): { sec: bigint; nsec: bigint } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { sec: dv.getBigInt64(0, true), nsec: dv.getBigInt64(8, true) };
}

/** struct tms: four clock_t. */
export const TMS_SIZE = 32;
export function encodeTms(utime: bigint, stime: bigint, cutime: bigint, cstime: bigint): Uint8Array {
  return new Rec(TMS_SIZE).u64(0, utime).u64(8, stime).u64(16, cutime).u64(24, cstime).bytes;
}

// --- struct rlimit / rlimit64: two 64-bit values --------------------------------------

export const RLIMIT_SIZE = 16;
export function encodeRlimit(cur: bigint, max: bigint): Uint8Array {
  return new Rec(RLIMIT_SIZE).u64(0, cur).u64(8, max).bytes;
}
export function decodeRlimit(b: Uint8Array): { cur: bigint; max: bigint } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { cur: dv.getBigUint64(0, true), max: dv.getBigUint64(8, true) };
}

// --- struct rusage (144 bytes) ------------------------------------------------------

export interface Rusage {
  utimeUs: number; stimeUs: number; maxrssKb: number; minflt: number; majflt: number;
  inblock: number; oublock: number; nvcsw: number; nivcsw: number;
}
export const RUSAGE_SIZE = 144;
export function encodeRusage(u: Rusage): Uint8Array {
  const r = new Rec(RUSAGE_SIZE);
  r.u64(0, Math.floor(u.utimeUs / 1e6)).u64(8, u.utimeUs % 1e6);
  r.u64(16, Math.floor(u.stimeUs / 1e6)).u64(24, u.stimeUs % 1e6);
  // ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap, ru_inblock,
  // ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw: longs from 32.
  r.u64(32, u.maxrssKb).u64(64, u.minflt).u64(72, u.majflt).u64(88, u.inblock).u64(96, u.oublock);
  r.u64(128, u.nvcsw).u64(136, u.nivcsw);
  return r.bytes;
}
export function decodeRusage(b: Uint8Array): Rusage {
  const dv = new DataView(b.buffer, b.byteOffset, RUSAGE_SIZE);
  const n = (off: number): number => Number(dv.getBigInt64(off, true));
  return {
    utimeUs: n(0) * 1e6 + n(8), stimeUs: n(16) * 1e6 + n(24), maxrssKb: n(32), minflt: n(64), majflt: n(72),
    inblock: n(88), oublock: n(96), nvcsw: n(128), nivcsw: n(136),
  };
}
/** No usage: what RUSAGE_CHILDREN starts from. */
export const noRusage = (): Rusage => ({ utimeUs: 0, stimeUs: 0, maxrssKb: 0, minflt: 0, majflt: 0, inblock: 0, oublock: 0, nvcsw: 0, nivcsw: 0 });
/** `a` and `b` together, as Linux sums the children a process waited for (the largest maximum RSS). */
export function sumRusage(a: Rusage, b: Rusage): Rusage {
  return {
    utimeUs: a.utimeUs + b.utimeUs, stimeUs: a.stimeUs + b.stimeUs, maxrssKb: Math.max(a.maxrssKb, b.maxrssKb),
    minflt: a.minflt + b.minflt, majflt: a.majflt + b.majflt, inblock: a.inblock + b.inblock, oublock: a.oublock + b.oublock,
    nvcsw: a.nvcsw + b.nvcsw, nivcsw: a.nivcsw + b.nivcsw,
  };
}

// --- struct utsname: six 65-byte strings --------------------------------------------

export const UTS_LEN = 65;
export interface Utsname { sysname: string; nodename: string; release: string; version: string; machine: string; domainname: string }
export function encodeUtsname(u: Utsname): Uint8Array {
  const r = new Rec(UTS_LEN * 6);
  [u.sysname, u.nodename, u.release, u.version, u.machine, u.domainname].forEach((s, i) => r.str(i * UTS_LEN, s, UTS_LEN));
  return r.bytes;
}

// --- struct sysinfo (112 bytes) -----------------------------------------------------

export interface Sysinfo {
  uptime: number; loads: [number, number, number]; totalram: number; freeram: number;
  sharedram: number; bufferram: number; totalswap: number; freeswap: number; procs: number;
}
export const SYSINFO_SIZE = 112;
/** Load averages are fixed point with SI_LOAD_SHIFT fraction bits. */
export const SI_LOAD_SHIFT = 16;
export function encodeSysinfo(s: Sysinfo): Uint8Array {
  const r = new Rec(SYSINFO_SIZE).u64(0, Math.floor(s.uptime));
  s.loads.forEach((l, i) => r.u64(8 + i * 8, Math.round(l * (1 << SI_LOAD_SHIFT))));
  return r.u64(32, s.totalram).u64(40, s.freeram).u64(48, s.sharedram).u64(56, s.bufferram)
    .u64(64, s.totalswap).u64(72, s.freeswap).u16(80, Math.min(s.procs, 0xffff))
    .u64(88, 0).u64(96, 0).u32(104, 1 /* mem_unit */).bytes;
}

// --- struct termios (kernel, asm-generic: 4 × u32, c_line, c_cc[19]) ------------------

export const NCCS = 19;
export const TERMIOS_SIZE = 36;
export interface Termios { iflag: number; oflag: number; cflag: number; lflag: number; line: number; cc: number[] }
export function encodeTermios(t: Termios): Uint8Array {
  const r = new Rec(TERMIOS_SIZE).u32(0, t.iflag).u32(4, t.oflag).u32(8, t.cflag).u32(12, t.lflag).u8(16, t.line);
  for (let i = 0; i < NCCS; i++) r.u8(17 + i, t.cc[i] ?? 0);
  return r.bytes;
}

// --- struct winsize -------------------------------------------------------------------

export const WINSIZE_SIZE = 8;
export function encodeWinsize(rows: number, cols: number): Uint8Array {
  return new Rec(WINSIZE_SIZE).u16(0, rows).u16(2, cols).bytes;
}

// --- struct linux_dirent64 ------------------------------------------------------------

/** d_ino u64, d_off s64, d_reclen u16, d_type u8, d_name NUL-terminated, padded to 8. */
export function encodeDirent64(ino: bigint, off: bigint, type: number, name: Buffer): Uint8Array {
  const reclen = (19 + name.length + 1 + 7) & ~7;
  const r = new Rec(reclen).u64(0, ino).u64(8, off).u16(16, reclen).u8(18, type);
  r.bytes.set(name, 19);
  return r.bytes;
}

// --- struct iovec ------------------------------------------------------------------------

export const IOVEC_SIZE = 16;
export function decodeIovecs(b: Uint8Array, count: number): { base: bigint; len: bigint }[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = [];
  for (let i = 0; i < count; i++) out.push({ base: dv.getBigUint64(i * 16, true), len: dv.getBigUint64(i * 16 + 8, true) });
  return out;
}

// --- struct sigaction (kernel), stack_t -----------------------------------------------

export interface KSigaction { handler: bigint; flags: bigint; restorer: bigint; mask: bigint }
/** sa_handler, sa_flags, [sa_restorer,] sa_mask (one 64-bit word: _NSIG = 64). */
export const sigactionSize = (restorer: boolean): number => (restorer ? 32 : 24);
export function decodeSigaction(b: Uint8Array, restorer: boolean): KSigaction {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    handler: dv.getBigUint64(0, true),
    flags: dv.getBigUint64(8, true),
    restorer: restorer ? dv.getBigUint64(16, true) : 0n,
    mask: dv.getBigUint64(restorer ? 24 : 16, true),
  };
}
export function encodeSigaction(s: KSigaction, restorer: boolean): Uint8Array {
  const r = new Rec(sigactionSize(restorer)).u64(0, s.handler).u64(8, s.flags);
  if (restorer) r.u64(16, s.restorer).u64(24, s.mask);
  else r.u64(16, s.mask);
  return r.bytes;
}

/** stack_t: ss_sp, int ss_flags (+4 pad), ss_size. */
export const STACK_T_SIZE = 24;
export interface StackT { sp: bigint; flags: number; size: bigint }
export function decodeStackT(b: Uint8Array): StackT {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { sp: dv.getBigUint64(0, true), flags: dv.getInt32(8, true), size: dv.getBigUint64(16, true) };
}
export function encodeStackT(s: StackT): Uint8Array {
  return new Rec(STACK_T_SIZE).u64(0, s.sp).u32(8, s.flags).u64(16, s.size).bytes;
}

// --- struct statfs (120 bytes: asm-generic/statfs.h with 64-bit __statfs_word) ---------

export const STATFS_SIZE = 120;
export interface Statfs {
  type: bigint; bsize: bigint; blocks: bigint; bfree: bigint; bavail: bigint; files: bigint; ffree: bigint;
  fsid: [number, number]; namelen: bigint; frsize: bigint; flags: bigint;
}
export function encodeStatfs(s: Statfs): Uint8Array {
  return new Rec(STATFS_SIZE)
    .u64(0, s.type).u64(8, s.bsize).u64(16, s.blocks).u64(24, s.bfree).u64(32, s.bavail).u64(40, s.files)
    .u64(48, s.ffree).u32(56, s.fsid[0]).u32(60, s.fsid[1]).u64(64, s.namelen).u64(72, s.frsize).u64(80, s.flags).bytes;
}

/** utimensat's struct timespec[2] (atime, mtime); tv_nsec may be UTIME_NOW / UTIME_OMIT. */
export function decodeTimespecPair(b: Uint8Array): [{ sec: bigint; nsec: bigint }, { sec: bigint; nsec: bigint }] {
  return [decodeTimespec(b.subarray(0, TIMESPEC_SIZE)), decodeTimespec(b.subarray(TIMESPEC_SIZE, 2 * TIMESPEC_SIZE))];
}

// --- struct futex_waitv (24 bytes, linux/futex.h) ---

/** Field offsets: u64 val (the expected value: its low 32 bits), u64 uaddr, u32 flags, u32 __reserved. */
export const FUTEX_WAITV = { val: 0, uaddr: 8, flags: 16, reserved: 20, SIZE: 24 } as const;

// --- struct flock (32 bytes: asm-generic/fcntl.h on 64-bit, where flock64 is the same) ---

/** Field offsets: short l_type, short l_whence, (4 bytes pad), off_t l_start, off_t l_len, pid_t l_pid, (pad). */
export const FLOCK = { l_type: 0, l_whence: 2, l_start: 8, l_len: 16, l_pid: 24, SIZE: 32 } as const;
/** The fields as numbers in the guest's encoding (l_type and l_whence still the guest's values). */
export interface GuestFlock { type: number; whence: number; start: bigint; len: bigint; pid: number }
export function decodeFlock(b: Uint8Array): GuestFlock {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    type: dv.getInt16(FLOCK.l_type, true), whence: dv.getInt16(FLOCK.l_whence, true),
    start: dv.getBigInt64(FLOCK.l_start, true), len: dv.getBigInt64(FLOCK.l_len, true), pid: dv.getInt32(FLOCK.l_pid, true),
  };
}
/** Stores the fields into `b` (a live view of the guest's struct), leaving its padding as it was, as Linux does. */
export function storeFlock(b: Uint8Array, l: GuestFlock): void {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  dv.setInt16(FLOCK.l_type, l.type, true);
  dv.setInt16(FLOCK.l_whence, l.whence, true);
  dv.setBigInt64(FLOCK.l_start, l.start, true);
  dv.setBigInt64(FLOCK.l_len, l.len, true);
  dv.setInt32(FLOCK.l_pid, l.pid, true);
}

// --- siginfo -----------------------------------------------------------------------------------

/** The size of siginfo_t on every Linux ABI. */
export const SIGINFO_SIZE = 128;
/** si_code values (asm-generic/siginfo.h) of signals sent by a process. */
export const SI = { USER: 0, KERNEL: 0x80, QUEUE: -1, TIMER: -2, TKILL: -6 } as const;

/** A signal instance as siginfo_t describes one sent by a process: kill, tgkill, sigqueue. */
export interface SigInfo {
  signo: number;
  code: number;
  pid: number;
  uid: number;
  /** si_value (sigqueue's), where the code says there is one. */
  value?: bigint;
  /** The whole siginfo_t as rt_sigqueueinfo was given it (si_signo set to the signal). */
  raw?: Uint8Array;
}

/** siginfo_t for a signal a process sent: si_signo, si_errno, si_code, then _kill / _rt's si_pid, si_uid, si_value. */
export function encodeSiginfo(info: SigInfo): Uint8Array {
  if (info.raw) return info.raw.slice();
  const r = new Rec(SIGINFO_SIZE).u32(0, info.signo).u32(4, 0).u32(8, info.code >>> 0).u32(16, info.pid).u32(20, info.uid);
  if (info.value !== undefined) r.u64(24, info.value);
  return r.bytes;
}

// --- the start of an rt_sigframe ----------------------------------------------------------------

/**
 * Where struct rt_sigframe { siginfo_t info; struct ucontext uc; } keeps what every 64-bit
 * asm-generic ABI lays out alike: the ucontext at 128 (uc_flags, uc_link, then uc_stack at
 * +16 and uc_sigmask at +40), uc_mcontext at +176 (after __unused[120], 16-byte aligned).
 */
export const SIGFRAME = { UC: SIGINFO_SIZE, UC_STACK: SIGINFO_SIZE + 16, UC_SIGMASK: SIGINFO_SIZE + 40, MCONTEXT: SIGINFO_SIZE + 176 } as const;

/** Writes the frame's siginfo, uc_stack and uc_sigmask (uc_flags and uc_link stay 0). */
export function putSigframeHead(buf: Uint8Array, info: Uint8Array, stack: StackT, mask: bigint): void {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  buf.set(info, 0);
  dv.setBigUint64(SIGFRAME.UC_STACK, stack.sp, true);
  dv.setInt32(SIGFRAME.UC_STACK + 8, stack.flags, true);
  dv.setBigUint64(SIGFRAME.UC_STACK + 16, stack.size, true);
  dv.setBigUint64(SIGFRAME.UC_SIGMASK, mask, true);
}

/** uc_sigmask and uc_stack of a frame, for rt_sigreturn. */
export function getSigframeHead(buf: Uint8Array): { mask: bigint; stack: StackT } {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return {
    mask: dv.getBigUint64(SIGFRAME.UC_SIGMASK, true),
    stack: { sp: dv.getBigUint64(SIGFRAME.UC_STACK, true), flags: dv.getInt32(SIGFRAME.UC_STACK + 8, true), size: dv.getBigUint64(SIGFRAME.UC_STACK + 16, true) },
  };
}
