// One region → one wasm function `(env: i32, slot: i32) → i32 (ExitReason)`. The blocks
// of the region are cases of a dispatch loop (a br_table on the block index in $next), so
// a jump to a block of the same region is a branch, never a call. The guest registers its
// loops use (cached-slots.ts chooses them) live in wasm locals for the whole run of the
// function: loaded at entry, stored back at the one exit, and around the helper calls
// that may see them; other env slots are memory accesses. Every way out
// (another region's pc, a system call, an exception, a fault, an exit request, an
// exhausted budget) sets $reason and $exitPc and branches to that exit. A jump to a pc
// outside the region leaves through the hub (hub.ts): a tail call that runs the region
// holding that pc, if the jump cache knows it, without returning to the CPU loop.
//
//   (func $region (param $env i32) (param $slot i32) (result i32)
//     cached slots ← env; $budget = BUDGET; $next = $slot - base
//     block $exit
//       loop $dispatch
//         block $B(n-1) … block $B0
//           br_if $B0 ($next == 0); br_table $B0 … $B(n-1) ($next)
//         end  [loop $self] block 0 [end]   ;; every block ends in a branch
//         …
//       end
//     end
//     env ← written slots
//     if ($reason == LOOKUP) return_call $hub.dispatch($env, $exitPc, base)
//     env.pc = $exitPc; return $reason)
//
// The budget makes a long-running loop leave its function now and then (through the hub,
// which enters it again), so that the optimized code V8 compiles for a hot function in the
// background gets entered (V8 has no on-stack replacement for wasm).
//
// A jump to a later block of the region is one `br` to the end of that block's case, which
// encloses the jumping block's code (block order is breadth first from the entry, so most
// jumps inside a region go forward); a jump back goes through $dispatch and the br_table,
// and spends budget (sqlite3 17% and fib 28% faster than with every jump through
// $dispatch).

import { ENV, ExitReason } from '../../tcg/env.js';
import { envAccessOf, type EnvAccess, type EnvRange, type HelperDef } from '../../tcg/helpers.js';
import { formatOp, type IrOp, type Temp, type TranslatedBlock } from '../../tcg/ir.js';
import { IR_TYPE_BYTES, type IrType } from '../../tcg/opcodes.js';
import { EMIT } from './emit.js';
import { FAULT_EXIT } from './abi.js';
import { pushJumpCacheEntry } from './hub.js';
import { chooseCachedSlots, envAccessType } from './cached-slots.js';
import { findMemGroups, type MemGroup } from './mem-groups.js';
import type { ModuleGen } from './codegen.js';
import type { Local, WasmBuilder } from './wasm-builder.js';
import type { ValType } from './wasm-module-builder.js';

/** Block transitions inside one function call before it returns to the CPU loop (see the header). */
export const REGION_BUDGET = 1 << 20;



/** An env slot held in a local for the whole function. */
interface CachedSlot {
  readonly offset: number;
  readonly type: IrType;
  readonly local: Local;
  /** Some op of the region stores to it: it must be written back. */
  written: boolean;
}

/** A label of the wasm control stack, for computing branch depths by name. */
type Ctl = { kind: 'exit' | 'dispatch' | 'case' | 'self' | 'label' | 'state' | 'other'; id: number };

/** Emits the wasm of one IR op into the region's function (every op's: EMIT in emit.ts). */
export type Emitter = (g: RegionGen, o: IrOp) => void;

export class RegionGen {
  readonly b: WasmBuilder;
  env!: Local;
  private next!: Local;
  private reason!: Local;
  private exitPc!: Local;
  private budget!: Local;
  /** env offset → cached slot (only for offsets every access of the region agrees on). */
  private readonly slots = new Map<number, CachedSlot>();
  /** Block pc → index in the region. */
  private readonly indexByPc = new Map<number, number>();
  private readonly ctl: Ctl[] = [];

  // --- the block being emitted ---
  private blk!: TranslatedBlock;
  private blockIndex = 0;
  private selfLoop = false;
  /** Temp id → its local while it has one. */
  private locals: (Local | undefined)[] = [];
  private lastUse: Int32Array | null = null;
  private labelRank = new Int32Array(16);
  private labels = 0;
  private labelRegion = 0;
  private state: Local | null = null;
  private pc = 0;
  /** Temps of the block being emitted that hold a constant (defined once, by movi), by id. */
  private readonly constants = new Map<number, number | bigint>();
  /** The guest memory accesses of the block that share one permission check (see MemGroup). */
  private readonly memGroups = new Map<IrOp, MemGroup>();
  private readonly groupLocals: Local[] = [];

  constructor(
    readonly m: ModuleGen,
    private readonly blocks: readonly TranslatedBlock[],
    /** Slot of block 0 (for the text; the code reads it from an imported global). */
    readonly baseSlot: number,
    /** The imported global holding the slot of block 0. */
    private readonly baseSlotGlobal: number,
  ) {
    this.b = m.b;
    blocks.forEach((blk, i) => {
      if (!this.indexByPc.has(blk.pc)) this.indexByPc.set(blk.pc, i);
    });
  }

  generate(func: number): void {
    const { b, blocks } = this;
    b.beginFunction(func);
    this.env = b.param(0);
    this.next = b.param(1);
    this.reason = b.allocLocal('i32');
    this.exitPc = b.allocLocal('i64');
    this.budget = b.allocLocal('i32');
    this.chooseSlots();

    // $next = $slot - base
    b.localGet(this.next);
    b.globalGet(this.baseSlotGlobal);
    b.i32Sub();
    b.localSet(this.next);

    // cached slots ← env; $budget = BUDGET
    for (const s of this.slots.values()) {
      b.localGet(this.env);
      this.loadEnv(s.type, s.offset);
      b.localSet(s.local);
    }
    b.i32Const(REGION_BUDGET);
    b.localSet(this.budget);

    this.open('block', 'exit');
    this.open('loop', 'dispatch');
    for (let i = blocks.length - 1; i >= 0; i--) this.open('block', 'case', i);
    // An entry at block 0 (the region's seed) branches there directly: a compare the host
    // predicts, where the br_table is an indirect jump it often does not (paired, cold:
    // lua riscv64 0.96, sqlite3 aarch64 0.92, medians of 8-10).
    if (blocks.length > 1) {
      b.localGet(this.next);
      b.i32Eqz();
      b.brIf(this.depthOf('case', 0));
    }
    // br_table on $next; an index out of range cannot happen (the backend passes valid ones)
    b.localGet(this.next);
    b.brTable(blocks.map((_, i) => this.depthOf('case', i)), this.depthOf('case', 0));
    for (let i = 0; i < blocks.length; i++) {
      this.close(); // end of $B(i): block i's code follows
      this.emitBlock(i);
    }
    this.close(); // loop
    this.close(); // exit block

    // env ← written slots
    for (const s of this.slots.values()) if (s.written) this.spillSlot(s);
    // if ($reason == LOOKUP) return_call $hub.dispatch($env, $exitPc, base)
    b.localGet(this.reason);
    b.i32Const(ExitReason.LOOKUP);
    b.i32Eq();
    b.if();
    b.localGet(this.env);
    b.localGet(this.exitPc);
    b.globalGet(this.baseSlotGlobal);
    b.returnCall(this.m.dispatchImport);
    b.end();
    // env.pc = $exitPc; return $reason
    b.localGet(this.env);
    b.localGet(this.exitPc);
    b.i64Store(ENV.PC);
    b.localGet(this.reason);

    for (const s of this.slots.values()) b.freeLocal(s.local);
    b.freeLocal(this.reason);
    b.freeLocal(this.exitPc);
    b.freeLocal(this.budget);
    b.endFunction();
  }

  // --- env slots held in locals ------------------------------------------------------------

  /** Gives a local to each env slot chooseCachedSlots picks (cached-slots.ts); notes the ones the region writes. */
  private chooseSlots(): void {
    for (const [offset, type] of chooseCachedSlots(this.blocks, this.indexByPc)) {
      this.slots.set(offset, { offset, type, local: this.b.allocLocal(type), written: false });
    }
    for (const blk of this.blocks) {
      for (const o of blk.ops) {
        if (o.op.startsWith('st_env_')) {
          const s = this.slots.get(Number(o.consts[0]));
          if (s) s.written = true;
        }
      }
    }
  }

  private loadEnv(t: IrType, offset: number): void {
    const b = this.b;
    if (t === 'i32') b.i32Load(offset);
    else if (t === 'i64') b.i64Load(offset);
    else if (t === 'f32') b.f32Load(offset);
    else if (t === 'f64') b.f64Load(offset);
    else b.v128Load(offset);
  }
  private storeEnv(t: IrType, offset: number): void {
    const b = this.b;
    if (t === 'i32') b.i32Store(offset);
    else if (t === 'i64') b.i64Store(offset);
    else if (t === 'f32') b.f32Store(offset);
    else if (t === 'f64') b.f64Store(offset);
    else b.v128Store(offset);
  }
  private spillSlot(s: CachedSlot): void {
    this.b.localGet(this.env);
    this.b.localGet(s.local);
    this.storeEnv(s.type, s.offset);
  }
  private reloadSlot(s: CachedSlot): void {
    this.b.localGet(this.env);
    this.loadEnv(s.type, s.offset);
    this.b.localSet(s.local);
  }

  /** out = env[offset] (from its local when cached). */
  ldEnv(t: IrType, offset: number, out: Temp): void {
    const s = this.slots.get(offset);
    if (s) {
      this.b.localGet(s.local);
    } else {
      this.b.localGet(this.env);
      this.loadEnv(t, offset);
    }
    this.set(out);
  }
  /** env[offset] = value (into its local when cached). */
  stEnv(t: IrType, offset: number, value: Temp): void {
    const s = this.slots.get(offset);
    if (s) {
      this.get(value);
      this.b.localSet(s.local);
    } else {
      this.b.localGet(this.env);
      this.get(value);
      this.storeEnv(t, offset);
    }
  }

  /** What a call of `h` with these inputs touches in env (null: everything): its constant arguments decide. */
  accessOf(h: HelperDef, ins: readonly Temp[]): EnvAccess | null {
    return envAccessOf(h, ins.map((t) => this.constants.get(t.id)));
  }
  /** Before a helper call: the cached slots written in this region that it may read or write go back to env. */
  spillFor(access: EnvAccess | null): void {
    for (const s of this.slots.values()) {
      if (s.written && (!access || overlaps(access.reads, s) || overlaps(access.writes, s))) this.spillSlot(s);
    }
  }
  /** After a helper call: the cached slots it may have written are read again. */
  reloadFor(access: EnvAccess | null): void {
    for (const s of this.slots.values()) if (!access || overlaps(access.writes, s)) this.reloadSlot(s);
  }

  // --- control stack -------------------------------------------------------------------------

  private open(kind: 'block' | 'loop' | 'if', ctl: Ctl['kind'], id = 0, result: ValType | null = null): void {
    if (kind === 'block') this.b.block(result);
    else if (kind === 'loop') this.b.loop(result);
    else this.b.if(result);
    this.ctl.push({ kind: ctl, id });
  }
  private close(): void {
    this.ctl.pop();
    this.b.end();
  }
  /** Branch depth of the innermost open construct of that kind and id. */
  private depthOf(kind: Ctl['kind'], id = 0): number {
    for (let i = this.ctl.length - 1; i >= 0; i--) {
      const c = this.ctl[i];
      if (c.kind === kind && c.id === id) return this.ctl.length - 1 - i;
    }
    throw new Error(`wasm backend: no open ${kind} ${id}`);
  }
  /** Opens an `if` / `block` that emitters use for their own structure (kept in the depth count). */
  openIf(result: ValType | null = null): void {
    this.open('if', 'other', 0, result);
  }
  openBlock(result: ValType | null = null): void {
    this.open('block', 'other', 0, result);
  }
  else(): void {
    this.b.else();
  }
  closeCtl(): void {
    this.close();
  }

  // --- exits and jumps ----------------------------------------------------------------------------

  /** $reason = reason; $exitPc = pc (a constant); br $exit */
  exitWith(reason: number, pc: number): void {
    const b = this.b;
    b.i64Const(pc);
    b.localSet(this.exitPc);
    b.i32Const(reason);
    b.localSet(this.reason);
    b.br(this.depthOf('exit'));
  }
  /** The same with the pc in an i64 local. */
  private exitWithLocal(reason: number, pc: Local): void {
    const b = this.b;
    b.localGet(pc);
    b.localSet(this.exitPc);
    b.i32Const(reason);
    b.localSet(this.reason);
    b.br(this.depthOf('exit'));
  }

  /** A memory access's slow path reported a fault: leave with FAULT_EXIT at the current instruction. */
  exitIfFault(): void {
    const b = this.b;
    // if (env.fault) { env.fault = 0; exit(FAULT_EXIT, insn pc) }
    b.localGet(this.env);
    b.i32Load(ENV.FAULT);
    this.openIf();
    b.localGet(this.env);
    b.i32Const(0);
    b.i32Store(ENV.FAULT);
    this.exitWith(FAULT_EXIT, this.pc);
    this.close();
  }

  /** $budget -= 1; if it ran out, leave with LOOKUP at the target (pushPc pushes it). */
  private spendBudget(pushPc: () => void): void {
    const b = this.b;
    b.localGet(this.budget);
    b.i32Const(1);
    b.i32Sub();
    b.localTee(this.budget);
    b.i32Eqz();
    this.openIf();
    pushPc();
    b.localSet(this.exitPc);
    b.i32Const(ExitReason.LOOKUP);
    b.localSet(this.reason);
    b.br(this.depthOf('exit'));
    this.close();
  }

  /** goto_tb: a branch when the target is in this region, else an exit to the CPU loop. */
  gotoTb(pc: number): void {
    const b = this.b;
    const j = this.indexByPc.get(pc);
    if (j === undefined) {
      this.exitWith(ExitReason.LOOKUP, pc);
      return;
    }
    if (j > this.blockIndex) {
      // A later block: its code starts where its case block ends, which encloses this
      // block's code, so one branch gets there (no dispatch, and no budget: only a jump
      // back can make a loop).
      b.br(this.depthOf('case', j));
      return;
    }
    this.spendBudget(() => b.i64Const(pc));
    if (j === this.blockIndex && this.selfLoop) {
      b.br(this.depthOf('self', j));
      return;
    }
    b.i32Const(j);
    b.localSet(this.next);
    b.br(this.depthOf('dispatch'));
  }

  /**
   * goto_ptr: the jump cache names the target's slot; a slot of this region is a branch,
   * anything else (a miss, another region) an exit through the hub, which follows it.
   */
  gotoPtr(target: Temp): void {
    const b = this.b;
    const t = this.local(target);
    const entry = b.allocLocal('i32');
    const idx = b.allocLocal('i32');
    pushJumpCacheEntry(b, this.env, t);
    b.localSet(entry);
    // if (entry.pc == pc) { idx = entry.slot - base; if (idx <u n) { spend; $next = idx; br $dispatch } }
    b.localGet(entry);
    b.i64Load(0);
    b.localGet(t);
    b.i64Eq();
    this.openIf();
    b.localGet(entry);
    b.i32Load(8);
    b.globalGet(this.baseSlotGlobal);
    b.i32Sub();
    b.localTee(idx);
    b.i32Const(this.blocks.length);
    b.i32LtU();
    this.openIf();
    this.spendBudget(() => b.localGet(t));
    b.localGet(idx);
    b.localSet(this.next);
    b.br(this.depthOf('dispatch'));
    this.close();
    this.close();
    b.freeLocal(entry);
    b.freeLocal(idx);
    this.exitWithLocal(ExitReason.LOOKUP, t);
  }

  // --- one block ----------------------------------------------------------------------------------

  private emitBlock(i: number): void {
    const b = this.b;
    const blk = this.blocks[i];
    this.blk = blk;
    this.blockIndex = i;
    this.pc = blk.pc;
    this.prepareBlock();
    if (b.recording) b.comment(`block ${i}: guest pc 0x${blk.pc.toString(16)}, slot ${this.baseSlot + i}`);
    this.selfLoop = this.indexByPc.get(blk.pc) === i && blk.ops.some((o) => o.op === 'goto_tb' && Number(o.consts[0]) === blk.pc);
    if (this.selfLoop) this.open('loop', 'self', i);

    // if (env.exit_request) exit(INTERRUPT, block pc)
    b.localGet(this.env);
    b.i32Load(ENV.EXIT_REQUEST);
    this.openIf();
    this.exitWith(ExitReason.INTERRUPT, blk.pc);
    this.close();
    if (this.m.input.countInsns) {
      // env.insn_count += guest instructions of the block
      b.localGet(this.env);
      b.localGet(this.env);
      b.i64Load(ENV.INSN_COUNT);
      b.i64Const(blk.ops.reduce((n, o) => n + (o.op === 'insn_start' ? 1 : 0), 0));
      b.i64Add();
      b.i64Store(ENV.INSN_COUNT);
    }

    const backward = this.scanLabels();
    if (backward) {
      this.state = b.allocLocal('i32');
      b.i32Const(0);
      b.localSet(this.state);
      this.open('loop', 'state');
    }
    for (let k = this.labels - 1; k >= 0; k--) this.open('block', 'label', k);
    if (backward) {
      // block $entry: br_table $state (0 → the code before the first label, k+1 → after label k)
      this.open('block', 'other');
      b.localGet(this.state as Local);
      b.brTable(Array.from({ length: this.labels + 1 }, (_, k) => k), 0);
      this.close();
    }

    const ops = blk.ops;
    for (let k = 0; k < ops.length; k++) {
      const o = ops[k];
      if (b.recording) b.comment(formatOp(o));
      EMIT[o.op](this, o);
      if (this.lastUse) this.freeDead(o, k);
    }
    if (backward) this.close();
    b.unreachable(); // every path of a block ends in a branch
    if (this.selfLoop) this.close();

    for (let k = 0; k < blk.temps.length; k++) {
      const l = this.locals[k];
      if (l) {
        b.freeLocal(l);
        this.locals[k] = undefined;
      }
    }
    if (this.state) {
      b.freeLocal(this.state);
      this.state = null;
    }
    for (const l of this.groupLocals) b.freeLocal(l);
    this.groupLocals.length = 0;
  }

  private prepareBlock(): void {
    const blk = this.blk;
    // Constants of the block: temps defined by exactly one op, a movi.
    this.constants.clear();
    const defs = new Map<number, number>();
    for (const o of blk.ops) for (const t of o.outs) defs.set(t.id, (defs.get(t.id) ?? 0) + 1);
    for (const o of blk.ops) {
      if ((o.op === 'movi_i32' || o.op === 'movi_i64') && defs.get(o.outs[0].id) === 1) this.constants.set(o.outs[0].id, o.consts[0]);
    }
    findMemGroups(this.blk.ops, defs, this.constants, this.memGroups);
    if (this.labelRank.length < blk.labelCount) this.labelRank = new Int32Array(blk.labelCount * 2);
    this.labelRank.fill(-1, 0, blk.labelCount);
    this.labels = 0;
    this.labelRegion = 0;
    if (this.locals.length < blk.temps.length) this.locals.length = blk.temps.length;
  }

  /** The permission-check group of a memory access op, if it has one. */
  memGroup(o: IrOp): MemGroup | undefined {
    return this.memGroups.get(o);
  }
  /** A local for a group's "the span passed" flag (freed at the end of the block). */
  groupLocal(): Local {
    const l = this.b.allocLocal('i32');
    this.groupLocals.push(l);
    return l;
  }

  /** Ranks the labels, finds each temp's last use, and says whether any branch goes backwards. */
  private scanLabels(): boolean {
    const ops = this.blk.ops;
    const last = this.m.lastUseScratch(this.blk.temps.length);
    let backward = false;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i];
      const { ins, outs } = o;
      for (let k = 0; k < ins.length; k++) last[ins[k].id] = i;
      for (let k = 0; k < outs.length; k++) last[outs[k].id] = i;
      if (o.op === 'set_label') this.labelRank[Number(o.consts[0])] = this.labels++;
      else if (o.op === 'br' || o.op === 'brcond_i32' || o.op === 'brcond_i64') {
        const label = Number(o.op === 'br' ? o.consts[0] : o.consts[1]);
        if (this.labelRank[label] >= 0) backward = true;
      }
    }
    // Reusing a dead temp's local is only safe when every path runs forward.
    this.lastUse = backward ? null : last;
    return backward;
  }

  private freeDead(o: IrOp, i: number): void {
    const last = this.lastUse as Int32Array;
    const { ins, outs } = o;
    for (let k = 0; k < ins.length; k++) this.freeIfDead(ins[k], i, last);
    for (let k = 0; k < outs.length; k++) this.freeIfDead(outs[k], i, last);
  }
  private freeIfDead(t: Temp, i: number, last: Int32Array): void {
    const l = this.locals[t.id];
    if (l && last[t.id] === i) {
      this.b.freeLocal(l);
      this.locals[t.id] = undefined;
    }
  }

  // --- for emitters ---------------------------------------------------------------------------------

  /** The local holding temp t (taken on first use). */
  local(t: Temp): Local {
    let l = this.locals[t.id];
    if (!l) {
      l = this.b.allocLocal(t.type);
      this.locals[t.id] = l;
    }
    return l;
  }
  get(t: Temp): void {
    this.b.localGet(this.local(t));
  }
  set(t: Temp): void {
    this.b.localSet(this.local(t));
  }
  insnPc(): number {
    return this.pc;
  }
  setInsnPc(pc: number): void {
    this.pc = pc;
  }
  /** env.pc = pc of the current guest instruction. */
  storeInsnPc(): void {
    this.b.localGet(this.env);
    this.b.i64Const(this.pc);
    this.b.i64Store(ENV.PC);
  }

  setLabel(label: number): void {
    this.close();
    this.labelRegion = this.labelRank[label] + 1;
  }

  /** Branches to `label`; with a condition already on the stack when `conditional`. */
  branch(label: number, conditional: boolean): void {
    const b = this.b;
    const rank = this.labelRank[label];
    if (rank < 0) throw new Error(`wasm backend: branch to label ${label}, which is never set`);
    if (rank >= this.labelRegion) {
      const d = this.depthOf('label', rank);
      if (conditional) b.brIf(d);
      else b.br(d);
      return;
    }
    // Backward: $state = rank + 1; br $state-loop
    if (conditional) this.openIf();
    b.i32Const(rank + 1);
    b.localSet(this.state as Local);
    b.br(this.depthOf('state'));
    if (conditional) this.close();
  }
}

/** The type of an ld_env/st_env op, or null for any other op. */

/** Whether any of the ranges overlaps the cached slot. */
function overlaps(ranges: readonly EnvRange[], s: CachedSlot): boolean {
  const end = s.offset + IR_TYPE_BYTES[s.type];
  return ranges.some((r) => r.start < end && s.offset < r.end);
}
