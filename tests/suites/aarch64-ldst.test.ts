// Tests of the AArch64 load/store front end (a64-ldst.decode, trans/ldst*.ts): every
// addressing mode with writeback, sign extensions, pairs, SIMD&FP register loads and
// stores, literals, exclusives, acquire/release, CAS/CASP and the LSE atomics. Each test
// runs a few instructions through the interpreter backend with registers set directly
// in env, ending at a UDF. Encodings come from aarch64-linux-gnu-as (the key of I is the
// source line); expectations for the UNPREDICTABLE writeback cases match qemu-aarch64.
// The whole suite runs on the interpreter with the IR as translated (the reference), on
// the WebAssembly backend after the optimizer and on tier 0 with the IR as translated, as
// the TB cache runs them.

import { beforeAll, describe, expect, it } from 'vitest';
import { GuestFault, GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, PAGE_SIZE, SHARED_CODE_WORDS } from '../../src/memory/layout.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { optimize } from '../../src/tcg/optimize.js';
import { ENV, ExitReason, Excp } from '../../src/tcg/env.js';
import { InterpBackend } from '../../src/hostbackend/interp/interp.js';
import { WasmBackend } from '../../src/hostbackend/wasm/backend.js';
import { Tier0Backend } from '../../src/hostbackend/tier0/tier0.js';
import { aarch64 } from '../../src/cpu/aarch64/index.js';
import { A64, vOffset, xOffset } from '../../src/cpu/aarch64/state.js';

const I = {
  'ldrb w0, [x1, #1]': 0x39400420,
  'ldrh w0, [x1, #2]': 0x79400420,
  'ldr w0, [x1, #4]': 0xb9400420,
  'ldr x0, [x1, #8]': 0xf9400420,
  'ldrsb x0, [x1]': 0x39800020,
  'ldrsb w0, [x1]': 0x39c00020,
  'ldrsh x0, [x1]': 0x79800020,
  'ldrsh w0, [x1]': 0x79c00020,
  'ldrsw x0, [x1, #4]': 0xb9800420,
  'ldr x0, [x1, #32760]': 0xf97ffc20,
  'strb w0, [x1, #1]': 0x39000420,
  'strh w0, [x1, #2]': 0x79000420,
  'str w0, [x1, #4]': 0xb9000420,
  'str x0, [x1, #8]': 0xf9000420,
  'str xzr, [x1, #16]': 0xf900083f,
  'ldur x0, [x1, #-8]': 0xf85f8020,
  'ldursh w0, [x1, #-2]': 0x78dfe020,
  'stur w0, [x1, #-4]': 0xb81fc020,
  'ldtr x0, [x1, #8]': 0xf8408820,
  'ldr x0, [x1, #16]!': 0xf8410c20,
  'ldr x0, [x1], #-16': 0xf85f0420,
  'ldr x1, [x1], #8': 0xf8408421,
  'str x0, [sp, #-16]!': 0xf81f0fe0,
  'str x1, [x1, #8]!': 0xf8008c21,
  'ldrsb x0, [x1, #1]!': 0x38801c20,
  'ldrsh w0, [x1], #2': 0x78c02420,
  'ldr x0, [x1, x2, lsl #3]': 0xf8627820,
  'ldr w0, [x1, w2, uxtw #2]': 0xb8625820,
  'ldrsw x0, [x1, w2, sxtw #2]': 0xb8a2d820,
  'ldrb w0, [x1, x2]': 0x38626820,
  'strh w0, [x1, w2, sxtw #1]': 0x7822d820,
  'ldr x0, [x1, x2, sxtx]': 0xf862e820,
  'ldr x0, [sp, x2]': 0xf8626be0,
  'prfm pldl1keep, [x1]': 0xf9800020,
  'prfum pldl1keep, [x1, #-1]': 0xf89ff020,
  'prfm pldl1keep, [x1, x2]': 0xf8a26820,
  'ldr x0, .+12': 0x58000060,
  'ldr w0, .+8': 0x18000040,
  'ldrsw x0, .+8': 0x98000040,
  'ldr q0, .+16': 0x9c000080,
  'ldr d0, .+8': 0x5c000040,
  'prfm pldl1keep, .+8': 0xd8000040,
  'ldp x0, x1, [x2]': 0xa9400440,
  'ldp x0, x1, [x2, #16]!': 0xa9c10440,
  'ldp x0, x1, [x2], #-16': 0xa8ff0440,
  'stp x0, x1, [sp, #-16]!': 0xa9bf07e0,
  'stp w0, w1, [x2, #8]': 0x29010440,
  'ldp w0, w1, [x2, #8]': 0x29410440,
  'ldpsw x0, x1, [x2, #-8]': 0x697f0440,
  'ldnp x0, x1, [x2, #16]': 0xa8410440,
  'stnp x0, x1, [x2, #16]': 0xa8010440,
  'ldp x2, x1, [x2], #16': 0xa8c10442,
  'ldr b0, [x1, #1]': 0x3d400420,
  'ldr h0, [x1, #2]': 0x7d400420,
  'ldr s0, [x1, #4]': 0xbd400420,
  'ldr d0, [x1, #8]': 0xfd400420,
  'ldr q0, [x1, #16]': 0x3dc00420,
  'str b0, [x1], #1': 0x3c001420,
  'str h0, [x1, #2]': 0x7d000420,
  'str s0, [x1, #4]': 0xbd000420,
  'str d0, [x1, #8]': 0xfd000420,
  'str q0, [x1, #-16]!': 0x3c9f0c20,
  'ldur q0, [x1, #-1]': 0x3cdff020,
  'ldr q0, [x1, x2, lsl #4]': 0x3ce27820,
  'str d0, [x1, w2, uxtw #3]': 0xfc225820,
  'ldp q0, q1, [x1, #32]': 0xad410420,
  'stp s0, s1, [x1, #-8]!': 0x2dbf0420,
  'ldp d0, d1, [x1], #16': 0x6cc10420,
  'stp q0, q1, [x1]': 0xad000420,
  'ldxr x0, [x1]': 0xc85f7c20,
  'ldaxr w0, [x1]': 0x885ffc20,
  'ldxrb w0, [x1]': 0x085f7c20,
  'ldxrh w0, [x1]': 0x485f7c20,
  'stxr w2, x3, [x1]': 0xc8027c23,
  'stlxr w2, w3, [x1]': 0x8802fc23,
  'stxrb w2, w3, [x1]': 0x08027c23,
  'stxrh w2, w3, [x1]': 0x48027c23,
  'ldxp x0, x4, [x1]': 0xc87f1020,
  'ldxp w0, w4, [x1]': 0x887f1020,
  'stxp w2, x3, x5, [x1]': 0xc8221423,
  'stlxp w2, w3, w5, [x1]': 0x88229423,
  'ldar x0, [x1]': 0xc8dffc20,
  'ldarb w0, [x1]': 0x08dffc20,
  'stlr w0, [x1]': 0x889ffc20,
  'stlrh w0, [x1]': 0x489ffc20,
  'ldapr x0, [x1]': 0xf8bfc020,
  'ldapur x0, [x1, #-8]': 0xd95f8020,
  'stlur w0, [x1, #4]': 0x99004020,
  'ldapursb x0, [x1, #1]': 0x19801020,
  'ldapursh w0, [x1, #2]': 0x59c02020,
  'cas x0, x3, [x1]': 0xc8a07c23,
  'casal w0, w3, [x1]': 0x88e0fc23,
  'casb w0, w3, [x1]': 0x08a07c23,
  'cash w0, w3, [x1]': 0x48a07c23,
  'casp x4, x5, x6, x7, [x1]': 0x48247c26,
  'caspal w4, w5, w6, w7, [x1]': 0x0864fc26,
  'swp x0, x3, [x1]': 0xf8208023,
  'swpb w0, w3, [x1]': 0x38208023,
  'stadd x0, [x1]': 0xf820003f,
  'ldaddb w0, w3, [x1]': 0x38200023,
  'ldclrb w0, w3, [x1]': 0x38201023,
  'ldeorb w0, w3, [x1]': 0x38202023,
  'ldsetb w0, w3, [x1]': 0x38203023,
  'ldsmaxb w0, w3, [x1]': 0x38204023,
  'ldsminb w0, w3, [x1]': 0x38205023,
  'ldumaxb w0, w3, [x1]': 0x38206023,
  'lduminb w0, w3, [x1]': 0x38207023,
  'ldaddh w0, w3, [x1]': 0x78200023,
  'ldclrh w0, w3, [x1]': 0x78201023,
  'ldeorh w0, w3, [x1]': 0x78202023,
  'ldseth w0, w3, [x1]': 0x78203023,
  'ldsmaxh w0, w3, [x1]': 0x78204023,
  'ldsminh w0, w3, [x1]': 0x78205023,
  'ldumaxh w0, w3, [x1]': 0x78206023,
  'lduminh w0, w3, [x1]': 0x78207023,
  'swph w0, w3, [x1]': 0x78208023,
  'ldadd w0, w3, [x1]': 0xb8200023,
  'ldclr w0, w3, [x1]': 0xb8201023,
  'ldeor w0, w3, [x1]': 0xb8202023,
  'ldset w0, w3, [x1]': 0xb8203023,
  'ldsmax w0, w3, [x1]': 0xb8204023,
  'ldsmin w0, w3, [x1]': 0xb8205023,
  'ldumax w0, w3, [x1]': 0xb8206023,
  'ldumin w0, w3, [x1]': 0xb8207023,
  'swp w0, w3, [x1]': 0xb8208023,
  'ldaddal x0, x3, [x1]': 0xf8e00023,
  'ldclral x0, x3, [x1]': 0xf8e01023,
  'ldeoral x0, x3, [x1]': 0xf8e02023,
  'ldsetal x0, x3, [x1]': 0xf8e03023,
  'ldsmaxal x0, x3, [x1]': 0xf8e04023,
  'ldsminal x0, x3, [x1]': 0xf8e05023,
  'ldumaxal x0, x3, [x1]': 0xf8e06023,
  'lduminal x0, x3, [x1]': 0xf8e07023,
  'swpal x0, x3, [x1]': 0xf8e08023,
} as const;
type Insn = keyof typeof I;

const CODE = 0x10000;
const DATA = 0x40000;
/** The page after the two data pages is left unmapped. */
const UNMAPPED = DATA + 2 * PAGE_SIZE;
const ENV_BASE = ENV_AREA;
const UDF = 0x00000000;
const SP = 31;

const mem = new GuestMemory();
const dv = mem.dv;

const x = (r: number): bigint => dv.getBigUint64(ENV_BASE + xOffset(r), true);
const setXReg = (r: number, v: bigint | number): void => dv.setBigUint64(ENV_BASE + xOffset(r), BigInt.asUintN(64, BigInt(v)), true);
/** V[r] as [low 64 bits, high 64 bits]. */
const v = (r: number): [bigint, bigint] => [dv.getBigUint64(ENV_BASE + vOffset(r), true), dv.getBigUint64(ENV_BASE + vOffset(r) + 8, true)];
const setV = (r: number, lo: bigint, hi: bigint): void => {
  dv.setBigUint64(ENV_BASE + vOffset(r), lo, true);
  dv.setBigUint64(ENV_BASE + vOffset(r) + 8, hi, true);
};
const env64 = (ofs: number): bigint => dv.getBigInt64(ENV_BASE + ofs, true);
const m8 = (a: number): number => dv.getUint8(a);
const m16 = (a: number): number => dv.getUint16(a, true);
const m32 = (a: number): number => dv.getUint32(a, true);
const m64 = (a: number): bigint => dv.getBigUint64(a, true);
const setM64 = (a: number, val: bigint): void => dv.setBigUint64(a, BigInt.asUintN(64, val), true);
const setM32 = (a: number, val: number): void => dv.setUint32(a, val >>> 0, true);

/** Data pages filled with the byte pattern 0x80, 0x81, ... (so every load sees its sign bit set). */
function reset(): void {
  mem.setProt(0, 0x100000, 0);
  mem.rawFill(CODE, PAGE_SIZE);
  mem.setProt(CODE, PAGE_SIZE, 5);
  mem.setProt(DATA, 2 * PAGE_SIZE, 3);
  for (let i = 0; i < 2 * PAGE_SIZE; i++) dv.setUint8(DATA + i, (0x80 + i) & 0xff);
  mem.rawFill(ENV_BASE, A64.SIZE);
  dv.setBigInt64(ENV_BASE + A64.EXCL_ADDR, -1n, true);
}

/** The backend the current describe block runs on. */
let backendKind: 'interp' | 'wasm' | 'tier0' = 'interp';

interface Outcome {
  reason: number;
  excp: number;
  pc: number;
}

/**
 * Runs `code` (instruction words; numbers after the instructions are raw data such as
 * literals) from CODE with the given registers, until the guest leaves for anything
 * but a block lookup. reset() has already run unless `fresh` is false.
 */
function run(code: (Insn | number)[], regs: Record<number, bigint | number> = {}, fresh = true): Outcome {
  if (fresh) reset();
  code.forEach((w, i) => dv.setUint32(CODE + 4 * i, typeof w === 'number' ? w : I[w], true));
  for (const [r, val] of Object.entries(regs)) setXReg(Number(r), val);
  dv.setBigInt64(ENV_BASE + ENV.PC, BigInt(CODE), true);
  const helpers = new HelperRegistry();
  const tr = aarch64.createTranslator(helpers);
  const backend = backendKind === 'interp' ? new InterpBackend({ mem, helpers }) : backendKind === 'wasm' ? new WasmBackend({ mem, helpers }) : new Tier0Backend({ mem, helpers });
  for (let steps = 0; steps < 100; steps++) {
    const tb = tr.translate(mem, Number(env64(ENV.PC)), { maxInsns: 64 });
    const reason = backend.run(backend.compile([backendKind === 'wasm' ? optimize(tb) : tb]).slots[0], ENV_BASE);
    if (reason !== ExitReason.LOOKUP) return { reason, excp: dv.getInt32(ENV_BASE + ENV.EXCEPTION, true), pc: Number(env64(ENV.PC)) };
  }
  throw new Error('guest program did not finish');
}

/** Runs the instructions followed by UDF and checks that every one of them executed. */
function exec(code: Insn[], regs: Record<number, bigint | number> = {}, fresh = true): void {
  const out = run([...code, UDF], regs, fresh);
  expect(out).toEqual({ reason: ExitReason.EXCEPTION, excp: Excp.ILLEGAL_INSN, pc: CODE + 4 * code.length });
}

/** A 64-bit little-endian read of the initial data pattern at DATA + k. */
const pattern64 = (k: number): bigint => {
  let r = 0n;
  for (let i = 7; i >= 0; i--) r = (r << 8n) | BigInt((0x80 + k + i) & 0xff);
  return r;
};

describe.each(['interp', 'wasm', 'tier0'] as const)('aarch64 load/store on the %s backend', (kind) => {
  beforeAll(() => {
    backendKind = kind;
  });

  describe('aarch64 loads: sizes and extensions', () => {
    const BASE = DATA + 0x20;
    it.each<[Insn, bigint]>([
      ['ldrb w0, [x1, #1]', 0xa1n],
      ['ldrh w0, [x1, #2]', 0xa3a2n],
      ['ldr w0, [x1, #4]', 0xa7a6a5a4n],
      ['ldr x0, [x1, #8]', pattern64(0x28)],
      ['ldrsb x0, [x1]', 0xffffffffffffffa0n],
      ['ldrsb w0, [x1]', 0xffffffa0n],
      ['ldrsh x0, [x1]', 0xffffffffffffa1a0n],
      ['ldrsh w0, [x1]', 0xffffa1a0n],
      ['ldrsw x0, [x1, #4]', 0xffffffffa7a6a5a4n],
      ['ldur x0, [x1, #-8]', pattern64(0x18)],
      ['ldursh w0, [x1, #-2]', 0xffff9f9en],
      ['ldtr x0, [x1, #8]', pattern64(0x28)],
      ['ldapur x0, [x1, #-8]', pattern64(0x18)],
      ['ldapursb x0, [x1, #1]', 0xffffffffffffffa1n],
      ['ldapursh w0, [x1, #2]', 0xffffa3a2n],
      ['ldar x0, [x1]', pattern64(0x20)],
      ['ldarb w0, [x1]', 0xa0n],
      ['ldapr x0, [x1]', pattern64(0x20)],
    ])('%s', (insn, want) => {
      exec([insn], { 0: -1n, 1: BASE });
      expect(x(0)).toBe(want);
      expect(x(1)).toBe(BigInt(BASE)); // no writeback
    });

    it('scales the unsigned 12-bit offset by the access size (largest offset)', () => {
      exec(['ldr x0, [x1, #32760]'], { 1: DATA - 32760 + 8 });
      expect(x(0)).toBe(pattern64(8));
    });
  });

  describe('aarch64 stores', () => {
    const BASE = DATA + 0x20;
    const VALUE = 0x1122334455667788n;
    it('stlr of a process with several threads is an atomic exchange (ordered), writing the same bytes', () => {
      const shared = new Int32Array(mem.memory.buffer, SHARED_CODE_WORDS, 2);
      const opsOf = (): string[] => {
        reset();
        dv.setUint32(CODE, I['stlr w0, [x1]'], true);
        return aarch64.createTranslator(new HelperRegistry()).translate(mem, CODE, { maxInsns: 1 }).ops.map((o) => o.op);
      };
      expect(opsOf()).not.toContain('atomic_rmw_i64'); // one thread: a plain store
      Atomics.store(shared, 1, 1);
      try {
        expect(opsOf()).toContain('atomic_rmw_i64');
        exec(['stlr w0, [x1]'], { 0: VALUE, 1: BASE });
        for (let k = -4; k < 8; k++) {
          const want = k >= 0 && k < 4 ? Number((VALUE >> BigInt(8 * k)) & 0xffn) : (0x80 + 0x20 + k) & 0xff;
          expect(m8(BASE + k), `byte ${k}`).toBe(want);
        }
      } finally {
        Atomics.store(shared, 1, 0);
      }
    });
    it.each<[Insn, number, number]>([
      // instruction, first byte written (from BASE), bytes written
      ['strb w0, [x1, #1]', 1, 1],
      ['strh w0, [x1, #2]', 2, 2],
      ['str w0, [x1, #4]', 4, 4],
      ['str x0, [x1, #8]', 8, 8],
      ['stur w0, [x1, #-4]', -4, 4],
      ['stlr w0, [x1]', 0, 4],
      ['stlrh w0, [x1]', 0, 2],
      ['stlur w0, [x1, #4]', 4, 4],
    ])('%s writes only its bytes', (insn, at, n) => {
      exec([insn], { 0: VALUE, 1: BASE });
      for (let k = -8; k < 24; k++) {
        const inside = k >= at && k < at + n;
        const want = inside ? Number((VALUE >> BigInt(8 * (k - at))) & 0xffn) : (0x80 + 0x20 + k) & 0xff;
        expect(m8(BASE + k), `byte ${k}`).toBe(want);
      }
      expect(x(1)).toBe(BigInt(BASE));
    });

    it('str xzr stores zero', () => {
      exec(['str xzr, [x1, #16]'], { 1: DATA });
      expect(m64(DATA + 16)).toBe(0n);
    });
  });

  describe('aarch64 pre/post-index writeback', () => {
    it('ldr pre-index loads from the updated base and writes it back', () => {
      exec(['ldr x0, [x1, #16]!'], { 1: DATA });
      expect(x(0)).toBe(pattern64(16));
      expect(x(1)).toBe(BigInt(DATA + 16));
    });
    it('ldr post-index loads from the old base, then adds a negative offset', () => {
      exec(['ldr x0, [x1], #-16'], { 1: DATA + 32 });
      expect(x(0)).toBe(pattern64(32));
      expect(x(1)).toBe(BigInt(DATA + 16));
    });
    it('str pre-index on SP', () => {
      exec(['str x0, [sp, #-16]!'], { 0: 0xabcdn, [SP]: DATA + 64 });
      expect(x(SP)).toBe(BigInt(DATA + 48));
      expect(m64(DATA + 48)).toBe(0xabcdn);
    });
    it('ldrsb pre-index and ldrsh post-index to W', () => {
      exec(['ldrsb x0, [x1, #1]!'], { 1: DATA });
      expect(x(0)).toBe(0xffffffffffffff81n);
      expect(x(1)).toBe(BigInt(DATA + 1));
      exec(['ldrsh w0, [x1], #2'], { 0: -1n, 1: DATA + 2 });
      expect(x(0)).toBe(0xffff8382n);
      expect(x(1)).toBe(BigInt(DATA + 4));
    });
    it('Rt == Rn: a load leaves the written-back base, a store stores the old base (as qemu-aarch64)', () => {
      exec(['ldr x1, [x1], #8'], { 1: DATA });
      expect(x(1)).toBe(BigInt(DATA + 8));
      exec(['str x1, [x1, #8]!'], { 1: DATA });
      expect(x(1)).toBe(BigInt(DATA + 8));
      expect(m64(DATA + 8)).toBe(BigInt(DATA));
      exec(['ldp x2, x1, [x2], #16'], { 2: DATA });
      expect(x(2)).toBe(BigInt(DATA + 16));
      expect(x(1)).toBe(pattern64(8));
    });
  });

  describe('aarch64 register offset', () => {
    it('LSL by the size', () => {
      exec(['ldr x0, [x1, x2, lsl #3]'], { 1: DATA, 2: 3 });
      expect(x(0)).toBe(pattern64(24));
    });
    it('UXTW drops the upper half of Wm', () => {
      exec(['ldr w0, [x1, w2, uxtw #2]'], { 1: DATA, 2: 0xffffffff00000002n });
      expect(x(0)).toBe(BigInt(m32(DATA + 8)));
    });
    it('SXTW sign-extends Wm', () => {
      exec(['ldrsw x0, [x1, w2, sxtw #2]'], { 1: DATA + 64, 2: 0x12345678fffffffen });
      expect(x(0)).toBe(BigInt.asUintN(64, BigInt(dv.getInt32(DATA + 56, true))));
      exec(['strh w0, [x1, w2, sxtw #1]'], { 0: 0xbeef, 1: DATA + 64, 2: 0xffffffffn });
      expect(m16(DATA + 62)).toBe(0xbeef);
    });
    it('SXTX unshifted, unscaled byte, SP base', () => {
      exec(['ldr x0, [x1, x2, sxtx]'], { 1: DATA + 64, 2: -8 });
      expect(x(0)).toBe(pattern64(56));
      exec(['ldrb w0, [x1, x2]'], { 1: DATA, 2: 5 });
      expect(x(0)).toBe(0x85n);
      exec(['ldr x0, [sp, x2]'], { [SP]: DATA + 8, 2: 8 });
      expect(x(0)).toBe(pattern64(16));
    });
    it('an unallocated extend option is an illegal instruction', () => {
      const uxtb = I['ldr x0, [x1, x2, lsl #3]'] & ~(7 << 13); // option 000
      expect(run([uxtb], { 1: DATA })).toEqual({ reason: ExitReason.EXCEPTION, excp: Excp.ILLEGAL_INSN, pc: CODE });
    });
  });

  describe('aarch64 literals and prefetch', () => {
    it('LDR/LDRSW literal', () => {
      const lit = [0x89abcdef, 0x01234567, 0xfedcba98, 0x76543210];
      // ldr x0, .+12 at CODE: the literal is at CODE+12, after UDF and a filler word.
      expect(run(['ldr x0, .+12', UDF, 0, lit[0], lit[1]])).toMatchObject({ excp: Excp.ILLEGAL_INSN, pc: CODE + 4 });
      expect(x(0)).toBe(0x0123456789abcdefn);
      run(['ldrsw x0, .+8', UDF, lit[0]]);
      expect(x(0)).toBe(0xffffffff89abcdefn);
      run(['ldr w0, .+8', UDF, lit[0]], { 0: -1n });
      expect(x(0)).toBe(0x89abcdefn);
      run(['ldr q0, .+16', UDF, 0, 0, ...lit]);
      expect(v(0)).toEqual([0x0123456789abcdefn, 0x76543210fedcba98n]);
      reset();
      setV(0, 5n, 5n);
      run(['ldr d0, .+8', UDF, lit[0], lit[1]], {}, false);
      expect(v(0)).toEqual([0x0123456789abcdefn, 0n]);
    });
    it('PRFM in every form does nothing, even on unmapped addresses', () => {
      exec(['prfm pldl1keep, [x1]', 'prfum pldl1keep, [x1, #-1]', 'prfm pldl1keep, [x1, x2]', 'prfm pldl1keep, .+8'], { 1: UNMAPPED, 2: 0 });
    });
  });

  describe('aarch64 pairs', () => {
    it('LDP offset, pre-index and post-index', () => {
      exec(['ldp x0, x1, [x2]'], { 2: DATA });
      expect([x(0), x(1), x(2)]).toEqual([pattern64(0), pattern64(8), BigInt(DATA)]);
      exec(['ldp x0, x1, [x2, #16]!'], { 2: DATA });
      expect([x(0), x(1), x(2)]).toEqual([pattern64(16), pattern64(24), BigInt(DATA + 16)]);
      exec(['ldp x0, x1, [x2], #-16'], { 2: DATA + 32 });
      expect([x(0), x(1), x(2)]).toEqual([pattern64(32), pattern64(40), BigInt(DATA + 16)]);
    });
    it('STP pre-index on SP, STP/LDP of W registers, LDPSW', () => {
      exec(['stp x0, x1, [sp, #-16]!'], { 0: 1, 1: 2, [SP]: DATA + 32 });
      expect([m64(DATA + 16), m64(DATA + 24), x(SP)]).toEqual([1n, 2n, BigInt(DATA + 16)]);
      exec(['stp w0, w1, [x2, #8]'], { 0: 0x1111111122222222n, 1: 0x3333333344444444n, 2: DATA });
      expect([m32(DATA + 8), m32(DATA + 12), m32(DATA + 16)]).toEqual([0x22222222, 0x44444444, 0x93929190]);
      exec(['ldp w0, w1, [x2, #8]'], { 0: -1n, 1: -1n, 2: DATA });
      expect([x(0), x(1)]).toEqual([0x8b8a8988n, 0x8f8e8d8cn]);
      exec(['ldpsw x0, x1, [x2, #-8]'], { 2: DATA + 16 });
      expect([x(0), x(1)]).toEqual([0xffffffff8b8a8988n, 0xffffffff8f8e8d8cn]);
    });
    it('LDNP/STNP', () => {
      exec(['stnp x0, x1, [x2, #16]', 'ldnp x0, x1, [x2, #16]'], { 0: 5, 1: 6, 2: DATA });
      expect([m64(DATA + 16), m64(DATA + 24), x(0), x(1), x(2)]).toEqual([5n, 6n, 5n, 6n, BigInt(DATA)]);
    });
    it('LDP whose second half faults writes no register', () => {
      const out = (() => {
        try {
          return run(['ldp x0, x1, [x2]', UDF], { 0: 7, 1: 8, 2: UNMAPPED - 8 });
        } catch (e) {
          return e;
        }
      })();
      expect(out).toBeInstanceOf(GuestFault);
      expect([x(0), x(1), x(2)]).toEqual([7n, 8n, BigInt(UNMAPPED - 8)]);
    });
    it('LDPSW with the no-allocate form is unallocated', () => {
      const ldnpsw = I['ldpsw x0, x1, [x2, #-8]'] & ~(3 << 23); // mode 00
      expect(run([ldnpsw], { 2: DATA })).toMatchObject({ excp: Excp.ILLEGAL_INSN, pc: CODE });
    });
  });

  describe('aarch64 SIMD&FP register loads and stores', () => {
    const ONES = 0xffffffffffffffffn;
    it.each<[Insn, bigint, bigint]>([
      ['ldr b0, [x1, #1]', 0x81n, 0n],
      ['ldr h0, [x1, #2]', 0x8382n, 0n],
      ['ldr s0, [x1, #4]', 0x87868584n, 0n],
      ['ldr d0, [x1, #8]', pattern64(8), 0n],
      ['ldr q0, [x1, #16]', pattern64(16), pattern64(24)],
    ])('%s zeroes the rest of the register', (insn, lo, hi) => {
      reset();
      setV(0, ONES, ONES);
      exec([insn], { 1: DATA }, false);
      expect(v(0)).toEqual([lo, hi]);
    });
    it('ldur q0 at a misaligned address', () => {
      exec(['ldur q0, [x1, #-1]'], { 1: DATA + 0x101 });
      expect(v(0)).toEqual([pattern64(0x100), pattern64(0x108)]);
    });
    it('stores of B/H/S/D/Q write their bytes, with writeback', () => {
      reset();
      setV(0, 0x0807060504030201n, 0x100f0e0d0c0b0a09n);
      exec(['str b0, [x1], #1', 'str h0, [x1, #2]', 'str s0, [x1, #4]', 'str d0, [x1, #8]'], { 1: DATA }, false);
      expect(x(1)).toBe(BigInt(DATA + 1));
      expect([m8(DATA), m16(DATA + 3), m32(DATA + 5), m64(DATA + 9)]).toEqual([1, 0x0201, 0x04030201, 0x0807060504030201n]);
      exec(['str q0, [x1, #-16]!'], { 1: DATA + 64 }, false);
      expect([m64(DATA + 48), m64(DATA + 56), x(1)]).toEqual([0x0807060504030201n, 0x100f0e0d0c0b0a09n, BigInt(DATA + 48)]);
    });
    it('register offset Q load and UXTW D store', () => {
      exec(['ldr q0, [x1, x2, lsl #4]'], { 1: DATA, 2: 2 });
      expect(v(0)).toEqual([pattern64(32), pattern64(40)]);
      exec(['str d0, [x1, w2, uxtw #3]'], { 1: DATA, 2: 0x100000001n }, false);
      expect(m64(DATA + 8)).toBe(pattern64(32));
    });
    it('LDP/STP of S, D and Q registers', () => {
      exec(['ldp q0, q1, [x1, #32]'], { 1: DATA });
      expect([v(0), v(1)]).toEqual([[pattern64(32), pattern64(40)], [pattern64(48), pattern64(56)]]);
      exec(['stp q0, q1, [x1]'], { 1: DATA + 0x200 }, false);
      expect([m64(DATA + 0x200), m64(DATA + 0x218)]).toEqual([pattern64(32), pattern64(56)]);
      exec(['ldp d0, d1, [x1], #16'], { 1: DATA }, false);
      expect([v(0), v(1), x(1)]).toEqual([[pattern64(0), 0n], [pattern64(8), 0n], BigInt(DATA + 16)]);
      setV(0, 0x11111111n, 0n);
      setV(1, 0x22222222n, 0n);
      exec(['stp s0, s1, [x1, #-8]!'], { 1: DATA + 16 }, false);
      expect([m32(DATA + 8), m32(DATA + 12), x(1)]).toEqual([0x11111111, 0x22222222, BigInt(DATA + 8)]);
    });
    it('a Q load whose upper half faults leaves the register unchanged', () => {
      reset();
      setV(0, 1n, 2n);
      expect(() => run(['ldr q0, [x1, #16]', UDF], { 1: UNMAPPED - 24 }, false)).toThrow(GuestFault);
      expect(v(0)).toEqual([1n, 2n]);
    });
    it('the unprivileged form does not exist for SIMD&FP registers', () => {
      const sttrQ = (I['ldur q0, [x1, #-1]'] & ~(3 << 10)) | (2 << 10);
      expect(run([sttrQ], { 1: DATA })).toMatchObject({ excp: Excp.ILLEGAL_INSN, pc: CODE });
    });
  });

  describe('aarch64 exclusives', () => {
    const excl = (): bigint => env64(A64.EXCL_ADDR);
    it('LDXR arms the monitor; STXR then succeeds and closes it', () => {
      exec(['ldxr x0, [x1]', 'stxr w2, x3, [x1]'], { 1: DATA + 8, 2: 7, 3: 0x1234 });
      expect(x(0)).toBe(pattern64(8));
      expect(x(2)).toBe(0n);
      expect(m64(DATA + 8)).toBe(0x1234n);
      expect(excl()).toBe(-1n);
    });
    it('LDAXR/STLXR on W, LDXRB/STXRB, LDXRH/STXRH', () => {
      exec(['ldaxr w0, [x1]', 'stlxr w2, w3, [x1]'], { 0: -1n, 1: DATA + 4, 2: 7, 3: 0xaabbccdd11223344n });
      expect([x(0), x(2), m32(DATA + 4), m32(DATA + 8)]).toEqual([0x87868584n, 0n, 0x11223344, 0x8b8a8988]);
      exec(['ldxrb w0, [x1]', 'stxrb w2, w3, [x1]'], { 1: DATA + 3, 2: 7, 3: 0x1ff });
      expect([x(0), x(2), m8(DATA + 3), m8(DATA + 4)]).toEqual([0x83n, 0n, 0xff, 0x84]);
      exec(['ldxrh w0, [x1]', 'stxrh w2, w3, [x1]'], { 1: DATA + 2, 2: 7, 3: 0x1beef });
      expect([x(0), x(2), m16(DATA + 2), m8(DATA + 4)]).toEqual([0x8382n, 0n, 0xbeef, 0x84]);
    });
    it('STXR without a reservation fails and stores nothing', () => {
      exec(['stxr w2, x3, [x1]'], { 1: DATA, 3: 5 });
      expect(x(2)).toBe(1n);
      expect(m64(DATA)).toBe(pattern64(0));
    });
    it('STXR to another address fails and closes the monitor', () => {
      exec(['ldxr x0, [x1]'], { 1: DATA });
      expect(excl()).toBe(BigInt(DATA));
      exec(['stxr w2, x3, [x1]'], { 1: DATA + 8, 3: 5 }, false);
      expect(x(2)).toBe(1n);
      expect(m64(DATA + 8)).toBe(pattern64(8));
      expect(excl()).toBe(-1n);
    });
    it('STXR fails when memory changed since LDXR', () => {
      exec(['ldxr x0, [x1]'], { 1: DATA });
      setM64(DATA, 42n);
      exec(['stxr w2, x3, [x1]'], { 1: DATA, 3: 5 }, false);
      expect(x(2)).toBe(1n);
      expect(m64(DATA)).toBe(42n);
    });
    it('LDXP/STXP of X and W pairs', () => {
      exec(['ldxp x0, x4, [x1]', 'stxp w2, x3, x5, [x1]'], { 1: DATA + 16, 3: 10, 5: 11 });
      expect([x(0), x(4), x(2), m64(DATA + 16), m64(DATA + 24)]).toEqual([pattern64(16), pattern64(24), 0n, 10n, 11n]);
      exec(['ldxp w0, w4, [x1]', 'stlxp w2, w3, w5, [x1]'], { 1: DATA + 8, 3: 0xffffffff00000010n, 5: 0x11 });
      expect([x(0), x(4), x(2), m32(DATA + 8), m32(DATA + 12)]).toEqual([0x8b8a8988n, 0x8f8e8d8cn, 0n, 0x10, 0x11]);
      // A changed second word makes STXP fail.
      exec(['ldxp x0, x4, [x1]'], { 1: DATA + 16 });
      setM64(DATA + 24, 99n);
      exec(['stxp w2, x3, x5, [x1]'], { 1: DATA + 16, 3: 1, 5: 2 }, false);
      expect([x(2), m64(DATA + 16), m64(DATA + 24)]).toEqual([1n, pattern64(16), 99n]);
    });
    it.each<[Insn, number]>([
      ['ldxr x0, [x1]', DATA + 4],
      ['ldaxr w0, [x1]', DATA + 2],
      ['ldxrh w0, [x1]', DATA + 1],
      ['stxr w2, x3, [x1]', DATA + 12],
      ['ldxp x0, x4, [x1]', DATA + 8],
      ['cas x0, x3, [x1]', DATA + 1],
      ['ldaddal x0, x3, [x1]', DATA + 4],
      ['swph w0, w3, [x1]', DATA + 1],
      ['ldar x0, [x1]', DATA + 4],
      ['stlr w0, [x1]', DATA + 2],
      ['stlrh w0, [x1]', DATA + 1],
      // misaligned and unmapped: the alignment fault comes first
      ['stlr w0, [x1]', UNMAPPED + 2],
    ])('misaligned %s raises BUS_ADRALN with the address', (insn, addr) => {
      const out = run([insn, UDF], { 0: 1, 1: addr, 2: 7 });
      expect(out).toEqual({ reason: ExitReason.EXCEPTION, excp: Excp.BUS_ADRALN, pc: CODE });
      expect(env64(ENV.EXCEPTION_ADDR)).toBe(BigInt(addr));
      expect([x(0), x(2)]).toEqual([1n, 7n]);
    });
  });

  describe('aarch64 compare and swap', () => {
    it('CAS succeeds: stores Rt, Rs gets the old value', () => {
      exec(['cas x0, x3, [x1]'], { 0: pattern64(8), 1: DATA + 8, 3: 77 });
      expect([x(0), m64(DATA + 8)]).toEqual([pattern64(8), 77n]);
    });
    it('CAS fails: memory unchanged, Rs gets the old value', () => {
      exec(['cas x0, x3, [x1]'], { 0: 1, 1: DATA + 8, 3: 77 });
      expect([x(0), m64(DATA + 8)]).toEqual([pattern64(8), pattern64(8)]);
    });
    it('CASAL W and CASB/CASH compare only the access size', () => {
      exec(['casal w0, w3, [x1]'], { 0: 0xffffffff87868584n, 1: DATA + 4, 3: 0x55 });
      expect([x(0), m32(DATA + 4), m32(DATA + 8)]).toEqual([0x87868584n, 0x55, 0x8b8a8988]);
      exec(['casb w0, w3, [x1]'], { 0: 0x181, 1: DATA + 1, 3: 0x1ee });
      expect([x(0), m8(DATA + 1), m8(DATA + 2)]).toEqual([0x81n, 0xee, 0x82]);
      exec(['cash w0, w3, [x1]'], { 0: 0x8383, 1: DATA + 2, 3: 0x1234 });
      expect([x(0), m16(DATA + 2)]).toEqual([0x8382n, 0x8382]);
    });
    it('CASP of X pairs: success and failure', () => {
      exec(['casp x4, x5, x6, x7, [x1]'], { 1: DATA + 16, 4: pattern64(16), 5: pattern64(24), 6: 1, 7: 2 });
      expect([x(4), x(5), m64(DATA + 16), m64(DATA + 24)]).toEqual([pattern64(16), pattern64(24), 1n, 2n]);
      exec(['casp x4, x5, x6, x7, [x1]'], { 1: DATA + 16, 4: pattern64(16), 5: 0, 6: 1, 7: 2 });
      expect([x(4), x(5), m64(DATA + 16), m64(DATA + 24)]).toEqual([pattern64(16), pattern64(24), pattern64(16), pattern64(24)]);
    });
    it('CASPAL of W pairs', () => {
      exec(['caspal w4, w5, w6, w7, [x1]'], { 1: DATA + 8, 4: 0x8b8a8988, 5: 0x8f8e8d8c, 6: 0x10, 7: 0x20 });
      expect([x(4), x(5), m32(DATA + 8), m32(DATA + 12)]).toEqual([0x8b8a8988n, 0x8f8e8d8cn, 0x10, 0x20]);
      exec(['caspal w4, w5, w6, w7, [x1]'], { 1: DATA + 8, 4: 0x10, 5: 0x21, 6: 1, 7: 2 }, false);
      expect([x(4), x(5), m32(DATA + 8), m32(DATA + 12)]).toEqual([0x10n, 0x20n, 0x10, 0x20]);
    });
    it.each<[string, Insn[], Record<number, bigint | number>, number]>([
      // [what, code, registers, address]: each would write nothing (a failing compare) or something
      ['CAS (compare fails)', ['cas x0, x3, [x1]'], { 0: 1, 1: DATA + 8, 3: 77 }, DATA + 8],
      ['CASP X (compare fails)', ['casp x4, x5, x6, x7, [x1]'], { 1: DATA + 16, 4: 0, 5: 0, 6: 1, 7: 2 }, DATA + 16],
      ['CASP X (compare holds)', ['casp x4, x5, x6, x7, [x1]'], { 1: DATA + 16, 4: pattern64(16), 5: pattern64(24), 6: 1, 7: 2 }, DATA + 16],
      ['CASPAL W', ['caspal w4, w5, w6, w7, [x1]'], { 1: DATA + 8, 4: 0x8b8a8988, 5: 0x8f8e8d8c, 6: 1, 7: 2 }, DATA + 8],
      ['LDADDAL', ['ldaddal x0, x3, [x1]'], { 0: 1, 1: DATA + 8, 3: 5 }, DATA + 8],
      ['STXR after LDXR', ['ldxr x0, [x1]', 'stxr w2, x3, [x1]'], { 1: DATA + 8, 2: 7, 3: 5 }, DATA + 8],
      ['STXP X after LDXP', ['ldxp x0, x4, [x1]', 'stxp w2, x3, x5, [x1]'], { 1: DATA + 16, 2: 7, 3: 5, 5: 6 }, DATA + 16],
    ])('%s on a read-only page faults as a store at its pc, changing nothing', (_what, code, regs, addr) => {
      reset();
      mem.setProt(DATA, PAGE_SIZE, 1);
      const regsBefore = Array.from({ length: 8 }, (_, r) => BigInt.asUintN(64, BigInt(regs[r] ?? 0)));
      let fault: unknown;
      try {
        run([...code, UDF], regs, false);
      } catch (e) {
        fault = e;
      }
      expect(fault).toBeInstanceOf(GuestFault);
      expect(fault).toMatchObject({ addr: BigInt(addr), access: 'write', mapped: true });
      const last = code.length - 1;
      expect(env64(ENV.PC)).toBe(BigInt(CODE + 4 * last));
      // LDXR/LDXP before the store wrote their registers; nothing else changed
      const written = code[0].startsWith('ldx') ? (code[0].includes('x4') ? [0, 4] : [0]) : [];
      for (let r = 0; r < 8; r++) if (!written.includes(r)) expect(x(r), `x${r}`).toBe(regsBefore[r]);
      for (let k = 0; k < 32; k += 8) expect(m64(DATA + k)).toBe(pattern64(k));
    });
    it('CASP of X registers on an unmapped page faults (MAPERR) at its address', () => {
      let fault: unknown;
      try {
        run(['casp x4, x5, x6, x7, [x1]', UDF], { 1: UNMAPPED + 16 });
      } catch (e) {
        fault = e;
      }
      expect(fault).toBeInstanceOf(GuestFault);
      expect(fault).toMatchObject({ addr: BigInt(UNMAPPED + 16), access: 'write', mapped: false });
      expect(env64(ENV.PC)).toBe(BigInt(CODE));
    });
    it('CASP with an odd register is unallocated', () => {
      const odd = I['casp x4, x5, x6, x7, [x1]'] | (1 << 16); // Rs = 5
      expect(run([odd], { 1: DATA })).toMatchObject({ excp: Excp.ILLEGAL_INSN, pc: CODE });
    });
  });

  describe('aarch64 LSE atomics', () => {
    type Case = [string, bigint, bigint, bigint];
    // [op, memory before, Rs, memory after]; Rt always receives the old value.
    const b8: Case[] = [
      ['ldaddb', 0xf0n, 0x1020n, 0x10n],
      ['ldclrb', 0xf0n, 0x30n, 0xc0n],
      ['ldeorb', 0xf0n, 0xffn, 0x0fn],
      ['ldsetb', 0xf0n, 0x0fn, 0xffn],
      ['ldsmaxb', 0xf0n, 0x05n, 0x05n], // -16 vs 5
      ['ldsminb', 0xf0n, 0x05n, 0xf0n],
      ['ldumaxb', 0xf0n, 0x105n, 0xf0n], // Rs compared as a byte: 0x05
      ['lduminb', 0xf0n, 0x105n, 0x05n],
      ['swpb', 0xf0n, 0x1abn, 0xabn],
    ];
    const h16: Case[] = [
      ['ldaddh', 0xfff0n, 0x20n, 0x0010n],
      ['ldsmaxh', 0x8000n, 0x7fffn, 0x7fffn],
      ['ldsminh', 0x8000n, 0x7fffn, 0x8000n],
      ['ldumaxh', 0x8000n, 0x7fffn, 0x8000n],
      ['lduminh', 0x8000n, 0x7fffn, 0x7fffn],
      ['ldeorh', 0x1234n, 0xffffn, 0xedcbn],
    ];
    const w32: Case[] = [
      ['ldadd', 0xffffffffn, 2n, 1n],
      ['ldclr', 0xffffffffn, 0xffff0000n, 0xffffn],
      ['ldsmax', 0x80000000n, 1n, 1n],
      ['ldsmin', 0x80000000n, 0xffffffffn, 0x80000000n],
      ['ldumax', 0x80000000n, 1n, 0x80000000n],
      ['ldumin', 0x80000000n, 0xffffffffn, 0x80000000n],
      ['ldset', 0x0f0f0000n, 0xf0n, 0x0f0f00f0n],
      ['swp', 5n, 0x1122334455667788n, 0x55667788n],
    ];
    const x64: Case[] = [
      ['ldaddal', 0xffffffffffffffffn, 2n, 1n],
      ['ldclral', 0xffn, 0x0fn, 0xf0n],
      ['ldeoral', 0xffn, 0x0fn, 0xf0n],
      ['ldsetal', 0x100000000n, 1n, 0x100000001n],
      ['ldsmaxal', 0x8000000000000000n, 1n, 1n],
      ['ldsminal', 0x8000000000000000n, 1n, 0x8000000000000000n],
      ['ldumaxal', 0x8000000000000000n, 1n, 0x8000000000000000n],
      ['lduminal', 0x8000000000000000n, 1n, 1n],
      ['swpal', 5n, 0x1122334455667788n, 0x1122334455667788n],
    ];
    const sizes = [[b8, 'w', 1], [h16, 'w', 2], [w32, 'w', 4], [x64, 'x', 8]] as const;
    const cases = sizes.flatMap(([list, reg, bytes]) => list.map(([op, before, rs, after]) => [`${op} ${reg}0, ${reg}3, [x1]`, bytes, before, rs, after] as const));
    it.each(cases)('%s', (insn, bytes, before, rs, after) => {
      reset();
      setM64(DATA + 8, 0x7777777777777777n);
      const mask = (1n << BigInt(8 * bytes)) - 1n;
      setM64(DATA, (0x7777777777777777n & ~mask) | before);
      exec([insn as Insn], { 0: rs, 1: DATA, 3: -1n }, false);
      expect(x(3)).toBe(before);
      expect(m64(DATA)).toBe((0x7777777777777777n & ~mask) | after);
      expect(m64(DATA + 8)).toBe(0x7777777777777777n);
      expect(x(0)).toBe(BigInt.asUintN(64, rs));
    });
    it('STADD (Rt = XZR) updates memory and writes no register (not SP)', () => {
      exec(['stadd x0, [x1]'], { 0: 3, 1: DATA, [SP]: 0x1000 });
      expect(m64(DATA)).toBe(pattern64(0) + 3n);
      expect(x(SP)).toBe(0x1000n);
    });
  });
});
