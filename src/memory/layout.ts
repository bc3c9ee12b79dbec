// The host layout of guest memory. One shared WebAssembly.Memory of 4 GiB holds the
// whole guest address space at offset = guest address (no software TLB), followed by a
// reserved area the guest can never map: the page-permission table, the jump caches,
// the per-CPU env blocks and the guest threads' control blocks.

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
export const WASM_PAGES = 65536; // 4 GiB

/** Guest addresses are [0, GUEST_LIMIT). Everything above is ours. */
export const GUEST_LIMIT = 0xff00_0000;

/** One permission byte per 4 KiB page of the 4 GiB space (PERM bits). */
export const PERM_TABLE = 0xff00_0000;
/**
 * pc → compiled block cache used by translated code for indirect jumps: JUMP_CACHE_ENTRIES
 * × 16 bytes; the first thread's (each CPU's env says where its own is: ENV.JUMP_CACHE).
 */
export const JUMP_CACHE = 0xff10_0000;
export const JUMP_CACHE_ENTRIES = 4096;
/** Each entry: i64 guest pc at +0 (-1 when empty), i32 backend slot at +8. */
export const JUMP_CACHE_ENTRY_SIZE = 16;
/**
 * The lock word of the guest's 128-bit atomic operations (AArch64 STXP and CASP of X
 * registers: the host has no 128-bit atomic), an i32 shared by every thread: 0 free, 1
 * held, 2 held with waiters (memory/atomics.ts). In the free rest of the jump cache's
 * megabyte (0xff110000 ..), on a cache line of its own.
 */
export const PAIR_LOCK = 0xff11_0000;
/**
 * The lock word held while one of the process's Node threads loads koffi or binds through
 * it (host/koffi.ts shareKoffiLock: such a worker must not be stopped by the process's exit
 * half-way). On the next cache line after PAIR_LOCK.
 */
export const KOFFI_LOCK = 0xff11_0040;
/**
 * The lists of futex_waitv's waiters (linux-user/futex-table.ts), FUTEX_WAITV_LIST_WORDS i32
 * words per thread by CPU index (64 KiB in all): the futex words a waiting thread's entries
 * wait on. Also in the free rest of the jump cache's megabyte.
 */
export const FUTEX_WAITV_LISTS = 0xff12_0000;
/** Entries of one list: futex_waitv's FUTEX_WAITV_MAX. */
export const FUTEX_WAITV_LIST_WORDS = 128;
/** CPU env blocks, ENV_BLOCK_SIZE bytes each. */
export const ENV_AREA = 0xff20_0000;
export const ENV_BLOCK_SIZE = 4096;
export const MAX_CPUS = 1024;

/** Guest threads at most (the first included): each has a control block, a jump cache and a CPU. */
export const MAX_THREADS = 128;
/** Per-thread control blocks (linux-user/thread-control.ts), THREAD_CONTROL_SIZE bytes each, by CPU index. */
export const THREAD_CONTROL = 0xff60_0000;
export const THREAD_CONTROL_SIZE = 256;
/** The futex waiter table (linux-user/futex-table.ts), after the control blocks. */
export const FUTEX_TABLE = THREAD_CONTROL + MAX_THREADS * THREAD_CONTROL_SIZE;
/**
 * Two words the TB caches of all threads share: [0] the code epoch, bumped whenever a
 * thread drops translations (each cache flushes when it sees it move), [1] non-zero once
 * the process has more than one thread.
 */
export const SHARED_CODE_WORDS = 0xff60_f000;
/** The view parallelTranslation reads (asked once per translated block: made once per memory). */
let sharedCodeWords: Int32Array | undefined;
/**
 * Whether code is translated for several threads (QEMU's CF_PARALLEL): SHARED_CODE_WORDS[1],
 * set at the first clone. Until then a store-release is a plain store; from then on, an
 * atomic exchange (ordered against other threads' loads), and every cache flushes once.
 */
export function parallelTranslation(buffer: ArrayBufferLike): boolean {
  if (sharedCodeWords?.buffer !== buffer) sharedCodeWords = new Int32Array(buffer, SHARED_CODE_WORDS, 2);
  return Atomics.load(sharedCodeWords, 1) !== 0;
}
/** The jump caches of the threads after the first, 64 KiB each, by CPU index - 1. */
export const THREAD_JUMP_CACHES = 0xff61_0000;

/** CPU `index`'s env block. */
export const envOfCpu = (index: number): number => ENV_AREA + index * ENV_BLOCK_SIZE;
/** CPU `index`'s jump cache. */
export const jumpCacheOfCpu = (index: number): number =>
  index === 0 ? JUMP_CACHE : THREAD_JUMP_CACHES + (index - 1) * JUMP_CACHE_ENTRIES * JUMP_CACHE_ENTRY_SIZE;

/** Page permission bits (the low three match Linux PROT_*). */
export const PERM = {
  READ: 1,
  WRITE: 2,
  EXEC: 4,
  /** The page holds translated code: stores take the slow path, which invalidates it. */
  CODE: 8,
  /**
   * The page may hold bytes that are not zero: it has been accessible, or written by the
   * runtime. Unmapping zeroes only such pages, so that a large PROT_NONE reservation (Go's
   * heap arenas) costs nothing to map and unmap, and its untouched pages stay uncommitted.
   */
  DIRTY: 16,
  /**
   * The page is a shared anonymous mapping's, whose memory other processes map too
   * (AddressSpace's SharedBacking): a shared futex on it may be woken from outside.
   */
  SHARED: 32,
} as const;

/** Jump-cache index for a guest pc (instructions are at least 2-byte aligned). */
export const jumpCacheIndex = (pc: number): number => (pc >>> 1) & (JUMP_CACHE_ENTRIES - 1);

/** The low and high 32-bit words of a guest address (a number below 2^53), as memory stores it. */
export const lo32 = (v: number): number => v % 0x1_0000_0000 | 0;
export const hi32 = (v: number): number => Math.floor(v / 0x1_0000_0000) | 0;

/**
 * A guest address from its two 32-bit halves as stored in memory (lo, hi). Written so that
 * a small address stays a small integer: (hi >>> 0) * 2^32 + lo is a heap number even when
 * hi is 0, which unoptimized code (most of a short run) allocates and hashes.
 */
export const addrFromHalves = (lo: number, hi: number): number => (hi === 0 && lo >= 0 ? lo : (hi >>> 0) * 0x1_0000_0000 + (lo >>> 0));
