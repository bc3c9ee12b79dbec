// MAP_SHARED writes reach the file when the process ends without msync or munmap: the
// mapshared guest program (tests/binaries/*/src/c/mapshared.c) leaves its second page
// written and mapped; the file must hold those bytes once the emulator has exited.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './support/guest-runner.js';

describe('MAP_SHARED file mappings', () => {
  for (const arch of ['riscv64', 'aarch64']) {
    for (const backend of ['wasm', 'interp']) {
      it(`${arch}, ${backend}: are written back at exit`, () => {
        const dir = mkdtempSync(join(tmpdir(), 'mapshared-'));
        try {
          const r = spawnSync(process.execPath, [CLI, '-accel', `tcg,backend=${backend}`, join(ROOT, 'tests/binaries', arch, 'bin/mapshared')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
          expect(r.status).toBe(0);
          expect(r.stdout).toBe(readFileSync(join(ROOT, 'tests/binaries', arch, 'expected/mapshared.stdout'), 'utf8'));
          const file = readFileSync(join(dir, 'shared.bin'));
          expect(file.length).toBe(3 * 4096);
          expect(file.subarray(4096 + 100, 4096 + 115).toString()).toBe('written at exit');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
});
