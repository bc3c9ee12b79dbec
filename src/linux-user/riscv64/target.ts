// The riscv64 Linux ABI: ecall with the number in a7, arguments in a0..a5 and the
// result in a0; AT_HWCAP lists the single-letter extensions (bit = letter - 'A').

import { riscv64 } from '../../cpu/riscv/index.js';
import { xOffset } from '../../cpu/riscv/state.js';
import { ENV } from '../../tcg/env.js';
import { RISCV64_ABI } from '../generic/abi.js';
import type { LinuxTarget } from '../target.js';
import { sysRiscvHwprobe } from './hwprobe.js';
import { riscv64SignalFrames } from './signal-frame.js';

const REG = { SP: 2, TP: 4, A0: 10, A7: 17 } as const;
const ECALL_LENGTH = 4;
/** __NR_riscv_hwprobe: __NR_arch_specific_syscall (244) + 14. */
const NR_RISCV_HWPROBE = 258;
/** AT_HWCAP: one bit per single-letter extension, bit (letter - 'A'). */
const hwcapOf = (letters: string): number =>
  [...letters].reduce((bits, l) => bits | (1 << (l.charCodeAt(0) - 'A'.charCodeAt(0))), 0);
/** The extensions we implement: the letters of AT_HWCAP, then the Z extensions (Linux's isa line). */
const LETTERS = 'IMAFDC';
const Z_EXTENSIONS = ['zicntr', 'zicsr', 'zifencei'];

export const riscv64Target: LinuxTarget = {
  arch: riscv64,
  abi: RISCV64_ABI,
  // As qemu-riscv64 and Linux give it: hwcap 0x112d, no AT_PLATFORM, no AT_MINSIGSTKSZ.
  aux: { hwcap: hwcapOf(LETTERS) },
  initCpu(dv, env, entry, sp) {
    for (let i = 0; i < riscv64.envSize; i += 4) dv.setInt32(env + i, 0, true);
    // sepc's bit 0 is always zero (IALIGN 16): an odd entry point starts one byte lower, as
    // on Linux, which returns to user mode through sret.
    dv.setBigInt64(env + ENV.PC, BigInt(entry) & ~1n, true);
    dv.setBigInt64(env + xOffset(REG.SP), BigInt(sp), true);
  },
  syscall: { number: xOffset(REG.A7), args: xOffset(REG.A0), insnLength: ECALL_LENGTH },
  signalFrames: riscv64SignalFrames,
  threadRegs: { sp: xOffset(REG.SP), tls: xOffset(REG.TP) },
  archSyscalls: [{ nr: NR_RISCV_HWPROBE, name: 'riscv_hwprobe', handler: sysRiscvHwprobe, strace: ['ptr', 'ulong', 'ulong', 'ptr', 'hex'] }],
  cpuinfo(cpus) {
    const isa = `rv64${LETTERS.toLowerCase()}_${Z_EXTENSIONS.join('_')}`;
    let out = '';
    for (let i = 0; i < cpus; i++) out += `processor\t: ${i}\nhart\t\t: ${i}\nisa\t\t: ${isa}\nmmu\t\t: sv39\n\n`;
    return out;
  },
};
