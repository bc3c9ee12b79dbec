// The arm64 Linux signal frame (arch/arm64/kernel/signal.c, uapi asm/sigcontext.h):
// struct rt_sigframe { siginfo_t info; struct ucontext uc; }, 4688 bytes, with a frame
// record {fp, lr} above it for unwinders. uc_mcontext is struct sigcontext: fault_address,
// x0..x30, sp, pc, pstate (NZCV here), then __reserved holding records: fpsimd_context
// (FPSR, FPCR, v0..v31), an esr_context (the syndrome) while the thread's last fault left a
// non-zero one, and the terminating empty record. fault_address and the syndrome are the
// thread's (fault-record.ts: kept from its last fault, in every frame, as Linux does). x1 and
// x2 point at the siginfo and the ucontext for SA_SIGINFO handlers. The handler returns to
// sa_restorer when SA_RESTORER gave one, else to a trampoline making the rt_sigreturn call,
// as the vDSO's sigtramp does. rt_sigreturn takes the registers back, FP state included,
// after walking the records as parse_user_sigframe does: esr_context records are skipped, an
// extra_context is followed, and a frame without exactly one fpsimd_context of its size, with
// a record we would not write (SVE, ZA, ...: features we lack) or an unknown one, or
// misaligned or overrunning records, is a bad frame (SIGSEGV).

import { GuestFault, type GuestMemory } from '../../memory/guest-memory.js';
import { A64, vOffset, xOffset } from '../../cpu/aarch64/state.js';
import { ENV } from '../../tcg/env.js';
import { SIGFRAME, getSigframeHead, putSigframeHead } from '../generic/structs.js';
import type { SignalFrames } from '../target.js';
import { a64FaultRecord } from './fault-record.js';

const FRAME_SIZE = 4688;
const UC = SIGFRAME.UC;
const SC = SIGFRAME.MCONTEXT;
const SC_FAULT_ADDRESS = SC;
const SC_REGS = SC + 8;
const SC_SP = SC + 8 + 31 * 8;
const SC_PC = SC_SP + 8;
const SC_PSTATE = SC_PC + 8;
/** __reserved, 16-byte aligned: the context records (struct _aarch64_ctx {magic, size} each). */
const RESERVED = SC + 288;
const RESERVED_SIZE = 4096;
const FPSIMD_MAGIC = 0x46508001;
const FPSIMD_SIZE = 528;
const ESR_MAGIC = 0x45535201;
const ESR_SIZE = 16;
const EXTRA_MAGIC = 0x45585401;
/** sizeof(struct extra_context): head, datap, size, padding. */
const EXTRA_SIZE = 32;
const TERMINATOR_SIZE = 16;
/** SIGFRAME_MAXSZ: how far past the frame an extra_context's space may reach. */
const SIGFRAME_MAXSZ = 256n << 10n;
const REG = { FP: 29, LR: 30 } as const;

const u64 = (dv: DataView, at: number): bigint => dv.getBigUint64(at, true);
const bit63 = (v: bigint): bigint => (v >> 63n) & 1n;

/** PSTATE's NZCV from the flags as the translator keeps them (state.ts). */
function packNzcv(regs: DataView, env: number): bigint {
  const n = bit63(u64(regs, env + A64.NF));
  const z = u64(regs, env + A64.ZF) === 0n ? 1n : 0n;
  const c = u64(regs, env + A64.CF) & 1n;
  const v = bit63(u64(regs, env + A64.VF));
  return (n << 31n) | (z << 30n) | (c << 29n) | (v << 28n);
}

function unpackNzcv(regs: DataView, env: number, pstate: bigint): void {
  regs.setBigInt64(env + A64.NF, pstate & (1n << 31n) ? -1n : 0n, true);
  regs.setBigUint64(env + A64.ZF, pstate & (1n << 30n) ? 0n : 1n, true);
  regs.setBigUint64(env + A64.CF, (pstate >> 29n) & 1n, true);
  regs.setBigUint64(env + A64.VF, pstate & (1n << 28n) ? 1n << 63n : 0n, true);
}

/**
 * parse_user_sigframe then restore_fpsimd_context's check: the fpsimd_context record of the
 * frame at frameAt (buf: its bytes), walking __reserved and an extra_context's space; throws
 * GuestFault (a bad frame) where Linux refuses the frame.
 */
function fpsimdRecord(mem: GuestMemory, buf: Uint8Array, frameAt: bigint): Uint8Array {
  const bad = (): never => {
    throw new GuestFault(frameAt, 'read', true);
  };
  let bytes = buf.subarray(RESERVED, RESERVED + RESERVED_SIZE);
  let base = frameAt + BigInt(RESERVED);
  let offset = 0;
  let limit = RESERVED_SIZE;
  let extra = false;
  let fpsimd: Uint8Array | null = null;
  for (;;) {
    if (limit - offset < 8 || offset & 15) bad();
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = dv.getUint32(offset, true);
    const size = dv.getUint32(offset + 4, true);
    if (limit - offset < size) bad();
    if (magic === 0) {
      if (size !== 0) bad();
      break;
    }
    if (magic === EXTRA_MAGIC) {
      // its space follows the terminator that must come after it, and holds the rest of the records
      if (extra || size < EXTRA_SIZE || limit - offset - size < TERMINATOR_SIZE) bad();
      const datap = dv.getBigUint64(offset + 8, true);
      const extraSize = dv.getUint32(offset + 16, true);
      if (dv.getUint32(offset + size, true) !== 0 || dv.getUint32(offset + size + 4, true) !== 0) bad();
      const after = base + BigInt(offset + size + TERMINATOR_SIZE);
      if (datap & 15n || extraSize & 15 || datap !== after || BigInt(extraSize) > frameAt + SIGFRAME_MAXSZ - after) bad();
      extra = true;
      bytes = mem.readBytes(datap, extraSize) ?? bad();
      base = datap;
      offset = 0;
      limit = extraSize;
      continue;
    }
    if (magic === FPSIMD_MAGIC) {
      if (fpsimd) bad();
      fpsimd = bytes.subarray(offset, offset + size);
    } else if (magic !== ESR_MAGIC) {
      bad(); // SVE, TPIDR2, ZA, ZT, FPMR (features we lack) or unknown
    }
    if (size < 8) bad();
    offset += size;
  }
  if (fpsimd?.length !== FPSIMD_SIZE) bad();
  return fpsimd!;
}

export const aarch64SignalFrames: SignalFrames = {
  // mov x8, #139 (__NR_rt_sigreturn); svc #0
  trampoline: new Uint8Array(new Uint32Array([0xd2801168, 0xd4000001]).buffer),

  stackPointer: (regs, env) => u64(regs, env + A64.SP),

  faultRecord: a64FaultRecord,

  setup(mem: GuestMemory, env: number, req) {
    const regs = mem.dv;
    const record = BigInt.asUintN(64, (req.sp - 16n) & ~15n);
    const frameAt = record - BigInt(FRAME_SIZE);
    const buf = new Uint8Array(FRAME_SIZE + 16);
    const dv = new DataView(buf.buffer);
    putSigframeHead(buf, req.info, req.stack, req.mask);
    dv.setBigUint64(SC_FAULT_ADDRESS, req.fault.address, true);
    for (let r = 0; r < 31; r++) dv.setBigUint64(SC_REGS + r * 8, u64(regs, env + xOffset(r)), true);
    dv.setBigUint64(SC_SP, u64(regs, env + A64.SP), true);
    dv.setBigUint64(SC_PC, u64(regs, env + ENV.PC), true);
    dv.setBigUint64(SC_PSTATE, packNzcv(regs, env), true);
    dv.setUint32(RESERVED, FPSIMD_MAGIC, true);
    dv.setUint32(RESERVED + 4, FPSIMD_SIZE, true);
    dv.setUint32(RESERVED + 8, regs.getUint32(env + A64.FPSR, true), true);
    dv.setUint32(RESERVED + 12, regs.getUint32(env + A64.FPCR, true), true);
    buf.set(mem.u8.subarray(env + vOffset(0), env + vOffset(32)), RESERVED + 16);
    if (req.fault.code !== 0n) {
      const esr = RESERVED + FPSIMD_SIZE;
      dv.setUint32(esr, ESR_MAGIC, true);
      dv.setUint32(esr + 4, ESR_SIZE, true);
      dv.setBigUint64(esr + 8, req.fault.code, true);
    }
    // the terminating record {0, 0} after them is already zero; the frame record {fp, lr} sits above the frame
    dv.setBigUint64(FRAME_SIZE, u64(regs, env + xOffset(REG.FP)), true);
    dv.setBigUint64(FRAME_SIZE + 8, u64(regs, env + xOffset(REG.LR)), true);
    if (!mem.writeBytes(frameAt, buf)) throw new GuestFault(frameAt, 'write', mem.canAccess(frameAt, 1, 'read'));
    regs.setBigUint64(env + xOffset(0), BigInt(req.sig), true);
    if (req.siginfo) {
      regs.setBigUint64(env + xOffset(1), frameAt, true);
      regs.setBigUint64(env + xOffset(2), frameAt + BigInt(UC), true);
    }
    regs.setBigUint64(env + A64.SP, frameAt, true);
    regs.setBigUint64(env + xOffset(REG.FP), record, true);
    regs.setBigUint64(env + xOffset(REG.LR), req.returnTo, true);
    regs.setBigUint64(env + ENV.PC, req.handler, true);
  },

  restore(mem: GuestMemory, env: number) {
    const regs = mem.dv;
    const frameAt = u64(regs, env + A64.SP);
    const buf = frameAt & 15n ? null : mem.readBytes(frameAt, FRAME_SIZE);
    if (!buf) throw new GuestFault(frameAt, 'read', false);
    const dv = new DataView(buf.buffer);
    const fpsimd = fpsimdRecord(mem, buf, frameAt);
    const fp = new DataView(fpsimd.buffer, fpsimd.byteOffset, FPSIMD_SIZE);
    for (let r = 0; r < 31; r++) regs.setBigUint64(env + xOffset(r), u64(dv, SC_REGS + r * 8), true);
    regs.setBigUint64(env + A64.SP, u64(dv, SC_SP), true);
    regs.setBigUint64(env + ENV.PC, u64(dv, SC_PC), true);
    unpackNzcv(regs, env, u64(dv, SC_PSTATE));
    regs.setUint32(env + A64.FPSR, fp.getUint32(8, true), true);
    regs.setUint32(env + A64.FPCR, fp.getUint32(12, true), true);
    mem.u8.set(fpsimd.subarray(16, 16 + 32 * 16), env + vOffset(0));
    return getSigframeHead(buf);
  },
};
