// Bad input through the real CLI: every case must end with one clear line on stderr
// naming the problem, exit status 1, and never a JavaScript stack trace.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from './support/guest-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const good = readFileSync(join(ROOT, 'tests/binaries/riscv64/bin/exit'));

/** A copy of a valid riscv64 executable with some bytes changed. */
function patched(name: string, edit: (b: Buffer) => void): string {
  const b = Buffer.from(good);
  edit(b);
  const path = join(dir, name);
  writeFileSync(path, b);
  return path;
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

function expectOneLineError(r: ReturnType<typeof run>, pattern: RegExp): void {
  expect(r.status).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^qemu-user-ts: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\bat .*\.m?js:\d+/);
}

describe('bad input gets one line and status 1', () => {
  it('a handover variable that names nothing handed over (ours, but anyone can set it)', () => {
    for (const value of ['spare:0', 'fork:99', 'fd:77', 'garbage']) {
      const r = spawnSync(process.execPath, [CLI], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QEMU_USER_TS_HANDOVER: value } });
      expectOneLineError({ status: r.status, stderr: r.stderr, stdout: r.stdout }, /QEMU_USER_TS_HANDOVER=.*: not a handover from a running qemu-user-ts/);
    }
  });
  it('a missing file', () => {
    expectOneLineError(run(join(dir, 'no-such-program')), /No such file or directory/);
  });
  it('a file that is not ELF', () => {
    const p = join(dir, 'text');
    writeFileSync(p, '#!/bin/sh\necho hello\n');
    expectOneLineError(run(p), /not an ELF|Exec format error|Invalid ELF/i);
  });
  it('an empty file', () => {
    const p = join(dir, 'empty');
    writeFileSync(p, '');
    expectOneLineError(run(p), /ELF|short|truncated|empty/i);
  });
  it('a truncated ELF', () => {
    const p = join(dir, 'truncated');
    writeFileSync(p, good.subarray(0, 100));
    expectOneLineError(run(p), /truncated|outside|short/i);
  });
  it('program headers outside the file', () => {
    expectOneLineError(run(patched('bad-phoff', (b) => b.writeBigUInt64LE(0xffff_0000n, 32))), /program header|outside|truncated/i);
  });
  it('a segment larger than the address space', () => {
    // First program header's p_memsz (phdr at e_phoff; p_memsz at +40).
    expectOneLineError(run(patched('huge-segment', (b) => {
      const phoff = Number(b.readBigUInt64LE(32));
      const phentsize = b.readUInt16LE(54);
      const phnum = b.readUInt16LE(56);
      for (let i = 0; i < phnum; i++) {
        const ph = phoff + i * phentsize;
        if (b.readUInt32LE(ph) === 1) { b.writeBigUInt64LE(0x10_0000_0000n, ph + 40); break; }
      }
    })), /segment|address space|too large|enormous/i);
  });
  it('an entry point outside every segment', () => {
    expectOneLineError(run(patched('bad-entry', (b) => b.writeBigUInt64LE(0x7000_0000n, 24))), /entry/i);
  });
  it('a 32-bit ELF (riscv32)', () => {
    // A minimal, well-formed ELF32 executable: header, one PT_LOAD, four bytes of code.
    const b = Buffer.alloc(0x58);
    b.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1], 0);
    b.writeUInt16LE(2, 16); // ET_EXEC
    b.writeUInt16LE(243, 18); // EM_RISCV
    b.writeUInt32LE(1, 20);
    b.writeUInt32LE(0x10054, 24); // e_entry
    b.writeUInt32LE(52, 28); // e_phoff
    b.writeUInt16LE(52, 40); // e_ehsize
    b.writeUInt16LE(32, 42); // e_phentsize
    b.writeUInt16LE(1, 44); // e_phnum
    b.writeUInt32LE(1, 52); // PT_LOAD
    b.writeUInt32LE(0x10000, 60); // p_vaddr
    b.writeUInt32LE(0x58, 68); // p_filesz
    b.writeUInt32LE(0x58, 72); // p_memsz
    b.writeUInt32LE(5, 76); // PF_R | PF_X
    b.writeUInt32LE(0x1000, 80);
    const p = join(dir, 'elf32');
    writeFileSync(p, b);
    expectOneLineError(run(p), /riscv32|32-bit/i);
  });
  it('a big-endian ELF', () => {
    expectOneLineError(run(patched('big-endian', (b) => { b[5] = 2; })), /big-endian|endian/i);
  });
  it('an x86-64 ELF', () => {
    expectOneLineError(run(patched('x86-64', (b) => b.writeUInt16LE(62, 18))), /x86-64/i);
  });
  it('an architecture we do not emulate (ppc64)', () => {
    expectOneLineError(run(patched('ppc64', (b) => b.writeUInt16LE(21, 18))), /ppc64.*not supported/i);
  });
  it('a bad option', () => {
    const r = run('-no-such-option', join(ROOT, 'tests/binaries/riscv64/bin/exit'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^qemu-user-ts: /);
    expect(r.stderr).not.toMatch(/\bat .*\.m?js:\d+/);
  });
  it('-prefix-only without a prefix', () => {
    expectOneLineError(run('-prefix-only', join(ROOT, 'tests/binaries/riscv64/bin/exit')), /-prefix-only needs a prefix/);
  });
  it('a directory', () => {
    expectOneLineError(run(dir), /directory|not a regular|Permission|ELF/i);
  });
});

describe('a dynamically linked program whose interpreter is bad gets one line and status 1', () => {
  // tests/binaries/riscv64/bin/dyn-hello asks for /lib/ld-linux-riscv64-lp64d.so.1.
  const prog = join(ROOT, 'tests/binaries/riscv64/bin/dyn-hello');
  const sysroot = (name: string, ld?: Uint8Array): string => {
    const root = join(dir, name);
    mkdirSync(join(root, 'lib'), { recursive: true });
    if (ld) writeFileSync(join(root, 'lib/ld-linux-riscv64-lp64d.so.1'), ld);
    return root;
  };
  it('a missing interpreter', () => {
    expectOneLineError(run('-L', sysroot('no-ld'), prog), /^qemu-user-ts: Could not open '\/lib\/ld-linux-riscv64-lp64d\.so\.1': No such file or directory$/);
  });
  it('an interpreter of another architecture', () => {
    const root = sysroot('arm-ld');
    copyFileSync(join(ROOT, 'tests/binaries/aarch64/bin/exit'), join(root, 'lib/ld-linux-riscv64-lp64d.so.1'));
    expectOneLineError(run('-L', root, prog), /the interpreter of .*dyn-hello is 64-bit aarch64, not 64-bit riscv64/);
  });
  it('a corrupt interpreter', () => {
    expectOneLineError(run('-L', sysroot('cut-ld', good.subarray(0, 80)), prog), /ld-linux-riscv64-lp64d\.so\.1: truncated ELF file/);
    expectOneLineError(run('-L', sysroot('text-ld', new TextEncoder().encode('#!/bin/sh\n')), prog), /ld-linux-riscv64-lp64d\.so\.1: not an ELF file/);
  });
});
