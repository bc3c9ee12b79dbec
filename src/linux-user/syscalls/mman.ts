// Memory-mapping syscalls on the AddressSpace: brk, mmap (anonymous and file-backed),
// munmap, mprotect, mremap, madvise, msync, and the mlock family (recorded, not pinned:
// see below). File mappings are copies: MAP_PRIVATE exactly;
// a writable MAP_SHARED one is written back to its file at msync, munmap and exit
// (shared-mappings.ts), though other processes do not see its writes in between. A
// MAP_SHARED anonymous one is a host memfd's pages (shared-memory.ts), which forked
// children share.

import { readFileSync } from 'node:fs';
import type { Mapping, SharedObject } from '../../memory/address-space.js';
import { growSharedObject, newSharedObject, sharedBacking, SHARED_ANON_NAME } from '../shared-memory.js';
import { GUEST_LIMIT, PAGE_SHIFT, PAGE_SIZE, PERM } from '../../memory/layout.js';
import { E, fail } from '../errno.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { MADV, MADV_HINTS, MAP, MCL, MLOCK, MREMAP, PROT, RLIMIT } from '../generic/constants.js';
import type { LinuxProcess } from '../process.js';
import { fdEntry, long, type SyscallArgs } from './args.js';

type A = SyscallArgs;

const PAGE = BigInt(PAGE_SIZE);
const LIMIT = BigInt(GUEST_LIMIT);
const RWX = PROT.READ | PROT.WRITE | PROT.EXEC;
const unaligned = (v: bigint): boolean => v % PAGE !== 0n;

/** Tells the TB cache that translated code in [start, start+len) is about to change under it. */
function invalidateCode(p: LinuxProcess, start: number, len: number): void {
  const perms = p.mem.perms;
  for (let pg = start >>> PAGE_SHIFT, last = (start + len - 1) >>> PAGE_SHIFT; pg <= last; pg++) {
    if (perms[pg] & PERM.CODE) p.mem.onCodeWrite(pg);
  }
}

/** A guest length rounded up to pages, or ENOMEM when no such range could fit. */
function pageLen(len: bigint): number {
  const l = (len + PAGE - 1n) & ~(PAGE - 1n);
  if (l > LIMIT) fail(E.ENOMEM);
  return Number(l);
}

function overlapsMapping(p: LinuxProcess, start: number, len: number): boolean {
  return p.as.mappings.some((m) => m.start < start + len && m.end > start);
}

/**
 * The mapping that holds all of [start, start+len) — Linux's one vma. Our AddressSpace
 * does not merge neighbours, so adjacent records with the same protection, name and
 * contiguous file offsets count as one.
 */
function coveringMapping(p: LinuxProcess, start: number, len: number): Mapping | undefined {
  const first = p.as.findMapping(start);
  if (!first) return undefined;
  let end = first.end;
  while (end < start + len) {
    const next = p.as.findMapping(end);
    const sameVma = next && next.prot === first.prot && next.name === first.name && !next.locked === !first.locked && next.shared === first.shared &&
      next.offset - first.offset === next.start - first.start;
    if (!sameVma) return undefined;
    end = next.end;
  }
  return first;
}

export function sysBrk(p: LinuxProcess, a: A): number {
  if (a.big(0) === 0n || a.big(0) >= LIMIT) return p.as.brkCur;
  return p.as.brk(Number(a.big(0)));
}

export function sysMmap(p: LinuxProcess, a: A): number {
  const addr = a.big(0);
  const len = a.big(1);
  const prot = a.int(2);
  const flags = a.int(3);
  const offset = long(a.big(5));
  const type = flags & MAP.TYPE;
  if (len === 0n) return -E.EINVAL;
  if (type !== MAP.SHARED && type !== MAP.PRIVATE && type !== MAP.SHARED_VALIDATE) return -E.EINVAL;
  if (offset < 0n || unaligned(offset)) return -E.EINVAL;
  if (offset > BigInt(Number.MAX_SAFE_INTEGER)) return -E.EOVERFLOW;
  const size = pageLen(len);
  const anonymous = (flags & MAP.ANONYMOUS) !== 0;

  // The file first: a bad fd must fail before anything is unmapped.
  let file;
  if (!anonymous) {
    file = fdEntry(p, a.int(4)).file;
    if (file.kind === 'path') return -E.EBADF;
    if (file.kind !== 'file' && file.kind !== 'chr') return -E.ENODEV;
    const acc = file.flags & p.abi.openFlags.O_ACCMODE;
    if (acc === p.abi.openFlags.O_WRONLY) return -E.EACCES;
    if (type !== MAP.PRIVATE && prot & PROT.WRITE && acc !== p.abi.openFlags.O_RDWR) return -E.EACCES;
  }

  let start: number;
  if (flags & (MAP.FIXED | MAP.FIXED_NOREPLACE)) {
    if (unaligned(addr)) return -E.EINVAL;
    if (addr + BigInt(size) > LIMIT) return -E.ENOMEM;
    start = Number(addr);
    if (!(flags & MAP.FIXED) && overlapsMapping(p, start, size)) return -E.EEXIST;
  } else {
    const hint = addr < LIMIT ? Number(addr - (addr % PAGE)) : 0;
    start = p.as.findFree(size, hint) ?? fail(E.ENOMEM);
  }

  const locked = (flags & MAP.LOCKED) !== 0 || p.as.lockFuture;
  if (flags & MAP.LOCKED && !canLock(p)) return -E.EPERM;
  if (locked && !mayLock(p, BigInt(size))) return -E.EAGAIN;
  invalidateCode(p, start, size);
  p.sharedMaps.remove(start, start + size); // a shared mapping replaced is written back first
  if (anonymous && type !== MAP.PRIVATE) {
    const obj = sharedObject(p, size);
    if (obj) {
      p.as.mapFixed(start, size, prot & RWX, SHARED_ANON_NAME, 0, locked, obj);
      return start;
    }
  }
  p.as.mapFixed(start, size, prot & RWX, file?.path ?? '', Number(offset), locked);
  if (file) {
    // Copy the file's bytes in; past its end the mapping stays zero (Linux would SIGBUS
    // on whole pages beyond EOF).
    let done = 0;
    while (done < size) {
      const n = file.fs.read(file.handle, p.mem.u8, start + done, size - done, Number(offset) + done, false);
      if (n <= 0) break;
      done += n;
    }
    if (type !== MAP.PRIVATE && file.kind === 'file' && (file.flags & p.abi.openFlags.O_ACCMODE) === p.abi.openFlags.O_RDWR) {
      p.sharedMaps.add(start, start + size, file, Number(offset));
    }
  }
  return start;
}

/**
 * A host object for a new shared anonymous mapping of `size` bytes, with the address space
 * able to map it; undefined without the host's help (the mapping is then our own memory).
 */
function sharedObject(p: LinuxProcess, size: number): SharedObject | undefined {
  p.as.backing ??= sharedBacking(p.mem);
  return p.as.backing && newSharedObject(size);
}

export function sysMunmap(p: LinuxProcess, a: A): number {
  const addr = a.big(0);
  const len = a.big(1);
  if (unaligned(addr) || len === 0n || addr + len > LIMIT) return -E.EINVAL;
  const size = pageLen(len);
  invalidateCode(p, Number(addr), size);
  p.sharedMaps.remove(Number(addr), Number(addr) + size);
  p.as.unmap(Number(addr), size);
  return 0;
}

/** msync flags. */
const MS = { ASYNC: 1, INVALIDATE: 2, SYNC: 4 } as const;

/**
 * msync: writes the shared file mappings in the range back to their files (MS_ASYNC too:
 * done at once). The whole range must be mapped (ENOMEM).
 */
export function sysMsync(p: LinuxProcess, a: A): number {
  const addr = a.big(0);
  const flags = a.int(2);
  if (unaligned(addr)) return -E.EINVAL;
  if (flags & ~(MS.ASYNC | MS.INVALIDATE | MS.SYNC) || (flags & MS.ASYNC && flags & MS.SYNC)) return -E.EINVAL;
  const len = a.big(1);
  if (len === 0n) return 0;
  if (addr + len > LIMIT) return -E.ENOMEM;
  const start = Number(addr);
  const size = pageLen(len);
  if (!p.as.isMapped(start, size)) return -E.ENOMEM;
  p.sharedMaps.flush(start, start + size);
  return 0;
}

export function sysMprotect(p: LinuxProcess, a: A): number {
  const addr = a.big(0);
  const len = a.big(1);
  const prot = a.int(2);
  if (unaligned(addr)) return -E.EINVAL;
  if (prot & ~(RWX | PROT.SEM | PROT.GROWSDOWN | PROT.GROWSUP)) return -E.EINVAL;
  if (prot & PROT.GROWSDOWN && prot & PROT.GROWSUP) return -E.EINVAL;
  if (len === 0n) return 0;
  if (addr + len > LIMIT) return -E.ENOMEM;
  return p.as.protect(Number(addr), pageLen(len), prot & RWX) ? 0 : -E.ENOMEM;
}

export function sysMremap(p: LinuxProcess, a: A): number {
  const old = a.big(0);
  const oldLenRaw = a.big(1);
  const newLenRaw = a.big(2);
  const flags = a.int(3);
  const newAddr = a.big(4);
  if (unaligned(old)) return -E.EINVAL;
  if (flags & ~(MREMAP.MAYMOVE | MREMAP.FIXED | MREMAP.DONTUNMAP)) return -E.EINVAL;
  if (flags & MREMAP.FIXED && !(flags & MREMAP.MAYMOVE)) return -E.EINVAL;
  if (flags & MREMAP.DONTUNMAP) {
    p.logUnimp?.('mremap MREMAP_DONTUNMAP');
    return -E.EINVAL;
  }
  const oldLen = pageLen(oldLenRaw);
  const newLen = pageLen(newLenRaw);
  if (newLen === 0) return -E.EINVAL;
  const from = Number(old);
  // oldLen 0 duplicates a shared mapping: a second mapping of the same pages (ours: the shared anonymous ones).
  if (oldLen === 0) {
    const m = p.as.findMapping(from);
    if (!m?.shared || !(flags & MREMAP.MAYMOVE)) return -E.EINVAL;
    const dest = flags & MREMAP.FIXED ? Number(newAddr) : p.as.findFree(newLen) ?? fail(E.ENOMEM);
    if (unaligned(BigInt(dest)) || dest + newLen > GUEST_LIMIT) return -E.EINVAL;
    const offset = m.offset + (from - m.start);
    growSharedObject(m.shared, offset + newLen);
    invalidateCode(p, dest, newLen);
    p.as.mapFixed(dest, newLen, m.prot, m.name, offset, m.locked, m.shared);
    return dest;
  }
  const m = coveringMapping(p, from, oldLen) ?? fail(E.EFAULT);
  // A shared file mapping remapped is written back and, from here on, a private copy.
  p.sharedMaps.remove(from, from + oldLen);
  // a shared anonymous one stays the same pages, wherever it goes (grown: Linux would SIGBUS past the object's end)
  const offset = m.offset + (from - m.start);
  if (m.shared) growSharedObject(m.shared, offset + newLen);

  const moveTo = (dest: number): number => {
    invalidateCode(p, dest, newLen);
    if (m.shared) {
      // mapped at dest first: unmapping the old range must not find the object unused
      p.as.mapFixed(dest, newLen, m.prot, m.name, offset, m.locked, m.shared);
      invalidateCode(p, from, oldLen);
      p.as.unmap(from, oldLen);
      return dest;
    }
    const keep = p.mem.u8.slice(from, from + Math.min(oldLen, newLen));
    invalidateCode(p, from, oldLen);
    p.as.unmap(from, oldLen);
    p.as.mapFixed(dest, newLen, m.prot, m.name, offset, m.locked);
    p.mem.rawWrite(dest, keep);
    return dest;
  };

  if (flags & MREMAP.FIXED) {
    if (unaligned(newAddr) || newAddr + BigInt(newLen) > LIMIT) return -E.EINVAL;
    const dest = Number(newAddr);
    if (dest < from + oldLen && dest + newLen > from) return -E.EINVAL;
    return moveTo(dest);
  }
  if (newLen <= oldLen) {
    if (newLen < oldLen) {
      invalidateCode(p, from + newLen, oldLen - newLen);
      p.as.unmap(from + newLen, oldLen - newLen);
    }
    return from;
  }
  const tail = from + oldLen;
  if (p.as.isFree(tail, newLen - oldLen)) {
    // Grown in place. A file mapping's new part is zero, not file data (we keep no fd).
    p.as.mapFixed(tail, newLen - oldLen, m.prot, m.name, m.offset + (tail - m.start), m.locked, m.shared);
    return from;
  }
  if (!(flags & MREMAP.MAYMOVE)) return -E.ENOMEM;
  return moveTo(p.as.findFree(newLen) ?? fail(E.ENOMEM));
}

export function sysMadvise(p: LinuxProcess, a: A): number {
  const addr = a.big(0);
  const len = a.big(1);
  const advice = a.int(2);
  if (unaligned(addr)) return -E.EINVAL;
  if (len === 0n) return 0;
  if (addr + len > LIMIT) return -E.ENOMEM;
  const start = Number(addr);
  const size = pageLen(len);
  const known = MADV_HINTS.has(advice) || advice === MADV.DONTNEED || advice === MADV.DONTNEED_LOCKED;
  if (!known) {
    p.logUnimp?.(`Unsupported madvise advice: ${advice}`);
    return -E.EINVAL;
  }
  if (!p.as.isMapped(start, size)) return -E.ENOMEM;
  if (advice === MADV.DONTNEED || advice === MADV.DONTNEED_LOCKED) {
    // The pages are dropped: anonymous memory reads as zero again, a file mapping as the
    // file (a shared one after its writes reached the file), as the next touch would
    // fault the pages in on Linux.
    invalidateCode(p, start, size);
    p.sharedMaps.flush(start, start + size);
    dropPages(p, start, start + size);
    refillFromFiles(p, start, start + size);
  }
  return 0;
}

/** MADV_DONTNEED's zeroing of [start, end), but for shared anonymous pages: their object keeps them, as Linux's shmem does. */
function dropPages(p: LinuxProcess, start: number, end: number): void {
  for (const m of p.as.mappings) {
    const lo = Math.max(start, m.start);
    const hi = Math.min(end, m.end);
    if (lo < hi && !m.shared) p.mem.zeroPages(lo, hi - lo);
  }
}

/** Reads the file pages of the file mappings in [start, end) back in (short of a file's end: zero). */
function refillFromFiles(p: LinuxProcess, start: number, end: number): void {
  for (const m of p.as.mappings) {
    const lo = Math.max(start, m.start);
    const hi = Math.min(end, m.end);
    if (lo >= hi || !m.name.startsWith('/') || m.shared) continue;
    let handle: number;
    try {
      handle = p.vfs.open(m.name, HOST_OPEN_FLAGS.O_RDONLY, 0);
    } catch {
      continue; // the file is gone: the pages stay zero, as a truncated file's would (SIGBUS on Linux)
    }
    try {
      for (let done = 0; done < hi - lo; ) {
        const n = p.vfs.read(handle, p.mem.u8, lo + done, hi - lo - done, m.offset + (lo - m.start) + done, false);
        if (n <= 0) break;
        done += n;
      }
    } finally {
      p.vfs.close(handle);
    }
  }
}

// --- mlock, munlock, mlock2, mlockall, munlockall ----------------------------------------------
// Guest memory is one WebAssembly.Memory, whose pages JavaScript cannot pin (and the host
// commits them lazily anyway), so nothing is locked in RAM: these calls check their
// arguments and the address space exactly as Linux does, and record which mappings are
// locked (Mapping.locked, split and merged as Linux's VM_LOCKED vmas are), which is what
// /proc/self/status's VmLck reports; munmap of a locked range drops it with the mapping.
// RLIMIT_MEMLOCK binds only a process without CAP_IPC_LOCK, as in Linux: the guest is the
// host process, so its capability is the host's (CapEff), and the limit is ours (rlimits).

/** The host process's effective CAP_IPC_LOCK (bit 14 of CapEff), read once; tests may set it. */
let ipcLock: boolean | undefined;
const CAP_IPC_LOCK = 14n;
function capIpcLock(): boolean {
  if (ipcLock === undefined) {
    let eff = 0n;
    try {
      eff = BigInt(`0x${/^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'latin1'))?.[1] ?? '0'}`);
    } catch {
      // no /proc: a process without capabilities
    }
    ipcLock = ((eff >> CAP_IPC_LOCK) & 1n) === 1n;
  }
  return ipcLock;
}

/** For tests: whether the process has CAP_IPC_LOCK from now on (undefined: ask the host again). */
export function setCapIpcLock(v: boolean | undefined): void {
  ipcLock = v;
}

const memlockLimit = (p: LinuxProcess): bigint => p.rlimits.get(RLIMIT.MEMLOCK)?.cur ?? 0n;

/** Linux's mlock_future_ok: whether `bytes` more locked memory stay within RLIMIT_MEMLOCK. */
function mayLock(p: LinuxProcess, bytes: bigint): boolean {
  return capIpcLock() || BigInt(p.as.lockedBytes()) + bytes <= memlockLimit(p);
}

/** can_do_mlock: a zero RLIMIT_MEMLOCK forbids locking (EPERM) to a process without CAP_IPC_LOCK. */
const canLock = (p: LinuxProcess): boolean => memlockLimit(p) !== 0n || capIpcLock();

const U64 = (1n << 64n) - 1n;

/** (addr, len) as mlock rounds them, in the kernel's unsigned 64-bit arithmetic: start down, end up. */
function lockSpan(addr: bigint, len: bigint): { start: bigint; len: bigint } {
  const size = (len + (addr % PAGE) + PAGE - 1n) & ~(PAGE - 1n) & U64;
  return { start: addr - (addr % PAGE), len: size };
}

/**
 * apply_vma_lock_flags: locks or unlocks the mappings from `start` on, up to the first hole
 * (ENOMEM, as Linux, after changing what comes before it). EINVAL when the range wraps.
 */
function applyLock(p: LinuxProcess, start: bigint, len: bigint, lock: boolean): number {
  const end = start + len;
  if (end > U64) return -E.EINVAL;
  if (len === 0n) return 0;
  if (start >= LIMIT) return -E.ENOMEM;
  const from = Number(start);
  const to = end > LIMIT ? Infinity : Number(end);
  let at = from;
  for (let m = p.as.findMapping(at); m && at < to; m = p.as.findMapping(at)) at = m.end;
  if (at === from) return -E.ENOMEM;
  p.as.setLocked(from, Math.min(at, to) - from, lock);
  return at < to ? -E.ENOMEM : 0;
}

/** Bytes of [from, to) in locked mappings. */
const lockedIn = (p: LinuxProcess, from: number, to: number): number =>
  p.as.mappings.reduce((n, m) => (m.locked ? n + Math.max(0, Math.min(m.end, to) - Math.max(m.start, from)) : n), 0);

/** do_mlock: the limit, the lock, and then Linux's populate, which fails (ENOMEM) on PROT_NONE pages. */
function mlock(p: LinuxProcess, addr: bigint, len: bigint, onFault: boolean): number {
  if (!canLock(p)) return -E.EPERM;
  const span = lockSpan(addr, len);
  const from = Number(span.start);
  const to = Number(span.start + span.len > LIMIT ? LIMIT : span.start + span.len);
  // pages locked already count once (count_mm_mlocked_page_nr)
  if (!mayLock(p, span.len - BigInt(lockedIn(p, from, to)))) return -E.ENOMEM;
  const r = applyLock(p, span.start, span.len, true);
  if (r !== 0 || onFault) return r;
  return p.as.mappings.some((m) => m.prot === PROT.NONE && m.start < to && m.end > from) ? -E.ENOMEM : 0;
}

export function sysMlock(p: LinuxProcess, a: A): number {
  return mlock(p, a.big(0), a.big(1), false);
}

export function sysMlock2(p: LinuxProcess, a: A): number {
  const flags = a.int(2);
  if (flags & ~MLOCK.ONFAULT) return -E.EINVAL;
  return mlock(p, a.big(0), a.big(1), (flags & MLOCK.ONFAULT) !== 0);
}

export function sysMunlock(p: LinuxProcess, a: A): number {
  const span = lockSpan(a.big(0), a.big(1));
  return applyLock(p, span.start, span.len, false);
}

/**
 * mlockall: MCL_FUTURE makes new mappings (mmap, brk) start locked until munlockall or an
 * mlockall without it (mremap keeps a mapping's own state); MCL_CURRENT locks every mapping now.
 */
export function sysMlockall(p: LinuxProcess, a: A): number {
  const flags = a.int(0);
  if (flags === 0 || flags & ~(MCL.CURRENT | MCL.FUTURE | MCL.ONFAULT) || flags === MCL.ONFAULT) return -E.EINVAL;
  if (!canLock(p)) return -E.EPERM;
  const total = p.as.mappings.reduce((n, m) => n + (m.end - m.start), 0);
  if (flags & MCL.CURRENT && !capIpcLock() && BigInt(total) > memlockLimit(p)) return -E.ENOMEM;
  p.as.lockFuture = (flags & MCL.FUTURE) !== 0;
  if (flags & MCL.CURRENT) p.as.setLocked(0, GUEST_LIMIT, true);
  return 0;
}

export function sysMunlockall(p: LinuxProcess): number {
  p.as.lockFuture = false;
  p.as.setLocked(0, GUEST_LIMIT, false);
  return 0;
}
