// What a guest CPU front end provides to the rest of the emulator: its identity in ELF
// terms, the size of its env block, its helpers, and a translator from guest code at a
// pc to one block of TCG IR.

import type { HelperRegistry } from '../tcg/helpers.js';
import type { TranslatedBlock } from '../tcg/ir.js';
import type { GuestMemory } from '../memory/guest-memory.js';

export interface TranslateOptions {
  /** Most guest instructions in one block (1 for -one-insn-per-tb). */
  readonly maxInsns: number;
}

export interface Translator {
  /**
   * Translates the block starting at `pc`. Instruction fetches go through
   * mem.fetch16 (exec-checked); if the first instruction cannot be fetched the
   * GuestFault propagates, otherwise the block ends before the unfetchable one.
   * A block ends at control flow, at a page boundary (no instruction of it starts
   * on the next page) or after maxInsns.
   */
  translate(mem: GuestMemory, pc: number, opts: TranslateOptions): TranslatedBlock;
}

export interface GuestArch {
  /** As the CLI and -cpu know it, e.g. "riscv64". */
  readonly name: string;
  readonly elfMachine: number;
  readonly elfClass: 32 | 64;
  /** Bytes of env block (header + registers), at most ENV_BLOCK_SIZE. */
  readonly envSize: number;
  /** Registers the guest's helpers and returns its translator. */
  createTranslator(helpers: HelperRegistry): Translator;
}

/**
 * A translator made on first use: a guest registers its helpers at start-up (programs in
 * the translation cache name them by number), but building its translator loads the
 * translation side (tcg/translate-side.ts), which a run that takes every block from the
 * cache never needs.
 */
export function lazyTranslator(make: () => Translator): Translator {
  let translator: Translator | undefined;
  return { translate: (mem, pc, opts) => (translator ??= make()).translate(mem, pc, opts) };
}
