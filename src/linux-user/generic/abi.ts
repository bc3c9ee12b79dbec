// What differs between the asm-generic 64-bit guests that share this syscall layer:
// the uname machine, the open(2) flag bits, the struct sigaction layout, MINSIGSTKSZ
// and whether the old renameat syscall exists. One constant per guest architecture.

import { ARM64_OPEN_FLAGS, GENERIC_OPEN_FLAGS, type OpenFlagTable } from './constants.js';

export interface GenericAbi {
  /** uname(2) machine field. */
  machine: string;
  openFlags: OpenFlagTable;
  /** struct sigaction has sa_restorer between sa_flags and sa_mask (SA_RESTORER defined). */
  saRestorer: boolean;
  /** Smallest alternate signal stack sigaltstack accepts. */
  minSigStkSz: number;
  /** __ARCH_WANT_RENAMEAT: syscall 38 exists. */
  renameat: boolean;
}

export const RISCV64_ABI: GenericAbi = {
  machine: 'riscv64',
  openFlags: GENERIC_OPEN_FLAGS,
  saRestorer: false,
  minSigStkSz: 2048,
  renameat: false,
};

export const AARCH64_ABI: GenericAbi = {
  machine: 'aarch64',
  openFlags: ARM64_OPEN_FLAGS,
  saRestorer: true,
  minSigStkSz: 5120,
  renameat: true,
};

/** The open(2) bits of the host kernel we run on (x86-64 uses the generic values). */
export const HOST_OPEN_FLAGS: OpenFlagTable = process.arch === 'arm64' ? ARM64_OPEN_FLAGS : GENERIC_OPEN_FLAGS;
