// The PT_INTERP hook: where loading the ELF interpreter (ld.so) for a dynamically
// linked program will go. Dynamic linking is not implemented yet, so for now a program
// with PT_INTERP is refused with a UserError that says how to build one we can run.
//
// The plan, for whoever implements it: resolve the interpreter path under -L (ldPrefix)
// first, then as is; parse it with parseElf (it must be ET_DYN without its own
// PT_INTERP, same machine and class as the program); map it at a free base chosen with
// AddressSpace.findFree (like Linux's ELF_ET_DYN_BASE placement); return its base and
// entry. loadProgram then starts the guest at the interpreter's entry and sets AT_BASE
// to its base, while AT_ENTRY/AT_PHDR keep describing the program.

import type { ElfImage } from './elf.js';
import { UserError } from '../user-error.js';

/** Where a loaded interpreter ended up. */
export interface LoadedInterp {
  /** Load bias of the interpreter (AT_BASE). */
  base: number;
  /** Its entry point: where the guest starts. */
  entry: number;
  /** The host path it was read from. */
  path: string;
}

export interface InterpOptions {
  /** -L prefix tried first for the interpreter path. */
  ldPrefix?: string;
}

/**
 * Loads the interpreter `image` asks for, or returns null for a static program.
 * Called by loadProgram before anything is mapped. Not implemented yet: throws.
 */
export function loadInterpreter(image: ElfImage, _opts: InterpOptions = {}): LoadedInterp | null {
  if (image.interp === null) return null;
  throw new UserError(
    `${image.path}: dynamically linked executables are not supported yet (it asks for the interpreter ${image.interp}); link it with -static`,
  );
}
