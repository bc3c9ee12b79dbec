// The ELF interpreter (PT_INTERP, the guest's ld.so) of a dynamically linked program.
// Its path is looked up under the -L prefix first and then as is, as QEMU does; it must
// be an ELF of the program's machine and class without an interpreter of its own. An
// ET_DYN interpreter goes where the mmap area hands out its whole span (top-down below
// the stack's guard gap, as Linux maps it), an ET_EXEC one at its link address. The
// guest starts at its entry with AT_BASE = its load bias; AT_ENTRY and AT_PHDR keep
// describing the program, which ld.so then relocates and runs.

import { existsSync } from 'node:fs';
import type { AddressSpace } from '../memory/address-space.js';
import { pageAlignDown, pageAlignUp } from '../memory/address-space.js';
import { UserError } from '../user-error.js';
import { type ElfImage, machineName, openProgramFile, parseElf } from './elf.js';

/** Where a loaded interpreter ended up. */
export interface LoadedInterp {
  /** Load bias of the interpreter (AT_BASE). */
  base: number;
  /** Its entry point: where the guest starts. */
  entry: number;
  /** The host path it was read from. */
  path: string;
}

/** The host path of the interpreter `name`: under the -L prefix when it exists there (always with prefixOnly). */
export function interpreterPath(name: string, ldPrefix: string | undefined, prefixOnly = false): string {
  if (ldPrefix && name.startsWith('/')) {
    const under = ldPrefix.replace(/\/+$/, '') + name;
    if (prefixOnly || existsSync(under)) return under;
  }
  return name;
}

/** Opens, parses and checks `program`'s interpreter (the caller closes its bytes). */
export function openInterpreter(program: ElfImage, ldPrefix: string | undefined, prefixOnly = false): ElfImage {
  const name = program.interp!;
  const path = interpreterPath(name, ldPrefix, prefixOnly);
  const bytes = openProgramFile(path);
  try {
    const interp = parseElf(bytes, path);
    if (interp.machine !== program.machine || interp.elfClass !== program.elfClass) {
      const what = (i: ElfImage): string => `${i.elfClass}-bit ${machineName(i.machine, i.elfClass)}`;
      throw new UserError(`${path}: the interpreter of ${program.path} is ${what(interp)}, not ${what(program)} like the program`);
    }
    if (interp.interp !== null) throw new UserError(`${path}: the interpreter asks for an interpreter itself (${interp.interp})`);
    return interp;
  } catch (e) {
    bytes.close();
    throw e;
  }
}

/** The load bias for `interp`: 0 for ET_EXEC, else where the mmap area has room for its span. */
export function chooseInterpBias(interp: ElfImage, as: AddressSpace): number {
  if (interp.type === 'exec') return 0;
  const first = pageAlignDown(interp.loads[0].vaddr);
  const last = interp.loads[interp.loads.length - 1];
  const span = pageAlignUp(last.vaddr + last.memsz) - first;
  const start = as.findFree(span);
  if (start === null) throw new UserError(`${interp.path}: no room for the interpreter (${span} bytes) in the guest address space`);
  return start - first;
}
