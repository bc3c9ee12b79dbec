// clone and clone3. New threads (CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, with the fd
// table and file system info shared, as glibc's pthread_create and Go's runtime ask): the
// thread set (threads.ts) starts the thread on a worker of its own. New processes: a host
// process of their own; fork's clone copies the parent into it (fork.ts), vfork's
// CLONE_VM|CLONE_VFORK runs the child in the parent until it execs or exits, with nothing
// copied (vfork.ts). On riscv64 and arm64 clone's arguments are (flags,
// stack, parent_tid, tls, child_tid) (the kernel's CLONE_BACKWARDS order); clone3 reads
// struct clone_args. A process sharing memory without CLONE_VFORK, or an fd table, with
// its parent cannot be had across host processes: EINVAL, as qemu-user answers.

import { E } from '../errno.js';
import type { LinuxProcess } from '../process.js';
import { CLONE } from '../generic/constants.js';
import type { CloneRequest } from '../threads.js';
import { readGuest, type SyscallArgs } from './args.js';
import { forkProcess, FORK_FLAGS } from '../fork.js';
import { hostLibc } from '../host/libc.js';
import { vforkProcess } from '../vfork.js';

type A = SyscallArgs;

/** What a thread must share with its creator here: one address space, one fd table, one cwd, one set of signal actions. */
const THREAD_FLAGS = CLONE.VM | CLONE.FS | CLONE.FILES | CLONE.SIGHAND | CLONE.THREAD;
/** Flags that do not change what a thread is here: System V semaphore undo (none kept), the tid words, TLS, CLONE_DETACHED (ignored by Linux). */
const THREAD_EXTRAS = CLONE.SYSVSEM | CLONE.SETTLS | CLONE.PARENT_SETTID | CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID | CLONE.DETACHED;
/** struct clone_args as of Linux 5.3 (CLONE_ARGS_SIZE_VER0), the least clone3 accepts. */
const CLONE_ARGS_SIZE_VER0 = 64;
const CLONE_ARGS_MAX = 4096;

/** copy_process's checks, then the thread or the process; -errno otherwise. */
function cloneThread(p: LinuxProcess, req: CloneRequest, exitSignal: number): number {
  const f = req.flags;
  if ((f & CLONE.THREAD && !(f & CLONE.SIGHAND)) || (f & CLONE.SIGHAND && !(f & CLONE.VM))) return -E.EINVAL;
  if (!(f & CLONE.THREAD) && (!(f & CLONE.VM) || f & CLONE.VFORK)) return cloneProcess(p, req);
  if ((f & THREAD_FLAGS) !== THREAD_FLAGS || f & ~(THREAD_FLAGS | THREAD_EXTRAS) || exitSignal !== 0) {
    p.logUnimp?.(`clone with flags 0x${f.toString(16)}: only threads (CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD) are supported`);
    return -E.ENOSYS;
  }
  if (p.vfork) {
    p.logUnimp?.('vfork child: a thread before its execve is not supported (it runs in its parent\'s host process)');
    return -E.EAGAIN;
  }
  p.hostSignals?.endCatching(); // another thread may run long without a system call of ours to poll at
  const threads = (p.threads ??= p.startThreads?.());
  if (!threads) {
    p.logUnimp?.('clone: guest threads need the built emulator (its thread worker bundle)');
    return -E.ENOSYS;
  }
  return threads.spawn(p, req);
}

/** A new process: fork's flags only. */
function cloneProcess(p: LinuxProcess, req: CloneRequest): number {
  if (req.flags & ~FORK_FLAGS) {
    p.logUnimp?.(`clone of a process with flags 0x${req.flags.toString(16)}: a child shares no memory, fd table or signal actions with its parent here`);
    return -E.EINVAL;
  }
  const lc = hostLibc();
  if (!lc || !p.runOptions?.selfCommand) {
    p.logUnimp?.('fork: needs the host libc binding and a run from the bundled CLI');
    return -E.ENOSYS;
  }
  if (p.vfork) {
    p.logUnimp?.('vfork child: a fork or vfork before its execve is not supported (it runs in its parent\'s host process)');
    return -E.EAGAIN;
  }
  const vfork = (req.flags & (CLONE.VM | CLONE.VFORK)) === (CLONE.VM | CLONE.VFORK) && p.runVforkChild;
  const pid = vfork ? vforkProcess(p, lc, req) : forkProcess(p, lc, req);
  if (req.flags & CLONE.PARENT_SETTID) {
    const word = new Uint8Array(4);
    new DataView(word.buffer).setInt32(0, pid, true);
    if (!p.mem.writeBytes(req.parentTid, word)) return -E.EFAULT;
  }
  return pid;
}

export function sysClone(p: LinuxProcess, a: A): number {
  const flags = Number(a.big(0) & 0xffff_ffffn);
  // the low byte of clone's flags is the exit signal; a thread has none
  return cloneThread(p, { flags: flags & ~0xff, stack: a.big(1), parentTid: a.big(2), tls: a.big(3), childTid: a.big(4) }, flags & 0xff);
}

export function sysClone3(p: LinuxProcess, a: A): number {
  const size = Number(a.big(1));
  if (size < CLONE_ARGS_SIZE_VER0 || size > CLONE_ARGS_MAX) return -E.EINVAL;
  const raw = readGuest(p, a.big(0), size);
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  // fields past the ones we know must be zero (E2BIG), as copy_struct_from_user checks
  for (let i = 88; i < size; i++) if (raw[i] !== 0) return -E.E2BIG;
  const u64 = (off: number): bigint => (off + 8 <= size ? dv.getBigUint64(off, true) : 0n);
  const flags = u64(0);
  const stack = u64(40);
  const stackSize = u64(48);
  if (flags >> 32n || (stack === 0n) !== (stackSize === 0n) || u64(64) || u64(72)) return -E.EINVAL;
  return cloneThread(p, {
    flags: Number(flags),
    stack: stack ? stack + stackSize : 0n,
    parentTid: u64(24),
    childTid: u64(16),
    tls: u64(56),
  }, Number(u64(32)));
}
