// RISC-V disassembly for `-d in_asm`, in objdump's style ("addi a0,a0,1", "li a0,5",
// "ret", "beqz a0,10078"). It runs the same generated decoders as the translator with
// handlers that print instead of emitting IR, so the two can never disagree on decoding.
// RVC instructions print as the instruction they expand to, as objdump does.

import { decode32, type Translators as Translators32, type arg_atomic, type arg_b, type arg_csr, type arg_i, type arg_r, type arg_r2, type arg_r2_rm, type arg_r4_rm, type arg_r_rm, type arg_s, type arg_shift } from './decode.generated.js';
import { decode16, type Translators as Translators16 } from './decode16.generated.js';
import { FIELD_FUNCTIONS } from './fields.js';
import { F_NAMES, X_NAMES } from './state.js';

interface DisState {
  readonly pc: number;
  text: string;
}
type Printers = Translators32<DisState> & Translators16<DisState>;

const x = (r: number): string => X_NAMES[r] ?? `x${r}`;
const f = (r: number): string => F_NAMES[r] ?? `f${r}`;
const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;
/** A pc-relative target as objdump prints it: absolute, hex, no prefix. */
const target = (d: DisState, imm: number): string => (d.pc + imm).toString(16);
const RM_NAMES = ['rne', 'rtz', 'rdn', 'rup', 'rmm', 'rm5', 'rm6', 'dyn'] as const;
const RM_DYNAMIC = 7;
const rmSuffix = (rm: number): string => (rm === RM_DYNAMIC ? '' : `,${RM_NAMES[rm]}`);
const CSR_NAMES: Readonly<Record<number, string>> = { 0x001: 'fflags', 0x002: 'frm', 0x003: 'fcsr', 0xc00: 'cycle', 0xc01: 'time', 0xc02: 'instret' };
const csrName = (c: number): string => CSR_NAMES[c] ?? hex(c);

/** Fence predecessor/successor sets: bits I O R W from high to low. */
const FENCE_ALL = 0xf;
const fenceSet = (bits: number): string => ['i', 'o', 'r', 'w'].filter((_c, k) => bits & (8 >> k)).join('') || '0';

/** Sets the text and reports success, so each printer is one expression. */
function put(d: DisState, text: string): boolean {
  d.text = text;
  return true;
}
const tab = (mn: string, ops: string): string => `${mn} ${ops}`;

const r = (mn: string) => (d: DisState, a: arg_r) => put(d, tab(mn, `${x(a.rd)},${x(a.rs1)},${x(a.rs2)}`));
const i = (mn: string) => (d: DisState, a: arg_i) => put(d, tab(mn, `${x(a.rd)},${x(a.rs1)},${a.imm}`));
const sh = (mn: string) => (d: DisState, a: arg_shift) => put(d, tab(mn, `${x(a.rd)},${x(a.rs1)},${hex(a.shamt)}`));
const ld = (mn: string) => (d: DisState, a: arg_i) => put(d, tab(mn, `${x(a.rd)},${a.imm}(${x(a.rs1)})`));
const st = (mn: string) => (d: DisState, a: arg_s) => put(d, tab(mn, `${x(a.rs2)},${a.imm}(${x(a.rs1)})`));
const fld = (mn: string) => (d: DisState, a: arg_i) => put(d, tab(mn, `${f(a.rd)},${a.imm}(${x(a.rs1)})`));
const fst = (mn: string) => (d: DisState, a: arg_s) => put(d, tab(mn, `${f(a.rs2)},${a.imm}(${x(a.rs1)})`));

/** Branches, with objdump's compare-with-zero aliases. */
function br(mn: string, zeroRs2?: string, zeroRs1?: string) {
  return (d: DisState, a: arg_b): boolean => {
    if (zeroRs2 && a.rs2 === 0) return put(d, tab(zeroRs2, `${x(a.rs1)},${target(d, a.imm)}`));
    if (zeroRs1 && a.rs1 === 0) return put(d, tab(zeroRs1, `${x(a.rs2)},${target(d, a.imm)}`));
    return put(d, tab(mn, `${x(a.rs1)},${x(a.rs2)},${target(d, a.imm)}`));
  };
}

function amoSuffix(a: arg_atomic): string {
  return (a.aq ? '.aq' : '') + (a.rl ? (a.aq ? 'rl' : '.rl') : '');
}
const lr = (mn: string) => (d: DisState, a: arg_atomic) => put(d, tab(mn + amoSuffix(a), `${x(a.rd)},(${x(a.rs1)})`));
const amo = (mn: string) => (d: DisState, a: arg_atomic) => put(d, tab(mn + amoSuffix(a), `${x(a.rd)},${x(a.rs2)},(${x(a.rs1)})`));

const fArith = (mn: string) => (d: DisState, a: arg_r_rm) => put(d, tab(mn, `${f(a.rd)},${f(a.rs1)},${f(a.rs2)}${rmSuffix(a.rm)}`));
const fFused = (mn: string) => (d: DisState, a: arg_r4_rm) => put(d, tab(mn, `${f(a.rd)},${f(a.rs1)},${f(a.rs2)},${f(a.rs3)}${rmSuffix(a.rm)}`));
const fUnary = (mn: string) => (d: DisState, a: arg_r2_rm) => put(d, tab(mn, `${f(a.rd)},${f(a.rs1)}${rmSuffix(a.rm)}`));
/** Conversions that are always exact: objdump hides their rm. */
const fWiden = (mn: string) => (d: DisState, a: arg_r2_rm) => put(d, tab(mn, `${f(a.rd)},${f(a.rs1)}`));
const fToX = (mn: string) => (d: DisState, a: arg_r2_rm) => put(d, tab(mn, `${x(a.rd)},${f(a.rs1)}${rmSuffix(a.rm)}`));
const xToF = (mn: string, exact = false) => (d: DisState, a: arg_r2_rm) => put(d, tab(mn, `${f(a.rd)},${x(a.rs1)}${exact ? '' : rmSuffix(a.rm)}`));
const fCmp = (mn: string) => (d: DisState, a: arg_r) => put(d, tab(mn, `${x(a.rd)},${f(a.rs1)},${f(a.rs2)}`));
const fClass = (mn: string) => (d: DisState, a: arg_r2) => put(d, tab(mn, `${x(a.rd)},${f(a.rs1)}`));
const fBin = (mn: string) => (d: DisState, a: arg_r) => put(d, tab(mn, `${f(a.rd)},${f(a.rs1)},${f(a.rs2)}`));
/** fsgnj family: objdump prints fmv/fneg/fabs when both sources are the same register. */
const fSgnj = (mn: string, alias: string) => (d: DisState, a: arg_r) =>
  a.rs1 === a.rs2 ? put(d, tab(alias, `${f(a.rd)},${f(a.rs1)}`)) : fBin(mn)(d, a);

/** CSR instructions with objdump's aliases for the common forms. */
function csr(mn: string, imm: boolean) {
  const FP_ALIAS: Readonly<Record<number, string>> = { 0x001: 'flags', 0x002: 'rm', 0x003: 'csr' };
  const COUNTER: Readonly<Record<number, string>> = { 0xc00: 'rdcycle', 0xc01: 'rdtime', 0xc02: 'rdinstret' };
  return (d: DisState, a: arg_csr): boolean => {
    const src = imm ? String(a.rs1) : x(a.rs1);
    const name = csrName(a.csr);
    if (mn === 'csrrs' && !imm && a.rs1 === 0) {
      if (COUNTER[a.csr]) return put(d, tab(COUNTER[a.csr], x(a.rd)));
      if (FP_ALIAS[a.csr]) return put(d, tab(`fr${FP_ALIAS[a.csr]}`, x(a.rd)));
      return put(d, tab('csrr', `${x(a.rd)},${name}`));
    }
    if (mn === 'csrrw' && FP_ALIAS[a.csr]) {
      return put(d, tab(`fs${FP_ALIAS[a.csr]}`, a.rd === 0 ? src : `${x(a.rd)},${src}`));
    }
    if (a.rd === 0 && mn !== 'csrrw') return put(d, tab(`csr${mn[4]}${imm ? 'i' : ''}`, `${name},${src}`));
    if (a.rd === 0) return put(d, tab(`csrw${imm ? 'i' : ''}`, `${name},${src}`));
    return put(d, tab(mn + (imm ? 'i' : ''), `${x(a.rd)},${name},${src}`));
  };
}

const PRINTERS: Printers = {
  ...FIELD_FUNCTIONS,
  trans_illegal: (d) => put(d, 'illegal'),
  trans_lui: (d, a) => put(d, tab('lui', `${x(a.rd)},${hex((a.imm >>> 12) & 0xfffff)}`)),
  trans_auipc: (d, a) => put(d, tab('auipc', `${x(a.rd)},${hex((a.imm >>> 12) & 0xfffff)}`)),
  trans_jal: (d, a) =>
    a.rd === 0 ? put(d, tab('j', target(d, a.imm))) : a.rd === 1 ? put(d, tab('jal', target(d, a.imm))) : put(d, tab('jal', `${x(a.rd)},${target(d, a.imm)}`)),
  trans_jalr: (d, a) => {
    if (a.imm === 0 && a.rd === 0) return put(d, a.rs1 === 1 ? 'ret' : tab('jr', x(a.rs1)));
    if (a.imm === 0 && a.rd === 1) return put(d, tab('jalr', x(a.rs1)));
    if (a.imm === 0) return put(d, tab('jalr', `${x(a.rd)},${x(a.rs1)}`));
    return put(d, tab('jalr', `${x(a.rd)},${a.imm}(${x(a.rs1)})`));
  },
  trans_beq: br('beq', 'beqz'),
  trans_bne: br('bne', 'bnez'),
  trans_blt: br('blt', 'bltz', 'bgtz'),
  trans_bge: br('bge', 'bgez', 'blez'),
  trans_bltu: br('bltu'),
  trans_bgeu: br('bgeu'),
  trans_lb: ld('lb'), trans_lh: ld('lh'), trans_lw: ld('lw'), trans_ld: ld('ld'),
  trans_lbu: ld('lbu'), trans_lhu: ld('lhu'), trans_lwu: ld('lwu'),
  trans_sb: st('sb'), trans_sh: st('sh'), trans_sw: st('sw'), trans_sd: st('sd'),
  trans_addi: (d, a) => {
    if (a.rd === 0 && a.rs1 === 0 && a.imm === 0) return put(d, 'nop');
    if (a.rs1 === 0) return put(d, tab('li', `${x(a.rd)},${a.imm}`));
    if (a.imm === 0) return put(d, tab('mv', `${x(a.rd)},${x(a.rs1)}`));
    return i('addi')(d, a);
  },
  trans_slti: i('slti'),
  trans_sltiu: (d, a) => (a.imm === 1 ? put(d, tab('seqz', `${x(a.rd)},${x(a.rs1)}`)) : i('sltiu')(d, a)),
  trans_xori: (d, a) => (a.imm === -1 ? put(d, tab('not', `${x(a.rd)},${x(a.rs1)}`)) : i('xori')(d, a)),
  trans_ori: i('ori'),
  trans_andi: i('andi'),
  trans_slli: sh('slli'), trans_srli: sh('srli'), trans_srai: sh('srai'),
  trans_add: (d, a) => (a.rs1 === 0 ? put(d, tab('mv', `${x(a.rd)},${x(a.rs2)}`)) : r('add')(d, a)),
  trans_sub: (d, a) => (a.rs1 === 0 ? put(d, tab('neg', `${x(a.rd)},${x(a.rs2)}`)) : r('sub')(d, a)),
  trans_sll: r('sll'),
  trans_slt: (d, a) =>
    a.rs2 === 0 ? put(d, tab('sltz', `${x(a.rd)},${x(a.rs1)}`)) : a.rs1 === 0 ? put(d, tab('sgtz', `${x(a.rd)},${x(a.rs2)}`)) : r('slt')(d, a),
  trans_sltu: (d, a) => (a.rs1 === 0 ? put(d, tab('snez', `${x(a.rd)},${x(a.rs2)}`)) : r('sltu')(d, a)),
  trans_xor: r('xor'), trans_srl: r('srl'), trans_sra: r('sra'), trans_or: r('or'), trans_and: r('and'),
  trans_addiw: (d, a) => (a.imm === 0 ? put(d, tab('sext.w', `${x(a.rd)},${x(a.rs1)}`)) : i('addiw')(d, a)),
  trans_slliw: sh('slliw'), trans_srliw: sh('srliw'), trans_sraiw: sh('sraiw'),
  trans_addw: r('addw'),
  trans_subw: (d, a) => (a.rs1 === 0 ? put(d, tab('negw', `${x(a.rd)},${x(a.rs2)}`)) : r('subw')(d, a)),
  trans_sllw: r('sllw'), trans_srlw: r('srlw'), trans_sraw: r('sraw'),
  trans_fence: (d, a) => put(d, a.pred === FENCE_ALL && a.succ === FENCE_ALL ? 'fence' : tab('fence', `${fenceSet(a.pred)},${fenceSet(a.succ)}`)),
  trans_fence_i: (d) => put(d, 'fence.i'),
  trans_ecall: (d) => put(d, 'ecall'),
  trans_ebreak: (d) => put(d, 'ebreak'),

  trans_csrrw: csr('csrrw', false), trans_csrrs: csr('csrrs', false), trans_csrrc: csr('csrrc', false),
  trans_csrrwi: csr('csrrw', true), trans_csrrsi: csr('csrrs', true), trans_csrrci: csr('csrrc', true),

  trans_mul: r('mul'), trans_mulh: r('mulh'), trans_mulhsu: r('mulhsu'), trans_mulhu: r('mulhu'),
  trans_div: r('div'), trans_divu: r('divu'), trans_rem: r('rem'), trans_remu: r('remu'),
  trans_mulw: r('mulw'), trans_divw: r('divw'), trans_divuw: r('divuw'), trans_remw: r('remw'), trans_remuw: r('remuw'),

  trans_lr_w: lr('lr.w'), trans_sc_w: amo('sc.w'),
  trans_amoswap_w: amo('amoswap.w'), trans_amoadd_w: amo('amoadd.w'), trans_amoxor_w: amo('amoxor.w'),
  trans_amoand_w: amo('amoand.w'), trans_amoor_w: amo('amoor.w'), trans_amomin_w: amo('amomin.w'),
  trans_amomax_w: amo('amomax.w'), trans_amominu_w: amo('amominu.w'), trans_amomaxu_w: amo('amomaxu.w'),
  trans_lr_d: lr('lr.d'), trans_sc_d: amo('sc.d'),
  trans_amoswap_d: amo('amoswap.d'), trans_amoadd_d: amo('amoadd.d'), trans_amoxor_d: amo('amoxor.d'),
  trans_amoand_d: amo('amoand.d'), trans_amoor_d: amo('amoor.d'), trans_amomin_d: amo('amomin.d'),
  trans_amomax_d: amo('amomax.d'), trans_amominu_d: amo('amominu.d'), trans_amomaxu_d: amo('amomaxu.d'),

  trans_flw: fld('flw'), trans_fsw: fst('fsw'),
  trans_fmadd_s: fFused('fmadd.s'), trans_fmsub_s: fFused('fmsub.s'), trans_fnmsub_s: fFused('fnmsub.s'), trans_fnmadd_s: fFused('fnmadd.s'),
  trans_fadd_s: fArith('fadd.s'), trans_fsub_s: fArith('fsub.s'), trans_fmul_s: fArith('fmul.s'), trans_fdiv_s: fArith('fdiv.s'),
  trans_fsqrt_s: fUnary('fsqrt.s'),
  trans_fsgnj_s: fSgnj('fsgnj.s', 'fmv.s'), trans_fsgnjn_s: fSgnj('fsgnjn.s', 'fneg.s'), trans_fsgnjx_s: fSgnj('fsgnjx.s', 'fabs.s'),
  trans_fmin_s: fBin('fmin.s'), trans_fmax_s: fBin('fmax.s'),
  trans_fcvt_w_s: fToX('fcvt.w.s'), trans_fcvt_wu_s: fToX('fcvt.wu.s'), trans_fcvt_l_s: fToX('fcvt.l.s'), trans_fcvt_lu_s: fToX('fcvt.lu.s'),
  trans_fmv_x_w: (d, a) => put(d, tab('fmv.x.w', `${x(a.rd)},${f(a.rs1)}`)),
  trans_fclass_s: fClass('fclass.s'),
  trans_feq_s: fCmp('feq.s'), trans_flt_s: fCmp('flt.s'), trans_fle_s: fCmp('fle.s'),
  trans_fcvt_s_w: xToF('fcvt.s.w'), trans_fcvt_s_wu: xToF('fcvt.s.wu'), trans_fcvt_s_l: xToF('fcvt.s.l'), trans_fcvt_s_lu: xToF('fcvt.s.lu'),
  trans_fmv_w_x: (d, a) => put(d, tab('fmv.w.x', `${f(a.rd)},${x(a.rs1)}`)),

  trans_fld: fld('fld'), trans_fsd: fst('fsd'),
  trans_fmadd_d: fFused('fmadd.d'), trans_fmsub_d: fFused('fmsub.d'), trans_fnmsub_d: fFused('fnmsub.d'), trans_fnmadd_d: fFused('fnmadd.d'),
  trans_fadd_d: fArith('fadd.d'), trans_fsub_d: fArith('fsub.d'), trans_fmul_d: fArith('fmul.d'), trans_fdiv_d: fArith('fdiv.d'),
  trans_fsqrt_d: fUnary('fsqrt.d'),
  trans_fsgnj_d: fSgnj('fsgnj.d', 'fmv.d'), trans_fsgnjn_d: fSgnj('fsgnjn.d', 'fneg.d'), trans_fsgnjx_d: fSgnj('fsgnjx.d', 'fabs.d'),
  trans_fmin_d: fBin('fmin.d'), trans_fmax_d: fBin('fmax.d'),
  trans_fcvt_s_d: fUnary('fcvt.s.d'), trans_fcvt_d_s: fWiden('fcvt.d.s'),
  trans_feq_d: fCmp('feq.d'), trans_flt_d: fCmp('flt.d'), trans_fle_d: fCmp('fle.d'),
  trans_fclass_d: fClass('fclass.d'),
  trans_fcvt_w_d: fToX('fcvt.w.d'), trans_fcvt_wu_d: fToX('fcvt.wu.d'), trans_fcvt_l_d: fToX('fcvt.l.d'), trans_fcvt_lu_d: fToX('fcvt.lu.d'),
  trans_fcvt_d_w: xToF('fcvt.d.w', true), trans_fcvt_d_wu: xToF('fcvt.d.wu', true), trans_fcvt_d_l: xToF('fcvt.d.l'), trans_fcvt_d_lu: xToF('fcvt.d.lu'),
  trans_fmv_x_d: (d, a) => put(d, tab('fmv.x.d', `${x(a.rd)},${f(a.rs1)}`)),
  trans_fmv_d_x: (d, a) => put(d, tab('fmv.d.x', `${f(a.rd)},${x(a.rs1)}`)),
};

/** Low two bits of a 16-bit parcel that mark a 32-bit instruction. */
const LONG_INSN_BITS = 3;

/** Disassembles one instruction (16 or 32 bits, as its low bits say) at pc. */
export function disassemble(bits: number, pc: number): string {
  const d: DisState = { pc, text: '' };
  const long = (bits & LONG_INSN_BITS) === LONG_INSN_BITS;
  const ok = long ? decode32(bits >>> 0, PRINTERS, d) : decode16(bits & 0xffff, PRINTERS, d);
  if (ok && d.text !== 'illegal') return d.text;
  return long ? `.4byte ${hex(bits)}` : `.2byte ${hex(bits & 0xffff)}`;
}
