// The RISC-V F/D helpers (src/cpu/riscv/fpu-helpers.ts) through a real env block in
// guest memory: NaN-boxing, canonical NaNs, signaling-NaN detection from raw bits,
// fflags accrual, the dynamic rounding mode, sign injection, compares, fclass and
// integer conversions.

import { beforeEach, describe, expect, it } from 'vitest';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA } from '../../src/memory/layout.js';
import { fOffset, RV } from '../../src/cpu/riscv/state.js';
import { RISCV_FP_HELPERS } from '../../src/cpu/riscv/fpu-helpers.js';
import type { HelperContext } from '../../src/tcg/helpers.js';

const mem = new GuestMemory();
const ctx: HelperContext = { mem };
const env = ENV_AREA;
const dv = mem.dv;

const RNE = 0;
const RTZ = 1;
const RDN = 2;
const RUP = 3;
const DYN = 7;
const NX = 1;
const UF = 2;
const OF = 4;
const DZ = 8;
const NV = 16;

const BOX = 0xffffffff_00000000n;
const CANON_S = 0xffffffff_7fc00000n;
const CANON_D = 0x7ff80000_00000000n;
const SNAN_S = 0xffffffff_7f800001n;
const SNAN_D = 0x7ff00000_00000001n;
const QNAN_PAYLOAD_D = 0x7ff80000_0000deadn;

/** Calls a helper by name with its arguments after ctx. */
function call(name: string, ...args: (number | bigint)[]): number | bigint | void {
  const h = RISCV_FP_HELPERS[name];
  if (!h) throw new Error(`no helper ${name}`);
  expect(args.length).toBe(h.args.length);
  return (h.fn as (c: HelperContext, ...a: (number | bigint)[]) => number | bigint | void)(ctx, ...args);
}

const setRaw = (r: number, bits: bigint): void => dv.setBigUint64(env + fOffset(r), bits, true);
const raw = (r: number): bigint => dv.getBigUint64(env + fOffset(r), true);
const f32bits = (x: number): bigint => {
  const t = new DataView(new ArrayBuffer(4));
  t.setFloat32(0, x);
  return BigInt(t.getUint32(0));
};
const setS = (r: number, x: number): void => setRaw(r, BOX | f32bits(x));
const setD = (r: number, x: number): void => dv.setFloat64(env + fOffset(r), x, true);
const getS = (r: number): number => dv.getFloat32(env + fOffset(r), true);
const getD = (r: number): number => dv.getFloat64(env + fOffset(r), true);
const fflags = (): number => dv.getUint32(env + RV.FFLAGS, true);
const setFrm = (rm: number): void => dv.setUint32(env + RV.FRM, rm, true);

beforeEach(() => {
  mem.rawFill(env, RV.SIZE);
});

describe('single precision NaN-boxing', () => {
  it('writes results NaN-boxed', () => {
    setS(1, 1.5);
    setS(2, 2.25);
    call('fadd_s', env, 3, 1, 2, RNE);
    expect(raw(3) >> 32n).toBe(0xffffffffn);
    expect(getS(3)).toBe(3.75);
    expect(fflags()).toBe(0);
  });
  it('reads an improperly boxed single as the canonical NaN', () => {
    setD(1, 1.5); // upper bits are not all ones
    setS(2, 2);
    call('fadd_s', env, 3, 1, 2, RNE);
    expect(raw(3)).toBe(CANON_S);
    expect(fflags()).toBe(0); // a quiet NaN: no NV
    expect(call('fclass_s', env, 1)).toBe(1 << 9);
  });
  it('sign injection of an unboxed input uses the canonical NaN', () => {
    setD(1, 1.5);
    setS(2, -1);
    call('fsgnj_s', env, 3, 1, 2);
    expect(raw(3)).toBe(0xffffffff_ffc00000n);
    setS(1, 2);
    call('fsgnjx_s', env, 3, 1, 2);
    expect(getS(3)).toBe(-2);
    call('fsgnjn_s', env, 3, 1, 2);
    expect(getS(3)).toBe(2);
  });
});

describe('canonical NaNs and signaling NaNs', () => {
  it('never propagates payloads', () => {
    setRaw(1, QNAN_PAYLOAD_D);
    setD(2, 1);
    call('fmul_d', env, 3, 1, 2, RNE);
    expect(raw(3)).toBe(CANON_D);
    expect(fflags()).toBe(0);
  });
  it('raises NV for signaling NaN inputs, detected from the raw bits', () => {
    setRaw(1, SNAN_D);
    setD(2, 1);
    call('fadd_d', env, 3, 1, 2, RNE);
    expect(raw(3)).toBe(CANON_D);
    expect(fflags()).toBe(NV);
  });
  it('fcvt.d.s of a signaling NaN gives the canonical double NaN with NV', () => {
    setRaw(1, SNAN_S);
    call('fcvt_d_s', env, 2, 1, RNE);
    expect(raw(2)).toBe(CANON_D);
    expect(fflags()).toBe(NV);
  });
  it('inf * 0 + quiet NaN raises NV', () => {
    setD(1, Infinity);
    setD(2, 0);
    setRaw(3, CANON_D);
    call('fmadd_d', env, 4, 1, 2, 3, RNE);
    expect(raw(4)).toBe(CANON_D);
    expect(fflags()).toBe(NV);
  });
  it('0/0 is invalid, 1/0 divides by zero', () => {
    setS(1, 0);
    setS(2, 0);
    call('fdiv_s', env, 3, 1, 2, RNE);
    expect(raw(3)).toBe(CANON_S);
    setS(1, 1);
    call('fdiv_s', env, 3, 1, 2, RNE);
    expect(getS(3)).toBe(Infinity);
    expect(fflags()).toBe(NV | DZ);
  });
});

describe('fflags accrual and rounding modes', () => {
  it('ORs flags into fflags without clearing', () => {
    setD(1, 1);
    setD(2, 3);
    call('fdiv_d', env, 3, 1, 2, RNE);
    expect(fflags()).toBe(NX);
    setD(1, Number.MAX_VALUE);
    setD(2, 2);
    call('fmul_d', env, 3, 1, 2, RNE);
    expect(getD(3)).toBe(Infinity);
    expect(fflags()).toBe(NX | OF);
    setD(1, 2 ** -1074);
    setD(2, 0.5);
    call('fmul_d', env, 3, 1, 2, RNE);
    expect(fflags()).toBe(NX | OF | UF);
  });
  it('uses frm when rm is dynamic', () => {
    setD(1, 1);
    setD(2, 3);
    setFrm(RUP);
    call('fdiv_d', env, 3, 1, 2, DYN);
    expect(getD(3)).toBe(1 / 3 + 2 ** -54);
    setFrm(RDN);
    call('fdiv_d', env, 4, 1, 2, DYN);
    expect(getD(4)).toBe(1 / 3);
    call('fdiv_d', env, 5, 1, 2, RUP); // a static rm wins
    expect(getD(5)).toBe(1 / 3 + 2 ** -54);
  });
  it('x - x is -0 in RDN', () => {
    setS(1, 5);
    call('fsub_s', env, 2, 1, 1, RDN);
    expect(Object.is(getS(2), -0)).toBe(true);
    call('fsub_s', env, 2, 1, 1, RNE);
    expect(Object.is(getS(2), 0)).toBe(true);
  });
});

describe('fused multiply-add forms', () => {
  it('computes ±(a*b) ± c', () => {
    setD(1, 2);
    setD(2, 3);
    setD(3, 1);
    call('fmadd_d', env, 4, 1, 2, 3, RNE);
    expect(getD(4)).toBe(7);
    call('fmsub_d', env, 4, 1, 2, 3, RNE);
    expect(getD(4)).toBe(5);
    call('fnmsub_d', env, 4, 1, 2, 3, RNE);
    expect(getD(4)).toBe(-5);
    call('fnmadd_d', env, 4, 1, 2, 3, RNE);
    expect(getD(4)).toBe(-7);
    setS(1, 2);
    setS(2, 3);
    setS(3, 1);
    call('fnmadd_s', env, 4, 1, 2, 3, RNE);
    expect(getS(4)).toBe(-7);
    expect(fflags()).toBe(0);
  });
});

describe('min, max, compares, fclass', () => {
  it('fmin/fmax: NaN yields the other operand, -0 < +0, NV only for signaling', () => {
    setRaw(1, CANON_D);
    setD(2, 3);
    call('fmin_d', env, 3, 1, 2);
    expect(getD(3)).toBe(3);
    expect(fflags()).toBe(0);
    setRaw(1, SNAN_D);
    call('fmax_d', env, 3, 1, 2);
    expect(getD(3)).toBe(3);
    expect(fflags()).toBe(NV);
    call('fmax_d', env, 3, 1, 1);
    expect(raw(3)).toBe(CANON_D);
    setS(1, -0);
    setS(2, 0);
    call('fmin_s', env, 3, 1, 2);
    expect(raw(3)).toBe(0xffffffff_80000000n);
    call('fmax_s', env, 3, 1, 2);
    expect(raw(3)).toBe(0xffffffff_00000000n);
  });
  it('feq is quiet, flt/fle signal on any NaN', () => {
    setRaw(1, CANON_S);
    setS(2, 1);
    expect(call('feq_s', env, 1, 2)).toBe(0);
    expect(fflags()).toBe(0);
    expect(call('flt_s', env, 1, 2)).toBe(0);
    expect(fflags()).toBe(NV);
    dv.setUint32(env + RV.FFLAGS, 0, true);
    setRaw(1, SNAN_S);
    expect(call('feq_s', env, 1, 2)).toBe(0);
    expect(fflags()).toBe(NV);
    setD(3, -0);
    setD(4, 0);
    expect(call('feq_d', env, 3, 4)).toBe(1);
    expect(call('fle_d', env, 4, 3)).toBe(1);
    expect(call('flt_d', env, 3, 4)).toBe(0);
  });
  it('fclass', () => {
    const cases: [number, number][] = [
      [-Infinity, 0], [-1, 1], [-(2 ** -1074), 2], [-0, 3], [0, 4], [2 ** -1074, 5], [1, 6], [Infinity, 7],
    ];
    for (const [x, bit] of cases) {
      setD(1, x);
      expect(call('fclass_d', env, 1)).toBe(1 << bit);
    }
    setRaw(1, SNAN_D);
    expect(call('fclass_d', env, 1)).toBe(1 << 8);
    setRaw(1, CANON_D);
    expect(call('fclass_d', env, 1)).toBe(1 << 9);
    setRaw(1, SNAN_S);
    expect(call('fclass_s', env, 1)).toBe(1 << 8);
    setS(1, -(2 ** -149));
    expect(call('fclass_s', env, 1)).toBe(1 << 2);
  });
});

describe('integer conversions', () => {
  it('fcvt.w[u] results are sign-extended', () => {
    setD(1, 4294967295);
    expect(call('fcvt_wu_d', env, 1, RNE)).toBe(-1n);
    setD(1, -3.5);
    expect(call('fcvt_w_d', env, 1, RNE)).toBe(-4n);
    expect(fflags()).toBe(NX);
    setRaw(1, CANON_S);
    expect(call('fcvt_wu_s', env, 1, RTZ)).toBe(-1n);
    expect(call('fcvt_w_s', env, 1, RTZ)).toBe(2147483647n);
  });
  it('fcvt.lu returns the i64 bit pattern', () => {
    setD(1, 2 ** 64);
    expect(call('fcvt_lu_d', env, 1, RNE)).toBe(-1n);
    expect(fflags()).toBe(NV);
    setD(1, 2 ** 63);
    expect(call('fcvt_lu_d', env, 1, RNE)).toBe(-(2n ** 63n));
  });
  it('fcvt from integers reads W forms from the low 32 bits', () => {
    call('fcvt_d_w', env, 1, 0x1_ffff_ffffn, RNE);
    expect(getD(1)).toBe(-1);
    call('fcvt_d_wu', env, 1, 0x1_ffff_ffffn, RNE);
    expect(getD(1)).toBe(4294967295);
    call('fcvt_s_lu', env, 2, -1n, RNE);
    expect(getS(2)).toBe(2 ** 64);
    expect(raw(2) >> 32n).toBe(0xffffffffn);
    expect(fflags()).toBe(NX);
    call('fcvt_d_l', env, 3, -(2n ** 63n), RNE);
    expect(getD(3)).toBe(-(2 ** 63));
  });
  it('fcvt.s.d rounds in the requested mode', () => {
    setD(1, 1 + 2 ** -24);
    call('fcvt_s_d', env, 2, 1, RUP);
    expect(getS(2)).toBe(1 + 2 ** -23);
    call('fcvt_s_d', env, 2, 1, RNE);
    expect(getS(2)).toBe(1);
    setD(1, 1e-50);
    call('fcvt_s_d', env, 2, 1, RNE);
    expect(fflags()).toBe(NX | UF);
  });
});

describe('helper table', () => {
  it('has every helper the translator calls, each named after its key', () => {
    const names = [
      'fadd_s', 'fsub_s', 'fmul_s', 'fdiv_s', 'fadd_d', 'fsub_d', 'fmul_d', 'fdiv_d', 'fsqrt_s', 'fsqrt_d',
      'fmadd_s', 'fmsub_s', 'fnmsub_s', 'fnmadd_s', 'fmadd_d', 'fmsub_d', 'fnmsub_d', 'fnmadd_d',
      'fmin_s', 'fmax_s', 'fmin_d', 'fmax_d', 'fsgnj_s', 'fsgnjn_s', 'fsgnjx_s', 'fsgnj_d', 'fsgnjn_d', 'fsgnjx_d',
      'feq_s', 'flt_s', 'fle_s', 'feq_d', 'flt_d', 'fle_d', 'fclass_s', 'fclass_d',
      'fcvt_w_s', 'fcvt_wu_s', 'fcvt_l_s', 'fcvt_lu_s', 'fcvt_w_d', 'fcvt_wu_d', 'fcvt_l_d', 'fcvt_lu_d',
      'fcvt_s_w', 'fcvt_s_wu', 'fcvt_s_l', 'fcvt_s_lu', 'fcvt_d_w', 'fcvt_d_wu', 'fcvt_d_l', 'fcvt_d_lu',
      'fcvt_s_d', 'fcvt_d_s',
    ];
    expect(Object.keys(RISCV_FP_HELPERS).sort()).toEqual([...names].sort());
    for (const n of names) expect(RISCV_FP_HELPERS[n].name).toBe(n);
    expect(RISCV_FP_HELPERS.fcvt_l_d.ret).toBe('i64');
    expect(RISCV_FP_HELPERS.fcvt_s_l.args).toEqual(['i32', 'i32', 'i64', 'i32']);
    expect(RISCV_FP_HELPERS.feq_s.ret).toBe('i32');
  });
});
