// IR → WebAssembly: regions of translated blocks become one wasm module holding one
// exported function per region (region.ts: a dispatch loop over its blocks, guest
// registers in locals; several regions share a module because V8's fixed cost per module
// is several times that of a small region's code), the per-op emitters of emit.ts (and emit-vector.ts), and the module's internal functions: total
// division, 64-bit mulh, and the memory slow paths that call into JS. The module imports
// the shared guest memory, the helpers it calls, the slow paths and the hub's dispatch
// function (hub.ts), which it tail-calls to jump to another region; it has no table.

import type { HelperRegistry } from '../../tcg/helpers.js';
import type { TranslatedBlock } from '../../tcg/ir.js';
import { WASM_PAGES } from '../../memory/layout.js';
import { IMPORTS, baseSlotImport, regionExport } from './abi.js';
import { wasmFeatures } from './features.js';
import { RegionGen } from './region.js';
import { WasmBuilder, type Local } from './wasm-builder.js';
import type { ValType } from './wasm-module-builder.js';

/** Magnitudes inside [FMA_SAFE_MIN, FMA_SAFE_MAX] leave room for the error terms of the FMA emulation. */
const FMA_SAFE_MIN = 2 ** -900;
const FMA_SAFE_MAX = 2 ** 900;
/** Veltkamp's splitting constant for binary64: 2^27 + 1. */
const FMA_SPLITTER = 2 ** 27 + 1;

export interface CodegenInput {
  /** The regions, each a list of blocks (its entry first); region k is exported as regionExport(k). */
  readonly regions: readonly (readonly TranslatedBlock[])[];
  /** Slot of region 0's block 0, for the text only: the code reads each region's from its imported global baseSlotImport(k). */
  readonly baseSlot: number;
  readonly helpers: HelperRegistry;
  /** Record the module's text for `-d out_asm`. */
  readonly text: boolean;
  /** Each block adds its guest instructions to env.INSN_COUNT when entered. */
  readonly countInsns?: boolean;
}

export interface CodegenOutput {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly text: string | null;
  /** The module computes FMAs with relaxed_madd (valid only where wasmFeatures().fusedMadd). */
  readonly usesFusedMadd: boolean;
}

/** Generates one module for the whole list of blocks. */
export function generateModule(input: CodegenInput): CodegenOutput {
  return new ModuleGen(input).generate();
}

// ------------------------------------------------------------------------------------
// Module level: imports, block functions, internal runtime functions.

export class ModuleGen {
  readonly b: WasmBuilder;
  readonly helperFunc = new Map<number, number>();
  private loadImport = -1;
  /** The module has relaxed_madd in it: it is for hosts where that is a hardware FMA. */
  private usesFusedMadd = false;
  /** The imported globals holding each region's first slot. */
  readonly baseSlotGlobals: number[] = [];
  /** The imported hub function a region tail-calls to continue at a pc outside it. */
  dispatchImport = -1;
  private storeImport = -1;
  private checkImport = -1;
  private readonly runtime = new Map<string, number>();
  /** Slow-path functions by numeric key, so the hot path builds no name strings. */
  private readonly memFuncs: number[] = [];
  private lastUse = new Int32Array(256);
  private readonly pending: { name: string; index: number; gen: () => void }[] = [];

  constructor(readonly input: CodegenInput) {
    this.b = new WasmBuilder({ text: input.text });
  }

  generate(): CodegenOutput {
    const { b, input } = this;
    const { helperIds, usesLoad, usesStore, usesCheck } = scanImports(input.regions.flat());

    // Imports: memory, then functions (all before any defined function).
    b.importMemory(IMPORTS.module, IMPORTS.memory, WASM_PAGES, WASM_PAGES, true);
    for (let k = 0; k < input.regions.length; k++) this.baseSlotGlobals.push(b.importGlobal(IMPORTS.module, baseSlotImport(k), 'i32'));
    this.dispatchImport = b.importFunction(IMPORTS.module, IMPORTS.dispatch, b.type(['i32', 'i64', 'i32'], ['i32']));
    for (const id of helperIds) {
      const h = input.helpers.get(id);
      this.helperFunc.set(id, b.importFunction(IMPORTS.helperModule, String(id), b.type(h.args, h.ret ? [h.ret] : [])));
    }
    if (usesLoad) this.loadImport = b.importFunction(IMPORTS.module, IMPORTS.load, b.type(['i32', 'i64', 'i32'], ['i64']));
    if (usesStore) this.storeImport = b.importFunction(IMPORTS.module, IMPORTS.store, b.type(['i32', 'i64', 'i64', 'i32'], []));
    if (usesCheck) this.checkImport = b.importFunction(IMPORTS.module, IMPORTS.check, b.type(['i32', 'i64', 'i32', 'i32'], []));

    // The region functions are declared first: bodies follow in the order of declaration,
    // and the internal functions a region asks for are declared while it is generated.
    const regionType = b.type(['i32', 'i32'], ['i32']);
    const firstSlots: number[] = [];
    const funcs = input.regions.map((blocks, k) => {
      const first = k === 0 ? input.baseSlot : firstSlots[k - 1] + input.regions[k - 1].length;
      firstSlots.push(first);
      const func = b.declareFunction(regionType, () => `$region_${first}`);
      b.exportFunction(regionExport(k), func);
      return func;
    });
    input.regions.forEach((blocks, k) => {
      if (b.recording) b.comment(`wasm module: region ${k}: ${blocks.length} block(s) at slots ${firstSlots[k]}..${firstSlots[k] + blocks.length - 1}`);
      new RegionGen(this, blocks, firstSlots[k], this.baseSlotGlobals[k]).generate(funcs[k]);
    });

    // Internal functions requested along the way (each may request more).
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i];
      b.beginFunction(p.index);
      p.gen();
      b.endFunction();
    }
    return { bytes: b.finish(), text: b.text(), usesFusedMadd: this.usesFusedMadd };
  }

  /** A scratch array of at least n entries (temps' last uses, reused block to block). */
  lastUseScratch(n: number): Int32Array {
    if (this.lastUse.length < n) this.lastUse = new Int32Array(n * 2);
    return this.lastUse;
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

  // --- fused multiply-add: error-free transformations ---------------------------------------

  /**
   * Emits `dst = expr` for an expression in reverse Polish notation over f64 locals named in
   * `vars`, numbers, and the operators + - * (a compact way to write the FMA functions).
   */
  private rpn(vars: Record<string, Local>, dst: string, expr: string): void {
    const b = this.b;
    for (const tok of expr.split(' ')) {
      if (tok === '+') b.f64Add();
      else if (tok === '-') b.f64Sub();
      else if (tok === '*') b.f64Mul();
      else if (tok in vars) b.localGet(vars[tok]);
      else b.f64Const(Number(tok));
    }
    b.localSet(vars[dst]);
  }

  /**
   * x = RO(x + y), x + y exact with |y| below half an ulp of x: if y != 0 and x's last bit
   * is even, x steps one ulp towards y (x is not zero then: y != 0 means x + y != x).
   */
  private roundToOdd(x: Local, y: Local): void {
    const b = this.b;
    const xb = b.allocLocal('i64');
    // if (y != 0 && !(bits(x) & 1))
    b.localGet(y);
    b.f64Const(0);
    b.f64Ne();
    b.localGet(x);
    b.i64ReinterpretF64();
    b.localTee(xb);
    b.i32WrapI64();
    b.i32Const(1);
    b.i32And();
    b.i32Eqz();
    b.i32And();
    b.if();
    //   bits(x) += (y > 0) == (x > 0) ? 1 : -1
    b.localGet(xb);
    b.i64Const(1n);
    b.i64Const(-1n);
    b.localGet(y);
    b.f64Const(0);
    b.f64Gt();
    b.localGet(x);
    b.f64Const(0);
    b.f64Gt();
    b.i32Eq();
    b.select();
    b.i64Add();
    b.f64ReinterpretI64();
    b.localSet(x);
    b.end();
    b.freeLocal(xb);
  }

  /**
   * $fma_f64(a, b, c) → a*b + c rounded once (to nearest even), by Boldo and Melquiond's
   * emulated FMA: the product split exactly into uh + ul (Dekker, Veltkamp's split),
   * c + uh exactly into th + tl (TwoSum), then th + RO(tl + ul) where RO rounds to odd.
   * Returns NaN when a magnitude leaves the range where every step is exact.
   */
  fmaF64(): number {
    if (this.hasFusedMadd()) return this.fusedMadd('f64');
    return this.runtimeFunc('fma_f64', ['f64', 'f64', 'f64'], ['f64'], () => {
      const b = this.b;
      const names = ['uh', 'ul', 'th', 'tl', 'x', 'y', 'bv', 't', 'ah', 'al', 'bh', 'bl', 'r'];
      const v: Record<string, Local> = { a: b.param(0), b: b.param(1), c: b.param(2) };
      for (const n of names) v[n] = b.allocLocal('f64');
      const inRange = (name: string, lo: boolean): void => {
        // SAFE_MIN <= |name| <= SAFE_MAX   (SAFE_MIN only when lo)
        b.localGet(v[name]);
        b.f64Abs();
        b.f64Const(FMA_SAFE_MAX);
        b.f64Le();
        if (lo) {
          b.localGet(v[name]);
          b.f64Abs();
          b.f64Const(FMA_SAFE_MIN);
          b.f64Ge();
          b.i32And();
        }
      };
      this.rpn(v, 'uh', 'a b *');
      // if (!(SAFE_MIN <= |uh| <= SAFE_MAX && |c| <= SAFE_MAX)) return NaN
      inRange('uh', true);
      inRange('c', false);
      b.i32And();
      b.i32Eqz();
      b.if();
      b.f64Const(NaN);
      b.return();
      b.end();
      // ul = the exact error of uh (Dekker's TwoProduct with Veltkamp's split)
      this.rpn(v, 't', `${FMA_SPLITTER} a *`);
      this.rpn(v, 'ah', 't t a - -');
      this.rpn(v, 'al', 'a ah -');
      this.rpn(v, 't', `${FMA_SPLITTER} b *`);
      this.rpn(v, 'bh', 't t b - -');
      this.rpn(v, 'bl', 'b bh -');
      this.rpn(v, 'ul', 'al bl * uh ah bh * - al bh * - ah bl * - -');
      // th + tl = c + uh
      this.rpn(v, 'th', 'c uh +');
      this.rpn(v, 'bv', 'th c -');
      this.rpn(v, 'tl', 'c th bv - - uh bv - +');
      // x + y = tl + ul
      this.rpn(v, 'x', 'tl ul +');
      this.rpn(v, 'bv', 'x tl -');
      this.rpn(v, 'y', 'tl x bv - - ul bv - +');
      this.roundToOdd(v.x, v.y);
      // r = th + x; return SAFE_MIN <= |r| <= SAFE_MAX ? r : NaN
      this.rpn(v, 'r', 'th x +');
      b.localGet(v.r);
      b.f64Const(NaN);
      inRange('r', true);
      b.select();
      for (const n of names) b.freeLocal(v[n]);
    });
  }

  /**
   * $fma_f32(a, b, c) → a*b + c rounded once to single precision: in double precision the
   * product is exact and c + a*b = th + tl exactly (TwoSum); rounding th + tl to odd at 53
   * bits, then to nearest at 24, is the correctly rounded result (53 >= 24 + 2).
   */
  fmaF32(): number {
    if (this.hasFusedMadd()) return this.fusedMadd('f32');
    return this.runtimeFunc('fma_f32', ['f32', 'f32', 'f32'], ['f32'], () => {
      const b = this.b;
      const v: Record<string, Local> = {};
      for (const n of ['a', 'b', 'c', 'p', 'th', 'tl', 'bv']) v[n] = b.allocLocal('f64');
      for (const [i, n] of ['a', 'b', 'c'].entries()) {
        b.localGet(b.param(i));
        b.f64PromoteF32();
        b.localSet(v[n]);
      }
      this.rpn(v, 'p', 'a b *');
      this.rpn(v, 'th', 'c p +');
      this.rpn(v, 'bv', 'th c -');
      this.rpn(v, 'tl', 'c th bv - - p bv - +');
      this.roundToOdd(v.th, v.tl);
      b.localGet(v.th);
      b.f32DemoteF64();
      for (const n of Object.keys(v)) b.freeLocal(v[n]);
    });
  }

  /** Whether relaxed_madd is a hardware FMA here (see features.ts); a yes means the module uses it. */
  hasFusedMadd(): boolean {
    if (!wasmFeatures().fusedMadd) return false;
    this.usesFusedMadd = true;
    return true;
  }

  /** $madd_<t>(a, b, c): lane 0 of relaxed_madd on splats — a hardware FMA (see features.ts). */
  private fusedMadd(t: 'f32' | 'f64'): number {
    return this.runtimeFunc(`madd_${t}`, [t, t, t], [t], () => {
      const b = this.b;
      for (let i = 0; i < 3; i++) {
        b.localGet(b.param(i));
        if (t === 'f64') b.f64x2Splat();
        else b.f32x4Splat();
      }
      if (t === 'f64') {
        b.f64x2RelaxedMadd();
        b.f64x2ExtractLane(0);
      } else {
        b.f32x4RelaxedMadd();
        b.f32x4ExtractLane(0);
      }
    });
  }

  // --- guest memory slow paths --------------------------------------------------------

  /** $ld_slow_<memop>_<type>(env: i32, addr: i64) → type: the checked access in JS; a fault sets env.FAULT. */
  loadSlowFunc(memop: number, t: 'i32' | 'i64'): number {
    const key = memop * 2 + (t === 'i64' ? 1 : 0);
    return (this.memFuncs[key] ??= this.runtimeFunc(`ld_slow_${memop.toString(16)}_${t}`, ['i32', 'i64'], [t], () => {
      const b = this.b;
      b.localGet(b.param(0));
      b.localGet(b.param(1));
      b.i32Const(memop);
      b.call(this.loadImport);
      if (t === 'i32') b.i32WrapI64();
    }));
  }

  /** The import that checks an access of `len` bytes (the slow path of 16-byte accesses). */
  checkFunc(): number {
    return this.checkImport;
  }

  /** $st_slow_<size>(env: i32, addr: i64, value: i64): the checked store in JS; notes code writes; a fault sets env.FAULT. */
  storeSlowFunc(size: 1 | 2 | 4 | 8): number {
    const key = 0x40 + size;
    return (this.memFuncs[key] ??= this.runtimeFunc(`st_slow_${size}`, ['i32', 'i64', 'i64'], [], () => {
      const b = this.b;
      b.localGet(b.param(0));
      b.localGet(b.param(1));
      b.localGet(b.param(2));
      b.i32Const(size);
      b.call(this.storeImport);
    }));
  }
}

/** Which helpers, and whether the load/store slow paths, the blocks need. */
function scanImports(blocks: readonly TranslatedBlock[]): { helperIds: number[]; usesLoad: boolean; usesStore: boolean; usesCheck: boolean } {
  const ids = new Set<number>();
  let usesLoad = false;
  let usesStore = false;
  let usesCheck = false;
  for (const blk of blocks) {
    for (const o of blk.ops) {
      if (o.op === 'call') ids.add(Number(o.consts[0]));
      else if (o.op === 'qemu_ld_i32' || o.op === 'qemu_ld_i64') usesLoad = true;
      else if (o.op === 'qemu_st_i32' || o.op === 'qemu_st_i64') usesStore = true;
      else if (o.op === 'qemu_ld_v128' || o.op === 'qemu_st_v128' || o.op === 'atomic_rmw_i64' || o.op === 'atomic_cmpxchg_i64') usesCheck = true;
    }
  }
  return { helperIds: [...ids].sort((x, y) => x - y), usesLoad, usesStore, usesCheck };
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
