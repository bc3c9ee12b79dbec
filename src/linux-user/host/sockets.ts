// The socket calls of the host's libc (host/libc.ts binds them with the rest): socket(2)
// to recvmsg(2), a struct msghdr built in memory that never moves, data moved straight
// between the host and guest memory. Only libc.ts uses this file.

/** A libc function by its C signature, wrapped as libc.ts wraps them (a failure throws its errno). */
type Call = <A extends unknown[]>(sig: string) => (...args: A) => number;
/** What is used here of koffi: the host address of a buffer. */
interface KoffiAddress {
  address(value: unknown): bigint;
}

/** Bytes [off, off+len) of a buffer takes() takes (guest memory): the host reads or writes them in place. */
export interface HostSpan { buf: Uint8Array; off: number; len: number }

/** What recvmsg(2) gives besides the data: the byte count, the source address, the control messages and msg_flags. */
export interface HostReceived { n: number; name: Uint8Array; control: Uint8Array; flags: number }

/**
 * The socket calls with host values for every flag. Addresses are given and returned as
 * the bytes of a struct sockaddr (a returned one as long as the kernel says, at most
 * sizeof(struct sockaddr_storage)); data moves through spans of guest memory, without copies.
 */
export interface HostSocket {
  socket(domain: number, type: number, protocol: number): number;
  socketpair(domain: number, type: number, protocol: number): [number, number];
  bind(fd: number, addr: Uint8Array): void;
  connect(fd: number, addr: Uint8Array): void;
  listen(fd: number, backlog: number): void;
  /** accept4(2): the new fd, and the peer's address when `wantAddr`. */
  accept(fd: number, flags: number, wantAddr: boolean): { fd: number; addr: Uint8Array | null };
  /** getsockname(2), or getpeername(2) when `peer`. */
  name(fd: number, peer: boolean): Uint8Array;
  /** sendmsg(2) of the spans, to `name` when given, with `control` (host cmsghdrs) when given. */
  sendmsg(fd: number, iov: readonly HostSpan[], name: Uint8Array | null, control: Uint8Array | null, flags: number): number;
  /** recvmsg(2) into the spans, with room for `controlLen` bytes of control messages. */
  recvmsg(fd: number, iov: readonly HostSpan[], controlLen: number, flags: number): HostReceived;
  setsockopt(fd: number, level: number, name: number, value: Uint8Array): void;
  /** getsockopt(2) into `value` (its length is the optlen given): the length the kernel returns. */
  getsockopt(fd: number, level: number, name: number, value: Uint8Array): number;
  shutdown(fd: number, how: number): void;
  /** SO_ERROR, read and cleared: the error a failed `syscall` would have thrown, or null. */
  takeError(fd: number, syscall: string): Error | null;
}

/** struct msghdr and struct iovec of a 64-bit host, and sizeof(struct sockaddr_storage). */
const HOST_MSGHDR = { name: 0, namelen: 8, iov: 16, iovlen: 24, control: 32, controllen: 40, flags: 48, SIZE: 56 } as const;
const HOST_IOVEC_SIZE = 16;
const SOCKADDR_STORAGE = 128;
/** SOL_SOCKET and SO_ERROR (asm-generic socket.h, x86-64's too). */
const HOST_SOL_SOCKET = 1;
const HOST_SO_ERROR = 4;

/**
 * The socket calls (HostSocket) over libc's. A msghdr is built in scratch memory that
 * never moves (a SharedArrayBuffer): the header, room for a sockaddr_storage, the iovecs
 * (host addresses in guest memory, through `addressOf`) and the control messages.
 */
export function bindSockets(call: Call, failure: (n: number, syscall: string) => Error, addressOf: (buf: Uint8Array, off: number, len: number) => number, koffi: KoffiAddress): HostSocket {
  const socket = call<[number, number, number]>('int socket(int domain, int type, int protocol)');
  const socketpair = call<[number, number, number, Buffer]>('int socketpair(int domain, int type, int protocol, _Out_ uint8_t *sv)');
  const bind = call<[number, Uint8Array, number]>('int bind(int fd, const uint8_t *addr, uint32_t len)');
  const connect = call<[number, Uint8Array, number]>('int connect(int fd, const uint8_t *addr, uint32_t len)');
  const listen = call<[number, number]>('int listen(int fd, int backlog)');
  const accept4 = call<[number, Buffer | null, Buffer | null, number]>('int accept4(int fd, _Inout_ uint8_t *addr, _Inout_ uint8_t *len, int flags)');
  const getsockname = call<[number, Buffer, Buffer]>('int getsockname(int fd, _Inout_ uint8_t *addr, _Inout_ uint8_t *len)');
  const getpeername = call<[number, Buffer, Buffer]>('int getpeername(int fd, _Inout_ uint8_t *addr, _Inout_ uint8_t *len)');
  const sendmsg = call<[number, number, number]>('intptr_t sendmsg(int fd, uintptr_t msg, int flags)');
  const recvmsg = call<[number, number, number]>('intptr_t recvmsg(int fd, uintptr_t msg, int flags)');
  const setsockopt = call<[number, number, number, Uint8Array, number]>('int setsockopt(int fd, int level, int name, const uint8_t *value, uint32_t len)');
  const getsockopt = call<[number, number, number, Uint8Array, Buffer]>('int getsockopt(int fd, int level, int name, _Inout_ uint8_t *value, _Inout_ uint8_t *len)');
  const shutdown = call<[number, number]>('int shutdown(int fd, int how)');

  const addr = Buffer.alloc(SOCKADDR_STORAGE);
  const len = Buffer.alloc(4);
  /** An address call's result: the first `len` bytes of `addr`. */
  const withAddress = (f: () => number): Uint8Array => {
    len.writeUint32LE(SOCKADDR_STORAGE);
    f();
    return addr.subarray(0, Math.min(len.readUint32LE(0), SOCKADDR_STORAGE)).slice();
  };

  let arena: Uint8Array = new Uint8Array(0);
  let arenaAt = 0;
  /**
   * A msghdr in the arena for the spans, msg_name pointing at room for a sockaddr_storage
   * (msg_namelen is the caller's to set) and msg_control at room for `controlLen` bytes:
   * the view of the header, and where the name and the control messages go.
   */
  const message = (iov: readonly HostSpan[], controlLen: number): { dv: DataView; nameAt: number; controlAt: number } => {
    const nameAt = HOST_MSGHDR.SIZE;
    const iovAt = nameAt + SOCKADDR_STORAGE;
    const controlAt = iovAt + iov.length * HOST_IOVEC_SIZE;
    const size = controlAt + controlLen;
    if (arena.length < size) {
      arena = new Uint8Array(new SharedArrayBuffer(Math.max(size, 4096)));
      arenaAt = Number(koffi.address(arena));
    }
    arena.fill(0, 0, size);
    const dv = new DataView(arena.buffer, 0, size);
    const ptr = (at: number, value: number): void => dv.setBigUint64(at, BigInt(value), true);
    ptr(HOST_MSGHDR.name, arenaAt + nameAt);
    ptr(HOST_MSGHDR.iov, arenaAt + iovAt);
    ptr(HOST_MSGHDR.iovlen, iov.length);
    ptr(HOST_MSGHDR.control, controlLen ? arenaAt + controlAt : 0);
    ptr(HOST_MSGHDR.controllen, controlLen);
    iov.forEach((s, i) => {
      ptr(iovAt + i * HOST_IOVEC_SIZE, addressOf(s.buf, s.off, s.len));
      ptr(iovAt + i * HOST_IOVEC_SIZE + 8, s.len);
    });
    return { dv, nameAt, controlAt };
  };
  const soError = Buffer.alloc(4);

  return {
    socket,
    socketpair(domain, type, protocol) {
      const sv = Buffer.alloc(8);
      socketpair(domain, type, protocol, sv);
      return [sv.readInt32LE(0), sv.readInt32LE(4)];
    },
    bind: (fd, a) => void bind(fd, a, a.length),
    connect: (fd, a) => void connect(fd, a, a.length),
    listen: (fd, backlog) => void listen(fd, backlog),
    accept(fd, flags, wantAddr) {
      if (!wantAddr) return { fd: accept4(fd, null, null, flags), addr: null };
      let got = -1;
      const a = withAddress(() => (got = accept4(fd, addr, len, flags)));
      return { fd: got, addr: a };
    },
    name: (fd, peer) => withAddress(() => (peer ? getpeername : getsockname)(fd, addr, len)),
    sendmsg(fd, iov, name, control, flags) {
      const { dv, nameAt, controlAt } = message(iov, control?.length ?? 0);
      if (name) arena.set(name, nameAt);
      dv.setUint32(HOST_MSGHDR.namelen, name?.length ?? 0, true);
      if (!name) dv.setBigUint64(HOST_MSGHDR.name, 0n, true);
      if (control) arena.set(control, controlAt);
      return sendmsg(fd, arenaAt, flags);
    },
    recvmsg(fd, iov, controlLen, flags) {
      const { dv, nameAt, controlAt } = message(iov, controlLen);
      dv.setUint32(HOST_MSGHDR.namelen, SOCKADDR_STORAGE, true);
      const n = recvmsg(fd, arenaAt, flags);
      const nameLen = Math.min(dv.getUint32(HOST_MSGHDR.namelen, true), SOCKADDR_STORAGE);
      const controlGot = Math.min(Number(dv.getBigUint64(HOST_MSGHDR.controllen, true)), controlLen);
      return {
        n, name: arena.slice(nameAt, nameAt + nameLen), control: arena.slice(controlAt, controlAt + controlGot), flags: dv.getInt32(HOST_MSGHDR.flags, true),
      };
    },
    setsockopt: (fd, level, name, v) => void setsockopt(fd, level, name, v, v.length),
    getsockopt(fd, level, name, v) {
      len.writeUint32LE(v.length);
      getsockopt(fd, level, name, v, len);
      return len.readUint32LE(0);
    },
    shutdown: (fd, how) => void shutdown(fd, how),
    takeError(fd, syscall) {
      len.writeUint32LE(4);
      getsockopt(fd, HOST_SOL_SOCKET, HOST_SO_ERROR, soError, len);
      const e = soError.readInt32LE(0);
      return e ? failure(e, syscall) : null;
    },
  };
}

