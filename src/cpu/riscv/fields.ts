// The field transforms named by `!function=` in riscv.decode and riscv16.decode: shifts
// of scaled immediates and the RVC 3-bit register numbers (x8..x15). Shared by the
// translator and the disassembler, which both run the generated decoders.

import type { DecodeFunctions as Functions32 } from './decode.generated.js';
import type { DecodeFunctions as Functions16 } from './decode16.generated.js';

/** Number of the first register an RVC 3-bit register field can name (x8 = s0). */
const RVC_REG_BASE = 8;

export const FIELD_FUNCTIONS: Functions32<unknown> & Functions16<unknown> = {
  ex_shift_1: (_ctx, x) => x << 1,
  ex_shift_2: (_ctx, x) => x << 2,
  ex_shift_3: (_ctx, x) => x << 3,
  ex_shift_4: (_ctx, x) => x << 4,
  ex_shift_12: (_ctx, x) => x << 12,
  ex_rvc_register: (_ctx, x) => x + RVC_REG_BASE,
};
