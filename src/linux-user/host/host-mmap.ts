// Host mappings inside the guest memory: a guest MAP_SHARED|MAP_ANONYMOUS mapping's pages
// are a host memfd mapped over that range of the WebAssembly.Memory, with mmap(2)
// MAP_FIXED at its address in this process (V8 reserved the whole 4 GiB and made it
// read-write at once; it only ever reads and writes those pages), so that a forked child
// mapping the same memfd at the same place shares them, as Linux's child shares them.
// Translated code, tier 0 and the syscall layer see the memfd's pages as any others. A
// memfd is never truncated under a mapping of it (it is ours alone), so no access can
// meet SIGBUS. Only where host pages are the guest's 4 KiB. Only libc.ts binds this file.

/** The host calls behind shared guest memory. */
export interface HostMmap {
  /** Maps host fd `fd` from byte `offset` over [start, start+len) of `mem` (MAP_SHARED|MAP_FIXED, read-write). */
  mapShared(mem: Uint8Array, start: number, len: number, fd: number, offset: number): void;
  /** Gives [start, start+len) of `mem` fresh private zero pages (MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, read-write). */
  mapPrivate(mem: Uint8Array, start: number, len: number): void;
  /** ftruncate(2). */
  setSize(fd: number, len: number): void;
}

/** A libc function by its C signature, wrapped as libc.ts wraps them (a failure throws its errno, EINTR is retried). */
type Call = <A extends unknown[]>(sig: string) => (...args: A) => number;

/** Linux's (every architecture's) values. */
const PROT_READ_WRITE = 3;
const MAP_SHARED = 0x01;
const MAP_PRIVATE = 0x02;
const MAP_FIXED = 0x10;
const MAP_ANONYMOUS = 0x20;
const SC_PAGESIZE = 30;
const GUEST_PAGE = 4096;

/**
 * The calls, or undefined where host pages are not 4 KiB. `raw` is mmap(2) unwrapped (its
 * failure is MAP_FAILED, not a negative number); `addressOf` the host address of a span of
 * a shared buffer (libc.ts's).
 */
export function bindHostMmap(
  call: Call,
  raw: (signature: string) => (...args: unknown[]) => unknown,
  errno: () => number,
  failure: (n: number, syscall: string) => Error,
  addressOf: (buf: Uint8Array, off: number, len: number) => number,
): HostMmap | undefined {
  const sysconf = call<[number]>('long sysconf(int name)');
  if (sysconf(SC_PAGESIZE) !== GUEST_PAGE) return undefined;
  const mmap = raw('uintptr_t mmap(uintptr_t addr, size_t len, int prot, int flags, int fd, int64_t offset)') as (...args: number[]) => number | bigint;
  const ftruncate = call<[number, number]>('int ftruncate(int fd, int64_t length)');
  const place = (mem: Uint8Array, start: number, len: number, flags: number, fd: number, offset: number): void => {
    if (start % GUEST_PAGE || len % GUEST_PAGE || offset % GUEST_PAGE) throw new RangeError(`host mapping not page aligned: ${start} ${len} ${offset}`);
    const at = addressOf(mem, start, len);
    const got = mmap(at, len, PROT_READ_WRITE, flags | MAP_FIXED, fd, offset);
    if (Number(got) !== at) throw failure(errno(), 'mmap');
  };
  return {
    mapShared: (mem, start, len, fd, offset) => place(mem, start, len, MAP_SHARED, fd, offset),
    mapPrivate: (mem, start, len) => place(mem, start, len, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
    setSize: (fd, len) => void ftruncate(fd, len),
  };
}
