// host/libc.ts: read, write, pread and pwrite through koffi on a buffer over shared memory,
// checked against the file system, the socket calls' msghdr, a thread's signal mask and a
// catcher of host signals,
// with errors shaped as node:fs throws them (errno.ts turns their code into the guest errno). Skipped where
// koffi cannot be loaded.

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errnoFromError, E } from '../../src/linux-user/errno.js';
import { hostLibc } from '../../src/linux-user/host/libc.js';
import { endKoffi, withKoffiLock } from '../../src/linux-user/host/koffi.js';
import { hostPipe } from '../../src/linux-user/vfs/host.js';

const libc = hostLibc(createRequire(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qemu-user-ts-libc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What f throws (undefined if nothing). */
const bad = (f: () => number): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe.skipIf(libc === null)('host libc', () => {
  const lc = libc!;
  const mem = new Uint8Array(new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer as unknown as ArrayBuffer);

  it('takes buffers over shared memory only', () => {
    expect(lc.takes(mem)).toBe(true);
    expect(lc.takes(new Uint8Array(16))).toBe(false);
    expect(lc.takes(Buffer.alloc(16))).toBe(false);
  });

  it('write and pwrite from an offset; read and pread into one', () => {
    const path = join(dir, 'f');
    const fd = openSync(path, 'w+');
    try {
      mem.set(Buffer.from('hello, world'), 1000);
      expect(lc.write(fd, mem, 1000, 5, null)).toBe(5);
      expect(lc.write(fd, mem, 1005, 7, null)).toBe(7);
      expect(lc.write(fd, mem, 1000, 1, 0)).toBe(1); // pwrite leaves the offset alone
      expect(lc.write(fd, mem, 1004, 1, 12)).toBe(1);
      expect(readFileSync(path, 'latin1')).toBe('hello, worldo');
      expect(lc.read(fd, mem, 2000, 10, null)).toBe(1); // from offset 12: what pwrite put there
      expect(lc.read(fd, mem, 2000, 10, null)).toBe(0);
      expect(lc.read(fd, mem, 3000, 5, 7)).toBe(5);
      expect(Buffer.from(mem.subarray(2000, 2001)).toString('latin1')).toBe('o');
      expect(Buffer.from(mem.subarray(3000, 3005)).toString('latin1')).toBe('world');
    } finally {
      closeSync(fd);
    }
  });

  it('reads what the file holds, short at its end', () => {
    const path = join(dir, 'g');
    writeFileSync(path, 'abc');
    const fd = openSync(path, 'r');
    try {
      expect(lc.read(fd, mem, 0, 100, null)).toBe(3);
      expect(Buffer.from(mem.subarray(0, 3)).toString('latin1')).toBe('abc');
    } finally {
      closeSync(fd);
    }
  });

  it('fails as node:fs does: an Error whose code is the errno name', () => {
    const e = bad(() => lc.write(1_000_000, mem, 0, 1, null));
    expect(e).toMatchObject({ code: 'EBADF', syscall: 'write' });
    expect(errnoFromError(e)).toBe(E.EBADF);
    const fd = openSync(dir, 'r');
    try {
      expect(errnoFromError(bad(() => lc.read(fd, mem, 0, 1, null)))).toBe(E.EISDIR);
      expect(errnoFromError(bad(() => lc.read(fd, mem, 0, 1, 0)))).toBe(E.EISDIR);
    } finally {
      closeSync(fd);
    }
  });

  it('an empty non-blocking pipe is EAGAIN (the name the retry loop looks for), a closed one EPIPE', () => {
    const [r, w] = hostPipe();
    let readEnd = true;
    try {
      expect(bad(() => lc.read(r, mem, 0, 1, null))).toMatchObject({ code: 'EAGAIN' });
      mem[0] = 120;
      expect(lc.write(w, mem, 0, 1, null)).toBe(1);
      expect(lc.read(r, mem, 1, 4, null)).toBe(1);
      expect(mem[1]).toBe(120);
      closeSync(r);
      readEnd = false;
      expect(bad(() => lc.write(w, mem, 0, 1, null))).toMatchObject({ code: 'EPIPE' });
    } finally {
      closeSync(w);
      if (readEnd) closeSync(r);
    }
  });

  it("keeps a write's SIGPIPE pending while the thread blocks it, for takePending", () => {
    // blocked, the SIGPIPE is kept though Node ignores it; unblocked, the thread ignores it again
    const SIGPIPE = 13;
    const [r, w] = hostPipe();
    closeSync(r);
    lc.signalMask.setBlocked(SIGPIPE, true);
    try {
      expect(lc.signalMask.takePending(SIGPIPE)).toBe(false);
      expect(bad(() => lc.write(w, mem, 0, 1, null))).toMatchObject({ code: 'EPIPE' });
      expect(lc.signalMask.takePending(SIGPIPE)).toBe(true);
      expect(lc.signalMask.takePending(SIGPIPE)).toBe(false);
    } finally {
      lc.signalMask.setBlocked(SIGPIPE, false);
      closeSync(w);
    }
  });

  it('a signal catcher keeps a host signal until polled, and stops catching when closed', () => {
    // SIGURG: its default action is to ignore, so nothing is lost if one came after the close
    const SIGURG = 23;
    const catcher = lc.signalCatcher();
    try {
      expect(catcher.catch(SIGURG)).toBe(true);
      expect(catcher.poll()).toBe(0n);
      process.kill(process.pid, 'SIGURG');
      // libuv's handler has written it to the catcher's pipe (on whichever thread it ran)
      let caught = 0n;
      for (const until = Date.now() + 5000; caught === 0n && Date.now() < until; ) caught = catcher.poll();
      expect(caught).toBe(1n << BigInt(SIGURG - 1));
      expect(catcher.poll()).toBe(0n);
    } finally {
      catcher.close();
    }
    expect(catcher.catch(SIGURG)).toBe(false);
    expect(catcher.poll()).toBe(0n);
  });

  it('sendmsg and recvmsg move data between spans of shared memory, with an address and fds', () => {
    const so = lc.socket!;
    const [a, b] = so.socketpair(1 /* AF_UNIX */, 2 /* SOCK_DGRAM */, 0);
    const [x, y] = so.socketpair(1, 1 /* SOCK_STREAM */, 0);
    try {
      mem.set(Buffer.from('one,two'), 4000);
      // SCM_RIGHTS with fd x: cmsg_len 20, SOL_SOCKET, SCM_RIGHTS, the fd, padding
      const control = Buffer.alloc(24);
      control.writeBigUint64LE(20n, 0);
      control.writeInt32LE(1, 8);
      control.writeInt32LE(1, 12);
      control.writeInt32LE(x, 16);
      const sent = so.sendmsg(a, [{ buf: mem, off: 4000, len: 4 }, { buf: mem, off: 4004, len: 3 }], null, control, 0);
      expect(sent).toBe(7);
      const got = so.recvmsg(b, [{ buf: mem, off: 5000, len: 2 }, { buf: mem, off: 5002, len: 10 }], 64, 0x40000000 /* MSG_CMSG_CLOEXEC */);
      expect(got.n).toBe(7);
      expect(Buffer.from(mem.subarray(5000, 5007)).toString('latin1')).toBe('one,two');
      expect(got.name.length).toBe(0); // an unbound peer: no address
      expect(got.control.length).toBe(24);
      const fd = Buffer.from(got.control).readInt32LE(16);
      expect(fd).not.toBe(x);
      closeSync(fd);
      expect(so.takeError(a, 'connect')).toBe(null);
      expect(bad(() => so.recvmsg(b, [{ buf: mem, off: 0, len: 1 }], 0, 0x40 /* MSG_DONTWAIT */).n)).toMatchObject({ code: 'EAGAIN', syscall: 'recvmsg' });
      const opt = new Uint8Array(4);
      expect(so.getsockopt(a, 1 /* SOL_SOCKET */, 3 /* SO_TYPE */, opt)).toBe(4);
      expect(opt[0]).toBe(2);
    } finally {
      for (const fd of [a, b, x, y]) closeSync(fd);
    }
    expect(errnoFromError(bad(() => (so.listen(1_000_000, 1), 0)))).toBe(E.EBADF);
    const fd = openSync(join(dir, 'h'), 'w');
    try {
      expect(errnoFromError(bad(() => (so.shutdown(fd, 0), 0)))).toBe(E.ENOTSOCK);
    } finally {
      closeSync(fd);
    }
  });

  it('refuses a range outside the buffer', () => {
    expect(() => lc.write(1, mem, mem.length - 1, 2, null)).toThrow(RangeError);
    expect(() => lc.write(1, mem, -1, 1, null)).toThrow(RangeError);
    expect(() => lc.read(0, new Uint8Array(4), 0, 1, null)).toThrow(RangeError);
  });
});

/** A worker that holds `lock` (set to 1 here) for 100 ms, then lets go. */
function holdFor100ms(lock: Int32Array): Worker {
  lock[0] = 1;
  return new Worker(
    `const { workerData: lock } = require('node:worker_threads');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
     Atomics.store(lock, 0, 0);
     Atomics.notify(lock, 0);`,
    { eval: true, workerData: lock },
  );
}

describe('the koffi lock', () => {
  it('a binding waits while another Node thread holds it, then takes it and lets go', async () => {
    const lock = new Int32Array(new SharedArrayBuffer(4));
    const holder = holdFor100ms(lock);
    const start = Date.now();
    let heldWhileBinding = -1;
    const bound = withKoffiLock(() => {
      heldWhileBinding = Atomics.load(lock, 0);
      return 'bound';
    }, lock);
    expect(bound).toBe('bound');
    expect(Date.now() - start).toBeGreaterThanOrEqual(90);
    expect(heldWhileBinding).toBe(1);
    expect(lock[0]).toBe(0);
    await holder.terminate();
  });

  it('a binding inside a binding (binding libc binds functions) does not wait for itself', () => {
    const lock = new Int32Array(new SharedArrayBuffer(4));
    const start = Date.now();
    expect(withKoffiLock(() => withKoffiLock(() => Atomics.load(lock, 0), lock), lock)).toBe(1);
    expect(Date.now() - start).toBeLessThan(500);
    expect(lock[0]).toBe(0);
  });

  it("the process's exit waits for a binding in progress, then keeps the lock", async () => {
    const lock = new Int32Array(new SharedArrayBuffer(4));
    const holder = holdFor100ms(lock);
    const start = Date.now();
    endKoffi(lock);
    expect(Date.now() - start).toBeGreaterThanOrEqual(90);
    expect(lock[0]).toBe(2);
    await holder.terminate();
  });
});
