// The aarch64 guest: its ELF identity, env block size, helpers and translator factory.

import type { GuestArch } from '../guest.js';
import { AARCH64_FP_HELPERS } from './fpu-helpers.js';
import { AARCH64_INT_HELPERS } from './helpers-int.js';
import { AARCH64_SIMD_HELPERS } from './simd-helpers.js';
import { A64 } from './state.js';
import { A64_HANDLERS } from './trans/index.js';
import { A64Translator } from './translate.js';

/** EM_AARCH64. */
const ELF_MACHINE_AARCH64 = 183;

export const aarch64: GuestArch = {
  name: 'aarch64',
  elfMachine: ELF_MACHINE_AARCH64,
  elfClass: 64,
  envSize: A64.SIZE,
  createTranslator(helpers) {
    const ids: Record<string, number> = {
      ...helpers.registerAll(AARCH64_INT_HELPERS),
      ...helpers.registerAll(AARCH64_FP_HELPERS),
      ...helpers.registerAll(AARCH64_SIMD_HELPERS),
    };
    return new A64Translator(helpers, A64_HANDLERS, ids);
  },
};
