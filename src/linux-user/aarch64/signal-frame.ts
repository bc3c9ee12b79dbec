// The arm64 Linux signal frame (arch/arm64/kernel/signal.c, uapi asm/sigcontext.h):
// struct rt_sigframe { siginfo_t info; struct ucontext uc; }, 4688 bytes, with a frame
// record {fp, lr} above it for unwinders. uc_mcontext is struct sigcontext: fault_address,
// x0..x30, sp, pc, pstate (NZCV here), then __reserved holding records: fpsimd_context
// (FPSR, FPCR, v0..v31) and the terminating empty record (no esr_context for faults yet:
// the translator keeps no syndrome). x1 and
// x2 point at the siginfo and the ucontext for SA_SIGINFO handlers. The handler returns to
// sa_restorer when SA_RESTORER gave one, else to a trampoline making the rt_sigreturn call,
// as the vDSO's sigtramp does. rt_sigreturn takes the registers back, FP state included.

import { GuestFault, type GuestMemory } from '../../memory/guest-memory.js';
import { A64, vOffset, xOffset } from '../../cpu/aarch64/state.js';
import { ENV } from '../../tcg/env.js';
import { SIGFRAME, getSigframeHead, putSigframeHead } from '../generic/structs.js';
import type { SignalFrames } from '../target.js';

const FRAME_SIZE = 4688;
const UC = SIGFRAME.UC;
const SC = SIGFRAME.MCONTEXT;
const SC_FAULT_ADDRESS = SC;
const SC_REGS = SC + 8;
const SC_SP = SC + 8 + 31 * 8;
const SC_PC = SC_SP + 8;
const SC_PSTATE = SC_PC + 8;
/** __reserved, 16-byte aligned: the context records. */
const RESERVED = SC + 288;
const FPSIMD_MAGIC = 0x46508001;
const FPSIMD_SIZE = 528;
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

export const aarch64SignalFrames: SignalFrames = {
  // mov x8, #139 (__NR_rt_sigreturn); svc #0
  trampoline: new Uint8Array(new Uint32Array([0xd2801168, 0xd4000001]).buffer),

  stackPointer: (regs, env) => u64(regs, env + A64.SP),

  setup(mem: GuestMemory, env: number, req) {
    const regs = mem.dv;
    const record = BigInt.asUintN(64, (req.sp - 16n) & ~15n);
    const frameAt = record - BigInt(FRAME_SIZE);
    const buf = new Uint8Array(FRAME_SIZE + 16);
    const dv = new DataView(buf.buffer);
    putSigframeHead(buf, req.info, req.stack, req.mask);
    dv.setBigUint64(SC_FAULT_ADDRESS, req.fault?.addr ?? 0n, true);
    for (let r = 0; r < 31; r++) dv.setBigUint64(SC_REGS + r * 8, u64(regs, env + xOffset(r)), true);
    dv.setBigUint64(SC_SP, u64(regs, env + A64.SP), true);
    dv.setBigUint64(SC_PC, u64(regs, env + ENV.PC), true);
    dv.setBigUint64(SC_PSTATE, packNzcv(regs, env), true);
    dv.setUint32(RESERVED, FPSIMD_MAGIC, true);
    dv.setUint32(RESERVED + 4, FPSIMD_SIZE, true);
    dv.setUint32(RESERVED + 8, regs.getUint32(env + A64.FPSR, true), true);
    dv.setUint32(RESERVED + 12, regs.getUint32(env + A64.FPCR, true), true);
    buf.set(mem.u8.subarray(env + vOffset(0), env + vOffset(32)), RESERVED + 16);
    // the terminating record {0, 0} after it is already zero; the frame record {fp, lr} sits above the frame
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
    if (dv.getUint32(RESERVED, true) !== FPSIMD_MAGIC || dv.getUint32(RESERVED + 4, true) !== FPSIMD_SIZE) {
      throw new GuestFault(frameAt, 'read', true); // a frame without its FP record: badframe
    }
    for (let r = 0; r < 31; r++) regs.setBigUint64(env + xOffset(r), u64(dv, SC_REGS + r * 8), true);
    regs.setBigUint64(env + A64.SP, u64(dv, SC_SP), true);
    regs.setBigUint64(env + ENV.PC, u64(dv, SC_PC), true);
    unpackNzcv(regs, env, u64(dv, SC_PSTATE));
    regs.setUint32(env + A64.FPSR, dv.getUint32(RESERVED + 8, true), true);
    regs.setUint32(env + A64.FPCR, dv.getUint32(RESERVED + 12, true), true);
    mem.u8.set(buf.subarray(RESERVED + 16, RESERVED + 16 + 32 * 16), env + vOffset(0));
    return getSigframeHead(buf);
  },
};
