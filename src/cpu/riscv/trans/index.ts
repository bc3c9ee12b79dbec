// All RISC-V handlers in one object: the field transforms plus every trans_ table.
// Typed as RiscvTranslators, so the compiler reports any pattern without a handler.

import { FIELD_FUNCTIONS } from '../fields.js';
import type { RiscvTranslators } from '../translate.js';
import { RVA } from './rva.js';
import { RVD } from './rvd.js';
import { RVF } from './rvf.js';
import { RVI } from './rvi.js';
import { RVM } from './rvm.js';
import { ZICSR } from './zicsr.js';

export const RISCV_HANDLERS: RiscvTranslators = { ...FIELD_FUNCTIONS, ...RVI, ...RVM, ...RVA, ...RVF, ...RVD, ...ZICSR };
