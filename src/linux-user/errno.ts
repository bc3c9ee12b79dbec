// Guest errno: the asm-generic Linux errno numbers (shared by riscv64, aarch64 and x86),
// their names and strerror messages for -strace, and the ONE place where a host error
// (a Node system error with err.code 'ENOENT', ...) becomes a guest errno.

/** name → [number, message]. Numbers from include/uapi/asm-generic/errno-base.h and errno.h. */
const ERRNO_TABLE = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EFAULT: [14, 'Bad address'],
  ENOTBLK: [15, 'Block device required'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  EDOM: [33, 'Numerical argument out of domain'],
  ERANGE: [34, 'Numerical result out of range'],
  EDEADLK: [35, 'Resource deadlock avoided'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOLCK: [37, 'No locks available'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENOMSG: [42, 'No message of desired type'],
  EIDRM: [43, 'Identifier removed'],
  ENOSTR: [60, 'Device not a stream'],
  ENODATA: [61, 'No data available'],
  ETIME: [62, 'Timer expired'],
  ENOSR: [63, 'Out of streams resources'],
  ENONET: [64, 'Machine is not on the network'],
  ENOLINK: [67, 'Link has been severed'],
  ECOMM: [70, 'Communication error on send'],
  EPROTO: [71, 'Protocol error'],
  EBADMSG: [74, 'Bad message'],
  EOVERFLOW: [75, 'Value too large for defined data type'],
  EBADFD: [77, 'File descriptor in bad state'],
  EILSEQ: [84, 'Invalid or incomplete multibyte or wide character'],
  EUSERS: [87, 'Too many users'],
  ENOTSOCK: [88, 'Socket operation on non-socket'],
  EDESTADDRREQ: [89, 'Destination address required'],
  EMSGSIZE: [90, 'Message too long'],
  EPROTOTYPE: [91, 'Protocol wrong type for socket'],
  ENOPROTOOPT: [92, 'Protocol not available'],
  EPROTONOSUPPORT: [93, 'Protocol not supported'],
  ESOCKTNOSUPPORT: [94, 'Socket type not supported'],
  EOPNOTSUPP: [95, 'Operation not supported'],
  EPFNOSUPPORT: [96, 'Protocol family not supported'],
  EAFNOSUPPORT: [97, 'Address family not supported by protocol'],
  EADDRINUSE: [98, 'Address already in use'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ENETDOWN: [100, 'Network is down'],
  ENETUNREACH: [101, 'Network is unreachable'],
  ENETRESET: [102, 'Network dropped connection on reset'],
  ECONNABORTED: [103, 'Software caused connection abort'],
  ECONNRESET: [104, 'Connection reset by peer'],
  ENOBUFS: [105, 'No buffer space available'],
  EISCONN: [106, 'Transport endpoint is already connected'],
  ENOTCONN: [107, 'Transport endpoint is not connected'],
  ESHUTDOWN: [108, 'Cannot send after transport endpoint shutdown'],
  ETOOMANYREFS: [109, 'Too many references: cannot splice'],
  ETIMEDOUT: [110, 'Connection timed out'],
  ECONNREFUSED: [111, 'Connection refused'],
  EHOSTDOWN: [112, 'Host is down'],
  EHOSTUNREACH: [113, 'No route to host'],
  EALREADY: [114, 'Operation already in progress'],
  EINPROGRESS: [115, 'Operation now in progress'],
  ESTALE: [116, 'Stale file handle'],
  EREMOTEIO: [121, 'Remote I/O error'],
  EDQUOT: [122, 'Disk quota exceeded'],
  ECANCELED: [125, 'Operation canceled'],
  EOWNERDEAD: [130, 'Owner died'],
  ENOTRECOVERABLE: [131, 'State not recoverable'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrnoName = keyof typeof ERRNO_TABLE;

/** Guest errno numbers by name: `E.ENOENT === 2`. */
export const E = Object.fromEntries(Object.entries(ERRNO_TABLE).map(([k, v]) => [k, v[0]])) as {
  readonly [K in ErrnoName]: (typeof ERRNO_TABLE)[K][0];
};

/** Aliases Node/libuv may report that Linux folds into another number. */
const ALIASES: Record<string, ErrnoName> = { EWOULDBLOCK: 'EAGAIN', ENOTSUP: 'EOPNOTSUPP', EDEADLOCK: 'EDEADLK' };

/** Name and message by number, made at the first use (most runs never need one). */
let byNumber: Map<number, readonly [string, string]> | undefined;
const byNumberOf = (n: number): readonly [string, string] | undefined =>
  (byNumber ??= new Map(Object.entries(ERRNO_TABLE).map(([name, [num, msg]]) => [num, [name, msg]] as const))).get(n);

/** The guest errno for a Node error code ('ENOENT' → 2), or undefined if the code is not an errno name. */
export function errnoFromCode(code: string): number | undefined {
  const name = (code in ERRNO_TABLE ? code : ALIASES[code]) as ErrnoName | undefined;
  return name ? ERRNO_TABLE[name][0] : undefined;
}

/**
 * The guest errno for a thrown host error, or undefined when it is not a host system
 * error (then it is a bug in the emulator and must keep propagating).
 */
export function errnoFromError(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  let code = (e as { code?: unknown }).code;
  // Node's SystemError (os.getPriority, ...) carries the errno name in info.code.
  if (code === 'ERR_SYSTEM_ERROR') code = (e as { info?: { code?: unknown } }).info?.code;
  return typeof code === 'string' ? errnoFromCode(code) : undefined;
}

export function errnoName(n: number): string {
  return byNumberOf(n)?.[0] ?? `E${n}`;
}

/** strerror() text, as QEMU's -strace prints it. */
export function errnoMessage(n: number): string {
  return byNumberOf(n)?.[1] ?? `Unknown error ${n}`;
}

/** Thrown by handler helpers deep inside a handler to return -errno directly. */
export class SyscallError extends Error {
  constructor(readonly errno: number) {
    super(errnoName(errno));
  }
}

/** Throws SyscallError(errno): `return fail(E.EBADF)` reads like returning -EBADF. */
export function fail(errno: number): never {
  throw new SyscallError(errno);
}
