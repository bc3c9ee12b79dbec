// Tests of the AdvSIMD front end (a64-simd.decode, trans/simd*.ts, simd-helpers.ts): each
// case runs one instruction through the translator and the interpreter backend from a
// fixed register and memory state, and compares V0-V7, X0/X1 and the data buffer with
// what qemu-aarch64 produced for the same instruction and state. The expected values
// were recorded once with a generated C program (inline asm: load V0-V7, X0/X1, run the
// instruction, store them back) so the suite needs neither a cross compiler nor qemu.

import { describe, expect, it } from 'vitest';
import { GuestFault, GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, PAGE_SIZE } from '../../src/memory/layout.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { ENV, ExitReason } from '../../src/tcg/env.js';
import { InterpBackend } from '../../src/hostbackend/interp/interp.js';
import { aarch64 } from '../../src/cpu/aarch64/index.js';
import { A64, vOffset, xOffset } from '../../src/cpu/aarch64/state.js';

const CODE = 0x10000;
const DATA = 0x40000;
const ENV_BASE = ENV_AREA;
const mem = new GuestMemory();
const dv = mem.dv;

/** V0..V7 before every case (V2 holds small indices for TBL); V30/V31 are all 0x33 / 0x44. */
const VIN = hex(
  'dc0465aa1fad1d5adae5ac1b1e5f1370796cfd10ff19af601d04acb41d022b4600050a0f14191e2304090e13181d220395b5cc892911ff06b6622edf3cf935fd' +
  '4b9428ca097c44b3025e965fb3ea6dacd42d816e69afe0e6874c9c04e7d2365d2c60c9eaf479f686a0eb9326e46212d50dcbb377156a6a3a68ba8edb7408469e',
);
/** The data buffer X0 points at: byte i = i*37+11. */
const BUF = Uint8Array.from({ length: 256 }, (_, i) => (i * 37 + 11) & 255);
const X1_IN = 0x30n;

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
}
const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const vreg = (r: number): string => toHex(mem.u8.slice(ENV_BASE + vOffset(r), ENV_BASE + vOffset(r) + 16));
const xreg = (r: number): bigint => dv.getBigUint64(ENV_BASE + xOffset(r), true);

/** Runs the given instruction words as one block from the fixed state; returns the exit reason. */
function exec(words: number[], setup: () => void = () => {}): ExitReason {
  mem.setProt(0, 0x100000, 0);
  mem.rawFill(CODE, PAGE_SIZE);
  mem.rawFill(DATA, PAGE_SIZE);
  mem.setProt(CODE, PAGE_SIZE, 5);
  mem.setProt(DATA, PAGE_SIZE, 3);
  const code = new Uint8Array(words.length * 4);
  words.forEach((w, i) => new DataView(code.buffer).setUint32(4 * i, w, true));
  mem.rawWrite(CODE, code);
  mem.rawWrite(DATA, BUF);
  mem.rawFill(ENV_BASE, A64.SIZE);
  mem.u8.set(VIN, ENV_BASE + vOffset(0));
  mem.u8.fill(0x33, ENV_BASE + vOffset(30), ENV_BASE + vOffset(30) + 16);
  mem.u8.fill(0x44, ENV_BASE + vOffset(31), ENV_BASE + vOffset(31) + 16);
  dv.setBigUint64(ENV_BASE + xOffset(0), BigInt(DATA), true);
  dv.setBigUint64(ENV_BASE + xOffset(1), X1_IN, true);
  dv.setBigUint64(ENV_BASE + ENV.PC, BigInt(CODE), true);
  setup();
  const helpers = new HelperRegistry();
  const tr = aarch64.createTranslator(helpers);
  const backend = new InterpBackend({ mem, helpers });
  const tb = tr.translate(mem, CODE, { maxInsns: words.length });
  return backend.run(backend.compile([tb]).slots[0], ENV_BASE);
}

interface Case {
  asm: string;
  word: number;
  /** Registers among V0-V7 that changed, with their new contents. */
  v: Record<number, string>;
  x0delta?: number;
  x0?: bigint;
  x1?: bigint;
  mem?: string;
}

// Recorded with qemu-aarch64 (see the header).
const CASES: Case[] = [
  { asm: "add v0.4s, v1.4s, v2.4s", word: 0x4ea28420, v: {0: '797107201333cd83210dbac7351f4d49'} },
  { asm: "add v0.8b, v1.8b, v2.8b", word: 0x0e228420, v: {0: '7971071f1332cd830000000000000000'} },
  { asm: "cmeq v0.16b, v1.16b, v2.16b", word: 0x6e228c20, v: {0: '0000000000ff00000000000000000000'} },
  { asm: "cmhi v0.8h, v1.8h, v2.8h", word: 0x6e623420, v: {0: 'ffffffffffffffff0000ffff0000ffff'} },
  { asm: "cmgt d0, d1, d2", word: 0x5ee23420, v: {0: 'ffffffffffffffff0000000000000000'} },
  { asm: "cmlt v0.4s, v1.4s, #0", word: 0x4ea0a820, v: {0: '0000000000000000ffffffff00000000'} },
  { asm: "tbl v0.16b, {v1.16b}, v2.16b", word: 0x4e020020, v: {0: '7919ac4600000000ff042b0000000010'} },
  { asm: "tbx v0.16b, {v1.16b}, v2.16b", word: 0x4e021020, v: {0: '7919ac461fad1d5aff042b1b1e5f1310'} },
  { asm: "tbl v0.16b, {v30.16b, v31.16b, v0.16b}, v2.16b", word: 0x4e0243c0, v: {0: '33333333444444aa3333334444446533'} },
  { asm: "ld1 {v0.16b}, [x0]", word: 0x4c407000, v: {0: '0b30557a9fc4e90e33587da2c7ec1136'}, x0delta: 0 },
  { asm: "ld2 {v4.8h, v5.8h}, [x0], #32", word: 0x4cdf8404, v: {4: '0b309fc43358c7ec5b80ef1483a8173c', 5: '557ae90e7da21136a5ca395ecdf26186'}, x0delta: 32 },
  { asm: "ld4 {v4.16b-v7.16b}, [x0]", word: 0x4c400004, v: {4: '0b9f33c75bef8317ab3fd367fb8f23b7', 5: '30c458ec8014a83cd064f88c20b448dc', 6: '55e97d11a539cd61f5891db145d96d01', 7: '7a0ea236ca5ef2861aae42d66afe9226'}, x0delta: 0 },
  { asm: "st3 {v1.4s-v3.4s}, [x0], x1", word: 0x4c814801, v: {}, x0delta: 48, mem: '796cfd1000050a0f95b5cc89ff19af6014191e232911ff061d04acb404090e13b6622edf1d022b46181d22033cf935fdfb20456a8fb4d9fe23486d92b7dc01264b7095badf04294e7398bde2072c51769bc0e50a2f54799ec3e80d32577ca1c6eb10355a7fa4c9ee13385d82a7ccf1163b6085aacff4193e6388add2f71c41668bb0d5fa1f44698eb3d8fd22476c91b6db00254a6f94b9de03284d7297bce1062b50759abfe4092e53789dc2e70c31567ba0c5ea0f34597ea3c8ed12375c81a6cbf0153a5f84a9cef3183d6287acd1f61b40658aafd4f91e43688db2d7fc21466b90b5daff24496e93b8dd02274c7196bbe0052a4f7499bee3082d52779cc1e6' },
  { asm: "ld1 {v3.s}[1], [x0]", word: 0x0d409003, v: {3: '95b5cc890b30557ab6622edf3cf935fd'}, x0delta: 0 },
  { asm: "ld1r {v3.8h}, [x0], #2", word: 0x4ddfc403, v: {3: '0b300b300b300b300b300b300b300b30'}, x0delta: 2 },
  { asm: "umaxv b0, v1.16b", word: 0x6e30a820, v: {0: 'ff000000000000000000000000000000'} },
  { asm: "addv h0, v1.8h", word: 0x4e71b820, v: {0: '35f90000000000000000000000000000'} },
  { asm: "uaddlv h0, v1.16b", word: 0x6e303820, v: {0: '2a060000000000000000000000000000'} },
  { asm: "uzp1 v0.8h, v1.8h, v2.8h", word: 0x4e421820, v: {0: '796cff191d041d02000514190409181d'} },
  { asm: "uzp2 v0.8h, v1.8h, v2.8h", word: 0x4e425820, v: {0: 'fd10af60acb42b460a0f1e230e132203'} },
  { asm: "zip1 v0.4s, v1.4s, v2.4s", word: 0x4e823820, v: {0: '796cfd1000050a0fff19af6014191e23'} },
  { asm: "zip2 v0.16b, v1.16b, v2.16b", word: 0x4e027820, v: {0: '1d040409ac0eb4131d18021d2b224603'} },
  { asm: "trn1 v0.8b, v1.8b, v2.8b", word: 0x0e022820, v: {0: '7900fd0aff14af1e0000000000000000'} },
  { asm: "trn2 v0.4h, v1.4h, v2.4h", word: 0x0e426820, v: {0: 'fd100a0faf601e230000000000000000'} },
  { asm: "ushr v0.4s, v1.4s, #32", word: 0x6f200420, v: {0: '00000000000000000000000000000000'} },
  { asm: "sshr v0.4s, v1.4s, #32", word: 0x4f200420, v: {0: '0000000000000000ffffffff00000000'} },
  { asm: "shl v0.2d, v1.2d, #0", word: 0x4f405420, v: {0: '796cfd10ff19af601d04acb41d022b46'} },
  { asm: "ushr d0, d1, #3", word: 0x7f7d0420, v: {0: '8fad1fe23fe3150c0000000000000000'} },
  { asm: "shrn v0.8b, v1.8h, #4", word: 0x0f0c8420, v: {0: 'c70f9f0a414a21620000000000000000'} },
  { asm: "ext v0.16b, v1.16b, v2.16b, #3", word: 0x6e021820, v: {0: '10ff19af601d04acb41d022b4600050a'} },
  { asm: "ext v0.8b, v1.8b, v2.8b, #5", word: 0x2e022820, v: {0: '19af6000050a0f140000000000000000'} },
  { asm: "movi v0.2d, #0xff00ff00ff00ff00", word: 0x6f05e540, v: {0: '00ff00ff00ff00ff00ff00ff00ff00ff'} },
  { asm: "mvni v0.4s, #0x12, lsl #8", word: 0x6f002640, v: {0: 'ffedffffffedffffffedffffffedffff'} },
  { asm: "bic v0.8h, #0xff", word: 0x6f0797e0, v: {0: '000400aa00ad005a00e5001b005f0070'} },
  { asm: "orr v0.2s, #0x1, lsl #24", word: 0x0f007420, v: {0: 'dc0465ab1fad1d5b0000000000000000'} },
  { asm: "fmov v0.4s, #1.0", word: 0x4f03f600, v: {0: '0000803f0000803f0000803f0000803f'} },
  { asm: "fmov v0.2d, #-2.5", word: 0x6f04f480, v: {0: '00000000000004c000000000000004c0'} },
  { asm: "dup v0.8h, w1", word: 0x4e020c20, v: {0: '30003000300030003000300030003000'} },
  { asm: "dup v0.4s, v1.s[3]", word: 0x4e1c0420, v: {0: '1d022b461d022b461d022b461d022b46'} },
  { asm: "ins v0.b[5], w1", word: 0x4e0b1c20, v: {0: 'dc0465aa1f301d5adae5ac1b1e5f1370'} },
  { asm: "mov v0.d[1], v1.d[0]", word: 0x6e180420, v: {0: 'dc0465aa1fad1d5a796cfd10ff19af60'} },
  { asm: "umov w0, v1.h[7]", word: 0x0e1e3c20, v: {}, x0: 0x462bn },
  { asm: "smov x0, v1.b[2]", word: 0x4e052c20, v: {}, x0: 0xfffffffffffffffdn },
  { asm: "mov s0, v1.s[3]", word: 0x5e1c0420, v: {0: '1d022b46000000000000000000000000'} },
  { asm: "addp d0, v1.2d", word: 0x5ef1b820, v: {0: '9670a9c51c1cdaa60000000000000000'} },
  { asm: "addp v0.4s, v1.4s, v2.4s", word: 0x4ea2bc20, v: {0: '7886ac713a06d7fa141e28321c263016'} },
  { asm: "uxtl v0.8h, v1.8b", word: 0x2f08a420, v: {0: '79006c00fd001000ff001900af006000'} },
  { asm: "sxtl2 v0.2d, v1.4s", word: 0x4f20a420, v: {0: '1d04acb4ffffffff1d022b4600000000'} },
  { asm: "xtn2 v0.16b, v1.8h", word: 0x4e212820, v: {0: 'dc0465aa1fad1d5a79fdffaf1dac1d2b'} },
  { asm: "rev64 v0.16b, v1.16b", word: 0x4e200820, v: {0: '60af19ff10fd6c79462b021db4ac041d'} },
  { asm: "rev32 v0.8h, v1.8h", word: 0x6e600820, v: {0: 'fd10796caf60ff19acb41d042b461d02'} },
  { asm: "cnt v0.8b, v1.8b", word: 0x0e205820, v: {0: '05040701080306020000000000000000'} },
  { asm: "bsl v0.16b, v1.16b, v2.16b", word: 0x6e621c20, v: {0: '58056f051f190f611c0cae101c022343'} },
  { asm: "umull v0.2d, v1.2s, v2.2s", word: 0x2ea2c020, v: {0: '005dd8469683ff00ecee19908b4e430d'} },
  { asm: "smlal2 v0.4s, v1.8h, v2.8h", word: 0x4e628020, v: {0: '501a8aaa875282549261ea1bd431ef70'} },
  { asm: "ushl v0.16b, v1.16b, v2.16b", word: 0x6e224420, v: {0: '7980000000000000d000000000000030'} },
  { asm: "fadd v0.4s, v1.4s, v2.4s", word: 0x4e22d420, v: {0: '8c560711ff19af601d04acb41d022b46'} },
  { asm: "fmla v0.2d, v1.2d, v2.d[1]", word: 0x4fc21820, v: {} },
  { asm: "faddp d0, v1.2d", word: 0x7e70d820, v: {0: '796cfd10ff19af600000000000000000'} },
  { asm: "fcvtzs v0.4s, v1.4s", word: 0x4ea1b820, v: {0: '00000000ffffff7f00000000c02a0000'} },
  { asm: "scvtf v0.2d, v1.2d", word: 0x4e61d820, v: {0: '5b3fc47fc62bd843012b6d87c08ad143'} },
  { asm: "fcmgt v0.4s, v1.4s, #0.0", word: 0x4ea0c820, v: {0: 'ffffffffffffffff00000000ffffffff'} },
  { asm: "fmaxv s0, v1.4s", word: 0x6e30f820, v: {0: 'ff19af60000000000000000000000000'} },
  { asm: "uqadd v0.16b, v1.16b, v2.16b", word: 0x6e220c20, v: {0: '7971ff1fff32cd83210dbac7351f4d49'} },
  { asm: "sqxtn v0.8b, v1.8h", word: 0x0e214820, v: {0: '7f7f7f7f7f807f7f0000000000000000'} },
  { asm: "sli v0.4s, v1.4s, #8", word: 0x6f285420, v: {0: 'dc796cfd1fff19afda1d04ac1e1d022b'} },
  { asm: "sri v0.4s, v1.4s, #32", word: 0x6f204420, v: {} },];

describe('aarch64 AdvSIMD: single instructions against qemu-aarch64', () => {
  for (const c of CASES) {
    it(c.asm, () => {
      expect(exec([c.word])).toBe(ExitReason.LOOKUP);
      for (let r = 0; r < 8; r++) expect([r, vreg(r)]).toEqual([r, c.v[r] ?? toHex(VIN.subarray(16 * r, 16 * r + 16))]);
      if (c.x0delta !== undefined) expect(xreg(0) - BigInt(DATA)).toBe(BigInt(c.x0delta));
      if (c.x0 !== undefined) expect(xreg(0)).toBe(c.x0);
      expect(xreg(1)).toBe(c.x1 ?? X1_IN);
      expect(toHex(mem.u8.slice(DATA, DATA + 256))).toBe(c.mem ?? toHex(BUF));
    });
  }
});

describe('aarch64 AdvSIMD: behaviour', () => {
  it('shifts by zero and by the element size', () => {
    // shl v0.2d, v1.2d, #0 ; ushr v3.16b, v1.16b, #8 ; sshr v4.8h, v1.8h, #16
    exec([0x4f405420, 0x6f080423, 0x4f100424]);
    expect(vreg(0)).toBe(vreg(1));
    expect(vreg(3)).toBe('00'.repeat(16));
    const v1 = VIN.subarray(16, 32);
    const signs = Array.from({ length: 8 }, (_, i) => (v1[2 * i + 1] & 0x80 ? 'ffff' : '0000')).join('');
    expect(vreg(4)).toBe(signs);
  });

  it('TBX keeps Vd bytes whose index is out of range; TBL zeroes them', () => {
    exec([0x4e021020]); // tbx v0.16b, {v1.16b}, v2.16b
    const idx = VIN.subarray(32, 48);
    const want = Array.from(idx, (k, i) => (k < 16 ? VIN[16 + k] : VIN[i]));
    expect(vreg(0)).toBe(toHex(Uint8Array.from(want)));
  });

  it('UMAXV/ADDV over a vector of all ones and a single large lane', () => {
    // movi v1.16b, #1 ; mov v1.b[9], w1 (x1 = 0x30) ; umaxv b0, v1.16b ; addv b2, v1.16b
    exec([0x4f00e421, 0x4e131c21, 0x6e30a820, 0x4e31b822]);
    expect(vreg(0)).toBe('30' + '00'.repeat(15));
    expect(vreg(2)).toBe((15 + 0x30).toString(16) + '00'.repeat(15));
  });

  it('Q=0 operations clear the upper half of Vd', () => {
    exec([0x0e228420]); // add v0.8b, v1.8b, v2.8b
    expect(vreg(0).slice(16)).toBe('00'.repeat(8));
    exec([0x0f007420]); // orr v0.2s, #0x1, lsl #24
    expect(vreg(0).slice(16)).toBe('00'.repeat(8));
  });

  it('sets FPSR.QC on saturation', () => {
    exec([0x6e220c20]); // uqadd v0.16b, v1.16b, v2.16b
    expect(dv.getUint32(ENV_BASE + A64.FPSR, true) & (1 << 27)).not.toBe(0);
  });

  it('raises an illegal instruction for reserved shapes', () => {
    // add v0.1d, v1.1d, v2.1d (Q=0, size=3) is reserved
    expect(exec([0x0ee28420])).toBe(ExitReason.EXCEPTION);
  });

  it('faults precisely: a structure load that faults leaves the registers unchanged', () => {
    // ld4 {v4.16b-v7.16b}, [x0] with x0 at the last 32 bytes of the data page
    const run = () => exec([0x4c400004], () => dv.setBigUint64(ENV_BASE + xOffset(0), BigInt(DATA + PAGE_SIZE - 32), true));
    expect(run).toThrow(GuestFault);
    for (let r = 4; r < 8; r++) expect(vreg(r)).toBe(toHex(VIN.subarray(16 * r, 16 * r + 16)));
  });
});
