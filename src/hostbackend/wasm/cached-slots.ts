// Which env slots (guest registers) a region function keeps in wasm locals. A cached slot is
// loaded at every entry of the function and stored back at its exit when written, however
// little of the region that entry runs — and a region entered through the hub runs ~20
// guest instructions of a real program's code, a straight-line one each block at most once.
// So a local pays only where a loop reuses it: the slots chosen are those that blocks on a
// cycle of the region use, the most used first, at most MAX_CACHED_SLOTS of each register
// class (beyond the host's registers V8 spills locals to its stack, where they cost what an
// env access costs). Every other access is a plain memory access to env.
// (Paired against caching every slot of a region that can loop: lua riscv64 and sqlite3
// aarch64 cold ~5% faster; the micro group unchanged.)

import { ENV } from '../../tcg/env.js';
import type { IrOp, TranslatedBlock } from '../../tcg/ir.js';
import { IR_TYPE_BYTES, type IrType } from '../../tcg/opcodes.js';

/** Slots of each register class (integer; float and vector) kept in locals at most. */
const MAX_CACHED_SLOTS = 12;


/** The type of an env slot access op (ld_env_* / st_env_*), or null for any other op. */
export function envAccessType(o: IrOp): IrType | null {
  switch (o.op) {
    case 'ld_env_i32': case 'st_env_i32': return 'i32';
    case 'ld_env_i64': case 'st_env_i64': return 'i64';
    case 'ld_env_v128': case 'st_env_v128': return 'v128';
    default: return null;
  }
}

/**
 * The env slots (offset → type) to keep in locals: outside the env header, accessed with
 * one offset and type only (no overlapping access at another offset), used by a block on a
 * cycle of the region's direct jumps; the most used of each class first (see the header).
 */
export function chooseCachedSlots(blocks: readonly TranslatedBlock[], indexByPc: ReadonlyMap<number, number>): Map<number, IrType> {
  const inCycle = blocksInCycles(blocks, indexByPc);
  // offset → accesses in blocks on a cycle
  const uses = new Map<number, number>();
  blocks.forEach((blk, i) => {
    if (!inCycle[i]) return;
    for (const o of blk.ops) {
      if (!envAccessType(o)) continue;
      const offset = Number(o.consts[0]);
      uses.set(offset, (uses.get(offset) ?? 0) + 1);
    }
  });
  const seen = new Map<number, IrType | null>(); // offset → type, or null if inconsistent
  const ranges: { start: number; end: number; offset: number }[] = [];
  for (const blk of blocks) {
    for (const o of blk.ops) {
      const t = envAccessType(o);
      if (!t) continue;
      const offset = Number(o.consts[0]);
      const prev = seen.get(offset);
      if (prev === undefined) {
        seen.set(offset, offset >= ENV.SIZE ? t : null);
        ranges.push({ start: offset, end: offset + IR_TYPE_BYTES[t], offset });
      } else if (prev !== t) {
        seen.set(offset, null);
        ranges.push({ start: offset, end: offset + IR_TYPE_BYTES[t], offset });
      }
    }
  }
  // Overlapping accesses at different offsets disqualify both.
  // (Accesses are at most 16 bytes long, so only ranges starting less than 16 bytes earlier can overlap.)
  ranges.sort((x, y) => x.start - y.start);
  for (let i = 1; i < ranges.length; i++) {
    for (let j = i - 1; j >= 0 && ranges[j].start > ranges[i].start - 16; j--) {
      if (ranges[j].end > ranges[i].start && ranges[j].offset !== ranges[i].offset) {
        seen.set(ranges[j].offset, null);
        seen.set(ranges[i].offset, null);
      }
    }
  }
  const candidates = [...seen].filter(([offset, t]) => t !== null && uses.has(offset)) as [number, IrType][];
  candidates.sort((x, y) => uses.get(y[0])! - uses.get(x[0])! || x[0] - y[0]);
  const taken = { int: 0, fp: 0 };
  const chosen = new Map<number, IrType>();
  for (const [offset, t] of candidates) {
    const cls = t === 'i32' || t === 'i64' ? 'int' : 'fp';
    if (taken[cls] >= MAX_CACHED_SLOTS) continue;
    taken[cls]++;
    chosen.set(offset, t);
  }
  return chosen;
}

/** Per block: whether it lies on a cycle of the region's direct jumps (goto_tb), by Tarjan's strongly connected components. */
function blocksInCycles(blocks: readonly TranslatedBlock[], indexByPc: ReadonlyMap<number, number>): boolean[] {
  const n = blocks.length;
  const succ: number[][] = blocks.map((blk) => {
    const out: number[] = [];
    for (const o of blk.ops) {
      if (o.op !== 'goto_tb') continue;
      const j = indexByPc.get(Number(o.consts[0]));
      if (j !== undefined) out.push(j);
    }
    return out;
  });
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const inCycle: boolean[] = new Array(n).fill(false);
  let counter = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    for (const w of succ[v]) {
      if (index[w] < 0) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] === index[v]) {
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || succ[v].includes(v)) for (const c of component) inCycle[c] = true;
    }
  };
  for (let v = 0; v < n; v++) if (index[v] < 0) visit(v);
  return inCycle;
}
