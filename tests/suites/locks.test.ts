// File locks (syscalls/locks.ts): fcntl's POSIX and OFD record locks and flock(2) through the
// host's libc, checked against other host processes (a python3 child that holds or queries a
// lock, util-linux flock(1)) and between two open files of one process (OFD and flock locks
// conflict there); then the single-process fallback used where koffi is missing, forced with
// setHostLibc(null); then sqlite3 (riscv64 and aarch64), which locks its database, end to end.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { E } from '../../src/linux-user/errno.js';
import { RISCV64_ABI } from '../../src/linux-user/generic/abi.js';
import { AT, FCNTL, FLOCK_OP, GENERIC_OPEN_FLAGS as O, LOCK_TYPE, PROT, SEEK } from '../../src/linux-user/generic/constants.js';
import { FLOCK } from '../../src/linux-user/generic/structs.js';
import { NR, type SyscallName } from '../../src/linux-user/generic/syscall-numbers.js';
import { hostLibc, setHostLibc } from '../../src/linux-user/host/libc.js';
import { LinuxProcess } from '../../src/linux-user/process.js';
import { doSyscall, syscallResult } from '../../src/linux-user/syscalls/table.js';
import { CLI, ROOT, hostHas } from './support/guest-runner.js';

const SCRATCH = 0x10_0000;
const STR = SCRATCH + 0x8000;
const RODATA = 0x20_0000; // a read-only page
const UNMAPPED = 0x5000_0000;
const { F_RDLCK, F_WRLCK, F_UNLCK } = LOCK_TYPE;

let dir: string;
let p: LinuxProcess;
let mem: GuestMemory;
let strace: string[];
let strAt = STR;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qemu-user-ts-locks-'));
  mem = new GuestMemory();
  const as = new AddressSpace(mem);
  as.initBrk(0x40_0000);
  as.mapFixed(SCRATCH, 0x10_000, PROT.READ | PROT.WRITE);
  as.mapFixed(RODATA, 0x1000, PROT.READ);
  strace = [];
  strAt = STR;
  p = new LinuxProcess(mem, as, {
    abi: RISCV64_ABI, stackSize: 8 << 20, cwd: dir, inheritStdio: false, strace: (l) => strace.push(l), exePath: '/bin/true',
  });
});
afterEach(() => {
  for (const fd of p.fds.list()) sc('close', fd);
  rmSync(dir, { recursive: true, force: true });
});

function sc(name: SyscallName, ...args: (number | bigint)[]): number {
  const a = [0, 1, 2, 3, 4, 5].map((i) => BigInt.asUintN(64, BigInt(args[i] ?? 0)));
  return Number(syscallResult(doSyscall(p, NR[name], a)));
}
function str(s: string): number {
  const b = Buffer.from(`${s}\0`);
  const at = strAt;
  mem.rawWrite(at, b);
  strAt += b.length;
  return at;
}
const open = (name: string, flags: number = O.O_RDWR | O.O_CREAT): number => sc('openat', AT.FDCWD, str(name), flags, 0o644);

interface Flock { type: number; whence: number; start: bigint; len: bigint; pid: number }
/** Writes a struct flock at `at` (pads filled with 0xee, which Linux leaves alone) and returns `at`. */
function flock(at: number, l: Partial<Flock> & { type: number }): number {
  mem.rawWrite(at, new Uint8Array(FLOCK.SIZE).fill(0xee));
  mem.dv.setInt16(at + FLOCK.l_type, l.type, true);
  mem.dv.setInt16(at + FLOCK.l_whence, l.whence ?? SEEK.SET, true);
  mem.dv.setBigInt64(at + FLOCK.l_start, l.start ?? 0n, true);
  mem.dv.setBigInt64(at + FLOCK.l_len, l.len ?? 0n, true);
  mem.dv.setInt32(at + FLOCK.l_pid, l.pid ?? 0, true);
  return at;
}
const readFlock = (at: number): Flock => ({
  type: mem.dv.getInt16(at + FLOCK.l_type, true), whence: mem.dv.getInt16(at + FLOCK.l_whence, true),
  start: mem.dv.getBigInt64(at + FLOCK.l_start, true), len: mem.dv.getBigInt64(at + FLOCK.l_len, true),
  pid: mem.dv.getInt32(at + FLOCK.l_pid, true),
});
const padsOf = (at: number): number[] => [...mem.u8.subarray(at + 4, at + 8), ...mem.u8.subarray(at + 28, at + 32)];
const lk = (fd: number, cmd: number, l: Partial<Flock> & { type: number }, at = SCRATCH): number => sc('fcntl', fd, cmd, flock(at, l));

/** The checks Linux makes before any lock is looked at: the same with the host's locks and without. */
function argumentChecks(): void {
  const fd = open('args');
  const ro = open('args', O.O_RDONLY);
  expect(lk(99, FCNTL.F_SETLK, { type: F_WRLCK })).toBe(-E.EBADF);
  expect(sc('fcntl', fd, FCNTL.F_SETLK, UNMAPPED)).toBe(-E.EFAULT);
  expect(lk(fd, FCNTL.F_SETLK, { type: 3 })).toBe(-E.EINVAL);
  expect(lk(fd, FCNTL.F_SETLKW, { type: F_WRLCK, whence: 7 })).toBe(-E.EINVAL);
  expect(lk(fd, FCNTL.F_GETLK, { type: F_UNLCK })).toBe(-E.EINVAL);
  expect(lk(fd, FCNTL.F_SETLK, { type: F_WRLCK, start: -1n })).toBe(-E.EINVAL);
  expect(lk(ro, FCNTL.F_SETLK, { type: F_WRLCK })).toBe(-E.EBADF); // a write lock needs a writable fd
  expect(lk(ro, FCNTL.F_SETLK, { type: F_RDLCK })).toBe(0);
  // F_SETLK only reads the struct: a read-only one is fine; F_GETLK writes it back
  mem.rawWrite(RODATA, mem.u8.slice(flock(SCRATCH, { type: F_RDLCK }), SCRATCH + FLOCK.SIZE)); // rawWrite ignores permissions
  expect(sc('fcntl', fd, FCNTL.F_SETLK, RODATA)).toBe(0);
  expect(sc('fcntl', fd, FCNTL.F_GETLK, RODATA)).toBe(-E.EFAULT);
  // flock(2): a bad operation is EINVAL even before the fd is looked at
  expect(sc('flock', 99, 0)).toBe(-E.EINVAL);
  expect(sc('flock', 99, FLOCK_OP.LOCK_EX | FLOCK_OP.LOCK_SH)).toBe(-E.EINVAL);
  expect(sc('flock', 99, FLOCK_OP.LOCK_EX)).toBe(-E.EBADF);
}

// --- through the host's locks -------------------------------------------------------------

const libc = (() => {
  setHostLibc(undefined);
  return hostLibc(createRequire(import.meta.url));
})();
const havePython = hostHas('python3');

/** A python3 child holding a POSIX write lock on [start, start+len) of `path` until its stdin closes. */
async function holder(path: string, start: number, len: number): Promise<ChildProcess> {
  const py = `import fcntl, sys\nf = open(${JSON.stringify(path)}, 'r+')\nfcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, ${len}, ${start})\nprint('locked', flush=True)\nsys.stdin.read()\n`;
  const child = spawn('python3', ['-c', py], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}
const ended = (child: ChildProcess): Promise<unknown> => new Promise((resolve) => child.once('exit', resolve));

/** What F_GETLK from another process says about a write lock on the whole of `path`: "type pid start len". */
function askFromOutside(path: string): string {
  const py = `import fcntl, struct\nf = open(${JSON.stringify(path)}, 'r+')\n` +
    `r = fcntl.fcntl(f, fcntl.F_GETLK, struct.pack('hhqqi4x', fcntl.F_WRLCK, 0, 0, 0, 0))\n` +
    `t, w, s, l, pid = struct.unpack('hhqqi4x', r)\nprint(t, pid, s, l)\n`;
  const r = spawnSync('python3', ['-c', py], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe.skipIf(libc === null || !libc.lock)('locks through the host', () => {
  beforeAll(() => setHostLibc(libc));

  it('checks arguments as Linux does', argumentChecks);

  it.skipIf(!havePython)('a POSIX lock is seen by another process, and one it holds is seen here', async () => {
    const path = join(dir, 'db');
    const fd = open('db');
    expect(lk(fd, FCNTL.F_SETLK, { type: F_WRLCK, start: 0n, len: 10n })).toBe(0);
    expect(askFromOutside(path)).toBe(`${F_WRLCK} ${process.pid} 0 10`);
    expect(lk(fd, FCNTL.F_SETLK, { type: F_UNLCK, start: 0n, len: 10n })).toBe(0);
    expect(askFromOutside(path)).toBe(`${F_UNLCK} 0 0 0`);

    const child = await holder(path, 5, 5);
    try {
      expect(lk(fd, FCNTL.F_GETLK, { type: F_RDLCK, whence: SEEK.END, start: 0n, len: 0n })).toBe(0);
      expect(readFlock(SCRATCH)).toEqual({ type: F_WRLCK, whence: SEEK.SET, start: 5n, len: 5n, pid: child.pid });
      expect(padsOf(SCRATCH)).toEqual(Array(8).fill(0xee));
      expect(lk(fd, FCNTL.F_SETLK, { type: F_WRLCK, start: 0n, len: 5n })).toBe(0); // beside it
      expect(lk(fd, FCNTL.F_SETLK, { type: F_RDLCK, start: 9n, len: 1n })).toBe(-E.EAGAIN);
      expect(lk(fd, FCNTL.F_OFD_SETLK, { type: F_WRLCK, start: 7n, len: 100n })).toBe(-E.EAGAIN);
      // No conflict: only l_type changes, to F_UNLCK
      expect(lk(fd, FCNTL.F_GETLK, { type: F_WRLCK, whence: SEEK.SET, start: 10n, len: 3n, pid: 1234 })).toBe(0);
      expect(readFlock(SCRATCH)).toEqual({ type: F_UNLCK, whence: SEEK.SET, start: 10n, len: 3n, pid: 1234 });
    } finally {
      child.stdin!.end();
      await ended(child);
    }
    expect(lk(fd, FCNTL.F_SETLKW, { type: F_WRLCK, start: 9n, len: 1n })).toBe(0);
  });

  it.skipIf(!havePython)('SEEK_CUR counts from the guest\'s file offset', () => {
    const path = join(dir, 'cur');
    const fd = open('cur');
    expect(sc('lseek', fd, 100, SEEK.SET)).toBe(100);
    expect(lk(fd, FCNTL.F_SETLK, { type: F_WRLCK, whence: SEEK.CUR, start: -50n, len: 0n })).toBe(0);
    expect(askFromOutside(path)).toBe(`${F_WRLCK} ${process.pid} 50 0`);
  });

  it('OFD locks of two open files of one process conflict, and POSIX locks with them', () => {
    const a = open('ofd');
    const b = open('ofd');
    expect(lk(a, FCNTL.F_OFD_SETLK, { type: F_WRLCK, start: 0n, len: 10n })).toBe(0);
    expect(lk(a, FCNTL.F_OFD_SETLK, { type: F_RDLCK, start: 0n, len: 10n })).toBe(0); // its own: converted
    expect(lk(b, FCNTL.F_OFD_GETLK, { type: F_WRLCK, start: 5n, len: 1n })).toBe(0);
    expect(readFlock(SCRATCH)).toEqual({ type: F_RDLCK, whence: SEEK.SET, start: 0n, len: 10n, pid: -1 });
    expect(lk(b, FCNTL.F_OFD_SETLK, { type: F_WRLCK, start: 5n, len: 1n })).toBe(-E.EAGAIN);
    expect(lk(b, FCNTL.F_OFD_SETLK, { type: F_RDLCK, start: 5n, len: 1n })).toBe(0); // read locks share
    expect(lk(b, FCNTL.F_SETLK, { type: F_WRLCK, start: 0n, len: 1n })).toBe(-E.EAGAIN); // POSIX vs OFD
    expect(lk(b, FCNTL.F_OFD_SETLK, { type: F_WRLCK, start: 5n, len: 1n, pid: 1 })).toBe(-E.EINVAL); // l_pid must be 0
    // a dup shares the open file, and so its OFD locks; closing the last fd drops them
    const c = sc('dup', a);
    expect(lk(c, FCNTL.F_OFD_SETLK, { type: F_WRLCK, start: 20n, len: 1n })).toBe(0);
    expect(sc('close', a)).toBe(0);
    expect(lk(b, FCNTL.F_OFD_SETLK, { type: F_WRLCK, start: 20n, len: 1n })).toBe(-E.EAGAIN);
    expect(sc('close', c)).toBe(0);
    expect(lk(b, FCNTL.F_OFD_SETLK, { type: F_WRLCK, start: 0n, len: 100n })).toBe(0);
  });

  it.skipIf(!havePython)('closing any fd of the file drops the process\'s POSIX locks, as on Linux', () => {
    const path = join(dir, 'close');
    const fd = open('close');
    const d = sc('dup', fd);
    expect(lk(fd, FCNTL.F_SETLK, { type: F_WRLCK })).toBe(0);
    expect(sc('close', d)).toBe(0); // the open file stays open (fd), the lock goes
    expect(askFromOutside(path)).toBe(`${F_UNLCK} 0 0 0`);
  });

  it.skipIf(!hostHas('flock'))('flock(2): against flock(1) and between two open files', () => {
    const path = join(dir, 'fl');
    const a = open('fl');
    const b = open('fl');
    const outside = (): number | null => spawnSync('flock', ['-n', path, 'true']).status;
    expect(sc('flock', a, FLOCK_OP.LOCK_EX)).toBe(0);
    expect(outside()).toBe(1);
    expect(sc('flock', b, FLOCK_OP.LOCK_SH | FLOCK_OP.LOCK_NB)).toBe(-E.EAGAIN);
    expect(sc('flock', a, FLOCK_OP.LOCK_SH)).toBe(0); // converted
    expect(sc('flock', b, FLOCK_OP.LOCK_SH | FLOCK_OP.LOCK_NB)).toBe(0);
    expect(sc('flock', a, FLOCK_OP.LOCK_UN)).toBe(0);
    expect(sc('flock', b, FLOCK_OP.LOCK_UN)).toBe(0);
    expect(outside()).toBe(0);
  });

  it('-strace prints fcntl as QEMU does (the lock commands\' struct pointer), and flock (six registers)', () => {
    const fd = open('st');
    lk(fd, FCNTL.F_SETLK, { type: F_WRLCK });
    expect(strace.at(-1)).toBe(`${p.pid} fcntl(${fd},F_SETLK,0x0000000000100000) = 0`);
    lk(fd, FCNTL.F_OFD_GETLK, { type: F_WRLCK, pid: 1 });
    expect(strace.at(-1)).toBe(`${p.pid} fcntl(${fd},F_OFD_GETLK,0x0000000000100000) = -1 errno=22 (Invalid argument)`);
    sc('fcntl', fd, FCNTL.F_GETLK, 0);
    expect(strace.at(-1)).toBe(`${p.pid} fcntl(${fd},F_GETLK,NULL) = -1 errno=14 (Bad address)`);
    // the other commands as QEMU's print_fcntl: no argument, a number, open flags
    sc('fcntl', fd, FCNTL.F_SETFD, 1);
    expect(strace.at(-1)).toBe(`${p.pid} fcntl(${fd},F_SETFD,1) = 0`);
    sc('fcntl', fd, FCNTL.F_GETFD, 0x42);
    expect(strace.at(-1)).toBe(`${p.pid} fcntl(${fd},F_GETFD) = 1`);
    sc('fcntl', fd, FCNTL.F_SETFL, O.O_APPEND | O.O_NONBLOCK);
    expect(strace.at(-1)).toBe(`${p.pid} fcntl(${fd},F_SETFL,O_RDONLY|O_APPEND|O_NONBLOCK) = 0`);
    sc('fcntl', fd, 1234, 0x4d);
    expect(strace.at(-1)).toBe(`${p.pid} fcntl(${fd},1234,0x000000000000004d) = -1 errno=22 (Invalid argument)`);
    sc('flock', fd, FLOCK_OP.LOCK_EX | FLOCK_OP.LOCK_NB, 10);
    expect(strace.at(-1)).toBe(`${p.pid} flock(${fd},6,10,0,0,0) = 0`);
  });
});

// --- without the host's locks (no koffi) --------------------------------------------------------

describe('locks without the host (one process alone)', () => {
  beforeAll(() => setHostLibc(null));
  afterAll(() => setHostLibc(undefined));

  it('checks arguments as Linux does', argumentChecks);

  it('POSIX locks always succeed and F_GETLK reports F_UNLCK; OFD locks are EINVAL as before Linux 3.15', () => {
    const fd = open('fb');
    expect(lk(fd, FCNTL.F_SETLK, { type: F_WRLCK, start: 0n, len: 10n })).toBe(0);
    expect(lk(fd, FCNTL.F_SETLKW, { type: F_RDLCK, start: 5n, len: 10n })).toBe(0);
    expect(lk(fd, FCNTL.F_GETLK, { type: F_WRLCK, whence: SEEK.CUR, start: 3n, len: 4n, pid: 77 })).toBe(0);
    expect(readFlock(SCRATCH)).toEqual({ type: F_UNLCK, whence: SEEK.CUR, start: 3n, len: 4n, pid: 77 });
    expect(padsOf(SCRATCH)).toEqual(Array(8).fill(0xee));
    expect(lk(fd, FCNTL.F_SETLK, { type: F_UNLCK })).toBe(0);
    expect(lk(fd, FCNTL.F_SETLK, { type: F_WRLCK, whence: SEEK.END, start: -1n, len: 1n })).toBe(-E.EINVAL); // an empty file
    expect(lk(fd, FCNTL.F_OFD_SETLK, { type: F_WRLCK })).toBe(-E.EINVAL);
    expect(lk(fd, FCNTL.F_OFD_GETLK, { type: F_WRLCK })).toBe(-E.EINVAL);
  });

  it('flock locks of two open files conflict; a lock goes with its open file\'s last fd', () => {
    const a = open('fl');
    const b = open('fl');
    expect(sc('flock', a, FLOCK_OP.LOCK_EX)).toBe(0);
    expect(sc('flock', a, FLOCK_OP.LOCK_EX)).toBe(0); // its own lock
    expect(sc('flock', b, FLOCK_OP.LOCK_SH | FLOCK_OP.LOCK_NB)).toBe(-E.EAGAIN);
    expect(sc('flock', b, FLOCK_OP.LOCK_SH)).toBe(-E.EDEADLK); // would wait for ever
    expect(sc('flock', a, FLOCK_OP.LOCK_SH)).toBe(0);
    expect(sc('flock', b, FLOCK_OP.LOCK_SH | FLOCK_OP.LOCK_NB)).toBe(0);
    expect(sc('flock', a, FLOCK_OP.LOCK_EX | FLOCK_OP.LOCK_NB)).toBe(-E.EAGAIN);
    const c = sc('dup', b);
    expect(sc('close', b)).toBe(0);
    expect(sc('flock', a, FLOCK_OP.LOCK_EX | FLOCK_OP.LOCK_NB)).toBe(-E.EAGAIN); // c still holds it
    expect(sc('close', c)).toBe(0);
    expect(sc('flock', a, FLOCK_OP.LOCK_EX | FLOCK_OP.LOCK_NB)).toBe(0);
  });
});

// --- sqlite3 end to end ------------------------------------------------------------------------

const SQL = 'create table t(x, y); insert into t values(1, \'one\'), (2, \'two\'); select * from t; select count(*) from t;';
const SQL_EXPECTED = '1|one\n2|two\n2\n';

describe.each(['riscv64', 'aarch64'])('sqlite3 (%s)', (arch) => {
  const bin = join(ROOT, 'bench/bin', arch, 'sqlite3');
  const run = (cmd: string[], db: string, sql: string): { stdout: string; stderr: string; status: number | null } => {
    const r = spawnSync(cmd[0], [...cmd.slice(1), bin, '-batch', '-init', '/dev/null', db, sql], { encoding: 'utf8', timeout: 120_000 });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };

  it('creates a table, inserts and selects, and a second run reads it back', () => {
    const db = join(dir, 'x.db');
    expect(run([process.execPath, CLI], db, SQL)).toEqual({ stdout: SQL_EXPECTED, stderr: '', status: 0 });
    expect(run([process.execPath, CLI], db, 'select y from t where x = 2;')).toEqual({ stdout: 'two\n', stderr: '', status: 0 });
  });

  it.skipIf(!havePython || libc === null)('sees the lock another process holds: "database is locked"', async () => {
    const db = join(dir, 'l.db');
    expect(run([process.execPath, CLI], db, 'create table t(x);').status).toBe(0);
    const child = await holder(db, 0x4000_0000, 1); // sqlite's PENDING byte, write-locked: no reader gets in
    try {
      expect(run([process.execPath, CLI], db, 'select * from t;')).toEqual({ stdout: '', stderr: 'Error: in prepare, database is locked (5)\n', status: 5 });
    } finally {
      child.stdin!.end();
      await ended(child);
    }
    expect(run([process.execPath, CLI], db, 'select count(*) from t;')).toEqual({ stdout: '0\n', stderr: '', status: 0 });
  });

  it.skipIf(!hostHas(`qemu-${arch}`))(`gives what qemu-${arch} gives`, () => {
    const theirs = run([`qemu-${arch}`], join(dir, 'q.db'), SQL);
    expect(theirs.stdout).toBe(SQL_EXPECTED);
    expect(run([process.execPath, CLI], join(dir, 'o.db'), SQL)).toEqual(theirs);
  });
});
