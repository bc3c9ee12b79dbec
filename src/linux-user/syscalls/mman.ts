// Memory-mapping syscalls on the AddressSpace: brk, mmap (anonymous and file-backed),
// munmap, mprotect, mremap, madvise, msync. File mappings are copies: MAP_PRIVATE exactly;
// a writable MAP_SHARED one is written back to its file at msync, munmap and exit
// (shared-mappings.ts), though other processes do not see its writes in between.

import type { Mapping } from '../../memory/address-space.js';
import { GUEST_LIMIT, PAGE_SHIFT, PAGE_SIZE, PERM } from '../../memory/layout.js';
import { E, fail } from '../errno.js';
import { MADV, MADV_HINTS, MAP, MREMAP, PROT } from '../generic/constants.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
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
    const sameVma = next && next.prot === first.prot && next.name === first.name &&
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

  invalidateCode(p, start, size);
  p.sharedMaps.remove(start, start + size); // a shared mapping replaced is written back first
  p.as.mapFixed(start, size, prot & RWX, file?.path ?? '', Number(offset));
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
  // oldLen 0 duplicates a shared mapping: we have no shared mappings to duplicate.
  if (oldLen === 0) return -E.EINVAL;
  const from = Number(old);
  const m = coveringMapping(p, from, oldLen) ?? fail(E.EFAULT);
  // A shared file mapping remapped is written back and, from here on, a private copy.
  p.sharedMaps.remove(from, from + oldLen);

  const moveTo = (dest: number): number => {
    const keep = p.mem.u8.slice(from, from + Math.min(oldLen, newLen));
    const offset = m.offset + (from - m.start);
    invalidateCode(p, from, oldLen);
    p.as.unmap(from, oldLen);
    invalidateCode(p, dest, newLen);
    p.as.mapFixed(dest, newLen, m.prot, m.name, offset);
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
    p.as.mapFixed(tail, newLen - oldLen, m.prot, m.name, m.offset + (tail - m.start));
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
    p.mem.rawFill(start, size);
    refillFromFiles(p, start, start + size);
  }
  return 0;
}

/** Reads the file pages of the file mappings in [start, end) back in (short of a file's end: zero). */
function refillFromFiles(p: LinuxProcess, start: number, end: number): void {
  for (const m of p.as.mappings) {
    const lo = Math.max(start, m.start);
    const hi = Math.min(end, m.end);
    if (lo >= hi || !m.name.startsWith('/')) continue;
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
