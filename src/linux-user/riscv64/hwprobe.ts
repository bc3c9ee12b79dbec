// riscv_hwprobe(2) (syscall 258): what the guest CPU implements, in the keys Linux 6.4
// defined. glibc and other ifunc resolvers pick their string and memory routines from it,
// so it names exactly what the translator implements (the same set as AT_HWCAP and
// /proc/cpuinfo): RV64IMAFDC, so FD and C (which is Zca and, with D, Zcd), misaligned
// accesses done at full speed. Keys it does not know get key -1 and value 0, as Linux does.

import { E } from '../errno.js';
import type { LinuxProcess } from '../process.js';
import { guestIn, guestOut, type SyscallArgs } from '../syscalls/args.js';

/** The keys, from the kernel's uapi asm/hwprobe.h. */
export const HWPROBE_KEY = { MVENDORID: 0n, MARCHID: 1n, MIMPID: 2n, BASE_BEHAVIOR: 3n, IMA_EXT_0: 4n, CPUPERF_0: 5n } as const;
const BASE_BEHAVIOR_IMA = 1n;
/** IMA_EXT_0 bits: FD 0, C 1, Zca 43, Zcd 45. */
export const IMA_EXT_0 = (1n << 0n) | (1n << 1n) | (1n << 43n) | (1n << 45n);
const MISALIGNED_FAST = 3n;

const VALUES = new Map<bigint, bigint>([
  [HWPROBE_KEY.MVENDORID, 0n],
  [HWPROBE_KEY.MARCHID, 0n],
  [HWPROBE_KEY.MIMPID, 0n],
  [HWPROBE_KEY.BASE_BEHAVIOR, BASE_BEHAVIOR_IMA],
  [HWPROBE_KEY.IMA_EXT_0, IMA_EXT_0],
  [HWPROBE_KEY.CPUPERF_0, MISALIGNED_FAST],
]);

const PAIR_SIZE = 16;

export function sysRiscvHwprobe(p: LinuxProcess, a: SyscallArgs): number {
  const count = a.size(1);
  const cpusetsize = a.size(2);
  const cpus = a.big(3);
  if (a.int(4) !== 0) return -E.EINVAL;
  // A CPU set, when given, must name at least one CPU (every one of ours is the same).
  if (cpusetsize !== 0 && cpus !== 0n && guestIn(p, cpus, cpusetsize).every((byte) => byte === 0)) return -E.EINVAL;
  if (count === 0) return 0;
  if (count > 1 << 20) return -E.EFAULT;
  const pairs = guestOut(p, a.big(0), count * PAIR_SIZE);
  const dv = new DataView(pairs.buffer, pairs.byteOffset, pairs.byteLength);
  for (let i = 0; i < count; i++) {
    const key = dv.getBigInt64(i * PAIR_SIZE, true);
    const value = VALUES.get(key);
    if (value === undefined) dv.setBigInt64(i * PAIR_SIZE, -1n, true);
    dv.setBigUint64(i * PAIR_SIZE + 8, value ?? 0n, true);
  }
  return 0;
}
