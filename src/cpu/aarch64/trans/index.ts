// All AArch64 handlers in one object: the trans_ handlers (and field transforms) of the
// integer, load/store, FP and AdvSIMD tables. Typed as A64Translators, so the compiler reports any
// pattern without a handler.

import type { A64Translators } from '../translate.js';
import { FP_HANDLERS } from './fp.js';
import { INT_HANDLERS } from './int.js';
import { LDST_HANDLERS } from './ldst.js';
import { SIMD_HANDLERS } from './simd.js';

export const A64_HANDLERS: A64Translators = { ...INT_HANDLERS, ...LDST_HANDLERS, ...FP_HANDLERS, ...SIMD_HANDLERS };
