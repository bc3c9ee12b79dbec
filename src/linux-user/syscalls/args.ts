// Small helpers used at the edge of every handler: raw 64-bit register values to
// C types, guest-memory copies that turn a bad pointer into EFAULT, fd lookup (EBADF).

import { E, fail } from '../errno.js';
import type { FdEntry } from '../fd-table.js';
import type { LinuxProcess } from '../process.js';

/** A C `int` argument (low 32 bits, signed). */
export const int = (v: bigint): number => Number(BigInt.asIntN(32, v));
/** A C `unsigned int` argument. */
export const uint = (v: bigint): number => Number(BigInt.asUintN(32, v));
/** A C `long` / off_t argument. */
export const long = (v: bigint): bigint => BigInt.asIntN(64, v);
/** A size_t that must fit a JS number exactly for our purposes (larger values saturate). */
export const size = (v: bigint): number => (v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v));

/** Copies `len` guest bytes out, or fails with EFAULT. */
export function readGuest(p: LinuxProcess, addr: bigint, len: number): Uint8Array {
  return p.mem.readBytes(addr, len) ?? fail(E.EFAULT);
}

/** Copies bytes into guest memory, or fails with EFAULT. */
export function writeGuest(p: LinuxProcess, addr: bigint, bytes: Uint8Array): void {
  if (!p.mem.writeBytes(addr, bytes)) fail(E.EFAULT);
}

/** A guest pointer to `len` writable bytes, as a live view, or EFAULT. */
export function guestOut(p: LinuxProcess, addr: bigint, len: number): Uint8Array {
  return p.mem.writableView(addr, len) ?? fail(E.EFAULT);
}

/** A guest pointer to `len` readable bytes, as a live view, or EFAULT. */
export function guestIn(p: LinuxProcess, addr: bigint, len: number): Uint8Array {
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

/** Writes a u32 array (e.g. pipe2's int[2], getresuid's three ids). */
export function u32s(values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  const dv = new DataView(b.buffer);
  values.forEach((v, i) => dv.setUint32(i * 4, v >>> 0, true));
  return b;
}
