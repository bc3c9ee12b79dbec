// The aarch64 guest: its ELF identity, env block size, helpers and translator factory.

import { registerArgEffects, type EnvEffectsFn, type HelperDef } from '../../tcg/helpers.js';
import { lazyTranslator, type GuestArch } from '../guest.js';
import { createA64Translator } from '../../tcg/translate-side.js';
import { AARCH64_FP_HELPERS } from './fpu-helpers.js';
import { AARCH64_ATOMIC_HELPERS } from './helpers-atomic.js';
import { AARCH64_INT_HELPERS } from './helpers-int.js';
import { AARCH64_SIMD_HELPERS } from './simd-helpers.js';
import { A64 } from './state.js';

/** FPCR and FPSR: every FP and SIMD helper may read and write them. */
const FP_STATUS = [{ start: A64.FPCR, end: A64.FPSR + 4 }];
/** Which arguments of each FP / SIMD helper are V register numbers. */
const V_REGISTER_ARGS: Readonly<Record<string, readonly number[]>> = {
  a64_fp_binop: [3, 4, 5], a64_fp_unop: [3, 4], a64_fp_muladd: [2, 3, 4, 5], a64_fp_cmp: [2, 3],
  a64_fp_cvt: [3, 4], a64_fp_toint: [2], a64_fp_fromint: [2],
  simd_elem: [2, 3, 4], simd_long: [2, 3, 4], simd_narrow: [2, 3, 4], simd_across: [2, 3], simd_perm: [2, 3, 4],
  simd_fp3: [2, 3, 4], simd_fp2: [2, 3],
};

/** TBL/TBX (env, desc, rd, rn, rm) also read the len (desc bits 1:0) registers after Vn. */
const tblEffects: EnvEffectsFn = (args) => {
  const [desc, rn] = [args[1], args[3]];
  const regs = typeof desc === 'number' && typeof rn === 'number'
    ? [args[2], args[4], ...Array.from({ length: (desc & 3) + 1 }, (_, i) => (rn + i) % 32)]
    : [undefined]; // not known: every register
  return registerArgEffects(regs.map((_, i) => i), A64.V, 16, 32, FP_STATUS)(regs);
};

/** EM_AARCH64. */
const ELF_MACHINE_AARCH64 = 183;

export const aarch64: GuestArch = {
  name: 'aarch64',
  elfMachine: ELF_MACHINE_AARCH64,
  elfClass: 64,
  envSize: A64.SIZE,
  createTranslator(helpers) {
    // The FP and SIMD helpers touch only the V registers their arguments name, FPCR and
    // FPSR in env, and never fault.
    const withRegs = (h: HelperDef): HelperDef => {
      if (h.name === 'simd_tbl') return { ...h, envEffects: tblEffects };
      const regs = V_REGISTER_ARGS[h.name];
      if (!regs) throw new Error(`aarch64: no register arguments known for ${h.name}`);
      return { ...h, envEffects: registerArgEffects(regs, A64.V, 16, 32, FP_STATUS) };
    };
    const map = (t: Record<string, HelperDef>): Record<string, HelperDef> =>
      Object.fromEntries(Object.entries(t).map(([k, h]) => [k, withRegs(h)]));
    const ids: Record<string, number> = {
      ...helpers.registerAll(AARCH64_INT_HELPERS),
      ...helpers.registerAll(map(AARCH64_FP_HELPERS)),
      ...helpers.registerAll(map(AARCH64_SIMD_HELPERS)),
      ...helpers.registerAll(AARCH64_ATOMIC_HELPERS),
    };
    return lazyTranslator(() => createA64Translator(helpers, ids));
  },
};
