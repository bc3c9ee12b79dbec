// Signal syscalls: rt_sigaction, rt_sigprocmask and sigaltstack keep the guest's
// settings; kill/tgkill/tkill to ourselves go through signal-delivery.ts (the default
// action at once, a handler on the way back to guest code, a blocked signal pending with
// its siginfo until unblocked or taken by rt_sigtimedwait); rt_sigreturn leaves a handler.
// Other pids are signalled on the host.

import { E } from '../errno.js';
import {
  CLOCK, NSIG, SIG, SIG_HANDLER, SIGPROCMASK, SS,
} from '../generic/constants.js';
import {
  SI, SIGINFO_SIZE, STACK_T_SIZE, TIMESPEC_SIZE, decodeSigaction, decodeStackT, decodeTimespec, encodeSigaction, encodeSiginfo,
  encodeStackT, sigactionSize, type KSigaction,
} from '../generic/structs.js';
import { sleepMs } from '../vfs/host.js';
import { clockNow, sleepUntil } from './time.js';
import type { LinuxProcess } from '../process.js';
import type { LinuxThread } from '../thread.js';
import { WouldBlock } from '../guest-exit.js';
import { nowMs } from '../../host-lazy.js';
import { ENV } from '../../tcg/env.js';
import {
  UNBLOCKABLE, deliverPending, dequeue, handlerSignalReady, ignored, queueSelf, returnFromHandler, signalSelf,
} from '../signal-delivery.js';
import { readGuest, readU64, u64s, writeGuest, type SyscallArgs } from './args.js';
import { processesIn, processGroupOf } from './session.js';
import { isSpare } from '../spare.js';

type A = SyscallArgs;

/** The kernel's sigset_t for asm-generic 64-bit: one 64-bit word. */
const SIGSET_SIZE = 8;
const validSig = (sig: number): boolean => sig >= 1 && sig <= NSIG;

export function sysRtSigaction(p: LinuxProcess, a: A): number {
  const sig = a.int(0);
  if (a.size(3) !== SIGSET_SIZE || !validSig(sig)) return -E.EINVAL;
  if (a.big(1) && (sig === SIG.SIGKILL || sig === SIG.SIGSTOP)) return -E.EINVAL;
  const restorer = p.abi.saRestorer;
  const next: KSigaction | undefined = a.big(1) ? decodeSigaction(readGuest(p, a.big(1), sigactionSize(restorer)), restorer) : undefined;
  if (a.big(2)) {
    const old = p.sigactions.get(sig) ?? { handler: SIG_HANDLER.DFL, flags: 0n, restorer: 0n, mask: 0n };
    writeGuest(p, a.big(2), encodeSigaction(old, restorer));
  }
  if (next) {
    next.mask &= ~UNBLOCKABLE;
    p.sigactions.set(sig, next);
    // the host's action for it follows: default, dropped, or passed on to the guest
    p.hostSignals?.guestAction(sig, next.handler);
    if (ignored(p, sig)) {
      // POSIX: setting "ignore" discards a pending one
      p.thread.pending.discard(sig);
      p.sharedPending.discard(sig);
    }
  }
  return 0;
}

export function sysRtSigprocmask(p: LinuxProcess, a: A): number {
  const how = a.int(0);
  if (a.size(3) !== SIGSET_SIZE) return -E.EINVAL;
  let next: bigint | undefined;
  if (a.big(1)) {
    const set = readU64(p, a.big(1));
    if (how === SIGPROCMASK.SIG_BLOCK) next = p.thread.sigmask | set;
    else if (how === SIGPROCMASK.SIG_UNBLOCK) next = p.thread.sigmask & ~set;
    else if (how === SIGPROCMASK.SIG_SETMASK) next = set;
    else return -E.EINVAL;
  }
  if (a.big(2)) {
    writeGuest(p, a.big(2), u64s([p.thread.sigmask]));
  }
  if (next !== undefined) {
    p.thread.sigmask = next & ~UNBLOCKABLE;
    p.hostSignals?.follow(p.thread.sigmask); // a blocked host signal waits for the guest
    deliverPending(p);
  }
  return 0;
}

/**
 * rt_sigpending: the signals pending for the thread or the process that it blocks (an
 * unblocked one would have been acted on); a set shorter than the kernel's is allowed
 * and gets that many bytes.
 */
export function sysRtSigpending(p: LinuxProcess, a: A): number {
  const size = a.size(1);
  if (size > SIGSET_SIZE) return -E.EINVAL;
  writeGuest(p, a.big(0), u64s([(p.thread.pending.mask | p.sharedPending.mask) & p.thread.sigmask]).subarray(0, size));
  return 0;
}

/**
 * rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal of `set` (SIGKILL
 * and SIGSTOP never), filling *info, and returns its number. With none pending it waits for
 * one (another thread's, a timer's) until the timeout (none: for ever), then answers EAGAIN;
 * a signal it does not wait for, with a handler, ends the wait (EINTR).
 */
export function sysRtSigtimedwait(p: LinuxProcess, a: A): number {
  if (a.size(3) !== SIGSET_SIZE) return -E.EINVAL;
  const set = readU64(p, a.big(0)) & ~UNBLOCKABLE;
  let timeoutNs: bigint | null = null;
  if (a.big(2)) {
    const { sec, nsec } = decodeTimespec(readGuest(p, a.big(2), TIMESPEC_SIZE));
    if (sec < 0n || nsec < 0n || nsec >= 1_000_000_000n) return -E.EINVAL;
    timeoutNs = sec * 1_000_000_000n + nsec;
  }
  const deadline = timeoutNs === null ? null : (clockNow(CLOCK.MONOTONIC) ?? 0n) + timeoutNs;
  const w = p.waits;
  for (;;) {
    const seen = w.control.wakeSeen();
    const signalsSeen = p.thread.control?.signalsSent() ?? 0;
    const info = dequeue(p, set);
    if (info) {
      if (a.big(1)) writeGuest(p, a.big(1), encodeSiginfo(info));
      return info.signo;
    }
    const now = clockNow(CLOCK.MONOTONIC) ?? 0n;
    if (deadline !== null && now >= deadline) return -E.EAGAIN;
    if (w.interrupted()) return -E.EINTR;
    if (p.thread.cpu !== 0) {
      // a thread on a worker waits there (for a signal or its deadline) and calls again
      if (p.thread.waitExpired) return -E.EAGAIN;
      throw new WouldBlock(-1, 0, deadline === null ? null : nowMs() + Number(deadline - now) / 1e6, signalsSeen);
    }
    w.sleep(seen, deadline === null ? Infinity : Number(deadline - now) / 1e6);
  }
}

/**
 * rt_sigreturn: back from a handler, to the registers its frame holds. The CPU loop moves
 * the pc past the system call instruction once a call returns, so the pc is left one
 * instruction early; the result is the restored first argument register, written back as it is.
 */
export function sysRtSigreturn(p: LinuxProcess, a: A): bigint {
  // a frame it cannot read: rt_sigreturn answers 0, with SIGSEGV on its way
  if (!returnFromHandler(p)) return 0n;
  const pcAt = p.thread.env + ENV.PC;
  const pc = p.mem.dv.getBigUint64(pcAt, true);
  p.mem.dv.setBigUint64(pcAt, BigInt.asUintN(64, pc - BigInt(p.signals!.syscallInsnLength)), true);
  return a.big(0);
}

/**
 * rt_sigsuspend: waits for a signal with the given mask in place of the thread's. A pending
 * one it unblocks is acted on at once (its handler entered on the way out, the frame keeping
 * the caller's mask) and the call answers EINTR; with none, it waits for a signal from
 * another thread, a timer, or the host (host/host-signals.ts).
 */
export function sysRtSigsuspend(p: LinuxProcess, a: A): number {
  if (a.size(1) !== SIGSET_SIZE) return -E.EINVAL;
  const set = readU64(p, a.big(0));
  const t = p.thread;
  t.savedMask = t.sigmask;
  t.sigmask = set & ~UNBLOCKABLE;
  p.hostSignals?.follow(t.sigmask);
  deliverPending(p);
  if (handlerSignalReady(p)) return -E.EINTR;
  try {
    for (;;) sleepMs(60_000);
  } catch (e) {
    // a thread on a worker waits there and calls again: with its own mask back meanwhile
    if (e instanceof WouldBlock) {
      t.sigmask = t.savedMask;
      t.savedMask = null;
    }
    throw e;
  }
}

/** Thread `tid` of our process, or undefined. */
function threadOf(p: LinuxProcess, tid: number): LinuxThread | undefined {
  return tid === p.thread.tid ? p.thread : p.threads?.byTid(tid);
}

/** rt_sigqueueinfo / rt_tgsigqueueinfo: a signal with the caller's siginfo; to ourselves only. */
function queueInfo(p: LinuxProcess, tgid: number, tid: number | null, sig: number, infoAt: bigint): number {
  if (sig !== 0 && !validSig(sig)) return -E.EINVAL;
  const info = readGuest(p, infoAt, SIGINFO_SIZE);
  const code = new DataView(info.buffer, info.byteOffset).getInt32(8, true);
  const thread = tid === null ? null : (threadOf(p, tid) ?? null);
  if (tgid === p.pid && tid !== null && !thread) return -E.ESRCH;
  const self = tgid === p.pid;
  // Another process may only be sent what a process could send: si_code < 0, and not SI_TKILL.
  if (!self && (code >= 0 || code === SI.TKILL)) return -E.EPERM;
  if (!self) {
    p.logUnimp?.(`rt_sigqueueinfo to another process (${tgid})`);
    return -E.ENOSYS;
  }
  return sig === 0 ? 0 : queueSelf(p, sig, info, thread);
}

export function sysRtSigqueueinfo(p: LinuxProcess, a: A): number {
  return queueInfo(p, a.int(0), null, a.int(1), a.big(2));
}

export function sysRtTgsigqueueinfo(p: LinuxProcess, a: A): number {
  if (a.int(0) <= 0 || a.int(1) <= 0) return -E.EINVAL;
  return queueInfo(p, a.int(0), a.int(1), a.int(2), a.big(3));
}

export function sysSigaltstack(p: LinuxProcess, a: A): number {
  const next = a.big(0) ? decodeStackT(readGuest(p, a.big(0), STACK_T_SIZE)) : undefined;
  if (a.big(1)) writeGuest(p, a.big(1), encodeStackT(p.thread.altstack));
  if (next) {
    const mode = next.flags & ~SS.AUTODISARM;
    if (mode !== 0 && mode !== SS.ONSTACK && mode !== SS.DISABLE) return -E.EINVAL;
    if (mode === SS.DISABLE) p.thread.altstack = { sp: 0n, flags: SS.DISABLE, size: 0n };
    else if (next.size < BigInt(p.abi.minSigStkSz)) return -E.ENOMEM;
    else p.thread.altstack = { sp: next.sp, flags: next.flags & SS.AUTODISARM, size: next.size };
  }
  return 0;
}

export function sysKill(p: LinuxProcess, a: A): number {
  const pid = a.int(0);
  const sig = a.int(1);
  if (sig !== 0 && !validSig(sig)) return -E.EINVAL;
  if (pid === p.pid) return signalSelf(p, sig, SI.USER);
  // Guest and host signal numbers agree (asm-generic numbering = x86 and arm64 hosts), and
  // other guest processes are host processes.
  if (pid > 0) {
    process.kill(pid, sig);
    return 0;
  }
  // A process group (0: ours), or every process but init and the caller (-1): the others
  // on the host, then this one, whose handler runs before kill returns, as on Linux.
  const members = processesIn(pid === -1 ? null : pid === 0 ? processGroupOf(p.pid) : -pid);
  let sent = 0;
  let failed: unknown;
  for (const member of members) {
    if (member === p.pid || isSpare(p, member)) continue; // a spare emulator is not the guest's
    try {
      process.kill(member, sig);
      sent++;
    } catch (e) {
      failed = e;
    }
  }
  if (pid !== -1 && members.includes(p.pid)) return signalSelf(p, sig, SI.USER);
  if (sent > 0) return 0;
  if (failed) throw failed;
  return -E.ESRCH;
}

export function sysTgkill(p: LinuxProcess, a: A): number {
  const tgid = a.int(0);
  const tid = a.int(1);
  const sig = a.int(2);
  if (tgid <= 0 || tid <= 0 || (sig !== 0 && !validSig(sig))) return -E.EINVAL;
  const thread = threadOf(p, tid);
  if (tgid === p.pid && thread) return signalSelf(p, sig, SI.TKILL, thread);
  return -E.ESRCH;
}

export function sysTkill(p: LinuxProcess, a: A): number {
  const tid = a.int(0);
  const sig = a.int(1);
  if (tid <= 0 || (sig !== 0 && !validSig(sig))) return -E.EINVAL;
  const thread = threadOf(p, tid);
  return thread ? signalSelf(p, sig, SI.TKILL, thread) : -E.ESRCH;
}
