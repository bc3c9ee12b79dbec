// The translation side of the emulator: the guest front ends (decoders and translators), the
// IR optimizer and the wasm code generator — everything that makes new code, as opposed to
// running it. A run whose blocks and regions all come from the persistent translation cache
// needs none of it, so the bundle keeps it in a file of its own,
// dist/qemu-user-ts-translate.cjs, loaded the first time any of these is used (the build swaps
// this module for src/shims/lazy-translate-side.cjs in the main bundle; see
// esbuild.config.mjs). Run from the sources (the unit tests) it is an ordinary module.
//
// The main bundle's stand-in lists these names (TRANSLATE_SIDE_EXPORTS): keep them in step.

import type { Translator } from '../cpu/guest.js';
import { A64Translator } from '../cpu/aarch64/translate.js';
import { A64_HANDLERS } from '../cpu/aarch64/trans/index.js';
import { RiscvTranslator } from '../cpu/riscv/translate.js';
import { RISCV_HANDLERS } from '../cpu/riscv/trans/index.js';
import type { HelperRegistry } from './helpers.js';

export { optimize } from './optimize.js';
export { generateModule } from '../hostbackend/wasm/codegen.js';

/** The riscv64 translator, given the ids of the helpers riscv64 registered. */
export function createRiscvTranslator(helpers: HelperRegistry, ids: Readonly<Record<string, number>>): Translator {
  return new RiscvTranslator(helpers, RISCV_HANDLERS, ids);
}

/** The aarch64 translator, given the ids of the helpers aarch64 registered. */
export function createA64Translator(helpers: HelperRegistry, ids: Readonly<Record<string, number>>): Translator {
  return new A64Translator(helpers, A64_HANDLERS, ids);
}
