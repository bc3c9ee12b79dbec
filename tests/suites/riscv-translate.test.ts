// Tests of the RISC-V front end: the IR the translator emits (block boundaries, x0
// handling, traps), its disassembly against objdump's, and small guest programs run
// end to end through the interpreter backend. Programs were assembled with
// riscv64-linux-gnu-as (source in the comments) so the suite needs no cross compiler.

import { describe, expect, it } from 'vitest';
import { GuestFault, GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, PAGE_SIZE, SHARED_CODE_WORDS } from '../../src/memory/layout.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { ENV, ExitReason, Excp } from '../../src/tcg/env.js';
import type { IrOp, TranslatedBlock } from '../../src/tcg/ir.js';
import { InterpBackend } from '../../src/hostbackend/interp/interp.js';
import { riscv64 } from '../../src/cpu/riscv/index.js';
import { disassemble } from '../../src/cpu/riscv/disas.js';
import { RV, fOffset, xOffset } from '../../src/cpu/riscv/state.js';

const CODE = 0x10000;
const DATA = 0x40000;
const ENV_BASE = ENV_AREA;
const PROT_RX = 5;
const PROT_RW = 3;

const mem = new GuestMemory();
const dv = mem.dv;

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
}
/** Little-endian bytes of 32-bit words and 16-bit halves, in order. */
function words(...ws: number[]): Uint8Array {
  const out: number[] = [];
  for (const w of ws) {
    const n = w > 0xffff ? 4 : 2;
    for (let i = 0; i < n; i++) out.push((w >>> (8 * i)) & 0xff);
  }
  return Uint8Array.from(out);
}

/** Fresh code and data pages holding `code` at CODE (or `at`). */
function load(code: Uint8Array, at = CODE): void {
  mem.setProt(0, 0x100000, 0);
  mem.rawFill(CODE, 4 * PAGE_SIZE);
  mem.rawFill(DATA, 2 * PAGE_SIZE);
  mem.setProt(CODE, 2 * PAGE_SIZE, PROT_RX);
  mem.setProt(DATA, 2 * PAGE_SIZE, PROT_RW);
  mem.rawWrite(at, code);
  mem.rawFill(ENV_BASE, RV.SIZE);
}

function translator() {
  const helpers = new HelperRegistry();
  return { helpers, tr: riscv64.createTranslator(helpers) };
}
function translate(code: Uint8Array, maxInsns = 512, at = CODE): TranslatedBlock {
  load(code, at);
  return translator().tr.translate(mem, at, { maxInsns });
}
/** The ops of the i-th instruction of a block. */
function insnOps(tb: TranslatedBlock, i: number): IrOp[] {
  const starts = tb.ops.flatMap((o, k) => (o.op === 'insn_start' ? [k] : []));
  return tb.ops.slice(starts[i], starts[i + 1] ?? tb.ops.length);
}
const isWrite = (o: IrOp): boolean => o.op.startsWith('st_env') || o.op.startsWith('qemu_st');
const stores = (ops: IrOp[], offset: number): IrOp[] => ops.filter((o) => o.op.startsWith('st_env') && o.consts[0] === offset);

const x = (r: number): bigint => dv.getBigInt64(ENV_BASE + xOffset(r), true);
const setXReg = (r: number, v: bigint | number): void => dv.setBigInt64(ENV_BASE + xOffset(r), BigInt(v), true);
const pc = (): number => Number(dv.getBigInt64(ENV_BASE + ENV.PC, true));

/** Runs from CODE until the guest leaves the translated code for anything but a block lookup. */
function run(hex: string, regs: Record<number, bigint | number> = {}, setup: () => void = () => {}): ExitReason {
  load(hexBytes(hex));
  setup();
  for (const [r, v] of Object.entries(regs)) setXReg(Number(r), v);
  dv.setBigInt64(ENV_BASE + RV.RES_ADDR, -1n, true);
  dv.setBigInt64(ENV_BASE + ENV.PC, BigInt(CODE), true);
  const { helpers, tr } = translator();
  const backend = new InterpBackend({ mem, helpers });
  for (let steps = 0; steps < 1000; steps++) {
    const tb = tr.translate(mem, pc(), { maxInsns: 64 });
    const reason = backend.run(backend.compile([tb]).slots[0], ENV_BASE);
    if (reason !== ExitReason.LOOKUP) return reason;
  }
  throw new Error('guest program did not finish');
}

// Register numbers.
const [RA, SP, T0, T1, T2, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11] = [1, 2, 5, 6, 7, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
const A = (n: number): number => 10 + n;
const T = (n: number): number => [5, 6, 7, 28, 29, 30, 31][n];

// Encodings used by the IR tests.
const ADDI_X0_X0_5 = 0x00500013;
const ADDI_A0_A0_1 = 0x00150513;
const BEQ_A0_A1_8 = 0x00b50463;
const ECALL = 0x00000073;
const EBREAK = 0x00100073;
const C_NOP = 0x0001;
const FADD_S_RM5 = 0x00c5d553; // fadd.s fa0,fa1,fa2 with rm=5

describe('riscv translator: IR', () => {
  it('emits insn_start per instruction and nothing that writes for addi x0', () => {
    const tb = translate(words(ADDI_X0_X0_5, ECALL));
    expect(tb.insns.map((i) => i.pc)).toEqual([CODE, CODE + 4]);
    const ops = insnOps(tb, 0);
    expect(ops[0]).toMatchObject({ op: 'insn_start', consts: [CODE] });
    expect(ops.filter(isWrite)).toEqual([]);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'exit_tb', consts: [ExitReason.SYSCALL, CODE + 4] });
  });

  it('ends a block at a branch, with both successors chainable', () => {
    const tb = translate(words(ADDI_A0_A0_1, BEQ_A0_A1_8, ADDI_A0_A0_1));
    expect(tb.insns).toHaveLength(2);
    expect(tb.size).toBe(8);
    expect(tb.successors).toEqual([CODE + 8, CODE + 4 + 8]);
    expect(tb.ops.filter((o) => o.op === 'brcond_i64')).toHaveLength(1);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'goto_tb', consts: [CODE + 12] });
  });

  it('ends a block after maxInsns with goto_tb to the next pc', () => {
    const tb = translate(words(ADDI_A0_A0_1, ADDI_A0_A0_1, ADDI_A0_A0_1, ADDI_A0_A0_1), 3);
    expect(tb.insns).toHaveLength(3);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'goto_tb', consts: [CODE + 12] });
    expect(tb.successors).toEqual([CODE + 12]);
  });

  it('never starts an instruction on the next page', () => {
    const at = CODE + PAGE_SIZE - 8;
    const tb = translate(words(ADDI_A0_A0_1, ADDI_A0_A0_1, ADDI_A0_A0_1, ADDI_A0_A0_1), 512, at);
    expect(tb.insns).toHaveLength(2);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'goto_tb', consts: [CODE + PAGE_SIZE] });
  });

  it('lets the first instruction straddle a page, and propagates its fetch fault', () => {
    const at = CODE + 2 * PAGE_SIZE - 2;
    let tb = translate(words(ADDI_A0_A0_1), 512, CODE + PAGE_SIZE - 2);
    expect(tb.insns).toHaveLength(1);
    expect(tb.size).toBe(4);
    load(words(ADDI_A0_A0_1), at); // the upper half would be on an unmapped page
    expect(() => translator().tr.translate(mem, at, { maxInsns: 512 })).toThrow(GuestFault);
    // A later instruction that cannot be fetched ends the block before it.
    load(words(C_NOP, ADDI_A0_A0_1), at - 2);
    tb = translator().tr.translate(mem, at - 2, { maxInsns: 512 });
    expect(tb.insns).toHaveLength(1);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'goto_tb', consts: [at] });
  });

  const illegal = (tb: TranslatedBlock, at = CODE): void => {
    expect(stores(tb.ops, ENV.EXCEPTION)).toHaveLength(1);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'exit_tb', consts: [ExitReason.EXCEPTION, at] });
    const st = stores(tb.ops, ENV.EXCEPTION)[0];
    const value = tb.ops.find((o) => o.outs[0] === st.ins[0]);
    expect(value?.consts[0]).toBe(Excp.ILLEGAL_INSN);
  };

  it.each([
    ['the all-zero halfword', words(0x0000, C_NOP)],
    ['an all-ones word', words(0xffffffff)],
    ['c.addi4spn with imm 0', words(0x0004)],
    ['c.lui with imm 0', words(0x6501)],
    ['c.addi16sp with imm 0', words(0x6101)],
    ['c.jr x0', words(0x8002)],
    ['c.lwsp x0', words(0x4002)],
    ['an unknown CSR', words(0x7c002573)],
    ['a write to the time CSR', words(0xc0151073)],
    ['fadd.s with reserved rm 5', words(FADD_S_RM5)],
  ])('traps %s as an illegal instruction', (_name, code) => {
    illegal(translate(code));
  });

  it('ebreak raises a breakpoint', () => {
    const tb = translate(words(EBREAK));
    const st = stores(tb.ops, ENV.EXCEPTION)[0];
    expect(tb.ops.find((o) => o.outs[0] === st.ins[0])?.consts[0]).toBe(Excp.BREAKPOINT);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'exit_tb', consts: [ExitReason.EXCEPTION, CODE] });
  });

  it('fence.i ends the block asking for invalidation at the next pc', () => {
    const tb = translate(words(0x0000100f, ADDI_A0_A0_1));
    expect(tb.insns).toHaveLength(1);
    expect(tb.ops.at(-1)).toMatchObject({ op: 'exit_tb', consts: [ExitReason.INVALIDATE, CODE + 4] });
  });

  it('a fence ordering writes before reads is an mb once there are threads (parallel translation)', () => {
    const FENCE_RW_RW = 0x0330000f;
    const FENCE_W_R = 0x0120000f;
    const FENCE_R_RW = 0x0230000f; // orders nothing an x86-64 host reorders
    const FENCE_TSO = 0x8330000f;
    const mbs = (insn: number): number => translate(words(insn)).ops.filter((o) => o.op === 'mb').length;
    const flag = new Int32Array(mem.memory.buffer, SHARED_CODE_WORDS, 2);
    expect(mbs(FENCE_RW_RW)).toBe(0);
    Atomics.store(flag, 1, 1);
    try {
      expect([FENCE_RW_RW, FENCE_W_R, FENCE_R_RW, FENCE_TSO].map(mbs)).toEqual([1, 1, 0, 1]);
    } finally {
      Atomics.store(flag, 1, 0);
    }
  });

  it('jalr computes its target before writing rd when rd = rs1', () => {
    const tb = translate(words(0x00858567 & ~(0x1f << 15) | (10 << 15))); // jalr a0,8(a0)
    const ops = insnOps(tb, 0);
    const goto = ops.findIndex((o) => o.op === 'goto_ptr');
    const write = ops.findIndex((o) => o.op === 'st_env_i64' && o.consts[0] === xOffset(10));
    const read = ops.findIndex((o) => o.op === 'ld_env_i64' && o.consts[0] === xOffset(10));
    expect(read).toBeGreaterThan(-1);
    expect(read).toBeLessThan(write);
    expect(write).toBeLessThan(goto);
  });

  it('records lazily disassembled GuestInsns', () => {
    const tb = translate(words(ADDI_A0_A0_1, 0x852e, ECALL));
    expect(tb.insns.map((i) => [i.size, i.text])).toEqual([[4, 'addi a0,a0,1'], [2, 'mv a0,a1'], [4, 'ecall']]);
  });
});

describe('riscv disassembly', () => {
  // Encodings and texts from riscv64-linux-gnu-objdump -d (which also prints addi as "add"
  // for some immediates; we keep "addi").
  it.each([
    [0x00150513, 'addi a0,a0,1'], [0x00500513, 'li a0,5'], [0x00058513, 'mv a0,a1'], [0x00000013, 'nop'],
    [0x0005051b, 'sext.w a0,a0'], [0x12345537, 'lui a0,0x12345'], [0xfffff537, 'lui a0,0xfffff'],
    [0x00008067, 'ret'], [0x000500e7, 'jalr a0'], [0x00050067, 'jr a0'], [0x00858567, 'jalr a0,8(a1)'],
    [0xff812503, 'lw a0,-8(sp)'], [0x00a13423, 'sd a0,8(sp)'], [0x40b00533, 'neg a0,a1'],
    [0xfff54513, 'not a0,a0'], [0x00153513, 'seqz a0,a0'], [0x03f51513, 'slli a0,a0,0x3f'],
    [0x00102573, 'frflags a0'], [0x00151073, 'fsflags a0'], [0x00359573, 'fscsr a0,a1'], [0xc0102573, 'rdtime a0'],
    [0x0031e573, 'csrrsi a0,fcsr,3'], [0x00352073, 'csrs fcsr,a0'], [0x7c002573, 'csrr a0,0x7c0'],
    [0x02c5a533, 'mulhsu a0,a1,a2'], [0x1605b52f, 'lr.d.aqrl a0,(a1)'], [0x18c5b52f, 'sc.d a0,a2,(a1)'],
    [0x04c5a52f, 'amoadd.w.aq a0,a2,(a1)'], [0x00452507, 'flw fa0,4(a0)'], [0x02c58553, 'fadd.d fa0,fa1,fa2,rne'],
    [0x02c5f553, 'fadd.d fa0,fa1,fa2'], [0x6ac5f543, 'fmadd.d fa0,fa1,fa2,fa3'], [0x22b59553, 'fneg.d fa0,fa1'],
    [0xc2051553, 'fcvt.w.d a0,fa0,rtz'], [0xd2050553, 'fcvt.d.w fa0,a0'], [0xe2051553, 'fclass.d a0,fa0'],
    [0x0505, 'addi a0,a0,1'], [0x852e, 'mv a0,a1'], [0x952e, 'add a0,a0,a1'], [0x0001, 'nop'], [0x8082, 'ret'],
    [0x9502, 'jalr a0'], [0x9002, 'ebreak'], [0x4512, 'lw a0,4(sp)'], [0xe42a, 'sd a0,8(sp)'],
    [0x7139, 'addi sp,sp,-64'], [0x0808, 'addi a0,sp,16'], [0x6505, 'lui a0,0x1'], [0x810d, 'srli a0,a0,0x3'],
    [0x9d2d, 'addw a0,a0,a1'], [0x2522, 'fld fa0,8(sp)'], [0x6588, 'ld a0,8(a1)'],
    [0x0000, '.2byte 0x0'], [0xffffffff, '.4byte 0xffffffff'],
  ])('%s disassembles as %s', (bits, text) => {
    expect(disassemble(bits, 0)).toBe(text);
  });
  it('prints branch and jump targets as absolute addresses', () => {
    expect(disassemble(0xfe0504e3, 0x40)).toBe('beqz a0,28');
    expect(disassemble(0x0000006f, 0x28)).toBe('j 28');
    expect(disassemble(0xbd6d, 0x16e)).toBe('j 28');
    expect(disassemble(0x004000ef, 0x24)).toBe('jal 28');
  });
});

describe('riscv programs on the interpreter backend', () => {
  it('RV64I arithmetic, W forms, shifts, auipc and jumps', () => {
    // li a0,-5; li a1,3; add a2,a0,a1; sub a3,a0,a1; addw a4,a0,a1; lui a5,0x80000; addiw a6,a5,-1
    // slli t0,a1,62; srai t1,t0,61; srli t2,t0,61; sraiw t3,a0,1; srliw t4,a0,1; sllw t5,a1,a1
    // slt s2,a0,a1; sltu s3,a0,a1; sltiu s4,a0,-1; auipc s5,1; jal ra,1f; 1: addi s6,ra,0
    // auipc s7,0; addi s7,s7,12; jalr s7,0(s7); 2: ecall
    const reason = run('1305b0ff930530003306b500b306b5403b07b500b70700801b88f7ff9392e50313d3d24393d3d2031b5e15409b5e15003b9fb5003329b500b339b500133af5ff971a0000ef004000138b0000970b0000938bcb00e78b0b0073000000');
    expect(reason).toBe(ExitReason.SYSCALL);
    expect(pc()).toBe(CODE + 22 * 4);
    expect([x(A(2)), x(A(3)), x(A(4))]).toEqual([-2n, -8n, -2n]);
    expect(x(A(5))).toBe(-0x80000000n);
    expect(x(A(6))).toBe(0x7fffffffn);
    expect([x(T0), x(T1), x(T2)]).toEqual([-0x4000000000000000n, -2n, 6n]);
    expect([x(T(3)), x(T(4)), x(T(5))]).toEqual([-3n, 0x7ffffffdn, 24n]);
    expect([x(S2), x(S3), x(S4)]).toEqual([1n, 0n, 1n]);
    expect(x(S5)).toBe(BigInt(CODE + 16 * 4 + 0x1000));
    expect([x(RA), x(S6)]).toEqual([BigInt(CODE + 18 * 4), BigInt(CODE + 18 * 4)]);
    expect(x(S7)).toBe(BigInt(CODE + 22 * 4));
  });

  it('M: RISC-V division semantics, W forms and high multiplies', () => {
    run('13057000930500003346b502b356b5023367b502b377b502930210009392f2031303f0ff33c86202b3e86202930390ff130e20003bc9c303bbe9c3033bdac303bbfa63023bcb0302bbdb03023bec0302b31c6302333d6302b32d6302bb8e530273000000');
    expect([x(A(2)), x(A(3)), x(A(4)), x(A(5))]).toEqual([-1n, -1n, 7n, 7n]);
    expect([x(A(6)), x(A(7))]).toEqual([-(2n ** 63n), 0n]);
    expect([x(S2), x(S3), x(S4), x(S5)]).toEqual([-3n, -1n, 0x7ffffffcn, -7n]);
    expect([x(S6), x(S7), x(S8)]).toEqual([-1n, -1n, -7n]);
    expect([x(S9), x(S10), x(S11), x(T(4))]).toEqual([0n, -2n, -1n, 0n]);
  });

  it('A: lr/sc, AMOs with 32-bit sign extension, amoswap.d', () => {
    run('9302e0ff23205500af2505101303a0022f266518832605002f27651893035000af27750003280500130ef0ffaf28c5e103290500af297580032a0500930e850023b0ce01afba7e0803bb0e0073000000', { [A(0)]: DATA });
    expect([x(A(1)), x(A(2)), x(A(3)), x(A(4))]).toEqual([-2n, 0n, 42n, 1n]);
    expect([x(A(5)), x(A(6)), x(A(7)), x(S2)]).toEqual([42n, 47n, 47n, -1n]);
    expect([x(S3), x(S4), x(S5), x(S6)]).toEqual([-1n, -1n, -1n, 5n]);
    expect(dv.getBigInt64(ENV_BASE + RV.RES_ADDR, true)).toBe(-1n);
  });

  it('A: a misaligned AMO raises BUS_ADRALN at its pc', () => {
    // addi a1,a0,2; amoadd.w a2,a2,(a1); ecall
    expect(run('930525002fa6c50073000000', { [A(0)]: DATA })).toBe(ExitReason.EXCEPTION);
    expect(dv.getInt32(ENV_BASE + ENV.EXCEPTION, true)).toBe(Excp.BUS_ADRALN);
    expect(dv.getBigInt64(ENV_BASE + ENV.EXCEPTION_ADDR, true)).toBe(BigInt(DATA + 2));
    expect(pc()).toBe(CODE + 4);
  });

  it('A: an AMO, and an SC after its LR, on a read-only page fault as stores at their pc', () => {
    const readOnly = (): void => mem.setProt(DATA, PAGE_SIZE, 1);
    // amoadd.w a2,a2,(a1); ecall
    let fault: unknown;
    try {
      run('2fa6c50073000000', { [A(1)]: DATA, [A(2)]: 5 }, readOnly);
    } catch (e) {
      fault = e;
    }
    expect(fault).toMatchObject({ addr: BigInt(DATA), access: 'write', mapped: true });
    expect([pc(), x(A(2)), dv.getUint32(DATA, true)]).toEqual([CODE, 5n, 0]);
    // lr.d t0,(a1); sc.d t1,t0,(a1); ecall
    fault = undefined;
    try {
      run('afb205102fb3551873000000', { [A(1)]: DATA + 8, [T(1)]: 7 }, readOnly);
    } catch (e) {
      fault = e;
    }
    expect(fault).toMatchObject({ addr: BigInt(DATA + 8), access: 'write', mapped: true });
    expect([pc(), x(T(1))]).toEqual([CODE + 4, 7n]);
  });

  it('C: compressed arithmetic, stack loads/stores, branches and jumps', () => {
    // c.li a0,5; c.addi a0,-1; c.mv a1,a0; c.add a1,a0; c.slli a1,4; c.srli a1,1; c.addiw a1,1
    // c.andi a1,0x1f; c.lui a2,0x1f; c.sub a2,a1; c.addi16sp sp,-32; c.addi4spn a3,sp,8
    // c.sdsp a1,8(sp); c.ldsp a4,8(sp); c.lw a5,0(a3); c.beqz a3,1f; c.li a0,0; 1: c.j 2f; c.li a0,0; 2: ecall
    expect(run('15457d15aa85aa95920585818525fd897d660d8e3d7134002ee422679c4291c2014511a0014573000000', { [SP]: DATA + 0x100 })).toBe(ExitReason.SYSCALL);
    expect(pc()).toBe(CODE + 0x26);
    expect([x(A(0)), x(A(1)), x(A(2))]).toEqual([0n, 1n, 0x1efffn]);
    expect([x(SP), x(A(3)), x(A(4)), x(A(5))]).toEqual([BigInt(DATA + 0xe0), BigInt(DATA + 0xe8), 1n, 1n]);
  });

  it('Zicsr: fcsr/frm/fflags and the counters', () => {
    // csrwi fcsr,0x1f; csrr a0,fcsr; li t0,0x85; csrrw a1,fcsr,t0; csrr a2,frm; csrr a3,fflags
    // csrci fflags,1; csrr a4,fcsr; rdtime a5; rdcycle a6; ecall
    run('73d03f007325300093025008f395320073262000f326100073f0100073273000f32710c0732800c073000000');
    expect([x(A(0)), x(A(1)), x(A(2)), x(A(3)), x(A(4))]).toEqual([0x1fn, 0x1fn, 4n, 5n, 0x84n]);
    expect(x(A(5))).toBeGreaterThan(0n);
    expect(x(A(6))).toBeGreaterThan(0n);
  });

  it('F/D: loads, stores, moves with NaN boxing, arithmetic and conversions', () => {
    // fld fa0,0(a0); fld fa1,8(a0); fadd.d fa2,fa0,fa1; fsd fa2,16(a0); fmv.x.d a1,fa2; li t0,-1
    // fmv.w.x fa3,t0; fmv.x.w a2,fa3; flw fa4,24(a0); fmv.x.d a3,fa4; fcvt.w.d a4,fa2,rtz
    // flt.d a5,fa0,fa1; fcvt.d.l fa5,a4; fmv.x.d a6,fa5; ecall
    const hex = '07350500873585005376b5022738c500d30506e29302f0ffd38602f0538606e007278501d30607e2531706c2d317b5a2d37727d2538807e273000000';
    const bits = (v: number): bigint => {
      const b = new DataView(new ArrayBuffer(8));
      b.setFloat64(0, v, true);
      return b.getBigInt64(0, true);
    };
    const reason = run(hex, { [A(0)]: DATA }, () => {
      dv.setFloat64(DATA, 1.5, true);
      dv.setFloat64(DATA + 8, 2.25, true);
      dv.setFloat32(DATA + 24, 1.5, true);
    });
    expect(reason).toBe(ExitReason.SYSCALL);
    expect(dv.getFloat64(DATA + 16, true)).toBe(3.75);
    expect(x(A(1))).toBe(bits(3.75));
    expect(x(A(2))).toBe(-1n);
    expect(x(A(3))).toBe(BigInt.asIntN(64, 0xffffffff3fc00000n));
    expect([x(A(4)), x(A(5))]).toEqual([3n, 1n]);
    expect(x(A(6))).toBe(bits(3));
    expect(dv.getBigInt64(ENV_BASE + fOffset(15), true)).toBe(bits(3));
  });

  it('F/D: a dynamic rounding mode with an invalid frm is an illegal instruction', () => {
    // fsrmi 5; fadd.d fa0,fa0,fa0; ecall
    expect(run('73d022005375a50273000000')).toBe(ExitReason.EXCEPTION);
    expect(dv.getInt32(ENV_BASE + ENV.EXCEPTION, true)).toBe(Excp.ILLEGAL_INSN);
    expect(pc()).toBe(CODE + 4);
  });
});
