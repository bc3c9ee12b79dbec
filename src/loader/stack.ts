// The guest's initial stack, laid out as Linux's ELF loader leaves it for a new
// process (fs/binfmt_elf.c create_elf_tables, fs/exec.c): from the top down, a
// pointer-sized zero end marker, the AT_EXECFN string, the envp strings, the argv
// strings, then (16-byte aligned) the AT_PLATFORM string when the architecture has
// one, 16 AT_RANDOM bytes, and at the 16-byte aligned stack pointer: argc, argv[],
// NULL, envp[], NULL, the auxv pairs ending with AT_NULL. Word size is a parameter
// so 32-bit guests share the builder; hwcap and platform come from ArchAuxInfo.

import type { GuestMemory } from '../memory/guest-memory.js';
import { UserError } from '../user-error.js';

/** Auxiliary vector entry types (include/uapi/linux/auxvec.h, elf.h). */
export const AT = {
  NULL: 0,
  IGNORE: 1,
  EXECFD: 2,
  PHDR: 3,
  PHENT: 4,
  PHNUM: 5,
  PAGESZ: 6,
  BASE: 7,
  FLAGS: 8,
  ENTRY: 9,
  NOTELF: 10,
  UID: 11,
  EUID: 12,
  GID: 13,
  EGID: 14,
  PLATFORM: 15,
  HWCAP: 16,
  CLKTCK: 17,
  SECURE: 23,
  BASE_PLATFORM: 24,
  RANDOM: 25,
  HWCAP2: 26,
  EXECFN: 31,
  SYSINFO_EHDR: 33,
  MINSIGSTKSZ: 51,
} as const;


export interface AuxEntry {
  type: number;
  value: number;
}

/** What differs per architecture in the auxiliary vector. */
export interface ArchAuxInfo {
  /** AT_HWCAP. */
  hwcap: number;
  /** AT_HWCAP2, when the architecture defines it. */
  hwcap2?: number;
  /** AT_PLATFORM string, when the architecture's Linux sets one (riscv does not). */
  platform?: string;
  /** AT_MINSIGSTKSZ, when the architecture's Linux reports it. */
  minSigStkSz?: number;
}

/** Size of AT_RANDOM's data. */
export const AT_RANDOM_BYTES = 16;
/** The ABI's stack pointer alignment at process entry (riscv, aarch64, x86-64). */
export const STACK_ALIGN = 16;
/** Linux refuses an exec whose strings need more than this fraction of the stack (E2BIG). */
export const ARG_MAX_STACK_FRACTION = 4;

/** Addresses of the strings and bytes the auxv points at. */
export interface StackStrings {
  execfnAddr: number;
  randomAddr: number;
  /** 0 when there is no platform string. */
  platformAddr: number;
}

export interface StackParams {
  /** One past the highest stack byte. */
  stackTop: number;
  /** The lowest stack byte: nothing may be written below it. */
  stackLimit: number;
  wordSize: 4 | 8;
  argv: readonly string[];
  envp: readonly string[];
  /** AT_EXECFN: the program path as exec'd. */
  execfn: string;
  /** AT_PLATFORM string, if any. */
  platform?: string;
  /** The AT_RANDOM bytes (16). */
  random: Uint8Array;
  /** Builds the auxv (without the final AT_NULL) once the string addresses are known. */
  auxv: (at: StackStrings) => AuxEntry[];
}

export interface InitialStack extends StackStrings {
  /** The stack pointer at entry: points at argc, 16-byte aligned. */
  sp: number;
  argc: number;
  /** Address of argv[0]'s pointer, of envp[0]'s pointer, of the first auxv pair. */
  argvAddr: number;
  envpAddr: number;
  auxvAddr: number;
  /** The auxv as written, AT_NULL excluded. */
  auxv: AuxEntry[];
  /** [argStart, argEnd) holds the argv strings, [envStart, envEnd) the envp strings (/proc/self/cmdline, environ). */
  argStart: number;
  argEnd: number;
  envStart: number;
  envEnd: number;
}

const cstring = (s: string): Uint8Array => Buffer.from(`${s}\0`, 'utf8');
const alignDown = (n: number, a: number): number => n - (n % a);

/** Writes the initial stack into guest memory (already mapped) and returns where everything went. */
export function buildInitialStack(mem: GuestMemory, p: StackParams): InitialStack {
  const w = p.wordSize;
  const argvBytes = p.argv.map(cstring);
  const envpBytes = p.envp.map(cstring);
  const execfnBytes = cstring(p.execfn);
  const stringsSize = [...argvBytes, ...envpBytes].reduce((n, b) => n + b.length, 0) + execfnBytes.length;
  const stackSize = p.stackTop - p.stackLimit;
  if (stringsSize > stackSize / ARG_MAX_STACK_FRACTION) {
    throw new UserError(
      `Argument list too long: the arguments and environment take ${stringsSize} bytes, more than a quarter of the ${stackSize}-byte stack (raise it with -s)`,
    );
  }

  let at = p.stackTop - w; // the end marker word stays zero
  const push = (bytes: Uint8Array): number => {
    at -= bytes.length;
    mem.rawWrite(at, bytes);
    return at;
  };

  const execfnAddr = push(execfnBytes);
  const envEnd = at;
  const envAddrs: number[] = new Array<number>(envpBytes.length);
  for (let i = envpBytes.length - 1; i >= 0; i--) envAddrs[i] = push(envpBytes[i]);
  const envStart = at;
  const argEnd = at;
  const argAddrs: number[] = new Array<number>(argvBytes.length);
  for (let i = argvBytes.length - 1; i >= 0; i--) argAddrs[i] = push(argvBytes[i]);
  const argStart = at;

  at = alignDown(at, STACK_ALIGN);
  const platformAddr = p.platform !== undefined ? push(cstring(p.platform)) : 0;
  if (p.random.length !== AT_RANDOM_BYTES) throw new Error(`AT_RANDOM needs ${AT_RANDOM_BYTES} bytes`);
  const randomAddr = push(p.random);

  const auxv = p.auxv({ execfnAddr, randomAddr, platformAddr });
  const argc = p.argv.length;
  const words = 1 + (argc + 1) + (p.envp.length + 1) + (auxv.length + 1) * 2;
  const sp = alignDown(at - words * w, STACK_ALIGN);
  if (sp < p.stackLimit) throw new UserError('Argument list too long: the initial stack does not fit (raise it with -s)');

  const dv = mem.dv;
  let cur = sp;
  const word = (v: number): void => {
    if (w === 8) dv.setBigUint64(cur, BigInt(v), true);
    else dv.setUint32(cur, v >>> 0, true);
    cur += w;
  };
  word(argc);
  const argvAddr = cur;
  for (const a of argAddrs) word(a);
  word(0);
  const envpAddr = cur;
  for (const a of envAddrs) word(a);
  word(0);
  const auxvAddr = cur;
  for (const e of auxv) {
    word(e.type);
    word(e.value);
  }
  word(AT.NULL);
  word(0);

  return {
    sp,
    argc,
    argvAddr,
    envpAddr,
    auxvAddr,
    auxv,
    execfnAddr,
    randomAddr,
    platformAddr,
    argStart,
    argEnd,
    envStart,
    envEnd,
  };
}
