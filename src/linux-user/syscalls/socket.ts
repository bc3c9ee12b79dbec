// The socket system calls: socket, socketpair, bind, listen, accept and accept4, connect,
// getsockname and getpeername, sendto, recvfrom, sendmsg, recvmsg, sendmmsg, recvmmsg,
// setsockopt, getsockopt and shutdown. A guest socket is a host socket (through
// host/libc.ts; -ENOSYS without it) behind a guest fd of kind 'socket', so read, write,
// poll and close need nothing of their own. How a call blocks: the host sockets made here
// are non-blocking, and every send and receive asks the host not to wait (MSG_DONTWAIT);
// where the guest lets a call block, an EAGAIN waits in the host's poll for the socket to
// become ready, up to the SO_RCVTIMEO / SO_SNDTIMEO the guest set (the host keeps them),
// and the call is made again. A blocking connect waits for the connection and answers
// with its SO_ERROR; a blocking stream send moves everything, and MSG_WAITALL receives
// everything, as Linux's do. Addresses and control messages: sockmsg.ts.

import { closeSync } from 'node:fs';
import { GuestFault } from '../../memory/guest-memory.js';
import { E, SyscallError, errnoFromError, fail } from '../errno.js';
import type { OpenFile } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { MAX_RW_COUNT, MSG, POLL, SO, SOCK, SOCKADDR_STORAGE_SIZE, SOL, UIO_MAXIOV } from '../generic/constants.js';
import { TIMESPEC_SIZE, decodeTimespec, encodeTimespec } from '../generic/structs.js';
import { hostLibc, type HostReceived, type HostSocket, type HostSpan } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { sleepMs } from '../vfs/host.js';
import { fdEntry, guestRange, readGuest, u32s, writeGuest, type SyscallArgs } from './args.js';
import { installMade } from './fd.js';
import { MAX_HOST_WAIT_MS } from './poll.js';
import { iovecs } from './rw.js';
import { brokenPipe } from '../signal-delivery.js';
import { MMSGHDR, MSGHDR, addressIn, addressOut, controlIn, controlOut, decodeMsghdr, noteBound, type HostAddress } from './sockmsg.js';

type A = SyscallArgs;

/** What every host socket made here is: non-blocking (see above), and never inherited by the host's children. */
const HOST_SOCK_FLAGS = HOST_OPEN_FLAGS.O_NONBLOCK | HOST_OPEN_FLAGS.O_CLOEXEC;
/** The most control-message room a receive offers the host (SCM_MAX_FD fds take about 1 KiB). */
const CONTROL_MAX = 1 << 16;
/** The longest option value passed either way (the kernel's own are far shorter). */
const OPTION_MAX = 1 << 16;
const INT_MAX = 0x7fff_ffff;

const errCode = (e: unknown): unknown => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);
/** Whether `e` is an error the guest is told of (a host errno, EFAULT, a SyscallError), not an exit or a bug. */
const guestError = (e: unknown): boolean => e instanceof SyscallError || e instanceof GuestFault || errnoFromError(e) !== undefined;

/** The host's socket calls, or ENOSYS (shown under -d unimp) where there is no libc binding. */
function sockets(p: LinuxProcess): HostSocket {
  const lc = hostLibc()?.socket;
  if (lc) return lc;
  p.logUnimp?.('socket calls need the host libc binding (koffi)');
  return fail(E.ENOSYS);
}

/** The socket behind guest fd `fd`: EBADF if it is not open, ENOTSOCK if it is not a socket. */
function socketOf(p: LinuxProcess, fd: number): OpenFile {
  const f = fdEntry(p, fd).file;
  if (f.kind !== 'socket' || f.hostFd < 0) fail(E.ENOTSOCK);
  return f;
}

/** SOCK_NONBLOCK and SOCK_CLOEXEC, which are the ABI's O_NONBLOCK and O_CLOEXEC: EINVAL for other bits in `flags`. */
function sockFlags(p: LinuxProcess, flags: number): { nonblock: boolean; cloexec: boolean } {
  const o = p.abi.openFlags;
  if (flags & ~(o.O_NONBLOCK | o.O_CLOEXEC)) fail(E.EINVAL);
  return { nonblock: (flags & o.O_NONBLOCK) !== 0, cloexec: (flags & o.O_CLOEXEC) !== 0 };
}

/** A host socket as a new guest fd, read-write as Linux's are (EMFILE closes it). */
function installSocket(p: LinuxProcess, hostFd: number, how: { nonblock: boolean; cloexec: boolean }): number {
  const o = p.abi.openFlags;
  return installMade(p, hostFd, '', o.O_RDWR | (how.nonblock ? o.O_NONBLOCK : 0), 'socket', how.cloexec);
}

// --- waiting ---------------------------------------------------------------------------------

type Direction = 'in' | 'out';

/** When a blocking call on the socket gives up (performance.now() ms): its SO_RCVTIMEO or SO_SNDTIMEO, or never. */
function deadlineOf(lc: HostSocket, hostFd: number, dir: Direction): number {
  const tv = new Uint8Array(16);
  lc.getsockopt(hostFd, SOL.SOCKET, dir === 'in' ? SO.RCVTIMEO : SO.SNDTIMEO, tv);
  const dv = new DataView(tv.buffer);
  const ms = Number(dv.getBigInt64(0, true)) * 1000 + Number(dv.getBigInt64(8, true)) / 1000;
  return ms > 0 ? performance.now() + ms : Infinity;
}

/**
 * Waits in the host's poll (a second at most, so that the caller looks again) for the
 * socket to be ready for `dir`: whether it is, or null once the deadline has passed.
 */
function waitReady(f: OpenFile, dir: Direction, deadline: number): boolean | null {
  const left = deadline - performance.now();
  if (left <= 0) return null;
  const events = dir === 'in' ? POLL.IN : POLL.OUT;
  return hostLibc()!.pollMany([{ fd: f.hostFd, events }], Math.ceil(Math.min(left, MAX_HOST_WAIT_MS)))[0] !== 0;
}

/**
 * Makes the host call `op` (which does not block) and, while it fails with EAGAIN and
 * `block`, waits for the socket and makes it again; EAGAIN once the socket's timeout passes.
 */
function retrying<T>(lc: HostSocket, f: OpenFile, block: boolean, dir: Direction, op: () => T): T {
  let deadline: number | undefined;
  let ready = false;
  for (let spurious = 1; ; ) {
    try {
      return op();
    } catch (e) {
      if (!block || errCode(e) !== 'EAGAIN') throw e;
    }
    if (ready) sleepMs(Math.min(spurious++, 20)); // ready, and yet EAGAIN: do not spin
    deadline ??= deadlineOf(lc, f.hostFd, dir);
    ready = waitReady(f, dir, deadline) ?? fail(E.EAGAIN);
  }
}

// --- socket, socketpair, bind, listen, connect, accept ----------------------------------------

export function sysSocket(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const type = a.int(1);
  const how = sockFlags(p, type & ~SOCK.TYPE_MASK);
  return installSocket(p, lc.socket(a.int(0), (type & SOCK.TYPE_MASK) | HOST_SOCK_FLAGS, a.int(2)), how);
}

export function sysSocketpair(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const type = a.int(1);
  const how = sockFlags(p, type & ~SOCK.TYPE_MASK);
  const [h0, h1] = lc.socketpair(a.int(0), (type & SOCK.TYPE_MASK) | HOST_SOCK_FLAGS, a.int(2));
  const fd0 = installSocket(p, h0, how);
  const fd1 = fd0 < 0 ? -1 : installSocket(p, h1, how);
  if (fd0 < 0) closeSync(h1);
  if (fd1 < 0 || !p.mem.canAccess(a.big(3), 8, 'write')) {
    if (fd0 >= 0) p.fds.close(fd0);
    if (fd1 >= 0) p.fds.close(fd1);
    return fd1 < 0 ? -E.EMFILE : -E.EFAULT;
  }
  writeGuest(p, a.big(3), u32s([fd0, fd1]));
  return 0;
}

/** Runs a host call on a guest address, then releases what the address needed. */
function withAddress<T>(p: LinuxProcess, addr: bigint, len: number, use: (a: HostAddress) => T): T {
  const host = addressIn(p, addr, len);
  try {
    return use(host);
  } finally {
    host.done();
  }
}

export function sysBind(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const f = socketOf(p, a.int(0));
  withAddress(p, a.big(1), a.int(2), (addr) => {
    lc.bind(f.hostFd, addr.bytes);
    noteBound(p, addr);
  });
  return 0;
}

export function sysListen(p: LinuxProcess, a: A): number {
  sockets(p).listen(socketOf(p, a.int(0)).hostFd, a.int(1));
  return 0;
}

/**
 * connect: on a blocking socket an EAGAIN (a Unix listener's backlog is full) tries again,
 * and EINPROGRESS waits for the connection to finish (EINPROGRESS still when SO_SNDTIMEO
 * passes first) and answers with its SO_ERROR.
 */
export function sysConnect(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const f = socketOf(p, a.int(0));
  const block = !p.nonblocking(f);
  withAddress(p, a.big(1), a.int(2), (addr) => {
    try {
      retrying(lc, f, block, 'out', () => lc.connect(f.hostFd, addr.bytes));
    } catch (e) {
      if (!block || errCode(e) !== 'EINPROGRESS') throw e;
      const deadline = deadlineOf(lc, f.hostFd, 'out');
      for (let ready = false; !ready;) ready = waitReady(f, 'out', deadline) ?? fail(E.EINPROGRESS);
      const err = lc.takeError(f.hostFd, 'connect');
      if (err) throw err;
    }
  });
  return 0;
}

function accept(p: LinuxProcess, a: A, flags: number): number {
  const lc = sockets(p);
  const how = sockFlags(p, flags);
  const f = socketOf(p, a.int(0));
  const want = a.big(1) !== 0n;
  const got = retrying(lc, f, !p.nonblocking(f), 'in', () => lc.accept(f.hostFd, HOST_SOCK_FLAGS, want));
  const fd = installSocket(p, got.fd, how);
  if (fd < 0 || !got.addr) return fd;
  try {
    addressOut(p, got.addr, a.big(1), a.big(2));
  } catch (e) {
    p.fds.close(fd); // as Linux: the connection is taken, the fd not given
    throw e;
  }
  return fd;
}

export const sysAccept = (p: LinuxProcess, a: A): number => accept(p, a, 0);
export const sysAccept4 = (p: LinuxProcess, a: A): number => accept(p, a, a.int(3));

function sockName(p: LinuxProcess, a: A, peer: boolean): number {
  const lc = sockets(p);
  addressOut(p, lc.name(socketOf(p, a.int(0)).hostFd, peer), a.big(1), a.big(2));
  return 0;
}

export const sysGetsockname = (p: LinuxProcess, a: A): number => sockName(p, a, false);
export const sysGetpeername = (p: LinuxProcess, a: A): number => sockName(p, a, true);

export function sysShutdown(p: LinuxProcess, a: A): number {
  sockets(p).shutdown(socketOf(p, a.int(0)).hostFd, a.int(1));
  return 0;
}

// --- options -----------------------------------------------------------------------------------

/**
 * Options whose value holds a pointer or an fd the host cannot take from a guest, by
 * level: SO_ATTACH_FILTER / SO_ATTACH_REUSEPORT_CBPF (a struct sock_fprog), the BPF
 * program fds and SO_PEERPIDFD; iptables' and ebtables' tables; TCP_ZEROCOPY_RECEIVE.
 * They answer ENOPROTOOPT, as a kernel without them.
 */
const REFUSED_OPTIONS: ReadonlyMap<number, ReadonlySet<number>> = new Map([
  [SOL.SOCKET, new Set([26, 50, 51, 52, 77])],
  [SOL.IP, new Set([64, 96, 128, 129, 130, 131])],
  [SOL.IPV6, new Set([64])],
  [SOL.TCP, new Set([35])],
]);

function refused(p: LinuxProcess, level: number, name: number): boolean {
  if (!REFUSED_OPTIONS.get(level)?.has(name)) return false;
  p.logUnimp?.(`Unsupported socket option: level ${level} name ${name}`);
  return true;
}

/** setsockopt: the value's bytes go to the host as they are (the same layouts there). */
export function sysSetsockopt(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const f = socketOf(p, a.int(0));
  const len = a.int(4);
  if (len < 0) return -E.EINVAL;
  if (refused(p, a.int(1), a.int(2))) return -E.ENOPROTOOPT;
  lc.setsockopt(f.hostFd, a.int(1), a.int(2), readGuest(p, a.big(3), Math.min(len, OPTION_MAX)));
  return 0;
}

/**
 * getsockopt: the host fills a buffer as long as the guest's (holding the guest's bytes,
 * which a few options read); the length it gives back says what is copied and is stored.
 */
export function sysGetsockopt(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const f = socketOf(p, a.int(0));
  const len = new DataView(readGuest(p, a.big(4), 4).buffer).getInt32(0, true);
  if (len < 0) return -E.EINVAL;
  if (refused(p, a.int(1), a.int(2))) return -E.ENOPROTOOPT;
  const room = Math.min(len, OPTION_MAX);
  const value = p.mem.readBytes(a.big(3), room) ?? new Uint8Array(room);
  const got = Math.min(lc.getsockopt(f.hostFd, a.int(1), a.int(2), value), room);
  if (got) writeGuest(p, a.big(3), value.subarray(0, got));
  writeGuest(p, a.big(4), u32s([got]));
  return 0;
}

// --- sending and receiving ------------------------------------------------------------------------

/** A guest buffer as a span of guest memory: EFAULT unless it allows `access`. */
function span(p: LinuxProcess, addr: number | bigint, len: number, access: 'read' | 'write'): HostSpan {
  return { buf: p.mem.u8, off: guestRange(p, Number(addr), len, access), len };
}

/** A guest iovec array as spans of guest memory (EMSGSIZE beyond UIO_MAXIOV, as a msghdr's is). */
function spans(p: LinuxProcess, iov: bigint, count: bigint, access: 'read' | 'write'): HostSpan[] {
  if (count > BigInt(UIO_MAXIOV)) fail(E.EMSGSIZE);
  return iovecs(p, iov, count).map((v) => span(p, v.base, v.len, access));
}

const total = (iov: readonly HostSpan[]): number => iov.reduce((s, v) => s + v.len, 0);

/** The spans less their first `skip` bytes. */
function after(iov: readonly HostSpan[], skip: number): HostSpan[] {
  const out: HostSpan[] = [];
  for (const v of iov) {
    const k = Math.min(skip, v.len);
    skip -= k;
    if (v.len > k) out.push({ buf: v.buf, off: v.off + k, len: v.len - k });
  }
  return out;
}

/**
 * sendmsg to the host. A blocking stream send goes on until every byte is sent (a
 * failure after some reports how many, without SIGPIPE: the sends after the first ask the
 * host for none); EPIPE comes with the SIGPIPE Linux sends, unless MSG_NOSIGNAL (brokenPipe).
 */
function send(p: LinuxProcess, lc: HostSocket, f: OpenFile, iov: readonly HostSpan[], name: Uint8Array | null, control: Uint8Array | null, flags: number): number {
  const block = !p.nonblocking(f) && !(flags & MSG.DONTWAIT);
  const want = total(iov);
  let sent = 0;
  try {
    for (;;) {
      const rest = sent === 0 ? iov : after(iov, sent);
      const first = sent === 0;
      const n = retrying(lc, f, block, 'out', () => lc.sendmsg(f.hostFd, rest, first ? name : null, first ? control : null, flags | MSG.DONTWAIT | (first ? 0 : MSG.NOSIGNAL)));
      sent += n;
      if (!block || n === 0 || sent >= want) return sent;
    }
  } catch (e) {
    if (sent > 0 && guestError(e)) return sent;
    if (errCode(e) === 'EPIPE' && !(flags & MSG.NOSIGNAL)) brokenPipe(p);
    throw e;
  }
}

/**
 * recvmsg from the host, with room for `controlLen` bytes of control messages (host fds
 * that come are close-on-exec on the host). MSG_WAITALL on a blocking stream socket goes
 * on until the spans are full, the peer is done, or a failure (which reports the bytes).
 */
function receive(p: LinuxProcess, lc: HostSocket, f: OpenFile, iov: readonly HostSpan[], controlLen: number, flags: number): HostReceived {
  const block = !p.nonblocking(f) && !(flags & MSG.DONTWAIT);
  const hostFlags = flags | MSG.DONTWAIT | MSG.CMSG_CLOEXEC;
  const r = retrying(lc, f, block, 'in', () => lc.recvmsg(f.hostFd, iov, controlLen, hostFlags));
  r.flags = (r.flags & ~MSG.CMSG_CLOEXEC) | (flags & MSG.CMSG_CLOEXEC); // the kernel echoes it: the guest's, not ours
  const want = total(iov);
  if (!block || !(flags & MSG.WAITALL) || flags & MSG.PEEK || r.n === 0 || r.n >= want || r.control.length) return r;
  const type = new Uint8Array(4);
  lc.getsockopt(f.hostFd, SOL.SOCKET, SO.TYPE, type);
  if (type[0] !== SOCK.STREAM) return r;
  while (r.n < want) {
    let n: number;
    try {
      n = retrying(lc, f, block, 'in', () => lc.recvmsg(f.hostFd, after(iov, r.n), 0, hostFlags).n);
    } catch (e) {
      if (!guestError(e)) throw e;
      break;
    }
    if (n === 0) break;
    r.n += n;
  }
  return r;
}

export function sysSendto(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const f = socketOf(p, a.int(0));
  const data = span(p, a.ptr(1), Math.min(a.size(2), MAX_RW_COUNT), 'read');
  if (!a.big(4)) return send(p, lc, f, [data], null, null, a.int(3));
  return withAddress(p, a.big(4), a.int(5), (addr) => send(p, lc, f, [data], addr.bytes, null, a.int(3)));
}

export function sysRecvfrom(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const f = socketOf(p, a.int(0));
  const data = span(p, a.ptr(1), Math.min(a.size(2), MAX_RW_COUNT), 'write');
  const r = receive(p, lc, f, [data], 0, a.int(3));
  if (a.big(4)) addressOut(p, r.name, a.big(4), a.big(5)); // as Linux: after the data is taken
  return r.n;
}

/** sendmsg of the guest's msghdr at `at`: its name (its length cut to a sockaddr_storage), iovecs and control messages. */
function sendMsghdr(p: LinuxProcess, lc: HostSocket, f: OpenFile, at: bigint, flags: number): number {
  const m = decodeMsghdr(readGuest(p, at, MSGHDR.SIZE));
  if (m.namelen < 0) fail(E.EINVAL);
  if (m.iovlen > BigInt(UIO_MAXIOV)) fail(E.EMSGSIZE);
  const go = (name: Uint8Array | null): number => {
    const iov = spans(p, m.iov, m.iovlen, 'read');
    if (m.controllen > BigInt(INT_MAX)) fail(E.ENOBUFS);
    const control = m.controllen ? controlIn(p, readGuest(p, m.control, Number(m.controllen))) : null;
    return send(p, lc, f, iov, name, control, flags);
  };
  if (!m.name || !m.namelen) return go(null);
  return withAddress(p, m.name, Math.min(m.namelen, SOCKADDR_STORAGE_SIZE), (addr) => go(addr.bytes));
}

/**
 * recvmsg into the guest's msghdr at `at`: the data into its iovecs, the source address
 * (when msg_name is set), the control messages translated, msg_controllen and msg_flags.
 */
function recvMsghdr(p: LinuxProcess, lc: HostSocket, f: OpenFile, at: bigint, flags: number): number {
  const m = decodeMsghdr(readGuest(p, at, MSGHDR.SIZE));
  if (m.namelen < 0) fail(E.EINVAL);
  if (m.iovlen > BigInt(UIO_MAXIOV)) fail(E.EMSGSIZE);
  const iov = spans(p, m.iov, m.iovlen, 'write');
  const room = m.control ? Number(m.controllen > BigInt(CONTROL_MAX) ? CONTROL_MAX : m.controllen) : 0;
  guestRange(p, Number(m.control), room, 'write');
  guestRange(p, Number(at), MSGHDR.SIZE, 'write');
  const r = receive(p, lc, f, iov, room, flags);
  const control = controlOut(p, r.control, (flags & MSG.CMSG_CLOEXEC) !== 0);
  if (control.bytes.length) writeGuest(p, m.control, control.bytes);
  if (m.name) addressOut(p, r.name, m.name, at + BigInt(MSGHDR.namelen));
  const tail = new Uint8Array(16);
  const dv = new DataView(tail.buffer);
  dv.setBigUint64(0, BigInt(control.bytes.length), true);
  dv.setInt32(8, r.flags | (control.truncated ? MSG.CTRUNC : 0), true);
  writeGuest(p, at + BigInt(MSGHDR.controllen), tail.subarray(0, 12));
  return r.n;
}

export function sysSendmsg(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  return sendMsghdr(p, lc, socketOf(p, a.int(0)), a.big(1), a.int(2));
}

export function sysRecvmsg(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  return recvMsghdr(p, lc, socketOf(p, a.int(0)), a.big(1), a.int(2));
}

/**
 * Runs `one` on each struct mmsghdr of the vector, storing msg_len, until `more` says
 * stop: how many went, or the first one's error (a later error ends the batch quietly).
 */
function batch(p: LinuxProcess, vec: bigint, count: number, one: (at: bigint, i: number) => number, more: () => boolean): number {
  let done = 0;
  while (done < count) {
    const at = vec + BigInt(done * MMSGHDR.SIZE);
    try {
      writeGuest(p, at + BigInt(MMSGHDR.msg_len), u32s([one(at, done)]));
    } catch (e) {
      if (done === 0 || !guestError(e)) throw e;
      break;
    }
    done++;
    if (!more()) break;
  }
  return done;
}

/** sendmmsg: each message as sendmsg sends it, at most UIO_MAXIOV of them. */
export function sysSendmmsg(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const f = socketOf(p, a.int(0));
  return batch(p, a.big(1), Math.min(a.uint(2), UIO_MAXIOV), (at) => sendMsghdr(p, lc, f, at, a.int(3)), () => true);
}

/**
 * recvmmsg: each message as recvmsg receives it; MSG_WAITFORONE stops waiting after the
 * first. As in Linux, the timeout is looked at only after each message (it does not cut a
 * wait short), and what is left of it is stored back.
 */
export function sysRecvmmsg(p: LinuxProcess, a: A): number {
  const lc = sockets(p);
  const timeoutAt = a.big(4);
  let end: bigint | null = null;
  if (timeoutAt) {
    const { sec, nsec } = decodeTimespec(readGuest(p, timeoutAt, TIMESPEC_SIZE));
    if (sec < 0n || nsec < 0n || nsec >= 1_000_000_000n) return -E.EINVAL;
    end = process.hrtime.bigint() + sec * 1_000_000_000n + nsec;
  }
  const f = socketOf(p, a.int(0));
  let flags = a.int(3) & ~MSG.WAITFORONE;
  let left = 0n;
  const n = batch(p, a.big(1), a.uint(2), (at) => recvMsghdr(p, lc, f, at, flags), () => {
    if (a.int(3) & MSG.WAITFORONE) flags |= MSG.DONTWAIT;
    if (end === null) return true;
    left = end - process.hrtime.bigint();
    return left > 0n;
  });
  if (end !== null && n > 0) writeGuest(p, timeoutAt, encodeTimespec(left > 0n ? left : 0n));
  return n;
}
