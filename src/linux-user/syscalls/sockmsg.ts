// What the socket calls (socket.ts) pass to and from the host besides data: addresses
// (struct sockaddr), the guest's struct msghdr, and control messages. On the 64-bit
// asm-generic guests every one of these layouts is the host's; only what names a file or
// an fd changes on the way. An AF_UNIX path relative to the guest's cwd (the emulator
// never changes the host's) goes to the host made absolute, and comes back from
// getsockname, getpeername, accept and recvfrom as the guest gave it. SCM_RIGHTS carries
// guest fds out as host fds and brings host fds in as new guest fds. Control messages
// that carry neither and whose payload is plain data pass through; any other is refused.

import { closeSync, fstatSync, openSync, readlinkSync } from 'node:fs';
import { E, fail } from '../errno.js';
import { OpenFile } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { AF, SCM, SOCKADDR_STORAGE_SIZE, SOL } from '../generic/constants.js';
import { hostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { hostFdInfo, kindOf, translateOpenFlags } from '../vfs/host.js';
import { hostFileSystem } from '../vfs/host-fs.js';
import { readGuest, u32s, writeGuest } from './args.js';

// --- addresses ----------------------------------------------------------------------------

/** offsetof(struct sockaddr_un, sun_path), and sizeof(sun_path). */
const SUN_PATH = 2;
const UNIX_PATH_MAX = 108;
const SLASH = 0x2f;

/** A guest address made ready for the host. */
export interface HostAddress {
  bytes: Uint8Array;
  /** An AF_UNIX path: the one the host was given (latin1, a byte a character), and the guest's own when that differs. */
  unix?: { host: string; guest: Uint8Array | null };
  /** Closes what a long relative AF_UNIX path needed (a directory fd): call once the host call is made. */
  done(): void;
}

/**
 * The relative AF_UNIX paths this process bound, by the path the host was given: what
 * getsockname and the peers' getpeername show is the guest's own (there is one process).
 */
const boundNames = new WeakMap<LinuxProcess, Map<string, Uint8Array>>();

const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/**
 * The address of `len` bytes at `addr` (bind, connect, sendto, sendmsg's msg_name): EINVAL
 * beyond a sockaddr_storage or below 0, as move_addr_to_kernel; EFAULT if unreadable.
 */
export function addressIn(p: LinuxProcess, addr: bigint, len: number): HostAddress {
  if (len < 0 || len > SOCKADDR_STORAGE_SIZE) fail(E.EINVAL);
  const bytes = len === 0 ? new Uint8Array(0) : readGuest(p, addr, len);
  const done = (): void => {};
  // Not AF_UNIX, unnamed, abstract (a leading NUL), or longer than sockaddr_un (the host refuses it).
  if (len <= SUN_PATH || bytes[0] + bytes[1] * 256 !== AF.UNIX || bytes[SUN_PATH] === 0 || len > SUN_PATH + UNIX_PATH_MAX) return { bytes, done };
  const end = bytes.indexOf(0, SUN_PATH);
  const path = bytes.subarray(SUN_PATH, end < 0 ? len : end);
  if (path[0] === SLASH) return { bytes, unix: { host: latin1(path), guest: null }, done };
  const full = Buffer.concat([Buffer.from(p.cwd.endsWith('/') ? p.cwd : `${p.cwd}/`), path]);
  if (full.length < UNIX_PATH_MAX) return { bytes: sockaddrUn(full), unix: { host: latin1(full), guest: path.slice() }, done };
  // Too long for sun_path made absolute: name it through the directory's fd, as the kernel
  // would have walked it from the cwd.
  const slash = full.lastIndexOf(SLASH);
  const dirFd = openSync(full.subarray(0, Math.max(slash, 1)), HOST_OPEN_FLAGS.O_PATH | HOST_OPEN_FLAGS.O_DIRECTORY | HOST_OPEN_FLAGS.O_CLOEXEC);
  const viaFd = Buffer.concat([Buffer.from(`/proc/self/fd/${dirFd}/`), full.subarray(slash + 1)]);
  return { bytes: sockaddrUn(viaFd), unix: { host: latin1(viaFd), guest: path.slice() }, done: () => closeSync(dirFd) };
}

/** struct sockaddr_un for a path, NUL-terminated, as long as it needs to be. */
function sockaddrUn(path: Uint8Array): Uint8Array {
  const b = new Uint8Array(SUN_PATH + path.length + 1);
  b[0] = AF.UNIX;
  b.set(path, SUN_PATH);
  return b;
}

/** After a successful bind: remembers (or forgets) the guest's own name for an AF_UNIX path. */
export function noteBound(p: LinuxProcess, a: HostAddress): void {
  if (!a.unix) return;
  let names = boundNames.get(p);
  if (a.unix.guest) {
    if (!names) boundNames.set(p, (names = new Map()));
    names.set(a.unix.host, a.unix.guest);
  } else {
    names?.delete(a.unix.host);
  }
}

/** An address from the host as the guest sees it: an AF_UNIX path it bound relative comes back relative. */
export function guestAddress(p: LinuxProcess, host: Uint8Array): Uint8Array {
  const names = boundNames.get(p);
  if (!names || host.length <= SUN_PATH || host[0] + host[1] * 256 !== AF.UNIX || host[SUN_PATH] === 0) return host;
  const end = host.indexOf(0, SUN_PATH);
  const guest = names.get(latin1(host.subarray(SUN_PATH, end < 0 ? host.length : end)));
  return guest ? sockaddrUn(guest) : host;
}

/**
 * Writes an address from the host to the guest as move_addr_to_user does: the int at
 * `lenAt` says how much room there is (EINVAL below 0), as much of the address as fits is
 * copied, and the address's whole length is stored back at `lenAt`.
 */
export function addressOut(p: LinuxProcess, host: Uint8Array, addr: bigint, lenAt: bigint): void {
  const bytes = guestAddress(p, host);
  const room = new DataView(readGuest(p, lenAt, 4).buffer).getInt32(0, true);
  if (room < 0) fail(E.EINVAL);
  const n = Math.min(room, bytes.length);
  if (n) writeGuest(p, addr, bytes.subarray(0, n));
  writeGuest(p, lenAt, u32s([bytes.length]));
}

// --- struct msghdr ---------------------------------------------------------------------------

/** struct user_msghdr of a 64-bit guest, and struct mmsghdr (a msghdr and its msg_len). */
export const MSGHDR = { name: 0, namelen: 8, iov: 16, iovlen: 24, control: 32, controllen: 40, flags: 48, SIZE: 56 } as const;
export const MMSGHDR = { msg_len: 56, SIZE: 64 } as const;

export interface Msghdr { name: bigint; namelen: number; iov: bigint; iovlen: bigint; control: bigint; controllen: bigint }

export function decodeMsghdr(b: Uint8Array): Msghdr {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u64 = (at: number): bigint => dv.getBigUint64(at, true);
  return {
    name: u64(MSGHDR.name), namelen: dv.getInt32(MSGHDR.namelen, true), iov: u64(MSGHDR.iov),
    iovlen: u64(MSGHDR.iovlen), control: u64(MSGHDR.control), controllen: u64(MSGHDR.controllen),
  };
}

// --- control messages ---------------------------------------------------------------------------

/** struct cmsghdr: size_t cmsg_len; int cmsg_level; int cmsg_type; then the data, 8-aligned. */
const CMSG = { len: 0, level: 8, type: 12, DATA: 16 } as const;
const cmsgAlign = (n: number): number => (n + 7) & ~7;

/**
 * The control messages whose payload is plain data, the same on host and guest (no fd,
 * no pointer), by level: SOL_SOCKET's credentials, security label, timestamps, drop
 * count, mark, priority and transmit time; IP's and IPv6's packet info, TTL / hop limit,
 * TOS / traffic class, options, errors and original destination; UDP's segment sizes.
 */
const PLAIN_CMSGS: ReadonlyMap<number, ReadonlySet<number>> = new Map([
  [SOL.SOCKET, new Set([SCM.CREDENTIALS, SCM.SECURITY, 12, 29, 35, 36, 37, 40, 41, 61, 63, 64, 65])],
  [SOL.IP, new Set([1, 2, 6, 7, 8, 11, 20, 23])],
  [SOL.IPV6, new Set([25, 50, 52, 61, 62, 67, 74])],
  [SOL.UDP, new Set([103, 104])],
]);
const isPlain = (level: number, type: number): boolean => PLAIN_CMSGS.get(level)?.has(type) ?? false;
const carriesFds = (level: number, type: number): boolean => level === SOL.SOCKET && (type === SCM.RIGHTS || type === SCM.PIDFD);

/** Calls `each` for the control messages in `b` the way the kernel walks them (CMSG_FIRSTHDR / CMSG_NXTHDR); EINVAL for a bad cmsg_len. */
function walk(b: Uint8Array, each: (at: number, len: number, level: number, type: number) => void): void {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let at = 0; at + CMSG.DATA <= b.length;) {
    const len = dv.getBigUint64(at + CMSG.len, true);
    if (len < BigInt(CMSG.DATA) || len > BigInt(b.length - at)) fail(E.EINVAL);
    each(at, Number(len), dv.getInt32(at + CMSG.level, true), dv.getInt32(at + CMSG.type, true));
    at += cmsgAlign(Number(len));
  }
}

/**
 * The guest's control messages for the host: SCM_RIGHTS's guest fds become host fds (one
 * not open becomes -1, for the host to refuse with EBADF where it reads them); plain ones
 * pass; any other is EINVAL. A regular file sent along hands its offset to the host fd,
 * which the receiver shares: from then on it reads and writes at the host's offset.
 */
export function controlIn(p: LinuxProcess, guest: Uint8Array): Uint8Array {
  const host = guest.slice();
  const dv = new DataView(host.buffer);
  walk(host, (at, len, level, type) => {
    if (level === SOL.SOCKET && type === SCM.RIGHTS) {
      for (let i = at + CMSG.DATA; i + 4 <= at + len; i += 4) {
        const f = p.fds.get(dv.getInt32(i, true))?.file;
        if (f?.kind === 'file' && f.pos !== null && f.hostFd >= 0) {
          hostLibc()?.seek(f.hostFd, f.pos);
          f.pos = null;
        }
        dv.setInt32(i, f && f.hostFd >= 0 ? f.hostFd : -1, true);
      }
    } else if (!isPlain(level, type)) {
      p.logUnimp?.(`Unsupported ancillary data: level ${level} type ${type}`);
      fail(E.EINVAL);
    }
  });
  return host;
}

/**
 * The host's control messages for the guest, laid out again (a message may shrink): the
 * fds of SCM_RIGHTS (and SCM_PIDFD) become new guest fds, close-on-exec with `cloexec`;
 * those the fd table has no room for are closed, and messages we cannot translate are
 * dropped, both reported as MSG_CTRUNC, as Linux reports fds it could not install.
 */
export function controlOut(p: LinuxProcess, host: Uint8Array, cloexec: boolean): { bytes: Uint8Array; truncated: boolean } {
  const out = new Uint8Array(host.length);
  const hv = new DataView(host.buffer, host.byteOffset, host.byteLength);
  const ov = new DataView(out.buffer);
  let w = 0;
  let truncated = false;
  walk(host, (at, len, level, type) => {
    let data = host.subarray(at + CMSG.DATA, at + len);
    if (carriesFds(level, type)) {
      const fds: number[] = [];
      for (let i = 0; i + 4 <= data.length; i += 4) {
        const hostFd = hv.getInt32(at + CMSG.DATA + i, true);
        const fd = fds.length * 4 === i ? adopt(p, hostFd, cloexec) : (closeSync(hostFd), -1);
        if (fd < 0) truncated = true;
        else fds.push(fd);
      }
      if (fds.length === 0) return;
      data = u32s(fds);
    } else if (!isPlain(level, type)) {
      p.logUnimp?.(`Unsupported host ancillary data: level ${level} type ${type}`);
      truncated = true;
      return;
    }
    ov.setBigUint64(w + CMSG.len, BigInt(CMSG.DATA + data.length), true);
    ov.setInt32(w + CMSG.level, level, true);
    ov.setInt32(w + CMSG.type, type, true);
    out.set(data, w + CMSG.DATA);
    w = Math.min(w + cmsgAlign(CMSG.DATA + data.length), out.length);
  });
  return { bytes: out.subarray(0, w), truncated };
}

/**
 * A host fd that came in a control message, as a new guest fd whose kind, status flags
 * and (for a file or directory) path are read from the host; -1, the fd closed, when the
 * table is full. A regular file keeps the offset it shares with the sender on the host.
 * The pipes and sockets an emulator makes are non-blocking on the host whatever their
 * guest asked, so those are taken to be blocking, the likelier truth.
 */
function adopt(p: LinuxProcess, hostFd: number, cloexec: boolean): number {
  const o = p.abi.openFlags;
  let file: OpenFile;
  try {
    const hostFlags = hostFdInfo(hostFd)?.flags ?? HOST_OPEN_FLAGS.O_RDWR;
    let flags = translateOpenFlags(hostFlags, HOST_OPEN_FLAGS, o) & ~o.O_CLOEXEC;
    const kind = hostFlags & HOST_OPEN_FLAGS.O_PATH ? 'path' : kindOf(fstatSync(hostFd), hostFd);
    if (kind === 'pipe' || kind === 'socket') flags &= ~o.O_NONBLOCK;
    const path = kind === 'file' || kind === 'dir' || kind === 'path' ? readlinkSync(`/proc/self/fd/${hostFd}`) : '';
    file = new OpenFile(hostFileSystem, hostFd, path, flags, kind, kind === 'dir' ? 0 : null, true);
  } catch (e) {
    closeSync(hostFd);
    throw e;
  }
  const fd = p.fds.install(file, cloexec, p.fdLimit);
  if (fd < 0) closeSync(hostFd);
  return fd;
}
