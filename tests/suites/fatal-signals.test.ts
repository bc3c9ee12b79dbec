// How the emulator reports a guest killed by a signal: QEMU prints "uncaught target
// signal N (Name) - core dumped" only for the signals it writes a guest core for, and
// a guest killed by anything else (SIGPIPE writing to a closed pipe, SIGTERM) dies
// silently; either way the emulator then dies of the same signal.

import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIG } from '../../src/linux-user/generic/constants.js';
import { uncaughtSignalMessage } from '../../src/linux-user/signals.js';
import { CLI, ROOT } from './support/guest-runner.js';

describe('fatal signals', () => {
  it('only core-dumping signals get the "uncaught target signal" line', () => {
    expect(uncaughtSignalMessage('qemu-user-ts', SIG.SIGSEGV)).toBe('qemu-user-ts: uncaught target signal 11 (Segmentation fault) - core dumped\n');
    expect(uncaughtSignalMessage('qemu-user-ts', SIG.SIGABRT)).toBe('qemu-user-ts: uncaught target signal 6 (Aborted) - core dumped\n');
    for (const sig of [SIG.SIGPIPE, SIG.SIGTERM, SIG.SIGKILL, SIG.SIGINT, SIG.SIGXCPU, SIG.SIGXFSZ, SIG.SIGSYS]) {
      expect(uncaughtSignalMessage('qemu-user-ts', sig)).toBe('');
    }
  });

  it('a guest writing to a pipe nobody reads dies of SIGPIPE, without a message', () => {
    // stdout is a FIFO whose only reader has gone, so the guest's first write gets EPIPE.
    const dir = mkdtempSync(join(tmpdir(), 'fatal-signals-'));
    try {
      const fifo = join(dir, 'fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const writer = openSync(fifo, constants.O_WRONLY);
      closeSync(reader);
      const hello = join(ROOT, 'tests/binaries/riscv64/bin/hello');
      const r = spawnSync(process.execPath, [CLI, hello], { stdio: ['ignore', writer, 'pipe'], encoding: 'utf8', timeout: 60_000 });
      closeSync(writer);
      expect(r.stderr).toBe('');
      // Killed by the signal itself, in the host's write (as qemu is), not an exit status of 141.
      expect(r.signal).toBe('SIGPIPE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an entry point that is not instruction-aligned: SIGBUS on aarch64; riscv64 starts at the even address below', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fatal-signals-'));
    try {
      /** tests/binaries/<arch>/bin/exit with e_entry moved by `delta` bytes. */
      const shifted = (arch: string, delta: number): string => {
        const b = readFileSync(join(ROOT, 'tests/binaries', arch, 'bin/exit'));
        b.writeBigUInt64LE(b.readBigUInt64LE(24) + BigInt(delta), 24);
        const path = join(dir, `${arch}-entry+${delta}`);
        writeFileSync(path, b, { mode: 0o755 });
        return path;
      };
      for (const backend of ['wasm', 'interp']) {
        const a64 = spawnSync(process.execPath, [CLI, '-accel', `tcg,backend=${backend}`, shifted('aarch64', 2)], { encoding: 'utf8', timeout: 60_000 });
        expect(a64.stderr).toBe('qemu-user-ts: uncaught target signal 7 (Bus error) - core dumped\n');
        expect(a64.signal).toBe('SIGBUS');
        // sepc's bit 0 is always zero: Linux's sret to an odd entry lands one byte lower.
        const rv = spawnSync(process.execPath, [CLI, '-accel', `tcg,backend=${backend}`, shifted('riscv64', 1), '7'], { encoding: 'utf8', timeout: 60_000 });
        expect(rv.status).toBe(7);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
