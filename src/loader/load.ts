// Loads a parsed ELF executable into a fresh guest address space: maps each PT_LOAD
// segment with its permissions, copies its file bytes (a segment without bss keeps the
// file's following bytes in its last page, as Linux's file mapping shows them) and zeroes its bss, sets up the
// brk heap after the highest segment, maps the stack below the top of the guest space
// (the mmap area grows down from under it), and builds the initial stack with argv,
// envp and the auxiliary vector. The result says where the guest starts.
//
// Guest layout (4 GiB space, GUEST_LIMIT = 0xff00_0000):
//   0x0001_0000..         ET_EXEC segments at their own addresses (nothing below MIN_LOAD_ADDR)
//   STATIC_PIE_BASE       ET_DYN without PT_INTERP (static-PIE) is placed here
//   after the image       brk heap, growing up
//   ... mmapTop           mmap area, allocated top-down from STACK_GUARD_GAP below the stack
//   STACK_TOP-stackSize   the stack, growing down from STACK_TOP
//   STACK_TOP..limit      unused (room for a vDSO later)

import { resolve } from 'node:path';
import type { AddressSpace } from '../memory/address-space.js';
import { pageAlignDown, pageAlignUp } from '../memory/address-space.js';
import type { GuestMemory } from '../memory/guest-memory.js';
import { PAGE_SIZE } from '../memory/layout.js';
import { hostRandomBytes } from '../host-lazy.js';
import { UserError } from '../user-error.js';
import { type ElfImage, type ElfSegment, PF, PT } from './elf.js';
import { chooseInterpBias, type LoadedInterp, openInterpreter } from './interp.js';
import { AT, AT_RANDOM_BYTES, type ArchAuxInfo, type AuxEntry, buildInitialStack, type InitialStack } from './stack.js';

/** Linux PROT_* bits. */
export const PROT = { NONE: 0, READ: 1, WRITE: 2, EXEC: 4 } as const;

/** Where a static-PIE (ET_DYN without interpreter) is loaded: page aligned, 1 GiB, well above any ET_EXEC. */
export const STATIC_PIE_BASE = 0x4000_0000;
/** One past the highest stack byte. */
export const STACK_TOP = 0xfe00_0000;
/** Free gap kept below the stack before the mmap area (Linux's stack_guard_gap: 256 pages). */
export const STACK_GUARD_GAP = 256 * PAGE_SIZE;
/** Lowest address a segment may be loaded at (Linux's default vm.mmap_min_addr). */
export const MIN_LOAD_ADDR = 0x1_0000;
/** AT_CLKTCK: USER_HZ. */
export const CLOCK_TICKS = 100;

export interface LoadArgs {
  mem: GuestMemory;
  as: AddressSpace;
  image: ElfImage;
  /** The guest's auxv facts (hwcap, platform), from its linux-user target. */
  archAux: ArchAuxInfo;
  /** Guest argv (argv[0] included) and environment ("NAME=value"). */
  argv: readonly string[];
  envp: readonly string[];
  /** AT_EXECFN: the program's path as given. */
  execfn: string;
  /** Stack size in bytes (rounded up to whole pages). */
  stackSize: number;
  /** -L prefix: the interpreter is looked up under it first. */
  ldPrefix?: string;
  /** -prefix-only: the interpreter is looked up under ldPrefix only. */
  prefixOnly?: boolean;
  /** Source of AT_RANDOM bytes (the host's random source by default; tests pass a fixed one). */
  random?: (n: number) => Uint8Array;
  /** AT_UID/EUID/GID/EGID (the host's by default, as QEMU reports). */
  ids?: { uid: number; euid: number; gid: number; egid: number };
}

export interface LoadedProgram {
  /** Where the guest starts (the interpreter's entry once there is one). */
  entry: number;
  /** The initial stack pointer (points at argc). */
  sp: number;
  /** Load bias added to the ELF's addresses (0 for ET_EXEC). */
  loadBias: number;
  /** AT_ENTRY: the program's own entry point. */
  programEntry: number;
  /** AT_PHDR, AT_PHENT, AT_PHNUM. */
  phdrAddr: number;
  phent: number;
  phnum: number;
  /** AT_BASE: the interpreter's base (0 without one). */
  interpBase: number;
  /** The brk heap's start (page aligned end of the highest segment). */
  brkStart: number;
  stackTop: number;
  /** Lowest stack address (the stack mapping is [stackBottom, stackTop)). */
  stackBottom: number;
  /** The auxv as written on the stack (without AT_NULL), for /proc/self/auxv. */
  auxv: AuxEntry[];
  /** Where the initial stack's pieces are (argv/env string ranges for /proc, AT_RANDOM, ...). */
  stack: InitialStack;
  /** Linux mm fields for /proc/self/stat and prctl(PR_SET_MM). */
  startCode: number;
  endCode: number;
  startData: number;
  endData: number;
}

const hex = (n: number): string => `0x${n.toString(16)}`;

/** PF_R/W/X → PROT_READ/WRITE/EXEC. */
export function segmentProt(flags: number): number {
  return (flags & PF.R ? PROT.READ : 0) | (flags & PF.W ? PROT.WRITE : 0) | (flags & PF.X ? PROT.EXEC : 0);
}

/** The load bias: 0 for ET_EXEC, STATIC_PIE_BASE less the first segment's page for ET_DYN. */
function chooseLoadBias(image: ElfImage): number {
  if (image.type === 'exec') return 0;
  return STATIC_PIE_BASE - pageAlignDown(image.loads[0].vaddr);
}

/**
 * Maps the PT_LOAD segments (sorted, non-overlapping) at `bias`. A page shared by two
 * segments (one ends and the next starts in it) is mapped once, with the union of
 * their permissions, and mapped before either copies its bytes, so neither the second
 * mapping nor a bss clear can wipe the other segment's bytes.
 */
function mapSegments(args: LoadArgs, image: ElfImage, bias: number): void {
  const { as, mem } = args;
  const name = resolve(image.path);
  let mappedEnd = 0;
  for (const seg of image.loads) {
    const prot = segmentProt(seg.flags);
    let start = pageAlignDown(bias + seg.vaddr);
    const end = pageAlignUp(bias + seg.vaddr + seg.memsz);
    if (start < mappedEnd) {
      // Shares its first page with the previous segment(s).
      as.protect(start, PAGE_SIZE, (as.findMapping(start)?.prot ?? 0) | prot);
      start = mappedEnd;
    }
    if (end > start) as.mapFixed(start, end - start, prot, name, pageAlignDown(seg.offset) + (start - pageAlignDown(bias + seg.vaddr)));
    mappedEnd = Math.max(mappedEnd, end);
  }
  image.loads.forEach((seg, i) => {
    const at = bias + seg.vaddr;
    image.bytes.copy(seg.offset, seg.filesz, mem.u8, at);
    if (seg.memsz > seg.filesz) {
      // bss: fresh pages read as zero already; clear it anyway so this never depends on
      // what else was copied into a shared page (segments themselves never overlap).
      mem.rawFill(at + seg.filesz, seg.memsz - seg.filesz);
      return;
    }
    // No bss: Linux maps the file's pages, so the rest of the last page shows the bytes
    // that follow in the file (up to its end, and short of a next segment in that page).
    const next = image.loads[i + 1];
    const end = Math.min(pageAlignUp(at + seg.filesz), next ? bias + next.vaddr : Infinity);
    const n = Math.min(end - (at + seg.filesz), image.bytes.size - (seg.offset + seg.filesz));
    if (n > 0) image.bytes.copy(seg.offset + seg.filesz, n, mem.u8, at + seg.filesz);
  });
}

/** AT_PHDR: where the program headers are in guest memory. */
function findPhdrAddr(image: ElfImage, bias: number): number {
  const phdrSeg = image.phdrs.find((p) => p.type === PT.PHDR);
  if (phdrSeg) return bias + phdrSeg.vaddr;
  const holder = image.loads.find((p) => image.phoff >= p.offset && image.phoff + image.phnum * image.phentsize <= p.offset + p.filesz);
  if (holder) return bias + holder.vaddr + (image.phoff - holder.offset);
  // Not loaded: what Linux would report (first segment's address less its offset, plus e_phoff).
  const first = image.loads[0];
  return bias + first.vaddr - first.offset + image.phoff;
}

/** Linux's start_code/end_code/start_data/end_data for the loaded segments. */
function mmFields(loads: readonly ElfSegment[], bias: number): Pick<LoadedProgram, 'startCode' | 'endCode' | 'startData' | 'endData'> {
  let startCode = Infinity;
  let endCode = 0;
  let startData = 0;
  let endData = 0;
  for (const seg of loads) {
    const lo = bias + seg.vaddr;
    const hi = lo + seg.filesz;
    if (seg.flags & PF.X) {
      startCode = Math.min(startCode, lo);
      endCode = Math.max(endCode, hi);
    }
    startData = Math.max(startData, lo);
    endData = Math.max(endData, hi);
  }
  return { startCode: startCode === Infinity ? 0 : startCode, endCode, startData, endData };
}

function hostIds(): { uid: number; euid: number; gid: number; egid: number } {
  return {
    uid: process.getuid?.() ?? 0,
    euid: process.geteuid?.() ?? 0,
    gid: process.getgid?.() ?? 0,
    egid: process.getegid?.() ?? 0,
  };
}

/** Maps the program's interpreter (ld.so) beside it; see interp.ts. */
function loadInterpreter(args: LoadArgs): LoadedInterp {
  const interp = openInterpreter(args.image, args.ldPrefix, args.prefixOnly);
  try {
    const bias = chooseInterpBias(interp, args.as);
    const first = interp.loads[0];
    const last = interp.loads[interp.loads.length - 1];
    const start = pageAlignDown(bias + first.vaddr);
    const end = pageAlignUp(bias + last.vaddr + last.memsz);
    if (start < MIN_LOAD_ADDR || !args.as.isFree(start, end - start)) {
      throw new UserError(`${interp.path}: the interpreter's segments (${hex(start)}-${hex(end)}) overlap the program or lie outside the guest address space`);
    }
    mapSegments(args, interp, bias);
    return { base: bias, entry: bias + interp.entry, path: interp.path };
  } finally {
    interp.bytes.close();
  }
}

/** Loads `args.image` into `args.as` and builds its initial stack. Throws UserError when it cannot. */
export function loadProgram(args: LoadArgs): LoadedProgram {
  const { image, as, mem } = args;

  const bias = chooseLoadBias(image);
  const first = image.loads[0];
  const last = image.loads[image.loads.length - 1];
  const imageStart = pageAlignDown(bias + first.vaddr);
  const imageEnd = pageAlignUp(bias + last.vaddr + last.memsz);
  if (imageStart < MIN_LOAD_ADDR) {
    throw new UserError(`${image.path}: segment ${first.index} at ${hex(bias + first.vaddr)} lies below the lowest mappable address ${hex(MIN_LOAD_ADDR)}`);
  }

  const stackSize = pageAlignUp(args.stackSize);
  const stackBottom = STACK_TOP - stackSize;
  if (stackSize <= 0 || stackBottom < MIN_LOAD_ADDR) throw new UserError(`stack size ${args.stackSize} does not fit in the guest address space`);
  if (imageEnd + STACK_GUARD_GAP > stackBottom) {
    throw new UserError(
      `${image.path}: the program (up to ${hex(imageEnd)}) collides with the ${stackSize}-byte stack at ${hex(stackBottom)}-${hex(STACK_TOP)}`,
    );
  }

  mapSegments(args, image, bias);
  as.initBrk(imageEnd);

  const stackProt = PROT.READ | PROT.WRITE | (image.execStack ? PROT.EXEC : 0);
  as.mapFixed(stackBottom, stackSize, stackProt, '[stack]');
  as.mmapTop = stackBottom - STACK_GUARD_GAP;
  const interp = image.interp === null ? null : loadInterpreter(args);

  const archAux = args.archAux;
  const ids = args.ids ?? hostIds();
  const phdrAddr = findPhdrAddr(image, bias);
  const programEntry = bias + image.entry;
  const interpBase = interp?.base ?? 0;
  const random = (args.random ?? hostRandomBytes)(AT_RANDOM_BYTES);

  const stack = buildInitialStack(mem, {
    stackTop: STACK_TOP,
    stackLimit: stackBottom,
    wordSize: image.elfClass === 64 ? 8 : 4,
    argv: args.argv,
    envp: args.envp,
    execfn: args.execfn,
    platform: archAux.platform,
    random,
    // Linux's order (create_elf_tables), arch extras first as ARCH_DLINFO puts them.
    auxv: ({ execfnAddr, randomAddr, platformAddr }) => {
      const v: AuxEntry[] = [];
      const put = (type: number, value: number): void => {
        v.push({ type, value });
      };
      if (archAux.minSigStkSz !== undefined) put(AT.MINSIGSTKSZ, archAux.minSigStkSz);
      put(AT.HWCAP, archAux.hwcap);
      put(AT.PAGESZ, PAGE_SIZE);
      put(AT.CLKTCK, CLOCK_TICKS);
      put(AT.PHDR, phdrAddr);
      put(AT.PHENT, image.phentsize);
      put(AT.PHNUM, image.phnum);
      put(AT.BASE, interpBase);
      put(AT.FLAGS, 0);
      put(AT.ENTRY, programEntry);
      put(AT.UID, ids.uid);
      put(AT.EUID, ids.euid);
      put(AT.GID, ids.gid);
      put(AT.EGID, ids.egid);
      put(AT.SECURE, 0);
      put(AT.RANDOM, randomAddr);
      if (archAux.hwcap2 !== undefined) put(AT.HWCAP2, archAux.hwcap2);
      put(AT.EXECFN, execfnAddr);
      if (platformAddr !== 0) put(AT.PLATFORM, platformAddr);
      return v;
    },
  });

  return {
    entry: interp?.entry ?? programEntry,
    sp: stack.sp,
    loadBias: bias,
    programEntry,
    phdrAddr,
    phent: image.phentsize,
    phnum: image.phnum,
    interpBase,
    brkStart: as.brkStart,
    stackTop: STACK_TOP,
    stackBottom,
    auxv: stack.auxv,
    stack,
    ...mmFields(image.loads, bias),
  };
}
