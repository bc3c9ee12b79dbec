// The futex waiters of the process's threads, kept in the reserved area of the shared
// guest memory (layout.ts FUTEX_TABLE) so that every thread's Node thread sees the same
// queues: one record per thread (a thread makes one futex call at a time) saying which word
// it waits on, with which bitset, since when (wake-ups go in arrival order), and whether
// it has been woken. A futex_waitv waiter's record says WAITV instead of a word: its words
// are in its list (layout.ts FUTEX_WAITV_LISTS), each entry queued on its own as the
// kernel queues one futex_q per entry — a wake takes the entries it finds off (TAKEN),
// counts each, and a requeue moves them; the waiter takes the rest off when it wakes. So a
// wake scans one word per thread, and only a waitv waiter's list besides. A spin lock
// (Atomics) makes each operation one step for the others, as the kernel's hash-bucket lock
// does: the check of the futex words against the expected values and the queueing happen
// under it, so a wake between them cannot be lost. A waiter sleeps on its control block's
// WAKE word (thread-control.ts), which a wake rings.

import { FUTEX_TABLE, FUTEX_WAITV_LISTS, FUTEX_WAITV_LIST_WORDS, MAX_THREADS } from '../memory/layout.js';
import { ThreadControl } from './thread-control.js';

/** Tries at taking the table's lock before sleeping on it. */
const LOCK_SPINS = 100;
/** Words: [0] lock, [1] arrival counter, then per thread RECORD words. */
const HEADER = 2;
const RECORD = 5;
/**
 * Record fields: the futex word's address as an i32 (0: not waiting, TAKEN: a wake took it
 * off its queue, WAITV: the words are in the list), the bitset, the arrival number, woken,
 * and a waitv waiter's number of entries. A list entry is a word's address or TAKEN.
 */
const R = { ADDR: 0, BITSET: 1, SEQ: 2, WOKEN: 3, COUNT: 4 } as const;
/** No futex word has these addresses (they are not 4-byte aligned). */
const WAITV = 1;
const TAKEN = 2;

/**
 * One queued wait as a number: thread `cpu`'s single futex (entry -1) or entry `entry` of
 * its futex_waitv list. A plain waiter's is its CPU index.
 */
const waiterRef = (cpu: number, entry: number): number => cpu + MAX_THREADS * (entry + 1);
const cpuOf = (ref: number): number => ref % MAX_THREADS;
const entryOf = (ref: number): number => Math.floor(ref / MAX_THREADS) - 1;

/** The PI lock word: the owner's tid, and the bit saying others wait (linux/futex.h). */
const FUTEX_TID_MASK = 0x3fff_ffff;
const FUTEX_WAITERS = 0x8000_0000 | 0;
/** FUTEX_OP's operations and comparisons (linux/futex.h). */
const WAKE_OP = { SET: 0, ADD: 1, OR: 2, ANDN: 3, XOR: 4 } as const;
const WAKE_CMP = { EQ: 0, NE: 1, LT: 2, LE: 3, GT: 4, GE: 5 } as const;

export class FutexTable {
  private readonly t: Int32Array;
  /** The futex_waitv lists, FUTEX_WAITV_LIST_WORDS addresses (or TAKEN) per thread. */
  private readonly lists: Int32Array;
  /** Guest memory as 32-bit words (futex words are 4-byte aligned). */
  private readonly mem: Int32Array;

  constructor(private readonly buffer: ArrayBufferLike) {
    this.t = new Int32Array(buffer, FUTEX_TABLE, HEADER + MAX_THREADS * RECORD);
    this.lists = new Int32Array(buffer, FUTEX_WAITV_LISTS, MAX_THREADS * FUTEX_WAITV_LIST_WORDS);
    this.mem = new Int32Array(buffer);
  }

  /**
   * The lock word: 0 free, 1 held, 2 held with sleepers. A short spin first (it is held for
   * a few instructions), then a sleep on the word: with more threads than cores the holder
   * may be descheduled, and spinning would burn the rest of the waiter's time slice.
   */
  private lock(): void {
    for (let spin = 0; spin < LOCK_SPINS; spin++) if (Atomics.compareExchange(this.t, 0, 0, 1) === 0) return;
    while (Atomics.exchange(this.t, 0, 2) !== 0) Atomics.wait(this.t, 0, 2);
  }

  private unlock(): void {
    if (Atomics.exchange(this.t, 0, 0) === 2) Atomics.notify(this.t, 0, 1);
  }

  private rec(cpu: number): number {
    return HEADER + cpu * RECORD;
  }

  /** The guest word at addr, read atomically. */
  word(addr: number): number {
    return Atomics.load(this.mem, addr >>> 2);
  }

  /**
   * Queues thread `cpu` on the futex at addr if the word still holds `expected`; false if
   * it does not (EAGAIN).
   */
  enqueue(cpu: number, addr: number, expected: number, bitset: number): boolean {
    this.lock();
    try {
      if (this.word(addr) !== (expected | 0)) return false;
      const r = this.rec(cpu);
      this.t[r + R.ADDR] = addr | 0;
      this.t[r + R.BITSET] = bitset;
      this.t[r + R.SEQ] = ++this.t[1];
      Atomics.store(this.t, r + R.WOKEN, 0);
      return true;
    } finally {
      this.unlock();
    }
  }

  /**
   * futex_waitv's queueing: if each word of `addrs` still holds its value of `expected`,
   * queues thread `cpu` on every one (an entry each, in one step) and returns -1; else the
   * index of the first that does not (EAGAIN), queueing nothing.
   */
  enqueueAll(cpu: number, addrs: readonly number[], expected: readonly number[]): number {
    this.lock();
    try {
      for (let i = 0; i < addrs.length; i++) if (this.word(addrs[i]) !== (expected[i] | 0)) return i;
      const list = cpu * FUTEX_WAITV_LIST_WORDS;
      for (let i = 0; i < addrs.length; i++) this.lists[list + i] = addrs[i] | 0;
      const r = this.rec(cpu);
      this.t[r + R.ADDR] = WAITV;
      this.t[r + R.BITSET] = -1;
      this.t[r + R.COUNT] = addrs.length;
      this.t[r + R.SEQ] = ++this.t[1];
      Atomics.store(this.t, r + R.WOKEN, 0);
      return -1;
    } finally {
      this.unlock();
    }
  }

  /** Whether a wake has come for thread `cpu`'s wait. */
  woken(cpu: number): boolean {
    return Atomics.load(this.t, this.rec(cpu) + R.WOKEN) !== 0;
  }

  /**
   * Takes thread `cpu` off its queues, woken or not (a timeout, a signal): the index of the
   * last of its entries a wake took off (0 for a single futex), or -1 if no wake came — as
   * the kernel's futex_unqueue_multiple answers.
   */
  dequeue(cpu: number): number {
    const r = this.rec(cpu);
    // a single futex's wake has taken it off already (ADDR is TAKEN before WOKEN is set)
    if (Atomics.load(this.t, r + R.WOKEN) !== 0 && Atomics.load(this.t, r + R.ADDR) === TAKEN) return 0;
    this.lock();
    try {
      const addr = this.t[r + R.ADDR];
      this.t[r + R.ADDR] = 0;
      if (addr !== WAITV) return this.t[r + R.WOKEN] !== 0 ? 0 : -1;
      const list = cpu * FUTEX_WAITV_LIST_WORDS;
      let last = -1;
      for (let i = 0; i < this.t[r + R.COUNT]; i++) if (this.lists[list + i] === TAKEN) last = i;
      return last;
    } finally {
      this.unlock();
    }
  }

  /**
   * The waits queued on addr whose bitset meets `bitset` (futex_waitv's entries meet any), in
   * arrival order, as waiterRefs. Under the lock.
   */
  private waitersOn(addr: number, bitset: number): number[] {
    const out: number[] = [];
    const word = addr | 0;
    for (let cpu = 0; cpu < MAX_THREADS; cpu++) {
      const r = this.rec(cpu);
      const at = this.t[r + R.ADDR];
      if (at === word) {
        if ((this.t[r + R.BITSET] & bitset) !== 0) out.push(cpu);
      } else if (at === WAITV) {
        const list = cpu * FUTEX_WAITV_LIST_WORDS;
        for (let i = 0; i < this.t[r + R.COUNT]; i++) if (this.lists[list + i] === word) out.push(waiterRef(cpu, i));
      }
    }
    // a stable sort: one waitv waiter's entries stay in list order
    return out.sort((a, b) => this.t[this.rec(cpuOf(a)) + R.SEQ] - this.t[this.rec(cpuOf(b)) + R.SEQ]);
  }

  /**
   * Wakes up to n waits of `refs` (under the lock): each is taken off its queue and its
   * thread told. Counts waits, not threads, as the kernel does: a futex_waitv waiter with an
   * address twice in its list counts twice.
   */
  private wakeSome(refs: number[], n: number): number {
    let count = 0;
    for (const ref of refs) {
      if (count >= n) break;
      this.queue(ref, TAKEN);
      const cpu = cpuOf(ref);
      Atomics.store(this.t, this.rec(cpu) + R.WOKEN, 1);
      new ThreadControl(this.buffer, cpu).wake();
      count++;
    }
    return count;
  }

  /** Puts wait `ref` on the queue of the word at addr (TAKEN: off its queue). Under the lock. */
  private queue(ref: number, addr: number): void {
    const entry = entryOf(ref);
    if (entry < 0) this.t[this.rec(cpuOf(ref)) + R.ADDR] = addr | 0;
    else this.lists[cpuOf(ref) * FUTEX_WAITV_LIST_WORDS + entry] = addr | 0;
  }

  /** FUTEX_WAKE(_BITSET): wakes up to n waiters on addr; how many. */
  wake(addr: number, n: number, bitset = -1): number {
    this.lock();
    try {
      return this.wakeSome(this.waitersOn(addr, bitset), n);
    } finally {
      this.unlock();
    }
  }

  /**
   * FUTEX_(CMP_)REQUEUE: wakes up to nWake waiters on addr and moves up to nMove of the rest
   * to addr2; with `expected`, only if addr still holds it (else null: EAGAIN). Returns the
   * woken plus the moved.
   */
  requeue(addr: number, addr2: number, nWake: number, nMove: number, expected: number | null): number | null {
    this.lock();
    try {
      if (expected !== null && this.word(addr) !== (expected | 0)) return null;
      const waiters = this.waitersOn(addr, -1);
      const woken = this.wakeSome(waiters, nWake);
      let moved = 0;
      for (const ref of waiters.slice(woken)) {
        if (moved >= nMove) break;
        this.queue(ref, addr2);
        moved++;
      }
      return woken + moved;
    } finally {
      this.unlock();
    }
  }

  /**
   * FUTEX_LOCK_PI's step: takes the lock word at addr for `tid` if it is free (keeping
   * FUTEX_WAITERS if others wait), else marks it FUTEX_WAITERS and queues thread `cpu` on it.
   * 'deadlock' when tid owns it already. Priorities are not inherited (there are none here).
   */
  lockPi(cpu: number, addr: number, tid: number): 'acquired' | 'queued' | 'deadlock' {
    const i = addr >>> 2;
    this.lock();
    try {
      for (;;) {
        const v = Atomics.load(this.mem, i);
        const owner = v & FUTEX_TID_MASK;
        if (owner === tid) return 'deadlock';
        if (owner === 0) {
          // free (perhaps OWNER_DIED): ours, with the waiters bit if anyone still waits
          const next = tid | (this.waitersOn(addr, -1).length ? FUTEX_WAITERS : 0);
          if (Atomics.compareExchange(this.mem, i, v, next) === v) return 'acquired';
          continue;
        }
        const marked = v | FUTEX_WAITERS;
        if (v !== marked && Atomics.compareExchange(this.mem, i, v, marked) !== v) continue;
        const r = this.rec(cpu);
        this.t[r + R.ADDR] = addr | 0;
        this.t[r + R.BITSET] = -1;
        this.t[r + R.SEQ] = ++this.t[1];
        Atomics.store(this.t, r + R.WOKEN, 0);
        return 'queued';
      }
    } finally {
      this.unlock();
    }
  }

  /** FUTEX_UNLOCK_PI: frees the lock word tid owns and wakes its first waiter, which takes it; false if tid does not own it (EPERM). */
  unlockPi(addr: number, tid: number): boolean {
    const i = addr >>> 2;
    this.lock();
    try {
      if ((Atomics.load(this.mem, i) & FUTEX_TID_MASK) !== tid) return false;
      Atomics.store(this.mem, i, 0);
      this.wakeSome(this.waitersOn(addr, -1), 1);
      return true;
    } finally {
      this.unlock();
    }
  }

  /**
   * FUTEX_WAKE_OP: changes the word at addr2 as `encoded` says (atomically), wakes up to n
   * waiters on addr, and up to n2 on addr2 if the old value at addr2 passes the comparison.
   */
  wakeOp(addr: number, addr2: number, n: number, n2: number, encoded: number): number {
    const op = (encoded >>> 28) & 7;
    const shiftArg = (encoded >>> 31) !== 0;
    const cmp = (encoded >>> 24) & 15;
    let oparg = (encoded << 8) >> 20; // sign-extended 12 bits
    const cmparg = (encoded << 20) >> 20;
    if (shiftArg) oparg = 1 << (oparg & 31);
    this.lock();
    try {
      const i = addr2 >>> 2;
      let old: number;
      switch (op) {
        case WAKE_OP.SET: old = Atomics.exchange(this.mem, i, oparg); break;
        case WAKE_OP.ADD: old = Atomics.add(this.mem, i, oparg); break;
        case WAKE_OP.OR: old = Atomics.or(this.mem, i, oparg); break;
        case WAKE_OP.ANDN: old = Atomics.and(this.mem, i, ~oparg); break;
        case WAKE_OP.XOR: old = Atomics.xor(this.mem, i, oparg); break;
        default: return -1;
      }
      let woken = this.wakeSome(this.waitersOn(addr, -1), n);
      let pass: boolean;
      switch (cmp) {
        case WAKE_CMP.EQ: pass = old === cmparg; break;
        case WAKE_CMP.NE: pass = old !== cmparg; break;
        case WAKE_CMP.LT: pass = old < cmparg; break;
        case WAKE_CMP.LE: pass = old <= cmparg; break;
        case WAKE_CMP.GT: pass = old > cmparg; break;
        case WAKE_CMP.GE: pass = old >= cmparg; break;
        default: return -1;
      }
      if (pass) woken += this.wakeSome(this.waitersOn(addr2, -1), n2);
      return woken;
    } finally {
      this.unlock();
    }
  }
}
