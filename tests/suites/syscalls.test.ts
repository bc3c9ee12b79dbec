// Syscall-layer behaviour tests: a GuestMemory + AddressSpace + LinuxProcess built
// directly, a scratch area mapped, and doSyscall called with guest pointers. Covers file
// I/O in a temp dir, directory listing, the mmap family's effect on page permissions,
// brk, errno translation, EFAULT, ENOSYS, signals to ourselves, and -strace lines.

import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { PAGE_SIZE, PERM } from '../../src/memory/layout.js';
import { E } from '../../src/linux-user/errno.js';
import { RISCV64_ABI } from '../../src/linux-user/generic/abi.js';
import { AT, DT, GENERIC_OPEN_FLAGS as O, MAP, MREMAP, PROT, RLIMIT, SEEK, SIG } from '../../src/linux-user/generic/constants.js';
import { NR, type SyscallName } from '../../src/linux-user/generic/syscall-numbers.js';
import { GuestExit, GuestKilled } from '../../src/linux-user/guest-exit.js';
import { LinuxProcess } from '../../src/linux-user/process.js';
import { doSyscall, syscallResult } from '../../src/linux-user/syscalls/table.js';

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
});

describe('paths', () => {
  it('-L: absolute paths are looked up under the prefix first', () => {
    mkdirSync(`${dir}/root/etc`, { recursive: true });
    writeFileSync(`${dir}/root/etc/only-in-prefix`, 'prefixed');
    const mem = new GuestMemory();
    const as = new AddressSpace(mem);
    as.mapFixed(SCRATCH, SCRATCH_LEN, PROT.READ | PROT.WRITE);
    rig = { ...rig, mem, as, p: new LinuxProcess(mem, as, { abi: RISCV64_ABI, stackSize: STACK_SIZE, ldPrefix: `${dir}/root`, inheritStdio: false }) };
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
    expect(n('prlimit64', 1, RLIMIT.NOFILE, 0, SCRATCH)).toBe(-E.ESRCH);
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
    expect(() => sc('exit_group', 0)).toThrow(GuestExit);
    expect(rig.strace.at(-1)).toBe(`${pid} exit_group(0)`);
  });
});
