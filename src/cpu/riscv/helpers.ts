// Non-FP RISC-V helpers: the read-only counter CSRs. As in QEMU's user mode, cycle,
// time and instret all come from a host clock rather than from counting guest work:
//   time           = host monotonic nanoseconds / 100 (a 10 MHz timebase, as on QEMU virt)
//   cycle, instret = host monotonic nanoseconds (a 1 GHz "clock")
// Both are monotonic; neither is tied to how many guest instructions actually ran.

import type { HelperDef } from '../../tcg/helpers.js';

/** Nanoseconds per tick of the `time` CSR (10 MHz). */
const NS_PER_TIME_TICK = 100n;

const monotonicNs = (): bigint => process.hrtime.bigint();

export const RISCV_HELPERS = {
  riscv_csr_cycle: { name: 'riscv_csr_cycle', args: [], ret: 'i64', envEffects: [], fn: () => monotonicNs() },
  riscv_csr_time: { name: 'riscv_csr_time', args: [], ret: 'i64', envEffects: [], fn: () => monotonicNs() / NS_PER_TIME_TICK },
} satisfies Record<string, HelperDef>;
