// The IR optimizer: one forward pass of constant/copy propagation and folding, with
// env load forwarding (a register read right after it was written reuses the temp),
// then a backward dead-code pass. Folds are small named rules per op, as in QEMU's
// tcg/optimize.c. Everything known is forgotten at a label (a join point) and env
// knowledge also at helper calls, which may read or write the env block.

import { IR_TYPE_BYTES, OPCODES, type Opcode } from './opcodes.js';
import type { Const, IrOp, Temp, TranslatedBlock } from './ir.js';
import { evalPure } from '../hostbackend/interp/interp.js';

type Value = number | bigint;

interface State {
  /** temp id → known constant value. */
  consts: Map<number, Value>;
  /** temp id → the temp it is a copy of. */
  copies: Map<number, Temp>;
  /** env offset → temp holding the value currently stored there (same width). */
  env: Map<number, Temp>;
}


const isZero = (v: Value | undefined): boolean => v === 0 || v === 0n;
const isOne = (v: Value | undefined): boolean => v === 1 || v === 1n;
const isAllOnes = (v: Value | undefined): boolean => v === -1 || v === -1n;
const baseName = (op: Opcode): string => op.replace(/_(i32|i64)$/, '');
const suffixOf = (op: Opcode): string => op.slice(op.lastIndexOf('_'));

/** Ops whose result depends only on their inputs and constants (foldable when all inputs are known). */
function foldable(op: Opcode): boolean {
  const f = OPCODES[op].flags;
  if (f.sideEffects || f.touchesEnv || f.branch || f.endsBlock || f.variadic) return false;
  if (op === 'env_ptr' || op.startsWith('movi_')) return false;
  const out = OPCODES[op].outs;
  return out.length === 1 && (out[0] === 'i32' || out[0] === 'i64') && OPCODES[op].ins.every((t) => t === 'i32' || t === 'i64');
}
/** foldable() and the names the folding rules use, worked out once per opcode. */
const FOLD_INFO = new Map(
  (Object.keys(OPCODES) as Opcode[]).map((op) => [op, { foldable: foldable(op), base: baseName(op), suffix: suffixOf(op) }]),
);
const isFoldable = (op: Opcode): boolean => FOLD_INFO.get(op)!.foldable;

/** x op c = x: identity rules (QEMU fold_xi_to_x). Returns the input that is the result, or undefined. */
function foldIdentity(base: string, a: Temp[], c: (Value | undefined)[]): Temp | undefined {
  switch (base) {
    case 'add': case 'or': case 'xor':
      if (isZero(c[1])) return a[0];
      if (isZero(c[0])) return a[1];
      return undefined;
    case 'sub': case 'shl': case 'shr': case 'sar': case 'rotl': case 'rotr':
      return isZero(c[1]) ? a[0] : undefined;
    case 'mul':
      if (isOne(c[1])) return a[0];
      if (isOne(c[0])) return a[1];
      return undefined;
    case 'and':
      if (isAllOnes(c[1])) return a[0];
      if (isAllOnes(c[0])) return a[1];
      return undefined;
  }
  return undefined;
}

/** x op c = constant: annihilator rules (QEMU fold_xi_to_i). */
function foldAnnihilate(base: string, c: (Value | undefined)[]): boolean {
  switch (base) {
    case 'and': case 'mul': return isZero(c[0]) || isZero(c[1]);
  }
  return false;
}

export function optimize(block: TranslatedBlock): TranslatedBlock {
  const st: State = { consts: new Map(), copies: new Map(), env: new Map() };
  const out: IrOp[] = [];
  const temps = [...block.temps];
  const resolve = (t: Temp): Temp => st.copies.get(t.id) ?? t;
  /** Temps defined so far: only a redefinition can leave copies or env entries pointing at a temp. */
  const defined = new Set<number>();
  const forget = (t: Temp): void => {
    st.consts.delete(t.id);
    st.copies.delete(t.id);
    if (!defined.has(t.id)) {
      defined.add(t.id);
      return;
    }
    for (const [k, v] of st.copies) if (v.id === t.id) st.copies.delete(k);
    for (const [k, v] of st.env) if (v.id === t.id) st.env.delete(k);
  };
  const defineCopy = (dst: Temp, src: Temp): void => {
    forget(dst);
    if (src.id === dst.id) return;
    st.copies.set(dst.id, src);
    const k = st.consts.get(src.id);
    if (k !== undefined) st.consts.set(dst.id, k);
  };

  for (const orig of block.ops) {
    const o: IrOp = { ...orig, ins: orig.ins.map(resolve) };
    const def = OPCODES[o.op];
    if (o.op === 'set_label') {
      st.consts.clear();
      st.copies.clear();
      st.env.clear();
      out.push(o);
      continue;
    }
    if (def.flags.variadic) st.env.clear();

    const c = o.ins.map((t) => st.consts.get(t.id));
    const dst = o.outs[0];

    // Branches on constants become unconditional or vanish.
    if (o.op === 'brcond_i32' || o.op === 'brcond_i64') {
      if (c[0] !== undefined && c[1] !== undefined) {
        const taken = evalPure(o.op === 'brcond_i64' ? 'setcond_i64' : 'setcond_i32', c as Value[], [o.consts[0]]);
        if (isOne(taken)) out.push({ op: 'br', outs: [], ins: [], consts: [o.consts[1]] });
        continue;
      }
      out.push(o);
      continue;
    }

    if (o.op === 'mov_i32' || o.op === 'mov_i64' || o.op === 'mov_v128') {
      defineCopy(dst, o.ins[0]);
      out.push(o);
      continue;
    }
    if (o.op === 'movi_i32' || o.op === 'movi_i64') {
      forget(dst);
      st.consts.set(dst.id, o.consts[0]);
      out.push(o);
      continue;
    }

    // env load forwarding: reuse the temp last stored at (or loaded from) this offset.
    if (o.op === 'ld_env_i32' || o.op === 'ld_env_i64' || o.op === 'ld_env_v128') {
      const known = st.env.get(Number(o.consts[0]));
      if (known && known.type === dst.type) {
        out.push({ op: `mov_${dst.type}` as Opcode, outs: [dst], ins: [known], consts: [] });
        defineCopy(dst, known);
        continue;
      }
      forget(dst);
      out.push(o);
      st.env.set(Number(o.consts[0]), dst);
      continue;
    }
    if (o.op === 'st_env_i32' || o.op === 'st_env_i64' || o.op === 'st_env_v128') {
      const ofs = Number(o.consts[0]);
      const size = IR_TYPE_BYTES[o.ins[0].type];
      for (const [k, t] of st.env) if (k < ofs + size && k + IR_TYPE_BYTES[t.type] > ofs) st.env.delete(k);
      st.env.set(ofs, o.ins[0]);
      out.push(o);
      continue;
    }

    if (dst && isFoldable(o.op) && c.every((v) => v !== undefined)) {
      const v = evalPure(o.op, c as Value[], o.consts);
      forget(dst);
      st.consts.set(dst.id, v);
      out.push(movi(dst, v));
      continue;
    }
    if (dst && o.ins.length === 2 && isFoldable(o.op)) {
      const { base, suffix } = FOLD_INFO.get(o.op)!;
      const same = foldIdentity(base, o.ins, c);
      if (same) {
        out.push({ op: `mov${suffix}` as Opcode, outs: [dst], ins: [same], consts: [] });
        defineCopy(dst, same);
        continue;
      }
      if (foldAnnihilate(base, c)) {
        forget(dst);
        st.consts.set(dst.id, dst.type === 'i64' ? 0n : 0);
        out.push(movi(dst, dst.type === 'i64' ? 0n : 0));
        continue;
      }
    }
    for (const t of o.outs) forget(t);
    out.push(o);
  }
  return { ...block, ops: deadCode(out), temps };
}

function movi(t: Temp, v: Value): IrOp {
  return { op: t.type === 'i64' ? 'movi_i64' : 'movi_i32', outs: [t], ins: [], consts: [v as Const] };
}

/** Removes ops without side effects whose outputs nobody reads (iterated backwards once; labels are barriers). */
function deadCode(ops: IrOp[]): IrOp[] {
  // Temps are block-local; a temp read anywhere in the block keeps its definitions (conservative across labels).
  const live = new Set<number>();
  const keep: boolean[] = new Array(ops.length).fill(true);
  for (let i = ops.length - 1; i >= 0; i--) {
    const o = ops[i];
    const f = OPCODES[o.op].flags;
    const removable = !f.sideEffects && !f.branch && !f.endsBlock && !f.variadic && o.outs.length > 0;
    if (removable && o.outs.every((t) => !live.has(t.id)) && !usedLater(ops, i, o.outs)) {
      keep[i] = false;
      continue;
    }
    for (const t of o.ins) live.add(t.id);
  }
  return ops.filter((_, i) => keep[i]);
}

/**
 * Whether a temp defined at i may be read by an op before i (reachable through a backward
 * branch). Translators only branch forward today, so this only guards loops: if the block
 * has a backward branch, nothing is removed that is read anywhere.
 */
function usedLater(ops: IrOp[], i: number, outs: Temp[]): boolean {
  if (!hasBackwardBranch(ops)) return false;
  return ops.some((o) => o.ins.some((t) => outs.some((x) => x.id === t.id)));
}

const backwardCache = new WeakMap<IrOp[], boolean>();
function hasBackwardBranch(ops: IrOp[]): boolean {
  let known = backwardCache.get(ops);
  if (known !== undefined) return known;
  const seen = new Set<number>();
  known = false;
  for (const o of ops) {
    if (o.op === 'set_label') seen.add(Number(o.consts[0]));
    const label = o.op === 'br' ? o.consts[0] : o.op.startsWith('brcond') ? o.consts[1] : undefined;
    if (label !== undefined && seen.has(Number(label))) known = true;
  }
  backwardCache.set(ops, known);
  return known;
}
