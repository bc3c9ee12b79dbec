// Tests of the AArch64 integer-class front end (a64-int.decode, trans/int*.ts): the IR the
// translator emits for branches, SVC/BRK and unallocated encodings; the system registers;
// DC ZVA; and golden snippets run through the interpreter and WebAssembly backends and
// compared register by register (x0..x3 and NZCV) with qemu-aarch64's results.
//
// The golden() table at the bottom was produced once with a generator that wrapped each snippet
// in a static harness (inputs loaded from a table, `msr nzcv` before, `mrs nzcv` after), ran it
// under qemu-aarch64 7.2 and recorded the outputs; encodings come from aarch64-linux-gnu-as
// -march=armv8-a+crc. The suite itself needs neither tool.

import { beforeEach, describe, expect, it } from 'vitest';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, JUMP_CACHE, JUMP_CACHE_ENTRIES, JUMP_CACHE_ENTRY_SIZE, PAGE_SIZE, SHARED_CODE_WORDS } from '../../src/memory/layout.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { ENV, ExitReason, Excp } from '../../src/tcg/env.js';
import type { TranslatedBlock } from '../../src/tcg/ir.js';
import type { HostBackend } from '../../src/hostbackend/backend.js';
import { InterpBackend } from '../../src/hostbackend/interp/interp.js';
import { WasmBackend } from '../../src/hostbackend/wasm/backend.js';
import { aarch64 } from '../../src/cpu/aarch64/index.js';
import { A64, xOffset } from '../../src/cpu/aarch64/state.js';
import { decodeBitMasks } from '../../src/cpu/aarch64/trans/int-gen.js';
import { A64_CNTFRQ_HZ } from '../../src/cpu/aarch64/helpers-int.js';

const CODE = 0x10000;
const DATA = 0x40000;
const ENV_BASE = ENV_AREA;
const PROT_RX = 5;
const PROT_RW = 3;
const BRK_0 = 0xd4200000;
const SVC_0 = 0xd4000001;
const NOP = 0xd503201f;

const mem = new GuestMemory();
const dv = mem.dv;
const helpers = new HelperRegistry();
const tr = aarch64.createTranslator(helpers);
const BACKENDS: Record<'interp' | 'wasm', HostBackend> = {
  interp: new InterpBackend({ mem, helpers }),
  wasm: new WasmBackend({ mem, helpers }),
};

interface GoldenCase {
  readonly asm: string;
  readonly words: readonly number[];
  readonly rows: readonly string[];
}

/** Fresh code and data pages with `words` at CODE. */
function load(words: readonly number[]): void {
  mem.setProt(0, 0x100000, 0);
  mem.rawFill(CODE, 4 * PAGE_SIZE);
  mem.rawFill(DATA, 2 * PAGE_SIZE);
  mem.setProt(CODE, 2 * PAGE_SIZE, PROT_RX);
  mem.setProt(DATA, 2 * PAGE_SIZE, PROT_RW);
  words.forEach((w, i) => dv.setUint32(CODE + 4 * i, w >>> 0, true));
  for (let i = 0; i < JUMP_CACHE_ENTRIES; i++) dv.setBigInt64(JUMP_CACHE + i * JUMP_CACHE_ENTRY_SIZE, -1n, true);
}

const x = (r: number): bigint => dv.getBigUint64(ENV_BASE + xOffset(r), true);
const setXReg = (r: number, v: bigint): void => dv.setBigUint64(ENV_BASE + xOffset(r), BigInt.asUintN(64, v), true);
const envPc = (): number => Number(dv.getBigInt64(ENV_BASE + ENV.PC, true));
const envI64 = (ofs: number): bigint => dv.getBigInt64(ENV_BASE + ofs, true);

/** Sets NZCV from a 4-bit N Z C V value, in the lazy representation of state.ts. */
function setNzcv(f: number): void {
  dv.setBigInt64(ENV_BASE + A64.NF, f & 8 ? -1n : 0n, true);
  dv.setBigInt64(ENV_BASE + A64.ZF, f & 4 ? 0n : 1n, true);
  dv.setBigInt64(ENV_BASE + A64.CF, f & 2 ? 1n : 0n, true);
  dv.setBigInt64(ENV_BASE + A64.VF, f & 1 ? -1n : 0n, true);
}
function getNzcv(): number {
  const n = envI64(A64.NF) < 0n ? 8 : 0;
  const z = envI64(A64.ZF) === 0n ? 4 : 0;
  const c = envI64(A64.CF) !== 0n ? 2 : 0;
  const v = envI64(A64.VF) < 0n ? 1 : 0;
  return n | z | c | v;
}

function resetEnv(): void {
  mem.rawFill(ENV_BASE, A64.SIZE);
  dv.setBigInt64(ENV_BASE + A64.ZF, 1n, true);
  dv.setBigInt64(ENV_BASE + A64.EXCL_ADDR, -1n, true);
  dv.setBigInt64(ENV_BASE + ENV.PC, BigInt(CODE), true);
}

function translate(words: readonly number[], maxInsns = 64): TranslatedBlock {
  load(words);
  return tr.translate(mem, CODE, { maxInsns });
}

/** Runs the loaded code from CODE until it leaves for anything but a block lookup; blocks are compiled once per pc. */
function makeRunner(backend: HostBackend) {
  const slots = new Map<number, number>();
  return (): ExitReason => {
    for (let steps = 0; steps < 1000; steps++) {
      const pc = envPc();
      let slot = slots.get(pc);
      if (slot === undefined) {
        slot = backend.compile([tr.translate(mem, pc, { maxInsns: 64 })]).slots[0];
        slots.set(pc, slot);
      }
      const reason = backend.run(slot, ENV_BASE);
      if (reason !== ExitReason.LOOKUP) return reason;
    }
    throw new Error('guest code did not finish');
  };
}

/** Loads `words` + BRK #0, runs once from a fresh env after `setup`, and returns the exit reason. */
function run(words: readonly number[], setup: () => void = () => {}, backend: HostBackend = BACKENDS.interp): ExitReason {
  load([...words, BRK_0]);
  resetEnv();
  setup();
  return makeRunner(backend)();
}
const exception = (): number => dv.getInt32(ENV_BASE + ENV.EXCEPTION, true);

beforeEach(() => resetEnv());

describe('aarch64 int: decodeBitMasks', () => {
  it('decodes the logical immediates of both widths and rejects reserved encodings', () => {
    expect(decodeBitMasks(1, 0b000000, 0, 64)).toBe(1n);
    expect(decodeBitMasks(0, 0b111100, 0, 64)).toBe(0x5555555555555555n); // esize 2
    expect(decodeBitMasks(0, 0b000111, 8, 64)).toBe(0xff000000ff000000n); // esize 32: 8 ones rotated right by 8
    expect(decodeBitMasks(0, 0b100111, 24, 32)).toBe(0xff00ff00n); // esize 16: 8 ones, rotation 24 mod 16
    expect(decodeBitMasks(1, 0b111110, 0, 64)).toBe(0x7fffffffffffffffn);
    expect(decodeBitMasks(1, 0b111110, 1, 64)).toBe(0xbfffffffffffffffn); // 63 ones rotated right by 1
    expect(decodeBitMasks(0, 0b011110, 0, 32)).toBe(0x7fffffffn);
    expect(decodeBitMasks(1, 0b111111, 0, 64)).toBeNull(); // all ones: reserved
    expect(decodeBitMasks(0, 0b111111, 0, 32)).toBeNull(); // no element size
    expect(decodeBitMasks(0, 0b011111, 0, 32)).toBeNull(); // 32 ones in a 32-bit element
    expect(decodeBitMasks(0, 0b111101, 1, 64)).toBeNull(); // esize 2 with both bits set
  });
});

describe('aarch64 int: block structure', () => {
  it('ends a block at B with one chainable successor', () => {
    const tb = translate([NOP, 0x14000002 /* b .+8 */, NOP]);
    expect(tb.insns).toHaveLength(2);
    expect(tb.successors).toEqual([CODE + 12]);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'goto_tb', consts: [CODE + 12] });
  });

  it('B.cond, CBZ and TBNZ chain to the fall-through and to the target', () => {
    expect(translate([0x54ffffe1 /* b.ne .-4 */]).successors).toEqual([CODE + 4, CODE - 4]);
    expect(translate([0xb4000063 /* cbz x3, .+12 */]).successors).toEqual([CODE + 4, CODE + 12]);
    expect(translate([0x37180085 /* tbnz w5, #3, .+16 */]).successors).toEqual([CODE + 4, CODE + 16]);
  });

  it('BL writes the return address; BR/BLR/RET leave through goto_ptr', () => {
    expect(run([0x94000002 /* bl .+8 */, BRK_0])).toBe(ExitReason.EXCEPTION);
    expect(x(30)).toBe(BigInt(CODE + 4));
    expect(envPc()).toBe(CODE + 8);
    for (const w of [0xd61f00e0, 0xd63f03c0, 0xd65f03c0]) expect(translate([w]).ops.at(-1)?.op).toBe('goto_ptr');
  });

  it('BLR x30 jumps to the old x30 and links', () => {
    expect(run([0xd63f03c0 /* blr x30 */, NOP, BRK_0], () => setXReg(30, BigInt(CODE + 8)))).toBe(ExitReason.EXCEPTION);
    expect(envPc()).toBe(CODE + 8);
    expect(x(30)).toBe(BigInt(CODE + 4));
  });

  it('SVC exits for a syscall at its own pc; BRK raises a breakpoint', () => {
    const tb = translate([NOP, SVC_0, NOP]);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'exit_tb', consts: [ExitReason.SYSCALL, CODE + 4] });
    expect(tb.size).toBe(8);
    expect(run([NOP, SVC_0])).toBe(ExitReason.SYSCALL);
    expect(envPc()).toBe(CODE + 4);
    expect(run([0xd4207d00 /* brk #1000 */])).toBe(ExitReason.EXCEPTION);
    expect(exception()).toBe(Excp.BREAKPOINT);
    expect(envPc()).toBe(CODE);
  });

  it('HINT space, barriers and CLREX run as no-ops; ISB ends the block', () => {
    const hints = [0xd503233f, 0xd50323bf, 0xd503245f, 0xd503203f, 0xd5033b9f, 0xd50339bf, 0xd5033f5f, NOP];
    expect(run(hints, () => dv.setBigInt64(ENV_BASE + A64.EXCL_ADDR, 0x1234n, true))).toBe(ExitReason.EXCEPTION);
    expect(exception()).toBe(Excp.BREAKPOINT);
    expect(envPc()).toBe(CODE + 4 * hints.length);
    expect(envI64(A64.EXCL_ADDR)).toBe(-1n);
    const tb = translate([NOP, 0xd5033fdf /* isb */, NOP]);
    expect(tb.size).toBe(8);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'goto_tb', consts: [CODE + 8] });
  });

  it('IC IVAU drops the page translations and ends the block; DC CVAU/CIVAC do nothing', () => {
    const ops = translate([0xd50b7522 /* ic ivau, x2 */, NOP]).ops;
    expect(ops.some((o) => o.op === 'call')).toBe(true);
    expect(ops.at(-1)).toMatchObject({ op: 'goto_tb', consts: [CODE + 4] });
    expect(run([0xd50b7b22, 0xd50b7e22])).toBe(ExitReason.EXCEPTION);
    expect(exception()).toBe(Excp.BREAKPOINT);
  });

  it('unallocated and EL1-only encodings are illegal instructions', () => {
    const illegal = [
      0x00000000, // udf #0
      0xd4400000, // hlt #0
      0xd4000002, // hvc #0
      0xd50330ff, // sb (FEAT_SB not implemented)
      0xd5381000, // mrs x0, sctlr_el1
      0xd51bd061, // msr tpidrro_el0, x1
      0xd5380020, // mrs x0, s3_0_c0_c0_1 (CRm = 0 of the ID space: not emulated by Linux)
      0xd50342df, // msr daifset, #2
      0x0b028020, // add w0, w1, w2, lsl #32
      0x0bc20020, // add w0, w1, w2, ror #0
      0x12400020, // and (immediate) with sf = 0, N = 1
      0x9240fc20, // and x0, x1, #<all ones>: reserved
      0x93000020, // sbfm with sf = 1, N = 0
      0x52c00000, // movz w0 with hw = 2
      0x5ac00c20, // rev64 form with sf = 0
      0x1ac24c20, // crc32x with sf = 0
      0x9ac24820, // crc32w with sf = 1
      0x8b225420, // add x0, x1, w2, uxtw #5
      0x13c28020, // extr w0, w1, w2, #0 with N = 1
      0x13828020, // extr w0, w1, w2, #32
      0xd65f0bff, // retaa (PAC not implemented)
    ];
    for (const w of illegal) {
      expect(run([w]), `0x${w.toString(16)}`).toBe(ExitReason.EXCEPTION);
      expect(exception(), `0x${w.toString(16)}`).toBe(Excp.ILLEGAL_INSN);
      expect(envPc()).toBe(CODE);
    }
  });
});

describe('aarch64 int: barriers', () => {
  it('a full DMB or DSB is an mb once there are threads (parallel translation); LD and ST forms are not', () => {
    const DMB_ISH = 0xd5033bbf;
    const DMB_SY = 0xd5033fbf;
    const DMB_ISHST = 0xd5033abf;
    const DMB_ISHLD = 0xd50339bf;
    const DSB_ISH = 0xd5033b9f;
    const mbs = (insn: number): number => translate([insn]).ops.filter((o) => o.op === 'mb').length;
    const flag = new Int32Array(mem.memory.buffer, SHARED_CODE_WORDS, 2);
    expect(mbs(DMB_ISH)).toBe(0);
    Atomics.store(flag, 1, 1);
    try {
      expect([DMB_ISH, DMB_SY, DMB_ISHST, DMB_ISHLD, DSB_ISH].map(mbs)).toEqual([1, 1, 0, 0, 1]);
    } finally {
      Atomics.store(flag, 1, 0);
    }
  });
});

describe('aarch64 int: system registers', () => {
  it('reads the constant registers as Linux and qemu-aarch64 present them', () => {
    const words = [0xd53be000, 0xd53b00e2, 0xd53b0023, 0xd5380004, 0xd53800a5, 0xd5380606, 0xd5380407, 0xd5380708, 0xd53807e9, 0xd53bd065];
    // x0 cntfrq, x2 dczid, x3 ctr, x4 midr, x5 mpidr, x6 isar0, x7 pfr0, x8 mmfr0, x9 S3_0_C0_C7_7, x5 tpidrro (last)
    expect(run(words, () => { for (let r = 0; r < 10; r++) setXReg(r, 0xaaaan); })).toBe(ExitReason.EXCEPTION);
    expect(exception()).toBe(Excp.BREAKPOINT);
    expect(x(0)).toBe(BigInt(A64_CNTFRQ_HZ));
    expect(x(0)).toBe(62_500_000n);
    expect(x(2)).toBe(7n); // 512-byte DC ZVA blocks, as qemu-aarch64
    expect(x(3)).toBe(0x80038003n);
    expect(x(4)).toBe(0x000f0510n);
    expect(x(5)).toBe(0n);
    expect(x(6)).toBe(0x210000n);
    expect(x(7)).toBe(0x11n);
    expect(x(8)).toBe(0xff000000n); // as Linux and qemu-aarch64 show it
    expect(x(9)).toBe(0n);
  });

  it('CNTVCT_EL0 is monotonic and runs at CNTFRQ', () => {
    const t0 = process.hrtime.bigint();
    run([0xd53be041 /* mrs x1, cntvct_el0 */]);
    const a = x(1);
    run([0xd53be041]);
    const t1 = process.hrtime.bigint();
    const b = x(1);
    expect(b).toBeGreaterThanOrEqual(a);
    expect(b - a).toBeLessThanOrEqual(((t1 - t0) * BigInt(A64_CNTFRQ_HZ)) / 1_000_000_000n + 1n);
  });

  it('MSR/MRS NZCV, FPCR (writable bits only), FPSR and TPIDR_EL0', () => {
    const words = [
      0xd51b4201, // msr nzcv, x1
      0xd53b4200, // mrs x0, nzcv
      0xd51b4401, // msr fpcr, x1
      0xd53b4402, // mrs x2, fpcr
      0xd51b4421, // msr fpsr, x1
      0xd53b4423, // mrs x3, fpsr
      0xd51bd041, // msr tpidr_el0, x1
      0xd53bd044, // mrs x4, tpidr_el0
    ];
    run(words, () => setXReg(1, 0xffffffffffffffffn));
    expect(x(0)).toBe(0xf0000000n);
    expect(getNzcv()).toBe(0xf);
    expect(x(2)).toBe(0x07ff0000n);
    expect(x(3)).toBe(0xf800009fn);
    expect(x(4)).toBe(0xffffffffffffffffn);
    expect(dv.getBigUint64(ENV_BASE + A64.TPIDR_EL0, true)).toBe(0xffffffffffffffffn);
    run([0xd51b4201, 0xd53b4200], () => setXReg(1, 0x60000000n));
    expect(x(0)).toBe(0x60000000n);
    expect(getNzcv()).toBe(0x6);
  });

  it('DC ZVA zeroes the aligned 512-byte block and faults like a store', () => {
    const setup = () => {
      for (let i = 0; i < 1536; i++) dv.setUint8(DATA + i, 0xee);
      setXReg(2, BigInt(DATA + 512 + 13));
    };
    expect(run([0xd50b7422 /* dc zva, x2 */], setup)).toBe(ExitReason.EXCEPTION);
    expect(exception()).toBe(Excp.BREAKPOINT);
    const bytes = Array.from(mem.u8.subarray(DATA, DATA + 1536));
    expect(bytes.slice(0, 512).every((b) => b === 0xee)).toBe(true);
    expect(bytes.slice(512, 1024).every((b) => b === 0)).toBe(true);
    expect(bytes.slice(1024).every((b) => b === 0xee)).toBe(true);
    expect(() => run([0xd50b7422], () => setXReg(2, BigInt(CODE + 8)))).toThrow(/write fault/);
  });

  it('ADR and ADRP', () => {
    run([NOP, 0x100091a0 /* adr x0, .+0x1234 */, 0xb0000021 /* adrp x1, .+0x5000 (page +5) */]);
    expect(x(0)).toBe(BigInt(CODE + 4 + 0x1234));
    expect(x(1)).toBe(BigInt(CODE + 0x5000));
  });
});

function parseRow(row: string): { xin: bigint[]; fin: number; xout: bigint[]; fout: number } {
  const [inp, out] = row.split('>');
  const i = inp.split(' ').map((h) => BigInt(`0x${h}`));
  const o = out.split(' ').map((h) => BigInt(`0x${h}`));
  return { xin: i.slice(0, 2), fin: Number(i[2]), xout: o.slice(0, 4), fout: Number(o[4]) };
}

for (const backendName of ['interp', 'wasm'] as const) {
  describe(`aarch64 int: golden snippets against qemu-aarch64 (${backendName} backend)`, () => {
    for (const c of golden()) {
      it(c.asm.replace(/\n/g, '; '), () => {
        const backend = BACKENDS[backendName];
        load([...c.words, BRK_0]);
        const runner = makeRunner(backend);
        for (const row of c.rows) {
          const r = parseRow(row);
          resetEnv();
          setXReg(0, r.xin[0]);
          setXReg(1, r.xin[1]);
          setNzcv(r.fin);
          expect(runner(), row).toBe(ExitReason.EXCEPTION);
          expect(exception(), row).toBe(Excp.BREAKPOINT);
          const got = [x(0), x(1), x(2), x(3)].map((v) => v.toString(16)).join(' ') + ` ${getNzcv().toString(16)}`;
          expect(`${row.split('>')[0]}>${got}`).toBe(row);
        }
      });
    }
  });
}

// Golden data generated under qemu-aarch64 (see the header of aarch64-int.test.ts).
// Each row, in hex: 'x0 x1 NZCV>x0 x1 x2 x3 NZCV' (x2 = x3 = 0 on entry; NZCV as PSTATE bits 31:28).
/** A function declaration, so that it is hoisted above the describe() blocks that read it. */
function golden(): readonly GoldenCase[] {
  return [
  { asm: "adds x2, x0, x1", words: [0xab010002], rows: [
    '0 0 0>0 0 0 0 4', '0 1 0>0 1 1 0 0', '0 7fffffff 0>0 7fffffff 7fffffff 0 0', '0 80000000 0>0 80000000 80000000 0 0',
    '0 ffffffff 0>0 ffffffff ffffffff 0 0', '0 7fffffffffffffff 0>0 7fffffffffffffff 7fffffffffffffff 0 0', '0 8000000000000000 0>0 8000000000000000 8000000000000000 0 8', '0 ffffffffffffffff 0>0 ffffffffffffffff ffffffffffffffff 0 8',
    '1 0 0>1 0 1 0 0', '1 1 0>1 1 2 0 0', '1 7fffffff 0>1 7fffffff 80000000 0 0', '1 80000000 0>1 80000000 80000001 0 0',
    '1 ffffffff 0>1 ffffffff 100000000 0 0', '1 7fffffffffffffff 0>1 7fffffffffffffff 8000000000000000 0 9', '1 8000000000000000 0>1 8000000000000000 8000000000000001 0 8', '1 ffffffffffffffff 0>1 ffffffffffffffff 0 0 6',
    '7fffffff 0 0>7fffffff 0 7fffffff 0 0', '7fffffff 1 0>7fffffff 1 80000000 0 0', '7fffffff 7fffffff 0>7fffffff 7fffffff fffffffe 0 0', '7fffffff 80000000 0>7fffffff 80000000 ffffffff 0 0',
    '7fffffff ffffffff 0>7fffffff ffffffff 17ffffffe 0 0', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 800000007ffffffe 0 9', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 800000007fffffff 0 8', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffffe 0 2',
    '80000000 0 0>80000000 0 80000000 0 0', '80000000 1 0>80000000 1 80000001 0 0', '80000000 7fffffff 0>80000000 7fffffff ffffffff 0 0', '80000000 80000000 0>80000000 80000000 100000000 0 0',
    '80000000 ffffffff 0>80000000 ffffffff 17fffffff 0 0', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 800000007fffffff 0 9', '80000000 8000000000000000 0>80000000 8000000000000000 8000000080000000 0 8', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7fffffff 0 2',
    'ffffffff 0 0>ffffffff 0 ffffffff 0 0', 'ffffffff 1 0>ffffffff 1 100000000 0 0', 'ffffffff 7fffffff 0>ffffffff 7fffffff 17ffffffe 0 0', 'ffffffff 80000000 0>ffffffff 80000000 17fffffff 0 0',
    'ffffffff ffffffff 0>ffffffff ffffffff 1fffffffe 0 0', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff 80000000fffffffe 0 9', 'ffffffff 8000000000000000 0>ffffffff 8000000000000000 80000000ffffffff 0 8', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff fffffffe 0 2',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 7fffffffffffffff 0 0', '7fffffffffffffff 1 0>7fffffffffffffff 1 8000000000000000 0 9', '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 800000007ffffffe 0 9', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 800000007fffffff 0 9',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff 80000000fffffffe 0 9', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff fffffffffffffffe 0 9', '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 ffffffffffffffff 0 8', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff 7ffffffffffffffe 0 2',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 0 8', '8000000000000000 1 0>8000000000000000 1 8000000000000001 0 8', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 800000007fffffff 0 8', '8000000000000000 80000000 0>8000000000000000 80000000 8000000080000000 0 8',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff 80000000ffffffff 0 8', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff ffffffffffffffff 0 8', '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 7', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 7fffffffffffffff 0 3',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff 0 8', 'ffffffffffffffff 1 0>ffffffffffffffff 1 0 0 6', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 7ffffffe 0 2', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 7fffffff 0 2',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff fffffffe 0 2', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff 7ffffffffffffffe 0 2', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 7fffffffffffffff 0 3', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffffffffffe 0 a',
  ] },
  { asm: "adds w2, w0, w1", words: [0x2b010002], rows: [
    '0 0 0>0 0 0 0 4', '0 1 0>0 1 1 0 0', '0 7fffffff 0>0 7fffffff 7fffffff 0 0', '0 80000000 0>0 80000000 80000000 0 8',
    '0 ffffffff 0>0 ffffffff ffffffff 0 8', '0 7fffffffffffffff 0>0 7fffffffffffffff ffffffff 0 8', '0 8000000000000000 0>0 8000000000000000 0 0 4', '0 ffffffffffffffff 0>0 ffffffffffffffff ffffffff 0 8',
    '1 0 0>1 0 1 0 0', '1 1 0>1 1 2 0 0', '1 7fffffff 0>1 7fffffff 80000000 0 9', '1 80000000 0>1 80000000 80000001 0 8',
    '1 ffffffff 0>1 ffffffff 0 0 6', '1 7fffffffffffffff 0>1 7fffffffffffffff 0 0 6', '1 8000000000000000 0>1 8000000000000000 1 0 0', '1 ffffffffffffffff 0>1 ffffffffffffffff 0 0 6',
    '7fffffff 0 0>7fffffff 0 7fffffff 0 0', '7fffffff 1 0>7fffffff 1 80000000 0 9', '7fffffff 7fffffff 0>7fffffff 7fffffff fffffffe 0 9', '7fffffff 80000000 0>7fffffff 80000000 ffffffff 0 8',
    '7fffffff ffffffff 0>7fffffff ffffffff 7ffffffe 0 2', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 7ffffffe 0 2', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7fffffff 0 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffffe 0 2',
    '80000000 0 0>80000000 0 80000000 0 8', '80000000 1 0>80000000 1 80000001 0 8', '80000000 7fffffff 0>80000000 7fffffff ffffffff 0 8', '80000000 80000000 0>80000000 80000000 0 0 7',
    '80000000 ffffffff 0>80000000 ffffffff 7fffffff 0 3', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 7fffffff 0 3', '80000000 8000000000000000 0>80000000 8000000000000000 80000000 0 8', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7fffffff 0 3',
    'ffffffff 0 0>ffffffff 0 ffffffff 0 8', 'ffffffff 1 0>ffffffff 1 0 0 6', 'ffffffff 7fffffff 0>ffffffff 7fffffff 7ffffffe 0 2', 'ffffffff 80000000 0>ffffffff 80000000 7fffffff 0 3',
    'ffffffff ffffffff 0>ffffffff ffffffff fffffffe 0 a', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff fffffffe 0 a', 'ffffffff 8000000000000000 0>ffffffff 8000000000000000 ffffffff 0 8', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff fffffffe 0 a',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 ffffffff 0 8', '7fffffffffffffff 1 0>7fffffffffffffff 1 0 0 6', '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 7ffffffe 0 2', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 7fffffff 0 3',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff fffffffe 0 a', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff fffffffe 0 a', '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 ffffffff 0 8', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff fffffffe 0 a',
    '8000000000000000 0 0>8000000000000000 0 0 0 4', '8000000000000000 1 0>8000000000000000 1 1 0 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 7fffffff 0 0', '8000000000000000 80000000 0>8000000000000000 80000000 80000000 0 8',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff ffffffff 0 8', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff ffffffff 0 8', '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 4', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff ffffffff 0 8',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffff 0 8', 'ffffffffffffffff 1 0>ffffffffffffffff 1 0 0 6', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 7ffffffe 0 2', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 7fffffff 0 3',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff fffffffe 0 a', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff fffffffe 0 a', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ffffffff 0 8', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffe 0 a',
  ] },
  { asm: "subs x2, x0, x1", words: [0xeb010002], rows: [
    '0 0 0>0 0 0 0 6', '0 1 0>0 1 ffffffffffffffff 0 8', '0 7fffffff 0>0 7fffffff ffffffff80000001 0 8', '0 80000000 0>0 80000000 ffffffff80000000 0 8',
    '0 ffffffff 0>0 ffffffff ffffffff00000001 0 8', '0 7fffffffffffffff 0>0 7fffffffffffffff 8000000000000001 0 8', '0 8000000000000000 0>0 8000000000000000 8000000000000000 0 9', '0 ffffffffffffffff 0>0 ffffffffffffffff 1 0 0',
    '1 0 0>1 0 1 0 2', '1 1 0>1 1 0 0 6', '1 7fffffff 0>1 7fffffff ffffffff80000002 0 8', '1 80000000 0>1 80000000 ffffffff80000001 0 8',
    '1 ffffffff 0>1 ffffffff ffffffff00000002 0 8', '1 7fffffffffffffff 0>1 7fffffffffffffff 8000000000000002 0 8', '1 8000000000000000 0>1 8000000000000000 8000000000000001 0 9', '1 ffffffffffffffff 0>1 ffffffffffffffff 2 0 0',
    '7fffffff 0 0>7fffffff 0 7fffffff 0 2', '7fffffff 1 0>7fffffff 1 7ffffffe 0 2', '7fffffff 7fffffff 0>7fffffff 7fffffff 0 0 6', '7fffffff 80000000 0>7fffffff 80000000 ffffffffffffffff 0 8',
    '7fffffff ffffffff 0>7fffffff ffffffff ffffffff80000000 0 8', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 8000000080000000 0 8', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 800000007fffffff 0 9', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 80000000 0 0',
    '80000000 0 0>80000000 0 80000000 0 2', '80000000 1 0>80000000 1 7fffffff 0 2', '80000000 7fffffff 0>80000000 7fffffff 1 0 2', '80000000 80000000 0>80000000 80000000 0 0 6',
    '80000000 ffffffff 0>80000000 ffffffff ffffffff80000001 0 8', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 8000000080000001 0 8', '80000000 8000000000000000 0>80000000 8000000000000000 8000000080000000 0 9', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 80000001 0 0',
    'ffffffff 0 0>ffffffff 0 ffffffff 0 2', 'ffffffff 1 0>ffffffff 1 fffffffe 0 2', 'ffffffff 7fffffff 0>ffffffff 7fffffff 80000000 0 2', 'ffffffff 80000000 0>ffffffff 80000000 7fffffff 0 2',
    'ffffffff ffffffff 0>ffffffff ffffffff 0 0 6', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff 8000000100000000 0 8', 'ffffffff 8000000000000000 0>ffffffff 8000000000000000 80000000ffffffff 0 9', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff 100000000 0 0',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 7fffffffffffffff 0 2', '7fffffffffffffff 1 0>7fffffffffffffff 1 7ffffffffffffffe 0 2', '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 7fffffff80000000 0 2', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 7fffffff7fffffff 0 2',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff 7fffffff00000000 0 2', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff 0 0 6', '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 ffffffffffffffff 0 9', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff 8000000000000000 0 9',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 0 a', '8000000000000000 1 0>8000000000000000 1 7fffffffffffffff 0 3', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 7fffffff80000001 0 3', '8000000000000000 80000000 0>8000000000000000 80000000 7fffffff80000000 0 3',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff 7fffffff00000001 0 3', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff 1 0 3', '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 6', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 8000000000000001 0 8',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff 0 a', 'ffffffffffffffff 1 0>ffffffffffffffff 1 fffffffffffffffe 0 a', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffffff80000000 0 a', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ffffffff7fffffff 0 a',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff ffffffff00000000 0 a', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff 8000000000000000 0 a', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 7fffffffffffffff 0 2', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 0 6',
  ] },
  { asm: "subs w2, w0, w1", words: [0x6b010002], rows: [
    '0 0 0>0 0 0 0 6', '0 1 0>0 1 ffffffff 0 8', '0 7fffffff 0>0 7fffffff 80000001 0 8', '0 80000000 0>0 80000000 80000000 0 9',
    '0 ffffffff 0>0 ffffffff 1 0 0', '0 7fffffffffffffff 0>0 7fffffffffffffff 1 0 0', '0 8000000000000000 0>0 8000000000000000 0 0 6', '0 ffffffffffffffff 0>0 ffffffffffffffff 1 0 0',
    '1 0 0>1 0 1 0 2', '1 1 0>1 1 0 0 6', '1 7fffffff 0>1 7fffffff 80000002 0 8', '1 80000000 0>1 80000000 80000001 0 9',
    '1 ffffffff 0>1 ffffffff 2 0 0', '1 7fffffffffffffff 0>1 7fffffffffffffff 2 0 0', '1 8000000000000000 0>1 8000000000000000 1 0 2', '1 ffffffffffffffff 0>1 ffffffffffffffff 2 0 0',
    '7fffffff 0 0>7fffffff 0 7fffffff 0 2', '7fffffff 1 0>7fffffff 1 7ffffffe 0 2', '7fffffff 7fffffff 0>7fffffff 7fffffff 0 0 6', '7fffffff 80000000 0>7fffffff 80000000 ffffffff 0 9',
    '7fffffff ffffffff 0>7fffffff ffffffff 80000000 0 9', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 80000000 0 9', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7fffffff 0 2', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 80000000 0 9',
    '80000000 0 0>80000000 0 80000000 0 a', '80000000 1 0>80000000 1 7fffffff 0 3', '80000000 7fffffff 0>80000000 7fffffff 1 0 3', '80000000 80000000 0>80000000 80000000 0 0 6',
    '80000000 ffffffff 0>80000000 ffffffff 80000001 0 8', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 80000001 0 8', '80000000 8000000000000000 0>80000000 8000000000000000 80000000 0 a', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 80000001 0 8',
    'ffffffff 0 0>ffffffff 0 ffffffff 0 a', 'ffffffff 1 0>ffffffff 1 fffffffe 0 a', 'ffffffff 7fffffff 0>ffffffff 7fffffff 80000000 0 a', 'ffffffff 80000000 0>ffffffff 80000000 7fffffff 0 2',
    'ffffffff ffffffff 0>ffffffff ffffffff 0 0 6', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff 0 0 6', 'ffffffff 8000000000000000 0>ffffffff 8000000000000000 ffffffff 0 a', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff 0 0 6',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 ffffffff 0 a', '7fffffffffffffff 1 0>7fffffffffffffff 1 fffffffe 0 a', '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 80000000 0 a', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 7fffffff 0 2',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff 0 0 6', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff 0 0 6', '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 ffffffff 0 a', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff 0 0 6',
    '8000000000000000 0 0>8000000000000000 0 0 0 6', '8000000000000000 1 0>8000000000000000 1 ffffffff 0 8', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 80000001 0 8', '8000000000000000 80000000 0>8000000000000000 80000000 80000000 0 9',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff 1 0 0', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff 1 0 0', '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 6', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 1 0 0',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffff 0 a', 'ffffffffffffffff 1 0>ffffffffffffffff 1 fffffffe 0 a', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 80000000 0 a', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 7fffffff 0 2',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff 0 0 6', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff 0 0 6', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ffffffff 0 a', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 0 6',
  ] },
  { asm: "adcs x2, x0, x1", words: [0xba010002], rows: [
    '0 0 0>0 0 0 0 4', '0 0 2>0 0 1 0 0', '0 1 0>0 1 1 0 0', '0 1 2>0 1 2 0 0',
    '0 7fffffff 0>0 7fffffff 7fffffff 0 0', '0 7fffffff 2>0 7fffffff 80000000 0 0', '0 80000000 0>0 80000000 80000000 0 0', '0 80000000 2>0 80000000 80000001 0 0',
    '0 ffffffff 0>0 ffffffff ffffffff 0 0', '0 ffffffff 2>0 ffffffff 100000000 0 0', '0 7fffffffffffffff 0>0 7fffffffffffffff 7fffffffffffffff 0 0', '0 7fffffffffffffff 2>0 7fffffffffffffff 8000000000000000 0 9',
    '0 8000000000000000 0>0 8000000000000000 8000000000000000 0 8', '0 8000000000000000 2>0 8000000000000000 8000000000000001 0 8', '0 ffffffffffffffff 0>0 ffffffffffffffff ffffffffffffffff 0 8', '0 ffffffffffffffff 2>0 ffffffffffffffff 0 0 6',
    '1 0 0>1 0 1 0 0', '1 0 2>1 0 2 0 0', '1 1 0>1 1 2 0 0', '1 1 2>1 1 3 0 0',
    '1 7fffffff 0>1 7fffffff 80000000 0 0', '1 7fffffff 2>1 7fffffff 80000001 0 0', '1 80000000 0>1 80000000 80000001 0 0', '1 80000000 2>1 80000000 80000002 0 0',
    '1 ffffffff 0>1 ffffffff 100000000 0 0', '1 ffffffff 2>1 ffffffff 100000001 0 0', '1 7fffffffffffffff 0>1 7fffffffffffffff 8000000000000000 0 9', '1 7fffffffffffffff 2>1 7fffffffffffffff 8000000000000001 0 9',
    '1 8000000000000000 0>1 8000000000000000 8000000000000001 0 8', '1 8000000000000000 2>1 8000000000000000 8000000000000002 0 8', '1 ffffffffffffffff 0>1 ffffffffffffffff 0 0 6', '1 ffffffffffffffff 2>1 ffffffffffffffff 1 0 2',
    '7fffffff 0 0>7fffffff 0 7fffffff 0 0', '7fffffff 0 2>7fffffff 0 80000000 0 0', '7fffffff 1 0>7fffffff 1 80000000 0 0', '7fffffff 1 2>7fffffff 1 80000001 0 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff fffffffe 0 0', '7fffffff 7fffffff 2>7fffffff 7fffffff ffffffff 0 0', '7fffffff 80000000 0>7fffffff 80000000 ffffffff 0 0', '7fffffff 80000000 2>7fffffff 80000000 100000000 0 0',
    '7fffffff ffffffff 0>7fffffff ffffffff 17ffffffe 0 0', '7fffffff ffffffff 2>7fffffff ffffffff 17fffffff 0 0', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 800000007ffffffe 0 9', '7fffffff 7fffffffffffffff 2>7fffffff 7fffffffffffffff 800000007fffffff 0 9',
    '7fffffff 8000000000000000 0>7fffffff 8000000000000000 800000007fffffff 0 8', '7fffffff 8000000000000000 2>7fffffff 8000000000000000 8000000080000000 0 8', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffffe 0 2', '7fffffff ffffffffffffffff 2>7fffffff ffffffffffffffff 7fffffff 0 2',
    '80000000 0 0>80000000 0 80000000 0 0', '80000000 0 2>80000000 0 80000001 0 0', '80000000 1 0>80000000 1 80000001 0 0', '80000000 1 2>80000000 1 80000002 0 0',
    '80000000 7fffffff 0>80000000 7fffffff ffffffff 0 0', '80000000 7fffffff 2>80000000 7fffffff 100000000 0 0', '80000000 80000000 0>80000000 80000000 100000000 0 0', '80000000 80000000 2>80000000 80000000 100000001 0 0',
    '80000000 ffffffff 0>80000000 ffffffff 17fffffff 0 0', '80000000 ffffffff 2>80000000 ffffffff 180000000 0 0', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 800000007fffffff 0 9', '80000000 7fffffffffffffff 2>80000000 7fffffffffffffff 8000000080000000 0 9',
    '80000000 8000000000000000 0>80000000 8000000000000000 8000000080000000 0 8', '80000000 8000000000000000 2>80000000 8000000000000000 8000000080000001 0 8', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7fffffff 0 2', '80000000 ffffffffffffffff 2>80000000 ffffffffffffffff 80000000 0 2',
    'ffffffff 0 0>ffffffff 0 ffffffff 0 0', 'ffffffff 0 2>ffffffff 0 100000000 0 0', 'ffffffff 1 0>ffffffff 1 100000000 0 0', 'ffffffff 1 2>ffffffff 1 100000001 0 0',
    'ffffffff 7fffffff 0>ffffffff 7fffffff 17ffffffe 0 0', 'ffffffff 7fffffff 2>ffffffff 7fffffff 17fffffff 0 0', 'ffffffff 80000000 0>ffffffff 80000000 17fffffff 0 0', 'ffffffff 80000000 2>ffffffff 80000000 180000000 0 0',
    'ffffffff ffffffff 0>ffffffff ffffffff 1fffffffe 0 0', 'ffffffff ffffffff 2>ffffffff ffffffff 1ffffffff 0 0', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff 80000000fffffffe 0 9', 'ffffffff 7fffffffffffffff 2>ffffffff 7fffffffffffffff 80000000ffffffff 0 9',
    'ffffffff 8000000000000000 0>ffffffff 8000000000000000 80000000ffffffff 0 8', 'ffffffff 8000000000000000 2>ffffffff 8000000000000000 8000000100000000 0 8', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff fffffffe 0 2', 'ffffffff ffffffffffffffff 2>ffffffff ffffffffffffffff ffffffff 0 2',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 7fffffffffffffff 0 0', '7fffffffffffffff 0 2>7fffffffffffffff 0 8000000000000000 0 9', '7fffffffffffffff 1 0>7fffffffffffffff 1 8000000000000000 0 9', '7fffffffffffffff 1 2>7fffffffffffffff 1 8000000000000001 0 9',
    '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 800000007ffffffe 0 9', '7fffffffffffffff 7fffffff 2>7fffffffffffffff 7fffffff 800000007fffffff 0 9', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 800000007fffffff 0 9', '7fffffffffffffff 80000000 2>7fffffffffffffff 80000000 8000000080000000 0 9',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff 80000000fffffffe 0 9', '7fffffffffffffff ffffffff 2>7fffffffffffffff ffffffff 80000000ffffffff 0 9', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff fffffffffffffffe 0 9', '7fffffffffffffff 7fffffffffffffff 2>7fffffffffffffff 7fffffffffffffff ffffffffffffffff 0 9',
    '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 ffffffffffffffff 0 8', '7fffffffffffffff 8000000000000000 2>7fffffffffffffff 8000000000000000 0 0 6', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff 7ffffffffffffffe 0 2', '7fffffffffffffff ffffffffffffffff 2>7fffffffffffffff ffffffffffffffff 7fffffffffffffff 0 2',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 0 8', '8000000000000000 0 2>8000000000000000 0 8000000000000001 0 8', '8000000000000000 1 0>8000000000000000 1 8000000000000001 0 8', '8000000000000000 1 2>8000000000000000 1 8000000000000002 0 8',
    '8000000000000000 7fffffff 0>8000000000000000 7fffffff 800000007fffffff 0 8', '8000000000000000 7fffffff 2>8000000000000000 7fffffff 8000000080000000 0 8', '8000000000000000 80000000 0>8000000000000000 80000000 8000000080000000 0 8', '8000000000000000 80000000 2>8000000000000000 80000000 8000000080000001 0 8',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff 80000000ffffffff 0 8', '8000000000000000 ffffffff 2>8000000000000000 ffffffff 8000000100000000 0 8', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff ffffffffffffffff 0 8', '8000000000000000 7fffffffffffffff 2>8000000000000000 7fffffffffffffff 0 0 6',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 7', '8000000000000000 8000000000000000 2>8000000000000000 8000000000000000 1 0 3', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 7fffffffffffffff 0 3', '8000000000000000 ffffffffffffffff 2>8000000000000000 ffffffffffffffff 8000000000000000 0 a',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff 0 8', 'ffffffffffffffff 0 2>ffffffffffffffff 0 0 0 6', 'ffffffffffffffff 1 0>ffffffffffffffff 1 0 0 6', 'ffffffffffffffff 1 2>ffffffffffffffff 1 1 0 2',
    'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 7ffffffe 0 2', 'ffffffffffffffff 7fffffff 2>ffffffffffffffff 7fffffff 7fffffff 0 2', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 7fffffff 0 2', 'ffffffffffffffff 80000000 2>ffffffffffffffff 80000000 80000000 0 2',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff fffffffe 0 2', 'ffffffffffffffff ffffffff 2>ffffffffffffffff ffffffff ffffffff 0 2', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff 7ffffffffffffffe 0 2', 'ffffffffffffffff 7fffffffffffffff 2>ffffffffffffffff 7fffffffffffffff 7fffffffffffffff 0 2',
    'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 7fffffffffffffff 0 3', 'ffffffffffffffff 8000000000000000 2>ffffffffffffffff 8000000000000000 8000000000000000 0 a', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffffffffffe 0 a', 'ffffffffffffffff ffffffffffffffff 2>ffffffffffffffff ffffffffffffffff ffffffffffffffff 0 a',
  ] },
  { asm: "adcs w2, w0, w1", words: [0x3a010002], rows: [
    '0 0 0>0 0 0 0 4', '0 0 2>0 0 1 0 0', '0 1 0>0 1 1 0 0', '0 1 2>0 1 2 0 0',
    '0 7fffffff 0>0 7fffffff 7fffffff 0 0', '0 7fffffff 2>0 7fffffff 80000000 0 9', '0 80000000 0>0 80000000 80000000 0 8', '0 80000000 2>0 80000000 80000001 0 8',
    '0 ffffffff 0>0 ffffffff ffffffff 0 8', '0 ffffffff 2>0 ffffffff 0 0 6', '0 7fffffffffffffff 0>0 7fffffffffffffff ffffffff 0 8', '0 7fffffffffffffff 2>0 7fffffffffffffff 0 0 6',
    '0 8000000000000000 0>0 8000000000000000 0 0 4', '0 8000000000000000 2>0 8000000000000000 1 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff ffffffff 0 8', '0 ffffffffffffffff 2>0 ffffffffffffffff 0 0 6',
    '1 0 0>1 0 1 0 0', '1 0 2>1 0 2 0 0', '1 1 0>1 1 2 0 0', '1 1 2>1 1 3 0 0',
    '1 7fffffff 0>1 7fffffff 80000000 0 9', '1 7fffffff 2>1 7fffffff 80000001 0 9', '1 80000000 0>1 80000000 80000001 0 8', '1 80000000 2>1 80000000 80000002 0 8',
    '1 ffffffff 0>1 ffffffff 0 0 6', '1 ffffffff 2>1 ffffffff 1 0 2', '1 7fffffffffffffff 0>1 7fffffffffffffff 0 0 6', '1 7fffffffffffffff 2>1 7fffffffffffffff 1 0 2',
    '1 8000000000000000 0>1 8000000000000000 1 0 0', '1 8000000000000000 2>1 8000000000000000 2 0 0', '1 ffffffffffffffff 0>1 ffffffffffffffff 0 0 6', '1 ffffffffffffffff 2>1 ffffffffffffffff 1 0 2',
    '7fffffff 0 0>7fffffff 0 7fffffff 0 0', '7fffffff 0 2>7fffffff 0 80000000 0 9', '7fffffff 1 0>7fffffff 1 80000000 0 9', '7fffffff 1 2>7fffffff 1 80000001 0 9',
    '7fffffff 7fffffff 0>7fffffff 7fffffff fffffffe 0 9', '7fffffff 7fffffff 2>7fffffff 7fffffff ffffffff 0 9', '7fffffff 80000000 0>7fffffff 80000000 ffffffff 0 8', '7fffffff 80000000 2>7fffffff 80000000 0 0 6',
    '7fffffff ffffffff 0>7fffffff ffffffff 7ffffffe 0 2', '7fffffff ffffffff 2>7fffffff ffffffff 7fffffff 0 2', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 7ffffffe 0 2', '7fffffff 7fffffffffffffff 2>7fffffff 7fffffffffffffff 7fffffff 0 2',
    '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7fffffff 0 0', '7fffffff 8000000000000000 2>7fffffff 8000000000000000 80000000 0 9', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffffe 0 2', '7fffffff ffffffffffffffff 2>7fffffff ffffffffffffffff 7fffffff 0 2',
    '80000000 0 0>80000000 0 80000000 0 8', '80000000 0 2>80000000 0 80000001 0 8', '80000000 1 0>80000000 1 80000001 0 8', '80000000 1 2>80000000 1 80000002 0 8',
    '80000000 7fffffff 0>80000000 7fffffff ffffffff 0 8', '80000000 7fffffff 2>80000000 7fffffff 0 0 6', '80000000 80000000 0>80000000 80000000 0 0 7', '80000000 80000000 2>80000000 80000000 1 0 3',
    '80000000 ffffffff 0>80000000 ffffffff 7fffffff 0 3', '80000000 ffffffff 2>80000000 ffffffff 80000000 0 a', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 7fffffff 0 3', '80000000 7fffffffffffffff 2>80000000 7fffffffffffffff 80000000 0 a',
    '80000000 8000000000000000 0>80000000 8000000000000000 80000000 0 8', '80000000 8000000000000000 2>80000000 8000000000000000 80000001 0 8', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7fffffff 0 3', '80000000 ffffffffffffffff 2>80000000 ffffffffffffffff 80000000 0 a',
    'ffffffff 0 0>ffffffff 0 ffffffff 0 8', 'ffffffff 0 2>ffffffff 0 0 0 6', 'ffffffff 1 0>ffffffff 1 0 0 6', 'ffffffff 1 2>ffffffff 1 1 0 2',
    'ffffffff 7fffffff 0>ffffffff 7fffffff 7ffffffe 0 2', 'ffffffff 7fffffff 2>ffffffff 7fffffff 7fffffff 0 2', 'ffffffff 80000000 0>ffffffff 80000000 7fffffff 0 3', 'ffffffff 80000000 2>ffffffff 80000000 80000000 0 a',
    'ffffffff ffffffff 0>ffffffff ffffffff fffffffe 0 a', 'ffffffff ffffffff 2>ffffffff ffffffff ffffffff 0 a', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff fffffffe 0 a', 'ffffffff 7fffffffffffffff 2>ffffffff 7fffffffffffffff ffffffff 0 a',
    'ffffffff 8000000000000000 0>ffffffff 8000000000000000 ffffffff 0 8', 'ffffffff 8000000000000000 2>ffffffff 8000000000000000 0 0 6', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff fffffffe 0 a', 'ffffffff ffffffffffffffff 2>ffffffff ffffffffffffffff ffffffff 0 a',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 ffffffff 0 8', '7fffffffffffffff 0 2>7fffffffffffffff 0 0 0 6', '7fffffffffffffff 1 0>7fffffffffffffff 1 0 0 6', '7fffffffffffffff 1 2>7fffffffffffffff 1 1 0 2',
    '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 7ffffffe 0 2', '7fffffffffffffff 7fffffff 2>7fffffffffffffff 7fffffff 7fffffff 0 2', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 7fffffff 0 3', '7fffffffffffffff 80000000 2>7fffffffffffffff 80000000 80000000 0 a',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff fffffffe 0 a', '7fffffffffffffff ffffffff 2>7fffffffffffffff ffffffff ffffffff 0 a', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff fffffffe 0 a', '7fffffffffffffff 7fffffffffffffff 2>7fffffffffffffff 7fffffffffffffff ffffffff 0 a',
    '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 ffffffff 0 8', '7fffffffffffffff 8000000000000000 2>7fffffffffffffff 8000000000000000 0 0 6', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff fffffffe 0 a', '7fffffffffffffff ffffffffffffffff 2>7fffffffffffffff ffffffffffffffff ffffffff 0 a',
    '8000000000000000 0 0>8000000000000000 0 0 0 4', '8000000000000000 0 2>8000000000000000 0 1 0 0', '8000000000000000 1 0>8000000000000000 1 1 0 0', '8000000000000000 1 2>8000000000000000 1 2 0 0',
    '8000000000000000 7fffffff 0>8000000000000000 7fffffff 7fffffff 0 0', '8000000000000000 7fffffff 2>8000000000000000 7fffffff 80000000 0 9', '8000000000000000 80000000 0>8000000000000000 80000000 80000000 0 8', '8000000000000000 80000000 2>8000000000000000 80000000 80000001 0 8',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff ffffffff 0 8', '8000000000000000 ffffffff 2>8000000000000000 ffffffff 0 0 6', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff ffffffff 0 8', '8000000000000000 7fffffffffffffff 2>8000000000000000 7fffffffffffffff 0 0 6',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 4', '8000000000000000 8000000000000000 2>8000000000000000 8000000000000000 1 0 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff ffffffff 0 8', '8000000000000000 ffffffffffffffff 2>8000000000000000 ffffffffffffffff 0 0 6',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffff 0 8', 'ffffffffffffffff 0 2>ffffffffffffffff 0 0 0 6', 'ffffffffffffffff 1 0>ffffffffffffffff 1 0 0 6', 'ffffffffffffffff 1 2>ffffffffffffffff 1 1 0 2',
    'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 7ffffffe 0 2', 'ffffffffffffffff 7fffffff 2>ffffffffffffffff 7fffffff 7fffffff 0 2', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 7fffffff 0 3', 'ffffffffffffffff 80000000 2>ffffffffffffffff 80000000 80000000 0 a',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff fffffffe 0 a', 'ffffffffffffffff ffffffff 2>ffffffffffffffff ffffffff ffffffff 0 a', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff fffffffe 0 a', 'ffffffffffffffff 7fffffffffffffff 2>ffffffffffffffff 7fffffffffffffff ffffffff 0 a',
    'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ffffffff 0 8', 'ffffffffffffffff 8000000000000000 2>ffffffffffffffff 8000000000000000 0 0 6', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffe 0 a', 'ffffffffffffffff ffffffffffffffff 2>ffffffffffffffff ffffffffffffffff ffffffff 0 a',
  ] },
  { asm: "sbcs x2, x0, x1", words: [0xfa010002], rows: [
    '0 0 0>0 0 ffffffffffffffff 0 8', '0 0 2>0 0 0 0 6', '0 1 0>0 1 fffffffffffffffe 0 8', '0 1 2>0 1 ffffffffffffffff 0 8',
    '0 7fffffff 0>0 7fffffff ffffffff80000000 0 8', '0 7fffffff 2>0 7fffffff ffffffff80000001 0 8', '0 80000000 0>0 80000000 ffffffff7fffffff 0 8', '0 80000000 2>0 80000000 ffffffff80000000 0 8',
    '0 ffffffff 0>0 ffffffff ffffffff00000000 0 8', '0 ffffffff 2>0 ffffffff ffffffff00000001 0 8', '0 7fffffffffffffff 0>0 7fffffffffffffff 8000000000000000 0 8', '0 7fffffffffffffff 2>0 7fffffffffffffff 8000000000000001 0 8',
    '0 8000000000000000 0>0 8000000000000000 7fffffffffffffff 0 0', '0 8000000000000000 2>0 8000000000000000 8000000000000000 0 9', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 0 4', '0 ffffffffffffffff 2>0 ffffffffffffffff 1 0 0',
    '1 0 0>1 0 0 0 6', '1 0 2>1 0 1 0 2', '1 1 0>1 1 ffffffffffffffff 0 8', '1 1 2>1 1 0 0 6',
    '1 7fffffff 0>1 7fffffff ffffffff80000001 0 8', '1 7fffffff 2>1 7fffffff ffffffff80000002 0 8', '1 80000000 0>1 80000000 ffffffff80000000 0 8', '1 80000000 2>1 80000000 ffffffff80000001 0 8',
    '1 ffffffff 0>1 ffffffff ffffffff00000001 0 8', '1 ffffffff 2>1 ffffffff ffffffff00000002 0 8', '1 7fffffffffffffff 0>1 7fffffffffffffff 8000000000000001 0 8', '1 7fffffffffffffff 2>1 7fffffffffffffff 8000000000000002 0 8',
    '1 8000000000000000 0>1 8000000000000000 8000000000000000 0 9', '1 8000000000000000 2>1 8000000000000000 8000000000000001 0 9', '1 ffffffffffffffff 0>1 ffffffffffffffff 1 0 0', '1 ffffffffffffffff 2>1 ffffffffffffffff 2 0 0',
    '7fffffff 0 0>7fffffff 0 7ffffffe 0 2', '7fffffff 0 2>7fffffff 0 7fffffff 0 2', '7fffffff 1 0>7fffffff 1 7ffffffd 0 2', '7fffffff 1 2>7fffffff 1 7ffffffe 0 2',
    '7fffffff 7fffffff 0>7fffffff 7fffffff ffffffffffffffff 0 8', '7fffffff 7fffffff 2>7fffffff 7fffffff 0 0 6', '7fffffff 80000000 0>7fffffff 80000000 fffffffffffffffe 0 8', '7fffffff 80000000 2>7fffffff 80000000 ffffffffffffffff 0 8',
    '7fffffff ffffffff 0>7fffffff ffffffff ffffffff7fffffff 0 8', '7fffffff ffffffff 2>7fffffff ffffffff ffffffff80000000 0 8', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 800000007fffffff 0 8', '7fffffff 7fffffffffffffff 2>7fffffff 7fffffffffffffff 8000000080000000 0 8',
    '7fffffff 8000000000000000 0>7fffffff 8000000000000000 800000007ffffffe 0 9', '7fffffff 8000000000000000 2>7fffffff 8000000000000000 800000007fffffff 0 9', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7fffffff 0 0', '7fffffff ffffffffffffffff 2>7fffffff ffffffffffffffff 80000000 0 0',
    '80000000 0 0>80000000 0 7fffffff 0 2', '80000000 0 2>80000000 0 80000000 0 2', '80000000 1 0>80000000 1 7ffffffe 0 2', '80000000 1 2>80000000 1 7fffffff 0 2',
    '80000000 7fffffff 0>80000000 7fffffff 0 0 6', '80000000 7fffffff 2>80000000 7fffffff 1 0 2', '80000000 80000000 0>80000000 80000000 ffffffffffffffff 0 8', '80000000 80000000 2>80000000 80000000 0 0 6',
    '80000000 ffffffff 0>80000000 ffffffff ffffffff80000000 0 8', '80000000 ffffffff 2>80000000 ffffffff ffffffff80000001 0 8', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 8000000080000000 0 8', '80000000 7fffffffffffffff 2>80000000 7fffffffffffffff 8000000080000001 0 8',
    '80000000 8000000000000000 0>80000000 8000000000000000 800000007fffffff 0 9', '80000000 8000000000000000 2>80000000 8000000000000000 8000000080000000 0 9', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 80000000 0 0', '80000000 ffffffffffffffff 2>80000000 ffffffffffffffff 80000001 0 0',
    'ffffffff 0 0>ffffffff 0 fffffffe 0 2', 'ffffffff 0 2>ffffffff 0 ffffffff 0 2', 'ffffffff 1 0>ffffffff 1 fffffffd 0 2', 'ffffffff 1 2>ffffffff 1 fffffffe 0 2',
    'ffffffff 7fffffff 0>ffffffff 7fffffff 7fffffff 0 2', 'ffffffff 7fffffff 2>ffffffff 7fffffff 80000000 0 2', 'ffffffff 80000000 0>ffffffff 80000000 7ffffffe 0 2', 'ffffffff 80000000 2>ffffffff 80000000 7fffffff 0 2',
    'ffffffff ffffffff 0>ffffffff ffffffff ffffffffffffffff 0 8', 'ffffffff ffffffff 2>ffffffff ffffffff 0 0 6', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff 80000000ffffffff 0 8', 'ffffffff 7fffffffffffffff 2>ffffffff 7fffffffffffffff 8000000100000000 0 8',
    'ffffffff 8000000000000000 0>ffffffff 8000000000000000 80000000fffffffe 0 9', 'ffffffff 8000000000000000 2>ffffffff 8000000000000000 80000000ffffffff 0 9', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff ffffffff 0 0', 'ffffffff ffffffffffffffff 2>ffffffff ffffffffffffffff 100000000 0 0',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 7ffffffffffffffe 0 2', '7fffffffffffffff 0 2>7fffffffffffffff 0 7fffffffffffffff 0 2', '7fffffffffffffff 1 0>7fffffffffffffff 1 7ffffffffffffffd 0 2', '7fffffffffffffff 1 2>7fffffffffffffff 1 7ffffffffffffffe 0 2',
    '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 7fffffff7fffffff 0 2', '7fffffffffffffff 7fffffff 2>7fffffffffffffff 7fffffff 7fffffff80000000 0 2', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 7fffffff7ffffffe 0 2', '7fffffffffffffff 80000000 2>7fffffffffffffff 80000000 7fffffff7fffffff 0 2',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff 7ffffffeffffffff 0 2', '7fffffffffffffff ffffffff 2>7fffffffffffffff ffffffff 7fffffff00000000 0 2', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff ffffffffffffffff 0 8', '7fffffffffffffff 7fffffffffffffff 2>7fffffffffffffff 7fffffffffffffff 0 0 6',
    '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 fffffffffffffffe 0 9', '7fffffffffffffff 8000000000000000 2>7fffffffffffffff 8000000000000000 ffffffffffffffff 0 9', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff 7fffffffffffffff 0 0', '7fffffffffffffff ffffffffffffffff 2>7fffffffffffffff ffffffffffffffff 8000000000000000 0 9',
    '8000000000000000 0 0>8000000000000000 0 7fffffffffffffff 0 3', '8000000000000000 0 2>8000000000000000 0 8000000000000000 0 a', '8000000000000000 1 0>8000000000000000 1 7ffffffffffffffe 0 3', '8000000000000000 1 2>8000000000000000 1 7fffffffffffffff 0 3',
    '8000000000000000 7fffffff 0>8000000000000000 7fffffff 7fffffff80000000 0 3', '8000000000000000 7fffffff 2>8000000000000000 7fffffff 7fffffff80000001 0 3', '8000000000000000 80000000 0>8000000000000000 80000000 7fffffff7fffffff 0 3', '8000000000000000 80000000 2>8000000000000000 80000000 7fffffff80000000 0 3',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff 7fffffff00000000 0 3', '8000000000000000 ffffffff 2>8000000000000000 ffffffff 7fffffff00000001 0 3', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff 0 0 7', '8000000000000000 7fffffffffffffff 2>8000000000000000 7fffffffffffffff 1 0 3',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 ffffffffffffffff 0 8', '8000000000000000 8000000000000000 2>8000000000000000 8000000000000000 0 0 6', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 8000000000000000 0 8', '8000000000000000 ffffffffffffffff 2>8000000000000000 ffffffffffffffff 8000000000000001 0 8',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 fffffffffffffffe 0 a', 'ffffffffffffffff 0 2>ffffffffffffffff 0 ffffffffffffffff 0 a', 'ffffffffffffffff 1 0>ffffffffffffffff 1 fffffffffffffffd 0 a', 'ffffffffffffffff 1 2>ffffffffffffffff 1 fffffffffffffffe 0 a',
    'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffffff7fffffff 0 a', 'ffffffffffffffff 7fffffff 2>ffffffffffffffff 7fffffff ffffffff80000000 0 a', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ffffffff7ffffffe 0 a', 'ffffffffffffffff 80000000 2>ffffffffffffffff 80000000 ffffffff7fffffff 0 a',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff fffffffeffffffff 0 a', 'ffffffffffffffff ffffffff 2>ffffffffffffffff ffffffff ffffffff00000000 0 a', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff 7fffffffffffffff 0 3', 'ffffffffffffffff 7fffffffffffffff 2>ffffffffffffffff 7fffffffffffffff 8000000000000000 0 a',
    'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 7ffffffffffffffe 0 2', 'ffffffffffffffff 8000000000000000 2>ffffffffffffffff 8000000000000000 7fffffffffffffff 0 2', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff ffffffffffffffff 0 8', 'ffffffffffffffff ffffffffffffffff 2>ffffffffffffffff ffffffffffffffff 0 0 6',
  ] },
  { asm: "sbcs w2, w0, w1", words: [0x7a010002], rows: [
    '0 0 0>0 0 ffffffff 0 8', '0 0 2>0 0 0 0 6', '0 1 0>0 1 fffffffe 0 8', '0 1 2>0 1 ffffffff 0 8',
    '0 7fffffff 0>0 7fffffff 80000000 0 8', '0 7fffffff 2>0 7fffffff 80000001 0 8', '0 80000000 0>0 80000000 7fffffff 0 0', '0 80000000 2>0 80000000 80000000 0 9',
    '0 ffffffff 0>0 ffffffff 0 0 4', '0 ffffffff 2>0 ffffffff 1 0 0', '0 7fffffffffffffff 0>0 7fffffffffffffff 0 0 4', '0 7fffffffffffffff 2>0 7fffffffffffffff 1 0 0',
    '0 8000000000000000 0>0 8000000000000000 ffffffff 0 8', '0 8000000000000000 2>0 8000000000000000 0 0 6', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 0 4', '0 ffffffffffffffff 2>0 ffffffffffffffff 1 0 0',
    '1 0 0>1 0 0 0 6', '1 0 2>1 0 1 0 2', '1 1 0>1 1 ffffffff 0 8', '1 1 2>1 1 0 0 6',
    '1 7fffffff 0>1 7fffffff 80000001 0 8', '1 7fffffff 2>1 7fffffff 80000002 0 8', '1 80000000 0>1 80000000 80000000 0 9', '1 80000000 2>1 80000000 80000001 0 9',
    '1 ffffffff 0>1 ffffffff 1 0 0', '1 ffffffff 2>1 ffffffff 2 0 0', '1 7fffffffffffffff 0>1 7fffffffffffffff 1 0 0', '1 7fffffffffffffff 2>1 7fffffffffffffff 2 0 0',
    '1 8000000000000000 0>1 8000000000000000 0 0 6', '1 8000000000000000 2>1 8000000000000000 1 0 2', '1 ffffffffffffffff 0>1 ffffffffffffffff 1 0 0', '1 ffffffffffffffff 2>1 ffffffffffffffff 2 0 0',
    '7fffffff 0 0>7fffffff 0 7ffffffe 0 2', '7fffffff 0 2>7fffffff 0 7fffffff 0 2', '7fffffff 1 0>7fffffff 1 7ffffffd 0 2', '7fffffff 1 2>7fffffff 1 7ffffffe 0 2',
    '7fffffff 7fffffff 0>7fffffff 7fffffff ffffffff 0 8', '7fffffff 7fffffff 2>7fffffff 7fffffff 0 0 6', '7fffffff 80000000 0>7fffffff 80000000 fffffffe 0 9', '7fffffff 80000000 2>7fffffff 80000000 ffffffff 0 9',
    '7fffffff ffffffff 0>7fffffff ffffffff 7fffffff 0 0', '7fffffff ffffffff 2>7fffffff ffffffff 80000000 0 9', '7fffffff 7fffffffffffffff 0>7fffffff 7fffffffffffffff 7fffffff 0 0', '7fffffff 7fffffffffffffff 2>7fffffff 7fffffffffffffff 80000000 0 9',
    '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7ffffffe 0 2', '7fffffff 8000000000000000 2>7fffffff 8000000000000000 7fffffff 0 2', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7fffffff 0 0', '7fffffff ffffffffffffffff 2>7fffffff ffffffffffffffff 80000000 0 9',
    '80000000 0 0>80000000 0 7fffffff 0 3', '80000000 0 2>80000000 0 80000000 0 a', '80000000 1 0>80000000 1 7ffffffe 0 3', '80000000 1 2>80000000 1 7fffffff 0 3',
    '80000000 7fffffff 0>80000000 7fffffff 0 0 7', '80000000 7fffffff 2>80000000 7fffffff 1 0 3', '80000000 80000000 0>80000000 80000000 ffffffff 0 8', '80000000 80000000 2>80000000 80000000 0 0 6',
    '80000000 ffffffff 0>80000000 ffffffff 80000000 0 8', '80000000 ffffffff 2>80000000 ffffffff 80000001 0 8', '80000000 7fffffffffffffff 0>80000000 7fffffffffffffff 80000000 0 8', '80000000 7fffffffffffffff 2>80000000 7fffffffffffffff 80000001 0 8',
    '80000000 8000000000000000 0>80000000 8000000000000000 7fffffff 0 3', '80000000 8000000000000000 2>80000000 8000000000000000 80000000 0 a', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 80000000 0 8', '80000000 ffffffffffffffff 2>80000000 ffffffffffffffff 80000001 0 8',
    'ffffffff 0 0>ffffffff 0 fffffffe 0 a', 'ffffffff 0 2>ffffffff 0 ffffffff 0 a', 'ffffffff 1 0>ffffffff 1 fffffffd 0 a', 'ffffffff 1 2>ffffffff 1 fffffffe 0 a',
    'ffffffff 7fffffff 0>ffffffff 7fffffff 7fffffff 0 3', 'ffffffff 7fffffff 2>ffffffff 7fffffff 80000000 0 a', 'ffffffff 80000000 0>ffffffff 80000000 7ffffffe 0 2', 'ffffffff 80000000 2>ffffffff 80000000 7fffffff 0 2',
    'ffffffff ffffffff 0>ffffffff ffffffff ffffffff 0 8', 'ffffffff ffffffff 2>ffffffff ffffffff 0 0 6', 'ffffffff 7fffffffffffffff 0>ffffffff 7fffffffffffffff ffffffff 0 8', 'ffffffff 7fffffffffffffff 2>ffffffff 7fffffffffffffff 0 0 6',
    'ffffffff 8000000000000000 0>ffffffff 8000000000000000 fffffffe 0 a', 'ffffffff 8000000000000000 2>ffffffff 8000000000000000 ffffffff 0 a', 'ffffffff ffffffffffffffff 0>ffffffff ffffffffffffffff ffffffff 0 8', 'ffffffff ffffffffffffffff 2>ffffffff ffffffffffffffff 0 0 6',
    '7fffffffffffffff 0 0>7fffffffffffffff 0 fffffffe 0 a', '7fffffffffffffff 0 2>7fffffffffffffff 0 ffffffff 0 a', '7fffffffffffffff 1 0>7fffffffffffffff 1 fffffffd 0 a', '7fffffffffffffff 1 2>7fffffffffffffff 1 fffffffe 0 a',
    '7fffffffffffffff 7fffffff 0>7fffffffffffffff 7fffffff 7fffffff 0 3', '7fffffffffffffff 7fffffff 2>7fffffffffffffff 7fffffff 80000000 0 a', '7fffffffffffffff 80000000 0>7fffffffffffffff 80000000 7ffffffe 0 2', '7fffffffffffffff 80000000 2>7fffffffffffffff 80000000 7fffffff 0 2',
    '7fffffffffffffff ffffffff 0>7fffffffffffffff ffffffff ffffffff 0 8', '7fffffffffffffff ffffffff 2>7fffffffffffffff ffffffff 0 0 6', '7fffffffffffffff 7fffffffffffffff 0>7fffffffffffffff 7fffffffffffffff ffffffff 0 8', '7fffffffffffffff 7fffffffffffffff 2>7fffffffffffffff 7fffffffffffffff 0 0 6',
    '7fffffffffffffff 8000000000000000 0>7fffffffffffffff 8000000000000000 fffffffe 0 a', '7fffffffffffffff 8000000000000000 2>7fffffffffffffff 8000000000000000 ffffffff 0 a', '7fffffffffffffff ffffffffffffffff 0>7fffffffffffffff ffffffffffffffff ffffffff 0 8', '7fffffffffffffff ffffffffffffffff 2>7fffffffffffffff ffffffffffffffff 0 0 6',
    '8000000000000000 0 0>8000000000000000 0 ffffffff 0 8', '8000000000000000 0 2>8000000000000000 0 0 0 6', '8000000000000000 1 0>8000000000000000 1 fffffffe 0 8', '8000000000000000 1 2>8000000000000000 1 ffffffff 0 8',
    '8000000000000000 7fffffff 0>8000000000000000 7fffffff 80000000 0 8', '8000000000000000 7fffffff 2>8000000000000000 7fffffff 80000001 0 8', '8000000000000000 80000000 0>8000000000000000 80000000 7fffffff 0 0', '8000000000000000 80000000 2>8000000000000000 80000000 80000000 0 9',
    '8000000000000000 ffffffff 0>8000000000000000 ffffffff 0 0 4', '8000000000000000 ffffffff 2>8000000000000000 ffffffff 1 0 0', '8000000000000000 7fffffffffffffff 0>8000000000000000 7fffffffffffffff 0 0 4', '8000000000000000 7fffffffffffffff 2>8000000000000000 7fffffffffffffff 1 0 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 ffffffff 0 8', '8000000000000000 8000000000000000 2>8000000000000000 8000000000000000 0 0 6', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 0 0 4', '8000000000000000 ffffffffffffffff 2>8000000000000000 ffffffffffffffff 1 0 0',
    'ffffffffffffffff 0 0>ffffffffffffffff 0 fffffffe 0 a', 'ffffffffffffffff 0 2>ffffffffffffffff 0 ffffffff 0 a', 'ffffffffffffffff 1 0>ffffffffffffffff 1 fffffffd 0 a', 'ffffffffffffffff 1 2>ffffffffffffffff 1 fffffffe 0 a',
    'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 7fffffff 0 3', 'ffffffffffffffff 7fffffff 2>ffffffffffffffff 7fffffff 80000000 0 a', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 7ffffffe 0 2', 'ffffffffffffffff 80000000 2>ffffffffffffffff 80000000 7fffffff 0 2',
    'ffffffffffffffff ffffffff 0>ffffffffffffffff ffffffff ffffffff 0 8', 'ffffffffffffffff ffffffff 2>ffffffffffffffff ffffffff 0 0 6', 'ffffffffffffffff 7fffffffffffffff 0>ffffffffffffffff 7fffffffffffffff ffffffff 0 8', 'ffffffffffffffff 7fffffffffffffff 2>ffffffffffffffff 7fffffffffffffff 0 0 6',
    'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 fffffffe 0 a', 'ffffffffffffffff 8000000000000000 2>ffffffffffffffff 8000000000000000 ffffffff 0 a', 'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff ffffffff 0 8', 'ffffffffffffffff ffffffffffffffff 2>ffffffffffffffff ffffffffffffffff 0 0 6',
  ] },
  { asm: "adc x2, x0, x1\nsbc w3, w0, w1", words: [0x9a010002, 0x5a010003], rows: [
    '0 0 2>0 0 1 0 2', '0 1 2>0 1 2 ffffffff 2', '0 7fffffff 2>0 7fffffff 80000000 80000001 2', '0 80000000 2>0 80000000 80000001 80000000 2',
    '0 8000000000000000 2>0 8000000000000000 8000000000000001 0 2', '0 ffffffffffffffff 2>0 ffffffffffffffff 0 1 2', '0 fedcba9876543210 2>0 fedcba9876543210 fedcba9876543211 89abcdf0 2', '1 0 2>1 0 2 1 2',
    '1 1 2>1 1 3 0 2', '1 7fffffff 2>1 7fffffff 80000001 80000002 2', '1 80000000 2>1 80000000 80000002 80000001 2', '1 8000000000000000 2>1 8000000000000000 8000000000000002 1 2',
    '1 ffffffffffffffff 2>1 ffffffffffffffff 1 2 2', '1 fedcba9876543210 2>1 fedcba9876543210 fedcba9876543212 89abcdf1 2', '7fffffff 0 2>7fffffff 0 80000000 7fffffff 2', '7fffffff 1 2>7fffffff 1 80000001 7ffffffe 2',
    '7fffffff 7fffffff 2>7fffffff 7fffffff ffffffff 0 2', '7fffffff 80000000 2>7fffffff 80000000 100000000 ffffffff 2', '7fffffff 8000000000000000 2>7fffffff 8000000000000000 8000000080000000 7fffffff 2', '7fffffff ffffffffffffffff 2>7fffffff ffffffffffffffff 7fffffff 80000000 2',
    '7fffffff fedcba9876543210 2>7fffffff fedcba9876543210 fedcba98f6543210 9abcdef 2', '80000000 0 2>80000000 0 80000001 80000000 2', '80000000 1 2>80000000 1 80000002 7fffffff 2', '80000000 7fffffff 2>80000000 7fffffff 100000000 1 2',
    '80000000 80000000 2>80000000 80000000 100000001 0 2', '80000000 8000000000000000 2>80000000 8000000000000000 8000000080000001 80000000 2', '80000000 ffffffffffffffff 2>80000000 ffffffffffffffff 80000000 80000001 2', '80000000 fedcba9876543210 2>80000000 fedcba9876543210 fedcba98f6543211 9abcdf0 2',
    '8000000000000000 0 2>8000000000000000 0 8000000000000001 0 2', '8000000000000000 1 2>8000000000000000 1 8000000000000002 ffffffff 2', '8000000000000000 7fffffff 2>8000000000000000 7fffffff 8000000080000000 80000001 2', '8000000000000000 80000000 2>8000000000000000 80000000 8000000080000001 80000000 2',
    '8000000000000000 8000000000000000 2>8000000000000000 8000000000000000 1 0 2', '8000000000000000 ffffffffffffffff 2>8000000000000000 ffffffffffffffff 8000000000000000 1 2', '8000000000000000 fedcba9876543210 2>8000000000000000 fedcba9876543210 7edcba9876543211 89abcdf0 2', 'ffffffffffffffff 0 2>ffffffffffffffff 0 0 ffffffff 2',
    'ffffffffffffffff 1 2>ffffffffffffffff 1 1 fffffffe 2', 'ffffffffffffffff 7fffffff 2>ffffffffffffffff 7fffffff 7fffffff 80000000 2', 'ffffffffffffffff 80000000 2>ffffffffffffffff 80000000 80000000 7fffffff 2', 'ffffffffffffffff 8000000000000000 2>ffffffffffffffff 8000000000000000 8000000000000000 ffffffff 2',
    'ffffffffffffffff ffffffffffffffff 2>ffffffffffffffff ffffffffffffffff ffffffffffffffff 0 2', 'ffffffffffffffff fedcba9876543210 2>ffffffffffffffff fedcba9876543210 fedcba9876543210 89abcdef 2', 'fedcba9876543210 0 2>fedcba9876543210 0 fedcba9876543211 76543210 2', 'fedcba9876543210 1 2>fedcba9876543210 1 fedcba9876543212 7654320f 2',
    'fedcba9876543210 7fffffff 2>fedcba9876543210 7fffffff fedcba98f6543210 f6543211 2', 'fedcba9876543210 80000000 2>fedcba9876543210 80000000 fedcba98f6543211 f6543210 2', 'fedcba9876543210 8000000000000000 2>fedcba9876543210 8000000000000000 7edcba9876543211 76543210 2', 'fedcba9876543210 ffffffffffffffff 2>fedcba9876543210 ffffffffffffffff fedcba9876543210 76543211 2',
    'fedcba9876543210 fedcba9876543210 2>fedcba9876543210 fedcba9876543210 fdb97530eca86421 0 2',
  ] },
  { asm: "cmn w0, #1\ncset x3, vs", words: [0x3100041f, 0x9a9f77e3], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 0 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 0 1 9', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 0 8',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 0 0 6', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 0 0 6', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 0 0 6',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 0 0 8', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 0 0 0',
  ] },
  { asm: "cmp x0, #4095, lsl #12", words: [0xf17ffc1f], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 8', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 0 0 8', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 0 0 2', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 0 2',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 0 0 2', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 0 0 2', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 3', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 0 0 a',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 0 0 2', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 0 0 a',
  ] },
  { asm: "csel x2, x0, x1, eq\ncsinc x3, x0, x1, eq", words: [0x9a810002, 0x9a810403], rows: [
    '11 22 0>11 22 22 23 0', '11 22 1>11 22 22 23 1', '11 22 2>11 22 22 23 2', '11 22 3>11 22 22 23 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 22 23 8', '11 22 9>11 22 22 23 9', '11 22 a>11 22 22 23 a', '11 22 b>11 22 22 23 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.eq 1f\nmov x2, #7\n1:", words: [0x54000040, 0xd28000e2], rows: [
    '11 22 0>11 22 7 0 0', '11 22 1>11 22 7 0 1', '11 22 2>11 22 7 0 2', '11 22 3>11 22 7 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 7 0 8', '11 22 9>11 22 7 0 9', '11 22 a>11 22 7 0 a', '11 22 b>11 22 7 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, ne\ncsinc x3, x0, x1, ne", words: [0x9a811002, 0x9a811403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 22 23 4', '11 22 5>11 22 22 23 5', '11 22 6>11 22 22 23 6', '11 22 7>11 22 22 23 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 22 23 c', '11 22 d>11 22 22 23 d', '11 22 e>11 22 22 23 e', '11 22 f>11 22 22 23 f',
  ] },
  { asm: "b.ne 1f\nmov x2, #7\n1:", words: [0x54000041, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 7 0 4', '11 22 5>11 22 7 0 5', '11 22 6>11 22 7 0 6', '11 22 7>11 22 7 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 7 0 c', '11 22 d>11 22 7 0 d', '11 22 e>11 22 7 0 e', '11 22 f>11 22 7 0 f',
  ] },
  { asm: "csel x2, x0, x1, cs\ncsinc x3, x0, x1, cs", words: [0x9a812002, 0x9a812403], rows: [
    '11 22 0>11 22 22 23 0', '11 22 1>11 22 22 23 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 22 23 4', '11 22 5>11 22 22 23 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 22 23 8', '11 22 9>11 22 22 23 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 22 23 c', '11 22 d>11 22 22 23 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.cs 1f\nmov x2, #7\n1:", words: [0x54000042, 0xd28000e2], rows: [
    '11 22 0>11 22 7 0 0', '11 22 1>11 22 7 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 7 0 4', '11 22 5>11 22 7 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 7 0 8', '11 22 9>11 22 7 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 7 0 c', '11 22 d>11 22 7 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, cc\ncsinc x3, x0, x1, cc", words: [0x9a813002, 0x9a813403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 22 23 2', '11 22 3>11 22 22 23 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 22 23 6', '11 22 7>11 22 22 23 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 22 23 a', '11 22 b>11 22 22 23 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 22 23 e', '11 22 f>11 22 22 23 f',
  ] },
  { asm: "b.cc 1f\nmov x2, #7\n1:", words: [0x54000043, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 7 0 2', '11 22 3>11 22 7 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 7 0 6', '11 22 7>11 22 7 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 7 0 a', '11 22 b>11 22 7 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 7 0 e', '11 22 f>11 22 7 0 f',
  ] },
  { asm: "csel x2, x0, x1, mi\ncsinc x3, x0, x1, mi", words: [0x9a814002, 0x9a814403], rows: [
    '11 22 0>11 22 22 23 0', '11 22 1>11 22 22 23 1', '11 22 2>11 22 22 23 2', '11 22 3>11 22 22 23 3',
    '11 22 4>11 22 22 23 4', '11 22 5>11 22 22 23 5', '11 22 6>11 22 22 23 6', '11 22 7>11 22 22 23 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.mi 1f\nmov x2, #7\n1:", words: [0x54000044, 0xd28000e2], rows: [
    '11 22 0>11 22 7 0 0', '11 22 1>11 22 7 0 1', '11 22 2>11 22 7 0 2', '11 22 3>11 22 7 0 3',
    '11 22 4>11 22 7 0 4', '11 22 5>11 22 7 0 5', '11 22 6>11 22 7 0 6', '11 22 7>11 22 7 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, pl\ncsinc x3, x0, x1, pl", words: [0x9a815002, 0x9a815403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 22 23 8', '11 22 9>11 22 22 23 9', '11 22 a>11 22 22 23 a', '11 22 b>11 22 22 23 b',
    '11 22 c>11 22 22 23 c', '11 22 d>11 22 22 23 d', '11 22 e>11 22 22 23 e', '11 22 f>11 22 22 23 f',
  ] },
  { asm: "b.pl 1f\nmov x2, #7\n1:", words: [0x54000045, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 7 0 8', '11 22 9>11 22 7 0 9', '11 22 a>11 22 7 0 a', '11 22 b>11 22 7 0 b',
    '11 22 c>11 22 7 0 c', '11 22 d>11 22 7 0 d', '11 22 e>11 22 7 0 e', '11 22 f>11 22 7 0 f',
  ] },
  { asm: "csel x2, x0, x1, vs\ncsinc x3, x0, x1, vs", words: [0x9a816002, 0x9a816403], rows: [
    '11 22 0>11 22 22 23 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 22 23 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 22 23 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 22 23 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 22 23 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 22 23 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 22 23 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 22 23 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.vs 1f\nmov x2, #7\n1:", words: [0x54000046, 0xd28000e2], rows: [
    '11 22 0>11 22 7 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 7 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 7 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 7 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 7 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 7 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 7 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 7 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, vc\ncsinc x3, x0, x1, vc", words: [0x9a817002, 0x9a817403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 22 23 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 22 23 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 22 23 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 22 23 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 22 23 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 22 23 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 22 23 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 22 23 f',
  ] },
  { asm: "b.vc 1f\nmov x2, #7\n1:", words: [0x54000047, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 7 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 7 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 7 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 7 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 7 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 7 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 7 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 7 0 f',
  ] },
  { asm: "csel x2, x0, x1, hi\ncsinc x3, x0, x1, hi", words: [0x9a818002, 0x9a818403], rows: [
    '11 22 0>11 22 22 23 0', '11 22 1>11 22 22 23 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 22 23 4', '11 22 5>11 22 22 23 5', '11 22 6>11 22 22 23 6', '11 22 7>11 22 22 23 7',
    '11 22 8>11 22 22 23 8', '11 22 9>11 22 22 23 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 22 23 c', '11 22 d>11 22 22 23 d', '11 22 e>11 22 22 23 e', '11 22 f>11 22 22 23 f',
  ] },
  { asm: "b.hi 1f\nmov x2, #7\n1:", words: [0x54000048, 0xd28000e2], rows: [
    '11 22 0>11 22 7 0 0', '11 22 1>11 22 7 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 7 0 4', '11 22 5>11 22 7 0 5', '11 22 6>11 22 7 0 6', '11 22 7>11 22 7 0 7',
    '11 22 8>11 22 7 0 8', '11 22 9>11 22 7 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 7 0 c', '11 22 d>11 22 7 0 d', '11 22 e>11 22 7 0 e', '11 22 f>11 22 7 0 f',
  ] },
  { asm: "csel x2, x0, x1, ls\ncsinc x3, x0, x1, ls", words: [0x9a819002, 0x9a819403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 22 23 2', '11 22 3>11 22 22 23 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 22 23 a', '11 22 b>11 22 22 23 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.ls 1f\nmov x2, #7\n1:", words: [0x54000049, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 7 0 2', '11 22 3>11 22 7 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 7 0 a', '11 22 b>11 22 7 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, ge\ncsinc x3, x0, x1, ge", words: [0x9a81a002, 0x9a81a403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 22 23 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 22 23 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 22 23 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 22 23 7',
    '11 22 8>11 22 22 23 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 22 23 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 22 23 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 22 23 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.ge 1f\nmov x2, #7\n1:", words: [0x5400004a, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 7 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 7 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 7 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 7 0 7',
    '11 22 8>11 22 7 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 7 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 7 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 7 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, lt\ncsinc x3, x0, x1, lt", words: [0x9a81b002, 0x9a81b403], rows: [
    '11 22 0>11 22 22 23 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 22 23 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 22 23 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 22 23 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 22 23 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 22 23 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 22 23 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 22 23 f',
  ] },
  { asm: "b.lt 1f\nmov x2, #7\n1:", words: [0x5400004b, 0xd28000e2], rows: [
    '11 22 0>11 22 7 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 7 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 7 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 7 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 7 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 7 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 7 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 7 0 f',
  ] },
  { asm: "csel x2, x0, x1, gt\ncsinc x3, x0, x1, gt", words: [0x9a81c002, 0x9a81c403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 22 23 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 22 23 3',
    '11 22 4>11 22 22 23 4', '11 22 5>11 22 22 23 5', '11 22 6>11 22 22 23 6', '11 22 7>11 22 22 23 7',
    '11 22 8>11 22 22 23 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 22 23 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 22 23 c', '11 22 d>11 22 22 23 d', '11 22 e>11 22 22 23 e', '11 22 f>11 22 22 23 f',
  ] },
  { asm: "b.gt 1f\nmov x2, #7\n1:", words: [0x5400004c, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 7 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 7 0 3',
    '11 22 4>11 22 7 0 4', '11 22 5>11 22 7 0 5', '11 22 6>11 22 7 0 6', '11 22 7>11 22 7 0 7',
    '11 22 8>11 22 7 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 7 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 7 0 c', '11 22 d>11 22 7 0 d', '11 22 e>11 22 7 0 e', '11 22 f>11 22 7 0 f',
  ] },
  { asm: "csel x2, x0, x1, le\ncsinc x3, x0, x1, le", words: [0x9a81d002, 0x9a81d403], rows: [
    '11 22 0>11 22 22 23 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 22 23 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 22 23 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 22 23 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.le 1f\nmov x2, #7\n1:", words: [0x5400004d, 0xd28000e2], rows: [
    '11 22 0>11 22 7 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 7 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 7 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 7 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, al\ncsinc x3, x0, x1, al", words: [0x9a81e002, 0x9a81e403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.al 1f\nmov x2, #7\n1:", words: [0x5400004e, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csel x2, x0, x1, nv\ncsinc x3, x0, x1, nv", words: [0x9a81f002, 0x9a81f403], rows: [
    '11 22 0>11 22 11 11 0', '11 22 1>11 22 11 11 1', '11 22 2>11 22 11 11 2', '11 22 3>11 22 11 11 3',
    '11 22 4>11 22 11 11 4', '11 22 5>11 22 11 11 5', '11 22 6>11 22 11 11 6', '11 22 7>11 22 11 11 7',
    '11 22 8>11 22 11 11 8', '11 22 9>11 22 11 11 9', '11 22 a>11 22 11 11 a', '11 22 b>11 22 11 11 b',
    '11 22 c>11 22 11 11 c', '11 22 d>11 22 11 11 d', '11 22 e>11 22 11 11 e', '11 22 f>11 22 11 11 f',
  ] },
  { asm: "b.nv 1f\nmov x2, #7\n1:", words: [0x5400004f, 0xd28000e2], rows: [
    '11 22 0>11 22 0 0 0', '11 22 1>11 22 0 0 1', '11 22 2>11 22 0 0 2', '11 22 3>11 22 0 0 3',
    '11 22 4>11 22 0 0 4', '11 22 5>11 22 0 0 5', '11 22 6>11 22 0 0 6', '11 22 7>11 22 0 0 7',
    '11 22 8>11 22 0 0 8', '11 22 9>11 22 0 0 9', '11 22 a>11 22 0 0 a', '11 22 b>11 22 0 0 b',
    '11 22 c>11 22 0 0 c', '11 22 d>11 22 0 0 d', '11 22 e>11 22 0 0 e', '11 22 f>11 22 0 0 f',
  ] },
  { asm: "csinv w2, w0, w1, ne\ncsneg x3, x0, x1, eq", words: [0x5a811002, 0xda810403], rows: [
    '5 9 0>5 9 5 fffffffffffffff7 0', '9 5 0>9 5 9 fffffffffffffffb 0', '7 7 0>7 7 7 fffffffffffffff9 0', '5 9 2>5 9 5 fffffffffffffff7 2',
    '9 5 2>9 5 9 fffffffffffffffb 2', '7 7 2>7 7 7 fffffffffffffff9 2', '5 9 4>5 9 fffffff6 5 4', '9 5 4>9 5 fffffffa 9 4',
    '7 7 4>7 7 fffffff8 7 4', '5 9 6>5 9 fffffff6 5 6', '9 5 6>9 5 fffffffa 9 6', '7 7 6>7 7 fffffff8 7 6',
    '5 9 8>5 9 5 fffffffffffffff7 8', '9 5 8>9 5 9 fffffffffffffffb 8', '7 7 8>7 7 7 fffffffffffffff9 8', '5 9 1>5 9 5 fffffffffffffff7 1',
    '9 5 1>9 5 9 fffffffffffffffb 1', '7 7 1>7 7 7 fffffffffffffff9 1', '5 9 9>5 9 5 fffffffffffffff7 9', '9 5 9>9 5 9 fffffffffffffffb 9',
    '7 7 9>7 7 7 fffffffffffffff9 9', '5 9 f>5 9 fffffff6 5 f', '9 5 f>9 5 fffffffa 9 f', '7 7 f>7 7 fffffff8 7 f',
    '5 9 a>5 9 5 fffffffffffffff7 a', '9 5 a>9 5 9 fffffffffffffffb a', '7 7 a>7 7 7 fffffffffffffff9 a', '5 9 5>5 9 fffffff6 5 5',
    '9 5 5>9 5 fffffffa 9 5', '7 7 5>7 7 fffffff8 7 5',
  ] },
  { asm: "ccmp x0, x1, #0b1010, ge\ncset x2, gt", words: [0xfa41a00a, 0x9a9fd7e2], rows: [
    '5 9 0>5 9 0 0 8', '9 5 0>9 5 1 0 2', '7 7 0>7 7 0 0 6', '5 9 2>5 9 0 0 8',
    '9 5 2>9 5 1 0 2', '7 7 2>7 7 0 0 6', '5 9 4>5 9 0 0 8', '9 5 4>9 5 1 0 2',
    '7 7 4>7 7 0 0 6', '5 9 6>5 9 0 0 8', '9 5 6>9 5 1 0 2', '7 7 6>7 7 0 0 6',
    '5 9 8>5 9 0 0 a', '9 5 8>9 5 0 0 a', '7 7 8>7 7 0 0 a', '5 9 1>5 9 0 0 a',
    '9 5 1>9 5 0 0 a', '7 7 1>7 7 0 0 a', '5 9 9>5 9 0 0 8', '9 5 9>9 5 1 0 2',
    '7 7 9>7 7 0 0 6', '5 9 f>5 9 0 0 8', '9 5 f>9 5 1 0 2', '7 7 f>7 7 0 0 6',
    '5 9 a>5 9 0 0 a', '9 5 a>9 5 0 0 a', '7 7 a>7 7 0 0 a', '5 9 5>5 9 0 0 a',
    '9 5 5>9 5 0 0 a', '7 7 5>7 7 0 0 a',
  ] },
  { asm: "ccmn w0, #3, #0b0101, lt\ncset x2, hi", words: [0x3a43b805, 0x9a9f97e2], rows: [
    '5 9 0>5 9 0 0 5', '9 5 0>9 5 0 0 5', '7 7 0>7 7 0 0 5', '5 9 2>5 9 0 0 5',
    '9 5 2>9 5 0 0 5', '7 7 2>7 7 0 0 5', '5 9 4>5 9 0 0 5', '9 5 4>9 5 0 0 5',
    '7 7 4>7 7 0 0 5', '5 9 6>5 9 0 0 5', '9 5 6>9 5 0 0 5', '7 7 6>7 7 0 0 5',
    '5 9 8>5 9 0 0 0', '9 5 8>9 5 0 0 0', '7 7 8>7 7 0 0 0', '5 9 1>5 9 0 0 0',
    '9 5 1>9 5 0 0 0', '7 7 1>7 7 0 0 0', '5 9 9>5 9 0 0 5', '9 5 9>9 5 0 0 5',
    '7 7 9>7 7 0 0 5', '5 9 f>5 9 0 0 5', '9 5 f>9 5 0 0 5', '7 7 f>7 7 0 0 5',
    '5 9 a>5 9 0 0 0', '9 5 a>9 5 0 0 0', '7 7 a>7 7 0 0 0', '5 9 5>5 9 0 0 0',
    '9 5 5>9 5 0 0 0', '7 7 5>7 7 0 0 0',
  ] },
  { asm: "ccmp w0, #5, #0b1111, eq\ncset x3, eq", words: [0x7a45080f, 0x9a9f17e3], rows: [
    '5 9 0>5 9 0 1 f', '9 5 0>9 5 0 1 f', '7 7 0>7 7 0 1 f', '5 9 2>5 9 0 1 f',
    '9 5 2>9 5 0 1 f', '7 7 2>7 7 0 1 f', '5 9 4>5 9 0 1 6', '9 5 4>9 5 0 0 2',
    '7 7 4>7 7 0 0 2', '5 9 6>5 9 0 1 6', '9 5 6>9 5 0 0 2', '7 7 6>7 7 0 0 2',
    '5 9 8>5 9 0 1 f', '9 5 8>9 5 0 1 f', '7 7 8>7 7 0 1 f', '5 9 1>5 9 0 1 f',
    '9 5 1>9 5 0 1 f', '7 7 1>7 7 0 1 f', '5 9 9>5 9 0 1 f', '9 5 9>9 5 0 1 f',
    '7 7 9>7 7 0 1 f', '5 9 f>5 9 0 1 6', '9 5 f>9 5 0 0 2', '7 7 f>7 7 0 0 2',
    '5 9 a>5 9 0 1 f', '9 5 a>9 5 0 1 f', '7 7 a>7 7 0 1 f', '5 9 5>5 9 0 1 6',
    '9 5 5>9 5 0 0 2', '7 7 5>7 7 0 0 2',
  ] },
  { asm: "and x2, x0, #0x5555555555555555\norr x3, x0, #0xff00ff00ff00ff00", words: [0x9200f002, 0xb2089c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 ff00ff00ff00ff00 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 1 ff00ff00ff00ff01 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 55555555 ff00ff00ffffffff 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 ff00ff00ff00ff00 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 55555555 ff00ff00ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 5555555555555555 ffffffffffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 ff00ff00ff00ff00 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 5555555555555555 ffffffffffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 1014545010145450 ff34ff78ffbcfff0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 5454101054541010 ffdcff98ff54ff10 0',
  ] },
  { asm: "eor w2, w0, #0x3c3c3c3c\nands x3, x0, #0x8000000000000001", words: [0x5206cc02, 0xf2410403], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 3c3c3c3c 0 4', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 3c3c3c3d 1 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 43c3c3c3 1 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d bc3c3c3c 0 4',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d c3c3c3c3 1 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d c3c3c3c3 1 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 3c3c3c3c 8000000000000000 8', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d c3c3c3c3 8000000000000001 8',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d a680e2cc 0 4', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 4a680e2c 8000000000000000 8',
  ] },
  { asm: "orr x2, xzr, #0x7ffffffffffffffe\nand w3, w0, #0xfffe", words: [0xb27ff7e2, 0x121f3803], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 7ffffffffffffffe 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 7ffffffffffffffe 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 7ffffffffffffffe fffe 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 7ffffffffffffffe 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 7ffffffffffffffe fffe 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 7ffffffffffffffe fffe 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 7ffffffffffffffe 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 7ffffffffffffffe fffe 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 7ffffffffffffffe def0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 7ffffffffffffffe 3210 0',
  ] },
  { asm: "eor x2, x0, #0x1\ntst x0, #0xc000000000000000\ncset x3, ne", words: [0xd2400002, 0xf242041f, 0x9a9f07e3], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 1 0 4', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 0 0 4', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 7ffffffe 0 4', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 80000001 0 4',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d fffffffe 0 4', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 7ffffffffffffffe 1 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 8000000000000001 1 8', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d fffffffffffffffe 1 8',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 123456789abcdef1 0 4', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d fedcba9876543211 1 8',
  ] },
  { asm: "lsl x2, x0, #5\nlsr w3, w0, #7", words: [0xd37be802, 0x53077c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 20 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d fffffffe0 ffffff 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 1000000000 1000000 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 1fffffffe0 1ffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffffffffffffffe0 1ffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffe0 1ffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 468acf13579bde00 13579bd 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d db97530eca864200 eca864 0',
  ] },
  { asm: "asr x2, x0, #63\nasr w3, w0, #31", words: [0x937ffc02, 0x131f7c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 0 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 0 0 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 ffffffff 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 0 ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 0 ffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d ffffffffffffffff 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 0 ffffffff 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d ffffffffffffffff 0 0',
  ] },
  { asm: "lsl x2, x0, #63\nlsr x3, x0, #63", words: [0xd3410002, 0xd37ffc03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 8000000000000000 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 8000000000000000 0 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 8000000000000000 0 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 8000000000000000 0 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 1 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 8000000000000000 1 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 0 0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 0 1 0',
  ] },
  { asm: "sxtb x2, w0\nsxth w3, w0", words: [0x93401c02, 0x13003c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 1 1 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d ffffffffffffffff ffffffff 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffffffffffff ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffffffffffffffff ffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d fffffffffffffff0 ffffdef0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 10 3210 0',
  ] },
  { asm: "sxtw x2, w0\nuxtb w3, w0", words: [0x93407c02, 0x53001c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 1 1 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 7fffffff ff 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d ffffffff80000000 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffffffffffff ff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffffffffffffffff ff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d ffffffff9abcdef0 f0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 76543210 10 0',
  ] },
  { asm: "uxth w2, w0\nubfx x3, x0, #12, #20", words: [0x53003c02, 0xd34c7c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 1 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d ffff 7ffff 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 80000 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffff fffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffff fffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffff fffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d def0 9abcd 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 3210 76543 0',
  ] },
  { asm: "sbfx x2, x0, #4, #8\nsbfiz w3, w0, #3, #9", words: [0x93442c02, 0x131d2003], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 0 8 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d ffffffffffffffff fffffff8 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffffffffffff fffffff8 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffffffffffffffff fffffff8 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff fffffff8 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d ffffffffffffffef 780 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 21 80 0',
  ] },
  { asm: "ubfiz x2, x0, #60, #4\nbfi x1, x0, #8, #16\nmov x3, x1", words: [0xd3440c02, 0xb3783c01, 0xaa0103e3], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefca00000d 0 deadbeefca00000d 0', '1 deadbeefcafef00d 0>1 deadbeefca00010d 1000000000000000 deadbeefca00010d 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcaffff0d f000000000000000 deadbeefcaffff0d 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefca00000d 0 deadbeefca00000d 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcaffff0d f000000000000000 deadbeefcaffff0d 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcaffff0d f000000000000000 deadbeefcaffff0d 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefca00000d 0 deadbeefca00000d 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcaffff0d f000000000000000 deadbeefcaffff0d 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcadef00d 0 deadbeefcadef00d 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefca32100d 0 deadbeefca32100d 0',
  ] },
  { asm: "bfxil w1, w0, #20, #12\nmov x2, x1\nbfi w3, w0, #28, #4", words: [0x33147c01, 0xaa0103e2, 0x33040c03], rows: [
    '0 deadbeefcafef00d 0>0 cafef000 cafef000 0 0', '1 deadbeefcafef00d 0>1 cafef000 cafef000 10000000 0', '7fffffff deadbeefcafef00d 0>7fffffff cafef7ff cafef7ff f0000000 0', '80000000 deadbeefcafef00d 0>80000000 cafef800 cafef800 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff cafeffff cafeffff f0000000 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff cafeffff cafeffff f0000000 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 cafef000 cafef000 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff cafeffff cafeffff f0000000 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 cafef9ab cafef9ab 0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 cafef765 cafef765 0 0',
  ] },
  { asm: "extr x2, x0, x1, #13\nextr w3, w0, w1, #7", words: [0x93c13402, 0x13811c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 6f56df77e57f7 195fde0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d ef56df77e57f7 395fde0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d fffef56df77e57f7 ff95fde0 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 6f56df77e57f7 195fde0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d fffef56df77e57f7 ff95fde0 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d fffef56df77e57f7 ff95fde0 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 6f56df77e57f7 195fde0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d fffef56df77e57f7 ff95fde0 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d f786f56df77e57f7 e195fde0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 9086f56df77e57f7 2195fde0 0',
  ] },
  { asm: "ror x2, x0, #1\nror w3, w0, #31", words: [0x93c00402, 0x13807c03], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 8000000000000000 2 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 800000003fffffff fffffffe 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 40000000 1 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 800000007fffffff ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d bfffffffffffffff ffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 4000000000000000 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 91a2b3c4d5e6f78 3579bde1 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 7f6e5d4c3b2a1908 eca86420 0',
  ] },
  { asm: "extr x2, x0, x1, #0\nextr w3, w1, w0, #0", words: [0x93c10002, 0x13800023], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d deadbeefcafef00d 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d deadbeefcafef00d 1 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d deadbeefcafef00d 7fffffff 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d deadbeefcafef00d 80000000 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d deadbeefcafef00d ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d deadbeefcafef00d ffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d deadbeefcafef00d 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d deadbeefcafef00d ffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d deadbeefcafef00d 9abcdef0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d deadbeefcafef00d 76543210 0',
  ] },
  { asm: "clz x2, x0\nclz w3, w0", words: [0xdac01002, 0x5ac01003], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 40 20 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 3f 1f 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 21 1 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 20 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 20 0 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 1 0 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 20 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 0 0 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 3 0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 0 1 0',
  ] },
  { asm: "cls x2, x0\ncls w3, w0", words: [0xdac01402, 0x5ac01403], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 3f 1f 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 3e 1e 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 20 0 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 1f 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 1f 1f 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 0 1f 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 1f 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 3f 1f 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 2 0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 6 0 0',
  ] },
  { asm: "rbit x2, x0\nrbit w3, w0", words: [0xdac00002, 0x5ac00003], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 8000000000000000 80000000 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d fffffffe00000000 fffffffe 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 100000000 1 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffff00000000 ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d fffffffffffffffe ffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 1 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d f7b3d591e6a2c48 f7b3d59 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 84c2a6e195d3b7f 84c2a6e 0',
  ] },
  { asm: "rev x2, x0\nrev w3, w0", words: [0xdac00c02, 0x5ac00803], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 100000000000000 1000000 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d ffffff7f00000000 ffffff7f 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 8000000000 80 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffff00000000 ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffffffffffffff7f ffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 80 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d f0debc9a78563412 f0debc9a 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 1032547698badcfe 10325476 0',
  ] },
  { asm: "rev16 x2, x0\nrev32 x3, x0", words: [0xdac00402, 0xdac00803], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 0 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 100 1000000 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d ff7fffff ffffff7f 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 800000 80 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffff ffffffff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ff7fffffffffffff ffffff7fffffffff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 80000000000000 8000000000 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ffffffffffffffff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 34127856bc9af0de 78563412f0debc9a 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d dcfe98ba54761032 98badcfe10325476 0',
  ] },
  { asm: "rev16 w2, w0\nmov x3, x1", words: [0x5ac00402, 0xaa0103e3], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 deadbeefcafef00d 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 100 deadbeefcafef00d 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d ff7fffff deadbeefcafef00d 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 800000 deadbeefcafef00d 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffff deadbeefcafef00d 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffffffff deadbeefcafef00d 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 deadbeefcafef00d 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffff deadbeefcafef00d 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d bc9af0de deadbeefcafef00d 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 54761032 deadbeefcafef00d 0',
  ] },
  { asm: "udiv x2, x0, x1\nsdiv x3, x0, x1", words: [0x9ac10802, 0x9ac10c03], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 0 0 0', '0 7fffffff 0>0 7fffffff 0 0 0', '0 80000000 0>0 80000000 0 0 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 0 0', '0 fedcba9876543210 0>0 fedcba9876543210 0 0 0', '1 0 0>1 0 0 0 0',
    '1 1 0>1 1 1 1 0', '1 7fffffff 0>1 7fffffff 0 0 0', '1 80000000 0>1 80000000 0 0 0', '1 8000000000000000 0>1 8000000000000000 0 0 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 0 ffffffffffffffff 0', '1 fedcba9876543210 0>1 fedcba9876543210 0 0 0', '7fffffff 0 0>7fffffff 0 0 0 0', '7fffffff 1 0>7fffffff 1 7fffffff 7fffffff 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 1 1 0', '7fffffff 80000000 0>7fffffff 80000000 0 0 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 0 0 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 0 ffffffff80000001 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 0 0 0', '80000000 0 0>80000000 0 0 0 0', '80000000 1 0>80000000 1 80000000 80000000 0', '80000000 7fffffff 0>80000000 7fffffff 1 1 0',
    '80000000 80000000 0>80000000 80000000 1 1 0', '80000000 8000000000000000 0>80000000 8000000000000000 0 0 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 0 ffffffff80000000 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 0 0 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 8000000000000000 8000000000000000 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 100000002 fffffffefffffffe 0', '8000000000000000 80000000 0>8000000000000000 80000000 100000000 ffffffff00000000 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 1 1 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 0 8000000000000000 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 0 70 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 0 0 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 ffffffffffffffff ffffffffffffffff 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 200000004 0 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 1ffffffff 0 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 1 0 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 1 1 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 1 0 0', 'fedcba9876543210 0 0>fedcba9876543210 0 0 0 0', 'fedcba9876543210 1 0>fedcba9876543210 1 fedcba9876543210 fedcba9876543210 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 1fdb97534 fffffffffdb97531 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 1fdb97530 fffffffffdb97531 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 1 0 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 0 123456789abcdf0 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 1 1 0',
  ] },
  { asm: "udiv w2, w0, w1\nsdiv w3, w0, w1", words: [0x1ac10802, 0x1ac10c03], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 0 0 0', '0 7fffffff 0>0 7fffffff 0 0 0', '0 80000000 0>0 80000000 0 0 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 0 0', '0 fedcba9876543210 0>0 fedcba9876543210 0 0 0', '1 0 0>1 0 0 0 0',
    '1 1 0>1 1 1 1 0', '1 7fffffff 0>1 7fffffff 0 0 0', '1 80000000 0>1 80000000 0 0 0', '1 8000000000000000 0>1 8000000000000000 0 0 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 0 ffffffff 0', '1 fedcba9876543210 0>1 fedcba9876543210 0 0 0', '7fffffff 0 0>7fffffff 0 0 0 0', '7fffffff 1 0>7fffffff 1 7fffffff 7fffffff 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 1 1 0', '7fffffff 80000000 0>7fffffff 80000000 0 0 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 0 0 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 0 80000001 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 1 1 0', '80000000 0 0>80000000 0 0 0 0', '80000000 1 0>80000000 1 80000000 80000000 0', '80000000 7fffffff 0>80000000 7fffffff 1 ffffffff 0',
    '80000000 80000000 0>80000000 80000000 1 1 0', '80000000 8000000000000000 0>80000000 8000000000000000 0 0 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 0 80000000 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 1 ffffffff 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 0 0 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 0 0 0', '8000000000000000 80000000 0>8000000000000000 80000000 0 0 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 0 0 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 0 0 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 0 0 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 ffffffff ffffffff 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 2 0 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 1 0 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 0 0 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 1 1 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 2 0 0', 'fedcba9876543210 0 0>fedcba9876543210 0 0 0 0', 'fedcba9876543210 1 0>fedcba9876543210 1 76543210 76543210 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 0 0 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 0 0 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 0 0 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 0 89abcdf0 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 1 1 0',
  ] },
  { asm: "lsl x2, x0, x1\nlsr x3, x0, x1", words: [0x9ac12002, 0x9ac12403], rows: [
    '8000000000000001 0 0>8000000000000001 0 8000000000000001 8000000000000001 0', 'fedcba9876543210 0 0>fedcba9876543210 0 fedcba9876543210 fedcba9876543210 0', '80000001 0 0>80000001 0 80000001 80000001 0', '8000000000000001 1 0>8000000000000001 1 2 4000000000000000 0',
    'fedcba9876543210 1 0>fedcba9876543210 1 fdb97530eca86420 7f6e5d4c3b2a1908 0', '80000001 1 0>80000001 1 100000002 40000000 0', '8000000000000001 1f 0>8000000000000001 1f 80000000 100000000 0', 'fedcba9876543210 1f 0>fedcba9876543210 1f 3b2a190800000000 1fdb97530 0',
    '80000001 1f 0>80000001 1f 4000000080000000 1 0', '8000000000000001 20 0>8000000000000001 20 100000000 80000000 0', 'fedcba9876543210 20 0>fedcba9876543210 20 7654321000000000 fedcba98 0', '80000001 20 0>80000001 20 8000000100000000 0 0',
    '8000000000000001 3f 0>8000000000000001 3f 8000000000000000 1 0', 'fedcba9876543210 3f 0>fedcba9876543210 3f 0 1 0', '80000001 3f 0>80000001 3f 8000000000000000 0 0', '8000000000000001 40 0>8000000000000001 40 8000000000000001 8000000000000001 0',
    'fedcba9876543210 40 0>fedcba9876543210 40 fedcba9876543210 fedcba9876543210 0', '80000001 40 0>80000001 40 80000001 80000001 0', '8000000000000001 ffffffffffffffff 0>8000000000000001 ffffffffffffffff 8000000000000000 1 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 0 1 0',
    '80000001 ffffffffffffffff 0>80000001 ffffffffffffffff 8000000000000000 0 0',
  ] },
  { asm: "asr x2, x0, x1\nror x3, x0, x1", words: [0x9ac12802, 0x9ac12c03], rows: [
    '8000000000000001 0 0>8000000000000001 0 8000000000000001 8000000000000001 0', 'fedcba9876543210 0 0>fedcba9876543210 0 fedcba9876543210 fedcba9876543210 0', '80000001 0 0>80000001 0 80000001 80000001 0', '8000000000000001 1 0>8000000000000001 1 c000000000000000 c000000000000000 0',
    'fedcba9876543210 1 0>fedcba9876543210 1 ff6e5d4c3b2a1908 7f6e5d4c3b2a1908 0', '80000001 1 0>80000001 1 40000000 8000000040000000 0', '8000000000000001 1f 0>8000000000000001 1f ffffffff00000000 300000000 0', 'fedcba9876543210 1f 0>fedcba9876543210 1f fffffffffdb97530 eca86421fdb97530 0',
    '80000001 1f 0>80000001 1f 1 200000001 0', '8000000000000001 20 0>8000000000000001 20 ffffffff80000000 180000000 0', 'fedcba9876543210 20 0>fedcba9876543210 20 fffffffffedcba98 76543210fedcba98 0', '80000001 20 0>80000001 20 0 8000000100000000 0',
    '8000000000000001 3f 0>8000000000000001 3f ffffffffffffffff 3 0', 'fedcba9876543210 3f 0>fedcba9876543210 3f ffffffffffffffff fdb97530eca86421 0', '80000001 3f 0>80000001 3f 0 100000002 0', '8000000000000001 40 0>8000000000000001 40 8000000000000001 8000000000000001 0',
    'fedcba9876543210 40 0>fedcba9876543210 40 fedcba9876543210 fedcba9876543210 0', '80000001 40 0>80000001 40 80000001 80000001 0', '8000000000000001 ffffffffffffffff 0>8000000000000001 ffffffffffffffff ffffffffffffffff 3 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff ffffffffffffffff fdb97530eca86421 0',
    '80000001 ffffffffffffffff 0>80000001 ffffffffffffffff 0 100000002 0',
  ] },
  { asm: "lsl w2, w0, w1\nlsr w3, w0, w1", words: [0x1ac12002, 0x1ac12403], rows: [
    '8000000000000001 0 0>8000000000000001 0 1 1 0', 'fedcba9876543210 0 0>fedcba9876543210 0 76543210 76543210 0', '80000001 0 0>80000001 0 80000001 80000001 0', '8000000000000001 1 0>8000000000000001 1 2 0 0',
    'fedcba9876543210 1 0>fedcba9876543210 1 eca86420 3b2a1908 0', '80000001 1 0>80000001 1 2 40000000 0', '8000000000000001 1f 0>8000000000000001 1f 80000000 0 0', 'fedcba9876543210 1f 0>fedcba9876543210 1f 0 0 0',
    '80000001 1f 0>80000001 1f 80000000 1 0', '8000000000000001 20 0>8000000000000001 20 1 1 0', 'fedcba9876543210 20 0>fedcba9876543210 20 76543210 76543210 0', '80000001 20 0>80000001 20 80000001 80000001 0',
    '8000000000000001 3f 0>8000000000000001 3f 80000000 0 0', 'fedcba9876543210 3f 0>fedcba9876543210 3f 0 0 0', '80000001 3f 0>80000001 3f 80000000 1 0', '8000000000000001 40 0>8000000000000001 40 1 1 0',
    'fedcba9876543210 40 0>fedcba9876543210 40 76543210 76543210 0', '80000001 40 0>80000001 40 80000001 80000001 0', '8000000000000001 ffffffffffffffff 0>8000000000000001 ffffffffffffffff 80000000 0 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 0 0 0',
    '80000001 ffffffffffffffff 0>80000001 ffffffffffffffff 80000000 1 0',
  ] },
  { asm: "asr w2, w0, w1\nror w3, w0, w1", words: [0x1ac12802, 0x1ac12c03], rows: [
    '8000000000000001 0 0>8000000000000001 0 1 1 0', 'fedcba9876543210 0 0>fedcba9876543210 0 76543210 76543210 0', '80000001 0 0>80000001 0 80000001 80000001 0', '8000000000000001 1 0>8000000000000001 1 0 80000000 0',
    'fedcba9876543210 1 0>fedcba9876543210 1 3b2a1908 3b2a1908 0', '80000001 1 0>80000001 1 c0000000 c0000000 0', '8000000000000001 1f 0>8000000000000001 1f 0 2 0', 'fedcba9876543210 1f 0>fedcba9876543210 1f 0 eca86420 0',
    '80000001 1f 0>80000001 1f ffffffff 3 0', '8000000000000001 20 0>8000000000000001 20 1 1 0', 'fedcba9876543210 20 0>fedcba9876543210 20 76543210 76543210 0', '80000001 20 0>80000001 20 80000001 80000001 0',
    '8000000000000001 3f 0>8000000000000001 3f 0 2 0', 'fedcba9876543210 3f 0>fedcba9876543210 3f 0 eca86420 0', '80000001 3f 0>80000001 3f ffffffff 3 0', '8000000000000001 40 0>8000000000000001 40 1 1 0',
    'fedcba9876543210 40 0>fedcba9876543210 40 76543210 76543210 0', '80000001 40 0>80000001 40 80000001 80000001 0', '8000000000000001 ffffffffffffffff 0>8000000000000001 ffffffffffffffff 0 2 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 0 eca86420 0',
    '80000001 ffffffffffffffff 0>80000001 ffffffffffffffff ffffffff 3 0',
  ] },
  { asm: "crc32b w2, w0, w1\ncrc32h w3, w0, w1", words: [0x1ac14002, 0x1ac14403], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 77073096 191b3141 0', '0 7fffffff 0>0 7fffffff 2d02ef8d be2612ff 0', '0 80000000 0>0 80000000 0 0 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff 2d02ef8d be2612ff 0', '0 fedcba9876543210 0>0 fedcba9876543210 1db71064 821543d1 0', '1 0 0>1 0 77073096 191b3141 0',
    '1 1 0>1 1 0 0 0', '1 7fffffff 0>1 7fffffff 5a05df1b a73d23be 0', '1 80000000 0>1 80000000 77073096 191b3141 0', '1 8000000000000000 0>1 8000000000000000 77073096 191b3141 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 5a05df1b a73d23be 0', '1 fedcba9876543210 0>1 fedcba9876543210 6ab020f2 9b0e7290 0', '7fffffff 0 0>7fffffff 0 2d7d1072 be266d00 0', '7fffffff 1 0>7fffffff 1 5a7a20e4 a73d5c41 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 7fffff 7fff 0', '7fffffff 80000000 0>7fffffff 80000000 2d7d1072 be266d00 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 2d7d1072 be266d00 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7fffff 7fff 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 30ca0016 3c332ed1 0', '80000000 0 0>80000000 0 800000 8000 0', '80000000 1 0>80000000 1 77873096 191bb141 0', '80000000 7fffffff 0>80000000 7fffffff 2d82ef8d be2692ff 0',
    '80000000 80000000 0>80000000 80000000 800000 8000 0', '80000000 8000000000000000 0>80000000 8000000000000000 800000 8000 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 2d82ef8d be2692ff 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 1d371064 8215c3d1 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 77073096 191b3141 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 2d02ef8d be2612ff 0', '8000000000000000 80000000 0>8000000000000000 80000000 0 0 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 2d02ef8d be2612ff 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 1db71064 821543d1 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 2dfd1072 be26ed00 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 5afa20e4 a73ddc41 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffff ffff 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 2dfd1072 be26ed00 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 2dfd1072 be26ed00 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff ffffff ffff 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 304a0016 3c33aed1 0', 'fedcba9876543210 0 0>fedcba9876543210 0 1dc14456 82153585 0', 'fedcba9876543210 1 0>fedcba9876543210 1 6ac674c0 9b0e04c4 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 30c3abdb 3c33277a 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 1dc14456 82153585 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 1dc14456 82153585 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 30c3abdb 3c33277a 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 765432 7654 0',
  ] },
  { asm: "crc32w w2, w0, w1\ncrc32x w3, w0, x1", words: [0x1ac14802, 0x9ac14c03], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 b8bc6765 ccaa009e 0', '0 7fffffff 0>0 7fffffff 3303a3c3 2b3b9004 0', '0 80000000 0>0 80000000 edb88320 b1e6b092 0',
    '0 8000000000000000 0>0 8000000000000000 0 edb88320 0', '0 ffffffffffffffff 0>0 ffffffffffffffff debb20e3 44660075 0', '0 fedcba9876543210 0>0 fedcba9876543210 10472a38 657f3d5b 0', '1 0 0>1 0 b8bc6765 ccaa009e 0',
    '1 1 0>1 1 0 0 0', '1 7fffffff 0>1 7fffffff 8bbfc4a6 e791909a 0', '1 80000000 0>1 80000000 5504e445 7d4cb00c 0', '1 8000000000000000 0>1 8000000000000000 b8bc6765 211283be 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 66074786 88cc00eb 0', '1 fedcba9876543210 0>1 fedcba9876543210 a8fb4d5d a9d53dc5 0', '7fffffff 0 0>7fffffff 0 3303a3c3 2b3b9004 0', '7fffffff 1 0>7fffffff 1 8bbfc4a6 e791909a 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 0 0 0', '7fffffff 80000000 0>7fffffff 80000000 debb20e3 9add2096 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 3303a3c3 c6831324 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff edb88320 6f5d9071 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 234489fb 4e44ad5f 0', '80000000 0 0>80000000 0 edb88320 b1e6b092 0', '80000000 1 0>80000000 1 5504e445 7d4cb00c 0', '80000000 7fffffff 0>80000000 7fffffff debb20e3 9add2096 0',
    '80000000 80000000 0>80000000 80000000 0 0 0', '80000000 8000000000000000 0>80000000 8000000000000000 edb88320 5c5e33b2 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 3303a3c3 f580b0e7 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 fdffa918 d4998dc9 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 b8bc6765 ccaa009e 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 3303a3c3 2b3b9004 0', '8000000000000000 80000000 0>8000000000000000 80000000 edb88320 b1e6b092 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 edb88320 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff debb20e3 44660075 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 10472a38 657f3d5b 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 debb20e3 9add2096 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 66074786 56772008 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff edb88320 b1e6b092 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 3303a3c3 2b3b9004 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 debb20e3 7765a3b6 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 debb20e3 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 cefc0adb ffa21dcd 0', 'fedcba9876543210 0 0>fedcba9876543210 0 10472a38 a2cadade 0', 'fedcba9876543210 1 0>fedcba9876543210 1 a8fb4d5d 6e60da40 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 234489fb 89f14ada 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 fdffa918 132c6a4c 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 10472a38 4f7259fe 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff cefc0adb e6acdaab 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 0 c7b5e785 0',
  ] },
  { asm: "crc32cb w2, w0, w1\ncrc32ch w3, w0, w1", words: [0x1ac15002, 0x1ac15403], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 f26b8303 13a29877 0', '0 7fffffff 0>0 7fffffff ad7d5351 e9e77d2 0', '0 80000000 0>0 80000000 0 0 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff ad7d5351 e9e77d2 0', '0 fedcba9876543210 0>0 fedcba9876543210 105ec76f ee1dc8c7 0', '1 0 0>1 0 f26b8303 13a29877 0',
    '1 1 0>1 1 0 0 0', '1 7fffffff 0>1 7fffffff 5f16d052 1d3cefa5 0', '1 80000000 0>1 80000000 f26b8303 13a29877 0', '1 8000000000000000 0>1 8000000000000000 f26b8303 13a29877 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 5f16d052 1d3cefa5 0', '1 fedcba9876543210 0>1 fedcba9876543210 e235446c fdbf50b0 0', '7fffffff 0 0>7fffffff 0 ad02acae e9e082d 0', '7fffffff 1 0>7fffffff 1 5f692fad 1d3c905a 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 7fffff 7fff 0', '7fffffff 80000000 0>7fffffff 80000000 ad02acae e9e082d 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 ad02acae e9e082d 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7fffff 7fff 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 bd5c6bc1 e083c0ea 0', '80000000 0 0>80000000 0 800000 8000 0', '80000000 1 0>80000000 1 f2eb8303 13a21877 0', '80000000 7fffffff 0>80000000 7fffffff adfd5351 e9ef7d2 0',
    '80000000 80000000 0>80000000 80000000 800000 8000 0', '80000000 8000000000000000 0>80000000 8000000000000000 800000 8000 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff adfd5351 e9ef7d2 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 10dec76f ee1d48c7 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 f26b8303 13a29877 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff ad7d5351 e9e77d2 0', '8000000000000000 80000000 0>8000000000000000 80000000 0 0 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff ad7d5351 e9e77d2 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 105ec76f ee1dc8c7 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 ad82acae e9e882d 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 5fe92fad 1d3c105a 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffff ffff 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ad82acae e9e882d 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ad82acae e9e882d 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff ffffff ffff 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 bddc6bc1 e08340ea 0', 'fedcba9876543210 0 0>fedcba9876543210 0 1028935d ee1dbe93 0', 'fedcba9876543210 1 0>fedcba9876543210 1 e243105e fdbf26e4 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff bd55c00c e083c941 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 1028935d ee1dbe93 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 1028935d ee1dbe93 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff bd55c00c e083c941 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 765432 7654 0',
  ] },
  { asm: "crc32cw w2, w0, w1\ncrc32cx w3, w0, x1", words: [0x1ac15802, 0x9ac15c03], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 dd45aab8 493c7d27 0', '0 7fffffff 0>0 7fffffff 356e8f40 1d759829 0', '0 80000000 0>0 80000000 82f63b78 6ea2d55c 0',
    '0 8000000000000000 0>0 8000000000000000 0 82f63b78 0', '0 ffffffffffffffff 0>0 ffffffffffffffff b798b438 c44ff94d 0', '0 fedcba9876543210 0>0 fedcba9876543210 ee8c8012 2dd793e4 0', '1 0 0>1 0 dd45aab8 493c7d27 0',
    '1 1 0>1 1 0 0 0', '1 7fffffff 0>1 7fffffff e82b25f8 5449e50e 0', '1 80000000 0>1 80000000 5fb391c0 279ea87b 0', '1 8000000000000000 0>1 8000000000000000 dd45aab8 cbca465f 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 6add1e80 8d73846a 0', '1 fedcba9876543210 0>1 fedcba9876543210 33c92aaa 64ebeec3 0', '7fffffff 0 0>7fffffff 0 356e8f40 1d759829 0', '7fffffff 1 0>7fffffff 1 e82b25f8 5449e50e 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 0 0 0', '7fffffff 80000000 0>7fffffff 80000000 b798b438 73d74d75 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 356e8f40 9f83a351 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 82f63b78 d93a6164 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 dbe20f52 30a20bcd 0', '80000000 0 0>80000000 0 82f63b78 6ea2d55c 0', '80000000 1 0>80000000 1 5fb391c0 279ea87b 0', '80000000 7fffffff 0>80000000 7fffffff b798b438 73d74d75 0',
    '80000000 80000000 0>80000000 80000000 0 0 0', '80000000 8000000000000000 0>80000000 8000000000000000 82f63b78 ec54ee24 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 356e8f40 aaed2c11 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 6c7abb6a 437546b8 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 dd45aab8 493c7d27 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 356e8f40 1d759829 0', '8000000000000000 80000000 0>8000000000000000 80000000 82f63b78 6ea2d55c 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 82f63b78 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff b798b438 c44ff94d 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 ee8c8012 2dd793e4 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 b798b438 73d74d75 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 6add1e80 3aeb3052 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 82f63b78 6ea2d55c 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 356e8f40 1d759829 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 b798b438 f121760d 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 b798b438 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 5914342a 5e00de91 0', 'fedcba9876543210 0 0>fedcba9876543210 0 ee8c8012 ba31aa5f 0', 'fedcba9876543210 1 0>fedcba9876543210 1 33c92aaa f30dd778 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff dbe20f52 a7443276 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 6c7abb6a d4937f03 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 ee8c8012 38c79127 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 5914342a 7e7e5312 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 0 97e639bb 0',
  ] },
  { asm: "madd x2, x0, x1, x0\nmsub w3, w0, w1, w1", words: [0x9b010002, 0x1b018403], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 0 1 0', '0 7fffffff 0>0 7fffffff 0 7fffffff 0', '0 80000000 0>0 80000000 0 80000000 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 ffffffff 0', '0 fedcba9876543210 0>0 fedcba9876543210 0 76543210 0', '1 0 0>1 0 1 0 0',
    '1 1 0>1 1 2 0 0', '1 7fffffff 0>1 7fffffff 80000000 0 0', '1 80000000 0>1 80000000 80000001 0 0', '1 8000000000000000 0>1 8000000000000000 8000000000000001 0 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 0 0 0', '1 fedcba9876543210 0>1 fedcba9876543210 fedcba9876543211 0 0', '7fffffff 0 0>7fffffff 0 7fffffff 0 0', '7fffffff 1 0>7fffffff 1 fffffffe 80000002 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 3fffffff80000000 7ffffffe 0', '7fffffff 80000000 0>7fffffff 80000000 3fffffffffffffff 0 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 800000007fffffff 0 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 0 7ffffffe 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 3c4d5e7009abcdef eca86420 0', '80000000 0 0>80000000 0 80000000 0 0', '80000000 1 0>80000000 1 100000000 80000001 0', '80000000 7fffffff 0>80000000 7fffffff 4000000000000000 ffffffff 0',
    '80000000 80000000 0>80000000 80000000 4000000080000000 80000000 0', '80000000 8000000000000000 0>80000000 8000000000000000 80000000 0 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 0 7fffffff 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 3b2a190880000000 76543210 0',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 0 0', '8000000000000000 1 0>8000000000000000 1 0 1 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 0 7fffffff 0', '8000000000000000 80000000 0>8000000000000000 80000000 8000000000000000 80000000 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 8000000000000000 0 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 0 ffffffff 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 8000000000000000 76543210 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff 0 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 fffffffffffffffe 2 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffffff80000000 fffffffe 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ffffffff7fffffff 0 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 7fffffffffffffff 0 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 fffffffe 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 123456789abcdef eca86420 0', 'fedcba9876543210 0 0>fedcba9876543210 0 fedcba9876543210 0 0', 'fedcba9876543210 1 0>fedcba9876543210 1 fdb97530eca86420 89abcdf1 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 3b2a190800000000 f654320f 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 3a06d3a076543210 80000000 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 fedcba9876543210 0 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 0 7654320f 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 ddc927701a9e7310 d209f110 0',
  ] },
  { asm: "smull x2, w0, w1\numull x3, w0, w1", words: [0x9b217c02, 0x9ba17c03], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 0 0 0', '0 7fffffff 0>0 7fffffff 0 0 0', '0 80000000 0>0 80000000 0 0 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 0 0', '0 fedcba9876543210 0>0 fedcba9876543210 0 0 0', '1 0 0>1 0 0 0 0',
    '1 1 0>1 1 1 1 0', '1 7fffffff 0>1 7fffffff 7fffffff 7fffffff 0', '1 80000000 0>1 80000000 ffffffff80000000 80000000 0', '1 8000000000000000 0>1 8000000000000000 0 0 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff ffffffffffffffff ffffffff 0', '1 fedcba9876543210 0>1 fedcba9876543210 76543210 76543210 0', '7fffffff 0 0>7fffffff 0 0 0 0', '7fffffff 1 0>7fffffff 1 7fffffff 7fffffff 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 3fffffff00000001 3fffffff00000001 0', '7fffffff 80000000 0>7fffffff 80000000 c000000080000000 3fffffff80000000 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 0 0 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff ffffffff80000001 7ffffffe80000001 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 3b2a190789abcdf0 3b2a190789abcdf0 0', '80000000 0 0>80000000 0 0 0 0', '80000000 1 0>80000000 1 ffffffff80000000 80000000 0', '80000000 7fffffff 0>80000000 7fffffff c000000080000000 3fffffff80000000 0',
    '80000000 80000000 0>80000000 80000000 4000000000000000 4000000000000000 0', '80000000 8000000000000000 0>80000000 8000000000000000 0 0 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 80000000 7fffffff80000000 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 c4d5e6f800000000 3b2a190800000000 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 0 0 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 0 0 0', '8000000000000000 80000000 0>8000000000000000 80000000 0 0 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 0 0 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 0 0 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 0 0 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 ffffffffffffffff ffffffff 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffffff80000001 7ffffffe80000001 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 80000000 7fffffff80000000 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 0 0 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 1 fffffffe00000001 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 ffffffff89abcdf0 7654320f89abcdf0 0', 'fedcba9876543210 0 0>fedcba9876543210 0 0 0 0', 'fedcba9876543210 1 0>fedcba9876543210 1 76543210 76543210 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 3b2a190789abcdf0 3b2a190789abcdf0 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 c4d5e6f800000000 3b2a190800000000 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 0 0 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff ffffffff89abcdf0 7654320f89abcdf0 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 36b1b9d7a44a4100 36b1b9d7a44a4100 0',
  ] },
  { asm: "smaddl x2, w0, w1, x1\numsubl x3, w0, w1, x0", words: [0x9b210402, 0x9ba18003], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 1 0 0', '0 7fffffff 0>0 7fffffff 7fffffff 0 0', '0 80000000 0>0 80000000 80000000 0 0',
    '0 8000000000000000 0>0 8000000000000000 8000000000000000 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff ffffffffffffffff 0 0', '0 fedcba9876543210 0>0 fedcba9876543210 fedcba9876543210 0 0', '1 0 0>1 0 0 1 0',
    '1 1 0>1 1 2 0 0', '1 7fffffff 0>1 7fffffff fffffffe ffffffff80000002 0', '1 80000000 0>1 80000000 0 ffffffff80000001 0', '1 8000000000000000 0>1 8000000000000000 8000000000000000 1 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff fffffffffffffffe ffffffff00000002 0', '1 fedcba9876543210 0>1 fedcba9876543210 fedcba98eca86420 ffffffff89abcdf1 0', '7fffffff 0 0>7fffffff 0 0 7fffffff 0', '7fffffff 1 0>7fffffff 1 80000000 0 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 3fffffff80000000 c00000017ffffffe 0', '7fffffff 80000000 0>7fffffff 80000000 c000000100000000 c0000000ffffffff 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 8000000000000000 7fffffff 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff ffffffff80000000 80000001fffffffe 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 3a06d3a000000000 c4d5e6f8f654320f 0', '80000000 0 0>80000000 0 0 80000000 0', '80000000 1 0>80000000 1 ffffffff80000001 0 0', '80000000 7fffffff 0>80000000 7fffffff c0000000ffffffff c000000100000000 0',
    '80000000 80000000 0>80000000 80000000 4000000080000000 c000000080000000 0', '80000000 8000000000000000 0>80000000 8000000000000000 8000000000000000 80000000 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7fffffff 8000000100000000 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 c3b2a19076543210 c4d5e6f880000000 0',
    '8000000000000000 0 0>8000000000000000 0 0 8000000000000000 0', '8000000000000000 1 0>8000000000000000 1 1 8000000000000000 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 7fffffff 8000000000000000 0', '8000000000000000 80000000 0>8000000000000000 80000000 80000000 8000000000000000 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 8000000000000000 8000000000000000 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff ffffffffffffffff 8000000000000000 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 fedcba9876543210 8000000000000000 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 0 ffffffffffffffff 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 0 ffffffff00000000 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 0 800000017ffffffe 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 100000000 800000007fffffff 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 8000000000000000 ffffffffffffffff 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 1fffffffe 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 fedcba9800000000 89abcdf07654320f 0', 'fedcba9876543210 0 0>fedcba9876543210 0 0 fedcba9876543210 0', 'fedcba9876543210 1 0>fedcba9876543210 1 76543211 fedcba9800000000 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 3b2a190809abcdef c3b2a190eca86420 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 c4d5e6f880000000 c3b2a19076543210 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 8000000000000000 fedcba9876543210 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff ffffffff89abcdef 88888888eca86420 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 358e74701a9e7310 c82b00c0d209f110 0',
  ] },
  { asm: "smulh x2, x0, x1\numulh x3, x0, x1", words: [0x9b417c02, 0x9bc17c03], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 0 0 0', '0 7fffffff 0>0 7fffffff 0 0 0', '0 80000000 0>0 80000000 0 0 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 0 0', '0 fedcba9876543210 0>0 fedcba9876543210 0 0 0', '1 0 0>1 0 0 0 0',
    '1 1 0>1 1 0 0 0', '1 7fffffff 0>1 7fffffff 0 0 0', '1 80000000 0>1 80000000 0 0 0', '1 8000000000000000 0>1 8000000000000000 ffffffffffffffff 0 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff ffffffffffffffff 0 0', '1 fedcba9876543210 0>1 fedcba9876543210 ffffffffffffffff 0 0', '7fffffff 0 0>7fffffff 0 0 0 0', '7fffffff 1 0>7fffffff 1 0 0 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 0 0 0', '7fffffff 80000000 0>7fffffff 80000000 0 0 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 ffffffffc0000000 3fffffff 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff ffffffffffffffff 7ffffffe 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 ffffffffff6e5d4c 7f6e5d4b 0', '80000000 0 0>80000000 0 0 0 0', '80000000 1 0>80000000 1 0 0 0', '80000000 7fffffff 0>80000000 7fffffff 0 0 0',
    '80000000 80000000 0>80000000 80000000 0 0 0', '80000000 8000000000000000 0>80000000 8000000000000000 ffffffffc0000000 40000000 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff ffffffffffffffff 7fffffff 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 ffffffffff6e5d4c 7f6e5d4c 0',
    '8000000000000000 0 0>8000000000000000 0 0 0 0', '8000000000000000 1 0>8000000000000000 1 ffffffffffffffff 0 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff ffffffffc0000000 3fffffff 0', '8000000000000000 80000000 0>8000000000000000 80000000 ffffffffc0000000 40000000 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 4000000000000000 4000000000000000 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 0 7fffffffffffffff 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 91a2b3c4d5e6f8 7f6e5d4c3b2a1908 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 0 0 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 ffffffffffffffff 0 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffffffffffffff 7ffffffe 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ffffffffffffffff 7fffffff 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 0 7fffffffffffffff 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 fffffffffffffffe 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 0 fedcba987654320f 0', 'fedcba9876543210 0 0>fedcba9876543210 0 0 0 0', 'fedcba9876543210 1 0>fedcba9876543210 1 ffffffffffffffff 0 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff ffffffffff6e5d4c 7f6e5d4b 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 ffffffffff6e5d4c 7f6e5d4c 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 91a2b3c4d5e6f8 7f6e5d4c3b2a1908 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 0 fedcba987654320f 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 14b66dc33f6ac fdbac097c8dc5acc 0',
  ] },
  { asm: "add x2, x0, x1, lsl #3\nsub w3, w0, w1, asr #31", words: [0x8b010c02, 0x4b817c03], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 8 0 0', '0 7fffffff 0>0 7fffffff 3fffffff8 0 0', '0 80000000 0>0 80000000 400000000 1 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff fffffffffffffff8 1 0', '0 fedcba9876543210 0>0 fedcba9876543210 f6e5d4c3b2a19080 0 0', '1 0 0>1 0 1 1 0',
    '1 1 0>1 1 9 1 0', '1 7fffffff 0>1 7fffffff 3fffffff9 1 0', '1 80000000 0>1 80000000 400000001 2 0', '1 8000000000000000 0>1 8000000000000000 1 1 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff fffffffffffffff9 2 0', '1 fedcba9876543210 0>1 fedcba9876543210 f6e5d4c3b2a19081 1 0', '7fffffff 0 0>7fffffff 0 7fffffff 7fffffff 0', '7fffffff 1 0>7fffffff 1 80000007 7fffffff 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 47ffffff7 7fffffff 0', '7fffffff 80000000 0>7fffffff 80000000 47fffffff 80000000 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7fffffff 7fffffff 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffff7 80000000 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 f6e5d4c432a1907f 7fffffff 0', '80000000 0 0>80000000 0 80000000 80000000 0', '80000000 1 0>80000000 1 80000008 80000000 0', '80000000 7fffffff 0>80000000 7fffffff 47ffffff8 80000000 0',
    '80000000 80000000 0>80000000 80000000 480000000 80000001 0', '80000000 8000000000000000 0>80000000 8000000000000000 80000000 80000000 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7ffffff8 80000001 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 f6e5d4c432a19080 80000000 0',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 0 0', '8000000000000000 1 0>8000000000000000 1 8000000000000008 0 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 80000003fffffff8 0 0', '8000000000000000 80000000 0>8000000000000000 80000000 8000000400000000 1 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 8000000000000000 0 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 7ffffffffffffff8 1 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 76e5d4c3b2a19080 0 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff ffffffff 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 7 ffffffff 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 3fffffff7 ffffffff 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 3ffffffff 0 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ffffffffffffffff ffffffff 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffffffffff7 0 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 f6e5d4c3b2a1907f ffffffff 0', 'fedcba9876543210 0 0>fedcba9876543210 0 fedcba9876543210 76543210 0', 'fedcba9876543210 1 0>fedcba9876543210 1 fedcba9876543218 76543210 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff fedcba9c76543208 76543210 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 fedcba9c76543210 76543211 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 fedcba9876543210 76543210 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff fedcba9876543208 76543211 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 f5c28f5c28f5c290 76543210 0',
  ] },
  { asm: "adds x2, x0, x1, lsr #63\norn w3, w0, w1, ror #5", words: [0xab41fc02, 0x2ae11403], rows: [
    '0 0 0>0 0 0 ffffffff 4', '0 1 0>0 1 0 f7ffffff 4', '0 7fffffff 0>0 7fffffff 0 4000000 4', '0 80000000 0>0 80000000 0 fbffffff 4',
    '0 8000000000000000 0>0 8000000000000000 1 ffffffff 0', '0 ffffffffffffffff 0>0 ffffffffffffffff 1 0 0', '0 fedcba9876543210 0>0 fedcba9876543210 1 7c4d5e6f 0', '1 0 0>1 0 1 ffffffff 0',
    '1 1 0>1 1 1 f7ffffff 0', '1 7fffffff 0>1 7fffffff 1 4000001 0', '1 80000000 0>1 80000000 1 fbffffff 0', '1 8000000000000000 0>1 8000000000000000 2 ffffffff 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 2 1 0', '1 fedcba9876543210 0>1 fedcba9876543210 2 7c4d5e6f 0', '7fffffff 0 0>7fffffff 0 7fffffff ffffffff 0', '7fffffff 1 0>7fffffff 1 7fffffff ffffffff 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 7fffffff 7fffffff 0', '7fffffff 80000000 0>7fffffff 80000000 7fffffff ffffffff 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 80000000 ffffffff 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 80000000 7fffffff 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 80000000 7fffffff 0', '80000000 0 0>80000000 0 80000000 ffffffff 0', '80000000 1 0>80000000 1 80000000 f7ffffff 0', '80000000 7fffffff 0>80000000 7fffffff 80000000 84000000 0',
    '80000000 80000000 0>80000000 80000000 80000000 fbffffff 0', '80000000 8000000000000000 0>80000000 8000000000000000 80000001 ffffffff 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 80000001 80000000 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 80000001 fc4d5e6f 0',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 ffffffff 8', '8000000000000000 1 0>8000000000000000 1 8000000000000000 f7ffffff 8', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 8000000000000000 4000000 8', '8000000000000000 80000000 0>8000000000000000 80000000 8000000000000000 fbffffff 8',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 8000000000000001 ffffffff 8', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 8000000000000001 0 8', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 8000000000000001 7c4d5e6f 8', 'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff ffffffff 8',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 ffffffffffffffff ffffffff 8', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff ffffffffffffffff ffffffff 8', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ffffffffffffffff ffffffff 8', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 0 ffffffff 6',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff 0 ffffffff 6', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 0 ffffffff 6', 'fedcba9876543210 0 0>fedcba9876543210 0 fedcba9876543210 ffffffff 8', 'fedcba9876543210 1 0>fedcba9876543210 1 fedcba9876543210 f7ffffff 8',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff fedcba9876543210 76543210 8', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 fedcba9876543210 ffffffff 8', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 fedcba9876543211 ffffffff 8', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff fedcba9876543211 76543210 8',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 fedcba9876543211 7e5d7e7f 8',
  ] },
  { asm: "eon x2, x0, x1, ror #63\nbics w3, w0, w1, lsl #1", words: [0xcae1fc02, 0x6a210403], rows: [
    '0 0 0>0 0 ffffffffffffffff 0 4', '0 1 0>0 1 fffffffffffffffd 0 4', '0 7fffffff 0>0 7fffffff ffffffff00000001 0 4', '0 80000000 0>0 80000000 fffffffeffffffff 0 4',
    '0 8000000000000000 0>0 8000000000000000 fffffffffffffffe 0 4', '0 ffffffffffffffff 0>0 ffffffffffffffff 0 0 4', '0 fedcba9876543210 0>0 fedcba9876543210 2468acf13579bde 0 4', '1 0 0>1 0 fffffffffffffffe 1 0',
    '1 1 0>1 1 fffffffffffffffc 1 0', '1 7fffffff 0>1 7fffffff ffffffff00000000 1 0', '1 80000000 0>1 80000000 fffffffefffffffe 1 0', '1 8000000000000000 0>1 8000000000000000 ffffffffffffffff 1 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 1 1 0', '1 fedcba9876543210 0>1 fedcba9876543210 2468acf13579bdf 1 0', '7fffffff 0 0>7fffffff 0 ffffffff80000000 7fffffff 0', '7fffffff 1 0>7fffffff 1 ffffffff80000002 7ffffffd 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff ffffffff7ffffffe 1 0', '7fffffff 80000000 0>7fffffff 80000000 fffffffe80000000 7fffffff 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 ffffffff80000001 7fffffff 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7fffffff 1 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 2468acf6ca86421 13579bdf 0', '80000000 0 0>80000000 0 ffffffff7fffffff 80000000 8', '80000000 1 0>80000000 1 ffffffff7ffffffd 80000000 8', '80000000 7fffffff 0>80000000 7fffffff ffffffff80000001 0 4',
    '80000000 80000000 0>80000000 80000000 fffffffe7fffffff 80000000 8', '80000000 8000000000000000 0>80000000 8000000000000000 ffffffff7ffffffe 80000000 8', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 80000000 0 4', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 2468acf93579bde 0 4',
    '8000000000000000 0 0>8000000000000000 0 7fffffffffffffff 0 4', '8000000000000000 1 0>8000000000000000 1 7ffffffffffffffd 0 4', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 7fffffff00000001 0 4', '8000000000000000 80000000 0>8000000000000000 80000000 7ffffffeffffffff 0 4',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 7ffffffffffffffe 0 4', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 8000000000000000 0 4', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 82468acf13579bde 0 4', 'ffffffffffffffff 0 0>ffffffffffffffff 0 0 ffffffff 8',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 2 fffffffd 8', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff fffffffe 1 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 100000000 ffffffff 8', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 1 ffffffff 8',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff ffffffffffffffff 1 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 fdb97530eca86421 13579bdf 0', 'fedcba9876543210 0 0>fedcba9876543210 0 123456789abcdef 76543210 0', 'fedcba9876543210 1 0>fedcba9876543210 1 123456789abcded 76543210 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 123456776543211 0 4', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 123456689abcdef 76543210 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 123456789abcdee 76543210 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff fedcba9876543210 0 4',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 fc9a30576503a9ce 12541210 0',
  ] },
  { asm: "add x2, x0, w1, sxtb #2\nsub x3, x0, w1, uxth #4", words: [0x8b218802, 0xcb213003], rows: [
    '0 0 0>0 0 0 0 0', '0 1 0>0 1 4 fffffffffffffff0 0', '0 7fffffff 0>0 7fffffff fffffffffffffffc fffffffffff00010 0', '0 80000000 0>0 80000000 0 0 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 0', '0 ffffffffffffffff 0>0 ffffffffffffffff fffffffffffffffc fffffffffff00010 0', '0 fedcba9876543210 0>0 fedcba9876543210 40 fffffffffffcdf00 0', '1 0 0>1 0 1 1 0',
    '1 1 0>1 1 5 fffffffffffffff1 0', '1 7fffffff 0>1 7fffffff fffffffffffffffd fffffffffff00011 0', '1 80000000 0>1 80000000 1 1 0', '1 8000000000000000 0>1 8000000000000000 1 1 0',
    '1 ffffffffffffffff 0>1 ffffffffffffffff fffffffffffffffd fffffffffff00011 0', '1 fedcba9876543210 0>1 fedcba9876543210 41 fffffffffffcdf01 0', '7fffffff 0 0>7fffffff 0 7fffffff 7fffffff 0', '7fffffff 1 0>7fffffff 1 80000003 7fffffef 0',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 7ffffffb 7ff0000f 0', '7fffffff 80000000 0>7fffffff 80000000 7fffffff 7fffffff 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7fffffff 7fffffff 0', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffffb 7ff0000f 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 8000003f 7ffcdeff 0', '80000000 0 0>80000000 0 80000000 80000000 0', '80000000 1 0>80000000 1 80000004 7ffffff0 0', '80000000 7fffffff 0>80000000 7fffffff 7ffffffc 7ff00010 0',
    '80000000 80000000 0>80000000 80000000 80000000 80000000 0', '80000000 8000000000000000 0>80000000 8000000000000000 80000000 80000000 0', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7ffffffc 7ff00010 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 80000040 7ffcdf00 0',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 8000000000000000 0', '8000000000000000 1 0>8000000000000000 1 8000000000000004 7ffffffffffffff0 0', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 7ffffffffffffffc 7ffffffffff00010 0', '8000000000000000 80000000 0>8000000000000000 80000000 8000000000000000 8000000000000000 0',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 8000000000000000 8000000000000000 0', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 7ffffffffffffffc 7ffffffffff00010 0', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 8000000000000040 7ffffffffffcdf00 0', 'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff ffffffffffffffff 0',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 3 ffffffffffffffef 0', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff fffffffffffffffb fffffffffff0000f 0', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ffffffffffffffff ffffffffffffffff 0', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ffffffffffffffff ffffffffffffffff 0',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffffffffffb fffffffffff0000f 0', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 3f fffffffffffcdeff 0', 'fedcba9876543210 0 0>fedcba9876543210 0 fedcba9876543210 fedcba9876543210 0', 'fedcba9876543210 1 0>fedcba9876543210 1 fedcba9876543214 fedcba9876543200 0',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff fedcba987654320c fedcba9876443220 0', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 fedcba9876543210 fedcba9876543210 0', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 fedcba9876543210 fedcba9876543210 0', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff fedcba987654320c fedcba9876443220 0',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 fedcba9876543250 fedcba9876511110 0',
  ] },
  { asm: "adds w2, w0, w1, sxth\ncmp x0, w1, sxtw #1\ncset x3, lo", words: [0x2b21a002, 0xeb21c41f, 0x9a9f27e3], rows: [
    '0 0 0>0 0 0 0 6', '0 1 0>0 1 1 1 8', '0 7fffffff 0>0 7fffffff ffffffff 1 8', '0 80000000 0>0 80000000 0 1 0',
    '0 8000000000000000 0>0 8000000000000000 0 0 6', '0 ffffffffffffffff 0>0 ffffffffffffffff ffffffff 1 0', '0 fedcba9876543210 0>0 fedcba9876543210 3210 1 8', '1 0 0>1 0 1 0 2',
    '1 1 0>1 1 2 1 8', '1 7fffffff 0>1 7fffffff 0 1 8', '1 80000000 0>1 80000000 1 1 0', '1 8000000000000000 0>1 8000000000000000 1 0 2',
    '1 ffffffffffffffff 0>1 ffffffffffffffff 0 1 0', '1 fedcba9876543210 0>1 fedcba9876543210 3211 1 8', '7fffffff 0 0>7fffffff 0 7fffffff 0 2', '7fffffff 1 0>7fffffff 1 80000000 0 2',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 7ffffffe 1 8', '7fffffff 80000000 0>7fffffff 80000000 7fffffff 1 0', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7fffffff 0 2', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffffe 1 0',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 8000320f 1 8', '80000000 0 0>80000000 0 80000000 0 2', '80000000 1 0>80000000 1 80000001 0 2', '80000000 7fffffff 0>80000000 7fffffff 7fffffff 1 8',
    '80000000 80000000 0>80000000 80000000 80000000 1 0', '80000000 8000000000000000 0>80000000 8000000000000000 80000000 0 2', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7fffffff 1 0', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 80003210 1 8',
    '8000000000000000 0 0>8000000000000000 0 0 0 a', '8000000000000000 1 0>8000000000000000 1 1 0 3', '8000000000000000 7fffffff 0>8000000000000000 7fffffff ffffffff 0 3', '8000000000000000 80000000 0>8000000000000000 80000000 0 1 8',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 0 0 a', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff ffffffff 1 8', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 3210 0 3', 'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffff 0 a',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 0 0 a', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff fffffffe 0 a', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 ffffffff 0 2', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ffffffff 0 a',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffe 0 2', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 320f 0 a', 'fedcba9876543210 0 0>fedcba9876543210 0 76543210 0 a', 'fedcba9876543210 1 0>fedcba9876543210 1 76543211 0 a',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff 7654320f 0 a', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 76543210 1 8', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 76543210 0 a', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff 7654320f 1 8',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 76546420 0 a',
  ] },
  { asm: "add x2, x0, x1, uxtx #3\nsubs x3, x0, w1, uxtw", words: [0x8b216c02, 0xeb214003], rows: [
    '0 0 0>0 0 0 0 6', '0 1 0>0 1 8 ffffffffffffffff 8', '0 7fffffff 0>0 7fffffff 3fffffff8 ffffffff80000001 8', '0 80000000 0>0 80000000 400000000 ffffffff80000000 8',
    '0 8000000000000000 0>0 8000000000000000 0 0 6', '0 ffffffffffffffff 0>0 ffffffffffffffff fffffffffffffff8 ffffffff00000001 8', '0 fedcba9876543210 0>0 fedcba9876543210 f6e5d4c3b2a19080 ffffffff89abcdf0 8', '1 0 0>1 0 1 1 2',
    '1 1 0>1 1 9 0 6', '1 7fffffff 0>1 7fffffff 3fffffff9 ffffffff80000002 8', '1 80000000 0>1 80000000 400000001 ffffffff80000001 8', '1 8000000000000000 0>1 8000000000000000 1 1 2',
    '1 ffffffffffffffff 0>1 ffffffffffffffff fffffffffffffff9 ffffffff00000002 8', '1 fedcba9876543210 0>1 fedcba9876543210 f6e5d4c3b2a19081 ffffffff89abcdf1 8', '7fffffff 0 0>7fffffff 0 7fffffff 7fffffff 2', '7fffffff 1 0>7fffffff 1 80000007 7ffffffe 2',
    '7fffffff 7fffffff 0>7fffffff 7fffffff 47ffffff7 0 6', '7fffffff 80000000 0>7fffffff 80000000 47fffffff ffffffffffffffff 8', '7fffffff 8000000000000000 0>7fffffff 8000000000000000 7fffffff 7fffffff 2', '7fffffff ffffffffffffffff 0>7fffffff ffffffffffffffff 7ffffff7 ffffffff80000000 8',
    '7fffffff fedcba9876543210 0>7fffffff fedcba9876543210 f6e5d4c432a1907f 9abcdef 2', '80000000 0 0>80000000 0 80000000 80000000 2', '80000000 1 0>80000000 1 80000008 7fffffff 2', '80000000 7fffffff 0>80000000 7fffffff 47ffffff8 1 2',
    '80000000 80000000 0>80000000 80000000 480000000 0 6', '80000000 8000000000000000 0>80000000 8000000000000000 80000000 80000000 2', '80000000 ffffffffffffffff 0>80000000 ffffffffffffffff 7ffffff8 ffffffff80000001 8', '80000000 fedcba9876543210 0>80000000 fedcba9876543210 f6e5d4c432a19080 9abcdf0 2',
    '8000000000000000 0 0>8000000000000000 0 8000000000000000 8000000000000000 a', '8000000000000000 1 0>8000000000000000 1 8000000000000008 7fffffffffffffff 3', '8000000000000000 7fffffff 0>8000000000000000 7fffffff 80000003fffffff8 7fffffff80000001 3', '8000000000000000 80000000 0>8000000000000000 80000000 8000000400000000 7fffffff80000000 3',
    '8000000000000000 8000000000000000 0>8000000000000000 8000000000000000 8000000000000000 8000000000000000 a', '8000000000000000 ffffffffffffffff 0>8000000000000000 ffffffffffffffff 7ffffffffffffff8 7fffffff00000001 3', '8000000000000000 fedcba9876543210 0>8000000000000000 fedcba9876543210 76e5d4c3b2a19080 7fffffff89abcdf0 3', 'ffffffffffffffff 0 0>ffffffffffffffff 0 ffffffffffffffff ffffffffffffffff a',
    'ffffffffffffffff 1 0>ffffffffffffffff 1 7 fffffffffffffffe a', 'ffffffffffffffff 7fffffff 0>ffffffffffffffff 7fffffff 3fffffff7 ffffffff80000000 a', 'ffffffffffffffff 80000000 0>ffffffffffffffff 80000000 3ffffffff ffffffff7fffffff a', 'ffffffffffffffff 8000000000000000 0>ffffffffffffffff 8000000000000000 ffffffffffffffff ffffffffffffffff a',
    'ffffffffffffffff ffffffffffffffff 0>ffffffffffffffff ffffffffffffffff fffffffffffffff7 ffffffff00000000 a', 'ffffffffffffffff fedcba9876543210 0>ffffffffffffffff fedcba9876543210 f6e5d4c3b2a1907f ffffffff89abcdef a', 'fedcba9876543210 0 0>fedcba9876543210 0 fedcba9876543210 fedcba9876543210 a', 'fedcba9876543210 1 0>fedcba9876543210 1 fedcba9876543218 fedcba987654320f a',
    'fedcba9876543210 7fffffff 0>fedcba9876543210 7fffffff fedcba9c76543208 fedcba97f6543211 a', 'fedcba9876543210 80000000 0>fedcba9876543210 80000000 fedcba9c76543210 fedcba97f6543210 a', 'fedcba9876543210 8000000000000000 0>fedcba9876543210 8000000000000000 fedcba9876543210 fedcba9876543210 a', 'fedcba9876543210 ffffffffffffffff 0>fedcba9876543210 ffffffffffffffff fedcba9876543208 fedcba9776543211 a',
    'fedcba9876543210 fedcba9876543210 0>fedcba9876543210 fedcba9876543210 f5c28f5c28f5c290 fedcba9800000000 a',
  ] },
  { asm: "movz x2, #0x1234, lsl #48\nmovk x2, #0xbeef, lsl #16\nmovn w3, #0x8000", words: [0xd2e24682, 0xf2b7dde2, 0x12900003], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 12340000beef0000 ffff7fff 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 12340000beef0000 ffff7fff 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 12340000beef0000 ffff7fff 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 12340000beef0000 ffff7fff 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 12340000beef0000 ffff7fff 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 12340000beef0000 ffff7fff 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 12340000beef0000 ffff7fff 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 12340000beef0000 ffff7fff 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 12340000beef0000 ffff7fff 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 12340000beef0000 ffff7fff 0',
  ] },
  { asm: "movn x2, #0\nmovk w3, #0xffff, lsl #16", words: [0x92800002, 0x72bfffe3], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d ffffffffffffffff ffff0000 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d ffffffffffffffff ffff0000 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d ffffffffffffffff ffff0000 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d ffffffffffffffff ffff0000 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d ffffffffffffffff ffff0000 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d ffffffffffffffff ffff0000 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d ffffffffffffffff ffff0000 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d ffffffffffffffff ffff0000 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d ffffffffffffffff ffff0000 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d ffffffffffffffff ffff0000 0',
  ] },
  { asm: "cbz w0, 1f\nmov x2, #1\n1:\ncbnz x0, 2f\nmov x3, #1\n2:", words: [0x34000040, 0xd2800022, 0xb5000040, 0xd2800023], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 1 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 1 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 1 0 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 1 0 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 1 0 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 1 0 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 0 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 1 0 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 1 0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 1 0 0',
  ] },
  { asm: "tbz x0, #63, 1f\nmov x2, #1\n1:\ntbnz w0, #0, 2f\nmov x3, #1\n2:", words: [0xb6f80040, 0xd2800022, 0x37000040, 0xd2800023], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 1 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 0 0 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 0 0 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 0 1 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 0 0 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 0 0 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 1 1 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 1 0 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 0 1 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 1 1 0',
  ] },
  { asm: "tbz x0, #31, 1f\nmov x2, #1\n1:\ntbnz x0, #36, 2f\nmov x3, #1\n2:", words: [0x36f80040, 0xd2800022, 0xb7200040, 0xd2800023], rows: [
    '0 deadbeefcafef00d 0>0 deadbeefcafef00d 0 1 0', '1 deadbeefcafef00d 0>1 deadbeefcafef00d 0 1 0', '7fffffff deadbeefcafef00d 0>7fffffff deadbeefcafef00d 0 1 0', '80000000 deadbeefcafef00d 0>80000000 deadbeefcafef00d 1 1 0',
    'ffffffff deadbeefcafef00d 0>ffffffff deadbeefcafef00d 1 1 0', '7fffffffffffffff deadbeefcafef00d 0>7fffffffffffffff deadbeefcafef00d 1 0 0', '8000000000000000 deadbeefcafef00d 0>8000000000000000 deadbeefcafef00d 0 1 0', 'ffffffffffffffff deadbeefcafef00d 0>ffffffffffffffff deadbeefcafef00d 1 0 0',
    '123456789abcdef0 deadbeefcafef00d 0>123456789abcdef0 deadbeefcafef00d 1 0 0', 'fedcba9876543210 deadbeefcafef00d 0>fedcba9876543210 deadbeefcafef00d 0 0 0',
  ] },
];
}
