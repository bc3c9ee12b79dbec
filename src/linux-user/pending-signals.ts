// A set of pending signals with their siginfo, as the kernel keeps one per thread (sent to
// that thread: tgkill, tkill, a fault) and one per process (sent to the process: kill),
// struct sigpending: a standard signal is pending at most once however often it is sent,
// a real-time one once per sending, each instance with the siginfo it was sent with.

import type { SigInfo } from './generic/structs.js';

/** The first real-time signal: from here on every instance queues. */
const SIGRTMIN = 32;
const bit = (sig: number): bigint => 1n << BigInt(sig - 1);

export class PendingSignals {
  /** The signals with instances here: bit (sig-1). */
  mask = 0n;
  /** The instances, in the order they came. */
  private readonly queued: SigInfo[] = [];

  /** Adds an instance (dropped for a standard signal already pending). */
  enqueue(info: SigInfo): void {
    const b = bit(info.signo);
    if (info.signo < SIGRTMIN && this.mask & b) return;
    this.queued.push(info);
    this.mask |= b;
  }

  /**
   * Takes the instance that is next of those in `set` (next_signal: the synchronous signals
   * first, then the lowest number; the oldest instance of it), or null.
   */
  dequeue(set: bigint, synchronous: bigint): SigInfo | null {
    const ready = this.mask & set;
    if (ready === 0n) return null;
    const from = ready & synchronous ? ready & synchronous : ready;
    let sig = 1;
    while (!(from & bit(sig))) sig++;
    const [info] = this.queued.splice(this.queued.findIndex((q) => q.signo === sig), 1);
    if (!this.queued.some((q) => q.signo === sig)) this.mask &= ~bit(sig);
    return info;
  }

  /** Whether this very instance still waits here (a timer's, whose overruns it then counts). */
  holds(info: SigInfo): boolean {
    return this.queued.includes(info);
  }

  /** Drops every instance of `sig` (its action became "ignore"). */
  discard(sig: number): void {
    for (let i = this.queued.length - 1; i >= 0; i--) if (this.queued[i].signo === sig) this.queued.splice(i, 1);
    this.mask &= ~bit(sig);
  }
}
