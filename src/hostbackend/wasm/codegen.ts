// IR → WebAssembly: turns a list of translated blocks into one wasm module with one
// function per block, type (env: i32) → i32 (the ExitReason). Temps live in wasm locals
// of their own type; labels become nested wasm blocks (plus a loop + br_table
// dispatcher when a block branches backwards); goto_tb to a block of the same module is a
// direct return_call, anything else goes through the jump cache with
// return_call_indirect. Guest loads and stores call small internal functions holding the
// inline fast path (in the 4 GiB space, within one page, permission byte allows it) and a
// call to the JS slow path, which checks, faults precisely or completes the access.
// Helpers too large to inline as one expression (total division, 64-bit mulh) are
// internal functions of the module, emitted only when used.

import { ENV, ExitReason } from '../../tcg/env.js';
import type { HelperRegistry } from '../../tcg/helpers.js';
import { formatOp, type IrOp, type Temp, type TranslatedBlock } from '../../tcg/ir.js';
import { memopSigned, memopSize, type IrType, type Opcode } from '../../tcg/opcodes.js';
import { JUMP_CACHE, JUMP_CACHE_ENTRIES, JUMP_CACHE_ENTRY_SIZE, PAGE_SIZE, PERM, PERM_TABLE, WASM_PAGES, jumpCacheIndex } from '../../memory/layout.js';
import { WasmBuilder, type Local, type ValType } from './wasm-builder.js';

/** Names of the module's imports; the backend supplies the import object. */
export const IMPORTS = {
  module: 'e',
  memory: 'mem',
  table: 'tbl',
  /** (addr: i64, memop: i32) → i64: the checked load slow path. */
  load: 'ld',
  /** (addr: i64, value: i64, size: i32) → (): the checked store slow path. */
  store: 'st',
  /** Helpers are imported as helpers.<id>. */
  helperModule: 'h',
} as const;

export interface CodegenInput {
  readonly blocks: readonly TranslatedBlock[];
  /** Table slot of each block, in block order. */
  readonly slots: readonly number[];
  readonly helpers: HelperRegistry;
  /** Record the module's text for `-d out_asm`. */
  readonly text: boolean;
}

export interface CodegenOutput {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly text: string | null;
  /** Helper ids imported by the module (as helpers.<id>). */
  readonly helperIds: readonly number[];
  readonly usesLoad: boolean;
  readonly usesStore: boolean;
}

/** Generates one module for the whole list of blocks. */
export function generateModule(input: CodegenInput): CodegenOutput {
  return new ModuleGen(input).generate();
}

// ------------------------------------------------------------------------------------
// Module level: imports, block functions, internal runtime functions.

class ModuleGen {
  readonly b: WasmBuilder;
  /** (env: i32) → i32, the type of every block function. */
  readonly blockType: number;
  /** Function index of each block's function. */
  readonly blockFuncs: number[] = [];
  /** pc → function index, for direct goto_tb within the module. */
  readonly funcByPc = new Map<number, number>();
  readonly helperFunc = new Map<number, number>();
  loadImport = -1;
  storeImport = -1;
  private readonly runtime = new Map<string, number>();
  /** Memory access functions by numeric key, so the hot path builds no name strings. */
  private readonly memFuncs: number[] = [];
  /** Per-block scratch arrays, reused from block to block (see BlockGen). */
  readonly scratch = { lastUse: new Int32Array(256), labelRank: new Int32Array(16), locals: [] as (Local | undefined)[] };
  private readonly pending: { name: string; index: number; gen: () => void }[] = [];

  constructor(readonly input: CodegenInput) {
    this.b = new WasmBuilder({ text: input.text });
    this.blockType = this.b.type(['i32'], ['i32']);
  }

  generate(): CodegenOutput {
    const { b, input } = this;
    const { helperIds, usesLoad, usesStore } = scanImports(input.blocks);

    // Imports: memory, table, then functions (all before any defined function).
    b.importMemory(IMPORTS.module, IMPORTS.memory, WASM_PAGES, WASM_PAGES, true);
    b.importTable(IMPORTS.module, IMPORTS.table, 0);
    for (const id of helperIds) {
      const h = input.helpers.get(id);
      this.helperFunc.set(id, b.importFunction(IMPORTS.helperModule, String(id), b.type(h.args, h.ret ? [h.ret] : [])));
    }
    if (usesLoad) this.loadImport = b.importFunction(IMPORTS.module, IMPORTS.load, b.type(['i64', 'i32'], ['i64']));
    if (usesStore) this.storeImport = b.importFunction(IMPORTS.module, IMPORTS.store, b.type(['i64', 'i64', 'i32'], []));

    if (b.recording) b.comment(`wasm module: ${input.blocks.length} block(s) at slots ${input.slots.join(',')}`);
    // Block functions first, so their indexes are known to every goto_tb.
    for (const blk of input.blocks) {
      const f = b.declareFunction(this.blockType, () => `$b_${hex(blk.pc)}`);
      this.blockFuncs.push(f);
      if (!this.funcByPc.has(blk.pc)) this.funcByPc.set(blk.pc, f);
    }
    input.blocks.forEach((blk, i) => new BlockGen(this, blk, this.blockFuncs[i], input.slots[i]).generate());

    // Internal functions requested along the way (each may request more).
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i];
      b.beginFunction(p.index);
      p.gen();
      b.endFunction();
    }

    // Place each block in its table slot: one active segment per run of consecutive slots.
    for (let i = 0; i < input.slots.length; ) {
      let j = i + 1;
      while (j < input.slots.length && input.slots[j] === input.slots[j - 1] + 1) j++;
      b.elementSegment(input.slots[i], this.blockFuncs.slice(i, j));
      i = j;
    }
    return { bytes: b.finish(), text: b.text(), helperIds, usesLoad, usesStore };
  }

  /** The index of internal function `name`, declared (and its body queued) on first use. */
  runtimeFunc(name: string, params: ValType[], results: ValType[], gen: () => void): number {
    let idx = this.runtime.get(name);
    if (idx === undefined) {
      idx = this.b.declareFunction(this.b.type(params, results), () => `$${name}`);
      this.runtime.set(name, idx);
      this.pending.push({ name, index: idx, gen });
    }
    return idx;
  }

  // --- total division: x/0 = 0, x%0 = x, MIN/-1 = MIN, MIN%-1 = 0 ---------------------------

  divFunc(kind: 'div_s' | 'div_u' | 'rem_s' | 'rem_u', t: 'i32' | 'i64'): number {
    return this.runtimeFunc(`${kind}_${t}`, [t, t], [t], () => {
      const b = this.b;
      const [a, d] = [b.param(0), b.param(1)];
      const w = wide(b, t);
      // if (d == 0) return kind is div ? 0 : a
      b.localGet(d);
      w.eqz();
      b.if();
      if (kind.startsWith('div')) w.const(0);
      else b.localGet(a);
      b.return();
      b.end();
      if (kind === 'div_s' || kind === 'rem_s') {
        // if (d == -1) return div ? 0 - a : 0      (MIN / -1 would trap)
        b.localGet(d);
        w.const(-1);
        w.eq();
        b.if();
        if (kind === 'div_s') {
          w.const(0);
          b.localGet(a);
          w.sub();
        } else w.const(0);
        b.return();
        b.end();
      }
      // return a op d
      b.localGet(a);
      b.localGet(d);
      w[kind]();
    });
  }

  // --- high half of 64×64 products, from 32-bit pieces -------------------------------

  mulhU64(): number {
    return this.runtimeFunc('mulh_u_i64', ['i64', 'i64'], ['i64'], () => {
      const b = this.b;
      const [a, c] = [b.param(0), b.param(1)];
      const [aL, aH, cL, cH, lh, hl, mid] = ['i64', 'i64', 'i64', 'i64', 'i64', 'i64', 'i64'].map((x) => b.allocLocal(x as ValType));
      const low32 = (x: Local): void => { b.localGet(x); b.i64Const(0xffffffffn); b.i64And(); };
      const high32 = (x: Local): void => { b.localGet(x); b.i64Const(32n); b.i64ShrU(); };
      low32(a); b.localSet(aL);
      high32(a); b.localSet(aH);
      low32(c); b.localSet(cL);
      high32(c); b.localSet(cH);
      b.localGet(aL); b.localGet(cH); b.i64Mul(); b.localSet(lh);
      b.localGet(aH); b.localGet(cL); b.i64Mul(); b.localSet(hl);
      // mid = (aL*cL >> 32) + low32(lh) + low32(hl)
      b.localGet(aL); b.localGet(cL); b.i64Mul(); b.i64Const(32n); b.i64ShrU();
      low32(lh); b.i64Add();
      low32(hl); b.i64Add();
      b.localSet(mid);
      // return aH*cH + (lh >> 32) + (hl >> 32) + (mid >> 32)
      b.localGet(aH); b.localGet(cH); b.i64Mul();
      high32(lh); b.i64Add();
      high32(hl); b.i64Add();
      high32(mid); b.i64Add();
      for (const l of [aL, aH, cL, cH, lh, hl, mid]) b.freeLocal(l);
    });
  }

  /** mulh_s = mulh_u - (a<0 ? b : 0) - (b<0 ? a : 0); mulh_su drops the second term. */
  mulhSigned64(both: boolean): number {
    const u = this.mulhU64();
    return this.runtimeFunc(both ? 'mulh_s_i64' : 'mulh_su_i64', ['i64', 'i64'], ['i64'], () => {
      const b = this.b;
      const [a, c] = [b.param(0), b.param(1)];
      b.localGet(a); b.localGet(c); b.call(u);
      b.localGet(a); b.i64Const(63n); b.i64ShrS(); b.localGet(c); b.i64And(); b.i64Sub();
      if (both) {
        b.localGet(c); b.i64Const(63n); b.i64ShrS(); b.localGet(a); b.i64And(); b.i64Sub();
      }
    });
  }

  // --- guest memory access --------------------------------------------------------------

  /**
   * $ld_<memop>_<type>(addr: i64, env: i32, pc: i32) → type
   *   if (addr < 2^32 && !crossesPage(addr, size) && perm[addr >> 12] & READ) return load(addr)
   *   env.pc = pc; return slowLoad(addr, memop)      ;; throws GuestFault if not allowed
   */
  loadFunc(memop: number, t: 'i32' | 'i64'): number {
    const key = memop * 2 + (t === 'i64' ? 1 : 0);
    return (this.memFuncs[key] ??= this.runtimeFunc(`ld_${memop.toString(16)}_${t}`, ['i64', 'i32', 'i32'], [t], () => {
      const b = this.b;
      const [addr, env, pc] = [b.param(0), b.param(1), b.param(2)];
      const size = memopSize(memop);
      const a = b.allocLocal('i32');
      this.fastPathCheck(addr, a, size);
      b.localGet(a);
      b.i32Const(PAGE_SHIFT_BITS);
      b.i32ShrU();
      b.i32Load8U(PERM_TABLE);
      b.i32And(); // READ is bit 0
      b.if(t);
      b.localGet(a);
      emitLoad(b, size, memopSigned(memop), t);
      b.else();
      storePc(b, env, pc);
      b.localGet(addr);
      b.i32Const(memop);
      b.call(this.loadImport);
      if (t === 'i32') b.i32WrapI64();
      b.end();
      b.freeLocal(a);
    }));
  }

  /**
   * $st_<size>_<type>(addr: i64, value: type, env: i32, pc: i32)
   *   if (addr < 2^32 && !crossesPage(addr, size) && (perm[addr >> 12] & (WRITE|CODE)) == WRITE) store(addr, value)
   *   else { env.pc = pc; slowStore(addr, value, size) }  ;; faults, or notes a code write and stores
   */
  storeFunc(size: 1 | 2 | 4 | 8, t: 'i32' | 'i64'): number {
    const key = 0x40 + size * 2 + (t === 'i64' ? 1 : 0);
    return (this.memFuncs[key] ??= this.runtimeFunc(`st_${size}_${t}`, ['i64', t, 'i32', 'i32'], [], () => {
      const b = this.b;
      const [addr, value, env, pc] = [b.param(0), b.param(1), b.param(2), b.param(3)];
      const a = b.allocLocal('i32');
      this.fastPathCheck(addr, a, size);
      b.localGet(a);
      b.i32Const(PAGE_SHIFT_BITS);
      b.i32ShrU();
      b.i32Load8U(PERM_TABLE);
      b.i32Const(PERM.WRITE | PERM.CODE);
      b.i32And();
      b.i32Const(PERM.WRITE);
      b.i32Eq();
      b.i32And();
      b.if();
      b.localGet(a);
      b.localGet(value);
      emitStore(b, size, t);
      b.else();
      storePc(b, env, pc);
      b.localGet(addr);
      b.localGet(value);
      if (t === 'i32') b.i64ExtendI32U();
      b.i32Const(size);
      b.call(this.storeImport);
      b.end();
      b.freeLocal(a);
    }));
  }

  /** Pushes (addr < 2^32 && the access stays in its page) as 0/1, leaving wrap(addr) in `a`. */
  private fastPathCheck(addr: Local, a: Local, size: number): void {
    const b = this.b;
    b.localGet(addr);
    b.i64Const(32n);
    b.i64ShrU();
    b.i64Eqz();
    b.localGet(addr);
    b.i32WrapI64();
    b.localTee(a);
    if (size > 1) {
      b.i32Const(PAGE_SIZE - 1);
      b.i32And();
      b.i32Const(PAGE_SIZE - size);
      b.i32LeU();
      b.i32And();
    } else {
      b.drop();
    }
  }
}

const PAGE_SHIFT_BITS = 12;

/** Which helpers, and whether the load/store slow paths, the blocks need. */
function scanImports(blocks: readonly TranslatedBlock[]): { helperIds: number[]; usesLoad: boolean; usesStore: boolean } {
  const ids = new Set<number>();
  let usesLoad = false;
  let usesStore = false;
  for (const blk of blocks) {
    for (const o of blk.ops) {
      if (o.op === 'call') ids.add(Number(o.consts[0]));
      else if (o.op === 'qemu_ld_i32' || o.op === 'qemu_ld_i64') usesLoad = true;
      else if (o.op === 'qemu_st_i32' || o.op === 'qemu_st_i64') usesStore = true;
    }
  }
  return { helperIds: [...ids].sort((x, y) => x - y), usesLoad, usesStore };
}

/** env.pc = zero-extended pc */
function storePc(b: WasmBuilder, env: Local, pc: Local): void {
  b.localGet(env);
  b.localGet(pc);
  b.i64ExtendI32U();
  b.i64Store(ENV.PC);
}

function emitLoad(b: WasmBuilder, size: 1 | 2 | 4 | 8, signed: boolean, t: 'i32' | 'i64'): void {
  if (t === 'i32') {
    if (size === 1) signed ? b.i32Load8S() : b.i32Load8U();
    else if (size === 2) signed ? b.i32Load16S() : b.i32Load16U();
    else if (size === 4) b.i32Load();
    else throw new Error('qemu_ld_i32 of 8 bytes');
  } else {
    if (size === 1) signed ? b.i64Load8S() : b.i64Load8U();
    else if (size === 2) signed ? b.i64Load16S() : b.i64Load16U();
    else if (size === 4) signed ? b.i64Load32S() : b.i64Load32U();
    else b.i64Load();
  }
}

function emitStore(b: WasmBuilder, size: 1 | 2 | 4 | 8, t: 'i32' | 'i64'): void {
  if (t === 'i32') {
    if (size === 1) b.i32Store8();
    else if (size === 2) b.i32Store16();
    else if (size === 4) b.i32Store();
    else throw new Error('qemu_st_i32 of 8 bytes');
  } else {
    if (size === 1) b.i64Store8();
    else if (size === 2) b.i64Store16();
    else if (size === 4) b.i64Store32();
    else b.i64Store();
  }
}

/** The integer instructions of one width, so width-generic code is written once. */
interface Wide {
  const(v: number): void;
  eqz(): void;
  eq(): void;
  sub(): void;
  div_s(): void;
  div_u(): void;
  rem_s(): void;
  rem_u(): void;
}
function wide(b: WasmBuilder, t: 'i32' | 'i64'): Wide {
  return t === 'i32'
    ? { const: (v) => b.i32Const(v), eqz: () => b.i32Eqz(), eq: () => b.i32Eq(), sub: () => b.i32Sub(),
        div_s: () => b.i32DivS(), div_u: () => b.i32DivU(), rem_s: () => b.i32RemS(), rem_u: () => b.i32RemU() }
    : { const: (v) => b.i64Const(v), eqz: () => b.i64Eqz(), eq: () => b.i64Eq(), sub: () => b.i64Sub(),
        div_s: () => b.i64DivS(), div_u: () => b.i64DivU(), rem_s: () => b.i64RemS(), rem_u: () => b.i64RemU() };
}

// ------------------------------------------------------------------------------------
// One block → one function.

/**
 * Control flow layout of a block with labels L0..Ln-1 (in set_label order), region r
 * being the code after the r-th set_label:
 *
 *   [loop $dispatch]                     ;; only if some branch goes backwards
 *     block $X(n-1) ... block $X0
 *       [block $entry  (br_table $state: 0 → region 0, j+1 → region j+1)  end]
 *       region 0
 *     end $X0                            ;; set_label L0
 *       region 1
 *     ...
 *   [end]
 *   unreachable
 *
 * In region r the open blocks are X(r)..X(n-1), so a forward branch to Lj is `br j-r`;
 * a backward one sets $state = j+1 and branches to $dispatch (`br n-r`).
 */
class BlockGen {
  private readonly b: WasmBuilder;
  private env!: Local;
  /** Temp id → its local while it has one. */
  private readonly locals: (Local | undefined)[];
  /** Op index of each temp's last appearance (locals are freed there), or null to keep all. */
  private lastUse: Int32Array | null = null;
  /** Label id → its rank among set_labels, -1 until set. */
  private labelRank: Int32Array;
  private labels = 0;
  private region = 0;
  private state: Local | null = null;
  /** The current guest instruction's pc (the last insn_start). */
  private pc: number;

  constructor(private readonly m: ModuleGen, private readonly blk: TranslatedBlock, private readonly func: number, private readonly slot: number) {
    this.b = m.b;
    const sc = m.scratch;
    if (sc.labelRank.length < blk.labelCount) sc.labelRank = new Int32Array(blk.labelCount * 2);
    this.labelRank = sc.labelRank;
    this.labelRank.fill(-1, 0, blk.labelCount);
    if (sc.lastUse.length < blk.temps.length) sc.lastUse = new Int32Array(blk.temps.length * 2);
    this.locals = sc.locals; // left all-undefined by the previous block
    this.pc = blk.pc;
  }

  generate(): void {
    const { b, blk } = this;
    b.beginFunction(this.func);
    if (b.recording) b.comment(`guest pc ${hex(blk.pc)}, slot ${this.slot}`);
    this.env = b.param(0);
    const backward = this.scan();

    // if (env.exit_request) { env.pc = pc; return INTERRUPT }
    b.localGet(this.env);
    b.i32Load(ENV.EXIT_REQUEST);
    b.if();
    this.exitWith(ExitReason.INTERRUPT, blk.pc);
    b.end();

    if (backward) {
      this.state = b.allocLocal('i32');
      b.loop();
    }
    for (let i = 0; i < this.labels; i++) b.block();
    if (backward) {
      b.block();
      b.localGet(this.state as Local);
      b.brTable(Array.from({ length: this.labels + 1 }, (_, i) => i), 0);
      b.end();
    }

    const ops = blk.ops;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i];
      const emit = EMIT[o.op];
      if (!emit) throw new Error(`wasm backend: no code generator for ${o.op}`);
      if (b.recording) b.comment(formatOp(o));
      emit(this, o);
      if (this.lastUse) this.freeDead(o, i);
    }
    if (backward) b.end();
    b.unreachable(); // every path ended with a return or tail call

    for (let i = 0; i < blk.temps.length; i++) {
      const l = this.locals[i];
      if (l) {
        b.freeLocal(l);
        this.locals[i] = undefined;
      }
    }
    if (this.state) b.freeLocal(this.state);
    b.endFunction();
  }

  /** Ranks the labels, finds each temp's last use, and says whether any branch goes backwards. */
  private scan(): boolean {
    const ops = this.blk.ops;
    const last = this.m.scratch.lastUse;
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
    if (!backward) this.lastUse = last;
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

  // --- helpers for emitters -----------------------------------------------------------

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
  builder(): WasmBuilder {
    return this.b;
  }
  module(): ModuleGen {
    return this.m;
  }
  envLocal(): Local {
    return this.env;
  }
  insnPc(): number {
    return this.pc;
  }
  setInsnPc(pc: number): void {
    this.pc = pc;
  }

  /** env.pc = pc; return reason */
  exitWith(reason: number, pc: number | null): void {
    const b = this.b;
    if (pc !== null) {
      b.localGet(this.env);
      b.i64Const(pc);
      b.i64Store(ENV.PC);
    }
    b.i32Const(reason);
    b.return();
  }

  /** env.pc = pc of the current guest instruction (before anything that may throw). */
  storeInsnPc(): void {
    this.b.localGet(this.env);
    this.b.i64Const(this.pc);
    this.b.i64Store(ENV.PC);
  }

  setLabel(label: number): void {
    this.b.end();
    this.region = this.labelRank[label] + 1;
  }

  /** Branches to `label`; with a condition already on the stack when `conditional`. */
  branch(label: number, conditional: boolean): void {
    const b = this.b;
    const rank = this.labelRank[label];
    if (rank < 0) throw new Error(`wasm backend: branch to label ${label}, which is never set`);
    if (rank >= this.region) {
      if (conditional) b.brIf(rank - this.region);
      else b.br(rank - this.region);
      return;
    }
    // Backward: $state = rank + 1; br $dispatch
    const dispatchDepth = this.labels - this.region;
    if (conditional) b.if();
    b.i32Const(rank + 1);
    b.localSet(this.state as Local);
    b.br(dispatchDepth + (conditional ? 1 : 0));
    if (conditional) b.end();
  }
}

const hex = (n: number): string => `0x${n.toString(16)}`;

// ------------------------------------------------------------------------------------
// Per-op emitters.

type Emitter = (g: BlockGen, o: IrOp) => void;

const emitEnvPtr: Emitter = (g, o) => {
  g.builder().localGet(g.envLocal());
  g.set(o.outs[0]);
};

/** out = f(in0, in1, ...) where f is a sequence of wasm instructions. */
function simple(f: (b: WasmBuilder) => void): Emitter {
  return (g, o) => {
    for (const t of o.ins) g.get(t);
    f(g.builder());
    g.set(o.outs[0]);
  };
}

/** out = in0 ∘ in1 with a call to an internal function. */
function viaFunc(index: (m: ModuleGen) => number): Emitter {
  return (g, o) => {
    for (const t of o.ins) g.get(t);
    g.builder().call(index(g.module()));
    g.set(o.outs[0]);
  };
}

/** Comparison instruction per cond index (CONDS order: eq ne lt ge le gt ltu geu leu gtu). */
const COND32: ((b: WasmBuilder) => void)[] = [
  (b) => b.i32Eq(), (b) => b.i32Ne(), (b) => b.i32LtS(), (b) => b.i32GeS(), (b) => b.i32LeS(),
  (b) => b.i32GtS(), (b) => b.i32LtU(), (b) => b.i32GeU(), (b) => b.i32LeU(), (b) => b.i32GtU(),
];
const COND64: ((b: WasmBuilder) => void)[] = [
  (b) => b.i64Eq(), (b) => b.i64Ne(), (b) => b.i64LtS(), (b) => b.i64GeS(), (b) => b.i64LeS(),
  (b) => b.i64GtS(), (b) => b.i64LtU(), (b) => b.i64GeU(), (b) => b.i64LeU(), (b) => b.i64GtU(),
];

function compare(g: BlockGen, t: IrType, cond: number, a: Temp, c: Temp): void {
  const table = t === 'i64' ? COND64 : COND32;
  const f = table[cond];
  if (!f) throw new Error(`wasm backend: bad condition ${cond}`);
  g.get(a);
  g.get(c);
  f(g.builder());
}

const emitSetcond = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // out = cond(a, b) ? 1 : 0
  compare(g, t, Number(o.consts[0]), o.ins[0], o.ins[1]);
  if (t === 'i64') g.builder().i64ExtendI32U();
  g.set(o.outs[0]);
};

const emitMovcond = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // out = cond(c1, c2) ? v1 : v2
  g.get(o.ins[2]);
  g.get(o.ins[3]);
  compare(g, t, Number(o.consts[0]), o.ins[0], o.ins[1]);
  g.builder().select();
  g.set(o.outs[0]);
};

const emitBrcond = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // if (cond(a, b)) goto label
  compare(g, t, Number(o.consts[0]), o.ins[0], o.ins[1]);
  g.branch(Number(o.consts[1]), true);
};

const emitQemuLd = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // out = $ld(addr, env, insn pc)
  const memop = Number(o.consts[0]);
  const b = g.builder();
  g.get(o.ins[0]);
  b.localGet(g.envLocal());
  b.i32Const(g.insnPc());
  b.call(g.module().loadFunc(memop, t));
  g.set(o.outs[0]);
};

const emitQemuSt = (t: 'i32' | 'i64'): Emitter => (g, o) => {
  // $st(addr, value, env, insn pc)
  const size = memopSize(Number(o.consts[0]));
  const b = g.builder();
  g.get(o.ins[1]);
  g.get(o.ins[0]);
  b.localGet(g.envLocal());
  b.i32Const(g.insnPc());
  b.call(g.module().storeFunc(size, t));
};

/** Jumps to the block whose jump-cache entry is at address `entry` (pushed by pushEntry) if it holds the pc. */
function emitCacheJump(g: BlockGen, pushEntry: () => void, pushPc: () => void): void {
  const b = g.builder();
  // if (i64.load(entry) == pc) return_call_indirect table[i32.load(entry + 8)](env)
  pushEntry();
  b.i64Load(0);
  pushPc();
  b.i64Eq();
  b.if();
  b.localGet(g.envLocal());
  pushEntry();
  b.i32Load(8);
  b.returnCallIndirect(g.module().blockType);
  b.end();
  // env.pc = pc; return LOOKUP
  b.localGet(g.envLocal());
  pushPc();
  b.i64Store(ENV.PC);
  b.i32Const(ExitReason.LOOKUP);
  b.return();
}

const emitGotoTb: Emitter = (g, o) => {
  const pc = Number(o.consts[0]);
  const b = g.builder();
  const direct = g.module().funcByPc.get(pc);
  if (direct !== undefined) {
    // return_call $block(env)        ;; same module
    b.localGet(g.envLocal());
    b.returnCall(direct);
    return;
  }
  const entry = JUMP_CACHE + jumpCacheIndex(pc) * JUMP_CACHE_ENTRY_SIZE;
  emitCacheJump(g, () => b.i32Const(entry), () => b.i64Const(pc));
};

const emitGotoPtr: Emitter = (g, o) => {
  // entry = JUMP_CACHE + ((pc >> 1) & 4095) * 16
  const b = g.builder();
  const target = g.local(o.ins[0]);
  const entry = b.allocLocal('i32');
  b.localGet(target);
  b.i32WrapI64();
  b.i32Const(1);
  b.i32ShrU();
  b.i32Const(JUMP_CACHE_ENTRIES - 1);
  b.i32And();
  b.i32Const(4); // × JUMP_CACHE_ENTRY_SIZE
  b.i32Shl();
  b.i32Const(JUMP_CACHE);
  b.i32Add();
  b.localSet(entry);
  emitCacheJump(g, () => b.localGet(entry), () => b.localGet(target));
  b.freeLocal(entry);
};

const emitCall: Emitter = (g, o) => {
  // env.pc = insn pc; out = helper(args...)
  const b = g.builder();
  g.storeInsnPc();
  for (const t of o.ins) g.get(t);
  const f = g.module().helperFunc.get(Number(o.consts[0]));
  if (f === undefined) throw new Error(`wasm backend: helper ${String(o.consts[0])} not imported`);
  b.call(f);
  if (o.outs.length) g.set(o.outs[0]);
};

const I64_LOW32 = 0xffffffffn;

/** One emitter per opcode: the compiler flags an op added to opcodes.ts without one. */
const EMIT: Record<Opcode, Emitter> = {
  // --- i32 ---
  mov_i32: simple(() => {}),
  movi_i32: (g, o) => { g.builder().i32Const(Number(o.consts[0])); g.set(o.outs[0]); },
  add_i32: simple((b) => b.i32Add()),
  sub_i32: simple((b) => b.i32Sub()),
  mul_i32: simple((b) => b.i32Mul()),
  and_i32: simple((b) => b.i32And()),
  or_i32: simple((b) => b.i32Or()),
  xor_i32: simple((b) => b.i32Xor()),
  shl_i32: simple((b) => b.i32Shl()),
  shr_i32: simple((b) => b.i32ShrU()),
  sar_i32: simple((b) => b.i32ShrS()),
  rotl_i32: simple((b) => b.i32Rotl()),
  rotr_i32: simple((b) => b.i32Rotr()),
  neg_i32: (g, o) => { g.builder().i32Const(0); g.get(o.ins[0]); g.builder().i32Sub(); g.set(o.outs[0]); },
  not_i32: simple((b) => { b.i32Const(-1); b.i32Xor(); }),
  div_s_i32: viaFunc((m) => m.divFunc('div_s', 'i32')),
  div_u_i32: viaFunc((m) => m.divFunc('div_u', 'i32')),
  rem_s_i32: viaFunc((m) => m.divFunc('rem_s', 'i32')),
  rem_u_i32: viaFunc((m) => m.divFunc('rem_u', 'i32')),
  // high half via one 64-bit product: (ext(a) * ext(b)) >> 32
  mulh_s_i32: (g, o) => mulh32(g, o, true, true),
  mulh_u_i32: (g, o) => mulh32(g, o, false, false),
  mulh_su_i32: (g, o) => mulh32(g, o, true, false),
  clz_i32: simple((b) => b.i32Clz()),
  ctz_i32: simple((b) => b.i32Ctz()),
  popcnt_i32: simple((b) => b.i32Popcnt()),
  ext8s_i32: simple((b) => b.i32Extend8S()),
  ext8u_i32: simple((b) => { b.i32Const(0xff); b.i32And(); }),
  ext16s_i32: simple((b) => b.i32Extend16S()),
  ext16u_i32: simple((b) => { b.i32Const(0xffff); b.i32And(); }),
  setcond_i32: emitSetcond('i32'),
  movcond_i32: emitMovcond('i32'),
  brcond_i32: emitBrcond('i32'),
  ld_env_i32: (g, o) => { g.builder().localGet(g.envLocal()); g.builder().i32Load(Number(o.consts[0])); g.set(o.outs[0]); },
  st_env_i32: (g, o) => { g.builder().localGet(g.envLocal()); g.get(o.ins[0]); g.builder().i32Store(Number(o.consts[0])); },
  qemu_ld_i32: emitQemuLd('i32'),
  qemu_st_i32: emitQemuSt('i32'),

  // --- i64 ---
  mov_i64: simple(() => {}),
  movi_i64: (g, o) => { g.builder().i64Const(o.consts[0]); g.set(o.outs[0]); },
  add_i64: simple((b) => b.i64Add()),
  sub_i64: simple((b) => b.i64Sub()),
  mul_i64: simple((b) => b.i64Mul()),
  and_i64: simple((b) => b.i64And()),
  or_i64: simple((b) => b.i64Or()),
  xor_i64: simple((b) => b.i64Xor()),
  shl_i64: simple((b) => b.i64Shl()),
  shr_i64: simple((b) => b.i64ShrU()),
  sar_i64: simple((b) => b.i64ShrS()),
  rotl_i64: simple((b) => b.i64Rotl()),
  rotr_i64: simple((b) => b.i64Rotr()),
  neg_i64: (g, o) => { g.builder().i64Const(0n); g.get(o.ins[0]); g.builder().i64Sub(); g.set(o.outs[0]); },
  not_i64: simple((b) => { b.i64Const(-1n); b.i64Xor(); }),
  div_s_i64: viaFunc((m) => m.divFunc('div_s', 'i64')),
  div_u_i64: viaFunc((m) => m.divFunc('div_u', 'i64')),
  rem_s_i64: viaFunc((m) => m.divFunc('rem_s', 'i64')),
  rem_u_i64: viaFunc((m) => m.divFunc('rem_u', 'i64')),
  mulh_s_i64: viaFunc((m) => m.mulhSigned64(true)),
  mulh_u_i64: viaFunc((m) => m.mulhU64()),
  mulh_su_i64: viaFunc((m) => m.mulhSigned64(false)),
  clz_i64: simple((b) => b.i64Clz()),
  ctz_i64: simple((b) => b.i64Ctz()),
  popcnt_i64: simple((b) => b.i64Popcnt()),
  ext8s_i64: simple((b) => b.i64Extend8S()),
  ext8u_i64: simple((b) => { b.i64Const(0xffn); b.i64And(); }),
  ext16s_i64: simple((b) => b.i64Extend16S()),
  ext16u_i64: simple((b) => { b.i64Const(0xffffn); b.i64And(); }),
  ext32s_i64: simple((b) => b.i64Extend32S()),
  ext32u_i64: simple((b) => { b.i64Const(I64_LOW32); b.i64And(); }),
  setcond_i64: emitSetcond('i64'),
  movcond_i64: emitMovcond('i64'),
  brcond_i64: emitBrcond('i64'),
  ld_env_i64: (g, o) => { g.builder().localGet(g.envLocal()); g.builder().i64Load(Number(o.consts[0])); g.set(o.outs[0]); },
  st_env_i64: (g, o) => { g.builder().localGet(g.envLocal()); g.get(o.ins[0]); g.builder().i64Store(Number(o.consts[0])); },
  qemu_ld_i64: emitQemuLd('i64'),
  qemu_st_i64: emitQemuSt('i64'),

  // --- width changes ---
  extrl_i64_i32: simple((b) => b.i32WrapI64()),
  extu_i32_i64: simple((b) => b.i64ExtendI32U()),
  exts_i32_i64: simple((b) => b.i64ExtendI32S()),

  // --- floating point ---
  fadd_f32: simple((b) => b.f32Add()),
  fsub_f32: simple((b) => b.f32Sub()),
  fmul_f32: simple((b) => b.f32Mul()),
  fdiv_f32: simple((b) => b.f32Div()),
  fsqrt_f32: simple((b) => b.f32Sqrt()),
  fneg_f32: simple((b) => b.f32Neg()),
  fabs_f32: simple((b) => b.f32Abs()),
  fadd_f64: simple((b) => b.f64Add()),
  fsub_f64: simple((b) => b.f64Sub()),
  fmul_f64: simple((b) => b.f64Mul()),
  fdiv_f64: simple((b) => b.f64Div()),
  fsqrt_f64: simple((b) => b.f64Sqrt()),
  fneg_f64: simple((b) => b.f64Neg()),
  fabs_f64: simple((b) => b.f64Abs()),
  bitcast_i32_f32: simple((b) => b.f32ReinterpretI32()),
  bitcast_f32_i32: simple((b) => b.i32ReinterpretF32()),
  bitcast_i64_f64: simple((b) => b.f64ReinterpretI64()),
  bitcast_f64_i64: simple((b) => b.i64ReinterpretF64()),
  fcvt_f32_f64: simple((b) => b.f64PromoteF32()),
  fcvt_f64_f32: simple((b) => b.f32DemoteF64()),

  // --- control and state ---
  env_ptr: emitEnvPtr,
  insn_start: (g, o) => g.setInsnPc(Number(o.consts[0])),
  set_label: (g, o) => g.setLabel(Number(o.consts[0])),
  br: (g, o) => g.branch(Number(o.consts[0]), false),
  call: emitCall,
  goto_tb: emitGotoTb,
  goto_ptr: emitGotoPtr,
  exit_tb: (g, o) => g.exitWith(Number(o.consts[0]), Number(o.consts[1])),
};

function mulh32(g: BlockGen, o: IrOp, aSigned: boolean, bSigned: boolean): void {
  // out = wrap((ext(a) * ext(b)) >> 32)
  const b = g.builder();
  g.get(o.ins[0]);
  aSigned ? b.i64ExtendI32S() : b.i64ExtendI32U();
  g.get(o.ins[1]);
  bSigned ? b.i64ExtendI32S() : b.i64ExtendI32U();
  b.i64Mul();
  b.i64Const(32n);
  b.i64ShrU();
  b.i32WrapI64();
  g.set(o.outs[0]);
}
