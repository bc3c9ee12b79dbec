// Helpers of the AArch64 integer and system instructions: the CRC32/CRC32C steps
// (bit-reflected, no pre/post inversion, as the A64 instructions define them) and the
// virtual counter CNTVCT_EL0, a host monotonic clock scaled to CNTFRQ_EL0.

import type { HelperContext, HelperDef } from '../../tcg/helpers.js';
import { GUEST_LIMIT, PAGE_SHIFT, PERM } from '../../memory/layout.js';

/**
 * DC ZVA block size. qemu-aarch64 reports DCZID_EL0 = 7 (BS = log2(words) = 7: 512 bytes),
 * and glibc's memset picks its DC ZVA path from it, so we report and zero the same.
 */
export const DCZID_EL0_BS = 7;
export const DCZ_BLOCK_BYTES = 4 << DCZID_EL0_BS;

/** CNTFRQ_EL0: 62.5 MHz, what qemu-aarch64 reports (one tick every 16 ns). */
export const A64_CNTFRQ_HZ = 62_500_000;
const NS_PER_TICK = 16n;

/** Reflected polynomials: CRC-32 (0x04C11DB7) and CRC-32C Castagnoli (0x1EDC6F41). */
const CRC32_POLY_REFLECTED = 0xedb88320;
const CRC32C_POLY_REFLECTED = 0x82f63b78;

function crcTable(poly: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
}
const CRC32_TABLE = crcTable(CRC32_POLY_REFLECTED);
const CRC32C_TABLE = crcTable(CRC32C_POLY_REFLECTED);

/** Folds the low `bytes` bytes of `data` (least significant first) into `crc`. */
export function crc32Update(table: Uint32Array, crc: number, data: number, bytes: number): number {
  let c = crc >>> 0;
  for (let i = 0; i < bytes; i++) c = table[(c ^ (data >>> (8 * i))) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

export const AARCH64_INT_HELPERS: Record<string, HelperDef> = {
  /** (crc, data, bytes 1|2|4) → crc: one CRC32B/H/W step (CRC32X is two W steps). */
  a64_crc32: {
    name: 'a64_crc32', args: ['i32', 'i32', 'i32'], ret: 'i32', envEffects: [],
    fn: (_ctx, crc: number, data: number, bytes: number) => crc32Update(CRC32_TABLE, crc, data, bytes) | 0,
  },
  a64_crc32c: {
    name: 'a64_crc32c', args: ['i32', 'i32', 'i32'], ret: 'i32', envEffects: [],
    fn: (_ctx, crc: number, data: number, bytes: number) => crc32Update(CRC32C_TABLE, crc, data, bytes) | 0,
  },
  /** CNTVCT_EL0: ticks of CNTFRQ since an arbitrary point; monotonic. */
  a64_cntvct: { name: 'a64_cntvct', args: [], ret: 'i64', envEffects: [], fn: () => process.hrtime.bigint() / NS_PER_TICK },
  /** DC ZVA: zero the DCZ_BLOCK_BYTES block holding addr; faults (and drops translations) as a store would. */
  a64_dc_zva: {
    name: 'a64_dc_zva',
    args: ['i64'],
    ret: null,
    fn: (ctx: HelperContext, addr: bigint) => {
      const start = ctx.mem.check(BigInt.asUintN(64, addr) & ~BigInt(DCZ_BLOCK_BYTES - 1), DCZ_BLOCK_BYTES, 'write');
      ctx.mem.u8.fill(0, start, start + DCZ_BLOCK_BYTES);
    },
  },
  /**
   * IC IVAU: translations of the page holding addr are dropped. Stores into translated
   * pages already drop them, so this only matters for code changed behind our back.
   */
  a64_ic_ivau: {
    name: 'a64_ic_ivau',
    args: ['i64'],
    ret: null,
    fn: (ctx: HelperContext, addr: bigint) => {
      const a = BigInt.asUintN(64, addr);
      if (a < BigInt(GUEST_LIMIT) && ctx.mem.perm(Number(a)) & PERM.CODE) ctx.mem.onCodeWrite(Number(a) >>> PAGE_SHIFT);
    },
  },
};
