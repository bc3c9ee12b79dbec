// The aarch64 guest: its ELF identity, env block size, helpers and translator factory.

import { withEnvEffects } from '../../tcg/helpers.js';
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
    // The FP and SIMD helpers touch only V0-V31, FPCR and FPSR in env, and never fault.
    const fpState = [{ start: A64.V, end: A64.FPSR + 4 }];
    const ids: Record<string, number> = {
      ...helpers.registerAll(AARCH64_INT_HELPERS),
      ...helpers.registerAll(withEnvEffects(AARCH64_FP_HELPERS, fpState)),
      ...helpers.registerAll(withEnvEffects(AARCH64_SIMD_HELPERS, fpState)),
    };
    return new A64Translator(helpers, A64_HANDLERS, ids);
  },
};
