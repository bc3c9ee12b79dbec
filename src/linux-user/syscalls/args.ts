// Small helpers used at the edge of every handler: the argument registers (SyscallArgs,
// read in place as C types, bigints only when asked), raw 64-bit values to C types,
// guest-memory copies that turn a bad pointer into EFAULT, fd lookup (EBADF).

import { E, fail } from '../errno.js';
import type { FdEntry } from '../fd-table.js';
import type { LinuxProcess } from '../process.js';

const TWO_32 = 2 ** 32;
/** High words at or above this make a size_t beyond Number.MAX_SAFE_INTEGER. */
const SAFE_HI_LIMIT = 2 ** 21;

/**
 * The six argument registers of one system call, read where they lie (the CPU's env block,
 * as twelve little-endian 32-bit words) in the C type the handler wants. The hot paths
 * read numbers and make no bigint; big() gives the raw unsigned 64-bit value for the rest.
 * The first register also takes the result (setResult), on every Linux guest we run.
 */
export class SyscallArgs {
  constructor(
    /** Twelve words: register i is words 2i (low) and 2i+1 (high). */
    readonly words: Int32Array,
  ) {}

  /** Arguments held in a buffer of their own (tests, callers outside the CPU loop). */
  static of(values: readonly bigint[]): SyscallArgs {
    const a = new SyscallArgs(new Int32Array(12));
    for (let i = 0; i < 6; i++) a.setResultAt(i, values[i] ?? 0n);
    return a;
  }

  /** The raw register (unsigned 64-bit). */
  big(i: number): bigint {
    return (BigInt(this.words[2 * i + 1] >>> 0) << 32n) | BigInt(this.words[2 * i] >>> 0);
  }
  /** All six raw registers (for -strace). */
  all(): bigint[] {
    return [this.big(0), this.big(1), this.big(2), this.big(3), this.big(4), this.big(5)];
  }
  /** A C `int` (low 32 bits, signed). */
  int(i: number): number {
    return this.words[2 * i];
  }
  /** A C `unsigned int`. */
  uint(i: number): number {
    return this.words[2 * i] >>> 0;
  }
  /**
   * A pointer as a number: exact below 2^53, and any value from GUEST_LIMIT up (an exact
   * one or not) lies outside the guest, so the memory checks answer EFAULT for it as they should.
   */
  ptr(i: number): number {
    const hi = this.words[2 * i + 1];
    const lo = this.words[2 * i] >>> 0;
    return hi === 0 ? lo : (hi >>> 0) * TWO_32 + lo;
  }
  /** A size_t as a number (values beyond Number.MAX_SAFE_INTEGER saturate), as size() does. */
  size(i: number): number {
    const hi = this.words[2 * i + 1] >>> 0;
    const lo = this.words[2 * i] >>> 0;
    if (hi === 0) return lo;
    return hi >= SAFE_HI_LIMIT ? Number.MAX_SAFE_INTEGER : hi * TWO_32 + lo;
  }

  /** Stores a result (a number: an exact integer; a bigint: wrapped to 64 bits) in the first register. */
  setResult(v: number | bigint): void {
    this.setResultAt(0, v);
  }
  private setResultAt(i: number, v: number | bigint): void {
    if (typeof v === 'number') {
      this.words[2 * i] = v | 0;
      this.words[2 * i + 1] = Math.floor(v / TWO_32) | 0;
    } else {
      this.words[2 * i] = Number(BigInt.asIntN(32, v));
      this.words[2 * i + 1] = Number(BigInt.asIntN(32, v >> 32n));
    }
  }
}

/** A C `int` argument (low 32 bits, signed). */
export const int = (v: bigint): number => Number(BigInt.asIntN(32, v));
/** A C `unsigned int` argument. */
export const uint = (v: bigint): number => Number(BigInt.asUintN(32, v));
/** A C `long` / off_t argument. */
export const long = (v: bigint): bigint => BigInt.asIntN(64, v);
/** A size_t that must fit a JS number exactly for our purposes (larger values saturate). */
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
export const size = (v: bigint): number => (v > MAX_SAFE_BIG ? Number.MAX_SAFE_INTEGER : Number(v));

/** Copies `len` guest bytes out, or fails with EFAULT. */
export function readGuest(p: LinuxProcess, addr: bigint, len: number): Uint8Array {
  return p.mem.readBytes(addr, len) ?? fail(E.EFAULT);
}

/** Copies bytes into guest memory, or fails with EFAULT. */
export function writeGuest(p: LinuxProcess, addr: bigint, bytes: Uint8Array): void {
  if (!p.mem.writeBytes(addr, bytes)) fail(E.EFAULT);
}

/** A guest pointer to `len` writable bytes, as a live view, or EFAULT. */
export function guestOut(p: LinuxProcess, addr: number | bigint, len: number): Uint8Array {
  return p.mem.writableView(addr, len) ?? fail(E.EFAULT);
}

/**
 * A guest pointer to `len` bytes that allow `access` (a write is noted for the TB cache),
 * as an offset into guest memory, or EFAULT. A zero length is never a fault, as in Linux.
 */
export function guestRange(p: LinuxProcess, addr: number, len: number, access: 'read' | 'write'): number {
  return len === 0 ? 0 : p.mem.check(addr, len, access); // a GuestFault is EFAULT
}

/** A guest pointer to `len` readable bytes, as a live view, or EFAULT. */
export function guestIn(p: LinuxProcess, addr: number | bigint, len: number): Uint8Array {
  return p.mem.view(addr, len) ?? fail(E.EFAULT);
}

/** Linux PATH_MAX: the longest path string, NUL included. */
export const PATH_MAX = 4096;

/** A NUL-terminated guest string (a path): EFAULT if unreadable, ENAMETOOLONG if longer than PATH_MAX. */
export function guestString(p: LinuxProcess, addr: bigint, max = PATH_MAX): string {
  const s = p.mem.readCString(addr, max);
  if (s !== null) return s;
  return p.mem.canAccess(addr, max, 'read') ? fail(E.ENAMETOOLONG) : fail(E.EFAULT);
}

/** The open fd, or EBADF. */
export function fdEntry(p: LinuxProcess, fd: number): FdEntry {
  return p.fds.get(fd) ?? fail(E.EBADF);
}

/** The 64-bit word at guest `addr`, unsigned (a sigset, a loff_t to take as `long`); EFAULT. */
export function readU64(p: LinuxProcess, addr: bigint): bigint {
  const b = readGuest(p, addr, 8);
  return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
}

/** Writes 64-bit words (a sigset, a loff_t, get_robust_list's head and length). */
export function u64s(values: bigint[]): Uint8Array {
  const b = new Uint8Array(values.length * 8);
  const dv = new DataView(b.buffer);
  values.forEach((v, i) => dv.setBigUint64(i * 8, BigInt.asUintN(64, v), true));
  return b;
}

/** Writes a u32 array (e.g. pipe2's int[2], getresuid's three ids). */
export function u32s(values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  const dv = new DataView(b.buffer);
  values.forEach((v, i) => dv.setUint32(i * 4, v >>> 0, true));
  return b;
}
