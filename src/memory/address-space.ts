// The guest's virtual memory map: which ranges are mapped, with what protection and
// what backs them, where new mappings go, and the brk heap. It keeps GuestMemory's
// permission table in step and keeps unmapped memory zeroed, so a fresh anonymous
// mapping always reads as zeroes; a shared anonymous mapping's pages are a host object's
// (SharedBacking), given back to private memory when unmapped. Used by the loader and by
// mmap/munmap/mprotect/brk.

import { GuestMemory } from './guest-memory.js';
import { GUEST_LIMIT, PAGE_SIZE } from './layout.js';

export interface Mapping {
  start: number;
  end: number; // exclusive, page aligned
  prot: number; // PROT_READ | PROT_WRITE | PROT_EXEC
  /** What /proc/self/maps shows: a path, "[stack]", "[heap]", or "" for anonymous. */
  name: string;
  /** File offset of `start` for file mappings. */
  offset: number;
  /** mlock'ed (Linux's VM_LOCKED): counted in VmLck, nothing more (see syscalls/mman.ts). */
  locked?: boolean;
  /**
   * A host shared-memory object behind the pages (a guest MAP_SHARED|MAP_ANONYMOUS
   * mapping: SharedBacking), `offset` being where `start` is in it.
   */
  shared?: SharedObject;
}

/** A host object (an fd) whose pages back shared mappings, in this process and in forked children. */
export interface SharedObject {
  fd: number;
}

/**
 * What puts host shared memory behind guest pages (linux-user/shared-memory.ts): the
 * AddressSpace calls it as mappings come and go.
 */
export interface SharedBacking {
  /** Backs [start, start+len) with `obj` from byte `offset` on. */
  map(start: number, len: number, obj: SharedObject, offset: number): void;
  /** Gives [start, start+len) private zero pages again (before the range is zeroed and revoked). */
  unmap(start: number, len: number): void;
  /** `obj` is no longer mapped anywhere in this process. */
  release(obj: SharedObject): void;
}

export const pageAlignUp = (n: number): number => Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;
export const pageAlignDown = (n: number): number => Math.floor(n / PAGE_SIZE) * PAGE_SIZE;

export class AddressSpace {
  /** Sorted, non-overlapping. */
  private maps: Mapping[] = [];
  /** New mappings without a hint are placed top-down below this address. */
  mmapTop: number;
  brkStart = 0;
  brkCur = 0;
  /** mlockall(MCL_FUTURE) in force: new mappings start locked (Linux's mm->def_flags). */
  lockFuture = false;
  /** Host shared memory for MAP_SHARED anonymous mappings, where the host can give it. */
  backing: SharedBacking | undefined;

  constructor(readonly mem: GuestMemory, mmapTop = 0xf000_0000) {
    this.mmapTop = mmapTop;
  }

  /** The mappings in address order: a new array after every change (what changed since is told by identity). */
  get mappings(): readonly Mapping[] {
    return this.maps;
  }

  /**
   * Maps [start, start+len) (page aligned), replacing whatever was there (MAP_FIXED
   * semantics); with `shared`, over that host object's pages from `offset` (needs `backing`).
   */
  mapFixed(start: number, len: number, prot: number, name = '', offset = 0, locked = this.lockFuture, shared?: SharedObject): void {
    const end = start + pageAlignUp(len);
    this.unmap(start, end - start);
    const m: Mapping = { start, end, prot, name, offset };
    if (locked) m.locked = true;
    if (shared) {
      this.backing!.map(start, end - start, shared, offset);
      m.shared = shared;
    }
    const i = this.maps.findIndex((x) => x.start > start);
    if (i < 0) this.maps.push(m);
    else this.maps.splice(i, 0, m);
    this.mem.setProt(start, end - start, prot);
    // a file's pages are filled in whatever their protection (an anonymous PROT_NONE reservation stays clean)
    if (name !== '') this.mem.markDirty(start, end - start);
    if (shared) this.mem.markShared(start, end - start);
  }

  /** Removes mappings in [start, start+len); the memory is zeroed and made inaccessible. */
  unmap(start: number, len: number): void {
    const end = start + pageAlignUp(len);
    const out: Mapping[] = [];
    let gone: Set<SharedObject> | undefined;
    for (const m of this.maps) {
      if (m.end <= start || m.start >= end) {
        out.push(m);
        continue;
      }
      if (m.start < start) out.push({ ...m, end: start });
      if (m.end > end) out.push({ ...m, start: end, offset: m.offset + (end - m.start) });
      const lo = Math.max(m.start, start);
      const hi = Math.min(m.end, end);
      if (m.shared) (gone ??= new Set()).add(m.shared);
      if (m.shared) this.backing!.unmap(lo, hi - lo);
      this.mem.zeroAndRevoke(lo, hi - lo);
    }
    this.maps = out;
    if (gone) for (const obj of gone) if (!out.some((m) => m.shared === obj)) this.backing!.release(obj);
  }

  /** Drops every shared mapping's host backing (the program is replaced: its memory goes with it). */
  releaseShared(): void {
    for (const m of this.maps) if (m.shared) this.unmap(m.start, m.end - m.start);
  }

  /** Changes protection of [start, start+len); false if any page in it is unmapped (ENOMEM). */
  protect(start: number, len: number, prot: number): boolean {
    const end = start + pageAlignUp(len);
    if (!this.isMapped(start, end - start)) return false;
    this.reshape(start, end, { prot });
    this.mem.setProt(start, end - start, prot);
    return true;
  }

  /** Marks the mapped pages of [start, start+len) locked or not (mlock / munlock). */
  setLocked(start: number, len: number, locked: boolean): void {
    this.reshape(start, start + pageAlignUp(len), { locked: locked || undefined });
  }

  /** Bytes in locked mappings (/proc/self/status VmLck). */
  lockedBytes(): number {
    return this.maps.reduce((n, m) => (m.locked ? n + (m.end - m.start) : n), 0);
  }

  /** Splits the mappings at start and end and gives the parts between them `change`. */
  private reshape(start: number, end: number, change: Partial<Pick<Mapping, 'prot' | 'locked'>>): void {
    const out: Mapping[] = [];
    for (const m of this.maps) {
      if (m.end <= start || m.start >= end) {
        out.push(m);
        continue;
      }
      if (m.start < start) out.push({ ...m, end: start });
      const lo = Math.max(m.start, start);
      const hi = Math.min(m.end, end);
      const part: Mapping = { ...m, ...change, start: lo, end: hi, offset: m.offset + (lo - m.start) };
      if (!part.locked) delete part.locked;
      out.push(part);
      if (m.end > end) out.push({ ...m, start: end, offset: m.offset + (end - m.start) });
    }
    this.maps = out;
  }

  /** Whether every page of [start, start+len) is mapped (with any protection). */
  isMapped(start: number, len: number): boolean {
    let at = start;
    const end = start + len;
    for (const m of this.maps) {
      if (m.end <= at) continue;
      if (m.start > at) return false;
      at = m.end;
      if (at >= end) return true;
    }
    return at >= end;
  }

  /** Whether [start, start+len) overlaps no mapping and lies inside the guest space. */
  isFree(start: number, len: number): boolean {
    if (start < PAGE_SIZE * 16 || start + len > GUEST_LIMIT) return false;
    return !this.maps.some((m) => m.start < start + len && m.end > start);
  }

  /** Finds a free, page-aligned range of `len` bytes: at `hint` if free, else top-down below mmapTop. */
  findFree(len: number, hint = 0): number | null {
    len = pageAlignUp(len);
    if (hint && hint % PAGE_SIZE === 0 && this.isFree(hint, len)) return hint;
    let top = this.mmapTop;
    for (let i = this.maps.length - 1; i >= -1; i--) {
      const m = this.maps[i];
      const floor = m ? m.end : PAGE_SIZE * 16;
      if (m && m.start >= top) continue;
      if (top - floor >= len && top - len >= Math.max(this.brkCur, PAGE_SIZE * 16)) return top - len;
      if (m) top = Math.min(top, m.start);
    }
    return null;
  }

  findMapping(addr: number): Mapping | undefined {
    return this.maps.find((m) => addr >= m.start && addr < m.end);
  }

  /** Sets up the brk heap to start at `start` (page aligned). */
  initBrk(start: number): void {
    this.brkStart = this.brkCur = pageAlignUp(start);
  }

  /**
   * Linux brk: grows or shrinks the heap to `want`; returns the new break, or the old
   * one when the request cannot be met (below the start, or running into a mapping).
   */
  brk(want: number): number {
    if (want < this.brkStart) return this.brkCur;
    const oldEnd = pageAlignUp(this.brkCur);
    const newEnd = pageAlignUp(want);
    if (newEnd > oldEnd) {
      if (!this.isFree(oldEnd, newEnd - oldEnd)) return this.brkCur;
      this.mapFixed(oldEnd, newEnd - oldEnd, 3, '[heap]');
    } else if (newEnd < oldEnd) {
      this.unmap(newEnd, oldEnd - newEnd);
    }
    // Bytes between the break and the end of its page must read as zero after a shrink.
    if (want < this.brkCur) this.mem.rawFill(want, Math.min(this.brkCur, newEnd) - want);
    this.brkCur = want;
    return want;
  }
}
