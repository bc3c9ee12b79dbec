// -strace formatting in QEMU's style: `PID name(args) = result`. Each table row names
// how its arguments print (the ArgKind list); decoding reads guest memory without ever
// faulting, since the call itself reports bad pointers.

import { errnoMessage } from '../errno.js';
import {
  AT, AT_FLAG_NAMES, CLOCK_NAMES, FCNTL, FUTEX_CLOCK_REALTIME, FUTEX_NAMES, FUTEX_PRIVATE_FLAG, IOCTL, MADV, MAP,
  MAP_FLAG_NAMES, MCL_NAMES, OPEN_FLAG_NAMES, PR_NAMES, RESOLVE_NAMES, SEEK, SIGNAL_NAMES, SIGPROCMASK, SPLICE_F_NAMES, STATX,
} from '../generic/constants.js';
import type { LinuxProcess } from '../process.js';

export type ArgKind =
  | 'int' // C int, signed decimal
  | 'long' // signed 64-bit decimal
  | 'ulong' // unsigned decimal
  | 'hex' // 0x... unpadded
  | 'ptr' // 0x%016x, NULL for 0 (QEMU's print_pointer)
  | 'buf' // a data buffer address: 0x... unpadded
  | 'fd'
  | 'dirfd' // AT_FDCWD or fd
  | 'path' // quoted string
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
  | 'timespec_out'; // pointer now, the struct after a successful return

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
    case 'int': case 'fd': return String(i32);
    case 'long': return String(BigInt.asIntN(64, v));
    case 'ulong': return String(v);
    case 'hex': case 'buf': return hex(v);
    case 'ptr': case 'timespec_out': return ptr(v);
    case 'dirfd': return i32 === AT.FDCWD ? 'AT_FDCWD' : String(i32);
    case 'path': {
      const s = p.mem.readCString(v);
      return s === null ? hex(v) : quote(s);
    }
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
