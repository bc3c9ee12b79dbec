// Loader tests: small ELF images built in memory (buildElf below) check that every
// malformed or unsupported file is refused with a one-line UserError naming the problem,
// and that a valid program is mapped with the right permissions, its bss zeroed, and
// its initial stack (argc, argv, envp, auxv) laid out as Linux does.

import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { GuestArch } from '../../src/cpu/guest.js';
import { AddressSpace } from '../../src/memory/address-space.js';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { GUEST_LIMIT, PAGE_SIZE, PERM } from '../../src/memory/layout.js';
import { EM, ET, type ElfImage, loadElf, openProgramFile, parseElf, PF, PT, selectArch } from '../../src/loader/elf.js';
import { loadProgram, type LoadedProgram, STACK_TOP, STATIC_PIE_BASE } from '../../src/loader/load.js';
import { AT } from '../../src/loader/stack.js';
import { riscv64Target } from '../../src/linux-user/riscv64/target.js';
import { UserError } from '../../src/user-error.js';

// --- a tiny ELF builder -------------------------------------------------------------

interface SegSpec {
  type?: number;
  flags: number;
  vaddr: number;
  /** File bytes of the segment. */
  bytes?: Uint8Array;
  memsz?: number;
  /** Overrides of what the builder computes. */
  offset?: number;
  filesz?: number;
}

interface ElfSpec {
  elfClass?: 32 | 64;
  encoding?: number;
  type?: number;
  machine?: number;
  entry: number;
  segs: SegSpec[];
  phoff?: number;
  phnum?: number;
  /** Bytes appended after each segment's data, to catch copying past p_filesz. */
  junkAfter?: number;
}

const JUNK = 0xa5;

function buildElf(spec: ElfSpec): Uint8Array {
  const c64 = (spec.elfClass ?? 64) === 64;
  const ehsize = c64 ? 64 : 52;
  const phentsize = c64 ? 56 : 32;
  const phoff = ehsize;
  // Place each segment's bytes at an offset congruent to its vaddr modulo the page size.
  let cur = phoff + spec.segs.length * phentsize;
  const placed = spec.segs.map((s) => {
    const len = s.bytes?.length ?? 0;
    let off = cur;
    if (len > 0) {
      off = cur + ((s.vaddr - cur) % PAGE_SIZE + PAGE_SIZE) % PAGE_SIZE;
      cur = off + len + (spec.junkAfter ?? 0);
    }
    return off;
  });
  const out = new Uint8Array(cur);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, c64 ? 2 : 1, spec.encoding ?? 1, 1]);
  dv.setUint16(16, spec.type ?? ET.EXEC, true);
  dv.setUint16(18, spec.machine ?? EM.RISCV, true);
  dv.setUint32(20, 1, true);
  const word = (at: number, v: number): void => {
    if (c64) dv.setBigUint64(at, BigInt(v), true);
    else dv.setUint32(at, v, true);
  };
  const w = c64 ? 8 : 4;
  word(24, spec.entry);
  word(24 + w, spec.phoff ?? phoff);
  const tail = 24 + 3 * w + 4; // after e_shoff and e_flags
  dv.setUint16(tail, ehsize, true);
  dv.setUint16(tail + 2, phentsize, true);
  dv.setUint16(tail + 4, spec.phnum ?? spec.segs.length, true);
  spec.segs.forEach((s, i) => {
    const at = phoff + i * phentsize;
    const filesz = s.filesz ?? s.bytes?.length ?? 0;
    const memsz = s.memsz ?? filesz;
    const offset = s.offset ?? placed[i];
    dv.setUint32(at, s.type ?? PT.LOAD, true);
    if (c64) {
      dv.setUint32(at + 4, s.flags, true);
      word(at + 8, offset);
      word(at + 16, s.vaddr);
      word(at + 24, s.vaddr);
      word(at + 32, filesz);
      word(at + 40, memsz);
      word(at + 48, PAGE_SIZE);
    } else {
      dv.setUint32(at + 4, offset, true);
      dv.setUint32(at + 8, s.vaddr, true);
      dv.setUint32(at + 12, s.vaddr, true);
      dv.setUint32(at + 16, filesz, true);
      dv.setUint32(at + 20, memsz, true);
      dv.setUint32(at + 24, s.flags, true);
      dv.setUint32(at + 28, PAGE_SIZE, true);
    }
    if (s.bytes) out.set(s.bytes, placed[i]);
    if (s.bytes && spec.junkAfter) out.fill(JUNK, placed[i] + s.bytes.length, placed[i] + s.bytes.length + spec.junkAfter);
  });
  return out;
}

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff || 1);
const cstr = (s: string): Uint8Array => new TextEncoder().encode(`${s}\0`);

const TEXT = 0x10000;
const DATA = 0x12100;
/** A static riscv64 executable: text (R+X) with the phdrs inside it, data (R+W) with bss crossing pages. */
function staticExe(extra: Partial<ElfSpec> = {}, extraSegs: SegSpec[] = []): ElfSpec {
  return {
    entry: TEXT + 0x100,
    junkAfter: 64,
    segs: [
      { flags: PF.R | PF.X, vaddr: TEXT + 0x100, bytes: bytes(0x300, 1) },
      { flags: PF.R | PF.W, vaddr: DATA, bytes: bytes(0x80, 2), memsz: 0x2000 },
      ...extraSegs,
    ],
    ...extra,
  };
}

const RISCV64: GuestArch = {
  name: 'riscv64',
  elfMachine: EM.RISCV,
  elfClass: 64,
  envSize: 0,
  createTranslator: () => {
    throw new Error('not in these tests');
  },
};

function rejects(f: () => unknown, message: RegExp): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).message).toMatch(message);
  expect((err as UserError).message).not.toContain('\n');
}

const parse = (spec: ElfSpec): ElfImage => parseElf(buildElf(spec), 'prog');

// --- rejections -----------------------------------------------------------------------

describe('parseElf rejects', () => {
  it('files that are not ELF, naming the file', () => {
    rejects(() => parseElf(new TextEncoder().encode('#!/bin/sh\necho hi\n'), 'script.sh'), /^script\.sh: not an ELF file/);
    rejects(() => parseElf(new Uint8Array(0), 'empty'), /^empty: not an ELF file/);
    rejects(() => parseElf(Uint8Array.of(0x7f, 0x45), 'tiny'), /^tiny: not an ELF file/);
  });
  it('a file shorter than the ELF header', () => {
    const full = buildElf(staticExe());
    rejects(() => parseElf(full.subarray(0, 40), 'short'), /^short: not an ELF file: truncated.*shorter than the 64-byte ELF64 header/);
    rejects(() => parseElf(full.subarray(0, 10), 'short'), /not an ELF file: truncated/);
  });
  it('program headers outside the file', () => {
    rejects(() => parse(staticExe({ phoff: 0x100000 })), /^prog: truncated ELF file: the program header table.*outside the file/);
    rejects(() => parse(staticExe({ phnum: 500 })), /program header table \(500 entries/);
  });
  it('a PT_LOAD whose file bytes lie outside the file', () => {
    const spec = staticExe();
    spec.segs[1].offset = 0x7fff0000;
    rejects(() => parse(spec), /truncated ELF file: segment 1's file bytes 0x7fff0000-.* beyond the end of the file/);
    const spec2 = staticExe();
    spec2.segs[1].filesz = 0x100000;
    spec2.segs[1].memsz = 0x100000;
    rejects(() => parse(spec2), /segment 1's file bytes/);
  });
  it('filesz > memsz', () => {
    const spec = staticExe();
    spec.segs[1].memsz = 0x10;
    rejects(() => parse(spec), /segment 1: file size 0x80 is larger than memory size 0x10/);
  });
  it('overlapping segments', () => {
    rejects(() => parse(staticExe({}, [{ flags: PF.R, vaddr: DATA + 0x1000, bytes: bytes(16, 3) }])), /segments 1 \(0x12100-0x14100\) and 2 \(0x13100-0x13110\) overlap/);
  });
  it('segments beyond the guest address space or enormous', () => {
    rejects(() => parse(staticExe({}, [{ flags: PF.R, vaddr: GUEST_LIMIT - 0x1000, memsz: 0x2000 }])), /segment 2 .* beyond the guest address space/);
    rejects(() => parse(staticExe({}, [{ flags: PF.R, vaddr: 0x20000, memsz: 2 ** 40 }])), /beyond the guest address space/);
    rejects(() => parse(staticExe({}, [{ flags: PF.R, vaddr: 2 ** 50, memsz: 0x1000 }])), /beyond the guest address space/);
  });
  it('an entry point outside every executable segment', () => {
    rejects(() => parse(staticExe({ entry: DATA + 4 })), /entry point 0x12104 is not inside an executable segment/);
    rejects(() => parse(staticExe({ entry: 0x500000 })), /entry point 0x500000/);
  });
  it('big-endian files', () => {
    rejects(() => parse(staticExe({ encoding: 2 })), /^prog: big-endian ELF files are not supported/);
  });
  it('relocatable objects and core dumps', () => {
    rejects(() => parse(staticExe({ type: ET.REL })), /relocatable object file \(ET_REL\)/);
    rejects(() => parse(staticExe({ type: ET.CORE })), /core dump \(ET_CORE\)/);
  });
  it('files without loadable segments', () => {
    rejects(() => parse({ entry: 0x10000, segs: [{ type: PT.NOTE, flags: PF.R, vaddr: 0, bytes: bytes(8, 1) }] }), /no loadable segments/);
  });
});

describe('selectArch', () => {
  it('names unsupported machines', () => {
    rejects(() => selectArch(parse(staticExe({ machine: EM.X86_64 })), [RISCV64]), /^prog: x86-64 executables are not supported \(supported: riscv64\)/);
    rejects(() => selectArch(parse(staticExe({ machine: EM.AARCH64 })), [RISCV64]), /^prog: aarch64 executables are not supported yet/);
    rejects(() => selectArch(parse(staticExe({ machine: EM.ARM, elfClass: 32 })), [RISCV64]), /^prog: arm executables are not supported yet/);
    rejects(() => selectArch(parse(staticExe({ machine: 9999 })), [RISCV64]), /unknown machine 9999/);
  });
  it('refuses the wrong class', () => {
    rejects(() => selectArch(parse(staticExe({ elfClass: 32 })), [RISCV64]), /32-bit riscv32 executables are not supported/);
  });
  it('picks the architecture by e_machine and checks -cpu', () => {
    const image = parse(staticExe());
    expect(selectArch(image, [RISCV64])).toBe(RISCV64);
    expect(selectArch(image, [RISCV64], 'rv64')).toBe(RISCV64);
    expect(selectArch(image, [RISCV64], 'riscv64')).toBe(RISCV64);
    rejects(() => selectArch(image, [RISCV64], 'rv32'), /-cpu rv32 does not match prog, a riscv64 executable/);
    rejects(() => selectArch(image, [RISCV64], 'cortex-a57'), /-cpu cortex-a57 does not match/);
    rejects(() => selectArch(image, [RISCV64], 'pentium'), /unable to find CPU model 'pentium'/);
  });
});

describe('reading the program file', () => {
  it('uses QEMU wording for files that cannot be opened', () => {
    rejects(() => openProgramFile('/nonexistent/prog'), /^Could not open '\/nonexistent\/prog': No such file or directory$/);
    rejects(() => openProgramFile(tmpdir()), /Is a directory/);
  });
  it('loadElf reads, parses and picks the architecture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loader-test-'));
    const path = join(dir, 'hello');
    writeFileSync(path, buildElf(staticExe()));
    const { image, arch } = loadElf(path, [RISCV64]);
    expect(arch).toBe(RISCV64);
    expect(image.path).toBe(path);
    expect(image.loads.length).toBe(2);
    image.bytes.close();
  });
  it('reads program headers that lie beyond the first page, from a file and from memory', () => {
    // The table moved to the end of a file padded past 4 KiB (where the header read stops).
    const elf = buildElf(staticExe());
    const table = elf.slice(64, 64 + 2 * 56);
    const moved = new Uint8Array(3 * PAGE_SIZE + table.length);
    moved.set(elf);
    moved.set(table, 3 * PAGE_SIZE);
    new DataView(moved.buffer).setBigUint64(32, BigInt(3 * PAGE_SIZE), true);
    const path = join(mkdtempSync(join(tmpdir(), 'loader-test-')), 'far-phdrs');
    writeFileSync(path, moved);
    const { image } = loadElf(path, [RISCV64]);
    expect(image.phoff).toBe(3 * PAGE_SIZE);
    expect(image.loads.map((l) => l.vaddr)).toEqual(parse(staticExe()).loads.map((l) => l.vaddr));
    image.bytes.close();
    expect(parseElf(moved, 'far').phdrs).toEqual(image.phdrs);
  });
  it('says so when the file shrinks while it is being loaded', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'loader-test-')), 'shrinks');
    writeFileSync(path, buildElf(staticExe()));
    const { image } = loadElf(path, [RISCV64]);
    truncateSync(path, 200);
    const seg = image.loads[1];
    rejects(() => image.bytes.copy(seg.offset, seg.filesz, new Uint8Array(seg.filesz), 0), /shrinks: the file was truncated while it was being loaded/);
    image.bytes.close();
  });
});

describe('parseElf accepts', () => {
  it('a static executable, describing it', () => {
    const image = parse(staticExe({}, [{ type: PT.GNU_STACK, flags: PF.R | PF.W, vaddr: 0 }, { type: PT.RISCV_ATTRIBUTES, flags: PF.R, vaddr: 0, bytes: bytes(5, 9) }]));
    expect(image.elfClass).toBe(64);
    expect(image.type).toBe('exec');
    expect(image.machine).toBe(EM.RISCV);
    expect(image.entry).toBe(TEXT + 0x100);
    expect(image.phnum).toBe(4);
    expect(image.phentsize).toBe(56);
    expect(image.interp).toBeNull();
    expect(image.execStack).toBe(false);
    expect(image.phdrs[1]).toMatchObject({ type: PT.LOAD, flags: PF.R | PF.W, vaddr: DATA, filesz: 0x80, memsz: 0x2000, align: PAGE_SIZE });
    expect(image.phdrs[3].type).toBe(PT.RISCV_ATTRIBUTES);
  });
  it('PT_INTERP and an executable PT_GNU_STACK', () => {
    const image = parse(staticExe({}, [{ type: PT.INTERP, flags: PF.R, vaddr: 0x20000, bytes: cstr('/lib/ld-linux-riscv64-lp64d.so.1') }, { type: PT.GNU_STACK, flags: PF.R | PF.W | PF.X, vaddr: 0 }]));
    expect(image.interp).toBe('/lib/ld-linux-riscv64-lp64d.so.1');
    expect(image.execStack).toBe(true);
  });
});

// --- loading --------------------------------------------------------------------------

const RANDOM = Uint8Array.from({ length: 16 }, (_, i) => 0xc0 + i);
const IDS = { uid: 1000, euid: 1001, gid: 100, egid: 101 };

let mem: GuestMemory;
let as: AddressSpace;
beforeEach(() => {
  mem = new GuestMemory();
  as = new AddressSpace(mem);
});

function load(spec: ElfSpec, argv = ['prog', 'one', 'two'], envp = ['HOME=/root', 'LANG=C'], stackSize = 8 << 20): { image: ElfImage; p: LoadedProgram } {
  const image = parseElf(buildElf(spec), '/bin/prog');
  const p = loadProgram({ mem, as, image, archAux: riscv64Target.aux, argv, envp, execfn: '/bin/prog', stackSize, random: () => RANDOM, ids: IDS });
  return { image, p };
}

const u64 = (addr: number): number => Number(mem.dv.getBigUint64(addr, true));
const str = (addr: number): string | null => mem.readCString(addr);

/** Reads argc/argv/envp/auxv back from the guest stack. */
function readStack(sp: number): { argc: number; argv: string[]; envp: string[]; auxv: Map<number, number>; auxvOrder: number[] } {
  let at = sp;
  const argc = u64(at);
  at += 8;
  const argv: string[] = [];
  for (let i = 0; i < argc; i++, at += 8) argv.push(str(u64(at)) ?? '?');
  expect(u64(at)).toBe(0);
  at += 8;
  const envp: string[] = [];
  for (; u64(at) !== 0; at += 8) envp.push(str(u64(at)) ?? '?');
  at += 8;
  const auxv = new Map<number, number>();
  const auxvOrder: number[] = [];
  for (; ; at += 16) {
    const type = u64(at);
    if (type === AT.NULL) break;
    expect(auxv.has(type)).toBe(false);
    auxv.set(type, u64(at + 8));
    auxvOrder.push(type);
  }
  return { argc, argv, envp, auxv, auxvOrder };
}

describe('loadProgram', () => {
  it('maps segments with their permissions and copies their bytes', () => {
    const { image } = load(staticExe());
    expect(mem.perm(TEXT) & 7).toBe(PERM.READ | PERM.EXEC);
    expect(mem.perm(DATA) & 7).toBe(PERM.READ | PERM.WRITE);
    expect(mem.perm(DATA + 0x1fff) & 7).toBe(PERM.READ | PERM.WRITE);
    expect(mem.perm(DATA + 0x2000 + PAGE_SIZE) & 7).toBe(0);
    expect(mem.perm(TEXT + 0x1000) & 7).toBe(0);
    const text = image.loads[0];
    const fromFile = new Uint8Array(0x300);
    image.bytes.copy(text.offset, 0x300, fromFile, 0);
    expect(mem.u8.subarray(TEXT + 0x100, TEXT + 0x400)).toEqual(fromFile);
    expect(mem.u8.subarray(DATA, DATA + 0x80)).toEqual(bytes(0x80, 2));
    const names = as.mappings.filter((m) => m.start < 0x100000).map((m) => m.name);
    expect(names).toEqual(['/bin/prog', '/bin/prog']);
  });
  it('zeroes bss, including the tail of the last file page; a segment without bss keeps the file\'s next bytes there', () => {
    load(staticExe());
    const bss = mem.u8.subarray(DATA + 0x80, DATA + 0x2000);
    expect(bss.every((b) => b === 0)).toBe(true);
    // The text segment (no bss): the file's bytes after it, as Linux's mapping of the file
    // page shows them (the builder put junk there), then zeros past the end of the file.
    expect(mem.u8.subarray(TEXT + 0x400, TEXT + 0x440).every((b) => b === 0xa5)).toBe(true);
    expect(mem.u8[TEXT + 0x440]).toBe(0);
  });
  it('sets brk at the page aligned end of the highest segment and the mmap area below the stack', () => {
    const { p } = load(staticExe());
    expect(p.brkStart).toBe(0x15000);
    expect(as.brkStart).toBe(0x15000);
    expect(p.stackTop).toBe(STACK_TOP);
    expect(p.stackBottom).toBe(STACK_TOP - (8 << 20));
    expect(as.mmapTop).toBeLessThan(p.stackBottom);
    expect(as.findMapping(p.stackBottom)?.name).toBe('[stack]');
    expect(mem.perm(p.stackBottom) & 7).toBe(PERM.READ | PERM.WRITE);
    expect(mem.perm(p.stackBottom - 1) & 7).toBe(0);
    const fresh = as.findFree(PAGE_SIZE);
    expect(fresh).not.toBeNull();
    expect(fresh! + PAGE_SIZE).toBeLessThanOrEqual(as.mmapTop);
  });
  it('makes the stack executable when PT_GNU_STACK asks', () => {
    const { p } = load(staticExe({}, [{ type: PT.GNU_STACK, flags: PF.R | PF.W | PF.X, vaddr: 0 }]));
    expect(mem.perm(p.stackBottom) & 7).toBe(PERM.READ | PERM.WRITE | PERM.EXEC);
  });
  it('rounds the stack size up to pages', () => {
    const { p } = load(staticExe(), ['prog'], [], 100_000);
    expect(p.stackBottom).toBe(STACK_TOP - 25 * PAGE_SIZE);
  });
  it('builds argc, argv, envp and auxv as Linux does', () => {
    const { image, p } = load(staticExe());
    expect(p.sp % 16).toBe(0);
    expect(p.entry).toBe(TEXT + 0x100);
    const s = readStack(p.sp);
    expect(s.argc).toBe(3);
    expect(s.argv).toEqual(['prog', 'one', 'two']);
    expect(s.envp).toEqual(['HOME=/root', 'LANG=C']);
    // No segment holds the program headers here: AT_PHDR is where Linux would say
    // (first segment's address less its file offset, plus e_phoff).
    expect(s.auxv.get(AT.PHDR)).toBe(TEXT + 64);
    expect(s.auxv.get(AT.PHENT)).toBe(56);
    expect(s.auxv.get(AT.PHNUM)).toBe(image.phnum);
    expect(s.auxv.get(AT.PAGESZ)).toBe(PAGE_SIZE);
    expect(s.auxv.get(AT.BASE)).toBe(0);
    expect(s.auxv.get(AT.FLAGS)).toBe(0);
    expect(s.auxv.get(AT.ENTRY)).toBe(TEXT + 0x100);
    expect(s.auxv.get(AT.UID)).toBe(1000);
    expect(s.auxv.get(AT.EUID)).toBe(1001);
    expect(s.auxv.get(AT.GID)).toBe(100);
    expect(s.auxv.get(AT.EGID)).toBe(101);
    expect(s.auxv.get(AT.SECURE)).toBe(0);
    expect(s.auxv.get(AT.HWCAP)).toBe(0x112d);
    expect(s.auxv.get(AT.CLKTCK)).toBe(100);
    expect(str(s.auxv.get(AT.EXECFN)!)).toBe('/bin/prog');
    expect(mem.u8.subarray(s.auxv.get(AT.RANDOM)!, s.auxv.get(AT.RANDOM)! + 16)).toEqual(RANDOM);
    // riscv Linux (and qemu-riscv64) set no AT_PLATFORM and no AT_MINSIGSTKSZ.
    expect(s.auxv.has(AT.PLATFORM)).toBe(false);
    expect(s.auxv.has(AT.MINSIGSTKSZ)).toBe(false);
    expect(p.auxv.map((e) => e.type)).toEqual(s.auxvOrder);
  });
  it('places the strings at the top of the stack in Linux order', () => {
    const { p } = load(staticExe());
    const st = p.stack;
    // End marker word, then AT_EXECFN right below it.
    expect(st.execfnAddr).toBe(STACK_TOP - 8 - '/bin/prog\0'.length);
    expect(u64(STACK_TOP - 8)).toBe(0);
    // envp strings below execfn, argv strings below those, argv[0] lowest.
    const argv0 = u64(st.argvAddr);
    expect(argv0).toBe(st.argStart);
    expect(str(st.argStart)).toBe('prog');
    expect(str(st.envStart)).toBe('HOME=/root');
    expect(st.envEnd).toBe(st.execfnAddr);
    expect(st.argEnd).toBe(st.envStart);
    expect(st.envStart - st.argStart).toBe('prog\0one\0two\0'.length);
    // AT_RANDOM right below the 16-byte aligned start of the strings.
    expect(st.randomAddr).toBe(st.argStart - (st.argStart % 16) - 16);
    expect(st.sp).toBeLessThan(st.randomAddr);
    expect(st.randomAddr - st.sp).toBeLessThan(16 + 8 * (1 + 4 + 3 + 2 * (p.auxv.length + 1)));
  });
  it('keeps sp 16-byte aligned for any argument count', () => {
    for (let n = 1; n <= 4; n++) {
      mem = new GuestMemory();
      as = new AddressSpace(mem);
      const argv = Array.from({ length: n }, (_, i) => 'a'.repeat(i + 1));
      const { p } = load(staticExe(), argv, n % 2 ? ['X=1'] : []);
      expect(p.sp % 16).toBe(0);
      expect(readStack(p.sp).argv).toEqual(argv);
    }
  });
  it('loads a static-PIE at STATIC_PIE_BASE with every address biased', () => {
    const spec: ElfSpec = {
      type: ET.DYN,
      entry: 0x200,
      segs: [
        { flags: PF.R | PF.X, vaddr: 0, offset: 0, filesz: 0x400, memsz: 0x400 },
        { flags: PF.R | PF.W, vaddr: 0x2000, bytes: bytes(0x40, 5), memsz: 0x100 },
      ],
    };
    const raw = buildElf(spec);
    const padded = new Uint8Array(Math.max(raw.length, 0x400));
    padded.set(raw);
    const image = parseElf(padded, '/bin/pie');
    expect(image.type).toBe('dyn');
    const p = loadProgram({ mem, as, image, archAux: riscv64Target.aux, argv: ['pie'], envp: [], execfn: '/bin/pie', stackSize: 1 << 20, random: () => RANDOM, ids: IDS });
    expect(p.loadBias).toBe(STATIC_PIE_BASE);
    expect(p.entry).toBe(STATIC_PIE_BASE + 0x200);
    expect(p.phdrAddr).toBe(STATIC_PIE_BASE + 64);
    // Here the first segment covers the headers, so they are readable at AT_PHDR.
    expect(mem.dv.getUint32(p.phdrAddr, true)).toBe(PT.LOAD);
    expect(mem.dv.getUint32(p.phdrAddr + 56, true)).toBe(PT.LOAD);
    expect(p.brkStart).toBe(STATIC_PIE_BASE + 0x3000);
    expect(mem.perm(STATIC_PIE_BASE) & 7).toBe(PERM.READ | PERM.EXEC);
    expect(mem.u8.subarray(STATIC_PIE_BASE + 0x2000, STATIC_PIE_BASE + 0x2040)).toEqual(bytes(0x40, 5));
    const s = readStack(p.sp);
    expect(s.auxv.get(AT.ENTRY)).toBe(STATIC_PIE_BASE + 0x200);
    expect(s.auxv.get(AT.PHDR)).toBe(STATIC_PIE_BASE + 64);
  });
  it('handles two segments sharing a page without losing either', () => {
    const spec: ElfSpec = {
      entry: TEXT + 0x100,
      segs: [
        { flags: PF.R | PF.X, vaddr: TEXT + 0x100, bytes: bytes(0x700, 1) },
        { flags: PF.R | PF.W, vaddr: TEXT + 0x900, bytes: bytes(0x100, 2), memsz: 0x1800 },
      ],
    };
    load(spec);
    expect(mem.u8.subarray(TEXT + 0x100, TEXT + 0x800)).toEqual(bytes(0x700, 1));
    expect(mem.u8.subarray(TEXT + 0x900, TEXT + 0xa00)).toEqual(bytes(0x100, 2));
    expect(mem.u8.subarray(TEXT + 0xa00, TEXT + 0x2100).every((b) => b === 0)).toBe(true);
    // The shared page allows both; the data-only page just R+W.
    expect(mem.perm(TEXT) & 7).toBe(PERM.READ | PERM.WRITE | PERM.EXEC);
    expect(mem.perm(TEXT + PAGE_SIZE) & 7).toBe(PERM.READ | PERM.WRITE);
    expect(as.brkStart).toBe(TEXT + 0x3000);
  });
  it('refuses segments below the lowest mappable address', () => {
    rejects(() => load({ entry: 0x1000, segs: [{ flags: PF.R | PF.X, vaddr: 0x1000, bytes: bytes(16, 1) }] }), /below the lowest mappable address 0x10000/);
  });
  it('refuses a program that collides with the stack, and a stack that does not fit', () => {
    rejects(() => load(staticExe({}, [{ flags: PF.R, vaddr: STACK_TOP - 0x10000, memsz: 0x1000 }])), /collides with the .*-byte stack/);
    rejects(() => load(staticExe(), ['prog'], [], 0x1_0000_0000), /stack size .* does not fit/);
  });
  it('refuses arguments that do not fit a quarter of the stack (E2BIG)', () => {
    rejects(() => load(staticExe(), ['prog'], ['BIG=' + 'x'.repeat(20000)], 64 * 1024), /^Argument list too long/);
  });
  it('riscv64 hwcap has one bit per extension letter (IMAFDC = 0x112d)', () => {
    expect(riscv64Target.aux.hwcap).toBe(0x112d);
  });
});

// --- the interpreter (PT_INTERP) ------------------------------------------------------

describe('loadProgram with an interpreter', () => {
  const root = mkdtempSync(join(tmpdir(), 'interp-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  /** A minimal ld.so: ET_DYN, one R+X segment at 0 holding its headers, entry at 0x100. */
  const ldso = (extra: Partial<ElfSpec> = {}, extraSegs: SegSpec[] = []): Uint8Array => {
    const raw = buildElf({ type: ET.DYN, entry: 0x100, segs: [{ flags: PF.R | PF.X, vaddr: 0, offset: 0, filesz: 0x400, memsz: 0x400 }, ...extraSegs], ...extra });
    const out = new Uint8Array(Math.max(raw.length, 0x400));
    out.set(raw);
    return out;
  };
  const put = (rel: string, data: Uint8Array): string => {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    return path;
  };
  const withInterp = (interp: string): ElfSpec => staticExe({}, [{ type: PT.INTERP, flags: PF.R, vaddr: 0x20000, bytes: cstr(interp) }]);
  const loadWith = (interp: string, ldPrefix?: string): LoadedProgram => {
    const image = parseElf(buildElf(withInterp(interp)), '/bin/prog');
    return loadProgram({ mem, as, image, archAux: riscv64Target.aux, argv: ['prog'], envp: [], execfn: '/bin/prog', stackSize: 1 << 20, random: () => RANDOM, ids: IDS, ldPrefix });
  };

  it('finds it under the -L prefix, maps it in the mmap area and starts there, AT_BASE its bias', () => {
    const path = put('sysroot/lib/ld-test.so.1', ldso());
    const p = loadWith('/lib/ld-test.so.1', join(root, 'sysroot'));
    expect(p.interpBase).toBeGreaterThan(p.brkStart);
    expect(p.interpBase + 0x1000).toBeLessThanOrEqual(p.stackBottom);
    expect(p.interpBase % PAGE_SIZE).toBe(0);
    expect(p.entry).toBe(p.interpBase + 0x100);
    expect(p.programEntry).toBe(TEXT + 0x100);
    expect(mem.perm(p.interpBase) & 7).toBe(PERM.READ | PERM.EXEC);
    expect(mem.dv.getUint32(p.interpBase, true)).toBe(0x464c457f);
    expect(as.findMapping(p.interpBase)?.name).toBe(path);
    const s = readStack(p.sp);
    expect(s.auxv.get(AT.BASE)).toBe(p.interpBase);
    expect(s.auxv.get(AT.ENTRY)).toBe(TEXT + 0x100);
    expect(s.auxv.get(AT.PHDR)).toBe(p.phdrAddr);
  });
  it('takes the path as is when the prefix does not have it', () => {
    const path = put('elsewhere/ld-abs.so', ldso());
    const p = loadWith(path, join(root, 'sysroot'));
    expect(as.findMapping(p.entry)?.name).toBe(path);
  });
  it('says which interpreter is missing, in QEMU\'s words', () => {
    rejects(() => loadWith('/lib/ld-not-there.so.1', join(root, 'sysroot')), /^Could not open '\/lib\/ld-not-there\.so\.1': No such file or directory$/);
  });
  it('refuses an interpreter of another architecture or class, a corrupt one, and one with its own interpreter', () => {
    put('sysroot/lib/ld-arm.so', ldso({ machine: EM.AARCH64 }));
    rejects(() => loadWith('/lib/ld-arm.so', join(root, 'sysroot')), /ld-arm\.so: the interpreter of \/bin\/prog is 64-bit aarch64, not 64-bit riscv64 like the program$/);
    put('sysroot/lib/ld-32.so', ldso({ elfClass: 32 }));
    rejects(() => loadWith('/lib/ld-32.so', join(root, 'sysroot')), /is 32-bit riscv32, not 64-bit riscv64/);
    put('sysroot/lib/ld-cut.so', ldso().subarray(0, 100));
    rejects(() => loadWith('/lib/ld-cut.so', join(root, 'sysroot')), /ld-cut\.so: truncated ELF file/);
    const chained = ldso({}, [{ type: PT.INTERP, flags: PF.R, vaddr: 0x200, offset: 0x200, filesz: 10 }]);
    chained.set(cstr('/lib/x.so'), 0x200);
    put('sysroot/lib/ld-chain.so', chained);
    rejects(() => loadWith('/lib/ld-chain.so', join(root, 'sysroot')), /the interpreter asks for an interpreter itself/);
  });
});
