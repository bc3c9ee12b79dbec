// `qemu-user-ts -binfmt`: registration with the kernel's binfmt_misc for real, where this
// runs as root and binfmt_misc is mounted or can be (a VM or CI machine). Registers, runs
// a riscv64 and an aarch64 program straight through execve (from Node and from /bin/sh),
// checks argv[0] with and without the P flag, unregisters, and leaves binfmt_misc as it
// found it (unmounted again if it was, our entries as they were). The option parsing and
// --print run everywhere.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from './support/guest-runner.js';

const BINFMT = '/proc/sys/fs/binfmt_misc';
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const hello = (arch: string): string => join(ROOT, 'tests/binaries', arch, 'bin/hello');

/** Whether binfmt_misc can be used here: root, and mounted or mountable (mounted now if it was not: `mountedByUs`). */
function binfmtUsable(): { usable: boolean; mountedByUs: boolean; why: string } {
  if (process.getuid?.() !== 0) return { usable: false, mountedByUs: false, why: 'not root' };
  if (existsSync(join(BINFMT, 'register'))) return { usable: true, mountedByUs: false, why: '' };
  const r = spawnSync('mount', ['-t', 'binfmt_misc', 'binfmt_misc', BINFMT], { encoding: 'utf8' });
  return r.status === 0 ? { usable: true, mountedByUs: true, why: '' } : { usable: false, mountedByUs: false, why: `binfmt_misc cannot be mounted: ${r.stderr.trim()}` };
}

describe('-binfmt options', () => {
  it('prints binfmt.d lines with QEMU\'s magic and mask', () => {
    const r = cli('-binfmt', 'register', '--print', '--arch', 'riscv64');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('# /etc/binfmt.d/qemu-user-ts-riscv64.conf');
    expect(lines[1]).toMatch(/^:qemu-user-ts-riscv64:M::\\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00(\\x00){8}\\x02\\x00\\xf3\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00(\\xff){8}\\xfe\\xff\\xff\\xff:\/.*\/dist\/binfmt\/binfmt-P:P$/);
    expect(cli('-binfmt', 'register', '--print', '--flags', 'F,O').stdout).toMatch(/\/binfmt:FO\n# \/etc\/binfmt.d\/qemu-user-ts-aarch64.conf\n.*\\xb7\\x00:.*\/binfmt:FO\n$/);
  });

  it('refuses what it does not know with one line', () => {
    for (const args of [['frobnicate'], ['register', '--arch', 'mips'], ['register', '--flags', 'Z'], []]) {
      const r = cli('-binfmt', ...args);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^qemu-user-ts: -binfmt: /);
    }
  });

  it('a program named binfmt is still a program', () => {
    const r = cli('binfmt');
    expect(r.stderr).toMatch(/Could not open 'binfmt'/);
  });
});

const state = binfmtUsable();
describe.skipIf(!state.usable)(`binfmt_misc registration${state.usable ? '' : ` (skipped: ${state.why})`}`, () => {
  const had = { riscv64: false, aarch64: false };
  beforeAll(() => {
    had.riscv64 = existsSync(join(BINFMT, 'qemu-user-ts-riscv64'));
    had.aarch64 = existsSync(join(BINFMT, 'qemu-user-ts-aarch64'));
  });
  afterAll(() => {
    cli('-binfmt', 'unregister');
    // put back what was registered before, as it was (P, our default)
    for (const arch of ['riscv64', 'aarch64'] as const) if (had[arch]) cli('-binfmt', 'register', '--arch', arch);
    if (state.mountedByUs) spawnSync('umount', [BINFMT]);
  });

  it('registers, runs both architectures straight through execve with argv[0] preserved, and unregisters', () => {
    expect(cli('-binfmt', 'register').status).toBe(0);
    const st = cli('-binfmt', 'status');
    expect(st.stdout).toMatch(/riscv64: registered .*flags P\)\naarch64: registered .*flags P\)\n/);
    expect(st.status).toBe(0);
    for (const arch of ['riscv64', 'aarch64']) {
      const direct = spawnSync(hello(arch), ['one'], { argv0: 'custom-name', encoding: 'utf8' });
      expect(direct.stdout).toBe(`Hello from ${arch}!\nargc=2\nargv[0]=custom-name\nargv[1]=one\n`);
      expect(direct.status).toBe(0);
      const viaSh = spawnSync('/bin/sh', ['-c', `"${hello(arch)}" two; echo "status $?"`], { encoding: 'utf8' });
      expect(viaSh.stdout).toBe(`Hello from ${arch}!\nargc=2\nargv[0]=hello\nargv[1]=two\nstatus 0\n`);
    }
    expect(cli('-binfmt', 'unregister', '--arch', 'aarch64').status).toBe(0);
    const after = cli('-binfmt', 'status');
    expect(after.stdout).toMatch(/riscv64: registered .*\naarch64: not registered\n/);
    expect(after.status).toBe(1);
    expect(cli('-binfmt', 'status', '--arch', 'riscv64').status).toBe(0);
  });

  it('without P, argv[0] is the program\'s path (hello prints its base name)', () => {
    expect(cli('-binfmt', 'register', '--arch', 'riscv64', '--flags', '').status).toBe(0);
    expect(cli('-binfmt', 'status', '--arch', 'riscv64').stdout).toMatch(/flags none\)/);
    const r = spawnSync(hello('riscv64'), [], { argv0: 'ignored-name', encoding: 'utf8' });
    expect(r.stdout).toBe('Hello from riscv64!\nargc=1\nargv[0]=hello\n');
    expect(cli('-binfmt', 'unregister').status).toBe(0);
    expect(cli('-binfmt', 'status').status).toBe(1);
  });
});
