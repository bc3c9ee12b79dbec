// ELF parsing and validation for the loader: reads a guest program, checks every header
// field the loader relies on, and produces a typed ElfImage. The program header table
// is decoded by the `elfy` package; the ident bytes, e_type, e_machine, p_type and
// p_flags are read raw (elfy maps them through name tables that lack EM_RISCV and the
// processor-specific segment types). Everything wrong with the file becomes a one-line
// UserError naming the file, and the guest architecture is chosen by e_machine.
// A program file is read as the kernel reads it: its headers first, then each segment's
// bytes straight into guest memory when it is loaded (never the whole file into a buffer
// of its own: a fresh page costs ~11 µs on this kind of machine, a tenth of a short run).

import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import elfyUntyped from 'elfy';
import type { GuestArch } from '../cpu/guest.js';
import { GUEST_LIMIT, PAGE_SIZE } from '../memory/layout.js';
import { UserError } from '../user-error.js';

// --- ELF constants -------------------------------------------------------------------

export const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46] as const; // "\x7fELF"

/** Offsets into e_ident. */
export const EI = { CLASS: 4, DATA: 5, VERSION: 6, NIDENT: 16 } as const;
export const ELFCLASS = { C32: 1, C64: 2 } as const;
export const ELFDATA = { LSB: 1, MSB: 2 } as const;
export const EV_CURRENT = 1;

/** Layout sizes per class: ELF header, one program header. */
export const ELF_SIZES = {
  32: { ehdr: 52, phdr: 32 },
  64: { ehdr: 64, phdr: 56 },
} as const;

/** Header field offsets common to both classes. */
export const EHDR = { TYPE: 16, MACHINE: 18, VERSION: 20 } as const;

export const ET = { NONE: 0, REL: 1, EXEC: 2, DYN: 3, CORE: 4 } as const;

export const PT = {
  NULL: 0,
  LOAD: 1,
  DYNAMIC: 2,
  INTERP: 3,
  NOTE: 4,
  SHLIB: 5,
  PHDR: 6,
  TLS: 7,
  GNU_EH_FRAME: 0x6474e550,
  GNU_STACK: 0x6474e551,
  GNU_RELRO: 0x6474e552,
  GNU_PROPERTY: 0x6474e553,
  RISCV_ATTRIBUTES: 0x70000003,
} as const;

/** Segment permission bits (p_flags). */
export const PF = { X: 1, W: 2, R: 4 } as const;

/** e_machine values and the names users know them by. */
export const EM = {
  SPARC: 2,
  I386: 3,
  M68K: 4,
  MIPS: 8,
  PPC: 20,
  PPC64: 21,
  S390: 22,
  ARM: 40,
  SH: 42,
  SPARCV9: 43,
  IA_64: 50,
  X86_64: 62,
  AARCH64: 183,
  RISCV: 243,
  LOONGARCH: 258,
} as const;

const EM_NAMES: Readonly<Record<number, string>> = {
  [EM.SPARC]: 'sparc',
  [EM.I386]: 'i386',
  [EM.M68K]: 'm68k',
  [EM.MIPS]: 'mips',
  [EM.PPC]: 'ppc',
  [EM.PPC64]: 'ppc64',
  [EM.S390]: 's390x',
  [EM.ARM]: 'arm',
  [EM.SH]: 'sh4',
  [EM.SPARCV9]: 'sparc64',
  [EM.IA_64]: 'ia64',
  [EM.X86_64]: 'x86-64',
  [EM.AARCH64]: 'aarch64',
  [EM.RISCV]: 'riscv',
  [EM.LOONGARCH]: 'loongarch64',
};

/** Architectures planned but not implemented yet: named as such in the error. */
const PLANNED_MACHINES: ReadonlySet<number> = new Set([EM.AARCH64, EM.ARM]);

/** The user's name for an (e_machine, class) pair, e.g. "riscv64", "x86-64". */
export function machineName(machine: number, elfClass: 32 | 64): string {
  const base = EM_NAMES[machine];
  if (base === undefined) return `unknown machine ${machine}`;
  if (machine === EM.RISCV) return `riscv${elfClass}`;
  return base;
}

/**
 * -cpu models accepted per guest architecture (`-cpu help` lists them). A model names
 * the architecture it belongs to, so a -cpu that disagrees with the ELF is an error.
 */
export const CPU_MODELS: Readonly<Record<string, readonly string[]>> = {
  riscv64: ['riscv64', 'rv64', 'max', 'any'],
  riscv32: ['riscv32', 'rv32', 'max', 'any'],
  aarch64: ['aarch64', 'max', 'any', 'cortex-a53', 'cortex-a57', 'cortex-a72'],
};

// --- the parsed image ---------------------------------------------------------------

export interface ElfSegment {
  /** Index in the program header table (for messages). */
  index: number;
  type: number;
  /** PF bits. */
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  align: number;
}

/** The bytes of an ELF file: the program file, read as needed, or bytes in memory (tests). */
export interface ElfBytes {
  readonly size: number;
  /**
   * Copies `length` bytes at file offset `offset` into dest[destOffset...] (a range parseElf
   * checked against `size`). Throws UserError if the file has shrunk since it was opened.
   */
  copy(offset: number, length: number, dest: Uint8Array, destOffset: number): void;
  /** Lets go of the file (the image's bytes can no longer be copied). */
  close(): void;
}

export interface ElfImage {
  /** The path as the user gave it (used in messages and as the mapping name). */
  path: string;
  /** The file's bytes (segments are copied from here when loaded). */
  bytes: ElfBytes;
  elfClass: 32 | 64;
  dataEncoding: 'lsb';
  type: 'exec' | 'dyn';
  machine: number;
  /** e_flags (for riscv: the float ABI and RVC bits). */
  flags: number;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  phdrs: ElfSegment[];
  /** The PT_LOAD segments with memsz > 0, sorted by vaddr. */
  loads: ElfSegment[];
  /** The PT_INTERP path, or null for a static executable. */
  interp: string | null;
  /** PT_GNU_STACK asks for an executable stack (false when there is no PT_GNU_STACK). */
  execStack: boolean;
}

// --- elfy's shape (the part we use) -----------------------------------------------

interface ElfyHeader {
  class: string;
  endian: string;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  flags: number;
}
interface ElfyProgram {
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  align: number;
}
interface ElfyParser {
  parseHeader(buf: Buffer): ElfyHeader;
  parsePrograms(buf: Buffer, header: ElfyHeader): ElfyProgram[];
}
interface ElfyModule {
  Parser: new () => ElfyParser;
}
// We use the Parser's header and program-header steps only: elfy.parse() also walks
// the section headers and asserts on them, which a loader must not depend on (Linux
// ignores sections; sstrip'd binaries have none).
const elfy = elfyUntyped as ElfyModule;

// --- reading the file -------------------------------------------------------------

/** strerror texts for the errors opening a program can give. */
const OPEN_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
};

/** QEMU's wording for a program that cannot be opened. */
function openError(path: string, code: string | undefined): UserError {
  const why = (code && OPEN_ERRORS[code]) ?? code ?? 'unknown error';
  return new UserError(`Could not open '${path}': ${why}`);
}

/** Throws a UserError (QEMU's "Could not open" wording) unless `path` is a readable regular file. */
export function checkProgramFile(path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw openError(path, (e as NodeJS.ErrnoException).code);
  }
  if (st.isDirectory()) throw openError(path, 'EISDIR');
  // execve refuses anything but a regular file with EACCES (and reading /dev/zero would never end).
  if (!st.isFile()) throw openError(path, 'EACCES');
}

/** Opens the program file for reading as needed; errors become UserErrors. */
export function openProgramFile(path: string): ElfBytes {
  checkProgramFile(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw openError(path, (e as NodeJS.ErrnoException).code);
  }
  const size = fstatSync(fd).size;
  return {
    size,
    copy(offset, length, dest, destOffset) {
      for (let done = 0; done < length; ) {
        let n: number;
        try {
          n = readSync(fd, dest, destOffset + done, length - done, offset + done);
        } catch (e) {
          throw new UserError(`${path}: cannot read: ${(e as Error).message}`);
        }
        if (n === 0) throw new UserError(`${path}: the file was truncated while it was being loaded`);
        done += n;
      }
    },
    close: () => closeSync(fd),
  };
}

/** ElfBytes over bytes in memory. */
export function memoryBytes(data: Uint8Array): ElfBytes {
  return {
    size: data.length,
    copy: (offset, length, dest, destOffset) => dest.set(data.subarray(offset, offset + length), destOffset),
    close: () => {},
  };
}

/**
 * What the headers need: the file's first HEAD_BYTES (the ELF header and, in every linker's
 * output, the program headers), more if the program headers lie beyond.
 */
const HEAD_BYTES = 4096;

function readHead(bytes: ElfBytes, length: number): Uint8Array {
  const head = new Uint8Array(Math.min(length, bytes.size));
  bytes.copy(0, head.length, head, 0);
  return head;
}

// --- parsing and validation -------------------------------------------------------

const hex = (n: number): string => `0x${n.toString(16)}`;

/**
 * Parses and validates an ELF executable (its bytes, or a file opened by openProgramFile).
 * `path` is only for messages. Does not check the architecture against the supported ones
 * (see selectArch).
 */
export function parseElf(source: Uint8Array | ElfBytes, path: string): ElfImage {
  const fail = (problem: string): never => {
    throw new UserError(`${path}: ${problem}`);
  };
  const bytes = source instanceof Uint8Array ? memoryBytes(source) : source;
  const size = bytes.size;
  let data = readHead(bytes, HEAD_BYTES);
  if (size < ELF_MAGIC.length || ELF_MAGIC.some((b, i) => data[i] !== b)) fail('not an ELF file (Exec format error)');
  if (size < EI.NIDENT) fail(`not an ELF file: truncated, ${size} bytes is shorter than the ELF header`);

  const clsByte = data[EI.CLASS];
  if (clsByte !== ELFCLASS.C32 && clsByte !== ELFCLASS.C64) fail(`not an ELF file: invalid ELF class ${clsByte}`);
  const elfClass: 32 | 64 = clsByte === ELFCLASS.C64 ? 64 : 32;
  const sizes = ELF_SIZES[elfClass];
  if (size < sizes.ehdr) {
    fail(`not an ELF file: truncated, ${size} bytes is shorter than the ${sizes.ehdr}-byte ELF${elfClass} header`);
  }
  const enc = data[EI.DATA];
  if (enc === ELFDATA.MSB) fail('big-endian ELF files are not supported');
  if (enc !== ELFDATA.LSB) fail(`not an ELF file: invalid data encoding ${enc}`);
  if (data[EI.VERSION] !== EV_CURRENT) fail(`unsupported ELF version ${data[EI.VERSION]}`);

  let dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eType = dv.getUint16(EHDR.TYPE, true);
  const machine = dv.getUint16(EHDR.MACHINE, true);

  switch (eType) {
    case ET.EXEC:
    case ET.DYN:
      break;
    case ET.REL:
      fail('is a relocatable object file (ET_REL), not an executable: link it first');
      break;
    case ET.CORE:
      fail('is a core dump (ET_CORE), not an executable');
      break;
    default:
      fail(`unsupported ELF type ${eType} (expected an executable)`);
  }

  let buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parser = new elfy.Parser();
  const header = parser.parseHeader(buf);
  const { entry, phoff, phentsize, phnum } = header;

  if (phentsize !== sizes.phdr) fail(`bad program header size ${phentsize} (expected ${sizes.phdr})`);
  if (phnum === 0) fail('has no program headers');
  if (phoff < sizes.ehdr || phoff + phnum * phentsize > size) {
    fail(`truncated ELF file: the program header table (${phnum} entries at offset ${hex(phoff)}) lies outside the file (${size} bytes)`);
  }
  if (phoff + phnum * phentsize > data.length) {
    data = readHead(bytes, phoff + phnum * phentsize);
    dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }

  const programs = parser.parsePrograms(buf, header);
  const phdrs: ElfSegment[] = programs.map((p, index) => {
    const at = phoff + index * phentsize;
    return {
      index,
      type: dv.getUint32(at, true),
      // p_flags sits after p_type in ELF64, near the end in ELF32.
      flags: dv.getUint32(elfClass === 64 ? at + 4 : at + 24, true),
      offset: p.offset,
      vaddr: p.vaddr,
      filesz: p.filesz,
      memsz: p.memsz,
      align: p.align,
    };
  });

  let interp: string | null = null;
  let execStack = false;
  for (const ph of phdrs) {
    if (ph.type === PT.LOAD) {
      if (ph.filesz > ph.memsz) {
        fail(`segment ${ph.index}: file size ${hex(ph.filesz)} is larger than memory size ${hex(ph.memsz)}`);
      }
      if (ph.offset + ph.filesz > size) {
        fail(`truncated ELF file: segment ${ph.index}'s file bytes ${hex(ph.offset)}-${hex(ph.offset + ph.filesz)} lie beyond the end of the file (${size} bytes)`);
      }
      if (ph.memsz >= GUEST_LIMIT || ph.vaddr + ph.memsz > GUEST_LIMIT) {
        fail(`segment ${ph.index} (${hex(ph.vaddr)}, ${hex(ph.memsz)} bytes) lies beyond the guest address space (limit ${hex(GUEST_LIMIT)})`);
      }
    } else if (ph.type === PT.INTERP) {
      if (interp !== null) fail('has more than one PT_INTERP');
      if (ph.filesz < 2 || ph.filesz > PAGE_SIZE || ph.offset + ph.filesz > size) {
        fail(`bad PT_INTERP segment (offset ${hex(ph.offset)}, ${ph.filesz} bytes)`);
      }
      const text = new Uint8Array(ph.filesz);
      bytes.copy(ph.offset, ph.filesz, text, 0);
      const nul = text.indexOf(0);
      if (nul <= 0) fail('PT_INTERP path is not a NUL-terminated string');
      interp = Buffer.from(text.subarray(0, nul)).toString('utf8');
    } else if (ph.type === PT.GNU_STACK) {
      execStack = (ph.flags & PF.X) !== 0;
    }
  }

  const loads = phdrs.filter((p) => p.type === PT.LOAD && p.memsz > 0).sort((a, b) => a.vaddr - b.vaddr);
  if (loads.length === 0) fail('has no loadable segments');
  for (let i = 1; i < loads.length; i++) {
    const a = loads[i - 1];
    const b = loads[i];
    if (b.vaddr < a.vaddr + a.memsz) {
      fail(`segments ${a.index} (${hex(a.vaddr)}-${hex(a.vaddr + a.memsz)}) and ${b.index} (${hex(b.vaddr)}-${hex(b.vaddr + b.memsz)}) overlap`);
    }
  }
  const first = loads[0];
  const last = loads[loads.length - 1];
  const span = last.vaddr + last.memsz - (first.vaddr - (first.vaddr % PAGE_SIZE));
  if (span >= GUEST_LIMIT) fail(`the segments span ${hex(span)} bytes, more than the guest address space`);

  const inExec = loads.some((p) => (p.flags & PF.X) !== 0 && entry >= p.vaddr && entry < p.vaddr + p.memsz);
  if (!inExec) fail(`entry point ${hex(entry)} is not inside an executable segment`);

  return {
    path,
    bytes,
    elfClass,
    dataEncoding: 'lsb',
    type: eType === ET.EXEC ? 'exec' : 'dyn',
    machine,
    flags: header.flags,
    entry,
    phoff,
    phentsize,
    phnum,
    phdrs,
    loads,
    interp,
    execStack,
  };
}

/**
 * Picks the guest architecture for an image from those we can run, checking -cpu
 * (when given) against it. Unknown or unsupported machines are UserErrors.
 */
export function selectArch(image: ElfImage, arches: readonly GuestArch[], cpu?: string): GuestArch {
  const name = machineName(image.machine, image.elfClass);
  const arch = arches.find((a) => a.elfMachine === image.machine && a.elfClass === image.elfClass);
  if (!arch) {
    const supported = arches.map((a) => a.name).join(', ') || 'none';
    if (PLANNED_MACHINES.has(image.machine)) {
      throw new UserError(`${image.path}: ${name} executables are not supported yet (supported: ${supported})`);
    }
    if (arches.some((a) => a.elfMachine === image.machine)) {
      throw new UserError(`${image.path}: ${image.elfClass}-bit ${name} executables are not supported (supported: ${supported})`);
    }
    throw new UserError(`${image.path}: ${name} executables are not supported (supported: ${supported})`);
  }
  if (cpu !== undefined) checkCpuModel(cpu, arch, image.path);
  return arch;
}

/** Throws unless -cpu `cpu` is a model of `arch`. */
export function checkCpuModel(cpu: string, arch: GuestArch, path: string): void {
  const models = CPU_MODELS[arch.name] ?? [arch.name];
  if (models.includes(cpu)) return;
  const known = Object.values(CPU_MODELS).some((m) => m.includes(cpu));
  if (!known) throw new UserError(`unable to find CPU model '${cpu}' (-cpu help lists them)`);
  throw new UserError(`-cpu ${cpu} does not match ${path}, a ${arch.name} executable (its models: ${models.join(', ')})`);
}

/**
 * Opens, parses and validates the program at `path` and picks its architecture. The
 * caller closes image.bytes once the program is loaded.
 */
export function loadElf(path: string, arches: readonly GuestArch[], cpu?: string): { image: ElfImage; arch: GuestArch } {
  const bytes = openProgramFile(path);
  try {
    const image = parseElf(bytes, path);
    return { image, arch: selectArch(image, arches, cpu) };
  } catch (e) {
    bytes.close();
    throw e;
  }
}
