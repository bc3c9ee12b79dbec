// The aarch64 Linux ABI: svc #0 with the number in x8, arguments in x0..x5 and the
// result in x0; AT_HWCAP lists exactly the features we implement, so that glibc's
// ifunc selection only picks routines we run correctly.

import { aarch64 } from '../../cpu/aarch64/index.js';
import { A64, xOffset } from '../../cpu/aarch64/state.js';
import { ENV } from '../../tcg/env.js';
import { AARCH64_ABI } from '../generic/abi.js';
import type { LinuxTarget } from '../target.js';

const REG = { X0: 0, X8: 8 } as const;
const SVC_LENGTH = 4;

/** Linux arch/arm64 HWCAP bits. CPUID: EL0 may read the ID registers (MRS emulation, src/cpu/aarch64/trans/int-sys.ts). */
export const HWCAP = { FP: 1 << 0, ASIMD: 1 << 1, CRC32: 1 << 7, ATOMICS: 1 << 8, CPUID: 1 << 11 } as const;

export const aarch64Target: LinuxTarget = {
  arch: aarch64,
  abi: AARCH64_ABI,
  aux: { hwcap: HWCAP.FP | HWCAP.ASIMD | HWCAP.CRC32 | HWCAP.ATOMICS | HWCAP.CPUID, platform: 'aarch64' },
  initCpu(dv, env, entry, sp) {
    for (let i = 0; i < aarch64.envSize; i += 4) dv.setInt32(env + i, 0, true);
    dv.setBigInt64(env + ENV.PC, BigInt(entry), true);
    dv.setBigInt64(env + A64.SP, BigInt(sp), true);
    dv.setBigInt64(env + A64.ZF, 1n, true); // Z clear
    dv.setBigInt64(env + A64.EXCL_ADDR, -1n, true);
  },
  syscall: { number: xOffset(REG.X8), args: xOffset(REG.X0), insnLength: SVC_LENGTH },
};
