// Tests of tier 0 (src/hostbackend/tier0) and the persistent translation cache
// (src/tcg/persist.ts): programs built from real guest blocks survive writing and reading
// back unchanged and well formed; damaged programs fail the check and damaged records are
// refused, never run; a record is taken
// only for the very bytes it was made from; and through the CLI, a second run of a program
// takes its blocks, and the regions the first compiled, from the cache with the same output. (That tier 0 computes what the
// reference interpreter computes is in the differential suites of wasm-backend.test.ts.)

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { PAGE_SIZE } from '../../src/memory/layout.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import type { TranslatedBlock } from '../../src/tcg/ir.js';
import type { Translator } from '../../src/cpu/guest.js';
import { aarch64 } from '../../src/cpu/aarch64/index.js';
import { riscv64 } from '../../src/cpu/riscv/index.js';
import { K, ProgramFormatError, buildProgram, programParts, readProgram, validate, type Tier0Program } from '../../src/hostbackend/tier0/program.js';
import { TranslationStore } from '../../src/tcg/persist.js';
import { CLI, ROOT } from './support/guest-runner.js';

const temp = mkdtempSync(join(tmpdir(), 'qemu-user-ts-tier0-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Loads the executable segment of a static ELF into fresh guest memory; returns where it lies. */
function loadText(path: string): { mem: GuestMemory; start: number; end: number } {
  const elf = readFileSync(path);
  const phoff = Number(elf.readBigUInt64LE(0x20));
  const mem = new GuestMemory();
  for (let i = 0; i < elf.readUInt16LE(0x38); i++) {
    const o = phoff + 56 * i;
    if (elf.readUInt32LE(o) !== 1 || (elf.readUInt32LE(o + 4) & 1) === 0) continue;
    const off = Number(elf.readBigUInt64LE(o + 8));
    const va = Number(elf.readBigUInt64LE(o + 16));
    const size = Number(elf.readBigUInt64LE(o + 32));
    const base = va - (va % PAGE_SIZE);
    mem.setProt(base, va + size - base, 5);
    mem.rawWrite(va, elf.subarray(off, off + size));
    return { mem, start: va, end: va + size };
  }
  throw new Error('no executable segment');
}

/** Translates up to `n` blocks one after the other from the start of the text. */
function sweep(arch: { createTranslator(h: HelperRegistry): Translator }, path: string, n: number) {
  const { mem, start, end } = loadText(path);
  const helpers = new HelperRegistry();
  const tr = arch.createTranslator(helpers);
  const blocks: TranslatedBlock[] = [];
  for (let pc = start; pc < end && blocks.length < n; ) {
    try {
      const b = tr.translate(mem, pc, { maxInsns: 64 });
      blocks.push(b);
      pc = b.pc + b.size;
    } catch {
      pc += 4;
    }
  }
  return { mem, helpers, tr, blocks };
}

const serialize = (p: Tier0Program): Int32Array => {
  const { head, code, tail } = programParts(p);
  return new Int32Array([...head, ...code, ...tail]);
};

describe('tier-0 programs', () => {
  for (const [name, arch] of [['aarch64', aarch64], ['riscv64', riscv64]] as const) {
    it(`${name}: built from real blocks, well formed, read back unchanged`, () => {
      const { helpers, blocks } = sweep(arch, join(ROOT, `tests/binaries/${name}/bin/hello`), 300);
      expect(blocks.length).toBe(300);
      for (const b of blocks) {
        const p = buildProgram(b);
        validate(p, helpers);
        const words = serialize(p);
        const q = readProgram(words, 0, words.length);
        expect({ pc: q.pc, size: q.size, temps: q.temps }).toEqual({ pc: p.pc, size: p.size, temps: p.temps });
        expect(Array.from(q.code)).toEqual(Array.from(p.code));
        expect(q.pool).toEqual(p.pool);
      }
    });
  }

  it('finds what is wrong with damaged programs', () => {
    const { helpers, blocks } = sweep(aarch64, join(ROOT, 'tests/binaries/aarch64/bin/hello'), 40);
    const p = buildProgram(blocks.find((b) => b.ops.some((o) => o.op === 'call')) ?? blocks[0]);
    const good = serialize(p);
    const codeAt = 5; // pc lo, pc hi, size, temps, code length
    const refuse = (w: Int32Array, end = w.length) => expect(() => validate(readProgram(w, 0, end), helpers)).toThrow(ProgramFormatError);
    refuse(good, good.length - 1); // cut short
    const damaged = (at: number, v: number) => {
      const w = good.slice();
      w[at] = v;
      return w;
    };
    refuse(damaged(codeAt, 999)); // unknown opcode
    refuse(damaged(3, 0)); // no temps: every temp is out of range
    refuse(damaged(2, 0)); // no guest bytes
    // A branch whose target is not the start of an instruction.
    const code = Array.from(p.code);
    const br = code.indexOf(K.BRCOND64);
    if (br >= 0) refuse(damaged(codeAt + br + 4, 1));
    // A call of a helper that does not exist.
    const call = code.indexOf(K.CALL);
    if (call >= 0) refuse(damaged(codeAt + call + 1, 100000));
    expect(() => validate(readProgram(good, 0, good.length), helpers)).not.toThrow();
  });
});

describe('the translation store', () => {
  const CODE = 0x10000;
  const NOP = 0xd503201f;
  const BRK = 0xd4200000;
  const setup = () => {
    const mem = new GuestMemory();
    mem.setProt(CODE, PAGE_SIZE, 5);
    [NOP, NOP, BRK].forEach((w, i) => mem.dv.setUint32(CODE + 4 * i, w, true));
    const helpers = new HelperRegistry();
    const tr = aarch64.createTranslator(helpers);
    return { mem, helpers, tr };
  };
  const key = { build: 'test', arch: 'aarch64', maxInsns: 64, program: 'prog\0', parallel: false };

  it('gives back a block for the same bytes only, on executable pages that are not writable', () => {
    const dir = join(temp, 'store');
    const a = setup();
    const store = new TranslationStore(dir, a.mem, key, a.helpers);
    const p = buildProgram(a.tr.translate(a.mem, CODE, { maxInsns: 64 }));
    store.note(p);
    store.save();

    const b = setup();
    const again = new TranslationStore(dir, b.mem, key, b.helpers);
    expect(again.stats.loaded).toBe(1);
    const q = again.take(CODE);
    expect(q && Array.from(q.code)).toEqual(Array.from(p.code));
    b.mem.dv.setUint32(CODE + 4, 0xd503203f, true); // YIELD instead of the second NOP
    expect(again.take(CODE)).toBeUndefined();
    b.mem.dv.setUint32(CODE + 4, NOP, true);
    b.mem.setProt(CODE, PAGE_SIZE, 7);
    expect(again.take(CODE)).toBeUndefined();

    const other = new TranslationStore(dir, setup().mem, { ...key, build: 'another' }, b.helpers);
    expect(other.stats.loaded).toBe(0);
    // translations for several threads (ordered store-release) are kept apart
    const parallel = new TranslationStore(dir, setup().mem, { ...key, parallel: true }, b.helpers);
    expect(parallel.stats.loaded).toBe(0);
  });

  it('keeps what other runs saved meanwhile: two runs at once leave the union of their blocks', () => {
    const dir = join(temp, 'union');
    const a = setup();
    const b = setup();
    // Both load the same (missing) file, then each translates a block of its own.
    const first = new TranslationStore(dir, a.mem, key, a.helpers);
    const second = new TranslationStore(dir, b.mem, key, b.helpers);
    first.note(buildProgram(a.tr.translate(a.mem, CODE, { maxInsns: 64 })));
    second.note(buildProgram(b.tr.translate(b.mem, CODE + 4, { maxInsns: 64 })));
    first.save();
    second.save();
    const c = setup();
    const third = new TranslationStore(dir, c.mem, key, c.helpers);
    expect(third.stats.loaded).toBe(2);
    expect(third.take(CODE)).toBeDefined();
    expect(third.take(CODE + 4)).toBeDefined();
  });

  it('ignores a damaged record and a damaged file', () => {
    const dir = join(temp, 'damaged');
    const a = setup();
    const store = new TranslationStore(dir, a.mem, key, a.helpers);
    store.note(buildProgram(a.tr.translate(a.mem, CODE, { maxInsns: 64 })));
    store.save();
    const file = join(dir, readdirSync(dir)[0]);
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 12 - 8] ^= 0x40; // in the program: the record ends with the 12 guest bytes
    writeFileSync(file, flipped);
    const b = setup();
    const again = new TranslationStore(dir, b.mem, key, b.helpers);
    expect(again.stats.loaded).toBe(1);
    expect(again.take(CODE)).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, bytes.length - 6));
    expect(new TranslationStore(dir, setup().mem, key, b.helpers).take(CODE)).toBeUndefined();
  });

  it('gives back a region image for the same bytes of all its blocks only, and refuses a damaged one', () => {
    const dir = join(temp, 'store-region');
    const a = setup();
    const store = new TranslationStore(dir, a.mem, key, a.helpers);
    // Two blocks on the page (the image is opaque to the store: any bytes will do).
    const blocks = [{ pc: CODE, size: 12 }, { pc: CODE + 4, size: 8 }];
    const image = { bytes: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 42]), needs: 1, part: 2 };
    store.noteRegion(blocks, image);
    expect(store.stats.regionsRecorded).toBe(1);
    store.save();

    const b = setup();
    const again = new TranslationStore(dir, b.mem, key, b.helpers);
    expect(again.stats.regionsLoaded).toBe(1);
    expect(again.takeRegion(CODE + 4)).toBeUndefined(); // only by its entry
    const got = again.takeRegion(CODE);
    expect(got?.blocks).toEqual(blocks);
    expect(got && Array.from(got.image.bytes)).toEqual(Array.from(image.bytes));
    expect(got?.image.needs).toBe(1);
    expect(got?.image.part).toBe(2);
    b.mem.dv.setUint32(CODE + 8, NOP, true); // the second block's last instruction
    expect(again.takeRegion(CODE)).toBeUndefined();
    b.mem.dv.setUint32(CODE + 8, BRK, true);
    b.mem.setProt(CODE, PAGE_SIZE, 7);
    expect(again.takeRegion(CODE)).toBeUndefined();
    b.mem.setProt(CODE, PAGE_SIZE, 5);
    expect(again.takeRegion(CODE)).toBeDefined();

    // One flipped bit in the image: the checksum refuses the record.
    const file = join(dir, readdirSync(dir)[0]);
    const bytes = Buffer.from(readFileSync(file));
    bytes[bytes.length - (3 + 2) * 4 - 4] ^= 0x01; // before the guest bytes (3 + 2 words), the image's last word: its byte 8
    writeFileSync(file, bytes);
    expect(new TranslationStore(dir, setup().mem, key, b.helpers).takeRegion(CODE)).toBeUndefined();
  });

  it('keeps one copy of a module that several regions share, and gives it only to regions whose holder is unchanged', () => {
    const dir = join(temp, 'store-shared');
    const a = setup();
    const store = new TranslationStore(dir, a.mem, key, a.helpers);
    const module = new Uint8Array(4000).map((_, i) => (i * 7) & 0xff);
    store.noteRegion([{ pc: CODE, size: 8 }], { bytes: module, needs: 0, part: 0 });
    store.noteRegion([{ pc: CODE + 8, size: 4 }], { bytes: module, needs: 0, part: 1 });
    store.save();
    const file = join(dir, readdirSync(dir)[0]);
    expect(readFileSync(file).length).toBeLessThan(2 * module.length); // one copy of the module

    const b = setup();
    const again = new TranslationStore(dir, b.mem, key, b.helpers);
    const second = again.takeRegion(CODE + 8);
    expect(second?.image.part).toBe(1);
    expect(second && Array.from(second.image.bytes)).toEqual(Array.from(module));
    expect(again.takeRegion(CODE)?.image.part).toBe(0);

    // The holder recorded again with another module: the other region no longer takes it.
    const c = setup();
    const third = new TranslationStore(dir, c.mem, key, c.helpers);
    third.noteRegion([{ pc: CODE, size: 8 }], { bytes: module.map((x) => x ^ 1), needs: 0, part: 0 });
    third.save();
    const d = setup();
    const fourth = new TranslationStore(dir, d.mem, key, d.helpers);
    expect(fourth.takeRegion(CODE + 8)).toBeUndefined();
    expect(fourth.takeRegion(CODE)?.image.bytes[0]).toBe(1);
  });
});

describe('the translation cache through the CLI', () => {
  // A fixed, small environment: glibc's start-up loops run once per variable, and with
  // enough of them one is promoted (compiled), which these tests should not depend on.
  const run = (cacheDir: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, '-d', 'stats', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { LANG: 'C', QEMU_USER_TS_CACHE_DIR: cacheDir },
    });
    const m = /translation cache: (?:(\d+) blocks taken of (\d+) kept, (\d+) recorded; (\d+) compiled regions taken of (\d+) kept, (\d+) recorded|(off))/.exec(r.stderr);
    const n = (i: number) => Number(m?.[i]);
    return {
      status: r.status,
      stdout: r.stdout,
      taken: n(1),
      kept: n(2),
      recorded: n(3),
      regionsTaken: n(4),
      regionsKept: n(5),
      regionsRecorded: n(6),
      promotions: Number(/promotions (\d+)/.exec(r.stderr)?.[1]),
      off: m?.[7] === 'off',
    };
  };

  for (const arch of ['riscv64', 'aarch64']) {
    it(`${arch}: a second run takes the blocks the first recorded, with the same output`, () => {
      const dir = join(temp, `cli-${arch}`);
      const hello = join(ROOT, `tests/binaries/${arch}/bin/hello`);
      const first = run(dir, hello, 'a', 'b');
      expect(first.status).toBe(0);
      expect(first.taken).toBe(0);
      expect(first.recorded).toBeGreaterThan(100);
      const second = run(dir, hello, 'a', 'b');
      expect(second.stdout).toBe(first.stdout);
      expect(second.status).toBe(0);
      expect(second.kept).toBe(first.recorded);
      // Every block recorded is taken, but the entry of a region the first run promoted,
      // which runs compiled from the start.
      expect(second.taken + second.regionsTaken).toBeGreaterThanOrEqual(first.recorded);
      expect(second.recorded).toBe(0);
      // Damage the file: the run is the same, translating afresh what it cannot take.
      const file = join(dir, readdirSync(dir)[0]);
      const bytes = Buffer.from(readFileSync(file));
      for (let i = bytes.length >> 1; i < bytes.length; i += 97) bytes[i] ^= 0x5a;
      writeFileSync(file, bytes);
      const third = run(dir, hello, 'a', 'b');
      expect(third.stdout).toBe(first.stdout);
      expect(third.status).toBe(0);
      expect(third.recorded).toBeGreaterThan(0);
    });

    it(`${arch}: a second run compiles the regions the first promoted from the start, with the same output`, () => {
      const dir = join(temp, `cli-regions-${arch}`);
      const program = join(ROOT, `tests/binaries/${arch}/bin/syscalls`);
      const first = run(dir, program);
      expect(first.status).toBe(0);
      expect(first.promotions).toBeGreaterThan(2);
      expect(first.regionsRecorded).toBe(first.promotions);
      const second = run(dir, program);
      expect(second.stdout).toBe(first.stdout);
      expect(second.status).toBe(0);
      expect(second.regionsKept).toBe(first.regionsRecorded);
      expect(second.regionsTaken).toBe(first.regionsRecorded);
      expect(second.promotions).toBeLessThan(first.promotions);
    });
  }

  it('keys the cache by the program file, not the path it was named by', () => {
    const dir = join(temp, 'cli-paths');
    const hello = join(ROOT, 'tests/binaries/riscv64/bin/hello');
    const linkDir = join(temp, 'links');
    mkdirSync(linkDir, { recursive: true });
    symlinkSync(hello, join(linkDir, 'hello'));
    const first = run(dir, hello);
    expect(first.status).toBe(0);
    expect(first.recorded).toBeGreaterThan(100);
    const second = run(dir, join(linkDir, 'hello'));
    expect(second.stdout).toBe(first.stdout);
    expect(second.kept).toBe(first.recorded);
    // (A longer argv[0] may walk a few blocks the first run did not.)
    expect(second.taken).toBeGreaterThan(first.recorded * 0.9);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tc'))).toHaveLength(1);
  });

  it('removes files not used for 30 days when it writes one', () => {
    const dir = join(temp, 'cli-prune');
    mkdirSync(dir, { recursive: true });
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    const recent = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    for (const [name, when] of [['riscv64-stale.tc', old], ['aarch64-recent.tc', recent], ['notes.txt', old]] as const) {
      writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), when, when);
    }
    expect(run(dir, join(ROOT, 'tests/binaries/riscv64/bin/hello')).recorded).toBeGreaterThan(0);
    const left = readdirSync(dir);
    expect(left).not.toContain('riscv64-stale.tc');
    expect(left).toContain('aarch64-recent.tc');
    expect(left).toContain('notes.txt');
    expect(left.filter((n) => n.endsWith('.tc'))).toHaveLength(2);
  });

  it('is off with -accel tcg,cache=off and with QEMU_USER_TS_CACHE_DIR=off', () => {
    const hello = join(ROOT, 'tests/binaries/riscv64/bin/hello');
    const dir = join(temp, 'cli-off');
    expect(run(dir, '-accel', 'tcg,cache=off', hello).off).toBe(true);
    expect(run('off', hello).off).toBe(true);
    expect(() => readdirSync(dir)).toThrow();
  });
});
