// -strace formatting in QEMU's style: `PID name(args) = result`. Each table row names
// how its arguments print (the ArgKind list); decoding reads guest memory without ever
// faulting, since the call itself reports bad pointers.

import { errnoMessage } from '../errno.js';
import {
  AF, AT, AT_FLAG_NAMES, CLOCK_NAMES, FCNTL, FUTEX_CLOCK_REALTIME, FUTEX_NAMES, FUTEX_PRIVATE_FLAG, IOCTL, MADV, MAP,
  MAP_FLAG_NAMES, MCL_NAMES, MSG, OPEN_FLAG_NAMES, PR_NAMES, RESOLVE_NAMES, SEEK, SHUT, SIGNAL_NAMES, SIGPROCMASK, SOCK, SOL,
  SPLICE_F_NAMES, STATX,
} from '../generic/constants.js';
import type { LinuxProcess } from '../process.js';

export type ArgKind =
  | 'int' // C int, signed decimal
  | 'pid' // a process id: an int
  | 'long' // signed 64-bit decimal
  | 'ulong' // unsigned decimal
  | 'hex' // 0x... unpadded
  | 'ptr' // 0x%016x, NULL for 0 (QEMU's print_pointer)
  | 'buf' // a data buffer address: 0x... unpadded
  | 'fd'
  | 'dirfd' // AT_FDCWD or fd
  | 'path' // quoted string
  | 'strings' // a NULL-terminated array of strings (execve's argv): {"a","b",NULL}
  | 'openflags'
  | 'mode' // octal
  | 'openmode' // octal, shown only when the 'openflags' argument creates a file
  | 'openhow' // openat2's struct open_how {flags,mode,resolve}, its size the next argument (QEMU's print_openat2)
  | 'atflags'
  | 'unlinkflags' // AT_REMOVEDIR shares its value with AT_EACCESS
  | 'fdflags' // O_CLOEXEC / O_NONBLOCK style flags without an access mode (dup3, pipe2)
  | 'accessmode'
  | 'prot'
  | 'mmapflags'
  | 'whence'
  | 'clockid'
  | 'signal'
  | 'sighow'
  | 'ioctl'
  | 'fcntlcmd'
  | 'fcntlarg' // fcntl's third argument, printed by the command before it (see fcntlArg)
  | 'madvice'
  | 'mlockallflags' // MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT
  | 'spliceflags' // SPLICE_F_MOVE|...
  | 'statxmask'
  | 'futexop' // FUTEX_PRIVATE_FLAG|FUTEX_WAKE, as QEMU's print_futex_op
  | 'prctlop' // PR_GET_NAME, ...
  | 'timespec' // struct timespec the guest passes in, printed by value
  | 'timespec_out' // pointer now, the struct after a successful return
  | 'sockdomain' // PF_INET, ... as QEMU prints socket's first argument
  | 'socktype' // SOCK_STREAM|SOCK_CLOEXEC, ...
  | 'sockflags' // accept4's SOCK_NONBLOCK|SOCK_CLOEXEC
  | 'sockaddr' // struct sockaddr the guest passes in, printed by value (its length is the next argument)
  | 'socklevel' // SOL_SOCKET, SOL_TCP, ...
  | 'msgflags' // MSG_PEEK|MSG_DONTWAIT, ...
  | 'shuthow'; // SHUT_RD, SHUT_WR, SHUT_RDWR

/** Strings shown of an execve argument array at most, as QEMU's print_execve. */
const MAX_SHOWN_STRINGS = 32;

/** {"a","b",NULL}: the strings a NULL-terminated array of pointers points at (its address where unreadable). */
function stringList(p: LinuxProcess, addr: bigint): string {
  if (addr === 0n) return 'NULL';
  const shown: string[] = [];
  for (let i = 0; i < MAX_SHOWN_STRINGS; i++) {
    const at = addr + BigInt(i * 8);
    const word = p.mem.readBytes(at, 8);
    if (!word) return hex(addr);
    const str = new DataView(word.buffer).getBigUint64(0, true);
    if (str === 0n) return `{${[...shown, 'NULL'].join(',')}}`;
    const s = p.mem.readCString(str);
    shown.push(s === null ? hex(str) : quote(s));
  }
  return `{${[...shown, '...'].join(',')}}`;
}

/** How the return value prints: decimal, or an address (mmap, brk). */
export type RetKind = 'int' | 'ptr';

const hex = (v: bigint): string => `0x${v.toString(16)}`;
const ptr = (v: bigint): string => (v === 0n ? 'NULL' : `0x${v.toString(16).padStart(16, '0')}`);

function flagString(v: number, names: readonly (readonly [string, number])[], zero = '0'): string {
  const parts: string[] = [];
  let rest = v;
  for (const [name, bit] of names) {
    if (bit !== 0 && (v & bit) === bit) {
      parts.push(name);
      rest &= ~bit;
    }
  }
  if (rest) parts.push(`0x${(rest >>> 0).toString(16)}`);
  return parts.length ? parts.join('|') : zero;
}

const lookup = (table: Readonly<Record<string, number>>, prefix = ''): ReadonlyMap<number, string> =>
  new Map(Object.entries(table).map(([k, v]) => [v, prefix + k]));
const WHENCE = lookup(SEEK, 'SEEK_');
const HOW = lookup(SIGPROCMASK);
const IOCTLS = lookup(IOCTL);
const FCNTLS = lookup(FCNTL);
/** How fcntl's third argument prints for each command, as QEMU's print_fcntl has it; absent: a pointer. */
const FCNTL_ARG: ReadonlyMap<number, 'none' | 'long' | 'openflags'> = new Map([
  [FCNTL.F_GETFD, 'none'], [FCNTL.F_GETFL, 'none'], [FCNTL.F_GETOWN, 'none'], [FCNTL.F_GETPIPE_SZ, 'none'],
  [FCNTL.F_DUPFD, 'long'], [FCNTL.F_DUPFD_CLOEXEC, 'long'], [FCNTL.F_SETFD, 'long'], [FCNTL.F_SETOWN, 'long'],
  [FCNTL.F_SETFL, 'openflags'],
] as const);

/** fcntl's third argument (none for the commands that take none), after its command. */
function fcntlArg(p: LinuxProcess, cmd: number, v: bigint): string[] {
  const how = FCNTL_ARG.get(cmd);
  if (how === 'none') return [];
  return [how === undefined ? ptr(v) : formatArg(p, how, v)];
}
const MADVS = lookup(MADV, 'MADV_');
const DOMAINS = lookup(AF, 'PF_');
const SOCK_TYPES = lookup(SOCK, 'SOCK_');
const LEVELS = lookup(SOL, 'SOL_');
const SHUTS = lookup(SHUT, 'SHUT_');
const MSG_NAMES = Object.entries(MSG).map(([k, v]) => [`MSG_${k}`, v] as const);

/** SOCK_NONBLOCK and SOCK_CLOEXEC: the ABI's O_NONBLOCK and O_CLOEXEC. */
const sockFlagNames = (p: LinuxProcess): [string, number][] => [['SOCK_NONBLOCK', p.abi.openFlags.O_NONBLOCK], ['SOCK_CLOEXEC', p.abi.openFlags.O_CLOEXEC]];

/** A struct sockaddr of `len` bytes at `addr`, as QEMU's print_sockaddr shows the families it knows. */
function readSockaddr(p: LinuxProcess, addr: bigint, len: number): string {
  if (addr === 0n) return 'NULL';
  const b = len >= 2 && len <= 128 ? p.mem.view(addr, len) : null;
  if (!b) return hex(addr);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const family = dv.getUint16(0, true);
  if (family === AF.UNIX) {
    const path = Buffer.from(b.subarray(2));
    const abstract = path[0] === 0;
    const end = path.indexOf(0, abstract ? 1 : 0);
    const name = path.subarray(abstract ? 1 : 0, end < 0 ? path.length : end).toString('latin1');
    return `{sun_family=AF_UNIX,sun_path=${abstract ? '@' : ''}${quote(name)}}`;
  }
  if (family === AF.INET && len >= 16) {
    return `{sin_family=AF_INET,sin_port=htons(${dv.getUint16(2)}),sin_addr=inet_addr("${[...b.subarray(4, 8)].join('.')}")}`;
  }
  if (family === AF.INET6 && len >= 24) {
    const groups = Array.from({ length: 8 }, (_, i) => dv.getUint16(8 + 2 * i).toString(16)).join(':');
    return `{sin6_family=AF_INET6,sin6_port=htons(${dv.getUint16(2)}),sin6_addr=inet_pton("${groups.replace(/(^|:)0(:0)+(:|$)/, '::')}")}`;
  }
  return `{sa_family=${family}}`;
}
const PROT_NAMES = [['PROT_READ', 1], ['PROT_WRITE', 2], ['PROT_EXEC', 4], ['PROT_SEM', 8]] as const;
const ACCESS_NAMES = [['R_OK', 4], ['W_OK', 2], ['X_OK', 1]] as const;
const STATX_NAMES = [['STATX_BASIC_STATS', STATX.BASIC_STATS], ['STATX_BTIME', STATX.BTIME]] as const;

function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}

function readTimespec(p: LinuxProcess, addr: bigint): string {
  const b = p.mem.view(addr, 16);
  if (!b) return hex(addr);
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  return `{tv_sec = ${dv.getBigInt64(0, true)},tv_nsec = ${dv.getBigInt64(8, true)}}`;
}

/** open(2) flags: the access mode by name, then the other flags. */
function openFlags(p: LinuxProcess, flags: number): string {
  const o = p.abi.openFlags;
  const acc = flags & o.O_ACCMODE;
  const accName = acc === o.O_WRONLY ? 'O_WRONLY' : acc === o.O_RDWR ? 'O_RDWR' : acc === o.O_RDONLY ? 'O_RDONLY' : String(acc);
  const rest = flagString(flags & ~o.O_ACCMODE, OPEN_FLAG_NAMES.map((n) => [n.replace(/^__/, ''), o[n]] as const), '');
  return rest ? `${accName}|${rest}` : accName;
}

/** openat2's struct open_how at `addr` of `size` bytes: {flags,mode,resolve} (mode when creating), or the pointer. */
function openHow(p: LinuxProcess, addr: bigint, size: bigint): string {
  const b = size >= 24n ? p.mem.view(addr, 24) : null;
  if (!b) return ptr(addr);
  const dv = new DataView(b.buffer, b.byteOffset, 24);
  const all = dv.getBigUint64(0, true);
  const flags = Number(all & 0xffff_ffffn) | 0;
  const high = all >> 32n ? `|${hex((all >> 32n) << 32n)}` : ''; // bits open(2) never had
  const o = p.abi.openFlags;
  const mode = flags & (o.O_CREAT | o.__O_TMPFILE) ? `,${formatArg(p, 'mode', dv.getBigUint64(8, true))}` : '';
  const resolve = dv.getBigUint64(16, true);
  return `{${openFlags(p, flags)}${high}${mode},${resolve >> 32n ? hex(resolve) : flagString(Number(resolve), RESOLVE_NAMES)}}`;
}

export function formatArg(p: LinuxProcess, kind: ArgKind, v: bigint): string {
  const i32 = Number(BigInt.asIntN(32, v));
  const o = p.abi.openFlags;
  switch (kind) {
    case 'int': case 'pid': case 'fd': return String(i32);
    case 'long': return String(BigInt.asIntN(64, v));
    case 'ulong': return String(v);
    case 'hex': case 'buf': return hex(v);
    case 'ptr': case 'timespec_out': return ptr(v);
    case 'dirfd': return i32 === AT.FDCWD ? 'AT_FDCWD' : String(i32);
    case 'path': {
      const s = p.mem.readCString(v);
      return s === null ? hex(v) : quote(s);
    }
    case 'strings': return stringList(p, v);
    case 'openflags': return openFlags(p, i32);
    case 'mode': case 'openmode': return i32 === 0 ? '0' : `0${(i32 >>> 0).toString(8)}`;
    case 'atflags': return flagString(i32, AT_FLAG_NAMES);
    case 'unlinkflags': return flagString(i32, [['AT_REMOVEDIR', AT.REMOVEDIR]]);
    case 'fdflags': return flagString(i32, OPEN_FLAG_NAMES.map((n) => [n.replace(/^__/, ''), o[n]] as const));
    case 'accessmode': return i32 === 0 ? 'F_OK' : flagString(i32, ACCESS_NAMES);
    case 'prot': return i32 === 0 ? 'PROT_NONE' : flagString(i32, PROT_NAMES);
    case 'mmapflags': {
      const type = i32 & MAP.TYPE;
      const t = type === MAP.SHARED ? 'MAP_SHARED' : type === MAP.PRIVATE ? 'MAP_PRIVATE' : type === MAP.SHARED_VALIDATE ? 'MAP_SHARED_VALIDATE' : hex(BigInt(type));
      const rest = flagString(i32 & ~MAP.TYPE, MAP_FLAG_NAMES, '');
      return rest ? `${t}|${rest}` : t;
    }
    case 'whence': return WHENCE.get(i32) ?? String(i32);
    case 'clockid': return CLOCK_NAMES.get(i32) ?? String(i32);
    case 'signal': return SIGNAL_NAMES.get(i32) ?? String(i32);
    case 'sighow': return HOW.get(i32) ?? String(i32);
    case 'ioctl': return IOCTLS.get(i32 >>> 0) ?? hex(BigInt(i32 >>> 0));
    case 'fcntlcmd': return FCNTLS.get(i32) ?? String(i32);
    case 'fcntlarg': return hex(v); // formatCall prints it by the command (fcntlArg)
    case 'madvice': return MADVS.get(i32) ?? String(i32);
    case 'mlockallflags': return flagString(i32, MCL_NAMES);
    case 'spliceflags': return flagString(i32, SPLICE_F_NAMES);
    case 'openhow': return ptr(v); // formatCall prints the struct (openHow)
    case 'statxmask': return flagString(i32, STATX_NAMES);
    case 'futexop': {
      const cmd = i32 & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
      const pre = `${i32 & FUTEX_PRIVATE_FLAG ? 'FUTEX_PRIVATE_FLAG|' : ''}${i32 & FUTEX_CLOCK_REALTIME ? 'FUTEX_CLOCK_REALTIME|' : ''}`;
      return pre + (FUTEX_NAMES.get(cmd) ?? String(cmd));
    }
    case 'prctlop': return PR_NAMES.get(i32) ?? String(i32);
    case 'timespec': return v === 0n ? 'NULL' : readTimespec(p, v);
    case 'sockdomain': return DOMAINS.get(i32) ?? String(i32);
    case 'socktype': {
      const rest = flagString(i32 & ~SOCK.TYPE_MASK, sockFlagNames(p), '');
      const type = SOCK_TYPES.get(i32 & SOCK.TYPE_MASK) ?? String(i32 & SOCK.TYPE_MASK);
      return rest ? `${type}|${rest}` : type;
    }
    case 'sockflags': return flagString(i32, sockFlagNames(p));
    case 'sockaddr': return ptr(v); // formatCall prints it by value, with the length after it
    case 'socklevel': return LEVELS.get(i32) ?? String(i32);
    case 'msgflags': return flagString(i32, MSG_NAMES);
    case 'shuthow': return SHUTS.get(i32) ?? String(i32);
  }
}

/** The part of the line before " = ": `name(arg,arg,...)`. Computed before the call runs. */
export function formatCall(p: LinuxProcess, name: string, kinds: readonly ArgKind[], a: readonly bigint[]): string {
  const flagsAt = kinds.indexOf('openflags');
  const o = p.abi.openFlags;
  const creates = flagsAt >= 0 && (Number(BigInt.asUintN(32, a[flagsAt] ?? 0n)) & (o.O_CREAT | o.__O_TMPFILE)) !== 0;
  const shown = kinds.flatMap((k, i) => {
    if (k === 'openmode' && !creates) return [];
    if (k === 'fcntlarg') return fcntlArg(p, Number(BigInt.asIntN(32, a[i - 1] ?? 0n)), a[i] ?? 0n);
    if (k === 'openhow') return [openHow(p, a[i] ?? 0n, a[i + 1] ?? 0n)];
    if (k === 'sockaddr') return [readSockaddr(p, a[i] ?? 0n, Number(BigInt.asIntN(32, a[i + 1] ?? 0n)))];
    return [formatArg(p, k, a[i] ?? 0n)];
  });
  return `${name}(${shown.join(',')})`;
}

/** The result: decimal or address, `-1 errno=N (message)` for errors, plus output structs. */
export function formatResult(p: LinuxProcess, kinds: readonly ArgKind[], ret: RetKind, a: readonly bigint[], value: bigint): string {
  if (value < 0n && value >= -4095n) {
    const e = Number(-value);
    return `-1 errno=${e} (${errnoMessage(e)})`;
  }
  let s = ret === 'ptr' ? `0x${BigInt.asUintN(64, value).toString(16).padStart(16, '0')}` : String(value);
  const out = kinds.indexOf('timespec_out');
  if (out >= 0 && a[out]) s += ` (${readTimespec(p, a[out])})`;
  return s;
}
