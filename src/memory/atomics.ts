// The guest's atomic memory operations as host atomic operations on the shared
// WebAssembly.Memory (JS Atomics), for the runtime side: the interpreter and tier-0
// backends run atomic_rmw / atomic_cmpxchg through here, and front-end helpers the
// 128-bit pair operations. The wasm backend emits wasm's own atomic instructions for
// the same ops (hostbackend/wasm/emit.ts). Every thread of a guest process runs on its
// own host thread over the one memory, so these must be single host atomic operations:
// an update made by another thread between a load and a store would otherwise be lost.
//
// The host has no 128-bit atomic operation, so the pair operations (AArch64 STXP and
// CASP of X registers) run under one global lock word in the reserved area (PAIR_LOCK):
// they are atomic with respect to each other — every 128-bit compare-and-swap takes the
// lock — which is what programs need of them (GCC and libatomic implement every 16-byte
// atomic, loads and stores included, with LDXP/STXP loops or CASP). They are not atomic
// with respect to a 64-bit atomic operation on one half by another thread at the same
// moment: a mixed-size race that C and C++ do not define. (QEMU without a host
// cmpxchg16b stops every other CPU instead; qemu-user-ts has no such stop.) A pair is
// read without the lock (LDXP: two aligned 8-byte loads): a torn read cannot make the
// following STXP succeed, since STXP compares both halves with memory under the lock and
// so only succeeds if memory holds the pair read at that moment — QEMU's value check.

import { ATOMIC_OP, type AtomicOp } from '../tcg/opcodes.js';
import type { GuestMemory } from './guest-memory.js';
import { GUEST_LIMIT, PAIR_LOCK } from './layout.js';

/** The word hostFullFence's atomic add works on: this host thread's own, so no other thread contends for it. */
const FENCE_WORD = new Int32Array(new SharedArrayBuffer(4));

/** The IR's mb for the interpreter and tier 0: a locked instruction (Atomics.add compiles to one), a full fence on the host. */
export function hostFullFence(): void {
  Atomics.add(FENCE_WORD, 0, 0);
}

/** PAIR_LOCK states (a futex-style lock: Drepper's "Futexes Are Tricky", mutex 2). */
const FREE = 0;
const HELD = 1;
const WAITED = 2;
/** Tries of the lock before a thread sleeps on it: the critical sections are a few loads and stores. */
const SPINS = 100;

/** The new value of a ≤ 32-bit atomic op: x old and v operand, unsigned in `bits` bits. */
function combine32(op: AtomicOp, x: number, v: number, bits: number): number {
  const sh = 32 - bits;
  switch (op) {
    case ATOMIC_OP.SMIN: return (x << sh) >> sh <= (v << sh) >> sh ? x : v;
    case ATOMIC_OP.SMAX: return (x << sh) >> sh >= (v << sh) >> sh ? x : v;
    case ATOMIC_OP.UMIN: return x <= v ? x : v;
    default: return x >= v ? x : v; // UMAX
  }
}
function combine64(op: AtomicOp, x: bigint, v: bigint): bigint {
  switch (op) {
    case ATOMIC_OP.SMIN: return BigInt.asIntN(64, x) <= BigInt.asIntN(64, v) ? x : v;
    case ATOMIC_OP.SMAX: return BigInt.asIntN(64, x) >= BigInt.asIntN(64, v) ? x : v;
    case ATOMIC_OP.UMIN: return x <= v ? x : v;
    default: return x >= v ? x : v; // UMAX
  }
}

/** Front ends check alignment before an atomic access (and raise the guest's SIGBUS): this is a bug. */
function misaligned(at: number): never {
  throw new Error(`atomic access to misaligned address 0x${at.toString(16)}`);
}

type NarrowView = Uint8Array | Uint16Array | Uint32Array;

/**
 * Atomic access to guest memory. Addresses given as `at` are memory offsets already
 * checked for write permission (GuestMemory.check, which also drops the translations of a
 * code page) and aligned to the access size; the others are checked here, throwing
 * GuestFault as a store would. Values are bigints as the reference interpreter holds i64s
 * (results signed 64-bit).
 */
export class GuestAtomics {
  private readonly u8: Uint8Array;
  private readonly u16: Uint16Array;
  private readonly u32: Uint32Array;
  private readonly u64: BigUint64Array;
  private readonly lockWord: Int32Array;
  /** The pair cmpxchg128 found in memory (low and high 8 bytes, unsigned). */
  pairLo = 0n;
  pairHi = 0n;

  constructor(private readonly mem: GuestMemory) {
    // Views of the guest space only: a view of the whole 4 GiB would have more elements
    // than V8's small integers count.
    const buf = mem.memory.buffer as unknown as ArrayBuffer;
    this.u8 = new Uint8Array(buf, 0, GUEST_LIMIT);
    this.u16 = new Uint16Array(buf, 0, GUEST_LIMIT / 2);
    this.u32 = new Uint32Array(buf, 0, GUEST_LIMIT / 4);
    this.u64 = new BigUint64Array(buf, 0, GUEST_LIMIT / 8);
    this.lockWord = new Int32Array(buf, PAIR_LOCK, 1);
  }

  /** Atomically: memory = op(memory, value) in `size` bytes at addr; returns the old value (sign-extended if `signed`). */
  rmw(addr: number | bigint, size: 1 | 2 | 4 | 8, signed: boolean, op: AtomicOp, value: bigint): bigint {
    return this.rmwAt(this.mem.check(addr, size, 'write'), size, signed, op, value);
  }
  /** Atomically: if memory equals expected in `size` bytes, memory = desired; returns the old value. */
  cmpxchg(addr: number | bigint, size: 1 | 2 | 4 | 8, signed: boolean, expected: bigint, desired: bigint): bigint {
    return this.cmpxchgAt(this.mem.check(addr, size, 'write'), size, signed, expected, desired);
  }

  rmwAt(at: number, size: 1 | 2 | 4 | 8, signed: boolean, op: AtomicOp, value: bigint): bigint {
    if (at % size !== 0) misaligned(at);
    if (size === 8) {
      const i = at >>> 3;
      const v = BigInt.asUintN(64, value);
      let old: bigint;
      switch (op) {
        case ATOMIC_OP.ADD: old = Atomics.add(this.u64, i, v); break;
        case ATOMIC_OP.AND: old = Atomics.and(this.u64, i, v); break;
        case ATOMIC_OP.OR: old = Atomics.or(this.u64, i, v); break;
        case ATOMIC_OP.XOR: old = Atomics.xor(this.u64, i, v); break;
        case ATOMIC_OP.XCHG: old = Atomics.exchange(this.u64, i, v); break;
        default:
          // min/max: compute and compare-and-exchange until memory did not change in between.
          old = Atomics.load(this.u64, i);
          for (;;) {
            const seen = Atomics.compareExchange(this.u64, i, old, combine64(op, old, v));
            if (seen === old) break;
            old = seen;
          }
      }
      return BigInt.asIntN(64, old);
    }
    const view = this.narrow(size);
    const i = at / size;
    const bits = 8 * size;
    const v = Number(BigInt.asUintN(bits, value));
    let old: number;
    switch (op) {
      case ATOMIC_OP.ADD: old = Atomics.add(view, i, v); break;
      case ATOMIC_OP.AND: old = Atomics.and(view, i, v); break;
      case ATOMIC_OP.OR: old = Atomics.or(view, i, v); break;
      case ATOMIC_OP.XOR: old = Atomics.xor(view, i, v); break;
      case ATOMIC_OP.XCHG: old = Atomics.exchange(view, i, v); break;
      default:
        old = Atomics.load(view, i);
        for (;;) {
          const seen = Atomics.compareExchange(view, i, old, combine32(op, old, v, bits));
          if (seen === old) break;
          old = seen;
        }
    }
    return this.extend(old, bits, signed);
  }

  cmpxchgAt(at: number, size: 1 | 2 | 4 | 8, signed: boolean, expected: bigint, desired: bigint): bigint {
    if (at % size !== 0) misaligned(at);
    if (size === 8) {
      return BigInt.asIntN(64, Atomics.compareExchange(this.u64, at >>> 3, BigInt.asUintN(64, expected), BigInt.asUintN(64, desired)));
    }
    const bits = 8 * size;
    const old = Atomics.compareExchange(this.narrow(size), at / size, Number(BigInt.asUintN(bits, expected)), Number(BigInt.asUintN(bits, desired)));
    return this.extend(old, bits, signed);
  }

  /**
   * The 16 bytes at addr (16-byte aligned), as a pair of 8-byte words: if they equal
   * (e0, e1), they become (n0, n1). Returns whether they did; pairLo and pairHi hold what
   * memory held. Under PAIR_LOCK (see the header); the permission check comes first, so a
   * fault never leaves the lock held.
   */
  cmpxchg128(addr: number | bigint, e0: bigint, e1: bigint, n0: bigint, n1: bigint): boolean {
    const at = this.mem.check(addr, 16, 'write');
    if (at % 16 !== 0) misaligned(at);
    const i = at >>> 3;
    const u64 = this.u64;
    this.lock();
    const o0 = Atomics.load(u64, i);
    const o1 = Atomics.load(u64, i + 1);
    const equal = o0 === BigInt.asUintN(64, e0) && o1 === BigInt.asUintN(64, e1);
    if (equal) {
      Atomics.store(u64, i, BigInt.asUintN(64, n0));
      Atomics.store(u64, i + 1, BigInt.asUintN(64, n1));
    }
    this.unlock();
    this.pairLo = o0;
    this.pairHi = o1;
    return equal;
  }

  private narrow(size: 1 | 2 | 4): NarrowView {
    return size === 4 ? this.u32 : size === 2 ? this.u16 : this.u8;
  }
  private extend(old: number, bits: number, signed: boolean): bigint {
    const sh = 32 - bits;
    return BigInt(signed ? (old << sh) >> sh : old);
  }

  private lock(): void {
    const w = this.lockWord;
    if (Atomics.compareExchange(w, 0, FREE, HELD) === FREE) return;
    for (let k = 0; k < SPINS; k++) {
      if (Atomics.load(w, 0) === FREE && Atomics.compareExchange(w, 0, FREE, HELD) === FREE) return;
    }
    // Mark the lock waited for, and sleep until the holder's unlock wakes us.
    while (Atomics.exchange(w, 0, WAITED) !== FREE) Atomics.wait(w, 0, WAITED);
  }
  private unlock(): void {
    if (Atomics.exchange(this.lockWord, 0, FREE) === WAITED) Atomics.notify(this.lockWord, 0, 1);
  }
}
