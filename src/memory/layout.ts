// The host layout of guest memory. One shared WebAssembly.Memory of 4 GiB holds the
// whole guest address space at offset = guest address (no software TLB), followed by a
// reserved area the guest can never map: the page-permission table, the jump cache
// and the per-CPU env blocks.

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
export const WASM_PAGES = 65536; // 4 GiB

/** Guest addresses are [0, GUEST_LIMIT). Everything above is ours. */
export const GUEST_LIMIT = 0xff00_0000;

/** One permission byte per 4 KiB page of the 4 GiB space (PERM bits). */
export const PERM_TABLE = 0xff00_0000;
/** pc → compiled block cache used by translated code for indirect jumps: JUMP_CACHE_ENTRIES × 16 bytes. */
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
/** CPU env blocks, ENV_BLOCK_SIZE bytes each. */
export const ENV_AREA = 0xff20_0000;
export const ENV_BLOCK_SIZE = 4096;
export const MAX_CPUS = 1024;

/** Page permission bits (the low three match Linux PROT_*). */
export const PERM = {
  READ: 1,
  WRITE: 2,
  EXEC: 4,
  /** The page holds translated code: stores take the slow path, which invalidates it. */
  CODE: 8,
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
