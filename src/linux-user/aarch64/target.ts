// The aarch64 Linux ABI: svc #0 with the number in x8, arguments in x0..x5 and the
// result in x0; AT_HWCAP lists exactly the features we implement, so that glibc's
// ifunc selection only picks routines we run correctly.

import { aarch64 } from '../../cpu/aarch64/index.js';
import { A64, xOffset } from '../../cpu/aarch64/state.js';
import { ENV } from '../../tcg/env.js';
import { AARCH64_ABI } from '../generic/abi.js';
import type { LinuxTarget } from '../target.js';
import { aarch64SignalFrames } from './signal-frame.js';

const REG = { X0: 0, X8: 8 } as const;
const SVC_LENGTH = 4;

/** Linux arch/arm64 HWCAP bits. CPUID: EL0 may read the ID registers (MRS emulation, src/cpu/aarch64/trans/int-sys.ts). */
export const HWCAP = { FP: 1 << 0, ASIMD: 1 << 1, CRC32: 1 << 7, ATOMICS: 1 << 8, CPUID: 1 << 11 } as const;

/** The names /proc/cpuinfo gives HWCAP bits, in the kernel's order (arch/arm64/kernel/cpuinfo.c). */
const HWCAP_NAMES: readonly (readonly [number, string])[] = [
  [HWCAP.FP, 'fp'], [HWCAP.ASIMD, 'asimd'], [HWCAP.CRC32, 'crc32'], [HWCAP.ATOMICS, 'atomics'], [HWCAP.CPUID, 'cpuid'],
];
/** MIDR_EL1 as MRS reads it (src/cpu/aarch64/trans/int-sys.ts: QEMU's "max" CPU): implementer 0, part 0x051. */
const MIDR = { implementer: 0x00, variant: 0x0, part: 0x051, revision: 0 } as const;

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
  signalFrames: aarch64SignalFrames,
  threadRegs: { sp: A64.SP, tls: A64.TPIDR_EL0 },
  topByteIgnore: true,
  cpuinfo(cpus) {
    const features = HWCAP_NAMES.filter(([bit]) => aarch64Target.aux.hwcap & bit).map(([, name]) => name).join(' ');
    let out = '';
    for (let i = 0; i < cpus; i++) {
      out += `processor\t: ${i}\nBogoMIPS\t: 100.00\nFeatures\t: ${features}\n` +
        `CPU implementer\t: 0x${MIDR.implementer.toString(16).padStart(2, '0')}\nCPU architecture: 8\n` +
        `CPU variant\t: 0x${MIDR.variant.toString(16)}\nCPU part\t: 0x${MIDR.part.toString(16).padStart(3, '0')}\nCPU revision\t: ${MIDR.revision}\n\n`;
    }
    return out;
  },
};
