// WasmModuleBuilder: the module level of a WebAssembly module written in binary form —
// function types (deduplicated), imports (functions deduplicated by module/name, memory,
// globals, a table), the indexes of defined functions, globals, exports and active element
// segments — and finish(), which encodes them with the code section into the module's
// bytes. WasmBuilder (wasm-builder.ts) extends it with the function bodies: their locals
// and one method per wasm instruction. When text recording is on (for `-d out_asm`),
// imported and declared functions are named for the text.

import { ByteBuf } from './byte-buf.js';

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128';

export const VALTYPE_CODE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };
const FUNCREF = 0x70;
const SECTION = { type: 1, import: 2, function: 3, global: 6, export: 7, element: 9, code: 10 } as const;

interface FuncTypeDef {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

export interface WasmBuilderOptions {
  /** Record the text form of every instruction (for `-d out_asm`). */
  readonly text?: boolean;
}

export class WasmModuleBuilder {
  // --- module state ----------------------------------------------------------------
  protected readonly types: FuncTypeDef[] = [];
  private readonly typeIndex = new Map<string, number>();
  private readonly imports = new ByteBuf(256);
  private importCount = 0;
  private readonly importIndex = new Map<string, number>();
  protected importedFunctions = 0;
  private importedGlobals = 0;
  /** Type index of every defined (non-imported) function, in index order. */
  protected readonly funcTypes: number[] = [];
  private readonly elements: { offset: number; funcs: number[] }[] = [];
  /** Globals defined in the module (mutable i32s with a constant initial value). */
  private readonly globals: number[] = [];
  private readonly exports: { name: string; func: number }[] = [];
  protected readonly codeSection = new ByteBuf(1 << 16);
  protected bodiesDone = 0;

  // --- text recording ----------------------------------------------------------------
  protected readonly rec: string[] | null;
  /** Function names for the text (filled only when recording). */
  private readonly funcNames = new Map<number, string>();

  constructor(opts: WasmBuilderOptions = {}) {
    this.rec = opts.text ? [] : null;
  }

  // ================= module level =================

  /** The index of the function type params → results (deduplicated). */
  type(params: readonly ValType[], results: readonly ValType[]): number {
    const key = `${params.join(',')}>${results.join(',')}`;
    let i = this.typeIndex.get(key);
    if (i === undefined) {
      i = this.types.length;
      this.types.push({ params: [...params], results: [...results] });
      this.typeIndex.set(key, i);
    }
    return i;
  }

  /** Imports a function (deduplicated by module and name); all imports precede defined functions. */
  importFunction(module: string, name: string, typeIdx: number): number {
    const key = `${module}\0${name}`;
    const known = this.importIndex.get(key);
    if (known !== undefined) return known;
    if (this.funcTypes.length) throw new Error('WasmBuilder: function imports must come before defined functions');
    this.imports.name(module);
    this.imports.name(name);
    this.imports.byte(0x00);
    this.imports.uleb(typeIdx);
    this.importCount++;
    const idx = this.importedFunctions++;
    this.importIndex.set(key, idx);
    if (this.rec) this.funcNames.set(idx, `$${module}.${name}`);
    return idx;
  }

  /** Imports memory 0 with the given limits in 64 KiB pages. */
  importMemory(module: string, name: string, min: number, max: number, shared: boolean): void {
    this.imports.name(module);
    this.imports.name(name);
    this.imports.byte(0x02);
    this.imports.byte(shared ? 0x03 : 0x01);
    this.imports.uleb(min);
    this.imports.uleb(max);
    this.importCount++;
  }

  /** Imports an immutable global of type `type`; returns its index (imported globals are numbered in import order). */
  importGlobal(module: string, name: string, type: ValType): number {
    this.imports.name(module);
    this.imports.name(name);
    this.imports.byte(0x03);
    this.imports.byte(VALTYPE_CODE[type]);
    this.imports.byte(0x00); // immutable
    this.importCount++;
    return this.importedGlobals++;
  }

  /** Defines a mutable i32 global starting at `init`; returns its index (after every imported global). */
  global(type: 'i32', init: number): number {
    this.globals.push(init);
    return this.importedGlobals + this.globals.length - 1;
  }

  /** Imports table 0, of funcref, with at least `min` entries and no maximum. */
  importTable(module: string, name: string, min: number): void {
    this.imports.name(module);
    this.imports.name(name);
    this.imports.byte(0x01);
    this.imports.byte(FUNCREF);
    this.imports.byte(0x00);
    this.imports.uleb(min);
    this.importCount++;
  }

  /** Reserves the index of a function defined in this module; its body comes later, in index order. */
  declareFunction(typeIdx: number, name?: () => string): number {
    this.funcTypes.push(typeIdx);
    const idx = this.importedFunctions + this.funcTypes.length - 1;
    if (this.rec && name) this.funcNames.set(idx, name());
    return idx;
  }

  get definedFunctions(): number {
    return this.funcTypes.length;
  }

  /** Exports function `func` as `name`. */
  exportFunction(name: string, func: number): void {
    this.exports.push({ name, func });
  }

  /** An active element segment: table0[offset + i] = funcs[i] at instantiation. */
  elementSegment(offset: number, funcs: number[]): void {
    this.elements.push({ offset, funcs });
  }

  /** The finished module. */
  finish(): Uint8Array<ArrayBuffer> {
    if (this.bodiesDone !== this.funcTypes.length) throw new Error('WasmBuilder: missing function bodies');
    const out = new ByteBuf(this.codeSection.length + this.imports.length + 1024);
    out.append(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    const s = new ByteBuf(256);

    s.uleb(this.types.length);
    for (const t of this.types) {
      s.byte(0x60);
      s.uleb(t.params.length);
      for (const p of t.params) s.byte(VALTYPE_CODE[p]);
      s.uleb(t.results.length);
      for (const r of t.results) s.byte(VALTYPE_CODE[r]);
    }
    out.section(SECTION.type, s);

    s.clear();
    s.uleb(this.importCount);
    s.append(this.imports.bytes, this.imports.length);
    out.section(SECTION.import, s);

    s.clear();
    s.uleb(this.funcTypes.length);
    for (const t of this.funcTypes) s.uleb(t);
    out.section(SECTION.function, s);

    if (this.globals.length) {
      s.clear();
      s.uleb(this.globals.length);
      for (const init of this.globals) {
        s.byte(VALTYPE_CODE.i32);
        s.byte(0x01); // mutable
        s.byte(0x41); // i32.const init; end
        s.sleb32(init);
        s.byte(0x0b);
      }
      out.section(SECTION.global, s);
    }

    if (this.exports.length) {
      s.clear();
      s.uleb(this.exports.length);
      for (const e of this.exports) {
        s.name(e.name);
        s.byte(0x00); // function
        s.uleb(e.func);
      }
      out.section(SECTION.export, s);
    }

    if (this.elements.length) {
      s.clear();
      s.uleb(this.elements.length);
      for (const e of this.elements) {
        s.byte(0x00); // active, table 0, funcref, offset expression
        s.byte(0x41);
        s.sleb32(e.offset);
        s.byte(0x0b);
        s.uleb(e.funcs.length);
        for (const f of e.funcs) s.uleb(f);
      }
      out.section(SECTION.element, s);
    }

    s.clear();
    s.uleb(this.funcTypes.length);
    s.append(this.codeSection.bytes, this.codeSection.length);
    out.section(SECTION.code, s);
    return out.result();
  }

  /** Whether text is being recorded (build names and comments only then). */
  get recording(): boolean {
    return this.rec !== null;
  }

  /** The recorded text, or null when recording is off. */
  text(): string | null {
    return this.rec ? this.rec.join('\n') : null;
  }

  /** The name of function `index` in the recorded text. */
  protected funcName(index: number): string {
    return this.funcNames.get(index) ?? `$f${index}`;
  }
}
