// WasmBuilder: writes the function bodies of a WebAssembly module in binary form, one
// builder method per wasm instruction, named after it, each appending to the body of the
// function being built; endFunction() files the body in the module's code section. The
// module level (types, imports, functions, globals, exports, element segments, and
// finish(), which encodes the module) is the class it extends, WasmModuleBuilder
// (wasm-module-builder.ts). Locals are typed handles taken with allocLocal() and given
// back with freeLocal(); a function that ends with a local still taken is a codegen bug
// and throws. When text recording is on, every instruction is also written as one line
// of wasm text (for `-d out_asm`); when off, recording costs one null test per instruction.

import { ByteBuf } from './byte-buf.js';
import { VALTYPE_CODE, WasmModuleBuilder, type ValType } from './wasm-module-builder.js';

const EMPTY_BLOCK = 0x40;
/** Atomic opcodes (after 0xfe): i64.atomic.load by size; each rmw op's group of seven, and the i64 forms' place in it. */
const ATOMIC_LOAD_I64: Record<1 | 2 | 4 | 8, number> = { 1: 0x14, 2: 0x15, 4: 0x16, 8: 0x11 };
const ATOMIC_RMW_BASE = { add: 0x1e, sub: 0x25, and: 0x2c, or: 0x33, xor: 0x3a, xchg: 0x41, cmpxchg: 0x48 } as const;
const ATOMIC_RMW_I64: Record<1 | 2 | 4 | 8, number> = { 1: 4, 2: 5, 4: 6, 8: 1 };

/** A wasm local of one function: taken with allocLocal, returned with freeLocal. */
export class Local {
  /** @internal */ taken = true;
  constructor(
    readonly index: number,
    readonly type: ValType,
    /** Parameters are locals too, but are never freed. */
    readonly isParam: boolean,
  ) {}
}

export class WasmBuilder extends WasmModuleBuilder {
  // --- the function being built ----------------------------------------------------
  private readonly code = new ByteBuf(1 << 14);
  private readonly decl = new ByteBuf(64);
  private funcIndex = -1;
  private params: Local[] = [];
  private localTypes: ValType[] = [];
  private readonly freeLocals: Record<ValType, Local[]> = { i32: [], i64: [], f32: [], f64: [], v128: [] };
  private takenLocals = 0;
  private depth = 0;

  // ================= function bodies =================

  /** Starts the body of a declared function; bodies must be built in index order. */
  beginFunction(index: number): void {
    const defined = index - this.importedFunctions;
    if (defined !== this.bodiesDone || this.funcIndex !== -1) throw new Error(`WasmBuilder: body of function ${index} out of order`);
    this.funcIndex = index;
    const t = this.types[this.funcTypes[defined]];
    this.params = t.params.map((p, i) => new Local(i, p, true));
    this.localTypes = [];
    for (const k of ['i32', 'i64', 'f32', 'f64', 'v128'] as const) this.freeLocals[k].length = 0;
    this.takenLocals = 0;
    this.code.clear();
    this.depth = 1;
    if (this.rec) this.rec.push(`(func ${this.funcName(index)} (type ${this.funcTypes[defined]})`);
  }

  /** The i-th parameter of the current function. */
  param(i: number): Local {
    return this.params[i];
  }

  /** A local of `type`, reusing a freed one when possible. */
  allocLocal(type: ValType): Local {
    const free = this.freeLocals[type].pop();
    this.takenLocals++;
    if (free) {
      free.taken = true;
      return free;
    }
    const l = new Local(this.params.length + this.localTypes.length, type, false);
    this.localTypes.push(type);
    return l;
  }

  freeLocal(l: Local): void {
    if (l.isParam) return;
    if (!l.taken) throw new Error(`WasmBuilder: local ${l.index} freed twice`);
    l.taken = false;
    this.takenLocals--;
    this.freeLocals[l.type].push(l);
  }

  /** Ends the current function: emits the final `end` and files the body in the code section. */
  endFunction(): void {
    if (this.takenLocals !== 0) throw new Error(`WasmBuilder: ${this.takenLocals} locals not freed in function ${this.funcIndex}`);
    if (this.depth !== 1) throw new Error(`WasmBuilder: unbalanced blocks in function ${this.funcIndex}`);
    this.code.byte(0x0b);
    if (this.rec) this.rec.push(')');
    // Local declarations: runs of equal types.
    const decl = this.decl;
    decl.clear();
    let runs = 0;
    for (let i = 0; i < this.localTypes.length; ) {
      let j = i;
      while (j < this.localTypes.length && this.localTypes[j] === this.localTypes[i]) j++;
      runs++;
      i = j;
    }
    decl.uleb(runs);
    for (let i = 0; i < this.localTypes.length; ) {
      let j = i;
      while (j < this.localTypes.length && this.localTypes[j] === this.localTypes[i]) j++;
      decl.uleb(j - i);
      decl.byte(VALTYPE_CODE[this.localTypes[i]]);
      i = j;
    }
    this.codeSection.uleb(decl.length + this.code.length);
    this.codeSection.append(decl.bytes, decl.length);
    this.codeSection.append(this.code.bytes, this.code.length);
    this.bodiesDone++;
    this.funcIndex = -1;
  }

  /** Adds a comment line to the recorded text (free when recording is off). */
  comment(s: string): void {
    if (this.rec) this.line(`;; ${s}`);
  }

  // --- emission plumbing ------------------------------------------------------------

  private line(s: string): void {
    (this.rec as string[]).push('  '.repeat(this.depth) + s);
  }
  private op(byte: number, name: string): void {
    this.code.byte(byte);
    if (this.rec) this.line(name);
  }
  private prefixed(prefix: number, sub: number, name: string): void {
    this.code.byte(prefix);
    this.code.uleb(sub);
    if (this.rec) this.line(name);
  }
  private mem(byte: number, name: string, align: number, offset: number): void {
    this.code.byte(byte);
    this.code.uleb(align);
    this.code.uleb(offset >>> 0);
    if (this.rec) this.line(offset ? `${name} offset=0x${(offset >>> 0).toString(16)}` : name);
  }
  private blockType(t: ValType | null): void {
    this.code.byte(t ? VALTYPE_CODE[t] : EMPTY_BLOCK);
  }

  // --- control ------------------------------------------------------------------------

  unreachable(): void { this.op(0x00, 'unreachable'); }
  nop(): void { this.op(0x01, 'nop'); }
  block(result: ValType | null = null): void {
    this.code.byte(0x02);
    this.blockType(result);
    if (this.rec) this.line(result ? `block (result ${result})` : 'block');
    this.depth++;
  }
  loop(result: ValType | null = null): void {
    this.code.byte(0x03);
    this.blockType(result);
    if (this.rec) this.line(result ? `loop (result ${result})` : 'loop');
    this.depth++;
  }
  if(result: ValType | null = null): void {
    this.code.byte(0x04);
    this.blockType(result);
    if (this.rec) this.line(result ? `if (result ${result})` : 'if');
    this.depth++;
  }
  else(): void {
    this.depth--;
    this.op(0x05, 'else');
    this.depth++;
  }
  end(): void {
    this.depth--;
    this.op(0x0b, 'end');
  }
  br(depth: number): void {
    this.code.byte(0x0c);
    this.code.uleb(depth);
    if (this.rec) this.line(`br ${depth}`);
  }
  brIf(depth: number): void {
    this.code.byte(0x0d);
    this.code.uleb(depth);
    if (this.rec) this.line(`br_if ${depth}`);
  }
  brTable(depths: readonly number[], defaultDepth: number): void {
    this.code.byte(0x0e);
    this.code.uleb(depths.length);
    for (const d of depths) this.code.uleb(d);
    this.code.uleb(defaultDepth);
    if (this.rec) this.line(`br_table ${depths.join(' ')} ${defaultDepth}`);
  }
  return(): void { this.op(0x0f, 'return'); }
  call(func: number): void {
    this.code.byte(0x10);
    this.code.uleb(func);
    if (this.rec) this.line(`call ${this.funcName(func)}`);
  }
  callIndirect(typeIdx: number, table = 0): void {
    this.code.byte(0x11);
    this.code.uleb(typeIdx);
    this.code.uleb(table);
    if (this.rec) this.line(`call_indirect (type ${typeIdx})`);
  }
  returnCall(func: number): void {
    this.code.byte(0x12);
    this.code.uleb(func);
    if (this.rec) this.line(`return_call ${this.funcName(func)}`);
  }
  returnCallIndirect(typeIdx: number, table = 0): void {
    this.code.byte(0x13);
    this.code.uleb(typeIdx);
    this.code.uleb(table);
    if (this.rec) this.line(`return_call_indirect (type ${typeIdx})`);
  }
  drop(): void { this.op(0x1a, 'drop'); }
  select(): void { this.op(0x1b, 'select'); }

  // --- locals -------------------------------------------------------------------------

  globalGet(index: number): void {
    this.code.byte(0x23);
    this.code.uleb(index);
    if (this.rec) this.line(`global.get ${index}`);
  }
  globalSet(index: number): void {
    this.code.byte(0x24);
    this.code.uleb(index);
    if (this.rec) this.line(`global.set ${index}`);
  }
  localGet(l: Local): void {
    this.code.byte(0x20);
    this.code.uleb(l.index);
    if (this.rec) this.line(`local.get ${l.index}`);
  }
  localSet(l: Local): void {
    this.code.byte(0x21);
    this.code.uleb(l.index);
    if (this.rec) this.line(`local.set ${l.index}`);
  }
  localTee(l: Local): void {
    this.code.byte(0x22);
    this.code.uleb(l.index);
    if (this.rec) this.line(`local.tee ${l.index}`);
  }

  // --- memory (memory 0; offsets are u32, alignment is log2 of the natural size) ------------

  i32Load(offset = 0): void { this.mem(0x28, 'i32.load', 2, offset); }
  i64Load(offset = 0): void { this.mem(0x29, 'i64.load', 3, offset); }
  f32Load(offset = 0): void { this.mem(0x2a, 'f32.load', 2, offset); }
  f64Load(offset = 0): void { this.mem(0x2b, 'f64.load', 3, offset); }
  i32Load8S(offset = 0): void { this.mem(0x2c, 'i32.load8_s', 0, offset); }
  i32Load8U(offset = 0): void { this.mem(0x2d, 'i32.load8_u', 0, offset); }
  i32Load16S(offset = 0): void { this.mem(0x2e, 'i32.load16_s', 1, offset); }
  i32Load16U(offset = 0): void { this.mem(0x2f, 'i32.load16_u', 1, offset); }
  i64Load8S(offset = 0): void { this.mem(0x30, 'i64.load8_s', 0, offset); }
  i64Load8U(offset = 0): void { this.mem(0x31, 'i64.load8_u', 0, offset); }
  i64Load16S(offset = 0): void { this.mem(0x32, 'i64.load16_s', 1, offset); }
  i64Load16U(offset = 0): void { this.mem(0x33, 'i64.load16_u', 1, offset); }
  i64Load32S(offset = 0): void { this.mem(0x34, 'i64.load32_s', 2, offset); }
  i64Load32U(offset = 0): void { this.mem(0x35, 'i64.load32_u', 2, offset); }
  i32Store(offset = 0): void { this.mem(0x36, 'i32.store', 2, offset); }
  i64Store(offset = 0): void { this.mem(0x37, 'i64.store', 3, offset); }
  f32Store(offset = 0): void { this.mem(0x38, 'f32.store', 2, offset); }
  f64Store(offset = 0): void { this.mem(0x39, 'f64.store', 3, offset); }
  i32Store8(offset = 0): void { this.mem(0x3a, 'i32.store8', 0, offset); }
  i32Store16(offset = 0): void { this.mem(0x3b, 'i32.store16', 1, offset); }
  i64Store8(offset = 0): void { this.mem(0x3c, 'i64.store8', 0, offset); }
  i64Store16(offset = 0): void { this.mem(0x3d, 'i64.store16', 1, offset); }
  i64Store32(offset = 0): void { this.mem(0x3e, 'i64.store32', 2, offset); }

  // --- atomics (0xfe prefix; the alignment immediate must be the natural one) ---------------

  /** i64.atomic.load of `size` bytes, zero-extended (i64.atomic.load8_u ...). */
  i64AtomicLoad(size: 1 | 2 | 4 | 8, offset = 0): void {
    this.atomic(ATOMIC_LOAD_I64[size], `i64.atomic.load${size === 8 ? '' : `${8 * size}_u`}`, size, offset);
  }
  /** i64.atomic.rmw<N>.<op>_u: [addr, value] -> old (zero-extended), memory = op(old, value). */
  i64AtomicRmw(op: 'add' | 'sub' | 'and' | 'or' | 'xor' | 'xchg', size: 1 | 2 | 4 | 8, offset = 0): void {
    this.atomic(ATOMIC_RMW_BASE[op] + ATOMIC_RMW_I64[size], `i64.atomic.rmw${size === 8 ? '' : 8 * size}.${op}${size === 8 ? '' : '_u'}`, size, offset);
  }
  /** i64.atomic.rmw<N>.cmpxchg_u: [addr, expected, desired] -> old (zero-extended); stored if old == wrap(expected). */
  i64AtomicCmpxchg(size: 1 | 2 | 4 | 8, offset = 0): void {
    this.atomic(ATOMIC_RMW_BASE.cmpxchg + ATOMIC_RMW_I64[size], `i64.atomic.rmw${size === 8 ? '' : 8 * size}.cmpxchg${size === 8 ? '' : '_u'}`, size, offset);
  }
  /** atomic.fence: a full barrier on the memory's accesses (mfence on x86-64). */
  atomicFence(): void {
    this.code.byte(0xfe);
    this.code.uleb(0x03);
    this.code.byte(0x00);
    if (this.rec) this.line('atomic.fence');
  }
  private atomic(sub: number, name: string, size: number, offset: number): void {
    this.code.byte(0xfe);
    this.code.uleb(sub);
    this.code.uleb(Math.log2(size));
    this.code.uleb(offset >>> 0);
    if (this.rec) this.line(offset ? `${name} offset=0x${(offset >>> 0).toString(16)}` : name);
  }

  // --- constants ----------------------------------------------------------------------

  i32Const(v: number): void {
    this.code.byte(0x41);
    this.code.sleb32(v);
    if (this.rec) this.line(`i32.const ${(v | 0) >= -0x10000 && (v | 0) < 0x10000 ? v | 0 : `0x${(v >>> 0).toString(16)}`}`);
  }
  /** i64.const of a bigint (modulo 2^64) or of a safe integer (no bigint on the way). */
  i64Const(v: bigint | number): void {
    this.code.byte(0x42);
    this.code.sleb64(v);
    if (this.rec) this.line(`i64.const ${typeof v === 'number' ? v : BigInt.asIntN(64, v)}`);
  }
  f32Const(v: number): void {
    this.code.byte(0x43);
    this.code.f32(v);
    if (this.rec) this.line(`f32.const ${v}`);
  }
  f64Const(v: number): void {
    this.code.byte(0x44);
    this.code.f64(v);
    if (this.rec) this.line(`f64.const ${v}`);
  }

  // --- i32 ----------------------------------------------------------------------------

  i32Eqz(): void { this.op(0x45, 'i32.eqz'); }
  i32Eq(): void { this.op(0x46, 'i32.eq'); }
  i32Ne(): void { this.op(0x47, 'i32.ne'); }
  i32LtS(): void { this.op(0x48, 'i32.lt_s'); }
  i32LtU(): void { this.op(0x49, 'i32.lt_u'); }
  i32GtS(): void { this.op(0x4a, 'i32.gt_s'); }
  i32GtU(): void { this.op(0x4b, 'i32.gt_u'); }
  i32LeS(): void { this.op(0x4c, 'i32.le_s'); }
  i32LeU(): void { this.op(0x4d, 'i32.le_u'); }
  i32GeS(): void { this.op(0x4e, 'i32.ge_s'); }
  i32GeU(): void { this.op(0x4f, 'i32.ge_u'); }
  i32Clz(): void { this.op(0x67, 'i32.clz'); }
  i32Ctz(): void { this.op(0x68, 'i32.ctz'); }
  i32Popcnt(): void { this.op(0x69, 'i32.popcnt'); }
  i32Add(): void { this.op(0x6a, 'i32.add'); }
  i32Sub(): void { this.op(0x6b, 'i32.sub'); }
  i32Mul(): void { this.op(0x6c, 'i32.mul'); }
  i32DivS(): void { this.op(0x6d, 'i32.div_s'); }
  i32DivU(): void { this.op(0x6e, 'i32.div_u'); }
  i32RemS(): void { this.op(0x6f, 'i32.rem_s'); }
  i32RemU(): void { this.op(0x70, 'i32.rem_u'); }
  i32And(): void { this.op(0x71, 'i32.and'); }
  i32Or(): void { this.op(0x72, 'i32.or'); }
  i32Xor(): void { this.op(0x73, 'i32.xor'); }
  i32Shl(): void { this.op(0x74, 'i32.shl'); }
  i32ShrS(): void { this.op(0x75, 'i32.shr_s'); }
  i32ShrU(): void { this.op(0x76, 'i32.shr_u'); }
  i32Rotl(): void { this.op(0x77, 'i32.rotl'); }
  i32Rotr(): void { this.op(0x78, 'i32.rotr'); }

  // --- i64 ----------------------------------------------------------------------------

  i64Eqz(): void { this.op(0x50, 'i64.eqz'); }
  i64Eq(): void { this.op(0x51, 'i64.eq'); }
  i64Ne(): void { this.op(0x52, 'i64.ne'); }
  i64LtS(): void { this.op(0x53, 'i64.lt_s'); }
  i64LtU(): void { this.op(0x54, 'i64.lt_u'); }
  i64GtS(): void { this.op(0x55, 'i64.gt_s'); }
  i64GtU(): void { this.op(0x56, 'i64.gt_u'); }
  i64LeS(): void { this.op(0x57, 'i64.le_s'); }
  i64LeU(): void { this.op(0x58, 'i64.le_u'); }
  i64GeS(): void { this.op(0x59, 'i64.ge_s'); }
  i64GeU(): void { this.op(0x5a, 'i64.ge_u'); }
  i64Clz(): void { this.op(0x79, 'i64.clz'); }
  i64Ctz(): void { this.op(0x7a, 'i64.ctz'); }
  i64Popcnt(): void { this.op(0x7b, 'i64.popcnt'); }
  i64Add(): void { this.op(0x7c, 'i64.add'); }
  i64Sub(): void { this.op(0x7d, 'i64.sub'); }
  i64Mul(): void { this.op(0x7e, 'i64.mul'); }
  i64DivS(): void { this.op(0x7f, 'i64.div_s'); }
  i64DivU(): void { this.op(0x80, 'i64.div_u'); }
  i64RemS(): void { this.op(0x81, 'i64.rem_s'); }
  i64RemU(): void { this.op(0x82, 'i64.rem_u'); }
  i64And(): void { this.op(0x83, 'i64.and'); }
  i64Or(): void { this.op(0x84, 'i64.or'); }
  i64Xor(): void { this.op(0x85, 'i64.xor'); }
  i64Shl(): void { this.op(0x86, 'i64.shl'); }
  i64ShrS(): void { this.op(0x87, 'i64.shr_s'); }
  i64ShrU(): void { this.op(0x88, 'i64.shr_u'); }
  i64Rotl(): void { this.op(0x89, 'i64.rotl'); }
  i64Rotr(): void { this.op(0x8a, 'i64.rotr'); }

  // --- f32 / f64 ----------------------------------------------------------------------

  f32Eq(): void { this.op(0x5b, 'f32.eq'); }
  f32Ne(): void { this.op(0x5c, 'f32.ne'); }
  f32Lt(): void { this.op(0x5d, 'f32.lt'); }
  f32Gt(): void { this.op(0x5e, 'f32.gt'); }
  f32Le(): void { this.op(0x5f, 'f32.le'); }
  f32Ge(): void { this.op(0x60, 'f32.ge'); }
  f32Abs(): void { this.op(0x8b, 'f32.abs'); }
  f32Neg(): void { this.op(0x8c, 'f32.neg'); }
  f32Sqrt(): void { this.op(0x91, 'f32.sqrt'); }
  f32Add(): void { this.op(0x92, 'f32.add'); }
  f32Sub(): void { this.op(0x93, 'f32.sub'); }
  f32Mul(): void { this.op(0x94, 'f32.mul'); }
  f32Div(): void { this.op(0x95, 'f32.div'); }
  f32Min(): void { this.op(0x96, 'f32.min'); }
  f32Max(): void { this.op(0x97, 'f32.max'); }
  f64Eq(): void { this.op(0x61, 'f64.eq'); }
  f64Ne(): void { this.op(0x62, 'f64.ne'); }
  f64Lt(): void { this.op(0x63, 'f64.lt'); }
  f64Gt(): void { this.op(0x64, 'f64.gt'); }
  f64Le(): void { this.op(0x65, 'f64.le'); }
  f64Ge(): void { this.op(0x66, 'f64.ge'); }
  f64Abs(): void { this.op(0x99, 'f64.abs'); }
  f64Neg(): void { this.op(0x9a, 'f64.neg'); }
  f64Sqrt(): void { this.op(0x9f, 'f64.sqrt'); }
  f64Add(): void { this.op(0xa0, 'f64.add'); }
  f64Sub(): void { this.op(0xa1, 'f64.sub'); }
  f64Mul(): void { this.op(0xa2, 'f64.mul'); }
  f64Div(): void { this.op(0xa3, 'f64.div'); }
  f64Min(): void { this.op(0xa4, 'f64.min'); }
  f64Max(): void { this.op(0xa5, 'f64.max'); }

  // --- SIMD (0xfd prefix) ---------------------------------------------------------------

  /** A SIMD instruction without immediates, by its opcode after the 0xfd prefix (see SIMD in emit-vector.ts). */
  simd(sub: number, name: string): void {
    this.prefixed(0xfd, sub, name);
  }
  /** A SIMD lane instruction (extract_lane / replace_lane): opcode, then the lane index. */
  simdLane(sub: number, name: string, lane: number): void {
    this.prefixed(0xfd, sub, `${name} ${lane}`);
    this.code.byte(lane);
  }
  v128Load(offset = 0): void {
    this.code.byte(0xfd);
    this.code.uleb(0x00);
    this.code.uleb(0); // byte alignment: guest vectors need not be aligned
    this.code.uleb(offset >>> 0);
    if (this.rec) this.line(offset ? `v128.load offset=0x${(offset >>> 0).toString(16)}` : 'v128.load');
  }
  v128Store(offset = 0): void {
    this.code.byte(0xfd);
    this.code.uleb(0x0b);
    this.code.uleb(0);
    this.code.uleb(offset >>> 0);
    if (this.rec) this.line(offset ? `v128.store offset=0x${(offset >>> 0).toString(16)}` : 'v128.store');
  }
  /** v128.const of 16 bytes given as an unsigned bigint (byte 0 = least significant). */
  v128Const(v: bigint): void {
    this.code.byte(0xfd);
    this.code.uleb(0x0c);
    for (let i = 0n; i < 16n; i++) this.code.byte(Number((v >> (8n * i)) & 0xffn));
    if (this.rec) this.line(`v128.const 0x${BigInt.asUintN(128, v).toString(16).padStart(32, '0')}`);
  }
  /** i8x16.shuffle with 16 lane indexes (0-31). */
  i8x16Shuffle(lanes: readonly number[]): void {
    this.code.byte(0xfd);
    this.code.uleb(0x0d);
    for (const l of lanes) this.code.byte(l);
    if (this.rec) this.line(`i8x16.shuffle ${lanes.join(' ')}`);
  }
  f32x4Splat(): void { this.simd(0x13, 'f32x4.splat'); }
  f64x2Splat(): void { this.simd(0x14, 'f64x2.splat'); }
  f32x4ExtractLane(lane: number): void {
    this.simd(0x1f, `f32x4.extract_lane ${lane}`);
    this.code.byte(lane);
  }
  f64x2ExtractLane(lane: number): void {
    this.simd(0x21, `f64x2.extract_lane ${lane}`);
    this.code.byte(lane);
  }
  /** Relaxed SIMD (needs V8's --experimental-wasm-relaxed-simd in Node 20): a*b+c, fused or not. */
  f32x4RelaxedMadd(): void { this.simd(0x105, 'f32x4.relaxed_madd'); }
  f64x2RelaxedMadd(): void { this.simd(0x107, 'f64x2.relaxed_madd'); }

  // --- conversions --------------------------------------------------------------------

  i32WrapI64(): void { this.op(0xa7, 'i32.wrap_i64'); }
  i64ExtendI32S(): void { this.op(0xac, 'i64.extend_i32_s'); }
  i64ExtendI32U(): void { this.op(0xad, 'i64.extend_i32_u'); }
  f32DemoteF64(): void { this.op(0xb6, 'f32.demote_f64'); }
  f64PromoteF32(): void { this.op(0xbb, 'f64.promote_f32'); }
  i32ReinterpretF32(): void { this.op(0xbc, 'i32.reinterpret_f32'); }
  i64ReinterpretF64(): void { this.op(0xbd, 'i64.reinterpret_f64'); }
  f32ReinterpretI32(): void { this.op(0xbe, 'f32.reinterpret_i32'); }
  f64ReinterpretI64(): void { this.op(0xbf, 'f64.reinterpret_i64'); }
  i32Extend8S(): void { this.op(0xc0, 'i32.extend8_s'); }
  i32Extend16S(): void { this.op(0xc1, 'i32.extend16_s'); }
  i64Extend8S(): void { this.op(0xc2, 'i64.extend8_s'); }
  i64Extend16S(): void { this.op(0xc3, 'i64.extend16_s'); }
  i64Extend32S(): void { this.op(0xc4, 'i64.extend32_s'); }
  /** Saturating truncations (0xfc prefix), for completeness of the float set. */
  i32TruncSatF64S(): void { this.prefixed(0xfc, 2, 'i32.trunc_sat_f64_s'); }
  i64TruncSatF64S(): void { this.prefixed(0xfc, 6, 'i64.trunc_sat_f64_s'); }
}
