// Tests of AArch64 floating point: the element operations of fp-ops.ts (NaN propagation
// and quieting, FPCR.DN, FZ/FZ16 with IDC/UFC, rounding modes, tininess before rounding,
// FRINT ties, saturating conversions, fixed point, MAX/MIN vs MAXNM/MINNM, compares),
// golden vectors recorded from qemu-aarch64 (random operands from special-value pools
// and random FPCR settings, run through the real instructions), and a few scalar FP
// instructions translated and run on the interpreter backend.

import { describe, expect, it } from 'vitest';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, PAGE_SIZE } from '../../src/memory/layout.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { ENV, ExitReason, Excp } from '../../src/tcg/env.js';
import { InterpBackend } from '../../src/hostbackend/interp/interp.js';
import { A64, vOffset, xOffset } from '../../src/cpu/aarch64/state.js';
import { A64Translator, type A64Translators } from '../../src/cpu/aarch64/translate.js';
import { FP_HANDLERS } from '../../src/cpu/aarch64/trans/fp.js';
import { AARCH64_FP_HELPERS } from '../../src/cpu/aarch64/fpu-helpers.js';
import {
  FP_ZERO, fpBinop, fpCompare, fpCompareOp, fpConvert, fpFromInt, fpMulAdd, fpToInt, fpUnop,
  type FpBinop, type FpEsize, type FpRmode, type FpUnop,
} from '../../src/cpu/aarch64/fp-ops.js';

const mem = new GuestMemory();
const dv = mem.dv;
const env = ENV_AREA;
const V = (r: number): number => env + vOffset(r);

// FPCR / FPSR bits.
const RN = 0 << 22, RP = 1 << 22, RM = 2 << 22, RZ = 3 << 22;
const FZ16 = 1 << 19, FZ = 1 << 24, DN = 1 << 25;
const IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 0x80;

function reset(fpcr = 0): void {
  mem.rawFill(env, A64.SIZE);
  dv.setUint32(env + A64.FPCR, fpcr, true);
}
const fpsr = (): number => dv.getUint32(env + A64.FPSR, true);
const setS = (r: number, bits: number): void => dv.setUint32(V(r), bits >>> 0, true);
const setD = (r: number, bits: bigint): void => dv.setBigUint64(V(r), bits, true);
const setH = (r: number, bits: number): void => dv.setUint16(V(r), bits, true);
const getS = (r: number): number => dv.getUint32(V(r), true);
const getD = (r: number): bigint => dv.getBigUint64(V(r), true);
const getH = (r: number): number => dv.getUint16(V(r), true);
const f32 = (x: number): number => { const b = new DataView(new ArrayBuffer(4)); b.setFloat32(0, x); return b.getUint32(0); };
const f64 = (x: number): bigint => { const b = new DataView(new ArrayBuffer(8)); b.setFloat64(0, x); return b.getBigUint64(0); };

/** s-precision binop on raw bits: returns [result bits, FPSR]. */
function binS(op: FpBinop, a: number, b: number, fpcr = 0): [number, number] {
  reset(fpcr);
  setS(1, a);
  setS(2, b);
  fpBinop(dv, env, op, 32, V(0), V(1), V(2));
  return [getS(0), fpsr()];
}
function binD(op: FpBinop, a: bigint, b: bigint, fpcr = 0): [bigint, number] {
  reset(fpcr);
  setD(1, a);
  setD(2, b);
  fpBinop(dv, env, op, 64, V(0), V(1), V(2));
  return [getD(0), fpsr()];
}
function unS(op: FpUnop, a: number, fpcr = 0): [number, number] {
  reset(fpcr);
  setS(1, a);
  fpUnop(dv, env, op, 32, V(0), V(1));
  return [getS(0), fpsr()];
}

const QNAN_A = 0x7fc00001, QNAN_B = 0xffc00002, SNAN_A = 0x7f800003, SNAN_B = 0xff800004;
const ONE = 0x3f800000, TWO = 0x40000000, MIN_NORMAL_S = 0x00800000, DENORM_S = 0x00400000;

describe('aarch64 fp-ops: NaNs', () => {
  it('propagates the first signaling NaN, quieted, with IOC', () => {
    expect(binS('add', QNAN_A, SNAN_B)).toEqual([0xffc00004, IOC]);
    expect(binS('add', SNAN_A, SNAN_B)).toEqual([0x7fc00003, IOC]);
    expect(binS('mul', ONE, SNAN_A)).toEqual([0x7fc00003, IOC]);
  });
  it('propagates the first quiet NaN without flags', () => {
    expect(binS('sub', QNAN_B, QNAN_A)).toEqual([QNAN_B, 0]);
    expect(binS('div', ONE, QNAN_A)).toEqual([QNAN_A, 0]);
  });
  it('returns the default NaN when FPCR.DN is set and for invalid operations', () => {
    expect(binS('add', QNAN_B, ONE, DN)).toEqual([0x7fc00000, 0]);
    expect(binS('add', SNAN_B, ONE, DN)).toEqual([0x7fc00000, IOC]);
    expect(binS('mul', 0x7f800000, 0)).toEqual([0x7fc00000, IOC]);
    expect(binD('sub', 0x7ff0000000000000n, 0x7ff0000000000000n)).toEqual([0x7ff8000000000000n, IOC]);
    expect(unS('sqrt', 0xbf800000)).toEqual([0x7fc00000, IOC]);
  });
  it('orders FMA NaNs addend first, and inf*0 with a quiet NaN addend is still invalid', () => {
    reset();
    setS(1, QNAN_A); setS(2, SNAN_B); setS(3, QNAN_B);
    fpMulAdd(dv, env, 32, V(0), V(1), V(2), V(3), false, false);
    expect([getS(0), fpsr()]).toEqual([0xffc00004, IOC]);
    reset();
    setS(1, 0x7f800000); setS(2, 0); setS(3, QNAN_B);
    fpMulAdd(dv, env, 32, V(0), V(1), V(2), V(3), false, false);
    expect([getS(0), fpsr()]).toEqual([0x7fc00000, IOC]);
    reset();
    setS(1, ONE); setS(2, TWO); setS(3, QNAN_A);
    fpMulAdd(dv, env, 32, V(0), V(1), V(2), V(3), false, false);
    expect([getS(0), fpsr()]).toEqual([QNAN_A, 0]);
  });
  it('FABS/FNEG only touch the sign bit, even of signaling NaNs', () => {
    expect(unS('neg', SNAN_A)).toEqual([0xff800003, 0]);
    expect(unS('abs', QNAN_B)).toEqual([0x7fc00002, 0]);
  });
  it('converts NaN payloads between precisions', () => {
    reset();
    setD(1, 0x7ff0000020000001n);
    fpConvert(dv, env, 64, 32, V(0), V(1));
    expect([getS(0), fpsr()]).toEqual([0x7fc00001, IOC]);
    reset();
    setS(1, 0xff800001);
    fpConvert(dv, env, 32, 64, V(0), V(1));
    expect([getD(0), fpsr()]).toEqual([0xfff8000020000000n, IOC]);
    reset();
    setH(1, 0x7c01);
    fpConvert(dv, env, 16, 32, V(0), V(1));
    expect([getS(0), fpsr()]).toEqual([0x7fc02000, IOC]);
  });
});

describe('aarch64 fp-ops: MAX/MIN and MAXNM/MINNM', () => {
  it('max/min propagate NaNs; maxnm/minnm prefer numbers over quiet NaNs', () => {
    expect(binS('max', QNAN_A, ONE)).toEqual([QNAN_A, 0]);
    expect(binS('maxnm', QNAN_A, ONE)).toEqual([ONE, 0]);
    expect(binS('minnm', ONE, QNAN_B)).toEqual([ONE, 0]);
    expect(binS('minnm', QNAN_A, QNAN_B)).toEqual([QNAN_A, 0]);
    expect(binS('maxnm', SNAN_A, ONE)).toEqual([0x7fc00003, IOC]);
  });
  it('orders -0 below +0', () => {
    expect(binS('max', 0x80000000, 0)).toEqual([0, 0]);
    expect(binS('min', 0, 0x80000000)).toEqual([0x80000000, 0]);
    expect(binS('maxnm', 0x80000000, 0x80000000)).toEqual([0x80000000, 0]);
  });
});

describe('aarch64 fp-ops: rounding, flush to zero and underflow', () => {
  it('rounds per FPCR.RMode', () => {
    // 1 + 2^-24 is a tie between 1 and 1 + 2^-23.
    const tie = 0x33800000;
    expect(binS('add', ONE, tie, RN)).toEqual([ONE, IXC]);
    expect(binS('add', ONE, tie, RP)).toEqual([0x3f800001, IXC]);
    expect(binS('add', 0xbf800000, 0xb3800000, RM)).toEqual([0xbf800001, IXC]);
    expect(binS('add', 0xbf800000, 0xb3800000, RZ)).toEqual([0xbf800000, IXC]);
    expect(binS('sub', ONE, ONE, RM)).toEqual([0x80000000, 0]);
  });
  it('overflows to infinity or the largest finite value with OFC and IXC', () => {
    expect(binS('mul', 0x7f7fffff, TWO, RN)).toEqual([0x7f800000, OFC | IXC]);
    expect(binS('mul', 0x7f7fffff, TWO, RZ)).toEqual([0x7f7fffff, OFC | IXC]);
  });
  it('detects tininess before rounding (unlike RISC-V)', () => {
    // (2^-126 - 2^-150) rounds up to 2^-126 in RN: tiny before rounding, so UFC.
    reset(RN);
    setD(1, f64(2 ** -126 - 2 ** -150));
    fpConvert(dv, env, 64, 32, V(0), V(1));
    expect([getS(0), fpsr()]).toEqual([MIN_NORMAL_S, UFC | IXC]);
    // 0x00ffffff * 0.5 = 0x7fffff.8 (tie, subnormal): inexact and tiny.
    expect(binS('mul', 0x00ffffff, 0x3f000000, RN)).toEqual([0x00800000, UFC | IXC]);
  });
  it('flushes denormal inputs with IDC and tiny results with UFC only when FZ', () => {
    expect(binS('add', DENORM_S, ONE, FZ)).toEqual([ONE, IDC]);
    expect(binS('add', DENORM_S, ONE)).toEqual([0x3f800000, IXC]);
    // An exact subnormal difference is flushed.
    expect(binS('sub', 0x00c00000, MIN_NORMAL_S, FZ)).toEqual([0, UFC]);
    expect(binS('sub', 0x00c00000, MIN_NORMAL_S)).toEqual([DENORM_S, 0]);
    // A tiny inexact result that would round to 2^-126 is flushed too.
    expect(binS('mul', 0x00ffffff, 0x3f000000, FZ)).toEqual([0, UFC]);
  });
  it('FZ16 flushes half precision silently on input', () => {
    reset(FZ16);
    setH(1, 0x0001); setH(2, 0x3c00);
    fpBinop(dv, env, 'add', 16, V(0), V(1), V(2));
    expect([getH(0), fpsr()]).toEqual([0x3c00, 0]);
  });
});

describe('aarch64 fp-ops: FRINT*', () => {
  const frint = (op: FpUnop, x: number, fpcr = 0): [number, number] => {
    const [r, s] = unS(op, f32(x), fpcr);
    const b = new DataView(new ArrayBuffer(4));
    b.setUint32(0, r);
    return [b.getFloat32(0), s];
  };
  it('rounds ties per mode and keeps the sign of zero', () => {
    expect(frint('frintn', 2.5)).toEqual([2, 0]);
    expect(frint('frintn', 3.5)).toEqual([4, 0]);
    expect(frint('frinta', 2.5)).toEqual([3, 0]);
    expect(frint('frinta', -2.5)).toEqual([-3, 0]);
    expect(frint('frintp', -0.5)).toEqual([-0, 0]);
    expect(frint('frintm', -0.5)).toEqual([-1, 0]);
    expect(frint('frintz', -1.75)).toEqual([-1, 0]);
    expect(frint('frinti', 2.5, RP)).toEqual([3, 0]);
    expect(frint('frintx', 2.5, RM)).toEqual([2, IXC]);
    expect(frint('frintx', 2, RM)).toEqual([2, 0]);
  });
});

describe('aarch64 fp-ops: conversions', () => {
  const toInt = (x: number, signed: boolean, bits: 32 | 64, rm: FpRmode, fb = 0, fpcr = 0): [bigint, number] => {
    reset(fpcr);
    setD(1, f64(x));
    return [fpToInt(dv, env, 64, V(1), signed, bits, rm, fb), fpsr()];
  };
  it('saturates with IOC, NaN gives 0, inexact gives IXC', () => {
    expect(toInt(3e10, true, 32, 'z')).toEqual([2147483647n, IOC]);
    expect(toInt(-3e10, true, 32, 'z')).toEqual([-2147483648n, IOC]);
    expect(toInt(-1, false, 64, 'z')).toEqual([0n, IOC]);
    expect(toInt(-0.5, false, 64, 'z')).toEqual([0n, IXC]);
    expect(toInt(2 ** 64, false, 64, 'z')).toEqual([(1n << 64n) - 1n, IOC]);
    expect(toInt(NaN, true, 64, 'z')).toEqual([0n, IOC]);
    expect(toInt(2.5, true, 32, 'n')).toEqual([2n, IXC]);
    expect(toInt(2.5, true, 32, 'a')).toEqual([3n, IXC]);
    expect(toInt(-2.5, true, 32, 'p')).toEqual([-2n, IXC]);
    expect(toInt(-2.5, true, 32, 'm')).toEqual([-3n, IXC]);
    expect(toInt(2.5, true, 32, 'fpcr', 0, RP)).toEqual([3n, IXC]);
  });
  it('converts to and from fixed point', () => {
    expect(toInt(1.75, true, 32, 'z', 4)).toEqual([28n, 0]);
    expect(toInt(-0.03125, true, 64, 'z', 4)).toEqual([0n, IXC]);
    reset();
    fpFromInt(dv, env, 64, V(0), 28n, true, 32, 4);
    expect([getD(0), fpsr()]).toEqual([f64(1.75), 0]);
    reset();
    fpFromInt(dv, env, 32, V(0), 0xffffffffn, true, 32, 1);
    expect([getS(0), fpsr()]).toEqual([f32(-0.5), 0]);
  });
  it('converts integers with rounding per FPCR', () => {
    reset(RZ);
    fpFromInt(dv, env, 32, V(0), (1n << 64n) - 1n, false, 64, 0);
    expect([getS(0), fpsr()]).toEqual([0x5f7fffff, IXC]);
    reset(RN);
    fpFromInt(dv, env, 64, V(0), (1n << 53n) + 1n, true, 64, 0);
    expect([getD(0), fpsr()]).toEqual([f64(2 ** 53), IXC]);
    reset();
    fpFromInt(dv, env, 16, V(0), 65520n, true, 32, 0);
    expect([getH(0), fpsr()]).toEqual([0x7c00, OFC | IXC]);
  });
  it('converts between precisions, half included', () => {
    reset();
    setS(1, f32(1 / 3));
    fpConvert(dv, env, 32, 16, V(0), V(1));
    expect([getH(0), fpsr()]).toEqual([0x3555, IXC]);
    reset();
    setH(1, 0x0001);
    fpConvert(dv, env, 16, 64, V(0), V(1));
    expect([getD(0), fpsr()]).toEqual([f64(2 ** -24), 0]);
  });
});

describe('aarch64 fp-ops: compares', () => {
  const cmp = (a: number, b: number, signaling: boolean): [number, number] => {
    reset();
    setS(1, a); setS(2, b);
    return [fpCompare(dv, env, 32, V(1), V(2), signaling), fpsr()];
  };
  it('returns NZCV, unordered = 0011', () => {
    expect(cmp(ONE, TWO, false)).toEqual([0b1000, 0]);
    expect(cmp(TWO, ONE, false)).toEqual([0b0010, 0]);
    expect(cmp(0x80000000, 0, false)).toEqual([0b0110, 0]);
    expect(cmp(QNAN_A, ONE, false)).toEqual([0b0011, 0]);
    expect(cmp(QNAN_A, ONE, true)).toEqual([0b0011, IOC]);
    expect(cmp(ONE, SNAN_A, false)).toEqual([0b0011, IOC]);
  });
  it('compares with zero and as vector predicates', () => {
    reset();
    setS(1, 0x80000000);
    expect(fpCompare(dv, env, 32, V(1), FP_ZERO, false)).toBe(0b0110);
    setS(1, 0xc0000000); setS(2, ONE);
    expect(fpCompareOp(dv, env, 'absgt', 32, V(1), V(2))).toBe(true);
    expect(fpCompareOp(dv, env, 'gt', 32, V(1), V(2))).toBe(false);
    expect(fpCompareOp(dv, env, 'ge', 32, FP_ZERO, V(1))).toBe(true);
    expect(fpsr()).toBe(0);
    setS(2, QNAN_A);
    expect(fpCompareOp(dv, env, 'eq', 32, V(1), V(2))).toBe(false);
    expect(fpsr()).toBe(0);
    expect(fpCompareOp(dv, env, 'ge', 32, V(1), V(2))).toBe(false);
    expect(fpsr()).toBe(IOC);
  });
});

/**
 * Recorded from qemu-aarch64 (-cpu max): `op fpcr a b c result fpsr`, all hex. The
 * operation ran as the real instruction on v1, v2, v3 (or x/w registers for SCVTF/UCVTF)
 * after `msr fpcr` and with FPSR cleared; fcmp results are NZCV << 28; fix forms use
 * #5 (fcvtzs), #3 (fcvtzu) and #7 (scvtf/ucvtf) fraction bits.
 */
const GOLDEN = `
scvtfxfix_d 2800000 80 1 8000000000000000 3ff0000000000000 0
fnmadd_s 400000 7f800000 1 7fc00001 ffc00001 0
scvtfwfix_h c00000 ffffffffff000001 12345678 ffe1 fbff 14
fcvtzux_s 480000 0 400000 35b64d86 0 0
fcvtnux_d 2880000 7fefffffffffffff 8000000000000 1ff0000000000000 ffffffffffffffff 1
scvtfx_s 0 10000 7fffffff 20000000000001 47800000 0
fcvtzsw_h 0 3e01 f800 fe03 1 10
fcmpz_s 3400000 3f000000 20000000 20000000 20000000 0
fcvtpuw_s 1400000 bf800000 7f800002 9f78c91d 0 1
fmin_h 1c00000 8000 7800 1b49 8000 0
fcvtmuw_h 880000 3bff b600 7c00 0 10
fmul_d 400000 7e1260bb670261ac 6b1a7c78b015ffdf 13f0deb0ae4ab5e8 7ff0000000000000 14
fcvt_hd 400000 c100 4248 3c01 c004000000000000 0
frsqrte_s 2480000 1 3fc00001 7fffff 64b48000 0
frintm_d c00000 3ff0000000000001 1720b32caee15368 800fffffffffffff 3ff0000000000000 0
fcmp_h c00000 3800 6400 bc00 80000000 0
fmin_s 0 5f000000 7f800002 400000 7fc00002 1
frecpe_h 3c00000 8001 8589 3ff fbff 14
frintn_h 1400000 b600 400 3c00 8000 0
fcvtzsw_s 400000 ffc00003 b9b1acac 4f000000 0 1
fabs_h 3c80000 8001 3800 7bff 1 0
frecps_d 1c80000 47efffffe0000000 8000000000000000 40f0000000000000 4000000000000000 0
fnmul_d 3000000 43e0000000000000 3ff0000000000000 fffffffffffff c3e0000000000000 0
fneg_s 880000 40200000 3f800001 4b000001 c0200000 0
frintm_d 400000 41dfffffffc00000 df84f592f984f7a1 380fffffffffffff 41dfffffffc00000 0
fcvtpsw_s 400000 f806cf69 3f400000 4cfc0454 80000000 1
fmulx_d 1400000 1 3fe0000000000000 41dfffffffc00000 0 80
frintp_d 1c80000 e7c60736f978156a 1ff0000000000000 c1e0000000000000 e7c60736f978156a 0
fabs_d 1000000 41dfffffffc00000 41dfffffffc00000 fff8000000000003 41dfffffffc00000 0
ucvtfw_d 800000 ffe1 41f179df8cd2ca41 1000001 40effc2000000000 0
fabd_h 3880000 37ff 200 37ff 37ff 0
fcvtmsx_h 2400000 fc00 b600 3c01 8000000000000000 1
fcvtzux_d 480000 f8a12dffa9a24861 3810000000000000 800fffffffffffff 0 1
fcvtnuw_s 2480000 7f800002 40400000 1 0 1
scvtfwfix_s 480000 0 ffffffffffffffff 80 0 0
fadd_d 1000000 2e770c1728b90cff 7fefffffffffffff 3ff0000000000000 7fefffffffffffff 10
ucvtfx_s 1c00000 16c1f56fc1cf7e82 ffffffffffffffff 80 5db60fab 10
scvtfwfix_h 3400000 7fffffff ffffffffff000001 5 7c00 14
frintn_h 80000 3600 3ff 8d76 0 0
frecpe_s c00000 7f800002 80000000 3f800000 7fc00002 1
fcvtpuw_h 1c80000 3c01 400 7bff 2 10
fnmadd_s 1400000 3f800001 800000 1 80800001 80
fcvtzuwfix_d c00000 4008000000000000 0 800fffffffffffff 18 0
frintz_s 400000 bf400000 3fc00000 1f800000 80000000 0
fcvtzsw_s c00000 ff800004 800001 40490fdb 0 1
fcvtpux_s 2c00000 7f7fffff 7fc00001 c0200000 ffffffffffffffff 1
fcvtzux_s 1880000 4b000001 800000 7f7fffff 800001 0
fcvtpsx_s 3400000 800000 c0200000 7f7fffff 1 10
fcvtzux_s c00000 400000 3f7fffff 7fc00001 0 10
fabs_s c00000 40490fdb 80000001 3fc00000 40490fdb 0
fcvtnsw_h 2800000 f800 cf87 3bff ffff8000 0
frintm_s 800000 3f800001 400000 d67ef8be 3f800000 0
fcvtpsx_h 3800000 200 6400 68ed 1 10
fnmsub_s 1000000 3effffff ff800000 800001 ff800000 0
frintp_d 400000 36a0000000000000 90ce7260f1ace0bc 40f0000000000000 3ff0000000000000 0
ucvtfxfix_h c80000 5 12345678 1000001 2900 0
fcvtnux_d 2c00000 3cb0000000000000 fff0000000000004 1 0 10
fcmpz_d 1000000 fffffffffffff 1 c1e0000000000000 60000000 80
fcvtpsw_s 1c00000 1d13ab78 7f800000 4b000001 1 10
fmsub_h 480000 fc04 3559 fc00 7e04 1
ucvtfw_d 1400000 80000000 f0bf0559b4563c0a c6e7f7d7d06e1849 41e0000000000000 0
fcvtnux_d 480000 7ff0000000000002 1 3e70000000000000 0 1
scvtfw_s 1480000 1 1 20000001 3f800000 0
fcvtmsw_d 480000 4004000000000000 7ff0000000000002 800fffffffffffff 2 10
ucvtfw_s 480000 ffe1 1 7fffffffffffffff 477fe100 0
frsqrts_h c00000 9a1d 7e01 3bff 7e01 0
fnmul_s 0 3f800001 3fc00001 7fffff bfc00003 10
fcvtpuw_h 1000000 991c 8cbf 3e00 0 10
fcmp_h 1080000 b600 3ff b600 80000000 0
fcvt_dh 880000 4e227786036ecae2 43e0000000000000 7ff8000000000001 7bff 14
frinta_s c00000 3f800000 c0200000 bf800000 3f800000 0
fcvtzsx_d 880000 10000000000001 c1e0000000000000 1 0 10
fcvtmuw_s 800000 800000 20000000 1f800000 0 10
fcvt_dh 400000 4330000000000001 4330000000000001 3fe0000000000000 7c00 14
frinti_s 3800000 cf000000 b2660a7d ff800000 cf000000 0
fcvtmuw_s 2000000 c0200000 800000 7f800000 0 1
frintx_s 1880000 bf800000 3f000000 ff800004 bf800000 0
frintn_s 2400000 ffc00003 3fc00000 3f000000 7fc00000 0
frintx_d 880000 7ff0000000000000 800fffffffffffff 41e0000000000000 7ff0000000000000 0
fcvtmsx_s c00000 40400000 3f400000 3f800001 3 0
fcvtmux_d 1000000 7ff0000000000002 43e0000000000000 4b97b7d4d177373b 0 1
frsqrts_s 2000000 7d508bc6 c0200000 80000000 7d82575c 10
fmadd_s 1000000 800000 1 c0200000 c0200000 80
fcvtnsx_d 0 10000000000000 3fefffffffffffff 2000000000000000 0 10
ucvtfw_s 0 b20be304af5f4f5c 46a30d244642f7ff 80000000 4f2f5f4f 10
fcmpe_s 400000 0 34000000 23e8cb4a 80000000 0
fmadd_d 80000 43e0000000000000 43e0000000000000 3ff8000000000000 47d0000000000000 10
fcvtaux_h 1000000 3e01 800 3c01 2 10
fnmadd_d 1000000 8000000000000 24a432e64ec71d97 41dfffffffc00000 c1dfffffffc00000 80
frintm_s 1c00000 7f7fffff 80000001 7fc00001 7f7fffff 0
fminnm_d c00000 2000000000000000 380fffffffffffff 43e0000000000000 2000000000000000 0
scvtfxfix_s 880000 7fffffff 55dcad6967b0b41d ffffffff 4b7fffff 10
frintn_d 800000 1 10000000000000 c1e0000000000000 0 0
ucvtfw_h 400000 fffffffffffff801 fff0 1000001 7c00 14
fabd_d 800000 10000000000000 7ff0000000000000 41e0000000000000 7ff0000000000000 0
fdiv_d 1000000 40f0000000000000 7fefffffffffffff 860e3f2b22b5804a f0000000000001 10
frintx_d 0 2000000000000000 7ff0000000000000 2000000000000000 0 10
frecpe_h c80000 f479 800 bc00 8000 8
frintm_d 2080000 2000000000000000 47efffffe0000000 400921fb54442d18 0 0
frecpe_s 3000000 80000001 ffc00003 4b000001 ff800000 82
frecps_s c80000 20000000 800000 3f000000 3fffffff 10
fcvtzsw_s 1400000 cfb93540 800001 1 80000000 1
fmulx_d 80000 c1e0000000000000 44238c3f7f5a3f40 3ff0000000000001 c6138c3f7f5a3f40 0
fcvtzuxfix_d 2c80000 3ff8000000000000 47efffffe0000000 dad20d9f41591542 c 0
fsub_h c80000 5bff 7c02 fc04 7e02 1
fcvtmsw_h 800000 7e01 c100 c100 0 1
frecpe_s 2c00000 0 1da6a286 400000 7f800000 2
fcvtauw_s 1880000 40200000 4b000001 80000001 3 10
frintp_s c00000 3effffff 7fffff c0200000 3f800000 0
scvtfw_h 480000 ffffffff 8000000000000000 5 bc00 0
fcvtauw_s 80000 20000000 80000000 daf879b2 0 10
fcvtnsx_s 480000 3f7fffff 0 80000000 1 10
fcvtzsxfix_s 2400000 bf400000 3effffff 3fc00001 ffffffffffffffe8 0
fcvtpuw_s 1080000 442d2d33 800000 40200000 2b5 10
ucvtfw_s 1c00000 5a994d549693d98c 7fffffffffffffff 80 4f1693d9 10
fcvtpsx_h 880000 1400 7e01 2000 1 10
scvtfxfix_d 80000 10000 fffffffffffff801 ed614695e26095a9 4080000000000000 0
fcvtzsx_s 800000 d05aabfe bf400000 800000 fffffffc95500800 0
frintz_h 2800000 fe03 452c 8000 7e00 0
fminnm_d 880000 2000000000000000 41dfffffffc00000 3ff8000000000000 2000000000000000 0
scvtfwfix_s 800000 7fffffff 0 80 4b7fffff 10
fcvtzux_s 1480000 40400000 5f000000 ffad1308 3 0
fmax_h 1080000 200 528c 0 528c 0
frsqrte_h 1400000 3e01 4200 fc00 3a88 0
frecpe_s 2400000 3f400000 a715e8c9 808d10b6 3faa8000 0
fcmp_s 0 ff800000 3f000000 400000 80000000 0
scvtfx_s 2880000 12345678 20000000000001 ffffffffffffffff 4d91a2b3 10
fcmp_s c00000 4f000000 c000000 71ef6a95 20000000 0
fmaxnm_s 400000 4b000001 bf800000 4b000001 4b000001 0
fcvtzsw_d 800000 c1e0000000000000 7ff0000000000000 3ca1d016b8da416 80000000 0
fmadd_d 1000000 3cb0000000000000 40f0000000000000 c1e0000000000000 c1e0000000000000 10
fnmsub_s 800000 932cbb23 7fffff 3fc00001 bfc00002 10
fmsub_h 1080000 2000 7800 4200 dbe8 0
fcvtpux_s c80000 3fc00000 4effffff 800001 2 10
fcvtnsw_s 2400000 c000000 34000000 ff800000 0 10
fcvtpsx_s 2800000 400000 34000000 20000000 1 10
frintz_d 480000 10000000000001 c004000000000000 7ff0000000000000 0 0
fdiv_s 0 7fc00001 ffc00003 32715326 7fc00001 0
fsqrt_h 1000000 6400 bc00 25d9 5000 0
fcvt_sh 0 0 400000 c0200000 0 0
fadd_d 1800000 36a0000000000000 1 fff8000000000003 36a0000000000000 80
fcvtzsxfix_h 2800000 800 bc00 1400 0 10
fcvtaux_h 80000 3c01 3c01 7c00 1 10
fcvtpsw_d 80000 4330000000000001 41e0000000000000 400921fb54442d18 7fffffff 1
fcvtmsx_d 3400000 1ff0000000000000 36a0000000000000 c2f2b32776afbee7 0 10
fabs_h 3c00000 400 3c01 8001 400 0
fcvtzuw_d 800000 3810000000000000 3e70000000000000 fff8000000000003 0 10
fcmpe_s 1000000 3fc00000 4f000000 cf000000 80000000 0
ucvtfxfix_d 1c00000 7fffffffffffffff ffe1 b51de153398e5af9 436fffffffffffff 10
fnmul_h 800000 3bff 0 b600 8000 0
fmaxnm_h 2c00000 1 3ff 37ff 3ff 0
fabd_d 0 3fefffffffffffff 4330000000000001 fff8000000000003 4330000000000000 10
fabs_h 400000 3bff 1 200 3bff 0
fcvtpuw_s c00000 ff800004 5f000000 80000000 0 1
fcvtnux_h 3800000 8001 4200 7bff 0 10
fcvtnuw_d 3480000 7ff0000000000000 3cb0000000000000 7ff8000000000001 ffffffff 1
scvtfwfix_d 1480000 80 1 ffffffff 3ff0000000000000 0
scvtfw_s 800000 100000081 5918e254b945e5a7 0 43010000 0
fadd_h 1c00000 fc04 3072 6400 fe04 1
fsqrt_s 2000000 40490fdb 800001 1f800000 3fe2dfc5 10
ucvtfx_d 2c00000 1 12345678 634cec3aa2073313 3ff0000000000000 0
fcmp_d 1000000 fff8000000000003 c1e0000000000000 7ff8000000000001 30000000 0
fcvtzsxfix_d 0 4004000000000000 bff0000000000000 3cb0000000000000 50 0
fneg_h c80000 8000 c100 200 0 0
frintm_h 1c80000 6fcc fc04 ae11 6fcc 0
fdiv_s 80000 575fee5 d97c434a 5f000000 80000000 18
frecpe_s c80000 3f400000 7fffff 7f800000 3faa8000 0
scvtfx_s 0 2def90b35137ae5a 20000000000001 7fffffff 5e37be43 10
fcvtzswfix_d c00000 40f0000000000000 c1e0000000000000 3cbae36416141677 200000 0
ucvtfxfix_d 480000 f3c2bfdb21a707f5 7fffffff fff0 437e7857fb6434e1 10
frsqrts_d 80000 4330000000000001 3fe0000000000000 380fffffffffffff c30ffffffffffff6 0
fmsub_d 480000 fff0000000000004 fffffffffffff 4004000000000000 7ff8000000000004 1
fcvtpsw_s 0 3f400000 3440e4fa c0e410cc 1 10
fminnm_d 80000 fff8000000000003 7fefffffffffffff bc41d22b494fba42 7fefffffffffffff 0
fnmul_s 1400000 35d7449d b468a0f0 40490fdb 2ac39d82 10
fmax_s 2c00000 3fc00000 1f800000 80000000 3fc00000 0
fcvtnsx_s 1800000 7f800002 7f7fffff 400000 0 1
fcvtasx_s 400000 80000001 3f800001 80000000 0 10
frecpe_h 1c00000 8c01 3e00 e248 ebfc 0
ucvtfwfix_h 0 ffffffff 6ff4268bbf8f0d8c 0 7c00 14
ucvtfxfix_d 1000000 cf8e62d71eeb70f6 10000 8141bd485dbed350 4379f1cc5ae3dd6e 10
fcvtmux_h 480000 5bff 7c00 129f ff 10
fabs_s 0 20000000 800001 ff800000 20000000 0
fcvtzsxfix_h 480000 fc04 3ff 7c00 0 1
fcvtzuwfix_s 400000 5f5bb102 3f000000 ff800000 ffffffff 1
fcvtauw_s 0 800001 4effffff cf000000 0 10
fcvtzuw_d c00000 4330000000000001 3ff8000000000000 3e70000000000000 ffffffff 1
ucvtfwfix_d 400000 ffffffffffffffff 6bb99642fdc5b1f6 80000000 417fffffffe00000 0
fmin_h 3c80000 1 aaf6 3e01 aaf6 0
fcvtnsw_d 3800000 10000000000001 c004000000000000 3cb0000000000000 0 10
fabd_h 2c00000 7c02 7e01 3c00 7e00 1
fcvtmsx_h c00000 4200 7e01 0 3 0
frsqrts_h 1c80000 fc00 2000 5bff 7c00 0
fcvtmux_h 1480000 1400 3e00 6400 0 10
fcvtzsw_h 0 fc04 4200 bc00 0 1
fcmpe_d 400000 3ff0000000000001 3ff8000000000000 3fefffffffffffff 80000000 0
frsqrts_d 3000000 4008000000000000 c3e0000000000000 10000000000001 43e8000000000000 10
frsqrts_d 1c00000 7ff0000000000002 47efffffe0000000 1ff0000000000000 fff8000000000002 1
fnmul_h 1000000 623d 4200 f800 e8ae 10
fcvt_sh 1880000 ff800000 7fffff ffc00003 fc00 0
ucvtfxfix_d 880000 1000001 1000001 ffffffffff000001 4100000010000000 0
fcvtasw_h c80000 2000 fc04 655f 0 10
frsqrte_d 800000 47efffffe0000000 c1e0000000000000 8000000000000000 3bf0000000000000 0
fcvtzux_d 880000 380fffffffffffff c004000000000000 13cc51d1a45b9aa5 0 10
fcvtnux_s 2800000 3f7fffff 80000000 40200000 1 10
fcmp_h 1800000 3c01 200 8001 20000000 0
frsqrts_d 400000 8000000000000 1ff0000000000000 41e0000000000000 3ff8000000000000 10
fcvt_hs 1c00000 3bff 6ade b600 3f7fe000 0
scvtfxfix_s 3000000 8000000000000000 20000000000001 ffffffffff000001 db800000 0
fmin_d 2c00000 c84ede5da9b40136 384d5936ec86f66c 3cb0000000000000 c84ede5da9b40136 0
fmax_h 2c80000 fc00 5bff bc00 5bff 0
fcvtmuw_s 80000 ff800000 40490fdb 7f7fffff 0 1
frintn_d 800000 f3774a638c24bddf fff0000000000000 0 f3774a638c24bddf 0
fnmadd_d 1c00000 4004000000000000 8000000000000 4330000000000001 c330000000000001 80
fcvtasw_h 400000 7c00 b600 8001 7fffffff 1
fcvtmuw_s 1080000 c0200000 800000 7f7fffff 0 1
fdiv_d c00000 10000000000001 400921fb54442d18 41e0000000000000 517cc1b727221 18
fcvt_sh 2c80000 ffc00003 3effffff 7fffff 7e00 0
fcvt_hs 2800000 0 e3b7 1 0 0
ucvtfwfix_h 0 0 0 fffffffffffff801 0 0
ucvtfwfix_s 2800000 ffffffffffffffff 1 80000000 4bffffff 10
ucvtfx_d 3000000 20000000000001 0 0 4340000000000000 10
fcvtzsxfix_s c80000 6a43c2fa 3f400000 3f800001 7fffffffffffffff 1
scvtfw_d 1080000 f55d58ae178e6f5f 10000 20000000000001 41b78e6f5f000000 0
fcvtmux_d 2c00000 36a0000000000000 47efffffe0000000 41e0000000000000 0 10
fcvtpuw_s c00000 40400000 3fc00001 c000000 3 0
fmul_h 800000 1400 4100 fc00 1900 0
frsqrts_h 800000 c100 3e01 3800 42c0 10
fcvtmsx_s 1480000 7fffff 5759ddb8 7fffff 0 80
fmin_h 880000 3c00 7bff 3600 3c00 0
fnmul_d 400000 67ef0af19687bff8 7fefffffffffffff 3cb0000000000000 fff0000000000000 14
frintp_h 1000000 8001 3600 296e 8000 0
fcvtzsw_h 1800000 fc00 401 3e01 80000000 1
ucvtfwfix_s 2c80000 ffffffffff000001 0 5 4bff0000 10
fmulx_d 3880000 cb84c129a5d65521 fff8000000000003 fff0000000000004 7ff8000000000000 0
fadd_d c00000 30fd7dd21161017e 3c57894ebba699cd 41dfffffffc00000 3c57894ebba699cd 10
fcvtnsw_d c80000 3ff0000000000000 1ff0000000000000 0 1 0
scvtfxfix_d 0 100000081 12345678 7fffffff 4180000008100000 0
fcvtzuw_d 480000 1ff0000000000000 36a0000000000000 7ff8000000000001 0 10
fcvtnsx_h c80000 800 b600 fc04 0 10
fcvtpuw_d c00000 1ff0000000000000 0 1 1 10
fminnm_s 2c80000 40490fdb 80000001 cf000000 80000001 0
fcvtaux_s 3480000 1 4e232b2 400000 0 80
frintn_d c80000 5fc9f92c3861bea7 3fefffffffffffff 3e70000000000000 5fc9f92c3861bea7 0
fcvtauw_s c00000 3fc00000 40490fdb 80000001 2 10
fabd_s 1480000 ff800000 800000 28facac7 7f800000 0
ucvtfwfix_h 3480000 7fffffffffffffff ffe1 fff0 7c00 14
fcvtasw_d 1c80000 84fc676da18722e3 7ff0000000000002 c3e0000000000000 0 10
scvtfxfix_s 2480000 20000000000001 ffffffffff000001 7fffffff 56800001 10
fcvtnsx_s c00000 bf400000 3f800000 3f000000 ffffffffffffffff 10
fneg_d c00000 3ff0000000000000 7ff0000000000002 400921fb54442d18 bff0000000000000 0
fcvtmux_s 2400000 800000 c0200000 800000 0 10
frintp_d 1c00000 2000000000000000 1 bff0000000000000 3ff0000000000000 0
fmin_d 1400000 c3e0000000000000 3508be67a98bae9f 3ff0000000000001 c3e0000000000000 0
frsqrts_s 2880000 e5527c22 4b000001 a9583ecb 70527c23 10
fcvtnux_h 800000 1400 37ff 3600 0 10
fcvtnux_h 3c00000 37ff 7569 3600 0 10
frsqrte_d 1000000 fff8000000000003 3fe0000000000000 fff8000000000003 fff8000000000003 0
fcvtzsxfix_d c00000 3c402c96d2d9d062 fff0000000000000 4008000000000000 0 10
ucvtfwfix_d 3400000 7fffffff 1000001 80000000 416fffffffc00000 0
fcvtmsw_h 1000000 3e01 4248 3c00 1 10
fsqrt_h 800000 7bff 3e00 3e00 5bff 10
fabd_s 2400000 c000000 40400000 40400000 403fffff 10
fcvtasw_h 1c00000 7800 3e01 fe03 8000 0
scvtfw_h 400000 80000000 31dfa075ac0cb19 12345678 fbff 14
scvtfwfix_s 1400000 ffe1 ffe1 92e7221db6ebc7d3 43ffe100 0
fcvtmux_h 800000 8000 3e00 3c00 0 0
frinti_s 480000 0 3f7fffff 1 0 0
frintp_s 0 7f800000 c0200000 3fc00001 7f800000 0
frinta_h 1800000 1c0b f0c6 ee2 0 0
fcvtauw_d c00000 40f0000000000000 800fffffffffffff bff0000000000000 10000 0
fcvtpux_h 800000 2000 401 3c00 1 10
ucvtfwfix_h 1000000 20000001 ffffffff 80 7c00 14
fmin_h c00000 3c00 3e01 800 3c00 0
frintx_s 880000 7f7fffff 4f000000 cf000000 7f7fffff 0
fcvtzux_s 800000 400000 40400000 c000000 0 10
ucvtfx_h 480000 80 1000001 9057fe0d928354b4 5800 0
fcvtmsx_d 3800000 3ff0000000000000 800fffffffffffff 7ff0000000000002 1 0
fcvt_sd 2c80000 3894b0fc 4b000001 0 3f12961f80000000 0
scvtfwfix_h c00000 80 fff0 fff0 3c00 0
frintn_h 1000000 3ff 3ff 7800 0 0
frintm_s 1c80000 3fc00000 3f400000 1f800000 3f800000 0
fabd_s 3480000 3fc00001 40200000 bf800000 3f7ffffe 0
fneg_s 0 4effffff 40490fdb c3834fc0 ceffffff 0
fneg_h c80000 4248 4248 66ec c248 0
ucvtfx_d 800000 dd44f7a1213524ca ffe1 100000081 43eba89ef42426a4 10
fnmul_h 3c80000 3c00 3600 8000 b600 0
fcvtnux_h 1080000 b600 3600 fc00 0 10
fcvtzux_s 0 3f000000 400000 80000001 0 10
fmin_s 2800000 80000000 3f800000 80000000 80000000 0
fcvtzswfix_s 2480000 1f800000 800000 3fc00001 0 10
fsqrt_s 880000 80000000 7f800000 ffc00003 80000000 0
fcvtasw_h 1480000 3800 4200 8000 1 10
fmul_d 400000 36a0000000000000 b4ed9434094ad572 41dfffffffc00000 ab9d9434094ad572 0
fmax_d 80000 3ff8000000000000 800fffffffffffff 3cb0000000000000 3ff8000000000000 0
fcmpz_d 1000000 3cb0000000000000 8000000000000000 24f596bf7fb97bd1 20000000 0
fcmpz_s 1480000 80000000 3f400000 7f800002 60000000 0
fmax_s 400000 cf000000 7f800002 0 7fc00002 1
fmul_s 3c80000 bf400000 3f7fffff 1 bf3fffff 10
fcvtpux_d 80000 6b72eb48ddc5cce3 40f0000000000000 3cb0000000000000 ffffffffffffffff 1
frintn_h 0 3c01 3800 5bff 3c00 0
fcvtzswfix_h 80000 3e01 fc00 6400 30 10
fcmpe_s 2880000 7fffff 3f7fffff 4effffff 80000000 0
fnmadd_d 80000 fff0000000000000 7ff0000000000000 380fffffffffffff 7ff0000000000000 0
frintx_h 1000000 7c02 4200 200 7e02 1
fcvtzsw_s 0 3f400000 3f800000 80000000 0 10
frintn_h 800000 3c00 3800 7bff 3c00 0
fmin_d 1000000 3ff8000000000000 1ff0000000000000 fff0000000000004 1ff0000000000000 0
fcvtmux_s 1c80000 40400000 80000001 233257d7 3 0
frecps_h 1880000 1 5bff 3e01 4000 0
fmsub_h 0 c100 dd94 bc00 e2fb 0
ucvtfx_h 400000 1 5 ffffffffffffffff 3c00 0
fmin_s 1000000 bf400000 1 eeabd650 bf400000 80
scvtfwfix_s 2400000 12345678 8000000000000000 ffffffffffffffff 4a11a2b4 10
fdiv_s 800000 40400000 400000 bf400000 7f7fffff 14
fcvtpsx_h 880000 3e01 c50d 3ff 2 10
ucvtfwfix_d 3000000 e9ab146fef094c84 ffe1 10000 417de12990800000 0
fcvtzsxfix_h 2000000 7bff 1 c1b 1ffc00 0
frintx_d c00000 3e70000000000000 7ff8000000000001 1 0 10
ucvtfx_d c80000 80000000 fffffffffffff801 ffffffff 41e0000000000000 0
fneg_s 2c00000 3f000000 4f000000 c0200000 bf000000 0
fcvt_hd 480000 2000 7800 1dde 3f80000000000000 0
fcvtzsw_d 2400000 36a0000000000000 fff0000000000004 10000000000001 0 10
fcvtzswfix_s 400000 4effffff 3f7fffff 800000 7fffffff 1
fcvtzuwfix_h 2000000 1 200 b600 0 10
frintx_d c00000 88ece2122f329e1b 2000000000000000 10000000000000 8000000000000000 10
fmin_s 0 d8fdda4f 48c1f430 f9df81fc d8fdda4f 0
fneg_s 80000 bc3cd9ac 400000 1 3c3cd9ac 0
fcvtnsw_s 1480000 40200000 7fffff 3f800001 2 10
fcvtnsw_h 0 c100 800 7c00 fffffffe 10
fcvtzsxfix_h 1800000 8001 3e00 401 0 10
scvtfxfix_h 3080000 7fffffffffffffff fffffffffffff801 cfc99db2c27f0d03 7c00 14
fcvtmsx_s 880000 3f7fffff 4f000000 10bbe8dd 0 10
frintp_h 480000 f800 37ff 8000 f800 0
fcvtasw_s 800000 3fc00000 f710b6f5 4f000000 2 10
fcvtpsx_h c00000 fe03 401 6b0d 0 1
scvtfwfix_h c80000 ffffffffff000001 d13cc0d797be496c 20000001 fbff 14
scvtfx_h 2800000 12345678 10000 ffe1 7bff 14
frinta_h 1000000 1d15 a73a 8001 0 0
fadd_s 2c80000 ff800000 8c7d938c e08ffef7 ff800000 0
scvtfx_h 800000 80000000 ffffffff 100000081 7bff 14
fcvtauw_h 800000 7800 7c02 b600 8000 0
frintn_h 2800000 bc00 8001 3600 bc00 0
ucvtfx_h 1400000 ec0b09f8eebc5b0d ffe1 10000 7c00 14
fadd_h 2800000 200 c100 0 c100 10
fcvtpsx_s 1080000 5f000000 3fc00001 867ac9a2 7fffffffffffffff 1
fcvtzuw_d 2c80000 fff0000000000004 c3e0000000000000 36a0000000000000 0 1
frsqrts_h 2880000 7c02 b600 3600 7e00 1
fcvtauw_h 480000 7800 fe03 3c00 8000 0
fcvtaux_s 400000 7f7fffff 7f800000 3f400000 ffffffffffffffff 1
fcvt_dh 0 41dfffffffc00000 0 10000000000000 7c00 14
fcmpz_d 1480000 3e70000000000000 47efffffe0000000 4fff3842dca8accd 20000000 0
fcvtasw_h 1880000 7c00 200 1400 7fffffff 1
fcmpe_s 400000 bf800000 4f000000 bf400000 80000000 0
fcvtzuxfix_d 80000 10000000000000 36a0000000000000 0 0 10
frinta_s 80000 bf800000 0 66dbfa23 bf800000 0
frsqrts_d c00000 4330000000000001 2000000000000000 fff0000000000004 3ff7ffffffffffff 10
fabd_h 800000 bc00 7e01 3c01 7e01 0
fcvtpuw_s 2880000 34000000 80000000 3f7fffff 1 10
fadd_d 2880000 1ff0000000000000 380fffffffffffff c3e0000000000000 380fffffffffffff 10
`;

const ESIZE: Record<string, FpEsize> = { s: 32, d: 64, h: 16 };
const BINOPS = ['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fmulx', 'frecps', 'frsqrts', 'fabd'];
const UNOPS = ['fsqrt', 'frintn', 'frinta', 'frintp', 'frintm', 'frintz', 'frintx', 'frinti', 'frecpe', 'frsqrte', 'fabs', 'fneg'];

/** Runs one golden line through fp-ops; returns [result, fpsr]. */
function runGolden(name: string, fpcr: number, a: bigint, b: bigint, c: bigint): [bigint, number] {
  const [op, t] = name.split('_');
  const e = ESIZE[t[0]];
  reset(fpcr);
  setD(1, a); setD(2, b); setD(3, c);
  const res = (): bigint => getD(0) & ((1n << BigInt(e)) - 1n);
  let m: RegExpMatchArray | null;
  let r: bigint;
  if (BINOPS.includes(op)) {
    fpBinop(dv, env, op.slice(1) as FpBinop, e, V(0), V(1), V(2));
    r = res();
  } else if (op === 'fnmul') {
    fpBinop(dv, env, 'mul', e, V(0), V(1), V(2));
    r = res() ^ (1n << BigInt(e - 1));
  } else if (UNOPS.includes(op)) {
    fpUnop(dv, env, (op.startsWith('frint') ? op : op.slice(1)) as FpUnop, e, V(0), V(1));
    r = res();
  } else if (['fmadd', 'fmsub', 'fnmadd', 'fnmsub'].includes(op)) {
    fpMulAdd(dv, env, e, V(0), V(1), V(2), V(3), op === 'fmsub' || op === 'fnmadd', op === 'fnmadd' || op === 'fnmsub');
    r = res();
  } else if (op.startsWith('fcmp')) {
    r = BigInt(fpCompare(dv, env, e, V(1), op === 'fcmpz' ? FP_ZERO : V(2), op === 'fcmpe')) << 28n;
  } else if (op === 'fcvt') {
    const to = ESIZE[t[1]];
    fpConvert(dv, env, e, to, V(0), V(1));
    r = getD(0) & ((1n << BigInt(to)) - 1n);
  } else if ((m = /^fcvt([nazpm])([su])([wx])(fix)?$/.exec(op))) {
    const bits = m[3] === 'w' ? 32 : 64;
    r = BigInt.asUintN(bits, fpToInt(dv, env, e, V(1), m[2] === 's', bits, m[1] as FpRmode, m[4] ? (m[2] === 's' ? 5 : 3) : 0));
  } else if ((m = /^([su])cvtf([wx])(fix)?$/.exec(op))) {
    fpFromInt(dv, env, e, V(0), a, m[1] === 's', m[2] === 'w' ? 32 : 64, m[3] ? 7 : 0);
    r = res();
  } else {
    throw new Error(`unknown golden op ${name}`);
  }
  return [r, fpsr()];
}

describe('aarch64 fp-ops: golden vectors from qemu-aarch64', () => {
  const lines = GOLDEN.trim().split('\n');
  it(`matches all ${lines.length} recorded results and FPSR values`, () => {
    const mismatches: string[] = [];
    for (const line of lines) {
      const [name, f, a, b, c, want, wantFpsr] = line.split(' ');
      const [r, s] = runGolden(name, parseInt(f, 16), BigInt(`0x${a}`), BigInt(`0x${b}`), BigInt(`0x${c}`));
      if (r !== BigInt(`0x${want}`) || s !== parseInt(wantFpsr, 16)) mismatches.push(`${line} -> ${r.toString(16)} ${s.toString(16)}`);
    }
    expect(mismatches).toEqual([]);
  });
});

// --- instructions through the translator and the interpreter backend ------------------

const CODE = 0x10000;
const PROT_RX = 5;

/** Assembled with aarch64-linux-gnu-as -march=armv8.2-a+fp16; the block ends at udf #0. */
const PROGRAM = [
  0x1e6f1000, // fmov d0, #1.5
  0x9e670021, // fmov d1, x1
  0x1e612802, // fadd d2, d0, d1
  0x1e250883, // fmul s3, s4, s5
  0x1e612000, // fcmp d0, d1
  0x1e61cc04, // fcsel d4, d0, d1, gt
  0x1f410805, // fmadd d5, d0, d1, d2
  0x9e7800a2, // fcvtzs x2, d5
  0x9e620066, // scvtf d6, x3
  0x1e6240c7, // fcvt s7, d6
  0x9e660044, // fmov x4, d2
  0x9eaf00a8, // fmov v8.d[1], x5
  0x9eae0106, // fmov x6, v8.d[1]
  0x1e610404, // fccmp d0, d1, #4, eq
  0x1e58f007, // fcvtzs w7, d0, #4
  0x1e664009, // frinta d9, d0
  0x1e25888a, // fnmul s10, s4, s5
  0x1e202168, // fcmp s11, #0.0
  0x1ee1c1ac, // fsqrt h12, h13
  0x1e790028, // fcvtzu w8, d1
  0x00000000, // udf #0
];

describe('aarch64 scalar FP instructions (interpreter backend)', () => {
  it('runs a block of FP instructions', () => {
    mem.setProt(0, 0x100000, 0);
    mem.rawFill(CODE, PAGE_SIZE);
    mem.setProt(CODE, PAGE_SIZE, PROT_RX);
    const code = new Uint8Array(PROGRAM.length * 4);
    PROGRAM.forEach((w, i) => new DataView(code.buffer).setUint32(i * 4, w, true));
    mem.rawWrite(CODE, code);
    reset();
    const x = (r: number): bigint => dv.getBigUint64(env + xOffset(r), true);
    const setX = (r: number, v: bigint): void => dv.setBigUint64(env + xOffset(r), BigInt.asUintN(64, v), true);
    setX(1, f64(2.25));
    setX(3, -7n);
    setX(5, 0x1122334455667788n);
    setS(4, f32(3));
    setS(5, f32(-0.5));
    setS(11, 0x7fc00000);
    setH(13, 0x4400);
    dv.setBigUint64(V(2) + 8, 0xdeadn, true);
    dv.setBigUint64(V(8), 0xbeefn, true);
    dv.setBigInt64(env + ENV.PC, BigInt(CODE), true);

    const helpers = new HelperRegistry();
    const ids = helpers.registerAll(AARCH64_FP_HELPERS);
    const tr = new A64Translator(helpers, FP_HANDLERS as unknown as A64Translators, ids);
    const backend = new InterpBackend({ mem, helpers });
    const tb = tr.translate(mem, CODE, { maxInsns: 64 });
    expect(backend.run(backend.compile([tb]).slots[0], env)).toBe(ExitReason.EXCEPTION);
    expect(dv.getUint32(env + ENV.EXCEPTION, true)).toBe(Excp.ILLEGAL_INSN);

    expect(getD(0)).toBe(f64(1.5));
    expect(getD(2)).toBe(f64(3.75));
    expect(dv.getBigUint64(V(2) + 8, true)).toBe(0n); // scalar writes clear the top half
    expect(getS(3)).toBe(f32(-1.5));
    expect(getD(4)).toBe(f64(2.25)); // 1.5 > 2.25 is false
    expect(getD(5)).toBe(f64(7.125));
    expect(x(2)).toBe(7n);
    expect(getD(6)).toBe(f64(-7));
    expect(getS(7)).toBe(f32(-7));
    expect(dv.getUint32(V(7) + 4, true)).toBe(0);
    expect(x(4)).toBe(f64(3.75));
    expect(dv.getBigUint64(V(8), true)).toBe(0xbeefn); // FMOV Vd.D[1] keeps D[0]
    expect(x(6)).toBe(0x1122334455667788n);
    expect(x(7)).toBe(24n);
    expect(getD(9)).toBe(f64(2));
    expect(getS(10)).toBe(0x80000000); // -(0 * x): s4 is the low half of d4 = 2.25 by now
    expect(getH(12)).toBe(0x4000);
    expect(x(8)).toBe(2n);
    // fcmp s11 (a quiet NaN), #0.0: unordered, NZCV = 0011, no IOC.
    expect(dv.getBigInt64(env + A64.NF, true) < 0n).toBe(false);
    expect(dv.getBigInt64(env + A64.ZF, true) === 0n).toBe(false);
    expect(dv.getBigInt64(env + A64.CF, true)).toBe(1n);
    expect(dv.getBigInt64(env + A64.VF, true) < 0n).toBe(true);
    expect(fpsr()).toBe(IXC);
  });
});
