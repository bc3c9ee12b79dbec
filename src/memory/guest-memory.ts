// Guest memory: the shared WebAssembly.Memory, typed views over it, the per-page
// permission table, and checked accessors for the runtime (syscalls, helpers, the
// interpreter backend). Translated wasm code does the same checks inline.

import { GUEST_LIMIT, PAGE_SHIFT, PAGE_SIZE, PERM, PERM_TABLE, WASM_PAGES } from './layout.js';
import { GuestAtomics } from './atomics.js';

export type Access = 'read' | 'write' | 'exec';
/** The smallest range zeroPages() asks the host to zero (below it, writing the zeroes costs less than the call). */
const HOST_ZERO_MIN = 64 * 1024;
const NEED: Record<Access, number> = { read: PERM.READ, write: PERM.WRITE, exec: PERM.EXEC };

/** A guest memory access that Linux would answer with SIGSEGV. Thrown through translated code. */
export class GuestFault extends Error {
  constructor(
    readonly addr: bigint,
    readonly access: Access,
    /** true: the page is mapped but forbids this access (SEGV_ACCERR); false: unmapped (SEGV_MAPERR). */
    readonly mapped: boolean,
  ) {
    super(`guest ${access} fault at 0x${addr.toString(16)}`);
  }
}

const GUEST_LIMIT_BIG = BigInt(GUEST_LIMIT);

/** addr as a number when it lies below GUEST_LIMIT, else -1 (a bigint is read as unsigned 64-bit). */
function guestOffset(addr: number | bigint): number {
  if (typeof addr === 'number') return addr >= 0 && addr < GUEST_LIMIT ? addr : -1;
  return addr >= 0n && addr < GUEST_LIMIT_BIG ? Number(addr) : -1;
}

export class GuestMemory {
  readonly memory: WebAssembly.Memory;
  readonly u8: Uint8Array;
  readonly dv: DataView;
  /**
   * The memory as aligned 32- and 64-bit words: load() and store() make an aligned access
   * with one host instruction, so that another thread never sees half of it (a DataView's
   * get and set may go byte by byte in V8's unoptimized code).
   */
  private readonly words32: Int32Array;
  private readonly words64: BigUint64Array;
  /**
   * The page-permission table (PERM bits), indexed by page number. A view of its own, so
   * that indexes stay small integers: PERM_TABLE + page would be a heap number (above
   * 2^30) in every unoptimized call, and most calls here run only a few hundred times.
   */
  readonly perms: Uint8Array;
  /**
   * AArch64 Linux runs user code with Top Byte Ignore: loads and stores through a pointer
   * with a tag in bits 63:56 reach the untagged address (checked accesses only: translated
   * code's fast path sees a tagged address as out of range and takes the checked slow path;
   * system calls, as Linux's default ABI, still refuse tagged pointers).
   */
  topByteIgnore = false;
  /** Called when a store hits a page holding translated code (set by the TB cache). */
  onCodeWrite: (page: number) => void = () => {};
  /**
   * Gives the page-aligned range [start, start+len) fresh zero pages from the host, if it
   * can (linux-user sets it: an anonymous mmap over the range); false: not done. Zeroing
   * by hand writes every page, which faults in the ones never touched (a thread's 8 MiB
   * stack dropped at its end: ~10 ms), where the host drops what is there.
   */
  hostZero: ((start: number, len: number) => boolean) | undefined;
  private atomicOps: GuestAtomics | null = null;

  constructor(memory?: WebAssembly.Memory) {
    this.memory = memory ?? new WebAssembly.Memory({ initial: WASM_PAGES, maximum: WASM_PAGES, shared: true });
    const buf = this.memory.buffer as unknown as ArrayBufferLike;
    this.u8 = new Uint8Array(buf);
    this.dv = new DataView(buf);
    this.words32 = new Int32Array(buf);
    this.words64 = new BigUint64Array(buf);
    // One byte for each page of the 4 GiB space.
    this.perms = this.u8.subarray(PERM_TABLE, PERM_TABLE + 2 ** (32 - PAGE_SHIFT));
  }

  /** Atomic read-modify-writes and compare-and-swaps on guest memory (made on first use). */
  get atomics(): GuestAtomics {
    return (this.atomicOps ??= new GuestAtomics(this));
  }

  // --- permissions ---------------------------------------------------------------

  perm(addr: number): number {
    return this.perms[addr >>> PAGE_SHIFT];
  }
  /**
   * Sets the R/W/X bits of every page in [start, start+len) for PROT_* `prot`, keeping the
   * CODE and DIRTY bits (an accessible page becomes DIRTY). Writable pages are readable too:
   * on riscv64 and arm64 Linux a PROT_WRITE-only mapping can be read (what /proc/self/maps
   * shows stays what was asked for).
   */
  setProt(start: number, len: number, prot: number): void {
    const first = start >>> PAGE_SHIFT;
    const last = Math.ceil((start + len) / PAGE_SIZE);
    const perms = this.perms;
    let bits = (prot & 7) | (prot & PERM.WRITE ? PERM.READ : 0);
    if (bits) bits |= PERM.DIRTY;
    for (let p = first; p < last; p++) perms[p] = (perms[p] & (PERM.CODE | PERM.DIRTY | PERM.SHARED)) | bits;
  }

  /** Marks the pages of [start, start+len) as shared with other processes (PERM.SHARED; unmapping clears it). */
  markShared(start: number, len: number): void {
    for (let p = start >>> PAGE_SHIFT, last = Math.ceil((start + len) / PAGE_SIZE); p < last; p++) this.perms[p] |= PERM.SHARED;
  }

  /** Marks the pages of [start, start+len) as possibly holding non-zero bytes (PERM.DIRTY). */
  markDirty(start: number, len: number): void {
    for (let p = start >>> PAGE_SHIFT, last = Math.ceil((start + len) / PAGE_SIZE); p < last; p++) this.perms[p] |= PERM.DIRTY;
  }

  /** Zeroes the DIRTY pages of [start, start+len) (page-aligned) and makes them inaccessible and clean. */
  zeroAndRevoke(start: number, len: number): void {
    const perms = this.perms;
    const last = (start + len) >>> PAGE_SHIFT;
    for (let p = start >>> PAGE_SHIFT; p < last; ) {
      if (!(perms[p] & PERM.DIRTY)) {
        perms[p] &= PERM.CODE;
        p++;
        continue;
      }
      let q = p;
      while (q < last && perms[q] & PERM.DIRTY) perms[q++] &= PERM.CODE;
      this.zeroPages(p * PAGE_SIZE, (q - p) * PAGE_SIZE);
      p = q;
    }
  }
  setCodeBit(page: number, on: boolean): void {
    this.perms[page] = on ? this.perms[page] | PERM.CODE : this.perms[page] & ~PERM.CODE;
  }

  /** Whether [addr, addr+len) is inside the guest space and every page allows `access`. */
  canAccess(addr: number | bigint, len: number, access: Access): boolean {
    return this.firstFault(addr, len, access) === null;
  }

  /** The first fault an access would raise, or null. */
  firstFault(addr: number | bigint, len: number, access: Access): GuestFault | null {
    return this.faultAt(guestOffset(addr), addr, len, access);
  }

  /**
   * firstFault() with the address already turned into an offset by guestOffset(): addresses
   * below the limit are handled as numbers, since this runs for every checked access.
   */
  private faultAt(start: number, addr: number | bigint, len: number, access: Access): GuestFault | null {
    if (len === 0) return null;
    if (start < 0 || start + len > GUEST_LIMIT) {
      const a = typeof addr === 'bigint' ? BigInt.asUintN(64, addr) : BigInt(addr);
      return new GuestFault(a < GUEST_LIMIT_BIG ? GUEST_LIMIT_BIG : a, access, false);
    }
    const need = NEED[access];
    for (let p = start >>> PAGE_SHIFT, last = (start + len - 1) >>> PAGE_SHIFT; p <= last; p++) {
      const perm = this.perms[p];
      if ((perm & need) === 0) {
        const at = BigInt(Math.max(start, p * PAGE_SIZE));
        return new GuestFault(at, access, (perm & 7) !== 0);
      }
    }
    return null;
  }

  /**
   * Throws GuestFault unless the access is allowed; returns the address as a number. With
   * topByteIgnore, a data address's bits 63:56 are a tag, not part of the address.
   */
  check(addr: number | bigint, len: number, access: Access): number {
    let a = guestOffset(addr);
    if (a < 0 && this.topByteIgnore && access !== 'exec') {
      const untagged = BigInt.asIntN(56, BigInt(addr));
      a = guestOffset(untagged);
      if (a >= 0) addr = untagged;
    }
    const f = this.faultAt(a, addr, len, access);
    if (f) throw f;
    if (access === 'write') this.noteWrite(a, len);
    return a;
  }

  /** A checked store is about to modify [a, a+len): tell the TB cache about code pages. */
  private noteWrite(a: number, len: number): void {
    for (let p = a >>> PAGE_SHIFT, last = (a + len - 1) >>> PAGE_SHIFT; p <= last; p++) {
      if (this.perms[p] & PERM.CODE) this.onCodeWrite(p);
    }
  }

  // --- checked scalar access (throw GuestFault) -------------------------------------

  load(addr: number | bigint, size: 1 | 2 | 4 | 8, signed = false): bigint {
    const a = this.check(addr, size, 'read');
    switch (size) {
      case 1: return BigInt(signed ? this.dv.getInt8(a) : this.dv.getUint8(a));
      case 2: return BigInt(signed ? this.dv.getInt16(a, true) : this.dv.getUint16(a, true));
      // aligned words in one host access (untorn for other threads, see words64)
      case 4: return BigInt((a & 3) === 0 ? (signed ? this.words32[a >>> 2] : this.words32[a >>> 2] >>> 0) : signed ? this.dv.getInt32(a, true) : this.dv.getUint32(a, true));
      case 8: {
        const v = (a & 7) === 0 ? this.words64[a >>> 3] : this.dv.getBigUint64(a, true);
        return signed ? BigInt.asIntN(64, v) : v;
      }
    }
  }
  store(addr: number | bigint, size: 1 | 2 | 4 | 8, value: bigint): void {
    const a = this.check(addr, size, 'write');
    switch (size) {
      case 1: this.dv.setUint8(a, Number(BigInt.asUintN(8, value))); break;
      case 2: this.dv.setUint16(a, Number(BigInt.asUintN(16, value)), true); break;
      case 4:
        if ((a & 3) === 0) this.words32[a >>> 2] = Number(BigInt.asIntN(32, value));
        else this.dv.setUint32(a, Number(BigInt.asUintN(32, value)), true);
        break;
      case 8:
        if ((a & 7) === 0) this.words64[a >>> 3] = BigInt.asUintN(64, value);
        else this.dv.setBigUint64(a, BigInt.asUintN(64, value), true);
        break;
    }
  }
  fetch16(pc: number): number {
    return this.dv.getUint16(this.check(pc, 2, 'exec'), true);
  }

  // --- buffers for syscalls (null means EFAULT) -------------------------------------

  /** A view of guest bytes (not a copy), or null if any byte is not readable. */
  view(addr: number | bigint, len: number): Uint8Array | null {
    if (this.firstFault(addr, len, 'read')) return null;
    const a = Number(addr);
    return this.u8.subarray(a, a + len);
  }
  /** A writable view of guest bytes, or null if any byte is not writable. */
  writableView(addr: number | bigint, len: number): Uint8Array | null {
    if (this.firstFault(addr, len, 'write')) return null;
    const a = Number(addr);
    this.noteWrite(a, len);
    return this.u8.subarray(a, a + len);
  }
  readBytes(addr: number | bigint, len: number): Uint8Array | null {
    const v = this.view(addr, len);
    return v ? v.slice() : null;
  }
  writeBytes(addr: number | bigint, data: Uint8Array): boolean {
    const v = this.writableView(addr, data.length);
    if (!v) return false;
    v.set(data);
    return true;
  }
  /** A NUL-terminated string (UTF-8), or null if it runs into unreadable memory or past `max`. */
  readCString(addr: number | bigint, max = 4096): string | null {
    const start = Number(BigInt.asUintN(64, BigInt(addr)));
    const limit = start + max;
    // a page at a time: its access checked once, the NUL looked for natively
    for (let a = start; a < limit; ) {
      if (!this.canAccess(a, 1, 'read')) return null;
      const end = Math.min((Math.floor(a / PAGE_SIZE) + 1) * PAGE_SIZE, limit);
      const nul = this.u8.subarray(a, end).indexOf(0);
      if (nul >= 0) return Buffer.from(this.u8.subarray(start, a + nul)).toString('utf8');
      a = end;
    }
    return null;
  }
  /** Raw (unchecked) access for the loader and the runtime's own structures. */
  rawWrite(addr: number, data: Uint8Array): void {
    this.u8.set(data, addr);
    this.markDirty(addr, data.length);
  }
  /** Zeroes the page-aligned range [start, start+len): by the host (hostZero) if it is large, else by hand. */
  zeroPages(start: number, len: number): void {
    if (len < HOST_ZERO_MIN || !this.hostZero?.(start, len)) this.u8.fill(0, start, start + len);
  }

  rawFill(addr: number, len: number, value = 0): void {
    this.u8.fill(value, addr, addr + len);
  }
}
