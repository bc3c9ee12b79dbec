// Guest MAP_SHARED|MAP_ANONYMOUS memory as host memfds, which host/host-mmap.ts maps over
// the guest's pages: a forked child maps the same memfds at the same places (fork.ts hands
// them over as it hands over the fd table's host fds), so parent and child share those
// pages as Linux's do, counters, locks and futexes in them included. Threads share them as
// they share all memory. Where the host cannot map (no koffi, host pages not 4 KiB) there
// is no backing, and such a mapping is this process's own memory, as it was before.

import { closeSync, fstatSync } from 'node:fs';
import type { SharedBacking, SharedObject } from '../memory/address-space.js';
import type { GuestMemory } from '../memory/guest-memory.js';
import { hostLibc, loadedHostLibc } from './host/libc.js';

/** What /proc/<pid>/maps names a shared anonymous mapping (Linux's shmem file of one). */
export const SHARED_ANON_NAME = '/dev/zero (deleted)';
/** MFD_CLOEXEC: an execve run in place closes them itself (releaseShared), a host program never sees them. */
const MFD_CLOEXEC = 1;

/** The backing of `mem`'s shared mappings, or undefined where the host cannot give one (loads the host libc). */
export function sharedBacking(mem: GuestMemory): SharedBacking | undefined {
  const host = hostLibc()?.mmap;
  if (!host) return undefined;
  return {
    map: (start, len, obj, offset) => host.mapShared(mem.u8, start, len, obj.fd, offset),
    unmap: (start, len) => host.mapPrivate(mem.u8, start, len),
    release: (obj) => closeSync(obj.fd),
  };
}

/** The size from which zeroing guest pages is worth loading the host libc for (~3 ms) rather than writing the zeroes. */
const LOAD_LIBC_TO_ZERO = 4 * 1024 * 1024;

/**
 * GuestMemory.hostZero for `mem`: fresh private zero pages mapped over the range (the host
 * drops what was there, as Linux's MADV_DONTNEED and munmap do), where the host can map.
 */
export function hostZeroing(mem: GuestMemory): (start: number, len: number) => boolean {
  return (start, len) => {
    const host = (len >= LOAD_LIBC_TO_ZERO ? hostLibc() : loadedHostLibc())?.mmap;
    if (!host) return false;
    try {
      host.mapPrivate(mem.u8, start, len);
      return true;
    } catch {
      return false; // out of host mappings, say: written by hand then
    }
  };
}

/** A new shared object of `len` bytes (a host memfd), or undefined without the host's help. */
export function newSharedObject(len: number): SharedObject | undefined {
  const lc = hostLibc();
  if (!lc?.mmap) return undefined;
  const fd = lc.memfd('qemu-user-ts-shared', MFD_CLOEXEC);
  try {
    lc.mmap.setSize(fd, len);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return { fd };
}

/** Makes `obj` at least `len` bytes long (a shared mapping grown by mremap: Linux would SIGBUS past its end, we cannot). */
export function growSharedObject(obj: SharedObject, len: number): void {
  if (fstatSync(obj.fd).size < len) hostLibc()!.mmap!.setSize(obj.fd, len);
}
