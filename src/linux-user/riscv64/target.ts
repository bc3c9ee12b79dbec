// The riscv64 Linux ABI: ecall with the number in a7, arguments in a0..a5 and the
// result in a0; AT_HWCAP lists the single-letter extensions (bit = letter - 'A').

import { riscv64 } from '../../cpu/riscv/index.js';
import { xOffset } from '../../cpu/riscv/state.js';
import { ENV } from '../../tcg/env.js';
import type { LinuxTarget } from '../target.js';

const REG = { SP: 2, A0: 10, A7: 17 } as const;
const ECALL_LENGTH = 4;
const hwcapOf = (letters: string): bigint =>
  [...letters].reduce((bits, l) => bits | (1n << BigInt(l.charCodeAt(0) - 'A'.charCodeAt(0))), 0n);

export const riscv64Target: LinuxTarget = {
  arch: riscv64,
  unameMachine: 'riscv64',
  hwcap: hwcapOf('IMAFDC'),
  platform: undefined,
  initCpu(dv, env, entry, sp) {
    for (let i = 0; i < riscv64.envSize; i += 4) dv.setInt32(env + i, 0, true);
    dv.setBigInt64(env + ENV.PC, BigInt(entry), true);
    dv.setBigInt64(env + xOffset(REG.SP), BigInt(sp), true);
  },
  syscallNumber: (dv, env) => Number(dv.getBigInt64(env + xOffset(REG.A7), true)),
  syscallArgs: (dv, env) => [0, 1, 2, 3, 4, 5].map((i) => dv.getBigUint64(env + xOffset(REG.A0 + i), true)),
  syscallReturn(dv, env, result) {
    dv.setBigInt64(env + xOffset(REG.A0), BigInt.asIntN(64, result), true);
    dv.setBigInt64(env + ENV.PC, dv.getBigInt64(env + ENV.PC, true) + BigInt(ECALL_LENGTH), true);
  },
};
