// The one module that calls libc directly, through koffi (an FFI): the system calls where
// Node's own binding costs more than the call itself. A read or write through node:fs
// takes ~0.4 µs of validation and request objects around a ~0.1 µs system call; koffi's
// call is about half that. Loaded on first use (koffi takes ~10 ms to load, which start-up
// must not pay: vfs/host.ts asks only once a run has made many host reads and writes), and
// null where koffi or libc is not there (another OS, a browser, an install without it):
// callers then keep to node:fs. Failures are thrown as node:fs throws them (an Error with
// the errno name as `code`), so errno.ts stays the one place that turns them into guest errnos.

/** read/write on the bytes [off, off+len) of a buffer over shared memory (guest memory). */
export interface HostLibc {
  /** Whether `buf` can be passed here: its backing store never moves (a SharedArrayBuffer). */
  takes(buf: Uint8Array): boolean;
  /** write(2), or pwrite(2) when `position` is a number: the bytes written. Retries EINTR, as libuv does. */
  write(fd: number, buf: Uint8Array, off: number, len: number, position: number | null): number;
  /** read(2), or pread(2) when `position` is a number: the bytes read. */
  read(fd: number, buf: Uint8Array, off: number, len: number, position: number | null): number;
}

interface Koffi {
  load(path: string): { func(signature: string): (...args: unknown[]) => unknown };
  address(value: unknown): bigint;
  errno(): number;
  os: { errno: Record<string, number> };
}

declare const require: ((id: string) => unknown) | undefined;

let loaded: HostLibc | null | undefined;

/**
 * libc through koffi, loaded at the first call; null when it cannot be had. `req` resolves
 * 'koffi' (the bundle is given the launcher's require; sources run as ES modules pass one).
 */
export function hostLibc(req: ((id: string) => unknown) | undefined = typeof require === 'function' ? require : undefined): HostLibc | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (req === undefined || process.platform !== 'linux') return loaded;
  try {
    loaded = bind(req('koffi') as Koffi);
  } catch {
    // koffi missing, or no prebuilt binary for this host: node:fs it is
  }
  return loaded;
}

function bind(koffi: Koffi): HostLibc {
  const libc = koffi.load('libc.so.6');
  const write = libc.func('intptr_t write(int fd, uintptr_t buf, size_t count)') as (fd: number, buf: number, count: number) => number;
  const pwrite = libc.func('intptr_t pwrite(int fd, uintptr_t buf, size_t count, int64_t offset)') as (fd: number, buf: number, count: number, offset: number) => number;
  const read = libc.func('intptr_t read(int fd, uintptr_t buf, size_t count)') as (fd: number, buf: number, count: number) => number;
  const pread = libc.func('intptr_t pread(int fd, uintptr_t buf, size_t count, int64_t offset)') as (fd: number, buf: number, count: number, offset: number) => number;
  const EINTR = koffi.os.errno.EINTR;
  let names: Map<number, string> | undefined;

  // The host address of the last buffer taken: koffi.address costs ~0.25 µs (and the test
  // for a SharedArrayBuffer ~40 ns), while the guest memory is nearly always the buffer.
  let lastBuf: Uint8Array | null = null;
  let lastAddr = 0;
  const takes = (buf: Uint8Array): boolean => {
    if (buf === lastBuf) return true;
    if (!(buf.buffer instanceof SharedArrayBuffer)) return false;
    lastAddr = Number(koffi.address(buf));
    lastBuf = buf;
    return true;
  };
  /** The error node:fs would have thrown for host errno `n`. */
  const failure = (n: number, syscall: string): Error => {
    if (names === undefined) {
      // The first name for a number: EAGAIN, not EWOULDBLOCK (whose code the EAGAIN retry would miss).
      names = new Map();
      for (const [name, num] of Object.entries(koffi.os.errno)) if (!names.has(num)) names.set(num, name);
    }
    const code = names.get(n) ?? `E${n}`;
    return Object.assign(new Error(`${code}: ${syscall}`), { errno: -n, code, syscall });
  };
  /** The host address of buf[off, off+len), which must be a buffer takes() took. */
  const addressOf = (buf: Uint8Array, off: number, len: number): number => {
    if (!takes(buf) || off < 0 || len < 0 || off + len > buf.length) {
      throw new RangeError(`host I/O outside a shared buffer: [${off}, ${off + len}) of ${buf.length}`);
    }
    return lastAddr + off;
  };

  return {
    takes,
    write(fd, buf, off, len, position) {
      const at = addressOf(buf, off, len);
      for (;;) {
        const n = position === null ? write(fd, at, len) : pwrite(fd, at, len, position);
        if (n >= 0) return n;
        const e = koffi.errno();
        if (e !== EINTR) throw failure(e, position === null ? 'write' : 'pwrite');
      }
    },
    read(fd, buf, off, len, position) {
      const at = addressOf(buf, off, len);
      for (;;) {
        const n = position === null ? read(fd, at, len) : pread(fd, at, len, position);
        if (n >= 0) return n;
        const e = koffi.errno();
        if (e !== EINTR) throw failure(e, position === null ? 'read' : 'pread');
      }
    },
  };
}
