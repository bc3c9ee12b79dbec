// What arm64 Linux keeps of a thread's last fault for its signal frames: thread.fault_address
// (sigcontext.fault_address) and thread.fault_code, the syndrome (ESR_EL1), which makes
// every frame carry an esr_context record while it is non-zero. Set as the kernel sets them:
// - a data or instruction abort (arch/arm64/mm/fault.c, set_thread_esr): the untagged
//   address and the ESR the CPU gives for an abort from EL0 taken to EL1 — EC 0x24 (data) or
//   0x20 (instruction), IL set, ISV and ISS[23:14] clear, WnR for a write, and the fault
//   status: translation fault where nothing is mapped (PROT_NONE too: its entries are
//   invalid to the CPU), permission fault where the page has other permissions, alignment
//   fault (0x21); an address above the user range reads as a level-0 translation fault;
// - a PC alignment fault (do_sp_pc_abort → arm64_notify_die): EC 0x22, address 0;
// - an undefined instruction (do_el0_undef → force_signal_inject(..., err 0)): code 0,
//   address 0, so no esr_context;
// - BRK (send_user_sigtrap) changes neither.
// Nothing clears them after delivery: later signals of the thread (raise, timers) carry the
// last fault's record too, and a new thread starts with its creator's (the task is copied).
// Where we cannot know what the CPU would say: the translation table level is always 3 (as
// QEMU's user mode builds its syndromes; Linux's CPU names the level where its walk stopped,
// 3 wherever the last-level table exists), a page with some permission but not the access's
// is a permission fault (a never-touched page has no entry yet: a translation fault), and an
// atomic read-modify-write of an unmapped page reports a write (the CPU: a read).

import { ENV, Excp, ExcpAccess } from '../../tcg/env.js';
import type { ThreadFault } from '../target.js';

/** Exception classes (ESR_ELx.EC, asm/esr.h), for exceptions from EL0. */
const EC = { IABT_LOW: 0x20, PC_ALIGN: 0x22, DABT_LOW: 0x24 } as const;
const EC_SHIFT = 26n;
/** ESR_ELx.IL: a 32-bit instruction (always set for aborts with ISV clear and for PC alignment). */
const IL = 1n << 25n;
/** ESR_ELx.WNR: the data abort was a write. */
const WNR = 1n << 6n;
/** Fault status codes (DFSC / IFSC). */
const FSC = { TRANSLATION_L0: 0x04, TRANSLATION_L3: 0x07, PERMISSION_L3: 0x0f, ALIGNMENT: 0x21 } as const;
/** is_ttbr0_addr: below TASK_SIZE, 48-bit user addresses. */
const TASK_SIZE = 1n << 48n;
const BIT55 = 1n << 55n;
const TAG_MASK = 0xffn << 56n;

/** untagged_addr: bits 63:56 are a tag (TBI) when bit 55 is clear. */
function untagged(addr: bigint): bigint {
  return addr & BIT55 ? addr : addr & ~TAG_MASK;
}

/** set_thread_esr for an abort of class `ec` at addr: outside the user range, a level-0 translation fault. */
function abort(ec: number, fsc: number, write: boolean, addr: bigint): ThreadFault {
  const address = untagged(addr);
  const wnr = ec === EC.DABT_LOW && write ? WNR : 0n;
  const status = address < TASK_SIZE ? fsc : FSC.TRANSLATION_L0;
  return { address, code: (BigInt(ec) << EC_SHIFT) | IL | wnr | BigInt(status) };
}

/** The thread's fault record after the exception in env (SignalFrames.faultRecord), or null to keep it. */
export function a64FaultRecord(dv: DataView, env: number): ThreadFault | null {
  const excp = dv.getInt32(env + ENV.EXCEPTION, true);
  const addr = dv.getBigUint64(env + ENV.EXCEPTION_ADDR, true);
  const access = dv.getInt32(env + ENV.EXCEPTION_ACCESS, true);
  switch (excp) {
    case Excp.SEGV_MAPERR:
    case Excp.SEGV_ACCERR: {
      const fsc = excp === Excp.SEGV_ACCERR ? FSC.PERMISSION_L3 : FSC.TRANSLATION_L3;
      return abort(access === ExcpAccess.exec ? EC.IABT_LOW : EC.DABT_LOW, fsc, access === ExcpAccess.write, addr);
    }
    case Excp.BUS_ADRALN:
      // a misaligned pc is the PC alignment fault of its fetch; else a misaligned access
      if (dv.getBigUint64(env + ENV.PC, true) & 3n) return { address: 0n, code: (BigInt(EC.PC_ALIGN) << EC_SHIFT) | IL };
      return abort(EC.DABT_LOW, FSC.ALIGNMENT, access === ExcpAccess.write, addr);
    case Excp.ILLEGAL_INSN:
      return { address: 0n, code: 0n };
    default:
      return null; // BRK
  }
}
