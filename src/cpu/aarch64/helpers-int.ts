// Helpers of the AArch64 integer and system instructions: the CRC32/CRC32C steps
// (bit-reflected, no pre/post inversion, as the A64 instructions define them) and the
// virtual counter CNTVCT_EL0, a host monotonic clock scaled to CNTFRQ_EL0.

import type { HelperDef } from '../../tcg/helpers.js';

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
    name: 'a64_crc32', args: ['i32', 'i32', 'i32'], ret: 'i32',
    fn: (_ctx, crc: number, data: number, bytes: number) => crc32Update(CRC32_TABLE, crc, data, bytes) | 0,
  },
  a64_crc32c: {
    name: 'a64_crc32c', args: ['i32', 'i32', 'i32'], ret: 'i32',
    fn: (_ctx, crc: number, data: number, bytes: number) => crc32Update(CRC32C_TABLE, crc, data, bytes) | 0,
  },
  /** CNTVCT_EL0: ticks of CNTFRQ since an arbitrary point; monotonic. */
  a64_cntvct: { name: 'a64_cntvct', args: [], ret: 'i64', fn: () => process.hrtime.bigint() / NS_PER_TICK },
};
