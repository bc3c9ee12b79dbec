// The riscv64 guest: its ELF identity, env block size, helpers and translator factory.

import { lazyTranslator, type GuestArch } from '../guest.js';
import { createRiscvTranslator } from '../../tcg/translate-side.js';
import { RISCV_FP_HELPERS } from './fpu-helpers.js';
import { RISCV_HELPERS } from './helpers.js';
import { RV } from './state.js';

/** EM_RISCV. */
const ELF_MACHINE_RISCV = 243;

export const riscv64: GuestArch = {
  name: 'riscv64',
  elfMachine: ELF_MACHINE_RISCV,
  elfClass: 64,
  envSize: RV.SIZE,
  createTranslator(helpers) {
    const ids: Record<string, number> = { ...helpers.registerAll(RISCV_HELPERS), ...helpers.registerAll(RISCV_FP_HELPERS) };
    return lazyTranslator(() => createRiscvTranslator(helpers, ids));
  },
};
