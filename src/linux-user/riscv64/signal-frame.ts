// The riscv64 Linux signal frame (arch/riscv/kernel/signal.c, uapi asm/sigcontext.h and
// asm/ucontext.h): struct rt_sigframe { siginfo_t info; struct ucontext uc; }, 1088 bytes,
// 16-byte aligned below the stack pointer. uc_mcontext is struct sigcontext: the pc and
// x1..x31 (user_regs_struct), then the FP state as __riscv_d_ext_state (f0..f31 and fcsr)
// inside the 528 bytes of the quad layout, whose tail the kernel zeroes (it doubles as the
// end marker of the extension records). The handler returns to a trampoline that makes
// the rt_sigreturn call, as the vDSO's __vdso_rt_sigreturn does.

import { GuestFault, type GuestMemory } from '../../memory/guest-memory.js';
import { RV, fOffset, xOffset } from '../../cpu/riscv/state.js';
import { ENV } from '../../tcg/env.js';
import { SIGFRAME, getSigframeHead, putSigframeHead } from '../generic/structs.js';
import type { SignalFrames } from '../target.js';

const FRAME_SIZE = 1088;
const UC = SIGFRAME.UC;
const MCONTEXT = SIGFRAME.MCONTEXT;
const FP = MCONTEXT + 32 * 8;
const FCSR = FP + 32 * 8;
const REG = { RA: 1, SP: 2, A0: 10, A1: 11, A2: 12 } as const;

const u64 = (dv: DataView, at: number): bigint => dv.getBigUint64(at, true);

export const riscv64SignalFrames: SignalFrames = {
  // li a7, 139 (__NR_rt_sigreturn); ecall
  trampoline: new Uint8Array(new Uint32Array([0x08b00893, 0x00000073]).buffer),

  stackPointer: (regs, env) => u64(regs, env + xOffset(REG.SP)),

  setup(mem: GuestMemory, env: number, req) {
    const regs = mem.dv;
    const frameAt = BigInt.asUintN(64, (req.sp - BigInt(FRAME_SIZE)) & ~15n);
    const buf = new Uint8Array(FRAME_SIZE);
    const dv = new DataView(buf.buffer);
    putSigframeHead(buf, req.info, req.stack, req.mask);
    dv.setBigUint64(MCONTEXT, u64(regs, env + ENV.PC), true);
    for (let r = 1; r < 32; r++) dv.setBigUint64(MCONTEXT + r * 8, u64(regs, env + xOffset(r)), true);
    for (let r = 0; r < 32; r++) dv.setBigUint64(FP + r * 8, u64(regs, env + fOffset(r)), true);
    dv.setUint32(FCSR, (regs.getInt32(env + RV.FRM, true) << 5) | regs.getInt32(env + RV.FFLAGS, true), true);
    if (!mem.writeBytes(frameAt, buf)) throw new GuestFault(frameAt, 'write', mem.canAccess(frameAt, 1, 'read'));
    regs.setBigUint64(env + ENV.PC, req.handler, true);
    regs.setBigUint64(env + xOffset(REG.RA), req.returnTo, true);
    regs.setBigUint64(env + xOffset(REG.SP), frameAt, true);
    regs.setBigUint64(env + xOffset(REG.A0), BigInt(req.sig), true);
    regs.setBigUint64(env + xOffset(REG.A1), frameAt, true);
    regs.setBigUint64(env + xOffset(REG.A2), frameAt + BigInt(UC), true);
  },

  restore(mem: GuestMemory, env: number) {
    const regs = mem.dv;
    const frameAt = u64(regs, env + xOffset(REG.SP));
    const buf = mem.readBytes(frameAt, FRAME_SIZE);
    if (!buf) throw new GuestFault(frameAt, 'read', false);
    const dv = new DataView(buf.buffer);
    regs.setBigUint64(env + ENV.PC, u64(dv, MCONTEXT), true);
    for (let r = 1; r < 32; r++) regs.setBigUint64(env + xOffset(r), u64(dv, MCONTEXT + r * 8), true);
    for (let r = 0; r < 32; r++) regs.setBigUint64(env + fOffset(r), u64(dv, FP + r * 8), true);
    const fcsr = dv.getUint32(FCSR, true);
    regs.setInt32(env + RV.FFLAGS, fcsr & 0x1f, true);
    regs.setInt32(env + RV.FRM, (fcsr >>> 5) & 7, true);
    return getSigframeHead(buf);
  },
};
