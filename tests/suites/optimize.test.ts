// The IR optimizer: each rule folds what it should and nothing it should not.

import { describe, expect, it } from 'vitest';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { IrBuilder, type TranslatedBlock } from '../../src/tcg/ir.js';
import { optimize } from '../../src/tcg/optimize.js';
import { ExitReason } from '../../src/tcg/env.js';

const helpers = new HelperRegistry();
const touch = helpers.register({ name: 'touch', args: ['i32'], ret: null, fn: () => {} });

function block(build: (b: IrBuilder) => void): TranslatedBlock {
  const b = new IrBuilder((id) => helpers.get(id));
  b.insnStart(0x1000);
  build(b);
  return { pc: 0x1000, size: 4, insns: [], ops: b.ops, temps: b.temps, labelCount: b.labelCount, successors: b.successors };
}
const opsOf = (t: TranslatedBlock) => optimize(t).ops.map((o) => o.op);

describe('optimize', () => {
  it('folds constant arithmetic into a movi and drops the dead inputs', () => {
    const out = optimize(block((b) => {
      const x = b.binary('add_i64', b.const64(40), b.const64(2));
      b.stEnv(x, 64);
      b.gotoTb(0x1004);
    }));
    const st = out.ops.find((o) => o.op === 'st_env_i64')!;
    const def = out.ops.find((o) => o.outs[0]?.id === st.ins[0].id)!;
    expect(def.op).toBe('movi_i64');
    expect(def.consts[0]).toBe(42n);
    expect(out.ops.filter((o) => o.op === 'movi_i64')).toHaveLength(1);
  });

  it('applies identities: x + 0, x * 1, x & -1 become copies', () => {
    const ops = opsOf(block((b) => {
      const x = b.ldEnv('i64', 64);
      const y = b.binary('add_i64', x, b.const64(0));
      const z = b.binary('mul_i64', y, b.const64(1));
      b.stEnv(b.binary('and_i64', z, b.const64(-1)), 72);
      b.gotoTb(0x1004);
    }));
    expect(ops).not.toContain('add_i64');
    expect(ops).not.toContain('mul_i64');
    expect(ops).not.toContain('and_i64');
  });

  it('forwards a register store to a later load of the same slot', () => {
    const out = optimize(block((b) => {
      b.stEnv(b.const64(7), 80);
      const again = b.ldEnv('i64', 80);
      b.stEnv(b.binary('add_i64', again, b.const64(1)), 88);
      b.gotoTb(0x1004);
    }));
    expect(out.ops.map((o) => o.op)).not.toContain('ld_env_i64');
    const last = out.ops.filter((o) => o.op === 'st_env_i64')[1];
    const def = out.ops.find((o) => o.outs[0]?.id === last.ins[0].id)!;
    expect(def.consts[0]).toBe(8n);
  });

  it('does not forward env across a helper call or a label', () => {
    const ops = opsOf(block((b) => {
      b.stEnv(b.const64(7), 80);
      b.call(touch, [b.envPtr()]);
      b.stEnv(b.ldEnv('i64', 80), 88);
      const l = b.newLabel();
      b.setLabel(l);
      b.stEnv(b.ldEnv('i64', 88), 96);
      b.gotoTb(0x1004);
    }));
    expect(ops.filter((o) => o === 'ld_env_i64')).toHaveLength(2);
  });

  it('turns a branch on constants into br or nothing', () => {
    const taken = opsOf(block((b) => {
      const l = b.newLabel();
      b.brcond('ltu', b.const64(1), b.const64(-1), l);
      b.gotoTb(0x1004);
      b.setLabel(l);
      b.gotoTb(0x2000);
    }));
    expect(taken).toContain('br');
    expect(taken).not.toContain('brcond_i64');
    const notTaken = opsOf(block((b) => {
      const l = b.newLabel();
      b.brcond('lt', b.const64(1), b.const64(-1), l);
      b.gotoTb(0x1004);
      b.setLabel(l);
      b.gotoTb(0x2000);
    }));
    expect(notTaken).not.toContain('br');
    expect(notTaken).not.toContain('brcond_i64');
  });

  it('keeps loads that may fault and removes unused pure ops', () => {
    const ops = opsOf(block((b) => {
      const a = b.ldEnv('i64', 64);
      b.qemuLd('i64', a, 0x08);
      b.binary('xor_i64', a, a);
      b.exitTb(ExitReason.SYSCALL, 0x1000);
    }));
    expect(ops).toContain('qemu_ld_i64');
    expect(ops).not.toContain('xor_i64');
  });

  it('folds through the interpreter semantics (division by zero is total)', () => {
    const out = optimize(block((b) => {
      b.stEnv(b.binary('div_s_i64', b.const64(5), b.const64(0)), 64);
      b.stEnv(b.binary('rem_u_i64', b.const64(5), b.const64(0)), 72);
      b.gotoTb(0x1004);
    }));
    const values = out.ops.filter((o) => o.op === 'movi_i64').map((o) => o.consts[0]);
    expect(values).toEqual([0n, 5n]);
  });
});
