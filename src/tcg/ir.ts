// The TCG intermediate representation: typed temps, labels, ops, and the builder that
// guest front ends use to emit a translation block. An IrOp names its opcode (declared
// in opcodes.ts) and carries outputs, inputs and constant parameters separately.

import { OPCODES, type AtomicOp, type Cond, type IrType, type MemOp, type Opcode } from './opcodes.js';
import type { ExitReason } from './env.js';
import type { HelperDef } from './helpers.js';

/** A typed IR temporary, local to one translation block. */
export interface Temp {
  readonly id: number;
  readonly type: IrType;
}

export type Const = number | bigint;

export interface IrOp {
  op: Opcode;
  outs: Temp[];
  ins: Temp[];
  consts: Const[];
}

/** One guest instruction as translated, for `-d in_asm` and diagnostics. */
export interface GuestInsn {
  pc: number;
  size: number;
  /** Raw encoding. */
  bits: number;
  /** Disassembly, e.g. "addi a0,a0,1". */
  text: string;
}

/** A GuestInsn whose disassembly is produced only when something asks for it (-d in_asm). */
export class LazyGuestInsn implements GuestInsn {
  private disassembly: string | undefined;
  constructor(
    readonly pc: number,
    readonly size: number,
    readonly bits: number,
    private readonly disassemble: (bits: number, pc: number) => string,
  ) {}
  get text(): string {
    return (this.disassembly ??= this.disassemble(this.bits, this.pc));
  }
}

/** The result of translating one guest block: the IR plus what the TB cache needs to know. */
export interface TranslatedBlock {
  /** Guest pc of the first instruction. */
  pc: number;
  /** Bytes of guest code covered: [pc, pc + size). */
  size: number;
  insns: GuestInsn[];
  ops: IrOp[];
  temps: Temp[];
  labelCount: number;
  /** Guest pcs this block may continue at that are known at translation time (goto_tb targets). */
  successors: number[];
}

/**
 * The operand list of an op that has none. Shared by every such op (a block has thousands
 * of ops, and an empty array per slot was a good part of what translating allocated);
 * frozen, because IR operand lists are never changed in place.
 */
const NO_TEMPS = Object.freeze([]) as unknown as Temp[];
const NO_CONSTS = Object.freeze([]) as unknown as Const[];

/**
 * Emits IR for one block. Front ends call the typed helpers (add, movi, qemuLd, ...) or
 * the generic emit(); temps come from newTemp(). Temps are typed: the builder checks
 * every op's operand types against the opcode table, so type slips fail at translation time.
 */
export class IrBuilder {
  readonly ops: IrOp[] = [];
  readonly temps: Temp[] = [];
  private labels = 0;
  readonly successors: number[] = [];

  constructor(private readonly helperSig: (id: number) => HelperDef) {}

  newTemp(type: IrType): Temp {
    const t: Temp = { id: this.temps.length, type };
    this.temps.push(t);
    return t;
  }
  newLabel(): number {
    return this.labels++;
  }
  get labelCount(): number {
    return this.labels;
  }

  /** Appends one op after checking its operands against the opcode table. */
  emit(op: Opcode, outs: Temp[], ins: Temp[], consts: Const[] = NO_CONSTS): void {
    const def = OPCODES[op];
    if (def.flags.variadic) {
      const helper = this.helperSig(Number(consts[0]));
      checkTypes(op, 'output', outs, helper.ret ? [helper.ret] : []);
      checkTypes(op, 'input', ins, helper.args);
    } else {
      checkTypes(op, 'output', outs, def.outs);
      checkTypes(op, 'input', ins, def.ins);
    }
    if (consts.length !== def.consts) throw new Error(`IR ${op}: expected ${def.consts} constants, got ${consts.length}`);
    const lanes = def.flags.laneSizes;
    if (lanes !== undefined && !((lanes >> Number(consts[0])) & 1)) throw new Error(`IR ${op}: no lane size ${String(consts[0])}`);
    this.ops.push({ op, outs, ins, consts });
  }

  // --- vectors ---------------------------------------------------------------------

  /** A fresh v128 temp holding 128 constant bits (an unsigned bigint). */
  constV(v: bigint): Temp {
    const t = this.newTemp('v128');
    this.emit('movi_v128', [t], NO_TEMPS, [BigInt.asUintN(128, v)]);
    return t;
  }
  /** out = op(ins...) for a vector op; `consts` start with the lane size where the op has one. */
  vec(op: Opcode, ins: Temp[], consts: Const[] = NO_CONSTS): Temp {
    const t = this.newTemp(OPCODES[op].outs[0]);
    this.emit(op, [t], ins, consts);
    return t;
  }

  // --- conveniences used by every front end ---------------------------------------

  /** A fresh temp holding a constant. */
  const64(v: bigint | number): Temp {
    const t = this.newTemp('i64');
    this.emit('movi_i64', [t], NO_TEMPS, [BigInt.asIntN(64, BigInt(v))]);
    return t;
  }
  const32(v: number): Temp {
    const t = this.newTemp('i32');
    this.emit('movi_i32', [t], NO_TEMPS, [v | 0]);
    return t;
  }
  /** out = op(a, b) for a binary op whose output type equals the inputs'. */
  binary(op: Opcode, a: Temp, b: Temp): Temp {
    const t = this.newTemp(a.type);
    this.emit(op, [t], [a, b]);
    return t;
  }
  unary(op: Opcode, a: Temp): Temp {
    const t = this.newTemp(OPCODES[op].outs[0] ?? a.type);
    this.emit(op, [t], [a]);
    return t;
  }
  setcond(cond: Cond, a: Temp, b: Temp): Temp {
    const t = this.newTemp(a.type);
    this.emit(a.type === 'i64' ? 'setcond_i64' : 'setcond_i32', [t], [a, b], [condIndex(cond)]);
    return t;
  }
  /** i32 0/1 = cond(a, b) on f32/f64 temps (IEEE ordered: false on NaN, except ne). */
  fsetcond(cond: 'eq' | 'ne' | 'lt' | 'ge' | 'le' | 'gt', a: Temp, b: Temp): Temp {
    const t = this.newTemp('i32');
    this.emit(a.type === 'f32' ? 'fsetcond_f32' : 'fsetcond_f64', [t], [a, b], [condIndex(cond)]);
    return t;
  }
  movcond(cond: Cond, c1: Temp, c2: Temp, v1: Temp, v2: Temp): Temp {
    const t = this.newTemp(v1.type);
    this.emit(v1.type === 'i64' ? 'movcond_i64' : 'movcond_i32', [t], [c1, c2, v1, v2], [condIndex(cond)]);
    return t;
  }
  brcond(cond: Cond, a: Temp, b: Temp, label: number): void {
    this.emit(a.type === 'i64' ? 'brcond_i64' : 'brcond_i32', NO_TEMPS, [a, b], [condIndex(cond), label]);
  }
  setLabel(label: number): void {
    this.emit('set_label', NO_TEMPS, NO_TEMPS, [label]);
  }
  ldEnv(type: 'i32' | 'i64' | 'v128', offset: number): Temp {
    const t = this.newTemp(type);
    this.emit(type === 'i64' ? 'ld_env_i64' : type === 'v128' ? 'ld_env_v128' : 'ld_env_i32', [t], NO_TEMPS, [offset]);
    return t;
  }
  stEnv(value: Temp, offset: number): void {
    this.emit(value.type === 'i64' ? 'st_env_i64' : value.type === 'v128' ? 'st_env_v128' : 'st_env_i32', NO_TEMPS, [value], [offset]);
  }
  qemuLd(type: 'i32' | 'i64', addr: Temp, memop: MemOp): Temp {
    const t = this.newTemp(type);
    this.emit(type === 'i64' ? 'qemu_ld_i64' : 'qemu_ld_i32', [t], [addr], [memop]);
    return t;
  }
  qemuSt(value: Temp, addr: Temp, memop: MemOp): void {
    this.emit(value.type === 'i64' ? 'qemu_st_i64' : 'qemu_st_i32', NO_TEMPS, [value, addr], [memop]);
  }
  /** Atomically: out = [addr] (extended as memop says); [addr] = op(out, value). */
  atomicRmw(addr: Temp, value: Temp, memop: MemOp, op: AtomicOp): Temp {
    const t = this.newTemp('i64');
    this.emit('atomic_rmw_i64', [t], [addr, value], [memop, op]);
    return t;
  }
  /** A full memory barrier between guest threads (opcodes.ts mb). */
  mb(): void {
    this.emit('mb', NO_TEMPS, NO_TEMPS, NO_CONSTS);
  }

  /** Atomically: out = [addr]; if it equals expected (in memop's size), [addr] = desired. */
  atomicCmpxchg(addr: Temp, expected: Temp, desired: Temp, memop: MemOp): Temp {
    const t = this.newTemp('i64');
    this.emit('atomic_cmpxchg_i64', [t], [addr, expected, desired], [memop]);
    return t;
  }
  /** Calls helper `id`; returns its result temp, or undefined for a void helper. */
  call(id: number, args: Temp[]): Temp | undefined {
    const ret = this.helperSig(id).ret;
    const out = ret ? [this.newTemp(ret)] : NO_TEMPS;
    this.emit('call', out, args, [id]);
    return out[0];
  }
  /** The env block address of the running CPU (an i32), to pass to helpers. */
  envPtr(): Temp {
    const t = this.newTemp('i32');
    this.emit('env_ptr', [t], NO_TEMPS);
    return t;
  }
  insnStart(pc: number): void {
    this.emit('insn_start', NO_TEMPS, NO_TEMPS, [pc]);
  }
  gotoTb(pc: number): void {
    this.successors.push(pc);
    this.emit('goto_tb', NO_TEMPS, NO_TEMPS, [pc]);
  }
  gotoPtr(pc: Temp): void {
    this.emit('goto_ptr', NO_TEMPS, [pc]);
  }
  exitTb(reason: ExitReason, pc: number): void {
    this.emit('exit_tb', NO_TEMPS, NO_TEMPS, [reason, pc]);
  }
}

export function condIndex(c: Cond): number {
  const i = CONDS_INDEX.get(c);
  if (i === undefined) throw new Error(`bad condition ${c}`);
  return i;
}
import { CONDS } from './opcodes.js';
const CONDS_INDEX = new Map<Cond, number>(CONDS.map((c, i) => [c, i]));

function checkTypes(op: string, what: string, temps: Temp[], want: readonly IrType[]): void {
  if (temps.length !== want.length) throw new Error(`IR ${op}: expected ${want.length} ${what}s, got ${temps.length}`);
  for (let i = 0; i < want.length; i++) {
    if (temps[i].type !== want[i]) throw new Error(`IR ${op}: ${what} ${i} is ${temps[i].type}, expected ${want[i]}`);
  }
}

/** Text form of one op, for `-d op` / `-d op_opt`. */
export function formatOp(o: IrOp): string {
  const t = (x: Temp) => `t${x.id}:${x.type}`;
  const c = o.consts.map((k, i) => {
    if ((o.op.startsWith('setcond') || o.op.startsWith('movcond') || o.op.startsWith('brcond')) && i === 0) return CONDS[Number(k)];
    return typeof k === 'bigint' ? `0x${BigInt.asUintN(64, k).toString(16)}` : `0x${(k >>> 0).toString(16)}`;
  });
  const parts = [...o.ins.map(t), ...c];
  return `${o.outs.length ? o.outs.map(t).join(',') + ' = ' : ''}${o.op} ${parts.join(', ')}`.trimEnd();
}
