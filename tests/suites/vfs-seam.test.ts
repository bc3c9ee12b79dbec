// The VFS seam: a LinuxProcess given another file system (an in-memory memfs tree, see
// support/memfs-file-system.ts) serves the file syscalls from it without any handler
// knowing: open/read/write/lseek, the stat family, getdents64, the *at path calls, chdir,
// ownership and times, truncate, file mmap (private and shared) — and nothing reaches
// the host's files.

import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { E } from '../../src/linux-user/errno.js';
import { RISCV64_ABI } from '../../src/linux-user/generic/abi.js';
import { AT, GENERIC_OPEN_FLAGS as O, MAP, PROT, SEEK } from '../../src/linux-user/generic/constants.js';
import { NR, type SyscallName } from '../../src/linux-user/generic/syscall-numbers.js';
import { LinuxProcess } from '../../src/linux-user/process.js';
import { doSyscall, syscallResult } from '../../src/linux-user/syscalls/table.js';
import type { Volume } from 'memfs';
import { memfsFileSystem } from './support/memfs-file-system.js';

const SCRATCH = 0x10_0000;
const STR = SCRATCH + 0x8000;
/** A root no host has: everything here must come from the in-memory tree. */
const ROOT = '/qemu-user-ts-vfs-seam';

let p: LinuxProcess;
let mem: GuestMemory;
let vol: Volume;
let strAt = STR;

beforeEach(() => {
  const m = memfsFileSystem({ [`${ROOT}/etc/motd`]: 'hello from memory\n', [`${ROOT}/work/.keep`]: '' });
  vol = m.vol;
  mem = new GuestMemory();
  const as = new AddressSpace(mem);
  as.initBrk(0x20_0000);
  as.mapFixed(SCRATCH, 0x10_000, PROT.READ | PROT.WRITE);
  p = new LinuxProcess(mem, as, { abi: RISCV64_ABI, stackSize: 8 << 20, cwd: `${ROOT}/work`, inheritStdio: false, vfs: m.fs });
  strAt = STR;
});

const n = (name: SyscallName, ...args: (number | bigint)[]): number => {
  const a = [0, 1, 2, 3, 4, 5].map((i) => BigInt.asUintN(64, BigInt(args[i] ?? 0)));
  return Number(syscallResult(doSyscall(p, NR[name], a)));
};
function str(s: string): number {
  const b = Buffer.from(`${s}\0`);
  const at = strAt;
  mem.rawWrite(at, b);
  strAt += b.length;
  return at;
}
const text = (addr: number, len: number): string => Buffer.from(mem.u8.subarray(addr, addr + len)).toString();

/** The names in a getdents64 buffer of `len` bytes at `at`. */
function direntNames(at: number, len: number): string[] {
  const names: string[] = [];
  for (let off = 0; off < len; ) {
    const reclen = mem.dv.getUint16(at + off + 16, true);
    const name = Buffer.from(mem.u8.subarray(at + off + 19, at + off + reclen));
    names.push(name.subarray(0, name.indexOf(0)).toString());
    off += reclen;
  }
  return names;
}

describe('the file syscalls through another file system', () => {
  it('read an existing file: open, fstat, read, lseek, newfstatat', () => {
    const fd = n('openat', AT.FDCWD, str(`${ROOT}/etc/motd`), O.O_RDONLY);
    expect(fd).toBe(0);
    expect(n('fstat', fd, SCRATCH + 0x400)).toBe(0);
    expect(mem.dv.getBigUint64(SCRATCH + 0x400 + 48, true)).toBe(18n); // st_size
    expect(n('read', fd, SCRATCH, 100)).toBe(18);
    expect(text(SCRATCH, 18)).toBe('hello from memory\n');
    expect(n('lseek', fd, -7, SEEK.END)).toBe(11);
    expect(n('read', fd, SCRATCH, 100)).toBe(7);
    expect(text(SCRATCH, 6)).toBe('memory');
    expect(n('newfstatat', AT.FDCWD, str('../etc/motd'), SCRATCH + 0x500, 0)).toBe(0);
    expect(mem.dv.getBigUint64(SCRATCH + 0x500 + 8, true)).toBe(mem.dv.getBigUint64(SCRATCH + 0x400 + 8, true)); // st_ino
    expect(n('openat', AT.FDCWD, str(`${ROOT}/etc/nothing`), O.O_RDONLY)).toBe(-E.ENOENT);
    expect(n('openat', AT.FDCWD, str(`${ROOT}/etc/motd/x`), O.O_RDONLY)).toBe(-E.ENOTDIR);
  });

  it('create, write and list: the files land in the tree, not on the host', () => {
    const fd = n('openat', AT.FDCWD, str('new.txt'), O.O_WRONLY | O.O_CREAT | O.O_EXCL, 0o600);
    mem.rawWrite(SCRATCH, Buffer.from('written by the guest'));
    expect(n('write', fd, SCRATCH, 20)).toBe(20);
    expect(n('close', fd)).toBe(0);
    expect(vol.readFileSync(`${ROOT}/work/new.txt`, 'utf8')).toBe('written by the guest');
    expect(existsSync(ROOT)).toBe(false);
    expect(n('openat', AT.FDCWD, str('new.txt'), O.O_WRONLY | O.O_CREAT | O.O_EXCL, 0o600)).toBe(-E.EEXIST);

    expect(n('mkdirat', AT.FDCWD, str('sub'), 0o755)).toBe(0);
    const dfd = n('openat', AT.FDCWD, str('.'), O.O_RDONLY | O.O_DIRECTORY);
    const got = n('getdents64', dfd, SCRATCH + 0x1000, 0x1000);
    expect(got).toBeGreaterThan(0);
    expect(direntNames(SCRATCH + 0x1000, got).sort()).toEqual(['.', '..', '.keep', 'new.txt', 'sub']);
  });

  it('rename, link, symlink, readlink, unlink, rmdir, chdir and getcwd', () => {
    vol.writeFileSync(`${ROOT}/work/a`, 'A');
    expect(n('renameat2', AT.FDCWD, str('a'), AT.FDCWD, str('b'), 0)).toBe(0); // riscv64 has no renameat
    expect(vol.existsSync(`${ROOT}/work/a`)).toBe(false);
    expect(n('linkat', AT.FDCWD, str('b'), AT.FDCWD, str('c'), 0)).toBe(0);
    expect(vol.readFileSync(`${ROOT}/work/c`, 'utf8')).toBe('A');
    expect(n('symlinkat', str('../etc/motd'), AT.FDCWD, str('link'))).toBe(0);
    expect(n('readlinkat', AT.FDCWD, str('link'), SCRATCH, 64)).toBe(11);
    expect(text(SCRATCH, 11)).toBe('../etc/motd');
    const fd = n('openat', AT.FDCWD, str('link'), O.O_RDONLY);
    expect(n('read', fd, SCRATCH, 5)).toBe(5);
    expect(text(SCRATCH, 5)).toBe('hello');
    expect(n('unlinkat', AT.FDCWD, str('b'), 0)).toBe(0);
    expect(n('unlinkat', AT.FDCWD, str('b'), 0)).toBe(-E.ENOENT);
    expect(n('mkdirat', AT.FDCWD, str('d'), 0o755)).toBe(0);
    expect(n('chdir', str('d'))).toBe(0);
    expect(n('getcwd', SCRATCH, 256)).toBe(`${ROOT}/work/d`.length + 1);
    expect(text(SCRATCH, `${ROOT}/work/d`.length)).toBe(`${ROOT}/work/d`);
    expect(n('chdir', str('..'))).toBe(0);
    expect(n('unlinkat', AT.FDCWD, str('d'), AT.REMOVEDIR)).toBe(0);
    expect(vol.existsSync(`${ROOT}/work/d`)).toBe(false);
  });

  it('modes, times and sizes', () => {
    const fd = n('openat', AT.FDCWD, str('f'), O.O_RDWR | O.O_CREAT, 0o644);
    expect(n('fchmod', fd, 0o600)).toBe(0);
    expect(vol.statSync(`${ROOT}/work/f`).mode & 0o777).toBe(0o600);
    expect(n('fchmodat', AT.FDCWD, str('f'), 0o640)).toBe(0);
    expect(vol.statSync(`${ROOT}/work/f`).mode & 0o777).toBe(0o640);
    mem.rawWrite(SCRATCH, Buffer.from('0123456789'));
    expect(n('write', fd, SCRATCH, 10)).toBe(10);
    expect(n('ftruncate', fd, 4)).toBe(0);
    expect(vol.readFileSync(`${ROOT}/work/f`, 'utf8')).toBe('0123');
    expect(n('truncate', str('f'), 2)).toBe(0);
    expect(vol.readFileSync(`${ROOT}/work/f`, 'utf8')).toBe('01');
    // utimensat(AT_FDCWD, "f", {{1000, 0}, {2000, 0}}, 0)
    const ts = SCRATCH + 0x800;
    mem.dv.setBigInt64(ts, 1000n, true);
    mem.dv.setBigInt64(ts + 8, 0n, true);
    mem.dv.setBigInt64(ts + 16, 2000n, true);
    mem.dv.setBigInt64(ts + 24, 0n, true);
    expect(n('utimensat', AT.FDCWD, str('f'), ts, 0)).toBe(0);
    expect(vol.statSync(`${ROOT}/work/f`).mtimeMs).toBe(2_000_000);
    expect(vol.statSync(`${ROOT}/work/f`).atimeMs).toBe(1_000_000);
  });

  it('file mappings read the tree, and shared ones write back to it', () => {
    const fd = n('openat', AT.FDCWD, str(`${ROOT}/etc/motd`), O.O_RDWR);
    const priv = n('mmap', 0, 4096, PROT.READ, MAP.PRIVATE, fd, 0);
    expect(priv).toBeGreaterThan(0);
    expect(text(priv, 10)).toBe('hello from');
    const shared = n('mmap', 0, 4096, PROT.READ | PROT.WRITE, MAP.SHARED, fd, 0);
    expect(n('close', fd)).toBe(0); // the mapping keeps the file open
    mem.rawWrite(shared, Buffer.from('HELLO'));
    expect(n('msync', shared, 4096, 4 /* MS_SYNC */)).toBe(0);
    expect(vol.readFileSync(`${ROOT}/etc/motd`, 'utf8')).toBe('HELLO from memory\n');
    expect(n('munmap', shared, 4096)).toBe(0);
  });

  it('what the tree does not keep is refused, not taken from the host', () => {
    expect(n('getxattr', str(`${ROOT}/etc/motd`), str('user.x'), SCRATCH, 16)).toBe(-E.EOPNOTSUPP);
    expect(n('renameat2', AT.FDCWD, str(`${ROOT}/etc/motd`), AT.FDCWD, str('m'), 1 /* RENAME_NOREPLACE */)).toBe(-E.EINVAL);
    expect(n('openat', AT.FDCWD, str('/etc/hostname'), O.O_RDONLY)).toBe(-E.ENOENT);
  });
});
