// Syscall-layer behaviour tests: a GuestMemory + AddressSpace + LinuxProcess built
// directly, a scratch area mapped, and doSyscall called with guest pointers. Covers file
// I/O in a temp dir, directory listing, ownership and times, statfs, sendfile, ppoll,
// the mmap family's effect on page permissions, brk, errno translation, EFAULT, ENOSYS,
// groups, affinity, priority, prctl, single-threaded futex, signals to ourselves,
// sockets, and -strace lines.

import {
  lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, statfsSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { getPriority as osGetPriority, tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { PAGE_SIZE, PERM } from '../../src/memory/layout.js';
import { E } from '../../src/linux-user/errno.js';
import { RISCV64_ABI } from '../../src/linux-user/generic/abi.js';
import {
  AF, AT, DT, FUTEX, FUTEX_CLOCK_REALTIME, FUTEX_PRIVATE_FLAG, GENERIC_OPEN_FLAGS as O, MAP, MCL, MREMAP, MSG, POLL, PR, PRIO, PROT, RESOLVE,
  RLIMIT, SEEK, SIG, SOCK, SPLICE_F, UTIME,
} from '../../src/linux-user/generic/constants.js';
import { NR, type SyscallName } from '../../src/linux-user/generic/syscall-numbers.js';
import { GuestExit, GuestKilled } from '../../src/linux-user/guest-exit.js';
import { LinuxProcess } from '../../src/linux-user/process.js';
import { LinuxThread } from '../../src/linux-user/thread.js';
import { ThreadControl } from '../../src/linux-user/thread-control.js';
import { SyscallArgs } from '../../src/linux-user/syscalls/args.js';
import { doSyscall, syscallResult } from '../../src/linux-user/syscalls/table.js';
import { hostLibc, setHostLibc } from '../../src/linux-user/host/libc.js';
import { setCapIpcLock } from '../../src/linux-user/syscalls/mman.js';

const SCRATCH = 0x10_0000;
const SCRATCH_LEN = 0x10_000;
const STR = SCRATCH + 0x8000; // strings go here, buffers at SCRATCH
const UNMAPPED = 0x5000_0000;
const STACK_SIZE = 8 << 20;

interface Rig {
  p: LinuxProcess;
  mem: GuestMemory;
  as: AddressSpace;
  strace: string[];
  unimp: string[];
}

let dir: string;
let rig: Rig;

function makeRig(): Rig {
  const mem = new GuestMemory();
  const as = new AddressSpace(mem);
  as.initBrk(0x20_0000);
  as.mapFixed(SCRATCH, SCRATCH_LEN, PROT.READ | PROT.WRITE);
  const strace: string[] = [];
  const unimp: string[] = [];
  const p = new LinuxProcess(mem, as, {
    abi: RISCV64_ABI,
    stackSize: STACK_SIZE,
    cwd: dir,
    inheritStdio: false,
    strace: (l) => strace.push(l),
    logUnimp: (l) => unimp.push(l),
    exePath: '/bin/true',
  });
  return { p, mem, as, strace, unimp };
}

/** Calls syscall `name` and returns the signed result. */
function sc(name: SyscallName, ...args: (number | bigint)[]): bigint {
  const a = [0, 1, 2, 3, 4, 5].map((i) => BigInt.asUintN(64, BigInt(args[i] ?? 0)));
  return syscallResult(doSyscall(rig.p, NR[name], a));
}
const n = (name: SyscallName, ...args: (number | bigint)[]): number => Number(sc(name, ...args));

/** Writes a NUL-terminated string into the scratch string area, returning its address. */
let strAt = STR;
function str(s: string): number {
  const b = Buffer.from(`${s}\0`);
  const at = strAt;
  rig.mem.rawWrite(at, b);
  strAt += b.length;
  return at;
}
const bytesAt = (addr: number, len: number): Buffer => Buffer.from(rig.mem.u8.subarray(addr, addr + len));
const u64At = (addr: number): bigint => rig.mem.dv.getBigUint64(addr, true);
const u32At = (addr: number): number => rig.mem.dv.getUint32(addr, true);

beforeEach(() => {
  dir = mkdtempSync(`${tmpdir()}/qemu-user-ts-sys-`);
  strAt = STR;
  rig = makeRig();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('files', () => {
  it('openat, write, lseek, read, pread, fstat, close', () => {
    const fd = n('openat', AT.FDCWD, str('f.txt'), O.O_RDWR | O.O_CREAT | O.O_TRUNC, 0o644);
    expect(fd).toBe(0); // no inherited stdio in this rig
    rig.mem.rawWrite(SCRATCH, Buffer.from('hello world'));
    expect(n('write', fd, SCRATCH, 11)).toBe(11);
    expect(readFileSync(`${dir}/f.txt`, 'utf8')).toBe('hello world');
    expect(n('lseek', fd, 0, SEEK.CUR)).toBe(11);
    expect(n('lseek', fd, 0, SEEK.SET)).toBe(0);
    expect(n('read', fd, SCRATCH + 0x100, 5)).toBe(5);
    expect(bytesAt(SCRATCH + 0x100, 5).toString()).toBe('hello');
    expect(n('lseek', fd, 0, SEEK.CUR)).toBe(5);
    expect(n('lseek', fd, -5, SEEK.END)).toBe(6);
    expect(n('lseek', fd, -100, SEEK.CUR)).toBe(-E.EINVAL);
    expect(n('pread64', fd, SCRATCH + 0x200, 100, 6)).toBe(5);
    expect(bytesAt(SCRATCH + 0x200, 5).toString()).toBe('world');
    expect(n('lseek', fd, 0, SEEK.CUR)).toBe(6); // pread leaves the offset alone

    expect(n('fstat', fd, SCRATCH + 0x400)).toBe(0);
    expect(u64At(SCRATCH + 0x400 + 48)).toBe(11n); // st_size
    expect(u32At(SCRATCH + 0x400 + 16) & 0o170000).toBe(0o100000); // S_IFREG
    expect(n('newfstatat', AT.FDCWD, str('f.txt'), SCRATCH + 0x500, 0)).toBe(0);
    expect(u64At(SCRATCH + 0x500 + 8)).toBe(u64At(SCRATCH + 0x400 + 8)); // same st_ino
    expect(n('statx', AT.FDCWD, str('f.txt'), 0, 0x7ff, SCRATCH + 0x600)).toBe(0);
    expect(u64At(SCRATCH + 0x600 + 40)).toBe(11n); // stx_size

    expect(n('close', fd)).toBe(0);
    expect(n('close', fd)).toBe(-E.EBADF);
    expect(n('read', fd, SCRATCH, 1)).toBe(-E.EBADF);
  });

  it('O_APPEND writes go to the end; a read-only fd refuses writes', () => {
    writeFileSync(`${dir}/log`, 'abc');
    const fd = n('openat', AT.FDCWD, str('log'), O.O_WRONLY | O.O_APPEND);
    rig.mem.rawWrite(SCRATCH, Buffer.from('def'));
    expect(n('write', fd, SCRATCH, 3)).toBe(3);
    expect(readFileSync(`${dir}/log`, 'utf8')).toBe('abcdef');
    const ro = n('openat', AT.FDCWD, str('log'), O.O_RDONLY);
    expect(n('write', ro, SCRATCH, 3)).toBe(-E.EBADF);
    expect(n('fcntl', fd, 3 /* F_GETFL */) & (O.O_ACCMODE | O.O_APPEND)).toBe(O.O_WRONLY | O.O_APPEND);
    // the flags that act only at open are not kept (do_dentry_open), O_LARGEFILE always is
    const made = n('openat', AT.FDCWD, str('made'), O.O_RDWR | O.O_CREAT | O.O_EXCL | O.O_TRUNC | O.O_NOCTTY, 0o600);
    expect(n('fcntl', made, 3 /* F_GETFL */)).toBe(O.O_RDWR | O.O_LARGEFILE);
  });

  it('readv and writev move whole vectors', () => {
    const fd = n('openat', AT.FDCWD, str('v'), O.O_RDWR | O.O_CREAT, 0o600);
    rig.mem.rawWrite(SCRATCH + 0x100, Buffer.from('ab'));
    rig.mem.rawWrite(SCRATCH + 0x200, Buffer.from('cde'));
    const iov = SCRATCH + 0x1000;
    rig.mem.dv.setBigUint64(iov, BigInt(SCRATCH + 0x100), true);
    rig.mem.dv.setBigUint64(iov + 8, 2n, true);
    rig.mem.dv.setBigUint64(iov + 16, BigInt(SCRATCH + 0x200), true);
    rig.mem.dv.setBigUint64(iov + 24, 3n, true);
    expect(n('writev', fd, iov, 2)).toBe(5);
    expect(readFileSync(`${dir}/v`, 'utf8')).toBe('abcde');
    n('lseek', fd, 0, SEEK.SET);
    rig.mem.rawFill(SCRATCH + 0x100, 0x200);
    expect(n('readv', fd, iov, 2)).toBe(5);
    expect(bytesAt(SCRATCH + 0x100, 2).toString() + bytesAt(SCRATCH + 0x200, 3).toString()).toBe('abcde');
  });

  it('translates host errors: ENOENT as -2, EEXIST, ENOTDIR, EISDIR', () => {
    expect(sc('openat', AT.FDCWD, str('missing'), O.O_RDONLY)).toBe(-2n);
    writeFileSync(`${dir}/x`, '');
    expect(n('openat', AT.FDCWD, str('x'), O.O_WRONLY | O.O_CREAT | O.O_EXCL, 0o644)).toBe(-E.EEXIST);
    expect(n('openat', AT.FDCWD, str('x/y'), O.O_RDONLY)).toBe(-E.ENOTDIR);
    const d = n('openat', AT.FDCWD, str('.'), O.O_RDONLY | O.O_DIRECTORY);
    expect(n('read', d, SCRATCH, 10)).toBe(-E.EISDIR);
    expect(n('openat', AT.FDCWD, str('x'), O.O_RDONLY | O.O_DIRECTORY)).toBe(-E.ENOTDIR);
  });

  it('EFAULT for bad pointers, ENOSYS for unknown numbers', () => {
    const fd = n('openat', AT.FDCWD, str('f'), O.O_RDWR | O.O_CREAT, 0o644);
    expect(n('write', fd, UNMAPPED, 4)).toBe(-E.EFAULT);
    expect(n('read', fd, UNMAPPED, 4)).toBe(-E.EFAULT);
    expect(n('openat', AT.FDCWD, UNMAPPED, O.O_RDONLY)).toBe(-E.EFAULT);
    expect(n('fstat', fd, UNMAPPED)).toBe(-E.EFAULT);
    expect(n('uname', 0xffff_ffff_ffffn)).toBe(-E.EFAULT);
    expect(Number(syscallResult(doSyscall(rig.p, 999, [0n, 0n, 0n, 0n, 0n, 0n])))).toBe(-E.ENOSYS);
    expect(rig.unimp).toContain('Unsupported syscall: 999');
    expect(rig.strace.at(-1)).toBe(`${rig.p.pid} Unknown syscall 999`);
    expect(n('rseq', 0, 0, 0, 0)).toBe(-E.ENOSYS);
    // Pointers beyond 2^32 and 2^53, a size beyond 2^53; a zero length is never a fault.
    expect(n('write', fd, 0x1_0000_0000n + BigInt(SCRATCH), 1)).toBe(-E.EFAULT);
    expect(n('write', fd, 0xffff_ffff_ffff_fff0n, 1)).toBe(-E.EFAULT);
    expect(n('read', fd, SCRATCH, 0xffff_ffff_ffff_ffffn)).toBe(-E.EFAULT);
    expect(n('write', fd, UNMAPPED, 0)).toBe(0);
    expect(n('read', fd, 0xffff_ffff_ffff_fff0n, 0)).toBe(0);
  });

  it('argument registers read as C types, results stored as 64-bit values', () => {
    const a = SyscallArgs.of([0xffff_ffff_ffff_fffbn, 0x1234_5678_9abcn, 1n << 60n, 0x8000_0000n, 2n ** 53n - 1n]);
    expect([a.int(0), a.uint(0), a.big(0)]).toEqual([-5, 0xffff_fffb, 0xffff_ffff_ffff_fffbn]);
    expect([a.ptr(1), a.size(1), a.big(1)]).toEqual([0x1234_5678_9abc, 0x1234_5678_9abc, 0x1234_5678_9abcn]);
    expect(a.size(2)).toBe(Number.MAX_SAFE_INTEGER);
    expect(a.ptr(2)).toBeGreaterThan(2 ** 32);
    expect([a.int(3), a.uint(3), a.size(4), a.big(5)]).toEqual([-(2 ** 31), 2 ** 31, 2 ** 53 - 1, 0n]);
    const results: [number | bigint, bigint][] = [
      [-22, 2n ** 64n - 22n], [0x7fff_ffff_f000, 0x7fff_ffff_f000n], [2 ** 32, 2n ** 32n], [-(2 ** 40), 2n ** 64n - 2n ** 40n],
      [0xdead_beef_0000_0001n, 0xdead_beef_0000_0001n], [-1n, 2n ** 64n - 1n],
    ];
    for (const [v, reg] of results) {
      a.setResult(v);
      expect(a.big(0)).toBe(reg);
    }
    expect(a.big(1)).toBe(0x1234_5678_9abcn);
  });

  it('getdents64 lists the directory with . and .., then 0; rewinding lists again', () => {
    mkdirSync(`${dir}/d`);
    writeFileSync(`${dir}/d/a`, '1');
    writeFileSync(`${dir}/d/bb`, '2');
    mkdirSync(`${dir}/d/sub`);
    const fd = n('openat', AT.FDCWD, str('d'), O.O_RDONLY | O.O_DIRECTORY);
    const list = (): Map<string, number> => {
      const got = new Map<string, number>();
      for (;;) {
        const len = n('getdents64', fd, SCRATCH, 4096);
        expect(len).toBeGreaterThanOrEqual(0);
        if (len === 0) return got;
        for (let off = 0; off < len; ) {
          const reclen = rig.mem.dv.getUint16(SCRATCH + off + 16, true);
          const type = rig.mem.u8[SCRATCH + off + 18];
          const name = bytesAt(SCRATCH + off + 19, reclen - 19).toString().replace(/\0.*$/s, '');
          expect(reclen % 8).toBe(0);
          got.set(name, type);
          off += reclen;
        }
      }
    };
    const first = list();
    expect([...first.keys()].sort()).toEqual(['.', '..', 'a', 'bb', 'sub']);
    expect(first.get('sub')).toBe(DT.DIR);
    expect(first.get('a')).toBe(DT.REG);
    expect(n('getdents64', fd, SCRATCH, 4096)).toBe(0);
    writeFileSync(`${dir}/d/new`, '');
    expect(n('lseek', fd, 0, SEEK.SET)).toBe(0);
    expect([...list().keys()].sort()).toEqual(['.', '..', 'a', 'bb', 'new', 'sub']);
    expect(n('getdents64', fd, SCRATCH, 10)).toBe(0); // at the end: 0 even for a tiny buffer
    n('lseek', fd, 0, SEEK.SET);
    expect(n('getdents64', fd, SCRATCH, 10)).toBe(-E.EINVAL); // first entry does not fit
  });
  it('/proc/self/fd lists the guest\'s fd numbers (as links), not the host\'s, and again after a rewind', () => {
    writeFileSync(`${dir}/x`, '');
    const file = n('openat', AT.FDCWD, str('x'), O.O_RDONLY);
    const fd = n('openat', AT.FDCWD, str('/proc/self/fd'), O.O_RDONLY | O.O_DIRECTORY);
    const names = (): string[] => {
      const out: string[] = [];
      for (let len; (len = n('getdents64', fd, SCRATCH, 4096)) > 0; ) {
        for (let off = 0; off < len; off += rig.mem.dv.getUint16(SCRATCH + off + 16, true)) {
          const reclen = rig.mem.dv.getUint16(SCRATCH + off + 16, true);
          const name = bytesAt(SCRATCH + off + 19, reclen - 19).toString().replace(/\0.*$/s, '');
          if (name !== '.' && name !== '..') expect(rig.mem.u8[SCRATCH + off + 18]).toBe(DT.LNK);
          out.push(name);
        }
      }
      return out;
    };
    expect(names()).toEqual(['.', '..', String(file), String(fd)]);
    const third = n('openat', AT.FDCWD, str('x'), O.O_RDONLY);
    n('lseek', fd, 0, SEEK.SET);
    expect(names()).toEqual(['.', '..', String(file), String(fd), String(third)]);
  });

  it('cwd: getcwd, chdir, fchdir, relative *at paths, mkdirat, unlinkat, renameat2', () => {
    expect(n('getcwd', SCRATCH, 4096)).toBe(Buffer.byteLength(dir) + 1);
    expect(rig.mem.readCString(SCRATCH)).toBe(dir);
    expect(n('getcwd', SCRATCH, 2)).toBe(-E.ERANGE);
    expect(n('mkdirat', AT.FDCWD, str('sub'), 0o755)).toBe(0);
    expect(n('chdir', str('sub'))).toBe(0);
    expect(rig.p.cwd).toBe(`${dir}/sub`);
    const fd = n('openat', AT.FDCWD, str('inner'), O.O_WRONLY | O.O_CREAT, 0o644);
    expect(fd).toBeGreaterThanOrEqual(0);
    expect(readFileSync(`${dir}/sub/inner`, 'utf8')).toBe('');
    expect(n('chdir', str('nope'))).toBe(-E.ENOENT);
    expect(n('chdir', str('inner'))).toBe(-E.ENOTDIR);

    const top = n('openat', AT.FDCWD, str(dir), O.O_RDONLY | O.O_DIRECTORY);
    expect(n('fchdir', top)).toBe(0);
    expect(rig.p.cwd).toBe(dir);
    writeFileSync(`${dir}/other`, 'x');
    expect(n('renameat2', top, str('other'), AT.FDCWD, str('sub/inner'), 1 /* RENAME_NOREPLACE */)).toBe(-E.EEXIST);
    expect(n('renameat2', top, str('other'), AT.FDCWD, str('sub/moved'), 0)).toBe(0);
    expect(readFileSync(`${dir}/sub/moved`, 'utf8')).toBe('x');
    expect(n('renameat', AT.FDCWD, str('sub/moved'), AT.FDCWD, str('back'))).toBe(-E.ENOSYS); // not on riscv64
    expect(n('unlinkat', AT.FDCWD, str('sub'), AT.REMOVEDIR)).toBe(-E.ENOTEMPTY);
    expect(n('unlinkat', AT.FDCWD, str('sub'), 0)).toBe(-E.EISDIR);
    expect(n('unlinkat', AT.FDCWD, str('sub/inner'), 0)).toBe(0);
    expect(n('unlinkat', AT.FDCWD, str('sub/moved'), 0)).toBe(0);
    expect(n('unlinkat', AT.FDCWD, str('sub'), AT.REMOVEDIR)).toBe(0);
    expect(n('faccessat', AT.FDCWD, str('sub'), 0)).toBe(-E.ENOENT);
    expect(n('faccessat2', AT.FDCWD, str('.'), 4 /* R_OK */, AT.EACCESS)).toBe(0);
  });

  it('ftruncate, truncate, readlinkat, /proc/self/exe, symlinkat, linkat, fchmodat', () => {
    const fd = n('openat', AT.FDCWD, str('t'), O.O_RDWR | O.O_CREAT, 0o644);
    expect(n('ftruncate', fd, 100)).toBe(0);
    expect(readFileSync(`${dir}/t`).length).toBe(100);
    expect(n('truncate', str('t'), 10)).toBe(0);
    expect(readFileSync(`${dir}/t`).length).toBe(10);
    expect(n('ftruncate', fd, -1)).toBe(-E.EINVAL);
    expect(n('fsync', fd)).toBe(0);
    const exe = realpathSync('/bin/true'); // the canonical path, as the kernel shows it
    expect(n('readlinkat', AT.FDCWD, str('/proc/self/exe'), SCRATCH, 256)).toBe(exe.length);
    expect(bytesAt(SCRATCH, exe.length).toString()).toBe(exe);
    expect(n('readlinkat', AT.FDCWD, str('t'), SCRATCH, 256)).toBe(-E.EINVAL);
    expect(n('symlinkat', str('t'), AT.FDCWD, str('ln'))).toBe(0);
    expect(n('readlinkat', AT.FDCWD, str('ln'), SCRATCH, 256)).toBe(1);
    expect(bytesAt(SCRATCH, 1).toString()).toBe('t');
    expect(n('newfstatat', AT.FDCWD, str('ln'), SCRATCH, AT.SYMLINK_NOFOLLOW)).toBe(0);
    expect(u32At(SCRATCH + 16) & 0o170000).toBe(0o120000); // S_IFLNK
    expect(n('linkat', AT.FDCWD, str('t'), AT.FDCWD, str('hard'), 0)).toBe(0);
    expect(n('newfstatat', AT.FDCWD, str('hard'), SCRATCH, 0)).toBe(0);
    expect(u32At(SCRATCH + 20)).toBe(2); // st_nlink
    expect(n('fchmodat', AT.FDCWD, str('t'), 0o600)).toBe(0);
    expect(n('fstat', fd, SCRATCH)).toBe(0);
    expect(u32At(SCRATCH + 16) & 0o7777).toBe(0o600);
  });

  it('dup, dup3, fcntl fd flags, ioctl on a file, pipe2', () => {
    const fd = n('openat', AT.FDCWD, str('f'), O.O_RDWR | O.O_CREAT | O.O_CLOEXEC, 0o644);
    expect(n('fcntl', fd, 1 /* F_GETFD */)).toBe(1);
    const d = n('dup', fd);
    expect(d).toBe(fd + 1);
    expect(n('fcntl', d, 1)).toBe(0);
    const c = n('fcntl', fd, 1030 /* F_DUPFD_CLOEXEC */, 10);
    expect(c).toBe(10);
    expect(n('fcntl', c, 1)).toBe(1);
    expect(n('dup3', fd, fd, 0)).toBe(-E.EINVAL);
    expect(n('dup3', fd, 20, O.O_CLOEXEC)).toBe(20);
    // dup'ed fds share the file offset.
    rig.mem.rawWrite(SCRATCH, Buffer.from('xyz'));
    n('write', fd, SCRATCH, 3);
    expect(n('lseek', 20, 0, SEEK.CUR)).toBe(3);
    expect(n('ioctl', fd, 0x5401 /* TCGETS */, SCRATCH)).toBe(-E.ENOTTY);
    expect(n('ioctl', fd, 0x5413 /* TIOCGWINSZ */, SCRATCH)).toBe(-E.ENOTTY);

    expect(n('pipe2', SCRATCH + 0x100, O.O_CLOEXEC)).toBe(0);
    const [r, w] = [u32At(SCRATCH + 0x100), u32At(SCRATCH + 0x104)];
    rig.mem.rawWrite(SCRATCH + 0x200, Buffer.from('through the pipe'));
    expect(n('write', w, SCRATCH + 0x200, 16)).toBe(16);
    expect(n('read', r, SCRATCH + 0x300, 100)).toBe(16);
    expect(bytesAt(SCRATCH + 0x300, 16).toString()).toBe('through the pipe');
    expect(n('lseek', r, 0, SEEK.CUR)).toBe(-E.ESPIPE);
    expect(n('close', w)).toBe(0);
    expect(n('read', r, SCRATCH + 0x300, 100)).toBe(0); // EOF once the writer is gone
    expect(n('pipe2', SCRATCH + 0x100, 0x4000_0000)).toBe(-E.EINVAL);
  });
  it('pipe2 makes a kernel pipe through libc, and a FIFO without it', () => {
    const hostEnd = (fd: number): string => readlinkSync(`/proc/self/fd/${rig.p.fds.get(fd)!.file.hostFd}`);
    expect(n('pipe2', SCRATCH + 0x100, 0)).toBe(0);
    if (hostLibc()) expect(hostEnd(u32At(SCRATCH + 0x100))).toMatch(/^pipe:\[\d+\]$/);
    setHostLibc(null);
    try {
      expect(n('pipe2', SCRATCH + 0x100, 0)).toBe(0);
      expect(hostEnd(u32At(SCRATCH + 0x104))).toMatch(/qemu-user-ts-pipe-.* \(deleted\)$/);
    } finally {
      setHostLibc(undefined);
    }
  });
});

describe('ownership, times, statfs, sendfile', () => {
  const setTimes = (at: number, a: [bigint, bigint], m: [bigint, bigint]): number => {
    [a[0], a[1], m[0], m[1]].forEach((v, i) => rig.mem.dv.setBigInt64(at + 8 * i, v, true));
    return at;
  };
  const NOW = BigInt(UTIME.NOW);
  const OMIT = BigInt(UTIME.OMIT);

  it('fchownat and fchown change the owner; -1 keeps an id; AT_SYMLINK_NOFOLLOW acts on the link', () => {
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    writeFileSync(`${dir}/f`, 'x');
    symlinkSync('f', `${dir}/ln`);
    // Root may give files away; anyone may set what they already are.
    const [u2, g2] = uid === 0 ? [1234, 5678] : [uid, gid];
    expect(n('fchownat', AT.FDCWD, str('f'), u2, g2, 0)).toBe(0);
    expect([statSync(`${dir}/f`).uid, statSync(`${dir}/f`).gid]).toEqual([u2, g2]);
    expect(n('fchownat', AT.FDCWD, str('f'), 0xffff_ffff, gid, 0)).toBe(0); // uid unchanged
    expect([statSync(`${dir}/f`).uid, statSync(`${dir}/f`).gid]).toEqual([u2, gid]);
    expect(n('fchownat', AT.FDCWD, str('ln'), 0xffff_ffff, g2, AT.SYMLINK_NOFOLLOW)).toBe(0);
    expect(lstatSync(`${dir}/ln`).gid).toBe(g2);
    expect(statSync(`${dir}/f`).gid).toBe(gid);
    const fd = n('openat', AT.FDCWD, str('f'), O.O_RDONLY);
    expect(n('fchown', fd, uid, gid)).toBe(0);
    expect(statSync(`${dir}/f`).uid).toBe(uid);
    expect(n('fchownat', fd, str(''), uid, gid, AT.EMPTY_PATH)).toBe(0);
    expect(n('fchownat', AT.FDCWD, str('missing'), uid, gid, 0)).toBe(-E.ENOENT);
    expect(n('fchownat', AT.FDCWD, str('f'), uid, gid, 0x4)).toBe(-E.EINVAL);
    expect(n('fchown', 99, uid, gid)).toBe(-E.EBADF);
  });

  it('utimensat sets, omits and refreshes times; a NULL path is futimens', () => {
    writeFileSync(`${dir}/f`, 'x');
    const T = SCRATCH + 0x100;
    expect(n('utimensat', AT.FDCWD, str('f'), setTimes(T, [1000n, 250_000_000n], [2000n, 999_999_000n]), 0)).toBe(0);
    let st = statSync(`${dir}/f`, { bigint: true });
    expect([st.atimeNs, st.mtimeNs]).toEqual([1_000_250_000_000n, 2_000_999_999_000n]);
    // UTIME_OMIT leaves one alone; UTIME_NOW takes the clock.
    expect(n('utimensat', AT.FDCWD, str('f'), setTimes(T, [0n, OMIT], [3000n, 0n]), 0)).toBe(0);
    st = statSync(`${dir}/f`, { bigint: true });
    expect([st.atimeNs, st.mtimeNs]).toEqual([1_000_250_000_000n, 3_000_000_000_000n]);
    expect(n('utimensat', AT.FDCWD, str('f'), setTimes(T, [0n, NOW], [0n, OMIT]), 0)).toBe(0);
    st = statSync(`${dir}/f`, { bigint: true });
    expect(Math.abs(Number(st.atimeNs / 1_000_000n) - Date.now())).toBeLessThan(5000);
    expect(st.mtimeNs).toBe(3_000_000_000_000n);
    // Before 1970, and nanoseconds cut to the microsecond (Node's resolution).
    expect(n('utimensat', AT.FDCWD, str('f'), setTimes(T, [-2n, 500_000_000n], [-1n, 123_456_789n]), 0)).toBe(0);
    st = statSync(`${dir}/f`, { bigint: true });
    expect([st.atimeNs, st.mtimeNs]).toEqual([-1_500_000_000n, -876_544_000n]);
    // NULL times: both now.
    expect(n('utimensat', AT.FDCWD, str('f'), 0, 0)).toBe(0);
    expect(Math.abs(Number(statSync(`${dir}/f`, { bigint: true }).mtimeNs / 1_000_000n) - Date.now())).toBeLessThan(5000);
    // futimens: utimensat(fd, NULL, times, 0).
    const fd = n('openat', AT.FDCWD, str('f'), O.O_RDONLY);
    expect(n('utimensat', fd, 0, setTimes(T, [5n, 0n], [6n, 0n]), 0)).toBe(0);
    expect(statSync(`${dir}/f`).mtimeMs).toBe(6000);
    expect(n('utimensat', fd, 0, T, AT.SYMLINK_NOFOLLOW)).toBe(-E.EINVAL);
    expect(n('utimensat', AT.FDCWD, 0, T, 0)).toBe(-E.EFAULT);
    // The link itself with AT_SYMLINK_NOFOLLOW.
    symlinkSync('f', `${dir}/ln`);
    expect(n('utimensat', AT.FDCWD, str('ln'), setTimes(T, [7n, 0n], [8n, 0n]), AT.SYMLINK_NOFOLLOW)).toBe(0);
    expect(lstatSync(`${dir}/ln`).mtimeMs).toBe(8000);
    expect(statSync(`${dir}/f`).mtimeMs).toBe(6000);
    // Errors: bad nsec, unknown flags, a missing file; both omitted does not even look.
    expect(n('utimensat', AT.FDCWD, str('f'), setTimes(T, [0n, 1_000_000_000n], [0n, 0n]), 0)).toBe(-E.EINVAL);
    expect(n('utimensat', AT.FDCWD, str('f'), 0, 0x4)).toBe(-E.EINVAL);
    expect(n('utimensat', AT.FDCWD, str('missing'), 0, 0)).toBe(-E.ENOENT);
    expect(n('utimensat', AT.FDCWD, str('missing'), setTimes(T, [0n, OMIT], [0n, OMIT]), 0)).toBe(0);
    expect(n('utimensat', AT.FDCWD, str('f'), UNMAPPED, 0)).toBe(-E.EFAULT);
  });

  it('statfs and fstatfs describe the file system', () => {
    writeFileSync(`${dir}/f`, 'x');
    const host = statfsSync(dir, { bigint: true });
    expect(n('statfs', str(dir), SCRATCH)).toBe(0);
    expect(u64At(SCRATCH)).toBe(host.type); // f_type
    expect(u64At(SCRATCH + 8)).toBe(host.bsize); // f_bsize
    expect(u64At(SCRATCH + 16)).toBe(host.blocks); // f_blocks
    expect(u64At(SCRATCH + 40)).toBe(host.files); // f_files
    expect(u64At(SCRATCH + 64)).toBeGreaterThan(0n); // f_namelen
    expect(u64At(SCRATCH + 72)).toBeGreaterThan(0n); // f_frsize
    const fd = n('openat', AT.FDCWD, str('f'), O.O_RDONLY);
    expect(n('fstatfs', fd, SCRATCH + 0x100)).toBe(0);
    expect(bytesAt(SCRATCH + 0x100, 120).subarray(0, 16)).toEqual(bytesAt(SCRATCH, 120).subarray(0, 16));
    expect(bytesAt(SCRATCH + 0x100 + 56, 16)).toEqual(bytesAt(SCRATCH + 56, 16)); // f_fsid, f_namelen
    expect(n('statfs', str('missing'), SCRATCH)).toBe(-E.ENOENT);
    expect(n('fstatfs', 99, SCRATCH)).toBe(-E.EBADF);
    expect(n('statfs', str(dir), UNMAPPED)).toBe(-E.EFAULT);
    expect(n('sync')).toBe(0);
    expect(n('syncfs', fd)).toBe(0);
    expect(n('syncfs', 99)).toBe(-E.EBADF);
  });

  it('sendfile copies from the file offset or from *offset, and stops at EOF', () => {
    writeFileSync(`${dir}/src`, '0123456789');
    const inp = n('openat', AT.FDCWD, str('src'), O.O_RDONLY);
    const out = n('openat', AT.FDCWD, str('dst'), O.O_WRONLY | O.O_CREAT, 0o644);
    expect(n('sendfile', out, inp, 0, 4)).toBe(4);
    expect(n('lseek', inp, 0, SEEK.CUR)).toBe(4);
    rig.mem.dv.setBigInt64(SCRATCH, 8n, true);
    expect(n('sendfile', out, inp, SCRATCH, 100)).toBe(2); // from 8 to EOF
    expect(u64At(SCRATCH)).toBe(10n);
    expect(n('lseek', inp, 0, SEEK.CUR)).toBe(4); // untouched with an offset pointer
    expect(n('sendfile', out, inp, 0, 100)).toBe(6);
    expect(n('sendfile', out, inp, 0, 100)).toBe(0);
    expect(readFileSync(`${dir}/dst`, 'utf8')).toBe('012389456789');
    const app = n('openat', AT.FDCWD, str('dst'), O.O_WRONLY | O.O_APPEND);
    expect(n('sendfile', app, inp, 0, 1)).toBe(-E.EINVAL);
    expect(n('sendfile', out, app, 0, 1)).toBe(-E.EBADF); // not open for reading
    expect(n('pipe2', SCRATCH + 0x100, 0)).toBe(0);
    expect(n('sendfile', out, u32At(SCRATCH + 0x100), SCRATCH, 1)).toBe(-E.ESPIPE);
    rig.mem.dv.setBigInt64(SCRATCH, -1n, true);
    expect(n('sendfile', out, inp, SCRATCH, 1)).toBe(-E.EINVAL);
  });
});

describe('ppoll', () => {
  const pollfds = (at: number, entries: [number, number][]): number => {
    entries.forEach(([fd, events], i) => {
      rig.mem.dv.setInt32(at + 8 * i, fd, true);
      rig.mem.dv.setUint16(at + 8 * i + 4, events, true);
      rig.mem.dv.setUint16(at + 8 * i + 6, 0xffff, true);
    });
    return at;
  };
  const revents = (at: number, i: number): number => rig.mem.dv.getUint16(at + 8 * i + 6, true);
  const timeout = (at: number, ns: bigint): number => {
    rig.mem.dv.setBigInt64(at, ns / 1_000_000_000n, true);
    rig.mem.dv.setBigInt64(at + 8, ns % 1_000_000_000n, true);
    return at;
  };
  const IN = POLL.IN;
  const OUT = POLL.OUT;

  it('files are always ready, closed fds are POLLNVAL, negative fds are skipped', () => {
    writeFileSync(`${dir}/f`, 'x');
    const fd = n('openat', AT.FDCWD, str('f'), O.O_RDWR);
    const P = pollfds(SCRATCH, [[fd, IN | OUT], [-1, IN], [77, IN]]);
    expect(n('ppoll', P, 3, 0, 0, 0)).toBe(2);
    expect([revents(P, 0), revents(P, 1), revents(P, 2)]).toEqual([IN | OUT, 0, POLL.NVAL]);
    expect(n('ppoll', P, 1, timeout(SCRATCH + 0x100, 1_000_000_000n), 0, 0)).toBe(1);
    expect(n('ppoll', P, 1, timeout(SCRATCH + 0x100, -1n), 0, 0)).toBe(-E.EINVAL);
    expect(n('ppoll', P, 1, 0, SCRATCH + 0x200, 4)).toBe(-E.EINVAL); // sigsetsize
    // Nothing that could ever become ready, and no timeout: reported, not hung.
    expect(n('ppoll', pollfds(SCRATCH, [[-1, IN]]), 1, 0, 0, 0)).toBe(-E.ENOSYS);
  });

  it('with the host\'s poll: a write end is POLLOUT, data POLLIN, a gone writer POLLHUP', () => {
    if (!hostLibc()) return;
    expect(n('pipe2', SCRATCH + 0x300, 0)).toBe(0);
    const [r, w] = [u32At(SCRATCH + 0x300), u32At(SCRATCH + 0x304)];
    expect(n('ppoll', pollfds(SCRATCH + 0x40, [[w, OUT]]), 1, 0, 0, 0)).toBe(1);
    expect(revents(SCRATCH + 0x40, 0)).toBe(OUT);
    const P = pollfds(SCRATCH, [[r, IN]]);
    expect(n('ppoll', P, 1, timeout(SCRATCH + 0x100, 10_000_000n), 0, 0)).toBe(0);
    rig.mem.rawWrite(SCRATCH + 0x400, Buffer.from('x'));
    expect(n('write', w, SCRATCH + 0x400, 1)).toBe(1);
    expect(n('ppoll', P, 1, 0, 0, 0)).toBe(1);
    expect(revents(P, 0)).toBe(IN);
    expect(n('close', w)).toBe(0);
    expect(n('ppoll', P, 1, 0, 0, 0)).toBe(1);
    expect(revents(P, 0)).toBe(IN | POLL.HUP);
  });

  it('without it, a pipe is probed by reading ahead: data is POLLIN and reads still see it; EOF is POLLHUP', () => {
    setHostLibc(null);
    try {
      pipeByReadAhead();
    } finally {
      setHostLibc(undefined);
    }
  });
  const pipeByReadAhead = (): void => {
    expect(n('pipe2', SCRATCH + 0x300, 0)).toBe(0);
    const [r, w] = [u32At(SCRATCH + 0x300), u32At(SCRATCH + 0x304)];
    const P = pollfds(SCRATCH, [[r, IN]]);
    const t0 = process.hrtime.bigint();
    expect(n('ppoll', P, 1, timeout(SCRATCH + 0x100, 30_000_000n), 0, 0)).toBe(0); // empty: times out
    expect(process.hrtime.bigint() - t0).toBeGreaterThanOrEqual(30_000_000n);
    expect(revents(P, 0)).toBe(0);
    rig.mem.rawWrite(SCRATCH + 0x400, Buffer.from('hello pipe'));
    expect(n('write', w, SCRATCH + 0x400, 10)).toBe(10);
    expect(n('ppoll', P, 1, 0, 0, 0)).toBe(1);
    expect(revents(P, 0)).toBe(IN);
    expect(n('read', r, SCRATCH + 0x500, 5)).toBe(5); // the bytes read ahead come back first
    expect(bytesAt(SCRATCH + 0x500, 5).toString()).toBe('hello');
    expect(n('ppoll', P, 1, 0, 0, 0)).toBe(1);
    expect(n('read', r, SCRATCH + 0x500, 100)).toBe(5);
    expect(bytesAt(SCRATCH + 0x500, 5).toString()).toBe(' pipe');
    expect(n('ppoll', pollfds(SCRATCH + 0x40, [[w, OUT]]), 1, 0, 0, 0)).toBe(-E.ENOSYS); // a write end: unknown
    expect(n('close', w)).toBe(0);
    expect(n('ppoll', P, 1, 0, 0, 0)).toBe(1);
    expect(revents(P, 0)).toBe(POLL.HUP);
    expect(n('read', r, SCRATCH + 0x500, 100)).toBe(0);
  };
});

/** A rig whose process runs with -L ${dir}/root, where /etc/only-in-prefix holds "prefixed". */
function prefixRig(): void {
  mkdirSync(`${dir}/root/etc`, { recursive: true });
  writeFileSync(`${dir}/root/etc/only-in-prefix`, 'prefixed');
  const mem = new GuestMemory();
  const as = new AddressSpace(mem);
  as.mapFixed(SCRATCH, SCRATCH_LEN, PROT.READ | PROT.WRITE);
  rig = { ...rig, mem, as, p: new LinuxProcess(mem, as, { abi: RISCV64_ABI, stackSize: STACK_SIZE, ldPrefix: `${dir}/root`, inheritStdio: false }) };
}

describe('paths', () => {
  it('-L: absolute paths are looked up under the prefix first', () => {
    prefixRig();
    const fd = n('openat', AT.FDCWD, str('/etc/only-in-prefix'), O.O_RDONLY);
    expect(n('read', fd, SCRATCH, 100)).toBe(8);
    expect(bytesAt(SCRATCH, 8).toString()).toBe('prefixed');
    // Not under the prefix: the host path itself.
    expect(n('faccessat', AT.FDCWD, str('/etc/passwd'), 0)).toBe(0);
  });

  it('O_PATH fds stat and anchor *at calls but do not read', () => {
    mkdirSync(`${dir}/d`);
    writeFileSync(`${dir}/d/f`, 'abc');
    const d = n('openat', AT.FDCWD, str('d'), O.O_PATH | O.O_DIRECTORY);
    expect(n('newfstatat', d, str('f'), SCRATCH, 0)).toBe(0);
    expect(u64At(SCRATCH + 48)).toBe(3n);
    const f = n('openat', d, str('f'), O.O_PATH);
    expect(n('read', f, SCRATCH, 3)).toBe(-E.EBADF);
    expect(n('newfstatat', f, str(''), SCRATCH, AT.EMPTY_PATH)).toBe(0);
    expect(u64At(SCRATCH + 48)).toBe(3n);
    expect(n('newfstatat', f, str(''), SCRATCH, 0)).toBe(-E.ENOENT);
  });
});

describe('memory', () => {
  it('mmap/mprotect/munmap change page permissions', () => {
    const addr = n('mmap', 0, 3 * PAGE_SIZE, PROT.READ | PROT.WRITE, MAP.PRIVATE | MAP.ANONYMOUS, -1, 0);
    expect(addr % PAGE_SIZE).toBe(0);
    expect(addr).toBeGreaterThan(0);
    expect(rig.mem.perm(addr) & 7).toBe(PROT.READ | PROT.WRITE);
    expect(rig.mem.perm(addr + 2 * PAGE_SIZE) & 7).toBe(PROT.READ | PROT.WRITE);
    expect(n('mprotect', addr + PAGE_SIZE, PAGE_SIZE, PROT.READ)).toBe(0);
    expect(rig.mem.perm(addr + PAGE_SIZE) & 7).toBe(PROT.READ);
    expect(rig.mem.perm(addr) & 7).toBe(PROT.READ | PROT.WRITE);
    expect(n('mprotect', addr + 1, PAGE_SIZE, PROT.READ)).toBe(-E.EINVAL);
    expect(n('munmap', addr, PAGE_SIZE)).toBe(0);
    expect(rig.mem.perm(addr) & 7).toBe(0);
    expect(n('mprotect', addr, PAGE_SIZE, PROT.READ)).toBe(-E.ENOMEM);
    expect(n('munmap', addr + 1, PAGE_SIZE)).toBe(-E.EINVAL);
    expect(n('munmap', addr, 0)).toBe(-E.EINVAL);
  });

  it('mmap argument errors, hints, MAP_FIXED and MAP_FIXED_NOREPLACE', () => {
    const anon = MAP.PRIVATE | MAP.ANONYMOUS;
    expect(n('mmap', 0, 0, PROT.READ, anon, -1, 0)).toBe(-E.EINVAL);
    expect(n('mmap', 0, PAGE_SIZE, PROT.READ, MAP.ANONYMOUS, -1, 0)).toBe(-E.EINVAL); // no type
    expect(n('mmap', 0, PAGE_SIZE, PROT.READ, anon, -1, 1)).toBe(-E.EINVAL); // unaligned offset
    expect(n('mmap', 0, PAGE_SIZE, PROT.READ, MAP.PRIVATE, 77, 0)).toBe(-E.EBADF);
    expect(n('mmap', 0, 0x1_0000_0000, PROT.READ, anon, -1, 0)).toBe(-E.ENOMEM);
    const hint = 0x4000_0000;
    expect(n('mmap', hint, PAGE_SIZE, PROT.READ, anon, -1, 0)).toBe(hint);
    expect(n('mmap', hint, PAGE_SIZE, PROT.READ, anon | MAP.FIXED_NOREPLACE, -1, 0)).toBe(-E.EEXIST);
    rig.mem.rawWrite(hint, Buffer.from('old'));
    expect(n('mmap', hint, PAGE_SIZE, PROT.EXEC, anon | MAP.FIXED, -1, 0)).toBe(hint);
    expect(rig.mem.perm(hint) & 7).toBe(PROT.EXEC);
    expect(rig.mem.u8[hint]).toBe(0); // a fresh mapping reads as zeroes
    expect(n('mmap', hint + 1, PAGE_SIZE, PROT.READ, anon | MAP.FIXED, -1, 0)).toBe(-E.EINVAL);
    // A taken hint falls back to another free place.
    const other = n('mmap', hint, PAGE_SIZE, PROT.READ, anon, -1, 0);
    expect(other).toBeGreaterThan(0);
    expect(other).not.toBe(hint);
  });

  it('private file mappings hold the file bytes', () => {
    const data = Buffer.alloc(PAGE_SIZE + 100, 0x41);
    data.write('HEADER', 0);
    data.write('PAGE2', PAGE_SIZE);
    writeFileSync(`${dir}/m`, data);
    const fd = n('openat', AT.FDCWD, str('m'), O.O_RDONLY);
    const addr = n('mmap', 0, 2 * PAGE_SIZE, PROT.READ, MAP.PRIVATE, fd, 0);
    expect(bytesAt(addr, 6).toString()).toBe('HEADER');
    expect(bytesAt(addr + PAGE_SIZE, 5).toString()).toBe('PAGE2');
    expect(rig.mem.u8[addr + PAGE_SIZE + 100]).toBe(0); // past EOF
    const off = n('mmap', 0, PAGE_SIZE, PROT.READ, MAP.PRIVATE, fd, PAGE_SIZE);
    expect(bytesAt(off, 5).toString()).toBe('PAGE2');
    expect(rig.as.findMapping(addr)?.name).toBe(`${dir}/m`);
    // A shared writable mapping needs O_RDWR.
    expect(n('mmap', 0, PAGE_SIZE, PROT.READ | PROT.WRITE, MAP.SHARED, fd, 0)).toBe(-E.EACCES);
  });

  it('mremap grows in place, moves with MREMAP_MAYMOVE, shrinks; madvise DONTNEED zeroes', () => {
    const anon = MAP.PRIVATE | MAP.ANONYMOUS;
    const a = n('mmap', 0x3000_0000, 2 * PAGE_SIZE, PROT.READ | PROT.WRITE, anon, -1, 0);
    expect(a).toBe(0x3000_0000);
    rig.mem.rawWrite(a, Buffer.from('keep me'));
    expect(n('mremap', a, 2 * PAGE_SIZE, 4 * PAGE_SIZE, 0)).toBe(a); // room after it
    expect(rig.mem.perm(a + 3 * PAGE_SIZE) & 7).toBe(PROT.READ | PROT.WRITE);
    // Block the way, then grow: only MAYMOVE may succeed.
    n('mmap', a + 4 * PAGE_SIZE, PAGE_SIZE, PROT.READ, anon | MAP.FIXED, -1, 0);
    expect(n('mremap', a, 4 * PAGE_SIZE, 8 * PAGE_SIZE, 0)).toBe(-E.ENOMEM);
    const b = n('mremap', a, 4 * PAGE_SIZE, 8 * PAGE_SIZE, MREMAP.MAYMOVE);
    expect(b).not.toBe(a);
    expect(bytesAt(b, 7).toString()).toBe('keep me');
    expect(rig.mem.perm(a) & 7).toBe(0);
    expect(n('mremap', b, 8 * PAGE_SIZE, PAGE_SIZE, 0)).toBe(b);
    expect(rig.mem.perm(b + PAGE_SIZE) & 7).toBe(0);
    expect(n('mremap', UNMAPPED, PAGE_SIZE, 2 * PAGE_SIZE, MREMAP.MAYMOVE)).toBe(-E.EFAULT);

    expect(n('madvise', b, PAGE_SIZE, 4 /* MADV_DONTNEED */)).toBe(0);
    expect(rig.mem.u8[b]).toBe(0);
    expect(n('madvise', b, PAGE_SIZE, 3 /* MADV_WILLNEED */)).toBe(0);
    expect(n('madvise', b, PAGE_SIZE, 9 /* MADV_REMOVE */)).toBe(-E.EINVAL);
    expect(n('madvise', UNMAPPED, PAGE_SIZE, 3)).toBe(-E.ENOMEM);
  });
  it('madvise DONTNEED on a private file mapping reads the file again, not zeros', () => {
    writeFileSync(`${dir}/m`, Buffer.alloc(PAGE_SIZE + 100, 0x61));
    const fd = n('openat', AT.FDCWD, str('m'), O.O_RDONLY);
    const at = n('mmap', 0, 2 * PAGE_SIZE, PROT.READ | PROT.WRITE, MAP.PRIVATE, fd, 0);
    rig.mem.rawFill(at, 10, 0x7a);
    expect(rig.mem.u8[at]).toBe(0x7a);
    expect(n('madvise', at, 2 * PAGE_SIZE, 4 /* MADV_DONTNEED */)).toBe(0);
    expect(rig.mem.u8[at]).toBe(0x61);
    expect(rig.mem.u8[at + PAGE_SIZE + 99]).toBe(0x61);
    expect(rig.mem.u8[at + PAGE_SIZE + 100]).toBe(0); // past the end of the file
  });

  it('brk grows and shrinks the heap', () => {
    const start = n('brk', 0);
    expect(start).toBe(0x20_0000);
    expect(n('brk', start + 3 * PAGE_SIZE + 8)).toBe(start + 3 * PAGE_SIZE + 8);
    expect(rig.mem.perm(start + 3 * PAGE_SIZE) & 7).toBe(PROT.READ | PROT.WRITE);
    expect(n('brk', start + PAGE_SIZE)).toBe(start + PAGE_SIZE);
    expect(rig.mem.perm(start + PAGE_SIZE) & 7).toBe(0);
    expect(rig.mem.perm(start) & 7).toBe(PROT.READ | PROT.WRITE);
    expect(n('brk', start - PAGE_SIZE)).toBe(start + PAGE_SIZE); // below the start: unchanged
  });
});

describe('process, time, signals', () => {
  it('ids, uname, rlimits, umask, sysinfo, getrandom, affinity', () => {
    expect(n('getpid')).toBe(process.pid);
    expect(n('gettid')).toBe(process.pid);
    expect(n('getppid')).toBe(process.ppid);
    expect(n('getuid')).toBe(process.getuid?.());
    expect(n('getresuid', SCRATCH, SCRATCH + 4, SCRATCH + 8)).toBe(0);
    expect(u32At(SCRATCH)).toBe(process.getuid?.());
    expect(n('uname', SCRATCH)).toBe(0);
    expect(rig.mem.readCString(SCRATCH)).toBe('Linux');
    expect(rig.mem.readCString(SCRATCH + 4 * 65)).toBe('riscv64');
    expect(n('prlimit64', 0, RLIMIT.STACK, 0, SCRATCH)).toBe(0);
    expect(u64At(SCRATCH)).toBe(BigInt(STACK_SIZE));
    rig.mem.dv.setBigUint64(SCRATCH, 100n, true);
    rig.mem.dv.setBigUint64(SCRATCH + 8, 50n, true);
    expect(n('setrlimit', RLIMIT.NOFILE, SCRATCH)).toBe(-E.EINVAL); // cur > max
    rig.mem.dv.setBigUint64(SCRATCH, 16n, true);
    expect(n('setrlimit', RLIMIT.NOFILE, SCRATCH)).toBe(0);
    expect(n('getrlimit', RLIMIT.NOFILE, SCRATCH + 16)).toBe(0);
    expect(u64At(SCRATCH + 16)).toBe(16n);
    // another process's: the host's prlimit on it (pid 1 is there; this pid is not)
    expect(n('prlimit64', 0x3fff_fff0, RLIMIT.NOFILE, 0, SCRATCH)).toBe(-E.ESRCH);
    const old = n('umask', 0o027);
    expect(n('umask', old)).toBe(0o027);
    expect(n('sysinfo', SCRATCH)).toBe(0);
    expect(u64At(SCRATCH + 32)).toBeGreaterThan(0n); // totalram
    expect(n('getrandom', SCRATCH, 32, 0)).toBe(32);
    expect(n('getrandom', SCRATCH, 32, 0x100)).toBe(-E.EINVAL);
    expect(n('sched_getaffinity', 0, 128, SCRATCH)).toBeGreaterThan(0);
    expect(rig.mem.u8[SCRATCH] & 1).toBe(1);
    expect(n('sched_getaffinity', 0, 3, SCRATCH)).toBe(-E.EINVAL);
    expect(n('set_tid_address', SCRATCH)).toBe(process.pid);
    expect(n('set_robust_list', SCRATCH, 24)).toBe(0);
    expect(n('set_robust_list', SCRATCH, 8)).toBe(-E.EINVAL);
  });

  it('clocks advance and sleeping sleeps', () => {
    expect(n('clock_gettime', 1 /* MONOTONIC */, SCRATCH)).toBe(0);
    const t0 = u64At(SCRATCH) * 1_000_000_000n + u64At(SCRATCH + 8);
    rig.mem.dv.setBigInt64(SCRATCH + 0x100, 0n, true);
    rig.mem.dv.setBigInt64(SCRATCH + 0x108, 20_000_000n, true);
    expect(n('nanosleep', SCRATCH + 0x100, 0)).toBe(0);
    expect(n('clock_gettime', 1, SCRATCH)).toBe(0);
    const t1 = u64At(SCRATCH) * 1_000_000_000n + u64At(SCRATCH + 8);
    expect(t1 - t0).toBeGreaterThanOrEqual(20_000_000n);
    expect(n('clock_gettime', 0 /* REALTIME */, SCRATCH)).toBe(0);
    expect(Math.abs(Number(u64At(SCRATCH)) - Date.now() / 1000)).toBeLessThan(2);
    expect(n('clock_gettime', 99, SCRATCH)).toBe(-E.EINVAL);
    expect(n('clock_getres', 1, SCRATCH)).toBe(0);
    expect(u64At(SCRATCH + 8)).toBe(1n);
    rig.mem.dv.setBigInt64(SCRATCH + 0x108, 1_000_000_000n, true);
    expect(n('nanosleep', SCRATCH + 0x100, 0)).toBe(-E.EINVAL); // tv_nsec out of range
    expect(n('gettimeofday', SCRATCH, 0)).toBe(0);
    expect(n('times', SCRATCH)).toBeGreaterThan(0);
  });

  it('exit_group and exit throw GuestExit', () => {
    expect(() => sc('exit_group', 3)).toThrow(GuestExit);
    try {
      sc('exit', 0x1ff);
    } catch (e) {
      expect(e).toBeInstanceOf(GuestExit);
      expect((e as GuestExit).status).toBe(0xff);
    }
  });

  it('signals to ourselves: 0 checks, fatal defaults kill, handlers are honest about delivery', () => {
    const pid = process.pid;
    expect(n('kill', pid, 0)).toBe(0);
    expect(n('kill', pid, SIG.SIGCHLD)).toBe(0); // default action: ignore
    expect(() => sc('kill', pid, SIG.SIGTERM)).toThrow(GuestKilled);
    expect(() => sc('tgkill', pid, pid, SIG.SIGABRT)).toThrow(GuestKilled);
    expect(n('tkill', pid + 1, SIG.SIGTERM)).toBe(-E.ESRCH);

    // SIG_IGN, recorded by rt_sigaction (riscv64: handler, flags, mask).
    rig.mem.dv.setBigUint64(SCRATCH, 1n, true);
    expect(n('rt_sigaction', SIG.SIGUSR1, SCRATCH, 0, 8)).toBe(0);
    expect(n('kill', pid, SIG.SIGUSR1)).toBe(0);
    // A guest handler: delivery does not exist yet.
    rig.mem.dv.setBigUint64(SCRATCH, 0x1234n, true);
    expect(n('rt_sigaction', SIG.SIGUSR2, SCRATCH, SCRATCH + 0x100, 8)).toBe(0);
    expect(u64At(SCRATCH + 0x100)).toBe(0n); // old action SIG_DFL
    expect(n('kill', pid, SIG.SIGUSR2)).toBe(-E.ENOSYS);
    expect(n('rt_sigaction', SIG.SIGKILL, SCRATCH, 0, 8)).toBe(-E.EINVAL);
    expect(n('rt_sigaction', SIG.SIGUSR1, SCRATCH, 0, 4)).toBe(-E.EINVAL);

    // Blocked: pending until unblocked, then the default action (as glibc's abort()).
    rig.mem.dv.setBigUint64(SCRATCH, 1n << BigInt(SIG.SIGABRT - 1), true);
    expect(n('rt_sigprocmask', 0 /* SIG_BLOCK */, SCRATCH, 0, 8)).toBe(0);
    expect(n('tgkill', pid, pid, SIG.SIGABRT)).toBe(0);
    rig.mem.rawFill(SCRATCH + 0x200, 8);
    expect(() => sc('rt_sigprocmask', 2 /* SIG_SETMASK */, SCRATCH + 0x200, SCRATCH + 0x300, 8)).toThrow(GuestKilled);
    expect(u64At(SCRATCH + 0x300)).toBe(1n << BigInt(SIG.SIGABRT - 1)); // the old mask was written first
  });

  it('getgroups: the host process\'s supplementary groups', () => {
    const line = /^Groups:(.*)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    const groups = (line?.[1].trim().split(/\s+/).filter(Boolean) ?? []).map(Number);
    expect(n('getgroups', 0, 0)).toBe(groups.length);
    expect(n('getgroups', 64, SCRATCH)).toBe(groups.length);
    groups.forEach((g, i) => expect(u32At(SCRATCH + 4 * i)).toBe(g));
    if (groups.length > 1) expect(n('getgroups', 1, SCRATCH)).toBe(-E.EINVAL);
    expect(n('getgroups', -1, SCRATCH)).toBe(-E.EINVAL);
  });

  it('prctl: the task name starts as the program\'s base name; other options are EINVAL', () => {
    expect(n('prctl', PR.GET_NAME, SCRATCH)).toBe(0);
    expect(rig.mem.readCString(SCRATCH)).toBe('true'); // exePath /bin/true
    rig.mem.rawWrite(SCRATCH + 0x100, Buffer.from('a-rather-long-thread-name\0'));
    expect(n('prctl', PR.SET_NAME, SCRATCH + 0x100)).toBe(0);
    expect(n('prctl', PR.GET_NAME, SCRATCH)).toBe(0);
    expect(bytesAt(SCRATCH, 16).toString('latin1')).toBe('a-rather-long-t\0'); // 15 bytes and the NUL
    expect(n('prctl', PR.SET_NAME, UNMAPPED)).toBe(-E.EFAULT);
    expect(n('prctl', PR.GET_DUMPABLE)).toBe(-E.EINVAL);
    expect(rig.unimp).toContain('Unsupported prctl option: 3');
  });

  it.skipIf(!hostLibc())('prctl: the parent-death signal is the host\'s, and read back', () => {
    expect(n('prctl', PR.SET_PDEATHSIG, 65)).toBe(-E.EINVAL);
    expect(n('prctl', PR.SET_PDEATHSIG, 10)).toBe(0);
    expect(n('prctl', PR.GET_PDEATHSIG, SCRATCH)).toBe(0);
    expect(rig.mem.dv.getUint32(SCRATCH, true)).toBe(10);
    expect(n('prctl', PR.SET_PDEATHSIG, 0)).toBe(0); // the test's own process: none again
    expect(n('prctl', PR.GET_PDEATHSIG, SCRATCH)).toBe(0);
    expect(rig.mem.dv.getUint32(SCRATCH, true)).toBe(0);
  });

  it("the first thread's waits are on CPU 0's control block even when first asked for while another thread is served", () => {
    // A worker's forwarded call (its exit, a read that would block) may be the first to touch
    // p.waits; the first thread must not then wait on that thread's WAKE word (Go hung so).
    const first = rig.p.thread;
    rig.p.thread = new LinuxThread(first.tid + 1, 3, new ThreadControl(rig.mem.memory.buffer, 3));
    const waits = rig.p.waits;
    rig.p.thread = first;
    expect(waits.cpu).toBe(0);
    expect(waits.control.cpu).toBe(0);
  });

  it('futex with one thread: wake finds nobody, wait checks the word, sleeps out its timeout or ends for a signal', () => {
    const word = SCRATCH + 0x100;
    const PRIVATE = FUTEX_PRIVATE_FLAG;
    rig.mem.dv.setUint32(word, 5, true);
    expect(n('futex', word, FUTEX.WAKE | PRIVATE, 0x7fff_ffff)).toBe(0);
    expect(n('futex', word + 2, FUTEX.WAKE | PRIVATE, 1)).toBe(-E.EINVAL); // unaligned
    expect(n('futex', word, FUTEX.WAIT | PRIVATE, 4, 0)).toBe(-E.EAGAIN); // the word changed
    const ts = SCRATCH + 0x200;
    rig.mem.dv.setBigInt64(ts, 0n, true);
    rig.mem.dv.setBigInt64(ts + 8, 20_000_000n, true);
    const t0 = process.hrtime.bigint();
    expect(n('futex', word, FUTEX.WAIT | PRIVATE, 5, ts)).toBe(-E.ETIMEDOUT);
    expect(process.hrtime.bigint() - t0).toBeGreaterThanOrEqual(20_000_000n);
    rig.mem.dv.setBigInt64(ts + 8, 1_000_000_000n, true);
    expect(n('futex', word, FUTEX.WAIT | PRIVATE, 5, ts)).toBe(-E.EINVAL);
    // A wait without a timeout ends for a signal the thread is to take (EINTR), as on Linux.
    rig.p.thread.control!.setSignalWaiting(true);
    expect(n('futex', word, FUTEX.WAIT | PRIVATE, 5, 0)).toBe(-E.EINTR);
    rig.p.thread.control!.setSignalWaiting(false);
    expect(n('futex', word, FUTEX.WAIT_BITSET | PRIVATE, 5, 0, 0, 0)).toBe(-E.EINVAL); // empty bitset
    expect(n('futex', word, FUTEX.WAKE | FUTEX_CLOCK_REALTIME, 1)).toBe(-E.ENOSYS);
    expect(n('futex', word, FUTEX.CMP_REQUEUE | PRIVATE, 1, 1, word + 4, 4)).toBe(-E.EAGAIN); // the word is 5
    expect(n('futex', word, FUTEX.CMP_REQUEUE | PRIVATE, 1, 1, word + 4, 5)).toBe(0); // nobody to wake or move
    // PI locks: the word holds the owner's tid
    const pi = SCRATCH + 0x180;
    const tid = rig.p.thread.tid;
    rig.mem.dv.setUint32(pi, 0, true);
    expect(n('futex', pi, FUTEX.LOCK_PI | PRIVATE, 0, 0)).toBe(0);
    expect(rig.mem.dv.getUint32(pi, true)).toBe(tid);
    expect(n('futex', pi, FUTEX.LOCK_PI | PRIVATE, 0, 0)).toBe(-E.EDEADLK);
    expect(n('futex', pi, FUTEX.UNLOCK_PI | PRIVATE, 0)).toBe(0);
    expect(rig.mem.dv.getUint32(pi, true)).toBe(0);
    rig.mem.dv.setUint32(pi, tid + 1, true); // another thread's
    expect(n('futex', pi, FUTEX.TRYLOCK_PI | PRIVATE, 0, 0)).toBe(-E.EAGAIN);
    expect(rig.mem.dv.getUint32(pi, true)).toBe((tid + 1 + 0x8000_0000) >>> 0); // waiters marked
    expect(n('futex', pi, FUTEX.UNLOCK_PI | PRIVATE, 0)).toBe(-E.EPERM);
    expect(n('futex', UNMAPPED, FUTEX.WAKE, 1)).toBe(-E.EFAULT); // a shared futex needs the page
    expect(n('futex', UNMAPPED, FUTEX.WAKE | PRIVATE, 1)).toBe(0); // a private one does not
  });

  it('sched_getaffinity reads any task\'s mask; getpriority / setpriority for processes', () => {
    const allowed = (pid: number | 'self'): bigint => {
      const m = /^Cpus_allowed:\s*([0-9a-f,]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return BigInt(`0x${m?.[1].replace(/,/g, '') ?? '0'}`);
    };
    const len = n('sched_getaffinity', 0, 1024, SCRATCH);
    expect(len % 8).toBe(0);
    let mine = 0n;
    for (let i = len - 1; i >= 0; i--) mine = (mine << 8n) | BigInt(rig.mem.u8[SCRATCH + i]);
    expect(mine).toBe(allowed('self'));
    expect(n('sched_getaffinity', process.ppid, 1024, SCRATCH)).toBe(len);
    expect(n('sched_getaffinity', 0x7fff_fff0, 1024, SCRATCH)).toBe(-E.ESRCH);
    expect(n('sched_getaffinity', 0x7fff_fff0, 3, SCRATCH)).toBe(-E.EINVAL); // length checked first

    const nice = osGetPriority();
    expect(n('getpriority', PRIO.PROCESS, 0)).toBe(20 - nice);
    expect(n('setpriority', PRIO.PROCESS, 0, nice)).toBe(0);
    expect(n('getpriority', PRIO.PROCESS, 0x7fff_fff0)).toBe(-E.ESRCH); // a Node SystemError, translated
    expect(n('getpriority', 7, 0)).toBe(-E.EINVAL);
    expect(n('getpriority', PRIO.USER, 0)).toBe(-E.ENOSYS);
  });

  it('sigaltstack records the alternate stack', () => {
    expect(n('sigaltstack', 0, SCRATCH)).toBe(0);
    expect(u32At(SCRATCH + 8)).toBe(2); // SS_DISABLE
    rig.mem.dv.setBigUint64(SCRATCH + 0x100, 0x4000_0000n, true);
    rig.mem.dv.setInt32(SCRATCH + 0x108, 0, true);
    rig.mem.dv.setBigUint64(SCRATCH + 0x110, 100n, true);
    expect(n('sigaltstack', SCRATCH + 0x100, 0)).toBe(-E.ENOMEM); // smaller than MINSIGSTKSZ
    rig.mem.dv.setBigUint64(SCRATCH + 0x110, 65536n, true);
    expect(n('sigaltstack', SCRATCH + 0x100, SCRATCH)).toBe(0);
    expect(n('sigaltstack', 0, SCRATCH)).toBe(0);
    expect(u64At(SCRATCH)).toBe(0x4000_0000n);
    expect(u64At(SCRATCH + 16)).toBe(65536n);
  });
});

describe('-strace', () => {
  it('prints calls in QEMU\'s format', () => {
    const pid = rig.p.pid;
    const fd = n('openat', AT.FDCWD, str('s.txt'), O.O_WRONLY | O.O_CREAT | O.O_CLOEXEC, 0o644);
    expect(rig.strace.at(-1)).toBe(`${pid} openat(AT_FDCWD,"s.txt",O_WRONLY|O_CREAT|O_CLOEXEC,0644) = ${fd}`);
    rig.mem.rawWrite(SCRATCH, Buffer.from('hello\n'));
    n('write', fd, SCRATCH, 6);
    expect(rig.strace.at(-1)).toBe(`${pid} write(${fd},0x100000,6) = 6`);
    n('openat', AT.FDCWD, str('/nonexistent/x'), O.O_RDONLY);
    expect(rig.strace.at(-1)).toBe(`${pid} openat(AT_FDCWD,"/nonexistent/x",O_RDONLY) = -1 errno=2 (No such file or directory)`);
    const m = n('mmap', 0, PAGE_SIZE, PROT.READ | PROT.WRITE, MAP.PRIVATE | MAP.ANONYMOUS, -1, 0);
    expect(rig.strace.at(-1)).toBe(
      `${pid} mmap(NULL,4096,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0) = 0x${m.toString(16).padStart(16, '0')}`,
    );
    n('clock_gettime', 1, SCRATCH);
    expect(rig.strace.at(-1)).toMatch(new RegExp(`^${pid} clock_gettime\\(CLOCK_MONOTONIC,0x0+100000\\) = 0 \\(\\{tv_sec = \\d+,tv_nsec = \\d+\\}\\)$`));
    n('unlinkat', AT.FDCWD, str('s.txt'), AT.REMOVEDIR);
    expect(rig.strace.at(-1)).toBe(`${pid} unlinkat(AT_FDCWD,"s.txt",AT_REMOVEDIR) = -1 errno=20 (Not a directory)`);
    n('kill', pid, 0);
    expect(rig.strace.at(-1)).toBe(`${pid} kill(${pid},0) = 0`);
    writeFileSync(`${dir}/o`, '');
    n('fchownat', AT.FDCWD, str('o'), 0xffff_ffff, 0xffff_ffff, AT.SYMLINK_NOFOLLOW);
    expect(rig.strace.at(-1)).toBe(`${pid} fchownat(AT_FDCWD,"o",-1,-1,AT_SYMLINK_NOFOLLOW) = 0`);
    n('utimensat', AT.FDCWD, str('o'), 0, 0);
    expect(rig.strace.at(-1)).toBe(`${pid} utimensat(AT_FDCWD,"o",NULL,0) = 0`);
    n('statfs', str('/'), SCRATCH);
    expect(rig.strace.at(-1)).toBe(`${pid} statfs("/",0x0000000000100000) = 0`);
    n('sync');
    expect(rig.strace.at(-1)).toBe(`${pid} sync() = 0`);
    n('sendfile', fd, 99, 0, 10);
    expect(rig.strace.at(-1)).toBe(`${pid} sendfile(${fd},99,NULL,10) = -1 errno=9 (Bad file descriptor)`);
    n('getgroups', 0, 0);
    expect(rig.strace.at(-1)).toMatch(new RegExp(`^${pid} getgroups\\(0,NULL\\) = \\d+$`));
    n('prctl', PR.GET_NAME, SCRATCH);
    expect(rig.strace.at(-1)).toBe(`${pid} prctl(PR_GET_NAME,0x100000,0x0,0x0,0x0) = 0`);
    n('futex', SCRATCH, FUTEX.WAKE | FUTEX_PRIVATE_FLAG, 0x7fff_ffff, 0, 0x53, 0);
    expect(rig.strace.at(-1)).toBe(`${pid} futex(0x0000000000100000,FUTEX_PRIVATE_FLAG|FUTEX_WAKE,2147483647,NULL,0x0000000000000053,0) = 0`);
    expect(() => sc('exit_group', 0)).toThrow(GuestExit);
    expect(rig.strace.at(-1)).toBe(`${pid} exit_group(0)`);
  });
});

describe('extended attributes', () => {
  afterEach(() => setHostLibc(undefined));
  it('are EOPNOTSUPP without the host libc binding, as on a file system without them', () => {
    writeFileSync(`${dir}/x`, '');
    setHostLibc(null);
    expect(sc('getxattr', str('x'), str('user.a'), SCRATCH, 16)).toBe(BigInt(-E.EOPNOTSUPP));
    expect(sc('listxattr', str('x'), SCRATCH, 16)).toBe(BigInt(-E.EOPNOTSUPP));
    expect(sc('setxattr', str('x'), str('user.a'), SCRATCH, 1, 0)).toBe(BigInt(-E.EOPNOTSUPP));
  });
  it('check their arguments before the host sees them, and print under -strace', () => {
    writeFileSync(`${dir}/x`, '');
    expect(sc('setxattr', str('x'), str('user.a'), SCRATCH, 1, 8)).toBe(BigInt(-E.EINVAL));
    expect(sc('setxattr', str('x'), str('user.a'), SCRATCH, 65537, 0)).toBe(BigInt(-E.E2BIG));
    expect(sc('getxattr', str('x'), str(''), SCRATCH, 16)).toBe(BigInt(-E.ERANGE));
    expect(sc('getxattr', str('x'), str(`user.${'n'.repeat(251)}`), SCRATCH, 16)).toBe(BigInt(-E.ERANGE));
    expect(sc('fgetxattr', 77, str('user.a'), SCRATCH, 16)).toBe(BigInt(-E.EBADF));
    expect(sc('getxattr', UNMAPPED, str('user.a'), SCRATCH, 16)).toBe(BigInt(-E.EFAULT));
    n('lgetxattr', str('x'), str('user.none'), 0, 0);
    expect(rig.strace.at(-1)).toMatch(/^\d+ lgetxattr\("x","user\.none",NULL,0\) = -1 errno=(61 \(No data available\)|95 \(Operation not supported\))$/);
  });
});

describe('pwritev2', () => {
  it('RWF_APPEND writes at the end whatever the offset; unknown flags are EOPNOTSUPP', () => {
    writeFileSync(`${dir}/ap`, 'abc');
    const fd = n('openat', AT.FDCWD, str('ap'), O.O_RDWR, 0);
    rig.mem.rawWrite(SCRATCH, Buffer.from('XY'));
    // one iovec {SCRATCH, 2} at SCRATCH + 0x100
    rig.mem.dv.setBigUint64(SCRATCH + 0x100, BigInt(SCRATCH), true);
    rig.mem.dv.setBigUint64(SCRATCH + 0x108, 2n, true);
    expect(n('pwritev2', fd, SCRATCH + 0x100, 1, 0, 0, 0x10)).toBe(2);
    expect(readFileSync(`${dir}/ap`, 'utf8')).toBe('abcXY');
    expect(n('pwritev2', fd, SCRATCH + 0x100, 1, 0, 0, 0x40)).toBe(-E.EOPNOTSUPP);
    expect(n('pwritev2', fd, SCRATCH + 0x100, 1, 1, 0, 0)).toBe(2);
    expect(readFileSync(`${dir}/ap`, 'utf8')).toBe('aXYXY');
  });
});

describe('sessions and process groups', () => {
  afterEach(() => setHostLibc(undefined));
  it('are the host\'s: getpgid and getsid of ourselves, ESRCH for a pid that does not exist', () => {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const [pgrp, sid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(2, 4).map(Number);
    for (const libc of [undefined, null]) {
      setHostLibc(libc);
      expect(n('getpgid', 0)).toBe(pgrp);
      expect(n('getsid', 0)).toBe(sid);
      expect(n('getpgid', 0x3fff_fff0)).toBe(-E.ESRCH);
    }
    expect(n('setpgid', 0, -1)).toBe(-E.EINVAL);
    setHostLibc(null);
    expect(n('setsid')).toBe(-E.ENOSYS);
  });
});

describe('scheduler and thread state', () => {
  afterEach(() => setHostLibc(undefined));
  it('the scheduler calls are the host\'s, ENOSYS without its libc; their pointer checks come first', () => {
    expect(n('sched_getparam', 0, 0)).toBe(-E.EINVAL);
    expect(n('sched_setscheduler', -1, 0, SCRATCH)).toBe(-E.EINVAL);
    setHostLibc(null);
    expect(n('sched_getscheduler', 0)).toBe(-E.ENOSYS);
    expect(n('getcpu', SCRATCH, 0, 0)).toBe(-E.ENOSYS);
    expect(rig.unimp).toContain('getcpu needs the host libc');
  });

  it('membarrier needs no host: registrations are the process\'s', () => {
    setHostLibc(null);
    expect(n('membarrier', 8 /* PRIVATE_EXPEDITED */, 0, 0)).toBe(-E.EPERM);
    expect(n('membarrier', 64 /* REGISTER_PRIVATE_EXPEDITED_SYNC_CORE */, 0, 0)).toBe(0);
    expect(n('membarrier', 32 /* PRIVATE_EXPEDITED_SYNC_CORE */, 0, 0)).toBe(0);
    expect(n('membarrier', 8, 0, 0)).toBe(-E.EPERM); // another registration
    expect(n('membarrier', 512 /* GET_REGISTRATIONS */, 0, 0)).toBe(64);
    expect(n('membarrier', 0, 0, 0) & 0x180).toBe(0); // no rseq commands: there is no rseq
  });

  it('get_robust_list gives back what set_robust_list set, for the calling thread only', () => {
    expect(n('set_robust_list', 0x1234_5678, 24)).toBe(0);
    expect(n('get_robust_list', 0, SCRATCH, SCRATCH + 8)).toBe(0);
    expect([u64At(SCRATCH), u64At(SCRATCH + 8)]).toEqual([0x1234_5678n, 24n]);
    expect(n('get_robust_list', rig.p.thread.tid, SCRATCH, SCRATCH + 8)).toBe(0);
    expect(n('get_robust_list', 1, SCRATCH, SCRATCH + 8)).toBe(-E.EPERM); // another process's memory
    expect(n('get_robust_list', 0x3fff_fff0, SCRATCH, SCRATCH + 8)).toBe(-E.ESRCH);
    expect(n('get_robust_list', 0, UNMAPPED, SCRATCH + 8)).toBe(-E.EFAULT);
  });
});

describe('openat2', () => {
  /** struct open_how {flags, mode, resolve} at SCRATCH + 0x800. */
  const how = (flags: number, mode: number, resolve: number): number => {
    [flags, mode, resolve].forEach((v, i) => rig.mem.dv.setBigUint64(SCRATCH + 0x800 + 8 * i, BigInt(v), true));
    return SCRATCH + 0x800;
  };
  const readAll = (fd: number): string => {
    const got = n('read', fd, SCRATCH, 256);
    return got < 0 ? `errno ${-got}` : bytesAt(SCRATCH, got).toString();
  };

  it('with resolve flags, goes through the -L prefix as openat does', () => {
    prefixRig();
    for (const resolve of [0, RESOLVE.NO_SYMLINKS, RESOLVE.NO_MAGICLINKS | RESOLVE.CACHED]) {
      const fd = n('openat2', AT.FDCWD, str('/etc/only-in-prefix'), how(O.O_RDONLY, 0, resolve), 24);
      expect(readAll(fd)).toBe('prefixed');
    }
  });

  it('/proc/self/fd/N and fdinfo/N walked here name guest fd N; fd/N is a magic link', () => {
    writeFileSync(`${dir}/a`, 'guest fd 0');
    expect(n('openat', AT.FDCWD, str('a'), O.O_RDONLY)).toBe(0); // host fd 0 is someone else
    const info = readAll(n('openat2', AT.FDCWD, str('/proc/self/fdinfo/0'), how(O.O_RDONLY, 0, RESOLVE.NO_MAGICLINKS), 24));
    expect(info).toMatch(new RegExp(`^ino:\\s+${statSync(`${dir}/a`).ino}$`, 'm'));
    const path = str('/proc/self/fd/0');
    expect(n('openat2', AT.FDCWD, path, how(O.O_RDONLY, 0, RESOLVE.NO_MAGICLINKS), 24)).toBe(-E.ELOOP);
    expect(n('openat2', AT.FDCWD, path, how(O.O_RDONLY, 0, RESOLVE.CACHED), 24)).toBe(-E.EAGAIN);
    expect(n('openat2', AT.FDCWD, str('/proc/self/fdinfo/77'), how(O.O_RDONLY, 0, RESOLVE.NO_MAGICLINKS), 24)).toBe(-E.ENOENT);
  });

  it('scopes the walk to the dirfd and prints the struct under -strace', () => {
    mkdirSync(`${dir}/d/sub`, { recursive: true });
    writeFileSync(`${dir}/d/f`, 'in d');
    writeFileSync(`${dir}/out`, 'outside');
    symlinkSync('../out', `${dir}/d/up`);
    symlinkSync('/f', `${dir}/d/rootf`);
    const d = n('openat', AT.FDCWD, str('d'), O.O_RDONLY | O.O_DIRECTORY);
    expect(n('openat2', d, str('up'), how(O.O_RDONLY, 0, RESOLVE.BENEATH), 24)).toBe(-E.EXDEV);
    expect(readAll(n('openat2', d, str('sub/../rootf'), how(O.O_RDONLY, 0, RESOLVE.IN_ROOT), 24))).toBe('in d');
    expect(readAll(n('openat2', d, str('up'), how(O.O_RDONLY, 0, 0), 24))).toBe('outside');
    const f = n('openat2', d, str('f'), how(O.O_PATH, 0, 0), 24);
    expect(n('openat2', f, str('.'), how(O.O_RDONLY, 0, RESOLVE.BENEATH), 24)).toBe(-E.ENOTDIR);
    n('openat2', d, str('f'), how(O.O_RDWR | O.O_CREAT, 0o600, RESOLVE.BENEATH | RESOLVE.NO_XDEV), 32);
    expect(rig.strace.at(-1)).toMatch(/ openat2\(\d+,"f",\{O_RDWR\|O_CREAT,0600,RESOLVE_NO_XDEV\|RESOLVE_BENEATH\},32\) = \d+$/);
    n('openat2', d, str('f'), SCRATCH + 0x800, 8);
    expect(rig.strace.at(-1)).toMatch(/ openat2\(\d+,"f",0x0+100800,8\) = -1 errno=22 \(Invalid argument\)$/);
  });
});

describe('mlock family', () => {
  afterEach(() => setCapIpcLock(undefined));
  const vmLck = (): number => rig.p.as.lockedBytes();
  const setMemlock = (bytes: number): void => {
    rig.mem.dv.setBigUint64(SCRATCH + 0x900, BigInt(bytes), true);
    rig.mem.dv.setBigUint64(SCRATCH + 0x908, BigInt(bytes), true);
    expect(n('setrlimit', RLIMIT.MEMLOCK, SCRATCH + 0x900)).toBe(0);
  };

  it('records locked pages, shown as VmLck; munmap drops them; MCL_FUTURE locks what is mapped later', () => {
    const m = n('mmap', 0, 4 * PAGE_SIZE, PROT.READ | PROT.WRITE, MAP.PRIVATE | MAP.ANONYMOUS, -1, 0);
    expect(n('mlock', m + 1, PAGE_SIZE)).toBe(0);
    expect(vmLck()).toBe(2 * PAGE_SIZE);
    const status = n('openat', AT.FDCWD, str('/proc/self/status'), O.O_RDONLY);
    const got = n('read', status, SCRATCH, 4096);
    expect(bytesAt(SCRATCH, got).toString()).toMatch(/^VmLck:\s+8 kB$/m);
    expect(n('munmap', m, PAGE_SIZE)).toBe(0);
    expect(vmLck()).toBe(PAGE_SIZE);
    expect(n('mremap', m + PAGE_SIZE, PAGE_SIZE, 3 * PAGE_SIZE, MREMAP.MAYMOVE)).toBeGreaterThan(0);
    expect(vmLck()).toBe(3 * PAGE_SIZE); // a locked mapping moved stays locked
    expect(n('munlockall')).toBe(0);
    expect(vmLck()).toBe(0);
    expect(n('mlockall', MCL.FUTURE)).toBe(0);
    const brk = n('brk', 0);
    expect(n('brk', brk + 2 * PAGE_SIZE)).toBe(brk + 2 * PAGE_SIZE);
    expect(vmLck()).toBe(2 * PAGE_SIZE);
    expect(n('mlockall', MCL.CURRENT)).toBe(0); // MCL_FUTURE ends
    n('mmap', 0, PAGE_SIZE, PROT.READ, MAP.PRIVATE | MAP.ANONYMOUS, -1, 0);
    expect(vmLck()).toBe(rig.p.as.mappings.reduce((t, x) => t + x.end - x.start, 0) - PAGE_SIZE);
    n('mlockall', MCL.CURRENT | MCL.FUTURE | MCL.ONFAULT);
    expect(rig.strace.at(-1)).toMatch(/ mlockall\(MCL_CURRENT\|MCL_FUTURE\|MCL_ONFAULT\) = 0$/);
  });

  it('RLIMIT_MEMLOCK binds a process without CAP_IPC_LOCK, as in Linux', () => {
    setCapIpcLock(false);
    const m = n('mmap', 0, 4 * PAGE_SIZE, PROT.READ | PROT.WRITE, MAP.PRIVATE | MAP.ANONYMOUS, -1, 0);
    setMemlock(2 * PAGE_SIZE + 100);
    expect(n('mlock', m, 3 * PAGE_SIZE)).toBe(-E.ENOMEM);
    expect(n('mlock', m, 2 * PAGE_SIZE)).toBe(0);
    expect(n('mlock', m + PAGE_SIZE, PAGE_SIZE)).toBe(0); // locked already: not counted twice
    expect(n('mmap', 0, PAGE_SIZE, PROT.READ, MAP.PRIVATE | MAP.ANONYMOUS | MAP.LOCKED, -1, 0)).toBe(-E.EAGAIN);
    expect(n('mlockall', MCL.CURRENT)).toBe(-E.ENOMEM);
    expect(n('mlockall', MCL.FUTURE)).toBe(0); // nothing to lock now
    setMemlock(0);
    expect(n('mlock', m, PAGE_SIZE)).toBe(-E.EPERM);
    expect(n('mlockall', MCL.FUTURE)).toBe(-E.EPERM);
    expect(n('munlock', m, 4 * PAGE_SIZE)).toBe(0);
    setCapIpcLock(true);
    expect(n('mlock', m, 4 * PAGE_SIZE)).toBe(0); // CAP_IPC_LOCK: no limit
  });
});

describe('inotify, splice, tee, vmsplice', () => {
  afterEach(() => setHostLibc(undefined));
  const pipe = (flags = 0): [number, number] => {
    expect(n('pipe2', SCRATCH + 0x100, flags)).toBe(0);
    return [u32At(SCRATCH + 0x100), u32At(SCRATCH + 0x104)];
  };
  /** Writes `text` into guest fd `fd`'s host fd from another process after `ms` milliseconds. */
  const later = (fd: number, text: string, ms: number): void => {
    const path = `/proc/${process.pid}/fd/${rig.p.fds.get(fd)!.file.hostFd}`;
    spawn('sh', ['-c', `sleep ${ms / 1000}; printf '${text}' > ${path}`], { stdio: 'ignore' }).unref();
  };
  const iov = (at: number, base: number, len: number): number => {
    rig.mem.dv.setBigUint64(at, BigInt(base), true);
    rig.mem.dv.setBigUint64(at + 8, BigInt(len), true);
    return at;
  };

  it.skipIf(!hostLibc())('a zero-length read or write is for the host to answer: 0 from a pipe, EINVAL from an eventfd', () => {
    const [r] = pipe();
    expect(n('read', r, SCRATCH, 0)).toBe(0);
    const efd = n('eventfd2', 0, 0);
    expect(n('read', efd, SCRATCH, 0)).toBe(-E.EINVAL);
    expect(n('write', efd, SCRATCH, 0)).toBe(-E.EINVAL);
  });

  it('are ENOSYS without the host libc but vmsplice, which copies', () => {
    setHostLibc(null);
    const [r, w] = pipe();
    expect(n('inotify_init1', 0)).toBe(-E.ENOSYS);
    expect(n('splice', r, 0, w, 0, 1, 0)).toBe(-E.ENOSYS);
    expect(n('tee', r, w, 1, 0)).toBe(-E.ENOSYS);
    rig.mem.rawWrite(SCRATCH + 0x200, Buffer.from('copied'));
    expect(n('vmsplice', w, iov(SCRATCH + 0x300, SCRATCH + 0x200, 6), 1, 0)).toBe(6);
    expect(n('read', r, SCRATCH, 16)).toBe(6);
  });

  it.skipIf(!hostLibc())('a blocking splice, vmsplice or inotify read waits for the host pipe or event', () => {
    const [r, w] = pipe();
    const file = n('openat', AT.FDCWD, str('spliced'), O.O_RDWR | O.O_CREAT, 0o644);
    later(w, 'ab', 100);
    expect(n('splice', r, 0, file, 0, 10, 0)).toBe(2);
    expect(n('lseek', file, 0, SEEK.CUR)).toBe(2); // our own offset advanced
    expect(readFileSync(`${dir}/spliced`, 'utf8')).toBe('ab');
    expect(n('splice', r, 0, file, 0, 10, SPLICE_F.NONBLOCK)).toBe(-E.EAGAIN);
    later(w, 'cde', 100);
    expect(n('vmsplice', r, iov(SCRATCH + 0x300, SCRATCH + 0x200, 2), 1, 0)).toBe(2);
    expect(bytesAt(SCRATCH + 0x200, 2).toString()).toBe('cd');
    const [r2, w2] = pipe(O.O_NONBLOCK);
    expect(n('tee', r, w2, 10, 0)).toBe(1); // 'e' duplicated ...
    expect(n('read', r, SCRATCH, 10)).toBe(1); // ... and still in the first pipe
    expect(n('tee', r, w2, 10, 0)).toBe(-E.EAGAIN); // an O_NONBLOCK side: no wait
    expect(n('read', r2, SCRATCH, 10)).toBe(1);

    mkdirSync(`${dir}/w`);
    const in1 = n('inotify_init1', 0);
    expect(n('inotify_add_watch', in1, str('w'), 0x100 /* IN_CREATE */)).toBe(1);
    spawn('sh', ['-c', `sleep 0.1; touch ${dir}/w/new`], { stdio: 'ignore' }).unref();
    const got = n('read', in1, SCRATCH, 256); // blocks until the event
    expect(got).toBe(32);
    expect(u32At(SCRATCH + 4)).toBe(0x100);
    expect(bytesAt(SCRATCH + 16, 4).toString()).toBe('new\0');
    expect(rig.strace.some((l) => / inotify_add_watch\(\d+,"w",0x100\) = 1$/.test(l))).toBe(true);
  });
});

describe('sockets', () => {
  afterEach(() => setHostLibc(undefined));
  /** struct sockaddr_un for `path` at `at`: its length. */
  const sockaddrUn = (at: number, path: string): number => {
    const b = Buffer.alloc(2 + Buffer.byteLength(path) + 1);
    b.writeUint16LE(AF.UNIX, 0);
    b.write(path, 2);
    rig.mem.rawWrite(at, b);
    return b.length;
  };

  it('are ENOSYS without the host libc binding, and say so under -d unimp', () => {
    setHostLibc(null);
    expect(n('socket', AF.UNIX, SOCK.STREAM, 0)).toBe(-E.ENOSYS);
    expect(n('recvfrom', 0, SCRATCH, 1, 0, 0, 0)).toBe(-E.ENOSYS);
    expect(rig.unimp.at(-1)).toMatch(/socket calls need the host libc/);
  });

  it.skipIf(!hostLibc()?.socket)('a socketpair moves data both ways; bad fds, files and buffers fail as in Linux', () => {
    expect(n('socketpair', AF.UNIX, SOCK.STREAM | O.O_CLOEXEC, 0, SCRATCH)).toBe(0);
    const [a, b] = [u32At(SCRATCH), u32At(SCRATCH + 4)];
    expect(rig.p.fds.get(a)).toMatchObject({ cloexec: true, file: { kind: 'socket', flags: O.O_RDWR } });
    rig.mem.rawWrite(SCRATCH + 0x100, Buffer.from('ping'));
    expect(n('sendto', a, SCRATCH + 0x100, 4, 0, 0, 0)).toBe(4);
    expect(n('recvfrom', b, SCRATCH + 0x200, 16, MSG.PEEK, 0, 0)).toBe(4);
    expect(n('read', b, SCRATCH + 0x200, 16)).toBe(4);
    expect(bytesAt(SCRATCH + 0x200, 4).toString()).toBe('ping');
    expect(n('recvfrom', b, SCRATCH + 0x200, 16, MSG.DONTWAIT, 0, 0)).toBe(-E.EAGAIN);
    expect(n('write', b, SCRATCH + 0x100, 4)).toBe(4);
    expect(n('recvfrom', a, UNMAPPED, 16, 0, 0, 0)).toBe(-E.EFAULT);
    expect(n('recvfrom', 77, SCRATCH, 1, 0, 0, 0)).toBe(-E.EBADF);
    writeFileSync(`${dir}/f`, '');
    const f = n('openat', AT.FDCWD, str('f'), O.O_RDONLY, 0);
    expect(n('recvfrom', f, SCRATCH, 1, 0, 0, 0)).toBe(-E.ENOTSOCK);
    expect(n('listen', f, 1)).toBe(-E.ENOTSOCK);
    expect(n('socket', AF.UNIX, SOCK.STREAM | 0x100, 0)).toBe(-E.EINVAL);
    expect(n('accept4', a, 0, 0, 0x4)).toBe(-E.EINVAL);
    expect(n('shutdown', a, 1)).toBe(0);
    expect(n('recvfrom', b, SCRATCH + 0x200, 16, 0, 0, 0)).toBe(0);
  });

  it.skipIf(!hostLibc()?.socket)('a relative AF_UNIX path is bound under the guest cwd and named back as given, a long one through its directory', () => {
    const s = n('socket', AF.UNIX, SOCK.STREAM, 0);
    const len = sockaddrUn(SCRATCH + 0x300, 'rel');
    expect(n('bind', s, SCRATCH + 0x300, len)).toBe(0);
    expect(lstatSync(`${dir}/rel`).isSocket()).toBe(true);
    expect(rig.strace.at(-1)).toBe(`${rig.p.pid} bind(${s},{sun_family=AF_UNIX,sun_path="rel"},6) = 0`);
    rig.mem.dv.setUint32(SCRATCH + 0x500, 110, true);
    expect(n('getsockname', s, SCRATCH + 0x400, SCRATCH + 0x500)).toBe(0);
    expect(u32At(SCRATCH + 0x500)).toBe(6);
    expect(bytesAt(SCRATCH + 0x402, 4).toString('latin1')).toBe('rel\0');
    expect(n('listen', s, 1)).toBe(0);
    const c = n('socket', AF.UNIX, SOCK.STREAM, 0);
    expect(n('connect', c, SCRATCH + 0x300, len)).toBe(0);
    rig.mem.dv.setUint32(SCRATCH + 0x500, 2, true); // room for the family only: the length still says 6
    expect(n('getpeername', c, SCRATCH + 0x400, SCRATCH + 0x500)).toBe(0);
    expect(u32At(SCRATCH + 0x500)).toBe(6);
    // a cwd so deep that the absolute path would not fit in sun_path
    const deep = `${dir}/${'d'.repeat(60)}/${'e'.repeat(60)}`;
    mkdirSync(deep, { recursive: true });
    rig.p.cwd = deep;
    const t = n('socket', AF.UNIX, SOCK.DGRAM, 0);
    expect(n('bind', t, SCRATCH + 0x300, len)).toBe(0);
    expect(lstatSync(`${deep}/rel`).isSocket()).toBe(true);
    rig.mem.dv.setUint32(SCRATCH + 0x500, 110, true);
    expect(n('getsockname', t, SCRATCH + 0x400, SCRATCH + 0x500)).toBe(0);
    expect(bytesAt(SCRATCH + 0x402, 4).toString('latin1')).toBe('rel\0');
    expect(n('bind', t, SCRATCH + 0x300, 200)).toBe(-E.EINVAL);
    expect(n('bind', t, SCRATCH + 0x300, -1)).toBe(-E.EINVAL);
    expect(n('bind', t, UNMAPPED, len)).toBe(-E.EFAULT);
  });
});
