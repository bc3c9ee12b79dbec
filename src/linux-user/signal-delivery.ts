// What happens to a signal sent to our own process (kernel/signal.c and each arch's
// signal.c): a blocked one waits in the thread's or the process's pending set with its
// siginfo; an unblocked one with the default action is acted on at once (ignored, or the
// process dies: GuestKilled); one with a guest handler is delivered on the way back to
// guest code — after the system call that sent it, or at once for a fault — by building
// the architecture's rt_sigframe on the stack (the alternate one for SA_ONSTACK) and
// pointing the CPU at the handler, which returns through rt_sigreturn. A fault first
// leaves its record in the thread (the frames' faultRecord: arm64's fault_address and
// syndrome), which that thread's later frames carry too, as Linux's do. SA_NODEFER,
// SA_RESETHAND, SA_RESTORER and SS_AUTODISARM as Linux has them. A signal for another
// thread (tgkill, or kill while the caller blocks it) waits in that thread's or the
// process's queue, and the thread is told (markDue): its guest code returns to its loop at
// the next block, its blocking wait ends with EINTR, and it takes the signal. Signals from
// outside the process come through host/host-signals.ts and LinuxProcess.serveOthers(); a
// write that fails with EPIPE sends the writer SIGPIPE as Linux does (brokenPipe).

import { GuestFault } from '../memory/guest-memory.js';
import { PAGE_SIZE } from '../memory/layout.js';
import { E } from './errno.js';
import { NSIG, PROT, SIG, SIGNAL_NAMES, SIG_DEFAULT_IGNORE, SIG_DEFAULT_STOP, SIG_HANDLER, SS } from './generic/constants.js';
import { SIGINFO_SIZE, SI, encodeSiginfo, type SigInfo, type StackT } from './generic/structs.js';
import { GuestKilled } from './guest-exit.js';
import type { LinuxProcess } from './process.js';
import type { LinuxThread } from './thread.js';
import { syncSignalfds } from './syscalls/signalfd.js';
import { ENV, Excp } from '../tcg/env.js';

export const bit = (sig: number): bigint => 1n << BigInt(sig - 1);
export const UNBLOCKABLE = bit(SIG.SIGKILL) | bit(SIG.SIGSTOP);
/** The signals dequeue_signal takes first (the kernel's SYNCHRONOUS_MASK). */
export const SYNCHRONOUS_SIGNALS = [SIG.SIGSEGV, SIG.SIGBUS, SIG.SIGILL, SIG.SIGTRAP, SIG.SIGFPE, SIG.SIGSYS].reduce((m, s) => m | bit(s), 0n);

/** sa_flags (asm-generic signal-defs.h; riscv64 and arm64 alike). */
const SA = { NOCLDWAIT: 0x2n, SIGINFO: 0x4n, RESTORER: 0x0400_0000n, ONSTACK: 0x0800_0000n, NODEFER: 0x4000_0000n, RESETHAND: 0x8000_0000n } as const;

/** SIGCHLD ignored, or with SA_NOCLDWAIT: Linux reaps the children itself, and a wait for them ends in ECHILD. */
export function childrenReapedBySystem(p: LinuxProcess): boolean {
  const action = p.sigactions.get(SIG.SIGCHLD);
  return action !== undefined && (action.handler === SIG_HANDLER.IGN || (action.flags & SA.NOCLDWAIT) !== 0n);
}

function handlerOf(p: LinuxProcess, sig: number): bigint {
  return p.sigactions.get(sig)?.handler ?? SIG_HANDLER.DFL;
}

/** Whether the signal would be thrown away on arrival (SIG_IGN, or a default action of "ignore"). */
export function ignored(p: LinuxProcess, sig: number): boolean {
  const h = handlerOf(p, sig);
  return h === SIG_HANDLER.IGN || (h === SIG_HANDLER.DFL && SIG_DEFAULT_IGNORE.has(sig));
}

/** The signals that have a guest handler. */
function handled(p: LinuxProcess): bigint {
  let set = 0n;
  for (const [sig, action] of p.sigactions) if (action.handler > SIG_HANDLER.IGN) set |= bit(sig);
  return set;
}

/**
 * The default action of a signal that is not blocked: nothing, death (throws), or a stop:
 * the emulator's host process stops, every guest thread with it, until a SIGCONT from
 * outside continues it (as qemu-user does: the shell that started us sees a stopped job).
 */
function actByDefault(p: LinuxProcess, sig: number): number {
  if (sig !== SIG.SIGKILL && sig !== SIG.SIGSTOP && ignored(p, sig)) return 0;
  if (SIG_DEFAULT_STOP.has(sig)) {
    process.kill(process.pid, 'SIGSTOP');
    // Continued, so a SIGCONT came: on Linux its handler runs before the guest goes on.
    if (handlerOf(p, SIG.SIGCONT) > SIG_HANDLER.IGN) p.hostSignals?.awaitArrival(SIG.SIGCONT, 1000);
    return 0;
  }
  throw new GuestKilled(sig);
}

/**
 * Sends `sig` to our own process, or to `thread`, as si_code `code` says it was sent
 * (SI_USER by kill and by the kernel's SIGPIPE, SI_TKILL by tgkill and tkill). Returns 0
 * or -errno; throws GuestKilled when the default action ends the process. Signal 0 only checks.
 */
export function signalSelf(p: LinuxProcess, sig: number, code: number = SI.USER, thread: LinuxThread | null = code === SI.TKILL ? p.thread : null): number {
  if (sig === 0) return 0;
  // kill's signal is the process's; tgkill's and tkill's the thread's
  return sendSelf(p, { signo: sig, code, pid: p.pid, uid: p.uid }, thread);
}

/**
 * A host write (write, send, splice) the guest asked for failed with EPIPE: Linux sends the
 * writing thread SIGPIPE (send_sig: SI_USER, from its own pid) when the host sent us one
 * for that write (host/host-signals.ts knows: not for a datagram socket, nor with
 * MSG_NOSIGNAL); without host signals, as for a pipe. Throws GuestKilled for the default
 * action.
 */
export function brokenPipe(p: LinuxProcess): void {
  if (p.hostSignals?.pipeSignalled() ?? true) signalSelf(p, SIG.SIGPIPE, SI.USER, p.thread);
}

/** Sends the signal instance `info` itself (it is the one queued: a timer keeps it to count overruns). */
export function sendSignal(p: LinuxProcess, info: SigInfo, thread: LinuxThread | null): number {
  return sendSelf(p, info, thread);
}

/** complete_signal's choice for a signal to the process: the caller if it does not block it, else a thread that does not, else the caller. */
function threadFor(p: LinuxProcess, sig: number): LinuxThread {
  if (!(p.thread.sigmask & bit(sig)) || !p.threads) return p.thread;
  return p.threads.all().find((t) => !(t.sigmask & bit(sig))) ?? p.thread;
}

/**
 * Tells thread t that it has a signal to take: its guest code stops at the next block, its
 * blocking wait ends (its control block), and the caller takes it on the way back from the
 * system call.
 */
function markDue(p: LinuxProcess, t: LinuxThread): void {
  t.deliveryDue = true;
  p.mem.dv.setInt32(t.env + ENV.EXIT_REQUEST, 1, true);
  t.control?.setSignalWaiting(true);
  wakeWaiter(p);
}

/** The first thread's Node thread runs the waits of the others' forwarded calls (rt_sigtimedwait): it looks again. */
function wakeWaiter(p: LinuxProcess): void {
  if (p.threads) p.waits.control.wake();
}

/** A signal for our own process or (`thread`) one of its threads: acted on, queued, or due for its handler. */
function sendSelf(p: LinuxProcess, info: SigInfo, thread: LinuxThread | null): number {
  const sig = info.signo;
  const target = thread ?? threadFor(p, sig);
  const blocked = (target.sigmask & bit(sig)) !== 0n;
  const withHandler = sig !== SIG.SIGKILL && sig !== SIG.SIGSTOP && handlerOf(p, sig) > SIG_HANDLER.IGN;
  // Blocked signals are never ignored at generation: the action may change before unblocking.
  if (!blocked && !withHandler) return actByDefault(p, sig);
  if (withHandler && !p.signals) {
    p.logUnimp?.(`Signal ${sig} has a guest handler, and this architecture has no signal frame`);
    return -E.ENOSYS;
  }
  (thread ? thread.pending : p.sharedPending).enqueue(info);
  syncSignalfds(p);
  if (!blocked) markDue(p, target);
  else {
    // a thread waiting for it in rt_sigtimedwait looks again
    target.control?.signalSent();
    wakeWaiter(p);
  }
  return 0;
}

/** dequeue_signal: the thread's own pending signals in `set` first, then the process's. */
export function dequeue(p: LinuxProcess, set: bigint): SigInfo | null {
  const info = p.thread.pending.dequeue(set, SYNCHRONOUS_SIGNALS) ?? p.sharedPending.dequeue(set, SYNCHRONOUS_SIGNALS);
  if (info) {
    syncSignalfds(p);
    if (info.code === SI.TIMER) p.timers?.taken(info);
  }
  return info;
}

/**
 * After the mask or an action changed: pending signals with the default action that are
 * now unblocked are acted on; for those with a handler, the CPU loop is told to deliver.
 */
export function deliverPending(p: LinuxProcess): void {
  const unblocked = ~p.thread.sigmask;
  const withHandler = handled(p);
  let defaults = 0n;
  for (let sig = 1; sig <= NSIG; sig++) if (!(withHandler & bit(sig))) defaults |= bit(sig);
  for (let info; (info = dequeue(p, defaults & unblocked)); ) actByDefault(p, info.signo);
  if ((p.thread.pending.mask | p.sharedPending.mask) & withHandler & unblocked && p.signals) p.thread.deliveryDue = true;
}

/** Enters the handlers of the pending signals that are not blocked (the CPU loop calls this after a system call). */
export function deliverDue(p: LinuxProcess): void {
  const t = p.thread;
  t.deliveryDue = false;
  t.control?.setSignalWaiting(false);
  for (let info; (info = dequeue(p, handled(p) & ~t.sigmask)); ) enterHandler(p, info.signo, encodeSiginfo(info));
  // restore_saved_sigmask: rt_sigsuspend's temporary mask ends when no handler took it over
  if (t.savedMask !== null) {
    t.sigmask = t.savedMask;
    t.savedMask = null;
  }
}

/** sa_flags' SA_RESTART: system calls the handler interrupts start again. */
const SA_RESTART = 0x1000_0000n;

/** Whether the signal the calling thread takes next has SA_RESTART (kernel's handle_signal, ERESTARTSYS). */
export function signalRestarts(p: LinuxProcess): boolean {
  const ready = (p.thread.pending.mask | p.sharedPending.mask) & handled(p) & ~p.thread.sigmask;
  if (!ready) return false;
  // dequeue order: the synchronous ones first, then the lowest number
  const first = ready & SYNCHRONOUS_SIGNALS ? ready & SYNCHRONOUS_SIGNALS : ready;
  const sig = (first & -first).toString(2).length; // the lowest bit set is bit sig-1
  return ((p.sigactions.get(sig)?.flags ?? 0n) & SA_RESTART) !== 0n;
}

/** Whether a pending signal with a handler is deliverable under the thread's mask now. */
export function handlerSignalReady(p: LinuxProcess): boolean {
  return ((p.thread.pending.mask | p.sharedPending.mask) & handled(p) & ~p.thread.sigmask) !== 0n;
}

/**
 * Queues a signal as rt_sigqueueinfo gave it (its siginfo as written, si_signo set) for our
 * own process (`thread`: rt_tgsigqueueinfo's) and acts as signalSelf does.
 */
export function queueSelf(p: LinuxProcess, sig: number, raw: Uint8Array, thread: LinuxThread | null): number {
  const info = raw.slice();
  const dv = new DataView(info.buffer);
  dv.setInt32(0, sig, true);
  return sendSelf(p, { signo: sig, code: dv.getInt32(8, true), pid: dv.getUint32(16, true), uid: dv.getUint32(20, true), raw: info }, thread);
}

/** si_code of a fault, by signal: SEGV_MAPERR / SEGV_ACCERR, BUS_ADRALN, ILL_ILLOPC, TRAP_BRKPT. */
export interface FaultSignal {
  sig: number;
  code: number;
  /** si_addr: the address that faulted (the instruction's for SIGILL and SIGTRAP). */
  addr: bigint;
}

/** SIGSEGV's si_codes (asm-generic/siginfo.h). */
const SEGV_MAPERR = 1;
const SEGV_ACCERR = 2;

/** si_code of each exception's signal (asm-generic/siginfo.h). */
const EXCEPTION_CODES: Record<number, number> = {
  [Excp.ILLEGAL_INSN]: 1, // ILL_ILLOPC
  [Excp.BREAKPOINT]: 1, // TRAP_BRKPT
  [Excp.SEGV_MAPERR]: SEGV_MAPERR,
  [Excp.SEGV_ACCERR]: SEGV_ACCERR,
  [Excp.BUS_ADRALN]: 1, // BUS_ADRALN
};

/** The signal each guest-independent exception number raises. */
const EXCEPTION_SIGNALS: Record<number, number> = {
  [Excp.ILLEGAL_INSN]: SIG.SIGILL,
  [Excp.BREAKPOINT]: SIG.SIGTRAP,
  [Excp.SEGV_MAPERR]: SIG.SIGSEGV,
  [Excp.SEGV_ACCERR]: SIG.SIGSEGV,
  [Excp.BUS_ADRALN]: SIG.SIGBUS,
};

/** The signal of the exception a CPU stopped with (its env): si_addr is the address for memory faults, the instruction's for the others. */
export function exceptionFault(dv: DataView, env: number): FaultSignal {
  const excp = dv.getInt32(env + ENV.EXCEPTION, true);
  const sig = EXCEPTION_SIGNALS[excp];
  if (sig === undefined) throw new Error(`unknown exception ${excp}`);
  const memory = excp === Excp.SEGV_MAPERR || excp === Excp.SEGV_ACCERR || excp === Excp.BUS_ADRALN;
  const addr = dv.getBigUint64(env + (memory ? ENV.EXCEPTION_ADDR : ENV.PC), true);
  return { sig, code: EXCEPTION_CODES[excp], addr };
}

/**
 * A fault's signal: enters its handler and returns true, or returns false when the
 * signal is blocked, ignored or left to its default action — the caller then ends the
 * process, as Linux's force_sig does (a blocked or ignored fault signal kills).
 */
export function deliverFault(p: LinuxProcess, f: FaultSignal): boolean {
  // the thread keeps what the fault leaves for its frames (arm64: fault_address, the syndrome)
  const record = p.signals?.frames.faultRecord?.(p.mem.dv, p.thread.env);
  if (record) p.thread.fault = record;
  if (!p.signals || handlerOf(p, f.sig) <= SIG_HANDLER.IGN || p.thread.sigmask & bit(f.sig)) return false;
  const info = new Uint8Array(SIGINFO_SIZE);
  const dv = new DataView(info.buffer);
  dv.setInt32(0, f.sig, true);
  // guest memory knows only permissions: a page that allows nothing is unmapped to it, but
  // inside a mapping (PROT_NONE) Linux finds the VMA and reports SEGV_ACCERR
  const withinMapping = f.sig === SIG.SIGSEGV && f.code === SEGV_MAPERR && f.addr < 2n ** 53n && p.as.findMapping(Number(f.addr)) !== undefined;
  dv.setInt32(8, withinMapping ? SEGV_ACCERR : f.code, true);
  dv.setBigUint64(16, f.addr, true);
  enterHandler(p, f.sig, info, true);
  return true;
}

/** The alternate stack as sigaltstack reports it for stack pointer `sp` (sas_ss_flags). */
function altstackFlags(t: { altstack: StackT }, sp: bigint): number {
  const a = t.altstack;
  if (a.flags & SS.DISABLE || a.size === 0n) return SS.DISABLE;
  return sp > a.sp && sp - a.sp <= a.size ? SS.ONSTACK : 0;
}

/**
 * The trampoline page the handlers return through: mapped with the program (main.ts), as
 * Linux maps its vDSO and QEMU its sigtramp page — placed later, it could land on a page
 * the program has just unmapped and make a fault there a read of the trampoline.
 */
export function signalTrampoline(p: LinuxProcess): bigint {
  if (p.sigtramp === undefined) {
    const at = p.as.findFree(PAGE_SIZE) ?? (() => { throw new GuestKilled(SIG.SIGSEGV); })();
    p.as.mapFixed(at, PAGE_SIZE, PROT.READ | PROT.EXEC, '[sigpage]');
    p.mem.rawWrite(at, p.signals!.frames.trampoline);
    p.sigtramp = BigInt(at);
  }
  return p.sigtramp;
}

/** The -strace line of a delivery, as QEMU's print_siginfo writes it. */
function straceDelivery(p: LinuxProcess, sig: number, info: Uint8Array, fault: boolean): string {
  const dv = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const name = SIGNAL_NAMES.get(sig) ?? String(sig);
  const code = dv.getInt32(8, true);
  if (fault) return `--- ${name} {si_signo=${name}, si_code=${code}, si_addr=0x${dv.getBigUint64(16, true).toString(16).padStart(16, '0')}} ---`;
  const codeName = code === SI.USER ? 'SI_USER' : code === SI.TKILL ? 'SI_TKILL' : code === SI.QUEUE ? 'SI_QUEUE' : String(code);
  return `--- ${name} {si_signo=${name}, si_code=${codeName}, si_pid=${dv.getUint32(16, true)}, si_uid=${dv.getUint32(20, true)}} ---`;
}

/** handle_signal: the frame for `sig`, then the handler's mask and SA_RESETHAND. */
function enterHandler(p: LinuxProcess, sig: number, info: Uint8Array, fault = false): void {
  p.strace?.(straceDelivery(p, sig, info, fault));
  const action = p.sigactions.get(sig)!;
  const { frames } = p.signals!;
  const t = p.thread;
  const sp = frames.stackPointer(p.mem.dv, t.env);
  const onAlt = altstackFlags(t, sp);
  const top = action.flags & SA.ONSTACK && onAlt === 0 ? t.altstack.sp + t.altstack.size : sp;
  const ucStack = { sp: t.altstack.sp, flags: onAlt | (t.altstack.flags & SS.AUTODISARM), size: t.altstack.size };
  const returnTo = action.flags & SA.RESTORER && p.abi.saRestorer ? action.restorer : signalTrampoline(p);
  // after rt_sigsuspend the frame keeps the caller's mask, and the handler runs with the temporary one
  const saved = t.savedMask ?? t.sigmask;
  t.savedMask = null;
  try {
    frames.setup(p.mem, t.env, {
      sp: top, sig, info, mask: saved, stack: ucStack, handler: action.handler,
      siginfo: (action.flags & SA.SIGINFO) !== 0n, returnTo, fault: t.fault,
    });
  } catch (e) {
    // force_sigsegv: a stack that cannot take the frame ends the process
    if (e instanceof GuestFault) throw new GuestKilled(SIG.SIGSEGV);
    throw e;
  }
  if (t.altstack.flags & SS.AUTODISARM) t.altstack = { sp: 0n, flags: SS.DISABLE, size: 0n };
  t.sigmask = (t.sigmask | action.mask | (action.flags & SA.NODEFER ? 0n : bit(sig))) & ~UNBLOCKABLE;
  if (action.flags & SA.RESETHAND) p.sigactions.set(sig, { ...action, handler: SIG_HANDLER.DFL });
}

/**
 * rt_sigreturn: the registers, mask and alternate stack back from the frame at the stack
 * pointer (whatever is there, as Linux reads it; one that cannot be read is SIGSEGV).
 */
export function returnFromHandler(p: LinuxProcess): boolean {
  const signals = p.signals;
  if (!signals) throw new GuestKilled(SIG.SIGSEGV);
  const t = p.thread;
  let saved;
  try {
    saved = signals.frames.restore(p.mem, t.env);
  } catch (e) {
    if (!(e instanceof GuestFault)) throw e;
    // badframe: force_sig(SIGSEGV), which a handler may take (on the alternate stack)
    forceSignal(p, SIG.SIGSEGV);
    return false;
  }
  t.sigmask = saved.mask & ~UNBLOCKABLE;
  // restore_altstack: sigaltstack(uc_stack), its errors but EFAULT dropped (EPERM while on the stack)
  const sp = signals.frames.stackPointer(p.mem.dv, t.env);
  const mode = saved.stack.flags & ~SS.AUTODISARM;
  if (altstackFlags(t, sp) !== SS.ONSTACK && (mode === 0 || mode === SS.ONSTACK || mode === SS.DISABLE)) {
    if (mode === SS.DISABLE) t.altstack = { sp: 0n, flags: SS.DISABLE, size: 0n };
    else if (saved.stack.size >= BigInt(p.abi.minSigStkSz)) t.altstack = { sp: saved.stack.sp, flags: saved.stack.flags & SS.AUTODISARM, size: saved.stack.size };
  }
  deliverPending(p);
  return true;
}

/**
 * force_sig: a signal the kernel sends the calling thread that it must not block or
 * ignore: unblocked, its action back to the default if it was ignored or blocked, then
 * sent (si_code SI_KERNEL): a handler takes it after the system call, else it kills.
 */
export function forceSignal(p: LinuxProcess, sig: number): void {
  const t = p.thread;
  const blocked = (t.sigmask & bit(sig)) !== 0n;
  if (blocked || handlerOf(p, sig) === SIG_HANDLER.IGN) {
    const action = p.sigactions.get(sig);
    if (action) p.sigactions.set(sig, { ...action, handler: SIG_HANDLER.DFL });
    t.sigmask &= ~bit(sig);
  }
  sendSelf(p, { signo: sig, code: SI.KERNEL, pid: 0, uid: 0 }, t);
}
