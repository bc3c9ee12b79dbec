// Permission-check groups of a block's guest memory accesses: loads (or stores) off one
// base temp at small constant offsets, within one straight run of the block, share one
// check of their whole span (region.ts finds them per block; emit.ts emits the check).

import type { IrOp, Temp } from '../../tcg/ir.js';
import { memopSize } from '../../tcg/opcodes.js';
import type { Local } from './wasm-builder.js';

/** The largest span of offsets that one group check covers. */
const MAX_GROUP_SPAN = 512;

/** Loads or stores of one base temp plus small constant offsets, checked together (see findMemGroups). */
export interface MemGroup {
  readonly base: Temp;
  readonly write: boolean;
  /** Lowest offset and end of the highest access, relative to base. */
  lo: number;
  hi: number;
  readonly ops: IrOp[];
  /** The flag local, once the first access has checked the span. */
  ok: Local | null;
}

/** The address temp, size and direction of a scalar guest memory access op, or null. */
function memAccessOf(o: IrOp): { addr: Temp; size: number; write: boolean } | null {
  switch (o.op) {
    case 'qemu_ld_i32': case 'qemu_ld_i64': return { addr: o.ins[0], size: memopSize(Number(o.consts[0])), write: false };
    case 'qemu_st_i32': case 'qemu_st_i64': return { addr: o.ins[1], size: memopSize(Number(o.consts[0])), write: true };
    default: return null;
  }
}

/**
 * Groups the loads (and, separately, the stores) of each straight run of a block (no
 * label between them) whose addresses are one base temp plus constant offsets spanning
 * at most MAX_GROUP_SPAN bytes: the first access of a group checks the whole span once,
 * and when that passes, every access of the group skips its own check.
 */
export function findMemGroups(ops: readonly IrOp[], defs: ReadonlyMap<number, number>, constants: ReadonlyMap<number, number | bigint>, out: Map<IrOp, MemGroup>): void {
  out.clear();
  const defOf = new Map<number, IrOp>();
  for (const o of ops) for (const t of o.outs) if (defs.get(t.id) === 1) defOf.set(t.id, o);
  const groups = new Map<string, MemGroup>();
  let segment = 0;
  for (const o of ops) {
    if (o.op === 'set_label') {
      segment++;
      continue;
    }
    const access = memAccessOf(o);
    if (!access) continue;
    let base = access.addr;
    let offset = 0;
    const d = defOf.get(base.id);
    if (d && d.op === 'add_i64') {
      const c = constants.get(d.ins[1].id);
      if (typeof c === 'bigint' && c >= -MAX_GROUP_SPAN && c <= MAX_GROUP_SPAN) {
        base = d.ins[0];
        offset = Number(c);
      }
    }
    if ((defs.get(base.id) ?? 0) > 1) continue; // redefined in the block: not one value
    const key = `${segment}:${base.id}:${access.write ? 'w' : 'r'}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { base, write: access.write, lo: offset, hi: offset + access.size, ops: [], ok: null }));
    g.lo = Math.min(g.lo, offset);
    g.hi = Math.max(g.hi, offset + access.size);
    g.ops.push(o);
  }
  for (const g of groups.values()) {
    if (g.ops.length < 2 || g.hi - g.lo > MAX_GROUP_SPAN) continue;
    for (const o of g.ops) out.set(o, g);
  }
}
